"""Agency identity: which registry agency each printed mention names (a cell is split into mentions by
`normalize.agency_lists`).

Rules, in order, for one mention (:func:`match_mentions`):

1. ``exact`` / ``alias``: its :func:`~normalize.registry.name_key` is the key of an agency's canonical name
   or of one of its aliases.
2. ``fuzzy``: its *distinctive words* (generic words such as "ministry", "state", "of the Republic of
   Azerbaijan" dropped, plurals made singular, a few abbreviations expanded) are close to those of one
   agency's spelling (``rapidfuzz`` ratio, batched with ``cdist``), above :data:`FUZZY_CUTOFF` and at least
   :data:`FUZZY_MARGIN` above the best other agency. Typos in generic words are forgiven by also comparing
   the whole names (placing words dropped), counted :data:`WHOLE_OFFSET` lower, so only a near-identical
   whole name passes this way. When both sides name a kind of body ("committee", "service", "council",
   ...) and the kinds differ, the score is lowered by :data:`KIND_PENALTY`. A bare acronym ("IDDA") scores
   :data:`ACRONYM_SCORE` against the one agency whose initials it is.
3. ``fragment``: its words are the tail of exactly one agency's spelling ("Ministers" of "Cabinet of
   Ministers"), or the head before a qualifier ("State Tax Service" of "... under the Ministry of Economy"),
   and not generic words only.
4. ``new``: an agency the registry does not know. New mentions are grouped with the same guarded rules
   (close distinctive words, acronym against initials), and each group gets the slug of its most frequent,
   then longest, spelling as its id.

A bare acronym a plan defines ("Full Name (ACR)", :mod:`normalize.acronyms`) names the agency of the mentions
defining it, the registry's or a new one, when they name one; it stays apart when they name several.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TypeVar

import numpy as np
from rapidfuzz import fuzz, process

from normalize.acronyms import spells
from normalize.name_words import (NAME_LIMIT, NameForm, is_generic, name_form, name_initials,
                                   strip_placing)
from normalize.pairs import close_pairs
from normalize.registry import Registry, name_key

FUZZY_CUTOFF = 85.0
FUZZY_MARGIN = 6.0
KIND_PENALTY = 25.0
WHOLE_OFFSET = 7.0
ACRONYM_SCORE = 95.0
CANDIDATE_COUNT = 3
_T, _O = TypeVar("_T"), TypeVar("_O")

_TRAILING_PARENTHESIS = re.compile(r"\(([^()]*)\)\s*$")
_NAME_SEPARATOR = re.compile(r"[,;]|:\s|\s/\s")
"""A registry spelling holding one of these is protected from splitting at it."""
_SPLIT_WORDS = re.compile(r"[\s,;/]+")


#: How a mention can be matched, from the surest to the least sure.
MATCH_METHODS = ("exact", "alias", "fuzzy", "fragment", "new")


@dataclass(frozen=True)
class AgencyMatch:
    """The agency one mention names, and how sure the match is."""

    mention: str
    agency_id: str
    agency_name: str
    agency_kind: str
    match_method: str  # exact | alias | fuzzy | fragment | new
    match_score: float  # 0-100; 0 for a new agency
    candidates: tuple[tuple[str, str, float], ...]  # best three registry agencies: (agency_id, name, score)


@dataclass(frozen=True)
class MentionContext:
    """Where a mention was printed, for the review queue."""

    plan_id: str
    activity_id: str
    role: str = ""
    lines: str = ""  # source line or range, e.g. "41" or "41-43"
    activity_key: str = ""


@dataclass(frozen=True)
class RegistryIndex:
    """The registry prepared for matching (built once per registry)."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    kinds: tuple[str, ...]
    exact: dict[str, tuple[int, str]]
    name_keys: tuple[str, ...]
    variant_text: tuple[str, ...]
    variant_whole: tuple[str, ...]
    variant_kinds: np.ndarray
    variant_starts: np.ndarray
    acronyms: dict[str, frozenset[int]]
    fragments: dict[tuple[str, ...], frozenset[int]]
    separated_names: tuple[re.Pattern[str], ...]  # registry spellings holding a list separator

    @cached_property
    def name_key_set(self) -> frozenset[str]:
        return frozenset(self.name_keys)

    @cached_property
    def most_name_words(self) -> int:
        return max((key.count(" ") + 1 for key in self.name_keys), default=0)

    @cached_property
    def start_window(self) -> int:
        """How much of an item's text can decide whether a registry name starts there: the longest name key,
        twice over (printed text may hold more marks than its key) and a word more."""
        return min(NAME_LIMIT, 2 * max(map(len, self.name_keys), default=0) + 16)


