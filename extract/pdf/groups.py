"""Group labels of a two-line column-header row: a label printed over several columns ("Implementation" over
"Responsible agencies | Deadline", "Laufzeit" over "Beginn | Ende") names none of them; its columns are the
sub-labels under it, read in its light where `extract/group_labels.csv` gives them a meaning there.

A ruled header parts the group's cell from its sub-labels' cells by a vertical rule that starts under the
group label. An unruled header shows it by place alone: the sub-labels stand closer to their group label
than to any other label of the line above, two or more under one label, the group label centred over them;
the labels of the line above with nothing under them ("Nr." | "Verpflichtung") head columns of their own,
standing clear of the sub-labels.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..vocabulary import meaning_within
from .lines import Line, Phrase, Word, line_to_phrases
from .opening import Rules


@dataclass(frozen=True)
class Group:
    """A header's group label: its text, and the left and right of the columns it spans."""

    left: float
    right: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def group_labels_of(lines: Sequence[Line], gap: float, rules: Rules, snap: float) -> list[Group]:
    """A ruled header's group labels: a label over several columns ("Implementation" over
    "Responsible agencies | Deadline"), its cell parted below it by a vertical rule that starts under it."""
    if not rules.vertical or len(lines) < 2:
        return []
    bottom = max(line.bottom for line in lines)
    found: list[Group] = []
    for line in lines[:-1]:
        for x0, x1, words in line_to_phrases(line, gap):
            y = line.middle
            crossing = [x for x, top, end in rules.vertical if top <= y <= end]
            left = max((x for x in crossing if x <= x0 + snap), default=None)
            right = min((x for x in crossing if x >= x1 - snap), default=None)
            if left is None or right is None:
                continue
            parted = any(left + snap < x < right - snap and y < top < bottom for x, top, _ in rules.vertical)
            if parted:
                found.append(Group(left, right, tuple(words)))
    return found


def unruled_groups(upper: Sequence[Phrase], lower: Sequence[Phrase]) -> list[Group]:
    """The group labels of an unruled header printed on two lines: each phrase of the lower line belongs to
    the upper phrase whose middle is nearest its own; an upper phrase with two or more under it, its middle
    within their span, is their group. Empty when the lines do not read so: an upper phrase with nothing
    under it that overlaps a lower one, a label over one sub-label it does not overlap (no wrapped label
    either), a group label standing off its sub-labels, or fewer than two phrases on either line."""
    if len(upper) < 2 or len(lower) < 2:
        return []
    middles = [(x0 + x1) / 2 for x0, x1, _ in upper]
    under: list[list[Phrase]] = [[] for _ in upper]
    for phrase in lower:
        middle = (phrase[0] + phrase[1]) / 2
        under[min(range(len(upper)), key=lambda k: abs(middles[k] - middle))].append(phrase)
    groups: list[Group] = []
    for (x0, x1, words), middle, subs in zip(upper, middles, under):
        overlaps = [p for p in lower if p[0] < x1 and p[1] > x0]
        if not subs and overlaps or len(subs) == 1 and subs[0] not in overlaps:
            return []
        if len(subs) >= 2:
            left, right = subs[0][0], subs[-1][1]
            if not left <= middle <= right:
                return []
            groups.append(Group(left, right, tuple(words)))
    return groups


def named_within(cell_middle: float, cell_text: str, groups: Sequence[Group]) -> str | None:
    """The meaning of a header cell under a group label, where its label takes one there ("Supporting" under
    "Responsibility": the partners; `extract/group_labels.csv`); None when it stands under no such group."""
    for group in groups:
        if group.left <= cell_middle <= group.right and \
                (meaning := meaning_within(group.text, cell_text)) is not None:
            return meaning
    return None
