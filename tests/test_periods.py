"""Periods in any wording: the printed text, the first and last year, the flag, the form, and period starts."""
from __future__ import annotations

import csv
import re

import pytest
from hypothesis import given, settings, strategies as st

from normalize.periods import (
    FORMS,
    PERIOD_MISSING,
    PERIOD_REVERSED,
    PERIOD_UNREADABLE,
    PERIOD_WITHOUT_YEAR,
    WORDS_FILE,
    Period,
    cell_to_period,
    holds_two_periods,
    looks_like_period_start,
    opens_period,
    period_form,
)
from normalize.text import clean_text


@pytest.mark.parametrize("cell, printed, start, end, flag", [
    ("2020", "2020", 2020, 2020, None),
    ("2020-2022", "2020-2022", 2020, 2022, None),
    ("2020- 2022", "2020-2022", 2020, 2022, None),
    ("2023 – 2025", "2023-2025", 2023, 2025, None),
    ("during 2024-2025", "during 2024-2025", 2024, 2025, None),
    ("during 2024- 2025", "during 2024-2025", 2024, 2025, None),
    ("during 2024-2 025", "during 2024-2025", 2024, 2025, None),
    ("20 25", "2025", 2025, 2025, None),
    ("до 20 декабря 2022", "до 20 декабря 2022", 2022, 2022, None),
    ("2025 (II quarter)", "2025 (II quarter)", 2025, 2025, None),
    ("Q1 2024", "Q1 2024", 2024, 2024, None),
    ("2024-2026 (annually)", "2024-2026 (annually)", 2024, 2026, None),
    ("March 2014", "March 2014", 2014, 2014, None),
    ("II квартал 2023", "II квартал 2023", 2023, 2023, None),
    ("2023–2025 гг.", "2023–2025 гг.", 2023, 2025, None),
    ("December 2013 - June 2014", "December 2013 - June 2014", 2013, 2014, None),
    ("2024-2025-ci illər ərzində", "2024-2025-ci illər ərzində", 2024, 2025, None),
    ("31.12.2024", "31.12.2024", 2024, 2024, None),
    ("2013-15", "2013-15", 2013, 2015, None),              # a range whose end is cut to two digits
    ("2014/15", "2014/15", 2014, 2015, None),
    ("2024-12-31", "2024-12-31", 2024, 2024, None),        # a date, not a range ending in 2012
    ("  Q1   2024 ", "Q1 2024", 2024, 2024, None),
    ("permanently", "permanently", None, None, PERIOD_WITHOUT_YEAR),
    ("regularly", "regularly", None, None, PERIOD_WITHOUT_YEAR),
    ("as needed", "as needed", None, None, PERIOD_WITHOUT_YEAR),
    ("ongoing", "ongoing", None, None, PERIOD_WITHOUT_YEAR),
    ("ежегодно", "ежегодно", None, None, PERIOD_WITHOUT_YEAR),
    ("постоянно", "постоянно", None, None, PERIOD_WITHOUT_YEAR),
    ("within 6 months", "within 6 months", None, None, PERIOD_WITHOUT_YEAR),
    ("", "", None, None, PERIOD_MISSING),
    ("   ", "", None, None, PERIOD_MISSING),
    ("2022-2020", "2022-2020", 2022, 2020, PERIOD_REVERSED),
    ("June 2015 - March 2014", "June 2015 - March 2014", 2015, 2014, PERIOD_REVERSED),
    ("20222", "20222", None, None, PERIOD_UNREADABLE),     # a year with a digit too many
    ("2020-20222", "2020-20222", None, None, PERIOD_UNREADABLE),
    ("3020", "3020", None, None, PERIOD_UNREADABLE),       # four digits, but no year 1900-2100
])
def test_cell_to_period(cell, printed, start, end, flag):
    assert cell_to_period(cell) == Period(printed, start, end, flag)


@pytest.mark.parametrize("text, form", [
    ("", "empty"),
    ("2020", "year"),
    ("2020-2022", "range"),
    ("2020- 2022", "range"),
    ("2013-15", "range"),
    ("2025 (II quarter)", "quarter"),
    ("Q1 2024", "quarter"),
    ("Q1-Q2 2024", "quarter"),
    ("II квартал 2023", "quarter"),
    ("2025-ci ilin II rübü", "quarter"),
    ("H1 2025", "half"),
    ("I полугодие 2024", "half"),
    ("March 2014", "month"),
    ("December 2013 - June 2014", "month"),
    ("декабрь 2024 года", "month"),
    ("dekabr 2024", "month"),
    ("31.12.2024", "date"),
    ("during 2024-2025", "year+words"),
    ("2024-2026 (annually)", "year+words"),
    ("2023–2025 гг.", "year+words"),
    ("permanently", "words"),
    ("as needed", "words"),
    ("daimi", "words"),
    ("20222", "unreadable"),
])
def test_period_form(text, form):
    assert period_form(text) == form


@pytest.mark.parametrize("token", [
    "2024", "2024-2026", "2020-", "2025-ci", "2024,", "31.12.2024", "12.2024",
    "Q1", "q3", "Q1-Q2", "II", "IV", "I-II", "1st", "First",
    "March", "Dec.", "декабрь", "декабря", "Dekabr",
    "during", "During", "within", "by", "until", "в", "В", "до",
    "permanently", "Permanently", "regularly", "as", "ежегодно", "Постоянно", "Daimi", "mütəmadi",
])
def test_tokens_that_open_a_period(token):
    assert looks_like_period_start(token)


