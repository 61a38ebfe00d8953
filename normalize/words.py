"""The document's own vocabulary, and rejoining a word that a column edge cut in two.

A header row spanning the table was cut at the column edges; a character straddling an edge landed in
both columns ("impro" + "ove"). Which reading is right is decided by the words the document uses
elsewhere: the rejoined word should be one of them, and a half on its own should not.
"""
from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from extract.vocabulary import COMBINING_DOT, heading_labels

from .name_words import CONJUNCTIONS

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
PHRASE_WORDS_FILE = Path(__file__).with_name("phrase_words.csv")
#: A word broken at a hyphen where a line ended ("moni- toring", "anti- corruption"); a hyphen before a
#: function word is a suspended one ("short- and long-term"), told apart in `rejoin_line_breaks`.
_LINE_BROKEN = re.compile(r"(?<![^\W_])([^\W\d_]+)- +([^\W\d_][^\W_]*)")


def _phrase_words(kind: str) -> frozenset[str]:
    """The words of `phrase_words.csv` of one kind, in every language the file holds (data, not code: a plan
    in another language adds its own words there)."""
    with PHRASE_WORDS_FILE.open(encoding="utf-8", newline="") as f:
        return frozenset(row["word"].casefold() for row in csv.DictReader(f) if row["kind"] == kind)


#: Words after which a phrase cannot end: a cut right after one of them is mid-phrase.
FUNCTION_WORDS = _phrase_words("function")
#: Words of any text in the plan's language, however rarely a document uses them: a cut that makes one is
#: a cut word.
COMMON_WORDS = FUNCTION_WORDS | _phrase_words("common")


#: A letter the document prints alone this many times is a word of its language ("i", and, in Croatian).
LETTER_WORD_USES = 3
#: A lone lower-case letter after a word ("поступивши х обращений"): where the letter is no word by itself, the
#: end of a word a line broke without a hyphen (`rejoin_line_breaks`).
_LONE_LETTER = re.compile(r"(?<![^\W_])([^\W\d_]{2,}) ([^\W\d_])(?![^\W_]|['’-])")


#: Words that open a compound with a hyphen ("anti-corruption", "self-governing", "e-services").
HYPHEN_PREFIXES = _phrase_words("prefix")

#: The letters that are words by themselves ("a", "I", "и", "в"); any other lone letter is a piece of a cut word.
SINGLE_LETTER_WORDS = frozenset(word for word in COMMON_WORDS if len(word) == 1)
#: What may close a word: a cut word's second half keeps it ("energ" + "y,").
CLOSING_PUNCTUATION = ",.;:)»”\"'"


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def fold(word: str) -> str:
    """A word case-folded so that its capitalised and lower-case forms are one ("İctimai", "ictimai")."""
    return word.casefold().replace(COMBINING_DOT, "")


#: The words of the headings' labels (`heading_labels.csv`): words of any plan, printed whole or not ("1 užda"
#: | "avinys. Didinti ...", a label an edge cuts alike in each heading).
HEADING_LABEL_WORDS = frozenset(fold(word) for label in heading_labels() for word in label.split())
#: The words a cut may make whatever the document prints: the words of any text and the headings' labels.
WORDS_OF_ANY_PLAN = COMMON_WORDS | HEADING_LABEL_WORDS


@lru_cache(maxsize=65536)
def word_core(token: str) -> str:
    """A token's word without the punctuation around it, case-folded ("Implementers:" -> "implementers")."""
    match = WORD.search(token)
    return fold(match.group(0)) if match else fold(token)


