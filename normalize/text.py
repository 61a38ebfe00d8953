"""Clean cell text: white space, and words the layout broke at a hyphen ("Non- Governmental", "2020- 2022")."""
from __future__ import annotations

import re

# "Non- Governmental" -> "Non-Governmental", but keep a suspended hyphen ("short- and long-term").
BROKEN_HYPHEN = re.compile(r"(?<=[^\W_])- +(?!(?:and|or|to|and/or)\b)(?=[^\W_])")
SPACE = re.compile(r"\s+")
#: The marks that open an item of a list in a cell ("• Ministry of Justice • Ministry of Finance").
BULLETS = "•●▪◦‣"


def clean_text(text: str) -> str:
    """Fold white space and rejoin hyphenated words split by a line or column edge. Idempotent."""
    text = SPACE.sub(" ", text).strip()
    return BROKEN_HYPHEN.sub("-", text)
