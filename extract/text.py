"""Read the text form of a plan (one line per band of the table, TAB between cells) into raw bands.

The text is what a naive PDF extractor gives: each line is a horizontal band of the table, its cells
separated by TABs, blank lines at page breaks, and the table's column-header line repeated at the top of
pages, sometimes sharing its band with text of the row it interrupts. The reader learns each table's
columns from its header rows (`extract.layout`), keeps every cell's text with its provenance in the
document's union layout, and strips only the column-header labels (recording them for the word accounting).
"""
from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import AnyStr, BinaryIO

from normalize.roles import role_label_pattern

from .errors import InputError
from .content import name_by_content
from .layout import column_key, header_to_columns, opening_column, row_signature, \
    split_opening_number, union_columns, with_opening_numbers
from .model import ABSENT, DEFAULT_LAYOUT, Band, Column, Fragment, Provenance, RawDocument, TableProfile
from .text_header import header_rows, merge_header_blocks
from .vocabulary import (EXTRA, SECTION_NUMBER, activity_number_parts, is_column_numbering, split_header_cell,
                         strip_column_numbering)
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
#: A column the header row leaves blank is a column when at least this many rows fill it (else stray text).
MIN_ROWS_FOR_COLUMN = 3


NOT_UTF8 = ("expected UTF-8 or UTF-16 with a BOM, or name the encoding with --encoding "
            "(e.g. cp1251, cp1252)")
