"""Text repair and period reading, including the rules that must hold for every input."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from normalize.periods import cell_to_period
from normalize.text import clean_text


@pytest.mark.parametrize("raw, clean", [
    ("Non- Governmental", "Non-Governmental"),
    ("e- services", "e-services"),
    ("2020- 2022", "2020-2022"),
    ("short- and long-term", "short- and long-term"),
    ("Government – Civil Society", "Government – Civil Society"),
    ("  two   spaces\tand tab ", "two spaces and tab"),
    ("activity of of the Chamber", "activity of of the Chamber"),
    ("исполни\u00ad тельные органы", "исполнительные органы"),     # a soft hyphen where a line broke
    ("trans\u00adparency", "transparency"),                        # one where it did not
])
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


@settings(deadline=None)
@given(st.text())
def test_cleaning_twice_gives_the_same_text(text):
    once = clean_text(text)
    assert clean_text(once) == once


@pytest.mark.parametrize("cell, printed, start, end, flag", [
    ("2020", "2020", 2020, 2020, None),
    ("2020-2022", "2020-2022", 2020, 2022, None),
    ("2020- 2022", "2020-2022", 2020, 2022, None),
    ("2023 – 2025", "2023-2025", 2023, 2025, None),
    ("", "", None, None, "period_missing"),
    ("soon", "soon", None, None, "period_without_year"),
    ("20222", "20222", None, None, "period_unreadable"),
    ("2022-2020", "2022-2020", 2022, 2020, "period_reversed"),
])
def test_periods(cell, printed, start, end, flag):
    period = cell_to_period(cell)
    assert (period.text, period.start_year, period.end_year, period.flag) == (printed, start, end, flag)
