"""Account for every word of the source: where it ended up in the plan, or that it was not placed.

A word is placed in the document title, the table header, a section title, an activity's number or one
of its fields; a word that reached an activity's cell but is not in the field made from it (an agency
list split into names, say) is unplaced. Repaired words count as their parts: "impro" and "ove" are
both placed in the section title that reads "improve".
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

NOT_LETTERS = re.compile(r"[\W_]+")
UNPLACED = "unplaced"
FOLD_NUMBER = re.compile(r"^(activity|section) \S+ ")


class WordPlace(NamedTuple):
    """Where one source word went (a tuple: a plan makes one per word, and a tuple is the cheapest to make)."""

    line: int
    word: str
    place: str


@dataclass(frozen=True)
class Accounting:
    """Where each word of a source went; `missing` counts source words no stage reported at all."""

    places: tuple[WordPlace, ...]
    missing: tuple[tuple[int, str], ...] = ()

    @property
    def unplaced(self) -> tuple[WordPlace, ...]:
        return tuple(p for p in self.places if p.place == UNPLACED)

    def summary(self) -> Counter[str]:
        """How many words went to each kind of place (the activity and section numbers folded away)."""
        return Counter(fold_place(p.place) for p in self.places)


def fold_place(place: str) -> str:
    """The kind of a place: "activity 1.2 title" -> "activity title"."""
    return FOLD_NUMBER.sub(r"\1 ", place)


@lru_cache(maxsize=1 << 16)
def letters(text: str) -> str:
    return NOT_LETTERS.sub("", text).casefold()


#: How far past the last placed word (in letters) the next word is sought before its whole words are looked up.
AHEAD = 256


def place_cell_words(words: tuple[tuple[int, str], ...], field_text: str, place: str) -> list[WordPlace]:
    """A cell's words are placed in the field made from it when their letters are there, else unplaced.

    The field keeps the cell's order, so each word is sought just past the one before (a cut piece such as
    "impro" is found inside "improve"); a word not there is looked up among the field's whole words, and
    the search goes on from where it was found. Each word costs the same however long the cell: linear time.
    """
    spans: dict[str, list[int]] = {}
    parts: list[str] = []
    length = 0
    for token in field_text.split():
        key = letters(token)
        if key:
            spans.setdefault(key, []).append(length)
            parts.append(key)
            length += len(key)
    found = "".join(parts)
    places: list[WordPlace] = []
    cursor = 0
    for line, word in words:
        key = letters(word)
        at = found.find(key, cursor, cursor + len(key) + AHEAD)
        if at < 0 and key in spans:
            starts = spans[key]
            at = starts[min(bisect_left(starts, cursor), len(starts) - 1)]
        if at < 0:
            at = found.find(key, max(0, cursor - AHEAD - len(key)), cursor + len(key))
        if at >= 0:
            cursor = at + len(key)
        places.append(WordPlace(line, word, place if at >= 0 else UNPLACED))
    return places


def check_complete(line_words: tuple[tuple[int, int], ...], placed: Counter[int]) -> tuple[tuple[int, str], ...]:
    """Lines whose words not every place accounts for (should be none: each stage hands every word on).

    `placed` counts the words placed per line; the result names each line with how many went missing.
    """
    return tuple((line, f"{count - placed[line]} word(s)") for line, count in line_words if placed[line] < count)
