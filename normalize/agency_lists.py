"""Agency cells into mentions: the names one role part of a cell lists, as printed.

Items are separated by commas, semicolons, bullets and slashes with space on both sides, except a
separator inside a known name or a name whose series goes on past a comma; an item that is not a known
name is split further where a second name follows a complete one (see :func:`split_agency_list`). Whether
pieces after a comma go on with a name's series is `normalize.series`; how one item splits into names,
`normalize.list_items`.
"""
from __future__ import annotations

import re

from normalize.registry import Registry, name_key
from normalize.text import BULLETS, OPENING_QUOTES

from .acronyms import acronym_key, definition
from .list_items import as_written, split_item, strip_span
from .matching import RegistryIndex, registry_index
from .name_words import CONJUNCTIONS, FUNCTION_WORDS, HEAD_WORDS, LEGAL_FORMS, NO_AGENCY, holds_body_word
from .series import continues_series, ends_and_starts, series_end, series_spelled_by_acronym

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
    cut = [(*strip_span(text, start, end), separator)
           for start, end, separator in _split_separators(text, index, separators)]
    k = 0
    while k < len(cut):
        start, end, separator = cut[k]
        k += 1
        piece = text[start:end]
        if not piece:
            continue    # (between a line's end and the bullet opening the next line's item)
        previous = as_written(text[spans[-1][0]:spans[-1][1]]) if spans else ""
        # A line that ends after a comma was parted by the comma: its end says nothing more.
        ended = separator == "\n" and not (spans and re.search(r"[,;]", text[spans[-1][1]:start]))
        if spans and (piece.startswith("(") or ended and (not ends_and_starts(previous, piece, registry)
                                                          or spelled_across_lines(previous, piece))
                      or separator == "," and (_opens_on_function_word(piece) or is_legal_form(piece))):
            # A remark on the name before it ("(по согласованию)"), a line that ended where a name goes on (its
            # acronym spelling both lines: "Office of the Chief Parliamentary | Counsel (OCPC)"), or
            # a comma inside a name ("Instance Nationale de la Probité, | de la Prévention et de la Lutte ...",
            # "Procurement Watch, | Inc.", "Agência para a Modernização Administrativa, | I.P. (AMA, I.P.)").
            spans[-1] = (spans[-1][0], end)
        elif spans and (last := series_spelled_by_acronym(text, cut, k - 1, spans[-1][0])) is not None:
            spans[-1] = (spans[-1][0], cut[last][1])
            k = last + 1
        elif spans and (last := series_end(previous, text, cut, k - 1, registry)) is not None:
            spans[-1] = (spans[-1][0], cut[last][1])
            k = last + 1
        elif spans and (head := _before_head_word(piece)) and continues_series(previous, head, registry):
            # The series goes on up to a name that follows with nothing between ("инноваций и аэрокосмической
            # промышленности Министерство информации ...").
            spans[-1] = (spans[-1][0], start + len(head))
            spans.append(strip_span(text, start + len(head), end))
        elif piece:
            spans.append((start, end))
    spans = _qualifiers_joined(text, spans)
    pieces = [as_written(text[start:end]) for start, end in spans]
    # (A list's last item after a comma may keep the list's conjunction: "..., and Supreme Court".)
    pieces = pieces[:1] + [_CONJUNCTION_OPENING.sub("", piece, count=1) for piece in pieces[1:]]
    for piece in pieces:
        if name_key(piece) not in NO_AGENCY:
            items.extend(split_item(piece, registry))
    return items


def _line_end_after_acronym(match: re.Match[str]) -> str:
    """The space after "(ACR)" as a line's end where a capital follows; else the match unchanged (same length)."""
    following = match.string[match.end():match.end() + 2].lstrip(OPENING_QUOTES)
    return match.group(1) + "\n" if following[:1].isupper() and acronym_key(match.group(2)) else match.group()


def spelled_across_lines(previous: str, piece: str) -> bool:
    """Whether a line closing on an acronym in brackets that does not spell it alone spells it with the line
    before: one name, wrapped ("Office of the Chief Parliamentary" | "Counsel (OCPC)")."""
    return piece.endswith(")") and definition(piece) is None and definition(f"{previous} {piece}") is not None


def is_legal_form(piece: str) -> bool:
    """Whether a list's piece is a name's legal form ("Inc.", "I.P."), its acronym in brackets after it or not."""
    return name_key(piece.split("(", 1)[0]) in LEGAL_FORMS


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


