"""The document: read the pages in order and assemble the `RawDocument`.

Each table gets its profile (`TableProfile`): its columns in printed order, each named by its label, else by
its content (`extract.content.name_by_content`: the numbered column, a column of years, the column with role
labels, the widest prose), else kept as an extra field under its header as printed. The document's
`columns` are the union of its tables' columns (`extract.layout.union_columns`); every band has one
fragment per union column, "" where its table lacks the column, and a section row's whole text in the
title column.

**One band per table row**: every cell's whole text lies in its row's band. Provenance: `page` (1-based;
the page a cell's text starts on) and `bbox` (x0, top, x1, bottom in pdfplumber's top-down points: the
cell's words, or the cell when empty); `line` is the band's line in the text form `pdf_to_text` writes.
The title is the text above the table on its first page (or the opening lines of the first page, when the
table comes after pages of prose); every other word outside the table (prose, signatures, running heads,
page numbers, text set sideways) is kept in `RawDocument.stray` with its line, so nothing is dropped; the
rows of a key/value block above a table whose keys name agencies are `RawDocument.labelled`, its other rows
text outside the tables.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from normalize.roles import role_label_pattern

from ..errors import InputError
from ..content import name_by_content
from ..layout import OPENING_NUMBERS, split_opening_number, union_columns, with_opening_numbers
from ..model import ABSENT, Band, Column, Fragment, LabelledValue, Provenance, RawDocument, TableProfile, shifted_breaks
from ..pdf_settings import PdfSettings
from ..vocabulary import EXTRA, OPENING_WORDS
from .furniture import find_furniture
from .header import Header, find_header
from .keyvalue import BlockRow
from .lines import BBox, Line, lines_to_strays, typical_height, words_to_bbox, words_to_lines
from .opening import PageContent, check_pdf_bytes, pdf_to_contents
from .resume import last_number
from .pages import PageLayout, TableState, join_cut_rows, page_to_layout, read_rows
from .rows import ACTIVITY, HEADER, SECTION, Row

#: Text before a table that follows pages of prose: the title is at most this many words of the first page.
TITLE_WORDS = 40
#: A line set smaller than this share of the title's tallest line is no longer the title.
TITLE_SHRINK = 0.85
NO_TABLE = ("no table found; expected a table whose column-header row names its columns (e.g. No., Activity, "
            "Indicator, Responsible, Deadline, or a variant listed in extract/headers.csv), or numbered rows "
            "under a row of column headings")


def contents_to_layouts(contents: Iterable[PageContent], name: str, s: PdfSettings) -> list[PageLayout]:
    """Read the pages in order, carrying the table and its column edges from page to page."""
    pages = list(contents)
    ems = [typical_height(content.words) for content in pages]
    lines = [words_to_lines(content.words, s.line_tolerance * em) for content, em in zip(pages, ems)]
    furniture = find_furniture(lines, ems)
    layouts: list[PageLayout] = []
    known: TableState | None = None
    prior: tuple[float, ...] | None = None
    table_open = False
    last: tuple[int, ...] | None = None
    for content, em, page_lines, running in zip(pages, ems, lines, furniture):
        body = [line for i, line in enumerate(page_lines) if i not in running]
        page_layouts = read_page(content, body, known, prior, table_open, em, s, last)
        for layout in page_layouts:
            # The last number this page's table read: a table its foot closed may resume on the next page.
            last = last_number([line for unit in layout.units for line in unit.lines], layout.geometry) \
                if layout.geometry is not None else None
            if layout.table is not None:
                known = layout.table
            if layout.edges is not None:
                prior = layout.edges
                table_open = layout.table_open
            elif known is not None:
                table_open = False
        layout = page_layouts[-1]
        layout.stray.extend(lines_to_strays(page_lines[i] for i in sorted(running)))
        layout.stray.extend(lines_to_strays(words_to_lines(content.sideways, s.line_tolerance * em)))
        layout.stray.sort(key=lambda item: item[0])
        layouts.extend(page_layouts)
    if known is None:
        scanned = [content.number for content in pages if not content.words and content.has_images]
        if scanned and not any(content.words for content in pages):
            raise InputError(f"{name}: no text layer (page {scanned[0]} is a scanned image); expected a PDF "
                             "with text (run OCR on it first)")
        raise InputError(f"{name}: {NO_TABLE}")
    read_rows(layouts, s)
    return layouts


def read_page(content: PageContent, body: list[Line], known: TableState | None, prior: tuple[float, ...] | None,
              table_open: bool, em: float, s: PdfSettings, last: tuple[int, ...] | None) -> list[PageLayout]:
    """A page's layouts: one, or one per table where the page holds a table's rows and the header row of a
    table of other columns below them: the rest of the table the page before left open above a new header
    (the rest of a cut row, its last rows), or a second table starting under the first one's end."""
    layout = page_to_layout(content, body, known, prior, table_open, em, s, last)
    if layout.header is None:
        return [layout]
    if known is not None and table_open and layout.header.first_line > 0 and layout.table is not known:
        split = layout.header.first_line
    else:
        later = find_header(body, content.rules, em, s, s.min_header_columns, start=layout.header.last_line + 1)
        if later is None or "".join(later.signature) == "".join(layout.header.signature):
            return [layout]     # (the same header printed again, its cells parted alike or not)
        split = later.first_line
    above = body[:split]
    first = page_to_layout(content, above, known, prior, table_open, em, s, last)
    used = {round(line.top, 1) for unit in first.units for line in unit.lines}
    end = max((k + 1 for k, line in enumerate(above) if round(line.top, 1) in used), default=0)
    if not end:
        return [layout]
    # (The lines after the first table's last row, a caption heading the next table, go with that table.)
    if end < split:
        first = page_to_layout(content, above[:end], known, prior, table_open, em, s, last)
    table = first.table if first.table is not None else known
    return [first, *read_page(content, body[end:], table, first.edges or prior, False, em, s, None)]


