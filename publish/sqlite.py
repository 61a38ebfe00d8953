"""actionplans.db: the tables in SQLite, with keys and full-text search, and metadata.json for Datasette.

Every table of `TABLE_SPECS` becomes a typed table (string -> TEXT, integer -> INTEGER, number -> REAL)
with its primary and foreign keys; an absent value (an empty cell of the CSV) is NULL in every column, text
or number. `activities_fts` is an FTS5 index of the activities' titles and indicators over the activities
table (its rowid is the activity's rowid):

    SELECT a.plan_id, a.activity_id, a.title FROM activities_fts
    JOIN activities a ON a.rowid = activities_fts.rowid WHERE activities_fts MATCH 'budget'
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from extract.manifest import Source
from normalize.tables import Tables

from .dictionary import (DATASET_DESCRIPTION, DATASET_NAME, DATASET_TITLE, LICENSE_NAME, LICENSE_URL,
                         TABLE_SPECS, TableSpec, plan_titles, table_rows, typed_rows)

DATABASE_NAME = f"{DATASET_NAME}.db"
METADATA_NAME = "metadata.json"
FTS_TABLE = "activities_fts"
FTS_COLUMNS = ("title", "indicator")
SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL"}


def quoted(name: str) -> str:
    """An SQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def column_list(names: tuple[str, ...]) -> str:
    return ", ".join(quoted(name) for name in names)


def create_table_sql(spec: TableSpec) -> str:
    """CREATE TABLE for one spec: typed columns, NOT NULL key columns, primary and foreign keys."""
    parts = []
    for name, (kind, _) in spec.columns.items():
        not_null = " NOT NULL" if name in spec.primary_key else ""
        parts.append(f"{quoted(name)} {SQL_TYPES[kind]}{not_null}")
    if spec.primary_key:
        parts.append(f"PRIMARY KEY ({column_list(spec.primary_key)})")
    for fk in spec.foreign_keys:
        parts.append(f"FOREIGN KEY ({column_list(fk.columns)}) "
                     f"REFERENCES {quoted(fk.table)} ({column_list(fk.reference)})")
    body = ",\n  ".join(parts)
    return f"CREATE TABLE {quoted(spec.name)} (\n  {body}\n)"


def index_sql(spec: TableSpec) -> list[str]:
    """An index for each foreign key the primary key does not already start with."""
    statements = []
    for fk in spec.foreign_keys:
        if spec.primary_key[:len(fk.columns)] == fk.columns:
            continue
        name = f"{spec.name}_{'_'.join(fk.columns)}"
        statements.append(f"CREATE INDEX {quoted(name)} ON {quoted(spec.name)} ({column_list(fk.columns)})")
    return statements


def insert_sql(spec: TableSpec) -> str:
    names = tuple(spec.columns)
    return (f"INSERT INTO {quoted(spec.name)} ({column_list(names)}) "
            f"VALUES ({', '.join('?' for _ in names)})")


def fts_sql() -> list[str]:
    """The FTS5 index over activities, filled from the table."""
    return [
        f'CREATE VIRTUAL TABLE {quoted(FTS_TABLE)} USING fts5({column_list(FTS_COLUMNS)}, content="activities")',
        f"INSERT INTO {quoted(FTS_TABLE)}({quoted(FTS_TABLE)}) VALUES ('rebuild')",
    ]


def write_sqlite(folder: Path, tables: Tables, review: list[dict]) -> None:
    """Build actionplans.db in the folder, replacing any database already there."""
    path = folder / DATABASE_NAME
    path.unlink(missing_ok=True)
    rows_by_table = table_rows(tables, review)
    with closing(sqlite3.connect(path)) as db:
        for spec in TABLE_SPECS:
            db.execute(create_table_sql(spec))
            for statement in index_sql(spec):
                db.execute(statement)
            rows = typed_rows(rows_by_table[spec.name], spec.columns)
            db.executemany(insert_sql(spec), [tuple(row.values()) for row in rows])
        for statement in fts_sql():
            db.execute(statement)
        db.commit()


# ----------------------------------------------------------------------------- Datasette

def source_fields(sources: list[Source]) -> dict:
    """Datasette's `source` (the plans' titles) and `source_url` (when every source has the same one)."""
    titles = plan_titles(sources)
    names = [titles.get(source.plan_id, source.plan_id) for source in sources]
    fields = {"source": "; ".join(dict.fromkeys(names))} if names else {}
    urls = {source.source_url for source in sources}
    if len(urls) == 1 and "" not in urls:
        fields["source_url"] = urls.pop()
    return fields


def table_metadata(spec: TableSpec) -> dict:
    metadata = {"title": spec.title, "description": spec.description,
                "columns": {name: description for name, (_, description) in spec.columns.items()}}
    if spec.name == "activities":
        metadata["fts_table"] = FTS_TABLE
        metadata["fts_pk"] = "rowid"
    return metadata


def datasette_metadata(sources: list[Source]) -> dict:
    """metadata.json for `datasette actionplans.db --metadata metadata.json`."""
    return {
        "title": DATASET_TITLE,
        "description": DATASET_DESCRIPTION,
        "license": LICENSE_NAME,
        "license_url": LICENSE_URL,
        **source_fields(sources),
        "databases": {DATASET_NAME: {"tables": {spec.name: table_metadata(spec) for spec in TABLE_SPECS}}},
    }


def write_datasette_metadata(folder: Path, sources: list[Source]) -> None:
    text = json.dumps(datasette_metadata(sources), indent=2, sort_keys=True, ensure_ascii=False)
    (folder / METADATA_NAME).write_text(text + "\n", encoding="utf-8")
