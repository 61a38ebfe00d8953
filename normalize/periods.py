"""Read a period cell ("2020", "2020-2022", "2020- 2022") into its printed form and start and end years."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import clean_text

PERIOD = re.compile(r"^(?P<start>\d{4})(?:\s*[-–—]\s*(?P<end>\d{4}))?$")


@dataclass(frozen=True)
class Period:
    text: str
    start_year: int | None
    end_year: int | None
    flag: str | None = None


def cell_to_period(cell: str) -> Period:
    """An empty cell is flagged `period_missing`; text that is not a year or a range, `period_unreadable`."""
    text = clean_text(cell)
    if not text:
        return Period("", None, None, "period_missing")
    match = PERIOD.match(text)
    if not match:
        return Period(text, None, None, "period_unreadable")
    start = int(match["start"])
    end = int(match["end"]) if match["end"] else start
    if end < start:
        return Period(text, start, end, "period_reversed")
    printed = f"{start}-{end}" if match["end"] else str(start)
    return Period(printed, start, end)