@dataclass(frozen=True)
class Vocabulary:
    """How often the document uses each word (case-folded, hyphenated words also counted by part), and
    which letter sequences its words are made of (letter trigrams, `^` and `$` marking a word's ends)."""

    counts: Counter[str]
    trigrams: Counter[str]
    bigrams: Counter[str]
    #: How often each word is a half of a word broken at a hyphen where a line ended ("moni- toring").
    broken: Counter[str] = field(default_factory=Counter)
    #: How often each word opens a text (a cell's fragment): where a column edge may have cut it.
    openings: Counter[str] = field(default_factory=Counter)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        texts = list(texts)
        keys = [fold(word) for text in texts for word in words_of(text)]
        keys += [part for key in keys if "-" in key for part in key.split("-") if part]
        counts = Counter(keys)
        marked = [f"^^{word}$" for word in counts if word.isalpha()]
        # Counter.update over one generator counts in C: far cheaper than a Python loop over letters.
        trigrams = Counter(m[i: i + 3] for m in marked for i in range(len(m) - 2))
        bigrams = Counter(m[i: i + 2] for m in marked for i in range(len(m) - 2))
        broken = Counter(fold(half) for text in texts if "- " in text
                         for match in _LINE_BROKEN.finditer(text) for half in match.groups())
        openings = Counter(fold(match.group(0)) for text in texts if (match := WORD.search(text)))
        return cls(counts, trigrams, bigrams, broken, openings)

    def used_elsewhere(self, word: str) -> bool:
        """Whether the document uses ``word`` (case-folded) other than as half of a word a line broke."""
        return self.counts[word] > self.broken[word]

    def only_opens(self, word: str) -> bool:
        """Whether the document prints `word` only at the opening of a text, where a column edge may have cut
        it: a heading's label cut alike in each heading ("užda" | "avinys.") is no word of its own there."""
        key = word_core(word)
        return self.counts.get(key, 0) <= self.openings.get(key, 0)

    def by_ends(self) -> dict[tuple[str, str], list[str]]:
        """The words by their first two and last two letters (built once)."""
        if "_by_ends" not in self.__dict__:
            index: dict[tuple[str, str], list[str]] = {}
            for w in self.counts:
                index.setdefault((w[:2], w[-2:]), []).append(w)
            object.__setattr__(self, "_by_ends", index)
        return self.__dict__["_by_ends"]

    def letter_odds(self, context: str, letter: str) -> float:
        """log P(letter | the two letters before it), smoothed."""
        return math.log((self.trigrams[context + letter] + 0.1) / (self.bigrams[context] + 3.0))

    def junction_odds(self, left: str, right: str, doubled: bool = False) -> float:
        """How much likelier (log odds) the document's spelling makes `left` + `right` one word than two.

        With `doubled`, the one word is `left` without its last letter, which the cut showed twice.
        """
        left, right = "^^" + fold(left), fold(right) + "$"
        apart = self.letter_odds(left[-2:], "$") + self.letter_odds("^^", right[0]) + \
            self.letter_odds("^" + right[0], right[1])
        stem = left[:-1] if doubled else left
        joined = self.letter_odds(stem[-2:], right[0]) + self.letter_odds(stem[-1] + right[0], right[1])
        return joined - apart

    def ends_and_begins_words(self, left: str, right: str) -> bool:
        """Whether other words of the document end with the last two letters of `left` and begin with the
        first two of `right` ("-ие" and "за-" do; no word begins "kç-")."""
        left, right = fold(left), fold(right)
        ending, beginning = left[-2:] + "$", "^" + right[:2]
        return self.trigrams[ending] > (left in self.counts) and self.trigrams[beginning] > (right in self.counts)

    def begins_as_words(self, word: str) -> bool:
        """Whether other words of the document begin with the first two letters of `word`."""
        key = fold(word)
        return self.trigrams["^" + key[:2]] > (key in self.counts)

    def letter_is_word(self, letter: str) -> bool:
        """Whether a lone letter (case-folded) is a word: of any text ("в", "a"), or of this document's
        language, which prints it alone again and again ("i", and, in Croatian)."""
        return letter in SINGLE_LETTER_WORDS or self.counts.get(letter, 0) >= LETTER_WORD_USES

    def count(self, word: str, excluding: Iterable[str] = ()) -> int:
        """How often the document uses `word` (its letters, without surrounding punctuation)."""
        key = word_core(word)
        if len(key) == 1 and not self.letter_is_word(key):
            return 0            # a lone letter is the piece of a cut word, unless the plan prints it as a word
        return self.counts.get(key, 0) - sum(1 for other in excluding if word_core(other) == key)

    def closest(self, word: str, excluding: Iterable[str] = ()) -> str | None:
        """The document word one edit from `word` that begins and ends as it does, if there is one.

        ("financiong" -> "financing"; "customer" is not taken for "customs".)
        """
        key = fold(word)
        if len(key) < 6:
            return None
        candidates = [w for w in self.by_ends().get((key[:2], key[-2:]), ())
                      if abs(len(w) - len(key)) <= 1 and self.count(w, excluding) > 0]
        found = process.extractOne(key, candidates, scorer=Levenshtein.distance, score_cutoff=1)
        return found[0] if found else None


