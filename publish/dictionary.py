"""What the published tables are: one description per table, shared by every format, and the README.

`TABLE_SPECS` names each CSV table with its columns (from `normalize.tables`), keys and meaning;
datapackage.json, the SQLite database and the README data dictionary are all generated from it, so they
cannot disagree. This module also holds the small helpers every writer needs: the typed value of a cell,
the per-plan counts, the key check, and the README text itself.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from extract.errors import OutputError
from extract.manifest import Source
from normalize.tables import ACTIVITY_COLUMNS, AGENCY_COLUMNS, FIELD_COLUMNS, LINK_COLUMNS, PLAN_COLUMNS, Tables

from .recipes import loading_section

LICENSE_NAME = "ODC-BY-1.0"
LICENSE_TITLE = "Open Data Commons Attribution License 1.0"
LICENSE_URL = "https://opendatacommons.org/licenses/by/1-0/"
DATASET_NAME = "actionplans"
DATASET_TITLE = "Government action plans: activities and the agencies responsible"
DATASET_DESCRIPTION = (
    "National open-government and anti-corruption action plans turned into tables: one row per activity, "
    "one row per agency named, every row traceable to the lines of the source document it came from. "
    "What could not be decided is flagged on the activity, never guessed silently."
)

#: What an absent value is, in every format (the README says so).
MISSING_VALUES = (
    "A value that is absent — a year the period does not print, an activity without flags, an empty "
    "indicator, a plan read from a text file (no pages) — is an empty cell in the CSVs and NULL in Parquet "
    "and SQLite, in every column, text or number; no cell holds the empty text. So `WHERE flags IS NULL` "
    "finds the activities without flags, and `WHERE indicator IS NOT NULL` those with an indicator."
)

#: The review queue (review/agencies.csv): column -> (type, description), as the pipeline writes it.
REVIEW_COLUMNS: dict[str, tuple[str, str]] = {
    "mention": ("string", "The agency as written, which matched no agency of the registry"),
    "agency_id": ("string", "Identifier given to the new agency (see agencies.csv)"),
    "plan_id": ("string", "Identifier of the plan"),
    "activity_key": ("string", "The activity that names it (see activities.activity_key)"),
    "activity_id": ("string", "Number of the activity that names it"),
    "role": ("string", "implementer or recommended"),
    "lines": ("string", "Lines of the source the activity's text came from (\"5-8\")"),
    "candidate_1": ("string", "agency_id of the nearest registry agency; empty if none"),
    "score_1": ("number", "Similarity of the nearest registry agency, 0-100"),
    "candidate_2": ("string", "agency_id of the second nearest registry agency; empty if none"),
    "score_2": ("number", "Similarity of the second nearest registry agency, 0-100"),
    "candidate_3": ("string", "agency_id of the third nearest registry agency; empty if none"),
    "score_3": ("number", "Similarity of the third nearest registry agency, 0-100"),
}

#: The flag vocabulary of README.md "Flags": flag -> meaning.
FLAG_MEANINGS: dict[str, str] = {
    "section_title_missing": "the source has no header row for the activity's section",
    "period_missing": "the period cell is empty",
    "period_unreadable": "the period cell prints a damaged year (a run of digits that is no year 1900-2100); "
                         "its years are left empty",
    "period_without_year": "the period cell names a time without a year (\"permanently\", \"annually\"); "
                           "the text is kept in period, the years are empty",
    "period_reversed": "the range's end year is before its start year",
    "title_missing": "the title cell is empty",
    "indicator_missing": "the indicator cell is empty",
    "agencies_missing": "the agencies cell (implementers / recommended to) names no agency",
    "agencies_unlabelled": "the agency cell has no Implementers: / Recommended to: label though other cells have; "
                           "its first names are taken as implementers",
    "title_boundary_uncertain": "where the title cell ends and its neighbour's begins was a close call",
    "indicator_boundary_uncertain": "where the indicator cell ends and its neighbour's begins was a close call",
    "agencies_boundary_uncertain": "where the agency cell ends and its neighbour's begins was a close call",
    "period_boundary_uncertain": "where the period cell ends and its neighbour's begins was a close call",
    "partners_boundary_uncertain": "where the partners cell ends and its neighbour's begins was a close call",
    "field_boundary_uncertain": "where a cell of an extra column (see activity_fields) ends and its neighbour's "
                                "begins was a close call",
    "activity_id_duplicate": "the activity number was already used in the plan",
    "activity_id_out_of_order": "the activity number is not after the previous one",
    "section_backwards": "the section number is lower than the previous activity's",
    "agency_acronym_ambiguous": "the activity names a body by a bare acronym the plan prints after two different "
                                "names; it stays an agency of its own, in the review queue",
}


@dataclass(frozen=True)
class ForeignKey:
    """Columns of one table that name a row of another."""

    columns: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    """One published table: its name, its CSV path inside the folder, its columns and keys."""

    name: str
    path: str
    title: str
    description: str
    columns: dict[str, tuple[str, str]]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()


ACTIVITY_KEY = ("activity_key",)
PLAN_KEY = ("plan_id",)

TABLE_SPECS: tuple[TableSpec, ...] = (
    TableSpec("plans", "plans.csv", "Plans",
              "One row per plan: what the manifest (raw/plans.csv) says of its source, else what the document "
              "itself says, and what was read from it.",
              PLAN_COLUMNS, primary_key=PLAN_KEY),
    TableSpec("activities", "activities.csv", "Activities",
              "One row per activity of a plan, in document order.",
              ACTIVITY_COLUMNS, primary_key=ACTIVITY_KEY,
              foreign_keys=(ForeignKey(PLAN_KEY, "plans", PLAN_KEY),)),
    TableSpec("activity_agencies", "activity_agencies.csv", "Agency mentions",
              "One row per agency named by an activity, with the agency it was matched to.",
              LINK_COLUMNS, primary_key=("activity_key", "role", "position"),
              foreign_keys=(ForeignKey(ACTIVITY_KEY, "activities", ACTIVITY_KEY),
                            ForeignKey(("agency_id",), "agencies", ("agency_id",)))),
    TableSpec("activity_fields", "activity_fields.csv", "Other fields of the activities",
              "The columns of a plan's table that are none of the known fields (a status, a budget, tick marks), "
              "one row per activity and column with text, under the column's header as printed.",
              FIELD_COLUMNS, primary_key=("activity_key", "field"),
              foreign_keys=(ForeignKey(ACTIVITY_KEY, "activities", ACTIVITY_KEY),)),
    TableSpec("agencies", "agencies.csv", "Agencies",
              "Every agency named in the plans, with the spellings seen.",
              AGENCY_COLUMNS, primary_key=("agency_id",)),
    TableSpec("review_agencies", "review/agencies.csv", "Agency review queue",
              "Mentions that matched no agency of the registry, where they occur and the three nearest "
              "registry agencies.",
              REVIEW_COLUMNS,
              foreign_keys=(ForeignKey(ACTIVITY_KEY, "activities", ACTIVITY_KEY),
                            ForeignKey(("agency_id",), "agencies", ("agency_id",)))),
)


def table_rows(tables: Tables, review: list[dict]) -> dict[str, list[dict]]:
    """The rows of each table of TABLE_SPECS, by table name."""
    return {"plans": tables.plans, "activities": tables.activities, "activity_agencies": tables.links,
            "activity_fields": tables.fields, "agencies": tables.agencies, "review_agencies": review}


def typed_value(value: object, kind: str) -> object:
    """A cell as its column type: integer -> int, number -> float, string -> str; None when it is absent
    (None or empty), whatever the type: one meaning of missing in every format."""
    if value is None or value == "":
        return None
    if kind == "string":
        return str(value)
    return int(value) if kind == "integer" else float(value)


def typed_rows(rows: list[dict], columns: dict[str, tuple[str, str]]) -> list[dict]:
    """Rows with exactly the given columns, each cell typed."""
    return [{name: typed_value(row.get(name), kind) for name, (kind, _) in columns.items()} for row in rows]


# ----------------------------------------------------------------------------- keys

def repeated_keys(rows: list[dict], key: tuple[str, ...]) -> list[tuple]:
    """Key values that more than one row has, in first-seen order."""
    counts = Counter(tuple(row.get(name) for name in key) for row in rows)
    return [value for value, count in counts.items() if count > 1]


def dangling_keys(rows: list[dict], fk: ForeignKey, parents: list[dict]) -> list[tuple]:
    """Values of a foreign key that name no row of the referenced table, in first-seen order."""
    known = {tuple(row.get(name) for name in fk.reference) for row in parents}
    missing = (tuple(row.get(name) for name in fk.columns) for row in rows)
    return list(dict.fromkeys(value for value in missing if value not in known))


def key_problems(rows_by_table: dict[str, list[dict]]) -> list[str]:
    """Every primary key repeated and every foreign key left dangling, as one line each."""
    problems = []
    for spec in TABLE_SPECS:
        rows = rows_by_table[spec.name]
        if spec.primary_key:
            for value in repeated_keys(rows, spec.primary_key):
                problems.append(f"{spec.name}: key {describe_key(spec.primary_key, value)} is repeated")
        for fk in spec.foreign_keys:
            for value in dangling_keys(rows, fk, rows_by_table[fk.table]):
                problems.append(f"{spec.name}: {describe_key(fk.columns, value)} is not in {fk.table}")
    return problems


def describe_key(columns: tuple[str, ...], value: tuple) -> str:
    return ", ".join(f"{name}={item!r}" for name, item in zip(columns, value))


def check_keys(rows_by_table: dict[str, list[dict]]) -> None:
    """Raise OutputError when a key the formats declare does not hold: they could not be published."""
    problems = key_problems(rows_by_table)
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise OutputError(f"cannot publish the tables: {'; '.join(problems[:3])}{more}")


# ----------------------------------------------------------------------------- per-plan counts

@dataclass(frozen=True)
class PlanCounts:
    """What one plan holds."""

    plan_id: str
    activities: int
    mentions: int
    agencies: int
    flags: int
    new_agencies: int


def activity_flags(activity: dict) -> list[str]:
    """The flags of an activity row, as a list."""
    return [flag for flag in (activity.get("flags") or "").split(";") if flag]


def plan_ids(tables: Tables, review: list[dict]) -> list[str]:
    """Every plan in the tables, in the order the rows first name it."""
    rows = [*tables.activities, *tables.links, *review]
    return list(dict.fromkeys(str(row["plan_id"]) for row in rows))


def plan_counts(tables: Tables, review: list[dict]) -> list[PlanCounts]:
    """Activities, agency mentions, distinct agencies, flags and new agencies of each plan (one pass)."""
    activities: dict[str, int] = defaultdict(int)
    flags: dict[str, int] = defaultdict(int)
    mentions: dict[str, int] = defaultdict(int)
    agencies: dict[str, set[str]] = defaultdict(set)
    new: dict[str, set[str]] = defaultdict(set)
    for activity in tables.activities:
        activities[activity["plan_id"]] += 1
        flags[activity["plan_id"]] += len(activity_flags(activity))
    for link in tables.links:
        mentions[link["plan_id"]] += 1
        agencies[link["plan_id"]].add(link["agency_id"])
    for row in review:
        new[row["plan_id"]].add(row["agency_id"])
    return [PlanCounts(plan_id=plan_id, activities=activities[plan_id], mentions=mentions[plan_id],
                       agencies=len(agencies[plan_id]), flags=flags[plan_id], new_agencies=len(new[plan_id]))
            for plan_id in plan_ids(tables, review)]


def plan_titles(sources: list[Source]) -> dict[str, str]:
    """The title of each plan the sources describe (plans without one are left out)."""
    return {source.plan_id: source.title for source in sources if source.title}


# ----------------------------------------------------------------------------- README.md

def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell."""
    text = "" if value is None else str(value)
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def md_table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    return lines + ["| " + " | ".join(md_cell(cell) for cell in row) + " |" for row in rows]


