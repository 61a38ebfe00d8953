"""Turn a raw document into a plan: sections, activities with their repaired cells, mentions and flags."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extract.errors import InputError
from extract.model import Band, LabelledValue, Provenance, RawDocument, TableProfile
from extract.vocabulary import EXTRA, PERIOD_PARTS, SECTION

from .accounting import UNPLACED, Accounting, WordPlace, check_complete, fold_place, place_cell_words
from .agency_lists import split_agency_list
from .anchors import Anchor, bands_to_anchors, order_flags
from .cell_scores import SegmentSettings, capitals_open_cells, period_forms_of
from .cells import Cell, ColumnCut, printed_alone, spilled_rows
from .chunks import chunk_cuts
from .labelled import labelled_places, labelled_values, profiles_with_labels
from .name_hints import bands_to_name_hints
from .periods import Period, cell_to_period, ticks_to_period
from .printed_names import apart_by_printed_names
from .registry import Registry
from .roles import (IMPLEMENTER, PARTNER, RECOMMENDED, cell_to_role_parts, find_labels, label_at, label_role,
                    remark_role)
from .separators import commas_part_items
from .sections import SUB_HEADING, SectionHeader, bands_to_sections, column_sections, plain_sections
from .text import clean_text
from .words import Vocabulary, rejoin_line_breaks


@dataclass(frozen=True)
class Mention:
    """One agency as the cell names it, in its role and position."""

    role: str
    position: int
    text: str
    #: Where it was printed when not in the activity's own cells: the value of a key/value block above the
    #: activity's table (`normalize.labelled`); None for a mention of the activity's cells.
    source: Provenance | None = None
    #: A remark after the name that gave its role ("(по согласованию)", `normalize.roles.remark_role`).
    remark: str = ""


@dataclass(frozen=True)
class Activity:
    activity_id: str
    section_no: int | None
    section_title: str
    title: str
    indicator: str
    mentions: tuple[Mention, ...]
    period: Period
    lines: tuple[int, ...]
    flags: tuple[str, ...]
    #: The table's extra columns (none of the known meanings): (header as printed, value), in column order.
    fields: tuple[tuple[str, str], ...] = ()

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
    #: Each table of the source with the columns learned for it (see `extract.model.TableProfile`).
    tables: tuple[TableProfile, ...] = ()
    #: How many pages the source has (a PDF); None for a text source.
    pages: int | None = None


def agency_cell_to_mentions(cell: str, registry: Registry, unlabelled_role: str = IMPLEMENTER,
                            positions: Counter[str] | None = None, commas_part: bool = True
                            ) -> tuple[tuple[Mention, ...], list[str]]:
    """Split an agencies cell into mentions by role; flags for what was assumed.

    Text before any role label is `unlabelled_role`'s (a partners column's cell lists partners). A newline
    ends an item (a list printed one item per line). Without `commas_part`, the plan parts its lists'
    items with another separator, and a comma is inside a name (`normalize.separators`).
    """
    cell = "\n".join(text for text in (clean_text(line) for line in cell.split("\n")) if text)
    flags: list[str] = []
    mentions: list[Mention] = []
    positions = Counter() if positions is None else positions
    parts = [replace(part, role=unlabelled_role) if not part.label else part for part in cell_to_role_parts(cell)]
    if parts and not parts[0].label and unlabelled_role == IMPLEMENTER:
        flags.append("agencies_unlabelled")
    for part in parts:
        for name in split_agency_list(part.text, registry, commas_part):
            text = clean_text(name)
            role, remark = part.role, ""
            if text and part.role == IMPLEMENTER:   # (a label that names the role outranks a remark)
                said, text, remark = remark_role(text)
                role = said or role
            if text:
                positions[role] += 1
                mentions.append(Mention(role, positions[role], text, remark=remark))
    if not mentions:
        flags.append("agencies_missing")
    return tuple(mentions), flags


#: A document lists bodies without a role label as a habit when at least this share of its cells do.
UNLABELLED_HABIT = 0.25
#: A document puts one role's label first as a habit when its cells holding both labels do so at least this
#: many times as often as the other way round.
LABEL_ORDER_HABIT = 3


def usual_first_role(orders: Counter[str]) -> str | None:
    """The role whose label the document's cells put first, or None where they show no habit: as many
    cells put either label first, near enough (4 to 2), and an order the plan follows as often as not says
    nothing about where a label belongs."""
    first, second = sorted((IMPLEMENTER, RECOMMENDED), key=lambda role: -orders[role])
    if orders[second] and orders[first] < LABEL_ORDER_HABIT * orders[second]:
        return None
    return first if orders[first] > orders[second] else IMPLEMENTER


def label_orders(cells: tuple[Cell, ...]) -> Counter[str]:
    """How many cells holding both labels put each role's label first, and (under "") how many cells
    with text open on no label at all."""
    orders: Counter[str] = Counter()
    for cell in cells:
        roles = [label_role(m) for m in find_labels(cell.text)]
        if len(roles) >= 2 and roles[0] != roles[1]:
            orders[roles[0]] += 1
        if cell.text.strip() and label_at(cell.text.strip()) is None:
            orders[""] += 1
        orders["cells"] += 1
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


#: Where the text outside the tables goes (pages of prose before them, an annex after): the document's.
OUTSIDE_TABLES = "outside the tables"


def document_places(document: RawDocument, anchors: list[Anchor], headers: list[SectionHeader],
                    number_column: int) -> list[WordPlace]:
    """Where the words outside the activities' cells went: title, table header, section titles, numbers."""
    places = [WordPlace(line, word, "document title") for line, word in document.title_words]
    places += [WordPlace(line, word, "table header") for line, word in document.header_words]
    places += [WordPlace(line, word, OUTSIDE_TABLES) for line, text in document.outside for word in text.split()]
    places += [WordPlace(line, word, UNPLACED) for line, text in document.stray for word in text.split()]
    in_header: set[tuple[int, int, int]] = set()
    for header in headers:
        for b in (header.band, *header.repeats):
            band = document.bands[b]
            for c, i, j in header.parts:
                words = band.text(c).split()
                place = f"section {header.number} {'sub-heading' if header.key == SUB_HEADING else 'title'}"
                places += [WordPlace(band.line, word, place) for word in words[i:j]]
                in_header.update((b, c, k) for k in range(i, j))
    numbered = {a.band: a.activity_id for a in anchors}
    for band in document.bands:
        for k, word in enumerate(band.text(number_column).split()):
            if (band.index, number_column, k) not in in_header:
                place = f"activity {numbered[band.index]} number" if band.index in numbered else UNPLACED
                places.append(WordPlace(band.line, word, place))
    return places


