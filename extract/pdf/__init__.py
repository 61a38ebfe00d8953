"""Read a plan's table straight from a PDF with pdfplumber, into the bands the text reader makes.

The reader works in stages, one module each:

- `opening.py`: check the file, open it, read each page once (its words, its ruling lines, its images),
  and turn any failure into one `InputError` line naming the file;
- `lines.py`: words to visual lines and phrases;
- `furniture.py`: running heads, footers and page numbers, taken off the pages and kept as stray text;
- `header.py`: the column-header row, by the labels of the header vocabulary or by its place above the
  first numbered rows; every cluster of it is a column;
- `edges.py`: the column edges, on the rules between labels or in the white gutters;
- `rows.py` and `blocks.py`: a page's lines cut into rows (ruled slabs, or blocks between white gaps) and
  each row read into one text per column; `ruling.py`: the rules that part a ruled table's rows, and its
  cells merged down over several rows;
- `pages.py`: the pages in order, each table's header carried from page to page, a new table where the
  header row changes;
- `document.py`: each table's profile, the union layout, the bands, title and stray text (`read_pdf`);
- `textform.py`: the text form of what was read (`pdf_to_text`).

Broken, encrypted, scanned or table-less PDFs raise `InputError` with one line naming the file.
"""
from __future__ import annotations

from .blocks import body_to_rows
from .document import read_pdf
from .edges import word_column
from .header import Header, HeaderCell
from .lines import Line, Word, words_to_lines
from .rows import column_targets
from .textform import header_words_to_cells, pdf_to_text

__all__ = ["Header", "HeaderCell", "Line", "Word", "body_to_rows", "column_targets", "header_words_to_cells",
           "pdf_to_text", "read_pdf", "word_column", "words_to_lines"]
