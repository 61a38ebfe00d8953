"""Follow a section heading from its first word across the columns, and read its title.

A heading row is one line across the table that the column edges cut: in each column it crosses, its words
are one run of that band's fragment, which may also hold text spilled from the row above (before it) or
the text of the activity it is glued to (before or after it). Where it goes on is read from the words the
edges cut, from what the columns it crosses already hold, and from the length the document's centring of
its headings predicts (a heading on top of an activity's band: `normalize.atop`); `parts_to_title`
(`normalize.header_parts`) rejoins the cut words into its title.
"""

from __future__ import annotations

import math
from itertools import product

from .atop import trace_header_atop_row
from .cell_scores import SegmentSettings
from .centring import centre_at, centre_of, filled_columns, flush_left, slack
from .cut_labels import after_label, inside_label, is_capitalised, label_goes_on, label_number, starts_label
from .header_parts import LENGTH_WEIGHT, UNFINISHED, Tokens, Trace, fills_column, part_end, unfinished_phrase
from .name_words import KIND_BIT
from .periods import is_year_word, looks_like_period_start, years_in
from .words import COMMON_WORDS, FRAGMENTS, KNOWN, Vocabulary, rejoin
from .wrapped_headings import wrapped_header_parts


#: A period cell holds at most this many words (as the cell cuts judge one).
PERIOD_WORDS = int(SegmentSettings.period_words)


#: What it costs to read text before a header in a band of its own as spilled from the row above.
SPILL = 1.0


#: What each word in capitals costs a header's part that follows an activity's own text in its column.
CAPITALS = 0.5


#: What it costs a header's part glued after an activity's text to stop short of its fragment's end.
SHORT_OF_END = 0.25


def trace_header(tokens: Tokens, start: tuple[int, int, int], anchored: set[int], widths: dict[int, int],
                 vocabulary: Vocabulary, expected_right: float | None = None,
                 period_column: int | None = None, title_column: int = 1) -> Trace:
    """Follow a header from its first word across the columns.

    A header row is one line: in each column it crosses, its words are one run of the band's fragment,
    which may also hold text spilled from the row above (before it) or the activity it is glued to. Where
    it goes on is read from the words its column edges cut; where they do not show it, from
    `expected_right` (how many characters the header should have past the first edge, from where the
    document centres its headers) or, failing that, from whether it filled the column it left.
    """
    b, c0, i0 = start
    row = tokens[b]
    if b in anchored and i0 == 0:
        return trace_header_atop_row(row, c0, widths, vocabulary, crosses_first_edge=c0 <= title_column,
                                     expected_right=expected_right, period_column=period_column)
    if i0 == 0 and (wrapped := wrapped_header_parts(row, c0, vocabulary)):
        return Trace(wrapped, True, wrapped=True)
    glued_after = i0 > 0                      # the header follows an activity's text in its fragment
    first = (c0, i0, len(row[c0]))
    columns = []
    for c in range(c0 + 1, len(row)):
        if not row[c]:
            break
        columns.append(c)
    best: tuple[float, tuple[tuple[int, int, int], ...], bool] = (-math.inf, (first,), True)
    for count in range(len(columns) + 1):
        for starts in product(*(continuation_starts(row, c, expected_right is not None, glued_after, vocabulary,
                                                    period_column) for c in columns[:count])):
            parts = [first] + [(c, j, part_end(row[c], j)) for c, j in zip(columns[:count], starts)]
            score, forced = score_header_parts(row, parts, widths, vocabulary, expected_right, glued_after)
            if score > best[0]:
                best = (score, tuple(parts), forced)
    certain = b not in anchored and best[2] and expected_right is None
    return Trace(best[1], certain)


def names_a_kind_of_body(word: str) -> bool:
    """Whether a word opens a name of a body whose next words say which ("Министерство юстиции": a heading's
    words do not start after it)."""
    return word.casefold() in KIND_BIT


def leading_period(words: list[str]) -> int:
    """How many of the first words are a period printed before other text: up to its first word with a year
    ("2023-2025", "during 2024-2025"), with the words naming that year ("2024 год", "2025-ci il") or a
    bracket after it ("2025 (II quarter)"); 0 when none."""
    if not words or not looks_like_period_start(words[0]):
        return 0
    dated = next((k for k in range(min(len(words), PERIOD_WORDS)) if years_in(words[k])[0]), None)
    if dated is None:
        return 1   # a period in words ("annually"): at least its first word
    end = dated + 1
    while end < len(words) and end - dated <= 2 and is_year_word(words[end]):
        end += 1
    if end < len(words) and words[end].startswith("("):
        close = next((k for k in range(end, min(len(words), end + 4)) if words[k].endswith(")")), None)
        end = end if close is None else close + 1
    return end


