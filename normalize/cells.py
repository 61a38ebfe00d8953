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

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from extract.model import Band

from .acronyms import acronym_key
from .anchors import Anchor
from .cell_scores import (AGENCY_LIST, EXTRA_KIND, KIND_OF_MEANING, OPENERS, PERIOD_KIND, PROSE, ColumnFeatures,
                          NameHints, SegmentSettings, Token, cell_cost_function, empty_cost, is_capitalised,
                          period_forms_of, start_cost)
from .name_shapes import names_alone
from .periods import looks_like_period_start
from .registry import name_key
from .roles import role_remarks

INFEASIBLE = 1e9


@dataclass(frozen=True)
class Cell:
    """The text an activity has in one column, and each of its words with the line it came from."""

    text: str
    words: tuple[tuple[int, str], ...] = field(default=())
    #: Its words (by index) that open a line after a hard break: where a list printed one item per line
    #: goes on to its next item.
    breaks: tuple[int, ...] = ()
    #: Its words that open a line the line before ran out of room for (`Fragment.wraps`).
    wraps: tuple[int, ...] = ()

    def text_by_lines(self, alone: frozenset[str] | None = None) -> str:
        """The text with a newline before each word that opens a line after a hard break; given the words a
        list column prints alone on a line (`printed_alone`), also before each that may open an item too
        long to fit on the line before (`items_after_wraps`)."""
        opening = set(self.breaks)
        if alone is not None:
            opening.update(items_after_wraps(self.text.split(), self.breaks, self.wraps, alone))
        if not opening:
            return self.text
        return " ".join(f"\n{word}" if i in opening else word for i, word in enumerate(self.text.split()))

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(sorted({line for line, _ in self.words}))


def items_after_wraps(words: list[str], breaks: tuple[int, ...], wraps: tuple[int, ...],
                      alone: frozenset[str]) -> tuple[int, ...]:
    """Of the words opening wrapped lines (`wraps`), those after a line that may hold a list's whole item
    though the word after it did not fit beside it: a line of one word that names a body alone and that the
    list prints alone on a line elsewhere (`alone`: "Treasury | Parliament" where "Treasury" stands alone;
    not "Transparency | International ...", printed nowhere else so), a line of several words the list
    prints elsewhere as a whole item ("Министерство на здравеопазването | Национална ..."), or a line closing
    on a bracket that holds an acronym or a remark on a role, which close a name ("DICT (by consent) |
    Treasury"; not a word in brackets, `closes_on_remark_or_acronym`). Whether two names part there,
    the agency list judges (`normalize.agency_lists.split_agency_list`), as at a hard break."""
    openings = sorted({0, *breaks, *wraps})
    return tuple(end for start, end in zip(openings, openings[1:])
                 if end in wraps and (name_key(" ".join(words[start:end])) in alone
                                      and (end - start > 1 or names_alone(words[start]))
                                      or closes_on_remark_or_acronym(words[start:end])))


def closes_on_remark_or_acronym(line: list[str]) -> bool:
    """Whether a line's words close on a bracket holding an acronym or a remark on a role ("DICT (by consent)",
    "... (KPK)"), which close a name; a word in brackets may be the name's own ("Sahibkarlar (İşəgötürənlər) |
    Təşkilatları Milli Konfederasiyası")."""
    text = " ".join(line)
    if not text.endswith(")") or "(" not in text:
        return False
    inside = text[text.rindex("(") + 1:-1].strip()
    return bool(acronym_key(inside)) or " ".join(inside.split()).casefold() in role_remarks()


def printed_alone(bands: tuple[Band, ...], column: int) -> frozenset[str]:
    """The `name_key`s of the items a column prints whole, from its cell's edge or a hard break to the next:
    the bodies a list printed one item per line names alone ("Treasury", "Министерство на здравеопазването")."""
    found: set[str] = set()
    for band in bands:
        words, breaks = band.text(column).split(), band.fragments[column].breaks
        edges = [0, *breaks, len(words)]
        found.update(name_key(" ".join(words[a:b])) for a, b in zip(edges, edges[1:]) if b > a)
    return frozenset(found)


def column_tokens(bands: tuple[Band, ...], column: int) -> tuple[list[Token], dict[int, tuple[int, int]]]:
    """The column's words top to bottom, and each band's character interval in that running text."""
    tokens: list[Token] = []
    spans: dict[int, tuple[int, int]] = {}
    offset = 0
    for band in bands:
        begin = offset
        breaks, wraps = band.fragments[column].breaks, band.fragments[column].wraps
        for i, word in enumerate(band.text(column).split()):
            tokens.append(Token(word, band.index, offset, i == 0, i in breaks, i in wraps))
            offset += len(word) + 1
        spans[band.index] = (begin, max(begin, offset - 1))
    return tokens, spans


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


