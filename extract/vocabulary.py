"""What a plan's table prints, in one place for both readers and `normalize/`: activity and section
numbers, and the column-header labels by meaning (`extract/headers.csv`, per language).

Header labels are matched the way the extraction damages them: case, punctuation and white space are
ignored, so letters spaced apart any number of times ("Exec ution peri od") still read as the label.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HEADERS_FILE = Path(__file__).with_name("headers.csv")

#: The meanings a column can have; a column that has none of them is an `EXTRA` field of the activity (the
#: vocabulary names the usual ones, "Budget", "Status", "Notes", so that their content is never taken for
#: a meaning).
MEANINGS: tuple[str, ...] = ("number", "title", "indicator", "agencies", "partners", "period", "start", "end",
                             "section")
#: The meaning of a column that prints each activity's section heading beside it ("Objective 2: Open courts",
#: a cell merged down over the section's rows): given by its content (`extract.content.section_column`).
SECTION = "section"
#: The meanings of a period printed in two columns ("Start date" | "End date"): one period where the table
#: has no period column of its own.
PERIOD_PARTS: tuple[str, ...] = ("start", "end")
EXTRA = "extra"

#: An activity number as printed: "1", "40", "1.1", "1.1.", "2.10", "1.1.1", "3 .4", "1.1000", "1000.1", "7)",
#: "1.2)"; a plain number has at most three digits (a year in the number column is not an activity). The
#: first level may print its section in Roman numerals, "I.1", "II.3.", under a heading "II. ...": only
#: before a level in digits, so a Roman-looking word alone ("I", "V", "MIX") is never an activity number.
ACTIVITY_NUMBER = re.compile(
    r"^\s*((?:\d{1,9}|[IVXL]{1,6})(?:\s*\.\s*\d{1,9})+|\d{1,3})\s*[.)]?\s*$")
#: A section row begins with its number, in digits or Roman numerals: "2. Measures", "II. Measures" ("2
#: Measures" is not enough).
SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[IVXL]{1,6})\s*\.(?!\s*\d)\s*\S")
#: What case-folding leaves of a dotted capital I ("İ" -> "i" and this combining dot): not a letter of the word.
COMBINING_DOT = "\u0307"
#: The number a section heading prints and the space after it ("2. ", "II. ", "2.- ").
SECTION_PREFIX = re.compile(r"^\s*(\d{1,2}|[IVXL]{1,6})\s*\.(?:\s*[-\u2013\u2014](?=\s))?\s*")
#: The most words a label the vocabulary does not hold may print before a heading's number ("Task 2.",
#: "Strategic objective 3:"); a label of `heading_labels.csv` may have any number.
UNKNOWN_LABEL_WORDS = 2
#: What follows a heading's label: its number, then a dot or colon (after a space or not, "Axe 2 : "; a dash
#: may follow it, "Objetivo 1.- ") or a dash ("Pillar 1 – "), and the space after it.
_LABELLED_NUMBER = r"\s+(\d{1,2}|[IVXL]{1,6})(?:\s*[.:](?:\s*[-\u2013\u2014](?=\s))?|\s+[-\u2013\u2014])(?!\s*\d)\s*"
#: A heading's number after a label of one or two words, and the space after it ("Task 2. ", "Commitment 3: ",
#: "Задача 1. ", "Pillar 1 – "): the label's first word, then the number.
LABELLED_SECTION_PREFIX = re.compile(r"^\s*([^\W\d_]+)(?:\s+[^\W\d_]+)?" + _LABELLED_NUMBER)
#: A number joined by a hyphen to the letters after it: an ordinal's suffix or the label it numbers ("1-ci").
_ORDINAL_NUMBER = re.compile(r"^(\d{1,2}|[IVXL]{1,6})-[^\W\d_]+[.:]?$")
_ROMAN = (("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
#: What `squash` drops: all but letters and digits (`[^\W_]` is `str.isalnum`) and the number signs.
_NOT_SQUASHED = re.compile(r"[^\w№#]|_")


def activity_number_parts(text: str) -> tuple[int, ...] | None:
    """The levels of an activity number ("1.10." -> (1, 10); "7" -> (7,); "Activity 1.2" -> (1, 2): after a
    label of `activity_labels.csv`; "II.3" -> (2, 3): a section in Roman numerals is its value), or None
    when it is not one."""
    printed = printed_number_parts(text)
    if printed is None:
        return None
    return tuple(int(part) if part.isdigit() else roman_values()[part] for part in printed)


def activity_id(text: str) -> str | None:
    """An activity number as the output keeps it: its levels as printed joined by dots, without spaces, a
    label or trailing punctuation ("1.10." -> "1.10", "3 .4" -> "3.4", "7)" -> "7", "II.3." -> "II.3", a
    zero-padded "1.01" stays "1.01": ids are published as printed, the levels' values are the order's and
    the section's, `activity_number_parts`); None when `text` is no activity number."""
    printed = printed_number_parts(text)
    if printed is None:
        return None
    return ".".join(printed)


def printed_number_parts(text: str) -> tuple[str, ...] | None:
    """The levels of an activity number as printed ("II . 3." -> ("II", "3")), None when it is not one (a
    first level in Roman numerals must be one `roman` writes: "IIII.1" is not)."""
    match = ACTIVITY_NUMBER.match(text)
    if not match and (label := activity_label().match(text)):
        match = ACTIVITY_NUMBER.match(text[label.end():])
    if not match:
        return None
    parts = tuple(re.split(r"\s*\.\s*", match[1]))
    return parts if parts[0].isdigit() or parts[0] in roman_values() else None


#: An activity number opening a cell takes at most this many words ("1.1.1.", "3 .4", "Activity 1.2.").
OPENING_WORDS = 3


def opening_number(text: str) -> tuple[str, str] | None:
    """(the activity number as printed, the text after it) when a cell opens with an activity number
    ("1.1.1. Publish the list" -> ("1.1.1.", "Publish the list")), as plans with no number column print it;
    None otherwise. A number of one level must be closed by a dot or a bracket ("7. Publish"): a line
    that wrapped onto "10 municipalities" opens with no activity number."""
    words = text.split()
    for n in range(1, min(OPENING_WORDS, len(words)) + 1):
        printed = " ".join(words[:n])
        parts = printed_number_parts(printed)
        if parts is not None and (len(parts) > 1 or printed[-1] in ".)"):
            return printed, " ".join(words[n:])
    return None


ACTIVITY_LABELS_FILE = Path(__file__).with_name("activity_labels.csv")


@lru_cache(maxsize=1)
def activity_label() -> re.Pattern[str]:
    """A word an activity's number may be printed after in its cell ("Activity 1.1", "Мероприятие 2",
    "Activity II.1"), and the space after it; data in `activity_labels.csv`."""
    with ACTIVITY_LABELS_FILE.open(encoding="utf-8", newline="") as f:
        labels = sorted((row["label"] for row in csv.DictReader(f)), key=len, reverse=True)
    return re.compile(r"^\s*(?:" + "|".join(map(re.escape, labels)) + r")\s+(?=\d|[IVXL]+\s*\.\s*\d)", re.IGNORECASE)


def roman(number: int) -> str:
    """`number` (1 to 89) in Roman numerals: 4 -> "IV"."""
    digits = []
    for letters, value in _ROMAN:
        while number >= value:
            digits.append(letters)
            number -= value
    return "".join(digits)


def is_column_numbering(cells: Sequence[str]) -> bool:
    """Whether a row only numbers the table's columns ("1 | 2 | 3 | 4 | 5" under the header row, as many
    plans print it): three cells or more, holding 1, 2, 3, ... in order."""
    texts = [cell.strip() for cell in cells if cell.strip()]
    return len(texts) >= 3 and texts == [str(k) for k in range(1, len(texts) + 1)]


def strip_column_numbering(cells: Sequence[str]) -> list[str] | None:
    """The cells of a row that numbers the table's columns and shares its line with a heading the text form
    drew onto it ("1 | 2 Направлен | 3 ие 1. Открытость бюдж | 4 ... | 7"), without their numbers: every cell,
    three or more, opens on its column's number 1, 2, 3, ... in order; else None."""
    if len(cells) < 3:
        return None
    rest = []
    for k, cell in enumerate(cells, start=1):
        number, _, text = cell.strip().partition(" ")
        if number != str(k):
            return None
        rest.append(text.strip())
    return rest


HEADING_LABELS_FILE = Path(__file__).with_name("heading_labels.csv")


@lru_cache(maxsize=1)
def heading_labels() -> frozenset[str]:
    """The words a section heading may print before its number ("Task", "Commitment", "Задача"), case-folded,
    a label of several words as one string ("strategic objective", "key result area"); data in
    `heading_labels.csv`. A label opening on a dotted capital I ("İstiqamət") is also held as printed in
    lower case ("istiqamət"): case-folding keeps the dot as a letter of its own."""
    with HEADING_LABELS_FILE.open(encoding="utf-8", newline="") as f:
        folded = {" ".join(row["label"].casefold().split()) for row in csv.DictReader(f)}
    return frozenset(folded | {label.replace(COMBINING_DOT, "") for label in folded})


@lru_cache(maxsize=1)
def heading_label_words() -> int:
    """The most words a heading's label may print before its number: the longest label of
    `heading_labels.csv`, or `UNKNOWN_LABEL_WORDS`."""
    return max([UNKNOWN_LABEL_WORDS, *(len(label.split()) for label in heading_labels())])


@lru_cache(maxsize=1)
def _heading_label_alternation() -> str:
    """The labels of `heading_labels.csv` as one regex alternation, their words parted by any space, longest
    first: "Key result area 1:" is that label's heading, not "Area 1:" after two words."""
    labels = sorted(heading_labels(), key=lambda label: (-len(label.split()), -len(label)))
    return "|".join(r"\s+".join(map(re.escape, label.split())) for label in labels)


@lru_cache(maxsize=1)
def _known_labelled_prefix() -> re.Pattern[str]:
    return re.compile(rf"^\s*((?:{_heading_label_alternation()}))" + _LABELLED_NUMBER, re.IGNORECASE)


def labelled_prefix(text: str) -> re.Match[str] | None:
    """A heading's label, number and the space after them at the start of `text` ("Key Result Area 1: ",
    "Task 2. "; group 1 opens the label, group 2 is the number): a label of `heading_labels.csv`, of any
    length, else any one or two words (`LABELLED_SECTION_PREFIX`)."""
    return _known_labelled_prefix().match(text) or LABELLED_SECTION_PREFIX.match(text)


def begins_section(text: str) -> bool:
    """Whether a row's text begins as a section heading: its number ("2. Measures", "II. Measures"), or a
    capitalised label and its number ("Task 2. Measures", "Commitment 3: Open data")."""
    if SECTION_NUMBER.match(text):
        return True
    labelled = labelled_prefix(text)
    return labelled is not None and labelled.end() < len(text) and labelled[1][0].isupper()


def words_begin_section(words: Sequence[str]) -> bool:
    """Whether a row's first words begin a section heading (`begins_section`): as many as its label, number
    and title's first word may be, the longest label of `heading_labels.csv` counted."""
    return begins_section(" ".join(words[:heading_label_words() + 2]))


def prints_heading(text: str) -> bool:
    """Whether a line of text outside the table prints a section heading: its number first ("2. Open data"),
    or after a label of `heading_labels.csv` ("Commitment 3: Open data"; not "Annex 1. ...")."""
    if SECTION_NUMBER.match(text):
        return True
    labelled = _known_labelled_prefix().match(text)
    return labelled is not None and labelled.end() < len(text)


def heading_number(title: str) -> int | None:
    """The number a heading prints first, after a label or not ("2. Open data", "Task 2: Open data" -> 2)."""
    words = title.split()
    if not words:
        return None
    number = section_number(words[0])
    if number is None and (after := _label_after_number().match(title)):
        number = section_number(after[1] + ".")
    if number is None:
        match = labelled_prefix(title)
        number = section_number(match[2] + ".") if match else None
    return number


@lru_cache(maxsize=1)
def _label_after_number() -> re.Pattern[str]:
    # A heading's number, then its label closed by a dot or a colon: where a language puts the number first
    # ("1-yoʻnalish. ", "2. apņemšanās: "); without the mark the word may open the title ("1. Commitment to").
    return re.compile(rf"^\s*(\d{{1,2}}|[IVXL]{{1,6}})(?:\s*\.|-[^\W\d_]{{0,4}})?\s*"
                      rf"(?:{_heading_label_alternation()})\s*[.:]\s+", re.IGNORECASE)


def strip_section_number(title: str) -> str:
    """A numbered heading's title without its number, and without the label before it ("Task 2. Open data"
    -> "Open data") or after it ("1-yoʻnalish. Open data" -> "Open data")."""
    after = _label_after_number().match(title)
    if after and after.end() < len(title):
        return title[after.end():]
    if SECTION_PREFIX.match(title):
        return SECTION_PREFIX.sub("", title, count=1)
    labelled = labelled_prefix(title)
    return title[labelled.end():] if labelled else title


def section_number(token: str) -> int | None:
    """The number a section heading's first token prints: "2." -> 2, "II." -> 2; None if it prints none."""
    match = SECTION_PREFIX.match(token)
    if not match or match.end() < len(token.rstrip()) and not token[match.end() - 1].isspace():
        return None
    printed = match[1]
    return int(printed) if printed.isdigit() else roman_values().get(printed)


def printed_section_number(word: str) -> int | None:
    """The number a heading's label prints, bare or closed by a dot or colon ("1", "1.", "2:", "IV."), or
    joined by a hyphen to the label's start after it ("1-бағ", "1-ci": where a language puts the number
    first), else None."""
    ordinal = _ORDINAL_NUMBER.match(word)
    return section_number((ordinal[1] if ordinal else word.rstrip(".:")) + ".")


@lru_cache(maxsize=1)
def roman_values() -> dict[str, int]:
    """Every Roman numeral `roman` writes, with its value: "IIII" or "VX" are not numbers."""
    return {roman(number): number for number in range(1, 90)}


def squash(text: str) -> str:
    """The letters and digits of `text`, case-folded: what survives any spacing or punctuation damage."""
    return _NOT_SQUASHED.sub("", text.casefold())


@dataclass(frozen=True)
class Label:
    meaning: str
    language: str
    text: str
    key: str
    #: Of two columns whose labels name one meaning, the higher rank takes it ("Indicator" over "Expected
    #: outcome"); ties go to the first.
    rank: int = 0


@lru_cache(maxsize=1)
def header_labels() -> tuple[Label, ...]:
    """Every header label of the vocabulary, longest key first (so "Period of performance" beats "Period")."""
    with HEADERS_FILE.open(encoding="utf-8", newline="") as f:
        labels = [Label(row["meaning"], row["language"], row["label"], squash(row["label"]), int(row.get("rank") or 0))
                  for row in csv.DictReader(f)]
    unknown = sorted({label.meaning for label in labels} - {*MEANINGS, EXTRA})
    if unknown:
        raise ValueError(f"{HEADERS_FILE}: unknown meaning(s) {', '.join(unknown)}; expected one of "
                         f"{(*MEANINGS, EXTRA)}")
    return tuple(sorted(labels, key=lambda label: (-len(label.key), label.key, label.meaning)))


@lru_cache(maxsize=1)
def labels_by_initial() -> dict[str, tuple[Label, ...]]:
    """The labels by the first character of their key, longest first: a cell is compared with few."""
    found: dict[str, list[Label]] = {}
    for label in header_labels():
        found.setdefault(label.key[0], []).append(label)
    return {initial: tuple(labels) for initial, labels in found.items()}


@lru_cache(maxsize=1)
def longest_label_key() -> int:
    return max(len(label.key) for label in header_labels())


def squash_start(text: str, length: int) -> str:
    """`squash(text)`, or a prefix of it at least `length` long: a long cell is not squashed whole to read
    the few letters a label can take."""
    window = 4 * length + 16  # a label spaced apart letter by letter, with punctuation, stays well inside
    if len(text) > window:
        key = squash(text[:window])
        if len(key) >= length:
            return key
    return squash(text)


def letters_end(text: str, squashed_length: int) -> int:
    """The index in `text` just after its first `squashed_length` squashed characters."""
    kept = 0
    position = 0
    while position < len(text) and kept < squashed_length:
        if squash(text[position]):
            kept += 1
        position += 1
    return position


def match_label(text: str) -> tuple[Label, int] | None:
    """The header label `text` starts with, and how many printed characters it takes; None if none.

    The label must end where a word ends (the next character is not a letter), and a spaced-apart label may
    not end on a lone letter ("indicator s to expand" is "indicator" + "s to expand", not "Indicators");
    a label of one or two characters ("No", "N") must be the whole cell.
    """
    key = squash_start(text, longest_label_key() + 1)
    if not key:
        return None
    for label in labels_by_initial().get(key[0], ()):
        if not key.startswith(label.key):
            continue
        if len(label.key) <= 2 and key != label.key:
            continue
        end = letters_end(text, len(label.key))
        if end < len(text) and text[end].isalnum():
            continue
        pieces = text[:end].split()
        if len(pieces) > len(label.text.split()) and len(pieces[-1]) == 1 and len(pieces[-2]) > 1:
            continue
        while end < len(text) and text[end] in ":.)\u00b0":
            end += 1       # the label's own punctuation ("No.", "Deadline:", "N°")
        while end < len(text) and text[end] in " :\t":
            end += 1       # (a dot after a space is not the label's: a heading's number was cut from it)
        if 0 < end < len(text) and not text[end - 1].isspace() and not text[end].isspace():
            continue  # the label would split a printed word ("Number:X")
        return label, end
    return None


def label_rank(text: str) -> int:
    """The rank of the label a header cell starts with (`Label.rank`), 0 when none."""
    found = match_label(text)
    return found[0].rank if found else 0


#: A header cell whose last letters a line or column edge took may miss at most this many, and must keep at
#: least `CUT_LABEL_LETTERS` letters, to read as the label it begins ("Соисполнител" for "Соисполнители").
CUT_LABEL_MISSING = 2
CUT_LABEL_LETTERS = 8


def cut_label(text: str) -> tuple[Label, int] | None:
    """The label a header cell of one word begins where the cell is that label without its last letter or
    two (a renderer broke the word where the cell ran out of room, and its end went elsewhere), when every
    label it may begin names one meaning; None otherwise."""
    key = squash(text)
    if len(text.split()) != 1 or len(key) < CUT_LABEL_LETTERS or not text.rstrip()[-1:].isalpha():
        return None
    fits = [label for label in labels_by_initial().get(key[0], ())
            if label.key.startswith(key) and len(label.key) - len(key) <= CUT_LABEL_MISSING]
    if not fits or len({label.meaning for label in fits}) > 1:
        return None
    return fits[0], len(text)


def qualified_label(text: str) -> tuple[Label, int] | None:
    """The label a header cell of two words ends on, where the first says which of its kind the column holds
    and begins no label itself ("Արդյունքի ցուցանիշ", result indicator, where the vocabulary knows
    "Ցուցանիշ"): a language that puts the qualifier first names the column by its last word. None otherwise."""
    words = text.split()
    if len(words) != 2 or not all(word.isalpha() for word in words) or match_label(words[0]) is not None:
        return None
    key = squash(words[1])
    whole = [label for label in labels_by_initial().get(key[:1], ()) if label.key == key]
    if not whole or len({label.meaning for label in whole}) > 1:
        return None
    return whole[0], len(text)


def split_header_cell(text: str) -> tuple[str | None, str, str]:
    """(meaning, label as printed, the rest of the cell) for a header cell; meaning None when no label fits."""
    found = match_label(text) or cut_label(text) or qualified_label(text)
    if not found:
        return None, "", text
    label, length = found
    more = match_label(text[length:])
    if more is not None and more[0].meaning == label.meaning and not text[length + more[1]:].strip():
        length = len(text)      # a cell of two labels of one meaning is one label ("Responsible executors")
    return label.meaning, text[:length].strip(), text[length:].strip()


GROUP_LABELS_FILE = Path(__file__).with_name("group_labels.csv")


@lru_cache(maxsize=1)
def group_labels() -> dict[tuple[str, str], str]:
    """(the group's meaning, a sub-label's key) -> the sub-label's meaning under such a group; data in
    `group_labels.csv`: words that name a column only in the light of a group label printed over it
    ("Supporting" under "Responsibility" is the partners, "End" under "Timeframe" the period's end)."""
    with GROUP_LABELS_FILE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    unknown = sorted({row[kind] for row in rows for kind in ("group", "meaning")} - {*MEANINGS, EXTRA})
    if unknown:
        raise ValueError(f"{GROUP_LABELS_FILE}: unknown meaning(s) {', '.join(unknown)}")
    return {(row["group"], squash(row["label"])): row["meaning"] for row in rows}


def meaning_within(group: str, text: str) -> str | None:
    """The meaning of a header cell `text` printed under a group label `group` ("Responsibility" over
    "Lead" | "Supporting"): the cell's sub-label read within the group's meaning, else None (the group
    names no meaning the vocabulary holds, or the cell is no sub-label of it)."""
    found = match_label(group)
    return None if found is None else group_labels().get((found[0].meaning, squash(text)))
