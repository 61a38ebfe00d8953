"""Give every fragment of every column to the activity it belongs to (the column-bleed repair).

The PDF's cells are vertically centred in rows of different heights, and the extractor cut the page into
horizontal bands. A cell taller than its number's band starts above it and ends below it, so its text is
spread over neighbouring bands and shares them with the previous or next activity's text. Read top to
bottom, each column's text is still in order: only the boundaries between activities are lost.

This module puts them back, column by column, by choosing one cut between each pair of consecutive
activities with dynamic programming. A candidate cell is scored on its form (a title starts with a
capital, an agency cell with a role label and at most one of each, a period is a year or a range, quotes
and brackets balance, a cell does not end on "of" or a comma) and on its centring: the middle of a cell's
text lies in the band of its activity's number.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache, partial
from itertools import accumulate
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from extract.model import Band

from .anchors import Anchor
from .name_words import KIND_BIT, NO_AGENCY, holds_body_word, spelled_out
from .periods import holds_two_periods, looks_like_period_start, period_form
from .registry import name_key
from .roles import IMPLEMENTER, PARTNER, RECOMMENDED, label_role, labels_at_words
from .text import BULLETS
from .words import FUNCTION_WORDS

#: The kinds of column the repair knows how to judge; a column of another meaning is judged as an extra.
PROSE, AGENCY_LIST, PERIOD_KIND, EXTRA_KIND = "prose", "agencies", "period", "extra"
#: The forms of period (see `period_form`) every period column accepts: those that print a year.
YEAR_FORMS = frozenset({"year", "range", "quarter", "half", "month", "date", "year+words"})
KIND_OF_MEANING = {"title": PROSE, "indicator": PROSE, "agencies": AGENCY_LIST, "partners": AGENCY_LIST,
                   "period": PERIOD_KIND, "start": PERIOD_KIND, "end": PERIOD_KIND}
OPENERS, CLOSERS = "([{", ")]}"
INFEASIBLE = 1e9
DIGIT = re.compile(r"\d")
MARKS = re.compile(r'["“”()\[\]{}]')


@dataclass(frozen=True)
class SegmentSettings:
    """The weights of the cell scores. All costs are in the same unit; only their ratios matter."""

    line_chars: float = 40.0          # characters taken as one line of a cell when measuring centring
    centring: float = 2.0             # cost per line the cell's middle lies outside its number's band
    off_centre: float = 0.5           # cost per line the cell's middle lies from the middle of that band
    off_band: float = 5.0             # a cell with no text in its number's band, though the band has some
    mid_fragment_cut: float = 0.5     # a cut inside one band's fragment rather than between bands
    inside_name: float = 1.0          # a cut inside a fragment between two capitalised words ("Milli | Majlis")
    inside_known_name: float = 4.0    # a cut in an agency cell between two words of a known name, or one
    #                                   leaving a piece too little for a name (see `ColumnFeatures.parts_name`)
    unknown_name_start: float = 2.0   # a cut in an agency cell before a word no name starts with
    names_abut: float = 2.0           # an agency cell whose lines join two names with no comma between
    placeholder_shared: float = 6.0   # an agency cell holding a mark that names nobody ("-") and more text
    empty_title: float = 20.0
    empty_indicator: float = 6.0
    empty_agencies: float = 6.0
    empty_period: float = 4.0
    lowercase_start: float = 8.0
    unfinished_end: float = 6.0
    unbalanced: float = 4.0
    repeated_label: float = 10.0
    unlabelled_agencies: float = 2.0
    unusual_label_order: float = 1.0
    opens_on_unusual_role: float = 0.0  # a cell opening on the label of the role that usually comes second
    not_a_period: float = 10.0
    period_words: float = 8.0         # a period cell holds at most this many words
    empty_extra: float = 1.0
    uncertain_margin: float = 1.0     # a boundary whose best alternative costs less than this more is flagged
    usual_first_role: str = IMPLEMENTER  # the role whose label usually comes first in a cell

    def __post_init__(self) -> None:
        if self.usual_first_role not in (IMPLEMENTER, RECOMMENDED):
            raise ValueError(f"SegmentSettings.usual_first_role must be {IMPLEMENTER!r} or {RECOMMENDED!r}")
        for name, value in self.__dict__.items():
            if name == "usual_first_role":
                continue
            if not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"SegmentSettings.{name} must be a number >= 0, not {value!r}")
        if self.line_chars <= 0:
            raise ValueError("SegmentSettings.line_chars must be > 0")


class Token(NamedTuple):
    text: str
    band: int
    start: int        # character offset in the column's running text
    first_in_band: bool
    #: It opens a line the line before did not run out of room for (`Fragment.breaks`).
    after_break: bool = False


@dataclass(frozen=True)
class Cell:
    """The text an activity has in one column, and each of its words with the line it came from."""

    text: str
    words: tuple[tuple[int, str], ...] = field(default=())
    #: Its words (by index) that open a line after a hard break: where a list printed one item per line
    #: goes on to its next item.
    breaks: tuple[int, ...] = ()

    def text_by_lines(self) -> str:
        """The text with a newline before each word that opens a line after a hard break."""
        if not self.breaks:
            return self.text
        words = self.text.split()
        return " ".join(f"\n{word}" if i in self.breaks else word for i, word in enumerate(words))

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(sorted({line for line, _ in self.words}))


def column_tokens(bands: tuple[Band, ...], column: int) -> tuple[list[Token], dict[int, tuple[int, int]]]:
    """The column's words top to bottom, and each band's character interval in that running text."""
    tokens: list[Token] = []
    spans: dict[int, tuple[int, int]] = {}
    offset = 0
    for band in bands:
        begin = offset
        breaks = band.fragments[column].breaks
        for i, word in enumerate(band.text(column).split()):
            tokens.append(Token(word, band.index, offset, i == 0, i in breaks))
            offset += len(word) + 1
        spans[band.index] = (begin, max(begin, offset - 1))
    return tokens, spans


@dataclass(frozen=True)
class NameHints:
    """What is known of agency names, to cut agency cells between names: the adjacent word pairs inside
    known names, the words a name starts with and those it ends with (all as in name keys)."""

    pairs: frozenset[tuple[str, str]] = frozenset()
    starts: frozenset[str] = frozenset()
    ends: frozenset[str] = frozenset()


@lru_cache(maxsize=1 << 16)
def word_keys(word: str) -> tuple[str, str]:
    """A printed word's first and last word as they stand in a name key (`normalize.registry.name_key`
    splits "Judicial-Legal" in two), for comparing with the words of known names."""
    pieces = name_key(word).split() or [""]
    return pieces[0], pieces[-1]


def first_key(word: str) -> str:
    return word_keys(word)[0]


def last_key(word: str) -> str:
    return word_keys(word)[1]


def is_capitalised(word: str) -> bool:
    """Starts with a capital letter, perhaps behind an opening quote (a cell's first word); a list's bullet
    ("•") starts an item as a capital does."""
    if word in BULLETS:
        return True
    letters = word.lstrip("\"'“«" + BULLETS)
    return bool(letters) and letters[0].isupper()


def unfinished(last: str) -> bool:
    return last.endswith((",", "-", "(", ":")) or last.casefold() in FUNCTION_WORDS


#: How many words a list item that names a body in lower case may take before its body word.
BODY_REACH = 4


@lru_cache(maxsize=1 << 16)
def is_body_word(word: str) -> bool:
    """Whether a word names a body or its kind ("органы", "authorities", "Ministry")."""
    return holds_body_word(word)


@lru_cache(maxsize=1 << 16)
def is_kind_word(word: str) -> bool:
    """Whether a word is the word for a kind of body ("Bureau", "Service", "Agency")."""
    return any(part in KIND_BIT for part in spelled_out(name_key(word.strip("()"))))


def names_body_ahead(words: list[str], t: int) -> bool:
    """Whether the words from t to the end of their list item (a comma) name a body: one of them is a body
    or kind word ("местные исполнительные органы", "central executive authorities")."""
    for word in words[t: t + BODY_REACH]:
        if is_body_word(word):
            return True
        if word.endswith((",", ";")):
            return False
    return False


class ColumnFeatures:
    """What the cell scores need to know of every run of a column's words, precomputed per word so that
    scoring a candidate cell takes constant time (the search scores thousands of them)."""

    def __init__(self, tokens: list[Token], names: NameHints | None = None) -> None:
        """`names`: what is known of agency names, for an agency column; None for any other column, whose
        scores need neither role labels nor name words (so they are not computed)."""
        words = [tok.text for tok in tokens]
        self.words = words
        self.capitalised = [is_capitalised(w) for w in words]
        self.unfinished = [unfinished(w) for w in words]
        # balance[t]: the parity of straight quotes and the excess of each opener over its closer in
        # words [0, t); a run [a, b) balances exactly when balance[a] == balance[b].
        state = [0] * (2 + len(OPENERS))
        self.balance = [tuple(state)]
        for w in words:
            if MARKS.search(w):
                state[0] = (state[0] + w.count('"')) % 2
                state[1] += w.count("“") - w.count("”")
                for i, (o, c) in enumerate(zip(OPENERS, CLOSERS)):
                    state[2 + i] += w.count(o) - w.count(c)
            self.balance.append(tuple(state))
        self.digits = self.prefix([DIGIT.search(w) is not None for w in words])
        self.label_role: list[str | None] = [None] * len(words)
        if names is not None:
            self.read_names(tokens, names)

    def read_names(self, tokens: list[Token], names: NameHints) -> None:
        """The role labels and the name words of an agency column."""
        words = self.words
        # The column's running text has one space between words (see `column_tokens`): one search finds
        # every label, and a label starting at a word's offset is that word's.
        at_offset = {token.start - tokens[0].start: t for t, token in enumerate(tokens)} if tokens else {}
        for match in labels_at_words(" ".join(words), at_offset):
            self.label_role[at_offset[match.start()]] = label_role(match)
        self.next_label = [len(words)] * (len(words) + 1)
        for t in range(len(words) - 1, -1, -1):
            self.next_label[t] = t if self.label_role[t] else self.next_label[t + 1]
        # A list that parts its items with semicolons goes on after one, unless the column's own last cell
        # ends on one too (lists printed with a semicolon after every item).
        ends_on_semicolon = bool(words) and words[-1].endswith(";")
        self.unfinished_list = [u or not ends_on_semicolon and w.endswith(";") for u, w in zip(self.unfinished, words)]
        self.implementer_labels = self.prefix([role == IMPLEMENTER for role in self.label_role])
        self.recommended_labels = self.prefix([role == RECOMMENDED for role in self.label_role])
        self.partner_labels = self.prefix([role == PARTNER for role in self.label_role])
        # placeholders[t]: a mark that a cell names nobody ("-", "N/A"), printed alone in its band: a whole
        # cell of its own, never a word of a neighbour's list.
        self.placeholders = self.prefix([
            tokens[t].first_in_band and (t + 1 == len(words) or tokens[t + 1].first_in_band)
            and (not any(ch.isalnum() for ch in word) or name_key(word) in NO_AGENCY)
            for t, word in enumerate(words)])
        keys = [word_keys(w) for w in words]
        self.first_keys = [first for first, _ in keys]
        self.last_keys = [last for _, last in keys]
        # known_start[t]: the word is one names start with (in the registry or the document's lists); a
        # name may start in lower case where names do ("central executive authorities", "municipalities").
        self.known_start = [first in names.starts or not self.capitalised[t] and (
            tokens[t].first_in_band or t > 0 and words[t - 1].endswith((",", ";"))) and names_body_ahead(words, t)
            for t, (first, _) in enumerate(keys)]
        self.name_start = [c or known for c, known in zip(self.capitalised, self.known_start)]
        # between_names[t]: a word names start with, after one names end with: where two lists may meet.
        self.between_names = [t > 0 and self.known_start[t] and keys[t - 1][1] in names.ends
                              and not self.unfinished[t - 1] for t in range(len(words))]
        # abutting[t]: a line of a list ends on a word names end with, with no comma, and the next line opens
        # another name; lists print a comma there, so two cells' texts meet at such a junction.
        # parts_name[t]: a cut before word t leaves a piece too little for a name, no comma between it and
        # the rest: the word for a kind alone opening the next cell ("LEPL Civil Service | Bureau, ..."), or
        # a lone word in lower case naming no body closing the cell before ("..., central | state bodies").
        ends_item = [w.endswith((",", ";")) or t + 1 == len(words) or self.label_role[t + 1] is not None
                     for t, w in enumerate(words)]
        opens_item = [t == 0 or words[t - 1].endswith((",", ";", ":")) for t in range(len(words))]
        self.parts_name = [t > 0 and not ends_item[t - 1] and self.label_role[t] is None and (
            ends_item[t] and is_kind_word(words[t])
            or opens_item[t - 1] and words[t - 1].isalpha() and words[t - 1].islower()
            and not self.unfinished[t - 1] and not is_body_word(words[t - 1]))
            for t in range(len(words))]
        self.abutting = self.prefix([
            t > 0 and tokens[t].first_in_band and keys[t - 1][1] in names.ends and self.name_start[t]
            and self.capitalised[t] and (keys[t - 1][1], keys[t][0]) not in names.pairs and not self.label_role[t]
            for t in range(len(words))])

    @staticmethod
    def prefix(values: list) -> list[int]:
        return [0, *accumulate(int(v) for v in values)]

    def unbalanced(self, a: int, b: int) -> bool:
        return self.balance[a] != self.balance[b]

    def labels(self, a: int, b: int) -> list[str]:
        """The roles of the first two labels in [a, b)."""
        roles = []
        t = self.next_label[a]
        while t < b and len(roles) < 2:
            roles.append(self.label_role[t])
            t = self.next_label[t + 1]
        return roles


def prose_cost(f: ColumnFeatures, a: int, b: int, empty: float, s: SegmentSettings) -> float:
    if a == b:
        return empty
    cost = 0.0
    if not f.capitalised[a]:
        cost += s.lowercase_start
    if f.unfinished[b - 1]:
        cost += s.unfinished_end
    if f.unbalanced(a, b):
        cost += s.unbalanced
    return cost


def agencies_cost(f: ColumnFeatures, a: int, b: int, s: SegmentSettings, empty: float) -> float:
    if a == b:
        return empty
    placeholders = f.placeholders[b] - f.placeholders[a]
    if placeholders and b - a == 1:
        return empty    # ("-": the cell says it names nobody, as an empty one does)
    cost = s.placeholder_shared if placeholders else 0.0
    implementers = f.implementer_labels[b] - f.implementer_labels[a]
    recommended = f.recommended_labels[b] - f.recommended_labels[a]
    partners = f.partner_labels[b] - f.partner_labels[a]
    cost += s.repeated_label * (max(0, implementers - 1) + max(0, recommended - 1) + max(0, partners - 1))
    if not f.label_role[a]:
        cost += s.unlabelled_agencies
        if not f.name_start[a]:
            cost += s.lowercase_start
    roles = f.labels(a, b)
    if len(roles) >= 2 and roles[0] != roles[1] and roles[0] != s.usual_first_role:
        cost += s.unusual_label_order
    if f.label_role[a] and f.label_role[a] != s.usual_first_role:
        cost += s.opens_on_unusual_role
    if f.unfinished_list[b - 1]:
        cost += s.unfinished_end
    if f.unbalanced(a, b):
        cost += s.unbalanced
    return cost + s.names_abut * (f.abutting[b] - f.abutting[a + 1])


def period_cost(f: ColumnFeatures, a: int, b: int, s: SegmentSettings, forms: frozenset[str]) -> float:
    """A period cell is short and of one of the forms the document's period column shows."""
    if a == b:
        return s.empty_period
    if b - a > s.period_words or f.unfinished[b - 1] or f.unbalanced(a, b):
        return s.not_a_period
    if "words" not in forms and f.digits[b] == f.digits[a]:
        return s.not_a_period  # no year, and the document prints none of its periods in words
    text = " ".join(f.words[a:b])
    return 0.0 if period_form(text) in forms and not holds_two_periods(text) else s.not_a_period


def start_cost(kind: str, f: ColumnFeatures, t: int, s: SegmentSettings) -> float:
    """What it costs a cell to begin at word t, judged by that word alone."""
    if kind == PROSE:
        return 0.0 if f.capitalised[t] else s.lowercase_start
    if kind == AGENCY_LIST:
        if f.label_role[t]:
            return 0.0
        return s.unlabelled_agencies + (0.0 if f.name_start[t] else s.lowercase_start)
    if kind == PERIOD_KIND:
        return 0.0 if looks_like_period_start(f.words[t]) else s.not_a_period
    return 0.0


def form_cost(kind: str, f: ColumnFeatures, a: int, b: int, s: SegmentSettings, empty: float,
              forms: frozenset[str]) -> float:
    """How well words [a, b) of the column read as one cell of it (`empty`: the cost of no text at all)."""
    if kind == PROSE:
        return prose_cost(f, a, b, empty, s)
    if kind == AGENCY_LIST:
        return agencies_cost(f, a, b, s, empty)
    if kind == PERIOD_KIND:
        return period_cost(f, a, b, s, forms)
    if a == b:
        return s.empty_extra
    return s.unbalanced if f.unbalanced(a, b) else 0.0


def cell_cost_function(kind: str, f: ColumnFeatures, s: SegmentSettings, empty: float, forms: frozenset[str]
                       ) -> Callable[[int, int], float]:
    """`form_cost` for one column, its kind chosen once (the search scores thousands of cells)."""
    if kind == PROSE:
        return partial(prose_cost, f, empty=empty, s=s)
    if kind == AGENCY_LIST:
        return partial(agencies_cost, f, s=s, empty=empty)
    if kind == PERIOD_KIND:
        return partial(period_cost, f, s=s, forms=forms)
    return partial(form_cost, kind, f, s=s, empty=empty, forms=forms)


def empty_cost(meaning: str, s: SegmentSettings) -> float:
    return {"title": s.empty_title, "indicator": s.empty_indicator, "agencies": s.empty_agencies,
            "partners": s.empty_extra, "period": s.empty_period}.get(meaning, s.empty_extra)


def period_forms_of(bands: tuple[Band, ...], anchors: list[Anchor], column: int) -> frozenset[str]:
    """The forms of period the document's column shows: the year-bearing ones always, and those of the
    short cells standing alone in their activity's band (e.g. "permanently", "annually")."""
    forms = set(YEAR_FORMS)
    by_index = {band.index: band for band in bands}
    for anchor in anchors:
        band = by_index.get(anchor.band)
        text = band.text(column) if band is not None else ""
        if text and len(text.split()) <= 3:
            forms.add(period_form(text))
    return frozenset(forms)


def centring_costs(offsets: list[int], finishes: list[int], starts: list[int], b: int,
                    band_tokens: tuple[int, int], band_span: tuple[int, int], s: SegmentSettings) -> list[float]:
    """For each start a in `starts`, how far (in lines) the middle of tokens [a, b) lies from the band of the
    activity's number (`offsets` and `finishes`: where each token starts and ends in the running text)."""
    low, high = band_span
    centre, first, stop = (low + high) / 2, band_tokens[0], band_tokens[1]
    finish = finishes[b - 1] if b else 0
    costs = []
    for a in starts:
        if a >= b:
            costs.append(0.0)
            continue
        middle = (offsets[a] + finish) / 2
        outside = max(0.0, low - middle, middle - high)
        cost = (s.centring * outside + s.off_centre * abs(middle - centre)) / s.line_chars
        if high > low and not (a <= first < b or first <= a < stop):
            cost += s.off_band
        costs.append(cost)
    return costs


@dataclass(frozen=True)
class ColumnCut:
    """One column cut into cells, and the boundaries (k: between activity k and k+1) left in doubt.

    `carry`: with an open end, how many words of the end window's bands (from its first band on) the
    last cell took; the rest belong to the next part of the document.
    """

    cells: tuple[Cell, ...]
    uncertain: tuple[int, ...]
    carry: int = 0


def prepare_column(bands: tuple[Band, ...], column: int, names: NameHints | None = None
                   ) -> tuple[list[Token], dict[int, tuple[int, int]], ColumnFeatures]:
    """A column's words, each band's span of them, and their features (reusable across cuts)."""
    tokens, spans = column_tokens(bands, column)
    return tokens, spans, ColumnFeatures(tokens, names)


def segment_column(bands: tuple[Band, ...], anchors: list[Anchor], column: int, header_bands: tuple[int, ...] = (),
                   settings: SegmentSettings | None = None, prepared=None,
                   end_window: tuple[int, int] | None = None, meaning: str = "title",
                   period_forms: frozenset[str] | None = None,
                   names: NameHints | None = None, whole_rows: bool = False) -> ColumnCut:
    """Cut one column's running text into one cell per activity (see the module docstring).

    `header_bands` are the bands that held a section header row. A boundary is in doubt when the best
    reading with that boundary elsewhere costs less than `settings.uncertain_margin` more than the best.
    With `end_window` (first and last band of a header row after the last activity), the last cell ends
    in that window rather than at the end of the bands: the rest goes on to the next part. `meaning` is the
    column's (title, indicator, agencies, partners, period, or an extra field); `period_forms` the forms of
    period the document shows (default: those `period_forms_of` finds in these bands); `names` what is
    known of agency names (`NameHints`), so that an agency cell is cut between names, not inside one. With
    `whole_rows` (every band a whole table row), an activity's cell is its band and the unnumbered bands
    after it: nothing moves between activities.
    """
    s = settings or SegmentSettings()
    hints = names or NameHints()
    kind = KIND_OF_MEANING.get(meaning, EXTRA_KIND)
    empty = empty_cost(meaning, s)
    if kind == PERIOD_KIND and period_forms is None:
        period_forms = period_forms_of(bands, anchors, column)
    forms = period_forms or frozenset()
    tokens, spans, features = prepared or prepare_column(bands, column, hints if kind == AGENCY_LIST else None)
    n, k_count = len(tokens), len(anchors)
    line_of = {band.index: band.line for band in bands}
    # first[b]: index of the first token in band b or later; end[b]: index after the last token of band <= b.
    token_bands = [tok.band for tok in tokens]
    first = {band.index: bisect_left(token_bands, band.index) for band in bands}
    end = {band.index: bisect_right(token_bands, band.index) for band in bands}

    def allowed(t: int) -> bool:
        if t in (0, n) or tokens[t].first_in_band:
            return True
        if kind == AGENCY_LIST:
            # At a label, or where one list ends and the next begins (see `ColumnFeatures.between_names`).
            return features.label_role[t] is not None or features.between_names[t]
        if kind == PERIOD_KIND:
            return looks_like_period_start(tokens[t].text)
        return features.capitalised[t] and not features.unfinished[t - 1]

    def cut_cost(t: int) -> float:
        if t in (0, n):
            return 0.0
        # Between bands a cut costs nothing, unless it splits a known name ("Food | Safety Agency").
        base = 0.0 if tokens[t].first_in_band else s.mid_fragment_cut
        if kind == AGENCY_LIST and features.label_role[t] is None:
            previous, word = features.last_keys[t - 1], features.first_keys[t]
            if (previous, word) in hints.pairs or features.parts_name[t]:
                return base + s.inside_known_name
            if base and hints.pairs and word not in hints.starts:
                return base + s.unknown_name_start
        if base and kind == PROSE and is_capitalised(tokens[t - 1].text):
            return base + s.inside_name
        return base

    # Candidate ends for activity k (the cut between k and k+1). Text below a section's header row cannot
    # belong to an activity above it, nor text above it to one below: the cut lies in the header's band.
    ends: list[list[int]] = []
    for k in range(k_count - 1):
        low, high = first[anchors[k].band], end[anchors[k + 1].band]
        between = [hb for hb in header_bands if anchors[k].band <= hb <= anchors[k + 1].band
                   and anchors[k].section_key != anchors[k + 1].section_key]
        if between:
            low, high = max(low, first[between[0]]), min(high, end[between[-1]])
        ends.append([first[anchors[k + 1].band]] if whole_rows else
                    [t for t in range(low, high + 1) if allowed(t)] or [low])
    if end_window is None:
        ends.append([n])
    else:
        low, high = first[end_window[0]], end[end_window[1]]
        ends.append([low] if whole_rows else [t for t in range(low, high + 1) if allowed(t)] or [low])

    # The cost of every (start, end) pair of each activity's cell, computed once for both passes.
    cell_cost = cell_cost_function(kind, features, s, empty, forms)
    cut_costs = {t: cut_cost(t) for layer in ends for t in layer}
    starts_of = [[0], *ends[:-1]]

    offsets = [tok.start for tok in tokens]
    finishes = [tok.start + len(tok.text) for tok in tokens]

    def layer_costs(k: int) -> list[list[float]]:
        """costs[i][j]: activity k holding tokens [starts_of[k][j], ends[k][i]), with the cut after it."""
        band = anchors[k].band
        band_tokens, band_span, starts = (first[band], end[band]), spans[band], starts_of[k]
        rows = []
        for b in ends[k]:
            cut = cut_costs[b]
            centring = centring_costs(offsets, finishes, starts, b, band_tokens, band_span, s)
            rows.append([INFEASIBLE if a > b else cell_cost(a, b) + cut + centre
                         for a, centre in zip(starts, centring)])
        return rows

    costs = [layer_costs(k) for k in range(k_count)]
    forward: list[dict[int, float]] = []
    previous = [0.0]
    for k in range(k_count):
        values = [min(p + c for p, c in zip(previous, row)) for row in costs[k]]
        forward.append(dict(zip(ends[k], values)))
        previous = values
    backward: list[dict[int, float]] = [dict() for _ in range(k_count)]
    # With an open end, what the last cell leaves in the window starts the next part's first cell.
    backward[-1] = {t: (start_cost(kind, features, t, s) if t < n else 0.0) for t in ends[-1]}
    for k in range(k_count - 2, -1, -1):
        after = list(backward[k + 1].values())
        rows = costs[k + 1]
        backward[k] = {t: min(rows[i][j] + after[i] for i in range(len(rows))) for j, t in enumerate(ends[k])}
    through = [{t: forward[k][t] + backward[k][t] for t in ends[k]} for k in range(k_count)]
    best_total = min(through[-1].values())
    cuts = [0] + [min(layer, key=lambda t: (layer[t], t)) for layer in through]
    uncertain = []
    for k in range(k_count - 1):
        others = [cost for t, cost in through[k].items() if t != cuts[k + 1]]
        if others and min(others) - best_total < s.uncertain_margin:
            uncertain.append(k)
    cells = []
    for k in range(k_count):
        words = tokens[cuts[k]: cuts[k + 1]]
        cells.append(Cell(" ".join(tok.text for tok in words), tuple((line_of[tok.band], tok.text) for tok in words),
                          tuple(i for i, tok in enumerate(words) if tok.after_break and i)))
    carry = cuts[-1] - first[end_window[0]] if end_window else 0
    return ColumnCut(tuple(cells), tuple(uncertain), carry)
