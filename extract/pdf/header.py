"""The column-header row: find it on a page and read it into one cell per column.

A header row is found two ways:

- by its labels: a few lines (a label may wrap, "Execu tion" / "period") whose phrases, clustered by x,
  start with labels of the header vocabulary (`extract.vocabulary`, data in `extract/headers.csv`),
  matched the way extraction damages them (letters spaced apart, a word cut at the line end);
- by structure, when no label is known: the row of short cells standing just above the first rows whose
  left column holds activity numbers (a heading row may stand between them).

Every cluster of the row is a column, labelled or not: a label the vocabulary does not know makes a
column too (named by its content later, else kept as an extra field under its header as printed). Two
labels set close enough to read as one phrase are split where the second label starts.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..pdf_settings import PdfSettings
from ..vocabulary import activity_number_parts, header_labels, match_label, qualified_label, squash
from .groups import Group, group_labels_of, named_within, unruled_groups
from .lines import Line, Word, line_to_phrases, words_to_lines
from .opening import Rules

#: A header cell holds at most this many words (a longer run is table text that strayed into the row).
SHORT_CELL_WORDS = 8
#: The most lines a heading between the header row and the first numbered row may take (one that wraps in
#: the title column, not spanning the table, takes three or four).
HEADING_LINES = 4
#: The most a group label's line may stand above its sub-labels' line (top to top, in em).
GROUP_PITCH = 2.5


@dataclass(frozen=True)
class HeaderCell:
    """One column of the column-header row: where its label stands, its words, the meaning they name."""

    x0: float
    x1: float
    words: tuple[str, ...]
    #: The meaning the label names in the vocabulary, None when the label is unknown or absent.
    meaning: str | None

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Header:
    """The column-header row of a page: its extent and its cells left to right."""

    top: float
    bottom: float
    first_line: int
    last_line: int
    cells: tuple[HeaderCell, ...]
    unmatched: tuple[tuple[float, str], ...] = ()
    #: "label" when found by the vocabulary, "structure" when found above the first numbered rows.
    found_by: str = "label"

    @property
    def labelled(self) -> int:
        """How many cells carry a label of the vocabulary."""
        return sum(cell.meaning is not None for cell in self.cells)

    @property
    def signature(self) -> tuple[str, ...]:
        """What the cells say, damage ignored: equal for each repetition of one table's header."""
        return tuple(squash(cell.text) for cell in self.cells)


@lru_cache(maxsize=1)
def label_prefixes() -> frozenset[str]:
    """Every start (three letters or more, or a whole short label) of a label of the vocabulary."""
    found: set[str] = set()
    for label in header_labels():
        key = label.key
        found.add(key)
        found.update(key[:n] for n in range(3, len(key)))
    return frozenset(found)


def may_open_header(line: Line) -> bool:
    """Whether a line holds two words that may start labels (a cheap test before the real one)."""
    prefixes = label_prefixes()
    return sum(squash(w.text) in prefixes for w in line.words) >= 2


def cluster_to_cells(words: Sequence[Word]) -> list[tuple[list[Word], str | None]]:
    """Split a cluster's words (in reading order) into cells: a new cell where a label of another meaning
    starts after a label. Returns (the cell's words, its meaning or None)."""
    cells: list[tuple[list[Word], str | None]] = []
    start = 0
    while start < len(words):
        text = " ".join(w.text for w in words[start:])
        found = match_label(text) or (qualified_label(text) if start == 0 else None)
        if found is None:
            if cells:
                cells[-1][0].extend(words[start:])
            else:
                cells.append((list(words[start:]), None))
            break
        label, end = found
        taken, position = 0, 0
        for w in words[start:]:
            if position >= end:
                break
            taken += 1
            position += len(w.text) + 1
        if cells and cells[-1][1] == label.meaning and start + max(1, taken) == len(words):
            # Two labels of one meaning, all the cell holds, make one ("Responsible executors").
            cells[-1][0].extend(words[start:start + max(1, taken)])
        else:
            cells.append((list(words[start:start + max(1, taken)]), label.meaning))
        start += max(1, taken)
        if start < len(words) and (words[start].text.startswith("/") or
                                   match_label(" ".join(w.text for w in words[start:])) is None):
            # The label goes on in words the vocabulary lacks, or names a second meaning of the same column
            # ("Responsible / Partners": one column whose cells label each role).
            cells[-1][0].extend(words[start:])
            break
    return cells


