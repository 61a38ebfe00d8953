"""Section rows glued into a block: in an unruled table a section row set with no white gap around it
("2. Open courts" right above the next row) is cut out of its block by its number and its run across the
gutters, with the lines that wrap its title under it (`glued_parts`, used by `blocks.block_to_groups`).
"""
from __future__ import annotations

from collections.abc import Sequence

from ..vocabulary import words_begin_section
from .lines import Line, line_to_phrases
from .rows import Geometry, crosses_edges, line_number

#: A line this many times the table's text height, or more, is set larger than it (a heading's size).
HEADING_SIZE = 1.2


def opens_section(line: Line, g: Geometry) -> bool:
    """A line that starts a section row: no activity number, a section number first, across the columns."""
    if line_number(line, g) is not None:
        return False
    return words_begin_section([w.text for w in line.words]) and crosses_edges([line], g)


def continues_section(previous: Line, line: Line, first: Line, g: Geometry) -> bool:
    """A line that wraps a section row's title: right under it, aligned with its first line (centred or
    flush left), in one run of text or across the columns, without an activity number. A heading set larger
    than the table's text ("Commitment 4: ..." over its own small table) wraps at its own line spacing, and
    a line set smaller under it (the "Ambition" that follows) no longer continues it."""
    height = first.bottom - first.top
    larger = height > HEADING_SIZE * g.em
    if line.top - previous.top > 1.7 * (height if larger else g.em) or line_number(line, g) is not None:
        return False
    if larger and line.bottom - line.top < height / HEADING_SIZE:
        return False
    centre = (line.words[0].x0 + line.words[-1].x1) / 2
    first_centre = (first.words[0].x0 + first.words[-1].x1) / 2
    aligned = abs(centre - first_centre) <= g.em or abs(line.words[0].x0 - first.words[0].x0) <= g.em
    one_run = len(line_to_phrases(line, g.settings.phrase_gap * g.em)) == 1
    return aligned and (one_run or crosses_edges([line], g))


def glued_sections(block: Sequence[Line], g: Geometry) -> list[tuple[int, int]]:
    """Spans [i, j) of lines of an unruled block that are section rows with no white gap around them."""
    if g.ruled_columns:
        return []
    spans = []
    i = 0
    while i < len(block):
        if opens_section(block[i], g):
            j = i + 1
            while j < len(block) and continues_section(block[j - 1], block[j], block[i], g):
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def glued_parts(block: Sequence[Line], g: Geometry) -> list[tuple[list[Line], bool]]:
    """A block cut at the section rows glued into it (`glued_sections`): (lines, whether a section row)."""
    block = list(block)
    spans = glued_sections(block, g)
    if not spans or spans == [(0, len(block))]:
        return [(block, False)]
    parts: list[tuple[list[Line], bool]] = []
    start = 0
    for i, j in spans:
        if i > start:
            parts.append((block[start:i], False))
        parts.append((block[i:j], True))
        start = j
    if start < len(block):
        parts.append((block[start:], False))
    return parts
