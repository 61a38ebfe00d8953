"""The text reader: encodings, blank lines, trailing TABs, and the repeated column-header band."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings, strategies as st

from extract.errors import InputError
from extract.text import lines_to_document, read_text
from extract.vocabulary import meaning_within, split_header_cell
from plans import plan_text, write_plan

ROW = ["1.1.", "Publishing budget data", "Data published", "Implementers: Ministry of Finance", "2020"]


def test_utf8_bom_is_read_like_plain_utf8(tmp_path):
    plain = read_text(write_plan(tmp_path, "plain", plan_text(ROW)))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(codecs.BOM_UTF8 + plan_text(ROW).encode("utf-8"))
    with_bom = read_text(bom)
    assert with_bom.title == plain.title == "National Action Plan for Testing 2020-2022"
    assert [b.fragments[1].text for b in with_bom.bands] == [b.fragments[1].text for b in plain.bands]


def test_utf16_with_bom_is_read(tmp_path):
    path = write_plan(tmp_path, "wide", plan_text(ROW), encoding="utf-16")
    assert read_text(path).bands[-1].text(1) == "Publishing budget data"


def test_other_encodings_are_an_error_naming_what_is_expected(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(plan_text(["1.1.", "Кабинет министров", "", "", "2020"]).encode("cp1251"))
    with pytest.raises(InputError, match=r"plan\.txt: not UTF-8 \(line 3, byte 1\); expected UTF-8 .*--encoding"):
        read_text(path)
    assert read_text(path, encoding="cp1251").bands[-1].text(1) == "Кабинет министров"
    with pytest.raises(InputError, match=r"plan\.txt: unknown encoding 'klingon'"):
        read_text(path, encoding="klingon")


def test_trailing_tabs_and_blank_page_break_lines_are_tolerated():
    text = plan_text(ROW[:4] + ["2020", "", "", ""], "", "", ["1.2.", "Creating a portal", "Portal", "", "2021\t\t"])
    document = lines_to_document(text.splitlines(), "t.txt")
    assert [b.text(0) for b in document.bands] == ["", "1.1.", "1.2."]
    assert document.stray == ()
    assert [b.line for b in document.bands] == [3, 4, 7]


def test_text_past_the_last_column_is_kept_as_stray():
    text = plan_text(ROW + ["note in the margin"])
    assert lines_to_document(text.splitlines(), "t.txt").stray == ((4, "note in the margin"),)


def test_repeated_column_header_band_keeps_the_text_sharing_it():
    text = plan_text(ROW, "№\tName of the activity Expanding the portal\tEvaluation indicator\t"
                     "Implementation / Recommendation Implementers: Ministry of Justice\tPeriod of performa nce")
    document = lines_to_document(text.splitlines(), "t.txt")
    band = document.bands[-1]
    assert band.column_header
    assert [f.text for f in band.fragments] == ["", "Expanding the portal", "", "Implementers: Ministry of Justice", ""]
    assert ("Evaluation" in [w for _, w in document.header_words])


@pytest.mark.parametrize("cell, meaning, label, rest", [
    ("Period of performan ce", "period", "Period of performan ce", ""),
    ("Period of perfor mance", "period", "Period of perfor mance", ""),
    ("Exec ution peri od", "period", "Exec ution peri od", ""),
    ("E x e c u t i o n  p e r i o d", "period", "E x e c u t i o n  p e r i o d", ""),
    ("Evaluation indicator s to expand", "indicator", "Evaluation indicator", "s to expand"),
    ("Name of the activity 1. Measures", "title", "Name of the activity", "1. Measures"),
    ("Measures 2. Measures on open data", "title", "Measures", "2. Measures on open data"),
    ("Nº:", "number", "Nº:", ""),
    ("Lead department(s)", "agencies", "Lead department(s)", ""),
    ("Supporting civil society organisations", "partners", "Supporting civil society organisations", ""),
    ("Срок исполнения", "period", "Срок исполнения", ""),
    ("Ответственные исполнители", "agencies", "Ответственные исполнители", ""),
    ("Drafting of rules", None, "", "Drafting of rules"),
    ("Budget", "extra", "Budget", ""),
    ("Bud get", "extra", "Bud get", ""),
    ("Источник финансирования", "extra", "Источник финансирования", ""),
    ("Budgeting rules", None, "", "Budgeting rules"),
])
def test_header_labels_are_read_by_meaning_whatever_the_spacing(cell, meaning, label, rest):
    assert split_header_cell(cell) == (meaning, label, rest)


@settings(deadline=None, max_examples=200)
@given(st.lists(st.lists(st.text(alphabet=st.characters(blacklist_characters="\t\n\r"), max_size=30), max_size=7),
                max_size=20))
def test_reader_never_crashes_and_keeps_every_cell(rows):
    lines = ["\t".join(cells) for cells in rows]
    document = lines_to_document(lines, "fuzz.txt")
    kept = " ".join(f.text for b in document.bands for f in b.fragments) + " " + document.title + " " + \
        " ".join(w for _, w in document.header_words) + " " + " ".join(t for _, t in document.stray) + " " + \
        " ".join(t for _, t in document.outside)
    for cells in rows:
        for cell in cells:
            for word in cell.split():
                assert word in kept


@pytest.mark.parametrize("printed, parts", [
    ("1.10.", (1, 10)), ("7", (7,)), ("40.", (40,)), ("1.1.1", (1, 1, 1)), ("3 .4", (3, 4)),
    ("1.1000", (1, 1000)), ("1000.1", (1000, 1)), ("2020", None), ("2020-2022", None), ("1.1 a", None),
])
def test_activity_numbers_as_printed(printed, parts):
    from extract.vocabulary import activity_number_parts

    assert activity_number_parts(printed) == parts


ROWS = [ROW, ["1.2.", "Opening court decisions", "Decisions published", "Implementers: Ministry of Justice", "2021"]]


def read_rows(path) -> list[list[str]]:
    return [[f.text for f in band.fragments] for band in read_text(path).bands]


@pytest.mark.parametrize("spelling", ["utf-16", "UTF-16", "utf16", "UTF16"])
def test_utf16_named_any_way_is_read(tmp_path, spelling):
    path = write_plan(tmp_path, "wide", plan_text(*ROWS), encoding="utf-16")
    assert read_rows(path) == read_rows(write_plan(tmp_path, "plain", plan_text(*ROWS)))
    assert read_text(path, encoding=spelling).bands[-1].text(1) == "Opening court decisions"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32"])
def test_wide_encodings_with_their_byte_order_are_read(tmp_path, encoding):
    path = write_plan(tmp_path, "wide", plan_text(*ROWS), encoding=encoding)
    assert [[f.text for f in band.fragments] for band in read_text(path, encoding=encoding).bands] == \
        read_rows(write_plan(tmp_path, "plain", plan_text(*ROWS)))


@pytest.mark.parametrize("spelling", ["utf-16", "UTF16", "utf-32"])
def test_utf16_without_a_bom_is_refused_with_the_reason(tmp_path, spelling):
    path = write_plan(tmp_path, "plan", plan_text(*ROWS), encoding="utf-16-le" if "16" in spelling else "utf-32-le")
    with pytest.raises(InputError, match=r"plan\.txt: .* must start with a byte-order mark.*--encoding utf-\d\d-le"):
        read_text(path, encoding=spelling)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_every_line_ending_ends_a_line(tmp_path, ending):
    text = plan_text(*ROWS).replace("\n", ending)
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode("utf-8"))
    assert read_rows(path) == read_rows(write_plan(tmp_path, "plain", plan_text(*ROWS)))
    assert [band.line for band in read_text(path).bands] == [3, 4, 5]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=5, max_size=5), st.integers(1, 40))
def test_mixed_line_endings_read_like_one_kind_whatever_the_chunks(endings, chunk):
    from extract.text import LINE_END_BYTES, split_lines

    lines = [line for line in plan_text(*ROWS).split("\n") if line]  # (a CR then a blank line's LF is one CRLF)
    data = "".join(line + ending for line, ending in zip(lines, endings)).encode("utf-8")
    chunks = [data[i:i + chunk] for i in range(0, len(data), chunk)]
    assert [line.rstrip(b"\r\n") for line in split_lines(chunks, LINE_END_BYTES)] == [x.encode() for x in lines]


def test_a_header_label_whose_last_letter_went_to_another_line_names_its_column():
    """The text form printed "Соисполнител" for "Соисполнители" (the renderer broke the word where the cell
    ran out of room; its last letter landed on the next line): a one-word cell that is a label but for its
    last letter or two names the label's column (a shorter piece of a word tells too little)."""
    lines = ["План мероприятий на 2025-2027 годы", "",
             "№\tНаименование мероприятия\tИсполнители\tСоисполнител\tСрок",
             "1.1\tПроведение заседаний комиссии\tМинистерство финансов\tСчетная палата\tежегодно"]
    document = lines_to_document(lines, "t.txt")
    assert [c.meaning for c in document.columns] == ["number", "title", "agencies", "partners", "period"]
    assert split_header_cell("Соиспол") == (None, "", "Соиспол")


