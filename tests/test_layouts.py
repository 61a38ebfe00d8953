"""Tables laid out their own way, read from the text form: columns named per table by their headers (or
their content), in any order, missing or extra; plain and deep numbering; periods in any wording."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.text import lines_to_document
from normalize.plan import document_to_plan
from normalize.registry import load_registry

REGISTRY = load_registry()
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def read(*rows: str, title: str = "National Action Plan 2024-2026"):
    """The plan and its word accounting, read from a title line, a blank line and TAB-separated rows."""
    document = lines_to_document([title, "", *rows], "layout.txt")
    plan, accounting = document_to_plan(document, "layout", REGISTRY, keep_accounting=True)
    assert accounting.missing == () and accounting.unplaced == (), (accounting.missing, accounting.unplaced)
    return document, plan


def read_fixture(name: str):
    """The plan read from a text fixture of `tests/fixtures/text`."""
    path = FIXTURES / "text" / name
    return document_to_plan(lines_to_document(path.read_text(encoding="utf-8").splitlines(), name), "fixture",
                            REGISTRY)


def roles(activity) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for mention in activity.mentions:
        found.setdefault(mention.role, []).append(mention.text)
    return found


def test_period_before_agencies():
    document, plan = read(
        "No.\tActivity\tDeadline\tResponsible agencies",
        "1.1.\tPublishing budget data\t2024\tImplementers: Ministry of Finance",
        "1.2.\tOpening court decisions\t2025-2026\tImplementers: Ministry of Justice",
    )
    assert [c.meaning for c in document.columns] == ["number", "title", "period", "agencies"]
    first, second = plan.activities
    assert (first.title, first.period.start_year, roles(first)) == (
        "Publishing budget data", 2024, {"implementer": ["Ministry of Finance"]})
    assert (second.period.start_year, second.period.end_year) == (2025, 2026)


def test_no_indicator_column_leaves_the_field_empty_and_unflagged():
    _, plan = read(
        "No.\tMeasures\tExecuting bodies\tExecution period",
        "1.1.\tPublishing budget data\tMinistry of Finance\t2024",
    )
    activity = plan.activities[0]
    assert activity.indicator == "" and "indicator_missing" not in activity.flags
    assert roles(activity) == {"implementer": ["Ministry of Finance"]}


def test_an_extra_budget_column_is_kept_as_a_field_never_merged():
    _, plan = read(
        "No.\tMeasures\tExecuting bodies\tBudget\tExecution period",
        "1.1.\tPublishing budget data\tMinistry of Finance\tState budget\t2024",
        "1.2.\tTraining officials\tMinistry of Justice\tDonor funds\t2025",
    )
    assert [a.fields for a in plan.activities] == [(("Budget", "State budget"),), (("Budget", "Donor funds"),)]
    assert [roles(a) for a in plan.activities] == [{"implementer": ["Ministry of Finance"]},
                                                   {"implementer": ["Ministry of Justice"]}]


def test_a_second_table_with_more_columns_gets_its_own_profile():
    document, plan = read(
        "No.\tMeasures\tExecuting bodies\tExecution period",
        "1.1.\tPublishing budget data\tMinistry of Finance\t2024",
        "",
        "No.\tMeasures\tExecuting bodies\tStatus\tExecution period",
        "2.1.\tOpening procurement data\tMinistry of Economy\tongoing\t2025",
    )
    assert [[c.meaning for c in t.columns] for t in document.tables] == [
        ["number", "title", "agencies", "period"], ["number", "title", "agencies", "extra", "period"]]
    first, second = plan.activities
    assert (first.period.start_year, first.fields) == (2024, ())
    assert (second.period.start_year, second.fields) == (2025, (("Status", "ongoing"),))


def test_a_row_numbering_the_columns_under_the_header_is_part_of_the_header():
    """"1 | 2 | 3 | 4" under the header row is no activity 1, and its words are accounted as the header's."""
    document, plan = read(
        "№ п/п\tНаименование мероприятия\tОтветственные исполнители\tСрок исполнения",
        "1\t2\t3\t4",
        "1\tОпубликование бюджетных данных\tМинистерство финансов\tII квартал 2023",
        "2\tОткрытие судебных решений\tМинистерство юстиции\t2024 год",
        title="План мероприятий на 2023-2024 годы",
    )
    assert [(a.activity_id, a.title) for a in plan.activities] == [
        ("1", "Опубликование бюджетных данных"), ("2", "Открытие судебных решений")]
    assert [word for line, word in document.header_words if line == 4] == ["1", "2", "3", "4"]


@pytest.mark.parametrize("cells", [["1", "2"], ["1", "3", "4"], ["2", "3", "4"], ["1", "2", "2025"],
                                   ["1.", "2.", "3."]])
def test_rows_that_do_not_number_the_columns(cells):
    from extract.vocabulary import is_column_numbering
    assert not is_column_numbering(cells)


def test_a_period_printed_in_a_start_and_an_end_column_is_one_period():
    document, plan = read(
        "No.\tCommitment\tLead department\tStart date\tEnd date",
        "1\tPublishing budget data in open formats\tMinistry of Finance\tJanuary 2014\tDecember 2015",
        "2\tOpening court decisions to the public\tMinistry of Justice\t\tJune 2014",
    )
    assert [c.meaning for c in document.columns] == ["number", "title", "agencies", "start", "end"]
    assert [(a.period.text, a.period.start_year, a.period.end_year, a.fields) for a in plan.activities] == [
        ("January 2014 – December 2015", 2014, 2015, ()), ("June 2014", 2014, 2014, ())]


def test_a_header_whose_labels_wrap_over_several_lines_is_one_header():
    """The extractor centres each label on the header row: "No." and "Activity" stand on the middle line,
    the longer labels go on above and below it. The lines are one header; the period and budget columns
    keep their whole labels, and no label word is left in a cell."""
    document, plan = read(
        "\t\t\t\tBudget",
        "\t\tResponsible\tImplementation\t",
        "No.\tActivity\t\t\t(thousand",
        "\t\tagencies\tperiod\t",
        "\t\t\t\tGEL)",
        "1.1.\tPublishing budget data in open formats\tMinistry of Finance\t2025\t140",
        "1.2.\tOpening court decisions to the public\tMinistry of Justice\t2026\t80",
    )
    assert [(c.meaning, c.header) for c in document.columns] == [
        ("number", "No."), ("title", "Activity"), ("agencies", "Responsible agencies"),
        ("period", "Implementation period"), ("extra", "Budget (thousand GEL)")]
    assert [(a.title, a.period.start_year, a.fields) for a in plan.activities] == [
        ("Publishing budget data in open formats", 2025, (("Budget (thousand GEL)", "140"),)),
        ("Opening court decisions to the public", 2026, (("Budget (thousand GEL)", "80"),))]


def test_cells_hanging_from_the_top_of_their_rows_are_read_by_rows():
    """Every title that runs onto more lines opens on its number's line: the cells hang from the top of
    their rows, so the lines under a number up to the next are its activity's, in every column."""
    document, plan = read(
        "№ п/п\tНаименование мероприятия\tФорма завершения\tОтветственные исполнители\tСрок исполнения",
        "1.1.\tПроведение информационно-разъяснительной работы\tсовместный приказ\tМинистерство финансов\t2025 год",
        "\tсреди населения о мерах по противодействию\t\tМинистерство юстиции\t",
        "\tкоррупции\t\t\t",
        "1.2.\tВнедрение системы мониторинга исполнения\tинформация в\tГенеральная прокуратура\t2026 год",
        "\tрекомендаций внешнего государственного аудита\tАдминистрацию\t\t",
        "\t\tПрезидента\t\t",
        "1.3.\tРазмещение на интернет-ресурсах отчетов\tприказ руководителя\tМинистерство финансов\t2025 год",
        "\tоб исполнении бюджетных программ\tгосударственного\t\t",
        "\t\tоргана\t\t",
    )
    assert [a.indicator for a in plan.activities] == [
        "совместный приказ", "информация в Администрацию Президента", "приказ руководителя государственного органа"]


@pytest.mark.parametrize("label", ["Activity", "Мероприятие"])
def test_an_activity_number_printed_after_a_label_is_the_number(label):
    _, plan = read(
        "No.\tActivity\tResponsible\tDeadline",
        "\tCommitment 1: Public participation\t\t",
        f"{label} 1.1\tPublishing budget data in open formats\tMinistry of Finance\t2025",
        f"{label} 1.2\tOpening court decisions to the public\tMinistry of Justice\t2026",
    )
    assert [(a.activity_id, a.section_no, a.section_title, a.title) for a in plan.activities] == [
        ("1.1", 1, "Public participation", "Publishing budget data in open formats"),
        ("1.2", 1, "Public participation", "Opening court decisions to the public")]


def test_titles_centred_on_a_number_between_their_lines_are_not_read_as_hanging_from_the_top():
    """A title of two lines centred on its row leaves its number's line empty in the title column: that is
    no title opening on its number's line, and the lines above the number are its activity's."""
    _, plan = read(
        "No.\tActivity\tResponsible agencies\tDeadline",
        "\tPublishing budget data\t\t",
        "1.1.\t\tMinistry of Finance\t2025",
        "\tin open formats\t\t",
        "\tOpening court decisions\t\t",
        "1.2.\t\tMinistry of Justice\t2026",
        "\tto the public\t\t",
        "\tTraining officials to answer\t\t",
        "1.3.\t\tMinistry of Economy\t2025",
        "\trequests for information\t\t",
    )
    assert [a.title for a in plan.activities] == ["Publishing budget data in open formats",
                                                  "Opening court decisions to the public",
                                                  "Training officials to answer requests for information"]


def test_of_two_columns_headed_as_the_activity_the_one_naming_each_apart_is_the_title():
    """"Task" and "Activity" both head an activity column; the task is printed once over several activities
    (a cell merged down), the activities each apart: the activity column is the title, the task a field."""
    document, plan = read(
        "No.\tTask\tActivity\tResponsible\tDeadline",
        "1.1\tIncreasing the transparency of public finances\tPublishing budget data in open formats"
        "\tMinistry of Finance\t2025",
        "1.2\t\tOpening the register of public contracts\tMinistry of Economy\t2026",
        "1.3\t\tTraining officials in open data\tMinistry of Justice\t2025",
    )
    assert [(c.meaning, c.header) for c in document.columns] == [
        ("number", "No."), ("extra", "Task"), ("title", "Activity"), ("agencies", "Responsible"),
        ("period", "Deadline")]
    assert [a.title for a in plan.activities] == ["Publishing budget data in open formats",
                                                  "Opening the register of public contracts",
                                                  "Training officials in open data"]


def test_of_a_result_column_and_an_indicator_column_the_indicator_is_the_indicator():
    """"Expected outcome" and "Indicator" both head a result; the label that names an indicator as such
    takes the field (its rank in `extract/headers.csv`), the outcome is kept as a field of its own."""
    document, plan = read(
        "No.\tActivity\tExpected outcome\tIndicator\tResponsible\tDeadline",
        "1.1.\tPublishing budget data in open formats\tMore open budgets\tData published\tMinistry of Finance"
        "\t2025",
        "1.2.\tOpening court decisions to the public\tOpen courts\tDecisions online\tMinistry of Justice\t2026",
    )
    assert [(c.meaning, c.header) for c in document.columns] == [
        ("number", "No."), ("title", "Activity"), ("extra", "Expected outcome"), ("indicator", "Indicator"),
        ("agencies", "Responsible"), ("period", "Deadline")]
    assert [(a.indicator, a.fields) for a in plan.activities] == [
        ("Data published", (("Expected outcome", "More open budgets"),)),
        ("Decisions online", (("Expected outcome", "Open courts"),))]


def test_words_a_line_broke_at_a_hyphen_are_whole_in_the_activity():
    _, plan = read(
        "No.\tActivity\tResponsible agencies\tDeadline",
        "1.1.\tStrengthening the moni-\tMinistry of Finance\t2025",
        "\ttoring of state-owned\t\t",
        "1.2.\tTraining in anti-\tMinistry of Justice\t2026",
        "\tcorruption monitoring\t\t",
    )
    assert [a.title for a in plan.activities] == ["Strengthening the monitoring of state-owned",
                                                  "Training in anti-corruption monitoring"]


def test_years_ticked_in_columns_of_their_own_are_the_period():
    """No period column: a tick under "2024", "2025", "2026" says in which years the activity runs. The
    years come from the first and the last year ticked; the ticks stay fields, and a column of numbers
    under a year (a budget) ticks nothing."""
    document, plan = read(
        "No.\tCommitment\tResponsible\t2024\t2025\t2026\tBudget 2024",
        "1\tPublishing budget data in open formats\tMinistry of Finance\t\tX\tX\t1200",
        "2\tOpening court decisions to the public\tMinistry of Justice\t✓\t\t\t",
        "3\tTraining officials in open data\tMinistry of Economy\t\t\t\t300",
    )
    assert [(a.period.text, a.period.start_year, a.period.end_year) for a in plan.activities] == [
        ("", 2025, 2026), ("", 2024, 2024), ("", None, None)]
    assert plan.activities[0].fields == (("2025", "X"), ("2026", "X"), ("Budget 2024", "1200"))


def test_a_start_column_beside_a_period_column_is_a_field():
    _, plan = read(
        "No.\tActivity\tResponsible agencies\tDeadline\tStart date",
        "1.1.\tPublishing budget data in open formats\tMinistry of Finance\t2025\t2024",
    )
    activity = plan.activities[0]
    assert (activity.period.text, activity.period.start_year, activity.fields) == ("2025", 2025, (("Start date", "2024"),))


def test_a_list_opening_in_lower_case_on_a_body_is_its_activitys():
    """"местные исполнительные органы" opens activity 1.2's list: a lower-case item that names a body (a body
    word of `name_words.csv`) may start a cell, so the list above keeps its names."""
    _, plan = read(
        "№ п/п\tНаименование мероприятия\tОтветственные исполнители\tСрок исполнения",
        "1.1.\tОпубликование бюджетных данных\tМинистерство национальной экономики, Высшая аудиторская палата, "
        "Верховный суд\t2024 год",
        "1.2.\tОткрытие судебных решений\tместные исполнительные органы, Верховный суд\t2025 год",
        "1.3.\tОбучение служащих\tГенеральная прокуратура\tпостоянно",
        title="План мероприятий на 2024-2025 годы",
    )
    assert [[m.text for m in a.mentions] for a in plan.activities] == [
        ["Министерство национальной экономики", "Высшая аудиторская палата", "Верховный суд"],
        ["местные исполнительные органы", "Верховный суд"], ["Генеральная прокуратура"]]


