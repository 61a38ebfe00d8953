"""Rows: what a table row is, and how a group of lines becomes one text per column.

The table's geometry on a page (`Geometry`: its column edges, rules, number and title columns), the
activity number a line carries, which cells are merged (open vertical rules), whether a row without a
number is a section row, and the reading of a row's lines into one text per column. A row whose cells
are merged across the columns, or that carries a section number ("2. Measures ...") instead of an
activity number, or (unruled) whose text runs across the column gutters, is a section row: its whole text
goes in the title column. How the lines are cut into rows is `blocks.py`.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from normalize.name_words import BODY_WORDS, CONJUNCTIONS, FUNCTION_WORDS, KIND_BIT, UNFINISHED_WORDS, spelled_out
from normalize.registry import name_key

from ..pdf_settings import PdfSettings
from ..vocabulary import SECTION_NUMBER, activity_number_parts, opening_number, words_begin_section
from .edges import word_column
from .lines import BBox, Line, Word, line_to_phrases, words_to_bbox, words_to_lines, words_to_text
from .opening import Rules

# Kinds of rows. A `HEADER` row is the table's column-header row printed again under its first, on the same
# page (each commitment's table of one set of columns, with prose between them).
ACTIVITY, SECTION, PLAIN, HEADER = "activity", "section", "plain", "header"
#: The width of a space between words, in em.
SPACE = 0.3
#: How much room (em) a line must have left for the next line's first word to call its end a hard break.
SPARE = 0.1
#: A line that is a body's whole name by itself has at least this many words ("Public Property Agency"), or
#: follows a line closing on the word for a body ("... Commission | Anti-Corruption Bureau"): a shorter one
#: closing on the word for a kind is as often a long name's tail ("... Dövlət | Dəstəyi Agentliyi").
NAME_LINE_WORDS = 3


@dataclass(frozen=True)
class Geometry:
    """A page's table geometry the row builders share."""

    page: int
    edges: tuple[float, ...]
    rules: Rules
    em: float
    settings: PdfSettings
    ruled_columns: bool
    #: The column holding activity numbers (None: the table has none), the column a section row's text
    #: goes in, and how many levels an activity number has at least ("1.1" is 2; a section's "1." is 1).
    number: int | None = 0
    title: int = 1
    levels: int = 1
    #: How far right each column's text reaches on the page (its lines wrap before that, or earlier).
    rights: tuple[float, ...] = ()
    #: The table's cells hang from the top of their rows (each opens on its number's line), as the whole
    #: table shows it (`blocks.hanging_evidence`): a row is its number's line and the lines under it.
    hanging: bool = False
    #: No column prints the activity numbers: they open the cells of the title column (`number` is it), and
    #: a line's number is the first words it holds there.
    opening: bool = False

    @property
    def n(self) -> int:
        return len(self.edges) - 1

    @property
    def inner(self) -> tuple[float, ...]:
        return self.edges[1:-1]

    @property
    def tolerance(self) -> float:
        return self.settings.line_tolerance * self.em


