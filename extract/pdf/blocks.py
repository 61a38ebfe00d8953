"""Row blocks: cut a page's table lines into groups of lines, one per table row.

- In a ruled table the rows are the slabs between horizontal rules that cross the table and its number
  column (`ruling.row_rules`); every slab is a row of its own (rows of a ruled table are never merged). The
  table ends where its vertical rules stop crossing it.
- Elsewhere the rows are the blocks between white gaps that cross all columns (taller than the usual gap
  between a cell's lines). A block holding two activity numbers is cut where the rows' text centres best
  on each number; a block holding none joins the activity whose row it centres best in (vertically
  centred cells leave such gaps), unless it is a section row; in an unruled table a section row set with
  no gap around it is cut out of its block by its number and its run across the gutters.
- Where the table's cells hang from the top of their rows (each opens on its number's line, as word
  processors export them), learnt from all its pages (`hanging_evidence`), a number's row is its line and
  the lines under it down to the next number's line, and lines without a number join the row above.

The page's slabs and blocks (`Unit`) are found first (`body_to_units`), the rows read from them once the
whole table has shown how its cells stand (`units_to_rows`). `rows.py` reads each group into one text per
column.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..pdf_settings import PdfSettings
from .edges import word_column
from .glued import glued_parts
from .lines import Line
from .rows import ACTIVITY, PLAIN, SECTION, Geometry, Row, closed_edges, is_section, line_anchors, lines_to_row
from .ruling import crossing_verticals, fill_merged_cells, open_ends, row_rules


def inner_gaps(lines: Sequence[Line]) -> list[tuple[float, float]]:
    """The white gaps (top, bottom) between the vertical extents of consecutive lines."""
    gaps = []
    reach = lines[0].bottom if lines else 0.0
    for line in lines[1:]:
        if line.top > reach:
            gaps.append((reach, line.top))
        reach = max(reach, line.bottom)
    return gaps


def extent_middle(lines: Sequence[Line]) -> float:
    return (min(line.top for line in lines) + max(line.bottom for line in lines)) / 2


def split_by_anchors(lines: Sequence[Line], anchors: Sequence[int]) -> list[list[Line]]:
    """Cut lines holding several activity numbers into one group per number.

    Between two numbers the cut is one of the white gaps between them (or their middle when there is
    none), chosen so that each group's text centres best on its number, preferring wider gaps.
    """
    centres = [lines[a].middle for a in anchors]
    gaps = inner_gaps(lines)
    options: list[list[tuple[float, float]]] = []
    for k in range(len(anchors) - 1):
        upper, lower = lines[anchors[k]], lines[anchors[k + 1]]
        between = [((t + b) / 2, b - t) for t, b in gaps if t >= upper.bottom - 0.01 and b <= lower.top + 0.01]
        options.append(between or [((upper.middle + lower.middle) / 2, 0.0)])
    middles = [line.middle for line in lines]

    def group_cost(k: int, start: float, end: float) -> float:
        members = [line for line, m in zip(lines, middles) if start <= m < end]
        return abs(extent_middle(members) - centres[k]) if members else 1e6

    low, high = -float("inf"), float("inf")
    best: list[tuple[float, list[float]]] = [(0.0, [])]
    previous = [low]
    for k in range(len(anchors) - 1):
        current: list[tuple[float, list[float]]] = []
        for y, size in options[k]:
            candidates = [(cost + group_cost(k, prev, y) - 0.5 * size, path + [y])
                          for (cost, path), prev in zip(best, previous) if prev < y]
            if candidates:
                current.append(min(candidates, key=lambda c: c[0]))
        if not current:
            y = options[k][0][0]
            current = [(best[0][0], best[0][1] + [y])]
        best, previous = current, [path[-1] for _, path in current]
    cost, cuts = min(((cost + group_cost(len(anchors) - 1, prev, high), path)
                      for (cost, path), prev in zip(best, previous)), key=lambda c: c[0])
    bounds = [low] + cuts + [high]
    return [[line for line, m in zip(lines, middles) if bounds[k] <= m < bounds[k + 1]] for k in range(len(anchors))]


def intra_gap(lines: Sequence[Line], g: Geometry) -> float:
    """The usual white gap between two lines of one cell (lower quartile of same-column gaps)."""
    by_column: list[list[tuple[float, float]]] = [[] for _ in range(g.n)]
    for line in lines:
        seen = set()
        for word in line.words:
            c = word_column(word, g.inner)
            if c not in seen:
                seen.add(c)
                by_column[c].append((line.top, line.bottom))
    gaps = sorted(b[0] - a[1] for spans in by_column for a, b in zip(spans, spans[1:])
                  if 0 <= b[0] - a[1] < 1.5 * g.em)
    return gaps[len(gaps) // 4] if gaps else 0.2 * g.em


def lines_to_blocks(lines: Sequence[Line], threshold: float) -> list[list[Line]]:
    """Group lines into blocks separated by white gaps at least `threshold` tall."""
    blocks: list[list[Line]] = []
    reach = -float("inf")
    for line in lines:
        if not blocks or line.top - reach >= threshold:
            blocks.append([line])
        else:
            blocks[-1].append(line)
        reach = max(reach, line.bottom) if len(blocks[-1]) > 1 else line.bottom
    return blocks


def is_furniture(block: Sequence[Line], s: PdfSettings) -> bool:
    """A page number or running line: one short line."""
    return len(block) == 1 and len(block[0].words) <= s.furniture_words


@dataclass
class Group:
    """Lines that make one row, before they are read into texts."""

    lines: list[Line]
    kind: str
    anchor: float | None = None
    #: A row between two ruling lines: never joined to another row.
    fixed: bool = False

    @property
    def top(self) -> float:
        return min(line.top for line in self.lines)

    @property
    def bottom(self) -> float:
        return max(line.bottom for line in self.lines)


def hanging_groups(block: Sequence[Line], anchors: Sequence[int], fixed: bool) -> list[Group]:
    """A block of rows whose cells hang from the top: each number's row is the lines from its number's line
    down to the next number's line; the lines above the first number are a plain group (the tail of the row
    above, or of the row the page break cut)."""
    tops = [block[a].top for a in anchors]
    bounds = [*tops[1:], float("inf")]
    groups = []
    above = [line for line in block if line.middle < tops[0]]
    if above:
        groups.append(Group(above, PLAIN, fixed=fixed))
    for a, top, end in zip(anchors, tops, bounds):
        groups.append(Group([line for line in block if top <= line.middle < end], ACTIVITY, block[a].middle, fixed))
    return groups


def block_to_groups(block: Sequence[Line], g: Geometry, top: float | None = None,
                    bottom: float | None = None, fixed: bool = False) -> list[Group]:
    """One group per activity number in a block; a block without one is a section or a plain row.

    A section row glued to the rows around it (no white gap) is cut out of the block first. Where the
    table's cells hang from the top (`Geometry.hanging`), each number's row runs down to the next number's
    line (a ruled row holding one number is that number's whole row, as it is anyway).
    """
    parts = glued_parts(block, g)
    if len(parts) > 1:
        groups: list[Group] = []
        for lines, section in parts:
            groups.extend([Group(lines, SECTION, fixed=fixed)] if section else block_to_groups(lines, g, fixed=fixed))
        return groups
    block = list(block)
    anchors = line_anchors(block, g)
    if g.opening and anchors and not fixed and (lead := title_lines_above(block, anchors[0], g)):
        # A title cell opens with its number: title text above the first number's line is no activity's.
        return [Group(block[:lead], PLAIN), *block_to_groups(block[lead:], g)]
    if anchors and g.hanging and not (fixed and len(anchors) == 1):
        return hanging_groups(block, anchors, fixed)
    if len(anchors) == 1:
        return [Group(block, ACTIVITY, block[anchors[0]].middle, fixed)]
    if len(anchors) > 1:
        return [Group(lines, ACTIVITY, block[a].middle, fixed)
                for lines, a in zip(split_by_anchors(block, anchors), anchors) if lines]
    low = top if top is not None else block[0].top
    high = bottom if bottom is not None else max(line.bottom for line in block)
    return [Group(block, SECTION if is_section(block, g, low, high) else PLAIN, fixed=fixed)]


def title_lines_above(block: Sequence[Line], anchor: int, g: Geometry) -> int:
    """How many of a block's first lines, above its first number's line, print only in the title column."""
    lead = 0
    while lead < anchor and only_in_title_cell(block[lead:lead + 1], g):
        lead += 1
    return lead


def attach_cost(group: Group, extra: Group) -> float:
    """How much joining `extra` moves the middle of an activity's text away from its number."""
    assert group.anchor is not None
    before = abs((group.top + group.bottom) / 2 - group.anchor)
    after = abs((min(group.top, extra.top) + max(group.bottom, extra.bottom)) / 2 - group.anchor)
    return after - before


def attach_plain_groups(groups: list[Group], continues: bool, hanging: bool = False) -> list[Group]:
    """Join each plain group (no number, not a section, not a ruled row) to the activity beside it it
    centres best in; where cells hang from the top of their rows (`hanging`), to the activity above it.

    A plain group first on the page is left alone when the table continues from the previous page (it
    is that page's last row, cut by the page break); the caller joins it there.
    """
    result = list(groups)
    i = 0
    while i < len(result):
        group = result[i]
        if group.kind != PLAIN or group.fixed:
            i += 1
            continue
        above = result[i - 1] if i > 0 and result[i - 1].kind == ACTIVITY and not result[i - 1].fixed else None
        below = result[i + 1] if i + 1 < len(result) and result[i + 1].kind == ACTIVITY \
            and not result[i + 1].fixed else None
        if above is None and (continues and i == 0 or below is None):
            i += 1
            continue
        if above is not None and (hanging or below is None or attach_cost(above, group) <= attach_cost(below, group)):
            above.lines = sorted(above.lines + group.lines, key=lambda line: line.top)
            del result[i]
            continue
        assert below is not None
        below.lines = sorted(group.lines + below.lines, key=lambda line: line.top)
        del result[i]
    return result


def bold_headings(groups: list[Group], g: Geometry) -> list[Group]:
    """Where the activities' rows on the page are not in bold, lines without a number all in bold that
    print only a title, or stand centred on the table (a short heading over an unruled table lies inside
    one column), are a heading: a row of their own, or the lines a row with no gap under them holds above
    its number's line (when that row's own title is not in bold)."""
    activity_words = [w for group in groups if group.kind == ACTIVITY for line in group.lines for w in line.words]
    if not activity_words or 2 * sum(w.bold for w in activity_words) >= len(activity_words):
        return groups

    def heading(lines: Sequence[Line]) -> bool:
        return all(w.bold for line in lines for w in line.words) and \
            (only_in_title_cell(lines, g) or centred_on_table(lines, g))

    found: list[Group] = []
    for group in groups:
        if group.kind == PLAIN and heading(group.lines):
            found.append(replace(group, kind=SECTION))
            continue
        if group.kind == ACTIVITY and group.anchor is not None:
            above = 0
            while above < len(group.lines) and group.lines[above].bottom < group.anchor \
                    and heading(group.lines[above:above + 1]):
                above += 1
            numbered = next((line for line in group.lines if line.top <= group.anchor <= line.bottom), None)
            own_title = [w for w in numbered.words if word_column(w, g.inner) == g.title] if numbered else []
            if above and above < len(group.lines) and own_title and not all(w.bold for w in own_title):
                found.append(Group(group.lines[:above], SECTION, fixed=group.fixed))
                found.append(replace(group, lines=group.lines[above:]))
                continue
        found.append(group)
    return found


def centred_on_table(lines: Sequence[Line], g: Geometry) -> bool:
    """Whether each of these lines stands centred between the table's outer edges (within an em)."""
    middle = (g.edges[0] + g.edges[-1]) / 2
    return bool(lines) and all(line.words and abs((line.words[0].x0 + line.words[-1].x1) / 2 - middle) <= g.em
                               for line in lines)


def only_in_title_cell(lines: Sequence[Line], g: Geometry) -> bool:
    """Whether every word of these lines stands in the title column."""
    return g.title is not None and all(word_column(w, g.inner) == g.title for line in lines for w in line.words)


@dataclass(frozen=True)
class Unit:
    """Lines the page sets apart as one piece of the table: a slab between two row rules (`ruled`, with the
    rules' heights; `first`: the page's first slab), or a block between white gaps."""

    lines: tuple[Line, ...]
    ruled: bool = False
    top: float | None = None
    bottom: float | None = None
    first: bool = False


def body_to_units(body: Sequence[Line], g: Geometry, zone_top: float) -> tuple[list[Unit], list[Line], bool]:
    """The page's table below the header cut into slabs and blocks, the lines outside the table, and whether
    the table goes on."""
    s = g.settings
    rules = row_rules(g, zone_top)
    units: list[Unit] = []
    outside: list[Line] = []
    ended = False
    below: list[Line] = list(body)
    reach = zone_top
    if len(rules) >= 2:
        slabs = [(a, b) for a, b in zip(rules, rules[1:])]
        framed = g.ruled_columns
        head, foot = open_ends(g, rules[0], rules[-1]) if framed else (rules[0], rules[-1])
        snap = s.rule_snap
        if zone_top > 0 and body and body[0].middle < rules[0]:
            slabs.insert(0, (zone_top, rules[0]))   # lines under the header before the first rule
        elif head < rules[0] - snap and body and body[0].middle < rules[0]:
            slabs.insert(0, (max(head, zone_top), rules[0]))  # the rest of a row the page break cut
        if foot > rules[-1] + snap:
            slabs.append((rules[-1], foot))         # a row the page break cut, open at the page's foot
        # A table whose columns are ruled ends where its vertical rules stop crossing it.
        inside = []
        for a, b in slabs:
            if not framed or crossing_verticals(g, (a + b) / 2) or (a, b) == slabs[0]:
                inside.append((a, b))
            else:
                break
        top, bottom = inside[0][0], inside[-1][1]
        by_slab: list[list[Line]] = [[] for _ in inside]
        bounds = [b for _, b in inside]
        below = []
        for line in body:
            if line.middle < top:
                outside.append(line)
            elif line.middle >= bottom:
                below.append(line)
            else:
                by_slab[bisect_right(bounds, line.middle)].append(line)
        for k, ((a, b), lines) in enumerate(zip(inside, by_slab)):
            if lines:
                units.append(Unit(tuple(lines), True, a, b, k == 0))
        if framed:
            outside.extend(below)
            ended = bool(below) and not all(is_furniture([line], s) for line in below)
            below = []
        reach = bottom
    if below:
        # Unruled rows (or rows under the last rule of a table ruled only across): blocks between gaps.
        threshold = intra_gap(below, g) + s.row_gap * g.em
        blocks = lines_to_blocks(below, threshold)
        far = max(s.far_gap * g.em, threshold)
        kept: list[list[Line]] = []
        for i, block in enumerate(blocks):
            gap_above = block[0].top - (max(line.bottom for line in blocks[i - 1]) if i else reach)
            if (kept or units) and gap_above >= far:
                outside.extend(line for b in blocks[i:] for line in b)
                ended = not all(is_furniture(b, s) for b in blocks[i:])
                break
            if not kept and not units and is_furniture(block, s) and i + 1 < len(blocks) and \
                    blocks[i + 1][0].top - block[-1].bottom >= far:
                outside.extend(block)
                continue
            kept.append(block)
        units.extend(Unit(tuple(block)) for block in kept)
    return units, outside, not ended


def units_to_rows(units: Sequence[Unit], g: Geometry, continues: bool) -> list[Row]:
    """The page's rows read from its slabs and blocks (`continues`: the table goes on from the previous page)."""
    groups: list[Group] = []
    for k, unit in enumerate(units):
        if not unit.ruled:
            found = block_to_groups(unit.lines, g)
            if g.opening and not (continues and k == 0):
                # Where the numbers open the title cells, text printed only there with no number is a heading
                # (the first block of a page may be the rest of a title the page break cut).
                found = [replace(group, kind=SECTION) if group.kind == PLAIN and only_in_title_cell(group.lines, g)
                         else group for group in found]
            groups.extend(found)
            continue
        found = block_to_groups(unit.lines, g, unit.top, unit.bottom, fixed=True)
        if (not unit.first or not continues) and len(found) == 1 and found[0].kind == PLAIN \
                and only_in_title_cell(unit.lines, g):
            # A ruled row of its own with no number, printing only a title, is a heading (rows are
            # not cut inside a page; the first row of a page may be the rest of one the break cut).
            found = [replace(found[0], kind=SECTION)]
        groups.extend(found)
    groups = attach_plain_groups(bold_headings(groups, g), continues, g.hanging)
    rows = []
    for group in groups:
        row = lines_to_row(group.lines, g, group.top, group.bottom, group.kind)
        if row.kind == SECTION and only_in_title_cell(group.lines, g) and any(closed_edges(g, group.top, group.bottom)):
            row = replace(row, title_cell=True)
        rows.append(row)
    if g.ruled_columns:
        rows = fill_merged_cells(rows, g)
    return rows


def body_to_rows(body: Sequence[Line], g: Geometry, zone_top: float, continues: bool
                 ) -> tuple[list[Row], list[Line], bool]:
    """The page's rows below the header, the lines outside the table, and whether the table goes on."""
    units, outside, still_open = body_to_units(body, g, zone_top)
    return units_to_rows(units, g, continues), outside, still_open


def row_starts(lines: Sequence[Line], threshold: float) -> set[int]:
    """The lines a white gap at least `threshold` tall parts from the lines above them (and the first line)."""
    starts = {0}
    reach = lines[0].bottom if lines else 0.0
    for j, line in enumerate(lines[1:], start=1):
        if line.top - reach >= threshold:
            starts.add(j)
        reach = max(reach, line.bottom)
    return starts


def hanging_evidence(units: Sequence[Unit], g: Geometry, continues: bool) -> tuple[int, int]:
    """How the page's rows show their cells standing: (hanging, above).

    Only a row the page sets apart tells: one whose number's line opens its slab or block, or follows a
    white gap taller than those between a cell's lines. It hangs from the top when lines run on under its
    number's line with no such gap down to the next number's line or the end of its block; its cells open
    above the number's line (as centred cells of several lines do) when the gap that parts it from the row
    before lies above lines standing over its number. (Lines over the first number of a continuing page may
    be the rest of the row the page break cut: they tell nothing.)
    """
    hanging = above = 0
    for i, unit in enumerate(units):
        for p, (lines, section) in enumerate(glued_parts(unit.lines, g)):
            anchors = line_anchors(lines, g)
            if section or not anchors:
                continue
            starts = row_starts(lines, intra_gap(lines, g) + g.settings.row_gap * g.em)
            for k, a in enumerate(anchors):
                end = anchors[k + 1] if k + 1 < len(anchors) else len(lines)
                previous = anchors[k - 1] if k else -1
                if a in starts:
                    hanging += end - a > 1 and (end == len(lines) or end in starts) and \
                        not any(a < j < end for j in starts)
                elif any(previous < j < a for j in starts) and not (continues and i == p == k == 0):
                    above += 1
    return hanging, above

