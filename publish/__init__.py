"""The formats data people use, written beside the CSVs of a run: `write_formats(folder, ...)`.

Into a folder that already holds the CSV tables (written by pipeline.py) it writes:

- Parquet: `activities/` and `activity_agencies/` as datasets partitioned by plan
  (`plan_id=<plan>/part-0.parquet`, hive layout, the plan id percent-encoded), and `agencies.parquet`;
- `datapackage.json` (Frictionless Data Package), see `publish.datapackage`;
- `actionplans.db` (SQLite with full-text search) and `metadata.json` (Datasette), see `publish.sqlite`;
- `README.md`, the data dictionary and per-plan counts, see `publish.dictionary`;
- `report.html`, see `publish.report`.

Every file is the same bytes for the same input. Parquet columns have their real types (integer -> int64,
number -> float64, string -> string); text cells are strings ("" where empty, as in the CSVs), missing
numbers are nulls. Read a partitioned table back with
`pyarrow.dataset.dataset(folder / "activities", partitioning="hive")`; the `plan_id` column comes from the
folder names (pass an explicit string partitioning schema if a plan id could be read as a number).
"""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pyarrow as pa
import pyarrow.parquet as pq

from extract.manifest import Source
from normalize.tables import ACTIVITY_COLUMNS, AGENCY_COLUMNS, LINK_COLUMNS, Tables

from .datapackage import write_datapackage
from .dictionary import check_keys, table_rows, typed_rows, write_readme
from .report import write_report
from .sqlite import write_datasette_metadata, write_sqlite

__all__ = ["write_formats"]

PARTITION_COLUMN = "plan_id"
PART_NAME = "part-0.parquet"
ROW_GROUP = 10_000
ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}


def write_formats(folder: Path, tables: Tables, sources: list[Source], review: list[dict],
                  failures: list[tuple[str, str]],
                  unplaced: dict[str, tuple[tuple[int, str], ...]] | None = None) -> None:
    """Write every format into `folder`, beside the CSVs already there.

    `unplaced`: per plan, the source words (line, word) the pipeline could not place; the report lists them.

    Raises OutputError, before writing anything, when a key the formats declare does not hold
    (a repeated activity id in a plan, a mention naming an activity or agency that is not in the tables).
    """
    check_keys(table_rows(tables, review))
    write_parquet(folder, tables)
    write_datapackage(folder, sources)
    write_sqlite(folder, tables, review)
    write_datasette_metadata(folder, sources)
    write_readme(folder, tables, sources, review, failures)
    write_report(folder, tables, sources, review, failures, unplaced or {})


# ----------------------------------------------------------------------------- Parquet

def arrow_schema(columns: dict[str, tuple[str, str]]) -> pa.Schema:
    """The Arrow schema of a table: real types, each column's description in its field metadata."""
    return pa.schema([pa.field(name, ARROW_TYPES[kind], metadata={"description": description})
                      for name, (kind, description) in columns.items()])


def arrow_table(rows: list[dict], columns: dict[str, tuple[str, str]]) -> pa.Table:
    return pa.Table.from_pylist(typed_rows(rows, columns), schema=arrow_schema(columns))


def partition_name(plan_id: str) -> str:
    """The folder of one plan's part: `plan_id=<id>`, the id percent-encoded as pyarrow expects."""
    return f"{PARTITION_COLUMN}={quote(plan_id, safe='')}"


def write_partitioned(folder: Path, rows: list[dict], columns: dict[str, tuple[str, str]]) -> None:
    """One Parquet file per plan under `folder`, without the plan_id column (its folder names it)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    part_columns = {name: column for name, column in columns.items() if name != PARTITION_COLUMN}
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(str(row[PARTITION_COLUMN]), []).append(row)
    for plan_id, plan_rows in grouped.items():
        part = folder / partition_name(plan_id)
        part.mkdir()
        write_in_row_groups(plan_rows, part_columns, part / PART_NAME)


def write_in_row_groups(rows: list[dict], columns: dict[str, tuple[str, str]], path: Path) -> None:
    """A Parquet file written a row group at a time, so a long plan is never converted whole."""
    schema = arrow_schema(columns)
    with pq.ParquetWriter(path, schema) as writer:
        for start in range(0, max(len(rows), 1), ROW_GROUP):
            writer.write_table(pa.Table.from_pylist(typed_rows(rows[start: start + ROW_GROUP], columns),
                                                    schema=schema))


def write_parquet(folder: Path, tables: Tables) -> None:
    write_partitioned(folder / "activities", tables.activities, ACTIVITY_COLUMNS)
    write_partitioned(folder / "activity_agencies", tables.links, LINK_COLUMNS)
    pq.write_table(arrow_table(tables.agencies, AGENCY_COLUMNS), folder / "agencies.parquet")
