"""The dataset committed in output/ is exactly what the code regenerates from raw/, and runs repeat."""
from __future__ import annotations

import pyarrow.parquet as pq

from conftest import ROOT

TABLES = ("activities", "activity_agencies", "agencies")


def regenerate(run_cli, out):
    result = run_cli("run", ROOT / "raw", "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_committed_output_is_what_the_code_regenerates(run_cli, tmp_path):
    fresh = regenerate(run_cli, tmp_path / "fresh")
    committed = ROOT / "output"
    for name in TABLES:
        assert (fresh / f"{name}.csv").read_bytes() == (committed / f"{name}.csv").read_bytes(), (
            f"output/{name}.csv is stale: run `make run` and commit output/")
        assert pq.read_table(fresh / f"{name}.parquet").equals(pq.read_table(committed / f"{name}.parquet")), (
            f"output/{name}.parquet is stale: run `make run` and commit output/")
    assert (fresh / "review" / "agencies.csv").read_bytes() == (committed / "review" / "agencies.csv").read_bytes()


def test_two_runs_give_identical_bytes(run_cli, tmp_path):
    first = regenerate(run_cli, tmp_path / "a")
    second = regenerate(run_cli, tmp_path / "b")
    for name in TABLES:
        assert (first / f"{name}.csv").read_bytes() == (second / f"{name}.csv").read_bytes()


def test_parquet_keeps_real_types(run_cli, tmp_path):
    out = regenerate(run_cli, tmp_path / "o")
    schema = pq.read_schema(out / "activities.parquet")
    assert str(schema.field("start_year").type) == "int64"
    assert str(schema.field("section_no").type) == "int64"
    assert str(pq.read_schema(out / "activity_agencies.parquet").field("match_score").type) == "double"
