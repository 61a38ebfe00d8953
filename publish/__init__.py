"""The formats data people use, written beside the CSVs of a run: `write_formats(folder, ...)`.

Into a folder that already holds the CSV tables (written by pipeline.py) it writes:

- Parquet: `activities/`, `activity_agencies/` and `activity_fields/` as datasets partitioned by plan
  (`plan_id=<plan>/part-0.parquet`, hive layout, the plan id percent-encoded), `plans.parquet` and
  `agencies.parquet`;
- `datapackage.json` (Frictionless Data Package), see `publish.datapackage`;
- `actionplans.db` (SQLite with full-text search) and `metadata.json` (Datasette), see `publish.sqlite`;
- `README.md`, the data dictionary and per-plan counts, see `publish.dictionary`;
- `report.html`, see `publish.report`.

Every file is the same bytes for the same input. Parquet columns have their real types (integer -> int64,
number -> float64, string -> string); an absent value (an empty cell of the CSV) is a null in every column,
text or number. Read a partitioned table back with
`pyarrow.dataset.dataset(folder / "activities", partitioning="hive")`; the `plan_id` column comes from the
folder names (pass an explicit string partitioning schema if a plan id could be read as a number).
"""
from __future__ import annotations

import shutil
from contextlib import ExitStack, closing, contextmanager
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from extract.manifest import Source
from extract.model import TableProfile
from normalize.tables import ACTIVITY_COLUMNS, AGENCY_COLUMNS, FIELD_COLUMNS, LINK_COLUMNS, PLAN_COLUMNS, Tables

from .datapackage import write_datapackage
from .dictionary import check_keys, table_rows, write_readme
from .report import write_report
from .sqlite import write_datasette_metadata, write_sqlite

__all__ = ["write_formats"]

PARTITION_COLUMN = "plan_id"
PART_NAME = "part-0.parquet"
ROW_GROUP = 10_000
BLOCK_BYTES = 4 << 20
ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}


def write_formats(folder: Path, tables: Tables, sources: list[Source], review: list[dict],
                  failures: list[tuple[str, str]],
                  unplaced: dict[str, tuple[tuple[int, str], ...]] | None = None,
                  layouts: dict[str, tuple[TableProfile, ...]] | None = None) -> None:
    """Write every format into `folder`, beside the CSVs already there.

    `unplaced`: per plan, the source words (line, word) the pipeline could not place; `layouts`: per plan,
    its tables with the meaning learned for each column. The report lists both.

    Raises OutputError, before writing anything, when a key the formats declare does not hold
    (a repeated activity id in a plan, a mention naming an activity or agency that is not in the tables).
    """
    check_keys(table_rows(tables, review))
    write_parquet(folder, tables)
    write_datapackage(folder, sources)
    write_sqlite(folder, tables, review)
    write_datasette_metadata(folder, sources)
    write_readme(folder, tables, sources, review, failures)
    write_report(folder, tables, sources, review, failures, unplaced or {}, layouts or {})


# ----------------------------------------------------------------------------- Parquet

def arrow_schema(columns: dict[str, tuple[str, str]]) -> pa.Schema:
    """The Arrow schema of a table: real types, each column's description in its field metadata."""
    return pa.schema([pa.field(name, ARROW_TYPES[kind], metadata={"description": description})
                      for name, (kind, description) in columns.items()])


def csv_batches(path: Path, columns: dict[str, tuple[str, str]]) -> Iterator[pa.RecordBatch]:
    """The CSV just written, read back a block at a time as typed record batches.

    Arrow's own CSV reader turns text into typed columns without a Python object per value (so a long
    plan is never held twice, and pandas is not needed). An empty cell is a null in every column, and only
    an empty cell: a text such as "NA" or "null" stays text.
    """
    schema = arrow_schema(columns)
    with pa.OSFile(str(path), "rb") as source:     # closed when the batches end or are abandoned
        reader = pa_csv.open_csv(
            source,
            read_options=pa_csv.ReadOptions(block_size=BLOCK_BYTES, use_threads=False),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(column_types={field.name: field.type for field in schema},
                                                  null_values=[""], strings_can_be_null=True,
                                                  quoted_strings_can_be_null=True,
                                                  include_columns=list(columns)))
        for batch in reader:
            yield pa.RecordBatch.from_arrays(batch.columns, schema=schema)


def partition_name(plan_id: str) -> str:
    """The folder of one plan's part: `plan_id=<id>`, the id percent-encoded as pyarrow expects."""
    return f"{PARTITION_COLUMN}={quote(plan_id, safe='')}"


def plan_runs(plan_ids: list[str]) -> list[tuple[str, int, int]]:
    """(plan_id, first row, row count) of each plan's run of rows (the tables keep a plan's rows together)."""
    runs: list[tuple[str, int, int]] = []
    for i, plan_id in enumerate(plan_ids):
        if runs and runs[-1][0] == plan_id:
            runs[-1] = (plan_id, runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((plan_id, i, 1))
    return runs


@contextmanager
def parquet_file(path: Path, schema: pa.Schema) -> Iterator[pq.ParquetWriter]:
    """A Parquet writer on a file of our own opening, closed whatever happens: a writer whose footer a full
    disk refused still holds its file, which would keep the disk busy (and the staging folder undeletable)."""
    sink = pa.OSFile(str(path), "wb")
    try:
        writer = pq.ParquetWriter(sink, schema)
        try:
            yield writer
        finally:
            writer.close()
    finally:
        sink.close()


def write_partitioned(folder: Path, csv_path: Path, columns: dict[str, tuple[str, str]]) -> None:
    """One Parquet file per plan under `folder`, without the plan_id column (its folder names it),
    streamed from the CSV a block at a time."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    part_schema = arrow_schema({name: column for name, column in columns.items() if name != PARTITION_COLUMN})
    with ExitStack() as open_part, closing(csv_batches(csv_path, columns)) as batches:
        writer: pq.ParquetWriter | None = None
        current: str | None = None
        for batch in batches:
            plan_ids = batch.column(PARTITION_COLUMN).to_pylist()
            for plan_id, first, count in plan_runs(plan_ids):
                if plan_id != current:
                    open_part.close()
                    part = folder / partition_name(plan_id)
                    part.mkdir()
                    writer = open_part.enter_context(parquet_file(part / PART_NAME, part_schema))
                    current = plan_id
                rows = batch.slice(first, count).drop_columns([PARTITION_COLUMN])
                writer.write_table(pa.Table.from_batches([rows]), row_group_size=ROW_GROUP)


def write_parquet(folder: Path, tables: Tables) -> None:
    """The Parquet files, from the CSVs already in `folder`."""
    write_partitioned(folder / "activities", folder / "activities.csv", ACTIVITY_COLUMNS)
    write_partitioned(folder / "activity_agencies", folder / "activity_agencies.csv", LINK_COLUMNS)
    write_partitioned(folder / "activity_fields", folder / "activity_fields.csv", FIELD_COLUMNS)
    for name, columns in (("plans", PLAN_COLUMNS), ("agencies", AGENCY_COLUMNS)):
        table = pa.Table.from_batches(list(csv_batches(folder / f"{name}.csv", columns)),
                                      schema=arrow_schema(columns))
        with parquet_file(folder / f"{name}.parquet", table.schema) as writer:
            writer.write_table(table)
