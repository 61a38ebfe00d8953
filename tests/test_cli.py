"""The command line, run in-process: help, the one-line summary, and clear errors that write nothing."""
from __future__ import annotations

import pytest

from conftest import RAW_PLAN
from plans import plan_text, write_plan

ROW = ["1.1.", "Publishing budget data", "Data published", "Implementers: Ministry of Finance", "2020"]


def test_every_command_has_help(run_cli):
    for args in (["--help"], ["run", "--help"], ["check", "--help"], ["extract-text", "--help"],
                 ["agencies", "--help"], ["agencies", "review", "--help"], ["agencies", "accept", "--help"]):
        result = run_cli(*args)
        assert result.exit_code == 0 and "Usage:" in result.output


def test_run_prints_a_summary_line_per_plan(run_cli, tmp_path):
    source = write_plan(tmp_path, "tiny-plan", plan_text(ROW))
    result = run_cli("run", source, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert result.stdout == "tiny-plan: 1 activities, 1 flags, 0 new agencies\n"
    assert (tmp_path / "out" / "activities.csv").read_text().splitlines()[1].startswith("tiny-plan,tiny-plan:1.1,")


def test_a_failed_run_leaves_the_previous_output_untouched(run_cli, tmp_path):
    out = tmp_path / "out"
    assert run_cli("run", write_plan(tmp_path, "good", plan_text(ROW)), "-o", out).exit_code == 0
    before = (out / "activities.csv").read_bytes()
    (tmp_path / "bad.txt").write_bytes(b"")
    assert run_cli("run", tmp_path / "bad.txt", "-o", out).exit_code == 1
    assert (out / "activities.csv").read_bytes() == before


def test_missing_input_is_named(run_cli, tmp_path):
    result = run_cli("run", tmp_path / "nowhere.txt", "-o", tmp_path / "out")
    assert result.exit_code == 1 and "nowhere.txt: no such file or folder" in result.output


def test_extract_text_writes_the_text_form_the_pdf_reader_saw(run_cli, tmp_path):
    from conftest import FIXTURES
    from extract.pdf import pdf_to_text, read_pdf

    pdf = FIXTURES / "pdf" / "az-ogp-2020-2022-ruled.pdf"
    text = tmp_path / "az-ogp-2020-2022-ruled.txt"
    assert run_cli("extract-text", pdf, "-o", text).exit_code == 0
    expected = pdf_to_text(read_pdf(pdf))
    assert text.read_text(encoding="utf-8") == expected
    assert run_cli("extract-text", pdf).stdout == expected




def test_run_lets_arrow_allocate_from_jemalloc_unless_the_user_chose_a_pool(run_cli, tmp_path, monkeypatch):
    """A long plan's Parquet files are written with a pool that hands memory back (where pyarrow has
    jemalloc); a pool chosen in ARROW_DEFAULT_MEMORY_POOL is the user's and stays."""
    import pyarrow

    try:
        pyarrow.jemalloc_memory_pool()
    except NotImplementedError:
        pytest.skip("this pyarrow is built without jemalloc")
    before = pyarrow.default_memory_pool()
    try:
        pyarrow.set_memory_pool(pyarrow.system_memory_pool())
        monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
        assert run_cli("run", str(RAW_PLAN), "-o", str(tmp_path / "chosen")).exit_code == 0
        assert pyarrow.default_memory_pool().backend_name == "system"
        monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL")
        assert run_cli("run", str(RAW_PLAN), "-o", str(tmp_path / "lean")).exit_code == 0
        assert pyarrow.default_memory_pool().backend_name == "jemalloc"
    finally:
        pyarrow.set_memory_pool(before)