@dataclass(frozen=True)
class Row:
    """A table row read into one text per column of its table, with where it stood."""

    page: int
    top: float
    kind: str
    texts: tuple[str, ...]
    boxes: tuple[BBox, ...]
    #: The page each cell's text starts on (a row the page break cut spans two).
    pages: tuple[int, ...] = ()
    #: A heading printed in the title cell alone, its row's other cells empty and not merged across.
    title_cell: bool = False
    #: For each column, the words of its text that open a line after a hard break (`Fragment.breaks`).
    breaks: tuple[tuple[int, ...], ...] = ()
    #: For each column, the words of its text that open a line the line before ran out of room for
    #: (`Fragment.wraps`).
    wraps: tuple[tuple[int, ...], ...] = ()

    def cell_breaks(self, column: int) -> tuple[int, ...]:
        return self.breaks[column] if self.breaks else ()

    def cell_wraps(self, column: int) -> tuple[int, ...]:
        return self.wraps[column] if self.wraps else ()

    def cell_page(self, column: int) -> int:
        return self.pages[column] if self.pages else self.page

    def joined(self, other: Row, place: Row | None = None) -> Row:
        """This row with `other` (its continuation on the next page) appended column by column; the
        joined row stands where `place` (default: this row) stands."""
        texts = tuple(" ".join(t for t in (a, b) if t) for a, b in zip(self.texts, other.texts))
        boxes = tuple(a if ta else b for a, b, ta in zip(self.boxes, other.boxes, self.texts))
        pages = tuple(self.cell_page(c) if self.texts[c] else other.cell_page(c) for c in range(len(self.texts)))
        kind = ACTIVITY if ACTIVITY in (self.kind, other.kind) else self.kind
        breaks = tuple(joined_breaks([self.texts[c], other.texts[c]], [self.cell_breaks(c), other.cell_breaks(c)])
                       for c in range(len(self.texts)))
        # (The continuation's first line opens a line too; whether it would have fitted, the page does not say.)
        openings = [(0,) if self.texts[c] and other.texts[c] else () for c in range(len(self.texts))]
        wraps = tuple(joined_breaks([self.texts[c], other.texts[c]], [self.cell_wraps(c), openings[c] +
                                                                      other.cell_wraps(c)])
                      for c in range(len(self.texts)))
        place = place or self
        return Row(place.page, place.top, kind, texts, boxes, pages, breaks=breaks, wraps=wraps)


def joined_breaks(texts: Sequence[str], breaks: Sequence[tuple[int, ...]]) -> tuple[int, ...]:
    """The hard breaks of texts joined with a space, each text's counted past the words before it."""
    found: list[int] = []
    offset = 0
    for text, own in zip(texts, breaks):
        found.extend(offset + k for k in own)
        offset += len(text.split())
    return tuple(found)


def line_openings(words: Sequence[Word], tolerance: float) -> tuple[int, ...]:
    """The words (by index in reading order) that open each line but the first."""
    openings: list[int] = []
    count = 0
    for line in words_to_lines(words, tolerance)[:-1]:
        count += len(line.words)
        openings.append(count)
    return tuple(openings)


def hard_breaks(words: Sequence[Word], right: float, g: Geometry) -> tuple[int, ...]:
    """The words (by index in reading order) that open a line although the line before had room for them
    up to `right`, the furthest its column's text reaches: the line was ended, not wrapped. In a cell that
    ends lines so (a list printed one item per line), a line that is a body's whole name in title case
    ("Public Property Agency") after one that reads finished opens an item too, though its first word
    would not have fitted on the line before."""
    lines = words_to_lines(words, g.tolerance)
    ends: list[tuple[int, bool]] = []
    count = 0
    for upper, lower in zip(lines, lines[1:]):
        count += len(upper.words)
        first, last = lower.words[0], upper.words[-1]
        ends.append((count, not last.text.endswith("-") and
                     last.x1 + (SPACE + SPARE) * g.em + (first.x1 - first.x0) <= right))
    if not any(fits for _, fits in ends):
        return ()
    return tuple(k for (k, fits), upper, lower in zip(ends, lines, lines[1:]) if fits or names_a_body(upper, lower))


def names_a_body(upper: Line, lower: Line) -> bool:
    """Whether ``lower`` is a whole name of a body in title case (capitalised, ending on the word for its kind:
    "National Statistics Office"; of two words only after a line closing on the word for a body) and the line
    ``upper`` before it reads finished."""
    if any(w.text[-1:] in ",;" for w in (*upper.words, *lower.words)):
        return False    # a list parted by commas says where its items end
    words = [w.text.strip(".,;:()\"'«»“”") for w in lower.words]
    last = upper.words[-1].text
    if len(words) < 2 or not all(word[:1].isupper() or name_key(word) in FUNCTION_WORDS for word in words) \
            or last[-1:] in ",-(/" or name_key(last) in UNFINISHED_WORDS or name_key(last) in CONJUNCTIONS:
        return False
    if len(words) < NAME_LINE_WORDS and not any(part in BODY_WORDS for part in spelled_out(name_key(last))):
        return False    # (a short line opens a name only after one that closed on the word for a body)
    return any(part in KIND_BIT for part in spelled_out(name_key(words[-1])))


