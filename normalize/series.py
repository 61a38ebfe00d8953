"""Names that hold a series parted by commas ("Ministry of Labour, Health and Social Affairs", "ՀՀ կրթության,
գիտության, մշակույթի և սպորտի նախարարություն"): whether the pieces after a comma go on with the name before
them, for the list splitter (`normalize.agency_lists`).
"""
from __future__ import annotations

from normalize.registry import Registry, name_key
from normalize.text import OPENING_QUOTES

from .acronyms import definition
from .list_items import AND, as_written, named_whole_by_acronym, split_item, too_short_for_a_name
from .name_shapes import (QUALIFIERS, closes_on_kind, complete, ends_a_name, known_kind, names_alone, qualified_body,
                          spelled_as_known)
from .name_words import (ARTICLES, BODY_WORDS, FILLER_WORDS, FUNCTION_WORDS, HEAD_WORDS, KIND_BIT, NAME_LIMIT,
                         expand_words, holds_body_word)

#: A series inside a name ("Labour, Health and Social Affairs") has at most this many items, of at most
#: this many words before the one closing with a conjunction.
SERIES_ITEMS, SERIES_WORDS = 4, 2
#: An item between the name's first and its last (a conjunction before it) may say what it is in this many
#: words ("Kementerian Desa, | Pembangunan Daerah Tertinggal, | dan Transmigrasi") where the series names no
#: body.
MIDDLE_ITEM_WORDS = 3


def ends_and_starts(previous: str, piece: str, registry: Registry) -> bool:
    """Whether a line's end between two pieces parts two names: the first reads whole, the second opens like
    a name (a capital, a quote, or a body named in lower case), and the two are not one known name. A line
    can end for other reasons than a new item (a space that does not break, a manual break), so it never
    cuts "Academy of | Sciences", nor before a function word in lower case ("İnnovasiyalar | üzrə ..."), but
    an article opens a name ("... (FNCT) | les communes"). A line of one word that names a body alone reads
    whole: a list's short forms and acronyms, one per line ("Мінфін | Казначейство", "PSA | DICT")."""
    words = previous.split()
    if not piece or not words or not ends_a_name(words) \
            or not (complete(previous, registry) or names_alone(previous)) \
            or piece[:1].islower() and name_key(piece.split(maxsplit=1)[0]) in FUNCTION_WORDS - ARTICLES \
            or known_kind(f"{previous} {piece}", registry) is not None \
            or too_short_for_a_name(previous, piece, registry):
        return False
    return piece[0].isupper() or piece[0] in OPENING_QUOTES or qualified_body(piece) or \
        any(word in BODY_WORDS for word in expand_words(name_key(piece).split()[:QUALIFIERS + 1]))


def series_spelled_by_acronym(text: str, cut: list[tuple[int, int, str]], first: int, begin: int) -> int | None:
    """The last of the pieces from ``first`` on, parted by commas, that close on an acronym in brackets
    spelling the name from ``begin`` through them and not that piece alone: the commas are the name's own
    ("Ministries, Departments and Agencies (MDAs)", "Department for Business, Innovation and Skills (BIS)",
    see :func:`named_whole_by_acronym`); else None."""
    for last in range(first, min(first + SERIES_ITEMS, len(cut))):
        if cut[last][2] != ",":
            return None     # (a bullet or a line's end parts two names: "• MEF | • Ministère ... (MICT)")
        if text[cut[last][1] - 1:cut[last][1]] != ")":
            continue
        return last if named_whole_by_acronym(text[begin:cut[last][1]]) else None
    return None


def series_end(previous: str, text: str, cut: list[tuple[int, int, str]], first: int,
                registry: Registry) -> int | None:
    """The last of the pieces from ``first`` on that are the rest of a name holding a series, or None: a few
    short items parted by commas up to one closing with a conjunction ("Ministry of ... Territories, |
    Labour, | Health and Social Affairs"), read together by :func:`continues_series`."""
    if previous.endswith(")"):
        return None     # a name closed by its acronym in brackets ("... Public Credit (SHCP), Anti-...")
    last, items, long_item = first - 1, 0, False
    while items < SERIES_ITEMS and last + 1 < len(cut):
        last += 1
        items += 1
        if last > first and cut[last][2] != ",":
            return None
        begin = last
        # (An item goes on over the lines its name wraps onto: "Tecnología y | Telecomunicaciones (MICITT)".)
        while last + 1 < len(cut) and cut[last + 1][2] == "\n" and not ends_and_starts(
                as_written(text[cut[begin][0]:cut[last][1]]), text[cut[last + 1][0]:cut[last + 1][1]], registry):
            last += 1
        piece = as_written(text[cut[begin][0]:cut[last][1]])
        if spelled_as_known(piece, registry):
            return None     # an item of a series is no name of its own ("..., Milli Majlis, Local and ...")
        if AND.search(f" {piece}"):     # (after a serial comma the item opens on it: "..., dan Transmigrasi")
            rest = as_written(text[cut[first][0]:cut[last][1]])
            if long_item and holds_body_word(rest):
                return None     # (a long item among bodies is a name: "..., Tbilisi City Hall, Parliament and NGOs")
            series = continues_series(previous, rest, registry) or _closes_series_on_kind(previous, rest, registry)
            return last if series else None
        if piece[:1].islower() and closes_on_kind(piece.split()[-1]):
            rest = as_written(text[cut[first][0]:cut[last][1]])
            return last if _closes_lower_case_series(previous, rest, registry) else None
        own = sum(name_key(word) not in FUNCTION_WORDS for word in piece.split())
        if not piece or own > MIDDLE_ITEM_WORDS:
            return None     # (an item's words that say what it is: "cities of Astana" has two)
        long_item = long_item or own > SERIES_WORDS
    return None