def table_dictionary(spec: TableSpec) -> list[str]:
    """The Markdown section describing one table: its meaning, keys and every column."""
    lines = [f"### `{spec.name}` — `{spec.path}`", "", spec.description, ""]
    if spec.primary_key:
        lines.append(f"Primary key: {', '.join(f'`{c}`' for c in spec.primary_key)}.")
    for fk in spec.foreign_keys:
        lines.append(f"Foreign key: {', '.join(f'`{c}`' for c in fk.columns)} → `{fk.table}` "
                     f"({', '.join(f'`{c}`' for c in fk.reference)}).")
    if spec.primary_key or spec.foreign_keys:
        lines.append("")
    rows = [[f"`{name}`", kind, description] for name, (kind, description) in spec.columns.items()]
    return lines + md_table(["column", "type", "description"], rows) + [""]


def files_section() -> list[str]:
    return [
        "## Files", "",
        "- `plans.csv`, `activities.csv`, `activity_agencies.csv`, `activity_fields.csv`, `agencies.csv`, "
        "`review/agencies.csv` — the tables (UTF-8, header row, standard quoting; an empty cell is a missing "
        "value).",
        "- `activities/plan_id=<plan>/part-0.parquet`, `activity_agencies/…`, `activity_fields/…` — "
        "the same tables as Parquet datasets partitioned by plan (hive layout; the `plan_id` column comes "
        "from the folder name), and `plans.parquet`, `agencies.parquet`.",
        "- `datapackage.json` — a Frictionless Data Package describing the CSV tables.",
        "- `actionplans.db` — a SQLite database of the tables, with full-text search (stemmed) on activity "
        "titles, indicators and agency names (`activities_fts`), and a `sequence` column in `activities` and "
        "`activity_agencies` giving document order; `metadata.json` describes it for Datasette "
        "(`datasette actionplans.db -m metadata.json`: sorted in document order, searchable, with facets).",
        "- `report.html` — per plan: counts, who is responsible for what (each agency's activities listed), "
        "flags and the agency review queue.",
        "",
    ]


