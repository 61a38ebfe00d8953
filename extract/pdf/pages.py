"""The pages: read each page's header row, columns and rows, carrying the table from page to page.

A page showing a column-header row starts a table, or repeats the current one when its labels say the same
at the same places (a header whose labels differ, or stand elsewhere, starts a new table with its own
columns). A page without the header row continues the open table only if it shows activity numbers or
ruled columns (a page holding only signatures does not). Text before the first table and outside the
table is kept, not dropped: `document.py` makes it the title or stray text. A row lower on a page that
prints the header's labels again, each in its column (a table per commitment, prose between), is the header
row again (`repeats_header`); the line above a header row that prints the heading of the section the table
opens on ("Commitment 1: ...") is that section's row (`heading_above`). Where the table ends on the page
(its grid's rules stop, a wide gap) and its header row is printed again below, after a heading and prose, a
later table of the same columns starts there (`table_again`): its rows are read, its heading titles its section.

On a table's first page the reader settles which column holds the activity numbers (the one labelled so,
else the one whose lines hold numbers, else an unlabelled column left of the first label), which column a
section row's text goes in, and how many levels an activity number has (the most common in the number
column: with "1.1" numbering a "2." is a section's number, with plain numbering "2" is an activity's).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from statistics import median

from normalize.words import FUNCTION_WORDS

from ..layout import opening_levels
from ..pdf_settings import PdfSettings
from ..vocabulary import activity_number_parts, heading_number, is_column_numbering, prints_heading, squash
from .blocks import Unit, body_to_units, hanging_evidence, units_to_rows
from .edges import column_edges, has_ruled_columns, join_unparted, table_rules, word_column
from .header import Header, HeaderCell, find_header, find_header_by_structure, find_repeated_header, moved
from .keyvalue import Block, find_blocks
from .lines import Line, line_to_phrases, lines_to_strays, words_to_bbox, words_to_line
from .opening import PageContent, Rules
from .resume import resumes
from .rows import ACTIVITY, HEADER, PLAIN, SECTION, Geometry, Row, line_anchors, row_number
from .ruling import row_rules


@dataclass(frozen=True)
class TableState:
    """A table as the reader carries it from page to page: its header row as first seen, and what its
    first page settled."""

    index: int
    header: Header
    number: int | None
    title: int
    levels: int
    page: int
    #: No column prints the activity numbers: they open the title column's cells (`number` is the title column).
    opening: bool = False


@dataclass
class PageLayout:
    """What one page contributed: its header, rows, the text before the table and the stray text."""

    number: int
    header: Header | None = None
    table: TableState | None = None
    rows: list[Row] = field(default_factory=list)
    before: list[tuple[float, str]] = field(default_factory=list)
    stray: list[tuple[float, str]] = field(default_factory=list)
    #: The words of a row numbering the columns under the header ("1 2 3 4"): part of the header.
    column_numbers: tuple[str, ...] = ()
    edges: tuple[float, ...] | None = None
    table_open: bool = False
    #: The page's table cut into slabs and blocks, its geometry, and whether it goes on from the page
    #: before: read into `rows` once the whole table has shown how its cells stand (`read_rows`).
    units: list[Unit] = field(default_factory=list)
    geometry: Geometry | None = None
    continues: bool = False
    #: The lines above the page's header row: one may be the heading of the section the table opens on.
    above: list[Line] = field(default_factory=list)
    #: Later tables of the same columns on the page, each under the header row printed again below where the
    #: one before it ended (prose between): the unit it starts at, its header row, the lines above that row.
    pieces: list[tuple[int, Header, list[Line]]] = field(default_factory=list)
    #: Key/value blocks above a table on the page whose keys name agencies (`keyvalue.find_blocks`).
    blocks: list[Block] = field(default_factory=list)


def column_lines(body: Sequence[Line], edges: Sequence[float]) -> list[list[str]]:
    """For each column, the text each body line holds in it (lines holding nothing there left out)."""
    inner = edges[1:-1]
    found: list[list[str]] = [[] for _ in range(len(edges) - 1)]
    for line in body:
        per: dict[int, list[str]] = {}
        for w in line.words:
            per.setdefault(word_column(w, inner), []).append(w.text)
        for c, texts in per.items():
            found[c].append(" ".join(texts))
    return found


def number_column(header: Header, texts: Sequence[Sequence[str]]) -> int | None:
    """The column of activity numbers: the one labelled so, else the one whose lines hold numbers most."""
    for c, cell in enumerate(header.cells):
        if cell.meaning == "number":
            return c
    scored = []
    for c, lines in enumerate(texts):
        hits = sum(activity_number_parts(text) is not None for text in lines)
        if hits >= 2 and hits >= 0.5 * len(lines):
            scored.append((hits, -c))
    return -max(scored)[1] if scored else None


def with_number_column(header: Header, body: Sequence[Line], em: float, gap: float) -> Header:
    """The header with an unlabelled column added on the left when the body's lines open with activity
    numbers standing left of the first label (a header row that does not label its number column). Where
    the first label names the number column ("№" centred over numbers printed at the cell's left), the
    numbers are its."""
    first = header.cells[0]
    if first.meaning == "number":
        return header
    xs = []
    for line in body:
        x0, x1, words = line_to_phrases(line, gap)[0]
        if x1 < first.x0 - 0.5 * em and activity_number_parts(" ".join(w.text for w in words)) is not None:
            xs.append((x0, x1))
    if len(xs) < 2:
        return header
    cell = HeaderCell(min(x0 for x0, _ in xs), max(x1 for _, x1 in xs), (), None)
    return Header(header.top, header.bottom, header.first_line, header.last_line, (cell, *header.cells),
                  header.unmatched, header.found_by)


def new_table(index: int, header: Header, page: int, edges: Sequence[float], body: Sequence[Line]) -> TableState:
    """What a table's first page settles: its number and title columns, its numbering depth."""
    texts = column_lines(body, edges)
    number = number_column(header, texts)
    depths = Counter(len(parts) for parts in (activity_number_parts(text) for text in texts[number])
                     if parts) if number is not None else Counter()
    levels = max(depths, key=lambda d: (depths[d], -d)) if depths else 1
    title = next((c for c, cell in enumerate(header.cells) if cell.meaning == "title"), None)
    if title is None:
        others = [c for c in range(len(header.cells)) if c != number] or [0]
        title = max(others, key=lambda c: (sum(len(t.split()) for t in texts[c]), -c))
    if number is None and title < len(texts) and (opening := opening_levels(texts[title])) is not None:
        # No column of numbers: the activity numbers open the title cells ("1.1.1. Publish ..."), its lines.
        return TableState(index, header, title, title, opening, page, opening=True)
    return TableState(index, header, number, title, levels, page)


def page_to_layout(content: PageContent, lines: list[Line], known: TableState | None,
                   prior: tuple[float, ...] | None, table_open: bool, em: float, s: PdfSettings,
                   last: tuple[int, ...] | None = None) -> PageLayout:
    """Read one page: its header, its rows, the text before the table and the text outside it. `last`: the
    last activity number the page before read in its table (a closed table may resume on this page)."""
    layout = PageLayout(content.number)
    header = find_header(lines, content.rules, em, s, s.min_header_columns if known is None else 2)
    if header is not None:
        header = join_unparted(header, lines[header.last_line + 1:], content.rules, em, s)
    if header is not None and known is not None and header.labelled < s.min_header_columns \
            and moved(header, known.header, s.header_shift * em):
        header = None  # a few label words in the body, not the column-header row
    if header is None and known is None:
        header = find_header_by_structure(lines, content.rules, em, s)
        if header is not None:
            header = join_unparted(header, lines[header.last_line + 1:], content.rules, em, s)
    elif header is None and known is not None:
        header = repeated_header(lines, known.header, content.rules, em, s)
    resuming = header is None and known is not None and not table_open and last is not None
    if header is None and (known is None or not (table_open or resuming)):
        layout.before = lines_to_strays(lines)
        return layout
    table = known
    if header is not None:
        layout.before = lines_to_strays(lines[:header.first_line])
        layout.stray.extend(header.unmatched)
        body = lines[header.last_line + 1:]
        zone_top = header.bottom
        if known is None or moved(header, known.header, s.header_shift * em):
            header = with_number_column(header, body, em, s.phrase_gap * em)
            prior = None
            table = None
    else:
        body = list(lines)
        zone_top = 0.0
    if body and is_column_numbering([w.text for w in body[0].words]):
        # "1 | 2 | 3 | 4" numbers the columns under the header row (or alone, atop a later page).
        if header is not None:
            layout.column_numbers = tuple(w.text for w in body[0].words)
        else:
            layout.stray.extend(lines_to_strays(body[:1]))
        zone_top = body[0].bottom
        body = body[1:]
    if table is None:
        assert header is not None
        columns = header
    elif header is not None:  # the table's header repeated here: its cells, at this page's height
        columns = replace(table.header, top=header.top, bottom=header.bottom)
    else:
        columns = table.header
    rules = table_rules(content.rules, body, zone_top, s.phrase_gap * em, s.rule_snap)
    edges = column_edges(columns, zone_top if header is None else header.top, body, rules, prior,
                         content.width, em, s)
    if table is None:
        assert header is not None
        table = new_table(known.index + 1 if known is not None else 0, header, content.number, edges, body)
    layout.header = header
    layout.table = table
    ruled = has_ruled_columns(rules, edges, zone_top, s.rule_snap)
    g = Geometry(content.number, edges, rules, em, s, ruled, table.number, table.title, table.levels,
                 column_rights(body, edges, ruled), opening=table.opening)
    if header is None and not (resumes(body, g, last) if resuming and last is not None
                               else continues_table(body, g, zone_top)):
        layout.before = lines_to_strays(lines)
        layout.table = None
        return layout
    # Text beside a ruled table (outside its outer rules) is not in it.
    if g.ruled_columns and (edges[0] > 0 or edges[-1] < content.width):
        margin = s.rule_snap
        kept, beside = [], []
        for line in body:
            inside = tuple(w for w in line.words if edges[0] - margin <= (w.x0 + w.x1) / 2 <= edges[-1] + margin)
            if len(inside) < len(line.words):
                beside.append(Line(line.top, line.bottom, tuple(w for w in line.words if w not in inside)))
            if inside:
                kept.append(words_to_line(list(inside)))
        body = kept
        layout.stray.extend(lines_to_strays(beside))
    units, outside, still_open = body_to_units(body, g, zone_top)
    while not still_open and units and (again := table_again(outside, units_bottom(units), table.header,
                                                              content.rules, em, s)) is not None:
        # The table ended on the page, and its header row is printed again below: a later table of its columns.
        outside, above, repeated, rest = again
        more, below, still_open = body_to_units(rest, g, repeated.bottom)
        layout.pieces.append((len(units), repeated, above))
        layout.stray.extend(repeated.unmatched)
        units, outside = units + more, outside + below
    layout.units, layout.geometry, layout.continues = units, g, header is None or table_open
    if header is not None:
        layout.above = lines[:header.first_line]
    layout.stray.extend(lines_to_strays(outside))
    layout.edges = edges
    layout.table_open = still_open
    return layout


def hanging_tables(layouts: Sequence[PageLayout], s: PdfSettings) -> set[int]:
    """The tables (by index) whose cells hang from the top of their rows, as all their pages show it
    (`hanging_evidence`): enough rows open on their number's line and run on under it, and few open above."""
    counts: dict[int, tuple[int, int]] = {}
    for layout in layouts:
        if layout.geometry is not None and layout.table is not None:
            hanging, above = hanging_evidence(layout.units, layout.geometry, layout.continues)
            before = counts.get(layout.table.index, (0, 0))
            counts[layout.table.index] = (before[0] + hanging, before[1] + above)
    return {index for index, (hanging, above) in counts.items()
            if hanging >= s.hanging_rows and hanging >= s.hanging_share * (hanging + above)}


def read_rows(layouts: Sequence[PageLayout], s: PdfSettings) -> None:
    """Read every page's slabs and blocks into its rows, each table's cells standing as its pages show."""
    hanging = hanging_tables(layouts, s)
    for layout in layouts:
        if layout.geometry is not None and layout.table is not None:
            g = replace(layout.geometry, hanging=layout.table.index in hanging)
            starts = [0, *(start for start, _, _ in layout.pieces), len(layout.units)]
            layout.rows = []
            for k, (a, b) in enumerate(zip(starts, starts[1:])):
                rows = [replace(row, kind=HEADER) if repeats_header(row, layout.table.header) else row
                        for row in units_to_rows(layout.units[a:b], g, layout.continues and k == 0)]
                if k > 0:
                    # A later table on the page: its header row, and its heading above it (the prose stays outside).
                    _, header, above = layout.pieces[k - 1]
                    rows, unused = with_heading(rows, above, g, layout.number)
                    unused = with_blocks(layout, unused, g)
                    rows.insert(1 if rows and rows[0].kind == SECTION else 0, header_row(header, layout.number))
                    layout.stray.extend(lines_to_strays(unused))
                elif layout.header is not None:
                    # The heading of the section the table opens on, printed above its header row: the section's row.
                    rows, unused = with_heading(rows, layout.above, g, layout.number)
                    unused = with_blocks(layout, unused, g)
                    if len(unused) < len(layout.above):
                        layout.before = lines_to_strays(unused)
                layout.rows.extend(rows)
            layout.units = []


def with_blocks(layout: PageLayout, lines: list[Line], g: Geometry) -> list[Line]:
    """The lines above a table's header row less its key/value blocks naming agencies, kept on the page."""
    blocks, rest = find_blocks(lines, g.rules, g.em, g.settings.phrase_gap * g.em)
    layout.blocks.extend(blocks)
    return rest


def units_bottom(units: Sequence[Unit]) -> float:
    """Where a page's table ends: the bottom of its last slab or block."""
    return max(max((line.bottom for unit in units for line in unit.lines), default=0.0),
               max((unit.bottom for unit in units if unit.bottom is not None), default=0.0))


def table_again(outside: Sequence[Line], end: float, known: Header, rules: Rules, em: float, s: PdfSettings
                ) -> tuple[list[Line], list[Line], Header, list[Line]] | None:
    """Below where the table ended on the page (`end`), the table's header row printed again (a table per
    commitment, a heading and prose between): the lines outside the table above `end`, the lines between the end
    and the header row, that header row, and the lines under it. None when no such row follows."""
    below = [line for line in outside if line.top >= end]
    header = repeated_header(below, known, rules, em, s)
    if header is None:
        return None
    return ([line for line in outside if line.top < end], below[:header.first_line], header,
            below[header.last_line + 1:])


def repeated_header(lines: Sequence[Line], known: Header, rules: Rules, em: float, s: PdfSettings) -> Header | None:
    """The table's header row printed again among the lines, its labels set as one phrase over one column
    joined as the table's were (`join_unparted`, on the rows under it)."""
    def join(header: Header) -> Header:
        return join_unparted(header, lines[header.last_line + 1:], rules, em, s)

    return find_repeated_header(lines, known, rules, em, s, join)


def header_row(header: Header, page: int) -> Row:
    """The header row printed again on a page, as a row of the column-header kind, each label in its column."""
    return Row(page, header.top, HEADER, tuple(cell.text for cell in header.cells),
               tuple((cell.x0, header.top, cell.x1, header.bottom) for cell in header.cells))


def with_heading(rows: list[Row], above: Sequence[Line], g: Geometry, page: int) -> tuple[list[Row], list[Line]]:
    """A table's rows under a header row, with the heading of the section it opens on printed above that row
    (`heading_above`) as their first row; and the lines above left unused."""
    k = heading_above(above, rows, g)
    if k is None:
        return rows, list(above)
    end = heading_end(above, k)
    words = [w for line in above[k:end] for w in line.words]
    texts = tuple(" ".join(w.text for w in words) if c == g.title else "" for c in range(g.n))
    return [Row(page, above[k].top, SECTION, texts, (words_to_bbox(words),) * g.n), *rows], \
        [*above[:k], *above[end:]]


def heading_end(lines: Sequence[Line], k: int) -> int:
    """Where the heading on lines[k] ends (the index after its last line): a bold heading that wraps goes on
    in the lines set under it in its face and size, close as its own lines are ("Commitment 4: Participation,
    Lived Experience and" / "Community Empowerment"), until a line that prints a heading of its own or is set
    otherwise (the "Ambition" under it, smaller, further down)."""
    first = lines[k]
    height = first.bottom - first.top
    end = k + 1
    while end < len(lines) and all(w.bold for w in first.words):
        line, above = lines[end], lines[end - 1]
        if not (line.words and all(w.bold for w in line.words) and abs(line.bottom - line.top - height) <= 0.1 * height
                and line.top - above.bottom <= 0.5 * height and not prints_heading(line.text)):
            break
        end += 1
    return end


def heading_above(lines: Sequence[Line], rows: Sequence[Row], g: Geometry) -> int | None:
    """Which of the lines above a header row (None: none) heads the section the table's first row opens: the
    last line there that prints a heading ("Commitment 1: Open data", "1. Open data", `prints_heading`), where
    it prints the section number of that row's activity ("1" of "1.1") and the table prints no heading row of
    its own before it."""
    if not rows or rows[0].kind != ACTIVITY or g.number is None:
        return None
    parts = activity_number_parts(row_number(rows[0], g) or "")
    if parts is None or len(parts) < 2:
        return None
    k = next((k for k in range(len(lines) - 1, -1, -1) if prints_heading(lines[k].text)), None)
    return k if k is not None and heading_number(lines[k].text) == parts[0] else None


def repeats_header(row: Row, header: Header) -> bool:
    """Whether a row without a number prints the table's column-header labels again, each in its column
    (a later table of the same columns on the page): it is a column-header row, not text of the row under it."""
    return row.kind in (PLAIN, SECTION) and len(row.texts) == len(header.cells) \
        and sum(bool(text) for text in row.texts) >= 2 \
        and tuple(squash(text) for text in row.texts) == header.signature


def column_rights(body: Sequence[Line], edges: Sequence[float], ruled: bool) -> tuple[float, ...]:
    """How far right each column's text may reach on the page before its lines wrap. Ruled: the right rule
    less the margin the column's lines keep from the left one (where most of them start). Unruled: as far as
    its text reaches on the page."""
    n = len(edges) - 1
    rights = [edges[c] for c in range(n)]
    starts: list[list[float]] = [[] for _ in range(n)]
    inner = edges[1:-1]
    for line in body:
        previous = -1
        for word in line.words:
            c = word_column(word, inner)
            rights[c] = max(rights[c], min(word.x1, edges[c + 1]))
            if c != previous:
                starts[c].append(word.x0)
            previous = c
    if ruled:
        return tuple(edges[c + 1] - max(0.0, median(starts[c]) - edges[c]) if starts[c] else rights[c]
                     for c in range(n))
    return tuple(rights)


def continues_table(lines: Sequence[Line], g: Geometry, top: float) -> bool:
    """Whether a page without a column-header row holds more of the table: activity numbers in the number
    column, or ruling lines that frame the columns. (Text that merely fits the columns, like signatures
    on a page of their own, does not.)"""
    return bool(line_anchors(lines, g)) or g.ruled_columns or len(row_rules(g, top)) >= 2


def ends_finished(text: str) -> bool:
    """Whether a cell's text may end where it does: not on a function word ("of", "и"), a comma or a hyphen."""
    words = text.split()
    return bool(words) and words[-1][-1] not in ",;:-–(" and words[-1].casefold() not in FUNCTION_WORDS


def heading_opens_page(first: Row, last: Row, title: int) -> bool:
    """Whether a plain row opening a continuing page is a heading printed in its title cell rather than the
    rest of the row the break cut: it holds only a title, opening on a capital, after a row that ends
    finished (a cut title goes on mid-phrase)."""
    text = first.texts[title]
    return bool(text) and text[0].isupper() and not any(t for c, t in enumerate(first.texts) if c != title) \
        and ends_finished(last.texts[title])


def resumes_cut_title(first: Row, last: Row, table: TableState | None) -> bool:
    """Whether a row opening a page that was read as a heading is the rest of the title the break cut: the
    last row's title ends unfinished ("..., business premises,") and this one goes on in lower case ("and
    publish guidance ..."); a heading opens on a capital."""
    if first.kind != SECTION or table is None or table.title >= len(first.texts):
        return False
    text = " ".join(t for t in first.texts if t)
    return bool(text) and text[0].islower() and not ends_finished(last.texts[table.title])


def join_cut_rows(layouts: list[PageLayout]) -> None:
    """Join a row the page break cut: a plain row opening a page goes to the previous page's last row,
    a plain row closing a page to the next page's first row when that one carries the number.

    In a table that prints its headings in the title cell alone, a plain row opening a page that looks
    like one of them (`heading_opens_page`) is a heading."""
    habit = {id(layout.table) for layout in layouts for row in layout.rows if row.title_cell}
    previous: PageLayout | None = None
    for layout in layouts:
        if previous is not None and previous.rows and layout.rows and previous.table is layout.table:
            last, first = previous.rows[-1], layout.rows[0]
            if first.kind == PLAIN and id(layout.table) in habit and layout.table is not None and \
                    heading_opens_page(first, last, layout.table.title):
                layout.rows[0] = replace(first, kind=SECTION, title_cell=True)
            elif (first.kind == PLAIN or resumes_cut_title(first, last, layout.table)) \
                    and last.kind not in (SECTION, HEADER):
                previous.rows[-1] = last.joined(first)
                del layout.rows[0]
            elif last.kind == PLAIN and first.kind == ACTIVITY:
                layout.rows[0] = last.joined(first, place=first)
                del previous.rows[-1]
        if layout.edges is not None:
            previous = layout if layout.rows or previous is None else previous
        else:
            previous = None
