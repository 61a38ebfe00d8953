"""The actionplans command line and the orchestration of a run: sources in, checked tables out.

`actionplans run [INPUT ...] -o DIR` reads each plan (text or PDF) in worker processes, repairs it,
matches its agencies across the batch and publishes the tables to DIR atomically. Library errors are
turned into one-line messages here, in one place (`FriendlyGroup`); `--debug` shows the traceback instead.
"""
from __future__ import annotations

import csv
import math
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import click

from batch import CannotStart, Done, Outcome, TimedOut, run_jobs, stop_on_signals
from extract.errors import ActionPlansError, InputError, OutputError, RunError
from extract.manifest import MANIFEST_NAME, Source, describe_sources, read_manifest
from extract.model import RawDocument

SOURCE_SUFFIXES = (".txt", ".pdf")
DEFAULT_INPUT = "raw"
DEFAULT_OUTPUT = "output"
# Sane upper bounds of the numeric options: past them a value is a typo, not a wish.
MAX_JOBS = 256
MAX_BYTES = 1 << 40
MAX_PAGES = 1_000_000
MAX_TIMEOUT = 7 * 24 * 3600


# ----------------------------------------------------------------------------- options and results

@dataclass(frozen=True)
class RunOptions:
    """How to read the sources. Validated: a bad value is a usage error, not a crash half-way."""

    registry: Path | None = None
    encoding: str | None = None
    jobs: int = 1
    strict: bool = False
    max_bytes: int = 100 * 1024 * 1024
    max_pages: int = 2000
    timeout: float | None = 600.0

    def __post_init__(self) -> None:
        if not 1 <= self.jobs <= MAX_JOBS:
            raise ValueError(f"jobs must be from 1 to {MAX_JOBS}, not {self.jobs}")
        if not (1 <= self.max_bytes <= MAX_BYTES and 1 <= self.max_pages <= MAX_PAGES):
            raise ValueError(f"the size limit must be from 1 to {MAX_BYTES} bytes and the page limit from 1 "
                             f"to {MAX_PAGES} pages, not {self.max_bytes} and {self.max_pages}")
        if self.timeout is not None and not (math.isfinite(self.timeout) and 0 < self.timeout <= MAX_TIMEOUT):
            raise ValueError(f"timeout must be a number of seconds over 0 and at most {MAX_TIMEOUT:g}, "
                             f"not {self.timeout}")


@dataclass
class RunResult:
    sources: list[Source] = field(default_factory=list)
    plans: list = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    tables: object | None = None
    review: list[dict] = field(default_factory=list)


# ----------------------------------------------------------------------------- reading one source

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


def read_source(path: Path, options: RunOptions) -> RawDocument:
    if path.suffix.lower() == ".pdf":
        from extract.pdf import read_pdf  # pdfplumber is imported only when a PDF is read

        return read_pdf(path, max_pages=options.max_pages)
    from extract.text import read_text

    return read_text(path, encoding=options.encoding, max_bytes=options.max_bytes)


def cached_registry(path: Path | None):
    """The registry, loaded once per process and again when its file changes."""
    from normalize.registry import DEFAULT_PATH

    resolved = (path or DEFAULT_PATH).resolve()
    try:
        stat = resolved.stat()
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = None
    return load_registry_version(resolved, version)


@lru_cache(maxsize=4)
def load_registry_version(path: Path, version: tuple[int, int] | None):
    from normalize.registry import load_registry

    return load_registry(path)


def process_source(source: Source, options: RunOptions):
    """Read and repair one source into a plan (raises ActionPlansError)."""
    from normalize.plan import document_to_plan

    document = read_source(source.path, options)
    return document_to_plan(document, source.plan_id, cached_registry(options.registry), strict=options.strict)


def process_or_fail(job: tuple[Source, RunOptions]):
    """For a worker: the plan, or the one-line reason the source failed."""
    source, options = job
    try:
        return process_source(source, options), None
    except ActionPlansError as exc:
        return None, str(exc)
    except (MemoryError, RecursionError) as exc:
        return None, f"{source.path}: could not be processed ({type(exc).__name__})"
    except Exception as exc:        # a defect of ours fails its document, not the batch; say what to report
        detail = (str(exc).strip().splitlines() or [""])[0]
        return None, (f"{source.path}: could not be processed ({type(exc).__name__}: {detail}); "
                      "this is a defect of actionplans: please report it with the file")


def outcome_to_plan(source: Source, outcome: Outcome) -> tuple[object, str | None]:
    """The plan of a worker's outcome, or the one-line reason the source failed."""
    if isinstance(outcome, Done):
        return outcome.value
    if isinstance(outcome, TimedOut):
        return None, f"{source.path}: took longer than the time limit of {outcome.seconds:g} s (see --timeout)"
    return None, f"{source.path}: the worker process reading it died ({outcome.describe()})"


