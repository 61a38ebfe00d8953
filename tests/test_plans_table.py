"""plans.csv: one row per plan, with the manifest's facts (or the document's), the counts and the tables' layout;
`activities.plan_id` is a foreign key to it in the Data Package and in SQLite."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from conftest import ROOT

MANIFEST_FACTS = ("title", "country", "kind", "start_year", "end_year", "language", "source_url", "sha256")


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def plans(batch_output) -> dict[str, dict[str, str]]:
    return {row["plan_id"]: row for row in rows(batch_output[1] / "plans.csv")}


def test_one_row_per_plan_in_the_order_of_the_activities(batch_output):
    out = batch_output[1]
    activities = rows(out / "activities.csv")
    assert [row["plan_id"] for row in rows(out / "plans.csv")] == list(dict.fromkeys(a["plan_id"] for a in activities))
    assert list(rows(out / "plans.csv")[0]) == [
        "plan_id", "title", "country", "kind", "start_year", "end_year", "language", "source_file", "source_url",
        "sha256", "pages", "activities", "flags", "words_unplaced", "tables", "layout"]


def test_a_listed_plan_has_the_manifests_facts(plans):
    manifest = next(row for row in rows(ROOT / "raw" / "plans.csv") if row["plan_id"] == "az-ogp-2020-2022")
    plan = plans["az-ogp-2020-2022"]
    assert {name: plan[name] for name in MANIFEST_FACTS} == {name: manifest[name] for name in MANIFEST_FACTS}
    assert plan["source_file"] == manifest["file"] and plan["pages"] == ""
    assert (plan["tables"], plan["layout"]) == ("1", "number|title|indicator|agencies|period")


def test_an_unlisted_plan_is_described_from_its_document(plans, batch_output):
    raw = batch_output[0]
    budget = plans["budget-plan"]
    assert (budget["title"], budget["start_year"], budget["end_year"]) == ("National Action Plan 2024-2026", "2024", "2026")
    assert (budget["country"], budget["kind"], budget["language"], budget["source_url"]) == ("", "", "", "")
    assert budget["sha256"] == hashlib.sha256((raw / "budget-plan.txt").read_bytes()).hexdigest()
    assert budget["layout"] == "number|title|agencies|extra:Budget|period"


def test_a_pdf_has_its_page_count(plans, batch_output):
    import pdfplumber

    with pdfplumber.open(batch_output[0] / "small-portrait-plan.pdf") as pdf:
        assert plans["small-portrait-plan"]["pages"] == str(len(pdf.pages))
    assert plans["small-portrait-plan"]["source_file"] == "small-portrait-plan.pdf"


def test_the_counts_are_those_of_the_tables_and_of_check(plans, batch_output, run_cli):
    raw, out = batch_output
    activities = rows(out / "activities.csv")
    for plan_id, plan in plans.items():
        own = [a for a in activities if a["plan_id"] == plan_id]
        assert int(plan["activities"]) == len(own)
        unplaced = int(plan["words_unplaced"])
        flags = sum(len([f for f in a["flags"].split(";") if f]) for a in own) + (unplaced > 0)
        assert int(plan["flags"]) == flags, plan_id
    check = run_cli("check", raw / "small-portrait-plan.pdf")
    assert int(plans["small-portrait-plan"]["words_unplaced"]) == check.stdout.count("unplaced: line") > 0


def test_the_data_package_and_sqlite_key_activities_to_plans(batch_output):
    out = batch_output[1]
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert resources["plans"]["path"] == "plans.csv" and resources["plans"]["schema"]["primaryKey"] == ["plan_id"]
    assert {"fields": ["plan_id"], "reference": {"resource": "plans", "fields": ["plan_id"]}} in (
        resources["activities"]["schema"]["foreignKeys"])
    with closing(sqlite3.connect(out / "actionplans.db")) as db:
        assert db.execute("SELECT plan_id FROM plans ORDER BY rowid").fetchall() == [
            (row["plan_id"],) for row in rows(out / "plans.csv")]
        references = {(fk[2], fk[3], fk[4]) for fk in db.execute('PRAGMA foreign_key_list("activities")')}
        assert ("plans", "plan_id", "plan_id") in references
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_frictionless_catches_an_activity_of_no_plan(batch_output, tmp_path):
    frictionless = pytest.importorskip("frictionless", reason="frictionless (a test dependency) is not installed")
    broken = tmp_path / "broken"
    shutil.copytree(batch_output[1], broken)
    lines = (broken / "plans.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (broken / "plans.csv").write_text("".join(line for line in lines if not line.startswith("budget-plan,")),
                                      encoding="utf-8")
    report = frictionless.validate(str(broken / "datapackage.json"))
    assert not report.valid
    assert {error_type for error_type, in report.flatten(["type"])} == {"foreign-key"}


def test_frictionless_validate_passes_on_the_committed_output():
    frictionless = Path(sys.executable).with_name("frictionless")
    if not frictionless.exists():
        pytest.skip("the frictionless command (a test dependency) is not installed")
    result = subprocess.run([str(frictionless), "validate", "datapackage.json"], cwd=ROOT / "output",
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "VALID" in result.stdout.upper() and "INVALID" not in result.stdout.upper()
