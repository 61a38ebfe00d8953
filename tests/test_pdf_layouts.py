"""The PDF reader reads a table by its own layout: columns in any order, missing or extra columns, a second
table with other columns, header words it does not know or in Russian, any numbering, and the things
published PDFs carry (curves and images, pages of prose before the table, running heads and page numbers,
pages turned by /Rotate).

Each test draws a small PDF with reportlab (`draw`), reads it with `read_pdf` and checks what it returns:
the document's columns and the text of its bands.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from extract.errors import InputError
from extract.model import RawDocument
from extract.pdf import Line, Word, pdf_to_text, read_pdf
from extract.pdf.glued import continues_section
from extract.pdf.header import find_header, sub_labels_under
from extract.pdf.opening import Rules
from extract.pdf.rows import Geometry
from extract.pdf_settings import PdfSettings
from extract.vocabulary import heading_number, prints_heading, strip_section_number
from normalize.plan import document_to_plan
from normalize.registry import load_registry

FONT, BOLD = "Helvetica", "Helvetica-Bold"
SIZE, LEADING, PAD = 9.0, 11.0, 4.0


# ----------------------------------------------------------------------------- drawing small plans

@dataclass
class Table:
    """A table to draw: its header labels and column widths, and its rows (a str is a heading row spanning
    the table; a tuple is one text per column)."""

    labels: tuple[str, ...]
    widths: tuple[float, ...]
    rows: list[str | tuple[str, ...]]
    ruled: bool = True
    #: Cells centred vertically in their row (a wrapped label's first line then stands above the others).
    centred: bool = False
    #: Heading rows printed in the title cell (the second column), the row's other cells empty, not merged.
    headings_in_title: bool = False
    #: Heading rows centred on the table (a short one then stands inside one column).
    centred_headings: bool = False


@dataclass
class Plan:
    tables: list[Table]
    title: str = "Action Plan for 2024-2026"
    pagesize: tuple[float, float] = landscape(A4)
    prose_pages: int = 0
    #: A title set large atop the first page of prose, with a smaller "Introduction" under it.
    cover_title: str = ""
    #: Pages of prose after the tables (an annex).
    annex_pages: int = 0
    running_head: str = ""
    page_numbers: bool = False
    rotate: bool = False
    cover_image: bool = False
    curves: bool = False
    font: str = FONT
    bold: str = BOLD
    #: Each table starts on a new page.
    new_page_per_table: bool = True
    #: The header row printed again atop each page a table goes on to (else on its first page only).
    repeat_header: bool = True
    #: A footnote printed at the foot of the first page, well apart from the table above it.
    footnote: str = ""
    pages: list[int] = field(default_factory=list)


def wrap(text: str, font: str, width: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and stringWidth(candidate, font, SIZE) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


class Drawer:
    """Draws on pages in top-down coordinates of the page as shown (turned upright when `rotate`)."""

    def __init__(self, path: Path, plan: Plan):
        self.plan = plan
        self.width, self.height = plan.pagesize
        self.canvas = Canvas(str(path), pagesize=plan.pagesize, invariant=1)
        self.page = 0
        self.start_page()

    def start_page(self) -> None:
        self.page += 1
        if self.plan.rotate:
            # The page is stored portrait and turned by /Rotate 90 to show landscape, as Word exports do.
            self.canvas.setPageRotation(90)
            self.canvas.transform(0, 1, -1, 0, self.height, 0)
        self.canvas.setLineWidth(0.6)
        if self.plan.running_head:
            self.text(self.width / 2 - 30, 20, self.plan.running_head, FONT, 8)
        if self.plan.page_numbers:
            self.text(self.width / 2, self.height - 24, str(self.page), FONT, 8)
        if self.plan.footnote and self.page == 1:
            self.text(72, self.height - 40, self.plan.footnote, FONT, 8)

    def next_page(self) -> None:
        self.canvas.showPage()
        self.start_page()

    def text(self, x: float, top: float, text: str, font: str, size: float = SIZE) -> None:
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, self.height - top - size, text)

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.canvas.line(x0, self.height - y0, x1, self.height - y1)

    def save(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def draw(path: Path, plan: Plan) -> Path:
    """Draw a plan: optional pages of prose, the title, then each table with its header row repeated on
    every page, rows moved whole to the next page when they do not fit."""
    d = Drawer(path, plan)
    if plan.cover_image:
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        image = Image.new("L", (60, 40), 128)
        d.canvas.drawImage(ImageReader(image), 40, d.height - 120, width=90, height=60)
    if plan.curves:
        d.canvas.roundRect(d.width - 160, d.height - 110, 120, 60, 12)
        d.canvas.bezier(d.width - 150, d.height - 60, d.width - 120, d.height - 20, d.width - 90,
                        d.height - 100, d.width - 50, d.height - 60)
    for k in range(plan.prose_pages):
        top = 60.0
        if k == 0 and plan.cover_title:
            d.text(72, 30, plan.cover_title, plan.bold, 20)
            d.text(72, 70, "Introduction", plan.bold, 13)
            top = 100.0
        for i in range(30):
            d.text(72, top, f"Chapter {k + 1}. This page of the report describes the reforms of the year "
                            f"in prose, paragraph {i + 1}, with no table at all.", FONT, 10)
            top += 14
        d.next_page()
    top = 50.0
    d.text(72, top, plan.title, plan.bold, 12)
    top += 30
    for t, table in enumerate(plan.tables):
        if t and plan.new_page_per_table:
            d.next_page()
            top = 50.0
        left = (d.width - sum(table.widths)) / 2
        xs = [left]
        for w in table.widths:
            xs.append(xs[-1] + w)

        def draw_row(cells: str | tuple[str, ...], top: float, header: bool = False) -> float:
            font = plan.bold if header or isinstance(cells, str) else plan.font
            if isinstance(cells, str) and table.headings_in_title:
                lines = [[], wrap(cells, font, table.widths[1] - 2 * PAD)] + [[] for _ in table.widths[2:]]
            elif isinstance(cells, str):
                lines = [wrap(cells, font, sum(table.widths) - 2 * PAD)]
            else:
                lines = [wrap(text, font, w - 2 * PAD) for text, w in zip(cells, table.widths)]
            height = max(1, max(len(cell) for cell in lines)) * LEADING + 2 * PAD
            for c, cell in enumerate(lines):
                shift = (height - 2 * PAD - len(cell) * LEADING) / 2 if table.centred else 0.0
                for i, text in enumerate(cell):
                    x = xs[c] + PAD
                    if isinstance(cells, str) and table.centred_headings:
                        x = (xs[0] + xs[-1] - stringWidth(text, font, SIZE)) / 2
                    d.text(x, top + PAD + shift + i * LEADING, text, font)
            if table.ruled or header:
                d.rule(xs[0], top + height, xs[-1], top + height)
            if table.ruled:
                d.rule(xs[0], top, xs[-1], top)
                inner = [] if isinstance(cells, str) and not table.headings_in_title else xs[1:-1]
                for x in (xs[0], *inner, xs[-1]):
                    d.rule(x, top, x, top + height)
            return height

        def row_height(cells: str | tuple[str, ...]) -> float:
            if isinstance(cells, str) and table.headings_in_title:
                return len(wrap(cells, plan.bold, table.widths[1] - 2 * PAD)) * LEADING + 2 * PAD
            if isinstance(cells, str):
                return len(wrap(cells, plan.bold, sum(table.widths) - 2 * PAD)) * LEADING + 2 * PAD
            return max(len(wrap(text, plan.font, w - 2 * PAD)) for text, w in zip(cells, table.widths)) \
                * LEADING + 2 * PAD

        top += draw_row(table.labels, top, header=True)
        for row in table.rows:
            if top + row_height(row) > d.height - (90 if plan.footnote else 50):
                d.next_page()
                top = 50.0
                if plan.repeat_header:
                    top += draw_row(table.labels, top, header=True)
            top += draw_row(row, top)
    for k in range(plan.annex_pages):
        d.next_page()
        for i in range(30):
            d.text(72, 60.0 + 14 * i, f"Annex {k + 1}. The organisations that worked on the plan, in prose, "
                                      f"line {i + 1}, after every table.", FONT, 10)
    d.save()
    return path


def bands(document: RawDocument) -> list[list[str]]:
    """The text of every band that is not a column-header row."""
    return [[f.text for f in band.fragments] for band in document.bands if not band.column_header]


def meanings(document: RawDocument) -> list[str]:
    return [column.meaning for column in document.columns]


def numbered(document: RawDocument) -> list[list[str]]:
    number = document.column_of("number")
    assert number is not None
    return [texts for texts in bands(document) if texts[number]]


def header_words_absent(document: RawDocument) -> None:
    """No band holds a word of a column-header row."""
    labels = {word for _, word in document.header_words}
    for texts in bands(document):
        for text in texts:
            assert not (set(text.split()) & labels - {"of", "the", "and"}), (text, labels)


AGENCIES = ["Ministry of Justice", "Ministry of Economy", "State Statistics Committee", "Ministry of Finance"]


def activities(n: int, numbering=lambda i: f"1.{i + 1}.") -> list[tuple[str, str, str, str]]:
    """n activities: (number, title, agencies, period)."""
    return [(numbering(i), f"Publishing the register number {i + 1} of open data sets on the national portal",
             AGENCIES[i % len(AGENCIES)], f"{2024 + i % 3}") for i in range(n)]


# ----------------------------------------------------------------------------- column sets

def test_columns_reordered_with_the_period_before_the_agencies(tmp_path):
    rows = [(n, t, p, a) for n, t, a, p in activities(4)]
    plan = Plan([Table(("No.", "Activity", "Deadline", "Responsible agencies"), (40, 330, 80, 220),
                       ["1. Open data", *rows])])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "period", "agencies"]
    assert [c.header for c in document.columns] == ["No.", "Activity", "Deadline", "Responsible agencies"]
    assert numbered(document) == [list(row) for row in rows]
    assert bands(document)[0] == ["", "1. Open data", "", ""]
    header_words_absent(document)


def test_no_indicator_column(tmp_path):
    rows = activities(3)
    plan = Plan([Table(("No.", "Measures", "Executing bodies", "Execution period"), (40, 360, 220, 90),
                       rows, ruled=False)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "agencies", "period"]
    assert document.column_of("indicator") is None
    assert numbered(document) == [list(row) for row in rows]


def test_a_table_whose_only_text_column_is_headed_as_a_result_names_its_activities_there(tmp_path):
    """"Milestone" names an indicator column where a table also has an activity column; where it is the only
    text, the milestones are the activities: their text is the title, never an indicator beside no title."""
    rows = [(n, t, a, p, status) for (n, t, a, p), status in zip(activities(3), ("Ongoing", "Not started", "Done"))]
    plan = Plan([Table(("No.", "Milestone", "Responsible", "Deadline", "Status"), (40, 330, 200, 80, 70), rows)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "agencies", "period", "extra"]
    assert document.columns[1].decided_by == "only text"
    read = document_to_plan(document, "p", load_registry())
    assert [(a.title, a.indicator) for a in read.activities] == [(t, "") for _, t, _, _, _ in rows]


def test_a_label_after_a_word_that_says_which_of_its_kind_names_the_column(tmp_path):
    """"Verification indicator": the vocabulary knows "Indicator", and the word before it begins no label."""
    rows = [(n, t, "Reports published", a, p) for n, t, a, p in activities(3)]
    plan = Plan([Table(("No.", "Activity", "Verification indicator", "Responsible", "Deadline"),
                       (40, 280, 150, 200, 70), rows)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "indicator", "agencies", "period"]
    assert numbered(document) == [list(row) for row in rows]


def test_an_extra_budget_column_is_kept_apart(tmp_path):
    rows = [(n, t, "Reports published", a, p, f"{(i + 1) * 5000} AZN") for i, (n, t, a, p) in
            enumerate(activities(3))]
    plan = Plan([Table(("No.", "Activity", "Indicator", "Responsible", "Deadline", "Budget"),
                       (40, 250, 130, 170, 60, 90), rows)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "indicator", "agencies", "period", "extra"]
    assert document.columns[5].header == "Budget" and document.columns[5].decided_by == "label"
    assert numbered(document) == [list(row) for row in rows]
    assert all("AZN" not in text for texts in bands(document) for text in texts[:5])


def test_an_extra_column_whose_label_wraps_in_a_centred_header_row(tmp_path):
    """'Funding / source' takes two lines where the other labels take one: its first line stands above
    them, its second below, and both are its column's label, not the title's or the first row's."""
    rows = [(n, t, "State budget", "Reports published", a, p) for n, t, a, p in activities(3)]
    plan = Plan([Table(("No.", "Activity", "Funding source", "Expected result", "Responsible agencies", "Deadline"),
                       (40, 260, 58, 130, 170, 60), rows, centred=True)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "extra", "indicator", "agencies", "period"]
    assert document.columns[2].header == "Funding source"
    assert document.title == "Action Plan for 2024-2026"
    assert numbered(document) == [list(row) for row in rows]
    header_words_absent(document)


def test_a_label_wrapping_onto_many_lines_is_read_whole(tmp_path):
    """A narrow extra column whose label takes seven lines where the others take one or two."""
    rows = [(n, t, a, p, "12.5") for n, t, a, p in activities(3)]
    plan = Plan([Table(("No.", "Activity", "Responsible agencies", "Deadline", "Estimated cost of the measure (thousand manat)"),
                       (40, 300, 200, 70, 44), rows, centred=True)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "agencies", "period", "extra"]
    assert document.columns[4].header == "Estimated cost of the measure (thousand manat)"
    assert numbered(document) == [list(row) for row in rows]


def test_the_agencies_column_before_the_title_with_heading_rows(tmp_path):
    rows = [(n, a, t, p) for n, t, a, p in activities(3)]
    plan = Plan([Table(("No.", "Responsible agencies", "Activity", "Deadline"), (40, 200, 330, 80),
                       ["1. Open data on public finances", *rows], centred=True)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "agencies", "title", "period"]
    plan_read = document_to_plan(document, "agencies-first", load_registry())
    assert [(a.section_no, a.section_title, a.title, a.names("implementer")) for a in plan_read.activities] == [
        (1, "Open data on public finances", t, (a,)) for _n, a, t, _p in rows]


@pytest.mark.parametrize("ruled", [True, False])
def test_a_cell_opening_in_lower_case_stays_in_its_row(tmp_path, ruled):
    """Each row of a PDF table is read whole: an agency cell that opens on a category in lower case
    ("regional administrations") is not taken for the tail of the one-name cell above it (as the text form,
    whose bands are slices, may read it)."""
    title = "Organising the training of civil servants on access to information and on the publication of open data"
    agencies = ["Ministry of Digital Development, State Statistics Committee", "Ministry of Digital Development",
                "regional administrations, General Prosecution Office", "Ministry of Justice"]
    rows = [(f"1.{i + 1}.", title, names, "2025") for i, names in enumerate(agencies)]
    plan = Plan([Table(("No.", "Activity", "Responsible agencies", "Deadline"), (40, 230, 220, 80),
                       rows, ruled=ruled, centred=True)])
    plan_read = document_to_plan(read_pdf(draw(tmp_path / "p.pdf", plan)), "rows", load_registry())
    assert [a.names("implementer") for a in plan_read.activities] == [tuple(n.split(", ")) for n in agencies]
    assert not any(flag.endswith("_boundary_uncertain") for a in plan_read.activities for flag in a.flags)


def test_a_second_table_with_more_columns_gets_its_own_profile(tmp_path):
    first = activities(2)
    second = [("2.1.", "Holding public hearings on the draft laws", "Hearings held", "Ministry of Justice",
               "2025", "Ongoing"),
              ("2.2.", "Training civil servants in open data", "People trained", "Ministry of Economy", "2026",
               "Not started")]
    plan = Plan([Table(("No.", "Activity", "Responsible", "Deadline"), (40, 360, 200, 80), first),
                 Table(("No.", "Activity", "Indicator", "Responsible", "Deadline", "Status"),
                       (40, 260, 120, 160, 60, 80), second)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "indicator", "agencies", "period", "extra"]
    assert [c.header for c in document.columns][-1] == "Status"
    assert [[c.meaning for c in table.columns] for table in document.tables] == [
        ["number", "title", "agencies", "period"], ["number", "title", "indicator", "agencies", "period", "extra"]]
    assert [table.page for table in document.tables] == [1, 2]
    assert numbered(document) == [[n, t, "", a, p, ""] for n, t, a, p in first] + [list(row) for row in second]


def test_unknown_header_words_name_the_columns_by_their_content(tmp_path):
    rows = [(n, t, f"Implementers: {a}", p) for n, t, a, p in activities(4)]
    plan = Plan([Table(("Line", "What will be done", "Who does it", "By when"), (50, 350, 230, 80), rows)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "agencies", "period"]
    assert {c.decided_by for c in document.columns} == {"content"}
    assert [c.header for c in document.columns] == ["Line", "What will be done", "Who does it", "By when"]
    assert numbered(document) == [list(row) for row in rows]
    header_words_absent(document)


def test_unknown_header_words_over_an_indicator_unlabelled_names_and_a_status(tmp_path):
    """Nothing is labelled in words we know and no cell carries a role label: the column of names is the
    agencies, the widest prose the title, the next prose the indicator, and the status (a few short values
    again and again) an extra field."""
    rows = [(n, t, f"Number of data sets published in {p}", a, p, ("Ongoing", "Not started")[i % 2])
            for i, (n, t, a, p) in enumerate(activities(6))]
    plan = Plan([Table(("Line", "What will be done", "How we know", "Who does it", "By when", "Progress"),
                       (40, 250, 150, 160, 60, 70), rows)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "indicator", "agencies", "period", "extra"]
    assert [c.decided_by for c in document.columns] == ["content"] * 5 + ["label"]
    assert numbered(document) == [list(row) for row in rows]


def test_unknown_header_words_over_tall_centred_rows_on_several_pages(tmp_path):
    """The first numbered row is tall and centred, so lines of its cells stand above its number; the header
    row above them is still found, and found again at the top of every later page."""
    long_title = "Publishing the register of open data sets on the national portal " * 4
    rows = [(n, long_title + t, f"Implementers: {a}", p) for n, t, a, p in activities(24)]
    plan = Plan([Table(("Line", "What will be done", "Who does it", "By when"), (50, 350, 230, 80),
                       ["1. Open data", *rows], centred=True)])
    pdf = draw(tmp_path / "p.pdf", plan)
    document = read_pdf(pdf)
    assert document_pages(pdf) >= 3
    assert meanings(document) == ["number", "title", "agencies", "period"]
    assert [c.header for c in document.columns] == ["Line", "What will be done", "Who does it", "By when"]
    assert numbered(document) == [list(row) for row in rows]
    assert sum(band.column_header for band in document.bands) == document_pages(pdf)
    header_words_absent(document)


def document_pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


RUSSIAN_LABELS = ("№ п/п", "Наименование мероприятия", "Ответственные исполнители", "Срок исполнения")


def cyrillic_font() -> str | None:
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf",
                 "/Library/Fonts/Arial Unicode.ttf", "C:/Windows/Fonts/arial.ttf"):
        if Path(path).exists():
            pdfmetrics.registerFont(TTFont("Cyrillic", path))
            return "Cyrillic"
    return None


def test_russian_header_words(tmp_path):
    font = cyrillic_font()
    if font is None:
        pytest.skip("no font with Cyrillic letters on this machine (the header test below needs none)")
    rows = [("1.1.", "Публикация реестра открытых данных на портале", "Министерство юстиции", "2024"),
            ("1.2.", "Проведение общественных слушаний по проектам законов", "Министерство экономики",
             "II квартал 2025")]
    plan = Plan([Table(RUSSIAN_LABELS, (50, 330, 220, 110), ["1. Открытые данные", *rows])], font=font, bold=font,
                title="План мероприятий на 2024-2025 годы")
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "agencies", "period"]
    assert numbered(document) == [list(row) for row in rows]
    header_words_absent(document)


def test_russian_header_words_name_their_columns():
    em = 10.0
    xs = (50, 110, 400, 620)
    words = [Word(word, x + 30 * k, x + 30 * k + 28, 100, 110) for label, x in zip(RUSSIAN_LABELS, xs)
             for k, word in enumerate(label.split())]
    header = find_header([Line(100, 110, tuple(words))], Rules(), em, PdfSettings(), 3)
    assert header is not None
    assert [cell.meaning for cell in header.cells] == ["number", "title", "agencies", "period"]
    assert [cell.text for cell in header.cells] == list(RUSSIAN_LABELS)


def test_a_header_word_broken_across_lines_without_a_hyphen_is_read_as_its_label():
    """The renderer broke "Соисполнители" where its cell ran out of room, with no hyphen: "Соисполнител" on
    one line, "и" under it. Read whole, the word is the partners' label; read apart, no label."""
    em = 10.0
    labels = (("№", 50), ("Мероприятие", 110), ("Исполнители", 330), ("Соисполнител", 450), ("Показатель", 570),
              ("Срок", 670))
    first = Line(100, 110, tuple(Word(text, x, x + 8 * len(text), 100, 110) for text, x in labels))
    broken = Line(112, 122, (Word("и", 450, 456, 112, 122),))
    header = find_header([first, broken], Rules(), em, PdfSettings(), 3)
    assert header is not None
    assert [cell.meaning for cell in header.cells] == ["number", "title", "agencies", "partners", "indicator",
                                                       "period"]
    assert header.cells[3].text == "Соисполнители"


# ----------------------------------------------------------------------------- numbering

def test_plain_numbering_under_unnumbered_headings(tmp_path):
    rows = activities(4, numbering=lambda i: str(i + 1))
    plan = Plan([Table(("No.", "Commitment", "Lead department(s)", "Supporting civil society organisations"),
                       (40, 360, 160, 180),
                       ["Open data: opening up government data", rows[0], rows[1][:3] + ("Open Knowledge",),
                        "Government integrity: fighting corruption", rows[2], rows[3]])])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "agencies", "partners"]
    assert [texts[0] for texts in numbered(document)] == ["1", "2", "3", "4"]
    assert numbered(document)[1][3] == "Open Knowledge"
    headings = [texts for texts in bands(document) if not texts[0]]
    assert headings == [["", "Open data: opening up government data", "", ""],
                        ["", "Government integrity: fighting corruption", "", ""]]


def test_short_unnumbered_headings_centred_over_an_unruled_table_lie_in_one_column_but_are_headings(tmp_path):
    rows = [(n, t, f"Report {n} published", a, p) for n, t, a, p in activities(4, numbering=lambda i: str(i + 1))]
    plan = Plan([Table(("No.", "Activity", "Output", "Lead agency", "Timeframe"), (40, 300, 150, 160, 80),
                       ["Open Contracting", rows[0], rows[1], "Public Participation", rows[2], rows[3]],
                       ruled=False, centred_headings=True)])
    document = read_pdf(draw(tmp_path / "centred.pdf", plan))
    assert [texts[0] for texts in numbered(document)] == ["1", "2", "3", "4"]
    assert [texts[2] for texts in numbered(document)] == ["Report 1 published", "Report 2 published",
                                                          "Report 3 published", "Report 4 published"]
    headings = [" ".join(text for text in texts if text) for texts in bands(document) if not texts[0]]
    assert headings == ["Open Contracting", "Public Participation"]


@pytest.mark.parametrize(("ruled", "bold"), [(True, True), (False, True), (True, False)],
                         ids=["ruled", "unruled", "ruled-not-bold"])
def test_plain_numbering_under_unnumbered_headings_printed_in_the_title_cell(tmp_path, ruled, bold):
    """A heading row that prints its text in the title cell only, not merged across the table, is a heading:
    in bold over rows that are not (ruled or not), or a ruled row of its own."""
    rows = activities(6, numbering=lambda i: str(i + 1))
    plan = Plan([Table(("No.", "Commitment", "Lead department(s)", "Deadline"), (40, 360, 180, 90),
                       ["Open data: opening up government data", rows[0], rows[1], rows[2],
                        "Government integrity: fighting corruption in public procurement and in the companies "
                        "the state owns", rows[3], rows[4], rows[5]],
                       ruled=ruled, headings_in_title=True)], bold=BOLD if bold else FONT)
    read = document_to_plan(read_pdf(draw(tmp_path / "p.pdf", plan)), "p", load_registry())
    first, second = "Open data: opening up government data", \
        "Government integrity: fighting corruption in public procurement and in the companies the state owns"
    assert [(a.activity_id, a.section_title, a.title) for a in read.activities] == [
        (number, first if int(number) <= 3 else second, title) for number, title, _, _ in rows]


def test_a_heading_in_the_title_cell_opening_a_page_is_a_heading(tmp_path):
    """A ruled heading row in the title cell alone, not in bold, first under the header repeated on page 2:
    the table prints its headings so, and the row before it ends finished, so it is no cut row's rest."""
    import pdfplumber

    rows = activities(30, numbering=lambda i: str(i + 1))
    first, second = "Open data: opening up government data", "Government integrity: fighting corruption"
    plan = Plan([Table(("No.", "Commitment", "Lead department(s)", "Deadline"), (40, 360, 180, 90),
                       [first, *rows[:22], second, *rows[22:]], headings_in_title=True)], bold=FONT)
    pdf = draw(tmp_path / "p.pdf", plan)
    with pdfplumber.open(pdf) as opened:
        page_two = " ".join(w["text"] for w in opened.pages[1].extract_words()[:9])
    assert page_two == f"No. Commitment Lead department(s) Deadline {second}"   # the layout this test needs
    read = document_to_plan(read_pdf(pdf), "p", load_registry())
    assert [(a.activity_id, a.section_title, a.title) for a in read.activities] == [
        (number, first if int(number) <= 22 else second, title) for number, title, _, _ in rows]


@pytest.mark.parametrize(("opening", "before", "heading"), [
    (("", "Government integrity", "", ""), "Publishing the register on the national portal", True),
    (("", "Ministry of Finance and the budget", "", ""), "Publishing the reports of the", False),
    (("", "Ministry of Finance and the budget", "", ""), "Publishing the reports of budget institutions,", False),
    (("", "and of the budget institutions", "", ""), "Publishing the reports on the portal", False),
    (("", "Government integrity", "Ministry of Finance", ""), "Publishing the register", False),
], ids=["heading", "after-function-word", "after-comma", "lower-case", "more-than-a-title"])
def test_a_plain_row_opening_a_page_is_a_heading_only_where_nothing_was_cut(opening, before, heading):
    from extract.pdf.pages import heading_opens_page
    from extract.pdf.rows import ACTIVITY, PLAIN, Row

    box = (0.0, 0.0, 1.0, 1.0)
    first = Row(2, 60.0, PLAIN, opening, (box,) * 4)
    last = Row(1, 500.0, ACTIVITY, ("7", before, "Ministry of Justice", "2025"), (box,) * 4)
    assert heading_opens_page(first, last, 1) is heading


def test_an_unlabelled_header_row_over_a_heading_that_wraps_in_the_title_cell(tmp_path):
    """The header row is found by structure above the first numbered row, past a heading of several lines."""
    rows = activities(4, numbering=lambda i: f"1.{i + 1}.")
    heading = ("1. Measures to prevent corruption and to strengthen transparency in the activities of the state "
               "bodies and of the companies the state owns")
    plan = Plan([Table(("#", "What we will do", "Who", "When"), (40, 200, 180, 90), [heading, *rows],
                       headings_in_title=True)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "agencies", "period"]
    read = document_to_plan(document, "p", load_registry())
    assert [(a.activity_id, a.section_title) for a in read.activities] == [
        (number.rstrip("."), heading[3:]) for number, *_ in rows]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_a_row_numbering_the_columns_under_the_header_is_no_activity(tmp_path, ruled):
    rows = activities(3, numbering=lambda i: str(i + 1))
    plan = Plan([Table(("№ п/п", "Наименование мероприятия", "Ответственные исполнители", "Срок исполнения"),
                       (50, 350, 220, 90), [("1", "2", "3", "4"), *rows], ruled=ruled)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert [texts[0] for texts in numbered(document)] == ["1", "2", "3"]
    assert [texts[1] for texts in numbered(document)] == [title for _, title, _, _ in rows]
    assert [word for _, word in document.header_words][-4:] == ["1", "2", "3", "4"]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_headings_that_label_their_number(tmp_path, ruled):
    """"Task 1. ..." opens section 1; "Task" stays out of the first activity's title."""
    rows = activities(4, numbering=lambda i: f"{1 + i // 2}.{1 + i % 2}.")
    plan = Plan([Table(("No.", "Activity", "Responsible agencies", "Deadline"), (50, 350, 220, 90),
                       ["Task 1. Improving the openness of the budget", rows[0], rows[1],
                        "Task 2. Open data", rows[2], rows[3]], ruled=ruled)])
    read = document_to_plan(read_pdf(draw(tmp_path / "p.pdf", plan)), "p", load_registry())
    assert [(a.activity_id, a.section_no, a.section_title, a.title) for a in read.activities] == [
        (number.rstrip("."), int(number[0]),
         "Improving the openness of the budget" if number[0] == "1" else "Open data", title)
        for number, title, _, _ in rows]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_headings_labelled_with_three_words_lose_the_whole_label(tmp_path, ruled):
    """"Key Result Area 1: ..." (a label of `heading_labels.csv` of three words): the section's title is what
    follows the number, the label was kept whole in it where labels were read up to two words."""
    rows = activities(4, numbering=lambda i: f"{1 + i // 2}.{1 + i % 2}")
    plan = Plan([Table(("No.", "Activity", "Responsible agencies", "Deadline"), (50, 350, 220, 90),
                       ["Key Result Area 1: Integrity in the public service", rows[0], rows[1],
                        "Key Result Area 2: Accountable public finance", rows[2], rows[3]], ruled=ruled)])
    read = document_to_plan(read_pdf(draw(tmp_path / "p.pdf", plan)), "p", load_registry())
    assert [(a.section_no, a.section_title) for a in read.activities] == [
        (1, "Integrity in the public service")] * 2 + [(2, "Accountable public finance")] * 2


@pytest.mark.parametrize("heading, title", [
    ("Key Result Area 1: Integrity in the public service", "Integrity in the public service"),
    ("Result Area 2. Citizen voice", "Citizen voice"),
    ("Key reforms of the public service", "Key reforms of the public service"),
    ("Area of work under the plan", "Area of work under the plan"),
])
def test_a_label_of_any_length_is_read_whole_and_a_heading_opening_on_its_words_is_not_cut(heading, title):
    """A label of `heading_labels.csv` leaves the title whatever its length; a heading that opens on a word
    of a label but prints no number after it keeps its words."""
    assert strip_section_number(heading) == title
    assert prints_heading(heading) == (heading != title)


@pytest.mark.parametrize("heading, number, title", [
    ("1-yoʻnalish. Davlat boshqaruvida shaffoflik", 1, "Davlat boshqaruvida shaffoflik"),
    ("2. apņemšanās: Godprātīga publiskā pārvalde", 2, "Godprātīga publiskā pārvalde"),
    ("3. Commitment to open data", 3, "Commitment to open data"),
])
def test_a_label_printed_after_the_number_leaves_the_title(heading, number, title):
    """Languages that print the number first ("1-yoʻnalish.", "2. apņemšanās:"): the label closed by its
    dot or colon is no word of the title; without the mark, the word after the number is the title's."""
    assert heading_number(heading) == number
    assert strip_section_number(heading) == title


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_plain_numbering_under_headings_numbered_in_roman_numerals(tmp_path, ruled):
    """"I. Organisational measures" opens section 1: the heading prints its number in Roman numerals."""
    rows = activities(4, numbering=lambda i: f"{i + 1}.")
    plan = Plan([Table(("№ п/п", "Наименование мероприятия", "Ответственные исполнители", "Срок исполнения"),
                       (50, 350, 220, 90),
                       ["I. Organisational measures", rows[0], rows[1], "II. Transparency of public finance",
                        rows[2], rows[3]], ruled=ruled)])
    read = document_to_plan(read_pdf(draw(tmp_path / "p.pdf", plan)), "p", load_registry())
    assert [(a.activity_id, a.section_no, a.section_title) for a in read.activities] == [
        ("1", 1, "Organisational measures"), ("2", 1, "Organisational measures"),
        ("3", 2, "Transparency of public finance"), ("4", 2, "Transparency of public finance")]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_activities_numbered_with_their_section_in_roman_numerals_were_not_read(tmp_path, ruled):
    """"I.1", "I.2.", "II.1" under "I. Fiscal Openness", "II. Citizen Participation": activities whose id keeps
    the numeral as printed (no trailing dot) and whose section is the numeral's value."""
    numbers = ["I.1", "I.2.", "II.1", "II.2"]
    rows = activities(4, numbering=lambda i: numbers[i])
    plan = Plan([Table(("No.", "Key activity", "Responsible agency", "Timeframe"), (50, 350, 220, 90),
                       ["I. Fiscal Openness", rows[0], rows[1], "II. Citizen Participation", rows[2], rows[3]],
                       ruled=ruled)])
    read = document_to_plan(read_pdf(draw(tmp_path / "p.pdf", plan)), "p", load_registry())
    sections = {"I": (1, "Fiscal Openness"), "II": (2, "Citizen Participation")}
    assert [(a.activity_id, a.section_no, a.section_title, a.title, a.flags) for a in read.activities] == [
        (number.rstrip("."), *sections[number.split(".")[0]], title, ()) for number, title, _, _ in rows]


def test_plain_numbers_closed_by_a_bracket_are_activities(tmp_path):
    """"1)", "2)", ... number activities as "1.", "2." do; the id keeps the number only."""
    rows = activities(3, numbering=lambda i: f"{i + 1})")
    plan = Plan([Table(("No.", "Activity", "Responsible", "Deadline"), (50, 350, 220, 80),
                       ["I. Organisational measures", *rows[:2], "II. Transparency of public finance", rows[2]])])
    read = document_to_plan(read_pdf(draw(tmp_path / "p.pdf", plan)), "p", load_registry())
    assert [(a.activity_id, a.section_no, a.title) for a in read.activities] == [
        ("1", 1, rows[0][1]), ("2", 1, rows[1][1]), ("3", 2, rows[2][1])]


def test_a_number_wrapped_in_a_narrow_number_column_opens_its_row(tmp_path):
    """"1. 10." too wide for its column wraps to "1." over "10.": the row is activity 1.10, even first on a
    page under the repeated header (not the tail of the row the page before ended on)."""
    long_title = "Publishing the register of open data sets on the national portal " * 8
    rows = [(f"1.{i + 1}." if i < 9 else f"1. {i + 1}.", (long_title if i >= 9 else "") + t, a, p)
            for i, (_, t, a, p) in enumerate(activities(13))]
    plan = Plan([Table(("No", "Activity", "Responsible agencies", "Deadline"), (20, 300, 200, 60),
                       rows, centred=True)])
    pdf = draw(tmp_path / "p.pdf", plan)
    read = document_to_plan(read_pdf(pdf), "p", load_registry())
    assert document_pages(pdf) >= 2
    assert [a.activity_id for a in read.activities] == [f"1.{i + 1}" for i in range(13)]
    assert [a.title for a in read.activities] == [row[1] for row in rows]


def merged_down_plan(path: Path, ruled_under_merged: bool = False) -> Path:
    """A ruled table (reportlab's platypus) whose deadline "2025" is one cell merged down three rows, and
    whose agency "Ministry of Justice" is one cell merged down two."""
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from reportlab.platypus import Table as FlowTable
    from reportlab.platypus import TableStyle

    style = getSampleStyleSheet()["Normal"]
    rows = [("No.", "Activity", "Responsible agencies", "Deadline"),
            ("1.1.", "Publishing the register of open data sets every quarter", "Ministry of Economy", "2024"),
            ("1.2.", "Opening the decisions of the courts of appeal", "State Statistics Committee", "2025"),
            ("1.3.", "Training officials to answer requests for information", "Ministry of Justice", ""),
            ("1.4.", "Publishing the budgets of municipalities", "", ""),
            ("1.5.", "Holding public hearings on draft laws", "Ministry of Finance", "2026")]
    table = FlowTable([[Paragraph(text, style) for text in row] for row in rows], colWidths=[40, 330, 200, 80])
    spans = [] if ruled_under_merged else [("SPAN", (3, 2), (3, 4)), ("SPAN", (2, 3), (2, 4))]
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               *spans]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([Paragraph("Action Plan for 2024-2026", style), table])
    return path


def test_a_cell_merged_down_several_rows_is_each_rows(tmp_path):
    """The rule between the rows stops short of a merged cell: its text is every row's it spans."""
    document = read_pdf(merged_down_plan(tmp_path / "p.pdf"))
    assert [texts[2:] for texts in numbered(document)] == [
        ["Ministry of Economy", "2024"], ["State Statistics Committee", "2025"], ["Ministry of Justice", "2025"],
        ["Ministry of Justice", "2025"], ["Ministry of Finance", "2026"]]


def test_an_empty_cell_under_a_rule_stays_empty(tmp_path):
    document = read_pdf(merged_down_plan(tmp_path / "p.pdf", ruled_under_merged=True))
    assert [texts[2:] for texts in numbered(document)] == [
        ["Ministry of Economy", "2024"], ["State Statistics Committee", "2025"], ["Ministry of Justice", ""],
        ["", ""], ["Ministry of Finance", "2026"]]


def flow_table_plan(path: Path, rows: list[tuple[str, ...]], widths: list[float], styles: list[tuple],
                    header_rows: int = 1, split_in_row: bool = False, grid: bool = True,
                    title: str = "Action Plan for 2024-2026") -> Path:
    """A ruled table drawn by reportlab's platypus (its header rows centred), with extra table styles; with
    `split_in_row`, a row that does not fit at a page's foot is cut there and goes on atop the next page;
    without `grid`, only the rules the styles draw."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from reportlab.platypus import Table as FlowTable
    from reportlab.platypus import TableStyle

    style = getSampleStyleSheet()["Normal"]
    centred = ParagraphStyle("header", parent=style, alignment=1, fontSize=8, leading=10)
    table = FlowTable([[Paragraph(text, centred if k < header_rows else style) if text else "" for text in row]
                       for k, row in enumerate(rows)], colWidths=widths, repeatRows=header_rows,
                      splitInRow=int(split_in_row))
    table.setStyle(TableStyle([*([("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if grid else []), *styles]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([Paragraph(title, style), table])
    return path


#: Activities whose tallest cell is now the title, now the result, now the agencies, the deadline one line or two.
UNRULED_ROWS = [
    ("No.", "Activity", "Expected result", "Responsible agencies", "Deadline"),
    ("1. Access to information", "", "", "", ""),
    ("1.1.", "Publishing the register of open data sets of the ministries, the state committees and the "
             "agencies on the national portal with a description of every set", "Register published",
     "Ministry of Economy", "2024"),
    ("1.2.", "Holding public hearings on draft laws", "Hearings held on every draft law of the year",
     "Ministry of Finance, Ministry of Justice, State Statistics Committee, Ministry of Digital Development "
     "and Transport", "2024-2025"),
    ("1.3.", "Training the officials of the central executive authorities to answer requests for information",
     "Two hundred officials trained, a handbook published and a survey of the requesters carried out",
     "Civil Service Agency, Ministry of Justice", "Second quarter of 2025, then every year"),
    ("2. Public services", "", "", "", ""),
    ("2.1.", "Opening the decisions of the courts of appeal and of the supreme court in a searchable database "
             "with the names of private persons removed and a search by the law applied and by the date",
     "Database opened", "Supreme Court", "2025"),
    ("2.2.", "Surveying the users of public service centres", "Survey report published",
     "State Agency for Public Services, Ministry of Labour and Social Protection, Ministry of Health", "2026"),
    ("2.3.", "Publishing the budgets of the municipalities in a machine-readable form every year",
     "Budgets of all municipalities published", "Ministry of Finance", "2024-2026"),
]
#: Row styles: the header (and the headings) shaded with no rule anywhere, or rules only over and under
#: the header and under the last row ("booktabs").
SHADED = [("BACKGROUND", (0, 0), (-1, 0), "#d9d9d9"), ("BACKGROUND", (0, 1), (-1, 1), "#eeeeee"),
          ("BACKGROUND", (0, 5), (-1, 5), "#eeeeee")]
BOOKTABS = [("LINEABOVE", (0, 0), (-1, 0), 1.0, "#000000"), ("LINEBELOW", (0, 0), (-1, 0), 0.5, "#000000"),
            ("LINEBELOW", (0, -1), (-1, -1), 1.0, "#000000")]


def unruled_plan(path: Path, styles: list[tuple], align: str) -> Path:
    """`UNRULED_ROWS` with no rules between the rows, the headings merged across, cells aligned `align`."""
    spans = [("SPAN", (0, k), (-1, k)) for k, row in enumerate(UNRULED_ROWS) if k and not any(row[1:])]
    return flow_table_plan(path, UNRULED_ROWS, [40, 190, 170, 150, 80],
                           [*styles, *spans, ("VALIGN", (0, 0), (-1, -1), align)], grid=False)


def test_the_last_lines_of_a_tall_top_aligned_cell_stay_in_its_row_without_rules_between_rows(tmp_path):
    """Cells hanging from the top of rows with no rule between them (each opens on its number's line, as
    word processors export them), the header and headings shaded: the rows between two shaded headings are
    not cut where each centres on its number, which hands a tall cell's last lines to the next row; each
    row is its number's line and the lines under it."""
    document = read_pdf(unruled_plan(tmp_path / "p.pdf", SHADED, "TOP"))
    assert numbered(document) == [list(row) for row in UNRULED_ROWS[1:] if row[1]]


@pytest.mark.parametrize("styles", [SHADED, BOOKTABS], ids=["shaded-header", "booktabs-rules"])
def test_cells_centred_on_their_rows_without_rules_between_rows_stay_centred(tmp_path, styles):
    """The same table with its cells centred on their rows: the cells open above their number's line, so
    the rows are still cut where each centres on its number."""
    document = read_pdf(unruled_plan(tmp_path / "p.pdf", styles, "MIDDLE"))
    assert numbered(document) == [list(row) for row in UNRULED_ROWS[1:] if row[1]]


def test_a_merged_cell_of_many_lines_standing_across_its_rows_is_each_rows(tmp_path):
    """An agency list merged down three rows wraps onto lines that stand beside all three numbers, and the
    period beside it is merged too: the rules between the rows then cross only the number and title
    columns, and each row gets the whole list and the period."""
    agencies = ("Ministry of Economy, Ministry of Finance, Ministry of Justice, State Statistics Committee, "
                "Ministry of Digital Development and Transport, Ministry of Labour and Social Protection")
    rows = [("No.", "Activity", "Responsible agencies", "Deadline"),
            ("1.1.", "Publishing the register of open data sets", agencies, "2024-2025"),
            ("1.2.", "Opening the decisions of the courts of appeal", "", ""),
            ("1.3.", "Training officials to answer requests for information", "", ""),
            ("1.4.", "Holding public hearings on draft laws", "Ministry of Finance", "2026")]
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [40, 300, 150, 140],
                          [("SPAN", (2, 1), (2, 3)), ("SPAN", (3, 1), (3, 3)), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    document = read_pdf(pdf)
    assert numbered(document) == [[n, t, agencies, "2024-2025"] for n, t, _, _ in rows[1:4]] + [list(rows[4])]


def test_agencies_printed_one_per_line_are_one_mention_each(tmp_path):
    """Bodies listed one per line with no comma: a line that ends with room left for the next line's first
    word was ended, not wrapped; the lines of a wrapped title show no such end."""
    title = ("Publishing the register of open data sets of the ministries, the state committees and the "
             "agencies on the national portal every quarter")
    rows = [("No.", "Activity", "Responsible agencies", "Deadline"),
            ("1.1.", title, "Cabinet Office<br/>Government Digital Service<br/>The National Archives<br/>"
                            "Office of the Parliamentary Counsel", "2024"),
            ("1.2.", "Holding public hearings on draft laws", "Ministry of Finance<br/>Ministry of Justice", "2025")]
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [40, 260, 200, 80], [("VALIGN", (0, 0), (-1, -1), "TOP")])
    document = read_pdf(pdf)
    first = next(band for band in document.bands if band.text(0) == "1.1.")
    assert first.fragments[1].breaks == ()
    assert first.fragments[2].breaks == (2, 5, 8)
    read = document_to_plan(document, "p", load_registry())
    assert [[m.text for m in a.mentions] for a in read.activities] == [
        ["Cabinet Office", "Government Digital Service", "The National Archives",
         "Office of the Parliamentary Counsel"],
        ["Ministry of Finance", "Ministry of Justice"]]
    assert read.activities[0].title == title


def test_a_body_named_on_a_line_of_its_own_in_a_list_one_per_line_is_a_mention(tmp_path):
    """In a cell that lists one body per line, "Public Property Agency" opens a line whose first word would
    not have fitted after "Administration of the Government": the line is still an item of its own, for it
    is a body's whole name. A title-case name wrapped inside ("... Sustainable | Development") is not."""
    first = "Administration of the Government"
    width = stringWidth(first, "Helvetica", 10) + 12 + stringWidth(" Public", "Helvetica", 10) * 0.8
    cell = (f"Civil Service Bureau<br/>{first}<br/>Public Property Agency<br/>"
            "Ministry of Economy and Sustainable Development")
    rows = [("No.", "Activity", "Responsible agencies", "Deadline"),
            ("1.1.", "Publishing the register of state property", cell, "2024"),
            ("1.2.", "Holding public hearings on draft laws", "Ministry of Finance", "2025")]
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [40, 300, width, 80], [("VALIGN", (0, 0), (-1, -1), "TOP")])
    read = document_to_plan(read_pdf(pdf), "p", load_registry())
    assert [[m.text for m in a.mentions] for a in read.activities] == [
        ["Civil Service Bureau", first, "Public Property Agency", "Ministry of Economy and Sustainable Development"],
        ["Ministry of Finance"]]


def test_bodies_one_per_line_whose_next_would_not_fit_beside_them_are_not_joined(tmp_path):
    """A narrow column lists bodies one per line ("NSO | DICT" shows it: "DICT" would have fitted after
    "NSO"). A line closing on a remark in brackets ("DICT (by consent)"), or a short form the plan prints
    alone on a line elsewhere ("Treasury"), ends its item although the next line's first word would not
    have fitted after it: each is a mention of its own, and the remark makes only its own body recommended.
    A name wrapped over lines ("Supreme Audit | Institution (by | consent)", "Transparency | International",
    whose first word the plan never prints alone) stays whole."""
    width = stringWidth("DICT (by consent)", "Helvetica", 10) + 12 + 4
    rows = [("No.", "Activity", "Responsible agencies", "Deadline"),
            ("1.1.", "Publishing the register of state property", "NSO<br/>DICT", "2024"),
            ("1.2.", "Publishing the audit reports as open data",
             "Treasury<br/>Supreme Audit Institution (by consent)", "2025"),
            ("1.3.", "Holding public hearings on draft laws", "DICT (by consent)<br/>Treasury", "2025"),
            ("1.4.", "Opening the land registry", "Treasury<br/>Parliament", "2026"),
            ("1.5.", "Publishing the budget for citizens", "Treasury", "2026"),
            ("1.6.", "Monitoring the register of lobbyists", "Transparency International", "2026")]
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [40, 300, width, 80], [("VALIGN", (0, 0), (-1, -1), "TOP")])
    read = document_to_plan(read_pdf(pdf), "p", load_registry())
    assert [[(m.role, m.text) for m in a.mentions] for a in read.activities] == [
        [("implementer", "NSO"), ("implementer", "DICT")],
        [("implementer", "Treasury"), ("recommended", "Supreme Audit Institution")],
        [("recommended", "DICT"), ("implementer", "Treasury")],
        [("implementer", "Treasury"), ("implementer", "Parliament")],
        [("implementer", "Treasury")], [("implementer", "Transparency International")]]


def test_a_name_of_several_words_the_list_prints_whole_elsewhere_ends_its_line_item(tmp_path):
    """One item per line in a narrow column: "Mehr Demokratie e.V." fills its line and the next item,
    "kommunale Spitzenverbände", wraps under it with no mark between. The plan prints "Mehr Demokratie e.V."
    as a whole item elsewhere: its line is an item of its own."""
    width = stringWidth("Mehr Demokratie e.V.", "Helvetica", 10) + 12 + 4
    rows = [("No.", "Activity", "Partners", "Deadline"),
            ("1.1.", "Publishing the register of state property", "NSO<br/>DICT", "2024"),
            ("1.2.", "Publishing the audit reports as open data", "Mehr Demokratie e.V.", "2025"),
            ("1.3.", "Holding public hearings on draft laws", "Mehr Demokratie e.V. kommunale Spitzenverbände",
             "2025")]
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [40, 300, width, 80], [("VALIGN", (0, 0), (-1, -1), "TOP")])
    read = document_to_plan(read_pdf(pdf), "p", load_registry())
    assert [[m.text for m in a.mentions] for a in read.activities] == [
        ["NSO", "DICT"], ["Mehr Demokratie e.V."], ["Mehr Demokratie e.V.", "kommunale Spitzenverbände"]]


def test_a_long_names_tail_closing_on_its_kind_is_not_a_name_of_its_own(tmp_path):
    """A name that puts the word for its kind last wraps: its last line, "Destek Agentliyi", closes on that
    word, but after a line that closes on none it is the name's tail, not a second body."""
    name = "Azerbaycan Respublikasinin Prezidenti yaninda Qeyri-Hokumet Teskilatlarina Dovlet Destek Agentliyi"
    head = name.rsplit(" ", 2)[0]
    width = stringWidth(head, "Helvetica", 10) + 12 + stringWidth(" Destek", "Helvetica", 10) * 0.8
    rows = [("No.", "Activity", "Responsible agencies", "Deadline"),
            ("1.1.", "Publishing the register of state support", f"{name}<br/>Edliyye Nazirliyi", "2024"),
            ("1.2.", "Holding public hearings on draft laws", "Maliyye Nazirliyi", "2025")]
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [40, 250, width, 80], [("VALIGN", (0, 0), (-1, -1), "TOP")])
    read = document_to_plan(read_pdf(pdf), "p", load_registry())
    assert [[m.text for m in a.mentions] for a in read.activities] == [[name, "Edliyye Nazirliyi"],
                                                                       ["Maliyye Nazirliyi"]]


def test_a_group_label_over_two_columns_names_neither(tmp_path):
    """'Implementation' spans 'Responsible agencies' and 'Deadline' in a two-level ruled header: the
    columns are the labels under it, and no header word stays in a cell."""
    rows = [("No.", "Activity", "Expected result", "Implementation", ""),
            ("", "", "", "Responsible agencies", "Deadline"),
            *[(n, t, "Reports published", a, p) for n, t, a, p in activities(3)]]
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [36, 260, 150, 190, 70],
                          [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (2, 1)),
                           ("SPAN", (3, 0), (4, 0)), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")], header_rows=2)
    document = read_pdf(pdf)
    assert meanings(document) == ["number", "title", "indicator", "agencies", "period"]
    assert [c.header for c in document.columns] == ["No.", "Activity", "Expected result", "Responsible agencies",
                                                    "Deadline"]
    assert numbered(document) == [list(row) for row in rows[2:]]
    header_words_absent(document)


@pytest.mark.parametrize("beside", ["MIDDLE", "TOP"])
def test_sub_labels_under_a_group_label_are_named_in_the_light_of_their_group(tmp_path, beside):
    """'Responsibility' spans 'Lead' and 'Supporting', 'Timeframe' spans 'Start' and 'End'; the labels beside
    them span both header lines. 'Supporting' under a group meaning the agencies is the partners column;
    'Start' and 'End' give the period. Centred, the rule under each group runs under the labels beside too;
    at the top of their cells, on the group labels' line only, that rule parts the two header lines as a
    row's rule would, and the line of sub-labels under it is the header's still."""
    rows = [("No.", "Activity", "Responsibility", "", "Timeframe", "", "Output indicator"),
            ("", "", "Lead", "Supporting", "Start", "End", ""),
            *[(n, t, a, "Transparency International Zambia", "Q1 2025", "Q4 2026", "Reports published")
              for n, t, a, _ in activities(3)]]
    padding = [("TOPPADDING", (0, 0), (-1, 1), 4), ("BOTTOMPADDING", (0, 0), (-1, 1), 4)] if beside == "TOP" else []
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [36, 230, 150, 150, 50, 50, 110],
                          [*[("SPAN", (c, 0), (c, 1)) for c in (0, 1, 6)], ("SPAN", (2, 0), (3, 0)),
                           ("SPAN", (4, 0), (5, 0)), ("VALIGN", (0, 0), (-1, -1), beside), *padding],
                          header_rows=2)
    document = read_pdf(pdf)
    assert meanings(document) == ["number", "title", "agencies", "partners", "start", "end", "indicator"]
    read = document_to_plan(document, "p", load_registry())
    assert [[(m.role, m.text) for m in a.mentions] for a in read.activities] == [
        [("implementer", a), ("partner", "Transparency International Zambia")] for _, _, a, _ in activities(3)]
    assert {(a.period.start_year, a.period.end_year) for a in read.activities} == {(2025, 2026)}
    header_words_absent(document)