@pytest.mark.parametrize(
    ("cell", "meaning"),
    [
        # A word saying which of its kind, then a label the vocabulary knows alone: the label's column.
        ("Verification indicator", "indicator"),
        ("Արդյունքի ցուցանիշ", "indicator"),
        # Latvian labels are data too.
        ("Līdzatbildīgās institūcijas", "partners"),
        ("Rezultatīvais rādītājs", "indicator"),
        # Two words that end on no label, or one more word: no label.
        ("Completion source", None),
        ("Annual verification indicator", None),
    ],
)
def test_a_label_after_a_word_that_says_which_of_its_kind_names_its_column(cell, meaning):
    assert split_header_cell(cell)[0] == meaning


@pytest.mark.parametrize(("group", "label", "meaning"), [
    ("Timeframe", "Start", "start"), ("Plazo", "Inicio", "start"), ("Plazo", "Fin", "end"), ("Prazo", "Fim", "end"),
    ("Срок исполнения", "Начало", "start"), ("Responsibility", "Supporting", "partners"),
    ("Responsibility", "Collaborating", "partners"), ("Structures", "Partenaires", "partners"),
    ("Responsibility", "Inicio", None)])
def test_a_sub_label_takes_its_meaning_from_the_group_printed_over_it(group, label, meaning):
    assert meaning_within(group, label) == meaning


def test_a_header_line_a_heading_was_glued_onto_names_its_columns():
    """The text form glued the first section's heading onto the column-header line and cut it at every edge:
    each label is followed by the heading's piece in lower case ("Tədbirin adı rrupsiyaya ..."), so no label
    reads cleanly. Labels of three columns or more still name the row a header; one label does not."""
    from extract.layout import names_columns
    assert names_columns(["Sıra № 1. Kor", "Tədbirin adı rrupsiyaya qarşı mübarizə sah", "İcraçı orqanlar həsində",
                          "İcra müddəti quqi bazanı", "Gözlənilən nəticə ın"])
    assert not names_columns(["", "Tədbirin adı rrupsiyaya qarşı", "İcraçı orqanlar həsində", "2025-ci il"])
