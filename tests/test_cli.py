"""The command line, run in-process: help, the one-line summary, and clear errors that write nothing."""
from __future__ import annotations

import pytest

from plans import plan_text, write_plan

ROW = ["1.1.", "Publishing budget data", "Data published", "Implementers: Ministry of Finance", "2020"]


def test_every_command_has_help(run_cli):
    for args in (["--help"], ["run", "--help"]):
        result = run_cli(*args)
        assert result.exit_code == 0 and "Usage:" in result.output


def test_run_prints_a_summary_line_per_plan(run_cli, tmp_path):
    source = write_plan(tmp_path, "tiny-plan", plan_text(ROW))
    result = run_cli("run", source, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert result.output == "tiny-plan: 1 activities, 1 flags, 0 new agencies\n"
    assert (tmp_path / "out" / "activities.csv").read_text().splitlines()[1].startswith("tiny-plan,tiny-plan:1.1,")


@pytest.mark.parametrize("name, content, message", [
    ("empty", b"", "empty file"),
    ("blank", b"  \n\n \t\n", "only white space"),
    ("prose", b"Just a letter\n\twith a tab but no numbered rows\n", "no activity numbers found"),
    ("binary", b"\x00\x01\x02\x03plan", "binary data"),
])
def test_a_file_that_is_not_a_plan_is_a_one_line_error_and_writes_nothing(run_cli, tmp_path, name, content, message):
    source = tmp_path / f"{name}.txt"
    source.write_bytes(content)
    out = tmp_path / "out"
    result = run_cli("run", source, "-o", out)
    assert result.exit_code == 1
    assert message in result.output and str(source) in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_failed_run_leaves_the_previous_output_untouched(run_cli, tmp_path):
    out = tmp_path / "out"
    assert run_cli("run", write_plan(tmp_path, "good", plan_text(ROW)), "-o", out).exit_code == 0
    before = (out / "activities.csv").read_bytes()
    (tmp_path / "bad.txt").write_bytes(b"")
    assert run_cli("run", tmp_path / "bad.txt", "-o", out).exit_code == 1
    assert (out / "activities.csv").read_bytes() == before


def test_output_folder_that_is_a_file_is_an_error(run_cli, tmp_path):
    target = tmp_path / "out"
    target.write_text("not a folder")
    result = run_cli("run", write_plan(tmp_path, "good", plan_text(ROW)), "-o", target)
    assert result.exit_code == 1 and "is a file" in result.output
    assert target.read_text() == "not a folder"


def test_missing_input_is_named(run_cli, tmp_path):
    result = run_cli("run", tmp_path / "nowhere.txt", "-o", tmp_path / "out")
    assert result.exit_code == 1 and "nowhere.txt: no such file or folder" in result.output
