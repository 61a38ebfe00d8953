"""Shared helpers for the tests: paths to the fixtures and an in-process CLI runner."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RAW_PLAN = ROOT / "raw" / "az-ogp-2020-2022.txt"
RAW_GOLD = FIXTURES / "az-ogp-2020-2022.gold.json"
EDITION = FIXTURES / "az-ogp-2023-2025-like.txt"
EDITION_GOLD = FIXTURES / "az-ogp-2023-2025-like.gold.json"
COLUMNS_EDITION = FIXTURES / "az-ogp-2024-2026-columns-like.txt"
COLUMNS_EDITION_GOLD = FIXTURES / "az-ogp-2024-2026-columns-like.gold.json"


def load_scorer():
    """The shared scorer, copied verbatim into the fixtures."""
    spec = importlib.util.spec_from_file_location("evaluate", FIXTURES / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("evaluate", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def run_cli(runner):
    """Invoke the CLI in-process and return the click Result."""
    from pipeline import cli

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


BUDGET_PLAN = "\n".join([
    "National Action Plan 2024-2026", "",
    "No.\tMeasures\tExecuting bodies\tBudget\tExecution period",
    "1.1.\tPublishing budget data\tMinistry of Finance\tState budget\t2024",
    "1.2.\tTraining officials\tMinistry of Justice\t\tpermanently",
]) + "\n"


@pytest.fixture(scope="session")
def batch_output(tmp_path_factory) -> tuple[Path, Path]:
    """(sources, output) of one run over a mixed batch: the 2020-2022 plan with its manifest row, a PDF, a plan
    with an extra column, and a plan whose id looks like a number and whose indicator is the text "NA"."""
    import shutil

    from pipeline import cli
    from plans import plan_text, write_plan

    folder = tmp_path_factory.mktemp("batch")
    raw = folder / "raw"
    raw.mkdir()
    shutil.copy(RAW_PLAN, raw)
    shutil.copy(ROOT / "raw" / "plans.csv", raw)
    shutil.copy(FIXTURES / "pdf" / "small-portrait-plan.pdf", raw)
    (raw / "budget-plan.txt").write_text(BUDGET_PLAN, encoding="utf-8")
    write_plan(raw, "2021", plan_text(["1.1.", "Publishing budget data", "NA", "Implementers: Ministry of Finance",
                                       "2021"]))
    out = folder / "out"
    result = CliRunner().invoke(cli, ["run", str(raw), "-o", str(out), "--jobs", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return raw, out