#: How sure a rejoined word is, strongest first: the document uses it; it is one edit from a word the
#: document uses; neither half is a word of the document; one half is, but the letters run on as one word.
KNOWN, NEAR_KNOWN, FRAGMENTS, RUN_ON = 4, 3, 2, 1
#: Log odds the letters at a cut must give "one word" before a known word is taken as half of a cut one.
JOIN_ODDS = 2.0
#: Letters each half must have before the letters at a cut can make two words of two halves the document
#: does not use ("проце" + "сс" is too short a half to be a word of its own).
WHOLE_WORD_LETTERS = 4


def rejoin(left: str, right: str, vocabulary: Vocabulary) -> tuple[str, int] | None:
    """`rejoin_uncached`, remembered per document (the header search asks about the same cuts often)."""
    cache = vocabulary.__dict__.setdefault("_rejoined", {})
    key = (left, right)
    if key not in cache:
        cache[key] = rejoin_uncached(left, right, vocabulary)
    return cache[key]


def rejoin_uncached(left: str, right: str, vocabulary: Vocabulary) -> tuple[str, int] | None:
    """The word `left` + `right` make when a column edge cut one word in two, with how sure that is.

    `left` is the last word before the edge, `right` the first after it. A character straddling the edge
    may stand on both sides ("impro" + "ove" = "improve", "in" + "n" = "in"). The strength is KNOWN when
    the document uses the rejoined word elsewhere, NEAR_KNOWN when it is one edit from such a
    word, FRAGMENTS when neither half is a word of the document, RUN_ON when one half is but the letters
    run on as in the document's words. None: two words.
    """
    if len(left) > 1 and len(right) > 1 and (left[-1] == "-" and right[0].isalpha() and left[-2].isalpha()
                                             or left[-1].isalpha() and right[0] == "-"):
        # A hyphenated word cut at its hyphen ("state-" + "owned", "self" + "-governance"; not a year's range
        # cut at its dash before the next column's word, "2025-" | "Açıq").
        return left + right, NEAR_KNOWN
    if not (left and right and left[-1].isalpha() and right[0].isalpha()):
        return None
    pieces = list(WORD.finditer(left))
    if len(pieces) > 1:
        # Words joined by a mark ("ATR/BPN", "kabupaten/kota"): the edge cut the last of them only.
        joined = rejoin_uncached(left[pieces[-1].start():], right, vocabulary)
        return (left[:pieces[-1].start()] + joined[0], joined[1]) if joined else None
    bare = right.rstrip(CLOSING_PUNCTUATION)
    if bare != right and WORD.fullmatch(bare) and bare[0].islower():
        # The second half carries the word's closing punctuation ("energ" + "y," is "energy,").
        joined = rejoin_uncached(left, bare, vocabulary)
        return (joined[0] + right[len(bare):], joined[1]) if joined else None
    if not WORD.fullmatch(right) or right[0].isupper() and not right.isupper() and not left[-1].isupper() \
            or len(left) > 1 and left.isupper() and not right.isupper() and right != "s":
        # Only a bare word can continue a cut one ("Implementers:" or "Azerbaijan," cannot), the second half
        # of a cut word does not start with a capital, and a word in capitals goes on in capitals ("FIN" +
        # "ANCAT", never "FIN" + "Trajnimi"; an acronym's plural "s" aside, "CSO" + "s").
        return None
    here = (left, right)
    plain = left + right
    doubled = left[:-1] + right if left[-1].casefold() == right[0].casefold() else None
    if doubled and (vocabulary.count(doubled, here) > 0 or fold(doubled) in WORDS_OF_ANY_PLAN):
        # A lone letter before a word starting with it ("o" + "of") is weak evidence: any word would do.
        return doubled, KNOWN if len(left) > 1 else FRAGMENTS
    if vocabulary.count(plain, here) > 0 or fold(plain) in WORDS_OF_ANY_PLAN:
        return plain, KNOWN
    # A common word is a word of any document, however rarely this one uses it ("public" + "about").
    left_known = vocabulary.count(left, here) > 0 or left.casefold() in COMMON_WORDS
    right_known = vocabulary.count(right, here) > 0 and not vocabulary.only_opens(right) \
        or right.casefold() in COMMON_WORDS
    if doubled and right_known and right[:1].casefold() == right[1:2].casefold() \
            and not vocabulary.begins_as_words(right):
        # "Бюджет" + "ттик": the straddling letter shows twice, opening the second half on a letter doubled
        # as no other word of the document begins; that half is a word only where the edges cut other words
        # so ("мамлекет" + "ттик"), no evidence of a word of its own.
        right_known = right.casefold() in COMMON_WORDS
    if left_known and right_known:
        return None
    for candidate in (doubled, plain):
        if candidate:
            near = vocabulary.closest(candidate, here)
            if near:
                return (left[0] + near[1:] if left[0].isupper() else near), NEAR_KNOWN
    if left_known or right_known:
        # One half is a word the document uses: two words, unless the letters at the cut run on as in the
        # document's words and not as its words end and begin ("exp" + "and" is one word, "about" + "open"
        # two).
        odds = []
        if left.casefold() not in FUNCTION_WORDS:   # "of" + "finances" is two words, "satisfacti" + "on" one
            odds.append((vocabulary.junction_odds(left, right), plain))
        if doubled:
            # "in" + "nforming": the straddling letter shows twice; the half after it cannot start a word. A long
            # second half that is a word of the document ("expand" + "digital") must run on all the more.
            penalty = JOIN_ODDS if right_known and len(right) >= WHOLE_WORD_LETTERS else 0.0
            odds.append((vocabulary.junction_odds(left, right, doubled=True) - penalty, doubled))
        best = max(odds, default=None)
        return (best[1], RUN_ON) if best and best[0] >= JOIN_ODDS else None
    if min(len(left), len(right)) >= WHOLE_WORD_LETTERS and not (
            doubled and vocabulary.junction_odds(left, right, doubled=True) > -JOIN_ODDS):
        # Neither half is a word the document uses, but both are long and the letters at the cut end and begin
        # words, as the document's words do ("Противодействие" + "закупках"): in a language whose words take
        # many endings, most words are printed once.
        odds = vocabulary.junction_odds(left, right)
        if odds <= -JOIN_ODDS or odds <= 0 and vocabulary.ends_and_begins_words(left, right):
            return None
    if doubled and vocabulary.junction_odds(left, right) > vocabulary.junction_odds(left, right, doubled=True):
        return plain, FRAGMENTS     # the letter is printed twice in the word ("maliy" + "yəsinin")
    return doubled or plain, FRAGMENTS


