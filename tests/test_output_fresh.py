"""The dataset committed in output/ is exactly what the code regenerates from raw/, and runs repeat."""
from __future__ import annotations

import pyarrow.dataset as ds
import pyarrow.parquet as pq

from conftest import ROOT

TABLES = ("plans", "activities", "activity_agencies", "activity_fields", "agencies")


def regenerate(run_cli, out):
    result = run_cli("run", ROOT / "raw", "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_committed_output_is_what_the_code_regenerates(run_cli, tmp_path):
    fresh = regenerate(run_cli, tmp_path / "fresh")
    committed = ROOT / "output"
    stale = "is stale: run `make run` and commit output/"
    for name in (*TABLES, "review/agencies"):
        assert (fresh / f"{name}.csv").read_bytes() == (committed / f"{name}.csv").read_bytes(), f"output/{name}.csv {stale}"
    for name in ("activities", "activity_agencies"):
        assert ds.dataset(fresh / name, partitioning="hive").to_table().equals(
            ds.dataset(committed / name, partitioning="hive").to_table()), f"output/{name}/ {stale}"
    for name in ("plans", "agencies"):
        assert pq.read_table(fresh / f"{name}.parquet").equals(pq.read_table(committed / f"{name}.parquet")), (
            f"output/{name}.parquet {stale}")
    for name in ("datapackage.json", "metadata.json", "README.md", "report.html"):
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), f"output/{name} {stale}"
    fresh_files = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    committed_files = sorted(p.relative_to(committed).as_posix() for p in committed.rglob("*") if p.is_file())
    assert fresh_files == committed_files


def test_two_runs_give_identical_bytes(run_cli, tmp_path):
    first = regenerate(run_cli, tmp_path / "a")
    second = regenerate(run_cli, tmp_path / "b")
    for name in TABLES:
        assert (first / f"{name}.csv").read_bytes() == (second / f"{name}.csv").read_bytes()


def test_parquet_keeps_real_types(run_cli, tmp_path):
    out = regenerate(run_cli, tmp_path / "o")
    schema = ds.dataset(out / "activities", partitioning="hive").schema
    assert str(schema.field("start_year").type) == "int64"
    assert str(schema.field("section_no").type) == "int64"
    links = ds.dataset(out / "activity_agencies", partitioning="hive").schema
    assert str(links.field("match_score").type) == "double"
