"""The data-people formats of `publish.write_formats`: Parquet datasets, datapackage.json, SQLite, README, report.

Small tables are built by hand (two plans, a few activities, mentions, agencies, one review row, one
failed document); the CSVs are written the way pipeline.py writes them, then every format is checked
against the rows it was made from.
"""
from __future__ import annotations

import csv
import json
import re
import shutil
import sqlite3
from collections import defaultdict
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from conftest import ROOT
from extract.errors import OutputError
from extract.manifest import Source
from normalize.tables import ACTIVITY_COLUMNS, AGENCY_COLUMNS, FIELD_COLUMNS, LINK_COLUMNS, PLAN_COLUMNS, Tables
from publish.output import write_csv_rows, write_table
from publish.dictionary import REVIEW_COLUMNS, md_cell
from publish import write_formats

ALPHA, BETA = "alpha-2020", "beta 2021"  # the space must survive the partition folder's name


def activity(plan_id: str, activity_id: str, section_no: int | None, title: str, indicator: str,
             years: tuple[int | None, int | None], lines: str, flags: str, section_title: str = "Openness") -> dict:
    start, end = years
    period = "" if start is None else (str(start) if start == end else f"{start}-{end}")
    return {"plan_id": plan_id, "activity_key": f"{plan_id}:{activity_id}", "section_no": section_no,
            "section_title": section_title, "activity_id": activity_id, "title": title, "indicator": indicator,
            "implementers": "", "recommended_to": "", "partners": "", "period": period, "start_year": start, "end_year": end,
            "source_lines": lines, "flags": flags}


def link(plan_id: str, activity_id: str, role: str, position: int, agency_id: str, name: str,
         method: str = "exact", score: float = 100.0) -> dict:
    return {"plan_id": plan_id, "activity_key": f"{plan_id}:{activity_id}", "activity_id": activity_id,
            "role": role, "position": position, "mention": name,
            "agency_id": agency_id, "agency_name": name, "agency_kind": "body", "match_method": method,
            "match_score": score}


ACTIVITIES = [
    activity(ALPHA, "1.1", 1, "Publish the draft budget <early> & in full", "Budget published", (2020, 2022),
             "5-7", ""),
    activity(ALPHA, "1.2", 1, "Train the staff", "", (None, None), "8-9", "indicator_missing;period_missing"),
    activity(ALPHA, "2.1", None, "Open the registers", "Registers online", (2021, 2021), "10",
             "section_title_missing", section_title=""),
    activity(BETA, "1.1", 1, "Open data portal", "Portal online and searchable", (2021, 2021), "4-6",
             "agencies_unlabelled", section_title="Access to information held by public bodies and open data"),
]
# longer than a chart row's name ever was allowed to be, so a cut name shows
CHAMBER = "Chamber of Accounts of the Republic and its Regional Audit Chambers of Local Self-Government"
LINKS = [
    link(ALPHA, "1.1", "implementer", 1, "ministry_of_finance", "Ministry of Finance"),
    link(ALPHA, "1.1", "recommended", 1, "chamber_of_accounts", CHAMBER),
    link(ALPHA, "1.1", "partner", 1, "ministry_of_finance", "Ministry of Finance"),
    link(ALPHA, "1.2", "implementer", 1, "ministry_of_finance", "Ministry of Finance"),
    link(ALPHA, "1.2", "implementer", 2, "office_of_trainers", "Office of Trainers", "new", 0.0),
    link(ALPHA, "2.1", "partner", 1, "chamber_of_accounts", CHAMBER),
    link(BETA, "1.1", "implementer", 1, "ministry_of_finance", "Ministry of Finance", "fuzzy", 92.5),
]
ROLE_COLUMNS = {"implementer": "implementers", "recommended": "recommended_to", "partner": "partners"}


def with_agency_names(activities: list[dict], links: list[dict]) -> list[dict]:
    """The activities with their agency columns filled from the mentions, as the pipeline fills them."""
    named = [{**row} for row in activities]
    for row in named:
        for role, column in ROLE_COLUMNS.items():
            row[column] = "; ".join(m["agency_name"] for m in links
                                    if m["activity_key"] == row["activity_key"] and m["role"] == role)
    return named


