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
from .layout import SHORT_CELL_WORDS, column_key, header_to_columns, name_by_content, names_columns, row_signature, \
    union_columns
from .model import ABSENT, DEFAULT_LAYOUT, Band, Column, Fragment, Provenance, RawDocument, TableProfile
from .vocabulary import EXTRA, SECTION_NUMBER, activity_number_parts, is_column_numbering, split_header_cell
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


def header_rows(rows: Sequence[Sequence[str]]) -> set[int]:
    """The indexes of the rows that are a table's column-header row.

    A row is one when it names two or more columns in the vocabulary; failing that, when it recurs (the
    same first word in each of three or more cells: the header repeated at the top of pages, whatever
    shares its band); failing both, when it is the first row, above the first numbered one, and its cells
    are short. (A recurring row is only a guess: a plan that copies a section's heading row recurs too.)
    """
    found = {i for i, cells in enumerate(rows) if names_columns(cells)}
    if not found:
        signatures = [row_signature(cells) for cells in rows]
        counts = Counter(signature for signature in signatures if signature)
        found = {i for i, signature in enumerate(signatures) if signature and counts[signature] >= 2}
    first_numbered = next((i for i, cells in enumerate(rows) if cells and activity_number_parts(cells[0])), None)
    if rows and first_numbered and not found:
        cells = rows[0]
        filled = [cell for cell in cells if cell]
        if len(filled) >= 2 and all(len(cell.split()) <= SHORT_CELL_WORDS for cell in filled):
            found.add(0)
    return found


#: A column-header row's labels wrap onto at most this many lines above it and as many below.
HEADER_LINES = 3
#: A line of a wrapped label holds at most this many words in a cell.
LABEL_LINE_WORDS = 3


def header_block(rows: Sequence[Sequence[str]], lines: Sequence[int], main: int) -> list[int]:
    """The rows of one column-header row whose labels wrap over several lines, `main` the one the header was
    found on: the lines right above it and below it, none numbered, each cell a few words. A naive
    extractor centres each label on the row, so a label of one line stands on the middle line and a longer
    one goes on above and below it ("Форма" / "завершения"): a line below is the header's only where each
    of its cells goes on a label begun above, or in lower case one of the middle line's ("agencies")."""
    def label_line(j: int) -> bool:
        cells = rows[j]
        filled = [cell for cell in cells if cell]
        return bool(filled) and not (cells and activity_number_parts(cells[0])) and \
            not SECTION_NUMBER.match(" ".join(filled)) and all(len(c.split()) <= LABEL_LINE_WORDS for c in filled)

    above = []
    j = main - 1
    while j >= 0 and len(above) < HEADER_LINES and lines[j] == lines[j + 1] - 1 and label_line(j):
        above.insert(0, j)
        j -= 1
    begun = {k for i in above for k, cell in enumerate(rows[i]) if cell}
    below = []
    j = main + 1
    while j < len(rows) and len(below) < HEADER_LINES and lines[j] == lines[j - 1] + 1 and label_line(j) and \
            all(k in begun or k < len(rows[main]) and rows[main][k] and cell[:1].islower()
                for k, cell in enumerate(rows[j]) if cell):
        below.append(j)
        j += 1
    return [*above, main, *below]


