"""Golden scores: both plans we hold the truth for come out wholly right, as the shared scorer measures."""
from __future__ import annotations

import pytest

from conftest import EDITION, EDITION_GOLD, RAW_GOLD, RAW_PLAN, load_scorer


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    from click.testing import CliRunner

    from pipeline import cli

    scorer = load_scorer()
    results = {}
    for source, gold in ((RAW_PLAN, RAW_GOLD), (EDITION, EDITION_GOLD)):
        out = tmp_path_factory.mktemp(source.stem)
        result = CliRunner().invoke(cli, ["run", str(source), "-o", str(out / "o")], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        results[source.stem] = scorer.evaluate(str(out / "o"), str(gold))
    return results


def test_2020_2022_plan_every_field_and_agency_right(scores):
    result = scores["az-ogp-2020-2022"]
    assert result["activity_recall"] == 1.0 and result["activity_precision"] == 1.0
    assert result["fields"] == {field: 1.0 for field in result["fields"]}, result["field_misses"]
    assert result["agency_f1"] == 1.0, result["agency_misses"]
    assert (result["merge"], result["split"]) == (1.0, 1.0)
    assert result["rows_exact"] == 1.0, result["rows_wrong"]


def test_second_edition_rows_exact(scores):
    result = scores["az-ogp-2023-2025-like"]
    assert result["rows_exact"] >= 0.95, (result["rows_wrong"], result["field_misses"], result["agency_misses"])