ACTIVITIES = with_agency_names(ACTIVITIES, LINKS)
FIELDS = [
    {"plan_id": ALPHA, "activity_key": f"{ALPHA}:1.1", "field": "Budget", "value": "State budget"},
    {"plan_id": BETA, "activity_key": f"{BETA}:1.1", "field": "Status", "value": "ongoing"},
]
AGENCIES = [
    {"agency_id": "chamber_of_accounts", "name": CHAMBER, "kind": "body", "spellings": CHAMBER, "activities": 2},
    {"agency_id": "ministry_of_finance", "name": "Ministry of Finance", "kind": "body",
     "spellings": "Ministry of Finance; Ministry of Finanse", "activities": 3},
    {"agency_id": "office_of_trainers", "name": "Office of Trainers", "kind": "body",
     "spellings": "Office of Trainers", "activities": 1},
]
REVIEW = [
    {"mention": "Office of Trainers", "agency_id": "office_of_trainers", "plan_id": ALPHA,
     "activity_key": f"{ALPHA}:1.2", "activity_id": "1.2",
     "role": "implementer", "lines": "8-9", "candidate_1": "ministry_of_finance", "score_1": 41.5,
     "candidate_2": "", "score_2": "", "candidate_3": "", "score_3": ""},
]
PLANS = [
    {"plan_id": ALPHA, "title": "Alpha Plan 2020-2022", "country": "Alphaland", "kind": "ogp", "start_year": 2020,
     "end_year": 2022, "language": "en", "source_file": "alpha-2020.txt", "source_url": "https://example.org/alpha.pdf",
     "sha256": "a" * 64, "pages": None, "activities": 3, "flags": 3, "words_unplaced": 0, "tables": 1,
     "layout": "number|title|indicator|agencies|period|extra:Budget"},
    {"plan_id": BETA, "title": "", "country": "", "kind": "", "start_year": None, "end_year": None, "language": "",
     "source_file": "beta 2021.pdf", "source_url": "", "sha256": "b" * 64, "pages": 2, "activities": 1, "flags": 2,
     "words_unplaced": 3, "tables": 2, "layout": "number|title|agencies|period; number|title|extra:Status|period"},
]
FAILURES = [("raw/broken.pdf", "raw/broken.pdf: no activities found <b>in</b> the table")]
SOURCES = [
    Source(ALPHA, Path("raw/alpha-2020.txt"), "a" * 64, "Alpha Plan 2020-2022", "Alphaland", "ogp", 2020, 2022,
           "en", "https://example.org/alpha.pdf", in_manifest=True),
    Source(BETA, Path("raw/beta 2021.txt"), "b" * 64),
]
TABLE_ROWS = {"plans": (PLANS, PLAN_COLUMNS), "activities": (ACTIVITIES, ACTIVITY_COLUMNS), "activity_agencies": (LINKS, LINK_COLUMNS),
              "activity_fields": (FIELDS, FIELD_COLUMNS), "agencies": (AGENCIES, AGENCY_COLUMNS)}
ARROW_TYPES = {"string": "string", "integer": "int64", "number": "double"}


def write_csvs(folder: Path, tables: Tables, review: list[dict]) -> None:
    """The CSVs as publish_run writes them."""
    for name, rows, columns in (("plans", tables.plans, PLAN_COLUMNS),
                                ("activities", tables.activities, ACTIVITY_COLUMNS),
                                ("activity_agencies", tables.links, LINK_COLUMNS),
                                ("activity_fields", tables.fields, FIELD_COLUMNS),
                                ("agencies", tables.agencies, AGENCY_COLUMNS)):
        write_table(rows, columns, folder / f"{name}.csv")
    (folder / "review").mkdir()
    write_csv_rows(review, folder / "review" / "agencies.csv", list(REVIEW_COLUMNS))


