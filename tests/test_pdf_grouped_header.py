"""An unruled column-header row printed on two lines, group labels over sub-labels ("Laufzeit" over
"Beginn | Ende"), the labels with no sub-label ("Nr.", the title's) printed on the upper line only, and the
rows parted by rules under them alone: the upper line's labels head columns too, so the narrow number
column is parted from the titles; and a start | end pair still makes the period where a later table of
the plan prints a period column of its own.

Each test draws a small PDF with reportlab and reads it with `read_pdf`.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from extract.pdf import Line, Word, read_pdf
from extract.pdf.header import find_header
from extract.pdf.opening import Rules
from extract.pdf_settings import PdfSettings
from normalize.plan import document_to_plan
from normalize.registry import load_registry
from normalize.roles import IMPLEMENTER, PARTNER, cell_to_role_parts
from normalize.text import clean_text

FONT, BOLD, SIZE, LEADING = "Helvetica", "Helvetica-Bold", 7.5, 9.4
#: The columns' left edges: number, title, lead, partners, start, end; and the table's right edge.
XS = (60.0, 79.0, 253.0, 359.0, 465.0, 504.0, 540.0)

ROWS = [
    ("1", ["Publishing the register of open data sets", "on the national portal"], "Ministry of Justice",
     "Statistics Office", "01/2020", "06/2021"),
    ("2", ["Open budget data for every region"], "Ministry of Finance", "-", "09/2019", "12/2020"),
    ("3", ["Public hearings on the draft laws"], "Ministry of Economy", "Civic Forum", "10/2019", "12/2020"),
    ("4", ["Training civil servants in open data"], "Ministry of Justice", "-", "01/2020", "06/2021"),
]


def text(canvas: Canvas, x: float, top: float, words: str, font: str = FONT) -> None:
    canvas.setFont(font, SIZE)
    canvas.drawString(x, A4[1] - top - SIZE, words)


def rule(canvas: Canvas, top: float, x0: float = 56.0, x1: float = XS[-1]) -> None:
    canvas.line(x0, A4[1] - top, x1, A4[1] - top)


def draw_grouped(path: Path, upper: tuple[str, str, str, str], lower: tuple[str, str, str, str],
                 second: tuple[str, str, str, str] | None = None) -> Path:
    """A table whose header prints `upper` (number, title, group over lead | partners, group over start |
    end) above `lower` (the four sub-labels), rules under the rows only, a heading row with no number; with
    `second`, a ruled table of four columns on the next page (number, title, agencies, period)."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setLineWidth(0.6)
    number, title, group, timing = upper
    text(canvas, XS[0], 75, number, BOLD)
    text(canvas, XS[1], 75, title, BOLD)
    for label, left, right in ((group, XS[2], XS[4]), (timing, XS[4], XS[6])):
        text(canvas, (left + right - stringWidth(label, BOLD, SIZE)) / 2, 75, label, BOLD)
    for label, x in zip(lower, XS[2:6]):
        text(canvas, x, 91, label, BOLD)
    rule(canvas, 103)
    text(canvas, XS[0], 107, "Transparency and open data", BOLD)
    rule(canvas, 120)
    top = 124.0
    for number, lines, lead, partner, start, end in ROWS:
        text(canvas, XS[0], top, number)
        for i, line in enumerate(lines):
            text(canvas, XS[1], top + i * LEADING, line)
        for x, cell in zip(XS[2:6], (lead, partner, start, end)):
            text(canvas, x, top, cell)
        top += len(lines) * LEADING + 8
        rule(canvas, top - 4)
    if second is not None:
        canvas.showPage()
        canvas.setLineWidth(0.6)
        xs = (56.0, 80.0, 300.0, 470.0, 540.0)
        rows = [("5", "Open data portal of the regions", "Ministry of Economy", "2019-2021"),
                ("6", "A transparency portal for the city", "Ministry of Finance", "2020-2022")]
        top = 60.0
        for cells, font in ((second, BOLD), *((row, FONT) for row in rows)):
            for x, cell in zip(xs, cells):
                text(canvas, x + 3, top + 4, cell, font)
            for x in xs:
                canvas.line(x, A4[1] - top, x, A4[1] - top - 18)
            rule(canvas, top, xs[0], xs[-1])
            top += 18
        rule(canvas, top, xs[0], xs[-1])
    canvas.showPage()
    canvas.save()
    return path