def merge_header_blocks(rows: list[list[str]], lines: list[int], headers: set[int]
                        ) -> tuple[list[list[str]], list[int], set[int], dict[int, list[list[tuple[int, str]]]]]:
    """The rows with each column-header row's wrapped label lines (`header_block`) joined into it, cell by
    cell, and for each joined row the (line, word) of every word of each cell, so the words are accounted on
    the lines that print them."""
    # (Of header rows on consecutive lines, the last is the middle one: the others are its label lines.)
    mains = [i for i in sorted(headers) if not (i + 1 in headers and lines[i + 1] == lines[i] + 1)]
    blocks = [header_block(rows, lines, main) for main in mains]
    if all(len(block) == 1 for block in blocks):
        return rows, lines, headers, {}
    merged_rows: list[list[str]] = []
    merged_lines: list[int] = []
    new_headers: set[int] = set()
    sources: dict[int, list[list[tuple[int, str]]]] = {}
    start_of = {block[0]: block for block in blocks}
    inside = {j for block in blocks for j in block}
    for i, cells in enumerate(rows):
        block = start_of.get(i)
        if block is None:
            if i not in inside:
                merged_rows.append(cells)
                merged_lines.append(lines[i])
            continue
        width = max(len(rows[j]) for j in block)
        words = [[(lines[j], word) for j in block if k < len(rows[j]) for word in rows[j][k].split()]
                 for k in range(width)]
        new_headers.add(len(merged_rows))
        sources[len(merged_rows)] = words
        merged_rows.append([" ".join(word for _, word in cell) for cell in words])
        merged_lines.append(lines[next(j for j in reversed(block) if j in headers)])
    return merged_rows, merged_lines, new_headers, sources


def table_width(header: Sequence[str], rows: Sequence[Sequence[str]]) -> int:
    """How many columns a table has: its header row's cells, or more when most of its rows (three at least)
    fill cells past them (a column whose header is blank); text a few rows put past the last column is stray."""
    used = [max((k + 1 for k, cell in enumerate(cells) if cell), default=0) for cells in rows]
    wider = [n for n in used if n > len(header)]
    if len(wider) >= max(MIN_ROWS_FOR_COLUMN, len(rows) / 2):
        return Counter(wider).most_common(1)[0][0]
    return len(header)


def strip_header_cell(cell: str, column: Column) -> tuple[str, str]:
    """(label, rest) of one cell of a repeated header row, by the column its table's header named."""
    meaning, label, rest = split_header_cell(cell)
    if meaning not in (None, EXTRA):
        return label, rest
    header = column.header
    if column.decided_by != "position" and header and cell.startswith(header) and \
            (len(cell) == len(header) or cell[len(header)].isspace()):
        return header, cell[len(header):].strip()
    return "", cell


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
        tables.append(name_by_content(columns, body, role_label))
        starts.append(lines[group[0]])
        for i in group:
            for j in range(i, bounds[bounds.index(i) + 1]):
                table_of[j] = len(tables) - 1
    return table_of, tables, starts


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
        cells = [re.sub(r"\s+", " ", cell).strip() for cell in line.split("\t")]
        if is_column_numbering(cells):
            numbering.extend((number, word) for word in line.split())   # "1 | 2 | 3 | 4" under the header
            continue
        rows.append(cells)
        row_lines.append(number)
    headers = header_rows(rows)
    rows, row_lines, headers, label_lines = merge_header_blocks(rows, row_lines, headers)
    preamble = preamble_rows(rows, headers)
    if preamble:
        outside.extend((number, " ".join(cell for cell in cells if cell)) for number, cells in
                       zip(row_lines[:preamble], rows[:preamble]))
        rows, row_lines = rows[preamble:], row_lines[preamble:]
        headers = header_rows(rows)
        label_lines = {i - preamble: words for i, words in label_lines.items() if i >= preamble}
    table_of, tables, starts = rows_to_tables(rows, row_lines, headers)
    columns, positions = union_columns(tables)
    bands: list[Band] = []
    header_words: list[tuple[int, str]] = list(numbering)   # a row numbering the columns is the header's
    stray: list[tuple[int, str]] = []
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
                printed = label_lines[i][k] if i in label_lines and k < len(label_lines[i]) else \
                    [(number, word) for word in label.split()]
                header_words.extend(printed[:len(label.split())])
        texts = [""] * len(columns)
        physical = [ABSENT] * len(columns)
        for k, position in enumerate(positions[table_of[i]]):
            texts[position] = cells[k]
            physical[position] = k
        fragments = tuple(Fragment(text, u, Provenance(path, number, physical[u])) for u, text in enumerate(texts))
        bands.append(Band(len(bands), number, fragments, column_header=i in headers))
    profiles = tuple(TableProfile(table, line) for table, line in zip(tables, starts))
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
