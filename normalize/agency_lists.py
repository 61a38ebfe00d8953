"""Agency cells into mentions: the names one role part of a cell lists, as printed.

Items are separated by commas, semicolons, bullets and slashes with space on both sides, except a
separator inside a known name or a name whose series goes on past a comma; an item that is not a known
name is split further where a second name follows a complete one (see :func:`split_agency_list`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from normalize.registry import Registry, name_key
from normalize.text import BULLETS, CLOSING_QUOTES, OPENING_QUOTES

from .matching import (BODY_WORDS, CONJUNCTIONS, FILLER_WORDS, FUNCTION_WORDS, HEAD_WORDS, KIND_BIT, NAME_LIMIT,
                       NO_AGENCY, UNFINISHED_WORDS, RegistryIndex, expand_words, name_form, holds_body_word,
                       registry_index, resolve_forms, spelled_out)

#: A series inside a name ("Labour, Health and Social Affairs") has at most this many items, of at most
#: this many words before the one closing with a conjunction.
SERIES_ITEMS, SERIES_WORDS = 4, 2
#: A body's own words before the word for its kind ("Высшая аудиторская | палата") number at most this many.
QUALIFIERS = 2
_SEPARATOR = re.compile(rf"[,;\n{BULLETS}]|:(?=\s)|(?<=\s)/(?=\s)")
#: The separators of a plan that parts its lists' items with other marks than commas (`normalize.separators`).
_SEPARATOR_NO_COMMA = re.compile(rf"[;\n{BULLETS}]|:(?=\s)|(?<=\s)/(?=\s)")
"""What separates the items of an agency list: a comma, a semicolon, a line's end (a list printed one item
per line), a bullet ("• Ministry of Justice • Ministry of Finance"), a colon before a space (a group and its
members: "BOND Group: Article 19, CAFOD"), a slash with space on both sides."""
_WORD = re.compile(r"\S+")
_CONJUNCTION_OPENING = re.compile(rf"^(?:{'|'.join(sorted(map(re.escape, CONJUNCTIONS)))})\s+(?=\S)")
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
                      or separator == "," and _opens_on_function_word(piece)):
            # A remark on the name before it ("(по согласованию)"), a line that ended where a name goes on, or
            # a comma inside a name ("Instance Nationale de la Probité, | de la Prévention et de la Lutte ...").
            spans[-1] = (spans[-1][0], end)
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
    cuts "Academy of | Sciences", nor before a function word in lower case ("İnnovasiyalar | üzrə ...")."""
    words = previous.split()
    if not piece or not words or not ends_a_name(words) or not _complete(previous, registry) \
            or piece[:1].islower() and name_key(piece.split(maxsplit=1)[0]) in FUNCTION_WORDS \
            or _known(f"{previous} {piece}", registry) is not None or _too_short_for_a_name(previous, piece, registry):
        return False
    return piece[0].isupper() or piece[0] in OPENING_QUOTES or _qualified_body(piece) or \
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
        return _closes_on_kind(words[0]) and _known(piece, registry) is None
    return len(words) == 2 and name_key(words[0]) in HEAD_WORDS and not _closes_on_kind(words[0]) and \
        not _spelled_as_known(piece, registry) and _known(previous, registry) is None and \
        not _closes_on_kind(_last_word(previous, 0, len(previous)))


def _series_end(previous: str, text: str, cut: list[tuple[int, int, str]], first: int,
                registry: Registry) -> int | None:
    """The last of the pieces from ``first`` on that are the rest of a name holding a series, or None: a few
    short items parted by commas up to one closing with a conjunction ("Ministry of ... Territories, |
    Labour, | Health and Social Affairs"), read together by :func:`_continues_series`."""
    if previous.endswith(")"):
        return None     # a name closed by its acronym in brackets ("... Public Credit (SHCP), Anti-...")
    for last in range(first, min(first + SERIES_ITEMS, len(cut))):
        if last > first and cut[last][2] != ",":
            return None
        piece = text[cut[last][0]:cut[last][1]]
        if _spelled_as_known(piece, registry):
            return None     # an item of a series is no name of its own ("..., Milli Majlis, Local and ...")
        if _AND.search(piece):
            rest = _as_written(text[cut[first][0]:cut[last][1]])
            series = _continues_series(previous, rest, registry) or _closes_series_on_kind(previous, rest, registry)
            return last if series else None
        if piece[:1].islower() and _closes_on_kind(piece.split()[-1]):
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
    if not words or piece.isupper() or _known(piece, registry) is not None:
        return False
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
    return any(name_key(word) in HEAD_WORDS and (len(printed) - k > 2 or _spelled_as_known(" ".join(printed[k:]),
                                                                                           registry))
               for k, word in enumerate(printed))