def publish_to(folder: Path, tables: Tables | None = None, review: list[dict] | None = None) -> Path:
    tables = tables or Tables(ACTIVITIES, LINKS, AGENCIES, FIELDS, PLANS)
    review = REVIEW if review is None else review
    folder.mkdir()
    write_csvs(folder, tables, review)
    write_formats(folder, tables, SOURCES, review, FAILURES)
    return folder


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return publish_to(tmp_path_factory.mktemp("publish") / "out")


def absent_as_null(rows: list[dict]) -> list[dict]:
    """The rows as every format but the CSV holds them: an absent value (None or empty text) is a null."""
    return [{name: None if value == "" else value for name, value in row.items()} for row in rows]


def by_key(rows: list[dict], key: tuple[str, ...]) -> list[dict]:
    return sorted(rows, key=lambda row: tuple(str(row[name]) for name in key))


# ----------------------------------------------------------------------------- Parquet

@pytest.mark.parametrize("name, key", [("activities", ("plan_id", "activity_id")),
                                       ("activity_agencies", ("plan_id", "activity_id", "role", "position")),
                                       ("activity_fields", ("plan_id", "activity_key", "field"))])
def test_partitioned_parquet_reads_back_the_rows_with_their_types(out, name, key):
    rows, columns = TABLE_ROWS[name]
    assert sorted(p.name for p in (out / name).iterdir()) == ["plan_id=alpha-2020", "plan_id=beta%202021"]
    table = ds.dataset(out / name, partitioning="hive").to_table()
    assert sorted(table.column_names) == sorted(columns)
    for column, (kind, _) in columns.items():
        assert str(table.schema.field(column).type) == ARROW_TYPES[kind], column
    assert by_key(table.to_pylist(), key) == by_key(absent_as_null(rows), key)


def test_parquet_keeps_nulls_and_agencies_are_one_file(out):
    table = ds.dataset(out / "activities", partitioning="hive").to_table()
    assert table.column("start_year").null_count == 1
    assert table.column("section_no").null_count == 1
    agencies = pq.read_table(out / "agencies.parquet")
    assert agencies.to_pylist() == AGENCIES
    assert str(agencies.schema.field("activities").type) == "int64"


# ----------------------------------------------------------------------------- datapackage.json

def frictionless_report(path: Path):
    frictionless = pytest.importorskip("frictionless", reason="frictionless (a test dependency) is not installed")
    return frictionless.validate(str(path))


