"""The dataset as pandas tables with their real types: `Dataset`, and the one conversion every table takes.

Whether the rows come from a run (`actionplans.read`) or from a published folder's Parquet files
(`actionplans.load`), each table passes through `arrow_to_frame`, so both give the same frames: ids and
text as pandas' `string` dtype, whole numbers (years, counts) as nullable `Int64`, scores as `Float64`,
`role`, `agency_kind`, `match_method` and an agency's `kind` as categoricals, and `activities.flags` as a
list of words per activity (the CSV joins them with ';'). An absent value is <NA> in every column (an empty
list for flags), as it is NULL in Parquet and SQLite and an empty cell in the CSVs.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

import pandas as pd
import pyarrow as pa

from normalize.matching import MATCH_METHODS
from normalize.registry import KINDS
from normalize.roles import ROLES
from normalize.tables import ACTIVITY_COLUMNS, AGENCY_COLUMNS, FIELD_COLUMNS, LINK_COLUMNS, PLAN_COLUMNS, Tables
from publish import arrow_schema
from publish.dictionary import typed_value

#: Each table of the dataset: its name (as in the output folder) and its columns.
TABLE_COLUMNS: dict[str, dict[str, tuple[str, str]]] = {
    "plans": PLAN_COLUMNS,
    "activities": ACTIVITY_COLUMNS,
    "activity_agencies": LINK_COLUMNS,
    "activity_fields": FIELD_COLUMNS,
    "agencies": AGENCY_COLUMNS,
}
#: The columns with a closed vocabulary, as categoricals with these categories (in this order).
CATEGORIES: dict[tuple[str, str], tuple[str, ...]] = {
    ("activity_agencies", "role"): ROLES,
    ("activity_agencies", "agency_kind"): tuple(sorted(KINDS)),
    ("activity_agencies", "match_method"): MATCH_METHODS,
    ("agencies", "kind"): tuple(sorted(KINDS)),
}
#: The columns that join a list of words with this separator in the CSV.
LISTS: dict[tuple[str, str], str] = {("activities", "flags"): ";"}
PANDAS_TYPES = {pa.string(): pd.StringDtype(), pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype()}


@dataclass(frozen=True, eq=False)
class Dataset:
    """The tables of a set of plans as pandas DataFrames, with their real types (see the module's docstring).

    `plans` (one row per plan), `activities`, `activity_agencies` (one row per agency mention),
    `activity_fields` (the extra columns of a plan's table) and `agencies`; the columns are those of the
    CSVs of the same names, in the same order, and the rows are in the same order too.
    """

    plans: pd.DataFrame
    activities: pd.DataFrame
    activity_agencies: pd.DataFrame
    activity_fields: pd.DataFrame
    agencies: pd.DataFrame

    def __repr__(self) -> str:
        counts = ", ".join(f"{f.name}: {len(getattr(self, f.name))} rows" for f in fields(self))
        return f"Dataset({counts})"


def categories_of(values: pd.Series, known: tuple[str, ...]) -> pd.Categorical:
    """The values as a categorical of the known categories; a value outside them is kept, as a category of
    its own after them (never turned into a missing value)."""
    others = sorted(set(values.dropna()) - set(known))
    return pd.Categorical(values, categories=[*known, *others])


def arrow_to_frame(table: pa.Table, name: str) -> pd.DataFrame:
    """A table (columns of the published types: string, int64, double) as a typed DataFrame."""
    columns = TABLE_COLUMNS[name]
    frame = table.select(list(columns)).to_pandas(types_mapper=PANDAS_TYPES.get)
    for column in columns:
        if (name, column) in CATEGORIES:
            frame[column] = categories_of(frame[column], CATEGORIES[name, column])
        elif (name, column) in LISTS:
            separator = LISTS[name, column]
            frame[column] = pd.Series([[] if pd.isna(text) else text.split(separator) for text in frame[column]],
                                      index=frame.index, dtype=object)
    return frame


def rows_to_arrow(rows: Iterable, columns: dict[str, tuple[str, str]]) -> pa.Table:
    """Table rows (as `normalize.tables` makes them) as an Arrow table of the published types: an absent
    value (None or empty) is a null, as in the Parquet files."""
    rows = list(rows)
    schema = arrow_schema(columns)
    arrays = [pa.array([typed_value(row.get(name), kind) for row in rows], type=schema.field(name).type)
              for name, (kind, _) in columns.items()]
    return pa.Table.from_arrays(arrays, schema=schema)


def tables_to_dataset(tables: Tables) -> Dataset:
    """The rows of a run as a Dataset."""
    rows = {"plans": tables.plans, "activities": tables.activities, "activity_agencies": tables.links,
            "activity_fields": tables.fields, "agencies": tables.agencies}
    return Dataset(**{name: arrow_to_frame(rows_to_arrow(rows[name], columns), name)
                      for name, columns in TABLE_COLUMNS.items()})