def clusters_of(lines: Sequence[Line], gap: float) -> list[tuple[float, float, list[Word]]]:
    """The phrases of some lines, merged where their x extents overlap: one cluster per column."""
    phrases = sorted((p for line in lines for p in line_to_phrases(line, gap)), key=lambda p: p[0])
    clusters: list[tuple[float, float, list[Word]]] = []
    for x0, x1, words in phrases:
        if clusters and x0 <= clusters[-1][1]:
            c0, c1, members = clusters[-1]
            clusters[-1] = (c0, max(c1, x1), members + words)
        else:
            clusters.append((x0, x1, list(words)))
    return clusters


def glue_cut_label(lines: Sequence[list[Word]]) -> list[Word]:
    """A cluster's words in reading order, a word broken across two of its lines without a hyphen made one
    where only the whole word reads as a label ("Соисполнител" | "и": the renderer broke the word where the
    cell ran out of room, and a label read from a lone letter is no label)."""
    words = list(lines[0]) if lines else []
    for line in lines[1:]:
        last, first = words[-1] if words else None, line[0]
        if last is not None and last.text[-1:].isalpha() and first.text[:1].islower():
            glued = Word(last.text + first.text, min(last.x0, first.x0), max(last.x1, first.x1), last.top,
                         first.bottom, last.bold)
            apart = label_reach([*words, first])
            if label_reach([*words[:-1], glued]) > apart and apart <= sum(len(w.text) + 1 for w in words) - 1:
                words[-1] = glued
                words.extend(line[1:])
                continue
        words.extend(line)
    return words


def label_reach(words: Sequence[Word]) -> int:
    """How far into the words' text (printed characters) the label it starts with reaches; 0 for none."""
    found = match_label(" ".join(w.text for w in words))
    return found[1] if found else 0


def window_to_header(lines: Sequence[Line], first: int, last: int, gap: float,
                     found_by: str = "label", rules: Rules | None = None,
                     snap: float = 3.0, groups: Sequence[Group] | None = None) -> tuple[int, Header]:
    """Read lines[first..last] as a header row: cluster its phrases by x, each cluster a column.

    A group label over several columns names no column of its own: its columns are the labels under it
    (`groups` when given, those of an unruled header; else the ruled ones `rules` show).

    Returns (score, header): two points per cell that is exactly a label, one when text follows the
    label, minus one per cell no label opens (unless it is a short column of its own, as an extra column's
    label is) and per word beyond a short cell.
    """
    cells: list[HeaderCell] = []
    unmatched: list[tuple[float, str]] = []
    score = 0
    tolerance = (lines[first].bottom - lines[first].top) * 0.4
    window = list(lines[first:last + 1])
    if groups is None:
        groups = group_labels_of(window, gap, rules, snap) if rules is not None else []
    grouping = {w for group in groups for w in group.words}
    if grouping:
        window = [Line(line.top, line.bottom, kept) for line in window
                  if (kept := tuple(w for w in line.words if w not in grouping))]
    for _, _, words in clusters_of(window, gap):
        ordered = glue_cut_label([list(line.words) for line in words_to_lines(words, tolerance)])
        if len(ordered) > 2 * SHORT_CELL_WORDS:
            score -= 2
            unmatched.append((min(w.top for w in ordered), " ".join(w.text for w in ordered)))
            continue
        cluster_cells = cluster_to_cells(ordered)
        for cell_words, meaning in cluster_cells:
            x0, x1 = min(w.x0 for w in cell_words), max(w.x1 for w in cell_words)
            text = " ".join(w.text for w in cell_words)
            meaning = named_within((x0 + x1) / 2, text, groups) or meaning
            cell = HeaderCell(x0, x1, tuple(w.text for w in cell_words), meaning)
            if meaning is None and len(cluster_cells) == 1 and len(cell_words) <= SHORT_CELL_WORDS:
                pass    # a short column of its own that no label names: an extra column, neither for nor against
            elif meaning is None:
                score -= 1
            else:
                # (A sub-label named within its group is all its cell holds: no label of its own.)
                found = match_label(cell.text)
                exact = found is None or found[1] >= len(cell.text)
                score += 2 if exact else 1
            if len(cell_words) > SHORT_CELL_WORDS:
                score -= 1
            cells.append(cell)
    cells.sort(key=lambda cell: cell.x0)
    top, bottom = lines[first].top, max(line.bottom for line in lines[first:last + 1])
    return score, Header(top, bottom, first, last, tuple(cells), tuple(unmatched), found_by)


def adjacent(upper: Line, lower: Line, em: float, rules: Rules, rule_ys: Sequence[float]) -> bool:
    """Whether two lines may belong to one row: close together, no rule between them that runs under
    words of both (a rule under a group label, "Implementation", runs under none of the labels beside it,
    set across both lines of the row: only the group's words stand over it, only its sub-labels under it)."""
    return lower.top - upper.top <= 1.7 * em and not ruled_between(upper, lower, rules, rule_ys)


