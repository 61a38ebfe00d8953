"""Turn a raw document into a plan: sections, activities with their repaired cells, mentions and flags."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from extract.errors import InputError
from dataclasses import replace

from extract.model import AGENCIES, COLUMNS, INDICATOR, NUMBER, PERIOD, TITLE, Band, RawDocument

from .accounting import UNPLACED, Accounting, WordPlace, check_complete, fold_place, place_cell_words

from .anchors import Anchor, bands_to_anchors
from .cells import Cell, ColumnCut, SegmentSettings, segment_column
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


@dataclass(frozen=True)
class Chunk:
    """A run of activities cut on its own: its bands, and the header band(s) its last cell may end in.

    No cell crosses a section's header row, so a plan is cut section by section: a long plan is never
    held as one long run of words, and the cuts are the same as for the whole.
    """

    anchors: range
    bands: range
    end_window: tuple[int, int] | None


def headers_between(headers: list[int], low: int, high: int) -> list[int]:
    """The header bands in [low, high], from a sorted list."""
    return headers[bisect_left(headers, low): bisect_right(headers, high)]


def anchors_to_chunks(anchors: list[Anchor], header_bands: tuple[int, ...], band_count: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    first_anchor, first_band = 0, 0
    headers = sorted(header_bands)
    for k in range(len(anchors) - 1):
        if anchors[k].section_no == anchors[k + 1].section_no:
            continue
        between = headers_between(headers, anchors[k].band, anchors[k + 1].band)
        if between:
            chunks.append(Chunk(range(first_anchor, k + 1), range(first_band, between[-1] + 1),
                                (between[0], between[-1])))
            first_anchor, first_band = k + 1, between[0]
    chunks.append(Chunk(range(first_anchor, len(anchors)), range(first_band, band_count), None))
    return chunks


def drop_carried(bands: dict[int, Band], window: tuple[int, int], carry: dict[int, int]) -> None:
    """Take out of the window's bands the words the previous chunk's last cells took, column by column."""
    for column, count in carry.items():
        for b in range(window[0], window[1] + 1):
            if count <= 0:
                break
            words = bands[b].text(column).split()
            taken = min(count, len(words))
            fragments = list(bands[b].fragments)
            fragments[column] = replace(fragments[column], text=" ".join(words[taken:]))
            bands[b] = replace(bands[b], fragments=tuple(fragments))
            count -= taken


def chunk_cuts(bands: tuple[Band, ...], anchors: list[Anchor], header_bands: tuple[int, ...],
               settings: SegmentSettings, usual_first_role: str | None,
               columns_wanted: tuple[int, ...] = (TITLE, INDICATOR, AGENCIES, PERIOD),
               ) -> Iterator[tuple[Chunk, dict[int, ColumnCut]]]:
    """Each chunk with its columns cut, the last cell of each carried into the next where it ends.

    With `usual_first_role` None, no label order is preferred.
    """
    current: dict[int, Band] = {}
    previous: tuple[int, int] | None = None
    carry: dict[int, int] = {}
    sorted_headers = sorted(header_bands)
    chunk_settings = replace(settings, unusual_label_order=0.0) if usual_first_role is None else \
        replace(settings, usual_first_role=usual_first_role)
    for chunk in anchors_to_chunks(anchors, header_bands, len(bands)):
        for b in chunk.bands:
            current.setdefault(b, bands[b])
        if previous is not None:
            drop_carried(current, previous, carry)
        part = tuple(current[b] for b in chunk.bands)
        chunk_anchors = anchors[chunk.anchors.start: chunk.anchors.stop]
        headers = tuple(headers_between(sorted_headers, chunk.bands.start, chunk.bands.stop - 1))
        columns = {column: segment_column(part, chunk_anchors, column, headers, chunk_settings,
                                          end_window=chunk.end_window)
                   for column in columns_wanted}
        yield chunk, columns
        carry = {column: cut.carry for column, cut in columns.items()}
        previous = chunk.end_window
        for b in chunk.bands:
            if chunk.end_window is None or b < chunk.end_window[0]:
                current.pop(b, None)


def label_orders(cells: tuple[Cell, ...]) -> Counter[str]:
    """How many cells holding both labels put each role's label first."""
    orders: Counter[str] = Counter()
    for cell in cells:
        roles = [label_role(m) for m in find_labels(cell.text)]
        if len(roles) >= 2 and roles[0] != roles[1]:
            orders[roles[0]] += 1
    return orders


class Tally:
    """The word accounting, kept as counts (and the unplaced words) unless every place is asked for."""

    def __init__(self, keep: bool) -> None:
        self.keep = keep
        self.places: list[WordPlace] = []
        self.kinds: Counter[str] = Counter()
        self.per_line: Counter[int] = Counter()
        self.unplaced: list[tuple[int, str]] = []

    def add(self, places: list[WordPlace]) -> None:
        for place in places:
            self.per_line[place.line] += 1
            if place.place == UNPLACED:
                self.unplaced.append((place.line, place.word))
        if self.keep:
            self.places.extend(places)
        for place, count in Counter(p.place for p in places).items():
            self.kinds[fold_place(place)] += count


