"""Where a Dataset comes from: `read` runs the pipeline on plan files, `load` reads a published output folder.

`read` is the pipeline of `actionplans run` (pipeline.run_sources) without the writing; `load` reads the
Parquet files `actionplans run` publishes. Both raise the project's own errors (ActionPlansError), with one
line naming the file or folder and the cause.
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.errors import InputError
from publish import PART_NAME, arrow_schema, partition_name

from .dataset import TABLE_COLUMNS, Dataset, arrow_to_frame, tables_to_dataset

PathLike = str | os.PathLike
#: The tables published as one Parquet file, and those partitioned by plan (a folder of parts).
SINGLE_FILES = ("plans", "agencies")
PARTITIONED = ("activities", "activity_agencies", "activity_fields")


def as_paths(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(path) for path in paths]


def read(paths: PathLike | Iterable[PathLike], registry: PathLike | None = None, *, jobs: int = 1) -> Dataset:
    """Read plans (text or PDF files, or folders of them) into a Dataset, as `actionplans run` reads them.

    `registry`: the agency registry CSV (default: the one shipped in normalize/); `jobs`: documents read in
    parallel processes (the result does not depend on it). A source the folder's manifest does not list is
    read with a warning. Raises ActionPlansError when a source cannot be read (naming it and the cause).
    """
    from pipeline import RunOptions, run_sources

    options = RunOptions(registry=None if registry is None else Path(registry), jobs=jobs, timeout=None)
    result = run_sources(as_paths(paths), options)
    for message in result.warnings:
        warnings.warn(message, stacklevel=2)
    if result.failures:
        raise InputError("; ".join(message for _, message in result.failures))
    return tables_to_dataset(result.tables)


def first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def read_parquet(path: Path, name: str, columns: dict[str, tuple[str, str]]) -> pa.Table:
    """One Parquet file of the folder, as the published types (without the partition column)."""
    schema = arrow_schema(columns)
    try:
        table = pq.ParquetFile(path).read()
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{path}: cannot read the Parquet file ({first_line(exc)})") from None
    missing = [column for column in schema.names if column not in table.column_names]
    if missing:
        raise InputError(f"{path}: not the {name} table of an actionplans output (no column {', '.join(missing)})")
    try:
        return table.select(schema.names).cast(schema)
    except (pa.ArrowException, ValueError) as exc:
        raise InputError(f"{path}: a column of the {name} table has the wrong type ({first_line(exc)})") from None


def read_partitioned(folder: Path, name: str, plan_ids: list[str]) -> pa.Table:
    """A table partitioned by plan, its parts in the order of the plans (the order of the CSV's rows).

    A table without rows has an empty folder, which git and some archives drop: no folder is no rows.
    """
    columns = TABLE_COLUMNS[name]
    schema = arrow_schema(columns)
    if not folder.exists():
        return schema.empty_table()
    if not folder.is_dir():
        raise InputError(f"{folder}: is a file, expected a folder of Parquet parts")
    parts_columns = {column: spec for column, spec in columns.items() if column != "plan_id"}
    known = {partition_name(plan_id) for plan_id in plan_ids}
    strangers = sorted(entry.name for entry in folder.iterdir() if entry.name not in known)
    if strangers:
        raise InputError(f"{folder / strangers[0]}: a part for no plan of plans.parquet; "
                         "not a folder actionplans wrote")
    parts = []
    for plan_id in plan_ids:
        path = folder / partition_name(plan_id) / PART_NAME
        if not path.is_file():
            continue  # a plan with no rows in this table
        part = read_parquet(path, name, parts_columns)
        parts.append(part.add_column(0, "plan_id", pa.array([plan_id] * part.num_rows, pa.string())))
    if not parts:
        return schema.empty_table()
    return pa.concat_tables(parts).select(schema.names).cast(schema)


def load(folder: PathLike) -> Dataset:
    """The Dataset an output folder of `actionplans run` holds, read from its Parquet files.

    Raises ActionPlansError when the folder does not exist or is not such an output folder.
    """
    folder = Path(folder)
    if not folder.exists():
        raise InputError(f"{folder}: no such folder (expected an output folder of `actionplans run`)")
    if not folder.is_dir():
        raise InputError(f"{folder}: is a file, expected an output folder of `actionplans run`")
    expected = [f"{name}.parquet" for name in SINGLE_FILES] + list(PARTITIONED[:1])
    missing = [entry for entry in expected if not (folder / entry).exists()]
    if missing:
        raise InputError(f"{folder}: not an actionplans output folder (no {', '.join(missing)}); "
                         "publish one with `actionplans run`")
    tables = {name: read_parquet(folder / f"{name}.parquet", name, TABLE_COLUMNS[name]) for name in SINGLE_FILES}
    plan_ids = tables["plans"].column("plan_id").to_pylist()
    if None in plan_ids or len(set(plan_ids)) != len(plan_ids):
        raise InputError(f"{folder / 'plans.parquet'}: plan ids are missing or repeated; "
                         "not a folder actionplans wrote")
    for name in PARTITIONED:
        tables[name] = read_partitioned(folder / name, name, plan_ids)
    return Dataset(**{name: arrow_to_frame(tables[name], name) for name in TABLE_COLUMNS})