def prepare_column(bands: tuple[Band, ...], column: int, names: NameHints | None = None, caseless: bool = False
                   ) -> tuple[list[Token], dict[int, tuple[int, int]], ColumnFeatures]:
    """A column's words, each band's span of them, and their features (reusable across cuts)."""
    tokens, spans = column_tokens(bands, column)
    return tokens, spans, ColumnFeatures(tokens, names, caseless)


def segment_column(bands: tuple[Band, ...], anchors: list[Anchor], column: int, header_bands: tuple[int, ...] = (),
                   settings: SegmentSettings | None = None, prepared=None,
                   end_window: tuple[int, int] | None = None, meaning: str = "title",
                   period_forms: frozenset[str] | None = None,
                   names: NameHints | None = None, whole_rows: bool = False, caseless: bool = False,
                   spilled: bool = False) -> ColumnCut:
    """Cut one column's running text into one cell per activity (see the module docstring).

    `header_bands` are the bands that held a section header row. A boundary is in doubt when the best
    reading with that boundary elsewhere costs less than `settings.uncertain_margin` more than the best.
    With `end_window` (first and last band of a header row after the last activity), the last cell ends
    in that window rather than at the end of the bands: the rest goes on to the next part. `meaning` is the
    column's (title, indicator, agencies, partners, period, or an extra field); `period_forms` the forms of
    period the document shows (default: those `period_forms_of` finds in these bands); `names` what is
    known of agency names (`NameHints`), so that an agency cell is cut between names, not inside one. With
    `whole_rows` (every band a whole table row), an activity's cell is its band and the unnumbered bands
    after it: nothing moves between activities. With `spilled` (`spilled_rows`), an activity's cell opens in
    its number's band and ends in the next number's, where its last lines were drawn. With `caseless`,
    capitals do not mark where cells open.
    """
    s = settings or SegmentSettings()
    hints = names or NameHints()
    kind = KIND_OF_MEANING.get(meaning, EXTRA_KIND)
    empty = empty_cost(meaning, s)
    if kind == PERIOD_KIND and period_forms is None:
        period_forms = period_forms_of(bands, anchors, column)
    forms = period_forms or frozenset()
    tokens, spans, features = prepared or prepare_column(bands, column, hints if kind == AGENCY_LIST else None,
                                                                caseless)
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
            # (Where rows spilled, the next cell opens inside its number's line wherever a name may start.)
            return features.label_role[t] is not None or features.between_names[t] or spilled and (
                features.name_start[t] and not features.unfinished_list[t - 1] and tokens[t].text[:1] not in OPENERS)
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
        if spilled:
            low, high = max(low, first[anchors[k + 1].band]), min(high, end[anchors[k + 1].band])
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
            centring = [0.0] * len(starts) if spilled else \
                centring_costs(offsets, finishes, starts, b, band_tokens, band_span, s)
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
    # (Where rows spilled, the window is the next number's band: taking all of it leaves that cell empty.)
    backward[-1] = {t: (start_cost(kind, features, t, s) if t < n else empty if spilled and end_window else 0.0)
                    for t in ends[-1]}
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
                          tuple(i for i, tok in enumerate(words) if tok.after_break and i),
                          tuple(i for i, tok in enumerate(words) if tok.after_wrap and i)))
    carry = cuts[-1] - first[end_window[0]] if end_window else 0
    return ColumnCut(tuple(cells), tuple(uncertain), carry)


#: The fewest numbered lines, and the least share of them, whose title opens on the row above's last words
#: for a text form to be read as one whose rows' last lines were drawn to the next number's line; and the
#: share of numbers under a title's first line standing on a line of its own that rules it out (centred
#: cells' tall rows also leave their tails on the next number's line, but print their first lines above it).
SPILLED_EVIDENCE, SPILLED_SHARE, OPENING_ABOVE_SHARE = 3, 0.5, 0.1


def spilled_rows(bands: tuple[Band, ...], anchors: list[Anchor], title_column: int | None) -> bool:
    """Whether the text form drew each row's last lines to the next number's line: the cells hang from the
    top of their rows, and the extractor joined each line to the nearest number's, so a tall row's last
    lines lie on the next number's line, before that row's own words ("status permohonan ... Penerapan
    Neraca ..."). Seen where most numbers' lines that follow the one before with no line between open their
    title in lower case (a cell's own first word is a capital), and hardly a title opens on a line of its
    own just above its number's, as centred cells' do."""
    if title_column is None:
        return False
    anchored = {anchor.band for anchor in anchors}
    opening = []
    for previous, anchor in zip(anchors, anchors[1:]):
        words = bands[anchor.band].text(title_column).split() if anchor.band == previous.band + 1 else []
        if words:
            opening.append(not is_capitalised(words[0]))
    above = sum(1 for anchor in anchors if anchor.band > 0 and anchor.band - 1 not in anchored
                and not bands[anchor.band - 1].column_header
                and (words := bands[anchor.band - 1].text(title_column).split()) and is_capitalised(words[0]))
    return sum(opening) >= SPILLED_EVIDENCE and sum(opening) >= SPILLED_SHARE * len(opening) \
        and above < OPENING_ABOVE_SHARE * len(anchors)
