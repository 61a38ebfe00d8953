"""Set-up: `make run` installs what running needs, `make test` adds the test extra, each only once; the
package lists every package folder and constraints.txt pins every dependency it names."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
STAMPS = (".created", ".installed-run", ".installed-test")


def pinned() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    return {name.lower(): version for name, version in (line.split("==") for line in lines if line.strip())}


def test_every_package_folder_is_installed():
    packages = set(PYPROJECT["tool"]["setuptools"]["packages"])
    top = [path.parent for path in ROOT.glob("*/__init__.py") if path.parent.name not in ("tests", "benchmarks")]
    folders = {path.parent.relative_to(ROOT).as_posix().replace("/", ".")
               for package in top for path in package.rglob("__init__.py")}
    assert folders == packages


def test_every_dependency_is_pinned():
    names = [*PYPROJECT["project"]["dependencies"], *PYPROJECT["project"]["optional-dependencies"]["test"]]
    assert not [name for name in names if name.lower() not in pinned()]


@pytest.fixture()
def project(tmp_path) -> Path:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, tmp_path)
    (tmp_path / ".venv").mkdir()
    return tmp_path


def planned(project: Path, target: str, stamps: tuple[str, ...], edited: bool = False) -> list[str]:
    """The commands `make -n TARGET` would run with these stamps made after the files they depend on (and
    pyproject.toml edited after them, with `edited`)."""
    for stamp in STAMPS:
        (project / ".venv" / stamp).unlink(missing_ok=True)
    later = (project / "pyproject.toml").stat().st_mtime + 10
    for stamp in stamps:
        (project / ".venv" / stamp).touch()
        os.utime(project / ".venv" / stamp, (later, later))
    if edited:
        os.utime(project / "pyproject.toml", (later + 10, later + 10))
    result = subprocess.run(["make", "-n", target, f"PY={sys.executable}"], cwd=project, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if "pip install" in line or line.startswith(sys.executable)]


def test_make_run_installs_what_running_needs_only(project):
    commands = planned(project, "run", ())
    installs = [line for line in commands if "install" in line and "--upgrade pip" not in line]
    assert len(installs) == 1 and re.search(r"-c constraints.txt -e \.$", installs[0])
    assert not [line for line in commands if "pytest" in line or "[test]" in line]


def test_make_test_after_make_run_adds_only_the_test_extra(project):
    commands = planned(project, "test", (".created", ".installed-run"))
    extras = " ".join(repr(name) for name in PYPROJECT["project"]["optional-dependencies"]["test"])
    assert commands[0].endswith(f"pip install --quiet -c constraints.txt {extras}")
    assert [line for line in commands if "install" in line] == commands[:1]
    assert commands[-1] == f"{sys.executable} -m pytest"


def test_make_run_after_make_test_installs_nothing(project):
    assert [line for line in planned(project, "run", STAMPS) if "install" in line] == []
    assert [line for line in planned(project, "test", STAMPS) if "install" in line] == []


def test_an_edited_pyproject_installs_again(project):
    installs = [line for line in planned(project, "test", STAMPS, edited=True) if "install" in line]
    assert len(installs) == 2 and installs[0].endswith("-e .") and "'pytest'" in installs[1]
