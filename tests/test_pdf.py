"""The PDF reader: every fixture PDF reads back wholly right, its text form reads back the same, and bad
PDFs are one clear error each.

The fixture PDFs are made by `tests/fixtures/make_pdfs.py` from the gold files written beside them; the two
copies of the shared 2023-2025-like edition (ruled and unruled) are scored against its gold.
"""
from __future__ import annotations

import csv
import functools
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from conftest import EDITION_GOLD, FIXTURES, load_scorer
from extract.errors import InputError
from extract.model import COLUMNS, Column
from extract.pdf import Word, column_targets, header_words_to_cells, pdf_to_text, read_pdf, word_column, \
    words_to_lines
from extract.pdf_settings import PdfSettings
from extract.text import lines_to_document

PDF_FIXTURES = FIXTURES / "pdf"
GENERATED = ("az-ogp-2020-2022-ruled", "az-ogp-2020-2022-unruled", "az-ogp-2023-2025-like-split-rows",
             "small-portrait-plan")
EDITION_PDFS = ("az-ogp-2023-2025-like", "az-ogp-2023-2025-like-unruled")
PLAN_TABLES = ("activities", "activity_agencies")


def load_maker():
    spec = importlib.util.spec_from_file_location("make_pdfs", FIXTURES / "make_pdfs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_pdfs", module)
    spec.loader.exec_module(module)
    return module


@functools.cache
def read(path: Path):
    """read_pdf once per fixture (documents are immutable)."""
    return read_pdf(path)


