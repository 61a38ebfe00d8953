"""The small frozen records that travel between stages, each remembering where its text came from."""
from __future__ import annotations

from dataclasses import dataclass

#: The seed plan's columns, in the order it prints them: the layout of a table whose header says nothing.
COLUMNS: tuple[str, ...] = ("number", "title", "indicator", "agencies", "period")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its meaning (see `extract.vocabulary.MEANINGS`, or "extra"), the header as
    printed, and how the meaning was decided ("label": by the header's words; "content": by what the
    column holds, the header being unknown or absent; "default": the seed layout, nothing to go on; "only
    text": headed as a result, but the table's only text column, so it names the activities; "headings": its
    cells print the sections' headings, so it is the section, `extract.content.section_column`)."""

    meaning: str
    header: str = ""
    decided_by: str = "label"


@dataclass(frozen=True, slots=True)
class TableProfile:
    """A table of the document as learned from it: its columns, where its header row stands."""

    columns: tuple[Column, ...]
    line: int
    page: int | None = None
    #: The keys of the key/value blocks printed above the table (a commitment's "Lead implementing agency",
    #: "Other actors involved") whose values its activities took as their agencies, having no agency column of
    #: their own: (key as printed, role), in the order first used. Set once the plan is read.
    labelled: tuple[tuple[str, str], ...] = ()


DEFAULT_LAYOUT: tuple[Column, ...] = tuple(Column(meaning, "", "default") for meaning in COLUMNS)


#: The provenance column of a fragment whose table has no such column (its text is always empty).
ABSENT = -1


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a piece of text was read: the file, the 1-based line (text) or page (PDF), the column as
    printed in that table (0-based; `ABSENT` where the table has no such column)."""

    file: str
    line: int
    column: int
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None


@dataclass(frozen=True, slots=True)
class Fragment:
    """The text one band holds in one column (`column`: its index in the document's union layout)."""

    text: str
    column: int
    source: Provenance
    #: The words of `text` (by index in `text.split()`) that open a line the line before did not run out of
    #: room for: a list printed one item per line. Only a PDF shows them.
    breaks: tuple[int, ...] = ()
    #: The words that open a line the line before ran out of room for (a wrapped line, or a list's next item
    #: too long to fit there). Only a PDF shows them.
    wraps: tuple[int, ...] = ()

    def without_words(self, start: int, end: int) -> Fragment:
        """The fragment with its words ``start`` to ``end`` (by index, end excluded) taken out; the line
        breaks after them move up with their words."""
        words = self.text.split()
        end = min(end, len(words))
        return Fragment(" ".join(words[:start] + words[end:]), self.column, self.source,
                        shifted_breaks(self.breaks, start, end), shifted_breaks(self.wraps, start, end))


def shifted_breaks(breaks: tuple[int, ...], start: int, end: int) -> tuple[int, ...]:
    """Line breaks (word indices, `Fragment.breaks` or `.wraps`) once words ``start`` to ``end`` are taken out."""
    return tuple(k - (end - start) if k >= end else k for k in breaks if not start <= k < end)


@dataclass(frozen=True, slots=True)
class LabelledValue:
    """A row of a key/value block printed outside a table, before it (a commitment's "Lead implementing agency
    | Statistics Estonia"), whose key names the agencies of a role: `role` ("implementer" or "partner"),
    `label` (the key as printed, its wrapped lines joined) and `text` (the value). `source` is where the value
    stands (its first line, page and box); `label_words` and `value_words` are the row's words with their line,
    and `lines` the text of each line of the row as the text form prints it. Rows of one block share `block`."""

    role: str
    label: str
    text: str
    source: Provenance
    block: int
    label_words: tuple[tuple[int, str], ...] = ()
    value_words: tuple[tuple[int, str], ...] = ()
    lines: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Band:
    """One horizontal slice of the table: a fragment per column (empty text where the column is blank)."""

    index: int
    line: int
    fragments: tuple[Fragment, ...]
    column_header: bool = False
    #: A row merged across the table's columns (a section heading), as a PDF's ruling shows it; its whole
    #: text is in the title column's fragment. The text form cannot tell, and leaves it False.
    spanning: bool = False

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
    #: The columns every band's fragments follow, in order: the union of the tables' columns.
    columns: tuple[Column, ...] = DEFAULT_LAYOUT
    #: Each table of the document with its own profile, in document order.
    tables: tuple[TableProfile, ...] = ()
    #: How many pages the source has (a PDF); None for a text source.
    pages: int | None = None
    #: Text outside the tables, with its line: before the first (a plan's pages of prose, after its title)
    #: and on the pages after the last (an annex). It is accounted as the document's, not as table text
    #: that could not be placed.
    outside: tuple[tuple[int, str], ...] = ()
    #: Every band is a whole table row (a PDF read by its rows): a cell's text never crosses into the band
    #: of another activity, so cells are cut at band edges only. False for the text form, whose bands are
    #: horizontal slices that cells bleed across.
    whole_rows: bool = False
    #: The rows of key/value blocks outside the tables whose keys name agencies (`LabelledValue`), in document
    #: order: the agencies of the activities below them that have no agency column of their own.
    labelled: tuple[LabelledValue, ...] = ()

    def column_of(self, meaning: str) -> int | None:
        """The index of the column with this meaning in every band, or None when no table has it."""
        for index, column in enumerate(self.columns):
            if column.meaning == meaning:
                return index
        return None