@dataclass(frozen=True)
class Layout:
    """Which column of the document's bands holds what: meaning -> column index, and the extra fields."""

    number: int
    cut: dict[int, str]
    headers: dict[int, str]
    #: The column that prints each activity's section heading beside it (not cut into cells), if any.
    section: int | None = None

    @classmethod
    def of(cls, document: RawDocument) -> "Layout":
        number = document.column_of("number")
        number = 0 if number is None else number  # no column is named so: numbers are sought in the first
        section = document.column_of(SECTION)
        cut = {i: column.meaning for i, column in enumerate(document.columns) if i not in (number, section)}
        headers = {i: column.header for i, column in enumerate(document.columns)}
        return cls(number, cut, headers, section)

    def index(self, meaning: str) -> int | None:
        return next((i for i, m in self.cut.items() if m == meaning), None)


def field_text(activity: Activity, meaning: str, cell_text: str, header: str) -> str:
    """The text of the activity's field made from a column's cell, for the word accounting."""
    if meaning in ("agencies", "partners"):
        labels = [p.label for p in cell_to_role_parts(cell_text)]
        # The labels and the word "and" between two names are the list's structure: placed with it.
        return " ".join(labels + [f"{m.text} {m.remark}" for m in activity.mentions] + ["and"])
    if meaning == "title":
        return activity.title
    if meaning == "indicator":
        return activity.indicator
    if meaning == "period" or meaning in PERIOD_PARTS and header not in dict(activity.fields):
        return activity.period.text
    return dict(activity.fields).get(header, "")


