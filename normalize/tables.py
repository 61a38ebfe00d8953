"""The published tables: plans and their agency matches turned into rows, with the column types.

`plans` (one row per source document: what the manifest says of it, what was read from it), `activities`,
`activity_agencies` (one row per agency mention), `agencies`, and `activity_fields`: the text of the columns
a plan's table has beyond the known fields (a status, a budget), one row per activity and column, under the
header as printed.

Rows are plain dicts in document order; the writer (pipeline.py) builds DataFrames only to write them.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extract.manifest import Source, describe_from_title
from extract.model import TableProfile
from extract.vocabulary import EXTRA

from .matching import AgencyMatch
from .plan import Plan
from .roles import IMPLEMENTER, PARTNER, RECOMMENDED

#: Column name -> (type, description). Types: string, integer, number.
PLAN_COLUMNS: dict[str, tuple[str, str]] = {
    "plan_id": ("string", "Identifier of the plan (the manifest's plan_id, else the source file's stem)"),
    "title": ("string", "Title of the plan (the manifest's, else the title line of the document)"),
    "country": ("string", "Country of the plan, from the manifest"),
    "kind": ("string", "Kind of plan (open-government, anti-corruption, ...), from the manifest"),
    "start_year": ("integer", "First year of the plan (the manifest's, else the period its title names)"),
    "end_year": ("integer", "Last year of the plan (the manifest's, else the period its title names)"),
    "language": ("string", "Language of the source, from the manifest"),
    "source_file": ("string", "Name of the source file that was read"),
    "source_url": ("string", "Where the plan was published, from the manifest"),
    "sha256": ("string", "SHA-256 of the source file that was read"),
    "pages": ("integer", "Number of pages of a PDF source; empty for a text source"),
    "activities": ("integer", "Number of activities read from the plan"),
    "flags": ("integer", "Number of flags: those of its activities, plus the plan's own (words_unplaced)"),
    "words_unplaced": ("integer", "Number of source words the pipeline could not place (see `actionplans check`)"),
    "tables": ("integer", "Number of tables in the source, each with its own column-header row"),
    "layout": ("string", "The meaning of each column of each table as read, in printed order, joined by '|' "
                         "(an extra field as 'extra:' and its header); tables separated by '; '"),
}
ACTIVITY_COLUMNS: dict[str, tuple[str, str]] = {
    "plan_id": ("string", "Identifier of the plan (the manifest's plan_id, else the source file's stem)"),
    "activity_key": ("string", "plan_id and activity_id joined by ':', unique across plans; a repeated "
                               "activity number gets '#2', '#3' (flagged activity_id_duplicate)"),
    "section_no": ("integer", "Number of the section the activity belongs to"),
    "section_title": ("string", "Title of the section, without its number; empty where the source lacks it"),
    "activity_id": ("string", "Number of the activity as printed, without a trailing dot (\"1.10\")"),
    "title": ("string", "Name of the activity"),
    "indicator": ("string", "Evaluation indicator; empty where the cell is empty"),
    "implementers": ("string", "Canonical names of the implementing agencies, joined by '; '"),
    "recommended_to": ("string", "Canonical names of the agencies it is recommended to, joined by '; '"),
    "partners": ("string", "Canonical names of the partner or supporting organisations, joined by '; '"),
    "period": ("string", "Period as printed, extraction damage undone (\"2020-2022\", \"Q1 2024\", \"permanently\")"),
    "start_year": ("integer", "First year the period prints; empty where it prints none"),
    "end_year": ("integer", "Last year the period prints (a single year is both start and end)"),
    "source_lines": ("string", "Lines of the source its text came from (\"5-8\"), or pages for a PDF"),
    "flags": ("string", "What the pipeline could not decide or found missing, joined by ';' (see README)"),
}
LINK_COLUMNS: dict[str, tuple[str, str]] = {
    "plan_id": ("string", "Identifier of the plan"),
    "activity_key": ("string", "The activity (see activities.activity_key)"),
    "activity_id": ("string", "Number of the activity"),
    "role": ("string", "implementer, recommended or partner"),
    "position": ("integer", "1, 2, ... within the activity and role, in the order printed"),
    "mention": ("string", "The agency as written, extraction damage undone"),
    "agency_id": ("string", "Stable identifier of the agency (see agencies.csv)"),
    "agency_name": ("string", "Canonical name of the agency"),
    "agency_kind": ("string", "body (one institution) or category (a class of bodies)"),
    "match_method": ("string", "How the mention was matched: exact, alias, fuzzy, fragment or new"),
    "match_score": ("number", "Score of the match, 0-100"),
}
FIELD_COLUMNS: dict[str, tuple[str, str]] = {
    "plan_id": ("string", "Identifier of the plan"),
    "activity_key": ("string", "The activity (see activities.activity_key)"),
    "field": ("string", "The header of a column of the plan's table that is none of the known fields, as printed"),
    "value": ("string", "The activity's text in that column, extraction damage undone"),
}
AGENCY_COLUMNS: dict[str, tuple[str, str]] = {
    "agency_id": ("string", "Stable identifier of the agency"),
    "name": ("string", "Canonical name"),
    "kind": ("string", "body or category"),
    "spellings": ("string", "Every spelling seen in the plans, joined by '; '"),
    "activities": ("integer", "Number of activities that name the agency"),
}


class Row(tuple):
    """A table row: a tuple that also answers to its column names (row["title"], row.get("title")).

    A batch holds hundreds of thousands of rows; a tuple takes a fifth of the memory of a dict.
    """

    __slots__ = ()
    index: dict[str, int] = {}

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self.index[key])
        return tuple.__getitem__(self, key)

    def get(self, key: str, default=None):
        position = self.index.get(key)
        return default if position is None else tuple.__getitem__(self, position)

    def keys(self):
        return self.index.keys()

    def items(self):
        return zip(self.index, self)


def row_type(name: str, columns: dict[str, tuple[str, str]]) -> type[Row]:
    return type(name, (Row,), {"__slots__": (), "index": {column: i for i, column in enumerate(columns)}})


@dataclass(frozen=True)
class Tables:
    activities: list[dict]
    links: list[dict]
    agencies: list[dict]
    fields: list[dict] = field(default_factory=list)
    plans: list[dict] = field(default_factory=list)


ActivityRow = row_type("ActivityRow", ACTIVITY_COLUMNS)
LinkRow = row_type("LinkRow", LINK_COLUMNS)
FieldRow = row_type("FieldRow", FIELD_COLUMNS)


def line_range(lines: Sequence[int]) -> str:
    if not lines:
        return ""
    low, high = min(lines), max(lines)
    return str(low) if low == high else f"{low}-{high}"


def activity_keys(plan: Plan) -> list[str]:
    """Each activity's key: plan id and activity id, with '#2', '#3' for an id the plan repeats."""
    seen: dict[str, int] = defaultdict(int)
    keys = []
    for activity in plan.activities:
        seen[activity.activity_id] += 1
        repeat = seen[activity.activity_id]
        keys.append(f"{plan.plan_id}:{activity.activity_id}" + (f"#{repeat}" if repeat > 1 else ""))
    return keys