def process_sources(sources: list[Source], options: RunOptions,
                    progress: Callable[[object, str | None], None] | None = None) -> list[tuple[object, str | None]]:
    """(plan, error) for each source, in their order whatever the order they finish in.

    With a time limit every document is read in a worker process that the limit kills (a library cannot
    swallow that), even a single one; without one, a run of one job reads in this process.
    """
    jobs = [(source, options) for source in sources]
    if options.timeout is None and (options.jobs == 1 or len(jobs) == 1):
        outcomes = []
        for job in jobs:
            outcomes.append(process_or_fail(job))
            if progress:
                progress(*outcomes[-1])
        return outcomes
    import normalize.plan  # noqa: F401  (imported once here, before the workers fork, not in each of them)
    if any(source.path.suffix.lower() == ".pdf" for source in sources):
        import extract.pdf  # noqa: F401

    def report(index: int, outcome: Outcome) -> None:
        if progress:
            progress(*outcome_to_plan(sources[index], outcome))

    try:
        outcomes = run_jobs(process_or_fail, jobs, options.jobs, options.timeout, report)
    except CannotStart as exc:
        raise RunError(f"cannot start a worker process ({exc}); nothing was published") from None
    return [outcome_to_plan(source, outcome) for source, outcome in zip(sources, outcomes)]


# ----------------------------------------------------------------------------- a batch

def manifests_for(paths: list[Path]) -> dict[Path, dict[str, dict[str, str]]]:
    folders = sorted({p.parent for p in paths})
    return {folder: read_manifest(folder / MANIFEST_NAME) for folder in folders if (folder / MANIFEST_NAME).is_file()}


def check_unique_ids(sources: list[Source]) -> None:
    seen: dict[str, Path] = {}
    for source in sources:
        if source.plan_id in seen:
            raise InputError(f"{source.path}: plan id {source.plan_id!r} is also the id of {seen[source.plan_id]}; "
                             f"give them different ids in {MANIFEST_NAME}")
        seen[source.plan_id] = source.path


def run_sources(inputs: list[Path], options: RunOptions | None = None,
                progress: Callable[[object, str | None], None] | None = None) -> RunResult:
    """Read, repair and link every source; a document that fails is recorded and left out.

    Documents are processed in `options.jobs` worker processes (see `process_sources`); the result does not
    depend on it, nor on the order they finish in.
    """
    from normalize.acronyms import match_plans
    from normalize.matching import MentionContext, review_rows
    from normalize.tables import activity_keys, line_range, plans_to_tables

    options = options or RunOptions()
    paths = discover_sources(inputs)
    sources, warnings = describe_sources(paths, manifests_for(paths))
    check_unique_ids(sources)
    registry = cached_registry(options.registry)
    result = RunResult(sources=sources, warnings=warnings)
    for source, (plan, error) in zip(sources, process_sources(sources, options, progress)):
        if plan is not None:
            result.plans.append(plan)
        else:
            result.failures.append((str(source.path), error))
    result.plans, matches = match_plans(result.plans, registry)
    result.tables = plans_to_tables(result.plans, matches, result.sources)
    result.review = review_rows(
        (matches[m.text], MentionContext(plan.plan_id, a.activity_id, m.role,
                                         str(m.source.line) if m.source is not None else lines, key))
        for plan in result.plans for a, key in zip(plan.activities, activity_keys(plan))
        for lines in [line_range(a.lines)] for m in a.mentions)
    return result


# ----------------------------------------------------------------------------- command line

class FriendlyGroup(click.Group):
    """Turns the library's errors into one-line messages (exit 1); `--debug` re-raises them.

    SIGINT (Ctrl-C) and SIGTERM stop a command cleanly (`batch.stop_on_signals`): a run's workers are killed
    and its staging folder removed, and the command exits 130 or 143 (128 + the signal's number) with one
    line saying so.
    """

    def invoke(self, ctx: click.Context):
        try:
            with stop_on_signals():
                return super().invoke(ctx)
        except ActionPlansError as exc:
            if (ctx.obj or {}).get("debug"):
                raise
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt as exc:
            signum = getattr(exc, "signum", signal.SIGINT)
            click.echo(f"Error: stopped by {signal.Signals(signum).name}", err=True)
            sys.exit(128 + signum)


class Integers(click.IntRange):
    """Whole numbers in a range ("'1e10' is not a valid integer", not "... integer range")."""

    name = "integer"


class Numbers(click.FloatRange):
    """Finite numbers in a range: nan is refused too (it compares false with every bound, so slips through)."""

    name = "number"

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number; expected one in the range "
                      f"{self.min:g}{'<' if self.min_open else '<='}x<={self.max:g}", param, ctx)
        return number