@pytest.mark.parametrize("periods", [("January 2014", "March 2014", "October 2013"), ("Q1 2024", "Q2 2025", "Q3 2026"),
                                     ("2024-2025", "2025", "during 2024")])
def test_periods_of_several_words_in_a_clean_table_are_no_close_call(periods):
    """"January 2014 | March 2014" could be cut "January 2014 March | 2014" only if one cell held the end of
    one period and the start of the next: no boundary is flagged uncertain."""
    _, plan = read("No.\tCommitment\tLead department\tDeadline",
                   *(f"{k + 1}\tPublishing the register number {k + 1}\tMinistry of Finance\t{period}"
                     for k, period in enumerate(periods)))
    assert [a.period.text for a in plan.activities] == list(periods)
    assert not any(flag.endswith("_boundary_uncertain") for a in plan.activities for flag in a.flags)


@pytest.mark.parametrize("numbers", [("1.1.", "1.2.", "2.1."), ("1", "2", "3")], ids=["two-level", "plain"])
def test_a_heading_that_labels_its_number_keeps_the_label_out_of_the_activities(numbers):
    """"Task 1." / "Commitment 2:": the label word is the heading's, and the title is the text after it."""
    _, plan = read(
        "No.\tActivity\tResponsible agencies\tDeadline",
        "\tTask 1. Improving the legal framework\t\t",
        f"{numbers[0]}\tPublishing budget data\tMinistry of Finance\t2024",
        f"{numbers[1]}\tOpening court decisions\tMinistry of Justice\t2025",
        "\tCommitment 2: Open data\t\t",
        f"{numbers[2]}\tTraining officials\tMinistry of Justice\t2026",
    )
    assert [(a.section_no, a.section_title, a.title) for a in plan.activities] == [
        (1, "Improving the legal framework", "Publishing budget data"),
        (1, "Improving the legal framework", "Opening court decisions"), (2, "Open data", "Training officials")]


def test_a_labelled_heading_glued_after_an_activitys_title_keeps_its_label_out_of_the_title():
    """"... court decisions Commitment 2: Open da" + "ta": the label is one of `heading_labels.csv`, so the
    heading starts at it, not at its number."""
    _, plan = read(
        "No.\tActivity\tResponsible agencies\tDeadline",
        "\tCommitment 1: Fiscal openness\t\t",
        "1.1.\tPublishing budget data\tMinistry of Finance\t2024",
        "1.2.\tOpening court decisions Commitment 2: Open da\tMinistry of Justice ta\t2025",
        "2.1.\tTraining officials\tMinistry of Justice\t2026",
    )
    assert [(a.section_no, a.section_title, a.title) for a in plan.activities] == [
        (1, "Fiscal openness", "Publishing budget data"), (1, "Fiscal openness", "Opening court decisions"),
        (2, "Open data", "Training officials")]
    assert plan.activities[1].names("implementer") == ("Ministry of Justice",)


def test_russian_header_words():
    document, plan = read(
        "№ п/п\tНаименование мероприятия\tОтветственные исполнители\tСрок исполнения",
        "1.1.\tОпубликование бюджетных данных\tМинистерство финансов\tII квартал 2023",
        title="План мероприятий на 2023-2024 годы",
    )
    assert [c.meaning for c in document.columns] == ["number", "title", "agencies", "period"]
    activity = plan.activities[0]
    assert (activity.title, activity.period.text, activity.period.start_year) == (
        "Опубликование бюджетных данных", "II квартал 2023", 2023)
    assert roles(activity) == {"implementer": ["Министерство финансов"]}


def test_unknown_header_words_are_named_by_the_columns_content_and_recur_as_the_header():
    document, plan = read(
        "Ref\tWhat will be done\tWho\tWhen",
        "1.1.\tPublishing budget data\tImplementers: Ministry of Finance\t2024",
        "1.2.\tOpening court decisions\tImplementers: Ministry of Justice\t2025",
        "Ref\tWhat will be done\tWho\tWhen",
        "1.3.\tTraining officials on open data\tImplementers: Ministry of Justice\t2026",
    )
    assert [(c.meaning, c.decided_by) for c in document.columns] == [
        ("number", "label"), ("title", "content"), ("agencies", "content"), ("period", "content")]
    assert [a.period.start_year for a in plan.activities] == [2024, 2025, 2026]
    assert plan.activities[2].title == "Training officials on open data"


def test_italian_header_words_were_read_by_content_and_mistaken():
    """An Italian plan's labels ("Amministrazione capofila", "Altri attori coinvolti", "Risultato atteso") are
    in the vocabulary: by content alone the lead bodies were the indicator and the partners the agencies."""
    document, plan = read(
        "N.\tAzione\tAmministrazione capofila\tAltri attori coinvolti\tRisultato atteso\tScadenza",
        "1.01\tPubblicazione dei dati di bilancio\tMinistero della Giustizia\tOpenpolis\tPortale aggiornato\t"
        "II semestre 2025",
        "1.02\tApertura del registro dei contratti\tAgenzia per la Coesione\t–\tRegistro operativo\t"
        "Entro il 31 dicembre 2026",
        title="Piano d'Azione Nazionale 2024-2026",
    )
    assert [(c.meaning, c.decided_by) for c in document.columns] == [
        ("number", "label"), ("title", "label"), ("agencies", "label"), ("partners", "label"),
        ("indicator", "label"), ("period", "label")]
    first, second = plan.activities
    assert (first.indicator, roles(first)) == (
        "Portale aggiornato", {"implementer": ["Ministero della Giustizia"], "partner": ["Openpolis"]})
    assert [(a.period.start_year, a.period.end_year) for a in plan.activities] == [(2025, 2025), (2026, 2026)]


UNKNOWN_ROWS = [
    ("1.1.", "Publishing budget data on the open portal", "Budget data sets published every quarter",
     "Ministry of Finance, State Treasury Agency", "2024", "Ongoing"),
    ("1.2.", "Opening the decisions of courts of appeal", "Share of decisions published online",
     "Ministry of Justice", "2025", "Not started"),
    ("1.3.", "Training officials to answer requests for information", "Number of officials trained each year",
     "Civil Service Agency, Ministry of Justice", "2026", "Ongoing"),
]


def test_unknown_header_words_name_a_second_prose_column_the_indicator_and_a_column_of_names_the_agencies():
    """No label is known and no cell carries a role label: the column of names (words in capitals) is the
    agencies, the widest prose the title, the next prose the indicator; a column repeating a few short values
    stays an extra field."""
    document, plan = read("#\tWhat we will do\tHow we know\tWho\tWhen\tProgress",
                          *("\t".join(row) for row in UNKNOWN_ROWS))
    assert [(c.meaning, c.decided_by) for c in document.columns] == [
        ("number", "label"), ("title", "content"), ("indicator", "content"), ("agencies", "content"),
        ("period", "content"), ("extra", "label")]
    assert [(a.title, a.indicator, a.names("implementer"), a.fields) for a in plan.activities] == [
        (title, indicator, tuple(names.split(", ")), (("Progress", status),))
        for _, title, indicator, names, _, status in UNKNOWN_ROWS]


def test_an_unknown_label_over_periods_mostly_in_words_names_the_period_column():
    document, plan = read(
        "#\tWhat we will do\tWho\tWhen",
        "1.1.\tPublishing budget data on the open portal\tMinistry of Finance, State Treasury Agency\tпостоянно",
        "1.2.\tOpening the decisions of courts of appeal\tMinistry of Justice\tежегодно",
        "1.3.\tTraining officials to answer requests\tCivil Service Agency, Ministry of Justice\t2026",
    )
    assert [(c.meaning, c.decided_by) for c in document.columns][3] == ("period", "content")
    assert [(a.period.text, a.period.start_year) for a in plan.activities] == [
        ("постоянно", None), ("ежегодно", None), ("2026", 2026)]


def test_prose_between_the_title_and_the_table_is_outside_it():
    """A plan's pages of text before its table (lines without cells, or cells before the column-header row
    with no number) are the document's text outside the tables, not the first activity's title."""
    document, plan = read(
        "This plan was prepared by the Ministry after consultations with civil society in 2023.",
        "\tThe consultations ran\tfrom March to May\t",
        "No.\tActivity\tResponsible agencies\tDeadline",
        "1.1.\tPublishing budget data\tMinistry of Finance\t2024",
        "1.2.\tOpening court decisions\tMinistry of Justice\t2025",
    )
    assert document.title == "National Action Plan 2024-2026"
    assert [line for line, _ in document.outside] == [3, 4]
    assert [a.title for a in plan.activities] == ["Publishing budget data", "Opening court decisions"]


def test_plain_numbering_under_unnumbered_headings():
    _, plan = read(
        "No.\tCommitment\tLead department\tDeadline",
        "\tOpen data: publishing what gov\ternment holds\t",
        "1\tPublish the inventory of datasets\tCabinet Office\t2014",
        "2\tRelease the national address file\tCabinet Office\t2015",
        "\tFiscal transparency: follo\twing the money\t",
        "3\tPublish spending over 500 pounds\tHM Treasury\t2014",
    )
    assert [a.activity_id for a in plan.activities] == ["1", "2", "3"]
    assert [(a.section_no, a.section_title) for a in plan.activities] == [
        (None, "Open data: publishing what government holds"),
        (None, "Open data: publishing what government holds"),
        (None, "Fiscal transparency: following the money")]
    assert [a.title for a in plan.activities][2] == "Publish spending over 500 pounds"


def test_unnumbered_headings_found_by_the_word_the_plans_headings_open_on_where_no_edge_cut_a_word():
    """The first heading is found by a cut word; the later ones, whose words no edge cut (in a band of their
    own, or glued after an activity's title), open on its first word ("Measures")."""
    _, plan = read(
        "No.\tActivity\tResponsible agencies\tDeadline",
        "\tMeasures on open budg\tgets and data\t",
        "1\tPublish the inventory of datasets\tMinistry of Finance\t2024",
        "2\tRelease the register of addresses Measures on open\tMinistry of Justice justice\t2025",
        "3\tOpen the decisions of courts\tMinistry of Justice\t2026",
        "\tMeasures on public services\tand digital government\t",
        "4\tLaunch the services portal\tMinistry of Economy\t2024",
    )
    assert [(a.activity_id, a.section_title) for a in plan.activities] == [
        ("1", "Measures on open budgets and data"), ("2", "Measures on open budgets and data"),
        ("3", "Measures on open justice"), ("4", "Measures on public services and digital government")]
    assert [a.title for a in plan.activities][1] == "Release the register of addresses"


def test_an_unnumbered_heading_sharing_the_column_header_row_of_a_plainly_numbered_plan():
    """The first heading was printed on the line of the column labels, and no column edge cut its words."""
    _, plan = read(
        "No.\tActivity Open data for\tResponsible agencies everyone\tDeadline",
        "1.\tPublishing budget data\tMinistry of Finance\t2024",
        "2.\tOpening court decisions\tMinistry of Justice\t2025",
    )
    assert [(a.activity_id, a.section_no, a.section_title, a.title) for a in plan.activities] == [
        ("1", None, "Open data for everyone", "Publishing budget data"),
        ("2", None, "Open data for everyone", "Opening court decisions")]


def test_an_unnumbered_glued_heading_opens_on_the_word_the_plans_headings_open_on():
    """The band holds the end of activity 1's title, activity 2's title and the heading: of the capitalised
    words that may open it, the heading starts at the one the plan's other headings open on ("Measures")."""
    _, plan = read(
        "No.\tActivity Measures on open\tResponsible agencies data\tDeadline",
        "1.\tPublishing budget data and the proposals\tMinistry of Finance\t2024",
        "2.\treceived Monitoring the plan Measures on public fin\tMinistry of Finance ances\t2025",
        "3.\tPublishing the reports on public finances\tMinistry of Finance\t2026",
    )
    assert [a.section_title for a in plan.activities] == [
        "Measures on open data", "Measures on open data", "Measures on public finances"]


def test_plain_numbering_under_headings_numbered_in_roman_numerals_within_the_title_column():
    """A heading that prints the next section's number ("II.") is a heading even where it fits in the title
    column, so no column edge cut its words."""
    _, plan = read(
        "№ п/п\tНаименование мероприятия\tОтветственные исполнители\tСрок исполнения",
        "\tI. Организационные меры\t\t",
        "1.\tРазработка плана мероприятий\tМинистерство юстиции\t2022 г.",
        "2.\tПроведение мониторинга\tМинистерство финансов\tежегодно",
        "\tII. Повышение прозрачности\t\t",
        "3.\tОпубликование отчетов\tМинистерство финансов\tIV квартал 2023 г.",
    )
    assert [(a.activity_id, a.section_no, a.section_title, a.title) for a in plan.activities] == [
        ("1", 1, "Организационные меры", "Разработка плана мероприятий"),
        ("2", 1, "Организационные меры", "Проведение мониторинга"),
        ("3", 2, "Повышение прозрачности", "Опубликование отчетов")]


@pytest.mark.parametrize("first, number", [("I. ", "II. "), ("", "")], ids=["roman", "unnumbered"])
def test_plain_numbering_under_a_heading_glued_after_an_activity(first, number):
    """The heading of section 2 shares the band of section 1's last activity, after its text in each column
    ("... Monitoring the plan II. Transparency of public fin" + "ances"): found by its number, or, printing
    none, by the word the column edge cut."""
    _, plan = read(
        "No.\tActivity\tResponsible agencies\tDeadline",
        f"\t{first}Organisational measures against corru\tption\t",
        "1.\tDrafting the plan of measures against corruption\tMinistry of Justice\t2022",
        f"2.\tMonitoring the plan {number}Transparency of public fin\tMinistry of Finance ances\tannually",
        "3.\tPublishing the reports on public finances\tMinistry of Finance\tQ4 2023",
    )
    assert [(a.activity_id, a.section_title, a.title, a.names("implementer")) for a in plan.activities] == [
        ("1", "Organisational measures against corruption", "Drafting the plan of measures against corruption",
         ("Ministry of Justice",)),
        ("2", "Organisational measures against corruption", "Monitoring the plan", ("Ministry of Finance",)),
        ("3", "Transparency of public finances", "Publishing the reports on public finances", ("Ministry of Finance",))]
    assert [a.section_no for a in plan.activities] == ([1, 1, 2] if number else [None, None, None])