@pytest.mark.parametrize("token", [
    "", " ", "Ministry", "of", "the", "Implementers:", "agencies", "31", "12", "3020", "20222", "V", "(II",
])
def test_tokens_that_do_not_open_a_period(token):
    assert not looks_like_period_start(token)


@pytest.mark.parametrize("text", [
    "постоянно", "2025 года", "III квартал 2025 года", "в течение 2026 года", "в 2025 году", "до 1 декабря 2025 года",
    "по мере необходимости", "during 2024-2025", "from July 2025", "Q1 2024", "annually", "kasmet",
])
def test_words_that_open_a_period(text):
    assert opens_period(text.split())


@pytest.mark.parametrize("text", [
    "в принятии решений", "по вопросам управления", "до", "в", "Ministry of Finance", "the reports", "",
])
def test_words_whose_first_may_open_a_period_but_that_do_not(text):
    """An opener alone ("в", "до") opens a period only before a period's word: "в принятии решений" is
    a heading's text cut over the period column, not a period."""
    assert not opens_period(text.split())


def test_period_words_are_data_in_three_languages_at_least():
    with WORDS_FILE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {"en", "ru", "az"} <= {row["language"] for row in rows}
    for language in ("en", "ru", "az"):
        kinds = {row["kind"] for row in rows if row["language"] == language}
        assert {"month", "quarter", "recurring"} <= kinds, language


# ------------------------------------------------------------------------------------------ properties

YEARS = st.integers(1900, 2100)
# Filler between years: any text without digits (and never empty, so two years do not run together).
FILLER = st.text(alphabet=st.characters(blacklist_categories=("Nd", "No", "Nl", "Cs")), min_size=1, max_size=12)
NO_DIGITS = st.text(alphabet=st.characters(blacklist_categories=("Nd", "No", "Nl", "Cs")), max_size=40)


@st.composite
def texts_with_years(draw):
    years = draw(st.lists(YEARS, min_size=1, max_size=4))
    parts = [draw(NO_DIGITS)]
    for year in years:
        parts += [str(year), draw(FILLER)]
    text = "".join(parts)
    return text, years


@settings(max_examples=300, deadline=None)
@given(texts_with_years())
def test_start_is_the_first_year_and_end_the_last(case):
    text, years = case
    period = cell_to_period(text)
    assert period.start_year == years[0]
    assert period.end_year == years[-1]
    assert period.flag == (PERIOD_REVERSED if years[-1] < years[0] else None)
    assert all(period.start_year is not None and min(years) <= y <= max(years)
               for y in (period.start_year, period.end_year))
    assert period_form(text) not in ("empty", "words", "unreadable")


@settings(max_examples=300, deadline=None)
@given(NO_DIGITS)
def test_text_without_digits_never_yields_years(text):
    period = cell_to_period(text)
    assert period.start_year is None and period.end_year is None
    assert period.flag == (PERIOD_MISSING if not clean_text(text) else PERIOD_WITHOUT_YEAR)
    assert period_form(text) == ("empty" if not clean_text(text) else "words")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_reads_and_keeps_its_text(text):
    period = cell_to_period(text)
    assert period.flag in (None, PERIOD_MISSING, PERIOD_UNREADABLE, PERIOD_WITHOUT_YEAR, PERIOD_REVERSED)
    assert (period.start_year is None) == (period.end_year is None)
    if period.flag is None or period.flag == PERIOD_REVERSED:
        assert period.start_year is not None
    if re.fullmatch(r"\d{4}\s*[-–—]\s*\d{4}", clean_text(text)) is None:
        assert period.text == clean_text(text)      # only a bare range is re-printed
    assert cell_to_period(period.text) == period     # reading the printed text again gives the same period
    assert period_form(text) in FORMS
    assert isinstance(looks_like_period_start(text), bool)


@pytest.mark.parametrize(("text", "two"), [
    ("January 2014 March", True), ("Q1 2024 Q2", True), ("2025 during", True), ("2024 до", True),
    ("January–March 2014", False), ("Q4 2013 – Q2 2014", False), ("March 2014 – June 2015", False),
    ("2025 (II quarter)", False), ("IV квартал 2023 года", False), ("2024-cü ilin II rübü", False),
    ("2025-ci il", False), ("during 2024", False), ("June 2014", False),
])
def test_a_cell_holding_the_end_of_one_period_and_the_start_of_the_next(text, two):
    assert holds_two_periods(text) is two


def test_a_soft_hyphen_between_two_years_is_their_range():
    """Numbers are not broken across lines: a producer that prints a range's dash as a soft hyphen
    ("2020\\u00ad2022") means the range, not one number (hypothesis found "1900\\u00ad1900" read as none)."""
    period = cell_to_period("2020\u00ad2022")
    assert (period.text, period.start_year, period.end_year) == ("2020-2022", 2020, 2022)


@pytest.mark.parametrize("text, two", [
    ("2026. године 2025–2026. године", True),
    ("2026. године III квартал 2026. године", True),
    ("2025. године – 2026. године", False),
    ("с 2025 года по 2026 год", False),
    ("2023–2025 гг.", False),
    ("2024-2025 гг. (ежегодно)", False),
])
def test_a_year_closed_by_its_year_word_ends_a_period_the_next_year_opens_another(text, two):
    """A centred period cell of two lines ("II квартал" | "2026. године") lets the search weigh "2026.
    године 2025–2026. године" as one cell: the year word closes one period, the year after it is the next
    one's, unless a dash or a word joins them into a range."""
    assert holds_two_periods(text) is two
