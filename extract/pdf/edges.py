"""Column edges: where one column ends and the next begins, and which column a word falls in.

Between two header cells the edge is the vertical rule standing between them (first looked for between
the labels' extents, so rules that part the sub-columns under one label are not taken), else the middle
of the white gutter in the body's text between the labels' middles (the x where fewest phrases cross).
The outer edges are the table's border rules, else the page's sides.

Two header cells set as one phrase (the vocabulary reads "Milestone activity" as two labels) head one column
when no rule stands between them and the body's text runs on across them with no gutter (`join_unparted`).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

import numpy as np

from ..pdf_settings import PdfSettings
from .header import Header, HeaderCell, numbered_lines
from .lines import Line, Word, line_to_phrases
from .opening import Rules

#: The resolution (pt) of the white-gutter profile.
STEP = 0.25


def coverage_profile(phrases: Sequence[tuple[float, float]], width: float, step: float) -> np.ndarray:
    """How many phrases cover each `step`-wide slice of the page's width."""
    size = int(width / step) + 2
    diff = np.zeros(size + 1, dtype=np.int32)
    if phrases:
        spans = np.asarray(phrases, dtype=float)
        starts = np.clip((spans[:, 0] / step).astype(int), 0, size)
        ends = np.clip(np.ceil(spans[:, 1] / step).astype(int), 0, size)
        np.add.at(diff, starts, 1)
        np.add.at(diff, ends, -1)
    return np.cumsum(diff)[:size]


def gutter_in(profile: np.ndarray, low: float, high: float, step: float, prior: float | None) -> float:
    """The middle of the widest least-covered run of x in [low, high] (the prior edge if it lies in one)."""
    a, b = int(low / step), max(int(low / step) + 1, int(high / step))
    segment = profile[a:b]
    if not len(segment):
        return (low + high) / 2
    least = segment.min()
    mask = np.concatenate(([False], segment == least, [False]))
    changes = np.flatnonzero(np.diff(mask.astype(np.int8)))
    runs = list(zip(changes[::2], changes[1::2]))
    if prior is not None:
        k = int(prior / step) - a
        for start, end in runs:
            if start <= k < end:
                return prior
    start, end = max(runs, key=lambda r: (r[1] - r[0], -r[0]))
    return float((a + (start + end) / 2) * step)


def vertical_between(rules: Rules, low: float, high: float, top: float, bottom: float) -> float | None:
    """The x of the vertical rule in (low, high) that runs longest over [top, bottom], if any."""
    if high <= low:
        return None
    xs = [r[0] for r in rules.vertical]
    best: tuple[float, float] | None = None
    for x, r_top, r_bottom in rules.vertical[bisect_left(xs, low): bisect_right(xs, high)]:
        run = min(r_bottom, bottom) - max(r_top, top)
        if run > 0 and (best is None or run > best[0] + 0.01):
            best = (run, x)
    return best[1] if best else None


def border_rule(rules: Rules, low: float, high: float, top: float, bottom: float,
                nearest: Callable[[Iterable[float]], float], through: float | None = None) -> float | None:
    """The table's outer rule in (low, high): of the rules running over most of [top, bottom], the one
    nearest the table (`nearest` is max on the left, min on the right), not a frame around the page.
    When `through` (the header row's middle) is given, a rule crossing it is preferred: the rules parting
    sub-columns under one label start below the header row."""
    xs = [r[0] for r in rules.vertical]
    found = rules.vertical[bisect_left(xs, low): bisect_right(xs, high)]
    runs = [(x, min(r_bottom, bottom) - max(r_top, top), r_top <= through <= r_bottom if through is not None
             else True) for x, r_top, r_bottom in found]
    longest = max((run for _, run, _ in runs), default=0.0)
    if longest <= 0:
        return None
    long_enough = [(x, crosses) for x, run, crosses in runs if run >= 0.5 * longest]
    crossing = [x for x, crosses in long_enough if crosses]
    return nearest(crossing or [x for x, _ in long_enough])


def runs_across(body: Sequence[Line], low: float, high: float, gap: float) -> tuple[int, int]:
    """How many body lines hold text in [low, high], and the fewest of them crossing any x there (the
    gutter's count: 0 where a white gutter parts the text)."""
    phrases = [[(x0, x1) for x0, x1, _ in line_to_phrases(line, gap) if x0 < high and x1 > low] for line in body]
    under = [spans for spans in phrases if spans]
    if not under:
        return 0, 0
    profile = coverage_profile([span for spans in under for span in spans], high + STEP, STEP)
    a, b = int(low / STEP), max(int(low / STEP) + 1, int(high / STEP))
    return len(under), int(profile[a:b].min())


def join_unparted(header: Header, body: Sequence[Line], rules: Rules, em: float, s: PdfSettings) -> Header:
    """The header with its cells set as one phrase (closer than a phrase gap) made one cell where they head
    one column: no vertical rule stands between them and at least `s.unparted_share` of the body's lines
    with text under them run across every x between the labels' middles. The joined cell keeps the first
    label's meaning (the reading of the column's label goes on in the second label's words). The rules looked
    at are the table's own (`table_rules`): a box's side below its first rows parts none of its labels."""
    gap = s.phrase_gap * em
    if len(header.cells) < 2:
        return header
    rules = table_rules(rules, body, header.bottom, gap, s.rule_snap)
    top = header.top
    bottom = max(body[-1].bottom if body else top, top + 1.0)
    cells = [header.cells[0]]
    for cell in header.cells[1:]:
        left = cells[-1]
        if cell.x0 - left.x1 < gap and vertical_between(rules, left.x0, cell.x1, top, bottom) is None:
            under, crossing = runs_across(body, left.middle, cell.middle, gap)
            if under and crossing >= s.unparted_share * under:
                cells[-1] = HeaderCell(left.x0, max(left.x1, cell.x1), left.words + cell.words,
                                       left.meaning or cell.meaning)
                continue
        cells.append(cell)
    if len(cells) == len(header.cells):
        return header
    return replace(header, cells=tuple(cells))


