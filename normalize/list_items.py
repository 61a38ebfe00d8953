"""One item of an agency list, no separator inside it, into the names it holds: a known name stays whole, a
category joined at its end ("... and relevant state agencies") is cut off, and a second name that follows a
complete one is cut apart (:func:`split_item`); with the trims of a list's pieces the splitter shares.
"""
from __future__ import annotations

import re

from normalize.registry import Registry, name_key

from .acronyms import acronym_key, definition, spells
from .matching import registry_index
from .name_shapes import (closes_on_kind, complete_span, known_kind, names_body, opens_named_body, spelled_as_known,
                          starts_name)
from .name_words import CONJUNCTIONS, HEAD_WORDS, NAME_LIMIT

_WORD = re.compile(r"\S+")
_EDGE_JUNK = " \t\r\n,;:./-\u2013\u2014\u2022\u00b7*"
#: A conjunction between two words ("and", "и", "və"; data in `name_words.csv`).
AND = re.compile(
    r"\s+(?:" + "|".join(map(re.escape, CONJUNCTIONS)) + r")\s+" if CONJUNCTIONS else r"(?!)", re.IGNORECASE
)


def too_short_for_a_name(previous: str, piece: str, registry: Registry) -> bool:
    """Whether ``piece``, after the name ``previous``, is too little to be a name of its own: the word for a
    kind alone ("Personal Data Protection | Service"), or a head word and one word where neither side is a
    known name ("Government for Citizens | State Corporation", "Kyiv City | State Administration"; but
    "Ministry of Finance | State Treasury", and after a name closing on its kind "Competition Council | State
    Chancellery"; a head word that names the kind makes a name with one word:
    "Министерство финансов"). Two words are like many a name, so only the registry's own spelling counts."""
    words = piece.split()
    if len(words) == 1:
        return closes_on_kind(words[0]) and known_kind(piece, registry) is None
    return len(words) == 2 and name_key(words[0]) in HEAD_WORDS and not closes_on_kind(words[0]) and \
        not spelled_as_known(piece, registry) and known_kind(previous, registry) is None and \
        not closes_on_kind(_last_word(previous, 0, len(previous)))


def named_whole_by_acronym(name: str) -> bool:
    """Whether ``name`` closes on an acronym in brackets (:func:`normalize.acronyms.definition`) that spells
    it part by part, each part after a comma or a conjunction opening a letter of its own: it is one name
    ("Ministries, Departments and Agencies (MDAs)"; but "Ministry of Justice and Ministry of Interior (MoI)"
    is two, and so is "Kementerian Energi dan Sumber Daya Mineral | Komisi Pemberantasan Korupsi (KPK)")."""
    defined = definition(name)
    if defined is None:
        return False
    acronym, spelled = defined
    parts = [part for part in re.split(r",|" + AND.pattern, spelled, flags=re.I) if part.strip()]
    return len(parts) > 1 and _spelled_part_by_part(acronym, tuple(parts))


def _spelled_part_by_part(acronym: str, parts: tuple[str, ...], least: int = 2) -> bool:
    """Whether the acronym is, in order, a spelling of each part (:func:`normalize.acronyms.spells`); a part
    after the first may give one letter only ("Derecho, Ambiente y Recursos Naturales (DAR)") and spells from
    its first capital, the words in lower case before it qualifying the name ("..., chargé des Relations avec
    les Institutions (MJDHRI)")."""
    if len(parts) == 1:
        return spells(acronym, parts[0], least)
    return any(spells(acronym[:size], parts[0], least) and _spelled_part_by_part(acronym[size:], (
        _from_first_capital(parts[1]), *parts[2:]), least=1) for size in range(1, len(acronym) - len(parts) + 2))


def _from_first_capital(part: str) -> str:
    """A part of a name from its first capitalised word on (the whole part if none)."""
    words = part.split()
    first = next((k for k, word in enumerate(words) if word[:1].isupper()), 0)
    return " ".join(words[first:])


def as_written(piece: str) -> str:
    """A piece as one line: a name that a line's end ran through reads with a space there."""
    return re.sub(r"[ \t]*\n\s*", " ", piece) if "\n" in piece else piece


def strip_span(text: str, begin: int, end: int) -> tuple[int, int]:
    """The span [begin, end) of ``text`` without the list's edge junk at either side."""
    while begin < end and text[begin] in _EDGE_JUNK:
        begin += 1
    while end > begin and text[end - 1] in _EDGE_JUNK and not _closes_abbreviation(text, begin, end):
        end -= 1
    return begin, end


def _closes_abbreviation(text: str, begin: int, end: int) -> bool:
    """Whether the dot ending text[begin:end] closes an abbreviation with a dot inside it ("e.V.", "S.A.")."""
    if text[end - 1] != ".":
        return False
    start = end - 1
    while start > begin and not text[start - 1].isspace():
        start -= 1
    word = text[start:end - 1]
    return "." in word and word[-1:].isalpha()


