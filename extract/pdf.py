"""Read a plan's table straight from a PDF with pdfplumber, into the bands the text reader makes.

Each page is read once: its words (pdfplumber's `extract_words`) and its ruling lines (the page's edges,
snapped and joined by pdfplumber's `merge_edges`). Then, page by page:

- the column-header row is found by its labels (`extract/columns.csv`, through `extract.text`), even when a
  label wraps over several lines ("Period of" / "performa" / "nce"); its words are recorded in
  `RawDocument.header_words` and left out of the data;
- the column edges lie on the vertical rules between the header's labels when the table is ruled, else in
  the white gutter between them (the x where fewest phrases of the page's body cross); they are measured
  again on every page, so a page whose columns differ is read with its own;
- the rows are the slabs between horizontal rules that cross the table (and its number column), else the
  blocks between white gaps that cross all columns (taller than the usual gap between a cell's lines);
  a block holding two activity numbers is cut where the rows' text centres best on each number; a block
  holding none joins the activity whose row it centres best in (vertically centred cells leave such gaps);
- a row whose cells are merged across the columns, or that carries a section number ("2. Measures ...")
  instead of an activity number, is a section row: its whole text goes in the TITLE fragment, where
  `normalize/sections.py` finds it; in an unruled table a section row set with no gap around it is cut
  out of its block by its number and its run across the column gutters;
- a row without a number opening a page continues the previous page's last row (a row the page break
  cut) and is joined to it; a page without the header row continues the table only if it shows activity
  numbers or ruled columns (a page holding only signatures does not);
- text above the table on its first page (and on any page before it) is the title; text elsewhere outside
  the table (signatures, page numbers, notes, text set sideways) is kept in `RawDocument.stray` with its
  line, so nothing is silently dropped.

**One band per table row**: every cell's whole text lies in its row's band, so nothing bleeds between
bands and the normaliser's repair has nothing to move. A cell's visual lines are joined with a space, so
a word the line end cut at its hyphen reads "Non- Governmental", as in the text form.

Provenance: `page` (1-based; the page a cell's text starts on) and `bbox` (x0, top, x1, bottom in
pdfplumber's top-down points: the cell's words, or the cell when empty); `line` is the band's line in the
text form `pdf_to_text` writes, so `actionplans extract-text PLAN.pdf` shows each band on the line its rows
cite. Broken, encrypted, scanned or table-less PDFs raise `InputError` with one line naming the file.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from statistics import median
from typing import NamedTuple

import numpy as np

from .errors import InputError
from .model import COLUMNS, NUMBER, TITLE, Band, Fragment, Provenance, RawDocument
from .pdf_settings import PdfSettings
from .text import LABELS_FILE, strip_column_label

N_COLUMNS = len(COLUMNS)
#: An activity's number in the number column: "1.1.", "2.10", "3 .4".
ACTIVITY_NUMBER = re.compile(r"^\d{1,3}(?:\s*\.\s*\d{1,3})+\s*\.?$")
#: A section row begins with its number: "2. Measures", "2 Measures" is not enough.
SECTION_NUMBER = re.compile(r"^\s*\d{1,2}\s*\.(?!\s*\d)\s*\S")
#: Looks at the first kilobyte for the PDF signature and at the last two for the end-of-file marker.
HEAD_BYTES, TAIL_BYTES = 1024, 2048
BBox = tuple[float, float, float, float]

# Kinds of rows.
ACTIVITY, SECTION, PLAIN = "activity", "section", "plain"


# ----------------------------------------------------------------------------- page content

class Word(NamedTuple):
    """A word as pdfplumber extracted it (top-down coordinates)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


class Line(NamedTuple):
    """Words standing on one visual line, left to right."""

    top: float
    bottom: float
    words: tuple[Word, ...]

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Rules:
    """A page's ruling lines after snapping: horizontal (y, x0, x1) and vertical (x, top, bottom)."""

    horizontal: tuple[tuple[float, float, float], ...] = ()
    vertical: tuple[tuple[float, float, float], ...] = ()


@dataclass(frozen=True)
class PageContent:
    """What the reader takes from one page: its words, its rules, and whether it holds images."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    rules: Rules
    has_images: bool
    #: Words set at an angle (not upright): never table text, kept as stray text.
    sideways: tuple[Word, ...] = ()


@dataclass(frozen=True)
class HeaderCell:
    """One column's label in the column-header row, where it stands, and any text after the label."""

    x0: float
    x1: float
    words: tuple[str, ...]
    rest: str

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Header:
    """The column-header row of a page: its extent, one cell per column (None where unlabelled)."""

    top: float
    bottom: float
    first_line: int
    last_line: int
    cells: tuple[HeaderCell | None, ...]
    unmatched: tuple[tuple[float, str], ...] = ()

    @property
    def labelled(self) -> int:
        return sum(cell is not None for cell in self.cells)


@dataclass(frozen=True)
class Row:
    """A table row read into one text per column, with where it stood."""

    page: int
    top: float
    kind: str
    texts: tuple[str, ...]
    boxes: tuple[BBox, ...]
    #: The page each cell's text starts on (a row the page break cut spans two).
    pages: tuple[int, ...] = ()

    def cell_page(self, column: int) -> int:
        return self.pages[column] if self.pages else self.page

    def joined(self, other: Row, place: Row | None = None) -> Row:
        """This row with `other` (its continuation on the next page) appended column by column; the
        joined row stands where `place` (default: this row) stands."""
        texts = tuple(" ".join(t for t in (a, b) if t) for a, b in zip(self.texts, other.texts))
        boxes = tuple(a if ta else b for a, b, ta in zip(self.boxes, other.boxes, self.texts))
        pages = tuple(self.cell_page(c) if self.texts[c] else other.cell_page(c) for c in range(N_COLUMNS))
        kind = ACTIVITY if ACTIVITY in (self.kind, other.kind) else self.kind
        place = place or self
        return Row(place.page, place.top, kind, texts, boxes, pages)


@dataclass
class PageLayout:
    """What one page contributed: its header, rows, the text before the table and the stray text."""

    number: int
    header: Header | None = None
    rows: list[Row] = field(default_factory=list)
    before: list[tuple[float, str]] = field(default_factory=list)
    stray: list[tuple[float, str]] = field(default_factory=list)
    edges: tuple[float, ...] | None = None
    table_open: bool = False