def test_two_level_numbering_under_headings_numbered_in_roman_numerals():
    _, plan = read(
        "No.\tActivity\tResponsible agencies\tDeadline",
        "\tI. Organisational measu\tres against corruption\t",
        "1.1.\tDrafting the plan of measures\tMinistry of Justice\t2022",
        "\tII. Transparency of public finance\t\t",
        "2.1.\tPublishing the reports\tMinistry of Finance\tQ4 2023",
    )
    assert [(a.activity_id, a.section_no, a.section_title) for a in plan.activities] == [
        ("1.1", 1, "Organisational measures against corruption"), ("2.1", 2, "Transparency of public finance")]


def test_zero_padded_activity_numbers_were_rewritten_without_their_zeros():
    """Ids printed zero-padded ("1.01", "1.02", "2.01 .") are published as printed, without the trailing dot
    or the spaces around a dot; their levels still order them, find a repeat and give the section."""
    _, plan = read(
        "N.\tActivity\tResponsible agency\tDeadline",
        "\t1. Fiscal Openness\t\t",
        "1.01\tPublishing budget data\tMinistry of Finance\t2025",
        "1.02.\tOpening the contracts register\tMinistry of Economy\t2026",
        "\t2. Citizen Participation\t\t",
        "2.01 .\tHolding public hearings on draft laws\tMinistry of Justice\t2027",
        "2.01\tPublishing the hearings\tMinistry of Justice\t2027",
    )
    assert [(a.activity_id, a.section_no) for a in plan.activities] == [
        ("1.01", 1), ("1.02", 1), ("2.01", 2), ("2.01", 2)]
    assert "activity_id_duplicate" in plan.activities[3].flags
    assert "activity_id_out_of_order" not in plan.activities[1].flags


def test_a_commitment_row_numbering_its_milestones_glued_its_title_onto_the_last_milestone_above():
    """A commitment printed as a numbered row of the grid ("1" and its title, no other cell) over its
    milestones "1.1", "1.2" is their section's heading, its number bare; its title went on the title of the
    previous commitment's last milestone, and the section had no title."""
    _, plan = read(
        "No.\tActivity\tDeliverable\tLead agency\tDeadline",
        "1\tOpen budget data\t\t\t",
        "1.1\tPublishing budget data\tData published\tMinistry of Finance\t2025",
        "1.2\tOpening the contracts register\tRegister open\tMinistry of Economy\t2026",
        "2\tCitizen participation in lawmaking\t\t\t",
        "2.1\tHolding public hearings\tHearings held\tMinistry of Justice\t2027",
    )
    assert [(a.activity_id, a.section_no, a.section_title, a.title) for a in plan.activities] == [
        ("1.1", 1, "Open budget data", "Publishing budget data"),
        ("1.2", 1, "Open budget data", "Opening the contracts register"),
        ("2.1", 2, "Citizen participation in lawmaking", "Holding public hearings")]


def test_activities_numbered_with_their_section_in_roman_numerals_were_not_read():
    """Ids print their section's Roman numeral ("I.1", "I.2.", "II.1") under headings "I. ...", "II. ...":
    they are activities, kept as printed without the trailing dot, and their section is the numeral's value,
    the number the heading prints."""
    _, plan = read(
        "No.\tKey activity\tResponsible agency\tTimeframe",
        "\tI. Fiscal Openness\t\t",
        "I.1\tPublishing budget data\tMinistry of Finance\t2025",
        "I.2.\tOpening the contracts register\tMinistry of Economy\t2026",
        "\tII. Citizen Participation\t\t",
        "II.1\tHolding public hearings on draft laws\tMinistry of Justice\t2027",
    )
    assert [(a.activity_id, a.section_no, a.section_title, a.title, a.flags) for a in plan.activities] == [
        ("I.1", 1, "Fiscal Openness", "Publishing budget data", ()),
        ("I.2", 1, "Fiscal Openness", "Opening the contracts register", ()),
        ("II.1", 2, "Citizen Participation", "Holding public hearings on draft laws", ())]


def test_roman_looking_words_in_prose_are_no_activity_numbers():
    """Prose before the table whose first cells are words that look like Roman numerals ("I", "V", "C", "L",
    "MIX") stays outside the table: only a numeral before a level in digits ("I.1") numbers an activity."""
    document, plan = read(
        "I\tThe consultations ran\tfrom March to May",
        "V\tSubmissions were received\tby post",
        "C\tA summary of them\tis published",
        "L\tThe list of bodies\tis annexed",
        "MIX\tof measures agreed\twith civil society",
        "No.\tKey activity\tResponsible agency\tTimeframe",
        "\tI. Fiscal Openness\t\t",
        "I.1\tPublishing budget data\tMinistry of Finance\t2025",
        "I.2\tOpening the contracts register\tMinistry of Economy\t2026",
    )
    assert [line for line, _ in document.outside] == [3, 4, 5, 6, 7]
    assert [a.activity_id for a in plan.activities] == ["I.1", "I.2"]


@pytest.mark.parametrize("bracket", [")", "."])
def test_plain_numbers_closed_by_a_bracket_are_activities(bracket):
    """"1)", "2)" number activities as "1.", "2." do; the id keeps the number only."""
    _, plan = read(
        "No.\tActivity\tResponsible agencies\tDeadline",
        "\tI. Organisational measures\t\t",
        f"1{bracket}\tDrafting the plan of measures\tMinistry of Justice\t2022",
        f"2{bracket}\tMonitoring the plan\tMinistry of Finance\t2023",
        "\tII. Transparency of public finance\t\t",
        f"3{bracket}\tPublishing the reports\tMinistry of Finance\t2024",
    )
    assert [(a.activity_id, a.section_no, a.section_title) for a in plan.activities] == [
        ("1", 1, "Organisational measures"), ("2", 1, "Organisational measures"),
        ("3", 2, "Transparency of public finance")]


def test_three_level_numbering():
    _, plan = read(
        "No.\tMeasures\tExecuting bodies\tExecution period",
        "1.1.1.\tPublishing budget data\tMinistry of Finance\t2024",
        "1.1.2\tOpening court decisions\tMinistry of Justice\t2025",
        "1.2.1\tTraining officials\tMinistry of Justice\t2026",
    )
    assert [(a.activity_id, a.section_no) for a in plan.activities] == [("1.1.1", 1), ("1.1.2", 1), ("1.2.1", 1)]
    assert "activity_id_out_of_order" not in plan.activities[2].flags


@pytest.mark.parametrize("period, start, end, flag", [
    ("permanently", None, None, "period_without_year"),
    ("during 2024-2025", 2024, 2025, None),
    ("2025 (II quarter)", 2025, 2025, None),
    ("Q1 2024", 2024, 2024, None),
    ("2024-2026 (annually)", 2024, 2026, None),
    ("March 2014", 2014, 2014, None),
])
def test_periods_in_words_stay_with_their_activity(period, start, end, flag):
    _, plan = read(
        "No.\tMeasures\tExecuting bodies\tExecution period",
        f"1.1.\tPublishing budget data\tMinistry of Finance\t{period}",
        "1.2.\tOpening court decisions\tMinistry of Justice\t2024",
    )
    first, second = plan.activities
    assert (first.period.text, first.period.start_year, first.period.end_year) == (period, start, end)
    assert (flag in first.flags) if flag else not any(f.startswith("period_") for f in first.flags)
    assert second.period.text == "2024"


def test_header_letters_spaced_apart_twice_are_still_the_header():
    document, plan = read(
        "N o.\tMea sures\tExec uting bod ies\tExec ution peri od",
        "1.1.\tPublishing budget data\tMinistry of Finance\t2024",
    )
    assert [c.meaning for c in document.columns] == ["number", "title", "agencies", "period"]
    assert plan.activities[0].title == "Publishing budget data"


def test_the_output_holds_extra_fields_and_the_report_each_tables_profile(run_cli, tmp_path):
    plan = tmp_path / "budget-plan.txt"
    plan.write_text("\n".join([
        "National Action Plan 2024-2026", "",
        "No.\tMeasures\tExecuting bodies\tBudget\tExecution period",
        "1.1.\tPublishing budget data\tMinistry of Finance\tState budget\t2024",
        "1.2.\tTraining officials\tMinistry of Justice\t\t2025",
    ]) + "\n", encoding="utf-8")
    assert run_cli("run", plan, "-o", tmp_path / "out").exit_code == 0
    fields = (tmp_path / "out" / "activity_fields.csv").read_text(encoding="utf-8")
    assert fields == "plan_id,activity_key,field,value\nbudget-plan,budget-plan:1.1,Budget,State budget\n"
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    cells = '<td data-label="header as printed">{}</td><td data-label="read as">{}</td><td data-label="how">{}</td>'
    assert cells.format("Budget", "extra field (activity_fields)", "by its header") in report
    assert cells.format("Executing bodies", "agencies", "by its header") in report


@pytest.mark.parametrize("number, parts", [("1.1000", (1, 1000)), ("1.1000.", (1, 1000)), ("12.123456789", (12, 123456789)),
                                           ("1000.1", (1000, 1)), ("2.10.3", (2, 10, 3)), ("1000", None),
                                           ("2020", None), ("1.1234567890", None), ("7)", (7,)), ("1.2)", (1, 2)),
                                           ("(7)", None), ("7.)", None)])
def test_activity_numbers_of_any_width(number, parts):
    from extract.vocabulary import activity_number_parts

    assert activity_number_parts(number) == parts


@pytest.mark.parametrize("number, parts, printed", [
    ("I.1", (1, 1), "I.1"), ("I.1.", (1, 1), "I.1"), ("II . 3)", (2, 3), "II.3"), ("XIV.2.1", (14, 2, 1), "XIV.2.1"),
    ("Activity IV.2", (4, 2), "IV.2"), ("1)", (1,), "1"), ("3 .4", (3, 4), "3.4"), ("1.10.", (1, 10), "1.10")])
def test_activity_numbers_whose_section_prints_in_roman_numerals_were_not_read(number, parts, printed):
    """A Roman numeral numbers an activity as its first level, before a level in digits: its value is the
    section, the id keeps it as printed (without spaces or the closing dot or bracket)."""
    from extract.vocabulary import activity_id, activity_number_parts

    assert (activity_number_parts(number), activity_id(number)) == (parts, printed)


@pytest.mark.parametrize("text", ["I", "V", "C", "L", "MIX", "I.", "II.", "II)", "MIX.1", "IIII.1", "VX.2", "i.1",
                                  "I.V", "1.I", "Activity V"])
def test_roman_looking_words_are_no_activity_numbers(text):
    """A word that looks like a Roman numeral alone, or a numeral `roman` never writes, numbers nothing."""
    from extract.vocabulary import activity_id, activity_number_parts

    assert (activity_number_parts(text), activity_id(text)) == (None, None)


def test_wide_numbers_are_activities_of_their_own():
    _document, plan = read(
        "No.\tActivity\tDeadline\tResponsible agencies",
        "1.999.\tPublishing budget data\t2024\tImplementers: Ministry of Finance",
        "1.1000.\tOpening court decisions\t2025\tImplementers: Ministry of Justice",
        "1.1001.\tTraining officials\t2026\tImplementers: Ministry of Justice",
    )
    assert [(a.activity_id, a.title, a.flags) for a in plan.activities] == [
        ("1.999", "Publishing budget data", ("section_title_missing",)),
        ("1.1000", "Opening court decisions", ("section_title_missing",)),
        ("1.1001", "Training officials", ("section_title_missing",))]


@pytest.mark.parametrize("labels, meanings", [
    (("No.", "Activity description", "Deliverables", "Responsible for implementation", "Implementation timeline"),
     ["number", "title", "indicator", "agencies", "period"]),
    (("№ п/п", "Содержание мероприятия", "Форма завершения", "Ответственные за исполнение", "Сроки проведения"),
     ["number", "title", "indicator", "agencies", "period"]),
    (("Ref", "Key activities", "Measure of success", "Lead institution", "Target date"),
     ["number", "title", "indicator", "agencies", "period"]),
    (("No", "Komitmen / Rencana Aksi", "Ukuran Keberhasilan", "Instansi Penanggung Jawab", "Waktu Pelaksanaan"),
     ["number", "title", "indicator", "agencies", "period"]),
])
def test_header_words_of_other_plans_name_their_columns(labels, meanings):
    document, plan = read(
        "\t".join(labels),
        "1.1.\tPublishing budget data\tData published\tMinistry of Finance\t2024",
        "1.2.\tOpening court decisions\tDecisions published\tMinistry of Justice\t2025",
    )
    assert [c.meaning for c in document.columns] == meanings
    assert [(a.title, a.indicator, a.names("implementer")) for a in plan.activities] == [
        ("Publishing budget data", "Data published", ("Ministry of Finance",)),
        ("Opening court decisions", "Decisions published", ("Ministry of Justice",))]



@pytest.mark.parametrize("partners", ["Sociedad civil", "Collaborating", "Pihak Terlibat", "Société civile"])
def test_a_column_of_civil_society_or_collaborating_bodies_is_the_partners_column(partners):
    """A column headed by the civil society or the collaborating bodies names partners, not the indicator
    (before, such a header was unknown and the column of names beside the agencies was taken for one)."""
    document, plan = read(
        f"No.\tActivity\tResponsible agency\t{partners}\tTimeframe",
        "1.1.\tPublishing budget data\tMinistry of Finance\tTransparency International\t2024",
        "1.2.\tOpening court decisions\tMinistry of Justice\tOpen Data Institute\t2025",
    )
    assert [c.meaning for c in document.columns] == ["number", "title", "agencies", "partners", "period"]
    assert [(a.names("implementer"), a.names("partner"), a.indicator) for a in plan.activities] == [
        (("Ministry of Finance",), ("Transparency International",), ""),
        (("Ministry of Justice",), ("Open Data Institute",), "")]


def test_a_short_heading_centred_past_the_title_column_is_found_where_it_was_glued():
    """A short heading row ("2. Open data") centred across the table lies in the indicator and status
    columns; the extraction glued it after the indicator of the row above. It is the section's heading,
    and the indicator keeps only its own words. A list numbered inside a cell is not a heading."""
    _, plan = read(
        "No.\tActivity\tIndicator\tStatus\tResponsible agency\tTimeframe",
        "1.1.\tPublishing budget data\t1. Report published 2. Data opened\tOngoing\tMinistry of Finance\t2025",
        "1.2.\tOpening court decisions\tDecisions published 2. Open da\tCompleted ta\tMinistry of Justice\t2025",
        "2.1.\tTraining officials\tOfficials trained\tOngoing\tCivil Service Commission\t2026",
    )
    assert [(a.section_no, a.section_title, a.indicator) for a in plan.activities] == [
        (1, "", "1. Report published 2. Data opened"), (1, "", "Decisions published"),
        (2, "Open data", "Officials trained")]
    assert plan.activities[1].fields == (("Status", "Completed"),)


