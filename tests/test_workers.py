"""Worker processes: a dead or hung worker fails only its document, signals stop the run, nothing outlives it.

Real processes throughout: the jobs of `batch.run_jobs` kill themselves or hang, and the documents of a
run do so through the hooks of tests/hooks.py. Tests wait on conditions (a file appearing, a process
ending) with generous limits and never on elapsed time.
"""
from __future__ import annotations

import multiprocessing
import subprocess
import sys
import os
import shutil
import signal
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hooks
from batch import Died, Done, TimedOut, run_jobs
from conftest import EDITION
from plans import plan_text, write_plan
from test_bad_inputs import assert_one_line_error
from test_output_folder import snapshot

ROW = ["1.1.", "Publishing budget data", "Data published", "Implementers: Ministry of Finance", "2020"]
TABLES = ("activities.csv", "activity_agencies.csv", "activity_fields.csv", "agencies.csv", "review/agencies.csv")
KILLED = "the worker process reading it died (killed by SIGKILL, as the system does when memory runs out)"


def act(job):
    """A job for run_jobs: ("value", x) returns x; the others kill, end, hang or slow their worker."""
    kind, *args = job
    if kind == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif kind == "exit":
        os._exit(args[0])
    elif kind == "hang":
        while True:
            try:
                time.sleep(0.05)
            except BaseException:  # noqa: B036
                pass
    elif kind == "sleep":
        time.sleep(args[0])
        return args[1]
    elif kind == "raise":
        raise ValueError("a bug in a job")
    return args[0]


def expected(job):
    kind, *args = job
    return {"kill": Died(-signal.SIGKILL), "exit": Died(args[0] if args else 0)}.get(kind) or Done(args[-1])


# ----------------------------------------------------------------------------- batch.run_jobs

def test_outcomes_come_in_job_order_whatever_dies_or_hangs():
    jobs = [("value", 1), ("kill",), ("hang",), ("value", 2), ("exit", 3), ("value", 3)]
    seen = []
    outcomes = run_jobs(act, jobs, workers=2, deadline=5, on_outcome=lambda i, o: seen.append((i, o)))
    assert outcomes == [Done(1), Died(-signal.SIGKILL), TimedOut(5), Done(2), Died(3), Done(3)]
    assert sorted(seen, key=lambda pair: pair[0]) == list(enumerate(outcomes))
    assert multiprocessing.active_children() == []


JOBS = st.lists(st.one_of(st.tuples(st.just("value"), st.integers()),
                          st.tuples(st.just("sleep"), st.sampled_from([0.0, 0.01, 0.05]), st.integers()),
                          st.tuples(st.just("kill")), st.tuples(st.just("exit"), st.integers(1, 9))),
                max_size=8)


@settings(max_examples=10, deadline=None)
@given(jobs=JOBS, workers=st.integers(1, 3))
def test_any_jobs_in_any_workers_give_each_jobs_own_outcome_in_order(jobs, workers):
    assert run_jobs(act, jobs, workers=workers) == [expected(job) for job in jobs]
    assert multiprocessing.active_children() == []


def test_an_exception_in_a_job_is_raised_and_no_worker_is_left():
    with pytest.raises(ValueError, match="a bug in a job"):
        run_jobs(act, [("hang",), ("raise",), ("value", 1)], workers=2)
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("workers, deadline", [(0, None), (1, 0), (1, float("nan")), (1, float("inf"))])
def test_run_jobs_refuses_a_bad_worker_count_or_deadline(workers, deadline):
    with pytest.raises(ValueError):
        run_jobs(act, [("value", 1)], workers=workers, deadline=deadline)


# ----------------------------------------------------------------------------- a run whose workers die or hang

@pytest.fixture()
def hooked(monkeypatch):
    hooks.install(monkeypatch.setattr)


