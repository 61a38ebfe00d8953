"""A heading that wrapped over two or more lines inside its row, read line by line.

The extractor puts all the lines of a heading row on one text line, and within each column joins the pieces
of its first line, then of its second: the cells interleave the lines. `wrapped_header_parts` reads each
column's fragment as consecutive pieces, one per line, the pieces chosen where the column edges cut words
best (`normalize.tracing` follows a heading of one line).
"""
from __future__ import annotations

import math
from itertools import combinations_with_replacement

from .words import FRAGMENTS, KNOWN, Vocabulary, rejoin

#: The most lines a heading wrapped inside its row may have for `wrapped_header_parts` to read them apart,
#: and the most words (a band with more is not a heading of a few lines; its reading stays quick).
WRAPPED_LINES, WRAPPED_WORDS = 3, 200
#: What it costs a reading of a heading's lines that a line crosses a column edge where the edge cut no word
#: (most edges a long line crosses cut one of its words).
UNCUT_EDGE = 1.0


def wrapped_header_parts(row: list[list[str]], c0: int, vocabulary: Vocabulary
                         ) -> tuple[tuple[int, int, int], ...] | None:
    """The parts of a heading that wrapped over two or more lines inside its row, line after line; None
    where no column edge shows more than one line.

    The extractor puts all the lines of a heading row on one text line, and within each column joins the
    pieces of its first line, then of its second: the cells interleave the lines ("... of public procuremen
    national companies and their subsidia" | "nt and of the activities of quasi ries, ..."). An edge shows
    it by cutting a word of two lines at once, crossed: a word inside column c's fragment rejoins the first
    word of column c + 1, and the fragment's last word a word inside c + 1's (a one-line heading's cut words
    meet end to start). Each column's fragment is read as consecutive pieces, one per line, each line's
    pieces in adjacent columns; the pieces chosen are those whose words the edges cut best.
    """
    columns = []
    for c in range(c0, len(row)):
        if not row[c]:
            break
        columns.append(c)
    if len(columns) < 2 or sum(len(row[c]) for c in columns) > WRAPPED_WORDS:
        return None
    one_line, _ = best_line_pieces(row, columns, 1, vocabulary)
    best: tuple[float, list[tuple[int, ...]]] | None = None
    for lines in range(2, WRAPPED_LINES + 1):
        score, splits = best_line_pieces(row, columns, lines, vocabulary)
        floor = one_line if best is None else best[0]
        if splits and score >= floor + FRAGMENTS and crossed_edge(row, columns, splits, vocabulary):
            best = (score, splits)
    if best is None:
        return None
    splits = best[1]
    return tuple((c, cut[line], cut[line + 1]) for line in range(len(splits[0]) - 1)
                 for c, cut in zip(columns, splits) if cut[line + 1] > cut[line])


def line_join(row: list[list[str]], c: int, here: tuple[int, int], after: tuple[int, int],
              vocabulary: Vocabulary) -> float:
    """How sure the cut word is where one line's piece in column c (`here`, token span) meets its piece in
    column c + 1 (`after`); 0 where either is empty, `-UNCUT_EDGE` where the edge cut no word."""
    if here[1] <= here[0] or after[1] <= after[0]:
        return 0
    joined = rejoin(row[c][here[1] - 1], row[c + 1][after[0]], vocabulary)
    return joined[1] if joined else -UNCUT_EDGE


def best_line_pieces(row: list[list[str]], columns: list[int], lines: int, vocabulary: Vocabulary
                     ) -> tuple[float, list[tuple[int, ...]]]:
    """The surest reading of a heading's columns as `lines` lines: its score, and for each column the token
    bounds of its pieces (`lines` + 1 of them, from 0 to the fragment's end; an empty piece is a line that
    does not reach the column). Every line has pieces in adjacent columns only, the first line from the
    first column, every line but the last to the last column. The score adds up the words the edges cut
    (`line_join`), less what a column two lines cross edge to edge costs where their pieces are unequal
    (both span the column's width). Ties go to the longer earlier lines."""
    def bounds(c: int) -> list[tuple[int, ...]]:
        size = len(row[c])
        inner = {k for k in range(1, size) for word in row[c + 1]
                 if rejoin(row[c][k - 1], word, vocabulary)} if c != columns[-1] else set()
        inner |= {k for k in range(1, size) for word in row[c - 1]
                  if rejoin(word, row[c][k], vocabulary)} if c != columns[0] else set()
        return [(0, *cuts, size) for cuts in combinations_with_replacement([0, *sorted(inner), size], lines - 1)]

    def spans(cut: tuple[int, ...]) -> list[tuple[int, int]]:
        return list(zip(cut, cut[1:]))

    def unequal(c: int, pieces: list[tuple[int, int]]) -> float:
        sizes = [len(" ".join(row[c][i:j])) for i, j in pieces]
        return KNOWN * (1 - min(sizes) / max(sizes)) if len(sizes) > 1 and max(sizes) else 0.0

    # A state: the bounds in the last column and, per line, 0 not begun, 1 begun in it, 3 under way since an
    # earlier column, 2 ended.
    State = tuple[tuple[int, ...], tuple[int, ...]]
    states: dict[State, tuple[float, int, list[tuple[int, ...]]]] = {}
    for cut in bounds(columns[0]):
        present = [j > i for i, j in spans(cut)]
        if present[0]:
            states[cut, tuple(int(p) for p in present)] = (0.0, sum(cut), [cut])
    for c in columns[1:]:
        following: dict[State, tuple[float, int, list[tuple[int, ...]]]] = {}
        for cut in bounds(c):
            present = [j > i for i, j in spans(cut)]
            for (last, status), (score, total, path) in states.items():
                if any(p and s == 2 for p, s in zip(present, status)):
                    continue        # a line's pieces lie in adjacent columns
                step = tuple((3 if s in (1, 3) else 1) if p else 2 if s else 0 for p, s in zip(present, status))
                gain = sum(line_join(row, c - 1, here, after, vocabulary)
                           for here, after in zip(spans(last), spans(cut)))
                crossing = [piece for piece, s, p in zip(spans(last), status, present) if s == 3 and p]
                value = (score + gain - unequal(c - 1, crossing), total + sum(cut), path + [cut])
                if (cut, step) not in following or value[:2] > following[cut, step][:2]:
                    following[cut, step] = value
        states = following
    # A line wraps where the next word no longer fits: every line but the last runs on to the last column.
    finished = [value for (_, status), value in states.items()
                if all(status) and set(status[:-1]) <= {1, 3}]
    if not finished:
        return -math.inf, []
    score, _, path = max(finished, key=lambda value: value[:2])
    return score, path


def crossed_edge(row: list[list[str]], columns: list[int], splits: list[tuple[int, ...]],
                 vocabulary: Vocabulary) -> bool:
    """Whether some column edge cut words of two lines, together as sure as a known word and a fragment."""
    for c, here, after in zip(columns, splits, splits[1:]):
        strengths = sorted((line_join(row, c, a, b, vocabulary)
                            for a, b in zip(zip(here, here[1:]), zip(after, after[1:]))), reverse=True)
        if len(strengths) > 1 and strengths[1] >= FRAGMENTS and strengths[0] + strengths[1] >= KNOWN + FRAGMENTS:
            return True
    return False