def split_item(item: str, registry: Registry) -> list[str]:
    """One comma-free item as one or more mentions.

    A known name stays whole. Otherwise a category joined by a conjunction at the end ("... and relevant
    state agencies") is cut off, and the item is cut before the first word that starts a second name after a
    complete first one. The item is walked once, by offsets: a long run of names costs linear time.
    """
    if named_whole_by_acronym(item):
        return [item]
    heads: list[str] = []
    tails: list[str] = []           # categories cut off the end, last first
    begin, end = 0, len(item)
    while begin < end:
        known = end - begin <= NAME_LIMIT and known_kind(item[begin:end], registry) is not None
        if known and spelled_as_known(item[begin:end], registry):
            break
        category = None if known else _category_at_end(item, begin, end, registry)
        if category is not None:
            begin, end, right = category
            tails.append(right)
            continue
        cut = _second_name_start(item, begin, end, registry)
        if cut is None or known and known_kind(item[begin:cut[0]], registry) is None \
                and known_kind(item[cut[1]:end], registry) is None:
            # (A name known only by likeness stays whole unless one side of the cut is a known name of its
            # own: "Ministry of Digital Development and Transport and State Tax Service" is like the first.)
            break
        heads.append(item[begin:cut[0]])
        begin = cut[1]
    if begin < end:
        heads.append(item[begin:end])
    return heads + tails[::-1]


def _category_at_end(item: str, begin: int, end: int, registry: Registry) -> tuple[int, int, str] | None:
    """(span of the name before, the category) when item[begin:end] closes with "<conjunction> <category>"
    after a complete name; a category is a registry name, so only the item's last NAME_LIMIT letters are sought."""
    for match in AND.finditer(item, max(begin, end - NAME_LIMIT - 16), end):
        right_begin, right_end = strip_span(item, match.end(), end)
        left_begin, left_end = strip_span(item, begin, match.start())
        if right_end - right_begin > NAME_LIMIT or left_begin >= left_end:
            continue
        right = item[right_begin:right_end]
        if known_kind(right, registry) == "category" and complete_span(item, left_begin, left_end, registry):
            return left_begin, left_end, right
    return None


def _second_name_start(item: str, begin: int, end: int, registry: Registry) -> tuple[int, int] | None:
    """(end of the first name, start of the second) where a second name follows a complete one in item[begin:end]."""
    previous: re.Match[str] | None = None
    before: re.Match[str] | None = None      # the word before `previous`
    window = registry_index(registry).start_window
    opening = item[begin:begin + window]     # (the item's first words and its last: never the whole of it)
    def too_short(first_end: int, second: int) -> bool:
        return end - second <= window and first_end - begin <= NAME_LIMIT and \
            too_short_for_a_name(item[begin:first_end], item[second:end], registry)

    for word in _WORD.finditer(item, begin, end):
        rest = item[word.start(): min(end, word.start() + window)]
        if previous is not None and starts_name(previous.group(), rest, registry, opening) \
                and complete_span(item, begin, previous.end(), registry, previous) \
                and not too_short(previous.end(), word.start()):
            return previous.end(), word.start()
        if before is not None and previous is not None and name_key(previous.group()) in CONJUNCTIONS \
                and (starts_name(before.group(), rest, registry) and names_body(word.group(), rest, registry)
                     or opens_named_body(opening, before.group(), rest, _last_word(item, begin, end))) \
                and complete_span(item, begin, before.end(), registry, before) \
                and not too_short(before.end(), word.start()):
            # "Ministry of Finance and Ministry of Justice": a conjunction between two whole names.
            return before.end(), word.start()
        if before is not None and previous is not None and name_key(previous.group()) in CONJUNCTIONS \
                and _acronym_and_name(item, begin, end, before, word):
            return before.end(), word.start()
        before, previous = previous, word
    return None


def _acronym_and_name(item: str, begin: int, end: int, before: re.Match[str], word: re.Match[str]) -> bool:
    """Whether a conjunction joins an acronym that is the whole first name to a second body: an acronym
    alone, or a name opening on the word for its kind ("SAT y UIF", "SABG y Secretaría de Bienestar"; but
    "ICT and Innovation Authority" is one name)."""
    if before.start() != begin or not acronym_key(before.group()):
        return False
    if acronym_key(word.group()) and not item[word.end():end].strip():
        return True
    return name_key(word.group()) in HEAD_WORDS or closes_on_kind(word.group())


def _last_word(item: str, begin: int, end: int) -> str:
    """The last word of item[begin:end] before any remark in brackets ("Kenya Revenue Authority (KRA)"),
    found from its end (a long item is not copied)."""
    stop = end
    while stop > begin and item[stop - 1].isspace():
        stop -= 1
    if stop > begin and item[stop - 1] == ")":
        opening = item.rfind("(", max(begin, stop - NAME_LIMIT), stop)
        if opening > begin:
            stop = opening
            while stop > begin and item[stop - 1].isspace():
                stop -= 1
    start = stop
    while start > begin and not item[start - 1].isspace():
        start -= 1
    return item[start:stop]
