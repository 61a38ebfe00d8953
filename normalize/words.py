"""The document's own vocabulary, and rejoining a word that a column edge cut in two.

A header row spanning the table was cut at the column edges; a character straddling an edge landed in
both columns ("impro" + "ove"). Which reading is right is decided by the words the document uses
elsewhere: the rejoined word should be one of them, and a half on its own should not.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
#: Words after which a phrase cannot end: a cut right after one of them is mid-phrase.
FUNCTION_WORDS = frozenset(
    "a an the of to in on for with by and or as at from into via under over than that which who whose "
    "its their his her this these those such".split()
)


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def word_core(token: str) -> str:
    """A token's word without the punctuation around it, case-folded ("Implementers:" -> "implementers")."""
    match = WORD.search(token)
    return match.group(0).casefold() if match else token.casefold()


@dataclass(frozen=True)
class Vocabulary:
    """How often the document uses each word (case-folded, hyphenated words also counted by part)."""

    counts: Counter[str]

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        counts: Counter[str] = Counter()
        for text in texts:
            for word in words_of(text):
                key = word.casefold()
                counts[key] += 1
                if "-" in key:
                    counts.update(part for part in key.split("-") if part)
        return cls(counts)

    def count(self, word: str, excluding: Iterable[str] = ()) -> int:
        """How often the document uses `word` (its letters, without surrounding punctuation)."""
        key = word_core(word)
        return self.counts.get(key, 0) - sum(1 for other in excluding if word_core(other) == key)

    def closest(self, word: str, excluding: Iterable[str] = ()) -> str | None:
        """The document word one edit from `word` that begins and ends as it does, if there is one.

        ("financiong" -> "financing"; "customer" is not taken for "customs".)
        """
        key = word.casefold()
        if len(key) < 6:
            return None
        candidates = [w for w in self.counts if abs(len(w) - len(key)) <= 1 and w[:2] == key[:2]
                      and w[-2:] == key[-2:] and self.count(w, excluding) > 0]
        found = process.extractOne(key, candidates, scorer=Levenshtein.distance, score_cutoff=1)
        return found[0] if found else None


KNOWN, NEAR_KNOWN, GUESSED = 3, 2, 1


def rejoin(left: str, right: str, vocabulary: Vocabulary) -> tuple[str, int] | None:
    """The word `left` + `right` make when a column edge cut one word in two, with how sure that is.

    `left` is the last word before the edge, `right` the first after it. A character straddling the edge
    may stand on both sides ("impro" + "ove" = "improve", "in" + "n" = "in"). The strength is KNOWN when
    the document uses the rejoined word elsewhere, NEAR_KNOWN when it is one or two edits from such a
    word, GUESSED when neither half is a word of the document. None: two words.
    """
    if len(left) > 1 and len(right) > 1 and (left[-1] == "-" and right[0].isalpha()
                                             or left[-1].isalpha() and right[0] == "-"):
        # A hyphenated word cut at its hyphen ("state-" + "owned", "self" + "-governance").
        return left + right, NEAR_KNOWN
    if not (left and right and left[-1].isalpha() and right[0].isalpha()):
        return None
    if not WORD.fullmatch(right):
        # Only a bare word can continue a cut one ("Implementers:" or "Azerbaijan," cannot).
        return None
    here = (left, right)
    plain = left + right
    doubled = left[:-1] + right if left[-1].casefold() == right[0].casefold() else None
    if doubled and vocabulary.count(doubled, here) > 0:
        return doubled, KNOWN
    if vocabulary.count(plain, here) > 0:
        return plain, KNOWN
    if vocabulary.count(left, here) > 0 or vocabulary.count(right, here) > 0:
        # One half is a word the document uses and neither joined form is: two words.
        return None
    for candidate in (doubled, plain):
        if candidate:
            near = vocabulary.closest(candidate, here)
            if near:
                return (left[0] + near[1:] if left[0].isupper() else near), NEAR_KNOWN
    return doubled or plain, GUESSED


def join_cut_word(left: str, right: str, vocabulary: Vocabulary) -> str | None:
    """Just the rejoined word of `rejoin`, or None for two words."""
    joined = rejoin(left, right, vocabulary)
    return joined[0] if joined else None
