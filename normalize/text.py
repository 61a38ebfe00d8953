"""Clean cell text: white space, and words the layout broke at a hyphen ("Non- Governmental", "2020- 2022")
or at a soft hyphen."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .name_words import CONJUNCTIONS

#: "Non- Governmental" -> "Non-Governmental", but keep a suspended hyphen before a conjunction ("short- and
#: long-term", "Forschungs- und Innovationspolitik": the conjunctions of `normalize/name_words.csv`).
BROKEN_HYPHEN = re.compile(r"(?<=[^\W_])- +(?!(?:%s)\b)(?=[^\W_])"
                           % "|".join(re.escape(word) for word in sorted({"or", "to", "and/or", *CONJUNCTIONS},
                                                                        key=len, reverse=True)))
SPACE = re.compile(r"\s+")
#: A soft hyphen (U+00AD) marks where a word may break; where the layout broke it the line's end follows.
SOFT_HYPHEN = re.compile("\u00ad\\s*")
#: Numbers are not broken across lines: a soft hyphen between two is a dash its producer printed so ("2020-2022").
SOFT_HYPHEN_IN_RANGE = re.compile("(?<=\\d)\u00ad\\s*(?=\\d)")
#: The marks that open an item of a list in a cell ("• Ministry of Justice • Ministry of Finance").
BULLETS = "•●▪◦‣"
#: The marks that open and close a name in quotes ('"Azersu" OJSC', «Атамекен»).
OPENING_QUOTES = "\"'`\u2018\u201c\u201e\u00ab"
CLOSING_QUOTES = "\"'\u2019\u201d\u00bb"

#: Scripts whose letters have case in Unicode but are written without capitals: Georgian (Mkhedruli) has
#: capitals (Mtavruli) that running text never uses.
SCRIPTS_WITHOUT_CAPITALS = ("GEORGIAN",)


@lru_cache(maxsize=4096)
def opens_like_a_capital(letter: str) -> bool:
    """Whether a word opening on ``letter`` opens as a sentence or a name would: a capital, or a letter of a
    script without capitals (Arabic, Chinese, Georgian ...), where no word shows where a sentence starts."""
    if letter.isupper():
        return True
    if not letter.isalpha():
        return False
    if not letter.islower():
        return True     # a letter without case
    return unicodedata.name(letter, "").startswith(SCRIPTS_WITHOUT_CAPITALS)


def clean_text(text: str) -> str:
    """Fold white space and rejoin hyphenated words split by a line or column edge (a soft hyphen's word
    without its hyphen: "исполни\u00ad тельные" -> "исполнительные"). Idempotent."""
    text = SPACE.sub(" ", SOFT_HYPHEN.sub("", SOFT_HYPHEN_IN_RANGE.sub("-", text))).strip()
    return BROKEN_HYPHEN.sub("-", text)
