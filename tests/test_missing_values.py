"""One meaning of missing: an absent value is an empty cell in the CSVs and NULL in Parquet and SQLite, in every
column of every table, and the formats agree cell by cell (read here with pyarrow and sqlite3 directly)."""
from __future__ import annotations

import csv
import sqlite3
from contextlib import closing
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from publish.dictionary import MISSING_VALUES, TABLE_SPECS
from publish.sqlite import SEQUENCE_COLUMN, SEQUENCED

PARTITIONED = ("activities", "activity_agencies", "activity_fields")
SINGLE = ("plans", "agencies")


@pytest.fixture(params=["committed", "batch"])
def folder(request) -> Path:
    return ROOT / "output" if request.param == "committed" else request.getfixturevalue("batch_output")[1]


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def parquet_rows(folder: Path, name: str) -> list[dict]:
    if name in SINGLE:
        return pq.read_table(folder / f"{name}.parquet").to_pylist()
    if not (folder / name).exists():
        return []  # a table without rows: git keeps no empty folder
    partitioning = ds.partitioning(pa.schema([("plan_id", pa.string())]), flavor="hive")
    return ds.dataset(folder / name, format="parquet", partitioning=partitioning).to_table().to_pylist()


def sqlite_rows(folder: Path, name: str) -> list[dict]:
    """The table's rows, without the column only the database has (`sequence`, for Datasette's sort)."""
    with closing(sqlite3.connect(folder / "actionplans.db")) as db:
        cursor = db.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
    if name in SEQUENCED:
        for row in rows:
            assert row.pop(SEQUENCE_COLUMN) is not None
    return rows


def as_text(value: object) -> str | None:
    """A typed value as the CSV writes it; None stays None."""
    if value is None:
        return None
    return str(value)


def keyed(rows: list[dict], key: tuple[str, ...]) -> dict[tuple, dict]:
    result = {tuple(str(row[name]) for name in key): row for row in rows}
    assert len(result) == len(rows)
    return result


def assert_same_cells(name: str, csv_table: list[dict[str, str]], other: list[dict], where: str) -> None:
    for n, (text_row, typed_row) in enumerate(zip(csv_table, other)):
        assert set(typed_row) == set(text_row), f"{where} {name}: columns"
        for column, text in text_row.items():
            value = typed_row[column]
            assert value != "", f"{where} {name} row {n} {column}: the empty text, not NULL"
            assert (text == "") == (value is None), f"{where} {name} row {n} {column}: {text!r} vs {value!r}"
            assert text == (as_text(value) or ""), f"{where} {name} row {n} {column}"


@pytest.mark.parametrize("spec", TABLE_SPECS, ids=lambda spec: spec.name)
def test_csv_and_sqlite_agree_on_every_cell(folder, spec):
    rows = csv_rows(folder / spec.path)
    assert len(sqlite_rows(folder, spec.name)) == len(rows)
    assert_same_cells(spec.name, rows, sqlite_rows(folder, spec.name), "SQLite")


@pytest.mark.parametrize("spec", [spec for spec in TABLE_SPECS if spec.name in (*PARTITIONED, *SINGLE)],
                         ids=lambda spec: spec.name)
def test_csv_and_parquet_agree_on_every_cell(folder, spec):
    rows = csv_rows(folder / spec.path)
    by_key = keyed(parquet_rows(folder, spec.name), spec.primary_key)
    assert len(by_key) == len(rows)
    matched = [by_key[tuple(row[name] for name in spec.primary_key)] for row in rows]
    assert_same_cells(spec.name, rows, matched, "Parquet")


def test_absent_values_are_there_to_compare(batch_output):
    """The batch has absent text, years, flags and pages, so the comparisons above meet every kind."""
    out = batch_output[1]
    activities = csv_rows(out / "activities.csv")
    assert any(row["flags"] == "" for row in activities) and any(row["flags"] for row in activities)
    assert any(row["start_year"] == "" for row in activities) and any(row["partners"] == "" for row in activities)
    plans = csv_rows(out / "plans.csv")
    assert {row["pages"] == "" for row in plans} == {True, False}
    assert any(row["source_url"] == "" for row in plans)
    with closing(sqlite3.connect(out / "actionplans.db")) as db:
        flagged = db.execute("SELECT count(*) FROM activities WHERE flags IS NOT NULL").fetchone()[0]
    assert flagged == sum(row["flags"] != "" for row in activities) < len(activities)


def test_the_dictionary_says_what_missing_is():
    readme = (ROOT / "output" / "README.md").read_text(encoding="utf-8")
    assert MISSING_VALUES in readme
    assert "empty cell in the CSVs and NULL in Parquet and SQLite, in every column" in MISSING_VALUES


COLUMNS = {"plan_id": ("string", "a plan"), "text": ("string", "any text"), "year": ("integer", "a year")}


TEXTS = st.text(alphabet=list('ab ,;"\r\nNAnul|')) | st.sampled_from(["", "NA", "null", "NaN", "None", "-"])


@given(st.lists(st.tuples(TEXTS, st.none() | st.integers(1900, 2100)), max_size=8))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_value_is_null_in_every_format_exactly_where_the_csv_cell_is_empty(tmp_path, cells):
    """For any text (quotes, line breaks, "NA", "null"), the CSV written and read back for Parquet, and the
    value SQLite gets, are NULL where the cell is empty and the same text or number everywhere else."""
    from publish.output import write_table
    from publish import csv_batches
    from publish.dictionary import typed_value

    rows = [{"plan_id": "p", "text": text, "year": year} for text, year in cells]
    path = tmp_path / "table.csv"
    write_table(rows, COLUMNS, path)
    parquet = [row for batch in csv_batches(path, COLUMNS) for row in batch.to_pylist()]
    expected = [{"plan_id": "p", "text": text or None, "year": year} for text, year in cells]
    assert parquet == expected
    assert [{name: typed_value(row[name], kind) for name, (kind, _) in COLUMNS.items()} for row in rows] == expected
