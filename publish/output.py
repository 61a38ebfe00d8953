"""A run's tables written to its output folder: CSV first, then every other format, swapped in whole.

`publish_run(result, out_dir, inputs)` checks the counts, writes everything into a staging folder beside
`out_dir` and renames it into place, so a reader never meets a half-written output and a folder we did not
write is never replaced (see `publish.folder`).
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from batch import signals_held
from extract.errors import OutputError
from extract.manifest import Source

if TYPE_CHECKING:
    from pipeline import RunResult

def csv_value(value: object, kind: str) -> object:
    if value is None or value == "":
        return ""
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    return str(value)


def write_table(rows: list[dict], columns: dict[str, tuple[str, str]], path: Path) -> None:
    """One table as CSV: UTF-8, a header row, standard quoting, rows streamed to the file."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        # csv quotes a field holding "\n" but not one holding a lone "\r": such a row is quoted whole.
        quoted = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow(columns)
        kinds = [kind for kind, _ in columns.values()]
        for row in rows:
            values = [csv_value(row.get(name), kind) for name, kind in zip(columns, kinds)]
            (quoted if any(isinstance(v, str) and "\r" in v for v in values) else writer).writerow(values)


def write_csv_rows(rows: list[dict], path: Path, columns: list[str]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def check_counts(result: RunResult) -> None:
    """The tables hold exactly what the plans hold, before anything is written."""
    tables = result.tables
    activities = sum(len(p.activities) for p in result.plans)
    mentions = sum(len(a.mentions) for p in result.plans for a in p.activities)
    if len(tables.activities) != activities or len(tables.links) != mentions:
        raise OutputError(f"internal check failed: {len(tables.activities)} activity rows for {activities} "
                          f"activities, {len(tables.links)} agency rows for {mentions} mentions; nothing written")


def publish_run(result: RunResult, out_dir: Path, inputs: list[Path] = ()) -> None:
    """Write every table to a folder beside `out_dir`, then swap it into place: never a half-written output.

    `out_dir` is replaced only when it is safe (see `publish.folder`); `inputs` are never inside it.
    """
    from normalize.tables import ACTIVITY_COLUMNS, AGENCY_COLUMNS, FIELD_COLUMNS, LINK_COLUMNS, PLAN_COLUMNS
    from publish import folder, write_formats
    from publish.dictionary import REVIEW_COLUMNS

    check_counts(result)
    target = folder.check_output_folder(out_dir, inputs)
    try:
        staging = folder.new_staging(target)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write the output folder ({exc.strerror})") from None
    try:
        tables = result.tables
        write_table(tables.plans, PLAN_COLUMNS, staging / "plans.csv")
        write_table(tables.activities, ACTIVITY_COLUMNS, staging / "activities.csv")
        write_table(tables.links, LINK_COLUMNS, staging / "activity_agencies.csv")
        write_table(tables.fields, FIELD_COLUMNS, staging / "activity_fields.csv")
        write_table(tables.agencies, AGENCY_COLUMNS, staging / "agencies.csv")
        (staging / "review").mkdir()
        write_csv_rows(result.review, staging / "review" / "agencies.csv", list(REVIEW_COLUMNS))
        write_formats(staging, tables, sources_with_titles(result), result.review, result.failures,
                      {plan.plan_id: plan.unplaced for plan in result.plans},
                      {plan.plan_id: plan.tables for plan in result.plans})
        folder.write_marker(staging)
        os.chmod(staging, 0o755)
        with folder.output_lock(target):
            folder.remove_stale(target)
            folder.check_output_folder(out_dir, inputs)  # again: another run may have changed it meanwhile
            with signals_held():  # a SIGINT or SIGTERM lets the two renames finish first
                folder.swap_into_place(staging, target)
    except (OSError, sqlite3.Error) as exc:     # a full disk while SQLite writes is an sqlite3 error
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{out_dir}: cannot write the output ({getattr(exc, 'strerror', None) or exc})") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def sources_with_titles(result: RunResult) -> list[Source]:
    """The sources that were published, described from the documents where the manifest is silent."""
    from extract.manifest import describe_from_title

    titles = {plan.plan_id: plan.title for plan in result.plans}
    return [describe_from_title(source, titles[source.plan_id]) for source in result.sources
            if source.plan_id in titles]
