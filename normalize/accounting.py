"""Account for every word of the source: where it ended up in the plan, or that it was not placed.

A word is placed in the document title, the table header, a section title, an activity's number or one
of its fields; a word that reached an activity's cell but is not in the field made from it (an agency
list split into names, say) is unplaced. Repaired words count as their parts: "impro" and "ove" are
both placed in the section title that reads "improve".
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

NOT_LETTERS = re.compile(r"[\W_]+")
UNPLACED = "unplaced"
FOLD_NUMBER = re.compile(r"^(activity|section) \S+ ")


@dataclass(frozen=True)
class WordPlace:
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
        kinds: Counter[str] = Counter()
        for place, count in Counter(p.place for p in self.places).items():
            kinds[FOLD_NUMBER.sub(r"\1 ", place)] += count
        return kinds


def letters(text: str) -> str:
    return NOT_LETTERS.sub("", text).casefold()


def place_cell_words(words: tuple[tuple[int, str], ...], field_text: str, place: str) -> list[WordPlace]:
    """A cell's words are placed in the field made from it when their letters are there, else unplaced."""
    found = letters(field_text)
    return [WordPlace(line, word, place if letters(word) in found else UNPLACED) for line, word in words]


def check_complete(source_words: list[tuple[int, str]], places: list[WordPlace]) -> tuple[tuple[int, str], ...]:
    """The source words that no place accounts for (should be none: each stage hands every word on)."""
    accounted = Counter((p.line, p.word) for p in places)
    missing = []
    for line, word in source_words:
        if accounted[(line, word)]:
            accounted[(line, word)] -= 1
        else:
            missing.append((line, word))
    return tuple(missing)