def ruled_between(upper: Line, lower: Line, rules: Rules, rule_ys: Sequence[float]) -> bool:
    """Whether a horizontal rule between two lines runs under words of both."""
    k = bisect_right(rule_ys, upper.middle)
    while k < len(rule_ys) and rule_ys[k] < lower.middle:
        _, x0, x1 = rules.horizontal[k]
        if all(any(x0 < w.x1 and x1 > w.x0 for w in line.words) for line in (upper, lower)):
            return True
        k += 1
    return False


def with_group_line(lines: Sequence[Line], header: Header, rules: Rules, em: float, s: PdfSettings) -> Header:
    """A header row of one line read with the line above or below it where the two make an unruled header
    of group labels over sub-labels (`groups.unruled_groups`), set further apart than a label's wrapped
    lines: "Nr. | Verpflichtung | Zuständigkeit | Laufzeit" over "Federführung | Beteiligte | Beginn | Ende"
    is one header of six columns, not four columns with a line of text above or under them."""
    if header.first_line != header.last_line:
        return header
    gap = s.phrase_gap * em
    rule_ys = [y for y, _, _ in rules.horizontal]
    i = header.first_line
    for upper, lower in ((i - 1, i), (i, i + 1)):
        if upper < 0 or lower >= len(lines) or lines[lower].top - lines[upper].top > GROUP_PITCH * em or \
                ruled_between(lines[upper], lines[lower], rules, rule_ys):
            continue
        below = line_to_phrases(lines[lower], gap)
        if any(len(words) > SHORT_CELL_WORDS for _, _, words in below) or \
                activity_number_parts(" ".join(w.text for w in below[0][2])) is not None:
            continue
        groups = unruled_groups(line_to_phrases(lines[upper], gap), below)
        if groups:
            return window_to_header(lines, upper, lower, gap, header.found_by, rules, s.rule_snap, groups)[1]
    return header


def sub_labels_under(window: Sequence[Line], lower: Line, rules: Rules, gap: float, snap: float) -> bool:
    """Whether `lower` is the row of sub-labels under the group labels of a ruled header's `window`
    ("Responsable | Partenaires" under "Structures"): every word of it stands between the rules bounding
    a group label of the window, below the rule drawn under that label. The labels beside the groups may
    stand on the group's line only (set at the top of their cells), and the rule under the group then
    parts the two lines as a row's rule would, so the lines are not `adjacent`."""
    groups = group_labels_of([*window, lower], gap, rules, snap)
    if not groups or not lower.words:
        return False
    bottom = max(line.bottom for line in window)
    grouped = {w for group in groups for w in group.words}
    beside = [w for line in window for w in line.words if w not in grouped]
    # The rule under the groups runs under no label beside them (the rule under the whole header does).
    underlines = [(x0, x1) for y, x0, x1 in rules.horizontal if bottom <= y <= lower.top and
                  not any(x0 < w.x1 - snap and x1 > w.x0 + snap for w in beside)]

    def under(word: Word) -> bool:
        return any(group.left <= word.x0 and word.x1 <= group.right and
                   any(x0 <= group.left + snap and x1 >= group.right - snap for x0, x1 in underlines)
                   for group in groups)

    return all(under(word) for word in lower.words)


def best_window(lines: Sequence[Line], i: int, rules: Rules, em: float, s: PdfSettings,
                found_by: str = "label") -> Header | None:
    """The best-scoring header row among the windows of adjacent lines that hold line i (the taller
    window of two that score alike: a label's wrapped word adds nothing to the score but belongs to it)."""
    gap = s.phrase_gap * em
    rule_ys = [y for y, _, _ in rules.horizontal]
    low, high = i, i
    while low > max(0, i - s.header_lines) and adjacent(lines[low - 1], lines[low], em, rules, rule_ys):
        low -= 1
    while high < min(len(lines) - 1, i + s.header_lines) and (
            adjacent(lines[high], lines[high + 1], em, rules, rule_ys) or
            sub_labels_under(lines[low:high + 1], lines[high + 1], rules, gap, s.rule_snap)):
        high += 1
    if ruled_around(lines, low, high, rule_ys, em):
        # A ruled header row: the rules above and below bound it, so all its lines are its labels' (a label
        # wrapping onto more lines than the others, "Estimated cost of the / measure", is read whole).
        return window_to_header(lines, low, high, gap, found_by, rules, s.rule_snap)[1]
    best: tuple[int, int, Header] | None = None
    for first in range(low, i + 1):
        for last in range(i, high + 1):
            score, header = window_to_header(lines, first, last, gap, found_by, rules, s.rule_snap)
            if best is None or (score, last - first) > best[:2]:
                best = (score, last - first, header)
    return with_group_line(lines, best[2], rules, em, s) if best else None