def continues_series(previous: str, piece: str, registry: Registry) -> bool:
    """True when `piece` is the rest of a name holding a series: it names no kind of body and closes with a
    conjunction, and the name before it is a kind of body said what it is for in the piece's case:
    "Department for Business, | Innovation and Skills" (capitalised, after "for" or "of", or in the genitive
    at once after the kind opening the name: "Ministerul Dezvoltării, | Lucrărilor Publice și
    Administrației"), "Министерство
    цифрового развития, | инноваций и аэрокосмической промышленности" (in lower case, as the words after
    "Министерство"). A known name, an acronym or a category is never a continuation, nor a piece in lower
    case that names a body ("местные исполнительные органы")."""
    if len(previous) > NAME_LIMIT:
        return False
    # Names may run on before this one with nothing between ("... (по согласованию) Министерство цифрового
    # развития"): the series is the last one's.
    previous = split_item(previous, registry)[-1]
    words = name_key(piece).split()
    if not words or piece.isupper() or known_kind(piece, registry) is not None or definition(piece) is not None:
        return False    # (a piece its own acronym spells is a name: "..., Asociația pentru ... (AGER)")
    if any(word in KIND_BIT for word in expand_words(words)) or _names_by_head_word(piece, registry) \
            or not AND.search(piece):
        return False
    printed = previous.split()
    kinds = [i for i, word in enumerate(printed)
             if any(part in KIND_BIT for part in expand_words(name_key(word).split()))]
    if not kinds:
        return False
    described = printed[kinds[0] + 1:]
    if piece[0].isupper():
        # What the body is for follows its kind after a function word ("Department for Business"), or, in a
        # language that says it in the genitive, at once after the kind that opens the name ("Ministerul
        # Dezvoltării, | Lucrărilor Publice și Administrației").
        return any(name_key(word) in FUNCTION_WORDS for word in described) or \
            kinds[0] == 0 and bool(described) and all(word[:1].isupper() for word in described)
    content = [word for word in described if name_key(word) not in FUNCTION_WORDS]
    return bool(content) and content[0][:1].islower() and not any(word in BODY_WORDS for word in expand_words(words))


def _names_by_head_word(piece: str, registry: Registry) -> bool:
    """Whether a head word in ``piece`` opens a name there: one the registry spells, or more than a head word
    and one word ("Cabinet of Ministers"; but "Construction and State Assets" is a series' last item)."""
    printed = piece.split()
    return any(name_key(word) in HEAD_WORDS and (len(printed) - k > 2 or spelled_as_known(" ".join(printed[k:]),
                                                                                           registry))
               for k, word in enumerate(printed))


def _closes_series_on_kind(previous: str, piece: str, registry: Registry) -> bool:
    """True when a name that prints its kind last holds a series, and a comma parted its first item: the name
    before names no kind of body and has at most SERIES_WORDS words of its own besides those that place it
    ("Azərbaycan Respublikasının Ailə"), and ``piece`` goes on with the series' last items and closes on the
    word for its kind, with no such word before its conjunction ("Qadın və Uşaq Problemləri üzrə Dövlət
    Komitəsi"). A known name on either side is a name of its own."""
    if known_kind(previous, registry) is not None or known_kind(piece, registry) is not None:
        return False
    before, after = name_key(previous).split(), name_key(piece).split()
    if not after or holds_body_word(previous):
        return False
    own = [word for word in before if word not in FILLER_WORDS]
    conjunction = AND.search(piece)
    if not own or len(own) > SERIES_WORDS or conjunction is None or not closes_on_kind(piece.split()[-1]):
        return False
    return not holds_body_word(piece[:conjunction.start()])


def _closes_lower_case_series(previous: str, rest: str, registry: Registry) -> bool:
    """True when a name in sentence case that prints its kind last holds a series parted by commas alone:
    ``previous`` is its first item, a capital then words in lower case naming no body ("Цифрын хөгжил"), and
    ``rest`` its other items, in lower case, closing on the word for its kind with no word for bodies before
    it ("инноваци, харилцаа холбооны яам"). Capitals after the first word, an acronym or a known name on
    either side part names ("UNDP, World Bank")."""
    words = previous.split()
    while len(words) > 1 and name_key(words[0]) in FILLER_WORDS:
        words = words[1:]   # (the words placing the body: "Қазақстан Республикасы Цифрлық даму")
    if not words or len(words) > SERIES_WORDS + 1 or not words[0][:1].isupper() or words[0].isupper() \
            or any(not word[:1].islower() for word in words[1:]) or holds_body_word(previous) \
            or known_kind(previous, registry) is not None or known_kind(rest, registry) is not None:
        return False
    before_kind = rest.rsplit(maxsplit=1)[0] if len(rest.split()) > 1 else ""
    return rest[:1].islower() and not holds_body_word(before_kind)