def test_the_rest_of_a_cut_row_under_a_group_label_is_no_line_of_sub_labels():
    """Atop a page the header repeats; the rest of a row the page break cut stands under it, in a column
    under "Responsibility" only. Below the rule under the whole header (it runs under "No." too) it is the
    row's text, not a line of sub-labels; below the rule drawn under the group alone it would be."""
    def line(top: float, *words: tuple[str, float, float]) -> Line:
        return Line(top, top + 8, tuple(Word(text, x0, x1, top, top + 8) for text, x0, x1 in words))

    header = line(50, ("No.", 42, 56), ("Activity", 80, 110), ("Responsibility", 230, 290), ("Timeframe", 410, 450))
    sub_labels = line(70, ("Lead", 205, 222), ("Supporting", 305, 345))
    rest = line(92, ("Police", 305, 330), ("(SLP)", 333, 355))
    vertical = ((40.0, 45.0, 300.0), (70.0, 45.0, 300.0), (200.0, 45.0, 300.0), (300.0, 66.0, 300.0),
                (400.0, 45.0, 300.0), (480.0, 45.0, 300.0))
    under_group = Rules(((45.0, 40.0, 480.0), (66.0, 200.0, 400.0), (86.0, 40.0, 480.0)), vertical)
    assert sub_labels_under([header], sub_labels, under_group, 5.0, 3.0)
    assert not sub_labels_under([header, sub_labels], rest, under_group, 5.0, 3.0)