def test_a_header_label_longer_than_the_vocabularys_is_the_header_on_every_page():
    """"Responsible and partner organisations" starts with a label of the vocabulary ("Responsible"); printed
    whole on each page, all of it is the header, not the text of a heading or a cell glued to it."""
    header = "No.\tActivity\tResponsible and partner organisations\tPeriod"
    _, plan = read(
        header,
        "1.1.\tPublishing budget data\tResponsible: Ministry of Finance Partners: Open Data Centre\t2024",
        "",
        header,
        "1.2.\tOpening court decisions\tResponsible: Ministry of Justice\t2025",
    )
    assert [roles(a) for a in plan.activities] == [
        {"implementer": ["Ministry of Finance"], "partner": ["Open Data Centre"]},
        {"implementer": ["Ministry of Justice"]}]


def test_bodies_a_narrow_column_wrapped_one_per_line_are_parted_by_the_names_the_plan_prints_alone():
    """No comma and no room at a line's end part "Treasury | Australian Taxation Office"; the plan prints
    "Treasury" alone in another row, and then "Australian Taxation Office", cut off so, parts a third."""
    _, plan = read(
        "No.\tActivity\tLead agency\tTimeline",
        "1.\tPublishing budget data\tTreasury\t2024",
        "2.\tOpening tax statistics\tTreasury Australian Taxation Office\t2025",
        "3.\tReviewing tax transparency\tAustralian Taxation Office Department of the Prime Minister and Cabinet\t2026",
    )
    assert [a.names("implementer") for a in plan.activities] == [
        ("Treasury",), ("Treasury", "Australian Taxation Office"),
        ("Australian Taxation Office", "Department of the Prime Minister and Cabinet")]


def test_ukrainian_header_words_role_labels_and_periods():
    """Ukrainian is in the vocabularies (data): header words, role labels, period words; a qualifier the list
    shares with the next name ("обласні, Київська міська державні адміністрації") stays with it."""
    document, plan = read(
        "№ з/п\tНайменування заходу\tІндикатор виконання\tВідповідальні виконавці\tСтрок виконання",
        "1.1.\tОприлюднення бюджетних даних\tДані оприлюднено\tМіністерство фінансів, обласні, Київська міська "
        "державні адміністрації\tII квартал 2025 року",
        "1.2.\tНавчання посадовців\tПроведено навчання\tВиконавці: Міністерство юстиції Співвиконавці: "
        "Національне агентство з питань запобігання корупції\tщороку",
        title="План заходів на 2025-2026 роки",
    )
    assert [c.meaning for c in document.columns] == ["number", "title", "indicator", "agencies", "period"]
    first, second = plan.activities
    assert roles(first) == {"implementer": ["Міністерство фінансів",
                                            "обласні, Київська міська державні адміністрації"]}
    assert (first.period.start_year, first.period.end_year) == (2025, 2025)
    assert roles(second) == {"implementer": ["Міністерство юстиції"],
                             "partner": ["Національне агентство з питань запобігання корупції"]}
    assert (second.period.text, second.period.start_year, second.period.flag) == ("щороку", None, "period_without_year")


def test_a_heading_that_parts_its_number_from_its_title_by_a_dash_keeps_only_the_title():
    """"Pillar 1 – Prevention": a label, the number, a dash; the section's title is "Prevention"."""
    _, plan = read(
        "No.\tActivity\tResponsible agencies\tDeadline",
        "\tPillar 1 – Prevention\t\t",
        "1.1.\tPublishing budget data\tMinistry of Finance\t2024",
        "\tPillar 2 – Education and awareness\t\t",
        "2.1.\tTraining officials\tMinistry of Justice\t2026",
    )
    assert [(a.section_no, a.section_title) for a in plan.activities] == [
        (1, "Prevention"), (2, "Education and awareness")]


def test_a_label_made_of_two_labels_of_one_meaning_is_one_label():
    document, plan = read(
        "No.\tActivity\tResponsible executors\tCompletion date",
        "1.1.\tPublishing budget data\tMinistry of Finance\t2024",
    )
    assert [c.header for c in document.columns] == ["No.", "Activity", "Responsible executors", "Completion date"]
    assert plan.activities[0].names("implementer") == ("Ministry of Finance",)


def test_a_short_heading_atop_a_row_past_the_title_column_keeps_to_its_own_column():
    """"II. Open data", centred on the table, lies in the indicator column of the row under it; with no cut
    word to carry it on, the next column's text ("Ministry of Justice") is the row's, not the heading's."""
    _, plan = read(
        "No.\tActivity\tIndicator\tResponsible agencies\tDeadline",
        "\t\tI. Open budget\t\t",
        "1.1.\tPublishing budget data\tData published\tMinistry of Finance\t2024",
        "2.1.\tTraining officials\tII. Open data\tMinistry of Justice\t2026",
    )
    assert [(a.section_no, a.section_title, a.names("implementer")) for a in plan.activities] == [
        (1, "Open budget", ("Ministry of Finance",)), (2, "Open data", ("Ministry of Justice",))]


def test_a_heading_atop_a_row_in_the_title_column_does_not_take_the_capitalised_cell_beside_it():
    """"2. Open data" opens the title cell of the row under it; the agencies cell beside it opens on a
    capital: the row's own text, not the heading going on past the column edge."""
    _, plan = read(
        "No.\tActivity\tResponsible agencies\tDeadline",
        "\t1. Open budget\t\t",
        "1.1.\tPublishing budget data\tMinistry of Finance\t2024",
        "2.1.\t2. Open data Training officials\tMinistry of Justice\t2026",
    )
    assert [(a.section_title, a.title, a.names("implementer")) for a in plan.activities] == [
        ("Open budget", "Publishing budget data", ("Ministry of Finance",)),
        ("Open data", "Training officials", ("Ministry of Justice",))]


def test_a_name_holding_a_comma_parted_where_a_line_ended_after_it_is_whole_where_the_plan_prints_it_so():
    """"Innovation, Science and Economic Development Canada" is printed whole in one row; in another a line
    ended after its comma, which parts items: the name the plan prints whole elsewhere joins them again."""
    _, plan = read(
        "No.\tActivity\tLead\tTimeline",
        "1.\tPublishing budget data\tTreasury Board of Canada Secretariat Innovation, Science and Economic "
        "Development Canada\t2024",
        "2.\tOpening tax statistics\tInnovation,\t2025",
        "\t\tScience and Economic Development Canada\t",
        "3.\tReviewing the plan\tTreasury Board of Canada Secretariat\t2026",
    )
    assert [a.names("implementer") for a in plan.activities] == [
        ("Treasury Board of Canada Secretariat", "Innovation, Science and Economic Development Canada"),
        ("Innovation, Science and Economic Development Canada",), ("Treasury Board of Canada Secretariat",)]


def test_a_heading_wrapped_over_two_lines_is_read_line_after_line_not_column_after_column():
    """A long heading wraps inside its row: the extractor joins, in each column, the piece of its first line
    and then the piece of its second, so the cells interleave the lines ("... of the publ and of their
    subsidia" | "ic procurement of state ries through the por"). The edges cut words of both lines, crossed;
    the title is the first line's pieces, then the second's, and no piece is left to the rows around it."""
    _, plan = read(
        "No.\tActivity\tIndicator\tResponsible agencies\tDeadline",
        "1.1.\tOpening the budget data of public companies\tData published\tMinistry of Finance\t2024",
        "II. O\tpening the data of the budget process and of the publ and of their subsidia"
        "\tic procurement of state ries through the por\t-owned compan tal\ties",
        "2.1.\tPublishing the contracts of subsidiaries on the portal\tContracts published\tMinistry of Economy"
        "\t2025",
        "2.2.\tTraining state-owned companies\tOfficials trained\tMinistry of Justice\t2026",
    )
    assert [(a.section_no, a.section_title) for a in plan.activities][1:] == [
        (2, "Opening the data of the budget process and of the public procurement of state-owned companies "
            "and of their subsidiaries through the portal")] * 2
    assert [(a.title, a.indicator, a.names("implementer")) for a in plan.activities] == [
        ("Opening the budget data of public companies", "Data published", ("Ministry of Finance",)),
        ("Publishing the contracts of subsidiaries on the portal", "Contracts published", ("Ministry of Economy",)),
        ("Training state-owned companies", "Officials trained", ("Ministry of Justice",))]


def test_a_heading_atop_a_row_ends_at_the_first_of_equally_sure_cuts_leaving_the_row_its_title():
    """"3. Accountabili" | "ty" opens the title cell of the row under it; "Accountabili" + "ty" and the
    title's last word + "ty" rejoin equally surely (neither word is printed elsewhere). The heading opens its
    fragment and the row's text follows it: the heading ends at the first cut, the row keeps its title."""
    _, plan = read(
        "No.\tActivity\tIndicator\tResponsible agencies\tDeadline",
        "\t1. Open budget\t\t\t",
        "1.1.\tPublishing budget data\tData published\tMinistry of Finance\t2024",
        "2.1.\t2. Accountabili Organizing open days for young professionals\tty\tMinistry of Justice\t2025",
        "2.2.\tTraining officials\tOfficials trained\tMinistry of Justice\t2026",
    )
    assert [(a.section_title, a.title, a.indicator) for a in plan.activities] == [
        ("Open budget", "Publishing budget data", "Data published"),
        ("Accountability", "Organizing open days for young professionals", ""),
        ("Accountability", "Training officials", "Officials trained")]


@pytest.mark.parametrize("label, rest", [("Sectio", "n "), ("Section", "n "), ("Section", "")])
def test_a_heading_whose_label_a_column_edge_parted_from_its_number_is_a_heading(label, rest):
    """"Section N: Title" headings of a plainly numbered plan, cut by the column edge inside their label
    ("Sectio" | "n 3: Public procurement") or right after it ("Section" | "2: Access to information"), glued
    after a row's text or atop a row: each opens its section, and no piece of it stays in a cell."""
    _, plan = read(
        "No\tActivity\tIndicator\tResponsible bodies\tPeriod",
        "\tSec\ttion 1: Open budget\t\t",
        "1.\tPublishing budget data\tData published\tMinistry of Finance\t2024",
        f"2.\tOpening court decisions {label}\tDecisions published {rest}2: Access to information"
        "\tMinistry of Justice\t2025",
        "3.\tTraining officials\tOfficials trained\tMinistry of Justice\t2026",
        f"4.\t{label} Publishing the registers\t{rest}3: Public procurement Registers published"
        "\tMinistry of Economy\t2026",
        "5.\tOpening the contracts\tContracts published\tMinistry of Finance\t2026",
    )
    assert [(a.section_no, a.section_title, a.title, a.indicator) for a in plan.activities] == [
        (1, "Open budget", "Publishing budget data", "Data published"),
        (1, "Open budget", "Opening court decisions", "Decisions published"),
        (2, "Access to information", "Training officials", "Officials trained"),
        (3, "Public procurement", "Publishing the registers", "Registers published"),
        (3, "Public procurement", "Opening the contracts", "Contracts published")]


def test_a_heading_atop_a_row_that_ends_in_a_column_does_not_fill_it_to_its_width():
    """"II. Publ" | "ic participation", atop a row whose indicator follows in the same column: the column is
    as wide as a heading crossing it edge to edge shows, but the heading ends there (the next column opens
    on a capital, the row's own text), so it ends where the row's text can begin, not at the width."""
    _, plan = read(
        "No.\tActivity\tIndicator\tResponsible agencies\tDeadline",
        "\tI. Opening the data of the budget pro\tcess and of the public procurement of st\tate companies\t",
        "1.1.\tPublishing budget data\tData published\tMinistry of Finance\t2024",
        "2.1.\tII. Publ Training officials\tic participation Officials trained\tMinistry of Justice\t2026",
    )
    assert [(a.section_title, a.title, a.indicator) for a in plan.activities] == [
        ("Opening the data of the budget process and of the public procurement of state companies",
         "Publishing budget data", "Data published"),
        ("Public participation", "Training officials", "Officials trained")]


def test_a_heading_label_alone_in_the_number_column_heads_a_title_running_on_across_the_columns():
    """"Direction" | "1. Improving" | "legislation": the label, parted from its number by the number column's
    edge, is the heading's; its title runs on past the next edge as any heading's does."""
    _, plan = read(
        "No.\tActivity\tIndicator\tResponsible agencies\tDeadline",
        "Direction\t1. Improving\tlegislation\t\t",
        "1.1\tPublishing budget data\tData published\tMinistry of Finance\t2024",
        "Direction\t2. Opening\tcourts\t\t",
        "2.1\tTraining officials\tOfficials trained\tMinistry of Justice\t2026",
    )
    assert [(a.section_no, a.section_title, a.title) for a in plan.activities] == [
        (1, "Improving legislation", "Publishing budget data"), (2, "Opening courts", "Training officials")]


def test_activity_numbers_opening_the_activity_cells_with_no_number_column():
    """No column prints the activity numbers: each opens its activity's cell, the text form's lines slicing
    the cells ("1.1.1. Publishing the quarterly" over "reports ..."). They are the activities' numbers, split
    off from the titles, and the table's profile says the numbers opening the title cells decided its number
    column (the run failed: no activity numbers found)."""
    document, plan = read(
        "Action\tResponsible body\tTimeframe\tIndicator\tBudget (GEL)",
        "Priority 1. Open public finances\t\t\t\t",
        "1.1.1. Publishing the quarterly reports\tMinistry of Finance\t2025\tReports published\t12,500",
        "on the execution of the state budget\t\t\t\t",
        "1.1.2. Opening the register of contracts\tMinistry of Economy\tI quarter 2026\tRegister opened\tNot required",
        "1.2.1. Training the officials of the\tMinistry of Justice\t2025-2026\tOfficials trained\t45,000",
        "ministries on conflicts of interest\t\t\t\t",
        "Priority 2. Open courts\t\t\t\t",
        "2.1.1. Publishing the decisions of the courts\tMinistry of Justice\t2026\tDatabase opened\t320,000",
    )
    assert [(c.meaning, c.decided_by) for c in document.tables[0].columns][:2] == [
        ("number", "numbers opening the title cells"), ("title", "label")]
    assert [(a.activity_id, a.section_no, a.section_title, a.title) for a in plan.activities] == [
        ("1.1.1", 1, "Open public finances", "Publishing the quarterly reports on the execution of the state budget"),
        ("1.1.2", 1, "Open public finances", "Opening the register of contracts"),
        ("1.2.1", 1, "Open public finances", "Training the officials of the ministries on conflicts of interest"),
        ("2.1.1", 2, "Open courts", "Publishing the decisions of the courts")]
    assert [a.period.text for a in plan.activities] == ["2025", "I quarter 2026", "2025-2026", "2026"]


