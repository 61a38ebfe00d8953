"""The actionplans command line and the orchestration of a run: sources in, checked tables out.

`actionplans run [INPUT ...] -o DIR` reads each plan (text or PDF), repairs it, matches its agencies and
publishes the tables to DIR atomically. Library errors are turned into one-line messages here, in one
place (`FriendlyGroup`); `--debug` shows the traceback instead.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import click

from extract.errors import ActionPlansError, InputError, OutputError
from extract.model import RawDocument

SOURCE_SUFFIXES = (".txt", ".pdf")
DEFAULT_INPUT = "raw"
DEFAULT_OUTPUT = "output"


# ----------------------------------------------------------------------------- orchestration

@dataclass
class RunResult:
    plans: list = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    tables: object | None = None
    review: list[dict] = field(default_factory=list)


def discover_sources(inputs: list[Path]) -> list[Path]:
    """The source files named or contained (one level deep) in the inputs, in a stable order."""
    found: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found.extend(sorted(p for p in item.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES))
        elif item.is_file():
            found.append(item)
        else:
            raise InputError(f"{item}: no such file or folder")
    if not found:
        raise InputError(f"{', '.join(map(str, inputs))}: no plan sources found (expected .txt or .pdf files)")
    return found


def read_source(path: Path, encoding: str | None = None) -> RawDocument:
    if path.suffix.lower() == ".pdf":
        from extract.pdf import read_pdf  # pdfplumber is imported only when a PDF is read

        return read_pdf(path)
    from extract.text import read_text

    return read_text(path, encoding=encoding)


def run_sources(inputs: list[Path], registry_path: Path | None = None, encoding: str | None = None) -> RunResult:
    """Read, repair and link every source; a document that fails is recorded and left out."""
    from normalize.matching import match_mentions
    from normalize.plan import document_to_plan
    from normalize.registry import load_registry
    from normalize.tables import plans_to_tables

    registry = load_registry(registry_path)
    result = RunResult()
    for path in discover_sources(inputs):
        try:
            result.plans.append(document_to_plan(read_source(path, encoding), path.stem, registry))
        except ActionPlansError as exc:
            result.failures.append((str(path), str(exc)))
    texts = sorted({m.text for plan in result.plans for a in plan.activities for m in a.mentions})
    matches = dict(zip(texts, match_mentions(texts, registry)))
    result.tables = plans_to_tables(result.plans, matches)
    result.review = review_queue(result.plans, matches)
    return result


def review_queue(plans: list, matches: dict) -> list[dict]:
    """One row per occurrence of a mention that matched no registry agency."""
    rows = []
    for plan in plans:
        for activity in plan.activities:
            for mention in activity.mentions:
                match = matches[mention.text]
                if match.match_method != "new":
                    continue
                row = {"mention": mention.text, "agency_id": match.agency_id, "plan_id": plan.plan_id,
                       "activity_id": activity.activity_id, "role": mention.role,
                       "lines": activity_lines(activity)}
                for i in range(3):
                    candidate = match.candidates[i] if i < len(match.candidates) else ("", "", None)
                    row[f"candidate_{i + 1}"] = candidate[0]
                    row[f"score_{i + 1}"] = "" if candidate[2] is None else round(float(candidate[2]), 1)
                rows.append(row)
    return rows


def activity_lines(activity) -> str:
    from normalize.tables import line_range

    return line_range(activity.lines)


# ----------------------------------------------------------------------------- writing

def table_frame(rows: list[dict], columns: dict[str, tuple[str, str]]):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(columns))
    for name, (kind, _) in columns.items():
        if kind == "integer":
            frame[name] = frame[name].astype("Int64")
        elif kind == "number":
            frame[name] = frame[name].astype("Float64")
        else:
            frame[name] = frame[name].fillna("").astype(str)
    return frame


def arrow_schema(columns: dict[str, tuple[str, str]]):
    import pyarrow as pa

    types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}
    return pa.schema([pa.field(name, types[kind], metadata={"description": description})
                      for name, (kind, description) in columns.items()])


def write_table(rows: list[dict], columns: dict[str, tuple[str, str]], folder: Path, name: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = table_frame(rows, columns)
    frame.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")
    table = pa.Table.from_pandas(frame, schema=arrow_schema(columns), preserve_index=False)
    pq.write_table(table.replace_schema_metadata(None), folder / f"{name}.parquet")


def write_csv_rows(rows: list[dict], path: Path, columns: list[str]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


REVIEW_COLUMNS = ["mention", "agency_id", "plan_id", "activity_id", "role", "lines",
                  "candidate_1", "score_1", "candidate_2", "score_2", "candidate_3", "score_3"]


def publish(result: RunResult, out_dir: Path) -> None:
    """Write every table to a folder beside `out_dir`, then swap it into place: never a half-written output."""
    from normalize.tables import ACTIVITY_COLUMNS, AGENCY_COLUMNS, LINK_COLUMNS

    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: is a file, expected an output folder")
    parent = out_dir.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=parent))
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write the output folder ({exc.strerror})") from None
    try:
        tables = result.tables
        write_table(tables.activities, ACTIVITY_COLUMNS, staging, "activities")
        write_table(tables.links, LINK_COLUMNS, staging, "activity_agencies")
        write_table(tables.agencies, AGENCY_COLUMNS, staging, "agencies")
        (staging / "review").mkdir()
        write_csv_rows(result.review, staging / "review" / "agencies.csv", REVIEW_COLUMNS)
        os.chmod(staging, 0o755)
        swap_into_place(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap_into_place(staging: Path, out_dir: Path) -> None:
    old = None
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
        out_dir.rename(old)
    staging.rename(out_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# ----------------------------------------------------------------------------- command line

class FriendlyGroup(click.Group):
    """Turns the library's errors into one-line messages (exit 1); `--debug` re-raises them."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ActionPlansError as exc:
            if (ctx.obj or {}).get("debug"):
                raise
            raise click.ClickException(str(exc)) from None


@click.group(cls=FriendlyGroup)
@click.option("--debug", is_flag=True, help="Show the traceback of an error instead of a one-line message.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn government action plans (PDF tables or their extracted text) into clean datasets."""
    ctx.ensure_object(dict)["debug"] = debug


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT,
              show_default=True, help="Folder to publish the tables to.")
@click.option("--registry", type=click.Path(path_type=Path), default=None,
              help="Agency registry CSV (default: the one shipped in normalize/).")
@click.option("--encoding", default=None, help="Force the text encoding of the sources (e.g. cp1251).")
def run(inputs: tuple[Path, ...], out_dir: Path, registry: Path | None, encoding: str | None) -> None:
    """Read plans (files or folders; default raw/) and publish their tables to the output folder."""
    result = run_sources(list(inputs) or [Path(DEFAULT_INPUT)], registry, encoding)
    if not result.plans:
        raise InputError("; ".join(message for _, message in result.failures))
    publish(result, out_dir)
    for plan in result.plans:
        flags = sum(len(a.flags) for a in plan.activities)
        new = len({r["agency_id"] for r in result.review if r["plan_id"] == plan.plan_id})
        click.echo(f"{plan.plan_id}: {len(plan.activities)} activities, {flags} flags, {new} new agencies")
    for source, message in result.failures:
        click.echo(f"failed: {message}", err=True)
    if result.failures:
        sys.exit(1)


if __name__ == "__main__":
    cli()
