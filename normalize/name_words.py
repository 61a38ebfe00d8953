"""The vocabulary of agency names and the form in which two spellings are compared.

The words are data (`name_words.csv`, one role per row: function, filler, country, nation, kind, body, generic,
abbreviation, place, head, none, conjunction, article), so a plan from another country adds its own words there.
`name_form` turns one spelling into what matching compares: its key, its distinctive words (generic words
dropped, abbreviations spelled out, plurals made singular), the kinds of body it names and its acronym.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from normalize.registry import name_key

NAME_WORDS_FILE = Path(__file__).with_name("name_words.csv")


@lru_cache(maxsize=1)
def _name_word_rows() -> tuple[tuple[str, str, str], ...]:
    """(word, role, expansion) rows of `name_words.csv`, read once."""
    with NAME_WORDS_FILE.open(encoding="utf-8", newline="") as f:
        return tuple((row["word"], row["role"], row["expansion"] or "") for row in csv.DictReader(f))


def _name_words(role: str) -> list[tuple[str, str]]:
    """(word, expansion) rows of `name_words.csv` with the given role, in file order (data, not code:
    a plan from another country adds its own place words there)."""
    return [(word, expansion) for word, row_role, expansion in _name_word_rows() if row_role == role]


FUNCTION_WORDS = frozenset(word for word, _ in _name_words("function"))
"""Words that never end a complete name: a name cannot be split right after one of them."""

UNFINISHED_WORDS = FUNCTION_WORDS | {word for word, _ in _name_words("filler")}
"""Words a name does not end on: function words, and words that ask for what follows ("... under the
President | of the Republic of ...")."""

FILLER_WORDS = UNFINISHED_WORDS | {word for word, _ in _name_words("country")}
"""Words that only place a body ("... under the President of the Republic of Azerbaijan"); a name may end on a
country's name."""

COUNTRY_WORDS = frozenset(word for word, _ in [*_name_words("country"), *_name_words("nation")])
"""Words of a country's name, a body's name may close on ("Health Canada", "... New Zealand"); those of role
"nation" stay distinctive in matching (a plan of that country names many of its bodies so)."""

COUNTRY_NAMES = frozenset(name_key(word) for word in COUNTRY_WORDS)
"""A country's whole name, of one word or more ("canada", "new zealand"): no body's name by itself."""

KIND_WORDS = tuple(word for word, _ in _name_words("kind"))
"""Generic head words that say what kind of body it is: two different ones mean two different bodies."""

BODY_WORDS = frozenset(KIND_WORDS) | {word for word, _ in _name_words("body")}
"""Words that name a body or say what kind it is ("ministry", "authority", "органы"): a list item holding one
names a body, whatever its case ("central executive authorities", "местные исполнительные органы")."""

GENERIC_WORDS = FILLER_WORDS | BODY_WORDS | {word for word, _ in _name_words("generic")}
"""Words weighed down in fuzzy matching: the remaining, distinctive words decide."""


_LONG_GENERIC_WORDS = tuple(sorted(word for word in GENERIC_WORDS if len(word) >= 7))

ABBREVIATIONS = dict(_name_words("abbreviation"))
"""Short and variant spellings, replaced word by word before fuzzy comparison."""

PLACE_WORDS = tuple(word for word, _ in _name_words("place"))
"""Words that begin a body's placing qualifier ("... under the Ministry of Economy"): the body is named before."""

HEAD_WORDS = frozenset(word for word, _ in _name_words("head"))
"""Capitalised words that start a new name when they follow a complete one without a comma."""

NO_AGENCY = frozenset(name_key(word) for word, _ in _name_words("none"))
"""What a cell prints to say it names no agency ("Not applicable", "N/A", "нет"): no mention is made of it."""

_KIND_OF = {word: expansion or word for word, expansion in _name_words("kind")}
_KIND_ORDER = list(dict.fromkeys(_KIND_OF.values()))
KIND_BIT = {word: 1 << _KIND_ORDER.index(kind) for word, kind in _KIND_OF.items()}
"""One bit for each kind of body; a kind's words in other languages share its bit (``expansion`` names the kind)."""
_PARENTHESIS = re.compile(r"\([^()]*\)")
_ACRONYM = re.compile(r"^([A-Z][A-Z0-9]{2,7})s?$")  # a small "s" closing it is its plural: "CSOs"
CONJUNCTIONS = tuple(word for word, _ in _name_words("conjunction"))
"""Words joining two names in a list ("and", "и", "və"): "<name> and <category>" splits there."""

ARTICLES = frozenset(word for word, _ in _name_words("article"))
"""Articles that open a noun phrase ("les", "los", "the"): a line opening on one opens a name, never goes on
with the line before ("... (FNCT) | les communes")."""

LEGAL_FORMS = frozenset(name_key(word) for word, _ in _name_words("form"))
"""A company's legal form that closes its name after a comma ("Procurement Watch, Inc."): never an item of its own."""

#: No agency name is longer (in letters): a longer item is a run of names or prose, never one registry name.
NAME_LIMIT = 500


@dataclass(frozen=True)
class NameForm:
    """What matching compares: the key and its words, sorted distinctive words, kind-of-body bits, acronym."""

    key: str
    words: tuple[str, ...]
    distinctive: str
    whole: str
    kinds: int
    acronym: str


def _stem(word: str) -> str:
    """A crude singular: "authorities" -> "authority", "organizations" -> "organization"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, ...]:
    """One key word as compared: abbreviation spelled out, singular, a one-letter typo of a long generic word fixed."""
    out: list[str] = []
    for part in ABBREVIATIONS.get(word, word).split():
        part = _stem(part)
        if part not in GENERIC_WORDS and len(part) >= 6:
            typo = process.extractOne(part, _LONG_GENERIC_WORDS, scorer=Levenshtein.distance, score_cutoff=1)
            part = typo[0] if typo else part
        out.append(part)
    return tuple(out)


def spelled_out(word: str) -> tuple[str, ...]:
    """One key word with its abbreviation spelled out, singular, and no typo fixed: the word as printed, for
    telling the word for a kind of body ("Services" -> "service"; "xidmət" stays itself)."""
    return tuple(_stem(part) for part in ABBREVIATIONS.get(word, word).split())


def expand_words(words: Iterable[str]) -> list[str]:
    """Key words as compared (see :func:`_word`)."""
    return [part for word in words for part in _word(word)]


def holds_body_word(text: str) -> bool:
    """Whether ``text`` holds a word that names a body or its kind, in any case and language ("Ministry",
    "органы", "zavod", "министрлігі": the body and kind words of ``name_words.csv``)."""
    return any(part in BODY_WORDS for part in expand_words(name_key(text).split()))


def is_generic(words: Iterable[str]) -> bool:
    """True when no word is distinctive."""
    return all(word in GENERIC_WORDS for word in expand_words(words))


@lru_cache(maxsize=65536)
def name_form(text: str) -> NameForm:
    """The comparison form of one spelling (cached: every spelling is keyed once)."""
    key = name_key(text)
    plain = (name_key(_PARENTHESIS.sub(" ", text)) if "(" in text else key) or key
    expanded = expand_words(plain.split())
    kinds = 0
    for word in expanded:
        kinds |= KIND_BIT.get(word, 0)
    stripped = text.strip()
    acronym = plural.group(1).lower() if (plural := _ACRONYM.match(stripped)) else ""
    distinctive = " ".join(sorted(word for word in expanded if word not in GENERIC_WORDS))
    whole = " ".join(word for word in expanded if word not in FILLER_WORDS)
    if len(text) > NAME_LIMIT:     # longer than any name: compared with none (and no quadratic fuzzy scoring)
        distinctive = whole = ""
    return NameForm(key, tuple(key.split()), distinctive, whole, kinds, acronym)


def strip_placing(words: Sequence[str]) -> list[str]:
    """The words before a placing qualifier ("under ...", "near ...": :data:`PLACE_WORDS`) and before trailing
    filler words ("of the Republic of Azerbaijan")."""
    words = list(words)
    for stop in PLACE_WORDS:
        if stop in words[1:]:
            words = words[: words.index(stop, 1)]
    while len(words) > 1 and words[-1] in FILLER_WORDS:
        words.pop()
    return words


@lru_cache(maxsize=65536)
def name_initials(text: str) -> frozenset[str]:
    """Acronyms a name could have: initials of its non-function words, with and without its placing qualifier."""
    words = name_key(_PARENTHESIS.sub(" ", text)).split()
    if len(words) < 2:
        return frozenset()
    found = {"".join(w[0] for w in candidate if w not in FUNCTION_WORDS) for candidate in (words, strip_placing(words))}
    return frozenset(initials for initials in found if len(initials) >= 3)
