"""Turn a raw document into a plan: sections, activities with their repaired cells, mentions and flags."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from extract.errors import InputError
from dataclasses import replace

from extract.model import AGENCIES, COLUMNS, INDICATOR, NUMBER, PERIOD, TITLE, RawDocument

from .accounting import UNPLACED, Accounting, WordPlace, check_complete, place_cell_words

from .anchors import Anchor, bands_to_anchors
from .cells import ColumnCut, SegmentSettings, prepare_column, segment_column
from .matching import split_agency_list
from .periods import Period, cell_to_period
from .registry import Registry
from .roles import IMPLEMENTER, RECOMMENDED, cell_to_role_parts, find_labels, label_role
from .sections import SectionHeader, bands_to_sections
from .text import clean_text
from .words import Vocabulary


@dataclass(frozen=True)
class Mention:
    """One agency as the cell names it, in its role and position."""

    role: str
    position: int
    text: str


@dataclass(frozen=True)
class Activity:
    activity_id: str
    section_no: int
    section_title: str
    title: str
    indicator: str
    mentions: tuple[Mention, ...]
    period: Period
    lines: tuple[int, ...]
    flags: tuple[str, ...]

    def names(self, role: str) -> tuple[str, ...]:
        return tuple(m.text for m in self.mentions if m.role == role)


@dataclass(frozen=True)
class Plan:
    plan_id: str
    source: str
    title: str
    sections: tuple[SectionHeader, ...]
    activities: tuple[Activity, ...]
    #: Source words the plan could not place (line, word), and the count of words in each kind of place.
    unplaced: tuple[tuple[int, str], ...] = ()
    placed: tuple[tuple[str, int], ...] = ()
    flags: tuple[str, ...] = ()


def agency_cell_to_mentions(cell: str, registry: Registry) -> tuple[tuple[Mention, ...], list[str]]:
    """Split an Implementation / Recommendation cell into mentions by role; flags for what was assumed."""
    flags: list[str] = []
    mentions: list[Mention] = []
    positions: Counter[str] = Counter()
    parts = cell_to_role_parts(cell)
    if parts and not parts[0].label:
        flags.append("agencies_unlabelled")
    for part in parts:
        for name in split_agency_list(part.text, registry):
            text = clean_text(name)
            if text:
                positions[part.role] += 1
                mentions.append(Mention(part.role, positions[part.role], text))
    if not mentions:
        flags.append("agencies_missing")
    return tuple(mentions), flags


def order_flags(anchors: list[Anchor]) -> dict[int, list[str]]:
    """Activity ids given twice, out of order, or a section number going backwards."""
    flags: dict[int, list[str]] = {}
    seen: set[str] = set()
    previous: tuple[int, int] | None = None
    for i, anchor in enumerate(anchors):
        key = tuple(int(x) for x in anchor.activity_id.split("."))
        if anchor.activity_id in seen:
            flags.setdefault(i, []).append("activity_id_duplicate")
        if previous and key[0] < previous[0]:
            flags.setdefault(i, []).append("section_backwards")
        elif previous and key <= previous and anchor.activity_id not in seen:
            flags.setdefault(i, []).append("activity_id_out_of_order")
        seen.add(anchor.activity_id)
        previous = key
    return flags


def agencies_in_usual_order(bands, anchors: list[Anchor], header_bands: tuple[int, ...],
                            settings: SegmentSettings) -> ColumnCut:
    """Cut the agency column preferring the label order most of the document's cells use.

    A first cut with no preference counts the cells holding both labels; the final cut then prefers the
    majority order, so that a choice the evidence leaves open follows the document's own habit.
    """
    prepared = prepare_column(bands, AGENCIES)
    first = segment_column(bands, anchors, AGENCIES, header_bands, replace(settings, unusual_label_order=0.0),
                           prepared)
    orders: Counter[str] = Counter()
    for cell in first.cells:
        roles = [label_role(m) for m in find_labels(cell.text)]
        if len(roles) >= 2 and roles[0] != roles[1]:
            orders[roles[0]] += 1
    usual = RECOMMENDED if orders[RECOMMENDED] > orders[IMPLEMENTER] else IMPLEMENTER
    return segment_column(bands, anchors, AGENCIES, header_bands, replace(settings, usual_first_role=usual),
                          prepared)


def account_words(document: RawDocument, anchors: list[Anchor], headers: list[SectionHeader],
                  columns: dict[int, ColumnCut], activities: list[Activity]) -> Accounting:
    """Where every word of the source went (see normalize/accounting.py)."""
    places = [WordPlace(line, word, "document title") for line, word in document.title_words]
    places += [WordPlace(line, word, "table header") for line, word in document.header_words]
    places += [WordPlace(line, word, UNPLACED) for line, text in document.stray for word in text.split()]
    in_header: set[tuple[int, int, int]] = set()
    for header in headers:
        band = document.bands[header.band]
        for c, i, j in header.parts:
            words = band.text(c).split()
            places += [WordPlace(band.line, word, f"section {header.number} title") for word in words[i:j]]
            in_header.update((header.band, c, k) for k in range(i, j))
    numbered = {a.band: a.activity_id for a in anchors}
    for band in document.bands:
        for k, word in enumerate(band.text(NUMBER).split()):
            if (band.index, NUMBER, k) not in in_header:
                place = f"activity {numbered[band.index]} number" if band.index in numbered else UNPLACED
                places.append(WordPlace(band.line, word, place))
    for i, activity in enumerate(activities):
        # The labels and the word "and" between two names are the list's structure: placed with it.
        agencies = " ".join([p.label for p in cell_to_role_parts(columns[AGENCIES].cells[i].text)]
                            + [m.text for m in activity.mentions] + ["and"])
        for column, text in ((TITLE, activity.title), (INDICATOR, activity.indicator),
                             (AGENCIES, agencies), (PERIOD, activity.period.text)):
            place = f"activity {activity.activity_id} {COLUMNS[column]}"
            places += place_cell_words(columns[column].cells[i].words, text, place)
    missing = check_complete(list(document.source_words), places) if document.source_words else ()
    return Accounting(tuple(places), missing)


def document_to_plan(document: RawDocument, plan_id: str, registry: Registry,
                     settings: SegmentSettings | None = None, strict: bool = False,
                     keep_accounting: bool = False) -> Plan | tuple[Plan, Accounting]:
    """Repair a raw document's columns and sections and split its cells into activities.

    With `strict`, a duplicate activity id, an id out of order or a section going backwards is an error
    rather than a flag. With `keep_accounting`, also return where every source word went.
    """
    anchors = bands_to_anchors(document.bands)
    if not anchors:
        raise InputError(f"{document.path}: no activity numbers found (expected rows numbered like 1.1 or 2.10.)")
    vocabulary = Vocabulary.from_texts(f.text for band in document.bands for f in band.fragments)
    bands, headers = bands_to_sections(document.bands, anchors, vocabulary)
    header_bands = tuple(h.band for h in headers)
    settings = settings or SegmentSettings()
    columns: dict[int, ColumnCut] = {
        column: segment_column(bands, anchors, column, header_bands, settings)
        for column in (TITLE, INDICATOR, PERIOD)
    }
    columns[AGENCIES] = agencies_in_usual_order(bands, anchors, header_bands, settings)
    doubtful: dict[int, list[str]] = {}
    for column, cut in columns.items():
        for k in cut.uncertain:
            for i in (k, k + 1):
                doubtful.setdefault(i, []).append(f"{COLUMNS[column]}_boundary_uncertain")
    titles = {h.number: h.title for h in headers}
    problems = order_flags(anchors)
    if strict and problems:
        i = min(problems)
        raise InputError(f"{document.path}:{anchors[i].line}: activity {anchors[i].activity_id}: "
                         f"{problems[i][0].replace('_', ' ')} (an error with --strict)")
    activities = []
    for i, anchor in enumerate(anchors):
        flags = list(problems.get(i, []))
        title = clean_text(columns[TITLE].cells[i].text)
        indicator = clean_text(columns[INDICATOR].cells[i].text)
        mentions, agency_flags = agency_cell_to_mentions(clean_text(columns[AGENCIES].cells[i].text), registry)
        period = cell_to_period(columns[PERIOD].cells[i].text)
        section_title = titles.get(anchor.section_no, "")
        if not title:
            flags.append("title_missing")
        if not indicator:
            flags.append("indicator_missing")
        flags.extend(agency_flags)
        if period.flag:
            flags.append(period.flag)
        if not section_title:
            flags.append("section_title_missing")
        flags.extend(sorted(set(doubtful.get(i, []))))
        lines = sorted({anchor.line, *(line for cut in columns.values() for line in cut.cells[i].lines)})
        activities.append(Activity(anchor.activity_id, anchor.section_no, section_title, title, indicator,
                                   mentions, period, tuple(lines), tuple(flags)))
    accounting = account_words(document, anchors, headers, columns, activities)
    unplaced = tuple((p.line, p.word) for p in accounting.unplaced) + accounting.missing
    plan = Plan(plan_id, document.path, document.title, tuple(headers), tuple(activities), unplaced,
                tuple(sorted(accounting.summary().items())), ("words_unplaced",) if unplaced else ())
    return (plan, accounting) if keep_accounting else plan
