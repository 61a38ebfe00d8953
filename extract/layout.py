"""Learn a table's layout from the document: which row is its column header, what each column means.

Pure functions shared by the readers. A header row is found by structure (it names two or more columns
in the header vocabulary, or it recurs at the top of pages, or it stands above the first numbered row with
short cells); each column is named by the meaning of its label (`extract.vocabulary`), else by what it
holds (`extract.content`: the numbered column, a column of years, the column with role labels or naming
bodies, the widest prose), else kept as an extra field under its header as printed. A document's tables may
differ; the bands of all of them follow one union layout (`union_columns`), each table keeping its own
profile.
"""
from __future__ import annotations

from collections.abc import Sequence

from .content import YEAR
from .model import Column
from .vocabulary import OPENING_WORDS, EXTRA, activity_number_parts, opening_number, split_header_cell, squash

#: A cell of a column-header row holds at most this many words of its own (besides spilled text).
SHORT_CELL_WORDS = 8


def header_hit(cell: str) -> tuple[str, bool] | None:
    """(meaning, clean) when a cell starts with a header label, else None. A label closed by a colon is a
    role label in a cell ("Implementers: ..."), not a header; a hit is clean when nothing follows the label or
    what follows does not go on in lower case (as "Number of people" would)."""
    meaning, label, rest = split_header_cell(cell)
    if meaning is None or label.endswith(":"):
        return None
    return meaning, not rest or not rest[0].islower()


#: A row whose cells open on labels of this many different columns names them, whatever follows the labels
#: (a heading the text form glued onto the header line, cut at every edge: "Tədbirin adı rrupsiyaya ...").
LABELLED_COLUMNS = 3


def names_columns(cells: Sequence[str]) -> bool:
    """True when an unnumbered row names two or more different columns with labels of the vocabulary, two
    of them cleanly, or `LABELLED_COLUMNS` or more however cleanly."""
    if cells and activity_number_parts(cells[0]) is not None:
        return False
    hits = [hit for hit in map(header_hit, cells) if hit]
    meanings = len({meaning for meaning, _ in hits})
    return meanings >= LABELLED_COLUMNS or meanings >= 2 and sum(clean for _, clean in hits) >= 2


def row_signature(cells: Sequence[str]) -> tuple[str, ...] | None:
    """The first word of each cell, squashed: equal for every repetition of a header row (whatever text
    shares its band), None for a row that cannot be a header (numbered, or fewer than three cells)."""
    if cells and activity_number_parts(cells[0]) is not None:
        return None
    words = tuple(squash(cell.split()[0]) if cell.split() else "" for cell in cells)
    if sum(1 for word in words if word) < 3 or any(YEAR.search(word) for word in words):
        return None
    return words


def common_prefix_words(texts: Sequence[str]) -> str:
    """The words all the texts start with (the label of an unknown header, seen in several repetitions)."""
    split = [text.split() for text in texts]
    prefix: list[str] = []
    for words in zip(*split):
        if any(squash(word) != squash(words[0]) for word in words):
            break
        prefix.append(words[0])
    return " ".join(prefix)


def header_to_columns(cells: Sequence[str], repetitions: Sequence[Sequence[str]] = (),
                      width: int = 0) -> tuple[Column, ...]:
    """The columns a header row names.

    `repetitions`: the other rows with the same signature (the header repeated on later pages), whose common
    words give an unknown column's label. `width`: how many columns the table's rows use, when more than
    the header row's cells (an unlabelled column at the end). A meaning already taken by an earlier column
    makes a later column an extra field.
    """
    columns: list[Column] = []
    taken: set[str] = set()
    for index in range(max(len(cells), width)):
        cell = cells[index] if index < len(cells) else ""
        meaning, label, _ = split_header_cell(cell)
        others = [row[index] for row in repetitions if index < len(row)]
        if meaning in (None, EXTRA):
            label = (common_prefix_words([cell, *others]) if others else cell).strip()
        elif others:
            # A label longer than the vocabulary's, printed whole on every page ("Responsible and partner
            # organisations"): its words are the header's, not a heading's or a spilled cell's.
            printed = common_prefix_words([cell, *others])
            if len(printed) > len(label) and squash(printed).startswith(squash(label)):
                label = printed
        if meaning in (None, EXTRA) or meaning in taken:
            column = Column(EXTRA, label or f"column {index + 1}", "label" if label else "position")
            if any(column_key(other) == column_key(column) for other in columns):
                # Two columns under one header stay two fields.
                column = Column(EXTRA, f"{column.header} (column {index + 1})", column.decided_by)
            columns.append(column)
        else:
            columns.append(Column(meaning, label, "label"))
            taken.add(meaning)
    return tuple(columns)