def _closes_series_on_kind(previous: str, piece: str, registry: Registry) -> bool:
    """True when a name that prints its kind last holds a series, and a comma parted its first item: the name
    before names no kind of body and has at most SERIES_WORDS words of its own besides those that place it
    ("Azərbaycan Respublikasının Ailə"), and ``piece`` goes on with the series' last items and closes on the
    word for its kind, with no such word before its conjunction ("Qadın və Uşaq Problemləri üzrə Dövlət
    Komitəsi"). A known name on either side is a name of its own."""
    if _known(previous, registry) is not None or _known(piece, registry) is not None:
        return False
    before, after = name_key(previous).split(), name_key(piece).split()
    if not after or holds_body_word(previous):
        return False
    own = [word for word in before if word not in FILLER_WORDS]
    conjunction = _AND.search(piece)
    if not own or len(own) > SERIES_WORDS or conjunction is None or not _closes_on_kind(piece.split()[-1]):
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
            or _known(previous, registry) is not None or _known(rest, registry) is not None:
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
    while end > begin and text[end - 1] in _EDGE_JUNK:
        end -= 1
    return begin, end


def _split_item(item: str, registry: Registry) -> list[str]:
    """One comma-free item as one or more mentions.

    A known name stays whole. Otherwise a category joined by a conjunction at the end ("... and relevant
    state agencies") is cut off, and the item is cut before the first word that starts a second name after a
    complete first one. The item is walked once, by offsets: a long run of names costs linear time.
    """
    heads: list[str] = []
    tails: list[str] = []           # categories cut off the end, last first
    begin, end = 0, len(item)
    while begin < end:
        known = end - begin <= NAME_LIMIT and _known(item[begin:end], registry) is not None
        if known and _spelled_as_known(item[begin:end], registry):
            break
        category = None if known else _category_at_end(item, begin, end, registry)
        if category is not None:
            begin, end, right = category
            tails.append(right)
            continue
        cut = _second_name_start(item, begin, end, registry)
        if cut is None or known and _known(item[begin:cut[0]], registry) is None \
                and _known(item[cut[1]:end], registry) is None:
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
        if _known(right, registry) == "category" and _complete_span(item, left_begin, left_end, registry):
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
        if previous is not None and _starts_name(previous.group(), rest, registry, opening) \
                and _complete_span(item, begin, previous.end(), registry, previous) \
                and not too_short(previous.end(), word.start()):
            return previous.end(), word.start()
        if before is not None and previous is not None and name_key(previous.group()) in CONJUNCTIONS \
                and (_starts_name(before.group(), rest, registry) and _names_body(word.group(), rest, registry)
                     or _opens_named_body(opening, before.group(), rest, _last_word(item, begin, end))) \
                and _complete_span(item, begin, before.end(), registry, before) \
                and not too_short(before.end(), word.start()):
            # "Ministry of Finance and Ministry of Justice": a conjunction between two whole names.
            return before.end(), word.start()
        before, previous = previous, word
    return None


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


def _names_body(first: str, rest: str, registry: Registry) -> bool:
    """Whether `rest` opens on a head word that starts a name ("Ministry", "State", "Министерство"), or is a
    name of the registry as written."""
    return name_key(first) in HEAD_WORDS or name_form(rest).key in registry_index(registry).exact


#: A body's name in title case that closes on the word for its kind has at most this many words.
TITLE_CASE_NAME_WORDS = 6