#: Encodings of two or four bytes a letter: read as text (a zero byte is part of a letter), never split as bytes.
WIDE = ("utf-16", "utf-32")
BOMS = {"utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)}
CHUNK_BYTES = 1 << 20
LINE_END_BYTES = re.compile(rb"\r\n|\r|\n")
LINE_END_TEXT = re.compile(r"\r\n|\r|\n")


def source_encoding(head: bytes, encoding: str | None) -> str:
    """The encoding to read a source with (its codec's own name): the one forced, UTF-32 or UTF-16 when a
    byte-order mark says so, else UTF-8 (a BOM allowed).

    UTF-16 and UTF-32 named without a byte order need the mark: without it the byte order is a guess.
    """
    if encoding:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        if name in BOMS and not head.startswith(BOMS[name]):
            raise InputError(f"{encoding} text must start with a byte-order mark to say its byte order, and this "
                             f"one does not; name the order with --encoding {name}-le or {name}-be")
        return "utf-8-sig" if name == "utf-8" else name
    for name, marks in BOMS.items():    # UTF-32's little-endian mark begins with UTF-16's
        if head.startswith(marks):
            return name
    return "utf-8-sig"


def split_lines(chunks: Iterable[AnyStr], line_end: re.Pattern[AnyStr]) -> Iterator[AnyStr]:
    """The lines of a stream of chunks, each with its ending: CR LF, LF and a lone CR all end a line.

    A line may span chunks (its parts are joined once); a CR at a chunk's end waits for the next chunk to
    tell whether an LF follows.
    """
    parts: list[AnyStr] = []
    carriage_return = False         # the last chunk ended in a CR that may be half of CR LF
    for chunk in chunks:
        start = 0
        if carriage_return:
            carriage_return = False
            if chunk[:1] in ("\n", b"\n"):
                parts.append(chunk[:1])
                start = 1
            yield parts[0][:0].join(parts)
            parts = []
        for match in line_end.finditer(chunk, start):
            if match.end() == len(chunk) and match.end() - match.start() == 1 and chunk[-1:] in ("\r", b"\r"):
                carriage_return = True
                break
            parts.append(chunk[start:match.end()])
            yield parts[0][:0].join(parts)
            parts, start = [], match.end()
        if start < len(chunk):
            parts.append(chunk[start:])
    if parts:
        yield parts[0][:0].join(parts)


def byte_chunks(f: BinaryIO) -> Iterator[bytes]:
    while chunk := f.read(CHUNK_BYTES):
        yield chunk


def decoded_lines(path: Path, encoding: str) -> Iterator[str]:
    """The source's lines, decoded one at a time as they are read (a long plan is never held twice)."""
    name = str(path)
    with path.open("rb") as f:
        if encoding.startswith(WIDE):
            yield from wide_lines(byte_chunks(f), encoding, name)
            return
        for number, raw in enumerate(split_lines(byte_chunks(f), LINE_END_BYTES), start=1):
            if b"\x00" in raw:
                raise InputError(f"{name}: binary data, not a text plan (expected UTF-8 or UTF-16 text, or a PDF)")
            try:
                yield raw.decode(encoding if number == 1 or encoding != "utf-8-sig" else "utf-8")
            except UnicodeDecodeError as exc:
                what, hint = ("UTF-8", NOT_UTF8) if encoding == "utf-8-sig" else \
                    (encoding, "name another encoding with --encoding")
                raise InputError(f"{name}: not {what} (line {number}, byte {exc.start + 1}); {hint}") from None


def wide_lines(chunks: Iterable[bytes], encoding: str, name: str) -> Iterator[str]:
    """The lines of UTF-16 or UTF-32 bytes (a BOM dropped), with clear errors for broken text."""
    number = 0
    try:
        for number, line in enumerate(split_lines(codecs.iterdecode(chunks, encoding), LINE_END_TEXT), start=1):
            if "\x00" in line:
                raise InputError(f"{name}: binary data, not a text plan (a zero character on line {number})")
            yield line.removeprefix("\ufeff") if number == 1 else line
    except UnicodeDecodeError:
        raise InputError(f"{name}: broken {encoding.upper()} text (after line {number}); "
                         "name another encoding with --encoding") from None


def table_width(header: Sequence[str], rows: Sequence[Sequence[str]]) -> int:
    """How many columns a table has: its header row's cells, or more when most of its rows (three at least)
    fill cells past them (a column whose header is blank); text a few rows put past the last column is stray."""
    used = [max((k + 1 for k, cell in enumerate(cells) if cell), default=0) for cells in rows]
    wider = [n for n in used if n > len(header)]
    if len(wider) >= max(MIN_ROWS_FOR_COLUMN, len(rows) / 2):
        return Counter(wider).most_common(1)[0][0]
    return len(header)


def lines_to_records(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """A table's lines joined into its records, for reading what its columns hold: a line that leaves the
    first column blank goes on with the record above (a cell wrapped over lines is one cell, "интернет-" /
    "порталында" / "жариялау", not three of a word each)."""
    records: list[list[list[str]]] = []     # each record's cells, as the lines' pieces
    for cells in rows:
        if records and not (cells and cells[0].strip()):
            record = records[-1]
            record.extend([] for _ in range(len(cells) - len(record)))
            for k, cell in enumerate(cells):
                if cell.strip():
                    record[k].append(cell.strip())
        else:
            records.append([[cell.strip()] if cell.strip() else [] for cell in cells])
    return [[" ".join(pieces) for pieces in record] for record in records]


def strip_header_cell(cell: str, column: Column) -> tuple[str, str]:
    """(label, rest) of one cell of a repeated header row, by the column its table's header named."""
    meaning, label, rest = split_header_cell(cell)
    header = column.header
    # (The table's label as printed may be longer than the vocabulary's.)
    if column.decided_by != "position" and header and len(header) >= len(label) and cell.startswith(header) and \
            (len(cell) == len(header) or cell[len(header)].isspace()):
        return header, cell[len(header):].strip()
    return (label, rest) if meaning not in (None, EXTRA) else ("", cell)


def rows_to_tables(rows: Sequence[Sequence[str]], lines: Sequence[int], header_indexes: set[int]
                   ) -> tuple[list[int], list[tuple[Column, ...]], list[int]]:
    """Split the rows into tables by their header rows (`header_indexes`, from `header_rows`): (table index
    of each row, each table's columns, the line where each table starts). Consecutive header rows naming the
    same columns are one table (its header repeated on each page), whose columns are learned from the rows
    under all of them."""
    headers = sorted(header_indexes)
    signatures = [row_signature(cells) for cells in rows]
    role_label = role_label_pattern()

    def repetitions(i: int) -> list[Sequence[str]]:
        return [rows[j] for j in headers if j != i and signatures[j] and signatures[j] == signatures[i]]

    # Each header row's segment of rows (to the next header row), grouped into tables by what it names.
    groups: list[list[int]] = []
    keys: list[list[str]] = []
    for i in headers:
        key = [column_key(c) for c in header_to_columns(rows[i], repetitions(i))]
        if keys and keys[-1] == key:
            groups[-1].append(i)
        else:
            groups.append([i])
            keys.append(key)
    bounds = headers + [len(rows)]
    tables: list[tuple[Column, ...]] = []
    starts: list[int] = []
    table_of = [0] * len(rows)
    if rows and (not headers or headers[0] > 0):  # rows before any header row: a table of the usual layout, or by content
        first = headers[0] if headers else len(rows)
        width = max(Counter(len(cells) for cells in rows[:first]).most_common(1)[0][0], 1)
        tables.append(DEFAULT_LAYOUT if width == len(DEFAULT_LAYOUT) else name_by_content(
            tuple(Column(EXTRA, f"column {k + 1}", "position") for k in range(width)), rows[:first], role_label))
        starts.append(lines[0])
    for group in groups:
        body = [rows[j] for i in group for j in range(i + 1, bounds[bounds.index(i) + 1])]
        head = rows[group[0]]
        columns = header_to_columns(head, repetitions(group[0]), table_width(head, body))
        tables.append(name_by_content(columns, lines_to_records(body), role_label))
        starts.append(lines[group[0]])
        for i in group:
            for j in range(i, bounds[bounds.index(i) + 1]):
                table_of[j] = len(tables) - 1
    return table_of, tables, starts


#: A line of the table's text holding only a number, no cell beside it: a page's number ("1", "- 2 -").
PAGE_NUMBER = re.compile(r"^\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*$")


def lines_to_document(lines: Iterable[str], path: str) -> RawDocument:
    """Turn the lines of a text plan into bands (pure: no file access)."""
    title_parts: list[str] = []
    title_line: int | None = None
    title_words: list[tuple[int, str]] = []
    line_words: list[tuple[int, int]] = []
    rows: list[list[str]] = []
    row_lines: list[int] = []
    outside: list[tuple[int, str]] = []
    numbering: list[tuple[int, str]] = []
    page_numbers: list[tuple[int, str]] = []
    after_title = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            after_title = after_title or bool(title_parts)
            continue
        line_words.append((number, len(line.split())))
        if not rows and "\t" not in line:
            if after_title:     # prose between the title and the table (a plan's pages before its annex)
                outside.append((number, line.strip()))
                continue
            title_parts.append(line.strip())
            title_words.extend((number, word) for word in line.split())
            title_line = title_line or number
            continue
        if "\t" not in line and PAGE_NUMBER.match(line):
            page_numbers.append((number, line.strip()))     # a page's number between the table's rows
            continue
        cells = [re.sub(r"\s+", " ", cell).strip() for cell in line.split("\t")]
        if is_column_numbering(cells):
            numbering.extend((number, word) for word in line.split())   # "1 | 2 | 3 | 4" under the header
            continue
        if (rest := strip_column_numbering(cells)) is not None:
            # The numbering row and a heading the text form drew onto its line: the heading is the row.
            numbering.extend((number, str(k)) for k in range(1, len(cells) + 1))
            cells = rest
        rows.append(cells)
        row_lines.append(number)
    headers = header_rows(rows)
    rows, row_lines, headers, label_lines = merge_header_blocks(rows, row_lines, headers)
    preamble = preamble_rows(rows, headers)
    if preamble:
        outside.extend((number, " ".join(cell for cell in cells if cell)) for number, cells in
                       zip(row_lines[:preamble], rows[:preamble]))
        rows, row_lines = rows[preamble:], row_lines[preamble:]
        headers = {i - preamble for i in headers}
        label_lines = {i - preamble: words for i, words in label_lines.items()}
    table_of, tables, starts = rows_to_tables(rows, row_lines, headers)
    # A table with no number column whose title cells open with the activity numbers: the numbers are split
    # off into a number column of its own, just before the title.
    opening = [opening_column(table, [cells for i, cells in enumerate(rows) if table_of[i] == t and i not in headers])
               for t, table in enumerate(tables)]
    laid_out = [table if found is None else with_opening_numbers(table, found[0])
                for table, found in zip(tables, opening)]
    columns, positions = union_columns(laid_out)
    bands: list[Band] = []
    header_words: list[tuple[int, str]] = list(numbering)   # a row numbering the columns is the header's
    stray: list[tuple[int, str]] = list(page_numbers)
    for i, cells in enumerate(rows):
        number = row_lines[i]
        table = tables[table_of[i]]
        for extra in cells[len(table):]:
            if extra:
                stray.append((number, extra))
        cells = (cells + [""] * len(table))[: len(table)]
        if i in headers:
            for k, column in enumerate(table):
                label, cells[k] = strip_header_cell(cells[k], column)
                if i not in label_lines or k >= len(label_lines[i]):
                    header_words.extend((number, word) for word in label.split())
                    continue
                # A header joined from several lines: each word is accounted on the line that prints it, and
                # what is not label stays in the band if it is the band's line's, else goes to the stray text.
                printed = label_lines[i][k]
                header_words.extend(printed[:len(label.split())])
                rest = printed[len(label.split()):]
                cells[k] = " ".join(word for line, word in rest if line == number)
                stray.extend((line, word) for line, word in rest if line != number)
        printed = list(range(len(table)))      # the column each cell is printed in
        if (found := opening[table_of[i]]) is not None:
            title, levels = found
            number_text, cells[title] = split_opening_number(cells[title], levels)
            cells.insert(title, number_text)
            printed.insert(title, title)
        texts = [""] * len(columns)
        physical = [ABSENT] * len(columns)
        for k, position in enumerate(positions[table_of[i]]):
            texts[position] = cells[k]
            physical[position] = printed[k]
        fragments = tuple(Fragment(text, u, Provenance(path, number, physical[u])) for u, text in enumerate(texts))
        bands.append(Band(len(bands), number, fragments, column_header=i in headers))
    profiles = tuple(TableProfile(table, line) for table, line in zip(laid_out, starts))
    return RawDocument(path, " ".join(title_parts), title_line, tuple(bands), tuple(header_words), tuple(stray),
                       tuple(title_words), tuple(line_words), columns, profiles, outside=tuple(outside))


def preamble_rows(rows: Sequence[Sequence[str]], headers: set[int]) -> int:
    """How many rows stand before the first column-header row (`headers`) as prose, not table: none of them
    is numbered like an activity or a section (a plan's pages of text before its table, extracted with it)."""
    if not headers:
        return 0
    first = min(headers)
    for cells in rows[:first]:
        text = " ".join(cell for cell in cells if cell)
        if (cells and activity_number_parts(cells[0]) is not None) or SECTION_NUMBER.match(text):
            return 0
    return first


def read_text(path: str | Path, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read a text plan from disk into bands, with clear errors for files that cannot be a plan."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(4)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if size > max_bytes:
        raise InputError(f"{name}: {size} bytes is over the size limit of {max_bytes} bytes (see --max-bytes)")
    if not size:
        raise InputError(f"{name}: empty file, expected the text of a plan's table")
    try:
        chosen = source_encoding(head, encoding)
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None
    document = lines_to_document(decoded_lines(path, chosen), name)
    if not document.bands and not document.title:
        raise InputError(f"{name}: only white space, expected the text of a plan's table")
    return document