def table_columns(table: TableState, rows: Sequence[Row]) -> tuple[Column, ...]:
    """A table's columns: by label, the number column by its numbers, the rest by content or as extras."""
    columns: list[Column] = []
    taken: set[str] = set()
    for c, cell in enumerate(table.header.cells):
        if c == table.number and cell.meaning != "number" and not table.opening:
            columns.append(Column("number", cell.text, "content"))
            taken.add("number")
        elif cell.meaning is not None and cell.meaning not in taken:
            columns.append(Column(cell.meaning, cell.text, "label"))
            taken.add(cell.meaning)
        else:
            columns.append(Column(EXTRA, cell.text or f"column {c + 1}", "label" if cell.text else "position"))
    data = [row.texts for row in rows if row.kind not in (SECTION, HEADER)]
    named = name_by_content(columns, data, role_label_pattern())
    if table.opening and not any(column.meaning == "number" for column in named):
        return with_opening_numbers(named, table.title)
    return named


def opening_title(table: TableState, columns: Sequence[Column]) -> int | None:
    """The title column of a table whose activity numbers open its title cells (its number column made by
    `with_opening_numbers`, just before it), by its printed index; None for any other table."""
    if table.opening and any(column.decided_by == OPENING_NUMBERS for column in columns):
        return table.title
    return None


def split_opening_row(row: Row, title: int, levels: int) -> Row:
    """A row of a table whose numbers open its title cells, with one cell more: the number of an activity's
    row split off from its title, just before it (empty in other rows). The number shares the title's box."""
    texts, boxes = list(row.texts), list(row.boxes)
    pages = list(row.pages or [row.page] * len(texts))
    breaks = list(row.breaks or [()] * len(texts))
    wraps = list(row.wraps or [()] * len(texts))
    words = texts[title].split()
    start, number = 0, ""
    if row.kind == ACTIVITY:
        # Its number opens its title cell, or a line of it under text the row took in above (a heading glued on).
        start, number = next(((i, found) for i in range(len(words))
                              if (found := split_opening_number(" ".join(words[i:i + OPENING_WORDS]), levels)[0])),
                             (0, ""))
    end = start + len(number.split())
    texts[title:title + 1] = [number, " ".join(words[:start] + words[end:])]
    boxes.insert(title, boxes[title])
    pages.insert(title, pages[title])
    breaks[title:title + 1] = [(), shifted_breaks(breaks[title], start, end)]
    wraps[title:title + 1] = [(), shifted_breaks(wraps[title], start, end)]
    return replace(row, texts=tuple(texts), boxes=tuple(boxes), pages=tuple(pages), breaks=tuple(breaks),
                   wraps=tuple(wraps))