def test_group_labels_over_sub_labels_of_an_unruled_header_part_the_number_column_from_the_titles(tmp_path):
    # Labels the vocabulary does not know: the header is found above the numbered rows by structure.
    document = read_pdf(draw_grouped(tmp_path / "p.pdf", ("Nr.", "Voorstel", "Bevoegdheid", "Looptijd"),
                                     ("Trekker", "Betrokkenen", "Aanvang", "Einde")))
    assert [column.header for column in document.columns] == [
        "Nr.", "Voorstel", "Trekker", "Betrokkenen", "Aanvang", "Einde"]
    number = document.column_of("number")
    assert number == 0
    rows = [[f.text for f in band.fragments] for band in document.bands
            if not band.column_header and band.fragments[number].text]
    assert [row[0] for row in rows] == ["1", "2", "3", "4"]
    assert rows[0][1] == "Publishing the register of open data sets on the national portal"
    assert [row[4:] for row in rows][1] == ["09/2019", "12/2020"]


def test_german_sub_labels_under_their_group_labels_name_the_lead_partners_and_period_ends(tmp_path):
    document = read_pdf(draw_grouped(tmp_path / "p.pdf", ("Nr.", "Verpflichtung", "Zuständigkeit", "Laufzeit"),
                                     ("Federführung", "Beteiligte", "Beginn", "Ende")))
    assert [column.meaning for column in document.columns] == [
        "number", "title", "agencies", "partners", "start", "end"]


def test_start_and_end_columns_make_the_period_where_a_later_table_prints_a_period_column(tmp_path):
    document = read_pdf(draw_grouped(tmp_path / "p.pdf", ("Nr.", "Verpflichtung", "Zuständigkeit", "Laufzeit"),
                                     ("Federführung", "Beteiligte", "Beginn", "Ende"),
                                     ("Nr.", "Verpflichtung", "Federführende Stelle", "Zeitraum")))
    assert [[c.meaning for c in table.columns] for table in document.tables] == [
        ["number", "title", "agencies", "partners", "start", "end"], ["number", "title", "agencies", "period"]]
    plan = document_to_plan(document, "p", load_registry())
    years = {a.activity_id: (a.period.start_year, a.period.end_year) for a in plan.activities}
    assert years == {"1": (2020, 2021), "2": (2019, 2020), "3": (2019, 2020), "4": (2020, 2021),
                     "5": (2019, 2021), "6": (2020, 2022)}
    assert dict(next(a for a in plan.activities if a.activity_id == "2").fields) == {}


def test_a_suspended_hyphen_before_a_conjunction_of_any_language_is_kept():
    assert clean_text("Forschungs- und Innovationspolitik") == "Forschungs- und Innovationspolitik"
    assert clean_text("Non- Governmental") == "Non-Governmental"


GREEK_TABLES = (("Α/Α", "Φορέας υλοποίησης", "Δράση", "Παραδοτέο", "Χρονοδιάγραμμα", "Κατάσταση"),
                ("Α/Α", "Δράση", "Αρμόδιος φορέας", "Προθεσμία"))


def test_greek_header_rows_are_read_by_their_labels_so_a_second_table_gets_its_own_profile():
    # Read by structure alone, the second table's header row was no header: the first table's columns
    # went on over it, its labels a section's title. Known labels find each header row on its own.
    for labels, expected in zip(GREEK_TABLES, (["number", "agencies", "title", "indicator", "period", "extra"],
                                               ["number", "title", "agencies", "period"])):
        x, words = 50.0, []
        for label in labels:
            for word in label.split():
                words.append(Word(word, x, x + 8 * len(word), 100, 110))
                x += 8 * len(word) + 4
            x += 40
        header = find_header([Line(100, 110, tuple(words))], Rules(), 10.0, PdfSettings(), 2)
        assert header is not None
        assert [cell.meaning for cell in header.cells] == expected


def test_greek_role_labels_part_the_lead_body_from_the_co_competent_ones():
    cell = "Επισπεύδων φορέας: Υπουργείο Δικαιοσύνης Συναρμόδιοι φορείς: Συνήγορος του Πολίτη, Vouliwatch"
    assert [(p.role, p.text) for p in cell_to_role_parts(cell)] == [
        (IMPLEMENTER, "Υπουργείο Δικαιοσύνης"), (PARTNER, "Συνήγορος του Πολίτη, Vouliwatch")]
