"""Where a document centres its section headings, and the length that predicts for a heading in doubt.

A heading row is one line centred at one place across the table. Its centre is measured from a column
edge it crosses: the characters right of that edge less those left of it, halved. Headings that cross
different edges first (a long one starting in the title column, a short one starting in the column after
it) are measured from different edges; the widths of the columns between, measured where a heading filled
one edge to edge, carry a measure from one edge to another.
"""
from __future__ import annotations

from .words import Vocabulary, rejoin

#: One measure of the centring: (the column whose left edge it is measured from, characters right of it).
Centre = tuple[int, float]


def centre_of(edge: int, left: int, right: int) -> Centre:
    """The centre of a heading with `left` characters before the column edge `edge` (the left edge of that
    column) and `right` after it."""
    return edge, (right - left) / 2


def moved(centre: Centre, edge: int, widths: dict[int, int]) -> float | None:
    """A centre measured from its edge, measured from `edge` instead; None where a column between them has
    no measured width."""
    start, offset = centre
    low, high = sorted((start, edge))
    if any(c not in widths for c in range(low, high)):
        return None
    between = sum(widths[c] for c in range(low, high))
    return offset - between if edge > start else offset + between


def centre_at(centres: list[Centre], edge: int, widths: dict[int, int]) -> float | None:
    """Where the document centres its headings, from the column edge `edge` (median of the measures that
    can be carried there), or None."""
    offsets = sorted(offset for offset in (moved(centre, edge, widths) for centre in centres) if offset is not None)
    return offsets[len(offsets) // 2] if offsets else None


#: The fewest characters a column holds: a header "crossing" a narrower one edge to edge is a letter the edges
#: printed twice ("skaidrumą" | "ą" | "kasmet"), no measure of the column.
NARROWEST_COLUMN = 3
#: How many headings must open the first column they print in alike before they are read as set flush left.
FLUSH_LEFT_EVIDENCE = 3


def flush_left(lefts: list[int]) -> bool:
    """Whether headings set flush left: the parts of at least `FLUSH_LEFT_EVIDENCE` headings left of the first
    edge they cross (`lefts`, characters) are as long as one another, each filling its first column from the
    table's left edge, whatever the heading's length. Centred headings start further in the shorter they are,
    so there the centring predicts nothing."""
    if len(lefts) < FLUSH_LEFT_EVIDENCE:
        return False
    ordered = sorted(lefts)
    return ordered[-1] - ordered[0] <= slack(ordered[len(ordered) // 2])


def slack(expected: float) -> float:
    """How far a heading's length may be off the one its centring predicts (characters: a proportional
    font's letters are not all one width)."""
    return max(4.0, 0.15 * expected)


def filled_columns(row: list[list[str]], parts: tuple[tuple[int, int, int], ...], vocabulary: Vocabulary
                   ) -> dict[int, int]:
    """The widths of the middle columns a traced header (its (column, first token, end token) `parts`)
    crossed edge to edge (cut words on both sides)."""
    widths: dict[int, int] = {}
    for (pc, pi, pj), (c, i, j), (nc, ni, nj) in zip(parts, parts[1:], parts[2:]):
        if not pc < c < nc:
            continue    # (a wrapped heading's next line)
        entered = pj > pi and j > i and rejoin(row[pc][pj - 1], row[c][i], vocabulary)
        left = j > i and nj > ni and rejoin(row[c][j - 1], row[nc][ni], vocabulary)
        if entered and left and len(" ".join(row[c][i:j])) >= NARROWEST_COLUMN:
            widths[c] = len(" ".join(row[c][i:j]))
    return widths
