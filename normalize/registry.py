"""The agency registry: a CSV of known bodies and categories, loaded, validated and edited here.

Each row of ``agencies.csv`` is one agency: a stable ``agency_id`` slug, its canonical ``name``, its
``kind`` (``body`` for one institution, ``category`` for a class of bodies), the ``aliases`` it is printed
under (separated by `` | ``) and, for a body that was renamed, the ``successor`` id it became.

Two spellings are the same name when their :func:`name_key` is equal; an alias therefore belongs to
exactly one agency, and :func:`load_registry` refuses a file where two agencies claim one key.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from extract.errors import RegistryError

DEFAULT_PATH = Path(__file__).with_name("agencies.csv")
COLUMNS = ("agency_id", "name", "kind", "aliases", "successor")
KINDS = frozenset({"body", "category"})
ALIAS_SEPARATOR = " | "

_ID_PATTERN = re.compile(r"^[^\W_A-Z]+(?:_[^\W_A-Z]+)*$")  # lower-case letters (any script) and digits
_QUOTES = "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2032\u2033"
_QUOTE = re.compile(f"[{re.escape(_QUOTES)}](?=(\\w?))")
_BROKEN_HYPHEN = re.compile(r"(?<=\w)-\s+(?=\w)")
_NON_WORD = re.compile(r"[\W_]+")
_LEADING_THE = re.compile(r"^(?:the )+")


@dataclass(frozen=True)
class Agency:
    """One row of the registry."""

    agency_id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    successor: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, eq=False)
class Registry:
    """The known agencies, in file order. Compared and hashed by identity: caches key on it cheaply."""

    agencies: tuple[Agency, ...]
    path: Path | None = None

    @cached_property
    def by_id(self) -> dict[str, Agency]:
        """Agencies by id."""
        return {agency.agency_id: agency for agency in self.agencies}

    @cached_property
    def key_owner(self) -> dict[str, str]:
        """The agency id that owns each name key (canonical names and aliases)."""
        return {
            name_key(spelling): agency.agency_id
            for agency in self.agencies
            for spelling in agency.spellings
            if name_key(spelling)
        }

    @cached_property
    def word_pairs(self) -> frozenset[tuple[str, str]]:
        """Every two adjacent words of a known name (name keys): a cell boundary does not fall between them."""
        pairs = set()
        for key in self.key_owner:
            words = key.split()
            pairs.update(zip(words, words[1:]))
        return frozenset(pairs)

    def agency(self, agency_id: str) -> Agency:
        """The agency with this id; ``RegistryError`` if there is none."""
        try:
            return self.by_id[agency_id]
        except KeyError:
            raise RegistryError(f"{self.path or 'registry'}: unknown agency_id {agency_id!r}") from None


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The normalised form two spellings of one name share.

    Case-folded; apostrophes dropped and other quotes made spaces; a hyphen broken at a line edge
    ("Non- Governmental") rejoined; punctuation made spaces; whitespace folded; a leading "the" dropped.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _QUOTE.sub(_drop_quote, text)
    text = _BROKEN_HYPHEN.sub("-", text)
    text = unicodedata.normalize("NFKC", text.casefold())
    text = _NON_WORD.sub(" ", text).strip()
    return _LEADING_THE.sub("", text)


def _drop_quote(match: re.Match[str]) -> str:
    """A quote before a lower-case letter is an apostrophe (`Prosecutor"s`): dropped; any other quote splits words."""
    return "" if match.group(1).islower() else " "


def split_aliases(cell: str) -> tuple[str, ...]:
    """The aliases of one CSV cell, trimmed, empty items dropped."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def load_registry(path: Path | None = None) -> Registry:
    """Read and validate a registry CSV (default: ``agencies.csv`` beside this module)."""
    path = Path(path) if path is not None else DEFAULT_PATH
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise RegistryError(f"{path}: cannot read the agency registry ({error})") from None
    return _parse(text, path)


