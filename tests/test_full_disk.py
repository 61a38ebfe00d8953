"""A full disk, for real: a small tmpfs mounted in the test's folder (as root; else skipped, saying why).

Whatever the write that finds the disk full (a CSV, Parquet, SQLite, the registry), the command ends with
one line and a non-zero exit, and leaves nothing half-written: no output folder, no staging folder, the
registry byte for byte as it was.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import BUDGET_PLAN
from normalize.registry import DEFAULT_PATH, load_registry


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """mount(kilobytes) -> an empty folder on a tmpfs of that size (mounted afresh at each call)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root and mount(8) to mount a small tmpfs; the full-disk cases are not run here")
    mounted: list[Path] = []

    def mount(kilobytes: int) -> Path:
        folder = tmp_path / f"disk{len(mounted)}"
        folder.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs", str(folder)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}); the full-disk cases are not run")
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", str(folder)], check=False)


def fill(folder: Path, leave_bytes: int) -> None:
    """Fill the disk of `folder` until at most `leave_bytes` are free."""
    free = shutil.disk_usage(folder).free
    with (folder / "filler").open("wb") as f:
        try:
            f.write(b"\0" * max(0, free - leave_bytes))
            f.flush()
        except OSError:
            pass


def open_files_on(folder: Path) -> list[str]:
    """The files this process holds open under `folder` (a writer a failed write forgot to close)."""
    found = []
    for descriptor in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(descriptor)
        except OSError:
            continue
        if target.startswith(f"{folder}/"):
            found.append(target)
    return found


def test_every_disk_size_publishes_whole_or_fails_in_one_line(run_cli, tmp_path, small_disk):
    source = tmp_path / "budget.txt"
    source.write_text(BUDGET_PLAN, encoding="utf-8")
    failures = []
    for kilobytes in range(16, 400, 4):     # every page size: each write in turn meets the full disk
        disk = small_disk(kilobytes)
        out = disk / "out"
        result = run_cli("run", source, "-o", out, "--jobs", "1")
        if result.exit_code == 0:
            assert (out / "actionplans.db").stat().st_size > 0 and (out / "report.html").is_file()
            continue
        lines = result.output.strip().splitlines()
        assert result.exit_code == 1 and len(lines) == 1 and "Traceback" not in result.output, result.output
        assert lines[0].startswith(f"Error: {out}: cannot write the output"), lines[0]
        assert list(disk.iterdir()) == [], f"{kilobytes} KB: left {list(disk.iterdir())}"
        assert open_files_on(disk) == [], f"{kilobytes} KB: a file left open on the disk"
        failures.append(lines[0])
    assert failures, "no disk size was small enough to fail"
    assert any("disk is full" in line for line in failures), "SQLite never met the full disk"
    assert any("No space left on device" in line for line in failures)


def test_accept_on_a_full_disk_leaves_the_registry_as_it_was(run_cli, small_disk):
    disk = small_disk(512)
    registry = disk / "agencies.csv"
    shutil.copy(DEFAULT_PATH, registry)
    before = registry.read_bytes()
    fill(disk, 0)
    agency = load_registry(registry).agencies[0].agency_id
    result = run_cli("agencies", "accept", "Ministry of Fiscal Matters", agency, "--registry", registry)
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 1 and "No space left on device" in lines[0], result.output
    assert registry.read_bytes() == before
    assert sorted(p.name for p in disk.iterdir()) == ["agencies.csv", "filler"]


def test_accept_on_a_read_only_file_system_is_one_line(run_cli, small_disk):
    disk = small_disk(512)
    registry = disk / "agencies.csv"
    shutil.copy(DEFAULT_PATH, registry)
    before = registry.read_bytes()
    done = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot remount the tmpfs read-only ({done.stderr.strip()})")
    agency = load_registry(registry).agencies[0].agency_id
    result = run_cli("agencies", "accept", "Ministry of Fiscal Matters", agency, "--registry", registry)
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1 and lines == [
        f"Error: {registry}: cannot write the registry (Read-only file system); nothing was changed"], result.output
    assert registry.read_bytes() == before
