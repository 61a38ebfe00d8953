"""Which mark a plan parts the items of its agency lists with, learned from all its lists at once.

Most plans part them with commas, and a comma inside a name ("Ministry of Education, Science, Culture and
Sport") is then told from one between names by the words around it (`normalize.agency_lists`). A plan that
parts its items with semicolons or slashes prints its commas inside names only: there a comma parts
nothing, however the words around it read.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

#: A comma, and the other marks a plan may part its list items with, as printed between two items.
COMMA = re.compile(r",\s")
OTHER_SEPARATORS = re.compile(r";\s|\s/\s")
#: How many times a plan must print another separator before its commas are read as parts of names.
SEPARATOR_HABIT = 3


def commas_part_items(texts: Iterable[str]) -> bool:
    """Whether commas part the items of the plan's agency lists (``texts``: the text of its agency and
    partners columns). Not where the plan prints another separator at least SEPARATOR_HABIT times and
    at least as often as a comma: the semicolons and slashes are its separators, the commas inside names."""
    commas = others = 0
    for text in texts:
        commas += len(COMMA.findall(text))
        others += len(OTHER_SEPARATORS.findall(text))
    return not (others >= SEPARATOR_HABIT and others >= commas)
