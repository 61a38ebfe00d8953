"""Name a table's columns by what their cells hold, where their header said nothing known: the numbered
column, a column of years, the column with role labels or whose items name bodies, the widest prose
(`name_by_content`), and a column printing the sections' headings beside their activities (`section_column`).
Pure functions shared by the readers (`extract.layout` reads the header rows).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from normalize.name_words import holds_body_word
from normalize.periods import is_tick, looks_like_period_start

from .model import Column
from .vocabulary import EXTRA, SECTION, activity_number_parts, heading_number, label_rank, prints_heading, \
    split_header_cell, squash

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