def commitment_tables_pdf(path: Path, commitments: list[tuple[str, list[tuple[str, str, str]]]],
                          headers: bool = True) -> Path:
    """Each commitment a bold heading set larger than the tables' text ("Commitment N: ...", wrapped to the
    page's width), a smaller bold "Ambition" and a line of prose under it, then its own small table of
    milestones with rules under the rows only (No. | Milestone | Lead | Timescale); without `headers`, only
    the first table prints its header row, the later ones go on under their headings."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]
    xs = (56, 90, 330, 470, 540)
    y = 80.0

    def text(x: float, top: float, s: str, font: str, size: float) -> None:
        canvas.setFont(font, size)
        canvas.drawString(x, height - top - size * 0.8, s)

    def rule(top: float) -> None:
        canvas.line(xs[0], height - top, xs[-1], height - top)

    for n, (title, milestones) in enumerate(commitments, 1):
        for line in wrap_to(f"Commitment {n}: {title}", BOLD, 14, 300):
            text(56, y, line, BOLD, 14)
            y += 18
        text(56, y + 6, "Ambition", BOLD, 10.5)
        text(56, y + 22, "We will open the work of government to the people it serves.", FONT, 10)
        y += 44
        rule(y - 3)
        if headers or n == 1:
            for x, label in zip(xs, ("No.", "Milestone", "Lead", "Timescale")):
                text(x + 3, y, label, BOLD, 9)
            y += 14
            rule(y - 3)
        for m, (milestone, lead, period) in enumerate(milestones, 1):
            for x, cell in zip(xs, (f"{n}.{m}", milestone, lead, period)):
                text(x + 3, y, cell, FONT, 9)
            y += 14
            rule(y - 3)
        y += 30
    canvas.save()
    return path


def wrap_to(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def test_a_commitment_heading_that_wraps_onto_a_second_line_keeps_it(tmp_path):
    """"Commitment 2: Participation, Lived Experience and" / "Community Empowerment", set larger than the
    tables' text, wraps at its own line spacing (wider than the table's): its second line continues the
    heading, and the smaller "Ambition" under it does not."""
    milestones = [("Publish the register of open data", "Scottish Government", "2023"),
                  ("Hold public hearings on the budget", "Scottish Parliament", "2024")]
    pdf = commitment_tables_pdf(tmp_path / "p.pdf", [("Open Data", milestones),
                                                     ("Participation, Lived Experience and Community Empowerment",
                                                      milestones)])
    read = document_to_plan(read_pdf(pdf), "p", load_registry())
    assert [(a.activity_id, a.section_no, a.section_title) for a in read.activities] == [
        ("1.1", 1, "Open Data"), ("1.2", 1, "Open Data"),
        *[(f"2.{m}", 2, "Participation, Lived Experience and Community Empowerment") for m in (1, 2)]]


def test_a_larger_section_heading_glued_into_a_table_block_wraps_at_its_own_line_spacing():
    """Inside the table's lines (no white gap around it), a heading set larger than the table's text goes
    on in the line under it at its own spacing, wider than the table's; the smaller line after it does not."""
    def line(top: float, size: float, text: str) -> Line:
        words, x = [], 56.0
        for word in text.split():
            width = stringWidth(word, BOLD, size)
            words.append(Word(word, x, x + width, top, top + size, True))
            x += width + stringWidth(" ", BOLD, size)
        return Line(top, top + size, tuple(words))

    g = Geometry(1, (50.0, 90.0, 330.0, 470.0, 540.0), Rules(), 9.0, PdfSettings(), ruled_columns=False)
    first = line(100, 14, "Commitment 4: Participation, Lived Experience and")
    second = line(118, 14, "Community Empowerment")
    assert continues_section(first, second, first, g)
    assert not continues_section(second, line(136, 10.5, "Ambition"), first, g)


