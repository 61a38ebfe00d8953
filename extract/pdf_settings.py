"""The tolerances the PDF reader works with, as one validated frozen dataclass.

Lengths are in units of the page's typical word height (`em`), so the same settings fit a plan set in
8 pt and one set in 12 pt; the few absolute ones (snapping ruling lines) are in PDF points.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class PdfSettings:
    """How close is "the same line", how wide is "a gap between columns", and so on."""

    #: Words whose tops differ by less than this (em) stand on one visual line.
    line_tolerance: float = 0.4
    #: A horizontal gap between two words wider than this (em) separates phrases (column gutters do).
    phrase_gap: float = 0.55
    #: A white gap across all columns this much (em) taller than the usual gap between a cell's lines
    #: separates two table rows.
    row_gap: float = 0.25
    #: A white gap across all columns this tall (em) ends the table (signatures, footnotes follow).
    far_gap: float = 2.5
    #: A block of at most this many words alone on its line, away from the table, is page furniture
    #: (a page number, "Page 3 of 9"), not a row.
    furniture_words: int = 4
    #: How many lines above and below its first labelled line the column-header row may take.
    header_lines: int = 6
    #: Columns whose label the first column-header row must show for the table to be recognised.
    min_header_columns: int = 3
    #: Ruling lines closer than this (pt) are snapped and joined into one.
    rule_snap: float = 3.0
    #: A horizontal rule covering this share of the table's width separates rows.
    rule_cover: float = 0.9
    #: A vertical rule covering this share of a row's height separates that row's cells.
    rule_height: float = 0.8
    #: Two labels set as one phrase in the header row ("Milestone activity") head one column, not two, when at
    #: least this share of the body's lines with text under them run across all the x between the labels
    #: (no gutter parts their text).
    unparted_share: float = 0.3
    #: Header labels may move this far (em) between pages before the columns are measured again.
    header_shift: float = 1.0
    #: A table's cells hang from the top of their rows when at least this many of its rows set apart by
    #: white gaps or rules open on their number's line and run on under it ...
    hanging_rows: int = 3
    #: ... and at least this share of the rows that show where their cells open do so (the others open
    #: above their number's line, as cells centred on their rows do).
    hanging_share: float = 0.9

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"PdfSettings.{f.name} must be a number >= 0, not {value!r}")
        for name in ("rule_cover", "rule_height", "hanging_share", "unparted_share"):
            if not 0 < getattr(self, name) <= 1:
                raise ValueError(f"PdfSettings.{name} must be in (0, 1], not {getattr(self, name)!r}")
        for name in ("furniture_words", "header_lines", "min_header_columns", "hanging_rows"):
            if not isinstance(getattr(self, name), int):
                raise ValueError(f"PdfSettings.{name} must be a whole number, not {getattr(self, name)!r}")
        if not 1 <= self.min_header_columns <= 5:
            raise ValueError(f"PdfSettings.min_header_columns must be 1 to 5, not {self.min_header_columns!r}")
        if self.phrase_gap <= 0 or self.line_tolerance <= 0:
            raise ValueError("PdfSettings.phrase_gap and line_tolerance must be > 0")
