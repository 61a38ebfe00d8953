"""`import actionplans`: `read` runs the pipeline, `load` reads a published folder; both give the CSVs' values
with real types, and bad folders or files raise the project's own error with one line."""
from __future__ import annotations

import csv
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import actionplans
from actionplans.dataset import TABLE_COLUMNS
from conftest import ROOT
from extract.errors import ActionPlansError
from normalize.roles import ROLES


def csv_table(folder: Path, name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def as_csv_text(value: object, kind: str) -> str:
    """How the CSV writes a value of the dataset (to compare the two cell by cell)."""
    if isinstance(value, list):
        assert all(isinstance(word, str) and word for word in value)
        return ";".join(value)
    if value is pd.NA or value is None:
        return ""
    if kind == "integer":
        assert float(value) == int(value)
        return str(int(value))
    if kind == "number":
        return str(float(value))
    assert isinstance(value, str) and value != "", repr(value)
    return value


def assert_matches_csvs(dataset: actionplans.Dataset, folder: Path) -> None:
    for name, columns in TABLE_COLUMNS.items():
        frame = getattr(dataset, name)
        header, rows = csv_table(folder, name)
        assert list(frame.columns) == header == list(columns), name
        assert len(frame) == len(rows), name
        for column, (kind, _) in columns.items():
            got = [as_csv_text(value, kind) for value in frame[column].tolist()]
            assert got == [row[column] for row in rows], f"{name}.{column}"


@pytest.fixture(scope="module")
def loaded(batch_output) -> actionplans.Dataset:
    return actionplans.load(batch_output[1])


@pytest.fixture(scope="module")
def read_back(batch_output) -> actionplans.Dataset:
    raw, _ = batch_output
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dataset = actionplans.read(raw)
    # The three files raw/plans.csv does not list are read, and said so.
    assert sorted(str(w.message).split(":")[0] for w in caught) == sorted(
        str(raw / name) for name in ("2021.txt", "budget-plan.txt", "small-portrait-plan.pdf"))
    return dataset


def test_load_gives_the_values_of_the_csvs(loaded, batch_output):
    assert_matches_csvs(loaded, batch_output[1])


def test_read_gives_the_values_of_the_csvs(read_back, batch_output):
    assert_matches_csvs(read_back, batch_output[1])


def test_read_and_load_give_the_same_frames(read_back, loaded):
    for name in TABLE_COLUMNS:
        pd.testing.assert_frame_equal(getattr(read_back, name), getattr(loaded, name), check_exact=True)


def test_the_committed_output_loads_with_real_types():
    ds = actionplans.load(ROOT / "output")
    dtypes = ds.activities.dtypes
    for column in ("plan_id", "activity_key", "activity_id", "title", "indicator", "period", "source_lines"):
        assert dtypes[column] == "string", column
    for column in ("section_no", "start_year", "end_year"):
        assert dtypes[column] == "Int64", column
    assert {"1.1", "1.10"} <= set(ds.activities["activity_id"])
    assert ds.activities.loc[ds.activities["activity_id"] == "1.10", "start_year"].tolist() == [2020]
    flags = ds.activities["flags"]
    assert flags.map(type).eq(list).all() and "period_missing" in flags.explode().tolist()
    links = ds.activity_agencies
    assert links["role"].dtype == "category" and list(links["role"].cat.categories) == list(ROLES)
    assert links["agency_kind"].dtype == "category" and links["match_method"].dtype == "category"
    assert links["position"].dtype == "Int64" and links["match_score"].dtype == "Float64"
    assert ds.plans["pages"].dtype == "Int64" and ds.plans["pages"].isna().all()
    assert ds.plans["plan_id"].tolist() == ["az-ogp-2020-2022"]


def test_types_of_a_mixed_batch(loaded):
    plans = loaded.plans.set_index("plan_id")
    assert plans.loc["2021", "title"] == "National Action Plan for Testing 2020-2022"  # an id like a number stays text
    assert plans.loc["small-portrait-plan", "pages"] >= 1 and pd.isna(plans.loc["budget-plan", "pages"])
    activities = loaded.activities
    assert activities.loc[activities["plan_id"] == "2021", "indicator"].tolist() == ["NA"]  # text, not missing
    budget = activities[activities["plan_id"] == "budget-plan"]
    assert budget["start_year"].tolist() == [2024, pd.NA]
    assert "period_without_year" in budget["flags"].tolist()[1]
    assert loaded.activity_fields[["activity_key", "field", "value"]].values.tolist() == [
        ["budget-plan:1.1", "Budget", "State budget"]]


def test_a_table_without_rows_loads_without_its_empty_folder(tmp_path):
    copy = tmp_path / "output"
    shutil.copytree(ROOT / "output", copy)
    shutil.rmtree(copy / "activity_fields", ignore_errors=True)  # git keeps no empty folder
    fields = actionplans.load(copy).activity_fields
    assert fields.empty and list(fields.columns) == list(TABLE_COLUMNS["activity_fields"])
    assert fields["plan_id"].dtype == "string"


def one_line_error(call) -> str:
    with pytest.raises(ActionPlansError) as caught:
        call()
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_load_errors_are_one_line_naming_the_folder(tmp_path):
    assert one_line_error(lambda: actionplans.load(tmp_path / "nope")) == (
        f"{tmp_path / 'nope'}: no such folder (expected an output folder of `actionplans run`)")
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    assert "is a file" in one_line_error(lambda: actionplans.load(tmp_path / "notes.txt"))
    message = one_line_error(lambda: actionplans.load(tmp_path))
    assert message.startswith(f"{tmp_path}: not an actionplans output folder (no plans.parquet, agencies.parquet, "
                              "activities)")


def test_a_damaged_output_is_named(tmp_path):
    copy = tmp_path / "output"
    shutil.copytree(ROOT / "output", copy)
    (copy / "plans.parquet").write_bytes(b"PAR1 not really")
    assert one_line_error(lambda: actionplans.load(copy)).startswith(
        f"{copy / 'plans.parquet'}: cannot read the Parquet file")
    shutil.copy(ROOT / "output" / "agencies.parquet", copy / "plans.parquet")
    assert one_line_error(lambda: actionplans.load(copy)) == (
        f"{copy / 'plans.parquet'}: not the plans table of an actionplans output (no column plan_id, title, "
        "country, start_year, end_year, language, source_file, source_url, sha256, pages, flags, "
        "words_unplaced, tables, layout)")
    shutil.copy(ROOT / "output" / "plans.parquet", copy / "plans.parquet")
    (copy / "activities" / "plan_id=elsewhere").mkdir()
    assert "a part for no plan of plans.parquet" in one_line_error(lambda: actionplans.load(copy))


def test_read_errors_are_one_line_naming_the_file(tmp_path):
    assert one_line_error(lambda: actionplans.read(tmp_path / "nope.txt")) == (
        f"{tmp_path / 'nope.txt'}: no such file or folder")
    (tmp_path / "empty.txt").write_bytes(b"")
    assert one_line_error(lambda: actionplans.read(tmp_path / "empty.txt")).startswith(f"{tmp_path / 'empty.txt'}: ")


def test_read_takes_a_registry(tmp_path):
    from conftest import RAW_PLAN

    registry = tmp_path / "agencies.csv"
    registry.write_text("agency_id,name,kind,aliases,successor\n"
                        "cabinet,Cabinet of Ministers,body,,\n", encoding="utf-8")
    links = actionplans.read([RAW_PLAN], registry=registry).activity_agencies
    ids = set(links.loc[links["agency_name"] == "Cabinet of Ministers", "agency_id"])
    assert ids == {"cabinet"}  # the given registry's id, not the shipped registry's cabinet_of_ministers
    assert (links["match_method"] == "new").sum() > 0  # the others are new to so small a registry