def test_three_level_numbering(tmp_path):
    rows = [(f"1.{1 + i // 2}.{1 + i % 2}.", t, a, p) for i, (_, t, a, p) in enumerate(activities(4))]
    plan = Plan([Table(("No.", "Activity", "Responsible", "Deadline"), (50, 350, 220, 80),
                       ["1. Open data", *rows])])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert [texts[0] for texts in numbered(document)] == ["1.1.1.", "1.1.2.", "1.2.1.", "1.2.2."]
    assert [texts for texts in bands(document) if not texts[0]] == [["", "1. Open data", "", ""]]


def test_unnumbered_headings_over_activities_numbered_in_two_levels_title_their_sections(tmp_path):
    """The rows merged across the table print no number ("Full disclosure policy"); the activities' numbers
    ("1.1", "2.1") give the section numbers, the heading rows above them their titles."""
    rows = [(f"{1 + i // 2}.{1 + i % 2}", t, a, p) for i, (_, t, a, p) in enumerate(activities(4))]
    plan = Plan([Table(("No.", "Activity", "Responsible", "Deadline"), (50, 350, 220, 80),
                       ["Full disclosure policy", *rows[:2], "Citizen feedback", *rows[2:]])])
    read = document_to_plan(read_pdf(draw(tmp_path / "p.pdf", plan)), "p", load_registry())
    assert [(a.activity_id, a.section_no, a.section_title, a.title) for a in read.activities] == [
        (n, int(n[0]), "Full disclosure policy" if n < "2" else "Citizen feedback", t) for n, t, _, _ in rows]


