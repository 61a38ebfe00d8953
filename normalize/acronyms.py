"""Acronyms a plan defines: a mention "Full Name (ACR)" says that ACR and Full Name are one body.

Matching (:mod:`normalize.matching`) keys every mention text on its own, so a bare "ACR" printed in another
cell had no way to learn the name the plan gave it: "UNDP" and "გაეროს განვითარების პროგრამა (UNDP)",
"INAGE" and "Instituto Nacional de Governo Electrónico (INAGE)" became two agencies. Here each plan's
mentions are read for such definitions, and a bare acronym printed in the same plan is tied to the mention
that defines it (:func:`acronym_ties`); matching then gives the bare acronym that mention's agency, if all the
mentions defining it name one agency (:func:`match_plans`). An acronym the plan prints after two different
bodies names neither: it stays an agency of its own, and its activities are flagged
(:func:`flag_ambiguous_acronyms`).

A bracket holds more than acronyms ("Ministry of Health (WHO)" may name a supporter), so where the name and
the acronym are written in one script the acronym must spell the name: its letters, in order, are the
beginnings of the name's words (:func:`spells`). A name in another script than its Latin acronym is tied as
printed: the plan itself says they are one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from normalize.registry import Registry, name_key

if TYPE_CHECKING:
    from normalize.matching import AgencyMatch
    from normalize.plan import Plan

AMBIGUOUS_FLAG = "agency_acronym_ambiguous"
"""The flag of an activity naming, by a bare acronym, a body the plan's definitions do not settle."""

_TOKEN = re.compile(r"^[^\W\d_][^\W_]{1,11}$")
_BRACKETED = re.compile(r"\([^()]*\)")
_DEFINITION = re.compile(r"^(?P<name>.*\S)\s*\(\s*(?P<acronym>[^()]+?)\s*\)$", re.DOTALL)


@lru_cache(maxsize=65536)
def acronym_key(text: str) -> str:
    """The key of ``text`` if it is one acronym ("UNDP" -> "undp", "MoF" -> "mof", "CSOs" -> "cso"), else "".

    An acronym is one word of letters and digits opening on a capital letter and holding at least two
    capitals, more capitals than small letters; a small "s" closing it after a capital is the plural.
    """
    word = text.strip()
    if not _TOKEN.match(word) or not word[0].isupper():
        return ""
    if len(word) > 2 and word[-1] == "s" and word[-2].isupper():
        word = word[:-1]
    upper = sum(ch.isupper() for ch in word)
    lower = sum(ch.islower() for ch in word)
    return word.casefold() if upper >= 2 and upper > lower else ""


def _script(text: str) -> str:
    """The script of the first letter of ``text`` ("LATIN", "CYRILLIC", "GEORGIAN"...), "" if it has none."""
    letter = next((ch for ch in text if ch.isalpha()), "")
    return unicodedata.name(letter, "").split(" ")[0] if letter else ""


@lru_cache(maxsize=65536)
def spells(acronym: str, name: str, least: int = 2) -> bool:
    """Whether the acronym key spells the name: its letters, in order, are the beginnings of the name's words
    (any word may give none, as "of" in "mof" of "Ministry of Finance" gives one), the first from the name's
    first word, from `least` words at least (two, or as many as the name has). "inage" spells "Instituto Nacional de
    Governo Electrónico" (I-NA-G-E); "who" does not spell "Ministry of Health"."""
    words = name_key(_BRACKETED.sub(" ", name)).split()
    needed = min(least, len(words))

    @lru_cache(maxsize=None)
    def fits(start: int, word: int, used: int) -> bool:
        if start == len(acronym):
            return used >= needed
        if word == len(words):
            return False
        text = words[word]
        if word > 0 and fits(start, word + 1, used):
            return True
        longest = 0
        while longest < len(text) and start + longest < len(acronym) and text[longest] == acronym[start + longest]:
            longest += 1
        return any(fits(start + size, word + 1, used + 1) for size in range(longest, 0, -1))

    return bool(words) and bool(acronym) and fits(0, 0, 0)


@lru_cache(maxsize=65536)
def definition(text: str) -> tuple[str, str] | None:
    """(acronym key, name) when the mention names a body and its acronym, "Full Name (ACR)", and the
    acronym may be that name's: it spells the name, or the name is in another script than the acronym."""
    found = _DEFINITION.match(text.strip())
    if not found:
        return None
    name, acronym = found.group("name").strip(), acronym_key(found.group("acronym"))
    if not acronym or not name_key(name) or acronym_key(name):
        return None
    same_script = _script(name) == _script(found.group("acronym"))
    if same_script and not spells(acronym, name):
        return None
    if not same_script and _script(found.group("acronym")) != "LATIN":
        return None
    return acronym, name


def acronym_ties(plans: Iterable[Collection[str]]) -> dict[str, frozenset[str]]:
    """Each bare acronym mention -> the mentions that define it in the plans that print it ("UNDP" ->
    {"გაეროს განვითარების პროგრამა (UNDP)"}); ``plans`` holds the mention texts of each plan. A definition
    counts only in the plan that prints it: another plan's "ACR" may be another body."""
    ties: dict[str, set[str]] = defaultdict(set)
    for mentions in plans:
        defined: dict[str, set[str]] = defaultdict(set)
        for mention in mentions:
            found = definition(mention)
            if found:
                defined[found[0]].add(mention)
        for mention in mentions:
            key = acronym_key(mention)
            if key in defined:
                ties[mention] |= defined[key]
    return {mention: frozenset(defining) for mention, defining in ties.items()}


def match_plans(plans: Sequence[Plan], registry: Registry) -> tuple[list[Plan], dict[str, AgencyMatch]]:
    """The agency of every mention text of the plans, matched together (:func:`match_mentions`), each bare
    acronym given the agency of the mentions defining it in its plans; and the plans, an activity naming a
    body by an acronym defined for several flagged."""
    from normalize.matching import match_mentions  # matching spells acronyms with this module

    by_plan = [{m.text for activity in plan.activities for m in activity.mentions} for plan in plans]
    texts, ties = sorted(set().union(*by_plan)), acronym_ties(by_plan)
    matches = dict(zip(texts, match_mentions(texts, registry, ties)))
    return flag_ambiguous_acronyms(plans, ambiguous_acronyms(ties, matches)), matches


def ambiguous_acronyms(ties: Mapping[str, Collection[str]], matches: Mapping[str, AgencyMatch]) -> frozenset[str]:
    """The bare acronym mentions whose defining mentions were matched to more than one agency."""
    return frozenset(
        mention for mention, defining in ties.items() if len({matches[m].agency_id for m in defining}) > 1
    )


def flag_ambiguous_acronyms(plans: Sequence[Plan], ambiguous: Collection[str]) -> list[Plan]:
    """The plans with :data:`AMBIGUOUS_FLAG` on every activity that names a body by an ambiguous acronym."""
    if not ambiguous:
        return list(plans)
    return [
        replace(plan, activities=tuple(
            replace(activity, flags=(*activity.flags, AMBIGUOUS_FLAG))
            if any(m.text in ambiguous for m in activity.mentions) and AMBIGUOUS_FLAG not in activity.flags
            else activity
            for activity in plan.activities))
        for plan in plans
    ]
