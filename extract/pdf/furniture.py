"""Page furniture: running heads and footers (a classification marking, the plan's short title, page
numbers) that recur at the same place on page after page. They are taken off the pages before the table
is read, so they never land in a cell, and kept as stray text.

A line is furniture when it stands at a page's top or bottom (among its first or last two lines, apart
from the lines next to it), is short (one or two phrases), and the same text, its digits aside, stands at
the same height on at least `FURNITURE_PAGES` pages (or on every page of a shorter document).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..vocabulary import squash
from .header import may_open_header
from .lines import Line, line_to_phrases

#: On how many pages a running line must recur (fewer when the document is shorter).
FURNITURE_PAGES = 3
#: How many lines at a page's top and bottom may be running lines.
EDGE_LINES = 2
#: A running line holds at most this many words.
FURNITURE_WORDS = 14
#: How far (pt) a running line may move between pages.
POSITION_SNAP = 3.0
DIGITS = re.compile(r"\d+")


def furniture_key(line: Line) -> str:
    """What a running line says, its digits (page numbers, dates) aside."""
    return DIGITS.sub("#", squash(line.text))


def candidates(lines: Sequence[Line], em: float) -> list[int]:
    """Indexes of the lines at a page's top and bottom that may be running lines."""
    found = []
    n = len(lines)
    for i in [*range(min(EDGE_LINES, n)), *range(max(EDGE_LINES, n - EDGE_LINES), n)]:
        line = lines[i]
        if len(line.words) > FURNITURE_WORDS or len(line_to_phrases(line, 1.5 * em)) > 2 or may_open_header(line):
            continue
        inward = lines[i + 1] if i < EDGE_LINES and i + 1 < n else lines[i - 1] if i > 0 else None
        if inward is not None and abs(inward.middle - line.middle) - (inward.bottom - inward.top) < 0.8 * em:
            continue
        found.append(i)
    return sorted(set(found))


def find_furniture(pages: Sequence[Sequence[Line]], ems: Sequence[float]) -> list[set[int]]:
    """For each page, the indexes of its lines that are running heads or footers."""
    keyed: list[list[tuple[int, str, int]]] = []
    counts: Counter[tuple[str, int]] = Counter()
    for lines, em in zip(pages, ems):
        page_keys = []
        for i in candidates(lines, em):
            key = furniture_key(lines[i])
            if not key:
                continue
            spot = int(round(lines[i].top / POSITION_SNAP))
            page_keys.append((i, key, spot))
        for key_spot in {(key, spot + d) for _, key, spot in page_keys for d in (-1, 0, 1)}:
            counts[key_spot] += 1
        keyed.append(page_keys)
    needed = min(FURNITURE_PAGES, max(2, len(pages)))
    return [{i for i, key, spot in page_keys if counts[(key, spot)] >= needed} for page_keys in keyed]
