"""Every bad input gets one clear line (the file, what is wrong, what would be valid), exit 1, no output."""
from __future__ import annotations

import codecs

import pytest

from plans import plan_text, write_plan

ROW = ["1.1.", "Publishing budget data", "Data published", "Implementers: Ministry of Finance", "2020"]


def assert_one_line_error(result, *fragments: str, exit_code: int = 1) -> None:
    assert result.exit_code == exit_code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


@pytest.mark.parametrize("name, content, message", [
    ("empty", b"", "empty file, expected the text of a plan's table"),
    ("blank", b"  \n\n \t\n", "only white space"),
    ("binary", b"\x00\x01\x02\x03plan", "binary data, not a text plan (expected UTF-8 or UTF-16 text, or a PDF)"),
    ("prose", b"Just a letter\n\twith a tab but no numbered rows\n", "no activity numbers found (expected rows numbered like 1, 1.1"),
    ("latin", "Plan\n1.1.\tCréation d'un portail\t\t\t2020\n".encode("cp1252"), "not UTF-8 (line 2, byte"),
])
def test_a_file_that_is_not_a_plan(run_cli, tmp_path, name, content, message):
    source = tmp_path / f"{name}.txt"
    source.write_bytes(content)
    out = tmp_path / "out"
    result = run_cli("run", source, "-o", out)
    assert_one_line_error(result, str(source), message)
    assert not out.exists()


def test_other_encoding_error_names_the_encodings_expected_and_the_option(run_cli, tmp_path):
    source = tmp_path / "cyrillic.txt"
    source.write_bytes(plan_text(["1.1.", "Создание портала", "Портал", "Implementers: Ministry of Finance",
                                  "2020"]).encode("cp1251"))
    result = run_cli("run", source, "-o", tmp_path / "out")
    assert_one_line_error(result, "expected UTF-8 or UTF-16 with a BOM", "--encoding")
    forced = run_cli("run", source, "-o", tmp_path / "out", "--encoding", "cp1251")
    assert forced.exit_code == 0
    assert "Создание портала" in (tmp_path / "out" / "activities.csv").read_text(encoding="utf-8")


def test_utf16_with_bom_runs(run_cli, tmp_path):
    source = tmp_path / "wide.txt"
    source.write_bytes(codecs.BOM_UTF16_LE + plan_text(ROW).encode("utf-16-le"))
    assert run_cli("run", source, "-o", tmp_path / "out").exit_code == 0


def test_a_file_over_the_size_limit(run_cli, tmp_path):
    source = write_plan(tmp_path, "big", plan_text(ROW))
    result = run_cli("run", source, "-o", tmp_path / "out", "--max-bytes", "100")
    assert_one_line_error(result, str(source), "over the size limit of 100 bytes")
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_is_a_file(run_cli, tmp_path):
    target = tmp_path / "out"
    target.write_text("not a folder")
    result = run_cli("run", write_plan(tmp_path, "good", plan_text(ROW)), "-o", target)
    assert_one_line_error(result, str(target), "is a file, expected an output folder")
    assert target.read_text() == "not a folder"