def run_to(source: Path, out: Path) -> Path:
    from pipeline import cli

    result = CliRunner().invoke(cli, ["run", str(source), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def read_rows(folder: Path, name: str, drop: tuple[str, ...] = ()) -> list[dict]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return [{k: v for k, v in row.items() if k not in drop} for row in csv.DictReader(f)]


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict[str, dict]:
    scorer = load_scorer()
    results = {}
    for stem in GENERATED:
        out = run_to(PDF_FIXTURES / f"{stem}.pdf", tmp_path_factory.mktemp(stem) / "o")
        results[stem] = scorer.evaluate(str(out), str(PDF_FIXTURES / f"{stem}.gold.json"))
    for stem in EDITION_PDFS:
        out = run_to(FIXTURES / f"{stem}.pdf", tmp_path_factory.mktemp(stem) / "o")
        results[stem] = scorer.evaluate(str(out), str(EDITION_GOLD), plan_id=stem)
    return results


@pytest.mark.parametrize("stem", GENERATED)
def test_generated_pdf_reads_back_wholly_right(scores, stem):
    result = scores[stem]
    assert result["activity_recall"] == 1.0 and result["activity_precision"] == 1.0
    assert result["rows_exact"] == 1.0, (result["rows_wrong"], result["field_misses"], result["agency_misses"])


@pytest.mark.parametrize("stem", EDITION_PDFS)
def test_shared_edition_pdf_ruled_and_unruled(scores, stem):
    result = scores[stem]
    assert result["rows_exact"] >= 0.98, (result["rows_wrong"], result["field_misses"], result["agency_misses"])


# ----------------------------------------------------------------------------- the text form

def test_text_form_reads_back_to_the_same_tables(tmp_path):
    pdf = PDF_FIXTURES / "az-ogp-2020-2022-ruled.pdf"
    text = tmp_path / "text" / f"{pdf.stem}.txt"
    text.parent.mkdir()
    text.write_text(pdf_to_text(read(pdf)), encoding="utf-8")
    from_pdf = run_to(pdf, tmp_path / "from_pdf")
    from_text = run_to(text, tmp_path / "from_text")
    for name in PLAN_TABLES:
        assert without_doubts(read_rows(from_text, name, ("source_lines",))) == \
            without_doubts(read_rows(from_pdf, name, ("source_lines",)))


def without_doubts(rows: list[dict]) -> list[dict]:
    """The rows without the boundary-in-doubt flags: the text form cannot say that its bands are a PDF's
    whole rows, so reading it may leave in doubt a boundary that the PDF's rows settle."""
    return [{**row, "flags": ";".join(flag for flag in row["flags"].split(";")
                                      if flag and not flag.endswith("_boundary_uncertain"))}
            if "flags" in row else row for row in rows]


@pytest.mark.parametrize("stem", GENERATED)
def test_each_band_stands_on_its_line_of_the_text_form(stem):
    document = read(PDF_FIXTURES / f"{stem}.pdf")
    lines = pdf_to_text(document).splitlines()
    assert lines[0] == document.title and document.title_line == 1 and lines[1] == ""
    reread = lines_to_document(lines, "t.txt")
    assert [b.line for b in reread.bands if any(b.fragments[c].text for c in range(len(COLUMNS)))
            or b.column_header] == [b.line for b in document.bands]
    by_line = {b.line: b for b in reread.bands}
    for band in document.bands:
        assert [f.text for f in by_line[band.line].fragments] == [f.text for f in band.fragments]
        assert by_line[band.line].column_header == band.column_header
        assert all(f.source.line == band.line and f.source.page and f.source.bbox for f in band.fragments)
    assert reread.header_words == document.header_words
    assert reread.stray == document.stray


@pytest.mark.parametrize("stem", GENERATED)
def test_every_word_of_the_pdf_is_kept_somewhere(stem):
    import pdfplumber

    with pdfplumber.open(PDF_FIXTURES / f"{stem}.pdf") as pdf:
        page_words = Counter(w["text"] for page in pdf.pages for w in page.extract_words())
    document = read(PDF_FIXTURES / f"{stem}.pdf")
    kept = Counter(document.title.split())
    kept.update(word for _, word in document.header_words)
    kept.update(word for band in document.bands for f in band.fragments for word in f.text.split())
    kept.update(word for _, text in document.stray for word in text.split())
    assert kept == page_words
    assert sum(count for _, count in document.line_words) == sum(page_words.values())


def test_header_rows_signatures_and_page_numbers_are_not_activity_data():
    document = read(PDF_FIXTURES / "small-portrait-plan.pdf")
    headers = [b for b in document.bands if b.column_header]
    assert len(headers) == 1  # the header row is printed on the first page only
    # "Deadline" is too wide for its column and breaks inside the word, as Word does: "Deadl ine".
    assert "".join(w for _, w in document.header_words) == "NoActivityEvaluationindicatorsImplementingagencies" \
        "Deadline"
    assert [text for _, text in document.stray] == ["Page 1 of 2", "Minister", "(signature)", "Page 2 of 2"]
    assert document.title == "Action Plan on Open Data and Public Participation for 2024- 2026"
    ruled = read(PDF_FIXTURES / "az-ogp-2020-2022-ruled.pdf")
    assert sum(b.column_header for b in ruled.bands) == 9  # repeated on each of the nine pages


def test_section_rows_hold_their_whole_title_in_the_title_column():
    document = read(PDF_FIXTURES / "small-portrait-plan.pdf")
    sections = [b for b in document.bands if b.text(1).startswith(("1. ", "2. ", "3. ", "4. "))]
    assert [b.text(1).split(".")[0] for b in sections] == ["1", "2", "3", "4"]
    assert sections[0].text(1).endswith("quality, timeliness and re-usability of the published data sets")
    assert all(not b.text(c) for b in sections for c in (0, 2, 3, 4))


def test_words_cut_at_a_hyphen_read_as_in_the_text_form():
    assert "non- governmental" in pdf_to_text(read(PDF_FIXTURES / "small-portrait-plan.pdf"))
    text = pdf_to_text(read(PDF_FIXTURES / "az-ogp-2020-2022-ruled.pdf"))
    assert "Non- Governmental" in text and "e- services" in text


def test_a_row_cut_by_the_page_break_is_joined_to_its_activity():
    document = read(PDF_FIXTURES / "az-ogp-2023-2025-like-split-rows.pdf")
    numbered = [b for b in document.bands if b.text(0)]
    numbers = [b.text(0) for b in numbered if not b.column_header]
    assert len(numbers) == len(set(numbers)) == 36
    # Every band is the header row, a section row or an activity: no band holds a cut row's rest alone.
    assert all(b.text(0) or b.column_header or b.text(1)[:2].rstrip(".").isdigit() for b in document.bands)
    assert len({b.fragments[0].source.page for b in document.bands}) == 7


# ----------------------------------------------------------------------------- bad PDFs

@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict[str, Path]:
    return load_maker().bad_pdfs(tmp_path_factory.mktemp("bad"), PDF_FIXTURES / "small-portrait-plan.pdf")


@pytest.mark.parametrize("case, message", [
    ("not_a_pdf", "not a PDF"),
    ("empty", "empty file"),
    ("truncated", "truncated PDF"),
    ("garbled", "not a readable PDF"),
    ("encrypted", "encrypted PDF that needs a password"),
    ("no_table", "no table found"),
    ("scanned", "no text layer"),
])
def test_bad_pdf_is_one_clear_error(bad, case, message):
    path = bad[case]
    with pytest.raises(InputError) as caught:
        read_pdf(path)
    text = str(caught.value)
    assert text.startswith(f"{path}: ") and message in text and "expected" in text
    assert "\n" not in text


@pytest.mark.parametrize("case", ["truncated", "encrypted", "scanned"])
def test_bad_pdf_on_the_command_line_is_one_line_and_writes_nothing(bad, case, tmp_path):
    from pipeline import cli

    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(bad[case]), "-o", str(out)])
    assert result.exit_code == 1
    assert str(bad[case]) in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_more_pages_than_allowed_is_an_error():
    with pytest.raises(InputError, match=r"2 pages is over the limit of 1 pages"):
        read_pdf(PDF_FIXTURES / "small-portrait-plan.pdf", max_pages=1)


