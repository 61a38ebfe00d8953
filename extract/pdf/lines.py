"""Words to lines: the geometry of text on a page, before anything is known about the table.

pdfplumber gives words with their boxes (top-down points). Here they become visual lines (words whose
tops lie close), phrases (runs of words on a line with no column-wide gap inside), a cell's text, and
boxes. Nothing here knows about columns or rows.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from statistics import median
from typing import NamedTuple

BBox = tuple[float, float, float, float]


class Word(NamedTuple):
    """A word as pdfplumber extracted it (top-down coordinates)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    #: Printed in a bold face (a heading row is told from the cells by it where nothing else tells it).
    bold: bool = False


class Line(NamedTuple):
    """Words standing on one visual line, left to right."""

    top: float
    bottom: float
    words: tuple[Word, ...]

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


#: A phrase: (x0, x1, its words), a run of words with no gutter-wide gap between them.
Phrase = tuple[float, float, list[Word]]


def typical_height(words: Sequence[Word]) -> float:
    """The page's usual word height (its `em`); 10 pt on a page without words."""
    if not words:
        return 10.0
    return max(1.0, median(w.bottom - w.top for w in words))


def words_to_lines(words: Iterable[Word], tolerance: float) -> list[Line]:
    """Group words whose tops lie within `tolerance` of a line's first word into lines, top to bottom."""
    lines: list[Line] = []
    current: list[Word] = []
    first_top = 0.0
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if current and word.top - first_top > tolerance:
            lines.append(words_to_line(current))
            current = []
        if not current:
            first_top = word.top
        current.append(word)
    if current:
        lines.append(words_to_line(current))
    return lines


def words_to_line(words: Sequence[Word]) -> Line:
    """One line of the given words, ordered left to right."""
    ordered = tuple(sorted(words, key=lambda w: w.x0))
    return Line(min(w.top for w in ordered), max(w.bottom for w in ordered), ordered)


def line_to_phrases(line: Line, gap: float) -> list[Phrase]:
    """Split a line where two words are further apart than `gap` (a column gutter): (x0, x1, words)."""
    phrases: list[Phrase] = []
    for word in line.words:
        if phrases and word.x0 - phrases[-1][1] <= gap:
            x0, x1, members = phrases[-1]
            members.append(word)
            phrases[-1] = (x0, max(x1, word.x1), members)
        else:
            phrases.append((word.x0, word.x1, [word]))
    return phrases


def words_to_text(words: Iterable[Word], tolerance: float) -> str:
    """A cell's text: its visual lines top to bottom, joined with a space."""
    return " ".join(line.text for line in words_to_lines(words, tolerance))


def words_to_bbox(words: Sequence[Word]) -> BBox:
    """The box around some words, rounded to hundredths of a point."""
    return (round(min(w.x0 for w in words), 2), round(min(w.top for w in words), 2),
            round(max(w.x1 for w in words), 2), round(max(w.bottom for w in words), 2))


class PrintedLine(str):
    """A line's text that remembers how tall its words stand (the median height, about the font size)."""

    height: float

    def __new__(cls, text: str, height: float) -> PrintedLine:
        line = super().__new__(cls, text)
        line.height = height
        return line


def lines_to_strays(lines: Iterable[Line]) -> list[tuple[float, str]]:
    """Lines kept as stray text: (top, text), the text a `PrintedLine`."""
    return [(line.top, PrintedLine(line.text, typical_height(line.words))) for line in lines]
