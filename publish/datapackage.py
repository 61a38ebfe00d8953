"""datapackage.json: a Frictionless (Tabular) Data Package describing the published CSV tables.

Each CSV gets a Table Schema built from `TABLE_SPECS` (types, descriptions, primary and foreign keys;
an empty cell is a missing value). `sources` lists every source document with its sha256. The file is
deterministic: sorted keys, no timestamps.
"""
from __future__ import annotations

import json
from pathlib import Path

from extract.manifest import Source

from .dictionary import (DATASET_DESCRIPTION, DATASET_NAME, DATASET_TITLE, LICENSE_NAME, LICENSE_TITLE,
                         LICENSE_URL, TABLE_SPECS, TableSpec)

DATAPACKAGE_NAME = "datapackage.json"


def field_descriptor(name: str, kind: str, description: str) -> dict:
    return {"name": name, "type": kind, "description": description}


def table_schema(spec: TableSpec) -> dict:
    """The Table Schema of one CSV."""
    schema: dict = {
        "fields": [field_descriptor(name, kind, description) for name, (kind, description) in spec.columns.items()],
        "missingValues": [""],
    }
    if spec.primary_key:
        schema["primaryKey"] = list(spec.primary_key)
    if spec.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(fk.columns), "reference": {"resource": fk.table, "fields": list(fk.reference)}}
            for fk in spec.foreign_keys
        ]
    return schema


def resource_descriptor(spec: TableSpec) -> dict:
    return {
        "name": spec.name,
        "path": spec.path,
        "title": spec.title,
        "description": spec.description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": table_schema(spec),
    }


def source_descriptor(source: Source) -> dict:
    """A source document: its title, where it was published, and the hash of the file that was read."""
    descriptor = {"title": source.title or source.plan_id, "plan_id": source.plan_id,
                  "file": source.path.name, "sha256": source.sha256}
    if source.source_url:
        descriptor["path"] = source.source_url
    return descriptor


def package_descriptor(sources: list[Source]) -> dict:
    """The whole Data Package."""
    return {
        "profile": "tabular-data-package",
        "name": DATASET_NAME,
        "title": DATASET_TITLE,
        "description": DATASET_DESCRIPTION,
        "licenses": [{"name": LICENSE_NAME, "title": LICENSE_TITLE, "path": LICENSE_URL}],
        "sources": [source_descriptor(source) for source in sources],
        "resources": [resource_descriptor(spec) for spec in TABLE_SPECS],
    }


def write_datapackage(folder: Path, sources: list[Source]) -> None:
    text = json.dumps(package_descriptor(sources), indent=2, sort_keys=True, ensure_ascii=False)
    (folder / DATAPACKAGE_NAME).write_text(text + "\n", encoding="utf-8")
