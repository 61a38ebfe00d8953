"""Learn a table's layout from the document: which row is its column header, what each column means.

Pure functions shared by the readers. A header row is found by structure (it names two or more columns
in the header vocabulary, or it recurs at the top of pages, or it stands above the first numbered row with
short cells); each column is named by the meaning of its label (`extract.vocabulary`), else by what it
holds (the numbered column, a column of years, the column with role labels or naming bodies, the widest
prose), else kept as an extra field under its header as printed. A document's tables may differ; the bands
of all of them follow one union layout (`union_columns`), each table keeping its own profile.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from normalize.name_words import holds_body_word
from normalize.periods import is_tick, looks_like_period_start

from .model import Column
from .vocabulary import (OPENING_WORDS, EXTRA, SECTION, activity_number_parts, heading_number, label_rank,
                         opening_number, prints_heading, split_header_cell, squash)

#: A cell of a column-header row holds at most this many words of its own (besides spilled text).
SHORT_CELL_WORDS = 8
#: A column is named by its content when at least this share of its cells hold what the meaning needs.
CONTENT_SHARE = 0.6
#: A prose column (a title, an indicator) holds at least this many words a cell, and at least this share of
#: its cells differ: a status or a source of funding repeats a few short values.
PROSE_WORDS = 4
DISTINCT_SHARE = 0.5
#: ... or at least this many differ (a plan that names one body again and again).
VARIED_CELLS = 8
#: A column is a list of names when this share of its words, on average, open in capitals.
NAME_CASE_SHARE = 0.5
YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


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


#: What parts the items of a cell that lists names ("Ministry of Justice, State Tax Service").
_ITEM_SEPARATOR = re.compile(r"[,;\n\u2022]")


def capitalised_share(cell: str) -> float:
    """The share of a cell's words (of three letters or more) that open in capitals, past each item's first
    word: high in a list of names ("Ministry of Justice, State Tax Service"), low in prose. (Every phrase opens
    in a capital, so a column of short phrases, "Law adopted", "National report", is not a list of names; an
    item of one word counts that word.)"""
    words = []
    for item in _ITEM_SEPARATOR.split(cell):
        item_words = [word for word in item.split() if len(word) > 2 and word[0].isalpha()]
        words.extend(item_words[1:] if len(item_words) > 1 else item_words)
    return sum(word[0].isupper() for word in words) / len(words) if words else 0.0


def body_share(cell: str) -> float:
    """The share of a cell's list items that name a body (`normalize.matching.holds_body_word`): near 1 in a
    column of agencies, whatever their case ("Republički zavod za statistiku, jedinice lokalne samouprave"),
    low in prose."""
    items = [item for item in _ITEM_SEPARATOR.split(cell) if any(ch.isalpha() for ch in item)]
    return sum(map(holds_body_word, items)) / len(items) if items else 0.0


def prose_words(cell: str) -> int:
    return sum(1 for word in cell.split() if any(ch.isalpha() for ch in word))


#: How a column is decided when its cells print the sections' headings (`section_column`).
HEADINGS = "headings"


def section_column(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> tuple[Column, ...]:
    """The columns, the one that prints the activities' section headings beside them named `section`: every
    cell it fills prints a heading with its number ("Objective 2: Open courts", "2. Open courts", after a
    label of `heading_labels.csv`: `prints_heading`), the numbers never going down, and it holds fewer
    different cells than the table has rows (a heading is merged down over its section's activities).
    Whatever its header says ("Objective" is an extra field's label), such a column is no field of the
    activities: it says which section each belongs to. The first such column is taken; none if none fits."""
    for i, column in enumerate(columns):
        if column.meaning == "number":
            continue
        cells = [" ".join(row[i].split()) for row in rows if i < len(row) and row[i].strip()]
        if len(cells) < 2 or len(set(cells)) >= len(rows) or not all(map(prints_heading, cells)):
            continue
        numbers = [heading_number(cell) for cell in cells]
        if None in numbers or numbers != sorted(numbers):
            continue
        return (*columns[:i], Column(SECTION, column.header, HEADINGS), *columns[i + 1:])
    return tuple(columns)


#: A second column headed as the activity is the title where it holds more than this many times the distinct
#: texts of the first.
RIVAL_SHARE = 1.5
#: How a column is decided when its label names a result but it is the table's only text column.
ONLY_TEXT = "only text"
#: A column headed as a result names the activities where no column is headed as the activity and it holds
#: more than this many times the words of the widest column the content would make the title.
RESULT_AS_TITLE = 2.0


def name_by_content(columns: Sequence[Column], rows: Sequence[Sequence[str]],
                    role_label: re.Pattern[str] | None = None) -> tuple[Column, ...]:
    """Give a meaning to the columns whose header said nothing, from what their cells hold.

    The column whose cells are activity numbers is the number column; one whose cells mostly hold a year or
    a short period in words ("permanently", "ежегодно") is the period; one whose cells carry role labels
    ("Implementers:") or mostly name bodies the agencies (their items hold the words for bodies, in any case:
    "Republički zavod za statistiku", `body_share`; where no column does, words in capitals past each item's
    first); the widest prose column left is the title, the next one the indicator, never a second column
    listing bodies. A column that repeats a few values (a status, a source of funding) or holds few words is
    never prose, and one whose label the vocabulary knows as an extra field ("Budget") is never named. Only
    meanings no labelled column has are given; the others stay extra fields. A table with no title column
    left names its activities in its one column headed as a result ("Milestone"), if it has one. A column
    that prints the sections' headings is the section (`section_column`), before any other meaning is given.
    """
    columns = section_column(columns, rows)
    taken = {column.meaning for column in columns if column.meaning != EXTRA}
    unknown = [i for i, column in enumerate(columns) if column.decided_by != "label"
               or (column.meaning == EXTRA and split_header_cell(column.header)[0] != EXTRA)]
    named = list(columns)

    def filled(i: int) -> list[str]:
        return [row[i] for row in rows if i < len(row) and row[i].strip()]

    def open_columns() -> list[int]:
        # A column of tick marks (a Gantt's "X" under "1º sem", a year's) is a field, never any meaning.
        return [i for i in unknown if named[i].meaning == EXTRA and filled(i) and not all(map(is_tick, filled(i)))]

    def give(meaning: str, holds) -> None:
        if meaning in taken:
            return
        shares = [(sum(map(holds, cells)) / len(cells), i) for i in open_columns() for cells in [filled(i)]]
        if shares and max(shares)[0] >= CONTENT_SHARE:
            i = max(shares)[1]
            named[i] = Column(meaning, columns[i].header, "content")
            taken.add(meaning)

    def mean(measure: Callable[[str], float], i: int) -> float:
        cells = filled(i)
        return sum(map(measure, cells)) / len(cells)

    def lists_bodies(i: int) -> bool:
        """A column whose cells list bodies (a second column of names, partners) is no prose column."""
        return mean(body_share, i) >= CONTENT_SHARE

    def varied(i: int) -> bool:
        cells = filled(i)
        return len({squash(cell) for cell in cells}) >= min(DISTINCT_SHARE * len(cells), VARIED_CELLS)

    def is_prose(i: int) -> bool:
        return varied(i) and sum(map(prose_words, filled(i))) >= PROSE_WORDS * len(filled(i))

    def give_prose(meaning: str) -> None:
        prose = [(sum(map(prose_words, filled(i))), i) for i in open_columns()
                 if is_prose(i) and not lists_bodies(i)]
        if meaning not in taken and prose:
            i = max(prose)[1]
            named[i] = Column(meaning, columns[i].header, "content")
            taken.add(meaning)

    give("number", lambda cell: activity_number_parts(cell) is not None)
    give("period", lambda cell: len(cell.split()) <= 8 and bool(YEAR.search(cell))
         or len(cell.split()) <= 4 and looks_like_period_start(cell.split()[0]))
    if role_label is not None:
        give("agencies", lambda cell: bool(role_label.search(cell)))
    if "agencies" not in taken:
        # Names are known by the words for bodies first; where no column has them (a plan naming bodies in
        # words the vocabulary lacks), by their capitals.
        # (Of two columns of names, the first: the responsible bodies come before their partners.)
        bodies = [(mean(body_share, i), -i) for i in open_columns() if varied(i)]
        cased = [(mean(capitalised_share, i), -i) for i in open_columns() if varied(i)]
        best = max(bodies) if bodies and max(bodies)[0] >= CONTENT_SHARE else \
            max(cased) if cased and max(cased)[0] >= NAME_CASE_SHARE else None
        if best is not None:
            i = -best[1]
            # Names only beside prose: a table whose one prose column is in capitals keeps it as its title.
            if "title" in taken or any(is_prose(j) for j in open_columns() if j != i):
                named[i] = Column("agencies", columns[i].header, "content")
                taken.add("agencies")
    if "title" not in taken:
        prose = [(sum(map(prose_words, filled(i))), i) for i in open_columns()]
        if any(not lists_bodies(i) for _, i in prose if _):
            prose = [(words, i) for words, i in prose if not lists_bodies(i)]
        headed_results = [(sum(map(prose_words, filled(i))), i) for i, column in enumerate(named)
                          if column.meaning == "indicator" and column.decided_by == "label" and filled(i)]
        if prose and max(prose)[0] and headed_results and max(headed_results)[0] > RESULT_AS_TITLE * max(prose)[0]:
            # "Hito" | "Medio de verificación": a table with no column headed as the activity names its
            # activities in the column headed as a result that holds far more words than any other; the
            # column the content would have made the title is then their indicator.
            result, other = max(headed_results)[1], max(prose)[1]
            named[result] = Column("title", columns[result].header, "content")
            named[other] = Column("indicator", columns[other].header, "content")
            taken.add("title")
        elif prose and max(prose)[0]:
            i = max(prose)[1]
            named[i] = Column("title", columns[i].header, "content")
            taken.add("title")
    results = [i for i, column in enumerate(named) if column.meaning == "indicator" and filled(i)]
    if "title" not in taken and len(results) == 1:
        # Every activity is named; a table whose only text column is headed as a result ("Milestone",
        # "Expected result") names its activities there.
        named[results[0]] = Column("title", columns[results[0]].header, ONLY_TEXT)
        taken.add("title")

    def hand_over(meaning: str, weight: Callable[[int], float], margin: float = 1.0) -> None:
        """Of two columns headed with `meaning`'s labels, a later one takes it where it weighs more than
        `margin` times the first; the first is then a field of its own."""
        holder = next((i for i, column in enumerate(named) if column.meaning == meaning
                       and column.decided_by == "label"), None)
        rivals = [i for i, column in enumerate(named) if column.meaning == EXTRA and column.decided_by == "label"
                  and split_header_cell(column.header)[0] == meaning]
        best = max(rivals, key=weight, default=None)
        if holder is None or best is None or weight(best) <= margin * weight(holder):
            return
        named[best] = Column(meaning, named[best].header, "label")
        named[holder] = Column(EXTRA, named[holder].header, "label")
        for i in (best, holder):
            if i in unknown:
                unknown.remove(i)

    # "Task" | "Activity": the column that names each activity apart is the title, not one merged down over
    # several. "Expected outcome" | "Indicator": the label that names an indicator as such (its rank).
    hand_over("title", lambda i: len({squash(cell) for cell in filled(i)}), RIVAL_SHARE)
    hand_over("indicator", lambda i: label_rank(named[i].header))
    give_prose("indicator")
    if "agencies" in taken and "partners" not in taken:
        # A second column of names beside the agencies, by the words for bodies or by capitals, lists their
        # partners (a cell naming none, "-", says nothing either way).
        def names_bodies(i: int) -> bool:
            cells = [cell for cell in filled(i) if any(ch.isalpha() for ch in cell)]
            return bool(cells) and (sum(map(body_share, cells)) >= CONTENT_SHARE * len(cells)
                                    or sum(map(capitalised_share, cells)) >= NAME_CASE_SHARE * len(cells))
        listing = [i for i in open_columns() if varied(i) and names_bodies(i)]
        if listing:
            named[listing[0]] = Column("partners", columns[listing[0]].header, "content")
    return tuple(named)


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
