"""Find the section header rows, which span the whole table, and lift their text out of the bands.

A header row ("3. Measures on combating legalization ...") was cut at the column edges, so its text lies in
several columns of one band: alone, or sharing the band with the column-header labels, or glued before or
after the text of an activity's cells. This module finds where each header starts (its number, or a row
whose words were cut at the column edges), follows it from column to column, and returns the bands
without it (`normalize.tracing` follows a heading across the columns).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from extract.model import Band, Fragment, shifted_breaks
from extract.vocabulary import (UNKNOWN_LABEL_WORDS, heading_labels, heading_number, printed_section_number, roman,
                                roman_values, strip_section_number)

from .anchors import Anchor, number_closing_heading
from .cut_labels import LABEL_WORDS, SEPARATORS, cut_join, is_capitalised, label_across_edge, label_after_number
from .header_parts import Tokens, parts_to_title
from .tracing import trace_headers
from .unnumbered import (NUMBER, TITLE, find_atop_header, find_glued_header, find_header_before_number,
                         find_header_line_heading, find_left_header, find_unnumbered_header)
from .words import NEAR_KNOWN, RUN_ON, Vocabulary, rejoin

#: How far past the last section's number a plainly numbered plan's next heading may print its own.
NUMBERS_AHEAD = 3


@dataclass(frozen=True)
class SectionHeader:
    """A section's number and title, with the band and the (column, first token, end token) spans it took."""

    number: int | None
    title: str
    numbered: bool
    band: int
    line: int
    parts: tuple[tuple[int, int, int], ...]
    #: The `Anchor.section_key` of the activities under it.
    key: int = 0
    #: Other bands that print the heading again, the same words at the same `parts` (a cell merged down over
    #: the section's rows is each row's: `column_sections`).
    repeats: tuple[int, ...] = ()


#: The `SectionHeader.key` of a heading inside a section: it names no section, no activity takes its title.
SUB_HEADING = -1


class BandTokens(dict):
    """The words of each band's fragments, split when first asked for (a long plan is not split at once)."""

    def __init__(self, bands: tuple[Band, ...]) -> None:
        super().__init__()
        self.bands = bands

    def __missing__(self, b: int) -> list[list[str]]:
        row = band_words(self.bands[b])
        self[b] = row
        return row


def band_words(band: Band) -> list[list[str]]:
    """Each fragment's words; a heading's number cut from its dot by a column edge ("1" | ". Open budgets")
    is made whole again ("1." | "Open budgets")."""
    row = [fragment.text.split() for fragment in band.fragments]
    for here, after in zip(row, row[1:]):
        if here and after and after[0] == "." and (here[-1].isdigit() or here[-1] in roman_values()):
            here[-1] += after.pop(0)
    return row


def header_column_widths(bands: tuple[Band, ...], anchored: set[int], vocabulary: Vocabulary) -> dict[int, int]:
    """How many characters of a header row fit in each middle column, measured on rows cut at both edges.

    A header part that starts at a column's left edge (it continues the previous column, or the band holds
    nothing but the header) and whose last word was cut by the right edge spans the whole column.
    """
    measured: dict[int, list[int]] = {}
    for b, band in enumerate(map(band_words, bands)):
        for c in range(TITLE + 1, len(band) - 1):
            here, before, after = band[c], band[c - 1], band[c + 1]
            if not here or not after:
                continue
            # (In an activity's band the fragment holds the row's own text too: only cuts into words the
            # document prints whole show a header spanning it.)
            least = RUN_ON if b not in anchored else NEAR_KNOWN
            starts_at_edge = b not in anchored or (before and sure_join(before[-1], here[0], least, vocabulary))
            if starts_at_edge and any(sure_join(here[-1], word, least, vocabulary) for word in after):
                measured.setdefault(c, []).append(len(" ".join(here)))     # (cut at its right edge)
    return {c: typical_width(sizes) for c, sizes in measured.items()}


def sure_join(left: str, right: str, least: int, vocabulary: Vocabulary) -> bool:
    """Whether `left` | `right` is one word cut by an edge, at least as surely as `least` (`rejoin`'s)."""
    joined = rejoin(left, right, vocabulary)
    return joined is not None and joined[1] >= least


