"""The text form's column-header rows: which rows are a table's header, and a header whose labels wrap over
several lines joined into one row (the words still accounted on the lines that print them)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .layout import SHORT_CELL_WORDS, header_hit, names_columns, row_signature
from .vocabulary import SECTION_NUMBER, activity_number_parts


def header_rows(rows: Sequence[Sequence[str]]) -> set[int]:
    """The indexes of the rows that are a table's column-header row.

    A row is one when it names two or more columns in the vocabulary; failing that, when it recurs (the
    same first word in each of three or more cells: the header repeated at the top of pages, whatever
    shares its band); failing both, when it is the first row, above the first numbered one, and its cells
    are short. (A recurring row is only a guess: a plan that copies a section's heading row recurs too.)
    """
    found = {i for i, cells in enumerate(rows) if names_columns(cells)}
    if not found:
        signatures = [row_signature(cells) for cells in rows]
        counts = Counter(signature for signature in signatures if signature)
        found = {i for i, signature in enumerate(signatures) if signature and counts[signature] >= 2}
    first_numbered = next((i for i, cells in enumerate(rows) if cells and activity_number_parts(cells[0])), None)
    if rows and first_numbered and not found:
        cells = rows[0]
        filled = [cell for cell in cells if cell]
        if len(filled) >= 2 and all(len(cell.split()) <= SHORT_CELL_WORDS for cell in filled):
            found.add(0)
    return found


#: A column-header row's labels wrap onto at most this many lines above it and as many below.
HEADER_LINES = 3
#: A line of a wrapped label holds at most this many words in a cell.
LABEL_LINE_WORDS = 3


def header_block(rows: Sequence[Sequence[str]], lines: Sequence[int], main: int) -> list[int]:
    """The rows of one column-header row whose labels wrap over several lines, `main` the one the header was
    found on: the lines right above it and below it, none numbered, each cell a few words. A naive
    extractor centres each label on the row, so a label of one line stands on the middle line and a longer
    one goes on above and below it ("Форма" / "завершения"): a line below is the header's only where each
    of its cells goes on a label begun above, or in lower case one of the middle line's ("agencies")."""
    def label_line(j: int) -> bool:
        cells = rows[j]
        filled = [cell for cell in cells if cell]
        return bool(filled) and not (cells and activity_number_parts(cells[0])) and \
            not SECTION_NUMBER.match(" ".join(filled)) and all(len(c.split()) <= LABEL_LINE_WORDS for c in filled)

    above = []
    j = main - 1
    while j >= 0 and len(above) < HEADER_LINES and lines[j] == lines[j + 1] - 1 and label_line(j):
        above.insert(0, j)
        j -= 1
    begun = {k for i in above for k, cell in enumerate(rows[i]) if cell}
    below = []
    j = main + 1
    while j < len(rows) and len(below) < HEADER_LINES and lines[j] == lines[j - 1] + 1 and label_line(j) and \
            all(k in begun or k < len(rows[main]) and rows[main][k] and cell[:1].islower()
                for k, cell in enumerate(rows[j]) if cell):
        below.append(j)
        j += 1
    return [*above, main, *below]


def joined_cells(rows: Sequence[Sequence[str]], block: Sequence[int]) -> list[str]:
    """The cells of a header's lines joined column by column."""
    width = max(len(rows[j]) for j in block)
    return [" ".join(rows[j][k] for j in block if k < len(rows[j]) and rows[j][k]) for k in range(width)]


def clean_labels(cells: Sequence[str]) -> int:
    """How many cells hold a label of the vocabulary cleanly."""
    return sum(1 for hit in map(header_hit, cells) if hit and hit[1])


def stands(joined: Sequence[str], middle: Sequence[str]) -> bool:
    """Whether a header's lines joined name the columns, at least as cleanly as its middle line alone."""
    return names_columns(joined) and clean_labels(joined) >= clean_labels(middle)


def merge_header_blocks(rows: list[list[str]], lines: list[int], headers: set[int]
                        ) -> tuple[list[list[str]], list[int], set[int], dict[int, list[list[tuple[int, str]]]]]:
    """The rows with each column-header row's wrapped label lines (`header_block`) joined into it, cell by
    cell, and for each joined row the (line, word) of every word of each cell, so the words are accounted on
    the lines that print them."""
    # (Of header rows on consecutive lines, the last is the middle one: the others are its label lines.)
    mains = [i for i in sorted(headers) if not (i + 1 in headers and lines[i + 1] == lines[i] + 1)]
    blocks = [header_block(rows, lines, main) for main in mains]
    # A block stands only where its joined labels name the columns at least as cleanly as its middle line.
    blocks = [block if len(block) == 1 or stands(joined_cells(rows, block), rows[main]) else [main]
              for block, main in zip(blocks, mains)]
    if all(len(block) == 1 for block in blocks):
        return rows, lines, headers, {}
    merged_rows: list[list[str]] = []
    merged_lines: list[int] = []
    new_headers: set[int] = set()
    sources: dict[int, list[list[tuple[int, str]]]] = {}
    start_of = {block[0]: (block, main) for block, main in zip(blocks, mains)}
    inside = {j for block in blocks for j in block}
    for i, cells in enumerate(rows):
        block, main = start_of.get(i, (None, None))
        if block is None:
            if i not in inside:
                if i in headers:
                    new_headers.add(len(merged_rows))
                merged_rows.append(cells)
                merged_lines.append(lines[i])
            continue
        width = max(len(rows[j]) for j in block)
        words = [[(lines[j], word) for j in block if k < len(rows[j]) for word in rows[j][k].split()]
                 for k in range(width)]
        new_headers.add(len(merged_rows))
        sources[len(merged_rows)] = words
        merged_rows.append([" ".join(word for _, word in cell) for cell in words])
        merged_lines.append(lines[main])
    return merged_rows, merged_lines, new_headers, sources