def test_a_heading_inside_a_section_stays_out_of_the_activities(tmp_path):
    """Under "1. Open data", "1.1. Budget transparency" heads activities 1.1.1 and 1.1.2: a row merged across
    the table, neither an activity nor its section's heading. Its words go in no activity's cell; the
    section keeps its own title, and the report accounts for the words as the section's sub-heading."""
    rows = [(f"1.{1 + i // 2}.{1 + i % 2}.", t, a, p) for i, (_, t, a, p) in enumerate(activities(4))]
    plan = Plan([Table(("No.", "Activity", "Responsible", "Deadline"), (50, 350, 220, 80),
                       ["1. Open data", "1.1. Budget transparency", *rows[:2], "1.2. Open procurement", *rows[2:]])])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    read, accounting = document_to_plan(document, "p", load_registry(), keep_accounting=True)
    assert [(a.activity_id, a.section_no, a.section_title, a.title) for a in read.activities] == [
        (n.rstrip("."), 1, "Open data", t) for n, t, _, _ in rows]
    assert [place.word for place in accounting.places if place.place == "section 1 sub-heading"] == \
        "1.1. Budget transparency 1.2. Open procurement".split()


# ----------------------------------------------------------------------------- PDFs as published

def test_a_page_with_a_curve_and_an_image(tmp_path):
    plan = Plan([Table(("No.", "Activity", "Responsible", "Deadline"), (50, 350, 220, 80), activities(3))],
                curves=True, cover_image=True)
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "agencies", "period"]
    assert numbered(document) == [list(row) for row in activities(3)]


