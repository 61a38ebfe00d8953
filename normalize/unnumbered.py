"""Find where a heading that prints no number starts, in a plainly numbered plan's text form.

Such a heading is known only by how it lies across the table: in a band of its own, through words the column
edges cut; glued after an activity's text in some column, its last word cut by the edge and going on in the
next column; atop an activity's row, opening the cells of the columns it crosses; or in the column-header
line, besides the columns' labels. `normalize.sections.plain_sections` asks for each, between activities.
"""
from __future__ import annotations

from extract.vocabulary import section_number

from .cut_labels import cut_join, is_capitalised, starts_label
from .header_parts import Tokens
from .words import FRAGMENTS, FUNCTION_WORDS, NEAR_KNOWN, Vocabulary, rejoin

#: Header rows are traced from the number column (the table's first) and the column after it.
NUMBER, TITLE = 0, 1


def find_unnumbered_header(tokens: Tokens, bands: range, anchored: set[int], vocabulary: Vocabulary,
                           next_number: int | None = None,
                           column_headers: frozenset[int] = frozenset(),
                           openers: frozenset[str] = frozenset()) -> tuple[int, int, int] | None:
    """A band with no activity whose text runs across column edges through cut words, or that opens on the
    number of the `next_number`th section ("2. Measures", "II. Measures") alone on its line, or that is a
    column-header row with a capitalised text besides its labels, or that runs across columns from a word
    the plan's other headings open on (`openers`, case-folded): a header row."""
    for b in bands:
        if b in anchored:
            continue
        row = tokens[b]
        columns = [c for c in range(TITLE, len(row)) if row[c]]
        if not columns or not is_capitalised(row[columns[0]][0]) or starts_label(row[columns[0]], 0):
            continue
        first = row[columns[0]]
        if next_number is not None and section_number(first[0]) == next_number and len(first) > 1 \
                and is_capitalised(first[1]) and not row[NUMBER]:
            return b, columns[0], 0
        joined = any(
            c + 1 < len(row) and row[c + 1] and (vocabulary.count(row[c][-1]) <= 1 or vocabulary.count(
                row[c + 1][0]) == 0) and cut_join(row[c][-1], row[c + 1][0], vocabulary)
            for c in columns
        )
        across = len(columns) > 1 and columns[1] == columns[0] + 1
        if joined or across and (b in column_headers or first[0].casefold() in openers):
            return b, columns[0], 0
    return None


def find_left_header(tokens: Tokens, bands: range, anchored: set[int], vocabulary: Vocabulary
                     ) -> tuple[int, int, int] | None:
    """A heading set flush left across the table in a band with no activity: it opens on a capital in the
    number column, which holds no id there, and goes on past that narrow column's edge in the title column,
    through a word the edge cut ("Transp" | "arência na gestão") or on a word in lower case ("Acesso" | "à
    informação"): a cell of its own would open on a capital."""
    for b in bands:
        row = tokens[b]
        if b in anchored or len(row) <= TITLE or not row[NUMBER] or not row[TITLE]:
            continue
        first, after = row[NUMBER], row[TITLE]
        if is_capitalised(first[0]) and not starts_label(first, 0) and section_number(first[0]) is None and (
                cut_join(first[-1], after[0], vocabulary) or after[0][:1].islower()):
            return b, NUMBER, 0
    return None


def find_header_before_number(tokens: Tokens, b: int, vocabulary: Vocabulary) -> tuple[int, int, int] | None:
    """A heading set flush left atop an activity's row, glued before its number in the number column ("A.
    Per 1" | "rizinan dan Tata Niaga Integrasi ..."): the words before the number open on a capital, no
    label of the plan's numbers, and go on past the narrow column's edge in the title column through a word
    the edge cut or on a word in lower case, the row's own title after them."""
    row = tokens[b]
    if len(row) <= TITLE or len(row[NUMBER]) < 2 or not row[TITLE]:
        return None
    first, after = row[NUMBER][:-1], row[TITLE]
    if is_capitalised(first[0]) and not starts_label(first, 0) and section_number(first[0]) is None and (
            cut_join(first[-1], after[0], vocabulary) or after[0][:1].islower()):
        return b, NUMBER, 0
    return None


