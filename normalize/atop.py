"""Where a section heading glued on top of an activity's band ends in each column it crosses: in each column
its words come first and the row's own text after them (`trace_header_atop_row`).
"""
from __future__ import annotations

import re

from extract.vocabulary import printed_section_number, strip_section_number

from .anchors import number_closing_heading
from .centring import slack
from .cut_labels import (CLOSING_LABEL, LABEL_WORDS, cut_join, is_capitalised, label_across_edge, label_after_number,
                         label_number, starts_label, strongest_join)
from .header_parts import LENGTH_WEIGHT, UNFINISHED, Trace, fills_column, part_end, parts_to_title, unfinished_phrase
from .periods import opens_period
from .unnumbered import NUMBER
from .words import FUNCTION_WORDS, Vocabulary

#: The marker opening a list's first item in a cell ("a)", "1)", "•"): the row's own text opens there.
LIST_MARKER = re.compile(r"^(?:[a-zа-я]|\d{1,2})\)$|^[•▪]$")


#: A header part may run this much past its column's measured width before the row's own text begins.
WIDTH_SLACK = 1.15
#: ... and one that goes on past the column's right edge fills at least this share of its width.
FILLED = 0.7


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
    nearest: its row's own text there may open in lower case, like the heading's words. The row's own text
    also opens on a list's first marker ("a)") and, in the `period_column`, on a period's first word, whatever
    its case ("джетного про" + "постоянно" | "оцесса ...")."""
    first = row[c0]
    # (In the number column the activity's own number closes the fragment, after the heading's start: "1-бағ 1.")
    end = len(first) - 1 if c0 == NUMBER and number_closing_heading(" ".join(first)) is not None else len(first)
    number = None       # where the next column prints the number of a label opening this one
    if c0 + 1 < len(row) and row[c0 + 1]:
        after = row[c0 + 1]
        number = next((i for i in range(LABEL_WORDS + 1) if i < len(after) and (parted := label_across_edge(
            first, after, i, vocabulary)) is not None and parted[0] == 0 and parted[2] == 0), None)
        # (A heading printing its number before its label, "V istiqamət: Yerli ...", is cut after its title's
        # first word, or after the label where the next column prints its mark: "IV istiqamət" | "t: ...".)
        labelled = label_after_number(first, 0, after) if printed_section_number(first[0]) is not None else None
        opening_at = max(title_opening(first), labelled if labelled is not None and labelled < len(first)
                         and not CLOSING_LABEL.match(after[0]) else 0)
        lower = frozenset(k for k in range(opening_at, len(first) - 1) if not is_capitalised(first[k + 1]))
        cut = labelled - 1 if labelled is not None and CLOSING_LABEL.match(after[0]) else strongest_join(
            [(k, first[k], after[0]) for k in filling(first, range(opening_at, len(first)), widths.get(c0))],
            vocabulary, slighted=lower)
        end = label_across_edge(first, after, number, vocabulary)[1] if number is not None \
            else cut + 1 if cut is not None else min(end, part_end_before_row_text(first, 1, None))
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
        rejoined = cut_join(row[prev_c][prev_end - 1], here[0], vocabulary) is not None
        if not (rejoined or full or number is not None
                or prev_c == c0 and crosses_first_edge and not is_capitalised(here[0])):
            break
        # (The row's text begins after the heading's number and its title's first word, or after the end of a
        # label the edge cut: "1-бағ" | "ғыт. Ашық деректер Мемлекеттік ...".)
        title = number + 1 if number is not None else \
            max(title_opening(here), closes_label(row, [*parts, (c, 0, 1)], vocabulary))
        number = None
        end = part_end(here, 0)
        following = row[c + 1] if c + 1 < len(row) else []
        # (The row's own cell, seldom empty, follows the heading: a cut before where it opens, at a capital, a
        # list's first marker "a)" or, in the period column, a period, is favoured over one at the fragment's
        # end, "... duomenų at Įstatymo projektas ... Vyriausybei" | "tvirumą"; a cut before a word in lower
        # case counts one step less sure than one at the end ("... şəffaflığın art qeyri-hökumət təşkilatları"
        # | "ırılması": a cell may open in lower case). A marker or a period ends the part even where no cut
        # shows.)
        marked = [k for k in range(title, end - 1) if LIST_MARKER.match(here[k + 1])
                  or c == period_column and opens_period(here[k + 1:])]
        opening = sorted({k for k in range(title, end - 1) if is_capitalised(here[k + 1])}.union(marked))
        # (A lone letter the edge printed on both sides opens the part, the heading going on after it: "цифрових"
        # | "х послуг".)
        straddle = len(here[0]) == 1 and rejoined and cut_join(row[prev_c][prev_end - 1], here[0], vocabulary) \
            == row[prev_c][prev_end - 1]
        cut = strongest_join([(k, here[k], following[0]) for k in filling(here, range(title, end), widths.get(c))
                              if following and not (straddle and k == 0)], vocabulary, favoured=frozenset(opening),
                             slighted=frozenset(range(title, end - 1)).difference(opening))
        # Only a heading the next column may carry on (no capital opens it) fills this column to its width.
        width = widths.get(c) if following and not is_capitalised(following[0]) else None
        end = cut + 1 if cut is not None else marked[0] + 1 if marked else min(end, part_end_before_row_text(
            here, title, width, rejoined=rejoined))
        parts.append((c, 0, end))
    if expected_right is not None and len(parts) > 1:
        parts[-1] = centred_last_part(row, parts, expected_right)
    return Trace(tuple(parts), False)


def filling(words: list[str], ends: range, width: int | None) -> list[int]:
    """The `ends` (last word's index) of a heading's part, those at which it would fill its column's measured
    `width` first, the fullest first (as a part that goes on past the column's right edge does; of cuts
    as sure, the first is taken), then the others in order."""
    if not width:
        return list(ends)
    fitting = [k for k in ends if FILLED * width <= len(" ".join(words[:k + 1])) <= WIDTH_SLACK * width]
    return fitting[::-1] + [k for k in ends if k not in fitting]


def closes_label(row: list[list[str]], parts: list[tuple[int, int, int]], vocabulary: Vocabulary) -> bool:
    """Whether a heading's `parts` so far print its number and label and nothing else ("1-бағ" | "ғыт."):
    its title is still to come."""
    so_far = parts_to_title(row, parts, vocabulary)
    return so_far[-1:] in (".", ":") and strip_section_number(f"{so_far} title") == "title"


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