def activity_places(activity: Activity, columns: dict[int, ColumnCut], i: int, layout: Layout) -> list[WordPlace]:
    """Where the words of an activity's cells went: its fields, or unplaced."""
    places: list[WordPlace] = []
    for column, cut in columns.items():
        meaning = layout.cut[column]
        place = f"activity {activity.activity_id} {meaning if meaning != EXTRA else layout.headers[column]}"
        text = field_text(activity, meaning, cut.cells[i].text, layout.headers[column])
        places += place_cell_words(cut.cells[i].words, text, place)
    return places


def cells_to_activity(anchor: Anchor, columns: dict[int, ColumnCut], i: int, section_title: str,
                      flags: list[str], registry: Registry, layout: Layout,
                      vocabulary: Vocabulary | None = None, commas_part: bool = True,
                      alone: dict[int, frozenset[str]] | None = None) -> Activity:
    """The activity made of the i-th cell of each column (with the document's `vocabulary`, words broken
    at a hyphen where a line ended are made whole: "moni- toring"; `commas_part`: whether the plan's
    agency lists part their items with commas; `alone`: for each list column printing one item per line,
    the words it prints alone on a line, `normalize.cells.printed_alone`)."""
    def whole(text: str) -> str:
        return text if vocabulary is None else rejoin_line_breaks(text, vocabulary)

    def cell(meaning: str) -> str | None:
        index = layout.index(meaning)
        return None if index is None else whole(columns[index].cells[i].text)

    def listed(meaning: str) -> str:
        """A list cell's text, a newline where a line was ended rather than wrapped (one item per line)."""
        index = layout.index(meaning)
        return "" if index is None else whole(columns[index].cells[i].text_by_lines((alone or {}).get(index)))

    title = clean_text(cell("title") or "")
    indicator = clean_text(cell("indicator") or "")
    positions: Counter[str] = Counter()
    mentions, agency_flags = agency_cell_to_mentions(listed("agencies"), registry, positions=positions,
                                                     commas_part=commas_part)
    if cell("partners") is not None:
        partners, _ = agency_cell_to_mentions(listed("partners"), registry, PARTNER, positions, commas_part)
        mentions += partners
    period_cell = cell("period")
    parts = [cell(part) for part in PERIOD_PARTS]
    if not (period_cell or "").strip() and any((part or "").strip() for part in parts):
        # "Start date" | "End date": one period, from the first to the last ("January 2014 – June 2015"),
        # also where another table of the plan has a period column (the union layout holds both: empty here).
        period_cell = " – ".join(text for text in (clean_text(part or "") for part in parts) if text)
    period = cell_to_period(period_cell or "")
    if not title:
        flags.append("title_missing")
    if not indicator and cell("indicator") is not None:
        flags.append("indicator_missing")
    if cell("agencies") is not None or cell("partners") is None:
        flags.extend(agency_flags)
    if period.flag and (period_cell is not None or period.flag != "period_missing"):
        flags.append(period.flag)
    if not section_title:
        flags.append("section_title_missing")
    for column, cut in columns.items():
        # A boundary between two empty cells (a column this part of the plan does not have) is no choice.
        doubtful = [k for k in (i - 1, i) if k in cut.uncertain and (cut.cells[k].text or cut.cells[k + 1].text)]
        if doubtful:
            meaning = layout.cut[column]
            meaning = "period" if meaning in PERIOD_PARTS else meaning if meaning != EXTRA else "field"
            flags.append(f"{meaning}_boundary_uncertain")
    # A start or end column beside a period column of its own is a field of the activity, as printed.
    as_fields = {EXTRA, *PERIOD_PARTS} if (cell("period") or "").strip() else {EXTRA}
    fields = tuple((layout.headers[c], clean_text(whole(cut.cells[i].text))) for c, cut in columns.items()
                   if layout.cut[c] in as_fields and cut.cells[i].text.strip())
    if period_cell is None and (ticked := ticks_to_period(fields)) is not None:
        period = ticked     # no period column: the years ticked in columns of their own (kept as fields too)
    lines = sorted({anchor.line, *(line for cut in columns.values() for line in cut.cells[i].lines)})
    return Activity(anchor.activity_id, anchor.section_no, section_title, title, indicator, mentions, period,
                    tuple(lines), tuple(dict.fromkeys(flags)), fields)


