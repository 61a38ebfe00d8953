"""A test seam for the worker processes: a source whose reading kills, hangs or slows the worker holding it.

`hook(source, action)` writes `<source>.hook` beside a source (runs look only for .txt and .pdf, so the
hook file is never read as a plan); once `install()` has wrapped `pipeline.read_source`, the worker that
reads the source first writes its pid to `<source>.started`, then acts:

- `kill`: it kills itself with SIGKILL, as the OOM killer would;
- `hang`: it never finishes, swallowing every exception (pdfminer's `except Exception` swallowed the old
  SIGALRM deadline);
- `slow`: it sleeps a little, then reads the source as usual (so the documents finish out of order).

Workers are forked from the process that installed the wrapper, so they carry it: a test installs it with
monkeypatch and runs the CLI in-process, and `hooked_cli.py` installs it in a CLI run in a subprocess.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pipeline

SLOW_SECONDS = 0.5


def hook(source: Path, action: str) -> Path:
    source.with_name(source.name + ".hook").write_text(action)
    return source


def started(source: Path) -> Path:
    return source.with_name(source.name + ".started")


def hooked(read_source):
    def read(path: Path, options):
        action_file = path.with_name(path.name + ".hook")
        if action_file.is_file():
            action = action_file.read_text().strip()
            started(path).write_text(str(os.getpid()))
            if action == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            elif action == "hang":
                while True:
                    try:
                        time.sleep(0.05)
                    except BaseException:  # noqa: B036 - what a library that swallows everything does
                        pass
            elif action == "slow":
                time.sleep(SLOW_SECONDS)
        return read_source(path, options)

    return read


def install(patch=setattr) -> None:
    """Wrap pipeline.read_source (pass monkeypatch.setattr to have it undone after the test)."""
    patch(pipeline, "read_source", hooked(pipeline.read_source))


# ----------------------------------------------------------------------------- real processes, waited on

def start_hooked_run(*args, cwd: Path) -> subprocess.Popen:
    """`actionplans ARGS` with the hooks installed, in a subprocess that leads a process group of its own
    (so a test can send a signal to it and its workers together, as Ctrl-C in a terminal does)."""
    return subprocess.Popen([sys.executable, str(Path(__file__).with_name("hooked_cli.py")), *map(str, args)],
                            cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def wait_for(condition, seconds: float = 120.0) -> bool:
    """Poll `condition` until it holds or `seconds` pass (generous: the machine may be loaded)."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


def running(pid: int) -> bool:
    """True while process `pid` runs (a zombie waiting to be reaped has stopped running)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def wait_started(source: Path, process: subprocess.Popen | None = None) -> int:
    """The pid of the worker that took `source`, once it has (fails if `process` ends first)."""
    marker = started(source)
    assert wait_for(lambda: marker.is_file() and marker.read_text() or (process and process.poll() is not None)), \
        f"no worker took {source}"
    assert marker.is_file(), process.communicate()
    return int(marker.read_text())


def run_and_stop(hung: Path, *args, signum: int, cwd: Path, to_group: bool = False) -> tuple[int, str, int]:
    """Start `actionplans ARGS` (whose inputs include the hung source `hung`), send `signum` once a worker
    holds `hung`: the run's exit code, its stderr, and the pid of that worker."""
    run = start_hooked_run(*args, cwd=cwd)
    worker = wait_started(hung, run)
    (os.killpg if to_group else os.kill)(run.pid, signum)
    _, stderr = run.communicate(timeout=120)
    return run.returncode, stderr, worker
