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
