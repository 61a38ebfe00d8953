"""The loading recipes of the output README run as printed there, and keep ids text and years integers.

The code is taken from the README's text itself, so the documentation and this test cannot drift apart.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from conftest import ROOT

COMMITTED = ROOT / "output"


def recipe(readme: str, heading: str, language: str) -> str:
    """The fenced code block of one language under a `### heading` of the README."""
    section = re.search(rf"^### {re.escape(heading)}\n(.*?)(?=^##)", readme, re.S | re.M)
    assert section, f"no section {heading!r} in the README"
    blocks = re.findall(rf"^```{language}\n(.*?)^```$", section[1], re.S | re.M)
    assert len(blocks) == 1, f"expected one {language} block under {heading!r}"
    return blocks[0]


def readme_of(folder: Path) -> str:
    return (folder / "README.md").read_text(encoding="utf-8")


def csv_activities(folder: Path) -> list[dict[str, str]]:
    with (folder / "activities.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(params=["committed", "batch"])
def folder(request) -> Path:
    return COMMITTED if request.param == "committed" else request.getfixturevalue("batch_output")[1]


def run_python(code: str, folder: Path, monkeypatch) -> dict:
    monkeypatch.chdir(folder)  # the recipes load the files of the folder they are read in
    namespace: dict = {}
    exec(compile(code, f"{folder / 'README.md'} recipe", "exec"), namespace)
    return namespace


def test_the_pandas_recipe_keeps_ids_text_and_years_integers(folder, monkeypatch):
    import pandas as pd

    activities = run_python(recipe(readme_of(folder), "pandas", "python"), folder, monkeypatch)["activities"]
    assert activities["activity_id"].dtype == "string" and activities["plan_id"].dtype == "string"
    assert activities["start_year"].dtype == "Int64" and activities["section_no"].dtype == "Int64"
    ids = activities.loc[activities["plan_id"] == "az-ogp-2020-2022", "activity_id"].tolist()
    assert "1.10" in ids and "1.1" in ids and len(ids) == len(set(ids))
    rows = csv_activities(folder)
    for column in activities.columns:
        got = ["" if value is pd.NA else str(value) for value in activities[column].tolist()]
        assert got == [row[column] for row in rows], column


def test_the_duckdb_recipe_keeps_ids_text_and_years_integers(folder, monkeypatch):
    duckdb = pytest.importorskip("duckdb", reason="duckdb (a test dependency) is not installed")
    monkeypatch.chdir(folder)
    with duckdb.connect() as db:
        db.execute(recipe(readme_of(folder), "DuckDB", "sql"))
        for table in ("activities", "activities_parquet"):
            types = dict(db.execute(f"SELECT column_name, column_type FROM (DESCRIBE {table})").fetchall())
            assert types["activity_id"] == types["plan_id"] == "VARCHAR", table
            assert types["start_year"] == types["end_year"] == "BIGINT", table
            found = db.execute(f"SELECT activity_id, start_year FROM {table} WHERE plan_id = 'az-ogp-2020-2022' "
                               "AND activity_id IN ('1.1', '1.10') ORDER BY activity_id").fetchall()
            assert found == [("1.1", 2020), ("1.10", 2020)], table
            columns = [row[0] for row in db.execute(f"DESCRIBE {table}").fetchall()]
            rows = db.execute(f"SELECT * FROM {table} ORDER BY activity_key").fetchall()
            got = sorted(({column: "" if value is None else str(value) for column, value in zip(columns, row)}
                          for row in rows), key=lambda row: row["activity_key"])
            assert got == sorted(csv_activities(folder), key=lambda row: row["activity_key"]), table


def test_the_frictionless_recipe_reads_the_types_from_the_data_package(monkeypatch):
    pytest.importorskip("frictionless", reason="frictionless (a test dependency) is not installed")
    rows = run_python(recipe(readme_of(COMMITTED), "Frictionless", "python"), COMMITTED, monkeypatch)["activities"]
    ids = [row["activity_id"] for row in rows]
    assert "1.10" in ids and "1.1" in ids
    assert {type(row["start_year"]) for row in rows} <= {int, type(None)}
    assert len(rows) == len(csv_activities(COMMITTED))


def test_the_r_recipe_names_every_column_that_is_not_text():
    code = recipe(readme_of(COMMITTED), "R", "r")
    assert "na = \"\"" in code and ".default = col_character()" in code
    for column in ("section_no", "start_year", "end_year"):
        assert f"{column} = col_integer()" in code