@pytest.fixture()
def batch(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(EDITION, folder / "edition.txt")
    write_plan(folder, "tiny", plan_text(ROW))
    return folder


def tables(out):
    return {name: (out / name).read_bytes() for name in TABLES}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_killed_worker_fails_its_document_and_the_rest_is_published(run_cli, hooked, batch, tmp_path, jobs):
    assert run_cli("run", batch, "-o", tmp_path / "without", "--jobs", jobs).exit_code == 0
    killed = hooks.hook(write_plan(batch, "killed", plan_text(ROW)), "kill")
    result = run_cli("run", batch, "-o", tmp_path / "out", "--jobs", jobs)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"failed: {killed}: {KILLED}",
                                          f"1 of 3 documents failed; the others were published to {tmp_path / 'out'}"]
    assert tables(tmp_path / "out") == tables(tmp_path / "without")
    assert not running(hooks.started(killed))
    assert multiprocessing.active_children() == []


def running(marker) -> bool:
    return hooks.running(int(marker.read_text()))


def test_a_document_over_the_time_limit_is_killed_even_when_it_swallows_every_exception(run_cli, hooked, batch,
                                                                                         tmp_path):
    assert run_cli("run", batch, "-o", tmp_path / "without", "--jobs", "1").exit_code == 0
    hung = hooks.hook(write_plan(batch, "a-hung", plan_text(ROW)), "hang")  # first: a new worker does the rest
    # The limit is for the other documents too: generous, for a loaded machine.
    result = run_cli("run", batch, "-o", tmp_path / "out", "--jobs", "1", "--timeout", "10")
    assert result.exit_code == 1
    assert f"failed: {hung}: took longer than the time limit of 10 s (see --timeout)" in result.stderr.splitlines()
    assert tables(tmp_path / "out") == tables(tmp_path / "without")
    assert not running(hooks.started(hung))


def test_a_single_document_over_the_time_limit_is_killed_too(run_cli, hooked, tmp_path):
    hung = hooks.hook(write_plan(tmp_path, "hung", plan_text(ROW)), "hang")
    result = run_cli("run", hung, "-o", tmp_path / "out", "--timeout", "1")
    assert_one_line_error(result, f"{hung}: took longer than the time limit of 1 s (see --timeout)")
    assert not (tmp_path / "out").exists()
    assert not running(hooks.started(hung))


def test_check_over_the_time_limit_is_killed_too(run_cli, hooked, tmp_path):
    hung = hooks.hook(write_plan(tmp_path, "hung", plan_text(ROW)), "hang")
    result = run_cli("check", hung, "--timeout", "1")
    assert_one_line_error(result, f"{hung}: took longer than the time limit of 1 s (see --timeout)")
    assert not running(hooks.started(hung))


def test_a_defect_in_one_document_fails_it_alone(run_cli, batch, tmp_path, monkeypatch):
    import pipeline

    read_source = pipeline.read_source

    def defective(path, options):
        if path.name == "tiny.txt":
            raise TypeError("a defect\nwith a second line")
        return read_source(path, options)

    monkeypatch.setattr(pipeline, "read_source", defective)
    result = run_cli("run", batch, "-o", tmp_path / "out", "--jobs", "2")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (f"failed: {batch / 'tiny.txt'}: could not be processed (TypeError: a defect); this is a defect of "
            "actionplans: please report it with the file") in result.stderr.splitlines()
    assert (tmp_path / "out" / "activities.csv").is_file()


def test_documents_finishing_out_of_order_give_the_same_bytes(run_cli, hooked, batch, tmp_path):
    hooks.hook(write_plan(batch, "a-slow", plan_text(["1.1.", "Slow title", "Done", "Implementers: Ministry of "
                                                      "Justice", "2021"])), "slow")
    assert run_cli("run", batch, "-o", tmp_path / "one", "--jobs", "1").exit_code == 0
    assert run_cli("run", batch, "-o", tmp_path / "three", "--jobs", "3").exit_code == 0
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "three")