def profile_to_layout(profile: TableProfile) -> str:
    """A table's columns as read: their meanings joined by '|' ("number|title|extra:Budget|period")."""
    return "|".join(f"{EXTRA}:{column.header}" if column.meaning == EXTRA else column.meaning
                    for column in profile.columns)


def plan_to_row(plan: Plan, source: Source | None) -> dict:
    """A plan's row: the manifest's facts about its source (else what its document says), and its counts.

    `source` is None for a plan read outside a batch: it is described from the document alone.
    """
    source = describe_from_title(source or Source(plan.plan_id, Path(plan.source), ""), plan.title)
    flags = sum(len(activity.flags) for activity in plan.activities) + len(plan.flags)
    return {"plan_id": plan.plan_id, "title": source.title, "country": source.country, "kind": source.kind,
            "start_year": source.start_year, "end_year": source.end_year, "language": source.language,
            "source_file": source.path.name, "source_url": source.source_url, "sha256": source.sha256,
            "pages": plan.pages, "activities": len(plan.activities), "flags": flags,
            "words_unplaced": len(plan.unplaced), "tables": len(plan.tables),
            "layout": "; ".join(map(profile_to_layout, plan.tables))}


def plans_to_tables(plans: Sequence[Plan], matches: dict[str, AgencyMatch],
                    sources: Sequence[Source] = ()) -> Tables:
    """Rows of the tables; `matches` maps each mention text to its agency, `sources` describe the plans."""
    activities, links, fields = [], [], []
    spellings: dict[str, set[str]] = defaultdict(set)
    named_in: dict[str, set[tuple[str, str]]] = defaultdict(set)
    agency_rows: dict[str, dict] = {}
    for plan in plans:
        keys = activity_keys(plan)
        for activity, activity_key in zip(plan.activities, keys):
            names: dict[str, list[str]] = {IMPLEMENTER: [], RECOMMENDED: [], PARTNER: []}
            for mention in activity.mentions:
                match = matches[mention.text]
                names[mention.role].append(match.agency_name)
                spellings[match.agency_id].add(mention.text)
                named_in[match.agency_id].add((plan.plan_id, activity.activity_id))
                agency_rows.setdefault(match.agency_id, {
                    "agency_id": match.agency_id, "name": match.agency_name, "kind": match.agency_kind})
                links.append(LinkRow((
                    plan.plan_id, activity_key, activity.activity_id, mention.role, mention.position, mention.text,
                    match.agency_id, match.agency_name, match.agency_kind, match.match_method,
                    round(float(match.match_score), 1))))
            activities.append(ActivityRow((
                plan.plan_id, activity_key, activity.section_no, activity.section_title, activity.activity_id,
                activity.title, activity.indicator, "; ".join(names[IMPLEMENTER]), "; ".join(names[RECOMMENDED]),
                "; ".join(names[PARTNER]), activity.period.text, activity.period.start_year,
                activity.period.end_year, line_range(activity.lines), ";".join(activity.flags))))
            fields.extend(FieldRow((plan.plan_id, activity_key, name, value))
                          for name, value in activity.fields if value)
    agencies = [
        {**agency_rows[agency_id], "spellings": "; ".join(sorted(spellings[agency_id])),
         "activities": len(named_in[agency_id])}
        for agency_id in sorted(agency_rows)
    ]
    by_id = {source.plan_id: source for source in sources}
    plan_rows = [plan_to_row(plan, by_id.get(plan.plan_id)) for plan in plans]
    return Tables(activities, links, agencies, fields, plan_rows)