def test_an_output_folder_that_cannot_be_written(run_cli, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    target = blocker / "out"
    result = run_cli("run", write_plan(tmp_path, "good", plan_text(ROW)), "-o", target)
    assert_one_line_error(result, str(target), "cannot write the output folder")
    assert blocker.read_text() == "a file where a folder should be"


def test_an_unknown_option_is_a_usage_error(run_cli, tmp_path):
    result = run_cli("run", "--no-such-option")
    assert result.exit_code == 2


@pytest.mark.parametrize("option, value, message", [
    ("--jobs", "0", "0 is not in the range 1<=x<=256"),
    ("--jobs", "1000", "1000 is not in the range 1<=x<=256"),
    ("--timeout", "nan", "'nan' is not a number; expected one in the range 0<x<=604800"),
    ("--timeout", "inf", "inf is not in the range 0<x<=604800"),
    ("--timeout", "1e10", "10000000000.0 is not in the range 0<x<=604800"),
    ("--timeout", "0", "0.0 is not in the range 0<x<=604800"),
    ("--timeout", "soon", "'soon' is not a valid number"),
    ("--max-bytes", "1e10", "'1e10' is not a valid integer"),
    ("--max-bytes", str(1 << 41), "2199023255552 is not in the range 1<=x<=1099511627776"),
    ("--max-pages", "-1", "-1 is not in the range 1<=x<=1000000"),
])
def test_a_numeric_option_out_of_range_is_a_usage_error_saying_what_is_valid(run_cli, tmp_path, option, value,
                                                                              message):
    source = write_plan(tmp_path, "good", plan_text(ROW))
    commands = [["run", source, "-o", tmp_path / "out"]]
    if option == "--max-pages":
        commands.append(["extract-text", source])
    for command in commands:
        result = run_cli(*command, option, value)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        assert "Error: Invalid value for " in result.output and f"'{option}': {message}" in result.output
    assert not (tmp_path / "out").exists()


DUPLICATE = plan_text(ROW, ["1.1.", "Creating a portal", "Portal launched", "Implementers: Ministry of Justice", "2021"])
BACKWARDS = plan_text(["2.1.", "Creating a portal", "Portal launched", "Implementers: Ministry of Justice", "2021"], ROW)


@pytest.mark.parametrize("text, flag, message", [
    (DUPLICATE, "activity_id_duplicate", "activity 1.1: activity id duplicate"),
    (BACKWARDS, "section_backwards", "activity 1.1: section backwards"),
])
def test_id_problems_are_flagged_by_default_and_fatal_with_strict(run_cli, tmp_path, text, flag, message):
    source = write_plan(tmp_path, "ids", text)
    assert run_cli("run", source, "-o", tmp_path / "out").exit_code == 0
    assert flag in (tmp_path / "out" / "activities.csv").read_text()
    result = run_cli("run", source, "-o", tmp_path / "strict", "--strict")
    assert_one_line_error(result, str(source), message, "--strict")
    assert not (tmp_path / "strict").exists()


def test_debug_shows_the_traceback(runner, tmp_path):
    from pipeline import cli

    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    result = runner.invoke(cli, ["--debug", "run", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert type(result.exception).__name__ == "InputError"


@pytest.mark.parametrize("step", ["publish.write_formats", "publish.folder.swap_into_place"])
def test_a_run_failing_at_the_last_step_leaves_the_previous_output_whole(run_cli, tmp_path, monkeypatch, step):
    import importlib

    out = tmp_path / "out"
    assert run_cli("run", write_plan(tmp_path, "good", plan_text(ROW)), "-o", out).exit_code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    module, name = step.rsplit(".", 1)
    monkeypatch.setattr(importlib.import_module(module), name, fail)
    changed = write_plan(tmp_path, "good", plan_text(["1.1.", "Another title", "Done", "Implementers: Ministry of Justice", "2021"]))
    result = run_cli("run", changed, "-o", out)
    assert_one_line_error(result, str(out), "No space left on device")
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_a_pdf_over_the_page_limit(run_cli, tmp_path):
    from conftest import FIXTURES

    pdf = FIXTURES / "pdf" / "az-ogp-2020-2022-ruled.pdf"
    result = run_cli("run", pdf, "-o", tmp_path / "out", "--max-pages", "2")
    assert_one_line_error(result, str(pdf), "9 pages is over the limit of 2 pages")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("options", [{"jobs": 0}, {"jobs": 257}, {"timeout": float("nan")}, {"timeout": float("inf")},
                                     {"timeout": 1e10}, {"max_bytes": 0}, {"max_pages": 10 ** 7}])
def test_run_options_refuse_what_the_command_line_refuses(options):
    from pipeline import RunOptions

    with pytest.raises(ValueError):
        RunOptions(**options)
