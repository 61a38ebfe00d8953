"""actionplans.db: the tables in SQLite, with keys and full-text search, and metadata.json for Datasette.

Every table of `TABLE_SPECS` becomes a typed table (string -> TEXT, integer -> INTEGER, number -> REAL)
with its primary and foreign keys; an absent value (an empty cell of the CSV) is NULL in every column, text
or number. The activities and activity_agencies tables gain one column the CSVs do not need, `sequence`
(1, 2, ... in the order of the rows: plans in the order of the run, each in document order), because
their keys sort as text ("1.10" before "1.2") and Datasette sorts by one column; metadata.json makes it
the default sort.

`activities_fts` is an FTS5 index (porter stemming, so "procurements" finds "procurement") of the
activities' titles, indicators and the agencies they name, over the activities table (its rowid is the
activity's rowid):

    SELECT a.plan_id, a.activity_id, a.title FROM activities_fts
    JOIN activities a ON a.rowid = activities_fts.rowid WHERE activities_fts MATCH 'budget'
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from extract.manifest import Source
from normalize.tables import Tables

from .dictionary import (DATASET_DESCRIPTION, DATASET_NAME, DATASET_TITLE, LICENSE_NAME, LICENSE_URL,
                         TABLE_SPECS, TableSpec, plan_titles, table_rows, typed_rows)

DATABASE_NAME = f"{DATASET_NAME}.db"
METADATA_NAME = "metadata.json"
FTS_TABLE = "activities_fts"
FTS_COLUMNS = ("title", "indicator", "implementers", "recommended_to", "partners")
# unicode61 splits words in any script and folds case and accents; porter stems the English ones.
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"
SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL"}

SEQUENCE_COLUMN = "sequence"
#: The tables that gain the sequence column, with its description there.
SEQUENCED: dict[str, str] = {
    "activities": "Order of the activity: the plans in the order of the run, each plan's activities in "
                  "document order (\"1.2\" before \"1.10\"); the default sort in Datasette",
    "activity_agencies": "Order of the mention: the activities in document order, each one's mentions in "
                         "the order printed; the default sort in Datasette",
}

#: Datasette's settings per table beyond titles and descriptions: the facets it suggests, the default sort
#: and the column that labels a row where another table refers to it.
DATASETTE_TABLES: dict[str, dict] = {
    "activities": {"sort": SEQUENCE_COLUMN, "facets": ["plan_id", "section_title", "flags"],
                   "label_column": "title", "fts_table": FTS_TABLE, "fts_pk": "rowid"},
    "activity_agencies": {"sort": SEQUENCE_COLUMN, "facets": ["role", "agency_name", "match_method"]},
    "activity_fields": {"facets": ["plan_id", "field"]},
    "agencies": {"sort_desc": "activities", "facets": ["kind"], "label_column": "name"},
    "review_agencies": {"facets": ["plan_id", "role"]},
}


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


def database_spec(spec: TableSpec) -> TableSpec:
    """The table as the database has it: with the sequence column where SEQUENCED names it."""
    if spec.name not in SEQUENCED:
        return spec
    return replace(spec, columns={**spec.columns, SEQUENCE_COLUMN: ("integer", SEQUENCED[spec.name])})


def database_rows(spec: TableSpec, rows: list[dict]) -> list[dict]:
    """The rows typed for the database spec, numbered in order where it has the sequence column."""
    typed = typed_rows(rows, spec.columns)
    if SEQUENCE_COLUMN in spec.columns:
        for number, row in enumerate(typed, start=1):
            row[SEQUENCE_COLUMN] = number
    return typed


def index_sql(spec: TableSpec) -> list[str]:
    """An index for each foreign key the primary key does not already start with, and on the sequence."""
    statements = []
    if SEQUENCE_COLUMN in spec.columns:
        statements.append(f"CREATE UNIQUE INDEX {quoted(spec.name + '_' + SEQUENCE_COLUMN)} "
                          f"ON {quoted(spec.name)} ({quoted(SEQUENCE_COLUMN)})")
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
        f"CREATE VIRTUAL TABLE {quoted(FTS_TABLE)} USING fts5({column_list(FTS_COLUMNS)}, "
        f"content='activities', tokenize='{FTS_TOKENIZER}')",
        f"INSERT INTO {quoted(FTS_TABLE)}({quoted(FTS_TABLE)}) VALUES ('rebuild')",
    ]


def write_sqlite(folder: Path, tables: Tables, review: list[dict]) -> None:
    """Build actionplans.db in the folder, replacing any database already there."""
    path = folder / DATABASE_NAME
    path.unlink(missing_ok=True)
    rows_by_table = table_rows(tables, review)
    with closing(sqlite3.connect(path)) as db:
        for spec in map(database_spec, TABLE_SPECS):
            db.execute(create_table_sql(spec))
            for statement in index_sql(spec):
                db.execute(statement)
            rows = database_rows(spec, rows_by_table[spec.name])
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
    """Title, description and column descriptions of a table, with its DATASETTE_TABLES settings."""
    return {"title": spec.title, "description": spec.description,
            "columns": {name: description for name, (_, description) in spec.columns.items()},
            **DATASETTE_TABLES.get(spec.name, {})}


def datasette_metadata(sources: list[Source]) -> dict:
    """metadata.json for `datasette actionplans.db --metadata metadata.json`."""
    return {
        "title": DATASET_TITLE,
        "description": DATASET_DESCRIPTION,
        "license": LICENSE_NAME,
        "license_url": LICENSE_URL,
        **source_fields(sources),
        "databases": {DATASET_NAME: {"tables": {spec.name: table_metadata(database_spec(spec))
                                                for spec in TABLE_SPECS}}},
    }


def write_datasette_metadata(folder: Path, sources: list[Source]) -> None:
    text = json.dumps(datasette_metadata(sources), indent=2, sort_keys=True, ensure_ascii=False)
    (folder / METADATA_NAME).write_text(text + "\n", encoding="utf-8")