# --------------------------------------------------------------------------------------------- index


@lru_cache(maxsize=8)
def registry_index(registry: Registry) -> RegistryIndex:
    """Everything matching needs from the registry, computed once."""
    exact: dict[str, tuple[int, str]] = {}
    variant_text: list[str] = []
    variant_whole: list[str] = []
    variant_kinds: list[int] = []
    starts: list[int] = []
    acronyms: dict[str, set[int]] = {}
    fragments: dict[tuple[str, ...], set[int]] = {}
    separated_names: list[re.Pattern[str]] = []
    for position, agency in enumerate(registry.agencies):
        starts.append(len(variant_text))
        for number, spelling in enumerate(agency.spellings):
            form = name_form(spelling)
            exact.setdefault(form.key, (position, "exact" if number == 0 else "alias"))
            variants = [form]
            note = _TRAILING_PARENTHESIS.search(spelling)
            if note and agency.kind == "body":
                variants.append(name_form(note.group(1)))
            variant_text.extend(variant.distinctive for variant in variants)
            variant_whole.extend(variant.whole for variant in variants)
            variant_kinds.extend(variant.kinds for variant in variants)
            for initials in name_initials(spelling):
                acronyms.setdefault(initials, set()).add(position)
            for phrase in _fragments_of(form.words):
                fragments.setdefault(phrase, set()).add(position)
            if _NAME_SEPARATOR.search(spelling):
                words = [re.escape(word) for word in _SPLIT_WORDS.split(spelling.strip()) if word]
                separated_names.append(re.compile(r"\W+".join(words), re.IGNORECASE))
    return RegistryIndex(
        ids=tuple(agency.agency_id for agency in registry.agencies),
        names=tuple(agency.name for agency in registry.agencies),
        kinds=tuple(agency.kind for agency in registry.agencies),
        exact=exact,
        name_keys=tuple(key for key in exact if not is_generic(key.split())),
        variant_text=tuple(variant_text),
        variant_whole=tuple(variant_whole),
        variant_kinds=np.array(variant_kinds, dtype=np.int64),
        variant_starts=np.array(starts, dtype=np.intp),
        acronyms={initials: frozenset(owners) for initials, owners in acronyms.items()},
        fragments={phrase: frozenset(owners) for phrase, owners in fragments.items()},
        separated_names=tuple(separated_names),
    )