@click.group(cls=FriendlyGroup)
@click.option("--debug", is_flag=True, help="Show the traceback of an error instead of a one-line message.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn government action plans (PDF tables or their extracted text) into clean datasets."""
    ctx.ensure_object(dict)["debug"] = debug


def use_lean_arrow_pool() -> None:
    """Let Arrow allocate from jemalloc, which hands memory back between the Parquet files a long plan
    writes (a 50 MB plan's run peaks about 150 MB lower than with the default pool). Only in the `run`
    command, not for the library's users; an `ARROW_DEFAULT_MEMORY_POOL` the user set wins, and a pyarrow
    built without jemalloc keeps its default."""
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return
    import pyarrow

    try:
        pyarrow.set_memory_pool(pyarrow.jemalloc_memory_pool())
    except (NotImplementedError, AttributeError):
        pass


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[object, str | None], None]]:
    """A progress bar on a terminal (plans done, activities, flags); nothing when output is not a terminal."""
    if not sys.stderr.isatty():
        yield lambda plan, error: None
        return
    counts = {"activities": 0, "flags": 0, "failed": 0}

    def describe(_item) -> str:
        return f"{counts['activities']} activities, {counts['flags']} flags, {counts['failed']} failed"

    with click.progressbar(length=total, label="plans", file=sys.stderr, show_pos=True,
                           item_show_func=describe) as bar:
        def advance(plan, error: str | None) -> None:
            if plan is not None:
                counts["activities"] += len(plan.activities)
                counts["flags"] += sum(len(a.flags) for a in plan.activities)
            else:
                counts["failed"] += 1
            bar.update(1, plan)

        yield advance


def plan_summary(plan, new_agencies: set[str]) -> str:
    from normalize.plan import OUTSIDE_TABLES

    flags = sum(len(a.flags) for a in plan.activities) + len(plan.flags)
    new = len(new_agencies)
    unplaced = f", {len(plan.unplaced)} words unplaced" if plan.unplaced else ""
    outside = dict(plan.placed).get(OUTSIDE_TABLES, 0)
    front = f", {outside} words outside the tables" if outside else ""
    return f"{plan.plan_id}: {len(plan.activities)} activities, {flags} flags, {new} new agencies{front}{unplaced}"


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT,
              show_default=True, help="Folder to publish the tables to.")
@click.option("--registry", type=click.Path(path_type=Path), default=None,
              help="Agency registry CSV (default: the one shipped in normalize/).")
@click.option("--encoding", default=None, help="Force the text encoding of the sources (e.g. cp1251).")
@click.option("-j", "--jobs", type=Integers(1, MAX_JOBS), default=min(os.cpu_count() or 1, MAX_JOBS),
              show_default="cores",
              help="Documents processed in parallel (processes); the result does not depend on it.")
@click.option("--strict", is_flag=True, help="Make duplicate or out-of-order activity ids an error, not a flag.")
@click.option("--max-bytes", type=Integers(1, MAX_BYTES), default=100 * 1024 * 1024, show_default=True,
              help="Largest text source accepted, in bytes.")
@click.option("--max-pages", type=Integers(1, MAX_PAGES), default=2000, show_default=True,
              help="Largest PDF accepted, in pages.")
@click.option("--timeout", type=Numbers(0, MAX_TIMEOUT, min_open=True), default=600.0, show_default=True,
              help="Seconds one document may take before its worker process is killed and the document reported "
                   "as failed.")
def run(inputs: tuple[Path, ...], out_dir: Path, registry: Path | None, encoding: str | None, jobs: int,
        strict: bool, max_bytes: int, max_pages: int, timeout: float) -> None:
    """Read plans (files or folders; default raw/) and publish their tables to the output folder."""
    options = RunOptions(registry, encoding, jobs, strict, max_bytes, max_pages, timeout)
    from publish.folder import check_output_folder  # publish (pyarrow) is imported by this process only
    from publish.output import publish_run

    paths = list(inputs) or [Path(DEFAULT_INPUT)]
    check_output_folder(out_dir, paths)  # before any work: a folder we may not replace is refused at once
    with progress_bar(len(discover_sources(paths))) as advance:
        result = run_sources(paths, options, advance)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if not result.plans:
        raise InputError("; ".join(message for _, message in result.failures))
    use_lean_arrow_pool()
    publish_run(result, out_dir, paths)
    new_agencies: dict[str, set[str]] = {}
    for row in result.review:
        new_agencies.setdefault(row["plan_id"], set()).add(row["agency_id"])
    for plan in result.plans:
        click.echo(plan_summary(plan, new_agencies.get(plan.plan_id, set())))
    for source, message in result.failures:
        click.echo(f"failed: {message}", err=True)
    if result.failures:
        click.echo(f"{len(result.failures)} of {len(result.sources)} documents failed; "
                   f"the others were published to {out_dir}", err=True)
        sys.exit(1)


