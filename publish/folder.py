"""The output folder: replaced only when it is one this program wrote, atomically, one run at a time.

A run writes its tables into a staging folder beside `DIR`, writes the marker file last, and swaps the
staging folder into place by renames, with the previous output put back on any failure. Before it
touches anything it checks that `DIR` is safe to replace: it does not exist, is empty, or holds the marker
(or, from versions before the marker, only the files a run writes). `DIR` equal to the working folder, one of
its parents, or an input, or containing an input, is refused. A lock on the folder holding `DIR` serialises
concurrent runs; staging and set-aside folders left by runs that died are cleaned up (a set-aside output
with no `DIR` is put back). A symlinked `DIR` keeps its link: the folder it points to is replaced.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from extract.errors import OutputError

MARKER_NAME = ".actionplans-output.json"
# What a run writes: a folder of these alone (from before the marker existed) is still recognised as ours.
LEGACY_NAMES = frozenset({"activities.csv", "activity_agencies.csv", "agencies.csv", "review", "activities",
                          "activity_agencies", "agencies.parquet", "datapackage.json", "actionplans.db",
                          "metadata.json", "README.md", "report.html", "activity_fields.csv", "activity_fields",
                          "plans.csv", "plans.parquet"})
LEGACY_REQUIRED = frozenset({"activities.csv", "datapackage.json"})


def tool_version() -> str:
    try:
        return metadata.version("actionplans")
    except metadata.PackageNotFoundError:
        return "unknown"


def marker_text() -> str:
    return json.dumps({"tool": "actionplans", "version": tool_version()}, sort_keys=True) + "\n"


def real_target(out_dir: Path) -> Path:
    """The folder a run replaces: `out_dir` itself, or the folder a symlinked `out_dir` points to."""
    return Path(os.path.realpath(out_dir)) if out_dir.is_symlink() else Path(os.path.abspath(out_dir))


def is_our_output(folder: Path) -> bool:
    """True when `folder` holds this program's marker, or (older runs) only the files a run writes."""
    names = {entry.name for entry in folder.iterdir()}
    if MARKER_NAME in names:
        try:
            return json.loads((folder / MARKER_NAME).read_text(encoding="utf-8")).get("tool") == "actionplans"
        except (OSError, ValueError, AttributeError):
            return False
    return bool(names) and names <= LEGACY_NAMES and LEGACY_REQUIRED <= names


def check_output_folder(out_dir: Path, inputs: Iterable[Path] = ()) -> Path:
    """Raise OutputError when replacing `out_dir` could destroy anything the user owns; return the real target."""
    target = real_target(out_dir)
    here = Path.cwd().resolve()
    if target == Path(target.anchor) or target == here or target in here.parents:
        raise OutputError(f"{out_dir}: refusing to replace the current folder or one of its parents; "
                          "name a folder of its own for the output (e.g. -o output)")
    for source in inputs:
        source = Path(os.path.realpath(source))
        if source == target or target in source.parents:
            raise OutputError(f"{out_dir}: the output folder holds the input {source}; "
                              "choose an output folder apart from the inputs")
    if target.exists() or target.is_symlink():
        if not target.is_dir():
            raise OutputError(f"{out_dir}: is a file, expected an output folder")
        if any(target.iterdir()) and not is_our_output(target):
            raise OutputError(f"{out_dir}: exists and is not an actionplans output folder (no {MARKER_NAME}); "
                              "nothing was changed: choose a new or empty folder, or remove it yourself")
    return target


@contextmanager
def output_lock(target: Path) -> Iterator[None]:
    """Hold an exclusive lock for replacing `target` for as long as the block runs.

    The lock is taken on the folder that holds `target` (flock on the directory itself), so it leaves no
    lock file behind and serialises every run that publishes into that folder.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise OutputError(f"{target}: cannot open the folder that holds the output ({exc.strerror})") from None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def new_staging(target: Path) -> Path:
    """An empty staging folder beside `target`, named after this process so a dead run's can be found."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-{os.getpid()}-", dir=target.parent))


def write_marker(folder: Path) -> None:
    """Sign `folder` as this program's output; called last, so only a complete output carries it."""
    (folder / MARKER_NAME).write_text(marker_text(), encoding="utf-8")


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(target: Path) -> None:
    """Clean up after runs into `target` that died: their staging folders go; a set-aside output comes back."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(staging|old)-(\d+)(?:-.*)?$")
    for entry in sorted(target.parent.iterdir()):
        found = pattern.match(entry.name)
        if not found or _process_alive(int(found.group(2))):
            continue
        if found.group(1) == "old" and not target.exists():
            entry.rename(target)
        else:
            shutil.rmtree(entry, ignore_errors=True)


def swap_into_place(staging: Path, target: Path) -> None:
    """Make `staging` the folder `target`, by renames; on any failure the previous `target` is put back."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