def plans_section(tables: Tables, sources: list[Source], review: list[dict]) -> list[str]:
    titles = plan_titles(sources)
    rows = [[f"`{c.plan_id}`", titles.get(c.plan_id, ""), c.activities, c.mentions, c.agencies, c.flags,
             c.new_agencies] for c in plan_counts(tables, review)]
    header = ["plan", "title", "activities", "agency mentions", "agencies", "flags", "new agencies"]
    return ["## Plans", ""] + md_table(header, rows) + [""]


def sources_section(sources: list[Source]) -> list[str]:
    rows = [[f"`{s.plan_id}`", s.title, s.path.name, f"`{s.sha256}`", s.source_url] for s in sources]
    return ["## Sources", ""] + md_table(["plan", "title", "file", "sha256", "source"], rows) + [""]


def failures_section(failures: list[tuple[str, str]]) -> list[str]:
    lines = ["## Failed documents", ""]
    if not failures:
        return lines + ["None: every document was read.", ""]
    return lines + md_table(["document", "reason"], [[path, reason] for path, reason in failures]) + [""]


def flags_section() -> list[str]:
    rows = [[f"`{flag}`", meaning] for flag, meaning in FLAG_MEANINGS.items()]
    return (["### Flags", "", "The `flags` column of `activities` joins these words with `;`:", ""]
            + md_table(["flag", "meaning"], rows) + [""])


def readme_text(tables: Tables, sources: list[Source], review: list[dict],
                failures: list[tuple[str, str]]) -> str:
    """The folder's README.md: what it holds, the per-plan counts and the data dictionary."""
    lines = [f"# {DATASET_TITLE}", "", DATASET_DESCRIPTION, "",
             f"License: the data is published under the {LICENSE_TITLE} ({LICENSE_NAME}), {LICENSE_URL}.", ""]
    lines += files_section()
    lines += plans_section(tables, sources, review)
    lines += sources_section(sources)
    lines += failures_section(failures)
    lines += loading_section(TABLE_SPECS)
    lines += ["## Data dictionary", "",
              "Types: `string` (text), `integer` (whole number), `number` (decimal number).", "",
              MISSING_VALUES, ""]
    for spec in TABLE_SPECS:
        lines += table_dictionary(spec)
    lines += flags_section()
    return "\n".join(lines).rstrip("\n") + "\n"


def write_readme(folder: Path, tables: Tables, sources: list[Source], review: list[dict],
                 failures: list[tuple[str, str]]) -> None:
    (folder / "README.md").write_text(readme_text(tables, sources, review, failures), encoding="utf-8")
