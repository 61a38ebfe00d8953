"""Labels inside the text of a band the column edges cut: the role labels a heading never runs into
("Recommended to:" opens a cell's list), and a heading's own label that an edge parted from its number
("Sectio" | "n 3: Public procurement"). `normalize.tracing` follows headings with them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

from extract.vocabulary import heading_label_words, heading_labels, printed_section_number, section_number

from .roles import find_labels
from .text import opens_like_a_capital
from .words import Vocabulary, join_cut_word, rejoin

#: The most words a heading's label may print before its number: the longest of `heading_labels.csv`.
LABEL_WORDS = heading_label_words()
#: The start of a fragment that closes a label the column edge cut after its last letter ("t:").
CLOSING_LABEL = re.compile(r"^[^\W\d_]?[.:]$")


def is_capitalised(token: str) -> bool:
    letters = token.lstrip("\"'“(«")
    return bool(letters) and (opens_like_a_capital(letters[0]) or letters[0].isdigit())


@lru_cache(maxsize=4096)
def label_words(tokens: tuple[str, ...]) -> tuple[frozenset[int], frozenset[int]]:
    """The words of a fragment where a role label starts, and the later words of its labels ("to:" of
    "Recommended to:")."""
    text = " ".join(tokens)
    offsets = list(accumulate((len(token) + 1 for token in tokens[:-1]), initial=0))
    starts, inside = set(), set()
    for match in find_labels(text):
        first = bisect_left(offsets, match.start())
        if first < len(offsets) and offsets[first] == match.start():
            starts.add(first)
            inside.update(range(first + 1, bisect_left(offsets, match.end())))
    return frozenset(starts), frozenset(inside)


def starts_label(tokens: list[str], k: int) -> bool:
    return k in label_words(tuple(tokens))[0]


def inside_label(tokens: list[str], j: int) -> bool:
    """Whether word j is a later word of a role label ("to:" of "Recommended to:")."""
    return j in label_words(tuple(tokens))[1]


def after_label(tokens: list[str], j: int) -> bool:
    """Whether word j is the first after a role label ("central" of "Implementers: central ..."): the list it
    opens is the cell's, never a heading's."""
    starts, inside = label_words(tuple(tokens))
    return j - 1 in starts or j - 1 in inside


def label_number(token: str) -> int | None:
    """The number a token prints as a heading's after its label ("3.", "3:", "IV."), else None."""
    return section_number(token[:-1] + "." if token.endswith(":") else token)


#: What may part a labelled heading's number from its title, a word of its own: a dash instead of a dot or
#: colon ("Pillar 1 – Prevention"), or a colon after a space (French typography: "Axe 2 : Accès").
SEPARATORS = ("-", "\u2013", "\u2014", ":")


def numbered_at(words: list[str], i: int) -> bool:
    """Whether `words[i]` prints a heading's number after its label: "3.", "3:", "IV.", or a bare number a
    separator follows ("Angajamentul 1 – Transparență")."""
    return label_number(words[i]) is not None or i + 1 < len(words) and words[i + 1] in SEPARATORS and \
        printed_section_number(words[i]) is not None


def label_across_edge(before: list[str], here: list[str], i: int, vocabulary: Vocabulary
                      ) -> tuple[int, int, int] | None:
    """A heading's label that a column edge parted from its number, `here[i]` ("4:", "3."): (k, end, h), the
    label being `before[k:end]` (a label of `heading_labels.csv`) and the heading going on at `here[h]`.

    The label closes the previous column's fragment (a heading glued after a row's text: "... bodies
    Section" | "... received 4: Access to information") or opens it where the heading opens this column's
    fragment too (atop a row: "Section Publishing ..." | "4: Access ..."). The edge may have cut the label's
    word it prints there, its other half and any later words of the label just before the number: "Sectio" |
    "n 3: Public procurement", "St" | "rategic goal 2. Rebuilding" (`h` the first of them). None where no
    label was parted from a number so.
    """
    if not numbered_at(here, i) or not before:
        return None
    for h in range(i, max(i - LABEL_WORDS, 0) - 1, -1):
        for size in range(min(LABEL_WORDS, len(before)), 0, -1):
            for k in sorted({0, len(before) - size}):
                if k + size < len(before) and h > 0 or size + i - h - 1 > LABEL_WORDS:
                    continue    # (a label opening its fragment heads a heading opening the next one)
                words = before[k:k + size]
                if h < i:
                    joined = cut_join(words[-1], here[h], vocabulary)
                    if not joined:
                        continue
                    words = [*words[:-1], joined, *here[h + 1:i]]
                if is_capitalised(words[0]) and " ".join(words).casefold() in heading_labels():
                    return k, k + size, h
    return None


def label_goes_on(part: list[str], after: list[str], j: int, vocabulary: Vocabulary) -> bool:
    """Whether a heading's part ends on its label and the next column's `after[j]` goes on with its number
    (or with the rest of the label's cut word, then the number)."""
    return any((found := label_across_edge(part, after, i, vocabulary)) is not None
               and found[1] == len(part) and found[2] == j for i in range(j, min(j + LABEL_WORDS + 1, len(after))))


def cut_join(left: str, right: str, vocabulary: Vocabulary) -> str | None:
    """The rejoined word when `left`|`right` is one word cut by a column edge, else None."""
    return join_cut_word(left.rstrip(), right.lstrip(), vocabulary)


def strongest_join(pairs: list[tuple[int, str, str]], vocabulary: Vocabulary, favoured: frozenset[int] = frozenset(),
                   slighted: frozenset[int] = frozenset()) -> int | None:
    """Of candidate (position, left, right) cuts, the position whose rejoined word is surest (first on ties);
    a `favoured` position counts one step surer, a `slighted` one one step less sure (and none at all where
    the letters merely run on as the document's words do)."""
    scored = [(joined[1] + (position in favoured) - (position in slighted), -k, position)
              for k, (position, left, right) in enumerate(pairs) if (joined := rejoin(left, right, vocabulary))]
    scored = [entry for entry in scored if entry[0] > 0]
    return max(scored)[2] if scored else None


def label_after_number(row: list[str], i: int, following: list[str]) -> int | None:
    """Where a heading's title starts after a bare number at token i and the label a language prints after
    it, closed by a colon or a dot ("I istiqamət: Dövlət ...", a label of `heading_labels.csv`), else None.
    Where the next column opens on the label's mark, after the letter the edge printed twice ("IV
    istiqamət Qanun ..." | "t: Vətəndaş ..."), the title goes on there: the index after the label."""
    known = heading_labels()
    for size in range(LABEL_WORDS, 0, -1):
        end = i + 1 + size
        if end > len(row):
            continue
        label = " ".join(row[i + 1:end])
        if label[-1] in ".:" and label[:-1].casefold() in known:
            return end
        if label.casefold() in known and following and CLOSING_LABEL.match(following[0]):
            return end
    return None