def _fragments_of(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The proper tails of a spelling's words, and its heads that end before "of", "under" or "near"."""
    tails = [words[start:] for start in range(1, len(words))]
    heads = [words[:end] for end in range(1, len(words)) if words[end] in {"of", "under", "near"}]
    return tails + heads


# ------------------------------------------------------------------------------------------- scoring


def _score_matrix(forms: Sequence[NameForm], index: RegistryIndex) -> np.ndarray:
    """Rows: forms; columns: agencies; cell: best score of the form against any spelling of the agency."""
    if not index.ids:
        return np.zeros((len(forms), 0), dtype=np.float32)
    texts = [form.distinctive for form in forms]
    scores = process.cdist(texts, index.variant_text, scorer=fuzz.ratio, dtype=np.float32, workers=-1)
    scores[np.array([not text for text in texts], dtype=bool), :] = 0.0
    scores[:, np.array([not text for text in index.variant_text], dtype=bool)] = 0.0
    wholes = process.cdist(
        [form.whole for form in forms], index.variant_whole, scorer=fuzz.ratio, dtype=np.float32, workers=-1
    )
    np.maximum(scores, wholes - WHOLE_OFFSET, out=scores)
    kinds = np.array([form.kinds for form in forms], dtype=np.int64)
    scores -= KIND_PENALTY * _kind_conflicts(kinds, index.variant_kinds)
    by_agency = np.maximum.reduceat(scores, index.variant_starts, axis=1)
    for row, form in enumerate(forms):
        for position in index.acronyms.get(form.acronym, ()) if form.acronym else ():
            by_agency[row, position] = max(by_agency[row, position], ACRONYM_SCORE)
    return np.clip(by_agency, 0.0, 100.0)


def _kind_conflicts(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """True where both sides name a kind of body and share none (outer comparison of kind bits)."""
    return (left[:, None] != 0) & (right[None, :] != 0) & ((left[:, None] & right[None, :]) == 0)


@dataclass(frozen=True)
class _Decision:
    """The registry agency a form names (position None: none), and its best candidates."""

    position: int | None
    method: str
    score: float
    candidates: tuple[tuple[str, str, float], ...]


def resolve_forms(forms: Sequence[NameForm], index: RegistryIndex) -> list[_Decision]:
    """Rules exact/alias, fuzzy and fragment for each form (batched); method "new" when none applies."""
    if not forms:
        return []
    scores = _score_matrix(forms, index)
    exact = [index.exact.get(form.key) for form in forms]
    for row, found in enumerate(exact):
        if found is not None:
            scores[row, found[0]] = 100.0
    order = np.argsort(-scores, axis=1, kind="stable")[:, :CANDIDATE_COUNT].tolist()
    rounded = np.round(scores.astype(np.float64), 1).tolist()
    decisions: list[_Decision] = []
    for row, (form, values) in enumerate(zip(forms, rounded)):
        best, second = ([values[p] for p in order[row][:2]] + [0.0, 0.0])[:2]
        position, method = exact[row] if exact[row] is not None else (None, "new")
        if position is None and best >= FUZZY_CUTOFF and best - second >= FUZZY_MARGIN:
            position, method = order[row][0], "fuzzy"
        if position is None:
            owners = index.fragments.get(form.words, frozenset())
            if len(owners) == 1 and not is_generic(form.words):
                position, method = next(iter(owners)), "fragment"
        ranked = order[row] if position is None else [position, *(p for p in order[row] if p != position)]
        candidates = tuple((index.ids[p], index.names[p], values[p]) for p in ranked[:CANDIDATE_COUNT])
        score = 0.0 if position is None else values[position]
        decisions.append(_Decision(position, method, score, candidates))
    return decisions


# ------------------------------------------------------------------------------------------ matching


def match_mentions(mentions: Sequence[str], registry: Registry,
                   ties: Mapping[str, Collection[str]] | None = None) -> list[AgencyMatch]:
    """The agency each mention names: one result per mention, in order, the same for any input order.

    ``ties``: each bare acronym -> the mentions defining it in its plans (:func:`normalize.acronyms.acronym_ties`);
    it names their agency when they all name one, a registry agency or a new one.
    """
    index = registry_index(registry)
    unique = sorted(set(mentions))
    decisions = dict(zip(unique, resolve_forms([name_form(mention) for mention in unique], index)))
    ties = {m: d for m, d in (ties or {}).items() if m in decisions and set(d) <= decisions.keys()}
    for mention, defining in ties.items():
        if decisions[mention].method not in ("exact", "alias"):  # a plan's own definition beats likeness
            position = _one_owner(defining, lambda d: decisions[d].position)
            old = decisions[mention].candidates
            decisions[mention] = _Decision(None, "new", 0.0, old) if position is None else _Decision(
                position, "fuzzy", ACRONYM_SCORE, ((index.ids[position], index.names[position], ACRONYM_SCORE),
                                                   *(c for c in old if c[0] != index.ids[position]))[:CANDIDATE_COUNT])
    unknown = [mention for mention in unique if decisions[mention].position is None]
    clusters = _cluster_new(unknown, Counter(mentions), set(index.ids), ties)
    matches: dict[str, AgencyMatch] = {}
    for mention, decision in decisions.items():
        if decision.position is None:
            agency_id, name = clusters[mention]
            matches[mention] = AgencyMatch(mention=mention, agency_id=agency_id, agency_name=name, agency_kind="body",
                                           match_method="new", match_score=0.0, candidates=decision.candidates)
        else:
            at = decision.position
            matches[mention] = AgencyMatch(mention=mention, agency_id=index.ids[at], agency_name=index.names[at],
                                           agency_kind=index.kinds[at], match_method=decision.method,
                                           match_score=decision.score, candidates=decision.candidates)
    return [matches[mention] for mention in mentions]


# ------------------------------------------------------------------------------------ new agencies


def _cluster_new(mentions: Sequence[str], counts: Counter[str], taken: set[str],
                 ties: Mapping[str, Collection[str]]) -> dict[str, tuple[str, str]]:
    """Group unknown mentions that name one body; each mention -> (new agency id, representative spelling)."""
    spellings: dict[str, list[str]] = {}
    for mention in mentions:
        spellings.setdefault(name_key(mention), []).append(mention)
    keys = sorted(spellings)
    groups = _link([spellings[key] for key in keys], ties)
    return _name_groups([[s for node in group for s in spellings[keys[node]]] for group in groups], counts, taken)


def _link(nodes: Sequence[Sequence[str]], ties: Mapping[str, Collection[str]]) -> list[list[int]]:
    """Groups of nodes (the spellings of one key each) that name one body.

    Nodes join when they score at least :data:`FUZZY_CUTOFF` as in :func:`_score_matrix` (kinds of body
    compatible) with every member of the group: complete linkage, so no chain of near pairs joins two bodies.
    Strongest pairs join first. An acronym a plan defines then joins the group of its definitions if they are
    one, else stays apart; any other joins the one group whose initials it is, else the one it spells ("SENAC").
    """
    forms = [name_form(spellings[0]) for spellings in nodes]
    acronyms = [next((name_form(s).acronym for s in spellings if name_form(s).acronym), "") for spellings in nodes]
    defined = {node: {d for s in nodes[node] for d in ties.get(s, ())} for node in range(len(nodes))}
    worded = [node for node, form in enumerate(forms) if form.distinctive and not acronyms[node] and not defined[node]]
    similar = {(worded[a], worded[b]): score for (a, b), score in _similar_pairs([forms[n] for n in worded]).items()}
    group = list(range(len(nodes)))
    members = {node: [node] for node in range(len(nodes)) if not acronyms[node] and not defined[node]}
    for (a, b), _score in sorted(similar.items(), key=lambda item: (-item[1], item[0])):
        first, second = group[a], group[b]
        if first != second and all((min(x, y), max(x, y)) in similar for x in members[first] for y in members[second]):
            for node in members[second]:
                group[node] = first
            members[first].extend(members.pop(second))
    initials_of: dict[str, set[int]] = {}  # and by first letter: an acronym no initials give may spell a name
    for node in worded:
        for initials in (*name_initials(nodes[node][0]), forms[node].key[:1]):
            initials_of.setdefault(initials, set()).add(node)
    node_of = {spelling: node for node, spellings in enumerate(nodes) for spelling in spellings}
    for node, acronym in enumerate(acronyms):
        if acronym or defined[node]:
            spelled = initials_of.get(acronym) or [
                other for other in initials_of.get(acronym[:1], ()) if acronym and spells(acronym, nodes[other][0])]
            owner = _one_owner(defined[node], lambda d: group[node_of[d]] if d in node_of else None) \
                if defined[node] else _one_owner(spelled, group.__getitem__)
            group[node] = node if owner is None else owner
            members.setdefault(group[node], []).append(node)
    return list(members.values())


def _one_owner(items: Iterable[_T], owner_of: Callable[[_T], _O | None]) -> _O | None:
    """The one owner (registry position, group) of all the items; None if several, or none, or one has none."""
    owners = {owner_of(item) for item in items}
    return owners.pop() if len(owners) == 1 else None


def _name_groups(groups: Sequence[list[str]], counts: Counter[str], taken: set[str]) -> dict[str, tuple[str, str]]:
    """Each spelling -> (id, name) of its group: the slug of the representative spelling, never an id in ``taken``."""
    named = sorted(
        ((_representative(spellings, counts), spellings) for spellings in groups),
        key=lambda item: (name_key(item[0]), item[0]),
    )
    result: dict[str, tuple[str, str]] = {}
    used = set(taken)
    for representative, spellings in named:
        agency_id = _unique_slug(representative, used)
        used.add(agency_id)
        for spelling in spellings:
            result[spelling] = (agency_id, representative)
    return result


def _similar_pairs(forms: Sequence[NameForm]) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of forms scoring at least the cutoff (as in :func:`_score_matrix`), kinds compatible."""
    pairs = close_pairs([form.distinctive for form in forms], FUZZY_CUTOFF)
    for pair, score in close_pairs([form.whole for form in forms], FUZZY_CUTOFF + WHOLE_OFFSET).items():
        pairs[pair] = max(pairs.get(pair, 0.0), score - WHOLE_OFFSET)
    # A body named with and without its placing qualifier ("State Service for Property Issues under the
    # Ministry of Economy", "State Service for Property Issues") is one body, however far apart the ratios are.
    by_words: dict[tuple[str, ...], list[int]] = {}
    for i, form in enumerate(forms):
        by_words.setdefault(form.words, []).append(i)
    for i, form in enumerate(forms):
        placed = tuple(strip_placing(form.words))
        for j in by_words.get(placed, []) if placed != form.words else []:
            pair = (min(i, j), max(i, j))
            pairs[pair] = max(pairs.get(pair, 0.0), FUZZY_CUTOFF)
    kinds = [form.kinds for form in forms]
    return {(i, j): score for (i, j), score in pairs.items() if not kinds[i] or not kinds[j] or kinds[i] & kinds[j]}


def _representative(spellings: Sequence[str], counts: Counter[str]) -> str:
    """The spelling that names a new group: not an acronym if possible, most frequent, longest, first."""
    return min(spellings, key=lambda s: (bool(name_form(s).acronym), -counts[s], -len(s), s))


def _unique_slug(name: str, used: set[str]) -> str:
    """A slug of the name ("Ministry of Culture" -> "ministry_of_culture", "Министерство финансов" ->
    "министерство_финансов"), suffixed if already used: letters of any script kept, accents dropped."""
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", name_key(name)) if not unicodedata.combining(ch))
    slug = re.sub(r"[\W_]+", "_", bare.casefold()).strip("_") or "agency"
    candidate, number = slug, 1
    while candidate in used:
        number += 1
        candidate = f"{slug}_{number}"
    return candidate


# --------------------------------------------------------------------------------------- review queue


def review_rows(
    occurrences: Iterable[tuple[AgencyMatch, MentionContext]], methods: frozenset[str] = frozenset({"new"})
) -> list[dict[str, str | float]]:
    """The review queue: one row per occurrence whose match method is in ``methods`` (default: new agencies).

    Columns: mention, agency_id, plan_id, activity_id, role, lines, then candidate_N / score_N for the best
    three registry agencies (empty when there are fewer).
    """
    rows: list[dict[str, str | float]] = []
    for match, context in occurrences:
        if match.match_method not in methods:
            continue
        row: dict[str, str | float] = {
            "mention": match.mention,
            "agency_id": match.agency_id,
            "plan_id": context.plan_id,
            "activity_key": context.activity_key,
            "activity_id": context.activity_id,
            "role": context.role,
            "lines": context.lines,
        }
        for number in range(1, CANDIDATE_COUNT + 1):
            agency_id, _name, score = match.candidates[number - 1] if len(match.candidates) >= number else ("", "", "")
            row[f"candidate_{number}"] = agency_id
            row[f"score_{number}"] = score
        rows.append(row)
    return rows