#: The fewest words a run in capitals needs to read as a heading set in capitals rather than acronyms.
CAPITALS_HEADING_WORDS = 3


def heading_in_capitals(words: list[str]) -> bool:
    """Whether words read as a heading set in capitals: a few words, all in capitals, not a list ("UNDP,
    OSCE, EU")."""
    return len(words) >= CAPITALS_HEADING_WORDS and all(
        word.isupper() and not word.endswith((",", ";")) or not any(ch.isalpha() for ch in word) for word in words)


def continuation_starts(row: list[list[str]], c: int, sized: bool, glued_after: bool,
                        vocabulary: Vocabulary, period_column: int | None = None) -> list[int]:
    """Where in column c's fragment the header may go on: after a word rejoining the previous column's
    last word, at the number of a label closing the previous column's fragment, at the fragment's start (a
    band of its own), or anywhere when its length can be checked;
    never inside the period the activity it is glued to prints first in the period column."""
    here, before = row[c], row[c - 1]
    own = leading_period(here) if glued_after and c == period_column else 0
    # The previous column's part ends at its fragment's end or before a label, wherever it started.
    ends = [k for k in range(1, len(before)) if starts_label(before, k)] + [len(before)]
    previous = {before[k - 1] for k in ends if k > 0}
    options = {j for j, word in enumerate(here) if any(rejoin(last, word, vocabulary) for last in previous)}
    # A label closing the previous column's fragment goes on with its number ("... Section" | "... 4: Access").
    options.update(j for j in range(len(here)) if label_goes_on(before, here, j, vocabulary))
    if not glued_after:
        options.add(0)
    elif own:
        if own < len(here):
            options.add(own)    # right after the period the activity prints
    else:
        # After the activity's own text (a list of names, in capitals), the header goes on in lower case, or
        # on a word that joins phrases ("... municipalities about open government").
        options.update(j for j in range(1, len(here)) if here[j][:1].islower()
                       and (is_capitalised(here[j - 1]) and not names_a_kind_of_body(here[j - 1])
                            or here[j - 1].endswith((")", ",", ".", ";")) or here[j] in COMMON_WORDS))
        # A heading in capitals goes on where the fragment turns to capitals to its end ("... vendore |
        # ANCAT PUBLIKE DHE PROKURIMI").
        options.update(j for j in range(1, len(here)) if not here[j - 1].isupper()
                       and heading_in_capitals(here[j:]))
    if sized:
        options.update(range(len(here)))
    if before and label_number(before[-1]) is not None:
        # The part before ends on the heading's number: its title opens here, on a capital (not on a lower-case
        # word ending the cell's own text, "... հաշվեքննիչ պալատ" | "Թվային կառավարում").
        options = {j for j in options if not here[j][:1].islower()}
    return sorted(j for j in options if j >= own and not starts_label(here, j) and not inside_label(here, j)
                  and not after_label(here, j))


