"""How well a run of a column's words reads as one cell: the form half of the bleed repair's score.

`ColumnFeatures` precomputes, word by word, what the scores ask of a run (capitals, unfinished ends,
balanced brackets, role labels, where names start and end), so that scoring a candidate cell takes constant
time; `cell_cost_function` gives one column's score of a run [a, b) by the kind of column it is (prose,
agency list, period or extra). The weights are `SegmentSettings`. `normalize.cells` adds the centring half
and searches the cuts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate
from typing import Callable, NamedTuple

from extract.model import Band

from .acronyms import acronym_key
from .anchors import Anchor
from .name_words import KIND_BIT, NO_AGENCY, holds_body_word, spelled_out
from .periods import holds_two_periods, looks_like_period_start, period_form
from .registry import name_key
from .roles import IMPLEMENTER, PARTNER, RECOMMENDED, label_role, labels_at_words
from .text import BULLETS, opens_like_a_capital
from .words import FUNCTION_WORDS

#: The kinds of column the repair knows how to judge; a column of another meaning is judged as an extra.
PROSE, AGENCY_LIST, PERIOD_KIND, EXTRA_KIND = "prose", "agencies", "period", "extra"
#: The forms of period (see `period_form`) every period column accepts: those that print a year.
YEAR_FORMS = frozenset({"year", "range", "quarter", "half", "month", "date", "year+words"})
KIND_OF_MEANING = {"title": PROSE, "indicator": PROSE, "agencies": AGENCY_LIST, "partners": AGENCY_LIST,
                   "period": PERIOD_KIND, "start": PERIOD_KIND, "end": PERIOD_KIND}
OPENERS, CLOSERS = "([{", ")]}"
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
    label_reaches_over: float = 4.0   # an agency cell whose label governs a list another band opens anew
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
    #: It opens a line the line before ran out of room for (`Fragment.wraps`).
    after_wrap: bool = False


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
    return bool(letters) and opens_like_a_capital(letters[0])


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


def closes_bracket(word: str) -> bool:
    """A word in brackets of its own, "(BPS)": an acronym or remark that closes the name before it."""
    return word[:1] in OPENERS and word[-1:] in CLOSERS


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

    def __init__(self, tokens: list[Token], names: NameHints | None = None, caseless: bool = False) -> None:
        """`names`: what is known of agency names, for an agency column; None for any other column, whose
        scores need neither role labels nor name words (so they are not computed). `caseless`: capitals do
        not mark where this column's cells open (see `capitals_open_cells`), so every word may open one."""
        words = [tok.text for tok in tokens]
        self.words = words
        self.capitalised = [True] * len(words) if caseless else [is_capitalised(w) for w in words]
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
        # (Not after a capitalised word no name ends with, a line's end between: "Državna | geodetska uprava"
        # is one name.)
        self.known_start = [first in names.starts and words[t][:1] not in OPENERS or not self.capitalised[t] and (
            tokens[t].first_in_band and (t == 0 or not is_capitalised(words[t - 1]) or keys[t - 1][1] in names.ends)
            or t > 0 and words[t - 1].endswith((",", ";"))) and names_body_ahead(words, t)
            for t, (first, _) in enumerate(keys)]
        self.name_start = [c or known for c, known in zip(self.capitalised, self.known_start)]
        # between_names[t]: a word names start with, after one names end with or after a bracketed word
        # that closes a name ("(BPS) Kementerian Hukum"): where two lists may meet; never before a bracket,
        # which gives the name before it its acronym ("Badan Pusat Statistik (BPS)").
        self.between_names = [t > 0 and self.known_start[t] and not self.unfinished[t - 1]
                              and (keys[t - 1][1] in names.ends or closes_bracket(words[t - 1]))
                              and words[t][:1] not in OPENERS for t in range(len(words))]
        # abutting[t]: a line of a list ends on a word names end with, with no comma, and the next line opens
        # another name; lists print a comma there, so two cells' texts meet at such a junction.
        # parts_name[t]: a cut before word t leaves a piece too little for a name, no comma between it and
        # the rest: the word for a kind alone opening the next cell ("LEPL Civil Service | Bureau, ..."), or
        # closing the cell before ("...; Ministry | of Health;" in a language whose names go on in
        # capitals: "Kementerian | Pertanian"), or a lone word in lower case naming no body closing the cell
        # before ("..., central | state bodies").
        ends_item = [w.endswith((",", ";")) or t + 1 == len(words) or self.label_role[t + 1] is not None
                     for t, w in enumerate(words)]
        opens_item = [t == 0 or words[t - 1].endswith((",", ";", ":")) for t in range(len(words))]
        # A list item that is the word for a kind alone, a capitalised word that opens names and never ends
        # one, a capital after it, is a name cut short ("...; Kementerian | Pertanian"): a cell does not end
        # there ("..., courts | Ministry of Justice" may).
        for t in range(len(words) - 1):
            if opens_item[t] and not ends_item[t] and self.capitalised[t] and self.capitalised[t + 1] \
                    and is_kind_word(words[t]) and keys[t][1] not in names.ends:
                self.unfinished_list[t] = True
        self.parts_name = [t > 0 and not ends_item[t - 1] and self.label_role[t] is None and (
            ends_item[t] and is_kind_word(words[t])
            or opens_item[t - 1] and (is_kind_word(words[t - 1]) and self.capitalised[t]
                                      or words[t - 1].isalpha() and words[t - 1].islower()
                                      and not self.unfinished[t - 1] and not is_body_word(words[t - 1])))
            for t in range(len(words))]
        self.abutting = self.prefix([
            t > 0 and tokens[t].first_in_band and keys[t - 1][1] in names.ends and self.name_start[t]
            and self.capitalised[t] and (keys[t - 1][1], keys[t][0]) not in names.pairs and not self.label_role[t]
            for t in range(len(words))])
        # opens_list[t]: a band opens on a new item of a list, no label of its own before it, the line
        # before it finished (no comma, no "and") and no name running on across the line's end: a label
        # earlier in the cell does not reach it, for a label printed at the end of one activity's line is
        # that activity's, never the next one's.
        self.opens_list = self.prefix([
            t > 0 and tokens[t].first_in_band and self.label_role[t] is None and self.name_start[t]
            and not self.unfinished_list[t - 1] and not self.parts_name[t]
            and (keys[t - 1][1], keys[t][0]) not in names.pairs for t in range(len(words))])

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
    label = f.next_label[a]
    if label < b and f.opens_list[b] > f.opens_list[label + 1]:
        cost += s.label_reaches_over
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


