"""Split an Implementation / Recommendation cell into its roles by their labels.

Three roles: `implementer` (who carries the activity out), `recommended` (who it is recommended to) and
`partner` (supporting organisations, co-implementers). The plans write the labels many ways:
"Implementers:", "Implementer:Ministry" with no space, "Implementers :", "Implementers,", "Recommended:",
"Recomended to:", "Lead department(s):", "Partners:", "Соисполнители:". A label closed by a comma, not a
colon, is one only where it does not follow a word across white space: there its word ends a name ("Macmillan
Cancer Support, ..."). A cell without a label lists implementers. The label vocabulary, every language
together, lives in `role_labels.csv` (`role`, `label`).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator
from pathlib import Path

LABELS_FILE = Path(__file__).with_name("role_labels.csv")
REMARKS_FILE = Path(__file__).with_name("role_remarks.csv")
IMPLEMENTER, RECOMMENDED, PARTNER = "implementer", "recommended", "partner"
ROLES = (IMPLEMENTER, RECOMMENDED, PARTNER)
"""Every role a mention can have, in the order they are published."""


@lru_cache(maxsize=1)
def role_labels() -> tuple[tuple[str, str], ...]:
    """(role, label) rows of `role_labels.csv`, in file order; an unknown role is an error naming its line."""
    rows: list[tuple[str, str]] = []
    with LABELS_FILE.open(encoding="utf-8", newline="") as f:
        for number, row in enumerate(csv.DictReader(f), start=2):
            role, label = row["role"].strip(), " ".join(row["label"].split())
            if role not in ROLES or not label:
                raise ValueError(f"{LABELS_FILE.name}:{number}: unknown role {role!r} or empty label")
            rows.append((role, label))
    return tuple(rows)


@lru_cache(maxsize=1)
def _label_groups() -> tuple[re.Pattern[str], dict[str, str]]:
    """The label pattern, and the role of each label (by `label_key`; the first row of a label wins)."""
    role_of: dict[str, str] = {}
    for role, label in role_labels():
        role_of.setdefault(label_key(label), role)
    # A label is a whole word followed by a colon or a comma (with optional space before it). The longest
    # label wins wherever two start at one place, whatever their roles: the labels are one trie, in which
    # going on is always tried before stopping. (An alternation of every label, tried one by one at each
    # place, costs several times more: the search runs over every agency column of every plan.)
    # The look-ahead at the labels' first letters lets the search skip every other place at once.
    # A comma ends a label only where the label does not follow a word across white space alone: there its words
    # end a name ("Macmillan Cancer Support, Nuffield Trust") or a phrase, and only a colon makes them a label.
    # (One look-behind per width of that space, tried once at the label's start; the conditional reads the result.)
    initials = "".join(sorted({re.escape(label[:1].casefold()) for _, label in role_labels()}))
    trie = strings_to_trie_pattern(sorted(role_of))
    after_word = "|".join(rf"(?<=[^\W\d_]\s{{{width}}})" for width in range(1, 4))
    pattern = re.compile(rf"(?<![\w-])(?=[{initials}])(?:(?P<after_word>{after_word})|(?!{after_word}))"
                         rf"(?P<label>{trie})\s*(?::|(?(after_word)(?!)|,))", re.IGNORECASE)
    return pattern, role_of


def label_key(label: str) -> str:
    """A label as the role table knows it: one space between words, each letter in lower case where that is
    one letter ("İ" stays: its lower case is two)."""
    return "".join(ch if len(ch.lower()) > 1 else ch.lower() for ch in " ".join(label.split()))


def strings_to_trie_pattern(strings: list[str]) -> str:
    """A regular expression matching exactly the given strings (any run of white space where they have
    one space), the longest first where one string begins another."""
    trie: dict[str, dict] = {}
    for text in strings:
        node = trie
        for char in text:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern_of(node: dict[str, dict]) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + pattern_of(child)
                    for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" in node:
            return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
        return body

    return pattern_of(trie)


def role_label_pattern() -> re.Pattern[str]:
    """One pattern matching any role label; :func:`label_role` says which role a match introduces."""
    return _label_groups()[0]


@lru_cache(maxsize=1)
def label_initials() -> frozenset[str]:
    """The first letters of the role labels: a word starting otherwise cannot start a label."""
    return frozenset(label[:1].casefold() for _, label in role_labels())


@lru_cache(maxsize=1)
def label_word_count() -> int:
    """The most words a role label has ("Supporting civil society organisations:" has 4): a label starting at
    a word lies within that many words from it."""
    return max(len(label.split()) for _, label in role_labels())


def label_at(text: str, position: int = 0) -> re.Match[str] | None:
    """The role label starting exactly at `position`, if any."""
    return role_label_pattern().match(text, position)


def find_labels(text: str) -> list[re.Match[str]]:
    return list(role_label_pattern().finditer(text))


def labels_at_words(text: str, word_starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The labels of `text` that start at one of `word_starts` (ascending), as `find_labels` finds them:
    trying only the places where a word begins with a label's first letter is much cheaper than a search
    through every character of a long column."""
    pattern, initials, end = role_label_pattern(), label_initials(), 0
    for start in word_starts:
        if start >= end and text[start: start + 1].casefold() in initials:
            match = pattern.match(text, start)
            if match:
                end = match.end()
                yield match