def test_a_heading_atop_a_row_past_the_title_column_ends_where_the_documents_centring_puts_its_end():
    """"Specific objective 2: Digital public services" opens the agencies cell of the row under it (a label of
    the vocabulary opening the fragment) and goes on through a cut word into the partners column, whose own
    text is in lower case too. The document centres its headings: measured on the first heading from the
    title column's edge, and carried to the next edge by the width the first heading filled, it ends the
    heading at "services"; the partners keep "civil society organisations"."""
    _, plan = read(
        "No.\tAction\tResponsible institution\tPartners\tDeadline",
        "\tSpecific obje\tective 1: Transparent and accou\tntable decision-making\t",
        "1.1\tPublish budget data\tMinistry of Finance\tUNDP Moldova\t2025",
        "2.1\tPublish a register of subsidies\tSpecific objective 2: Digital pub National Bureau of Statistics"
        "\tlic services civil society organisations\tDecember 2025",
        "2.2\tOpen court decisions\tMinistry of Justice\tcivil society organisations\t2026",
    )
    assert [(a.section_title, a.names("implementer")) for a in plan.activities] == [
        ("Transparent and accountable decision-making", ("Ministry of Finance",)),
        ("Digital public services", ("National Bureau of Statistics",)),
        ("Digital public services", ("Ministry of Justice",))]
    assert plan.activities[1].names("partner") == ("civil society organisations",)


def test_a_heading_atop_a_row_in_the_title_column_ends_in_the_next_column_where_its_centring_puts_its_end():
    """"4. Accountabil" | "ity of state bodies" opens the row's cells, and the agencies cell goes on with the
    row's own words in lower case ("central state bodies"): the length the document's centring of its other
    heading predicts ends the heading at "bodies"."""
    _, plan = read(
        "No.\tActivity\tResponsible agencies\tDeadline",
        "\t3. Public fina\tances and budgets\t",
        "3.1.\tPublishing budget data\tMinistry of Finance\t2024",
        "4.1.\t4. Accountabil Training officials\tity of state bodies central state bodies Implementers: "
        "Ministry of Justice\t2026",
    )
    assert [a.section_title for a in plan.activities] == ["Public finances and budgets",
                                                          "Accountability of state bodies"]


def test_a_heading_glued_after_a_cell_past_the_title_column_is_not_carried_on_by_a_centring_measured_elsewhere():
    """"IV. Open justice" follows the indicator of the row it is glued to and fits its column; the document's
    other headings cross the title column's edge, and with no width measured for the columns between, their
    centring says nothing of this one's: the next column's name is the row's agency."""
    _, plan = read(
        "No.\tActivity\tIndicator\tResponsible agencies\tDeadline",
        "\tI. Open bu\tudget process\t\t",
        "1.1.\tPublishing budget data\tData published\tMinistry of Finance\t2024",
        "\tIII. Open co\tourt decisions\t\t",
        "3.1.\tTraining officials\tPlatform launched IV. Open justice\tStatistics Committee\t2026",
        "4.1.\tOpening court decisions\tDecisions published\tMinistry of Justice\t2026",
    )
    assert [(a.section_title, a.names("implementer")) for a in plan.activities] == [
        ("Open budget process", ("Ministry of Finance",)), ("Open court decisions", ("Statistics Committee",)),
        ("Open justice", ("Ministry of Justice",))]


def test_a_labelled_heading_whose_first_letter_the_title_columns_edge_printed_twice_starts_there():
    """"Specific objective 2: ..." opens the agencies cell; the edge printed its first letter at the end of
    the title column too, before the row's title ("S Prepare ..."): the letter is the heading's."""
    _, plan = read(
        "No.\tAction\tResponsible institution\tDeadline",
        "\tSpecific obje\tective 1: Public finances and open budget data\t",
        "1.1\tPublish budget data\tMinistry of Finance\t2025",
        "2.1\tS Prepare annual reports\tSpecific objective 2: Open courts Ministry of Justice\t2026",
    )
    assert [(a.section_title, a.title) for a in plan.activities] == [
        ("Public finances and open budget data", "Publish budget data"), ("Open courts", "Prepare annual reports")]


# ------------------------------------------------------------------ columns named by content, labels unknown

#: Agencies named in sentence case (no capitals past each name's first word), and a second column of
#: bodies: only the words for bodies tell them from prose.
SENTENCE_CASE_ROWS = [
    ("1.1.", "Sprovođenje istraživanja o poverenju građana u javnu upravu",
     "Republički zavod za statistiku, jedinice lokalne samouprave",
     "Beogradski centar za bezbednosnu politiku, organizacije civilnog društva", "2025–2027.",
     "Izveštaj o istraživanju objavljen na portalu"),
    ("1.2.", "Uvođenje elektronskog podnošenja zahteva za pristup informacijama",
     "Služba za upravljanje kadrovima, Ministarstvo finansija",
     "Stalna konferencija gradova i opština, organizacije civilnog društva", "2026.",
     "Sistem za podnošenje zahteva uspostavljen i dostupan"),
    ("1.3.", "Objavljivanje zarada članova nadzornih odbora javnih preduzeća",
     "Kancelarija za saradnju sa civilnim društvom, Agencija za sprečavanje korupcije",
     "Centar za istraživačko novinarstvo, jedinice lokalne samouprave", "2025.",
     "Registar zarada dostupan kao otvoreni podaci"),
]


def test_nonsense_header_words_name_a_column_of_bodies_in_sentence_case_the_agencies_never_the_indicator():
    """No label is known and the names open in a capital only: the column whose items name bodies (the
    words for bodies, any case) is the agencies; a second such column is no prose, so the indicator is the
    column of results, not a list of bodies; the second column of bodies lists their partners."""
    document, plan = read("Xq\tBlorp wibble\tZarg fnord\tQuux plonk\tFrob\tGlarp",
                          *("\t".join(row) for row in SENTENCE_CASE_ROWS))
    assert [(c.meaning, c.decided_by) for c in document.columns] == [
        ("number", "content"), ("title", "content"), ("agencies", "content"), ("partners", "content"),
        ("period", "content"), ("indicator", "content")]
    assert [(a.title, a.indicator, a.names("implementer"), a.names("partner")) for a in plan.activities] == [
        (title, indicator, tuple(names.split(", ")), tuple(partners.split(", ")))
        for _, title, names, partners, _, indicator in SENTENCE_CASE_ROWS]


#: A plan in Kazakh: names close on the word for their kind ("... министрлігі"), the results are short
#: phrases each opening in a capital, the title is the widest prose but the agencies are wider still.
HEAD_FINAL_ROWS = [
    ("1.", "Квазимемлекеттік сектор субъектілерінің қаржылық есептілігін жариялауды қамтамасыз ету",
     "Заң жобасы", "Қазақстан Республикасы Қаржы министрлігі, Жоғары аудиторлық палата (келісім бойынша), "
     "Қазақстан Республикасы Мемлекеттік қызмет істері агенттігі, облыстардың әкімдіктері", "2025 жылғы IV тоқсан"),
    ("2.", "Құрылыс саласындағы рұқсат беру рәсімдерін толық цифрландыру", "Ұлттық баяндама",
     "Қазақстан Республикасы Әділет министрлігі, Қазақстан Республикасы Ғылым және жоғары білім министрлігі, "
     "Қазақстан Республикасы Ұлттық экономика министрлігі", "жыл сайын"),
    ("3.", "Мемлекеттік органдардың ішкі бақылау бөлімшелерінің жұмысын бағалау әдістемесін әзірлеу",
     "Жария есеп", "Қазақстан Республикасы Мемлекеттік қызмет істері агенттігі, "
     "Қазақстан Республикасы Қаржы министрлігі, «Самұрық-Қазына» ұлттық әл-ауқат қоры", "2026 жылғы желтоқсан"),
]


def test_nonsense_header_words_never_take_short_capitalised_phrases_for_agencies_nor_the_agencies_for_the_title():
    """The column of short results ("Заң жобасы") opens each phrase in a capital, the column of names is the
    widest: the names are known by the words for bodies, the title is the widest prose left, and the short
    results are no prose (an extra field)."""
    document, plan = read("Xq\tBlorp wibble\tZarg\tQuux plonk\tFrob",
                          *("\t".join(row) for row in HEAD_FINAL_ROWS))
    assert [(c.meaning, c.decided_by) for c in document.columns] == [
        ("number", "content"), ("title", "content"), ("extra", "label"), ("agencies", "content"),
        ("period", "content")]
    assert [a.title for a in plan.activities] == [row[1] for row in HEAD_FINAL_ROWS]
    assert plan.activities[1].names("implementer") == (
        "Қазақстан Республикасы Әділет министрлігі", "Қазақстан Республикасы Ғылым және жоғары білім министрлігі",
        "Қазақстан Республикасы Ұлттық экономика министрлігі")


def test_a_short_phrase_opening_in_a_capital_is_not_a_list_of_names():
    from extract.content import NAME_CASE_SHARE, capitalised_share
    assert capitalised_share("National report") < NAME_CASE_SHARE
    assert capitalised_share("Заң жобасы, Жария есеп") < NAME_CASE_SHARE
    assert capitalised_share("Ministry of Justice, State Tax Service, Treasury") == 1.0


# ------------------------------------------------------------------------------------ plans in more languages

LANGUAGE_TABLES = {
    "ro": ("Nr.\tMăsura\tIndicatori de rezultat\tInstituții responsabile\tTermen\tBuget estimat",
           "I.1\tElaborarea unui curriculum de formare\tGhid aprobat și diseminat\tResponsabil: Agenția Națională "
           "de Integritate Se recomandă: Avocatul Poporului Parteneri: Expert Forum\ttrimestrul II 2026\t2.300.000",
           {"implementer": ["Agenția Națională de Integritate"], "recommended": ["Avocatul Poporului"],
            "partner": ["Expert Forum"]}, 2026),
    "sr": ("Br.\tAktivnost\tInstitucija odgovorna za sprovođenje\tPartneri u sprovođenju\tRok za završetak "
           "aktivnosti\tPokazatelj rezultata\tStatus",
           "1.1.\tIzrada metodologije za javne konsultacije\tMinistarstvo finansija\tUNDP Srbija\tII kvartal 2025."
           "\tMetodologija usvojena\tU toku",
           {"implementer": ["Ministarstvo finansija"], "partner": ["UNDP Srbija"]}, 2025),
    "kk": ("Р/с №\tІс-шараның атауы\tАяқталу нысаны\tЖауапты орындаушылар\tОрындау мерзімі",
           "1.\tҚұрылыс саласындағы рұқсат беру рәсімдерін цифрландыру\tЗаң жобасы\tҚазақстан Республикасы Қаржы "
           "министрлігі\t2025 жылғы IV тоқсан",
           {"implementer": ["Қазақстан Республикасы Қаржы министрлігі"]}, 2025),
    "ka": ("№\tღონისძიება\tინდიკატორი\tპასუხისმგებელი უწყება\tპარტნიორები\tშესრულების ვადა",
           "1.1\tსაჯარო ინფორმაციის პროაქტიული გამოქვეყნება\tპორტალი ამოქმედებულია\tიუსტიციის სამინისტრო"
           "\tსაერთაშორისო გამჭვირვალობა\t2025 წლის II კვარტალი",
           {"implementer": ["იუსტიციის სამინისტრო"], "partner": ["საერთაშორისო გამჭვირვალობა"]}, 2025),
    "es": ("N.º\tActividad\tIndicador\tInstitución responsable\tSocios\tPlazo",
           "1.1\tPublicar los datos del presupuesto en formato abierto\tPortal publicado\tMinisterio de Hacienda\t"
           "Fundación Ciudadanía\tdiciembre de 2025",
           {"implementer": ["Ministerio de Hacienda"], "partner": ["Fundación Ciudadanía"]}, 2025),
    "fr": ("N°\tActivité\tIndicateurs\tResponsable\tPartenaires\tÉchéance",
           "1.1\tPublier les données budgétaires\tPortail en ligne\tMinistère des Finances\tSociété civile\t"
           "2e trimestre 2026",
           {"implementer": ["Ministère des Finances"], "partner": ["Société civile"]}, 2026),
    "ru": ("№\tСодержание мероприятия\tПериод реализации\tОтветственные исполнители\tОжидаемые результаты",
           "1.1.\tРазработка механизма защиты заявителей\t2025 г.\tМинистерство образования Туркменистана, "
           "хякимлики велаятов При участии: Национальный центр профсоюзов\tОтчеты опубликованы",
           {"implementer": ["Министерство образования Туркменистана", "хякимлики велаятов"],
            "partner": ["Национальный центр профсоюзов"]}, 2025),
}


@pytest.mark.parametrize("language", sorted(LANGUAGE_TABLES))
def test_a_plan_is_read_by_its_header_and_role_labels_in_its_own_language(language):
    header, row, named, year = LANGUAGE_TABLES[language]
    document, plan = read(header, row)
    assert all(column.decided_by == "label" for column in document.columns)
    assert {"number", "title", "indicator", "agencies", "period"} <= {c.meaning for c in document.columns}
    activity = plan.activities[0]
    assert roles(activity) == named
    assert activity.period.start_year == year and activity.indicator


def test_a_name_saying_what_its_body_is_for_in_the_genitive_keeps_its_series_across_commas():
    """Romanian names a ministry's remit in the genitive at once after its kind, with no "of": the comma of
    its series is no list separator."""
    from normalize.agency_lists import split_agency_list
    assert split_agency_list("ANI, Ministerul Dezvoltării, Lucrărilor Publice și Administrației", REGISTRY) == [
        "ANI", "Ministerul Dezvoltării, Lucrărilor Publice și Administrației"]
    assert split_agency_list("Ministry of Finance, Treasury and Tax Service", REGISTRY) == [
        "Ministry of Finance", "Treasury and Tax Service"]


@pytest.mark.parametrize(("text", "form"), [
    ("trimestrul II 2026", "quarter"), ("iunie 2026", "month"), ("2025 жылғы IV тоқсан", "quarter"),
    ("2026 жылғы желтоқсан", "month"), ("II kvartal 2025.", "quarter"), ("jun 2026.", "month"),
    ("diciembre de 2025", "month"), ("2e trimestre 2026", "quarter"), ("2025 წლის II კვარტალი", "quarter"),
])
def test_period_words_in_more_languages_give_the_cells_form(text, form):
    from normalize.periods import period_form
    assert period_form(text) == form


@pytest.mark.parametrize("text", ["permanent", "anual", "kontinuirano", "тұрақты", "жыл сайын", "permanente",
                                  "en permanence", "მუდმივად", "доимий"])