def ruled_around(lines: Sequence[Line], low: int, high: int, rule_ys: Sequence[float], em: float) -> bool:
    """Whether a rule runs just above lines[low] and just below lines[high] (within a line's height)."""
    def rule_in(top: float, bottom: float) -> bool:
        k = bisect_right(rule_ys, top)
        return k < len(rule_ys) and rule_ys[k] <= bottom

    return rule_in(lines[low].top - 1.2 * em, lines[low].top) and \
        rule_in(lines[high].bottom, lines[high].bottom + 1.2 * em)


def find_header(lines: Sequence[Line], rules: Rules, em: float, s: PdfSettings, needed: int,
                start: int = 0) -> Header | None:
    """The page's first column-header row (from line `start`) naming at least `needed` columns by label,
    two of them different."""
    for i in range(start, len(lines)):
        if not may_open_header(lines[i]):
            continue
        header = best_window(lines, i, rules, em, s)
        if header is not None and header.labelled >= needed and \
                len({cell.meaning for cell in header.cells if cell.meaning}) >= min(2, needed):
            return header
    return None


def numbered_lines(lines: Sequence[Line], gap: float) -> list[int]:
    """Lines that open with an activity number standing apart from the text after it (a number column)."""
    found = []
    for i, line in enumerate(lines):
        phrases = line_to_phrases(line, gap)
        if len(phrases) >= 2 and activity_number_parts(" ".join(w.text for w in phrases[0][2])) is not None:
            found.append(i)
    return found


def row_top(lines: Sequence[Line], j: int, rules: Rules, em: float) -> int:
    """The first line of the row that line j belongs to: the lines above it set close, with no rule between
    (a cell centred in a tall row puts lines above its number's line)."""
    rule_ys = [y for y, _, _ in rules.horizontal]
    top = j
    while top > 0 and adjacent(lines[top - 1], lines[top], em, rules, rule_ys):
        top -= 1
    return top


def find_header_by_structure(lines: Sequence[Line], rules: Rules, em: float, s: PdfSettings) -> Header | None:
    """The row of short cells just above the page's first numbered rows (a heading's lines may stand between
    it and the numbered row's line, or the first line of that row), when two numbered rows at least stand
    under it with their numbers under its first cell."""
    gap = s.phrase_gap * em
    numbered = numbered_lines(lines, gap)
    for n, j in enumerate(numbered):
        x = lines[j].words[0].x0
        if sum(abs(lines[k].words[0].x0 - x) <= em for k in numbered[n:]) < 2:
            continue
        top = row_top(lines, j, rules, em)
        for start in dict.fromkeys((j, top)):
            header = header_above(lines, start, x, rules, em, s)
            if header is not None:
                return header
        return None
    return None


def header_above(lines: Sequence[Line], j: int, x: float, rules: Rules, em: float, s: PdfSettings) -> Header | None:
    """The header row just above line j, past at most HEADING_LINES lines of a heading (lines of fewer
    than three phrases), its first cell over the numbers at x, else None."""
    gap = s.phrase_gap * em
    for k in range(j - 1, max(-1, j - 2 - HEADING_LINES), -1):
        if len(line_to_phrases(lines[k], gap)) < 3:
            continue
        header = best_window(lines, k, rules, em, s, found_by="structure")
        if header is None or header.last_line >= j or len(header.cells) < 3 or header.unmatched:
            return None
        if any(len(cell.words) > SHORT_CELL_WORDS for cell in header.cells):
            return None
        first = header.cells[0]
        if x > header.cells[1].x0 or first.x1 < x - 2 * em:
            return None
        return header
    return None


def find_repeated_header(lines: Sequence[Line], known: Header, rules: Rules, em: float, s: PdfSettings,
                         join: Callable[[Header], Header] = lambda header: header) -> Header | None:
    """The table's header row repeated on a later page: the same cells at the same places (how a header
    whose labels the vocabulary does not know is recognised again), once `join` has made one cell of the
    labels that head one column, as it did the table's."""
    firsts = {squash(cell.words[0]) for cell in known.cells if cell.words}
    for i, line in enumerate(lines):
        if sum(squash(word.text) in firsts for word in line.words) < min(2, len(firsts)):
            continue
        header = best_window(lines, i, rules, em, s, found_by=known.found_by)
        header = join(header) if header is not None else None
        if header is not None and header.signature == known.signature \
                and not moved(header, known, s.header_shift * em):
            return header
    return None


def moved(header: Header, known: Header, tolerance: float) -> bool:
    """Whether a page's header row differs from the table's: other labels, or labels standing elsewhere."""
    if header.signature != known.signature:
        return True
    return any(abs(a.middle - b.middle) > tolerance for a, b in zip(header.cells, known.cells))