def test_a_cover_that_is_only_an_image_is_no_scan(tmp_path):
    path = tmp_path / "p.pdf"
    canvas = Canvas(str(path), pagesize=landscape(A4), invariant=1)
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    canvas.drawImage(ImageReader(Image.new("L", (60, 40), 200)), 100, 100, width=400, height=300)
    canvas.showPage()
    canvas.save()
    with pytest.raises(InputError, match="no text layer"):
        read_pdf(path)
    plan = Plan([Table(("No.", "Activity", "Responsible", "Deadline"), (50, 350, 220, 80), activities(2))],
                prose_pages=0, cover_image=True)
    document = read_pdf(draw(tmp_path / "q.pdf", plan))
    assert len(numbered(document)) == 2


def test_a_table_after_pages_of_prose(tmp_path):
    plan = Plan([Table(("No.", "Activity", "Responsible", "Deadline"), (50, 350, 220, 80), activities(3))],
                pagesize=A4, prose_pages=3)
    plan.tables[0].widths = (40, 250, 150, 60)
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert [table.page for table in document.tables] == [4]
    assert numbered(document) == [list(row) for row in activities(3)]
    assert document.title.startswith("Chapter 1. This page") and len(document.title.split()) <= 40
    outside = " ".join(text for _, text in document.outside)
    assert "paragraph 30" in outside and "Action Plan for 2024-2026" in outside
    assert not any("paragraph" in text for _, text in document.stray)


def test_a_title_set_larger_than_the_prose_under_it_is_the_whole_title(tmp_path):
    plan = Plan([Table(("No.", "Activity", "Responsible", "Deadline"), (40, 250, 150, 60), activities(3))],
                pagesize=A4, prose_pages=2, cover_title="National Action Plan 2025-2027")
    document = read_pdf(draw(tmp_path / "cover.pdf", plan))
    assert document.title == "National Action Plan 2025-2027"
    outside = " ".join(text for _, text in document.outside)
    assert outside.startswith("Introduction Chapter 1. This page")


def test_pages_of_prose_before_and_after_the_table_are_outside_it_not_unplaced(tmp_path):
    from normalize.plan import OUTSIDE_TABLES, document_to_plan
    from normalize.registry import load_registry

    plan = Plan([Table(("No.", "Activity", "Responsible", "Deadline"), (40, 250, 150, 60), activities(3))],
                pagesize=A4, prose_pages=2, annex_pages=2)
    document = read_pdf(draw(tmp_path / "annex.pdf", plan))
    assert numbered(document) == [list(row) for row in activities(3)]
    outside = " ".join(text for _, text in document.outside)
    assert "Chapter 2" in outside and "Annex 2" in outside and "line 30, after every table" in outside
    result, accounting = document_to_plan(document, "annex", load_registry(), keep_accounting=True)
    assert not accounting.unplaced and not accounting.missing and not result.flags
    assert sum(1 for place in accounting.places if place.place == OUTSIDE_TABLES) == sum(
        len(text.split()) for _, text in document.outside)


def test_running_heads_and_page_numbers_stay_out_of_the_cells(tmp_path):
    rows = activities(60)
    plan = Plan([Table(("No.", "Activity", "Responsible", "Deadline"), (50, 350, 220, 80), rows, ruled=False)],
                running_head="OFFICIAL SENSITIVE", page_numbers=True)
    path = draw(tmp_path / "p.pdf", plan)
    document = read_pdf(path)
    assert numbered(document) == [list(row) for row in rows]
    assert all("OFFICIAL" not in text for texts in bands(document) for text in texts)
    stray = [text for _, text in document.stray]
    pages = len({band.fragments[0].source.page for band in document.bands})
    assert pages >= 3
    assert stray.count("OFFICIAL SENSITIVE") == pages
    assert [text for text in stray if text.isdigit()] == [str(k) for k in range(1, pages + 1)]
    assert "OFFICIAL" in pdf_to_text(document)


def test_a_page_turned_by_rotate_is_read_upright(tmp_path):
    rows = activities(3, numbering=lambda i: str(i + 1))
    plan = Plan([Table(("No.", "Commitment", "Lead department", "Timescale"), (40, 380, 220, 90), rows)],
                rotate=True)
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "agencies", "period"]
    assert numbered(document) == [list(row) for row in rows]


