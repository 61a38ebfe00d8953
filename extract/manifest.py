"""The manifest of sources, `raw/plans.csv`: what each file is, where it came from, and its hash.

Every row is checked (file present, hash matching, ids unique) and problems are named; a source file the
manifest does not list still runs, described by what can be read from the file itself.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import InputError

MANIFEST_NAME = "plans.csv"
MANIFEST_COLUMNS = ("plan_id", "file", "country", "title", "kind", "start_year", "end_year", "language",
                    "source_url", "sha256")
PLAN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
YEARS = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Source:
    """One source document and what is known about it."""

    plan_id: str
    path: Path
    sha256: str
    title: str = ""
    country: str = ""
    kind: str = ""
    start_year: int | None = None
    end_year: int | None = None
    language: str = ""
    source_url: str = ""
    in_manifest: bool = False

    def as_record(self) -> dict:
        return {"plan_id": self.plan_id, "file": self.path.name, "sha256": self.sha256, "title": self.title,
                "country": self.country, "kind": self.kind, "start_year": self.start_year,
                "end_year": self.end_year, "language": self.language, "source_url": self.source_url}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def optional_year(text: str, where: str) -> int | None:
    if not text.strip():
        return None
    if not re.fullmatch(r"\d{4}", text.strip()):
        raise InputError(f"{where}: year {text!r} is not a four-digit year")
    return int(text)


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Rows of a manifest by file name, checked for columns, ids and duplicates (not yet for files)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the manifest ({exc})") from None
    # Read as a CSV stream, not line by line: a quoted title may hold a line break.
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in MANIFEST_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(MANIFEST_COLUMNS)}")
    rows: dict[str, dict[str, str]] = {}
    ids: dict[str, int] = {}
    record_end = 1
    for row in reader:
        line, record_end = record_end + 1, reader.line_num     # the line the record starts on
        where = f"{path}:{line}"
        plan_id, name = (row["plan_id"] or "").strip(), (row["file"] or "").strip()
        if not PLAN_ID.match(plan_id):
            raise InputError(f"{where}: plan_id {plan_id!r} is not valid (letters, digits, '.', '_', '-')")
        if plan_id in ids:
            raise InputError(f"{where}: plan_id {plan_id!r} is already used on line {ids[plan_id]}")
        if name in rows:
            raise InputError(f"{where}: file {name!r} is listed twice")
        ids[plan_id] = line
        rows[name] = {**{k: (v or "").strip() for k, v in row.items() if k}, "_where": where}
    return rows


def describe_sources(paths: list[Path], manifests: dict[Path, dict[str, dict[str, str]]]) -> tuple[list[Source], list[str]]:
    """A Source for each path, from its folder's manifest when it lists it; warnings for what is off.

    Raises InputError for a manifest row whose file is missing or whose hash does not match.
    """
    warnings: list[str] = []
    sources: list[Source] = []
    for folder, rows in manifests.items():
        for name, row in rows.items():
            if not (folder / name).is_file():
                raise InputError(f"{row['_where']}: file {name!r} is listed but not in {folder}")
    for path in paths:
        rows = manifests.get(path.parent, {})
        digest = file_sha256(path)
        row = rows.get(path.name)
        if row is None:
            if path.parent in manifests:
                warnings.append(f"{path}: not in {path.parent / MANIFEST_NAME}; described from the file itself")
            sources.append(Source(path.stem, path, digest))
            continue
        if row["sha256"] and row["sha256"].lower() != digest:
            raise InputError(f"{row['_where']}: sha256 of {path.name} is {digest}, the manifest says {row['sha256']}")
        where = row["_where"]
        sources.append(Source(row["plan_id"], path, digest, row["title"], row["country"], row["kind"],
                              optional_year(row["start_year"], where), optional_year(row["end_year"], where),
                              row["language"], row["source_url"], in_manifest=True))
    return sources, warnings


def years_from_title(title: str) -> tuple[int | None, int | None]:
    """The period a plan's title names ("... 2020-2022"), if any."""
    match = YEARS.search(title)
    return (int(match[1]), int(match[2])) if match else (None, None)


def describe_from_title(source: Source, title: str) -> Source:
    """A source as published: the manifest's facts, or for a file it does not list, the document's title
    and the period that title names."""
    if source.in_manifest:
        return source
    start, end = years_from_title(title)
    return replace(source, title=title, start_year=start, end_year=end)