def account_for_words(job: tuple[Path, RunOptions]):
    """For `check` (in a worker when there is a time limit): the source's word accounting."""
    from normalize.plan import document_to_plan

    source, options = job
    return document_to_plan(read_source(source, options), source.stem, cached_registry(options.registry),
                            keep_accounting=True)[1]


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--encoding", default=None, help="Force the text encoding of the source.")
@click.option("--timeout", type=Numbers(0, MAX_TIMEOUT, min_open=True), default=600.0, show_default=True,
              help="Seconds the check may take before its worker process is killed.")
def check(source: Path, encoding: str | None, timeout: float) -> None:
    """Print where every word of SOURCE ends up: which field, section title, header, or unplaced."""
    if not source.is_file():
        raise InputError(f"{source}: no such file")
    options = RunOptions(encoding=encoding, timeout=timeout)
    try:
        [outcome] = run_jobs(account_for_words, [(source, options)], 1, timeout)
    except CannotStart as exc:
        raise RunError(f"cannot start a worker process ({exc})") from None
    if isinstance(outcome, TimedOut):
        raise RunError(f"{source}: took longer than the time limit of {outcome.seconds:g} s (see --timeout)")
    if not isinstance(outcome, Done):
        raise RunError(f"{source}: the worker process reading it died ({outcome.describe()})")
    accounting = outcome.value
    for kind, count in sorted(accounting.summary().items()):
        click.echo(f"{count:7d}  {kind}")
    click.echo(f"{len(accounting.places):7d}  words in all")
    for place in accounting.unplaced:
        click.echo(f"unplaced: line {place.line}: {place.word}")
    for line, word in accounting.missing:
        click.echo(f"unaccounted: line {line}: {word}")
    if accounting.unplaced or accounting.missing:
        sys.exit(1)


@cli.command("extract-text")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_file", type=click.Path(path_type=Path), default=None,
              help="Write the text here instead of printing it.")
@click.option("--max-pages", type=Integers(1, MAX_PAGES), default=2000, show_default=True,
              help="Largest PDF accepted, in pages.")
def extract_text(source: Path, out_file: Path | None, max_pages: int) -> None:
    """Write the text form of a PDF plan (one line per band, TAB between cells), as the reader saw it."""
    from extract.pdf import pdf_to_text, read_pdf

    if not source.is_file():
        raise InputError(f"{source}: no such file")
    text = pdf_to_text(read_pdf(source, max_pages=max_pages))
    if out_file is None:
        click.echo(text, nl=False)
        return
    try:
        out_file.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{out_file}: cannot write ({exc.strerror})") from None


@cli.group()
def agencies() -> None:
    """Review the agencies no registry entry matched, and teach the registry new spellings."""


@agencies.command()
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT,
              show_default=True, help="Output folder of a run.")
@click.option("--registry", type=click.Path(path_type=Path), default=None, help="Agency registry CSV.")
def review(out_dir: Path, registry: Path | None) -> None:
    """Print the review queue of the last run, and the registry agencies it never used."""
    from normalize.registry import load_registry

    queue = out_dir / "review" / "agencies.csv"
    used_file = out_dir / "agencies.csv"
    if not queue.is_file() or not used_file.is_file():
        raise InputError(f"{out_dir}: no run output here (expected review/agencies.csv); run `actionplans run` first")
    with queue.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with used_file.open(encoding="utf-8", newline="") as f:
        used = {row["agency_id"] for row in csv.DictReader(f)}
    click.echo(f"{len(rows)} mentions matched no registry agency:")
    for row in rows:
        candidates = ", ".join(f"{row[f'candidate_{i}']} ({row[f'score_{i}']})" for i in (1, 2, 3)
                               if row.get(f"candidate_{i}"))
        click.echo(f"  {row['mention']!r} -> {row['agency_id']}  [{row['plan_id']} {row['activity_id']}, "
                   f"lines {row['lines']}]  nearest: {candidates or 'none'}")
    unused = [a for a in load_registry(registry).agencies if a.agency_id not in used]
    click.echo(f"{len(unused)} registry agencies were not used:")
    for agency in unused:
        click.echo(f"  {agency.agency_id}: {agency.name}")


@agencies.command()
@click.argument("mention")
@click.argument("agency_id")
@click.option("--registry", type=click.Path(path_type=Path), default=None,
              help="Agency registry CSV to edit (default: the one shipped in normalize/).")
def accept(mention: str, agency_id: str, registry: Path | None) -> None:
    """Record MENTION as a spelling of AGENCY_ID in the registry, so the next run matches it."""
    from normalize.registry import DEFAULT_PATH, accept_alias

    path = registry or DEFAULT_PATH
    accept_alias(path, mention, agency_id)
    click.echo(f"{path}: {mention!r} is now a spelling of {agency_id}")


if __name__ == "__main__":
    cli()