def _opens_named_body(left: str, left_last: str, rest: str, last: str) -> bool:
    """Whether ``rest``, after a conjunction that follows the name ``left`` (its first words; ``left_last``
    its last), opens on a body's whole name:
    - the word for its kind and what it is for ("Department of ICT", "Agency for ...");
    - capitalised words closing on the word for a kind of body, where ``left`` closes on one too ("Makueni
      Budget Forum | County Public Service Board"; in "Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi" the kind
      closes the one name), or where the item does (``last``: its last word), the second name holding a
      conjunction of its own ("İqtisadiyyat Nazirliyi | Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi");
    - after a capitalised name, bodies named in lower case ("Министерство финансов | центральные органы
      исполнительной власти");
    - after bodies named in lower case, bodies so named ("местные органы исполнительной власти | центральные
      органы ...") or a capitalised name closing on its kind ("mərkəzi icra hakimiyyəti orqanları | Ədliyyə
      Nazirliyi").
    "Social Protection" closes on no such word: the conjunction is inside one name ("Ministry of Labour and
    Social Protection")."""
    words = rest.split(maxsplit=TITLE_CASE_NAME_WORDS)[:TITLE_CASE_NAME_WORDS]
    if not words:
        return False
    named_in_lower_case = left[:1].islower() and any(
        word in BODY_WORDS for word in expand_words(name_key(left).split()[:QUALIFIERS + 1]))
    if _qualified_body(rest) or words[0][:1].islower() and name_key(words[0]) in BODY_WORDS:
        # (Two categories in lower case are two items only when the first names bodies by itself: "central
        # | and local executive authorities" is one; and when the second says which bodies of its own: in
        # "другие заинтересованные министерства | и ведомства" the qualifiers are both words'.)
        if named_in_lower_case and rest[:1].islower() and (len(words) == 1 or name_key(words[1]) in CONJUNCTIONS):
            return False
        return left[:1].isupper() or rest[:1].isupper() or named_in_lower_case
    if not words[0][:1].isupper():
        return False
    if name_key(words[0]) in KIND_BIT and len(words) > 1 and name_key(words[1]) in FUNCTION_WORDS:
        return True
    run = []
    for word in words:
        if not (word[:1].isupper() or run and name_key(word) in FUNCTION_WORDS) or name_key(word) in CONJUNCTIONS:
            break
        run.append(word)
        if not word[-1:].isalnum():
            break
    left_words = left.split(maxsplit=2)
    closes_on_kind = _closes_on_kind(left_last) or named_in_lower_case and \
        any(word in BODY_WORDS for word in expand_words([name_key(left_last)]))
    whole = closes_on_kind or len(left_words) > 2 and _closes_on_kind(left_words[0]) and \
        name_key(left_words[1]) in FUNCTION_WORDS
    # (Only a name closing on the word for its kind vouches for a second name whose kind closes the item only:
    # "Office of Management | and Budget and Environmental Protection Agency" is cut at the second "and".)
    return whole and len(run) > 1 and _closes_on_kind(run[-1]) or closes_on_kind and _closes_on_kind(last)


def _closes_on_kind(word: str) -> bool:
    """Whether ``word`` is the word for a kind of body ("Board", "Nazirliyi", "Services")."""
    return any(part in KIND_BIT for part in spelled_out(name_key(word.strip("()"))))


