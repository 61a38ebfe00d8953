"""Agencies named once for a whole table, in a key/value block printed above it (the OGP commitment template:
"Lead implementing agency | Statistics Estonia", "Other actors involved | Open Knowledge Estonia", then a
milestones table with no agency column; the blocks are `extract.model.LabelledValue`).

A block's values are the agency cells, in the role their keys name, of the activities of the table that
follows it, and of the rest of the section it heads: up to the next block, the next section heading or the
next table of other columns. An activity whose table has an agency or partners column of its own keeps its
column: a block above it gives it nothing (its words are then text outside the tables).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence

from extract.model import LabelledValue, RawDocument, TableProfile

from .accounting import WordPlace, place_cell_words
from .anchors import Anchor

#: Where the words of a block's rows go: its keys, and its values (the agencies made of them).
BLOCK_LABEL = "agency block label"
BLOCK_AGENCIES = "agency block agencies"
#: The column meanings that name an activity's agencies itself.
AGENCY_MEANINGS = ("agencies", "partners")


def table_of(line: int, tables: Sequence[TableProfile]) -> int | None:
    """The table (by index) a band at `line` belongs to: the last whose header stands at or above it."""
    k = bisect_right([table.line for table in tables], line) - 1
    return k if k >= 0 else None


def has_agency_column(table: TableProfile) -> bool:
    return any(column.meaning in AGENCY_MEANINGS for column in table.columns)


def labelled_values(document: RawDocument, anchors: Sequence[Anchor], heading_lines: Sequence[int]
                    ) -> dict[int, tuple[int, ...]]:
    """For each activity (by index in `anchors`) the key/value rows (by index in `document.labelled`) that
    name its agencies: those of the last block above it, where no section heading (`heading_lines`: their
    lines), other block or table of other columns stands between, and its table has no agency column."""
    if not document.labelled:
        return {}
    blocks: dict[int, list[int]] = {}
    for k, value in enumerate(document.labelled):
        blocks.setdefault(value.block, []).append(k)
    order = sorted(blocks.values(), key=lambda rows: lines_of(document.labelled, rows)[0])
    starts = [lines_of(document.labelled, rows)[0] for rows in order]
    headings = sorted(heading_lines)
    tables = sorted(document.tables, key=lambda table: table.line)
    table_lines = [table.line for table in tables]
    found: dict[int, tuple[int, ...]] = {}
    first_below: dict[int, int] = {}
    for i, anchor in enumerate(anchors):
        b = bisect_left(starts, anchor.line) - 1
        if b < 0:
            continue
        end = lines_of(document.labelled, order[b])[1]
        if bisect_left(headings, anchor.line) > bisect_right(headings, end):
            continue    # a section heading between: the block headed the section before
        first = first_below.setdefault(b, anchor.line)
        if bisect_right(table_lines, anchor.line) > bisect_right(table_lines, first):
            continue    # a table of other columns began after the block's own
        table = table_of(anchor.line, tables)
        if table is not None and has_agency_column(tables[table]):
            continue    # the activity's own column wins
        found[i] = tuple(order[b])
    return found


def lines_of(values: Sequence[LabelledValue], rows: Sequence[int]) -> tuple[int, int]:
    """The first and last line of some rows of a block."""
    lines = [line for k in rows for line, _ in values[k].lines]
    return min(lines), max(lines)


def labelled_places(document: RawDocument, mentions_of: Mapping[int, Sequence[str]], outside: str
                    ) -> list[WordPlace]:
    """Where the words of the key/value rows went: a row that named some activity's agencies (`mentions_of`:
    row index -> the mentions made of its value) has its key placed as the block's label and its value in
    those mentions; any other row is text outside the tables (`outside`)."""
    places: list[WordPlace] = []
    for k, value in enumerate(document.labelled):
        if k not in mentions_of:
            places += [WordPlace(line, word, outside) for line, word in (*value.label_words, *value.value_words)]
            continue
        places += [WordPlace(line, word, BLOCK_LABEL) for line, word in value.label_words]
        # A value naming no agency ("–") is the block's too: nothing in it was left out.
        text = " ".join([*mentions_of[k], "and"]) if mentions_of[k] else value.text
        places += place_cell_words(value.value_words, text, BLOCK_AGENCIES)
    return places


def profiles_with_labels(tables: Sequence[TableProfile], values: Sequence[LabelledValue],
                         used: Mapping[int, Sequence[int]], anchors: Sequence[Anchor]) -> tuple[TableProfile, ...]:
    """The tables' profiles, each naming the keys (and their roles) of the blocks its activities took their
    agencies from (`used`: activity index -> row indices)."""
    ordered = sorted(range(len(tables)), key=lambda k: tables[k].line)
    in_order = [tables[j] for j in ordered]
    labels: dict[int, dict[tuple[str, str], None]] = {}
    for i, rows in sorted(used.items()):
        k = table_of(anchors[i].line, in_order)
        if k is not None:
            for row in rows:
                labels.setdefault(ordered[k], {})[(values[row].label, values[row].role)] = None
    return tuple(TableProfile(t.columns, t.line, t.page, tuple(labels.get(k, {})) or t.labelled)
                 for k, t in enumerate(tables))
