"""Key/value blocks printed above a table: a commitment's "Lead implementing agency | Statistics Estonia",
"Other actors involved | Open Knowledge Estonia", "Period | ...", "Problem addressed | ...".

The OGP template prints, before each commitment's milestones table, a two-column table of keys and values,
and names the agencies there rather than in a column of the milestones. Here such a block is found among
the lines outside the tables by the words' positions: a line whose first phrase is a key naming agencies
(`key_role`: a header label of `extract/headers.csv` for agencies or partners, or a role label of
`normalize/role_labels.csv`) and whose value stands apart after a gutter fixes the key column's left edge and
the value column's; the lines around it whose words all stand in one or the other make the block. A key
that wraps ("Other actors involved – civil society," over "private sector") beside a one-line value goes
on under its first line: a key line with no value continues the key above it where no rule parts the two
(in a ruled block), else where it follows at the pitch of the block's wrapped lines and opens in lower case
or after a key line left unfinished. A line of value words only continues the value above. So a wrapped
key's words are never read as a value.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from normalize.roles import IMPLEMENTER, PARTNER, label_at, label_role
from normalize.words import FUNCTION_WORDS

from ..vocabulary import match_label
from .lines import Line, Word, line_to_phrases
from .opening import Rules

#: A header label's meaning and the role of the agencies a key of that meaning names.
ROLE_OF_MEANING = {"agencies": IMPLEMENTER, "partners": PARTNER}
#: Lines of a block follow each other at most this many ems apart (between one's foot and the next's top).
BLOCK_GAP = 2.5
#: A key's line and the one under it are one wrapped key where they stand at most this many times the
#: block's closest line pitch apart (unruled blocks only: a ruled block's rules say it).
WRAP_PITCH = 1.3
#: How far (in ems) a key's or a value's line may start from its column's left edge.
ALIGN = 1.0


@dataclass(frozen=True)
class BlockRow:
    """One row of a key/value block: its lines, the words of its key and of its value, and the role of the
    agencies its key names (None: a key naming none, "Period", "Problem addressed")."""

    lines: tuple[Line, ...]
    key: tuple[Word, ...]
    value: tuple[Word, ...]
    role: str | None

    @property
    def label(self) -> str:
        return " ".join(w.text for w in self.key)


@dataclass(frozen=True)
class Block:
    """A key/value block: its rows, top to bottom."""

    rows: tuple[BlockRow, ...]


def key_role(text: str) -> str | None:
    """The role of the agencies a key names ("Lead implementing agency/actor": implementer; "Other actors
    involved – state actors": partner), None when it names none. The key opens on a header label of the
    agencies or the partners (whatever follows it), or is a role label."""
    found = match_label(text)
    if found is not None and found[0].meaning in ROLE_OF_MEANING:
        return ROLE_OF_MEANING[found[0].meaning]
    match = label_at(" ".join(text.split()).rstrip(":") + ":")
    if match is not None and match.end() == len(" ".join(text.split()).rstrip(":")) + 1:
        return label_role(match)
    return None


def find_blocks(lines: Sequence[Line], rules: Rules, em: float, gap: float) -> tuple[list[Block], list[Line]]:
    """The key/value blocks among some lines outside the tables (top to bottom) naming agencies, and the
    lines left. `gap`: the least white space between two phrases of a line (a column gutter)."""
    blocks: list[Block] = []
    taken: set[int] = set()
    for i, line in enumerate(lines):
        if i in taken:
            continue
        phrases = line_to_phrases(line, gap)
        if len(phrases) < 2 or key_role(" ".join(w.text for w in phrases[0][2])) is None:
            continue
        key_x, value_x = phrases[0][0], phrases[1][0]
        span = [k for k in block_span(lines, i, key_x, value_x, em, gap) if k not in taken]
        rows = span_to_rows([lines[k] for k in span], key_x, value_x, rules, em)
        if any(row.role is not None and row.value for row in rows):
            blocks.append(Block(tuple(rows)))
            taken.update(span)
    return blocks, [line for k, line in enumerate(lines) if k not in taken]


def split_line(line: Line, key_x: float, value_x: float, em: float, gap: float
               ) -> tuple[list[Word], list[Word]] | None:
    """A line's key words and value words, None where it does not stand in the two columns: a word across
    the value column's edge, a key not starting at the key column's, a value not after a gutter."""
    edge = value_x - ALIGN * em / 4
    key = [w for w in line.words if w.x1 <= edge]
    value = [w for w in line.words if w.x0 >= edge]
    if len(key) + len(value) < len(line.words):
        return None
    if key and abs(key[0].x0 - key_x) > ALIGN * em:
        return None
    if value and abs(value[0].x0 - value_x) > ALIGN * em:
        return None
    if key and value and value[0].x0 - key[-1].x1 < gap:
        return None
    return key, value


def block_span(lines: Sequence[Line], seed: int, key_x: float, value_x: float, em: float, gap: float) -> list[int]:
    """The lines (by index) of the block around the seed line: those next to it, standing in its two columns."""
    def fits(k: int, neighbour: int) -> bool:
        upper, lower = lines[min(k, neighbour)], lines[max(k, neighbour)]
        return lower.top - upper.bottom <= BLOCK_GAP * em and split_line(lines[k], key_x, value_x, em, gap) is not None

    low = seed
    while low > 0 and fits(low - 1, low):
        low -= 1
    high = seed
    while high + 1 < len(lines) and fits(high + 1, high):
        high += 1
    return list(range(low, high + 1))


def span_to_rows(lines: Sequence[Line], key_x: float, value_x: float, rules: Rules, em: float) -> list[BlockRow]:
    """A block's lines into its rows: a key line opens a row unless it goes on with the row above
    (`continues_key`); a line of value words only goes on with the row above."""
    parts = [split_line(line, key_x, value_x, em, 0.0) or ([], list(line.words)) for line in lines]
    steps = [b.top - a.top for a, b in zip(lines, lines[1:])]
    pitch = min(steps, default=0.0)
    ruled = any(x0 <= key_x + em and x1 >= value_x for y, x0, x1 in rules.horizontal
                if lines[0].top - em <= y <= lines[-1].bottom + em)
    grouped: list[list[int]] = []
    for k, (key, _) in enumerate(parts):
        if not grouped or key and not continues_key(lines, parts, grouped[-1], k, key_x, rules, ruled, pitch):
            grouped.append([k])
        else:
            grouped[-1].append(k)
    rows = []
    for group in grouped:
        key_words = tuple(w for k in group for w in parts[k][0])
        value_words = tuple(w for k in group for w in parts[k][1])
        label = " ".join(w.text for w in key_words)
        rows.append(BlockRow(tuple(lines[k] for k in group), key_words, value_words,
                             key_role(label) if label else None))
    return rows


def continues_key(lines: Sequence[Line], parts: Sequence[tuple[list[Word], list[Word]]], row: list[int], k: int,
                  key_x: float, rules: Rules, ruled: bool, pitch: float) -> bool:
    """Whether key line `k` goes on with the key of the row above (a wrapped key) rather than opening a row:
    in a ruled block where no rule parts them, else where it follows at the pitch of wrapped lines and the
    key above is left unfinished or this line opens in lower case."""
    above = row[-1]
    if ruled:
        return not any(x0 <= key_x + 1 and x1 >= key_x and lines[above].bottom <= y <= lines[k].top
                       for y, x0, x1 in rules.horizontal)
    keys = [w for j in row for w in parts[j][0]]
    if not keys or lines[k].top - lines[above].top > WRAP_PITCH * pitch:
        return False
    first, last = parts[k][0][0].text, keys[-1].text
    return first[:1].islower() or last[-1:] in ",;-–(/" or last.casefold() in FUNCTION_WORDS
