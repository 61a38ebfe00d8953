"""A page without a header row of its own that resumes the table the page before closed.

A table closes on a page where text stands apart under its last row (footnotes at the page's foot, a
signature): the next page is then taken for text outside the table unless it prints the header row again.
A table whose header row is printed on its first page only goes on there all the same; the page resumes it
when its first numbered line holds, in the table's number column, the number that comes next after the last
one the page before read ("4.1." then "4.2." or "5.1."), and that line's phrases each keep inside one of the
table's columns. Prose or an annex does not: its lines run across the columns, its numbers (if any) do not
go on from the table's.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..vocabulary import activity_number_parts
from .lines import Line, line_to_phrases
from .rows import Geometry, line_anchors, line_number


def last_number(lines: Sequence[Line], g: Geometry) -> tuple[int, ...] | None:
    """The levels of the last activity number a page's table lines hold in its number column, if any."""
    for line in reversed(lines):
        text = line_number(line, g)
        if text is not None and (parts := activity_number_parts(text)) is not None:
            return parts
    return None


def follows(after: tuple[int, ...], before: tuple[int, ...]) -> bool:
    """Whether one activity number comes next after another: one level goes up by one, the levels above it
    stay, the levels under it start again at one ("4.1" -> "4.2", "4.3" -> "5.1")."""
    if len(after) != len(before):
        return False
    for k in range(len(after)):
        if after[:k] == before[:k] and after[k] == before[k] + 1 and all(v == 1 for v in after[k + 1:]):
            return True
    return False


def within_columns(line: Line, g: Geometry) -> bool:
    """Whether each phrase of a line keeps inside one column (a line of prose runs across the column edges)."""
    slack = g.em / 2
    return all(not any(x0 < edge - slack and x1 > edge + slack for edge in g.inner)
               for x0, x1, _ in line_to_phrases(line, g.settings.phrase_gap * g.em))


def resumes(body: Sequence[Line], g: Geometry, last: tuple[int, ...]) -> bool:
    """Whether a page without a header row resumes the table closed on the page before: its first numbered
    line carries the next number after `last` and keeps to the table's columns."""
    anchors = line_anchors(body, g)
    if not anchors:
        return False
    line = body[anchors[0]]
    text = line_number(line, g)
    parts = activity_number_parts(text) if text is not None else None
    return parts is not None and follows(parts, last) and within_columns(line, g)
