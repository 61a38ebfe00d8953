"""Read a period cell in any wording into its printed form and its start and end years.

A period is printed many ways: "2020", "2020-2022", "2020- 2022" (broken at a hyphen), "2024-2 025" (a year
a narrow column wrapped inside its digits), "during 2024-2025",
"2025 (II quarter)", "Q1 2024", "March 2014", "December 2013 - June 2014", "II квартал 2023",
"2023–2025 гг.", "2024-2026 (annually)", or with no year at all: "permanently", "as needed", "ежегодно".
The text is kept as printed (damage undone by :func:`~normalize.text.clean_text`); the start year is the
first four-digit year (1900-2100) in it and the end year the last. A range whose end is cut to two digits
("2013-15", "2014/15") ends in that year of the same century.

Flags (one per period, in this order of precedence):

- ``period_missing``: the cell is empty;
- ``period_unreadable``: the cell prints a number that stands where a year would but is none (a run of
  four or more digits that is not a year 1900-2100, e.g. "20222", "3020"), so no year in it can be
  trusted: the years are left empty;
- ``period_without_year``: the cell names a time without a year ("permanently", "regularly"): the years
  are empty;
- ``period_reversed``: the end year is before the start year.

The words that say what a cell is (month and quarter names, "during", "permanently", ...) are data, per
language, in ``period_words.csv`` (columns ``language``, ``kind``, ``word``; a word ending in ``*`` stands for
any word it begins). :func:`period_form` and :func:`looks_like_period_start` read them for the column-bleed
repair, which learns what a document's period cells look like.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import clean_text

WORDS_FILE = Path(__file__).with_name("period_words.csv")

PERIOD_MISSING = "period_missing"
PERIOD_UNREADABLE = "period_unreadable"
PERIOD_WITHOUT_YEAR = "period_without_year"
PERIOD_REVERSED = "period_reversed"

FIRST_YEAR, LAST_YEAR = 1900, 2100

#: The kinds of words in ``period_words.csv``.
WORD_KINDS = ("month", "quarter", "half", "ordinal", "opener", "recurring", "year")

#: The forms :func:`period_form` returns.
FORMS = ("empty", "year", "range", "quarter", "half", "month", "date", "year+words", "words", "unreadable")

_DASH = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_DIGITS = re.compile(r"\d+")
_RANGE = re.compile(rf"^(\d{{4}})\s*[{_DASH}/]\s*(\d{{4}}|\d{{2}})$")
_SHORT_END = re.compile(rf"(?<!\d)(\d{{4}})\s*[{_DASH}/]\s*(\d{{2}})(?!\d)(?![{_DASH}./]\d)")
_DATE = re.compile(r"(?<!\d)(?:\d{1,2}[./]){1,2}\d{4}(?!\d)|(?<!\d)\d{4}[./-]\d{1,2}[./-]\d{1,2}(?!\d)")
_ROMAN_QUARTER = re.compile(rf"^(?:I{{1,3}}|IV)(?:[{_DASH}](?:I{{1,3}}|IV))?\.?$")
_TOKEN = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)*")
_TRAILING = ",.;:!?)]}\u00bb\u201d\"'"
#: A year a narrow column wrapped inside its digits ("2024-2 025"): two runs of digits, four in all.
_SPLIT_YEAR = re.compile(r"(?<!\d)(\d{1,3}) (\d{1,3})(?!\d)")


@dataclass(frozen=True)
class Period:
    text: str
    start_year: int | None
    end_year: int | None
    flag: str | None = None


# ------------------------------------------------------------------------------------------ vocabulary


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]  # casefolded; the last may be a stem
    stem: bool  # the last word stands for any word it begins

    def found_in(self, tokens: tuple[str, ...]) -> bool:
        n = len(self.words)
        for i in range(len(tokens) - n + 1):
            if all(_word_matches(w, tokens[i + j], self.stem and j == n - 1) for j, w in enumerate(self.words)):
                return True
        return False


def _word_matches(pattern: str, word: str, stem: bool) -> bool:
    return word.startswith(pattern) if stem else word == pattern


@lru_cache(maxsize=1)
def period_words() -> dict[str, tuple[_Phrase, ...]]:
    """The phrases of ``period_words.csv`` by kind, every language together."""
    found: dict[str, list[_Phrase]] = {kind: [] for kind in WORD_KINDS}
    with WORDS_FILE.open(encoding="utf-8", newline="") as f:
        for number, row in enumerate(csv.DictReader(f), start=2):
            kind, word = row["kind"].strip(), row["word"].strip()
            if kind not in found or not word:
                raise ValueError(f"{WORDS_FILE.name}:{number}: unknown kind {kind!r} or empty word")
            stem = word.endswith("*")
            words = tuple(word.rstrip("*").casefold().split())
            found[kind].append(_Phrase(words, stem))
    return {kind: tuple(phrases) for kind, phrases in found.items()}


def _tokens(text: str) -> tuple[str, ...]:
    """The casefolded words and numbers of a text; a hyphen-joined token also gives its parts after it."""
    out: list[str] = []
    for match in _TOKEN.finditer(text.casefold()):
        token = match.group()
        out.append(token)
        parts = re.split(r"[-\u2010\u2011]", token)
        if len(parts) > 1:
            out.extend(parts)
    return tuple(out)


@lru_cache(maxsize=1)
def _phrases_by_first_word() -> dict[str, tuple[dict[str, tuple[_Phrase, ...]], tuple[_Phrase, ...]]]:
    """Per kind, the phrases by their first word, and those whose first word is a stem (tried on any)."""
    index: dict[str, tuple[dict[str, tuple[_Phrase, ...]], tuple[_Phrase, ...]]] = {}
    for kind, phrases in period_words().items():
        by_first: dict[str, list[_Phrase]] = {}
        stems = []
        for phrase in phrases:
            if phrase.stem and len(phrase.words) == 1:
                stems.append(phrase)
            else:
                by_first.setdefault(phrase.words[0], []).append(phrase)
        index[kind] = ({word: tuple(found) for word, found in by_first.items()}, tuple(stems))
    return index


def _has_kind(tokens: tuple[str, ...], kind: str) -> bool:
    by_first, stems = _phrases_by_first_word()[kind]
    candidates = [phrase for token in set(tokens) for phrase in by_first.get(token, ())]
    return any(phrase.found_in(tokens) for phrase in (*candidates, *stems))


def is_year_word(token: str) -> bool:
    """True for a word that names the year printed before it ("2024 год", "2023-2025 гг.", "2025-ci il")."""
    tokens = _tokens(token)
    return bool(tokens) and _has_kind(tokens[:1], "year")


#: A dash standing alone between two periods' parts.
DASHES = frozenset("-–—")
#: A word that starts with a year ("2025", "2025–2026.").
YEAR_START = re.compile(r"(19|20)\d\d(\D|$)")


@lru_cache(maxsize=1 << 16)
def holds_two_periods(text: str) -> bool:
    """True when a month, quarter or half-year word follows a year with no dash between them, and another
    such word stands before that year, or when the word after the last year opens a period: "January 2014
    March" and "2025 during" are the end of one period and the start of the next ("March 2014", "during
    2024"), not one period ("January–March 2014", "Q4 2013 – Q2 2014" are)."""
    tokens = [token.strip("(),.;").casefold() for token in text.split()]
    years = [token.isdigit() and _is_year(token) for token in tokens]
    parts = [any(_has_kind((token,), kind) for kind in ("month", "quarter", "half")) for token in tokens]
    if any(years[k] and parts[k + 1] and any(parts[:k]) for k in range(1, len(tokens) - 1)):
        return True
    # "2026. године 2025–2026. године", "2026. године III квартал 2026. године": a year and the word naming
    # it close one period; a year after them is the next one's, unless a dash or a word joins them into a
    # range ("2025. године – 2026. године", "с 2025 года по 2026 год").
    if any(years[k] and is_year_word(tokens[k + 1]) and tokens[k + 2] not in DASHES
           and not _has_kind(tokens[k + 2: k + 3], "opener")
           and any(YEAR_START.match(token) for token in tokens[k + 2:]) for k in range(len(tokens) - 2)):
        return True
    # "2025 during": a year, then the word that opens the next period ("during 2024"), last.
    return len(tokens) >= 2 and years[-2] and _has_kind(tokens[-1:], "opener") and not _has_kind(tokens[-1:], "year")