def document_places(document: RawDocument, anchors: list[Anchor], headers: list[SectionHeader]) -> list[WordPlace]:
    """Where the words outside the activities' cells went: title, table header, section titles, numbers."""
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
    return places


def activity_places(activity: Activity, columns: dict[int, ColumnCut], i: int) -> list[WordPlace]:
    """Where the words of an activity's cells went: its fields, or unplaced."""
    # The labels and the word "and" between two names are the list's structure: placed with it.
    agencies = " ".join([p.label for p in cell_to_role_parts(columns[AGENCIES].cells[i].text)]
                        + [m.text for m in activity.mentions] + ["and"])
    places: list[WordPlace] = []
    for column, text in ((TITLE, activity.title), (INDICATOR, activity.indicator),
                         (AGENCIES, agencies), (PERIOD, activity.period.text)):
        place = f"activity {activity.activity_id} {COLUMNS[column]}"
        places += place_cell_words(columns[column].cells[i].words, text, place)
    return places


def cells_to_activity(anchor: Anchor, columns: dict[int, ColumnCut], i: int, section_title: str,
                      flags: list[str], registry: Registry) -> Activity:
    """The activity made of the i-th cell of each column."""
    title = clean_text(columns[TITLE].cells[i].text)
    indicator = clean_text(columns[INDICATOR].cells[i].text)
    mentions, agency_flags = agency_cell_to_mentions(clean_text(columns[AGENCIES].cells[i].text), registry)
    period = cell_to_period(columns[PERIOD].cells[i].text)
    if not title:
        flags.append("title_missing")
    if not indicator:
        flags.append("indicator_missing")
    flags.extend(agency_flags)
    if period.flag:
        flags.append(period.flag)
    if not section_title:
        flags.append("section_title_missing")
    for column, cut in columns.items():
        if i in cut.uncertain or i - 1 in cut.uncertain:
            flags.append(f"{COLUMNS[column]}_boundary_uncertain")
    lines = sorted({anchor.line, *(line for cut in columns.values() for line in cut.cells[i].lines)})
    return Activity(anchor.activity_id, anchor.section_no, section_title, title, indicator, mentions, period,
                    tuple(lines), tuple(flags))


def section_titles(anchors: list[Anchor], headers: list[SectionHeader]) -> list[str]:
    """Each activity's section title: that of the last header of its section at or above its band."""
    ordered = sorted(headers, key=lambda h: h.band)
    titles, current, h = [], {}, 0
    for anchor in anchors:
        while h < len(ordered) and ordered[h].band <= anchor.band:
            current[ordered[h].number] = ordered[h].title
            h += 1
        titles.append(current.get(anchor.section_no, ""))
    return titles


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
    problems = order_flags(anchors)
    if strict and problems:
        i = min(problems)
        raise InputError(f"{document.path}:{anchors[i].line}: activity {anchors[i].activity_id}: "
                         f"{problems[i][0].replace('_', ' ')} (an error with --strict)")
    vocabulary = Vocabulary.from_texts(f.text for band in document.bands for f in band.fragments)
    bands, headers = bands_to_sections(document.bands, anchors, vocabulary)
    header_bands = tuple(h.band for h in headers)
    settings = settings or SegmentSettings()
    titles = section_titles(anchors, headers)

    # A choice the evidence leaves open follows the document's own habit: the agency column is cut once
    # with no preferred label order, to count which label the cells holding both put first.
    orders: Counter[str] = Counter()
    for _, columns in chunk_cuts(bands, anchors, header_bands, settings, None, (AGENCIES,)):
        orders.update(label_orders(columns[AGENCIES].cells))
    usual = RECOMMENDED if orders[RECOMMENDED] > orders[IMPLEMENTER] else IMPLEMENTER
    tally = Tally(keep_accounting)
    tally.add(document_places(document, anchors, headers))
    activities: list[Activity] = []
    for chunk, columns in chunk_cuts(bands, anchors, header_bands, settings, usual):
        for i, k in enumerate(chunk.anchors):
            activity = cells_to_activity(anchors[k], columns, i, titles[k], list(problems.get(k, [])), registry)
            activities.append(activity)
            tally.add(activity_places(activity, columns, i))
    missing = check_complete(document.line_words, tally.per_line) if document.line_words else ()
    unplaced = tuple(tally.unplaced) + missing
    plan = Plan(plan_id, document.path, document.title, tuple(headers), tuple(activities), unplaced,
                tuple(sorted(tally.kinds.items())), ("words_unplaced",) if unplaced else ())
    return (plan, Accounting(tuple(tally.places), missing)) if keep_accounting else plan
