"""Split an Implementation / Recommendation cell into its roles by their labels.

The plans write the labels many ways: "Implementers:", "Implementer:Ministry" with no space,
"Implementers :", "Implementers,", "Recommended:", "Recomended to:". A cell without a label lists
implementers. The label vocabulary lives in `role_labels.csv`.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LABELS_FILE = Path(__file__).with_name("role_labels.csv")
IMPLEMENTER, RECOMMENDED = "implementer", "recommended"


@lru_cache(maxsize=1)
def role_label_pattern() -> re.Pattern[str]:
    """One pattern matching any role label; group `role` names which role it introduces."""
    alternatives: dict[str, list[str]] = {}
    with LABELS_FILE.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            alternatives.setdefault(row["role"], []).append(r"\s+".join(map(re.escape, row["label"].split())))
    groups = "|".join(
        f"(?P<{role}>{'|'.join(sorted(labels, key=len, reverse=True))})" for role, labels in alternatives.items()
    )
    # A label is a whole word followed by a colon or a comma (with optional space before it).
    return re.compile(rf"(?<![\w-])(?:{groups})\s*[:,]", re.IGNORECASE)


@lru_cache(maxsize=1)
def label_initials() -> frozenset[str]:
    """The first letters of the role labels: a word starting otherwise cannot start a label."""
    with LABELS_FILE.open(encoding="utf-8", newline="") as f:
        return frozenset(row["label"][:1].casefold() for row in csv.DictReader(f))


def label_at(text: str, position: int = 0) -> re.Match[str] | None:
    """The role label starting exactly at `position`, if any."""
    return role_label_pattern().match(text, position)


def find_labels(text: str) -> list[re.Match[str]]:
    return list(role_label_pattern().finditer(text))


def label_role(match: re.Match[str]) -> str:
    return IMPLEMENTER if match.group(IMPLEMENTER) else RECOMMENDED


@dataclass(frozen=True)
class RolePart:
    """The text a cell gives one role (label removed), and the label as written ("" when unlabelled)."""

    role: str
    label: str
    text: str


def cell_to_role_parts(cell: str) -> list[RolePart]:
    """Cut a cell at its labels; text before the first label lists implementers."""
    parts: list[RolePart] = []
    labels = find_labels(cell)
    head = cell[: labels[0].start()] if labels else cell
    if head.strip(" ,;"):
        parts.append(RolePart(IMPLEMENTER, "", head.strip()))
    for i, match in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(cell)
        parts.append(RolePart(label_role(match), match.group(0).strip(), cell[match.end(): end].strip()))
    return parts