def label_role(match: re.Match[str]) -> str:
    """The role a label match introduces: one of :data:`ROLES`."""
    text = match.group("label")
    role = _label_groups()[1].get(label_key(text))
    if role is None:  # written in capitals the table's spelling does not fold to ("İCRAÇILAR" for "İcraçılar")
        role = next(role for role, label in role_labels()
                    if re.fullmatch(r"\s+".join(map(re.escape, label.split())), text, re.IGNORECASE))
    return role


@dataclass(frozen=True)
class RolePart:
    """The text a cell gives one role (label removed), and the label as written ("" when unlabelled)."""

    role: str
    label: str
    text: str


def cell_to_role_parts(cell: str) -> list[RolePart]:
    """Cut a cell at its labels; text before the first label lists implementers."""
    return list(_role_parts(cell))


@lru_cache(maxsize=4096)
def _role_parts(cell: str) -> tuple[RolePart, ...]:
    """`cell_to_role_parts`, remembered: a cell is cut again by each stage that reads it."""
    parts: list[RolePart] = []
    labels = find_labels(cell)
    head = cell[: labels[0].start()] if labels else cell
    if head.strip(" ,;"):
        parts.append(RolePart(IMPLEMENTER, "", head.strip()))
    for i, match in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(cell)
        parts.append(RolePart(label_role(match), match.group(0).strip(), cell[match.end(): end].strip()))
    return tuple(parts)


@lru_cache(maxsize=1)
def role_remarks() -> dict[str, str]:
    """Remark (case-folded) -> role, from `role_remarks.csv`: a remark in brackets after a body's name that
    says its role, "(по согласованию)" (by its agreement: a body the plan cannot bind is asked, as one a plan
    recommends an activity to)."""
    remarks: dict[str, str] = {}
    with REMARKS_FILE.open(encoding="utf-8", newline="") as f:
        for number, row in enumerate(csv.DictReader(f), start=2):
            role, remark = row["role"].strip(), " ".join(row["remark"].split())
            if role not in ROLES or not remark:
                raise ValueError(f"{REMARKS_FILE.name}:{number}: unknown role {role!r} or empty remark")
            remarks[remark.casefold()] = role
    return remarks


#: A remark closing a name, in brackets or between slashes ("/зөвшилцсөнөөр/", the list's cleaning may have
#: taken the last).
_CLOSING_REMARK = re.compile(r"\s*(?:\(([^()]*)\)|/([^/\s][^/]*)/?)\s*$")


def remark_role(name: str) -> tuple[str | None, str, str]:
    """(role, name, remark) of a mention closing on a remark that says its role ("Генеральная прокуратура
    (по согласованию)" -> recommended, "Генеральная прокуратура", "(по согласованию)"; between slashes too,
    "Үндэсний аудитын газар /зөвшилцсөнөөр/"); (None, name, "") for any other."""
    found = _CLOSING_REMARK.search(name)
    role = role_remarks().get(" ".join((found.group(1) or found.group(2)).split()).casefold()) if found else None
    if role is None or not name[:found.start()].strip():
        return None, name, ""
    return role, name[:found.start()].rstrip(), found.group().strip()
