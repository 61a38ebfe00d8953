"""Read the text form of a plan (one line per band of the table, TAB between cells) into raw bands.

The text is what a naive PDF extractor gives: each line is a horizontal band of the table, its cells
separated by TABs, blank lines at page breaks, and the table's column-header line repeated at the top of
pages, sometimes sharing its band with text of the row it interrupts. The reader keeps every cell's text
with its provenance and strips only the column-header labels (recording them for the word accounting).
"""
from __future__ import annotations

import codecs
import csv
import re
from functools import lru_cache
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .model import COLUMNS, Band, Fragment, Provenance, RawDocument

LABELS_FILE = Path(__file__).with_name("columns.csv")
DEFAULT_MAX_BYTES = 100 * 1024 * 1024


NOT_UTF8 = ("expected UTF-8 or UTF-16 with a BOM, or name the encoding with --encoding "
            "(e.g. cp1251, cp1252)")


def source_encoding(head: bytes, encoding: str | None) -> str:
    """The encoding to read a source with: the one forced, UTF-16 when a BOM says so, else UTF-8."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        return encoding
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8-sig"


def decoded_lines(path: Path, encoding: str) -> Iterator[str]:
    """The source's lines, decoded one at a time as they are read (a long plan is never held twice)."""
    name = str(path)
    if encoding == "utf-16":
        with path.open(encoding=encoding, newline="") as f:
            try:
                yield from f
            except UnicodeDecodeError:
                raise InputError(f"{name}: broken UTF-16 text") from None
        return
    with path.open("rb") as f:
        for number, raw in enumerate(f, start=1):
            if b"\x00" in raw:
                raise InputError(f"{name}: binary data, not a text plan (expected UTF-8 or UTF-16 text, or a PDF)")
            try:
                yield raw.decode(encoding if number == 1 or encoding != "utf-8-sig" else "utf-8")
            except UnicodeDecodeError as exc:
                what, hint = ("UTF-8", NOT_UTF8) if encoding == "utf-8-sig" else \
                    (encoding, "name another encoding with --encoding")
                raise InputError(f"{name}: not {what} (line {number}, byte {exc.start + 1}); {hint}") from None


@lru_cache(maxsize=1)
def column_labels() -> dict[int, tuple[re.Pattern[str], ...]]:
    """The header labels each column may carry, as patterns that ignore white space inside words."""
    by_column: dict[int, list[str]] = {}
    with LABELS_FILE.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            by_column.setdefault(COLUMNS.index(row["column"]), []).append(row["label"])
    patterns: dict[int, tuple[re.Pattern[str], ...]] = {}
    for column, labels in by_column.items():
        # Longest label first, so "Period of performance" wins over "Period".
        ordered = sorted(labels, key=len, reverse=True)
        patterns[column] = tuple(re.compile(label_pattern(label), re.IGNORECASE) for label in ordered)
    return patterns


def label_pattern(label: str) -> str:
    """A pattern for a header label that tolerates a word broken by a space ("performa nce").

    A break is allowed only where both pieces keep two letters or more, so a label cannot swallow the first
    letter of the text that follows it ("indicator s to expand" is "indicator" + "s to expand").
    """
    words = []
    for word in label.split():
        pieces = [re.escape(ch) + (r"\s?" if 2 <= i + 1 <= len(word) - 2 else "") for i, ch in enumerate(word)]
        words.append("".join(pieces))
    return r"\s*" + r"\s+".join(words) + r"\s*[:.]?\s*"


def strip_column_label(text: str, column: int) -> tuple[str, str]:
    """Split a cell into (label, rest) when it starts with its column's header label, else ("", text)."""
    for pattern in column_labels().get(column, ()):
        match = pattern.match(text)
        if match and (match.end() == len(text) or not text[match.end() - 1].isalnum()
                      or not text[match.end()].isalnum()):
            return text[: match.end()].strip(), text[match.end():].strip()
    return "", text


def is_column_header(cells: list[str]) -> bool:
    """A band is the column-header row when at least two of its cells start with their column's label."""
    hits = sum(1 for column, cell in enumerate(cells[: len(COLUMNS)]) if strip_column_label(cell, column)[0])
    return hits >= 2


def lines_to_document(lines: Iterable[str], path: str) -> RawDocument:
    """Turn the lines of a text plan into bands (pure: no file access)."""
    title_parts: list[str] = []
    title_line: int | None = None
    bands: list[Band] = []
    header_words: list[tuple[int, str]] = []
    stray: list[tuple[int, str]] = []
    title_words: list[tuple[int, str]] = []
    line_words: list[tuple[int, int]] = []
    in_table = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        line_words.append((number, len(line.split())))
        if not in_table and "\t" not in line:
            title_parts.append(line.strip())
            title_words.extend((number, word) for word in line.split())
            title_line = title_line or number
            continue
        in_table = True
        cells = [re.sub(r"\s+", " ", cell).strip() for cell in line.split("\t")]
        for extra in cells[len(COLUMNS):]:
            if extra:
                stray.append((number, extra))
        cells = (cells + [""] * len(COLUMNS))[: len(COLUMNS)]
        header = is_column_header(cells)
        if header:
            for column, cell in enumerate(cells):
                label, cells[column] = strip_column_label(cell, column)
                header_words.extend((number, word) for word in label.split())
        fragments = tuple(
            Fragment(text, column, Provenance(path, number, column)) for column, text in enumerate(cells)
        )
        bands.append(Band(len(bands), number, fragments, column_header=header))
    return RawDocument(path, " ".join(title_parts), title_line, tuple(bands), tuple(header_words), tuple(stray),
                       tuple(title_words), tuple(line_words))


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