def test_a_recurring_period_in_more_languages_starts_a_period_cell(text):
    from normalize.periods import looks_like_period_start
    assert looks_like_period_start(text.split()[0])


def test_a_number_sign_written_as_a_degree_sign_heads_the_number_column():
    """French plans write "N°" (a degree sign after the N): it is the label's own mark, not a word going on."""
    from extract.vocabulary import split_header_cell
    assert split_header_cell("N°")[0] == "number"


def test_a_heading_label_cut_inside_its_first_word_atop_a_row_starts_the_heading():
    """"St" | "rategic goal 2. Rebuilding with i" | "ntegrity": the edge cut the label "Strategic goal" of
    `heading_labels.csv` inside its first word, atop the row; the heading starts at its first half, and the
    row keeps its title and indicator."""
    _, plan = read(
        "No.\tMeasure\tPerformance indicator\tResponsible executor\tTerm",
        "\tStrategic goal 1. Open\tbudgets\t\t",
        "1.1\tPublish the budget\tBudget published\tMinistry of Finance\t2025",
        "2.1\tSt Create a register of lobbyists\trategic goal 2. Rebuilding with i Register online"
        "\tntegrity Ministry of Economy\t2026",
        "2.2\tOpen court decisions\tDecisions published\tMinistry of Justice\t2026",
    )
    assert [(a.section_title, a.title, a.indicator) for a in plan.activities][1:] == [
        ("Rebuilding with integrity", "Create a register of lobbyists", "Register online"),
        ("Rebuilding with integrity", "Open court decisions", "Decisions published")]


def test_a_heading_number_printed_twice_at_the_column_edge_after_its_label_stays_out_of_the_title():
    """"Strategic goal 1" | "1. Accountable and transparent p" | "ublic administration": the edge printed the
    number on both sides; the heading is read once, its label and number stripped, and no word of it is
    left for the first activity's title."""
    _, plan = read(
        "No.\tMeasure\tPerformance indicator\tResponsible executor\tTerm",
        "\tStrategic goal 1\t1. Accountable and transparent p\tublic administration\t",
        "1.1\tDevelop a methodology for social audits\tMethodology adopted\tState Treasury\t2026",
        "\tStrategic goal 2. Open\tdata\t\t",
        "2.1\tPublish the registers\tRegisters published\tMinistry of Justice\t2026",
    )
    assert [(a.section_title, a.title) for a in plan.activities][0] == (
        "Accountable and transparent public administration", "Develop a methodology for social audits")


def test_a_heading_with_a_two_word_label_and_a_dash_is_found_glued_after_an_agency_cell():
    """"Priority area 2 – Access t" | "... o information" follows the agencies of the row above its section
    (a label of `heading_labels.csv` of two words, its number parted from the title by a dash)."""
    _, plan = read(
        "No.\tActivity\tResponsible\tPartners\tDeadline",
        "\tP\tPriority area 1 – Transparenc\tcy of public finances\t",
        "1.1.1\tPublish the contracts\tCentral Registry\tCSOs\t2026",
        "1.1.2\tTrain civil servants\tMinistry of Finance Priority area 2 – Access t\tUSAID o information\t2026",
        "2.1.1\tPublish quarterly reports\tMinistry of Justice\tCSOs\t2026",
    )
    assert [(a.section_title, a.names("implementer"), a.names("partner")) for a in plan.activities][1:] == [
        ("Transparency of public finances", ("Ministry of Finance",), ("USAID",)),
        ("Access to information", ("Ministry of Justice",), ("CSOs",))]


def test_a_heading_whose_number_is_parted_from_its_colon_by_a_space_is_found_glued_after_a_cell():
    """"Axe 2 : Accès à l'infor" | "... rmation" (French typography puts a space before the colon, so the
    number and the colon are two words) follows the indicator of the row above its section."""
    _, plan = read(
        "N°\tActivités\tIndicateurs de résultat\tStructures responsables\tÉchéance",
        "\tAxe 1 : Transparence budgétaire\t\t\t",
        "1.1\tPublier le budget citoyen\tBudget publié\tMinistère du Budget\t2026",
        "1.2\tFormer les agents\tNombre d'agents formés Axe 2 : Accès à l'infor\tCour des comptes rmation\t2026",
        "2.1\tPublier l'information sur les marchés\tListe publiée\tMinistère de la Justice\t2026",
    )
    assert [(a.section_no, a.section_title, a.indicator, a.names("implementer")) for a in plan.activities] == [
        (1, "Transparence budgétaire", "Budget publié", ("Ministère du Budget",)),
        (1, "Transparence budgétaire", "Nombre d'agents formés", ("Cour des comptes",)),
        (2, "Accès à l'information", "Liste publiée", ("Ministère de la Justice",))]


def test_a_heading_atop_a_row_in_a_narrow_period_column_ends_where_the_column_is_full():
    """"Goal 2. Empower Quarterly" | "citizens and the media Task force ...": the heading opens the period
    cell of the row under it and goes on in lower case past the edge, so its part there ends where the
    column (as wide as the first heading's middle part, cut at both edges) is full, its label and number
    counted; the row's own period "Quarterly" follows it."""
    _, plan = read(
        "No.\tAction\tTimeframe\tIndicator\tResponsible agencies",
        "\tGo\tal 1. Strengthen p\trevention of corruption\t",
        "1.1.\tAdopt a code of conduct\t2025-2027\tCode adopted\tCivil Service Agency",
        "1.2.\tPublish asset declarations\tH1 2026\tDeclarations published\tGovernance Commission",
        "2.1.\tG Conduct lifestyle audits\tGoal 2. Empower Quarterly\tcitizens and the media Task force set up"
        "\tMinistry of Justice",
        "2.2.\tTrain journalists\tQ3 2025\tJournalists trained\tMinistry of Information",
    )
    assert [(a.section_title, a.title, a.period.text, a.indicator) for a in plan.activities][1:3] == [
        ("Strengthen prevention of corruption", "Publish asset declarations", "H1 2026", "Declarations published"),
        ("Empower citizens and the media", "Conduct lifestyle audits", "Quarterly", "Task force set up")]


def test_a_heading_atop_a_row_ends_before_the_mark_of_a_cell_naming_nobody():
    """"Specific objective 2: Professional LPAs" | "civil service -": the heading opens the cells of the row
    under it; in the partners column the row's own cell is the lone "-" after it, no word of the title."""
    _, plan = read(
        "No.\tAction\tResponsible institution\tPartners\tDeadline",
        "\tSpecific obje\tctive 1: Transparent and accou\tntable public decision-making\t",
        "1.1\tPublish performance contracts\tState Chancellery\tUNDP Moldova\tQ IV 2025",
        "1.2\tIntroduce asset declarations\tMinistry of Justice, LPAs\tcivil society organisations\t2026",
        "2.1\tS Prepare annual reports\tSpecific objective 2: Professional LPAs\tcivil service -\tcontinuously",
        "2.2\tTrain officials\tState Chancellery\tUNDP Moldova\tQ IV 2025",
    )
    assert [(a.section_title, a.title) for a in plan.activities][1:3] == [
        ("Transparent and accountable public decision-making", "Introduce asset declarations"),
        ("Professional civil service", "Prepare annual reports")]


def test_an_unnumbered_heading_glued_after_a_cell_past_the_title_column_is_found_by_its_cut_word():
    """In a plan whose headings print no number, "Citizen Engagem" | "– ent" follows the agency of the row
    above its section and goes on after the partners' placeholder: the cut word past the title column shows
    it, as it does in the title column."""
    _, plan = read(
        "No.\tActivity\tResponsible\tPartners\tDeadline",
        "\tO\tOpen data and budget transpa\tarency\t",
        "1\tTrain the staff of the departments\tdistrict administrations\t–\t2026",
        "2\tCreate a resident account\tMayor's office Citizen Engagem\t– ent\t2026",
        "3\tRun the participatory budget\tdistrict administrations\t–\t2026",
    )
    assert [a.section_title for a in plan.activities] == [
        "Open data and budget transparency", "Open data and budget transparency", "Citizen Engagement"]
    assert plan.activities[1].names("implementer") == ("Mayor's office",)


def test_an_unnumbered_heading_atop_a_row_past_the_title_column_is_found_by_its_cut_word():
    """"Beneficial Ownership Trans Register online" | "sparency Council of Governors": a heading with no
    number opens the cells of the row under it, past the title column; the word the edge cut, its second
    half opening the next cell in lower case, shows it. The heading is the row's own section's."""
    _, plan = read(
        "No.\tActivity\tOutput\tLead Agency\tTimeframe",
        "\t\tOpen Contracting Pro\tcurement\t",
        "1\tPublish a register of subsidies\tRegister published\tNational Treasury\t2026",
        "2\tPublish the cabinet minutes\tBeneficial Ownership Trans Register online; contacts recorded"
        "\tsparency Council of Governors\t2026",
        "3\tIntegrate the land registers\tBudget published\tTransparency International\t2026",
    )
    assert [(a.section_title, a.indicator, a.names("implementer")) for a in plan.activities][1:] == [
        ("Beneficial Ownership Transparency", "Register online; contacts recorded", ("Council of Governors",)),
        ("Beneficial Ownership Transparency", "Budget published", ("Transparency International",))]


def test_the_first_unnumbered_heading_may_share_the_column_header_line():
    """"Output Open Contracting": in a plan whose other headings print no number, the first section's
    heading lies in one column of the column-header line, after that column's label (the header printed
    again later shows the label alone)."""
    _, plan = read(
        "No.\tActivity\tOutput Open Contracting\tLead Agency\tTimeframe",
        "1\tPublish a register of subsidies\tRegister published\tNational Treasury\t2026",
        "2\tPublish the cabinet minutes\tBeneficial Ownership Trans Register online"
        "\tsparency Council of Governors\t2026",
        "",
        "No.\tActivity\tOutput\tLead Agency\tTimeframe",
        "3\tIntegrate the land registers\tBudget published\tTransparency International\t2026",
    )
    assert [a.section_title for a in plan.activities] == [
        "Open Contracting", "Beneficial Ownership Transparency", "Beneficial Ownership Transparency"]


def test_a_heading_crossing_a_column_edge_to_edge_through_cut_words_is_not_cut_short_by_its_measured_width():
    """"... schools Int" | "Mayor's office egrity of city enterp" | "– rises today": the heading's run in
    the middle column is shorter than the width the first heading measured there (a proportional font fits more
    narrow letters in a line), but the edges cut its words on both sides: it is the heading's whole run, and
    "office" is the row's own."""
    _, plan = read(
        "No.\tActivity\tResponsible\tPartners\tDeadline",
        "\tO\tOpen data and budget transpa\tarency\t",
        "1\tTrain the staff of the departments\tdistrict administrations\t–\t2026",
        "2\tIntroduce electronic procurement for schools Int\tMayor's office egrity of city enterp"
        "\t– rises today\t2026",
        "3\tRun the participatory budget\tMayor's office\t–\t2026",
    )
    assert [a.section_title for a in plan.activities] == [
        "Open data and budget transparency", "Open data and budget transparency",
        "Integrity of city enterprises today"]
    assert plan.activities[1].names("implementer") == ("Mayor's office",)


def test_a_table_headed_by_two_results_names_its_activities_in_the_one_holding_far_more_words():
    """No column is headed as the activity: "Hito" (a milestone) and "Medio de verificación" are both
    headed as results; the milestones, many words each, are the activities, the means of verification
    their indicators."""
    document, plan = read(
        "N.º\tHito\tResponsable\tPlazo\tMedio de verificación",
        "1.1\tElaborar un protocolo de atención de denuncias de corrupción con enfoque de género\t"
        "Ministerio de Justicia\tjunio de 2026\tProtocolo aprobado",
        "1.2\tAbrir los datos de compras de medicamentos e insumos hospitalarios del sistema de salud\t"
        "Ministerio de Salud\tdiciembre de 2026\tDatos publicados",
    )
    assert [column.meaning for column in document.columns] == ["number", "title", "agencies", "period", "indicator"]
    assert [(a.title.split()[0], a.indicator) for a in plan.activities] == [
        ("Elaborar", "Protocolo aprobado"), ("Abrir", "Datos publicados")]


def test_a_heading_whose_first_part_ends_on_its_number_goes_on_at_a_capital_not_the_cells_last_word():
    """"Train the officials Goal 2." | "Chamber of accounts Digital government": the centred heading's number
    closes its part in the title column, so its title opens past the edge on a capital; "accounts", the last
    word of the row's own cell, is no word of it however near the centring's length takes the title."""
    _, plan = read(
        "No.\tPeriod\tActivity\tResponsible",
        "\t\tGoal 1. Op\ten budget data for citizens",
        "1.1.\t2026\tPublish the budget\tMinistry of Finance",
        "1.2.\t2026\tTrain the officials Goal 2.\tChamber of accounts Digital government",
        "2.1.\t2025\tOpen an e-services portal\tMinistry of Justice",
    )
    assert [(a.section_title, a.names("implementer")) for a in plan.activities][1:] == [
        ("Open budget data for citizens", ("Chamber of accounts",)), ("Digital government", ("Ministry of Justice",))]


def test_an_unnumbered_heading_set_flush_left_opens_in_the_number_column_cut_at_its_edge():
    """"Transp" | "arência na gestão ..." and "Acesso" | "à informação ...": a heading with no number set flush
    left in a band of its own opens in the narrow number column, which holds no id there, and goes on in the
    title column through a cut word or in lower case. (Its first word was left out, unplaced, and the first
    section had no title.)"""
    _, plan = read(
        "N.º\tAcção\tResponsável\tPrazo",
        "Transp\tarência na gestão das finanças públicas\t\t",
        "1)\tDivulgar os pareceres do Tribunal Administrativo\tMinistério das Finanças\tAnual",
        "2)\tPublicar os contratos públicos\tTribunal Administrativo\t2026",
        "Acesso\tà informação e participação do cidadão\t\t",
        "3)\tCriar uma plataforma digital de denúncias\tMinistério da Justiça\t2025-2026",
        title="Plano de Acção 2025-2027")
    assert [(a.section_no, a.section_title, a.title) for a in plan.activities] == [
        (None, "Transparência na gestão das finanças públicas", "Divulgar os pareceres do Tribunal Administrativo"),
        (None, "Transparência na gestão das finanças públicas", "Publicar os contratos públicos"),
        (None, "Acesso à informação e participação do cidadão", "Criar uma plataforma digital de denúncias")]


