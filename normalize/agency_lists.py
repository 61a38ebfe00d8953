"""Agency cells into mentions: the names one role part of a cell lists, as printed.

Items are separated by commas, semicolons, bullets and slashes with space on both sides, except a
separator inside a known name or a name whose series goes on past a comma; an item that is not a known
name is split further where a second name follows a complete one (see :func:`split_agency_list`).
"""
from __future__ import annotations

import re

from normalize.registry import Registry, name_key
from normalize.text import BULLETS, OPENING_QUOTES

from .acronyms import acronym_key, definition, spells
from .matching import RegistryIndex, registry_index
from .name_words import (ARTICLES, BODY_WORDS, CONJUNCTIONS, FILLER_WORDS, FUNCTION_WORDS, HEAD_WORDS, KIND_BIT,
                         LEGAL_FORMS, NAME_LIMIT, NO_AGENCY, expand_words, holds_body_word, spelled_out)
from .name_shapes import (QUALIFIERS, closes_on_kind, complete, complete_span, ends_a_name, known_kind, names_alone,
                          names_body, opens_named_body, qualified_body, spelled_as_known, starts_name)

#: A series inside a name ("Labour, Health and Social Affairs") has at most this many items, of at most
#: this many words before the one closing with a conjunction.
SERIES_ITEMS, SERIES_WORDS = 4, 2
_SEPARATOR = re.compile(rf"[,;\n{BULLETS}]|:(?=\s)|(?<=\s)/(?=\s)")
"""What separates the items of an agency list: a comma, a semicolon, a line's end (a list printed one item
per line), a bullet ("• Ministry of Justice • Ministry of Finance"), a colon before a space (a group and its
members: "BOND Group: Article 19, CAFOD"), a slash with space on both sides."""
#: The separators of a plan that parts its lists' items with other marks than commas (`normalize.separators`).
_SEPARATOR_NO_COMMA = re.compile(_SEPARATOR.pattern.replace(",", "", 1))
_WORD = re.compile(r"\S+")
_CONJUNCTION_OPENING = re.compile(rf"^(?:{'|'.join(sorted(map(re.escape, CONJUNCTIONS)))})\s+(?=\S)")
_COMMA_AT_LINE_END = re.compile(r",[ \t]*\n")
_ACRONYM_CLOSING = re.compile(r"(\(\s*([^()\s]+)\s*\)) ")
_EDGE_JUNK = " \t\r\n,;:./-\u2013\u2014\u2022\u00b7*"
_AND = re.compile(
    r"\s+(?:" + "|".join(map(re.escape, CONJUNCTIONS)) + r")\s+" if CONJUNCTIONS else r"(?!)", re.IGNORECASE
)


def split_agency_list(text: str, registry: Registry, commas_part: bool = True) -> list[str]:
    """The agency mentions in one role part of a cell, as written (trimmed), in order.

    Items are separated by commas, semicolons and slashes with space on both sides ("CO / BIS"), except a
    separator inside a known name; a slash without spaces ("Culture/Tourism") never separates. An item that
    is not a known name is split further where a second name follows a complete one without a comma: before
    a known name or a capitalised head word ("Ministry", "State", "Cabinet") or an opening quote, and before
    "<conjunction> <category>" ("... and relevant state agencies"; conjunctions are data in
    ``name_words.csv``). Without ``commas_part`` (a plan that parts its items with semicolons or slashes),
    a comma separates nothing.
    """
    index = registry_index(registry)
    # An acronym in brackets closes its name: a capital after it opens the next, as a line's end may ("...
    # Sicherheit (BMU) Bertelsmann Stiftung"); the line logic below joins them where the name reads on.
    text = _ACRONYM_CLOSING.sub(_line_end_after_acronym, text)
    if "\n" in text:
        # A line that ends after a comma was parted by the comma: its end is no separator of its own ("Ministerio
        # de Ciencia, | Innovación, ..." is one name with a series). (Same length: the offsets stay the text's.)
        text = _COMMA_AT_LINE_END.sub(lambda match: match.group().replace("\n", " "), text)
    items: list[str] = []
    spans: list[tuple[int, int]] = []     # the pieces as stretches of ``text``, so a joined piece reads as written
    separators = _SEPARATOR if commas_part else _SEPARATOR_NO_COMMA
    cut = [(*_strip_span(text, start, end), separator)
           for start, end, separator in _split_separators(text, index, separators)]
    k = 0
    while k < len(cut):
        start, end, separator = cut[k]
        k += 1
        piece = text[start:end]
        previous = _as_written(text[spans[-1][0]:spans[-1][1]]) if spans else ""
        # A line that ends after a comma was parted by the comma: its end says nothing more.
        ended = separator == "\n" and not (spans and re.search(r"[,;]", text[spans[-1][1]:start]))
        if spans and (piece.startswith("(") or ended and not _ends_and_starts(previous, piece, registry)
                      or separator == "," and (_opens_on_function_word(piece) or name_key(piece) in LEGAL_FORMS)):
            # A remark on the name before it ("(по согласованию)"), a line that ended where a name goes on, or
            # a comma inside a name ("Instance Nationale de la Probité, | de la Prévention et de la Lutte ...",
            # "Procurement Watch, | Inc.").
            spans[-1] = (spans[-1][0], end)
        elif spans and (last := _series_spelled_by_acronym(text, cut, k - 1, spans[-1][0])) is not None:
            spans[-1] = (spans[-1][0], cut[last][1])
            k = last + 1
        elif spans and (last := _series_end(previous, text, cut, k - 1, registry)) is not None:
            spans[-1] = (spans[-1][0], cut[last][1])
            k = last + 1
        elif spans and (head := _before_head_word(piece)) and _continues_series(previous, head, registry):
            # The series goes on up to a name that follows with nothing between ("инноваций и аэрокосмической
            # промышленности Министерство информации ...").
            spans[-1] = (spans[-1][0], start + len(head))
            spans.append(_strip_span(text, start + len(head), end))
        elif piece:
            spans.append((start, end))
    spans = _qualifiers_joined(text, spans)
    pieces = [_as_written(text[start:end]) for start, end in spans]
    # (A list's last item after a comma may keep the list's conjunction: "..., and Supreme Court".)
    pieces = pieces[:1] + [_CONJUNCTION_OPENING.sub("", piece, count=1) for piece in pieces[1:]]
    for piece in pieces:
        if name_key(piece) not in NO_AGENCY:
            items.extend(_split_item(piece, registry))
    return items