def column_edges(header: Header, top: float, body: Sequence[Line], rules: Rules,
                 prior: tuple[float, ...] | None, width: float, em: float, s: PdfSettings) -> tuple[float, ...]:
    """The x edges of the header's columns (one more than its cells).

    `top` is where the table starts on this page (its header row, or the page's top when the header is not
    repeated); `prior` the edges of the previous page, kept where they still fall in a gutter.
    """
    cells = header.cells
    bottom = max(body[-1].bottom if body else top, top + 1.0)
    gap = s.phrase_gap * em
    profile = coverage_profile([(x0, x1) for line in body for x0, x1, _ in line_to_phrases(line, gap)], width, STEP)
    edges = [0.0] * (len(cells) + 1)
    for d in range(1, len(cells)):
        left, right = cells[d - 1], cells[d]
        rule = vertical_between(rules, left.x1, right.x0, top, bottom)
        if rule is None:
            rule = vertical_between(rules, left.middle, right.middle, top, bottom)
        if rule is None:
            guess = prior[d] if prior is not None and len(prior) == len(edges) and \
                left.middle < prior[d] < right.middle else None
            rule = gutter_in(profile, left.middle, right.middle, STEP, guess)
        edges[d] = rule
    through = (header.top + header.bottom) / 2 if header.top >= top - s.rule_snap else None
    left_rule = border_rule(rules, -1.0, cells[0].x0 + s.rule_snap, top, bottom, max, through)
    right_rule = border_rule(rules, cells[-1].x1 - s.rule_snap, width + 1.0, top, bottom, min, through)
    edges[0] = left_rule if left_rule is not None else 0.0
    edges[-1] = right_rule if right_rule is not None else width
    return tuple(edges)


def box_sides(rules: Rules, body: Sequence[Line], top: float, gap: float, snap: float
              ) -> tuple[tuple[float, float, float], ...]:
    """The vertical rules (x, top, bottom) that are the sides of boxes printed under a table's first numbered
    row: they start below that row at an x where no rule runs down the table's rows from `top` (under its
    header row, or the page's top) to that row."""
    numbered = numbered_lines(body, gap)
    if not numbered:
        return ()
    first = body[numbered[0]].bottom
    columns = [x for x, r_top, r_bottom in rules.vertical if r_top <= first and r_bottom > top + snap]
    return tuple(rule for rule in rules.vertical
                 if rule[1] > first and not any(abs(rule[0] - c) <= snap for c in columns))


def table_rules(rules: Rules, body: Sequence[Line], top: float, gap: float, snap: float) -> Rules:
    """The page's rules less those of boxes printed under a table's first numbered row (the ruled key/value
    box over a later commitment's table, a shaded row; `box_sides`). A box's sides are never the table's
    columns: they go whether or not the table rules its rows. Where every horizontal rule below `top` lies
    within the height of such boxes, the table parts no rows with rules of its own: the boxes' horizontal
    rules go too, and its rows are read between white gaps. (The rules of a grid's later rows stand where its
    first rows' rules do; a table ruled across keeps its rules.)"""
    sides = box_sides(rules, body, top, gap, snap)
    if not sides:
        return rules
    vertical = tuple(rule for rule in rules.vertical if rule not in sides)

    def boxed(y: float) -> bool:
        return any(r_top - snap <= y <= r_bottom + snap for _, r_top, r_bottom in sides)

    below = [y for y, _, _ in rules.horizontal if y > top + snap]
    if not all(boxed(y) for y in below):
        return Rules(rules.horizontal, vertical)
    return Rules(tuple(rule for rule in rules.horizontal if not boxed(rule[0])), vertical)


def word_column(word: Word, inner: Sequence[float]) -> int:
    """The column holding most of a word, given the inner edges."""
    a = bisect_right(inner, word.x0)
    b = bisect_right(inner, word.x1)
    if a == b:
        return a
    best, best_overlap = a, inner[a] - word.x0
    for c in range(a + 1, b + 1):
        right = inner[c] if c < len(inner) else word.x1
        overlap = min(right, word.x1) - inner[c - 1]
        if overlap > best_overlap:
            best, best_overlap = c, overlap
    return best


def has_ruled_columns(rules: Rules, edges: Sequence[float], top: float, snap: float) -> bool:
    """Whether vertical rules part the columns below `top` (the header's bottom): at two inner edges at
    least (one when the table has only two inner edges). Rules that part only the header's labels do not
    make the body's cells ruled."""
    xs = [r[0] for r in rules.vertical]
    inner = sorted(set(edges[1:-1]))
    hits = 0
    for x in inner:
        found = rules.vertical[bisect_left(xs, x - snap): bisect_right(xs, x + snap)]
        hits += any(bottom > top + snap for _, _, bottom in found)
    return hits >= min(2, len(inner)) and hits > 0