# ------------------------------------------------------------------------------------------- years


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and FIRST_YEAR <= int(digits) <= LAST_YEAR


def years_in(text: str) -> tuple[list[int], bool]:
    """The years printed in ``text`` in order, and whether it prints a number that is a damaged year.

    A year is a run of exactly four digits from 1900 to 2100; a two-digit run cut after a year and a dash
    or slash ("2013-15") is the end of a range when it is a later year of the same century. A run of four
    or more digits that is no such year makes the text damaged.
    """
    found: list[tuple[int, int]] = []  # (position, year)
    damaged = False
    for run in _DIGITS.finditer(text):
        digits = run.group()
        if _is_year(digits):
            found.append((run.start(), int(digits)))
        elif len(digits) >= 4:
            damaged = True
    for match in _SHORT_END.finditer(text):
        if not _is_year(match.group(1)):
            continue
        start = int(match.group(1))
        end = start // 100 * 100 + int(match.group(2))
        if end > start:
            found.append((match.start(2), end))
    return [year for _, year in sorted(found)], damaged


# ---------------------------------------------------------------------------------------------- API


#: A tick mark in a cell: one or two signs ("X", "✓", "+", "•", "V", "х"), no word and no number.
_TICK = re.compile(r"^(?:[^\w\s]{1,2}|[xXvVхХ])$")