def capitals_open_cells(bands: tuple[Band, ...], anchors: list[Anchor], column: int, spilled: bool = False) -> bool:
    """Whether capitals can mark where the column's cells open: at least half as many of its lines open on a
    capital as there are activities (where rows spilled onto the next number's line, `cells.spilled_rows`,
    cells open inside lines: lines holding a capital count), or its words in capitals, wherever they stand,
    that may open a cell (`may_open_a_cell`) are at least as many (a text form that prints each cell's last
    words at the head of the next activity's line opens few lines on a capital, though every cell opens on
    one). In a script without case (Georgian)
    or a column written in lower case, a word in lower case opening a cell is no sign of a wrong cut."""
    texts = [band.text(column).split() for band in bands]
    openers = sum(1 for words in texts if words and any(map(is_capitalised, words if spilled else words[:1])))
    capitals = sum(1 for words in texts for i, word in enumerate(words)
                   if may_open_a_cell(words[i - 1] if i else "", word))
    return 2 * openers >= len(anchors) or capitals >= len(anchors)


def may_open_a_cell(previous: str, word: str) -> bool:
    """Whether a capitalised word can be a cell's first: not an acronym, nor a proper name's word after a
    function word or another capital ("информация в Правительство Республики Казахстан")."""
    return is_capitalised(word) and not acronym_key(word) and not is_capitalised(previous) \
        and previous.casefold() not in FUNCTION_WORDS


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
