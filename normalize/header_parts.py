"""The parts of a section heading the column edges cut: a trace of them (which run of which column's words
each is), the tests its parts share, and the title they read as (`parts_to_title` rejoins the words the edges
cut). `normalize.tracing` finds the parts; `normalize.atop` where a heading glued on top of a row ends.
"""
from __future__ import annotations

from dataclasses import dataclass

from .cut_labels import CLOSING_LABEL, cut_join, label_number, starts_label
from .text import clean_text
from .words import COMMON_WORDS, Vocabulary

#: A header part whose length is at least this share of its column's width reached the column's edge.
FULL_COLUMN = 0.9


#: Marks that close the word before them, never open the next (unlike quotes).
CLOSING_MARKS = ",.;:)»”"


#: What it costs a header to end on a word no title ends on ("and", "of", "public finances,").
UNFINISHED = 3.0


#: How much a header's length off the one the document's centring predicts costs, per slack.
LENGTH_WEIGHT = 1.5


Tokens = dict[int, list[list[str]]]


@dataclass(frozen=True)
class Trace:
    """A header's (column, first token, end token) spans; `certain` when no guess about its extent was made.
    The spans are in reading order: a heading wrapped over lines (`wrapped`) goes back to its first column
    for each line."""

    parts: tuple[tuple[int, int, int], ...]
    certain: bool
    wrapped: bool = False

    def lengths(self, row: list[list[str]]) -> tuple[int, int]:
        """Characters of the header left of the first column edge it crosses, and right of it."""
        sizes = [len(" ".join(row[c][i:j])) for c, i, j in self.parts]
        return sizes[0], sum(sizes[1:])

    @property
    def edge(self) -> int:
        """The column whose left edge is the first the header crosses (or would cross, going on)."""
        return self.parts[0][0] + 1


def part_end(here: list[str], begin: int) -> int:
    """A header part runs to the end of its fragment or to the next activity's label."""
    labels = [k for k in range(begin + 1, len(here)) if starts_label(here, k)]
    return labels[0] if labels else len(here)


def fills_column(words: list[str], next_word: str, width: int | None) -> bool:
    """Whether a header's words filled a column `width` characters wide: they reach its edge, or the word
    that follows them in the next column would not have fitted."""
    if not width:
        return False
    length = len(" ".join(words))
    return length >= FULL_COLUMN * width or length + 1 + len(next_word) > width


def unfinished_phrase(word: str) -> bool:
    """A word a title cannot end on: a function word ("and", "of"), or one followed by a comma or hyphen."""
    return word.casefold() in COMMON_WORDS or word.endswith((",", "-"))


def parts_to_title(row: list[list[str]], parts: list[tuple[int, int, int]], vocabulary: Vocabulary) -> str:
    """The header's words in order, rejoining the words the column edges cut (a part left of the one before
    it begins a wrapped heading's next line: a new word)."""
    words: list[str] = []
    previous = -1
    for c, start, end in parts:
        piece = row[c][start:end]
        same_line, previous = c > previous, c
        if words and piece and same_line and piece[0][0] in CLOSING_MARKS:
            # The edge fell just before a comma: it closes the word before the edge ("energy" + ", ecology").
            marks = len(piece[0]) - len(piece[0].lstrip(CLOSING_MARKS))
            words[-1] += piece[0][:marks]
            piece = ([piece[0][marks:]] if piece[0][marks:] else []) + piece[1:]
        if words and piece and same_line and CLOSING_LABEL.match(piece[0]) and len(piece[0]) == 2 and \
                words[-1][-1:] == piece[0][0]:
            # The edge printed a label's last letter twice, the mark after it: "istiqamət" | "t: Vətəndaş".
            words[-1] += piece[0][1:]
            piece = piece[1:]
        if words and piece and same_line and words[-1].isdigit() and label_number(piece[0]) is not None \
                and piece[0].rstrip(".:") == words[-1]:
            words.pop()     # the edge printed the number twice: "Strategic goal 1" | "1. Accountable"
        if words and piece and same_line:
            joined = cut_join(words[-1], piece[0], vocabulary) or straddled(words[-1], piece[0], vocabulary)
            if joined:
                words[-1] = joined
                piece = piece[1:]
        words.extend(piece)
    return clean_text(" ".join(words))


def straddled(left: str, right: str, vocabulary: Vocabulary) -> str | None:
    """The word a heading's line holds across a column edge where the letter straddling the edge shows on
    both sides and the word goes on in lower case with letters the document prints nowhere else as a word
    ("Против" | "водействие": the heading runs on over the edge, so a letter printed twice there is a cut
    word's, though "против" is a word of its own; not "expand" | "digital")."""
    if len(left) > 1 and len(right) > 1 and left[-1].isalpha() and right[0].islower() and right[1].isalpha() \
            and left[-1].casefold() == right[0].casefold() and vocabulary.count(right, [right]) == 0:
        return left + right[1:]
    return None