def _starts_name(previous: str, rest: str, registry: Registry, before: str = "") -> bool:
    """True when ``rest`` (the item from this word on, or as much of it as a registry name can take) can
    begin a second name right after the word ``previous`` (which ends ``before``, the item so far)."""
    ends_word = previous[-1:].isalnum() or previous.endswith(")")
    previous_key = name_key(previous)
    if not ends_word or previous_key in FUNCTION_WORDS:
        return False
    first_and_more = rest.split(maxsplit=1)
    first = first_and_more[0]
    opens_quote = first[0] in OPENING_QUOTES and first[1:2].isalpha()
    if first[:1].isupper():
        # (A body in sentence case goes on in lower case: "Генеральная прокуратура".)
        qualified = len(first_and_more) > 1 and first_and_more[1][:1].islower() and _qualified_body(rest)
    else:
        # (In lower case, the word before may be the phrase's own: "local | executive authorities".)
        qualified = _names_bodies(first_and_more, previous) or _qualified_body(rest) and \
            not _qualified_body(f"{previous} {rest}", QUALIFIERS + 1)
    if qualified:
        return True
    if not (first[0].isupper() or opens_quote):
        return False
    first_key = name_key(first)
    if before[:1].islower() and any(part in BODY_WORDS for part in expand_words([previous_key])) and \
            _capitals_name_a_body(rest) or \
            first_key in BODY_WORDS and first_key not in KIND_BIT and previous_key in KIND_BIT:
        # After bodies named in lower case, on the word for them ("local self-government bodies | Civil
        # Service Bureau"), capitals naming a body open a name; after a name closing on its kind ("... Agency |
        # Parliament") a word that names a body by itself does.
        return True
    index = registry_index(registry)
    words = name_key(rest).split(maxsplit=index.most_name_words)
    if any(" ".join(words[:n]) in index.name_key_set for n in range(1, min(len(words), index.most_name_words) + 1)):
        return True
    if first.isupper() and first.isalpha() and len(first) > 2 and len(first_and_more) == 1 and not previous.isupper():
        return True     # an acronym closing the item after a name in other letters ("... and Infrastructure IDFI")
    if opens_quote and not _quoted_body(rest):
        return False    # the body's own name in quotes ("Национальная палата предпринимателей «Атамекен»")
    return (opens_quote or first_key in HEAD_WORDS) and len(first_and_more) > 1


def _capitals_name_a_body(rest: str) -> bool:
    """Whether the capitalised words opening ``rest`` name a body: they open on a word for bodies
    ("Министерство", "Parliament") or close on the word for a kind of body ("Civil Service Bureau"). Capitals
    that name whose body it is are the name before's own: "администрации | Губернатора Новосибирской области"."""
    words = rest.split(maxsplit=TITLE_CASE_NAME_WORDS)[:TITLE_CASE_NAME_WORDS]
    if any(part in BODY_WORDS or part in HEAD_WORDS for part in expand_words([name_key(words[0])])):
        return True
    run = []
    for word in words:
        if not (word[:1].isupper() or run and name_key(word) in FUNCTION_WORDS) or name_key(word) in CONJUNCTIONS:
            break
        run.append(word)
        if not word[-1:].isalnum():
            break
    return bool(run) and _closes_on_kind(run[-1])


def _names_bodies(first_and_more: list[str], previous: str) -> bool:
    """Whether the words open on bodies named in lower case by the word for them ("акиматы областей",
    "органы местного самоуправления") right after a capitalised word that ends a name ("... Республики
    Казахстан") or a closing bracket or quote; a word for one body's kind ("палата") after an adjective is
    that name's own."""
    first = first_and_more[0]
    return len(first_and_more) > 1 and first[:1].islower() and name_key(first) in BODY_WORDS and \
        name_key(first) not in KIND_BIT and first_and_more[1][:1].islower() and \
        (previous[:1].isupper() or previous[-1:] in ")" + CLOSING_QUOTES) and \
        name_key(previous) not in UNFINISHED_WORDS


def _quoted_body(rest: str) -> bool:
    """Whether ``rest``, opening on a name in quotes, names a body of its own: the quotes are followed right
    away by its legal form in capitals ('"Azersu" OJSC', "«Казахтелеком» АО"). Otherwise the name in quotes
    is the body's before it ("Национальная палата предпринимателей «Атамекен» (по согласованию)"), whatever
    follows it."""
    closing = next((k for k in range(1, len(rest)) if rest[k] in CLOSING_QUOTES), None)
    after = rest[closing + 1:].split(maxsplit=1) if closing is not None else []
    form = after[0].strip(",;.") if after else ""
    return len(form) >= 2 and form.isalpha() and form.isupper()


