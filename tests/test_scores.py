"""Golden scores: the plans we hold the truth for come out wholly right, as the shared scorer measures."""
from __future__ import annotations

import pytest

from conftest import (COLUMNS_EDITION, COLUMNS_EDITION_GOLD, EDITION, EDITION_GOLD, FIXTURES, RAW_GOLD, RAW_PLAN,
                      load_scorer)


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    from click.testing import CliRunner

    from pipeline import cli

    scorer = load_scorer()
    results = {}
    for source, gold in ((RAW_PLAN, RAW_GOLD), (EDITION, EDITION_GOLD), (COLUMNS_EDITION, COLUMNS_EDITION_GOLD)):
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
    assert result["rows_exact"] == 1.0, (result["rows_wrong"], result["field_misses"], result["agency_misses"])


def test_an_edition_with_four_other_columns_is_read_by_its_own_layout(scores):
    """No. / Measures / Executing bodies / Execution period: no indicator column, half the agency cells
    unlabelled, periods in words, a second table with a narrower period column."""
    result = scores["az-ogp-2024-2026-columns-like"]
    assert result["rows_exact"] == 1.0, (result["rows_wrong"], result["field_misses"], result["agency_misses"])


PDF_PLANS = {
    "columns-like-ruled": (FIXTURES / "az-ogp-2024-2026-columns-like.pdf", COLUMNS_EDITION_GOLD, 1.0),
    "columns-like-unruled": (FIXTURES / "az-ogp-2024-2026-columns-like-unruled.pdf", COLUMNS_EDITION_GOLD, 1.0),
    # A real plan: the table is Annex A after 50 pages of prose, on landscape pages turned by /Rotate, with
    # plain numbering under unnumbered theme headings, partners in a column of their own and tick marks.
    "uk-ogp-nap-2013-15": (FIXTURES / "real" / "uk-ogp-nap-2013-15.pdf",
                           FIXTURES / "real" / "uk-ogp-nap-2013-15.gold.json", 0.95),
}


@pytest.mark.parametrize("name", sorted(PDF_PLANS))
def test_pdfs_of_other_layouts_are_read_right(name, tmp_path):
    from click.testing import CliRunner

    from pipeline import cli

    source, gold, floor = PDF_PLANS[name]
    result = CliRunner().invoke(cli, ["run", str(source), "-o", str(tmp_path / "o")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    scores = load_scorer().evaluate(str(tmp_path / "o"), str(gold))
    assert scores["rows_exact"] >= floor, (scores["rows_wrong"], scores["field_misses"], scores["agency_misses"])
