"""The text form of a PDF read: what `actionplans extract-text PLAN.pdf` prints, and what the text reader
reads back into the same bands (one line per band, TAB between the union columns' cells, the column-header
labels put back on the header bands, stray text after the last column, a blank line at each page break).
"""
from __future__ import annotations

from collections.abc import Sequence

from ..layout import union_columns
from ..model import Column, RawDocument
from ..vocabulary import squash


def header_words_to_cells(words: Sequence[str], columns: Sequence[Column]) -> list[str]:
    """Put a header band's label words back in their columns: each column takes the words that spell its
    header as printed (spacing aside), in order; words left over go with the last labelled column."""
    cells = [""] * len(columns)
    start = 0
    last = 0
    for c, column in enumerate(columns):
        key = squash(column.header) if column.decided_by != "position" else ""
        if not key:
            continue
        taken, spelled = start, ""
        while taken < len(words) and len(spelled) < len(key) and key.startswith(spelled + squash(words[taken])):
            spelled += squash(words[taken])
            taken += 1
        if spelled != key:
            continue
        cells[c] = " ".join(words[start:taken])
        start, last = taken, c
    if start < len(words):
        cells[last] = " ".join(t for t in (cells[last], *words[start:]) if t)
    return cells


def pdf_to_text(document: RawDocument) -> str:
    """The text form of a document: the title line, a blank line, then one line per band (TAB between
    cells, the column-header labels restored on header bands), stray text past the last column, blank
    lines at page breaks. The text reader reads it back into the same bands."""
    width = len(document.columns)
    lines: dict[int, list[str]] = {}
    if document.title:
        lines[document.title_line or 1] = [document.title]
    labels: dict[int, list[str]] = {}
    for number, word in document.header_words:
        labels.setdefault(number, []).append(word)
    tables = document.tables
    _, positions = union_columns([table.columns for table in tables]) if tables else (None, [])
    for band in document.bands:
        cells = [band.text(c) for c in range(width)]
        if band.column_header and band.line in labels:
            k = max((i for i, table in enumerate(tables) if table.line <= band.line), default=None)
            if k is not None:
                restored = header_words_to_cells(labels[band.line], tables[k].columns)
                for c, position in enumerate(positions[k]):
                    cells[position] = " ".join(t for t in (restored[c], cells[position]) if t)
        lines[band.line] = cells
    block_lines = [line for value in document.labelled for line in value.lines]
    for number, text in sorted((*document.outside, *document.stray, *block_lines)):
        lines.setdefault(number, [""] * width).append(text)
    last = max(lines, default=0)
    out = []
    for number in range(1, last + 1):
        cells_ = lines.get(number)
        out.append("" if cells_ is None else "\t".join(cells_) if len(cells_) > 1 or number != document.title_line
                   else cells_[0])
    return "\n".join(out) + "\n"
