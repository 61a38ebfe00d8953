"""The small frozen records that travel between stages, each remembering where its text came from."""
from __future__ import annotations

from dataclasses import dataclass

#: The table's columns, in the order the plans print them.
COLUMNS: tuple[str, ...] = ("number", "title", "indicator", "agencies", "period")
NUMBER, TITLE, INDICATOR, AGENCIES, PERIOD = range(5)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a piece of text was read: the file, the 1-based line (text) or page (PDF), the column."""

    file: str
    line: int
    column: int
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None


@dataclass(frozen=True, slots=True)
class Fragment:
    """The text one band holds in one column."""

    text: str
    column: int
    source: Provenance


@dataclass(frozen=True, slots=True)
class Band:
    """One horizontal slice of the table: a fragment per column (empty text where the column is blank)."""

    index: int
    line: int
    fragments: tuple[Fragment, ...]
    column_header: bool = False

    def text(self, column: int) -> str:
        return self.fragments[column].text


@dataclass(frozen=True)
class RawDocument:
    """A source read into bands, before any repair."""

    path: str
    title: str
    title_line: int | None
    bands: tuple[Band, ...]
    #: Words of the column-header rows stripped from the bands, with their line (for the word accounting).
    header_words: tuple[tuple[int, str], ...] = ()
    #: Text found outside the table's columns (e.g. cells past the last column), with its line.
    stray: tuple[tuple[int, str], ...] = ()
    #: The words of the title, with their line.
    title_words: tuple[tuple[int, str], ...] = ()
    #: How many words each line of the source holds, for the word accounting (empty: not checked).
    line_words: tuple[tuple[int, int], ...] = ()
