"""Ruled tables: the horizontal rules that part a table's rows, and the cells merged down over several rows.

A rule parts two rows only where it crosses the table and its number column (`row_rules`); a page break
leaves a row ruled at its sides only (`open_ends`). A cell merged down over several activities' rows
("2025" once for three activities) is each of theirs (`fill_merged_cells`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .lines import BBox
from .rows import ACTIVITY, Geometry, Row, joined_breaks


def row_rules(g: Geometry, top: float) -> list[float]:
    """The ys of horizontal rules below `top` that cross the table (row boundaries).

    A rule parts two activities only if it crosses the number column too: a rule under one of an
    activity's several indicators, beside its merged number cell, does not. It crosses the table's width,
    or at least the number and title columns: beside a cell merged down over several activities
    ("2025" once for three) it stops short.
    """
    left, right = g.edges[0], g.edges[-1]
    need = g.settings.rule_cover * (right - left)
    number = g.number if g.number is not None else 0
    snap = g.settings.rule_snap

    def crosses(column: int, x0: float, x1: float) -> bool:
        return x0 <= g.edges[column] + snap and x1 >= g.edges[column + 1] - snap

    # The segments of one rule: beside a cell merged down between the number and title columns, a rule
    # is drawn in pieces, one over the number column and one from the title column on.
    at: dict[float, list[tuple[float, float]]] = {}
    for y, x0, x1 in g.rules.horizontal:
        level = next((known for known in at if abs(known - y) <= snap), y)
        at.setdefault(level, []).append((x0, x1))
    ys: list[float] = []
    for y in sorted(at):
        pieces = at[y]
        covered = sum(max(0.0, min(x1, right) - max(x0, left)) for x0, x1 in pieces)
        wide = covered >= need or any(crosses(g.title, x0, x1) for x0, x1 in pieces)
        if y >= top - snap and wide and any(crosses(number, x0, x1) for x0, x1 in pieces):
            if not ys or y - ys[-1] > g.settings.rule_snap:
                ys.append(y)
    return ys


def crossing_verticals(g: Geometry, y: float) -> bool:
    """Whether a vertical rule inside the table's width crosses the height y."""
    left, right = g.edges[0] - g.settings.rule_snap, g.edges[-1] + g.settings.rule_snap
    return any(left <= x <= right and r_top <= y <= r_bottom for x, r_top, r_bottom in g.rules.vertical)


def open_ends(g: Geometry, first: float, last: float) -> tuple[float, float]:
    """How far above the first row rule and below the last one the table's vertical rules run on: a row
    the page break cut is ruled at its sides only, left open at the page's foot or head."""
    left, right = g.edges[0] - g.settings.rule_snap, g.edges[-1] + g.settings.rule_snap
    sides = [(r_top, r_bottom) for x, r_top, r_bottom in g.rules.vertical if left <= x <= right]
    top = min((r_top for r_top, r_bottom in sides if r_bottom >= first - g.settings.rule_snap), default=first)
    bottom = max((r_bottom for r_top, r_bottom in sides if r_top <= last + g.settings.rule_snap), default=last)
    return top, bottom


def ruled_under(g: Geometry, y: float, column: int) -> bool:
    """Whether a horizontal rule at height y closes the cell of `column` (its cells above and below are two)."""
    left, right = g.edges[column], g.edges[column + 1]
    covered = sum(max(0.0, min(x1, right) - max(x0, left))
                  for ry, x0, x1 in g.rules.horizontal if abs(ry - y) <= g.settings.rule_snap)
    return covered >= 0.5 * (right - left)


def rule_between(g: Geometry, upper: Row, lower: Row) -> float | None:
    """The height of a horizontal rule crossing the number column between two rows' numbers, if one does."""
    if g.number is None or not upper.texts[g.number] or not lower.texts[g.number]:
        return None
    bottom, top = upper.boxes[g.number][3], lower.boxes[g.number][1]
    left, right, snap = g.edges[g.number], g.edges[g.number + 1], g.settings.rule_snap
    found = [y for y, x0, x1 in g.rules.horizontal
             if bottom - snap <= y <= top + snap and x0 <= left + snap and x1 >= right - snap]
    return found[0] if found else None


def merge_boxes(boxes: Sequence[BBox]) -> BBox:
    """The box around several boxes."""
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def one_cell(rows: Sequence[Row], holding: Sequence[int], column: int, g: Geometry) -> bool:
    """Whether the texts these consecutive rows hold in a column are the lines of one cell: each piece
    starts a line's spacing under the one before (the row boundary passes between two of its lines)."""
    pieces = [rows[i].boxes[column] for i in holding]
    return all(j == i + 1 for i, j in zip(holding, holding[1:])) and \
        all(0 <= lower[1] - upper[3] <= g.em for upper, lower in zip(pieces, pieces[1:]))


def fill_merged_cells(rows: list[Row], g: Geometry) -> list[Row]:
    """A cell merged down over several activities' rows ("2025" once for three activities) is each of
    theirs: the rule between two of the rows stops short of that column. Its text is what the rows hold
    there, top to bottom (a cell of several lines stands across the rows)."""
    between = [rule_between(g, upper, lower) if upper.kind == ACTIVITY and lower.kind == ACTIVITY else None
               for upper, lower in zip(rows, rows[1:])]
    filled = list(rows)
    for column in range(g.n):
        if column == g.number:
            continue
        run = [0]
        for k in range(1, len(rows) + 1):
            if k < len(rows) and between[k - 1] is not None and not ruled_under(g, between[k - 1], column):
                run.append(k)
                continue
            holding = [i for i in run if rows[i].texts[column]]
            if len(run) > 1 and (len(holding) == 1 or holding and one_cell(rows, holding, column, g)):
                # A merged cell of several lines may stand across the rows' slabs: its lines in each slab
                # are pieces of the one cell, top to bottom.
                text = " ".join(rows[i].texts[column] for i in holding)
                box = merge_boxes([rows[i].boxes[column] for i in holding])
                page = rows[holding[0]].cell_page(column)
                pieces = [rows[i].texts[column] for i in holding]
                cut = joined_breaks(pieces, [rows[i].cell_breaks(column) for i in holding])
                wrapped = joined_breaks(pieces, [rows[i].cell_wraps(column) for i in holding])
                for i in run:
                    texts, boxes = list(filled[i].texts), list(filled[i].boxes)
                    pages = list(filled[i].pages or [filled[i].page] * g.n)
                    breaks = list(filled[i].breaks or [()] * g.n)
                    wraps = list(filled[i].wraps or [()] * g.n)
                    texts[column], boxes[column], pages[column], breaks[column] = text, box, page, cut
                    wraps[column] = wrapped
                    filled[i] = replace(filled[i], texts=tuple(texts), boxes=tuple(boxes), pages=tuple(pages),
                                        breaks=tuple(breaks), wraps=tuple(wraps))
            run = [k]
    return filled
