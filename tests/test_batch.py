"""Batch runs: the manifest, parallel workers, a failing document, stable ids, the word accounting."""
from __future__ import annotations

import csv
import hashlib
import shutil

import pytest

from conftest import EDITION, RAW_PLAN, ROOT
from plans import plan_text, write_plan

ROW = ["1.1.", "Publishing budget data", "Data published", "Implementers: Ministry of Finance", "2020"]
MANIFEST_HEADER = "plan_id,file,country,title,kind,start_year,end_year,language,source_url,sha256\n"


def rows(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture()
def batch(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(RAW_PLAN, folder / "az-ogp-2020-2022.txt")
    shutil.copy(EDITION, folder / "edition.txt")
    write_plan(folder, "tiny", plan_text(ROW))
    return folder


def test_jobs_do_not_change_a_byte(run_cli, batch, tmp_path):
    one = run_cli("run", batch, "-o", tmp_path / "one", "--jobs", "1")
    two = run_cli("run", batch, "-o", tmp_path / "two", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    for name in ("activities.csv", "activity_agencies.csv", "agencies.csv", "review/agencies.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_one_failed_document_leaves_the_others_published(run_cli, batch, tmp_path):
    (batch / "broken.txt").write_bytes(b"")
    result = run_cli("run", batch, "-o", tmp_path / "out", "--jobs", "2")
    assert result.exit_code == 1
    assert f"failed: {batch / 'broken.txt'}: empty file" in result.stderr
    assert "1 of 4 documents failed" in result.stderr
    published = {row["plan_id"] for row in rows(tmp_path / "out" / "activities.csv")}
    assert published == {"az-ogp-2020-2022", "edition", "tiny"}
    assert len(rows(tmp_path / "out" / "activities.csv")) == 64 + 36 + 1


def test_the_manifest_names_plans_and_is_checked(run_cli, batch, tmp_path):
    digest = hashlib.sha256((batch / "tiny.txt").read_bytes()).hexdigest()
    (batch / "plans.csv").write_text(MANIFEST_HEADER + f"tiny-2020,tiny.txt,Testland,Tiny plan,open-government,"
                                     f"2020,2020,en,,{digest}\n")
    result = run_cli("run", batch, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert "edition.txt: not in" in result.stderr
    assert {row["plan_id"] for row in rows(tmp_path / "out" / "activities.csv")} == \
        {"az-ogp-2020-2022", "edition", "tiny-2020"}


@pytest.mark.parametrize("line, message", [
    ("tiny,tiny.txt,,,,,,,,0000", "sha256 of tiny.txt is"),
    ("tiny,missing.txt,,,,,,,,", "file 'missing.txt' is listed but not in"),
    ("tiny,tiny.txt,,,,,,,,\ntiny,edition.txt,,,,,,,,", "plan_id 'tiny' is already used on line 2"),
    ("bad id,tiny.txt,,,,,,,,", "plan_id 'bad id' is not valid"),
    ("tiny,tiny.txt,,,,20x0,,,,", "year '20x0' is not a four-digit year"),
])
def test_manifest_problems_are_named(run_cli, batch, tmp_path, line, message):
    (batch / "plans.csv").write_text(MANIFEST_HEADER + line + "\n")
    result = run_cli("run", batch, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert message in result.output and "plans.csv:" in result.output
    assert not (tmp_path / "out").exists()


def test_a_quoted_title_keeps_its_line_break_and_later_rows_their_line_numbers(run_cli, batch, tmp_path):
    (batch / "plans.csv").write_text(MANIFEST_HEADER + 'tiny,tiny.txt,,"Tiny plan\nfor testing",,,,,,\n'
                                     "bad id,edition.txt,,,,,,,,\n")
    result = run_cli("run", batch, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "plans.csv:4: plan_id 'bad id' is not valid" in result.output
    (batch / "plans.csv").write_text(MANIFEST_HEADER + 'tiny,tiny.txt,,"Tiny plan\nfor testing",,,,,,\n')
    assert run_cli("run", batch, "-o", tmp_path / "out").exit_code == 0
    titles = {row["plan_id"]: row["title"] for row in rows(tmp_path / "out" / "plans.csv")}
    assert titles["tiny"] == "Tiny plan\nfor testing"


def test_a_utf16_document_without_a_bom_fails_alone(run_cli, tmp_path):
    folder = tmp_path / "wide"
    folder.mkdir()
    write_plan(folder, "first", plan_text(ROW), encoding="utf-16")
    write_plan(folder, "second", plan_text(ROW), encoding="utf-16")
    write_plan(folder, "unmarked", plan_text(ROW), encoding="utf-16-le")
    result = run_cli("run", folder, "-o", tmp_path / "out", "--jobs", "2", "--encoding", "UTF16")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"failed: {folder / 'unmarked.txt'}: UTF16 text must start with a byte-order mark" in result.stderr
    assert "1 of 3 documents failed" in result.stderr
    assert {row["plan_id"] for row in rows(tmp_path / "out" / "activities.csv")} == {"first", "second"}


def test_ids_do_not_change_when_documents_are_added(run_cli, batch, tmp_path):
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(RAW_PLAN, alone)
    assert run_cli("run", alone, "-o", tmp_path / "a").exit_code == 0
    assert run_cli("run", batch, "-o", tmp_path / "b").exit_code == 0
    key = lambda r: (r["plan_id"], r["activity_id"], r["role"], r["position"])  # noqa: E731
    before = {key(r): r["agency_id"] for r in rows(tmp_path / "a" / "activity_agencies.csv")}
    after = {key(r): r["agency_id"] for r in rows(tmp_path / "b" / "activity_agencies.csv")}
    assert {k: after[k] for k in before} == before
    keys_before = [r["activity_key"] for r in rows(tmp_path / "a" / "activities.csv")]
    keys_after = [r["activity_key"] for r in rows(tmp_path / "b" / "activities.csv") if r["plan_id"] == "az-ogp-2020-2022"]
    assert keys_before == keys_after


@pytest.mark.parametrize("source", [RAW_PLAN, EDITION], ids=["2020-2022", "edition"])
def test_every_word_of_the_plan_is_accounted_for(run_cli, source):
    result = run_cli("check", source)
    assert result.exit_code == 0, result.output
    assert "unplaced" not in result.output.replace("  unplaced", "")
    total = sum(len(line.split()) for line in source.read_text(encoding="utf-8-sig").splitlines())
    assert f"{total:7d}  words in all" in result.output


def test_check_lists_unplaced_words_with_their_line(run_cli, tmp_path):
    source = write_plan(tmp_path, "stray", plan_text(ROW + ["margin note"]))
    result = run_cli("check", source)
    assert result.exit_code == 1
    assert "unplaced: line 4: margin" in result.output and "unplaced: line 4: note" in result.output
    run = run_cli("run", source, "-o", tmp_path / "out")
    assert "2 words unplaced" in run.stdout
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<h3>Words not placed</h3>" in report
    assert '<td class="n" data-label="line">4</td><td data-label="words">margin note</td>' in report


def test_accepting_a_spelling_makes_the_next_run_match_it(run_cli, tmp_path):
    registry = tmp_path / "agencies.csv"
    shutil.copy(ROOT / "normalize" / "agencies.csv", registry)
    source = write_plan(tmp_path, "plan", plan_text(
        ["1.1.", "Publishing budget data", "Data published", "Implementers: Treasury Dept of Finance", "2020"]))
    first = run_cli("run", source, "-o", tmp_path / "out", "--registry", registry)
    assert first.exit_code == 0 and "1 new agencies" in first.stdout
    review = run_cli("agencies", "review", "-o", tmp_path / "out", "--registry", registry)
    assert "'Treasury Dept of Finance'" in review.output
    accepted = run_cli("agencies", "accept", "Treasury Dept of Finance", "ministry_of_finance", "--registry", registry)
    assert accepted.exit_code == 0
    second = run_cli("run", source, "-o", tmp_path / "out", "--registry", registry)
    assert "0 new agencies" in second.stdout
    link = rows(tmp_path / "out" / "activity_agencies.csv")[0]
    assert (link["agency_id"], link["match_method"]) == ("ministry_of_finance", "alias")


def test_a_mixed_batch_publishes_every_format(run_cli, tmp_path):
    """The 2020-2022 text, a PDF and a second text plan in one folder: one set of tables in every format."""
    import sqlite3
    from contextlib import closing

    import pyarrow.dataset as ds
    from frictionless import validate

    from conftest import FIXTURES

    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(RAW_PLAN, folder)
    shutil.copy(FIXTURES / "pdf" / "small-portrait-plan.pdf", folder)
    write_plan(folder, "tiny", plan_text(ROW, ["1.2.", "Creating a budget portal", "Portal launched",
                                              "Implementers: Ministry of Justice", "2021"]))
    out = tmp_path / "out"
    result = run_cli("run", folder, "-o", out, "--jobs", "2")
    assert result.exit_code == 0, result.output
    activities = rows(out / "activities.csv")
    plans = {row["plan_id"] for row in activities}
    assert plans == {"az-ogp-2020-2022", "small-portrait-plan", "tiny"}
    assert all(row["activity_key"] == f"{row['plan_id']}:{row['activity_id']}" for row in activities)
    table = ds.dataset(out / "activities", partitioning="hive").to_table()
    assert table.num_rows == len(activities)
    one = ds.dataset(out / "activities", partitioning="hive").to_table(filter=ds.field("plan_id") == "tiny")
    assert one.column("title").to_pylist() == ["Publishing budget data", "Creating a budget portal"]
    links = ds.dataset(out / "activity_agencies", partitioning="hive").to_table()
    assert links.num_rows == len(rows(out / "activity_agencies.csv"))
    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    with closing(sqlite3.connect(out / "actionplans.db")) as db:
        counted = dict(db.execute("SELECT plan_id, count(*) FROM activities GROUP BY plan_id").fetchall())
        assert counted == {plan: sum(r["plan_id"] == plan for r in activities) for plan in plans}
        found = db.execute("SELECT a.plan_id, a.activity_id FROM activities_fts JOIN activities a "
                           "ON a.rowid = activities_fts.rowid WHERE activities_fts MATCH 'portal' "
                           "AND a.plan_id = 'tiny'").fetchall()
        assert found == [("tiny", "1.2")]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    html = (out / "report.html").read_text(encoding="utf-8")
    assert all(plan in html for plan in plans) and '<details class="agency"' in html and "http://" not in html