def score_header_parts(row: list[list[str]], parts: list[tuple[int, int, int]], widths: dict[int, int],
                       vocabulary: Vocabulary, expected_right: float | None,
                       glued_after: bool) -> tuple[float, bool]:
    """How well a choice of header parts reads: rejoined cut words, full columns where it goes on, the
    expected length; and whether nothing but the evidence of cut words and empty columns decided it."""
    score, forced = 0.0, True
    # The part the title opens in: the first, or the next where the first is a label parted from its number.
    opening = 1 if len(parts) > 1 and label_goes_on(row[parts[0][0]][parts[0][1]:parts[0][2]], row[parts[1][0]],
                                                    parts[1][1], vocabulary) else 0
    if len(parts) > opening + 1 and not glued_after:
        score += 1.0      # a header row in a band of its own crosses at least the first column edge
    for k, ((pc, pi, pj), (c, j, _)) in enumerate(zip(parts, parts[1:])):
        joined = rejoin(row[pc][pj - 1], row[c][j], vocabulary) if pj > pi else None
        if joined:
            score += joined[1]
        elif k < opening:
            score += KNOWN      # a label and its number, parted by the edge, are one heading's
        elif k > opening:
            forced = False
            # A header that filled the column it left most likely goes on; one that did not, ended.
            score += 0.5 if fills_column(row[pc][pi:pj], row[c][j], widths.get(pc)) \
                or spans_column(row, parts, k + 1, glued_after, vocabulary) else -2.0
        if j > 0 and not glued_after:
            score -= SPILL
        if j > 0 and glued_after and not heading_in_capitals(row[c][j:part_end(row[c], j)]):
            # A header goes on after the activity's own text in lower case (or all in capitals): a name in
            # capitals is the cell's.
            score -= CAPITALS * sum(map(is_capitalised, row[c][j:part_end(row[c], j)]))
            if part_end(row[c], j) < len(row[c]):
                score -= SHORT_OF_END  # the header's line is the activity's last: its words end the fragment
        if j > 0 and unfinished_phrase(row[c][j - 1]):
            score -= UNFINISHED  # a cell's text before the header does not end on "and" or a comma
    for k, ((pc, _, pj), (c, i, j), (nc, ni, _)) in enumerate(zip(parts, parts[1:-1], parts[2:])):
        # A header that goes on past a middle column filled it: a short run there is not the header line,
        # unless both edges cut its words (a proportional font fits more letters in one line than another)
        # or its next part spans its own column.
        if c in widths and not fills_column(row[c][i:j], row[nc][ni], widths[c]) and not (
                j > i and rejoin(row[pc][pj - 1], row[c][i], vocabulary) and rejoin(row[c][j - 1], row[nc][ni],
                                                                                    vocabulary)) \
                and not spans_column(row, parts, k + 2, glued_after, vocabulary):
            score -= 2.0
    last_c, last_i, last_j = parts[-1]
    if last_c + 1 < len(row) and row[last_c + 1] and last_j > last_i:
        onward = [rejoin(row[last_c][last_j - 1], word, vocabulary) for word in row[last_c + 1]]
        strongest = max((joined[1] for joined in onward if joined), default=0)
        if any(label_goes_on(row[last_c][last_i:last_j], row[last_c + 1], j, vocabulary)
               for j in range(len(row[last_c + 1]))):
            strongest = KNOWN   # a heading does not end on its label, its number printed past the edge
        if strongest >= FRAGMENTS:
            score -= strongest
        if unfinished_phrase(row[last_c][last_j - 1]):
            score -= UNFINISHED  # "... public finances and": a title does not end there, it goes on
        # Stopping before a column with words (not a label) is a guess, whatever the cut words say.
        forced = forced and starts_label(row[last_c + 1], 0) and last_j == len(row[last_c])
    if expected_right is not None:
        right = sum(len(" ".join(row[c][i:j])) for c, i, j in parts[1:])
        score -= LENGTH_WEIGHT * abs(right - expected_right) / slack(expected_right)
    return score, forced


def spans_column(row: list[list[str]], parts: list[tuple[int, int, int]], k: int, glued_after: bool,
                 vocabulary: Vocabulary) -> bool:
    """Whether header part k spans its column edge to edge in a band of its own: it opens its fragment and
    the next edge cut its last word ("и отворени подаци" | "и"). The header then crossed the edge before it
    too, whatever the part before it measures (a proportional font fits more letters in one line)."""
    if glued_after or k + 1 >= len(parts):
        return False
    (c, i, j), (nc, ni, nj) = parts[k], parts[k + 1]
    joined = rejoin(row[c][j - 1], row[nc][ni], vocabulary) if i == 0 and j > i and nj > ni and nc == c + 1 \
        else None
    return joined is not None and joined[1] >= FRAGMENTS


def trace_headers(tokens: Tokens, starts: list[tuple[int, int, int]], anchored: set[int], widths: dict[int, int],
                  vocabulary: Vocabulary, period_column: int | None = None, title_column: int = 1) -> list[Trace]:
    """Trace every header; a trace left in doubt is traced again with the length the document's centring
    of its sure headers predicts. `widths` grows with the columns the headers crossed edge to edge."""
    traces = [trace_header(tokens, start, anchored, widths, vocabulary, period_column=period_column,
                           title_column=title_column) for start in starts]
    for start, trace in zip(starts, traces):
        for column, width in filled_columns(tokens[start[0]], trace.parts, vocabulary).items():
            widths[column] = max(widths.get(column, 0), width)
    # Measured on the headers traced without a guess that cross at least one edge.
    centres = [centre_of(trace.edge, *trace.lengths(tokens[start[0]])) for start, trace in zip(starts, traces)
               if trace.certain and not trace.wrapped and len(trace.parts) > 1]
    # (A heading in a band of its own opens its first part at the fragment's start: set flush left, that
    # part is as long whatever the heading's, and where it ends is not told by a centre.)
    lefts = [trace.lengths(tokens[start[0]])[0] for start, trace in zip(starts, traces)
             if start[0] not in anchored and start[2] == 0 and not trace.wrapped and len(trace.parts) > 1]
    if flush_left(lefts):
        return traces
    for k, (start, trace) in enumerate(zip(starts, traces)):
        if not trace.certain:
            left, right = trace.lengths(tokens[start[0]])
            offset = centre_at(centres, trace.edge, widths)
            expected = None if offset is None else max(0.0, left + 2 * offset)
            if expected is None or abs(right - expected) > slack(expected):
                traces[k] = trace_header(tokens, start, anchored, widths, vocabulary, expected_right=expected,
                                         period_column=period_column, title_column=title_column)
    return traces