def with_labelled_agencies(activity: Activity, rows: Sequence[tuple[int, LabelledValue]], registry: Registry,
                           mentions_of: dict[int, list[str]]) -> Activity:
    """The activity with the agencies the key/value rows above its table name (`normalize.labelled`), after
    its own, each mention remembering the row's value as its source; `mentions_of` learns the mentions made
    of each row (by its index), for the word accounting."""
    positions = Counter(m.role for m in activity.mentions)
    mentions = list(activity.mentions)
    for k, value in rows:
        text = value.text if any(ch.isalnum() for ch in value.text) else ""   # ("–": the block names none)
        made, _ = agency_cell_to_mentions(text, registry, value.role, positions) if text else ((), [])
        mentions += [replace(m, source=value.source) for m in made]
        mentions_of.setdefault(k, [m.text for m in made])
    if len(mentions) == len(activity.mentions):
        return activity
    flags = tuple(f for f in activity.flags if f not in ("agencies_missing", "agencies_unlabelled"))
    return replace(activity, mentions=tuple(mentions), flags=flags)


#: Of the activities whose title runs onto the next line, at least this share must open it on their
#: number's line for the document's cells to be read as hanging from the top of their rows.
TOP_ALIGNED_SHARE = 0.9
#: ... and at least this many such activities must show it.
TOP_ALIGNED_EVIDENCE = 3


def top_aligned(bands: tuple[Band, ...], anchors: list[Anchor], title_column: int | None) -> bool:
    """Whether the text form's cells hang from the top of their rows: every title that runs onto more lines
    opens on its number's line, with a capital. Each activity's row is then its number's line and the lines
    under it up to the next number (as a PDF's rows are); cells centred on their rows (the usual text form)
    open above the number's line as often as on it, a title's middle line on it."""
    if title_column is None:
        return False
    anchored = {a.band for a in anchors}
    opening = []
    for anchor in anchors:
        b = anchor.band
        below = b + 1 < len(bands) and b + 1 not in anchored and bands[b + 1].text(title_column)
        if below and not bands[b + 1].column_header:
            first = bands[b].text(title_column)[:1]
            opening.append(bool(first) and (first.isupper() or first.isdigit() or first in "\"«“"))
    return len(opening) >= TOP_ALIGNED_EVIDENCE and sum(opening) >= TOP_ALIGNED_SHARE * len(opening)


def section_titles(anchors: list[Anchor], headers: list[SectionHeader]) -> list[str]:
    """Each activity's section title: that of the last header of its section at or above its band."""
    ordered = sorted(headers, key=lambda h: h.band)
    titles, current, h = [], {}, 0
    for anchor in anchors:
        while h < len(ordered) and ordered[h].band <= anchor.band:
            current[ordered[h].key] = ordered[h].title
            h += 1
        titles.append(current.get(anchor.section_key, ""))
    return titles