def typical_width(sizes: list[int]) -> int:
    """A column's width from its measures: the longest, unless most measures agree on a shorter one (a
    wrapped cell's lines joined on one band, "... о личности" | "... и ...", is no header row's)."""
    ordered = sorted(sizes)
    return ordered[len(ordered) // 2] if len(ordered) > 2 else ordered[-1]


def find_header_start(tokens: Tokens, bands: range, section: int, anchored: set[int],
                      title_column: int = TITLE, vocabulary: Vocabulary | None = None) -> tuple[int, int, int] | None:
    """(band, column, token) where "N. Measures ..." starts for section N, searching the latest band first,
    in any column: a row across the table begins left of its centre, which for a short heading may be past
    the title column; a PDF's merged row is read into the title column, wherever the table prints it. With
    the `vocabulary`, a heading whose label a column edge parted from its number ("Sectio" | "n 3: Public
    procurement") starts at its label (`label_across_edge`)."""
    wanted = {f"{section}.", f"{roman(section)}."}
    labelled = {f"{section}:", f"{roman(section)}:"} | wanted
    bare = {str(section), roman(section)}
    before = {f"{section - 1}.", f"{roman(section - 1)}."} if section > 1 else set()
    after = {f"{section + 1}.", f"{roman(section + 1)}."}
    for b in reversed(bands):
        for c in range(len(tokens[b])):
            row = tokens[b][c]
            if c > max(title_column, TITLE) and wanted.intersection(row) and \
                    (before.intersection(row) or after.intersection(row)):
                continue    # a list numbered in a cell ("1. Reports published 2. Data opened")
            own = number_index(row) if c == NUMBER and b in anchored else None
            for i, token in enumerate(row):
                if i == own:
                    continue    # (the activity's number; a heading may follow it, "1.4 II. FIN", or precede it)
                if c == NUMBER and own and i == 0 and (token in bare or token not in labelled
                                                       and printed_section_number(token) == section):
                    # A heading printing its number before its label: "1 užda 1.1." | "vinys. ...", "1-бағ 1."
                    return b, c, 0
                label = label_start(row, i, any_words=c <= max(title_column, TITLE))
                dashed_bare = token in bare and i + 2 < len(row) and row[i + 1] in SEPARATORS
                parted = label_across_edge(tokens[b][c - 1], row, i, vocabulary) \
                    if label is None and c > 0 and (token in labelled or dashed_bare) and vocabulary is not None \
                    else None
                title = i + 1 + dashed_bare     # ("Angaja" | "amentul 1 – Transparență": after the dash)
                if parted is not None and title < len(row) and is_capitalised(row[title]):
                    return b, c - 1, parted[0]
                if label is None and token in bare and (after := label_after_number(
                        row, i, tokens[b][c + 1] if c + 1 < len(tokens[b]) else [])) is not None \
                        and (after == len(row) or is_capitalised(row[after])):
                    return opened_before(tokens[b], b, c, i, vocabulary)    # "I istiqamət: Dövlət ..."
                dashed = label is not None and token in bare and i + 2 < len(row) and row[i + 1] in SEPARATORS
                if token not in (labelled if label is not None else wanted) and not dashed:
                    continue
                start = i if label is None else label    # "Task 2. Open data": the heading opens on its label
                if dashed:
                    i += 1      # "Pillar 1 – Prevention": the title follows the dash
                if i + 1 < len(row):
                    if is_capitalised(row[i + 1]):
                        return opened_before(tokens[b], b, c, start, vocabulary)
                elif c == NUMBER or c + 1 < len(tokens[b]) and tokens[b][c + 1][:1] \
                        and is_capitalised(tokens[b][c + 1][0]):
                    return b, c, start  # the heading's words begin past a column edge
    return None


def number_index(words: list[str]) -> int:
    """Where an activity's number cell prints the number: first, or last after a heading's start glued above
    it ("A. Per 1", "1 užda 1.1.")."""
    return len(words) - 1 if number_closing_heading(" ".join(words)) is not None else 0


def find_numbered_row(tokens: Tokens, bands: range, section: int, anchored: set[int], title_column: int = TITLE
                      ) -> int | None:
    """The band, searching the latest first, of a row that numbers section N as its activities' first level
    ("1" over "1.1", "1.2") and has no cells beyond its title: a commitment printed as a row of the grid
    whose milestones are the activities is their heading. Its number is bare ("1", no dot), so
    `find_header_start` takes it for no heading, and its title would go on the last activity's above."""
    for b in reversed(bands):
        row = tokens[b]
        if b in anchored or len(row) <= title_column or row[NUMBER] not in ([str(section)], [roman(section)]):
            continue
        if row[title_column] and is_capitalised(row[title_column][0]) and \
                not any(words for c, words in enumerate(row) if c not in (NUMBER, title_column)):
            return b
    return None


def opened_before(row: list[list[str]], b: int, c: int, start: int, vocabulary: Vocabulary | None
                  ) -> tuple[int, int, int]:
    """Where a heading found opening column c's fragment starts: one column left where the edge cut its
    first word and the first letters open that column's fragment ("S" | "Specific objective 4: ...", the
    row's own text after them), else where it was found."""
    before = row[c - 1] if c - 1 > NUMBER else []
    if start == 0 and before and vocabulary is not None and cut_join(before[0], row[c][0], vocabulary) and \
            (len(before) == 1 or is_capitalised(before[1])):
        return b, c - 1, 0
    return b, c, start


def label_start(row: list[str], i: int, any_words: bool = True) -> int | None:
    """Where the label a heading prints before its number at token i starts ("Task 2.", "Commitment 3:",
    "Задача 1."): with `any_words`, one or two words opening the fragment, the first capitalised, no number
    or punctuation; or, after other text (a heading glued to an activity's), a label of
    `heading_labels.csv`, of any length, the longest first ("Key Result Area 1:"). None if there is none.
    (Right of the title column a cell's own short text opens the fragment, "Amendments adopted 4. Open
    justice": only a known label counts there.)"""
    if any_words and 0 < i <= UNKNOWN_LABEL_WORDS and is_capitalised(row[0]) \
            and all(word.isalpha() for word in row[:i]):
        return 0
    known = heading_labels()
    for size in range(LABEL_WORDS, 0, -1):
        if i - size >= 0 and is_capitalised(row[i - size]) and " ".join(row[i - size:i]).casefold() in known:
            return i - size
    return None


def section_runs(anchors: list[Anchor]) -> list[tuple[int, int, int]]:
    """(section number, first band, last band) of each run of activities of one section, in order."""
    runs: list[tuple[int, int, int]] = []
    for a in anchors:
        if runs and runs[-1][0] == a.section_no:
            runs[-1] = (a.section_no, runs[-1][1], a.band)
        else:
            runs.append((a.section_no, a.band, a.band))
    return runs



def bands_to_sections(bands: tuple[Band, ...], anchors: list[Anchor], vocabulary: Vocabulary,
                      title_column: int = TITLE, period_column: int | None = None
                      ) -> tuple[tuple[Band, ...], list[SectionHeader]]:
    """Find each section's header row and return the bands without its text, and the headers found."""
    tokens = BandTokens(bands)
    anchored = {a.band for a in anchors}
    widths = header_column_widths(bands, anchored, vocabulary)
    starts: list[tuple[int, tuple[int, int, int], bool]] = []
    previous_end = 0
    rows: set[tuple[int, int, int]] = set()     # the starts of headings printed as a numbered row of their own
    for section, first, last in section_runs(anchors):
        row = find_numbered_row(tokens, range(previous_end, first), section, anchored, title_column)
        if row is not None:
            rows.add(start := (row, NUMBER, 0))
        else:
            start = find_header_start(tokens, range(previous_end, first + 1), section, anchored, title_column,
                                      vocabulary)
        numbered = start is not None
        if start is None:
            # An unnumbered heading: the first row merged across the table above the section (a PDF's), else
            # one found in the text.
            merged = next((b for b in range(previous_end + 1 if previous_end else 0, first)
                           if bands[b].spanning and b not in anchored and any(tokens[b])), None)
            start = (merged, next(c for c, words in enumerate(tokens[merged]) if words), 0) if merged is not None \
                else find_unnumbered_header(tokens, range(previous_end, first), anchored, vocabulary) \
                or find_left_header(tokens, range(previous_end, first), anchored, vocabulary)
        if start is not None:
            starts.append((section, start, numbered))
        previous_end = last
    traced = [start for _, start, _ in starts if not bands[start[0]].spanning and start not in rows]
    traces = dict(zip(traced, trace_headers(tokens, traced, anchored, widths, vocabulary, period_column,
                                                      title_column)))
    headers: list[SectionHeader] = []
    for section, start, numbered in starts:
        b = start[0]
        parts = traces[start].parts if start in traces else \
            tuple((c, 0, len(words)) for c, words in enumerate(tokens[b]) if c != NUMBER and words)
        title = parts_to_title(tokens[b], list(parts), vocabulary)
        if start in rows:
            parts = ((NUMBER, 0, 1), *parts)    # its number leaves the band too
        elif numbered or heading_number(title) == section:
            # (A merged row found without its number token may still print it: "Pillar 1 – Prevention".)
            title = strip_section_number(title)
        headers.append(SectionHeader(section, title, numbered, b, bands[b].line, parts, section))
    taken = anchored | {header.band for header in headers}
    headers += sub_headings(bands, tokens, taken, anchors, vocabulary)
    headers += cut_sub_headings(bands, tokens, taken, anchors, widths, vocabulary, title_column, period_column)
    return without_headers(bands, tokens, headers), headers


def cut_sub_headings(bands: tuple[Band, ...], tokens: Tokens, taken: set[int], anchors: list[Anchor],
                     widths: dict[int, int], vocabulary: Vocabulary, title_column: int = TITLE,
                     period_column: int | None = None) -> list[SectionHeader]:
    """The headings inside a section that the column edges cut, in a band of their own above a group of
    activities ("Мера 1.1: Објављивање буџетских по" | "одатака у отвореном" | "м формату" over 1.1.1), or
    atop its first activity's band: a label and the group's number, the activities' ids less their last
    level, then a capital. Each is followed across the columns as a section's heading is; its words go in
    no cell."""
    starts: list[tuple[int, int, int]] = []
    sections: list[int | None] = []
    previous = -1
    for anchor in anchors:
        levels = anchor.activity_id.split(".")
        group = ".".join(levels[:-1])
        for b in range(previous + 1, anchor.band + 1):
            # (On top of the activity's own band, where the text form glued it: its words first in each column.)
            if len(levels) < 3 or b in taken and b != anchor.band or bands[b].spanning:
                continue
            start = group_heading_start(tokens[b], group, title_column, numbered=b == anchor.band)
            if start is not None:
                starts.append((b, *start))
                sections.append(anchor.section_no)
                break
        previous = anchor.band
    traces = trace_headers(tokens, starts, taken, widths, vocabulary, period_column, title_column)
    return [SectionHeader(section, parts_to_title(tokens[b], list(trace.parts), vocabulary), False, b,
                          bands[b].line, trace.parts, SUB_HEADING)
            for section, (b, _, _), trace in zip(sections, starts, traces)]


def group_heading_start(row: list[list[str]], group: str, title_column: int = TITLE, numbered: bool = False
                        ) -> tuple[int, int] | None:
    """(column, token) where a band's first text opens a heading of the activity group `group` ("1.1"): its
    number closed by a dot or colon, after a label or none, and a capitalised word after it (past the
    activity's number, in a `numbered` band)."""
    column = next((c for c, words in enumerate(row) if words and not (numbered and c == NUMBER)), None)
    if column is None or column > max(title_column, TITLE):
        return None
    words = row[column]
    for i, token in enumerate(words[:LABEL_WORDS + 1]):
        if token in (f"{group}.", f"{group}:") and i + 1 < len(words) and is_capitalised(words[i + 1]):
            label = 0 if i == 0 else label_start(words, i)
            return None if label is None else (column, label)
    return None


def sub_headings(bands: tuple[Band, ...], tokens: Tokens, taken: set[int], anchors: list[Anchor],
                 vocabulary: Vocabulary) -> list[SectionHeader]:
    """The rows merged across the table (a PDF's `Band.spanning`) that are neither an activity nor its
    section's heading: a heading inside a section ("1.1. Budget transparency" over 1.1.1, 1.1.2). Its words
    stay out of the activities' cells; the section keeps its own title."""
    found = []
    anchor_bands = [anchor.band for anchor in anchors]
    for band in bands:
        if not band.spanning or band.index in taken:
            continue
        parts = tuple((c, 0, len(words)) for c, words in enumerate(tokens[band.index]) if c != NUMBER and words)
        if not parts:
            continue
        after = bisect_right(anchor_bands, band.index)
        section = anchors[after].section_no if after < len(anchors) else None
        found.append(SectionHeader(section, parts_to_title(tokens[band.index], list(parts), vocabulary), False,
                                   band.index, band.line, parts, SUB_HEADING))
    return found


def without_headers(bands: tuple[Band, ...], tokens: Tokens, headers: list[SectionHeader]) -> tuple[Band, ...]:
    """The bands with the headers' words taken out (also where a header is printed again,
    `SectionHeader.repeats`); a fragment's line breaks stay on their words (where its words are the ones
    the headers were found among)."""
    changed = {b for header in headers for b in (header.band, *header.repeats)}
    kept = {(b, c): (fragment.breaks, fragment.wraps) for b in changed
            for c, fragment in enumerate(bands[b].fragments) if tokens[b][c] == fragment.text.split()}
    for header in headers:
        for b in (header.band, *header.repeats):
            for c, i, j in sorted(header.parts, key=lambda p: -p[1]):
                if (b, c) in kept:
                    kept[b, c] = tuple(shifted_breaks(found, i, j) for found in kept[b, c])
                del tokens[b][c][i:j]

    def rest(band: Band, f: Fragment) -> Fragment:
        breaks, wraps = kept.get((band.index, f.column), ((), ()))
        return replace(f, text=" ".join(tokens[band.index][f.column]), breaks=breaks, wraps=wraps)

    return tuple(replace(band, fragments=tuple(rest(band, f) for f in band.fragments)) if band.index in changed
                 else band for band in bands)


def plain_sections(bands: tuple[Band, ...], anchors: list[Anchor], vocabulary: Vocabulary,
                   title_column: int = TITLE, period_column: int | None = None
                   ) -> tuple[tuple[Band, ...], list[SectionHeader], list[Anchor]]:
    """The headings of a plan numbered plainly (1, 2, ... 40): each heading row opens a section.

    A heading is a row merged across the table (a PDF's `Band.spanning`), or, in the text form, a row
    between two activities whose words the column edges cut, or the next section's number ("3.", "III.")
    followed by a capitalised word, even glued to an activity's band (after its text, or on top of it). A
    heading that prints a number gives its section that number; the activities under it get its rank as
    their `section_key`.
    """
    tokens = BandTokens(bands)
    anchored = {a.band for a in anchors}
    spanning = [band.index for band in bands if band.spanning and band.index not in anchored]
    starts: list[tuple[int, int, int]] = []
    widths: dict[int, int] = {}
    if spanning:
        # A merged row's text lies in one column (a PDF puts it in the title column, wherever that is).
        filled = ((b, next((c for c in range(len(tokens[b])) if c != NUMBER and tokens[b][c]), None))
                  for b in spanning)
        starts = [(b, c, 0) for b, c in filled if c is not None]
    else:
        widths = header_column_widths(bands, anchored, vocabulary)
        column_headers = frozenset(band.index for band in bands if band.column_header)
        edges = [-1, *sorted(anchored)]
        printed = 0
        atop = False    # whether a heading was found atop a row
        for low, high in zip(edges, [*edges[1:], len(bands)]):
            # (A column-header row's other text is a heading only in a plan whose headings print no number.)
            openers = frozenset(tokens[b][c][i].casefold() for b, c, i in starts)
            start = find_unnumbered_header(tokens, range(low + 1, high), anchored, vocabulary, printed + 1,
                                           frozenset() if printed else column_headers,
                                           frozenset() if printed else openers)
            # The next section's number, or one after it where a heading is not printed ("II." then "IV.").
            around = range(max(low, 0), min(high, len(bands) - 1) + 1)
            numbers = iter(range(printed + 1, printed + 1 + NUMBERS_AHEAD))
            found = None    # the number searched for ("Sectio" | "n 3:" prints it past its label's edge)
            while start is None and (number := next(numbers, None)) is not None:
                start = find_header_start(tokens, around, number, anchored, title_column, vocabulary)
                found = number if start is not None else None
            if start is None and not printed:
                start = find_left_header(tokens, range(low + 1, high), anchored, vocabulary)
            if start is None and high < len(bands) and not printed:
                start = find_header_before_number(tokens, high, vocabulary)
            if start is None and high < len(bands) and not printed:
                # (Atop the next row first: the words the edges cut there show it surely.)
                start = find_atop_header(tokens, high, vocabulary, title_column)
                atop = atop or start is not None
            if start is None and low >= 0 and not printed and not atop:
                # (A plan whose headings print their numbers glues none without one; nor does one whose text
                # form glued a heading atop a row: the row under a heading line takes it, and a row's own text
                # after a neighbour's spilled words is no heading glued after them.)
                start = find_glued_header(tokens, low, vocabulary, title_column, openers)
            if start is not None:
                starts.append(start)
                b, c, i = start
                printed = found or heading_number(" ".join(tokens[b][c][i:i + LABEL_WORDS + 1])) or \
                    (printed_section_number(tokens[b][c][i]) if c == NUMBER and b in anchored else None) or printed
        if starts and not printed and starts[0][0] > edges[1]:
            # (The first section's heading, in a plan whose others print no number, may share the
            # column-header line.)
            first = find_header_line_heading(tokens, range(edges[1]), column_headers)
            starts[:0] = [first] if first is not None else []
    traced = [start for start in starts if not bands[start[0]].spanning]
    traces = dict(zip(traced, trace_headers(tokens, traced, anchored, widths, vocabulary, period_column,
                                                      title_column)))
    headers: list[SectionHeader] = []
    for rank, start in enumerate(starts, start=1):
        b = start[0]
        if bands[b].spanning:
            parts = tuple((c, 0, len(words)) for c, words in enumerate(tokens[b]) if c != NUMBER and words)
        else:
            parts = traces[start].parts
        title = parts_to_title(tokens[b], list(parts), vocabulary)
        number = heading_number(title)
        headers.append(SectionHeader(number, strip_section_number(title) if number else title, number is not None,
                                     b, bands[b].line, parts, rank))
    # A heading on top of an activity's band (its words first in each column) is that activity's.
    atop = {start[0] for start in starts if start[0] in anchored and start[2] == 0}
    keyed = []
    for anchor in anchors:
        above = [h for h in headers if h.band < anchor.band or h.band == anchor.band and h.band in atop]
        heading = above[-1] if above else None
        keyed.append(replace(anchor, section_no=heading.number if heading else None,
                             section_key=heading.key if heading else 0))
    return without_headers(bands, tokens, headers), headers, keyed


def column_sections(bands: tuple[Band, ...], anchors: list[Anchor], column: int, vocabulary: Vocabulary
                    ) -> tuple[tuple[Band, ...], list[SectionHeader], list[Anchor]]:
    """The sections of a table whose `column` prints each activity's section heading beside it
    ("Objective 2: Open courts", a cell merged down over the section's rows, read into each row's band:
    `extract.content.section_column`).

    Down the column, each cell that differs from the one above opens a section, titled by the heading less
    its label and number; the same cell in the rows under it is the heading printed again
    (`SectionHeader.repeats`), its words the section's title, no field of the activities. Activities
    numbered in two levels keep the number theirs print ("2" of "2.1"); plainly numbered ones take the
    heading's. Rows merged across the table inside a section are its sub-headings, as elsewhere.
    """
    tokens = BandTokens(bands)
    anchor_bands = [anchor.band for anchor in anchors]
    headers: list[SectionHeader] = []
    printed = ""
    for band in bands:
        words = tokens[band.index][column]
        if not words:
            continue
        if " ".join(words) == printed:
            headers[-1] = replace(headers[-1], repeats=(*headers[-1].repeats, band.index))
            continue
        printed = " ".join(words)
        parts = ((column, 0, len(words)),)
        title = parts_to_title(tokens[band.index], list(parts), vocabulary)
        number = heading_number(title)
        following = bisect_left(anchor_bands, band.index)
        anchor = anchors[following] if following < len(anchors) else None
        levelled = anchor is not None and anchor.section_no is not None
        key = anchor.section_key if anchor is not None and levelled else len(headers) + 1
        headers.append(SectionHeader(anchor.section_no if anchor is not None and levelled else number,
                                     strip_section_number(title) if number is not None else title,
                                     number is not None, band.index, band.line, parts, key))
    keyed = []
    header_bands = [header.band for header in headers]
    for anchor in anchors:
        above = bisect_right(header_bands, anchor.band)
        heading = headers[above - 1] if above else None
        if anchor.section_no is None:
            anchor = replace(anchor, section_no=heading.number if heading else None,
                             section_key=heading.key if heading else 0)
        keyed.append(anchor)
    anchored = {anchor.band for anchor in anchors}
    headers += sub_headings(bands, tokens, anchored | set(header_bands), anchors, vocabulary)
    return without_headers(bands, tokens, headers), headers, keyed
