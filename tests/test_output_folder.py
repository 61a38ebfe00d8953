"""Nothing the user owns is lost: the output folder is replaced only when this program wrote it, atomically."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hooks
from plans import plan_text, write_plan
from publish import folder
from test_bad_inputs import assert_one_line_error

ROW = ["1.1.", "Publishing budget data", "Data published", "Implementers: Ministry of Finance", "2020"]
OTHER_ROW = ["1.1.", "Another title", "Done", "Implementers: Ministry of Justice", "2021"]


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) under `root`, by relative path."""
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in sorted(root.rglob("*"))}


def test_a_folder_of_the_users_is_refused_and_left_whole(run_cli, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("my notes\n")
    (mine / "data").mkdir()
    (mine / "data" / "table.csv").write_text("a,b\n")
    before = snapshot(tmp_path)
    result = run_cli("run", write_plan(tmp_path, "good", plan_text(ROW)), "-o", mine)
    assert_one_line_error(result, str(mine), "not an actionplans output folder", "nothing was changed")
    before[str(Path("good.txt"))] = (tmp_path / "good.txt").read_bytes()
    assert snapshot(tmp_path) == before


def test_the_input_folder_is_refused_as_output(run_cli, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    write_plan(raw, "good", plan_text(ROW))
    before = snapshot(tmp_path)
    result = run_cli("run", raw, "-o", raw)
    assert_one_line_error(result, str(raw), "holds the input")
    assert snapshot(tmp_path) == before


def test_a_folder_holding_the_input_file_is_refused_even_when_empty_otherwise(run_cli, tmp_path):
    folder_ = tmp_path / "d"
    folder_.mkdir()
    plan = write_plan(folder_, "plan", plan_text(ROW))
    result = run_cli("run", plan, "-o", folder_)
    assert_one_line_error(result, str(folder_), "holds the input")
    assert [p.name for p in folder_.iterdir()] == ["plan.txt"]


@pytest.mark.parametrize("target", [".", "./", "..", "../", "/"])
def test_the_working_folder_its_parents_and_the_root_are_refused(run_cli, tmp_path, monkeypatch, target):
    work = tmp_path / "work"
    work.mkdir()
    plan = write_plan(tmp_path, "good", plan_text(ROW))
    monkeypatch.chdir(work)
    before = snapshot(tmp_path)
    result = run_cli("run", plan, "-o", target)
    assert_one_line_error(result, str(Path(target)), "refusing to replace the current folder")
    assert snapshot(tmp_path) == before


def test_an_empty_folder_and_a_previous_output_are_replaced(run_cli, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert run_cli("run", write_plan(tmp_path, "good", plan_text(ROW)), "-o", out).exit_code == 0
    assert folder.is_our_output(out)
    assert '"tool": "actionplans"' in (out / folder.MARKER_NAME).read_text()
    assert run_cli("run", write_plan(tmp_path, "good", plan_text(OTHER_ROW)), "-o", out).exit_code == 0
    assert "Another title" in (out / "activities.csv").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt", "out"]


def test_an_output_written_before_the_marker_is_still_recognised(run_cli, tmp_path):
    out = tmp_path / "out"
    assert run_cli("run", write_plan(tmp_path, "good", plan_text(ROW)), "-o", out).exit_code == 0
    (out / folder.MARKER_NAME).unlink()
    assert folder.is_our_output(out)
    (out / "notes.txt").write_text("mine")
    assert not folder.is_our_output(out)


def test_a_symlinked_output_keeps_its_link_and_replaces_the_target(run_cli, tmp_path):
    real = tmp_path / "real-out"
    link = tmp_path / "out"
    link.symlink_to(real, target_is_directory=True)
    plan = write_plan(tmp_path, "good", plan_text(ROW))
    assert run_cli("run", plan, "-o", link).exit_code == 0
    assert link.is_symlink() and (real / "activities.csv").is_file()
    assert run_cli("run", write_plan(tmp_path, "good", plan_text(OTHER_ROW)), "-o", link).exit_code == 0
    assert link.is_symlink() and "Another title" in (real / "activities.csv").read_text()


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_what_a_dead_run_left_is_cleaned_and_a_set_aside_output_comes_back(run_cli, tmp_path):
    out = tmp_path / "out"
    assert run_cli("run", write_plan(tmp_path, "good", plan_text(ROW)), "-o", out).exit_code == 0
    pid = dead_pid()
    out.rename(tmp_path / f".out.old-{pid}")              # killed between its two renames
    (tmp_path / f".out.staging-{pid}-abc").mkdir()        # and its staging folder
    (tmp_path / f".out.staging-{pid}-abc" / "activities.csv").write_text("half")
    folder.remove_stale(folder.real_target(out))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt", "out"]
    assert folder.is_our_output(out)


def test_a_live_runs_staging_folder_is_left_alone(tmp_path):
    live = tmp_path / f".out.staging-{os.getppid()}-xyz"
    live.mkdir()
    folder.remove_stale(tmp_path / "out")
    assert live.is_dir()


def test_the_lock_serialises_runs_into_one_folder(tmp_path):
    target = tmp_path / "out"
    acquired = threading.Event()

    def second_run():
        with folder.output_lock(target):
            acquired.set()

    with folder.output_lock(target):
        thread = threading.Thread(target=second_run)
        thread.start()
        assert not acquired.wait(0.3)
    thread.join(5)
    assert acquired.is_set()


# In-process steps fail by monkeypatching; the others are real processes: a worker that kills itself, and
# runs stopped by a signal while a worker holds a document that never finishes (see tests/hooks.py).
STOPS = {"SIGTERM": (signal.SIGTERM, 143), "SIGINT": (signal.SIGINT, 130), "kill-9": (signal.SIGKILL, -9)}
STEPS = st.lists(st.sampled_from(["ok", "formats", "first-rename", "second-rename", "bad-document", "worker-killed",
                                  *STOPS]), min_size=1, max_size=4)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_after_any_runs_kills_and_failures_the_folder_is_the_previous_or_the_new_output(
        run_cli, tmp_path_factory, monkeypatch, steps):
    tmp = tmp_path_factory.mktemp("runs")
    neighbour = tmp / "neighbour"
    neighbour.mkdir()
    (neighbour / "keep.txt").write_text("keep")
    out = tmp / "out"
    previous = None
    for number, step in enumerate(steps):
        title = f"Title {number}"
        plan = write_plan(tmp, "plan", plan_text([f"1.{number + 1}.", title, "Done",
                                                  "Implementers: Ministry of Finance", "2020"]))
        if step in STOPS:
            signum, expected_exit = STOPS[step]
            hung = hooks.hook(write_plan(tmp, f"hung-{number}", plan_text(ROW)), "hang")
            exit_code, _, worker = hooks.run_and_stop(hung, "run", plan, hung, "-o", out, "--jobs", "2",
                                                      signum=signum, cwd=tmp)
            assert hooks.wait_for(lambda: not hooks.running(worker)), "the worker outlived the run"
            published = False
        else:
            inputs = [plan]
            with monkeypatch.context() as patch:
                if step == "formats":
                    patch.setattr("publish.write_formats", _fail)
                elif step.endswith("-rename"):
                    patch.setattr(Path, "rename", _rename_failing_at(1 if step == "first-rename" else 2))
                elif step == "bad-document":
                    inputs.append(tmp / f"empty-{number}.txt")
                    inputs[-1].write_bytes(b"")
                elif step == "worker-killed":
                    hooks.install(patch.setattr)
                    inputs.append(hooks.hook(write_plan(tmp, f"killed-{number}", plan_text(ROW)), "kill"))
                exit_code = run_cli("run", *inputs, "-o", out).exit_code
            published = step in ("ok", "bad-document", "worker-killed") or (step == "second-rename" and not previous)
            expected_exit = 0 if step == "ok" or (step == "second-rename" and not previous) else 1
        assert exit_code == expected_exit, step
        if published:
            assert title in (out / "activities.csv").read_text(encoding="utf-8")
            previous = snapshot(out)
        else:
            assert (snapshot(out) if out.exists() else None) == previous
        assert snapshot(neighbour) == {"keep.txt": b"keep"}
        assert sorted(p.name for p in tmp.iterdir() if p.name.startswith(".out.")) == []


def _fail(*args, **kwargs):
    raise OSError(28, "No space left on device")


def _rename_failing_at(call: int):
    real_rename = Path.rename
    calls = {"n": 0}

    def rename(self, target):
        calls["n"] += 1
        if calls["n"] == call and self.name.startswith((".out", "out")):
            raise OSError(5, "Input/output error")
        return real_rename(self, target)

    return rename
