"""How to load the tables without losing their types: the "Loading the tables" section of the output README.

Tools that guess a CSV's types read the activity number `1.10` as the number 1.1 and a plan id such as
`2020` as a year; the recipes name every column's type instead. They are generated from the table specs
(so they cannot name a column that does not exist), and the tests run the pandas, DuckDB and Frictionless
recipes exactly as this module prints them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dictionary import TableSpec as Spec

#: The table the recipes load; the others load the same way.
EXAMPLE_TABLE = "activities"
PANDAS_TYPES = {"integer": "Int64", "number": "Float64"}
DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE"}
READR_TYPES = {"integer": "col_integer()", "number": "col_double()"}


def typed_columns(spec: Spec) -> list[tuple[str, str]]:
    """(column, kind) of the columns that are not text."""
    return [(name, kind) for name, (kind, _) in spec.columns.items() if kind != "string"]


def pandas_recipe(spec: Spec) -> str:
    casts = ", ".join(f'"{name}": "{PANDAS_TYPES[kind]}"' for name, kind in typed_columns(spec))
    return "\n".join([
        "import pandas as pd",
        "",
        f'{spec.name} = pd.read_csv("{spec.path}", dtype="string", keep_default_na=False, na_values=[""])',
        f"{spec.name} = {spec.name}.astype({{{casts}}})",
    ])


def duckdb_recipe(spec: Spec) -> str:
    columns = ",\n".join(f"    '{name}': '{DUCKDB_TYPES[kind]}'" for name, (kind, _) in spec.columns.items())
    return "\n".join([
        f"CREATE TABLE {spec.name} AS",
        f"SELECT * FROM read_csv('{spec.path}', header = true, auto_detect = false, columns = {{",
        columns,
        "});",
        "",
        "-- or the Parquet files, which carry their types (name the partition column's type: a plan id",
        "-- such as 2020 is text, not a number)",
        f"CREATE VIEW {spec.name}_parquet AS",
        f"SELECT * FROM read_parquet('{spec.name}/*/*.parquet', hive_partitioning = true,",
        "                            hive_types = {'plan_id': VARCHAR});",
    ])


def r_recipe(spec: Spec) -> str:
    types = ", ".join(f"{name} = {READR_TYPES[kind]}" for name, kind in typed_columns(spec))
    return "\n".join([
        "library(readr)",
        "",
        f'{spec.name} <- read_csv("{spec.path}", na = "",',
        f"  col_types = cols(.default = col_character(),\n                   {types}))",
    ])


def frictionless_recipe(spec: Spec) -> str:
    return "\n".join([
        "from frictionless import Package",
        "",
        'package = Package("datapackage.json")',
        f'{spec.name} = package.get_resource("{spec.name}").read_rows()',
    ])


def fenced(language: str, code: str) -> list[str]:
    return [f"```{language}", code, "```", ""]


def loading_section(specs: tuple[Spec, ...]) -> list[str]:
    """The README section: a recipe per tool for `activities` (run in this folder), and what it keeps."""
    spec = next(spec for spec in specs if spec.name == EXAMPLE_TABLE)
    numbers = ", ".join(f"`{name}`" for name, _ in typed_columns(spec))
    return [
        "## Loading the tables", "",
        "Every id is text — the activity `1.10` is not the activity `1.1`, and a plan id is no number — and "
        f"the years are whole numbers. Tools that guess a CSV's types get both wrong, so name them. Each recipe "
        f"loads `{spec.path}` from this folder (its columns that are not text: {numbers}); the other tables "
        "load the same way, with the types of the data dictionary below. An empty cell is a missing value.", "",
        "### pandas", "",
        *fenced("python", pandas_recipe(spec)),
        "`keep_default_na=False` keeps a text such as `NA` or `null` as text: only an empty cell is missing. "
        "With the `actionplans` package installed, `actionplans.load(FOLDER)` reads every table from the "
        "Parquet files with these types (and `flags` as lists).", "",
        "### DuckDB", "",
        *fenced("sql", duckdb_recipe(spec)),
        "### R", "",
        *fenced("r", r_recipe(spec)),
        "The Parquet files keep their types in R too: `arrow::open_dataset(\"activities\")`.", "",
        "### Spreadsheets", "",
        "Do not open a CSV with a double click: Excel and LibreOffice guess each column's type and turn `1.10` "
        "into `1.1` (and some ranges into dates). Import it and set the id columns to text: in LibreOffice "
        "Calc, *File › Open*, then in the Text Import dialog choose UTF-8 and comma-separated, select the "
        "columns `activity_key` and `activity_id` and set their *Column type* to *Text*; in Excel, "
        "*Data › From Text/CSV › Transform Data* and set those columns' type to *Text*; in Google Sheets, "
        "*File › Import* with *Convert text to numbers, dates, and formulas* unticked.", "",
        "### Frictionless", "",
        "`datapackage.json` declares every column's type, the keys and the missing value, so tools that read "
        "Frictionless Data Packages take the types from it: in Python,", "",
        *fenced("python", frictionless_recipe(spec)),
        "in R, `frictionless::read_resource(frictionless::read_package(\"datapackage.json\"), \"activities\")`; "
        "and `frictionless validate datapackage.json` checks every table against it.", "",
    ]