class OutsideText(str):
    """A line of text outside the tables: before the first (after the title), or on a page after the last."""


@dataclass(frozen=True)
class BlockLine:
    """A line of a key/value block above a table (`keyvalue.Block`): the block (its number in the document),
    the row and the line within it."""

    block: int
    row: BlockRow
    line: Line


def title_of(layouts: Sequence[PageLayout], first: int) -> tuple[list[str], list[tuple[int, float, str]]]:
    """The title (the text before the table, or, when prose comes first, the first page's opening lines down
    to the first set smaller than them), and the rest of the text before the table as stray text: (page
    index, top, text)."""
    before = [(k, top, text) for k in range(first + 1) for top, text in layouts[k].before]
    if sum(len(text.split()) for _, _, text in before) <= TITLE_WORDS:
        return [text for _, _, text in before], []
    title: list[str] = []
    count = 0
    tallest = 0.0
    for k, top, text in before:
        height = getattr(text, "height", 0.0)
        if k != before[0][0] or count + len(text.split()) > TITLE_WORDS or height < TITLE_SHRINK * tallest:
            break   # (a title is set larger than the text under it: "Introduction", the prose)
        title.append(text)
        count += len(text.split())
        tallest = max(tallest, height)
    return title, [(k, top, text) for k, top, text in before[len(title):]]