def join_cut_word(left: str, right: str, vocabulary: Vocabulary) -> str | None:
    """Just the rejoined word of `rejoin`, or None for two words."""
    joined = rejoin(left, right, vocabulary)
    return joined[0] if joined else None



def rejoin_line_breaks(text: str, vocabulary: Vocabulary) -> str:
    """Words a typesetter broke at a line's end made whole: "moni- toring" -> "monitoring" where the
    document writes "monitoring" elsewhere, or where the break makes no compound. A compound stays
    hyphenated ("anti- corruption" is left for :func:`~normalize.text.clean_text`, which makes it
    "anti-corruption") where the document writes it with its hyphen elsewhere, its first part is a prefix
    that takes one (`HYPHEN_PREFIXES`), or both parts are words the document uses elsewhere ("state- owned").
    A word broken without a hyphen before its last letter ("поступивши х", where the letter is no word by
    itself) is made whole where the document prints the whole word elsewhere ("поступивших")."""
    def joined(match: re.Match[str]) -> str:
        first, second = fold(match.group(1)), fold(match.group(2))
        if not match.group(2)[0].islower() or second in FUNCTION_WORDS or second in CONJUNCTIONS:
            return match.group(0)
        compound = vocabulary.counts[f"{first}-{second}"] or first in HYPHEN_PREFIXES or \
            all(vocabulary.used_elsewhere(half) or half in COMMON_WORDS for half in (first, second))
        if vocabulary.counts[first + second] or not compound:
            return match.group(1) + match.group(2)
        return match.group(0)
    def glued(match: re.Match[str]) -> str:
        letter = match.group(2)
        whole = fold(match.group(1) + letter)
        if letter.islower() and not vocabulary.letter_is_word(fold(letter)) and vocabulary.counts[whole]:
            return match.group(1) + letter
        return match.group(0)
    text = _LINE_BROKEN.sub(joined, text) if "- " in text else text
    return _LONE_LETTER.sub(glued, text)