def test_datapackage_is_valid_frictionless(out):
    report = frictionless_report(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_datapackage_describes_keys_sources_and_license(out):
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert resources["activities"]["schema"]["primaryKey"] == ["activity_key"]
    assert resources["activity_agencies"]["schema"]["primaryKey"] == ["activity_key", "role", "position"]
    assert resources["agencies"]["schema"]["primaryKey"] == ["agency_id"]
    assert resources["activity_agencies"]["schema"]["foreignKeys"] == [
        {"fields": ["activity_key"],
         "reference": {"resource": "activities", "fields": ["activity_key"]}},
        {"fields": ["agency_id"], "reference": {"resource": "agencies", "fields": ["agency_id"]}},
    ]
    for name, (_, columns) in TABLE_ROWS.items():
        fields = resources[name]["schema"]["fields"]
        assert [(f["name"], f["type"], f["description"]) for f in fields] == [
            (column, kind, description) for column, (kind, description) in columns.items()]
        assert resources[name]["schema"]["missingValues"] == [""]
    assert [(s["plan_id"], s["sha256"]) for s in package["sources"]] == [(ALPHA, "a" * 64), (BETA, "b" * 64)]
    assert package["sources"][0]["path"] == "https://example.org/alpha.pdf"
    assert package["licenses"][0]["name"] == "ODC-BY-1.0"


def test_frictionless_catches_a_mention_of_a_missing_activity(out, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    with (broken / "activity_agencies.csv").open("a", encoding="utf-8") as f:
        f.write(f"{ALPHA},9.9,implementer,1,X,ministry_of_finance,Ministry of Finance,body,exact,100.0\n")
    assert not frictionless_report(broken / "datapackage.json").valid


# ----------------------------------------------------------------------------- SQLite and Datasette

def query(out: Path, sql: str, *args) -> list[tuple]:
    with closing(sqlite3.connect(out / "actionplans.db")) as db:
        return db.execute(sql, args).fetchall()


def test_sqlite_tables_have_typed_columns_keys_and_the_rows(out):
    sql_types = {"string": "TEXT", "integer": "INTEGER", "number": "REAL"}
    keys = {"plans": ["plan_id"], "activities": ["activity_key"],
            "activity_agencies": ["activity_key", "role", "position"], "agencies": ["agency_id"],
            "activity_fields": ["activity_key", "field"]}
    for name, (rows, columns) in TABLE_ROWS.items():
        info = query(out, f'PRAGMA table_info("{name}")')
        sequence = [("sequence", "INTEGER")] if name in ("activities", "activity_agencies") else []
        assert [(c[1], c[2]) for c in info] == [
            (col, sql_types[kind]) for col, (kind, _) in columns.items()] + sequence
        assert [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]] == keys[name]
        assert query(out, f'SELECT count(*) FROM "{name}"') == [(len(rows),)]
    references = {(fk[2], fk[3], fk[4]) for fk in query(out, 'PRAGMA foreign_key_list("activity_agencies")')}
    assert references == {("activities", "activity_key", "activity_key"), ("agencies", "agency_id", "agency_id")}
    plan_reference = {(fk[2], fk[3], fk[4]) for fk in query(out, 'PRAGMA foreign_key_list("activities")')}
    assert plan_reference == {("plans", "plan_id", "plan_id")}
    assert query(out, "PRAGMA foreign_key_check") == []
    assert query(out, "SELECT * FROM plans ORDER BY rowid") == [tuple(row.values()) for row in absent_as_null(PLANS)]
    assert query(out, "SELECT typeof(start_year), count(*) FROM activities GROUP BY 1 ORDER BY 1") == [
        ("integer", 3), ("null", 1)]
    assert query(out, "SELECT match_score FROM activity_agencies WHERE plan_id = ?", BETA) == [(92.5,)]
    assert query(out, "SELECT count(*) FROM review_agencies") == [(1,)]


def search(folder: Path, words: str) -> list[tuple]:
    """What Datasette's search box finds: the rows whose rowid the FTS index matches."""
    return query(folder, "SELECT a.plan_id, a.activity_id FROM activities_fts JOIN activities a "
                         "ON a.rowid = activities_fts.rowid WHERE activities_fts MATCH ? ORDER BY 1, 2", words)


@pytest.mark.parametrize("words, found", [
    ("budget", [(ALPHA, "1.1")]), ("searchable", [(BETA, "1.1")]), ("open", [(ALPHA, "2.1"), (BETA, "1.1")]),
    # stemming: a plural or another form of the word finds it
    ("budgets", [(ALPHA, "1.1")]), ("publishing", [(ALPHA, "1.1")]), ("trains", [(ALPHA, "1.2")]),
    # an agency's name finds the activities that name it, in any role
    ('"ministry of finance"', [(ALPHA, "1.1"), (ALPHA, "1.2"), (BETA, "1.1")]),
    ('"chamber of accounts"', [(ALPHA, "1.1"), (ALPHA, "2.1")]), ("trainers", [(ALPHA, "1.2")]),
    ("finance AND budget", [(ALPHA, "1.1")]),
])
def test_full_text_search_finds_titles_indicators_and_agencies(out, words, found):
    assert search(out, words) == found


def test_full_text_search_finds_the_real_plans_words_by_their_stem():
    """Against the committed database: the plural finds every activity whose text says "procurement"."""
    db = ROOT / "output"
    texts = query(db, "SELECT plan_id, activity_id, lower(ifnull(title, '') || ' ' || ifnull(indicator, '') || ' ' || ifnull(implementers, '') "
                      "|| ' ' || ifnull(recommended_to, '') || ' ' || ifnull(partners, '')) FROM activities ORDER BY 1, 2")
    procurement = [(plan, number) for plan, number, text in texts if re.search(r"\bprocur", text)]
    assert procurement and search(db, "procurements") == procurement
    # an agency's name finds exactly the activities the mention table gives it
    for (agency,) in query(db, "SELECT name FROM agencies WHERE kind = 'body' ORDER BY activities DESC LIMIT 5"):
        named = query(db, "SELECT DISTINCT plan_id, activity_id FROM activity_agencies WHERE agency_name = ? "
                          "ORDER BY 1, 2", agency)
        phrase = '"' + agency.replace('"', '""') + '"'
        assert set(named) <= set(search(db, phrase)), agency


def activity_order(activity_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in activity_id.split("."))


def test_the_sequence_column_gives_document_order(out, tmp_path):
    """Sorted by `sequence` (Datasette's default sort), 1.2 comes before 1.10 and the plans stay whole."""
    ids = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "2.1"]
    activities = [activity(BETA, number, int(number.split(".")[0]), f"Step {number}", "", (2021, 2021), str(i), "")
                  for i, number in enumerate(ids, start=1)] + ACTIVITIES[:3]
    links = [link(BETA, "1.10", "implementer", 1, "chamber_of_accounts", CHAMBER),
             link(BETA, "1.2", "implementer", 1, "chamber_of_accounts", CHAMBER), *LINKS[:4]]
    folder = publish_to(tmp_path / "ordered", Tables(activities, links, AGENCIES, FIELDS, PLANS))
    rows = query(folder, "SELECT plan_id, activity_id FROM activities ORDER BY sequence")
    assert rows == [(row["plan_id"], row["activity_id"]) for row in activities]
    assert [number for plan, number in rows if plan == BETA] == sorted(ids, key=activity_order)
    assert query(folder, "SELECT min(sequence), max(sequence), count(DISTINCT sequence) FROM activities") == [
        (1, len(activities), len(activities))]
    mentions = query(folder, "SELECT activity_id, role, position FROM activity_agencies ORDER BY sequence")
    assert mentions == [(row["activity_id"], row["role"], row["position"]) for row in links]