def test_missing_pdf_is_named():
    with pytest.raises(InputError, match=r"nowhere\.pdf: cannot read"):
        read_pdf(PDF_FIXTURES / "nowhere.pdf")


# ----------------------------------------------------------------------------- the fixtures themselves

def test_make_pdfs_regenerates_identical_bytes(tmp_path):
    made = load_maker().make_all(tmp_path)
    assert sorted(p.stem for p in made) == sorted(GENERATED)
    for path in sorted(tmp_path.iterdir()):
        assert path.read_bytes() == (PDF_FIXTURES / path.name).read_bytes(), f"{path.name} differs: rerun make_pdfs.py"


# ----------------------------------------------------------------------------- small pieces

def word(x0: float, x1: float, top: float = 0.0) -> Word:
    return Word("w", x0, x1, top, top + 10)


def test_a_word_straddling_an_edge_goes_to_the_column_holding_most_of_it():
    inner = (50.0, 100.0, 150.0, 200.0)
    assert word_column(word(10, 40), inner) == 0
    assert word_column(word(45, 70), inner) == 1
    assert word_column(word(40, 52), inner) == 0
    assert word_column(word(90, 170), inner) == 2
    assert word_column(word(210, 260), inner) == 4
    assert word_column(word(60, 70), (50.0, 100.0, 100.0, 200.0)) == 1   # an empty column has no width
    assert word_column(word(120, 130), (50.0, 100.0, 100.0, 200.0)) == 3


@given(st.floats(0, 300), st.floats(0.5, 120), st.lists(st.floats(0, 300), min_size=4, max_size=4))
def test_word_column_picks_the_largest_overlap(x0, width, edges):
    inner = tuple(sorted(edges))
    w = word(x0, x0 + width)
    bounds = (-1e9, *inner, 1e9)
    overlaps = [max(0.0, min(w.x1, bounds[c + 1]) - max(w.x0, bounds[c])) for c in range(5)]
    assert overlaps[word_column(w, inner)] == pytest.approx(max(overlaps))


def test_lines_group_words_by_their_top():
    lines = words_to_lines([word(50, 60, 20.0), word(0, 10, 0.0), word(20, 30, 1.0), word(0, 10, 21.0)], 3.0)
    assert [[w.x0 for w in line.words] for line in lines] == [[0, 20], [0, 50]]


def test_merged_cells_go_to_their_first_column_or_to_the_title():
    assert column_targets([True] * 4) == [0, 1, 2, 3, 4]
    assert column_targets([False] * 4) == [1, 1, 1, 1, 1]
    assert column_targets([True, False, False, False]) == [0, 1, 1, 1, 1]
    assert column_targets([True, True, False, True]) == [0, 1, 2, 2, 4]


def test_header_labels_go_back_to_their_columns():
    words = "Nº Name of the activity Evaluation indicator Implementation / Recommendation Period of performa nce"
    labels = ("Nº", "Name of the activity", "Evaluation indicator", "Implementation / Recommendation",
              "Period of performance")
    columns = [Column(meaning, label) for meaning, label in zip(COLUMNS, labels)]
    assert header_words_to_cells(words.split(), columns) == ["Nº", "Name of the activity", "Evaluation indicator",
                                                             "Implementation / Recommendation",
                                                             "Period of performa nce"]
    some = [Column("number", "No"), Column("title", "Activity"), Column("extra", "column 3", "position"),
            Column("period", "Deadline")]
    assert header_words_to_cells("No Activity Dead line".split(), some) == ["No", "Activity", "", "Dead line"]


@pytest.mark.parametrize("change", [{"row_gap": -1}, {"rule_cover": 0}, {"header_lines": 1.5},
                                    {"min_header_columns": 7}, {"phrase_gap": 0}, {"furniture_words": True}])
def test_settings_are_validated(change):
    with pytest.raises(ValueError, match="PdfSettings"):
        PdfSettings(**change)