def number_depth(text: str) -> int | None:
    """How many levels an activity number has ("1.2." is 2), None when the text is no activity number."""
    parts = activity_number_parts(text)
    return len(parts) if parts else None


def number_words(line: Line, g: Geometry) -> list[Word]:
    """A line's words in the number column (where the numbers open the title cells, `Geometry.opening`, the
    number that opens the line's text in the title column, if one does)."""
    if g.number is None:
        return []
    words = [w for w in line.words if word_column(w, g.inner) == g.number]
    if g.opening:
        found = opening_number(" ".join(w.text for w in words))
        return words[:len(found[0].split())] if found else []
    return words


def row_number(row: Row, g: Geometry) -> str | None:
    """The activity number a row prints in its number cell, or opening its title cell (`Geometry.opening`)."""
    if g.number is None:
        return None
    if g.opening:
        found = opening_number(row.texts[g.number])
        return found[0] if found else None
    return row.texts[g.number]


def stands_apart(line: Line, words: list[Word], g: Geometry) -> bool:
    """Whether the number-column words stand apart from text running on past the column (a heading "1. Open
    data ..." running across the table holds no number)."""
    right = g.edges[g.number + 1]
    for x0, x1, members in line_to_phrases(line, g.settings.phrase_gap * g.em):
        if members[0] in words and x1 > right + 0.5 * g.em:
            return False
    return True


def number_cell_text(line: Line, g: Geometry) -> str | None:
    """The text of a line's number-column words, when they stand apart."""
    words = number_words(line, g)
    return " ".join(w.text for w in words) if words and stands_apart(line, words, g) else None


def line_number(line: Line, g: Geometry) -> str | None:
    """The activity number a line's number cell holds, if any."""
    words = number_words(line, g)
    if not words:
        return None
    text = " ".join(w.text for w in words)
    depth = number_depth(text)
    if depth is None or depth < g.levels or not stands_apart(line, words, g):
        return None
    return text


def wrapped_number(lines: Sequence[Line], i: int, g: Geometry) -> bool:
    """Whether a number too wide for its column wraps after line i: "4." over "10." reads "4.10", a number of
    the table's depth that neither line holds alone. (Lines of other columns may stand between the two.)
    Asked only of a line that holds no activity number by itself (see `line_anchors`)."""
    first = " ".join(w.text for w in number_words(lines[i], g))
    if g.opening or not first.endswith(".") or number_depth(first) is None:
        return False
    for after in lines[i + 1:]:
        if after.top - lines[i].top > 1.7 * g.em:
            return False
        rest = " ".join(w.text for w in number_words(after, g))
        if rest:
            depth = number_depth(f"{first}{rest}")
            return depth is not None and depth >= g.levels and line_number(after, g) is None \
                and number_cell_text(lines[i], g) is not None and number_cell_text(after, g) is not None
    return False


def line_anchors(lines: Sequence[Line], g: Geometry) -> list[int]:
    """Indexes of the lines whose number-column words read as an activity number (or start one that wraps
    onto a later line)."""
    return [i for i, line in enumerate(lines) if line_number(line, g) is not None or wrapped_number(lines, i, g)]


def closed_edges(g: Geometry, top: float, bottom: float) -> list[bool]:
    """For each inner edge, whether a vertical rule separates the cells over [top, bottom]."""
    if not g.ruled_columns:
        return [True] * (g.n - 1)
    need = g.settings.rule_height * (bottom - top)
    snap = g.settings.rule_snap
    closed = []
    for x in g.inner:
        run = 0.0
        for rx, r_top, r_bottom in g.rules.vertical:
            if abs(rx - x) <= snap:
                run += max(0.0, min(r_bottom, bottom) - max(r_top, top))
        closed.append(run >= need)
    return closed


def column_targets(closed: Sequence[bool], title: int = 1) -> list[int]:
    """Where each column's words go when some edges are open (cells merged across them).

    A merged group goes to its first column, or to the title column when it takes in the title column or
    a column before it.
    """
    n = len(closed) + 1
    targets = list(range(n))
    start = 0
    for c in range(1, n + 1):
        if c == n or closed[c - 1]:
            if c - 1 > start:
                target = title if start <= title < n else start
                for k in range(start, c):
                    targets[k] = target
            start = c
    return targets