def test_datasette_metadata_describes_every_column(out):
    metadata = json.loads((out / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["license"] == "ODC-BY-1.0" and metadata["title"] and "Alpha Plan 2020-2022" in metadata["source"]
    tables = metadata["databases"]["actionplans"]["tables"]
    for name, (_, columns) in TABLE_ROWS.items():
        described = {column: description for column, (_, description) in columns.items()}
        assert {k: v for k, v in tables[name]["columns"].items() if k != "sequence"} == described
    activities = tables["activities"]
    assert (activities["fts_table"], activities["fts_pk"], activities["sort"]) == ("activities_fts", "rowid",
                                                                                  "sequence")
    assert {"role", "agency_name"} <= set(tables["activity_agencies"]["facets"])
    assert {"section_title", "flags"} <= set(activities["facets"])


@pytest.mark.parametrize("folder", ["fixture", "committed"])
def test_datasette_metadata_names_only_tables_and_columns_the_database_has(out, folder):
    """Every table, column, sort, facet, label and FTS table metadata.json names exists in actionplans.db."""
    folder = out if folder == "fixture" else ROOT / "output"
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["actionplans"]["tables"]
    schema = {name: {row[1] for row in query(folder, f'PRAGMA table_info("{name}")')}
              for (name,) in query(folder, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    for name, settings in tables.items():
        assert name in schema, name
        columns = schema[name]
        assert set(settings["columns"]) == columns, name
        named = [settings.get(key) for key in ("sort", "sort_desc", "label_column")] + settings.get("facets", [])
        assert set(filter(None, named)) <= columns, name
        if "fts_table" in settings:
            fts = settings["fts_table"]
            sql = query(folder, "SELECT sql FROM sqlite_master WHERE name = ?", fts)[0][0]
            assert "fts5" in sql and f"content='{name}'" in sql and "porter" in sql
            assert settings["fts_pk"] == "rowid" or settings["fts_pk"] in columns
            assert set(schema[fts]) <= columns  # the index's columns are the table's


# ----------------------------------------------------------------------------- README.md

def test_readme_lists_every_column_the_counts_and_the_failure(out):
    readme = (out / "README.md").read_text(encoding="utf-8")
    for _, columns in TABLE_ROWS.values():
        for column, (kind, description) in columns.items():
            assert f"| `{column}` | {kind} | {md_cell(description)} |" in readme, column
    for column in REVIEW_COLUMNS:
        assert f"| `{column}` |" in readme, column
    # plan, title, activities, agency mentions, agencies, flags, new agencies
    assert f"| `{ALPHA}` | Alpha Plan 2020-2022 | 3 | 6 | 3 | 3 | 1 |" in readme
    assert f"| `{BETA}` |  | 1 | 1 | 1 | 1 | 0 |" in readme
    assert "| raw/broken.pdf | raw/broken.pdf: no activities found <b>in</b> the table |" in readme
    assert "a" * 64 in readme and "ODC-BY-1.0" in readme


# ----------------------------------------------------------------------------- report.html

class PageParser(HTMLParser):
    """Collects the tags, the outside references and the text of every table row."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.references: list[str] = []
        self.rows: list[list[str]] = []
        self.text: list[str] = []
        self.cell: list[str] | None = None
        self.metas: list[tuple[str, str]] = []  # (name, content)
        self.styles: list[str] = []  # the text of <style> elements
        self.sizes: list[str] = []  # width / height attributes
        self.labels: list[bool] = []  # whether each td names its column
        self.runs: list[str] = []  # text of table cells a line cannot break inside (outside .long elements)
        self.wrapping: list[str] = []  # cell text so far, "\n" where a <wbr> lets the line break
        self.long: str | None = None  # the tag of the .long element being read (it wraps anywhere)
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.references += [value or "" for name, value in attrs if name in ("src", "href", "style", "srcset")]
        self.sizes += [value or "" for name, value in attrs if name in ("width", "height")]
        if tag == "meta" and dict(attrs).get("name"):
            self.metas.append((dict(attrs)["name"], dict(attrs).get("content") or ""))
        self.in_style = tag == "style"
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell, self.wrapping = [], []
            if tag == "td":
                self.labels.append(bool(dict(attrs).get("data-label")))
        if tag == "wbr" or tag == "br":
            self.wrapping.append("\n")
        if "long" in (dict(attrs).get("class") or "").split():
            self.long = tag

    def handle_endtag(self, tag):
        if tag == self.long:
            self.long = None
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.runs += re.split(r"\s+|(?<=-)", "".join(self.wrapping))
            self.cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self.in_style:
            self.styles.append(data)
            self.in_style = False
        if self.cell is not None:
            self.cell.append(data)
            self.wrapping.append(" " if self.long else data)


@pytest.fixture(scope="module")
def page(out) -> PageParser:
    parser = PageParser()
    parser.feed((out / "report.html").read_text(encoding="utf-8"))
    parser.close()
    return parser


class ChartParser(HTMLParser):
    """Reads the responsibility charts: per plan, the sections legend and each agency's row and activity list."""

    def __init__(self) -> None:
        super().__init__()
        self.plan = ""
        self.sections: dict[str, dict[str, str]] = defaultdict(dict)  # plan -> label -> text of the legend item
        self.names: dict[tuple[str, str], str] = {}  # (plan, agency_id) -> the name its row shows
        self.listed: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # -> [(activity, text)]
        self.agency: tuple[str, str] | None = None
        self.capture: tuple[str, str] | None = None  # what the text being read belongs to
        self.buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.plan = (attrs.get("id") or "").removeprefix("plan-")
        elif tag == "li" and "data-section" in attrs:
            self.capture, self.buffer = ("section", attrs["data-section"]), []
        elif tag == "details" and "agency" in (attrs.get("class") or "").split():
            self.agency = (attrs["data-plan"], attrs["data-agency"])
        elif tag == "span" and attrs.get("class") == "agency-name":
            self.capture, self.buffer = ("name", ""), []
        elif tag == "li" and "data-activity" in attrs:
            self.capture, self.buffer = ("activity", attrs["data-activity"]), []

    def handle_endtag(self, tag):
        if self.capture is None or tag != ("span" if self.capture[0] == "name" else "li"):
            return
        kind, key = self.capture
        text = " ".join("".join(self.buffer).split())
        if kind == "section":
            self.sections[self.plan][key] = text
        elif kind == "name":
            self.names[self.agency] = text
        else:
            self.listed[self.agency].append((key, text))
        self.capture = None

    def handle_data(self, data):
        if self.capture is not None:
            self.buffer.append(data)


def chart_of(folder: Path) -> ChartParser:
    parser = ChartParser()
    parser.feed((folder / "report.html").read_text(encoding="utf-8"))
    parser.close()
    return parser


def expected_lists(activities: list[dict], links: list[dict]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(plan, agency) -> the (activity id, "id title (roles)") its list must show, in document order."""
    held: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(dict)  # activity -> (plan, agency) -> roles
    for m in links:
        held[m["activity_key"]].setdefault((m["plan_id"], m["agency_id"]), []).append(m["role"])
    lists: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for a in activities:
        for agency, roles in held[a["activity_key"]].items():
            ordered = ", ".join(role for role in ("implementer", "recommended", "partner") if role in roles)
            lists[agency].append((a["activity_id"], f"{a['activity_id']} {a['title']} ({ordered})"))
    return lists


def csv_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("folder", ["fixture", "committed"])
def test_report_names_every_agency_in_full_with_the_list_of_its_activities(out, folder):
    folder = out if folder == "fixture" else ROOT / "output"
    activities, links = csv_rows(folder / "activities.csv"), csv_rows(folder / "activity_agencies.csv")
    chart = chart_of(folder)
    assert chart.names == {(m["plan_id"], m["agency_id"]): m["agency_name"] for m in links}
    assert dict(chart.listed) == expected_lists(activities, links)


def test_the_fixture_chart_shows_two_roles_and_a_name_longer_than_a_line(out):
    chart = chart_of(out)
    assert chart.names[ALPHA, "chamber_of_accounts"] == CHAMBER
    assert chart.listed[ALPHA, "ministry_of_finance"] == [
        ("1.1", "1.1 Publish the draft budget <early> & in full (implementer, partner)"),
        ("1.2", "1.2 Train the staff (implementer)")]


@pytest.mark.parametrize("folder", ["fixture", "committed"])
def test_report_writes_out_every_section_title(out, folder):
    """The legend gives each section its number and title as text (not only in a tooltip), with its count."""
    folder = out if folder == "fixture" else ROOT / "output"
    activities = csv_rows(folder / "activities.csv")
    chart = chart_of(folder)
    for plan in {a["plan_id"] for a in activities}:
        rows = [a for a in activities if a["plan_id"] == plan]
        labels = {a["section_no"] or "?" for a in rows}
        assert set(chart.sections[plan]) == labels, plan
        for label in labels:
            in_section = [a for a in rows if (a["section_no"] or "?") == label]
            titles = [a["section_title"] for a in in_section if a["section_title"]]
            item = chart.sections[plan][label]
            count = f"({len(in_section)} activit{'y' if len(in_section) == 1 else 'ies'})"
            assert item.startswith(label + " ") and item.endswith(count), item
            if label != "?":
                assert item == f"{label} {titles[0] if titles else '(no title in the source)'} {count}"


def report_page(folder: Path) -> PageParser:
    parser = PageParser()
    parser.feed((folder / "report.html").read_text(encoding="utf-8"))
    parser.close()
    return parser


def css_pixels(value: str, unit: str) -> float:
    return float(value) * (16 if unit in ("em", "rem") else 1)


@pytest.mark.parametrize("folder", ["fixture", "committed"])
def test_report_is_one_offline_file(out, folder):
    page = report_page(out if folder == "fixture" else ROOT / "output")
    assert page.tags[0] == "html" and "details" in page.tags
    assert not {"script", "link", "img", "iframe", "object", "embed", "image", "use"} & set(page.tags)
    assert not [r for r in page.references if "//" in r or r.startswith("data:")]
    styles = "".join(page.styles) + "".join(page.references)
    assert "url(" not in styles and "@import" not in styles


@pytest.mark.parametrize("folder", ["fixture", "committed"])
def test_report_reflows_to_a_phone_without_sideways_scrolling(out, folder):
    """What keeps a 390 px screen from scrolling sideways: the viewport, wrapping, nothing wider than it."""
    page = report_page(out if folder == "fixture" else ROOT / "output")
    assert ("viewport", "width=device-width, initial-scale=1") in page.metas
    css = "".join(page.styles)
    assert re.search(r"body\s*\{[^}]*overflow-wrap:\s*(break-word|anywhere)", css)
    # under a narrow width, a table's rows become blocks (cards) instead of columns side by side
    narrow = re.search(r"@media\s*\(max-width:\s*([\d.]+)em\)\s*\{(.*?)\n\}", css, re.S)
    assert narrow and css_pixels(narrow.group(1), "em") >= 390
    assert re.search(r"table[^{]*\{\s*display:\s*block", narrow.group(2))
    assert page.labels and all(page.labels)  # each cell names its column, shown above it in a card
    every_style = css + ";".join(page.references)
    assert "nowrap" not in every_style and not re.search(r"white-space:\s*pre", every_style)
    widths = re.findall(r"(?<![-\w])(?:min-)?width:\s*([\d.]+)(px|em|rem)", every_style)
    assert [w for w in widths if css_pixels(*w) > 360] == []
    assert [size for size in page.sizes if float(size) > 360] == []
    # a table column is as wide as the longest text it cannot break: identifiers break after "_" and "/"
    assert [run for run in page.runs if len(run) > 24] == []


def test_report_shows_every_flag_with_its_activity_and_lines(page):
    for row in ACTIVITIES:
        for flag in filter(None, row["flags"].split(";")):
            assert any(cells[:3] == [row["activity_id"], row["source_lines"], flag] for cells in page.rows), flag


def test_report_shows_counts_review_queue_and_failures(page):
    assert [ALPHA, "Alpha Plan 2020-2022", "3", "6", "3", "3", "1"] in page.rows
    assert any(cells[:2] == ["Office of Trainers", "office_of_trainers"] for cells in page.rows)
    path, reason = FAILURES[0]
    assert [path, reason] in page.rows  # the reason's "<b>" is text, not markup
    assert "b" not in page.tags


# ----------------------------------------------------------------------------- determinism and keys

def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_runs_give_identical_bytes(out, tmp_path):
    again = folder_bytes(publish_to(tmp_path / "again"))
    assert again.keys() == folder_bytes(out).keys()
    assert [name for name, data in again.items() if folder_bytes(out)[name] != data] == []
    write_formats(tmp_path / "again", Tables(ACTIVITIES, LINKS, AGENCIES, FIELDS, PLANS), SOURCES, REVIEW, FAILURES)
    assert folder_bytes(tmp_path / "again") == again


def test_a_repeated_activity_id_is_refused_before_anything_is_written(tmp_path):
    tables = Tables([*ACTIVITIES, ACTIVITIES[0]], LINKS, AGENCIES, FIELDS, PLANS)
    with pytest.raises(OutputError, match=r"activities: key activity_key='alpha-2020:1.1' is repeated"):
        write_formats(tmp_path, tables, SOURCES, REVIEW, FAILURES)
    assert list(tmp_path.iterdir()) == []


def test_the_real_plan_publishes_valid_formats(tmp_path):
    from pipeline import run_sources

    result = run_sources([ROOT / "raw"])
    folder = tmp_path / "out"
    folder.mkdir()
    write_csvs(folder, result.tables, result.review)
    write_formats(folder, result.tables, [], result.review, result.failures)
    assert query(folder, "PRAGMA foreign_key_check") == []
    report = frictionless_report(folder / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