def _parse(text: str, path: Path) -> Registry:
    """The registry in ``text`` (the content of ``path``), or ``RegistryError`` for the first problem found."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise RegistryError(f"{path}:1: missing column(s) {', '.join(missing)} (header has: {', '.join(header)})")
    agencies: list[Agency] = []
    id_line: dict[str, int] = {}
    key_claim: dict[str, tuple[str, int]] = {}
    successor_line: list[tuple[str, int]] = []
    for row in reader:
        line = reader.line_num
        agency = _row_to_agency(row, path, line)
        if agency.agency_id in id_line:
            raise RegistryError(
                f"{path}:{line}: duplicate agency_id {agency.agency_id!r} (first on line {id_line[agency.agency_id]})"
            )
        id_line[agency.agency_id] = line
        for spelling in agency.spellings:
            key = name_key(spelling)
            owner = key_claim.setdefault(key, (agency.agency_id, line))
            if owner[0] != agency.agency_id:
                raise RegistryError(
                    f"{path}:{line}: {spelling!r} of {agency.agency_id!r} is already a name of {owner[0]!r}"
                    f" (line {owner[1]})"
                )
        if agency.successor:
            successor_line.append((agency.agency_id, line))
        agencies.append(agency)
    by_id = {agency.agency_id: agency for agency in agencies}
    for agency_id, line in successor_line:
        successor = by_id[agency_id].successor
        if successor not in by_id or successor == agency_id:
            raise RegistryError(f"{path}:{line}: successor {successor!r} of {agency_id!r} is not another agency_id")
    for agency_id, line in successor_line:
        chain = successor_chain(agency_id, by_id)
        if chain[-1] == agency_id:
            raise RegistryError(f"{path}:{line}: successors go round in a cycle ({' -> '.join(chain)}); "
                                "a renamed body's chain must end at an agency without a successor")
    return Registry(tuple(agencies), path)


def successor_chain(agency_id: str, by_id: dict[str, Agency]) -> list[str]:
    """The ids from `agency_id` along its successors, until one has none or an id comes back (a cycle)."""
    chain, seen = [agency_id], {agency_id}
    while by_id[chain[-1]].successor:
        chain.append(by_id[chain[-1]].successor)
        if chain[-1] in seen:
            break
        seen.add(chain[-1])
    return chain


def _row_to_agency(row: dict[str, str | None], path: Path, line: int) -> Agency:
    """One CSV row as an agency, its cells checked on their own (cross-row checks are in :func:`_parse`)."""
    cells = {column: (row.get(column) or "").strip() for column in COLUMNS}
    if None in row:
        raise RegistryError(f"{path}:{line}: more cells than columns")
    if not _ID_PATTERN.match(cells["agency_id"]) or cells["agency_id"] != cells["agency_id"].casefold():
        raise RegistryError(f"{path}:{line}: agency_id {cells['agency_id']!r} is not a slug "
                            "(lower-case letters, digits, single _)")
    if not name_key(cells["name"]):
        raise RegistryError(f"{path}:{line}: agency {cells['agency_id']!r} has no name")
    if cells["kind"] not in KINDS:
        raise RegistryError(f"{path}:{line}: unknown kind {cells['kind']!r} (expected: {', '.join(sorted(KINDS))})")
    if cells["successor"] and not _ID_PATTERN.match(cells["successor"]):
        raise RegistryError(f"{path}:{line}: successor {cells['successor']!r} is not a slug")
    aliases = split_aliases(cells["aliases"])
    if any(not name_key(alias) for alias in aliases):
        raise RegistryError(f"{path}:{line}: an alias of {cells['agency_id']!r} has no letters or digits")
    return Agency(cells["agency_id"], cells["name"], cells["kind"], aliases, cells["successor"])


def registry_csv(registry: Registry) -> str:
    """The registry as CSV text, one row per agency in registry order (the file's own format)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for agency in registry.agencies:
        writer.writerow(
            [agency.agency_id, agency.name, agency.kind, ALIAS_SEPARATOR.join(agency.aliases), agency.successor]
        )
    return out.getvalue()


def accept_alias(path: Path, mention: str, agency_id: str) -> None:
    """Record ``mention`` as an alias of ``agency_id`` in the registry file at ``path``.

    The file is rewritten with its rows in the same order. Nothing changes when the mention is already a
    spelling of that agency; ``RegistryError`` when the id is unknown, the mention is empty or contains the
    alias separator, or it is already a name of another agency.
    """
    path = Path(path)
    registry = load_registry(path)
    alias = " ".join(mention.split())
    if not name_key(alias) or "|" in alias:
        raise RegistryError(f"{path}: {mention!r} cannot be an alias (empty, or contains '|')")
    target = registry.agency(agency_id)
    owner = registry.key_owner.get(name_key(alias))
    if owner == agency_id:
        return
    if owner is not None:
        raise RegistryError(f"{path}: {mention!r} is already a name of {owner!r}, not adding it to {agency_id!r}")
    updated = replace(target, aliases=(*target.aliases, alias))
    agencies = tuple(updated if agency.agency_id == agency_id else agency for agency in registry.agencies)
    text = registry_csv(Registry(agencies, path))
    _parse(text, path)
    write_atomically(path, text)


def write_atomically(path: Path, text: str) -> None:
    """Replace the file at ``path`` with ``text`` whole or not at all: written to a temporary file in the same
    folder, flushed to the disk, then renamed over it (a full disk or a read-only folder leaves the file as
    it was, and says so in one line)."""
    path = Path(os.path.realpath(path))
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise RegistryError(_unwritten(path, exc)) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise RegistryError(_unwritten(path, exc)) from None


def _unwritten(path: Path, exc: OSError) -> str:
    return f"{path}: cannot write the registry ({exc.strerror or exc}); nothing was changed"