def is_tick(text: str) -> bool:
    """Whether a cell holds only a tick mark ("X", "✓", "•"): a Gantt's or a year column's mark, no text."""
    return bool(_TICK.match(text.strip()))


def ticks_to_period(cells: Iterable[tuple[str, str]]) -> Period | None:
    """The period of a plan that ticks years in columns of their own ("2024 | 2025 | 2026", an "X" under
    each year of the activity): from the first year ticked to the last, printed as no text. ``cells`` are
    (header, cell text) pairs; None when no column headed by one year holds a tick."""
    ticked = []
    for header, text in cells:
        years, _ = years_in(header)
        if len(years) == 1 and is_tick(text):
            ticked.append(years[0])
    return Period("", min(ticked), max(ticked)) if ticked else None


def cell_to_period(cell: str) -> Period:
    """The period of one cell: its text as printed (damage undone), first and last year, and a flag.

    A cell that is only a year or a range of years is printed plainly ("2023 – 2025" -> "2023-2025");
    any other text is kept as :func:`~normalize.text.clean_text` leaves it.
    """
    text = _SPLIT_YEAR.sub(_joined_year, clean_text(cell))
    if not text:
        return Period("", None, None, PERIOD_MISSING)
    years, damaged = years_in(text)
    if damaged:
        return Period(text, None, None, PERIOD_UNREADABLE)
    if not years:
        return Period(text, None, None, PERIOD_WITHOUT_YEAR)
    start, end = years[0], years[-1]
    plain = _RANGE.match(text)
    if plain and _is_year(plain.group(1)) and len(plain.group(2)) == 4:
        text = f"{plain.group(1)}-{plain.group(2)}"
    return Period(text, start, end, PERIOD_REVERSED if end < start else None)


def _joined_year(match: re.Match[str]) -> str:
    joined = match[1] + match[2]
    return joined if len(joined) == 4 and _is_year(joined) else match[0]