def find_glued_header(tokens: Tokens, b: int, vocabulary: Vocabulary, title_column: int = TITLE,
                      openers: frozenset[str] = frozenset()) -> tuple[int, int, int] | None:
    """An unnumbered header glued after an activity's text in its band, in the title column or a column
    right of it (a heading centred on the table): the header starts at a capitalised word after a word that
    ends a phrase, the first that opens the document's other headings (`openers`, case-folded); failing
    one, the first, where the fragment ends in a word the column edge cut (its other half is in the next
    column, "... Measures to expand digi" + "tal"). The first column that shows one, from the title's."""
    row = tokens[b]
    for c in range(title_column, len(row) - 1):
        if not row[c] or not row[c + 1]:
            continue
        here, after = row[c], row[c + 1]
        starts = [i for i in range(1, len(here)) if is_capitalised(here[i]) and not here[i - 1][-1:] in ",:;("
                  and here[i - 1].casefold() not in FUNCTION_WORDS and not starts_label(here, i)]
        habitual = [i for i in starts if here[i].casefold() in openers]
        cut = max((joined[1] for k, joined in enumerate(rejoin(here[-1], word, vocabulary) for word in after)
                   if joined and (joined[1] >= NEAR_KNOWN or not any(map(is_capitalised, after[k:])))), default=0)
        # (Halves of a word the document prints nowhere else are a cut where the heading's words end the next
        # fragment too: glued after the row's text there, "... Доб" | "... ради брочесність комунальн"; and
        # where the heading's capital follows a word in lower case: inside a run of capitals, "Қазақстан
        # Республикасы Қаржы министрлігі", it is a name's next word.)
        if cut < NEAR_KNOWN:
            starts = [i for i in starts if not is_capitalised(here[i - 1])]
        if starts and (cut >= FRAGMENTS or habitual):
            # (the word the plan's headings open on, after a phrase's end, is a heading's start)
            return b, c, (habitual or starts)[0]
    return None


def find_atop_header(tokens: Tokens, b: int, vocabulary: Vocabulary, title_column: int = TITLE
                     ) -> tuple[int, int, int] | None:
    """An unnumbered header atop an activity's row (its words open the cells of the columns it crosses, the
    row's own text after them): in the title column or right of it, a fragment opening on a capital where a
    word followed by the row's text (a capital) or ending the fragment is the first half of a word the edge
    cut, its other half opening the next column's fragment in lower case ("Beneficial Ownership Trans
    Register online" | "sparency Council of Governors"). A cut that makes a word the document prints, or is
    one edit from one, is sure enough; halves of a word it prints nowhere else only where the part before
    them is two words at least (a lone word before a capital is any cell's)."""
    row = tokens[b]
    for c in range(title_column, len(row) - 1):
        here, after = row[c], row[c + 1]
        if not here or not after or not is_capitalised(here[0]) or is_capitalised(after[0]) \
                or starts_label(here, 0):
            continue
        for k in range(len(here) - 1):
            if not is_capitalised(here[k + 1]) or here[k].casefold() in FUNCTION_WORDS:
                continue
            joined = rejoin(here[k], after[0], vocabulary)
            if joined and (joined[1] >= NEAR_KNOWN or joined[1] >= FRAGMENTS and k >= 1):
                return b, c, 0
    return None


def find_header_line_heading(tokens: Tokens, bands: range, column_headers: frozenset[int]
                             ) -> tuple[int, int, int] | None:
    """The first section's heading in the column-header line above it, in one column besides that column's
    label ("Output Open Contracting"): asked only of a plan whose other headings print no number and none of
    which lies above its first activity. The text opens on a capital."""
    for b in bands:
        if b not in column_headers:
            continue
        filled = [c for c in range(TITLE, len(tokens[b])) if tokens[b][c]]
        if len(filled) == 1 and is_capitalised(tokens[b][filled[0]][0]):
            return b, filled[0], 0
    return None