def layouts_to_document(layouts: list[PageLayout], name: str) -> RawDocument:
    """Number the lines of the text form and build the bands, the header words and the stray text."""
    states: list[TableState] = []
    for layout in layouts:
        if layout.table is not None and (not states or layout.table is not states[-1]):
            states.append(layout.table)
    rows_of: dict[int, list[Row]] = {state.index: [] for state in states}
    for layout in layouts:
        if layout.table is not None:
            rows_of[layout.table.index].extend(layout.rows)
    tables = [table_columns(state, rows_of[state.index]) for state in states]
    opening = {state.index: title for state, columns in zip(states, tables)
               if (title := opening_title(state, columns)) is not None}
    for layout in layouts:
        if layout.table is not None and layout.table.index in opening:
            layout.rows = [split_opening_row(row, opening[layout.table.index], layout.table.levels)
                           for row in layout.rows]
    union, positions = union_columns(tables)
    position_of = {state.index: positions[k] for k, state in enumerate(states)}
    union_title = next((u for u, column in enumerate(union) if column.meaning == "title"), None)

    first = next(k for k, layout in enumerate(layouts) if layout.table is not None)
    title_parts, early = title_of(layouts, first)
    items_by_page: list[list[tuple[float, int, object]]] = [[] for _ in layouts]
    for k, top, text in early:
        items_by_page[k].append((top, 2, OutsideText(text)))
    last = max(k for k, layout in enumerate(layouts) if layout.rows or layout.header is not None)
    blocks = 0
    for k, layout in enumerate(layouts):
        for block in layout.blocks:
            items_by_page[k].extend((line.top, 2, BlockLine(blocks, row, line)) for row in block.rows
                                    for line in row.lines)
            blocks += 1
        items = items_by_page[k]
        if k > last:  # a page after the tables (an annex, the back cover): none of its text is a table's
            items.extend((top, 2, OutsideText(text)) for top, text in (*layout.before, *layout.stray))
            items.sort(key=lambda item: (item[0], item[1]))
            continue
        if k > first:
            items.extend((top, 2, text) for top, text in layout.before)
        if layout.header is not None:
            items.append((layout.header.top, 0, layout))
        items.extend((row.top, 1, row) for row in layout.rows)
        items.extend((top, 2, text) for top, text in layout.stray)
        items.sort(key=lambda item: (item[0], item[1]))
    title = " ".join(title_parts)
    line = 2 if title else 0
    width = len(union)
    bands: list[Band] = []
    header_words: list[tuple[int, str]] = []
    stray: list[tuple[int, str]] = []
    outside: list[tuple[int, str]] = []
    profiles: list[TableProfile] = []
    block_lines: list[tuple[int, int, BlockLine]] = []
    emitted_page = False
    for layout, items in zip(layouts, items_by_page):
        if not items:
            continue
        if emitted_page:
            line += 1  # a blank line at each page break, as in the text form
        emitted_page = True
        for _, _, item in items:
            line += 1
            if isinstance(item, PageLayout):
                header, table = item.header, item.table
                assert header is not None and table is not None
                if not profiles or len(profiles) <= states.index(table):
                    profiles.append(TableProfile(tables[states.index(table)], line, layout.number))
                header_words.extend((line, word) for cell in header.cells for word in cell.words)
                header_words.extend((line, word) for word in item.column_numbers)
                printed = list(range(len(table.header.cells)))
                if table.index in opening:
                    printed.insert(opening[table.index], opening[table.index])
                boxes = header_boxes(header, table, item.edges, position_of[table.index], width, printed)
                fragments = tuple(Fragment("", u, Provenance(name, line, u, layout.number, boxes[u]))
                                  for u in range(width))
                bands.append(Band(len(bands), line, fragments, column_header=True))
            elif isinstance(item, Row) and item.kind == HEADER:
                # The header row printed again on the page: its labels are the header's words, as on a new page.
                header_words.extend((line, word) for text in item.texts for word in text.split())
                fragments = tuple(Fragment("", u, Provenance(name, line, u, layout.number, box)) for u, box in
                                  enumerate(row_boxes(item, position_of[layout_table(layout).index], width)))
                bands.append(Band(len(bands), line, fragments, column_header=True))
            elif isinstance(item, Row):
                bands.append(row_to_band(item, len(bands), line, name, position_of[layout_table(layout).index],
                                         width, union_title))
            elif isinstance(item, OutsideText):
                outside.append((line, str(item)))
            elif isinstance(item, BlockLine):
                block_lines.append((line, layout.number, item))
            else:
                stray.append((line, str(item)))
    labelled, other = block_lines_to_values(block_lines, name)
    outside = sorted([*outside, *other])
    document = RawDocument(name, title, 1 if title else None, tuple(bands), tuple(header_words), tuple(stray),
                           tuple((1, word) for word in title.split()), (), union, tuple(profiles),
                           outside=tuple(outside), whole_rows=True, labelled=labelled)
    from .textform import pdf_to_text

    line_words = tuple((n, len(text.split())) for n, text in enumerate(pdf_to_text(document).splitlines(), start=1)
                       if text.strip())
    return replace(document, line_words=line_words)


def block_lines_to_values(numbered: Sequence[tuple[int, int, BlockLine]], name: str
                          ) -> tuple[tuple[LabelledValue, ...], list[tuple[int, str]]]:
    """The rows of the key/value blocks whose keys name agencies, each with the lines of the text form it
    stands on; and the lines of their other rows ("Period", "Problem addressed"): text outside the tables."""
    labelled: list[LabelledValue] = []
    other: list[tuple[int, str]] = []
    rows: dict[int, list[tuple[int, int, BlockLine]]] = {}
    for entry in numbered:
        rows.setdefault(id(entry[2].row), []).append(entry)
    for entries in rows.values():
        row = entries[0][2].row
        if row.role is None:
            other.extend((number, entry.line.text) for number, _, entry in entries)
            continue
        number_of = {id(entry.line): number for number, _, entry in entries}

        def words_of(words: Sequence) -> tuple[tuple[int, str], ...]:
            return tuple((number_of[id(line)], w.text) for line in row.lines for w in line.words if w in words)

        value_words = words_of(row.value)
        first = value_words[0][0] if value_words else entries[0][0]
        box = words_to_bbox(row.value or row.key)
        labelled.append(LabelledValue(row.role, row.label, " ".join(w.text for w in row.value),
                                      Provenance(name, first, ABSENT, entries[0][1], box), entries[0][2].block,
                                      words_of(row.key), value_words,
                                      tuple((number, entry.line.text) for number, _, entry in entries)))
    labelled.sort(key=lambda value: value.source.line)
    return tuple(labelled), other