def _qualified_body(rest: str, most: int | None = None) -> bool:
    """Whether ``rest`` opens on a body named in sentence case by one or two words before the word for its
    kind ("Генеральная прокуратура", "Высшая аудиторская палата", "местные исполнительные органы"). In title
    case ("Azerbaijan Energy Regulatory Agency") any run of capitalised words before "Agency" would pass, so
    only the words after the first in lower case tell a name's start."""
    # Bodies named in lower case take a qualifier more ("relevant central executive authorities").
    qualifiers = most if most is not None else QUALIFIERS + 1 if rest[:1].islower() else QUALIFIERS
    words = rest.split(maxsplit=qualifiers + 1)[:qualifiers + 1]
    for k, word in enumerate(words):
        key = name_key(word)
        if k and not word[:1].islower():
            return False
        if k and key in BODY_WORDS:
            # After a capital, only the word for one body's kind as printed ("прокуратура", "палата"): a
            # proper name before bodies in lower case ("Казахстан | акиматы областей") ends the name before.
            return words[0][:1].islower() or key in KIND_BIT
        if not word[-1:].isalnum() or key in FUNCTION_WORDS or key in BODY_WORDS:
            return False
    return False


def _complete(text: str, registry: Registry) -> bool:
    """True when ``text`` reads as a whole name: a known one, two or more words from a capital to a non-filler,
    or words closing on the word for a kind of body ("местные исполнительные органы")."""
    if _known(text, registry) is not None:
        return True
    words = text.split()
    if len(words) > 1 and any(part in BODY_WORDS for part in expand_words([name_key(words[-1])])):
        return True
    if len(words) > 1 and words[0][:1].islower() and ends_a_name(words) and \
            any(word in BODY_WORDS for word in expand_words(name_key(" ".join(words[:QUALIFIERS + 1])).split())):
        return True     # bodies named in lower case ("республиканские органы государственного управления")
    return len(words) > 1 and words[0][:1].isupper() and ends_a_name(words)


def ends_a_name(words: list[str]) -> bool:
    """Whether a name may end on the last of ``words``: on no function word, and on a word that places a body
    only where a proper name before it says which, after the body's own words ("Министерство юстиции
    Кыргызской Республики"; not "при Правительстве Республики" or "of the Republic", which ask for what
    follows, nor "Azerbaijan Republic", which opens "Azerbaijan Republic State Oil Company"); nor on a word
    that opens names after a proper name ("Kaduna State | Ministry of Finance"; but "Secretary of State")."""
    last = name_key(words[-1])
    if last in HEAD_WORDS and len(words) > 1 and words[-2][:1].isupper() and \
            name_key(words[-2]) not in FUNCTION_WORDS and not _closes_on_kind(words[-1]):
        return False
    if last not in UNFINISHED_WORDS:
        return True
    if last in FUNCTION_WORDS or len(words) < 3 or not words[-2][:1].isupper():
        return False
    before = name_key(words[-2])
    return before not in UNFINISHED_WORDS and \
        not any(part in BODY_WORDS or part in HEAD_WORDS for part in expand_words([before]))


def _complete_span(item: str, begin: int, end: int, registry: Registry, last: re.Match[str] | None = None) -> bool:
    """:func:`_complete` of item[begin:end]; past NAME_LIMIT letters (no registry name is that long) only its
    first and last words are read, so a long run of words is not copied at every word."""
    if end - begin <= NAME_LIMIT:
        return _complete(item[begin:end], registry)
    if last is None:
        last_start = end
        while last_start > begin and not item[last_start - 1].isspace():
            last_start -= 1
        last_word = item[last_start:end]
    else:
        last_start, last_word = last.start(), last.group()
    return item[begin].isupper() and last_start > begin and name_key(last_word) not in UNFINISHED_WORDS


def _spelled_as_known(text: str, registry: Registry) -> bool:
    """Whether ``text`` is a registry name or alias as spelled (not only like one)."""
    return name_form(text).key in registry_index(registry).exact


def _known(text: str, registry: Registry) -> str | None:
    """The kind of the registry agency ``text`` names by exact, alias or fuzzy match, else None; text longer
    than any name (NAME_LIMIT) names none."""
    return None if len(text) > NAME_LIMIT else _known_name(text, registry)


@lru_cache(maxsize=65536)
def _known_name(text: str, registry: Registry) -> str | None:
    index = registry_index(registry)
    form = name_form(text)
    exact = index.exact.get(form.key)
    if exact is not None:           # most names in a list are written as the registry has them
        return index.kinds[exact[0]]
    decision = resolve_forms([form], index)[0]
    if decision.position is None or decision.method == "fragment":
        return None
    return index.kinds[decision.position]
