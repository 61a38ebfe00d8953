"""Agency mentions read again once the whole plan is read: a mention made of names the plan prints apart
elsewhere is cut into them, and two mentions the plan prints elsewhere as one name holding a comma are one
(`normalize.agency_lists` splits each cell by itself; only the whole plan shows these)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from .name_shapes import ends_a_name
from .matching import registry_index
from .name_words import CONJUNCTIONS, COUNTRY_NAMES, FUNCTION_WORDS, NAME_LIMIT
from .registry import Registry, name_key
from .text import CLOSING_QUOTES, OPENING_QUOTES

if TYPE_CHECKING:
    from .plan import Activity, Mention

_WORD = re.compile(r"\S+")


def split_by_names(item: str, names: frozenset[str], registry: Registry) -> list[str]:
    """``item`` cut into names the document prints apart elsewhere (``names``: their `name_key`s) or the
    registry spells so, where it is two or more of them with nothing between but a space or a conjunction;
    one of them may be a name printed nowhere else if it reads whole and opens on a capital: "Treasury
    Australian Taxation Office" where the plan lists "Treasury" alone. A narrow column wraps a list printed
    one name per line where no comma and no room at a line's end tell its items apart; the names the plan
    prints alone do. Otherwise ``[item]``."""
    if len(item) > 2 * NAME_LIMIT:
        return [item]     # (longer than two names: a run of words, not read name by name)
    exact = registry_index(registry).exact
    if name_key(item) in exact:
        return [item]     # (a name the registry spells so is one)
    words = list(_WORD.finditer(item))
    if len(words) < 2:
        return [item]

    def kind_of_part(begin: int, end: int) -> int | None:
        """0: a known name; 1: a whole name printed nowhere else; None: no name (nor a remark in brackets on
        the name before, "(IDFI)", nor after a comma that a series inside a name kept: "Economy, | Trade")."""
        text = item[begin:end]
        if not (text[:1].isalnum() or text[:1] in OPENING_QUOTES) or \
                not (text[-1:].isalnum() or text[-1:] in ")" + CLOSING_QUOTES):
            return None
        key = name_key(text)
        if key in COUNTRY_NAMES:
            return None     # a country's name closes a body's ("Transparency International New Zealand")
        if key and (key in names or key in exact):
            return 0
        words = text.split()
        return 1 if text[:1].isupper() and len(words) > 1 and ends_a_name(words) \
            and name_key(words[0]) not in FUNCTION_WORDS else None

    # The fewest parts (begin, end, kind) covering the words up to each word, by how many unknown parts they
    # hold (at most one). A conjunction may join two known names only ("Ministry of Economy and Sustainable
    # Development" is one name, whatever the registry knows of its start).
    best: dict[tuple[int, int], list[tuple[int, int, int]]] = {(-1, 0): []}
    for end in range(len(words)):
        for start in range(1 if end == len(words) - 1 else 0, end + 1):     # (never the whole item as one part)
            kind = kind_of_part(words[start].start(), words[end].end())
            if kind is None:
                continue
            for unknown in (0, 1):
                if unknown - kind < 0:
                    continue
                before = best.get((start - 1, unknown - kind))
                if before is None and kind == 0 and start > 1 and \
                        name_key(words[start - 1].group()) in CONJUNCTIONS:
                    before = best.get((start - 2, unknown))     # "... Department of the Treasury and Treasury"
                    before = before if before and before[-1][2] == 0 else None
                if before is None:
                    continue
                parts = before + [(words[start].start(), words[end].end(), kind)]
                if (end, unknown) not in best or len(parts) < len(best[end, unknown]):
                    best[end, unknown] = parts
    found = [best[key] for key in ((len(words) - 1, 0), (len(words) - 1, 1)) if key in best and len(best[key]) > 1]
    return [item[begin:end] for begin, end, _ in found[0]] if found else [item]


#: How many times names cut off a mention may cut others in turn (each round cuts at least one mention).
APART_ROUNDS = 5


def apart_by_printed_names(activities: list[Activity], registry: Registry) -> list[Activity]:
    """The activities with each mention that is two or more names the plan prints apart elsewhere cut into
    them (`split_by_names`): a list wrapped one name per line in a narrow column shows no other sign. A name
    so cut off is printed apart too, and may cut another mention: repeated until nothing changes."""
    for _ in range(APART_ROUNDS):
        names = frozenset(name_key(m.text) for a in activities for m in a.mentions)
        changed = []
        for activity in activities:
            mentions: list[Mention] = []
            positions: Counter[str] = Counter()
            for mention in activity.mentions:
                for text in split_by_names(mention.text, names, registry):
                    positions[mention.role] += 1
                    mentions.append(replace(mention, position=positions[mention.role], text=text))
            changed.append(replace(activity, mentions=tuple(mentions)) if len(mentions) > len(activity.mentions)
                           else activity)
        if changed == activities:
            break
        activities = changed
    return together_by_printed_names(activities)


def together_by_printed_names(activities: list[Activity]) -> list[Activity]:
    """The activities with two mentions of one role, side by side, joined where the plan prints them
    elsewhere as one name holding a comma: "Innovation, | Science and Economic Development Canada", parted
    where a line ended after the comma."""
    names = frozenset(name_key(m.text) for a in activities for m in a.mentions if "," in m.text)
    if not names:
        return activities
    changed = []
    for activity in activities:
        mentions: list[Mention] = []
        positions: Counter[str] = Counter()
        for mention in activity.mentions:
            if mentions and mentions[-1].role == mention.role and \
                    name_key(f"{mentions[-1].text}, {mention.text}") in names:
                mentions[-1] = replace(mentions[-1], text=f"{mentions[-1].text}, {mention.text}")
            else:
                positions[mention.role] += 1
                mentions.append(replace(mention, position=positions[mention.role]))
        changed.append(replace(activity, mentions=tuple(mentions)) if len(mentions) < len(activity.mentions)
                       else activity)
    return changed
