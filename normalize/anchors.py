"""Find the activities: the bands whose number column holds an activity number ("1.10.", "2.3", "7", "1.1.1",
"II.3").

A plan numbers its activities one way. Where some numbers have two levels or more ("2.3"), those are the
activities and the first level is the section (in Roman numerals, "II.3", the section is its value, 2,
as its heading "II. ..." prints it); a lone number is then a section's. Where every number is
plain ("1", "2", ... "40"), each is an activity and the section is the heading row above it (see
`normalize.sections`).
"""
from __future__ import annotations

from dataclasses import dataclass

from extract.model import Band
from extract.vocabulary import (SECTION_NUMBER, activity_id, activity_number_parts, heading_labels,
                                printed_section_number)


@dataclass(frozen=True)
class Anchor:
    """An activity's number and the band it stands in (the band at its row's vertical centre).

    `section_no` is the section number as printed, a Roman one as its value ("II.3" -> 2; None when the plan
    numbers its activities plainly);
    `section_key` groups the activities of one section (the section number, or the heading's rank).
    """

    activity_id: str
    section_no: int | None
    band: int
    line: int
    section_key: int = 0


def number_closing_heading(text: str) -> str | None:
    """The activity number closing a number cell whose other words are a heading's start glued above it
    ("A. Per 1", "1 užda 1.1.": a heading row the text form joined to the number's line, cut at the column's
    edge; "təkmi 1.1", the end of a heading's next line), or None. The words before it open on a capital or
    the heading's number (or, before a section's first number, "1.1", on anything), and print no digit but
    that number: a heading's, never a number's. (Whether the number is the one a heading can stand above is
    `heading_may_open`.)"""
    words = text.split()
    if len(words) < 2 or activity_number_parts(words[-1]) is None:
        return None
    printed = [word for word in words[:-1] if any(ch.isdigit() for ch in word)]
    if printed and (printed[0] != words[0] or len(printed) > 1 or printed_section_number(printed[0]) is None):
        return None
    parts = activity_number_parts(words[-1])
    return words[-1] if words[0][:1].isupper() or printed or len(parts) > 1 and parts[-1] == 1 else None


def heading_may_open(text: str, parts: tuple[int, ...], previous: tuple[int, ...]) -> bool:
    """Whether a heading glued before activity number `parts` in its cell (`text`, see
    `number_closing_heading`) can open that activity's section: a plain number is the one after the number
    before it (1 first), under a heading that prints no number; a levelled number is its section's first
    ("1.1") under a heading that prints that section's number ("1 užda 1.1.")."""
    before = text.split()[:-1]
    printed = any(ch.isdigit() for word in before for ch in word)
    if len(parts) == 1:
        # A heading may print its own number ("1-бағ 1."), though not a bare one a number could be ("3 4").
        return len(previous) == 1 and parts == (previous[0] + 1,) and \
            (not printed or activity_number_parts(before[0]) is None or len(before) > 1)
    if not printed:
        # The start of a label cut at the edge, its number past it ("Angaja 1.1" | "amentul 1 – ..."); a whole
        # label is the number's own ("Commitment 1.1").
        return parts[-1] == 1 and " ".join(before).casefold() not in heading_labels()
    return parts[-1] == 1 and printed_section_number(before[0]) == parts[0]


def number_opening_heading(text: str) -> str | None:
    """The activity number opening a number cell whose other words are the start of the next section's
    heading glued below it ("1.4 II. FIN": a heading row the text form joined to the number's line, cut at
    the column's edge), or None: the words after the number open on a section number and a capital."""
    number, _, rest = text.strip().partition(" ")
    if activity_number_parts(number) is None or not SECTION_NUMBER.match(rest):
        return None
    return number


def bands_to_anchors(bands: tuple[Band, ...], number_column: int = 0) -> list[Anchor]:
    """The activities' numbers and bands. A number a heading's start is glued before in its cell ("A. Per 1",
    "1 užda 1.1.") is an activity's where the heading may open its section (`heading_may_open`); so
    is a number the next section's heading is glued after ("1.4 II. FIN")."""
    numbered = []
    for band in bands:
        if band.column_header or number_column >= len(band.fragments):
            continue
        text = band.text(number_column)
        parts = activity_number_parts(text)
        if parts is None and (glued := number_closing_heading(text)) is not None:
            parts = activity_number_parts(glued)
            if parts is None or not heading_may_open(text, parts, numbered[-1][1] if numbered else (0,)):
                continue
            text = glued
        if parts is None and (opening := number_opening_heading(text)) is not None:
            parts, text = activity_number_parts(opening), opening
        if parts is not None:
            numbered.append((band, parts, activity_id(text)))
    levelled = any(len(parts) >= 2 for _, parts, _ in numbered)
    anchors = []
    for band, parts, printed in numbered:
        if levelled and len(parts) < 2:
            continue
        section = parts[0] if levelled else None
        anchors.append(Anchor(printed, section, band.index, band.line, section or 0))
    return anchors


def order_flags(anchors: list[Anchor]) -> dict[int, list[str]]:
    """Activity ids given twice, out of order, or a section number going backwards."""
    flags: dict[int, list[str]] = {}
    seen: set[str] = set()
    previous: tuple[int, ...] | None = None
    for i, anchor in enumerate(anchors):
        key = activity_number_parts(anchor.activity_id) or ()    # ("II.3" is (2, 3), after "I.4")
        if anchor.activity_id in seen:
            flags.setdefault(i, []).append("activity_id_duplicate")
        if previous and len(key) > 1 and key[0] < previous[0]:
            flags.setdefault(i, []).append("section_backwards")
        elif previous and key <= previous and anchor.activity_id not in seen:
            flags.setdefault(i, []).append("activity_id_out_of_order")
        seen.add(anchor.activity_id)
        previous = key
    return flags