def test_a_worker_the_system_refuses_to_start_is_one_line(run_cli, batch, tmp_path, monkeypatch):
    def refuse(self):
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    result = run_cli("run", batch, "-o", tmp_path / "out")
    assert_one_line_error(result, "cannot start a worker process (Cannot allocate memory); nothing was published")
    assert not (tmp_path / "out").exists()


# ----------------------------------------------------------------------------- signals to the main process

@pytest.mark.parametrize("signum, to_group, exit_code", [
    (signal.SIGTERM, False, 143),
    (signal.SIGINT, True, 130),      # Ctrl-C in a terminal: the whole process group gets it
    (signal.SIGINT, False, 130),
    (signal.SIGKILL, False, -signal.SIGKILL),
], ids=["SIGTERM", "Ctrl-C", "SIGINT", "kill-9"])
def test_a_stopped_run_leaves_the_previous_output_and_no_worker(run_cli, batch, tmp_path, signum, to_group,
                                                                 exit_code):
    out = tmp_path / "out"
    assert run_cli("run", batch, "-o", out).exit_code == 0
    before = snapshot(tmp_path)
    hung = hooks.hook(write_plan(batch, "hung", plan_text(ROW)), "hang")
    code, stderr, worker = hooks.run_and_stop(hung, "run", batch, "-o", out, "--jobs", "2", signum=signum,
                                              cwd=tmp_path, to_group=to_group)
    assert code == exit_code, stderr
    if signum != signal.SIGKILL:
        assert stderr.splitlines() == [f"Error: stopped by {signal.Signals(signum).name}"]
    assert hooks.wait_for(lambda: not hooks.running(worker)), "the worker outlived the run"
    after = snapshot(tmp_path)
    assert {name: after[name] for name in before} == before
    assert sorted(set(after) - set(before)) == sorted(["raw/hung.txt", "raw/hung.txt.hook", "raw/hung.txt.started"])


ORPHAN = """
import multiprocessing, os, sys, threading, time
import batch

def orphan(parent):
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)  # let go of the test's pipes: the test waits for the parent only
    os.dup2(quiet, 2)
    threading.Thread(target=batch.watch_parent, args=(parent,), daemon=True).start()
    while True:
        time.sleep(0.05)

child = multiprocessing.get_context(batch.start_method()).Process(target=orphan, args=(os.getpid(),))
child.start()
print(child.pid, flush=True)
os._exit(0)  # as if killed: no clean-up, the child is left behind
"""


def test_a_worker_watching_its_parent_ends_when_the_parent_is_gone_without_pdeathsig(tmp_path):
    """Where PR_SET_PDEATHSIG is missing (not Linux) the watch on the parent's pid is what ends a worker."""
    parent = subprocess.run([sys.executable, "-c", ORPHAN], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    orphan = int(parent.stdout)
    try:
        assert hooks.wait_for(lambda: not hooks.running(orphan)), "the orphan outlived its parent"
    finally:
        if hooks.running(orphan):
            os.kill(orphan, signal.SIGKILL)


def test_a_signal_between_the_two_renames_of_the_swap_lets_the_swap_finish(run_cli, tmp_path, monkeypatch):
    from pathlib import Path

    out = tmp_path / "out"
    assert run_cli("run", write_plan(tmp_path, "plan", plan_text(ROW)), "-o", out).exit_code == 0
    real_rename = Path.rename

    def rename_then_signal(self, target):
        moved = real_rename(self, target)
        if self == out:  # the previous output set aside: the new one is not yet in place
            os.kill(os.getpid(), signal.SIGTERM)
        return moved

    monkeypatch.setattr(Path, "rename", rename_then_signal)
    changed = write_plan(tmp_path, "plan", plan_text(["1.1.", "Another title", "Done",
                                                      "Implementers: Ministry of Justice", "2021"]))
    result = run_cli("run", changed, "-o", out)
    assert result.exit_code == 143 and result.stderr == "Error: stopped by SIGTERM\n"
    assert "Another title" in (out / "activities.csv").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "plan.txt"]