# ----------------------------------------------------------------------------- opening the file

def check_pdf_bytes(path: Path) -> None:
    """Reject what cannot be a whole PDF before pdfminer sees it: missing, empty, not a PDF, truncated."""
    name = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(HEAD_BYTES)
            f.seek(max(0, size - TAIL_BYTES))
            tail = f.read()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if size == 0:
        raise InputError(f"{name}: empty file, expected a PDF of a plan's table")
    if b"%PDF-" not in head:
        raise InputError(f"{name}: not a PDF (no %PDF- signature at its start); expected a PDF or a .txt plan")
    if b"%%EOF" not in tail:
        raise InputError(f"{name}: truncated PDF (no %%EOF end marker); expected a complete PDF file")


def exception_to_message(exc: BaseException) -> str:
    """A short description of what pdfminer or pdfplumber complained about."""
    cause: BaseException = exc
    for _ in range(10):  # pdfplumber wraps pdfminer's error: name the inner one
        inner = cause.__cause__ or (cause.args[0] if cause.args and isinstance(cause.args[0], BaseException)
                                    else None)
        if inner is None:
            break
        cause = inner
    text = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    return f"{type(cause).__name__}{': ' + text[:120] if text else ''}"


def is_password_error(exc: BaseException) -> bool:
    """Whether pdfminer refused the file for want of a password (pdfplumber wraps its error)."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            break
        if "Password" in type(seen).__name__ or "password" in str(seen).lower():
            return True
        seen = seen.__cause__ or (seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None)
    return False


def rules_of(edges: list[dict], snap: float) -> Rules:
    """Snap and join a page's edges (pdfplumber's merge_edges) into horizontal and vertical rules."""
    if not edges:
        return Rules()
    from pdfplumber.table import merge_edges

    merged = merge_edges(edges, snap, snap, snap, snap)
    horizontal = sorted((e["top"], e["x0"], e["x1"]) for e in merged if e["orientation"] == "h")
    vertical = sorted((e["x0"], e["top"], e["bottom"]) for e in merged if e["orientation"] == "v")
    return Rules(tuple(horizontal), tuple(vertical))


def page_to_content(page, snap: float) -> PageContent:
    """Everything the reader needs from one pdfplumber page, read once."""
    upright: list[Word] = []
    sideways: list[Word] = []
    for w in page.extract_words():
        word = Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]))
        (upright if w.get("upright", True) else sideways).append(word)
    return PageContent(page.page_number, float(page.width), float(page.height), tuple(upright),
                       rules_of(page.edges, snap), bool(page.images), tuple(sideways))


def pdf_to_contents(path: Path, max_pages: int, snap: float) -> Iterator[PageContent]:
    """The pages of a PDF, turning whatever pdfminer raises for a broken file into an InputError."""
    import pdfplumber

    name = str(path)
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many kinds of errors for damaged files
        if is_password_error(exc):
            raise InputError(f"{name}: encrypted PDF that needs a password; expected a PDF that opens "
                             "without one (save an unprotected copy)") from None
        raise InputError(f"{name}: not a readable PDF ({exception_to_message(exc)}); "
                         "expected a valid PDF file") from None
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise InputError(f"{name}: broken PDF page tree ({exception_to_message(exc)}); "
                             "expected a valid PDF file") from None
        if not pages:
            raise InputError(f"{name}: PDF without pages; expected the pages of a plan's table")
        if len(pages) > max_pages:
            raise InputError(f"{name}: {len(pages)} pages is over the limit of {max_pages} pages; "
                             "expected a plan of at most that many pages")
        for page in pages:
            try:
                content = page_to_content(page, snap)
            except Exception as exc:
                raise InputError(f"{name}: page {page.page_number} cannot be read "
                                 f"({exception_to_message(exc)}); expected a valid PDF file") from None
            finally:
                page.close()
            yield content


# ----------------------------------------------------------------------------- words and lines

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


def words_to_line(words: list[Word]) -> Line:
    ordered = tuple(sorted(words, key=lambda w: w.x0))
    return Line(min(w.top for w in ordered), max(w.bottom for w in ordered), ordered)


def line_to_phrases(line: Line, gap: float) -> list[tuple[float, float, list[Word]]]:
    """Split a line where two words are further apart than `gap` (a column gutter): (x0, x1, words)."""
    phrases: list[tuple[float, float, list[Word]]] = []
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
    return " ".join(" ".join(w.text for w in line.words) for line in words_to_lines(words, tolerance))


def words_to_bbox(words: Sequence[Word]) -> BBox:
    return (round(min(w.x0 for w in words), 2), round(min(w.top for w in words), 2),
            round(max(w.x1 for w in words), 2), round(max(w.bottom for w in words), 2))


# ----------------------------------------------------------------------------- the column-header row

@lru_cache(maxsize=1)
def label_first_words() -> frozenset[str]:
    """The first word of every column label (casefolded), to spot lines that may open a header row."""
    with LABELS_FILE.open(encoding="utf-8", newline="") as f:
        return frozenset(row["label"].split()[0].casefold().rstrip(":.") for row in csv.DictReader(f))


def may_open_header(line: Line) -> bool:
    """Whether a line holds the first words of at least two labels (cheap test before the real one)."""
    firsts = label_first_words()
    return sum(w.text.casefold().rstrip(":.") in firsts for w in line.words) >= 2


def text_to_label(text: str, after: int) -> tuple[int, str, str] | None:
    """The first column after `after` whose label opens `text`: (column, label, rest)."""
    for column in range(after + 1, N_COLUMNS):
        label, rest = strip_column_label(text, column)
        if label:
            return column, label, rest
    return None


def words_to_labels(words: Sequence[Word], after: int) -> list[tuple[int, list[Word], str]]:
    """The labels a run of header words holds, in order: (column, the label's words, text after it).

    Two labels set close together read as one run ("Name of the activity Evaluation indicator") and
    are split here; text after the last label that is no label stays with it.
    """
    found: list[tuple[int, list[Word], str]] = []
    start = 0
    while start < len(words):
        match = text_to_label(" ".join(w.text for w in words[start:]), after)
        if match is None:
            break
        after, label, rest = match
        taken = len(label.split())
        found.append((after, list(words[start:start + taken]), rest))
        start += taken
        if found and start < len(words):
            # The rest may open with the next column's label: then it is no rest of this one.
            following = text_to_label(" ".join(w.text for w in words[start:]), after)
            if following is None:
                break
            found[-1] = (found[-1][0], found[-1][1], "")
    return found


def window_to_header(lines: Sequence[Line], first: int, last: int, gap: float) -> tuple[int, Header]:
    """Read lines[first..last] as a header row: cluster its phrases by x, match clusters to labels.

    Returns (score, header): two points per column whose cluster is exactly its label, one when text
    follows the label, minus one per cluster that is no label.
    """
    phrases = sorted((p for line in lines[first:last + 1] for p in line_to_phrases(line, gap)),
                     key=lambda p: p[0])
    clusters: list[tuple[float, float, list[Word]]] = []
    for x0, x1, words in phrases:
        if clusters and x0 <= clusters[-1][1]:
            c0, c1, members = clusters[-1]
            clusters[-1] = (c0, max(c1, x1), members + words)
        else:
            clusters.append((x0, x1, list(words)))
    cells: list[HeaderCell | None] = [None] * N_COLUMNS
    unmatched: list[tuple[float, str]] = []
    score, column = 0, -1
    tolerance = (lines[first].bottom - lines[first].top) * 0.4
    for x0, x1, words in clusters:
        ordered = [w for line in words_to_lines(words, tolerance) for w in line.words]
        found = words_to_labels(ordered, column)
        if not found:
            score -= 1
            unmatched.append((min(w.top for w in words), " ".join(w.text for w in ordered)))
            continue
        for column, label_words, rest in found:
            score += 1 if rest else 2
            cells[column] = HeaderCell(min(w.x0 for w in label_words), max(w.x1 for w in label_words),
                                       tuple(w.text for w in label_words), rest)
    top, bottom = lines[first].top, max(line.bottom for line in lines[first:last + 1])
    return score, Header(top, bottom, first, last, tuple(cells), tuple(unmatched))


def find_header(lines: Sequence[Line], rules: Rules, em: float, s: PdfSettings, needed: int) -> Header | None:
    """The page's first column-header row showing at least `needed` labels, or None."""
    gap = s.phrase_gap * em
    rule_ys = [y for y, x0, x1 in rules.horizontal]
    for i, line in enumerate(lines):
        if not may_open_header(line):
            continue
        low, high = i, i
        while low > max(0, i - s.header_lines) and adjacent(lines[low - 1], lines[low], em, rule_ys):
            low -= 1
        while high < min(len(lines) - 1, i + s.header_lines) and adjacent(lines[high], lines[high + 1], em, rule_ys):
            high += 1
        best: tuple[int, int, Header] | None = None
        for first in range(low, i + 1):
            for last in range(i, high + 1):
                score, header = window_to_header(lines, first, last, gap)
                key = (score, -(last - first))
                if best is None or key > best[:2]:
                    best = (score, -(last - first), header)
        if best is not None and best[2].labelled >= needed:
            return best[2]
    return None


def adjacent(upper: Line, lower: Line, em: float, rule_ys: Sequence[float]) -> bool:
    """Whether two lines may belong to one row: close together, no rule between them."""
    if lower.top - upper.top > 1.7 * em:
        return False
    k = bisect_right(rule_ys, upper.middle)
    return not (k < len(rule_ys) and rule_ys[k] < lower.middle)


# ----------------------------------------------------------------------------- column edges

def coverage_profile(phrases: Sequence[tuple[float, float]], width: float, step: float) -> np.ndarray:
    """How many phrases cover each `step`-wide slice of the page's width."""
    size = int(width / step) + 2
    diff = np.zeros(size + 1, dtype=np.int32)
    if phrases:
        spans = np.asarray(phrases, dtype=float)
        starts = np.clip((spans[:, 0] / step).astype(int), 0, size)
        ends = np.clip(np.ceil(spans[:, 1] / step).astype(int), 0, size)
        np.add.at(diff, starts, 1)
        np.add.at(diff, ends, -1)
    return np.cumsum(diff)[:size]


def gutter_in(profile: np.ndarray, low: float, high: float, step: float, prior: float | None) -> float:
    """The middle of the widest least-covered run of x in [low, high] (the prior edge if it lies in one)."""
    a, b = int(low / step), max(int(low / step) + 1, int(high / step))
    segment = profile[a:b]
    if not len(segment):
        return (low + high) / 2
    least = segment.min()
    mask = np.concatenate(([False], segment == least, [False]))
    changes = np.flatnonzero(np.diff(mask.astype(np.int8)))
    runs = list(zip(changes[::2], changes[1::2]))
    if prior is not None:
        k = int(prior / step) - a
        for start, end in runs:
            if start <= k < end:
                return prior
    start, end = max(runs, key=lambda r: (r[1] - r[0], -r[0]))
    return (a + (start + end) / 2) * step


def vertical_between(rules: Rules, low: float, high: float, top: float, bottom: float) -> float | None:
    """The x of the vertical rule in (low, high) that runs longest over [top, bottom], if any."""
    xs = [r[0] for r in rules.vertical]
    best: tuple[float, float] | None = None
    for x, r_top, r_bottom in rules.vertical[bisect_left(xs, low): bisect_right(xs, high)]:
        run = min(r_bottom, bottom) - max(r_top, top)
        if run > 0 and (best is None or run > best[0]):
            best = (run, x)
    return best[1] if best else None


def border_rule(rules: Rules, low: float, high: float, top: float, bottom: float, nearest) -> float | None:
    """The table's outer rule in (low, high): of the rules running over most of [top, bottom], the one
    nearest the table (`nearest` is max on the left, min on the right), not a frame around the page."""
    xs = [r[0] for r in rules.vertical]
    runs = [(x, min(r_bottom, bottom) - max(r_top, top))
            for x, r_top, r_bottom in rules.vertical[bisect_left(xs, low): bisect_right(xs, high)]]
    longest = max((run for _, run in runs), default=0.0)
    if longest <= 0:
        return None
    return nearest(x for x, run in runs if run >= 0.5 * longest)


def column_edges(header: Header, top: float, body: Sequence[Line], rules: Rules,
                 prior: tuple[float, ...] | None, width: float, em: float, s: PdfSettings) -> tuple[float, ...]:
    """The six x edges of the five columns (an unlabelled column has no width).

    Between two labelled columns the edge is the vertical rule between their labels, else the middle of
    the white gutter in the body's text between the labels' middles. `top` is where the table starts on
    this page (its header row, or the page's top when the header is not repeated).
    """
    labelled = [(c, cell) for c, cell in enumerate(header.cells) if cell is not None]
    bottom = max(body[-1].bottom if body else top, top + 1.0)
    step = 0.25
    gap = s.phrase_gap * em
    profile = coverage_profile([(x0, x1) for line in body for x0, x1, _ in line_to_phrases(line, gap)], width, step)
    boundaries: dict[int, float] = {}
    for (c, left), (d, right) in zip(labelled, labelled[1:]):
        rule = vertical_between(rules, left.middle, right.middle, top, bottom)
        if rule is None:
            guess = prior[d] if prior is not None and left.middle < prior[d] < right.middle else None
            rule = gutter_in(profile, left.middle, right.middle, step, guess)
        boundaries[d] = rule
    first, last = labelled[0][1], labelled[-1][1]
    left_rule = border_rule(rules, -1.0, first.x0 + s.rule_snap, top, bottom, nearest=max)
    right_rule = border_rule(rules, last.x1 - s.rule_snap, width + 1.0, top, bottom, nearest=min)
    edges = [0.0] * (N_COLUMNS + 1)
    edges[0] = left_rule if left_rule is not None else 0.0
    edges[N_COLUMNS] = right_rule if right_rule is not None else width
    first_column, last_column = labelled[0][0], labelled[-1][0]
    for j in range(1, N_COLUMNS):
        if j <= first_column:
            edges[j] = edges[0]
        elif j > last_column:
            edges[j] = edges[N_COLUMNS]
        else:
            # An unlabelled column between labelled ones gets no width: its edge is the next one's.
            edges[j] = boundaries[min(d for d in boundaries if d >= j)]
    return tuple(edges)


def word_column(word: Word, inner: Sequence[float]) -> int:
    """The column holding most of a word, given the four inner edges."""
    a = bisect_right(inner, word.x0)
    b = bisect_right(inner, word.x1)
    if a == b:
        return a
    best, best_overlap = a, inner[a] - word.x0
    for c in range(a + 1, b + 1):
        right = inner[c] if c < len(inner) else word.x1
        overlap = min(right, word.x1) - inner[c - 1]
        if overlap > best_overlap:
            best, best_overlap = c, overlap
    return best


# ----------------------------------------------------------------------------- rows

@dataclass(frozen=True)
class Geometry:
    """A page's table geometry the row builders share."""

    page: int
    edges: tuple[float, ...]
    rules: Rules
    em: float
    settings: PdfSettings
    ruled_columns: bool

    @property
    def inner(self) -> tuple[float, ...]:
        return self.edges[1:N_COLUMNS]

    @property
    def tolerance(self) -> float:
        return self.settings.line_tolerance * self.em


def line_anchors(lines: Sequence[Line], inner: Sequence[float]) -> list[int]:
    """Indexes of the lines whose number-column words read as an activity number."""
    found = []
    for i, line in enumerate(lines):
        number = " ".join(w.text for w in line.words if word_column(w, inner) == NUMBER)
        if number and ACTIVITY_NUMBER.match(number):
            found.append(i)
    return found


def closed_edges(g: Geometry, top: float, bottom: float) -> list[bool]:
    """For each inner edge, whether a vertical rule separates the cells over [top, bottom]."""
    if not g.ruled_columns:
        return [True] * (N_COLUMNS - 1)
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


def column_targets(closed: Sequence[bool]) -> list[int]:
    """Where each column's words go when some edges are open (cells merged across them).

    A merged group goes to its first column, or to TITLE when it takes in the number column.
    """
    targets = list(range(N_COLUMNS))
    start = 0
    for c in range(1, N_COLUMNS + 1):
        if c == N_COLUMNS or closed[c - 1]:
            if c - 1 > start:
                target = TITLE if start <= TITLE else start
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


def lines_to_row(lines: Sequence[Line], g: Geometry, top: float, bottom: float, kind: str) -> Row:
    """A row's text per column from its lines (a section row's whole text goes in TITLE)."""
    per_column: list[list[Word]] = [[] for _ in range(N_COLUMNS)]
    targets = column_targets(closed_edges(g, top, bottom))
    for line in lines:
        for word in line.words:
            per_column[targets[word_column(word, g.inner)]].append(word)
    if kind == SECTION:
        rest = [w for words in per_column[NUMBER + 1:] for w in words]
        text = " ".join(t for t in (words_to_text(per_column[NUMBER], g.tolerance),
                                    words_to_text(rest, g.tolerance)) if t)
        everything = [w for words in per_column for w in words]
        texts = ["", text, "", "", ""]
        boxes = [cell_box(g, c, top, bottom) for c in range(N_COLUMNS)]
        if everything:
            boxes[TITLE] = words_to_bbox(everything)
        return Row(g.page, top, kind, tuple(texts), tuple(boxes))
    texts = tuple(words_to_text(words, g.tolerance) for words in per_column)
    boxes = tuple(words_to_bbox(words) if words else cell_box(g, c, top, bottom)
                  for c, words in enumerate(per_column))
    return Row(g.page, top, kind, texts, boxes)


def cell_box(g: Geometry, column: int, top: float, bottom: float) -> BBox:
    return (round(g.edges[column], 2), round(top, 2), round(g.edges[column + 1], 2), round(bottom, 2))


def is_section(lines: Sequence[Line], g: Geometry, top: float, bottom: float) -> bool:
    """A row without an activity number is a section row when its cells are merged across all columns,
    when it opens with a section number, or (unruled) when its text runs across column edges."""
    if g.ruled_columns:
        if not any(closed_edges(g, top, bottom)):
            return True
        columns: list[list[Word]] = [[] for _ in range(N_COLUMNS)]
        for line in lines:
            for w in line.words:
                columns[word_column(w, g.inner)].append(w)
        if columns[NUMBER]:  # "2." in the number cell, the title in the next
            return SECTION_NUMBER.match(" ".join(w.text for w in columns[NUMBER]) + " x") is not None
        # "2. Measures ..." in the title cell, the other cells empty.
        title = " ".join(w.text for w in columns[TITLE][:3])
        return SECTION_NUMBER.match(title) is not None and not any(columns[TITLE + 1:])
    ordered = sorted((w for line in lines for w in line.words), key=lambda w: (w.x0 > g.inner[0], w.top, w.x0))
    if ordered and SECTION_NUMBER.match(" ".join(w.text for w in ordered[:3])):
        return True
    return crosses_edges(lines, g)


def inner_gaps(lines: Sequence[Line]) -> list[tuple[float, float]]:
    """The white gaps (top, bottom) between the vertical extents of consecutive lines."""
    gaps = []
    reach = lines[0].bottom if lines else 0.0
    for line in lines[1:]:
        if line.top > reach:
            gaps.append((reach, line.top))
        reach = max(reach, line.bottom)
    return gaps


def extent_middle(lines: Sequence[Line]) -> float:
    return (min(line.top for line in lines) + max(line.bottom for line in lines)) / 2


def split_by_anchors(lines: Sequence[Line], anchors: Sequence[int]) -> list[list[Line]]:
    """Cut lines holding several activity numbers into one group per number.

    Between two numbers the cut is one of the white gaps between them (or their middle when there is
    none), chosen so that each group's text centres best on its number, preferring wider gaps.
    """
    centres = [lines[a].middle for a in anchors]
    gaps = inner_gaps(lines)
    options: list[list[tuple[float, float]]] = []
    for k in range(len(anchors) - 1):
        upper, lower = lines[anchors[k]], lines[anchors[k + 1]]
        between = [((t + b) / 2, b - t) for t, b in gaps if t >= upper.bottom - 0.01 and b <= lower.top + 0.01]
        options.append(between or [((upper.middle + lower.middle) / 2, 0.0)])
    middles = [line.middle for line in lines]

    def group_cost(k: int, start: float, end: float) -> float:
        members = [line for line, m in zip(lines, middles) if start <= m < end]
        return abs(extent_middle(members) - centres[k]) if members else 1e6

    low, high = -float("inf"), float("inf")
    best: list[tuple[float, list[float]]] = [(0.0, [])]
    previous = [low]
    for k in range(len(anchors) - 1):
        current: list[tuple[float, list[float]]] = []
        for y, size in options[k]:
            candidates = [(cost + group_cost(k, prev, y) - 0.5 * size, path + [y])
                          for (cost, path), prev in zip(best, previous) if prev < y]
            if candidates:
                current.append(min(candidates, key=lambda c: c[0]))
        if not current:
            y = options[k][0][0]
            current = [(best[0][0], best[0][1] + [y])]
        best, previous = current, [path[-1] for _, path in current]
    cost, cuts = min(((cost + group_cost(len(anchors) - 1, prev, high), path)
                      for (cost, path), prev in zip(best, previous)), key=lambda c: c[0])
    bounds = [low] + cuts + [high]
    return [[line for line, m in zip(lines, middles) if bounds[k] <= m < bounds[k + 1]] for k in range(len(anchors))]


def intra_gap(lines: Sequence[Line], g: Geometry) -> float:
    """The usual white gap between two lines of one cell (lower quartile of same-column gaps)."""
    by_column: list[list[tuple[float, float]]] = [[] for _ in range(N_COLUMNS)]
    for line in lines:
        seen = set()
        for word in line.words:
            c = word_column(word, g.inner)
            if c not in seen:
                seen.add(c)
                by_column[c].append((line.top, line.bottom))
    gaps = sorted(b[0] - a[1] for spans in by_column for a, b in zip(spans, spans[1:])
                  if 0 <= b[0] - a[1] < 1.5 * g.em)
    return gaps[len(gaps) // 4] if gaps else 0.2 * g.em


def lines_to_blocks(lines: Sequence[Line], threshold: float) -> list[list[Line]]:
    """Group lines into blocks separated by white gaps at least `threshold` tall."""
    blocks: list[list[Line]] = []
    reach = -float("inf")
    for line in lines:
        if not blocks or line.top - reach >= threshold:
            blocks.append([line])
        else:
            blocks[-1].append(line)
        reach = max(reach, line.bottom) if len(blocks[-1]) > 1 else line.bottom
    return blocks


def is_furniture(block: Sequence[Line], s: PdfSettings) -> bool:
    """A page number or running line: one short line."""
    return len(block) == 1 and len(block[0].words) <= s.furniture_words


@dataclass
class Group:
    """Lines that make one row, before they are read into texts."""

    lines: list[Line]
    kind: str
    anchor: float | None = None

    @property
    def top(self) -> float:
        return min(line.top for line in self.lines)

    @property
    def bottom(self) -> float:
        return max(line.bottom for line in self.lines)


def opens_section(line: Line, g: Geometry) -> bool:
    """A line that starts a section row: no activity number, a section number first, across the columns."""
    if line_anchors([line], g.inner):
        return False
    return SECTION_NUMBER.match(" ".join(w.text for w in line.words[:3])) is not None and crosses_edges([line], g)


def continues_section(previous: Line, line: Line, first: Line, g: Geometry) -> bool:
    """A line that wraps a section row's title: right under it, aligned with its first line (centred or
    flush left), in one run of text or across the columns, without an activity number."""
    if line.top - previous.top > 1.7 * g.em or line_anchors([line], g.inner):
        return False
    centre = (line.words[0].x0 + line.words[-1].x1) / 2
    first_centre = (first.words[0].x0 + first.words[-1].x1) / 2
    aligned = abs(centre - first_centre) <= g.em or abs(line.words[0].x0 - first.words[0].x0) <= g.em
    one_run = len(line_to_phrases(line, g.settings.phrase_gap * g.em)) == 1
    return aligned and (one_run or crosses_edges([line], g))


def glued_sections(block: Sequence[Line], g: Geometry) -> list[tuple[int, int]]:
    """Spans [i, j) of lines of an unruled block that are section rows with no white gap around them."""
    if g.ruled_columns:
        return []
    spans = []
    i = 0
    while i < len(block):
        if opens_section(block[i], g):
            j = i + 1
            while j < len(block) and continues_section(block[j - 1], block[j], block[i], g):
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def block_to_groups(block: Sequence[Line], g: Geometry, top: float | None = None,
                    bottom: float | None = None) -> list[Group]:
    """One group per activity number in a block; a block without one is a section or a plain row.

    A section row glued to the rows around it (no white gap) is cut out of the block first.
    """
    block = list(block)
    spans = glued_sections(block, g)
    if spans and spans != [(0, len(block))]:
        groups: list[Group] = []
        start = 0
        for i, j in spans:
            if i > start:
                groups.extend(block_to_groups(block[start:i], g))
            groups.append(Group(block[i:j], SECTION))
            start = j
        if start < len(block):
            groups.extend(block_to_groups(block[start:], g))
        return groups
    anchors = line_anchors(block, g.inner)
    if len(anchors) == 1:
        return [Group(block, ACTIVITY, block[anchors[0]].middle)]
    if len(anchors) > 1:
        return [Group(lines, ACTIVITY, block[a].middle) for lines, a in zip(split_by_anchors(block, anchors), anchors)
                if lines]
    low = top if top is not None else block[0].top
    high = bottom if bottom is not None else max(line.bottom for line in block)
    return [Group(block, SECTION if is_section(block, g, low, high) else PLAIN)]


def attach_cost(group: Group, extra: Group) -> float:
    """How much joining `extra` moves the middle of an activity's text away from its number."""
    assert group.anchor is not None
    before = abs((group.top + group.bottom) / 2 - group.anchor)
    after = abs((min(group.top, extra.top) + max(group.bottom, extra.bottom)) / 2 - group.anchor)
    return after - before


def attach_plain_groups(groups: list[Group], continues: bool) -> list[Group]:
    """Join each plain group (no number, not a section) to the activity beside it it centres best in.

    A plain group first on the page is left alone when the table continues from the previous page (it
    is that page's last row, cut by the page break); the caller joins it there.
    """
    result = list(groups)
    i = 0
    while i < len(result):
        group = result[i]
        if group.kind != PLAIN:
            i += 1
            continue
        above = result[i - 1] if i > 0 and result[i - 1].kind == ACTIVITY else None
        below = result[i + 1] if i + 1 < len(result) and result[i + 1].kind == ACTIVITY else None
        if above is None and (continues and i == 0 or below is None):
            i += 1
            continue
        if above is not None and (below is None or attach_cost(above, group) <= attach_cost(below, group)):
            above.lines = sorted(above.lines + group.lines, key=lambda line: line.top)
            del result[i]
            continue
        assert below is not None
        below.lines = sorted(group.lines + below.lines, key=lambda line: line.top)
        del result[i]
    return result


def row_rules(g: Geometry, top: float) -> list[float]:
    """The ys of horizontal rules below `top` that cross the table (row boundaries).

    A rule parts two activities only if it crosses the number column too: a rule under one of an
    activity's several indicators, beside its merged number cell, does not.
    """
    left, right = g.edges[0], g.edges[N_COLUMNS]
    need = g.settings.rule_cover * (right - left)
    number_left, number_right = g.edges[NUMBER], g.edges[NUMBER + 1]
    snap = g.settings.rule_snap
    ys: list[float] = []
    for y, x0, x1 in g.rules.horizontal:
        crosses_number = x0 <= number_left + snap and x1 >= number_right - snap
        if y >= top - snap and min(x1, right) - max(x0, left) >= need and crosses_number:
            if not ys or y - ys[-1] > g.settings.rule_snap:
                ys.append(y)
    return ys


def crossing_verticals(g: Geometry, y: float) -> bool:
    """Whether a vertical rule inside the table's width crosses the height y."""
    left, right = g.edges[0] - g.settings.rule_snap, g.edges[N_COLUMNS] + g.settings.rule_snap
    return any(left <= x <= right and r_top <= y <= r_bottom for x, r_top, r_bottom in g.rules.vertical)


def body_to_rows(body: Sequence[Line], g: Geometry, zone_top: float, continues: bool
                 ) -> tuple[list[Row], list[Line], bool]:
    """The page's rows below the header, the lines outside the table, and whether the table goes on."""
    s = g.settings
    rules = row_rules(g, zone_top)
    groups: list[Group] = []
    outside: list[Line] = []
    ended = False
    below: list[Line] = list(body)
    reach = zone_top
    if len(rules) >= 2:
        slabs = [(a, b) for a, b in zip(rules, rules[1:])]
        if zone_top > 0 and body and body[0].middle < rules[0]:
            slabs.insert(0, (zone_top, rules[0]))   # lines under the header before the first rule
        # A table whose columns are ruled ends where its vertical rules stop crossing it.
        framed = g.ruled_columns
        inside = []
        for a, b in slabs:
            if not framed or crossing_verticals(g, (a + b) / 2) or (a, b) == slabs[0]:
                inside.append((a, b))
            else:
                break
        top, bottom = inside[0][0], inside[-1][1]
        by_slab: list[list[Line]] = [[] for _ in inside]
        bounds = [b for _, b in inside]
        below = []
        for line in body:
            if line.middle < top:
                outside.append(line)
            elif line.middle >= bottom:
                below.append(line)
            else:
                by_slab[bisect_right(bounds, line.middle)].append(line)
        for (a, b), lines in zip(inside, by_slab):
            if lines:
                groups.extend(block_to_groups(lines, g, a, b))
        if framed:
            outside.extend(below)
            ended = bool(below) and not all(is_furniture([line], s) for line in below)
            below = []
        reach = bottom
    if below:
        # Unruled rows (or rows under the last rule of a table ruled only across): blocks between gaps.
        threshold = intra_gap(below, g) + s.row_gap * g.em
        blocks = lines_to_blocks(below, threshold)
        far = max(s.far_gap * g.em, threshold)
        kept: list[list[Line]] = []
        for i, block in enumerate(blocks):
            gap_above = block[0].top - (max(line.bottom for line in blocks[i - 1]) if i else reach)
            if (kept or groups) and gap_above >= far:
                outside.extend(line for b in blocks[i:] for line in b)
                ended = not all(is_furniture(b, s) for b in blocks[i:])
                break
            if not kept and not groups and is_furniture(block, s) and i + 1 < len(blocks) and \
                    blocks[i + 1][0].top - block[-1].bottom >= far:
                outside.extend(block)
                continue
            kept.append(block)
        for block in kept:
            groups.extend(block_to_groups(block, g))
    groups = attach_plain_groups(groups, continues)
    rows = [lines_to_row(group.lines, g, group.top, group.bottom, group.kind) for group in groups]
    return rows, outside, not ended


# ----------------------------------------------------------------------------- pages and the document

def lines_to_strays(lines: Iterable[Line]) -> list[tuple[float, str]]:
    return [(line.top, " ".join(w.text for w in line.words)) for line in lines]


def continues_table(lines: Sequence[Line], g: Geometry, top: float) -> bool:
    """Whether a page without a column-header row holds more of the table: activity numbers in the number
    column, or ruling lines that frame the columns. (Text that merely fits the columns, like signatures
    on a page of their own, does not.)"""
    return bool(line_anchors(lines, g.inner)) or g.ruled_columns or len(row_rules(g, top)) >= 2


def has_ruled_columns(rules: Rules, edges: Sequence[float], top: float, snap: float) -> bool:
    """Whether vertical rules part the columns below `top` (the header's bottom): at two inner edges at least.

    Rules that part the header's labels only do not make the body's cells ruled.
    """
    xs = [r[0] for r in rules.vertical]
    hits = 0
    for x in sorted(set(edges[1:N_COLUMNS])):
        found = rules.vertical[bisect_left(xs, x - snap): bisect_right(xs, x + snap)]
        hits += any(bottom > top + snap for _, _, bottom in found)
    return hits >= 2


def page_to_layout(content: PageContent, known: Header | None, prior: tuple[float, ...] | None,
                   table_open: bool, s: PdfSettings) -> PageLayout:
    """Read one page: its header, its rows, the text before the table and the text outside it."""
    layout = PageLayout(content.number)
    em = typical_height(content.words)
    lines = words_to_lines(content.words, s.line_tolerance * em)
    layout.stray = lines_to_strays(words_to_lines(content.sideways, s.line_tolerance * em))
    header = find_header(lines, content.rules, em, s, s.min_header_columns if known is None else 2)
    if header is not None and known is not None and header.labelled < s.min_header_columns \
            and moved(header, known, s.header_shift * em):
        header = None  # a few label words in the body, not the column-header row
    if header is None and (known is None or not table_open):
        layout.before = lines_to_strays(lines)
        return layout
    layout.header = header
    columns = header or known
    assert columns is not None
    if header is not None:
        layout.before = lines_to_strays(lines[:header.first_line])
        layout.stray.extend(header.unmatched)
        body = lines[header.last_line + 1:]
        zone_top = header.bottom
        if known is not None and prior is not None and moved(header, known, s.header_shift * em):
            prior = None
    else:
        body = list(lines)
        zone_top = 0.0
    edges = column_edges(columns, zone_top if header is None else header.top, body, content.rules, prior,
                         content.width, em, s)
    g = Geometry(content.number, edges, content.rules, em, s,
                 has_ruled_columns(content.rules, edges, zone_top, s.rule_snap))
    if header is None and not continues_table(body, g, zone_top):
        layout.before = lines_to_strays(lines)
        return layout
    # Text beside a ruled table (outside its outer rules) is not in it.
    if g.ruled_columns and (edges[0] > 0 or edges[N_COLUMNS] < content.width):
        margin = s.rule_snap
        kept, beside = [], []
        for line in body:
            inside = tuple(w for w in line.words if edges[0] - margin <= (w.x0 + w.x1) / 2 <= edges[N_COLUMNS] + margin)
            if len(inside) < len(line.words):
                beside.append(Line(line.top, line.bottom, tuple(w for w in line.words if w not in inside)))
            if inside:
                kept.append(words_to_line(list(inside)))
        body = kept
        layout.stray.extend(lines_to_strays(beside))
    rows, outside, still_open = body_to_rows(body, g, zone_top, header is None or table_open)
    layout.rows = rows
    layout.stray.extend(lines_to_strays(outside))
    layout.edges = edges
    layout.table_open = still_open
    return layout


def moved(header: Header, known: Header, tolerance: float) -> bool:
    """Whether a page's header labels stand elsewhere than the document's (another table layout)."""
    for a, b in zip(header.cells, known.cells):
        if (a is None) != (b is None) or (a is not None and b is not None and abs(a.middle - b.middle) > tolerance):
            return True
    return False


def contents_to_layouts(contents: Iterable[PageContent], name: str, s: PdfSettings) -> list[PageLayout]:
    """Read the pages in order, carrying the header and the column edges from page to page."""
    layouts: list[PageLayout] = []
    known: Header | None = None
    prior: tuple[float, ...] | None = None
    table_open = False
    scanned: list[int] = []
    for content in contents:
        if not content.words and content.has_images:
            if known is not None:
                raise InputError(f"{name}: page {content.number} has no text layer (a scanned image); "
                                 "expected a PDF with text (run OCR on it first)")
            scanned.append(content.number)
        layout = page_to_layout(content, known, prior, table_open, s)
        if layout.header is not None:
            known = layout.header
        if layout.edges is not None:
            prior = layout.edges
            table_open = layout.table_open
        elif known is not None:
            table_open = False
        layouts.append(layout)
    if known is None:
        if scanned:
            raise InputError(f"{name}: no text layer (page {scanned[0]} is a scanned image); expected a PDF "
                             "with text (run OCR on it first)")
        raise InputError(f"{name}: no table found; expected a table whose column-header row names its columns "
                         "(Nº, Name of the activity, Evaluation indicator, Implementation / Recommendation, "
                         "Period of performance, or a variant listed in extract/columns.csv)")
    return layouts


def join_cut_rows(layouts: list[PageLayout]) -> None:
    """Join a row the page break cut: a plain row opening a page goes to the previous page's last row,
    a plain row closing a page to the next page's first row when that one carries the number."""
    previous: PageLayout | None = None
    for layout in layouts:
        if previous is not None and previous.rows and layout.rows:
            last, first = previous.rows[-1], layout.rows[0]
            if first.kind == PLAIN and last.kind != SECTION:
                previous.rows[-1] = last.joined(first)
                del layout.rows[0]
            elif last.kind == PLAIN and first.kind == ACTIVITY:
                layout.rows[0] = last.joined(first, place=first)
                del previous.rows[-1]
        if layout.edges is not None:
            previous = layout if layout.rows or previous is None else previous
        else:
            previous = None


def layouts_to_document(layouts: list[PageLayout], name: str) -> RawDocument:
    """Number the lines of the text form and build the bands, the header words and the stray text."""
    title_parts: list[str] = []
    started = False
    items_by_page: list[list[tuple[float, int, object]]] = []
    for layout in layouts:
        items: list[tuple[float, int, object]] = []
        if not started and layout.header is None and layout.edges is None:
            title_parts.extend(text for _, text in layout.before)
            items.extend((top, 2, text) for top, text in layout.stray)
            items_by_page.append(items)
            continue
        if not started:
            title_parts.extend(text for _, text in layout.before)
            started = True
        else:
            items.extend((top, 2, text) for top, text in layout.before)
        if layout.header is not None:
            items.append((layout.header.top, 0, layout.header))
        items.extend((row.top, 1, row) for row in layout.rows)
        items.extend((top, 2, text) for top, text in layout.stray)
        items.sort(key=lambda item: (item[0], item[1]))
        items_by_page.append(items)
    title = " ".join(title_parts)
    line = 2 if title else 0
    bands: list[Band] = []
    header_words: list[tuple[int, str]] = []
    stray: list[tuple[int, str]] = []
    emitted_page = False
    for layout, items in zip(layouts, items_by_page):
        if not items:
            continue
        if emitted_page:
            line += 1  # a blank line at each page break, as in the text form
        emitted_page = True
        for _, kind, item in items:
            line += 1
            if isinstance(item, Header):
                header_words.extend((line, word) for cell in item.cells if cell for word in cell.words)
                texts = tuple(cell.rest if cell else "" for cell in item.cells)
                fragments = tuple(Fragment(text, c, Provenance(name, line, c, layout.number,
                                                               header_box(item, c, layout.edges)))
                                  for c, text in enumerate(texts))
                bands.append(Band(len(bands), line, fragments, column_header=True))
            elif isinstance(item, Row):
                fragments = tuple(Fragment(text, c, Provenance(name, line, c, item.cell_page(c), item.boxes[c]))
                                  for c, text in enumerate(item.texts))
                bands.append(Band(len(bands), line, fragments))
            else:
                stray.append((line, str(item)))
    document = RawDocument(name, title, 1 if title else None, tuple(bands), tuple(header_words), tuple(stray),
                           tuple((1, word) for word in title.split()))
    line_words = tuple((n, len(text.split())) for n, text in enumerate(pdf_to_text(document).splitlines(), start=1)
                       if text.strip())
    return replace(document, line_words=line_words)


def header_box(header: Header, column: int, edges: tuple[float, ...] | None) -> BBox:
    """Where a column's label stands in the header row (the column's extent when it has no label)."""
    cell = header.cells[column]
    if cell is not None:
        x0, x1 = cell.x0, cell.x1
    elif edges is not None:
        x0, x1 = edges[column], edges[column + 1]
    else:
        x0 = x1 = 0.0
    return (round(x0, 2), round(header.top, 2), round(x1, 2), round(header.bottom, 2))


def read_pdf(path: str | Path, max_pages: int = 2000, settings: PdfSettings | None = None) -> RawDocument:
    """Read a plan's table from a PDF into bands (one per table row), with clear errors for bad PDFs."""
    s = settings or PdfSettings()
    path = Path(path)
    name = str(path)
    check_pdf_bytes(path)
    layouts = contents_to_layouts(pdf_to_contents(path, max_pages, s.rule_snap), name, s)
    join_cut_rows(layouts)
    return layouts_to_document(layouts, name)


# ----------------------------------------------------------------------------- the text form

def header_words_to_cells(words: Sequence[str]) -> list[str]:
    """Put a header band's label words back in their columns, matching the labels in column order
    (a word no label takes stays with the column before it)."""
    cells = [""] * N_COLUMNS
    column, start = -1, 0
    while start < len(words):
        found = text_to_label(" ".join(words[start:]), column)
        if found is None:
            target = max(column, 0)
            cells[target] = " ".join(t for t in (cells[target], words[start]) if t)
            start += 1
            continue
        column, label, _ = found
        cells[column] = label
        start += len(label.split())
    return cells


def pdf_to_text(document: RawDocument) -> str:
    """The text form of a document: the title line, a blank line, then one line per band (TAB between
    cells, the column-header labels restored on header bands), stray text past the last column, blank
    lines at page breaks. The text reader reads it back into the same bands."""
    lines: dict[int, list[str]] = {}
    if document.title:
        lines[document.title_line or 1] = [document.title]
    labels: dict[int, list[str]] = {}
    for number, word in document.header_words:
        labels.setdefault(number, []).append(word)
    for band in document.bands:
        cells = [band.text(c) for c in range(N_COLUMNS)]
        if band.column_header and band.line in labels:
            restored = header_words_to_cells(labels[band.line])
            cells = [" ".join(t for t in (label, cell) if t) for label, cell in zip(restored, cells)]
        lines[band.line] = cells
    for number, text in document.stray:
        lines.setdefault(number, [""] * N_COLUMNS).append(text)
    last = max(lines, default=0)
    out = []
    for number in range(1, last + 1):
        cells = lines.get(number)
        out.append("" if cells is None else "\t".join(cells) if len(cells) > 1 or number != document.title_line
                   else cells[0])
    return "\n".join(out) + "\n"