@lru_cache(maxsize=1 << 16)
def period_form(text: str) -> str:
    """The coarse form of a period cell's text, one of :data:`FORMS`.

    ``empty``; ``year`` ("2020"); ``range`` ("2020-2022", "2013-15"); with a year and words: ``quarter``
    ("Q1 2024", "2025 (II quarter)"), ``half`` ("H1 2024", "I полугодие 2024"), ``month`` ("March 2014"),
    ``date`` ("31.12.2024"), else ``year+words`` ("during 2024-2025", "2023–2025 гг."); ``words`` when it
    prints no year ("permanently"); ``unreadable`` when it prints a damaged year ("20222").
    """
    text = clean_text(text)
    if not text:
        return "empty"
    years, damaged = years_in(text)
    if damaged:
        return "unreadable"
    if not years:
        return "words"
    if _is_year(text):
        return "year"
    plain = _RANGE.match(text)
    if plain and _is_year(plain.group(1)) and len(years) == 2:
        return "range"
    tokens = _tokens(text)
    for kind in ("quarter", "half", "month"):
        if _has_kind(tokens, kind):
            return kind
    if _DATE.search(text):
        return "date"
    return "year+words"


@lru_cache(maxsize=1 << 16)
def looks_like_period_start(token: str) -> bool:
    """True when a word can be the first word of a period cell.

    A word that starts with a year ("2024", "2024-2026", "2025-ci") or is a date with one ("31.12.2024"),
    a Roman numeral of a quarter ("II", "I-II"), or the first word of a month, quarter, half-year, ordinal,
    opening ("during", "в течение") or yearless ("permanently", "as needed") phrase of ``period_words.csv``.
    """
    token = token.strip().rstrip(_TRAILING)
    if not token:
        return False
    leading = _DIGITS.match(token)
    if leading and _is_year(leading.group()):
        return True
    if leading and _DATE.match(token):
        return any(_is_year(run) for run in _DIGITS.findall(token))
    if _ROMAN_QUARTER.match(token):
        return True
    word = token.casefold()
    exact, stems = _start_words()
    for candidate in (word, re.split(r"[-\u2010\u2011/]", word)[0]):
        if candidate in exact or candidate.startswith(stems):
            return True
    return False


def opens_period(words: list[str]) -> bool:
    """Whether `words` open on a period: on a word `looks_like_period_start` takes that may stand first on
    its own ("2025", "III", "постоянно"); or on the whole of a phrase of several words it begins ("в течение
    2026 года"); or on a word that opens periods followed by a period's word ("в 2025 году", "до 1 декабря",
    not "в принятии решений")."""
    if not words or not looks_like_period_start(words[0]):
        return False
    first = words[0].strip().rstrip(_TRAILING).casefold()
    phrases = {kind: _phrases_by_first_word()[kind][0].get(first, ()) for kind in WORD_KINDS}
    if not any(phrases.values()):
        return True         # a year, a date, a Roman quarter, a stem
    if any(len(phrase.words) == 1 for kind, found in phrases.items() if kind != "opener" for phrase in found):
        return True
    longer = [phrase for found in phrases.values() for phrase in found if len(phrase.words) > 1]
    tokens = _tokens(" ".join(words[:max((len(phrase.words) for phrase in longer), default=1)]))
    if any(phrase.found_in(tokens[:len(phrase.words)]) for phrase in longer):
        return True
    return any(len(phrase.words) == 1 for phrase in phrases["opener"]) and len(words) > 1 and (
        looks_like_period_start(words[1]) or bool(_DIGITS.match(words[1])))


@lru_cache(maxsize=1)
def _start_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The first words of every phrase of ``period_words.csv``: whole words, and stems (a one-word ``x*``)."""
    exact: set[str] = set()
    stems: set[str] = set()
    for phrases in period_words().values():
        for phrase in phrases:
            (stems if phrase.stem and len(phrase.words) == 1 else exact).add(phrase.words[0])
    return frozenset(exact), tuple(sorted(stems))
