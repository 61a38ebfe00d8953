"""Follow a section heading from its first word across the columns, and read its title.

A heading row is one line across the table that the column edges cut: in each column it crosses, its words
are one run of that band's fragment, which may also hold text spilled from the row above (before it) or
the text of the activity it is glued to (before or after it). Where it goes on is read from the words the
edges cut, from what the columns it crosses already hold, and from the length the document's centring of
its headings predicts; `parts_to_title` rejoins the cut words into its title.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import product

from .cell_scores import SegmentSettings
from .centring import centre_at, centre_of, filled_columns, flush_left, slack
from .cut_labels import (LABEL_WORDS, after_label, cut_join, inside_label, is_capitalised, label_across_edge,
                         label_goes_on, label_number, starts_label, strongest_join)
from .name_words import KIND_BIT
from .periods import is_year_word, looks_like_period_start, opens_period, years_in
from .text import clean_text
from .words import COMMON_WORDS, FRAGMENTS, FUNCTION_WORDS, KNOWN, Vocabulary, rejoin
from .wrapped_headings import wrapped_header_parts

#: The marker opening a list's first item in a cell ("a)", "1)", "•"): the row's own text opens there.
LIST_MARKER = re.compile(r"^(?:[a-zа-я]|\d{1,2})\)$|^[•▪]$")
#: A header part whose length is at least this share of its column's width reached the column's edge.
FULL_COLUMN = 0.9
#: A header part may run this much past its column's measured width before the row's own text begins.
WIDTH_SLACK = 1.15
#: A period cell holds at most this many words (as the cell cuts judge one).
PERIOD_WORDS = int(SegmentSettings.period_words)
#: What it costs to read text before a header in a band of its own as spilled from the row above.
SPILL = 1.0
#: What each word in capitals costs a header's part that follows an activity's own text in its column.
CAPITALS = 0.5
#: Marks that close the word before them, never open the next (unlike quotes).
CLOSING_MARKS = ",.;:)»”"
#: What it costs a header's part glued after an activity's text to stop short of its fragment's end.
SHORT_OF_END = 0.25
#: What it costs a header to end on a word no title ends on ("and", "of", "public finances,").
UNFINISHED = 3.0
#: How much a header's length off the one the document's centring predicts costs, per slack.
LENGTH_WEIGHT = 1.5


Tokens = dict[int, list[list[str]]]


def part_end_before_row_text(row: list[str], start: int, width: int | None, rejoined: bool = False) -> int:
    """Where a header part opening its fragment ends when the row's own text follows it there: at a capital
    after word `start` or a mark closing the fragment, a cell naming nobody ("-"), the last at which the part,
    its label and number counted, fits the column `width`. A capital after a function word goes on with it
    ("Ministry of Justice"), unless that word is the end of one the edge cut (`rejoined`: "правительст" |
    "ва Постановление")."""
    ends = [k for k in range(start + 1, len(row)) if is_capitalised(row[k]) and (
        row[k - 1].casefold() not in FUNCTION_WORDS or rejoined and k == 1)
            or k + 1 == len(row) and not any(map(str.isalnum, row[k]))] + [len(row)]
    if width:
        fitting = [k for k in ends if len(" ".join(row[:k])) <= width * WIDTH_SLACK]
        if fitting:
            return fitting[-1]
    return title_case_end(row, start, ends[0])


def title_case_end(row: list[str], start: int, first: int) -> int:
    """Where the row's own text opens after a heading written in title case (its words between word `start`
    and the `first` capital all capitals or function words): at the last capital of the run the heading's
    capitals go on in, the one a word in lower case follows after another capital ("... Tata Niaga |
    Integrasi layanan ...", "... Reformasi Birokrasi | Penerapan manajemen ..."); else at `first`."""
    if any(not is_capitalised(word) and word.casefold() not in FUNCTION_WORDS for word in row[start + 1:first]):
        return first
    k = first
    while k + 1 < len(row) and (is_capitalised(row[k + 1]) or row[k + 1].casefold() in FUNCTION_WORDS):
        k += 1
    if k + 1 < len(row) and k > first and is_capitalised(row[k]) and is_capitalised(row[k - 1]) \
            and row[k - 1].casefold() not in FUNCTION_WORDS:
        return k
    return first


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


def part_end(here: list[str], begin: int) -> int:
    """A header part runs to the end of its fragment or to the next activity's label."""
    labels = [k for k in range(begin + 1, len(here)) if starts_label(here, k)]
    return labels[0] if labels else len(here)


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


def trace_header_atop_row(row: list[list[str]], c0: int, widths: dict[int, int], vocabulary: Vocabulary,
                          crosses_first_edge: bool = True, expected_right: float | None = None,
                          period_column: int | None = None) -> Trace:
    """A header on top of an activity's band: in each column its words come first, the row's after. A header
    starting in the title column or left of it crosses the edge after its first part; one starting further
    right (a short heading centred on the table) goes on only where a cut word or a full column shows it; a
    capital opening the next column is the row's own text there ("2. Открытые данные | Агентство ..."). In
    each column the heading ends at the surest cut word, of cuts as sure the first ("3. Accountabili" +
    "ty", not the row's last word + "ty"): the row's own cell follows the heading, and is seldom empty. A
    label parted from its number by the edge ("Section Publishing ..." | "4: Access ... Data published") is
    the heading's part there, and its number and title go on in the next column. With `expected_right` (the
    length its centring predicts past the first edge), the last column's part ends where that length is
    nearest: its row's own text there may open in lower case, like the heading's words. In the
    `period_column` the row's own text opens on a period's first word, whatever its case ("джетного про" +
    "постоянно" | "оцесса ...")."""
    first = row[c0]
    end = len(first)
    number = None       # where the next column prints the number of a label opening this one
    if c0 + 1 < len(row) and row[c0 + 1]:
        after = row[c0 + 1]
        number = next((i for i in range(LABEL_WORDS + 1) if i < len(after) and (parted := label_across_edge(
            first, after, i, vocabulary)) is not None and parted[0] == 0 and parted[2] == 0), None)
        cut = strongest_join([(k, first[k], after[0]) for k in range(title_opening(first), len(first))
                              if k + 1 == len(first) or is_capitalised(first[k + 1])], vocabulary)
        end = label_across_edge(first, after, number, vocabulary)[1] if number is not None \
            else cut + 1 if cut is not None else part_end_before_row_text(first, 1, None)
    parts = [(c0, 0, end)]
    for c in range(c0 + 1, len(row)):
        here = row[c]
        prev_c, prev_start, prev_end = parts[-1]
        if not here or starts_label(here, 0) or len(parts) > 1 and straddles_only(row, parts[-2], parts[-1],
                                                                                   vocabulary):
            break
        # (A word in lower case that would not have fitted after the part goes on with it; a capital is the row's.)
        # A heading in sentence case that filled the column does not go on at a capital: that is the row's.
        full = fills_column(row[prev_c][prev_start:prev_end], "" if is_capitalised(here[0]) else here[0],
                            widths.get(prev_c)) and not (is_capitalised(here[0]) and not in_title_case(
                                [word for pc, pi, pj in parts for word in row[pc][pi:pj]]))
        if not (cut_join(row[prev_c][prev_end - 1], here[0], vocabulary) or full or number is not None
                or prev_c == c0 and crosses_first_edge and not is_capitalised(here[0])):
            break
        # (The row's text begins after the heading's number and its title's first word.)
        title = number + 1 if number is not None else title_opening(here)
        number = None
        end = part_end(here, 0)
        following = row[c + 1] if c + 1 < len(row) else []
        # (The row's own cell, seldom empty, follows the heading: a cut before a capital opening it is favoured
        # over one at the fragment's end, "... duomenų at Įstatymo projektas ... Vyriausybei" | "tvirumą".)
        before_capital = [k for k in range(title, end - 1) if is_capitalised(here[k + 1])
                          or LIST_MARKER.match(here[k + 1]) or c == period_column and opens_period(here[k + 1:])]
        cut = strongest_join([(k, here[k], following[0]) for k in [*before_capital, end - 1] if following],
                             vocabulary, favoured=frozenset(before_capital))
        # Only a heading the next column may carry on (no capital opens it) fills this column to its width.
        width = widths.get(c) if following and not is_capitalised(following[0]) else None
        # (The row's own period in the period column, or a list's first marker, "a)", ends the heading's part,
        # whatever follows it.)
        period = next((k + 1 for k in range(title, end - 1) if LIST_MARKER.match(here[k + 1])
                       or c == period_column and opens_period(here[k + 1:])), None)
        end = cut + 1 if cut is not None else period if period is not None else min(end, part_end_before_row_text(
            here, title, width, rejoined=cut_join(row[prev_c][prev_end - 1], here[0], vocabulary) is not None))
        parts.append((c, 0, end))
    if expected_right is not None and len(parts) > 1:
        parts[-1] = centred_last_part(row, parts, expected_right)
    return Trace(tuple(parts), False)


def in_title_case(words: list[str]) -> bool:
    """Whether a heading's words so far are in title case: most of its words (no function word, number or
    label counted) capitalised after its first."""
    content = [word for word in words[1:] if any(ch.isalpha() for ch in word) and word.casefold() not in
               FUNCTION_WORDS and label_number(word) is None]
    return bool(content) and 2 * sum(map(is_capitalised, content)) >= len(content)


def straddles_only(row: list[list[str]], before: tuple[int, int, int], part: tuple[int, int, int],
                   vocabulary: Vocabulary) -> bool:
    """Whether a header's part is just the letter straddling the edge before it, printed on both sides
    ("skaidrumą" | "ą"): the header line ended there, past that edge by less than a letter."""
    (bc, _, bj), (c, i, j) = before, part
    word = row[c][i] if j == i + 1 else ""
    return len(word) == 1 and bj > 0 and cut_join(row[bc][bj - 1], word, vocabulary) == row[bc][bj - 1]


def title_opening(words: list[str]) -> int:
    """Where a heading's title begins in a fragment it opens: after its number ("Specific objective 2:",
    "4."), printed within its first words; 0 where it prints none there. (It does not end before.)"""
    return next((k + 1 for k, word in enumerate(words[:LABEL_WORDS + 1]) if label_number(word) is not None), 0)


def centred_last_part(row: list[list[str]], parts: list[tuple[int, int, int]], expected_right: float
                      ) -> tuple[int, int, int]:
    """The last of a heading's parts cut short where the heading's length past its first edge comes nearest
    `expected_right`, never on a word no title ends on."""
    c, i, j = parts[-1]
    before = sum(len(" ".join(row[pc][pi:pj])) for pc, pi, pj in parts[1:-1])    # (as `Trace.lengths`)

    def cost(end: int) -> float:
        right = before + len(" ".join(row[c][i:end]))
        return LENGTH_WEIGHT * abs(right - expected_right) / slack(expected_right) + \
            UNFINISHED * unfinished_phrase(row[c][end - 1])
    return c, i, min(range(min(i + title_opening(row[c][i:j]) + 1, j), j + 1), key=cost)


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