def column_key(column: Column) -> str:
    """What identifies a column across a document's tables: its meaning, or an extra field's header."""
    if column.meaning != EXTRA:
        return column.meaning
    return f"{EXTRA}:{squash(column.header) or column.header}"


def union_columns(tables: Sequence[Sequence[Column]]) -> tuple[tuple[Column, ...], list[list[int]]]:
    """One layout for all the tables' columns, each table's order kept (a column new to a later table goes
    after its left neighbour), and for each table the union index of each of its columns."""
    union: list[Column] = []
    keys: list[str] = []
    for table in tables:
        after = -1
        for column in table:
            key = column_key(column)
            if key in keys:
                after = keys.index(key)
                continue
            union.insert(after + 1, column)
            keys.insert(after + 1, key)
            after += 1
    positions = [[keys.index(column_key(column)) for column in table] for table in tables]
    return tuple(union), positions




#: How the number column is decided when no column prints the activity numbers and they open the title
#: column's cells instead ("1.1.1. Publish the list ...").
OPENING_NUMBERS = "numbers opening the title cells"
#: ... at least this many of the title column's cells (a reader's lines in it) open with one.
MIN_OPENING = 2


def opening_levels(cells: Sequence[str]) -> int | None:
    """How many levels the activity numbers opening these cells have (the most common count; of two as
    common, the fewer), when at least `MIN_OPENING` cells open with one (`opening_number`); None otherwise."""
    depths: dict[int, int] = {}
    for cell in cells:
        found = opening_number(cell)
        parts = activity_number_parts(found[0]) if found else None
        if parts is not None:
            depths[len(parts)] = depths.get(len(parts), 0) + 1
    if sum(depths.values()) < MIN_OPENING:
        return None
    return max(depths, key=lambda depth: (depths[depth], -depth))


def opening_column(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> tuple[int, int] | None:
    """(the title column, the levels of its numbers) when the table has no number column and the cells of its
    title column open with activity numbers (`opening_levels`): those are the activities' numbers. None
    otherwise (a table with a number column is read by it)."""
    if any(column.meaning == "number" for column in columns):
        return None
    title = next((i for i, column in enumerate(columns) if column.meaning == "title"), None)
    if title is None:
        return None
    levels = opening_levels([row[title] for row in rows if title < len(row)])
    return None if levels is None else (title, levels)


def with_opening_numbers(columns: Sequence[Column], title: int) -> tuple[Column, ...]:
    """The columns with the number column the title cells' opening numbers make, just before the title."""
    return (*columns[:title], Column("number", "", OPENING_NUMBERS), *columns[title:])


def split_opening_number(text: str, levels: int) -> tuple[str, str]:
    """(number, title) of a title cell that opens with an activity number of at least `levels` levels (a
    section's shallower number, "1. ..." over "1.1.1. ...", stays in its heading); ("", text) otherwise."""
    found = opening_number(text)
    parts = activity_number_parts(found[0]) if found else None
    if found is None or parts is None or len(parts) < levels:
        return number_after_heading(text, levels)
    return found


def number_after_heading(text: str, levels: int) -> tuple[str, str]:
    """(number, text less it) of a title cell a heading of its group was glued on top of: the cell opens on
    the heading's shallower number, after its label or none ("Мера 3.1: Транспарентност рада ..."), and an
    activity number of `levels` levels that goes on from it opens the activity's own text further on
    ("... 3.1.1. Објављивање ..."); the heading's words stay in the cell, for the sections to lift out.
    ("", text) where the cell prints no such pair."""
    words = text.split()
    group = next((parts for word in words[:OPENING_WORDS] if word[-1] in ".:" and (parts := activity_number_parts(
        word[:-1] + ".")) is not None and len(parts) < levels), None)
    if group is None:
        return "", text
    for k, word in enumerate(words):
        parts = activity_number_parts(word)
        if parts is not None and len(parts) == levels and parts[:len(group)] == group and word[-1] == "." \
                and k + 1 < len(words):
            return word, " ".join(words[:k] + words[k + 1:])
    return "", text