def document_to_plan(document: RawDocument, plan_id: str, registry: Registry,
                     settings: SegmentSettings | None = None, strict: bool = False,
                     keep_accounting: bool = False) -> Plan | tuple[Plan, Accounting]:
    """Repair a raw document's columns and sections and split its cells into activities.

    With `strict`, a duplicate activity id, an id out of order or a section going backwards is an error
    rather than a flag. With `keep_accounting`, also return where every source word went.
    """
    layout = Layout.of(document)
    anchors = bands_to_anchors(document.bands, layout.number)
    if not anchors:
        raise InputError(f"{document.path}: no activity numbers found "
                         "(expected rows numbered like 1, 1.1, 2.10. or I.1)")
    problems = order_flags(anchors)
    if strict and problems:
        i = min(problems)
        raise InputError(f"{document.path}:{anchors[i].line}: activity {anchors[i].activity_id}: "
                         f"{problems[i][0].replace('_', ' ')} (an error with --strict)")
    vocabulary = Vocabulary.from_texts(f.text for band in document.bands for f in band.fragments)
    title_column = layout.index("title")
    if layout.section is not None:
        # The sections are printed in a column of their own, beside their activities: no row between them.
        bands, headers, anchors = column_sections(document.bands, anchors, layout.section, vocabulary)
    elif any(anchor.section_no is None for anchor in anchors):
        bands, headers, anchors = plain_sections(document.bands, anchors, vocabulary,
                                                 1 if title_column is None else title_column, layout.index("period"))
    else:
        bands, headers = bands_to_sections(document.bands, anchors, vocabulary,
                                           1 if title_column is None else title_column, layout.index("period"))
    # (A heading printed beside its activities is no row of its own for a cell to end at.)
    header_bands = () if layout.section is not None else tuple(h.band for h in headers)
    whole_rows = document.whole_rows or top_aligned(bands, anchors, title_column)
    spilled = not whole_rows and spilled_rows(bands, anchors, title_column)
    settings = settings or SegmentSettings()
    titles = section_titles(anchors, headers)
    period_column = layout.index("period")
    forms = None if period_column is None else period_forms_of(bands, anchors, period_column)
    caseless = frozenset(column for column in layout.cut if not capitals_open_cells(bands, anchors, column, spilled))

    # A choice the evidence leaves open follows the document's own habit: the agency column is cut once
    # with no preferred label order, to count which label the cells holding both put first.
    orders: Counter[str] = Counter()
    agencies_column = layout.index("agencies")
    list_columns = [i for i, m in layout.cut.items() if m in ("agencies", "partners")]
    names = bands_to_name_hints(registry, bands, list_columns)
    commas_part = commas_part_items(band.text(i) for band in bands for i in list_columns)
    # (A column that ends lines before they are full somewhere lists one item per line.)
    alone = {i: printed_alone(bands, i) for i in list_columns if any(band.fragments[i].breaks for band in bands)}
    if agencies_column is not None:
        for _, columns in chunk_cuts(bands, anchors, header_bands, settings, None, {agencies_column: "agencies"},
                                     names=names, whole_rows=whole_rows, caseless=caseless, spilled=spilled):
            orders.update(label_orders(columns[agencies_column].cells))
    usual = usual_first_role(orders)
    if orders["cells"] and orders[""] >= UNLABELLED_HABIT * orders["cells"]:
        # Bodies listed without a label are this document's habit, not a sign of a cut in the wrong place;
        # a cell opening on the label that usually comes second is then more likely the previous one's tail.
        settings = replace(settings, unlabelled_agencies=0.0, opens_on_unusual_role=settings.unusual_label_order)
    tally = Tally(keep_accounting)
    tally.add(document_places(document, anchors, headers, layout.number))
    labelled = labelled_values(document, anchors, [h.line for h in headers if h.key != SUB_HEADING])
    mentions_of: dict[int, list[str]] = {}
    activities: list[Activity] = []
    for chunk, columns in chunk_cuts(bands, anchors, header_bands, settings, usual, layout.cut, forms, names,
                                     whole_rows, caseless, spilled):
        for i, k in enumerate(chunk.anchors):
            activity = cells_to_activity(anchors[k], columns, i, titles[k], list(problems.get(k, [])), registry,
                                         layout, vocabulary, commas_part, alone)
            if k in labelled:
                activity = with_labelled_agencies(activity, [(r, document.labelled[r]) for r in labelled[k]],
                                                  registry, mentions_of)
            activities.append(activity)
            tally.add(activity_places(activity, columns, i, layout))
    tally.add(labelled_places(document, mentions_of, OUTSIDE_TABLES))
    activities = apart_by_printed_names(activities, registry)
    if agencies_column is not None and not any(find_labels(band.text(agencies_column)) for band in bands):
        # The plan never labels its agency cells: its column's header says whose they are, nothing is assumed.
        activities = [replace(a, flags=tuple(f for f in a.flags if f != "agencies_unlabelled")) for a in activities]
    missing = check_complete(document.line_words, tally.per_line) if document.line_words else ()
    unplaced = tuple(tally.unplaced) + missing
    tables = profiles_with_labels(document.tables, document.labelled, labelled, anchors) if labelled \
        else document.tables
    plan = Plan(plan_id, document.path, document.title, tuple(headers), tuple(activities), unplaced,
                tuple(sorted(tally.kinds.items())), ("words_unplaced",) if unplaced else (), tables, document.pages)
    return (plan, Accounting(tuple(tally.places), missing)) if keep_accounting else plan