def _line_end_after_acronym(match: re.Match[str]) -> str:
    """The space after "(ACR)" as a line's end where a capital follows; else the match unchanged (same length)."""
    following = match.string[match.end():match.end() + 2].lstrip(OPENING_QUOTES)
    return match.group(1) + "\n" if following[:1].isupper() and acronym_key(match.group(2)) else match.group()


def _opens_on_function_word(piece: str) -> bool:
    """Whether ``piece`` opens on a function word in lower case other than a conjunction ("de la ...",
    "of the ..."): no list item opens so, a name's series does."""
    first = piece.split(maxsplit=1)[0] if piece.strip() else ""
    return first[:1].islower() and name_key(first) in FUNCTION_WORDS and name_key(first) not in CONJUNCTIONS


def _qualifiers_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces with a lone word in lower case that names no body joined to the piece after it: a qualifier
    the list shares with the next name ("обласні, | Київська міська державні адміністрації")."""
    joined: list[tuple[int, int]] = []
    for k, (start, end) in enumerate(spans):
        if joined and joined[-1][1] == -1:
            joined[-1] = (joined[-1][0], end)
            continue
        word = text[start:end]
        lone = word.isalpha() and word.islower() and not holds_body_word(word)
        joined.append((start, -1) if lone and k + 1 < len(spans) else (start, end))
    return joined


def is_no_agency(text: str) -> bool:
    """True when `text` says that no agency is named ("Not applicable")."""
    return name_key(text) in NO_AGENCY


def _before_head_word(piece: str) -> str:
    """The piece up to the first capitalised head word past its first word ("" when there is none)."""
    for word in list(_WORD.finditer(piece))[1:]:
        if word.group()[:1].isupper() and name_key(word.group()) in HEAD_WORDS:
            return piece[:word.start()].rstrip()
    return ""


def _ends_and_starts(previous: str, piece: str, registry: Registry) -> bool:
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
            or _too_short_for_a_name(previous, piece, registry):
        return False
    return piece[0].isupper() or piece[0] in OPENING_QUOTES or qualified_body(piece) or \
        any(word in BODY_WORDS for word in expand_words(name_key(piece).split()[:QUALIFIERS + 1]))


def _too_short_for_a_name(previous: str, piece: str, registry: Registry) -> bool:
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


def _named_whole_by_acronym(name: str) -> bool:
    """Whether ``name`` closes on an acronym in brackets (:func:`normalize.acronyms.definition`) that spells
    it part by part, each part after a comma or a conjunction opening a letter of its own: it is one name
    ("Ministries, Departments and Agencies (MDAs)"; but "Ministry of Justice and Ministry of Interior (MoI)"
    is two, and so is "Kementerian Energi dan Sumber Daya Mineral | Komisi Pemberantasan Korupsi (KPK)")."""
    defined = definition(name)
    if defined is None:
        return False
    acronym, spelled = defined
    parts = [part for part in re.split(r",|" + _AND.pattern, spelled, flags=re.I) if part.strip()]
    return len(parts) > 1 and _spelled_part_by_part(acronym, tuple(parts))


def _spelled_part_by_part(acronym: str, parts: tuple[str, ...]) -> bool:
    """Whether the acronym is, in order, a spelling of each part (:func:`normalize.acronyms.spells`)."""
    if len(parts) == 1:
        return spells(acronym, parts[0])
    return any(spells(acronym[:size], parts[0]) and _spelled_part_by_part(acronym[size:], parts[1:])
               for size in range(1, len(acronym) - len(parts) + 2))


def _series_spelled_by_acronym(text: str, cut: list[tuple[int, int, str]], first: int, begin: int) -> int | None:
    """The last of the pieces from ``first`` on, parted by commas, that close on an acronym in brackets
    spelling the name from ``begin`` through them and not that piece alone: the commas are the name's own
    ("Ministries, Departments and Agencies (MDAs)", "Department for Business, Innovation and Skills (BIS)",
    see :func:`_named_whole_by_acronym`); else None."""
    for last in range(first, min(first + SERIES_ITEMS, len(cut))):
        if cut[last][2] != "," and last > first:
            return None
        if text[cut[last][1] - 1:cut[last][1]] != ")":
            continue
        return last if _named_whole_by_acronym(text[begin:cut[last][1]]) else None
    return None


def _series_end(previous: str, text: str, cut: list[tuple[int, int, str]], first: int,
                registry: Registry) -> int | None:
    """The last of the pieces from ``first`` on that are the rest of a name holding a series, or None: a few
    short items parted by commas up to one closing with a conjunction ("Ministry of ... Territories, |
    Labour, | Health and Social Affairs"), read together by :func:`_continues_series`."""
    if previous.endswith(")"):
        return None     # a name closed by its acronym in brackets ("... Public Credit (SHCP), Anti-...")
    last, items = first - 1, 0
    while items < SERIES_ITEMS and last + 1 < len(cut):
        last += 1
        items += 1
        if last > first and cut[last][2] != ",":
            return None
        begin = last
        # (An item goes on over the lines its name wraps onto: "Tecnología y | Telecomunicaciones (MICITT)".)
        while last + 1 < len(cut) and cut[last + 1][2] == "\n" and not _ends_and_starts(
                _as_written(text[cut[begin][0]:cut[last][1]]), text[cut[last + 1][0]:cut[last + 1][1]], registry):
            last += 1
        piece = _as_written(text[cut[begin][0]:cut[last][1]])
        if spelled_as_known(piece, registry):
            return None     # an item of a series is no name of its own ("..., Milli Majlis, Local and ...")
        if _AND.search(piece):
            rest = _as_written(text[cut[first][0]:cut[last][1]])
            series = _continues_series(previous, rest, registry) or _closes_series_on_kind(previous, rest, registry)
            return last if series else None
        if piece[:1].islower() and closes_on_kind(piece.split()[-1]):
            rest = _as_written(text[cut[first][0]:cut[last][1]])
            return last if _closes_lower_case_series(previous, rest, registry) else None
        if not piece or sum(name_key(word) not in FUNCTION_WORDS for word in piece.split()) > SERIES_WORDS:
            return None     # (an item's words that say what it is: "cities of Astana" has two)
    return None


def _continues_series(previous: str, piece: str, registry: Registry) -> bool:
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
    previous = _split_item(previous, registry)[-1]
    words = name_key(piece).split()
    if not words or piece.isupper() or known_kind(piece, registry) is not None or definition(piece) is not None:
        return False    # (a piece its own acronym spells is a name: "..., Asociația pentru ... (AGER)")
    if any(word in KIND_BIT for word in expand_words(words)) or _names_by_head_word(piece, registry) \
            or not _AND.search(piece):
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
    conjunction = _AND.search(piece)
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


def _split_separators(text: str, index: RegistryIndex, separators: re.Pattern[str] = _SEPARATOR
                      ) -> list[tuple[int, int, str]]:
    """``text`` cut at the list ``separators`` that are not inside a known name: each piece as its start
    and end in ``text``, with the separator before it ("" for the first piece)."""
    protected = sorted(match.span() for pattern in index.separated_names for match in pattern.finditer(text))
    pieces: list[tuple[int, int, str]] = []
    start, before = 0, ""
    reach, next_span = 0, 0     # the furthest end of the known names that begin before the separator
    for separator in separators.finditer(text):
        position = separator.start()
        while next_span < len(protected) and protected[next_span][0] < position:
            reach = max(reach, protected[next_span][1])
            next_span += 1
        if reach <= position:
            pieces.append((start, position, before))
            start, before = separator.end(), separator.group(0).strip(" ")
    pieces.append((start, len(text), before))
    return pieces


def _as_written(piece: str) -> str:
    """A piece as one line: a name that a line's end ran through reads with a space there."""
    return re.sub(r"[ \t]*\n\s*", " ", piece) if "\n" in piece else piece


def _strip_span(text: str, begin: int, end: int) -> tuple[int, int]:
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


def _split_item(item: str, registry: Registry) -> list[str]:
    """One comma-free item as one or more mentions.

    A known name stays whole. Otherwise a category joined by a conjunction at the end ("... and relevant
    state agencies") is cut off, and the item is cut before the first word that starts a second name after a
    complete first one. The item is walked once, by offsets: a long run of names costs linear time.
    """
    if _named_whole_by_acronym(item):
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
    for match in _AND.finditer(item, max(begin, end - NAME_LIMIT - 16), end):
        right_begin, right_end = _strip_span(item, match.end(), end)
        left_begin, left_end = _strip_span(item, begin, match.start())
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
            _too_short_for_a_name(item[begin:first_end], item[second:end], registry)

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
    return name_key(word.group()) in HEAD_WORDS or any(part in KIND_BIT for part in spelled_out(name_key(word.group())))


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