def layout_table(layout: PageLayout) -> TableState:
    assert layout.table is not None
    return layout.table


def row_to_band(row: Row, index: int, line: int, name: str, positions: Sequence[int], width: int,
                union_title: int | None) -> Band:
    """A row's band in the union layout: each cell at its column's union position, "" elsewhere."""
    texts = [""] * width
    boxes: list[BBox | None] = [None] * width
    pages = [row.page] * width
    breaks: list[tuple[int, ...]] = [()] * width
    wraps: list[tuple[int, ...]] = [()] * width
    for c, position in enumerate(positions):
        texts[position] = row.texts[c]
        boxes[position] = row.boxes[c]
        pages[position] = row.cell_page(c)
        breaks[position] = row.cell_breaks(c)
        wraps[position] = row.cell_wraps(c)
    if row.kind == SECTION and union_title is not None:
        whole = " ".join(text for text in texts if text)
        source = next((u for u in range(width) if texts[u]), union_title)
        box = boxes[source]
        texts = [""] * width
        breaks = wraps = [()] * width
        texts[union_title] = whole
        boxes[union_title] = box
    fallback = next(box for box in boxes if box is not None)
    fragments = tuple(Fragment(texts[u], u, Provenance(name, line, u, pages[u], boxes[u] or
                                                       (fallback[0], fallback[1], fallback[0], fallback[3])),
                               breaks[u], wraps[u])
                      for u in range(width))
    return Band(index, line, fragments, spanning=row.kind == SECTION)


def row_boxes(row: Row, positions: Sequence[int], width: int) -> list[BBox]:
    """Where each union column's cell of a row stands (the row's first box where its table lacks the column)."""
    boxes: list[BBox] = [row.boxes[0]] * width
    for c, position in enumerate(positions):
        boxes[position] = row.boxes[c]
    return boxes


def header_boxes(header: Header, table: TableState, edges: tuple[float, ...] | None, positions: Sequence[int],
                 width: int, printed: Sequence[int]) -> list[BBox]:
    """Where each union column's label stands in the header row (the column's extent when it has no label);
    `printed`: the printed column of each of the table's columns (the number column the title cells' opening
    numbers make stands in the title column)."""
    cells = table.header.cells
    boxes: list[BBox] = [(0.0, round(header.top, 2), 0.0, round(header.bottom, 2))] * width
    for k, position in enumerate(positions):
        c = printed[k]
        cell = cells[c] if c < len(cells) else None
        if cell is not None and cell.words:
            x0, x1 = cell.x0, cell.x1
        elif edges is not None and c + 1 < len(edges):
            x0, x1 = edges[c], edges[c + 1]
        else:
            x0 = x1 = 0.0
        boxes[position] = (round(x0, 2), round(header.top, 2), round(x1, 2), round(header.bottom, 2))
    return boxes


def read_pdf(path: str | Path, max_pages: int = 2000, settings: PdfSettings | None = None) -> RawDocument:
    """Read a plan's table from a PDF into bands (one per table row), with clear errors for bad PDFs."""
    s = settings or PdfSettings()
    path = Path(path)
    name = str(path)
    check_pdf_bytes(path)
    layouts = contents_to_layouts(pdf_to_contents(path, max_pages, s.rule_snap), name, s)
    join_cut_rows(layouts)
    return replace(layouts_to_document(layouts, name), pages=len(layouts))