def crosses_edges(lines: Sequence[Line], g: Geometry) -> bool:
    """Whether a phrase of these lines runs across an inner column edge (a row spanning the columns)."""
    margin = 0.5 * g.em
    gap = g.settings.phrase_gap * g.em
    for line in lines:
        for x0, x1, _ in line_to_phrases(line, gap):
            if any(x0 + margin < x < x1 - margin for x in g.inner):
                return True
    return False


def cell_box(g: Geometry, column: int, top: float, bottom: float) -> BBox:
    return (round(g.edges[column], 2), round(top, 2), round(g.edges[column + 1], 2), round(bottom, 2))


def lines_to_row(lines: Sequence[Line], g: Geometry, top: float, bottom: float, kind: str) -> Row:
    """A row's text per column from its lines (a section row's whole text goes in the title column)."""
    per_column: list[list[Word]] = [[] for _ in range(g.n)]
    targets = column_targets(closed_edges(g, top, bottom), g.title)
    for line in lines:
        for word in line.words:
            per_column[targets[word_column(word, g.inner)]].append(word)
    if kind == SECTION:
        number = None if g.opening else g.number
        numbering = per_column[number] if number is not None else []
        first = min(numbering, key=lambda w: (w.top, w.x0), default=None)
        if first is not None and SECTION_NUMBER.match(first.text + " x"):
            # The heading's number opens it wherever its cell centres it; its title's next lines may start under
            # the number, in the number column ("3. Dövlət ... şəffaflığın" / "təmin edilməsi").
            numbering = [first]
        ordered = [w for c in range(g.n) for w in per_column[c] if w not in numbering]
        parts = [words_to_text(numbering, g.tolerance), words_to_text(ordered, g.tolerance)]
        texts = [""] * g.n
        texts[g.title] = " ".join(t for t in parts if t)
        boxes = [cell_box(g, c, top, bottom) for c in range(g.n)]
        everything = [w for words in per_column for w in words]
        if everything:
            boxes[g.title] = words_to_bbox(everything)
        return Row(g.page, top, kind, tuple(texts), tuple(boxes))
    texts_ = tuple(words_to_text(words, g.tolerance) for words in per_column)
    boxes_ = tuple(words_to_bbox(words) if words else cell_box(g, c, top, bottom)
                   for c, words in enumerate(per_column))
    breaks = tuple(hard_breaks(words, g.rights[c], g) if g.rights and targets.count(c) == 1 else ()
                   for c, words in enumerate(per_column))
    wraps = tuple(tuple(k for k in line_openings(words, g.tolerance) if k not in hard) if targets.count(c) == 1
                  else () for c, (words, hard) in enumerate(zip(per_column, breaks)))
    return Row(g.page, top, kind, texts_, boxes_, breaks=breaks, wraps=wraps)


def is_section(lines: Sequence[Line], g: Geometry, top: float, bottom: float) -> bool:
    """A row without an activity number is a section row when its cells are merged across all columns,
    when it opens with a section number, or (unruled) when its text runs across column edges."""
    if g.ruled_columns:
        if not any(closed_edges(g, top, bottom)):
            return True
        columns: list[list[Word]] = [[] for _ in range(g.n)]
        for line in lines:
            for w in line.words:
                columns[word_column(w, g.inner)].append(w)
        if g.number is not None and not g.opening and columns[g.number]:  # "2." in the number cell, the title next
            return SECTION_NUMBER.match(" ".join(w.text for w in columns[g.number]) + " x") is not None
        # "2. Measures ..." in the title cell, the other cells empty.
        return words_begin_section([w.text for w in columns[g.title]]) and \
            not any(words for c, words in enumerate(columns) if c not in (g.title, g.number))
    first_inner = g.inner[0] if g.inner else g.edges[-1]
    ordered = sorted((w for line in lines for w in line.words), key=lambda w: (w.x0 > first_inner, w.top, w.x0))
    if ordered and words_begin_section([w.text for w in ordered]):
        return True
    return crosses_edges(lines, g)