def test_a_greek_table_is_read_by_its_header_words_and_role_labels():
    # "Παραδοτέο" (deliverable) is the table's result column: the indicator, not an extra field; the cells
    # labelled "Επισπεύδων φορέας:" / "Συναρμόδιοι φορείς:" give implementers and partners.
    document, plan = read(
        "Α/Α\tΦορέας υλοποίησης\tΔράση\tΠαραδοτέο\tΧρονοδιάγραμμα\tΚατάσταση",
        "1.1\tΥπουργείο Ψηφιακής Διακυβέρνησης\tΕπέκταση της πλατφόρμας δεδομένων\tΝέα σύνολα δεδομένων\t2025-2027"
        "\tΝέα δράση",
        "1.2\tΕπισπεύδων φορέας: Υπουργείο Εσωτερικών Συναρμόδιοι φορείς: Υπουργείο Παιδείας, Θρησκευμάτων και "
        "Αθλητισμού\tΔημιουργία εθνικού καταλόγου\tΚατάλογος σε λειτουργία\t2026\tΣε εξέλιξη",
        title="Εθνικό Σχέδιο Δράσης 2025-2027",
    )
    assert [c.meaning for c in document.columns] == ["number", "agencies", "title", "indicator", "period", "extra"]
    first, second = plan.activities
    assert (first.indicator, roles(first)) == ("Νέα σύνολα δεδομένων",
                                               {"implementer": ["Υπουργείο Ψηφιακής Διακυβέρνησης"]})
    assert roles(second) == {"implementer": ["Υπουργείο Εσωτερικών"],
                             "partner": ["Υπουργείο Παιδείας, Θρησκευμάτων και Αθλητισμού"]}


def test_headings_set_flush_left_go_on_in_lower_case_to_a_cut_word_whatever_a_centre_predicts():
    """Headings set flush left in bands of their own, their parts in the title column all about as long:
    "... of info" | "ormation" | "and open data" | "a" goes on past "ormation" (shorter than the column) into
    "and open data", whose last letter the next edge printed twice. No centre the short headings measure
    cuts it short, and a responsible cell's long line, joined on one band and ending on a word a lone "a"
    past the edge seems to cut, is no measure of that column's width."""
    _, plan = read(
        "No.\tActivity\tResponsible\tPartners\tDeadline",
        "\tObjective 1. Open budgets and public pro\tcurement\t\t",
        "1.1.\tPublish the budget data\tMinistry of Finance\tcivil society\t2025",
        "1.2.\tTrain the officials of the municipalities\tMinistry of Finance and the Treasury and\tcivil society\t2026",
        "\t\tthe Agency for the Data and the Office for Information Technologies and the Data\tgroups a\t",
        "\tObjective 2. Proactive publication of info\tormation\tand open data\ta\t",
        "2.1.\tPublish the open data of the registers\tMinistry of Justice\tcivil society\t2025",
        "2.2.\tPublish the procurement plans\tMinistry of Finance\tcivil society\t2026",
        "\tObjective 3. Integrity of courts and of pub\tblic officials\t\t",
        "3.1.\tPublish the court decisions\tSupreme Court\tcivil society\t2025",
        "\tObjective 4. Participation of citizens at\tthe level of the municipa\talities\t",
        "4.1.\tHold public hearings on the budget\tMinistry of Finance\tcivil society\t2026",
    )
    assert [a.section_title for a in plan.activities] == [
        "Open budgets and public procurement", "Open budgets and public procurement",
        "Proactive publication of information and open data", "Proactive publication of information and open data",
        "Integrity of courts and of public officials", "Participation of citizens at the level of the municipalities"]
    assert plan.activities[1].names("partner") == ("civil society groups a",)


def test_sub_headings_cut_at_the_column_edges_stay_out_of_the_cells_also_glued_atop_their_first_activity():
    """"Measure 1.1: Publication of the budget da" | "ata in open formats": a heading of an activity group
    (the ids less their last level) in a band of its own, cut at the column edges like a section's, goes in no
    cell (its tail was taken for a body); glued on top of the group's first activity, before its number in
    the title cell ("Measure 2.1: ... decis 2.1.1. Publish ..."), the number is still that activity's (it was
    lost, its title given to the next)."""
    _, plan = read(
        "Activity\tResponsible\tPartners\tDeadline",
        "Objective 1: Open budgets and public pro\tcurement for all\t\t",
        "Measure 1.1: Publication of the budget da\tata in open formats\t\t",
        "1.1.1. Publish the budget data\tMinistry of Finance\tcivil society\t2025",
        "1.1.2. Publish the procurement plans\tMinistry of Finance\t/\t2026",
        "Measure 1.2: Training of the municipal of\tfficials\t\t",
        "1.2.1. Train the municipal officials\tMinistry of Justice\tcivil society\t2026",
        "Objective 2: Open courts and integrity of pub\tblic officials\t\t",
        "Measure 2.1: Publication of court decis 2.1.1. Publish the court decisions\tsions Supreme Court\t/\t2025",
        "2.1.2. Publish the court statistics\tSupreme Court\tcivil society\t2026",
    )
    assert [(a.activity_id, a.title, a.names("implementer")) for a in plan.activities] == [
        ("1.1.1", "Publish the budget data", ("Ministry of Finance",)),
        ("1.1.2", "Publish the procurement plans", ("Ministry of Finance",)),
        ("1.2.1", "Train the municipal officials", ("Ministry of Justice",)),
        ("2.1.1", "Publish the court decisions", ("Supreme Court",)),
        ("2.1.2", "Publish the court statistics", ("Supreme Court",))]
    assert [a.section_title for a in plan.activities][-1] == "Open courts and integrity of public officials"


def test_a_lettered_heading_glued_before_its_first_number_opens_its_section():
    """A heading row the text form joined to the line of the number under it, cut at the number column's
    edge ("A. Per 1" | "rizinan dan Tata Niaga Integrasi ..."): the number is the activity's, the heading's
    words in both columns are the section's title, in title case up to the row's own title."""
    _, plan = read(
        "No\tAksi\tPenanggung Jawab\tWaktu Pelaksanaan",
        "A. Per 1\trizinan dan Tata Niaga Integrasi layanan perizinan berusaha\tKementerian Perdagangan\t2025",
        "2\tPenerapan neraca komoditas beras\tKementerian Pertanian\t2026",
        "B. Keu 3\tuangan Negara Perluasan penggunaan kartu kredit\tKementerian Keuangan\t2025",
        "4\tPublikasi laporan keuangan tahunan\tBank Indonesia\t2026",
        "C. Pen 5\tnegakan Hukum dan Reformasi Birokrasi Penerapan manajemen talenta\tKementerian Hukum\t2025",
        "6\tPublikasi putusan penegakan hukum\tMahkamah Agung\t2026",
    )
    assert [(a.activity_id, a.section_no, a.section_title, a.title) for a in plan.activities] == [
        ("1", None, "A. Perizinan dan Tata Niaga", "Integrasi layanan perizinan berusaha"),
        ("2", None, "A. Perizinan dan Tata Niaga", "Penerapan neraca komoditas beras"),
        ("3", None, "B. Keuangan Negara", "Perluasan penggunaan kartu kredit"),
        ("4", None, "B. Keuangan Negara", "Publikasi laporan keuangan tahunan"),
        ("5", None, "C. Penegakan Hukum dan Reformasi Birokrasi", "Penerapan manajemen talenta"),
        ("6", None, "C. Penegakan Hukum dan Reformasi Birokrasi", "Publikasi putusan penegakan hukum")]


def test_rows_whose_last_lines_spilled_onto_the_next_numbers_line_give_them_back():
    """Cells hang from the top of their rows and the text form joined each line to the nearest number's
    line: a row's last lines open the next number's line, before that row's own title ("melalui laman
    resmi Penerapan katalog ..."). Each cell opens in its number's band and ends in the next one's; a
    heading glued atop a row ends a run of sections there, and the period printed under it stays its row's
    ("Setiap tahun": Indonesian period words are data)."""
    _, plan = read(
        "No\tAksi\tPenanggung Jawab\tWaktu Pelaksanaan",
        "A. Per 1\trizinan dan Tata Niaga Publikasi laporan keuangan daerah secara berkala\tKementerian Keuangan\t2025",
        "2\tmelalui laman resmi Penerapan katalog elektronik untuk pengadaan\tKementerian Dalam Negeri\t2026",
        "3\tbarang dan jasa Penyusunan standar pelayanan perizinan\tBank Indonesia\t2025",
        "B. Keu 4\tuangan Negara Evaluasi pembangunan zona integritas\tKementerian Hukum\tSetiap tahun",
        "5\tpada unit pelayanan Pemanfaatan data kependudukan dalam verifikasi\tKementerian Sosial\t2026",
        "6\tpenerima bantuan sosial Perluasan penggunaan kartu kredit\tBank Indonesia\t2025",
    )
    assert [(a.section_title, a.title, a.period.text) for a in plan.activities] == [
        ("A. Perizinan dan Tata Niaga", "Publikasi laporan keuangan daerah secara berkala melalui laman resmi", "2025"),
        ("A. Perizinan dan Tata Niaga", "Penerapan katalog elektronik untuk pengadaan barang dan jasa", "2026"),
        ("A. Perizinan dan Tata Niaga", "Penyusunan standar pelayanan perizinan", "2025"),
        ("B. Keuangan Negara", "Evaluasi pembangunan zona integritas pada unit pelayanan", "Setiap tahun"),
        ("B. Keuangan Negara", "Pemanfaatan data kependudukan dalam verifikasi penerima bantuan sosial", "2026"),
        ("B. Keuangan Negara", "Perluasan penggunaan kartu kredit", "2025")]


def test_spilled_agency_lists_part_where_a_name_is_whole_not_after_a_lone_kind_word():
    """Where rows spilled, an agency list's last line opens the next number's line with no separator before
    the next list: "Pertanian; Badan Statistik (BSN) Kementerian Hukum". The lists part after the bracketed
    acronym, not at the line's start (that would leave "...; Kementerian" alone, a kind word with no name),
    not before the acronym; and a name the plan prints elsewhere as a whole item ("Mahkamah Agung") at a
    line's end is the next list's, not the tail of the name before it."""
    _, plan = read(
        "No\tAksi\tPenanggung Jawab\tWaktu Pelaksanaan",
        "A. Per 1\trizinan dan Tata Niaga Publikasi laporan keuangan daerah secara berkala\t"
        "Kementerian Keuangan; Kementerian\t2025",
        "2\tmelalui laman resmi Penerapan katalog elektronik untuk pengadaan\t"
        "Pertanian; Badan Statistik (BSN) Kementerian Hukum; Mahkamah Agung; Kementerian\t2026",
        "3\tbarang dan jasa Penyusunan standar pelayanan perizinan\tKoordinator Bidang Politik Mahkamah Agung\t2025",
        "4\tpada unit pelayanan Pemanfaatan data kependudukan dalam verifikasi\tKementerian Sosial\t2026",
    )
    assert [a.names("implementer") for a in plan.activities] == [
        ("Kementerian Keuangan", "Kementerian Pertanian", "Badan Statistik (BSN)"),
        ("Kementerian Hukum", "Mahkamah Agung", "Kementerian Koordinator Bidang Politik"),
        ("Mahkamah Agung",),
        ("Kementerian Sosial",)]


def test_a_column_numbering_row_sharing_its_line_with_a_heading_and_a_page_number_line_make_no_activities():
    """"1 | 2 Направлен | 3 ие 1. Открытость бюдж | ... | 5 | 6": the text form drew a heading onto the row that
    numbers the columns; the numbers are the header's and the rest is the heading. A page's number alone on
    a line ("1") between two pages of plainly numbered rows is no activity "1"."""
    document = lines_to_document([
        "План мероприятий", "",
        "№ п/п\tНаименование мероприятия\tФорма завершения\tОтветственные исполнители\tСрок исполнения",
        "1\t2 Направлен\t3 ие 1. Открытость бюдж\t4 жетного процесса\t5",
        "1\tПубликация отчетов об исполнении бюджета\tинформация в Правительство\tМФ\tежегодно",
        "2\tРазработка гражданского бюджета\tприказ Министра финансов\tМФ\t2025 год",
        "1",
        "",
        "1\t2\t3\t4\t5",
        "3\tВнедрение открытых данных\tакт ввода в эксплуатацию\tМЦРИАП\t2026 год"], "numbering.txt")
    plan = document_to_plan(document, "numbering", REGISTRY)
    assert [(a.activity_id, a.section_title, a.indicator) for a in plan.activities] == [
        ("1", "Открытость бюджетного процесса", "информация в Правительство"),
        ("2", "Открытость бюджетного процесса", "приказ Министра финансов"),
        ("3", "Открытость бюджетного процесса", "акт ввода в эксплуатацию")]
    assert document.stray == ((7, "1"),)
    assert plan.unplaced == ((7, "1"),)


def test_capitals_inside_lower_case_cells_do_not_mark_where_cells_open():
    """A column of results in lower case ("информация в Правительство Республики Казахстан", "приказ
    Министра финансов") prints capitals only inside its cells, after a preposition, another capital or as
    acronyms: they are no sign of where a cell opens, and the cells stay whole."""
    _, plan = read(
        "№ п/п\tНаименование мероприятия\tФорма завершения\tОтветственные исполнители\tСрок исполнения",
        "1\tПубликация отчетов об исполнении бюджета\tинформация в Правительство Республики Казахстан\tМФ\t"
        "ежегодно",
        "2\tРазработка гражданского бюджета\tприказ Министра финансов Республики Казахстан\tМФ\t2025 год",
        "3\tВнедрение открытых данных\tотчет в МЦРИАП\tМЦРИАП\t2026 год",
        "4\tПубликация данных о закупках\tинформация в Правительство Республики Казахстан\tМФ\t2026 год",
    )
    assert [a.indicator for a in plan.activities] == [
        "информация в Правительство Республики Казахстан", "приказ Министра финансов Республики Казахстан",
        "отчет в МЦРИАП", "информация в Правительство Республики Казахстан"]


def test_a_name_in_lower_case_after_a_capitalised_word_no_name_ends_with_goes_on_with_it():
    """"...; Državna" | "geodetska uprava": the line's end cut a name after its first word; its lower-case rest,
    which names a body ("uprava", administration), is not a new list opening the next activity's cell."""
    _, plan = read(
        "Br.\tAktivnost\tNositelj\tRok provedbe",
        "4.1.\tObjava prostornih planova u otvorenom formatu\tMinistarstvo financija; Državna\t2026.",
        "\t\tgeodetska uprava\t",
        "4.2.\tIzrada smjernica za savjetovanja\tMinistarstvo znanosti, obrazovanja i mladih\t2025.",
        "4.3.\tObjava podataka o korisnicima naknada\tMinistarstvo rada\t2026.",
    )
    assert [a.names("implementer") for a in plan.activities] == [
        ("Ministarstvo financija", "Državna geodetska uprava"), ("Ministarstvo znanosti, obrazovanja i mladih",),
        ("Ministarstvo rada",)]