def test_a_header_that_does_not_label_its_number_column(tmp_path):
    rows = activities(3)
    plan = Plan([Table(("", "Activity", "Responsible", "Deadline"), (50, 350, 220, 80), rows)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "agencies", "period"]
    assert document.columns[0].decided_by == "content"
    assert numbered(document) == [list(row) for row in rows]


def test_periods_without_years_stay_in_the_period_column(tmp_path):
    rows = [(n, t, a, p) for (n, t, a, _), p in zip(activities(3), ("permanently", "regularly", "2025 (II quarter)"))]
    plan = Plan([Table(("No.", "Activity", "Responsible", "Execution period"), (50, 350, 220, 90), rows,
                       ruled=False)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert numbered(document) == [list(row) for row in rows]


def test_a_number_label_centred_over_numbers_printed_at_the_left_labels_them(tmp_path):
    """"No." stands centred over its column and the numbers at the column's left, left of the label: they are
    still the labelled number column's, not a column the header left unlabelled."""
    rows = [("No.", "Activity", "Responsible agencies", "Deadline"),
            ("1", "Holding a survey of the level of corruption", "Prosecutor General's Office", "December 2025"),
            ("2", "Running the single system of electronic services", "Ministry of Justice", "2025"),
            ("3", "Opening the register of public procurement", "Ministry of Finance", "annually")]
    document = read_pdf(flow_table_plan(tmp_path / "p.pdf", rows, [70, 300, 200, 120], []))
    assert meanings(document) == ["number", "title", "agencies", "period"]
    assert numbered(document) == [list(row) for row in rows[1:]]


def test_a_row_the_page_break_cut_open_at_the_foot_and_head_is_one_row(tmp_path):
    """The page break cuts a long row: its first lines stand under the page's last rule, between the side
    rules only, and the rest above the next page's first rule. Both parts are the row's, and the table goes
    on to the next page."""
    long = " ".join(["Publishing the decisions of the courts of appeal with the reasons given for each,"] * 20)
    rows = [("No.", "Activity", "Responsible agencies", "Deadline")] + [
        (f"1.{i}.", long if i % 3 == 2 else f"Opening register number {i} of public records", "Ministry of Justice",
         "2025") for i in range(1, 10)]
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [40, 360, 200, 100], [("VALIGN", (0, 0), (-1, -1), "TOP")],
                          header_rows=0, split_in_row=True)
    assert document_pages(pdf) >= 2
    document = read_pdf(pdf)
    assert numbered(document) == [list(row) for row in rows[1:]]


def test_one_label_naming_two_roles_heads_one_column(tmp_path):
    """"Responsible / Partners" heads one column whose cells label each role: the slash joins two labels of
    one column, it does not start a second column (unruled, the column edges come from the labels)."""
    rows = [(n, t, f"Responsible: {a} / Partners: Transparency International", p) for n, t, a, p in activities(3)]
    plan = Plan([Table(("No.", "Action", "Responsible / Partners", "Deadline"), (40, 330, 260, 90), rows,
                       ruled=False)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "agencies", "period"]
    assert numbered(document) == [list(row) for row in rows]
    read = document_to_plan(document, "p", load_registry())
    assert [[(m.role, m.text) for m in a.mentions] for a in read.activities] == [
        [("implementer", a), ("partner", "Transparency International")] for _, _, a, _ in activities(3)]


def test_rules_drawn_in_pieces_beside_a_merged_cell_between_number_and_title_part_rows(tmp_path):
    """An "Objective" cell merged down three rows stands between the number and the activity: each rule
    between those rows is drawn in two pieces, over the number column and from the activity on. Together
    they part the rows, and each row keeps its own cells."""
    rows = [("No.", "Objective", "Activity", "Responsible agencies", "Deadline"),
            ("1.1.", "Open budgets", "Creating an open register of the beneficial owners of legal entities and "
             "publishing it on the portal of the ministry every quarter", "Ministry of Justice", "2025"),
            ("1.2.", "", "Publishing the reports of the audit chamber", "Audit Chamber, Ministry of Finance, "
             "State Statistics Committee, Ministry of Economy", "2026"),
            ("1.3.", "", "Training officials to answer requests for information in the ministries and the state "
             "committees and agencies", "Civil Service Agency", "2025"),
            ("1.4.", "Open courts", "Publishing the decisions of the courts", "Supreme Court", "2026")]
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [40, 110, 250, 160, 80], [("SPAN", (1, 1), (1, 3))])
    document = read_pdf(pdf)
    assert [texts[2:] for texts in numbered(document)] == [list(row[2:]) for row in rows[1:]]


def test_a_first_column_merged_down_with_labelled_headings_gives_the_activities_their_section(tmp_path):
    """The table's first column, "Objective", holds one cell merged down over each section's activities,
    printing its heading ("Objective 2: Open courts"). That column is the section: it gives the activities
    their section's number and title, the table's profile says its cells decided it, and its text is no
    field of the activities."""
    rows = [("Objective", "No.", "Activity", "Responsible agencies", "Deadline"),
            ("Objective 1: Open budgets", "1.1", "Publishing the reports of the audit chamber", "Audit Chamber",
             "2025"),
            ("", "1.2", "Opening the register of public procurement", "Ministry of Finance", "2026"),
            ("", "1.3", "Training officials to answer requests for information", "Civil Service Agency", "2025"),
            ("Objective 2: Open courts", "2.1", "Publishing the decisions of the courts", "Supreme Court", "2026"),
            ("", "2.2", "Holding public hearings on the courts' budgets", "Ministry of Justice", "2025")]
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [150, 40, 260, 170, 80],
                          [("SPAN", (0, 1), (0, 3)), ("SPAN", (0, 4), (0, 5)), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    document = read_pdf(pdf)
    assert meanings(document) == ["section", "number", "title", "agencies", "period"]
    assert document.tables[0].columns[0].decided_by == "headings"
    read = document_to_plan(document, "p", load_registry())
    assert [(a.activity_id, a.section_no, a.section_title) for a in read.activities] == [
        ("1.1", 1, "Open budgets"), ("1.2", 1, "Open budgets"), ("1.3", 1, "Open budgets"),
        ("2.1", 2, "Open courts"), ("2.2", 2, "Open courts")]
    assert [a.title for a in read.activities] == [row[2] for row in rows[1:]]
    assert all(a.fields == () and "section_title_missing" not in a.flags for a in read.activities)
    assert read.unplaced == ()


def test_an_objective_column_of_plain_text_merged_down_stays_a_field(tmp_path):
    """A merged "Objective" column whose cells print no heading number ("Open budgets") names no section:
    it stays a field of each activity it stands beside."""
    rows = [("Objective", "No.", "Activity", "Responsible agencies", "Deadline"),
            ("Open budgets", "1.1", "Publishing the reports of the audit chamber", "Audit Chamber", "2025"),
            ("", "1.2", "Opening the register of public procurement", "Ministry of Finance", "2026"),
            ("Open courts", "1.3", "Publishing the decisions of the courts", "Supreme Court", "2026")]
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [150, 40, 260, 170, 80],
                          [("SPAN", (0, 1), (0, 2)), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    read = document_to_plan(read_pdf(pdf), "p", load_registry())
    assert [a.fields for a in read.activities] == [(("Objective", "Open budgets"),), (("Objective", "Open budgets"),),
                                                   (("Objective", "Open courts"),)]


def commitment_tables_plan(path: Path, commitments: list[tuple[str, list[tuple[str, ...]]]],
                           labels: tuple[str, ...] = ("No.", "Milestone", "Lead agency", "Deadline"),
                           boxed: bool = False) -> Path:
    """A plan that gives each commitment a heading ("Commitment 1: ..."), a paragraph of prose and then a
    table of its own milestones, its header row shaded and ruled above and below, each row ruled below, its header row
    printed again on each table, the tables following each other on the page (reportlab's platypus). `boxed`:
    each table ruled as a grid, every cell boxed."""
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as FlowTable
    from reportlab.platypus import TableStyle

    styles = getSampleStyleSheet()
    story = [Paragraph("National Action Plan 2025-2027", styles["Title"]),
             Paragraph("This plan was written with civil society over eight months of meetings and public "
                       "consultation, and it is reported on every six months. " * 3, styles["Normal"])]
    for heading, rows in commitments:
        story += [Paragraph(heading, styles["Heading2"]), Spacer(1, 12),
                  Paragraph("Problem statement: the public cannot follow how the money is spent, and the "
                            "reports that are published come late and in forms that are hard to read.",
                            styles["Normal"])]
        table = FlowTable([[Paragraph(text, styles["Normal"]) for text in row] for row in [labels, *rows]],
                          colWidths=[40, 240, 140, 80])
        table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                                   ("LINEABOVE", (0, 0), (-1, 0), 0.4, colors.black),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   *([("GRID", (0, 0), (-1, -1), 0.4, colors.black)] if boxed else [])]))
        story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def test_a_header_row_printed_again_by_a_later_table_on_the_same_page_is_no_activitys_text(tmp_path):
    """Each commitment has its own table, one after the other on the page with prose between them: the header
    row that heads the second table is the column-header row again, not text of the milestone under it."""
    commitments = [(f"Commitment {c}: {topic}", [(f"{c}.{m}", f"Publish the report on milestone {m} of commitment {c}",
                                                  "Department of the Treasury", f"{2024 + m}") for m in (1, 2)])
                   for c, topic in enumerate(["Open the data of federal spending", "Open the contracts of the ministries",
                                                  "Publish the decisions of the courts"], start=1)]
    pdf = commitment_tables_plan(tmp_path / "p.pdf", commitments)
    assert document_pages(pdf) == 1
    document = read_pdf(pdf)
    header_words_absent(document)
    read = document_to_plan(document, "p", load_registry())
    assert [(a.activity_id, a.title, a.names("implementer")) for a in read.activities] == [
        (n, t, (a,)) for _, rows in commitments for n, t, a, _ in rows]
    assert not any(word in ("No.", "Milestone") for _, word in read.unplaced)


def test_a_labelled_heading_above_the_first_table_titles_its_section(tmp_path):
    """The first commitment's heading stands above the first table's header row, outside the table, as the
    later ones stand between the tables: it titles the section of the activities under it."""
    commitments = [(f"Commitment {c}: {topic}", [(f"{c}.{m}", f"Publish the report on milestone {m} of commitment {c}",
                                                  "Department of the Treasury", f"{2024 + m}") for m in (1, 2)])
                   for c, topic in enumerate(["Open the data of federal spending", "Open the contracts of the ministries"],
                                                  start=1)]
    read = document_to_plan(read_pdf(commitment_tables_plan(tmp_path / "p.pdf", commitments)), "p",
                            load_registry())
    assert [(a.activity_id, a.section_no, a.section_title) for a in read.activities] == [
        ("1.1", 1, "Open the data of federal spending"), ("1.2", 1, "Open the data of federal spending"),
        ("2.1", 2, "Open the contracts of the ministries"), ("2.2", 2, "Open the contracts of the ministries")]


def test_boxed_tables_one_per_commitment_with_prose_between_are_each_read(tmp_path):
    """Each commitment has its own table, boxed as a grid, with its heading and prose between the tables: the
    first table ends where its rules stop, and the header row printed again below the prose opens the next one
    (only the first table of each page was read; the others' rows were left as words outside the tables)."""
    commitments = [(f"Commitment {c}: {topic}", [(f"{c}.{m}", f"Publish the report on milestone {m} of commitment {c}",
                                                  "Department of the Treasury", f"{2024 + m}") for m in (1, 2)])
                   for c, topic in enumerate(["Open the data of federal spending", "Open the contracts of the ministries",
                                                  "Publish the decisions of the courts"], start=1)]
    pdf = commitment_tables_plan(tmp_path / "p.pdf", commitments, boxed=True)
    assert document_pages(pdf) == 1
    document = read_pdf(pdf)
    header_words_absent(document)
    read = document_to_plan(document, "p", load_registry())
    assert [(a.activity_id, a.title, a.names("implementer"), a.section_no, a.section_title)
            for a in read.activities] == [(n, t, (a,), c, heading.split(": ")[1]) for c, (heading, rows)
                                          in enumerate(commitments, start=1) for n, t, a, _ in rows]
    assert not any(word in ("No.", "Milestone") for _, word in read.unplaced)


@pytest.mark.parametrize("ruled", [True, False])
def test_a_label_made_of_two_labels_of_one_meaning_names_one_column(tmp_path, ruled):
    """"Responsible executors": "Responsible" and "Executors" both name the agencies; printed together they
    head one column, not two (the second table's agencies were read half as an indicator)."""
    rows = activities(3)
    plan = Plan([Table(("No.", "Activity", "Responsible executors", "Completion date"), (40, 360, 220, 90),
                       rows, ruled=ruled)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert meanings(document) == ["number", "title", "agencies", "period"]
    assert [c.header for c in document.columns] == ["No.", "Activity", "Responsible executors", "Completion date"]
    assert numbered(document) == [list(row) for row in rows]


#: A plan with no number column: each activity's number opens its cell ("1.1.1. Publish ..."), under headings
#: of two levels ("Priority 1. ..." over "Objective 1.1. ...").
OPENING_ROWS = [
    "Priority 1. Open public finances",
    "Objective 1.1. Budget transparency",
    ("1.1.1. Publishing the quarterly reports on the execution of the state budget in an accessible format",
     "Ministry of Finance", "2025", "Reports published every quarter", "12,500"),
    ("1.1.2. Opening the register of public procurement contracts", "State Statistics Committee; Ministry of Economy",
     "I quarter 2026", "Register opened", "Not required"),
    "Objective 1.2. Public procurement",
    ("1.2.1. Training the officials of the ministries on the handling of conflicts of interest",
     "Ministry of Justice", "2025-2026", "Three hundred officials trained", "45,000"),
    "Priority 2. Open courts",
    "Objective 2.1. Court decisions",
    ("2.1.1. Publishing the decisions of the courts in a searchable database with personal data removed",
     "Ministry of Justice", "2026", "Database opened", "Within the allocated budget"),
    ("2.1.2. Holding public hearings on the budgets of the courts", "Ministry of Finance", "II half of 2025",
     "Hearings held", "320,000"),
]


@pytest.mark.parametrize("ruled", [True, False])
def test_activity_numbers_opening_the_activity_cells_with_no_number_column(tmp_path, ruled):
    """No column prints the activity numbers: each opens its activity's cell ("1.1.1. Publishing ...").
    They are the activities' numbers, split off from their titles; the table's profile says the numbers
    opening the title cells decided its number column; every word is accounted for (the run failed: no
    activity numbers found)."""
    plan = Plan([Table(("Action", "Responsible body", "Timeframe", "Indicator", "Budget (GEL)"),
                       (260, 170, 80, 150, 90), OPENING_ROWS, ruled=ruled)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    assert [(c.meaning, c.decided_by) for c in document.tables[0].columns][:2] == [
        ("number", "numbers opening the title cells"), ("title", "label")]
    read, accounting = document_to_plan(document, "p", load_registry(), keep_accounting=True)
    rows = [row for row in OPENING_ROWS if isinstance(row, tuple)]
    assert [(a.activity_id, a.title) for a in read.activities] == [
        (row[0].split()[0].rstrip("."), row[0].split(" ", 1)[1]) for row in rows]
    assert [(a.section_no, a.section_title) for a in read.activities] == [
        (1, "Open public finances")] * 3 + [(2, "Open courts")] * 2
    assert [a.names("implementer") for a in read.activities] == [tuple(row[1].split("; ")) for row in rows]
    assert [a.period.text for a in read.activities] == [row[2] for row in rows]
    assert accounting.missing == () and read.unplaced == ()


@pytest.mark.parametrize("align", ["TOP", "MIDDLE"])
def test_headings_glued_to_the_rows_of_an_unruled_table_whose_numbers_open_the_title_cells(tmp_path, align):
    """No rule and no white gap parts a heading ("Objective 1.2. ...", merged across the table, short enough
    for the title column) from the rows around it. A title cell opens with its number, so title text above a
    number's line or standing alone is no activity's: it is a heading row, and the activities keep their
    numbers and titles (the heading was glued into a title, and the activity under it lost its number)."""
    rows = [("Activity", "Responsible body", "Timeframe", "Indicator")]
    spans = []
    for row in OPENING_ROWS:
        if isinstance(row, str):
            spans.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        rows.append((row, "", "", "") if isinstance(row, str) else row[:4])
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [200, 110, 80, 150], [*spans, ("VALIGN", (0, 0), (-1, -1), align)],
                          grid=False, title="National Plan for 2024-2026")
    read, accounting = document_to_plan(read_pdf(pdf), "p", load_registry(), keep_accounting=True)
    numbered = [row for row in OPENING_ROWS if isinstance(row, tuple)]
    assert [(a.activity_id, a.section_no, a.title) for a in read.activities] == [
        (row[0].split()[0].rstrip("."), int(row[0][0]), row[0].split(" ", 1)[1]) for row in numbered]
    assert accounting.missing == () and read.unplaced == ()


def test_two_labels_set_as_one_phrase_over_one_column_head_it_whole(tmp_path):
    """"Milestone activity" heads one column (the vocabulary knows "Milestone" and "Activity" as labels of two
    meanings), centred over titles that run on across both its words, in a table ruled across only, its rows
    shaded in turn: the two labels head one column, each title read whole, not cut into two columns where
    the labels meet."""
    from reportlab.lib import colors

    rows = [("#", "Milestone activity", "Lead implementing agency", "Start date", "End date")] + [
        (f"1.{i}", f"Create a public register number {i} of lobbying contacts with members of the government",
         AGENCIES[i % len(AGENCIES)], "1 April 2025", "30 June 2027") for i in range(1, 6)]
    styles = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3864")),
              ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f2f2")]),
              ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey)]
    document = read_pdf(flow_table_plan(tmp_path / "p.pdf", rows, [40, 260, 170, 90, 90], styles, grid=False))
    assert meanings(document) == ["number", "title", "agencies", "start", "end"]
    assert document.columns[1].header == "Milestone activity"
    assert numbered(document) == [list(row) for row in rows[1:]]


def test_lead_and_support_lines_in_one_responsible_cell(tmp_path):
    """A "Responsible" cell prints "Lead:" on its first line and "Support:" on the next: the bodies after
    "Support:" are partners, and a list ending in "development | partners," or a name ending in "Support," is
    no label there (the false "partners," made "development" a name of its own, and the whole plan's reading
    then cut "Development" off "Ministry of Finance, Planning and Economic | Development" at its line end)."""
    rows = [("No.", "Intervention", "Responsible", "Timeline"),
            ("1.1", "Introduce integrity pacts for public works contracts",
             "Lead: Ministry of Finance, Planning and Economic Development, Financial Intelligence Authority"
             "<br/>Support: Uganda Law Society, Macmillan Cancer Support", "2026"),
            ("1.2", "Create a toll-free hotline for reporting bribery",
             "Lead: Ministry of Local Government<br/>Support: development partners, civil society organisations",
             "2025"),
            ("1.3", "Publish performance contracts", "Lead: Inspectorate of Government<br/>Support: local governments",
             "2027")]
    pdf = flow_table_plan(tmp_path / "p.pdf", rows, [40, 260, 130, 80], [("VALIGN", (0, 0), (-1, -1), "TOP")])
    read = document_to_plan(read_pdf(pdf), "p", load_registry())
    implementer, partner = "implementer", "partner"
    assert [[(m.role, m.text) for m in a.mentions] for a in read.activities] == [
        [(implementer, "Ministry of Finance, Planning and Economic Development"),
         (implementer, "Financial Intelligence Authority"), (partner, "Uganda Law Society"),
         (partner, "Macmillan Cancer Support")],
        [(implementer, "Ministry of Local Government"), (partner, "development partners"),
         (partner, "civil society organisations")],
        [(implementer, "Inspectorate of Government"), (partner, "local governments")]]


def test_a_ruled_key_value_box_under_an_unruled_table_lends_it_no_rules(tmp_path):
    """Commitments one under the other, each a ruled key/value box over a milestones table with no rules (its
    header row shaded dark, white labels): the second box's rules, printed below the first table's rows,
    frame that box, not the table's columns or rows (they made the box's key column the table's first column,
    and no row of the table held its number). Every milestone is read, each with the agencies of its block."""
    from test_labelled_blocks import COMMITMENTS, commitment_blocks_plan

    pdf = commitment_blocks_plan(tmp_path / "p.pdf", COMMITMENTS, milestones_ruled=False, page_each=False)
    read = document_to_plan(read_pdf(pdf), "p", load_registry())
    assert [(a.activity_id, a.names("implementer"), a.names("partner")) for a in read.activities] == [
        ("1.1", ("Ministry of Finance", "Ministry of Justice"), ("Transparency International",)),
        ("1.2", ("Ministry of Finance", "Ministry of Justice"), ("Transparency International",)),
        ("2.1", ("Supreme Court",), ("Ministry of Justice",)),
        ("2.2", ("Supreme Court",), ("Ministry of Justice",))]


@pytest.mark.parametrize("rows_ruled", [True, False], ids=["ruled-across", "unruled"])
def test_a_ruled_key_value_box_under_a_table_gives_it_no_column_edge(tmp_path, rows_ruled):
    """Commitments one under the other, each a ruled key/value box over a milestones table with no rules
    between its columns (a rule under each row, or none at all): the second box's key column's rule, printed
    below the first table's rows, is no edge of the table's columns (it parted each title's words between
    two columns, and the two words of one label, "Milestone activity", into two columns). Each table's
    columns come from its own header row and rows: every title and date is read whole in its column."""
    from test_labelled_blocks import COMMITMENTS, commitment_blocks_plan

    pdf = commitment_blocks_plan(tmp_path / "p.pdf", COMMITMENTS, milestones_ruled=False, page_each=False,
                                 rows_ruled=rows_ruled)
    document = read_pdf(pdf)
    milestones = [list(row) for _, _, rows in COMMITMENTS for row in rows]
    assert meanings(document) == ["number", "title", "start", "end"]
    # Only the milestones' rows: where the table is ruled across, the second box's rows are read as its rows.
    numbers = {row[0] for row in milestones}
    assert [texts for texts in numbered(document) if texts[0] in numbers] == milestones


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_a_table_whose_header_row_is_printed_on_its_first_page_only_goes_on_past_a_footnote(tmp_path, ruled):
    """The header row is printed on the first page only and a footnote stands apart at that page's foot: the
    footnote closed the table, and the next page, with no header row of its own, was taken for text outside
    it (its activities lost). Its first row goes on with the next number in the number column, its words in
    the table's columns: the table goes on there. The annex after it, prose across the columns, is no row."""
    rows = activities(24, numbering=lambda i: f"1.{i + 1}.")
    plan = Plan([Table(("No.", "Activity", "Responsible", "Deadline"), (40, 360, 160, 80), list(rows),
                       ruled=ruled)], repeat_header=False, footnote="1 If additional funding is granted.",
                annex_pages=1)
    pdf = draw(tmp_path / "p.pdf", plan)
    assert document_pages(pdf) == 3
    document = read_pdf(pdf)
    assert [texts[0] for texts in numbered(document)] == [number for number, _, _, _ in rows]
    assert [texts[1] for texts in numbered(document)] == [title for _, title, _, _ in rows]
    assert not any("Annex" in text for texts in bands(document) for text in texts)


def test_an_unruled_heading_that_wraps_under_its_number_reads_line_by_line(tmp_path):
    """A long heading merged across an unruled table wraps, and its next line starts at the table's left,
    under the number, inside the number column ("3. ... şəffaflığın" / "təmin edilməsi"): the title reads line
    by line, not the number column's words first ("təmin Dövlət ...")."""
    heading = ("2. Measures on the transparency of public procurement and of the management of public finances "
               "in all central and local executive authorities")
    plan = Plan([Table(("No.", "Activity", "Responsible agencies", "Deadline"), (70, 220, 150, 60),
                       ["1. Open data", *activities(2), heading,
                        *activities(2, numbering=lambda i: f"2.{i + 1}.")], ruled=False)])
    document = read_pdf(draw(tmp_path / "p.pdf", plan))
    activity_plan = document_to_plan(document, "p", load_registry())
    assert [(a.activity_id, a.section_title) for a in activity_plan.activities][2:] == [
        ("2.1", heading[3:]), ("2.2", heading[3:])]


def test_the_rest_of_a_title_the_page_break_cut_read_as_a_heading_goes_back_to_its_row():
    """A page opens on the rest of the last row's title, alone in its cell ("and publish guidance ..."): read
    as a heading row, it still goes back to that row where the title before ends unfinished ("...,") and the
    rest opens in lower case. A heading opening on a capital, or after a finished title, stays a heading."""
    from types import SimpleNamespace

    from extract.pdf.pages import resumes_cut_title
    from extract.pdf.rows import ACTIVITY, SECTION, Row

    def row(kind: str, *texts: str) -> Row:
        return Row(1, 0.0, kind, texts, tuple((0.0, 0.0, 1.0, 1.0) for _ in texts))

    table = SimpleNamespace(title=1)
    cut = row(ACTIVITY, "3.4", "Extend the data infrastructure by adding identifiers for buildings,", "CSO", "2025")
    finished = row(ACTIVITY, "3.4", "Extend the data infrastructure", "CSO", "2025")
    rest = row(SECTION, "", "and publish guidance for the data owners", "", "")
    heading = row(SECTION, "", "Theme C – Civic participation", "", "")
    assert resumes_cut_title(rest, cut, table)
    assert not resumes_cut_title(rest, finished, table)
    assert not resumes_cut_title(heading, cut, table)


def two_tables_on_a_page(tmp_path: Path, rows: int):
    """A table of `rows` activities, then at once a table of other columns ("Deadline" before "Executors"),
    drawn on the same pages with no header row repeated: read into a plan."""
    first = Table(("No.", "Activity", "Responsible agencies", "Deadline"), (40, 330, 220, 80),
                  ["1. Open data", *activities(rows)])
    second = Table(("No.", "Measure", "Deadline", "Executors"), (40, 330, 80, 220),
                   ["2. Integrity", *[(f"2.{i + 1}.", f"Training the officials of region {i + 1}", "2026",
                                       "Civil Service Agency") for i in range(3)]])
    pdf = draw(tmp_path / "p.pdf", Plan([first, second], new_page_per_table=False, repeat_header=False))
    return document_to_plan(read_pdf(pdf), "p", load_registry())


def test_the_rest_of_a_table_above_a_second_tables_header_on_the_next_page_is_the_first_tables(tmp_path):
    """The first table runs onto a page without printing its header again, and a second table of other
    columns starts lower on that page: the rows above the second header are the first table's last ones, not
    text before the second table."""
    read = two_tables_on_a_page(tmp_path, 26)
    assert [a.activity_id for a in read.activities] == [f"1.{i}" for i in range(1, 27)] + ["2.1", "2.2", "2.3"]
    assert [(a.title, a.names("implementer"), a.period.text) for a in read.activities[-4:]] == [
        ("Publishing the register number 26 of open data sets on the national portal", (AGENCIES[25 % len(AGENCIES)],),
         "2025"),
        *[(f"Training the officials of region {i}", ("Civil Service Agency",), "2026") for i in (1, 2, 3)]]


def test_a_second_tables_header_under_the_first_tables_end_on_one_page_opens_the_second_table(tmp_path):
    """The first table ends on a page and a table of other columns ("Deadline" before "Executors") starts
    under it: its header row is no row of the first table, and its rows take its own columns."""
    read = two_tables_on_a_page(tmp_path, 20)
    assert [a.activity_id for a in read.activities] == [f"1.{i}" for i in range(1, 21)] + ["2.1", "2.2", "2.3"]
    assert [(a.names("implementer"), a.period.text) for a in read.activities[-4:]] == [
        ((AGENCIES[19 % len(AGENCIES)],), "2025"), *[(("Civil Service Agency",), "2026")] * 3]


def test_a_word_in_brackets_closing_a_wrapped_line_is_no_acronym_closing_a_name():
    """A list one item per line wraps "Sahibkarlar (İşəgötürənlər) | Təşkilatları Milli Konfederasiyası": the
    bracket holds a word of the name, not its acronym or a remark on its role, so the next line goes on with
    the name; "DICT (by consent)" and "... (KPK)" still close theirs."""
    from normalize.cells import closes_on_remark_or_acronym, items_after_wraps
    assert not closes_on_remark_or_acronym(["Sahibkarlar", "(İşəgötürənlər)"])
    assert closes_on_remark_or_acronym(["DICT", "(by", "consent)"])
    assert closes_on_remark_or_acronym(["Komisi", "Pemberantasan", "Korupsi", "(KPK)"])
    words = "Azərbaycan Respublikasının Sahibkarlar (İşəgötürənlər) Təşkilatları Milli Konfederasiyası".split()
    assert items_after_wraps(words, (), (2, 4, 6), frozenset()) == ()