def test_the_next_sections_heading_glued_after_an_activitys_number_leaves_the_number_to_it():
    """"1.2 II. FIN" | "... ANCAT PUBLIKE DHE PROKURIMI": a heading set flush left, below the last row of a
    section, joined by the text form to that row's line and cut at the column's edge. The number is the
    activity's; the heading, from "II." on, is the next section's and leaves the activity's title."""
    _, plan = read(
        "Nr.\tAktiviteti\tInstitucioni përgjegjës\tAfati",
        "\tI. TRANSPARENCA NË INFORMACION\t\t",
        "1.1\tZhvillimi i portalit të konsultimit publik\tMinistria e Drejtësisë\t2025",
        "1.2 II. FIN\tTrajnimi i koordinatorëve për informimin ANCAT PUBLIKE DHE PROKURIMI\t"
        "Ministria e Financave\t2026",
        "2.1\tPublikimi mujor i të dhënave buxhetore\tMinistria e Financave\tÇdo vit",
    )
    assert [(a.activity_id, a.section_no, a.section_title, a.title) for a in plan.activities] == [
        ("1.1", 1, "TRANSPARENCA NË INFORMACION", "Zhvillimi i portalit të konsultimit publik"),
        ("1.2", 1, "TRANSPARENCA NË INFORMACION", "Trajnimi i koordinatorëve për informimin"),
        ("2.1", 2, "FINANCAT PUBLIKE DHE PROKURIMI", "Publikimi mujor i të dhënave buxhetore")]


def test_a_one_line_partner_cell_stays_its_activitys_though_another_line_prints_it_after_a_name():
    """"организације цивилног друштва" (civil society organisations) is 4.1.3's whole partners cell; 4.1.4's
    line prints it after another name with no comma. That line does not make "друштвом организације" a pair
    inside one name: a list the plan prints whole on a line of its own is a name of its own ("са", with, is a
    function word of the Serbian name before it)."""
    _, plan = read(
        "Р. бр.\tАктивност\tНосилац активности\tПартнери\tРок",
        "4.1.1.\tИзрада модела одлуке о буџетирању\tМинистарство финансија\tСтална конференција градова и општина"
        "\t2025.",
        "4.1.2.\tОбјављивање позива за јавне расправе\tјединице локалне самоуправе\t"
        "Канцеларија за сарадњу са цивилним друштвом\t2026.",
        "4.1.3.\tУспостављање савета за сарадњу\tјединице локалне самоуправе\tорганизације цивилног друштва\t2026.",
        "4.1.4.\tПраћење спровођења Акционог плана\tМинистарство финансија\t"
        "Канцеларија за сарадњу са цивилним друштвом организације цивилног друштва\t2026.",
    )
    assert [a.names("partner") for a in plan.activities] == [
        ("Стална конференција градова и општина",), ("Канцеларија за сарадњу са цивилним друштвом",),
        ("организације цивилног друштва",),
        ("Канцеларија за сарадњу са цивилним друштвом", "организације цивилног друштва")]


def test_headings_printing_their_number_before_their_label_glued_atop_rows_open_their_sections():
    """Lithuanian headings print the number first ("1 uždavinys. Didinti ..."); the text form glued each onto
    its section's first row and cut it at every column edge, the label too, alike in every heading
    ("1 užda 1.1." | "avinys. Didinti ... info Parengti ..." | "rmacijos ir duomenų at Įstatymo ..."). The
    number closing the cell is the activity's; the heading's number, label and title leave every cell. A
    heading in sentence case that filled a column ("... ir s" | "tiprinti atskaitomybę") does not go on at
    the capital opening the next ("Vyriausioji tarnybinės etikos komisija"): that is the row's; nor past a
    list's first marker that opens the row's cell ("priimant sprendimus a) tvarkos aprašas ...")."""
    plan = read_fixture("headings-numbered-before-their-label-cut-atop-rows.txt")
    first = "Didinti viešojo sektoriaus informacijos ir duomenų atvirumą"
    second = "Stiprinti viešųjų finansų ir viešųjų pirkimų skaidrumą"
    third = "Mažinti korupcijos rizikas ir stiprinti atskaitomybę"
    fourth = "Plėsti visuomenės dalyvavimą priimant sprendimus"
    assert [(a.activity_id, a.section_no, a.section_title) for a in plan.activities] == [
        *((f"1.{k}", 1, first) for k in range(1, 6)), *((f"2.{k}", 2, second) for k in range(1, 5)),
        *((f"3.{k}", 3, third) for k in range(1, 5)), *((f"4.{k}", 4, fourth) for k in range(1, 5))]
    # (The row's indicator opens a list, "a) ...", under the heading's last part: "priimant sprendimus".)
    assert plan.activities[-4].indicator.startswith("a) tvarkos aprašas patvirtintas; b)")
    one, six = plan.activities[0], plan.activities[5]
    assert (one.title, one.indicator, one.names("implementer")) == (
        "Parengti Lietuvos Respublikos teisės gauti informaciją iš valstybės ir savivaldybių institucijų ir "
        "įstaigų įstatymo pakeitimo projektą, kuriuo būtų sutrumpinti atsakymo į prašymus terminai",
        "Įstatymo projektas pateiktas Vyriausybei", ("Teisingumo ministerija",))
    assert six.title == "Parengti ir paskelbti piliečio biudžetą valstybės biudžeto projektui ir valstybės biudžeto " \
                        "vykdymo ataskaitai"


def test_a_heading_cut_atop_a_row_ends_before_the_period_the_row_prints_under_it():
    """A centred heading glued atop its section's first row goes on over the period column, where the row's
    own period follows it in lower case ("джетного про постоянно" | "оцесса и государственн ..."): the
    heading's part there ends before the period, which stays the row's."""
    plan = read_fixture("heading-cut-atop-a-row-over-its-period.txt")
    assert [(a.activity_id, a.section_no, a.section_title, a.period.text) for a in plan.activities] == [
        ("1", 1, "Обеспечение открытости бюджетного процесса и государственных закупок", "постоянно"),
        ("2", 1, "Обеспечение открытости бюджетного процесса и государственных закупок", "ежегодно"),
        ("3", 1, "Обеспечение открытости бюджетного процесса и государственных закупок", "II квартал 2025 года"),
        ("4", 1, "Обеспечение открытости бюджетного процесса и государственных закупок", "2025–2026 годы"),
        ("5", 1, "Обеспечение открытости бюджетного процесса и государственных закупок", "ежегодно")]


def test_a_heading_label_cut_before_its_dashed_number_atop_a_row_opens_its_section():
    """"Angajamentul 1 – Transparență ..." glued atop its section's first row and cut at the number column's
    edge through its label ("Angaja 1.1" | "amentul 1 – Transparență decizională și p" | "participare
    publică ..."): the number closing the cell is the activity's, the label's halves rejoin (a word of
    `heading_labels.csv`), and the title after the dash is the section's."""
    plan = read_fixture("heading-label-cut-before-its-dashed-number-atop-rows.txt")
    assert [(a.activity_id, a.section_no, a.section_title) for a in plan.activities] == [
        (f"1.{k}", 1, "Transparență decizională și participare publică") for k in range(1, 5)]
    first = plan.activities[0]
    assert first.title.startswith("Revizuirea Legii nr. 52/2003") and first.names("implementer") == (
        "Secretariatul General al Guvernului (SGG)",
        "Ministerul Dezvoltării, Lucrărilor Publice și Administrației (MDLPA)")


def test_the_end_of_a_headings_next_line_glued_before_a_sections_first_number_leaves_the_number_to_it():
    """A heading that wraps: its next line's first piece, cut at the number column's edge, is glued before the
    section's first activity number ("təkmi 1.1"); the number is the activity's. Before any other number,
    words in lower case are no heading's ("təkmi 1.2")."""
    from normalize.anchors import number_closing_heading
    assert number_closing_heading("təkmi 1.1") == "1.1"
    assert number_closing_heading("təkmi 1.2") is None
    assert number_closing_heading("A. Per 1") == "1"


def test_headings_numbered_by_a_hyphen_before_their_label_cut_atop_plainly_numbered_rows_open_their_sections():
    """Kazakh headings print the number joined to the label by a hyphen ("1-бағыт. Ашық деректер"); the text
    form glued each onto its section's first row, plainly numbered, and the number column's edge cut the
    label with its last letter printed on both sides ("1-бағ 1." | "ғыт. Ашық деректер Мемлекеттік ...").
    The number closing the cell is the activity's; the heading's number gives its section's, and its title
    ends at the row's own text. The column "Аяқтау нысаны" (a header the vocabulary does not know), wrapped
    over lines a word or two each, is read as one cell per row: it is the indicator, by its content."""
    path = FIXTURES / "text" / "headings-numbered-by-hyphen-cut-atop-plainly-numbered-rows.txt"
    document = lines_to_document(path.read_text(encoding="utf-8").splitlines(), path.name)
    plan = document_to_plan(document, "fixture", REGISTRY)
    assert [(a.activity_id, a.section_no, a.section_title) for a in plan.activities] == [
        *((str(k), 1, "Ашық деректер") for k in range(1, 5)), *((str(k), 2, "Ашық бюджеттер") for k in range(5, 9))]
    assert [(c.header, c.meaning, c.decided_by) for c in document.columns][2] == (
        "Аяқтау нысаны", "indicator", "content")
    assert [a.indicator for a in plan.activities[2:4]] == ["ақпараттық жүйелер интеграцияланды", "Үкіметке ақпарат"]


def test_headings_printing_a_roman_number_then_their_label_cut_across_columns_atop_rows_open_their_sections():
    """Azerbaijani headings print a Roman number, then the label ("I istiqamət: Dövlət ..."), glued atop their
    section's first row and cut at every column edge, a letter often printed on both sides ("Dö" |
    "övlət"). Each part ends where the heading fills its column, though the row's own cell goes on after it
    in lower case ("... şəffaflığın art qeyri-hökumət təşkilatları" | "ırılması"), or names nobody ("və s
    -" | "səmərəlilik"). A label cut after its last letter goes on at its colon in the next column ("IV
    istiqamət Qanun ..." | "t: Vətəndaş ..."); a heading may start right of the title column ("V istiqamət:
    Yerli səviyyəd" | "də açıq idarəet" | "mə"). The label is known in lower case though the vocabulary
    prints it with a dotted capital ("İstiqamət")."""
    plan = read_fixture("headings-with-number-then-label-cut-across-columns-atop-rows.txt")
    sections = ["Dövlət maliyyəsinin idarə edilməsində şəffaflığın artırılması",
                "İnformasiya əldə etmək hüququnun təmin edilməsi və açıq məlumatlar",
                "Dövlət xidmətlərinin göstərilməsində hesabatlılıq və səmərəlilik",
                "Vətəndaş cəmiyyəti ilə əməkdaşlığın genişləndirilməsi", "Yerli səviyyədə açıq idarəetmə"]
    counts = [4, 4, 4, 4, 3]
    assert [(a.activity_id, a.section_no, a.section_title) for a in plan.activities] == [
        (f"{s + 1}.{k}", s + 1, sections[s]) for s, n in enumerate(counts) for k in range(1, n + 1)]
    four, five = plan.activities[12], plan.activities[16]
    assert four.title.startswith("Qanun layihələrinin ictimai müzakirəsi")
    assert four.names("partner") == ("Qeyri-Hökumət Təşkilatlarına Dövlət Dəstəyi Agentliyi",
                                     "qeyri-hökumət təşkilatları")
    assert (five.names("implementer"), five.names("partner")) == (
        (), ("BMT-nin İnkişaf Proqramı", "qeyri-hökumət təşkilatları"))


def test_a_heading_number_joined_to_its_label_by_a_hyphen_prints_the_number():
    from extract.vocabulary import heading_labels, printed_section_number
    assert [printed_section_number(word) for word in ("1-бағ", "2-ci", "IV-", "2020-2022", "1.", "3")] == [
        1, 2, None, None, 1, 3]
    assert {"istiqamət", "i\u0307stiqamət"} <= heading_labels()


def test_swedish_header_words_name_their_columns_and_a_period_in_words_keeps_no_years():
    """Swedish labels are data: "Åtgärd", "Ansvarig myndighet", "Samverkanspart" (partners), "Tidsplan"; a
    period in words ("löpande") keeps its text with no years."""
    document, plan = read(
        "Nr\tÅtgärd\tAnsvarig myndighet\tSamverkanspart\tTidsplan",
        "1.1\tPublicera öppna data om statsbudgeten\tEkonomistyrningsverket (ESV)\tStatistiska centralbyrån (SCB)"
        "\thösten 2025",
        "1.2\tUtveckla en portal för remissvar\tRegeringskansliet\t-\tlöpande",
    )
    assert [(c.meaning, c.decided_by) for c in document.columns] == [
        ("number", "label"), ("title", "label"), ("agencies", "label"), ("partners", "label"), ("period", "label")]
    one, two = plan.activities
    assert (one.names("implementer"), one.names("partner"), one.period.start_year) == (
        ("Ekonomistyrningsverket (ESV)",), ("Statistiska centralbyrån (SCB)",), 2025)
    assert (two.names("partner"), two.period.text, two.period.start_year, two.period.flag) == (
        (), "löpande", None, "period_without_year")



def test_headings_atop_plainly_numbered_rows_whose_text_spills_into_the_next_are_the_only_headings():
    """Unnumbered headings cut at every column edge atop their sections' first rows ("Забезпечення пр" |
    "розорості публічних ф" | "інансів"), each row's text spilling into the next row's band: the row's own
    title after a neighbour's spilled words ("... у структурованому вигляді Оприлюднення ...") is no
    heading glued after them. A plan whose text form glued a heading atop a row glues none after one, and a
    heading atop the next row is looked for first. A part opening on the lone letter the edge printed on
    both sides goes on after it ("цифрових" | "х послуг II квартал 2026 р."): the heading does not end there."""
    plan = read_fixture("headings-atop-plainly-numbered-rows-whose-text-spills-into-the-next.txt")
    assert [a.section_title for a in plan.activities] == [
        *["Забезпечення прозорості публічних фінансів"] * 4, *["Розвиток відкритих даних та цифрових послуг"] * 5]
    assert plan.activities[4].period.text == "II квартал 2026 р."
