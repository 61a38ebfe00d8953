"""Agency identity: which registry agency each printed mention names, and how cells split into mentions.

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
"""

from __future__ import annotations

import csv
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from normalize.registry import Registry, name_key
from normalize.text import BULLETS

FUZZY_CUTOFF = 85.0
FUZZY_MARGIN = 6.0
KIND_PENALTY = 25.0
WHOLE_OFFSET = 7.0
ACRONYM_SCORE = 95.0
CANDIDATE_COUNT = 3

NAME_WORDS_FILE = Path(__file__).with_name("name_words.csv")


def _name_words(role: str) -> list[tuple[str, str]]:
    """(word, expansion) rows of `name_words.csv` with the given role, in file order (data, not code:
    a plan from another country adds its own place words there)."""
    with NAME_WORDS_FILE.open(encoding="utf-8", newline="") as f:
        return [(row["word"], row["expansion"] or "") for row in csv.DictReader(f) if row["role"] == role]


FUNCTION_WORDS = frozenset(word for word, _ in _name_words("function"))
"""Words that never end a complete name: a name cannot be split right after one of them."""

FILLER_WORDS = FUNCTION_WORDS | {word for word, _ in _name_words("filler")}
"""Words that only place a body ("... under the President of the Republic of ...")."""

KIND_WORDS = tuple(word for word, _ in _name_words("kind"))
"""Generic head words that say what kind of body it is: two different ones mean two different bodies."""

GENERIC_WORDS = FILLER_WORDS | set(KIND_WORDS) | {word for word, _ in _name_words("generic")}
"""Words weighed down in fuzzy matching: the remaining, distinctive words decide."""

BODY_WORDS = frozenset(KIND_WORDS) | {word for word, _ in _name_words("generic")}
"""Words that name a body or say what kind it is ("ministry", "authority", "органы")."""

_LONG_GENERIC_WORDS = tuple(sorted(word for word in GENERIC_WORDS if len(word) >= 7))

ABBREVIATIONS = dict(_name_words("abbreviation"))
"""Short and variant spellings, replaced word by word before fuzzy comparison."""

PLACE_WORDS = tuple(word for word, _ in _name_words("place"))
"""Words that begin a body's placing qualifier ("... under the Ministry of Economy"): the body is named before."""

HEAD_WORDS = frozenset(word for word, _ in _name_words("head"))
"""Capitalised words that start a new name when they follow a complete one without a comma."""

NO_AGENCY = frozenset(name_key(word) for word, _ in _name_words("none"))
"""What a cell prints to say it names no agency ("Not applicable", "N/A", "нет"): no mention is made of it."""

_KIND_BIT = {word: 1 << position for position, word in enumerate(KIND_WORDS)}
_PARENTHESIS = re.compile(r"\([^()]*\)")
_TRAILING_PARENTHESIS = re.compile(r"\(([^()]*)\)\s*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{2,7}$")
_OPENING_QUOTES = "\"'`\u2018\u201c\u201e\u00ab"
_EDGE_JUNK = " \t\r\n,;:.-\u2013\u2014\u2022\u00b7*"
CONJUNCTIONS = tuple(word for word, _ in _name_words("conjunction"))
"""Words joining two names in a list ("and", "и", "və"): "<name> and <category>" splits there."""

_AND = re.compile(
    r"\s+(?:" + "|".join(map(re.escape, CONJUNCTIONS)) + r")\s+" if CONJUNCTIONS else r"(?!)", re.IGNORECASE
)
_SEPARATOR = re.compile(rf"[,;{BULLETS}]|:(?=\s)|(?<=\s)/(?=\s)")
"""What separates the items of an agency list: a comma, a semicolon, a bullet ("• Ministry of Justice •
Ministry of Finance"), a colon before a space (a group and its members: "BOND Group: Article 19, CAFOD"), a
slash with space on both sides."""
_NAME_SEPARATOR = re.compile(r"[,;]|:\s|\s/\s")
"""A registry spelling holding one of these is protected from splitting at it."""
_SPLIT_WORDS = re.compile(r"[\s,;/]+")
_WORD = re.compile(r"\S+")
#: No agency name is longer (in letters): a longer item is a run of names or prose, never one registry name.
NAME_LIMIT = 500


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
class _Form:
    """What matching compares: the key and its words, sorted distinctive words, kind-of-body bits, acronym."""

    key: str
    words: tuple[str, ...]
    distinctive: str
    whole: str
    kinds: int
    acronym: str


@dataclass(frozen=True)
class _Index:
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


# ---------------------------------------------------------------------------------------------- forms


def _stem(word: str) -> str:
    """A crude singular: "authorities" -> "authority", "organizations" -> "organization"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, ...]:
    """One key word as compared: abbreviation spelled out, singular, a one-letter typo of a long generic word fixed."""
    out: list[str] = []
    for part in ABBREVIATIONS.get(word, word).split():
        part = _stem(part)
        if part not in GENERIC_WORDS and len(part) >= 6:
            typo = process.extractOne(part, _LONG_GENERIC_WORDS, scorer=Levenshtein.distance, score_cutoff=1)
            part = typo[0] if typo else part
        out.append(part)
    return tuple(out)


def _expand(words: Iterable[str]) -> list[str]:
    """Key words as compared (see :func:`_word`)."""
    return [part for word in words for part in _word(word)]


def _is_generic(words: Iterable[str]) -> bool:
    """True when no word is distinctive."""
    return all(word in GENERIC_WORDS for word in _expand(words))


@lru_cache(maxsize=65536)
def _form(text: str) -> _Form:
    """The comparison form of one spelling (cached: every spelling is keyed once)."""
    key = name_key(text)
    plain = (name_key(_PARENTHESIS.sub(" ", text)) if "(" in text else key) or key
    expanded = _expand(plain.split())
    kinds = 0
    for word in expanded:
        kinds |= _KIND_BIT.get(word, 0)
    stripped = text.strip()
    acronym = stripped.lower() if _ACRONYM.match(stripped) else ""
    distinctive = " ".join(sorted(word for word in expanded if word not in GENERIC_WORDS))
    whole = " ".join(word for word in expanded if word not in FILLER_WORDS)
    if len(text) > NAME_LIMIT:     # longer than any name: compared with none (and no quadratic fuzzy scoring)
        distinctive = whole = ""
    return _Form(key, tuple(key.split()), distinctive, whole, kinds, acronym)


def _strip_place(words: Sequence[str]) -> list[str]:
    """The words before a placing qualifier ("under ...", "near ...": :data:`PLACE_WORDS`) and before trailing
    filler words ("of the Republic of Azerbaijan")."""
    words = list(words)
    for stop in PLACE_WORDS:
        if stop in words[1:]:
            words = words[: words.index(stop, 1)]
    while len(words) > 1 and words[-1] in FILLER_WORDS:
        words.pop()
    return words


@lru_cache(maxsize=65536)
def _initials(text: str) -> frozenset[str]:
    """Acronyms a name could have: initials of its non-function words, with and without its placing qualifier."""
    words = name_key(_PARENTHESIS.sub(" ", text)).split()
    if len(words) < 2:
        return frozenset()
    found = {"".join(w[0] for w in candidate if w not in FUNCTION_WORDS) for candidate in (words, _strip_place(words))}
    return frozenset(initials for initials in found if len(initials) >= 3)


# --------------------------------------------------------------------------------------------- index


@lru_cache(maxsize=8)
def _index(registry: Registry) -> _Index:
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
            form = _form(spelling)
            exact.setdefault(form.key, (position, "exact" if number == 0 else "alias"))
            variants = [form]
            note = _TRAILING_PARENTHESIS.search(spelling)
            if note and agency.kind == "body":
                variants.append(_form(note.group(1)))
            variant_text.extend(variant.distinctive for variant in variants)
            variant_whole.extend(variant.whole for variant in variants)
            variant_kinds.extend(variant.kinds for variant in variants)
            for initials in _initials(spelling):
                acronyms.setdefault(initials, set()).add(position)
            for phrase in _fragments_of(form.words):
                fragments.setdefault(phrase, set()).add(position)
            if _NAME_SEPARATOR.search(spelling):
                words = [re.escape(word) for word in _SPLIT_WORDS.split(spelling.strip()) if word]
                separated_names.append(re.compile(r"\W+".join(words), re.IGNORECASE))
    return _Index(
        ids=tuple(agency.agency_id for agency in registry.agencies),
        names=tuple(agency.name for agency in registry.agencies),
        kinds=tuple(agency.kind for agency in registry.agencies),
        exact=exact,
        name_keys=tuple(key for key in exact if not _is_generic(key.split())),
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


def _score_matrix(forms: Sequence[_Form], index: _Index) -> np.ndarray:
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


def _resolve(forms: Sequence[_Form], index: _Index) -> list[_Decision]:
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
            if len(owners) == 1 and not _is_generic(form.words):
                position, method = next(iter(owners)), "fragment"
        ranked = order[row] if position is None else [position, *(p for p in order[row] if p != position)]
        candidates = tuple((index.ids[p], index.names[p], values[p]) for p in ranked[:CANDIDATE_COUNT])
        score = 0.0 if position is None else values[position]
        decisions.append(_Decision(position, method, score, candidates))
    return decisions


# ------------------------------------------------------------------------------------------ matching


def match_mentions(mentions: Sequence[str], registry: Registry) -> list[AgencyMatch]:
    """The agency each mention names: one result per mention, in order, the same for any input order."""
    index = _index(registry)
    unique = sorted(set(mentions))
    decisions = dict(zip(unique, _resolve([_form(mention) for mention in unique], index)))
    unknown = [mention for mention in unique if decisions[mention].position is None]
    clusters = _cluster_new(unknown, Counter(mentions), set(index.ids))
    matches: dict[str, AgencyMatch] = {}
    for mention, decision in decisions.items():
        if decision.position is None:
            agency_id, name = clusters[mention]
            matches[mention] = AgencyMatch(mention, agency_id, name, "body", "new", 0.0, decision.candidates)
        else:
            position = decision.position
            matches[mention] = AgencyMatch(
                mention=mention,
                agency_id=index.ids[position],
                agency_name=index.names[position],
                agency_kind=index.kinds[position],
                match_method=decision.method,
                match_score=decision.score,
                candidates=decision.candidates,
            )
    return [matches[mention] for mention in mentions]


# ------------------------------------------------------------------------------------ new agencies


def _cluster_new(mentions: Sequence[str], counts: Counter[str], taken: set[str]) -> dict[str, tuple[str, str]]:
    """Group unknown mentions that name one body; each mention -> (new agency id, representative spelling)."""
    spellings: dict[str, list[str]] = {}
    for mention in mentions:
        spellings.setdefault(name_key(mention), []).append(mention)
    keys = sorted(spellings)
    groups = _link([spellings[key] for key in keys])
    return _name_groups([[s for node in group for s in spellings[keys[node]]] for group in groups], counts, taken)


def _link(nodes: Sequence[Sequence[str]]) -> list[list[int]]:
    """Groups of nodes (the spellings of one key each) that name one body.

    Nodes join when they score at least :data:`FUZZY_CUTOFF` as in :func:`_score_matrix` (kinds of body
    compatible) with every member of the group: complete linkage, so no chain of near pairs joins two bodies.
    Strongest pairs join first. An acronym then joins the one group whose initials it is.
    """
    forms = [_form(spellings[0]) for spellings in nodes]
    acronyms = [next((_form(s).acronym for s in spellings if _form(s).acronym), "") for spellings in nodes]
    worded = [node for node, form in enumerate(forms) if form.distinctive and not acronyms[node]]
    similar = {(worded[a], worded[b]): score for (a, b), score in _similar_pairs([forms[n] for n in worded]).items()}
    group = list(range(len(nodes)))
    members = {node: [node] for node in range(len(nodes)) if not acronyms[node]}
    for (a, b), _score in sorted(similar.items(), key=lambda item: (-item[1], item[0])):
        first, second = group[a], group[b]
        if first != second and all((min(x, y), max(x, y)) in similar for x in members[first] for y in members[second]):
            for node in members[second]:
                group[node] = first
            members[first].extend(members.pop(second))
    initials_of: dict[str, set[int]] = {}
    for node in worded:
        for initials in _initials(nodes[node][0]):
            initials_of.setdefault(initials, set()).add(node)
    for node, acronym in enumerate(acronyms):
        if acronym:
            owners = {group[other] for other in initials_of.get(acronym, ())}
            group[node] = owners.pop() if len(owners) == 1 else node
            members.setdefault(group[node], []).append(node)
    return list(members.values())


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


def _similar_pairs(forms: Sequence[_Form]) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of forms scoring at least the cutoff (as in :func:`_score_matrix`), kinds compatible."""
    pairs = _close_pairs([form.distinctive for form in forms], FUZZY_CUTOFF)
    for pair, score in _close_pairs([form.whole for form in forms], FUZZY_CUTOFF + WHOLE_OFFSET).items():
        pairs[pair] = max(pairs.get(pair, 0.0), score - WHOLE_OFFSET)
    # A body named with and without its placing qualifier ("State Service for Property Issues under the
    # Ministry of Economy", "State Service for Property Issues") is one body, however far apart the ratios are.
    by_words: dict[tuple[str, ...], list[int]] = {}
    for i, form in enumerate(forms):
        by_words.setdefault(form.words, []).append(i)
    for i, form in enumerate(forms):
        placed = tuple(_strip_place(form.words))
        for j in by_words.get(placed, []) if placed != form.words else []:
            pair = (min(i, j), max(i, j))
            pairs[pair] = max(pairs.get(pair, 0.0), FUZZY_CUTOFF)
    kinds = [form.kinds for form in forms]
    return {(i, j): score for (i, j), score in pairs.items() if not kinds[i] or not kinds[j] or kinds[i] & kinds[j]}


def _close_pairs(texts: Sequence[str], cutoff: float) -> dict[tuple[int, int], float]:
    """Pairs (i < j) of non-empty texts whose ratio is at least ``cutoff``, batched with ``cdist``.

    Texts are compared in order of length, each block of rows only with the columns that can reach the
    cutoff at all (a ratio of ``c`` needs the shorter text to be at least ``c / (200 - c)`` of the longer).
    """
    order = sorted((i for i, text in enumerate(texts) if text), key=lambda i: (len(texts[i]), i))
    lengths = [len(texts[i]) for i in order]
    reach = cutoff / (200.0 - cutoff)
    pairs: dict[tuple[int, int], float] = {}
    block = 512
    for start in range(0, len(order), block):
        stop = min(start + block, len(order))
        end = bisect_right(lengths, lengths[stop - 1] / reach)
        scores = process.cdist(
            [texts[i] for i in order[start:stop]], [texts[i] for i in order[start:end]],
            scorer=fuzz.ratio, dtype=np.float32, score_cutoff=cutoff, workers=-1,
        )  # fmt: skip
        rows, columns = np.nonzero(scores >= cutoff)
        for row, column in zip(rows.tolist(), columns.tolist()):
            if row < column:
                first, second = sorted((order[start + row], order[start + column]))
                pairs[(first, second)] = float(scores[row, column])
    return pairs


def _representative(spellings: Sequence[str], counts: Counter[str]) -> str:
    """The spelling that names a new group: not an acronym if possible, most frequent, longest, first."""
    return min(spellings, key=lambda s: (bool(_form(s).acronym), -counts[s], -len(s), s))


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


# ------------------------------------------------------------------------------------------ splitting


def split_agency_list(text: str, registry: Registry) -> list[str]:
    """The agency mentions in one role part of a cell, as written (trimmed), in order.

    Items are separated by commas, semicolons and slashes with space on both sides ("CO / BIS"), except a
    separator inside a known name; a slash without spaces ("Culture/Tourism") never separates. An item that
    is not a known name is split further where a second name follows a complete one without a comma: before
    a known name or a capitalised head word ("Ministry", "State", "Cabinet") or an opening quote, and before
    "<conjunction> <category>" ("... and relevant state agencies"; conjunctions are data in
    ``name_words.csv``).
    """
    index = _index(registry)
    items: list[str] = []
    pieces: list[str] = []
    for piece in _split_separators(text, index):
        piece = piece.strip(_EDGE_JUNK)
        if pieces and _continues_series(pieces[-1], piece, registry):
            pieces[-1] = f"{pieces[-1]}, {piece}"
        elif piece:
            pieces.append(piece)
    for piece in pieces:
        if name_key(piece) not in NO_AGENCY:
            items.extend(_split_item(piece, registry))
    return items


def is_no_agency(text: str) -> bool:
    """True when `text` says that no agency is named ("Not applicable")."""
    return name_key(text) in NO_AGENCY


def _continues_series(previous: str, piece: str, registry: Registry) -> bool:
    """True when `piece` is the rest of a name holding a series: it names no kind of body and closes with a
    conjunction, and the name before it is a kind of body said what it is for in the piece's case:
    "Department for Business, | Innovation and Skills" (capitalised, after "for" or "of"), "Министерство
    цифрового развития, | инноваций и аэрокосмической промышленности" (in lower case, as the words after
    "Министерство"). A known name, an acronym or a category is never a continuation, nor a piece in lower
    case that names a body ("местные исполнительные органы")."""
    if len(previous) > NAME_LIMIT:
        return False
    words = name_key(piece).split()
    if not words or piece.isupper() or _known(piece, registry) is not None or _known(previous, registry) is not None:
        return False
    if any(word in _KIND_BIT or word in HEAD_WORDS for word in _expand(words)) or not _AND.search(piece):
        return False
    printed = previous.split()
    kinds = [i for i, word in enumerate(printed) if any(part in _KIND_BIT for part in _expand(name_key(word).split()))]
    if not kinds:
        return False
    described = printed[kinds[0] + 1:]
    if piece[0].isupper():
        return any(name_key(word) in FUNCTION_WORDS for word in described)
    content = [word for word in described if name_key(word) not in FUNCTION_WORDS]
    return bool(content) and content[0][:1].islower() and not any(word in BODY_WORDS for word in _expand(words))


def _split_separators(text: str, index: _Index) -> list[str]:
    """``text`` cut at the list separators (:data:`_SEPARATOR`) that are not inside a known name."""
    protected = sorted(match.span() for pattern in index.separated_names for match in pattern.finditer(text))
    pieces: list[str] = []
    start = 0
    reach, next_span = 0, 0     # the furthest end of the known names that begin before the separator
    for separator in _SEPARATOR.finditer(text):
        position = separator.start()
        while next_span < len(protected) and protected[next_span][0] < position:
            reach = max(reach, protected[next_span][1])
            next_span += 1
        if reach <= position:
            pieces.append(text[start:position])
            start = separator.end()
    pieces.append(text[start:])
    return pieces


def _strip_span(text: str, begin: int, end: int) -> tuple[int, int]:
    """The span [begin, end) of ``text`` without the list's edge junk at either side."""
    while begin < end and text[begin] in _EDGE_JUNK:
        begin += 1
    while end > begin and text[end - 1] in _EDGE_JUNK:
        end -= 1
    return begin, end


def _split_item(item: str, registry: Registry) -> list[str]:
    """One comma-free item as one or more mentions.

    A known name stays whole. Otherwise a category joined by a conjunction at the end ("... and relevant
    state agencies") is cut off, and the item is cut before the first word that starts a second name after a
    complete first one. The item is walked once, by offsets: a long run of names costs linear time.
    """
    heads: list[str] = []
    tails: list[str] = []           # categories cut off the end, last first
    begin, end = 0, len(item)
    while begin < end:
        if end - begin <= NAME_LIMIT and _known(item[begin:end], registry) is not None:
            break
        category = _category_at_end(item, begin, end, registry)
        if category is not None:
            begin, end, right = category
            tails.append(right)
            continue
        cut = _second_name_start(item, begin, end, registry)
        if cut is None:
            break
        heads.append(item[begin:cut[0]])
        begin = cut[1]
    if begin < end:
        heads.append(item[begin:end])
    return heads + tails[::-1]


def _category_at_end(item: str, begin: int, end: int, registry: Registry) -> tuple[int, int, str] | None:
    """(span of the name before, the category) when item[begin:end] closes with "<conjunction> <category>"
    after a complete name; a category is a registry name, so only the item's last NAME_LIMIT letters are sought."""
    for match in _AND.finditer(item, max(begin, end - NAME_LIMIT - 16), end):
        right_begin, right_end = _strip_span(item, match.end(), end)
        left_begin, left_end = _strip_span(item, begin, match.start())
        if right_end - right_begin > NAME_LIMIT or left_begin >= left_end:
            continue
        right = item[right_begin:right_end]
        if _known(right, registry) == "category" and _complete_span(item, left_begin, left_end, registry):
            return left_begin, left_end, right
    return None


def _second_name_start(item: str, begin: int, end: int, registry: Registry) -> tuple[int, int] | None:
    """(end of the first name, start of the second) where a second name follows a complete one in item[begin:end]."""
    previous: re.Match[str] | None = None
    before: re.Match[str] | None = None      # the word before `previous`
    window = _index(registry).start_window
    for word in _WORD.finditer(item, begin, end):
        rest = item[word.start(): min(end, word.start() + window)]
        if previous is not None and _starts_name(previous.group(), rest, registry) \
                and _complete_span(item, begin, previous.end(), registry, previous):
            return previous.end(), word.start()
        if before is not None and previous is not None and name_key(previous.group()) in CONJUNCTIONS \
                and _starts_name(before.group(), rest, registry) and _names_body(word.group(), rest, registry) \
                and _complete_span(item, begin, before.end(), registry, before):
            # "Ministry of Finance and Ministry of Justice": a conjunction between two whole names.
            return before.end(), word.start()
        before, previous = previous, word
    return None


def _names_body(first: str, rest: str, registry: Registry) -> bool:
    """Whether `rest` opens on a head word that starts a name ("Ministry", "State", "Министерство"), or is a
    name of the registry as written."""
    return name_key(first) in HEAD_WORDS or _form(rest).key in _index(registry).exact


def _starts_name(previous: str, rest: str, registry: Registry) -> bool:
    """True when ``rest`` (the item from this word on, or as much of it as a registry name can take) can
    begin a second name right after the word ``previous``."""
    ends_word = previous[-1:].isalnum() or previous.endswith(")")
    if not ends_word or name_key(previous) in FUNCTION_WORDS:
        return False
    first_and_more = rest.split(maxsplit=1)
    first = first_and_more[0]
    opens_quote = first[0] in _OPENING_QUOTES and first[1:2].isalpha()
    if not (first[0].isupper() or opens_quote):
        return False
    index = _index(registry)
    words = name_key(rest).split(maxsplit=index.most_name_words)
    if any(" ".join(words[:n]) in index.name_key_set for n in range(1, min(len(words), index.most_name_words) + 1)):
        return True
    return (opens_quote or name_key(first) in HEAD_WORDS) and len(first_and_more) > 1


def _complete(text: str, registry: Registry) -> bool:
    """True when ``text`` reads as a whole name: a known one, or two or more words from a capital to a non-filler."""
    if _known(text, registry) is not None:
        return True
    words = text.split()
    return len(words) > 1 and words[0][:1].isupper() and name_key(words[-1]) not in FILLER_WORDS


def _complete_span(item: str, begin: int, end: int, registry: Registry, last: re.Match[str] | None = None) -> bool:
    """:func:`_complete` of item[begin:end]; past NAME_LIMIT letters (no registry name is that long) only its
    first and last words are read, so a long run of words is not copied at every word."""
    if end - begin <= NAME_LIMIT:
        return _complete(item[begin:end], registry)
    if last is None:
        last_start = end
        while last_start > begin and not item[last_start - 1].isspace():
            last_start -= 1
        last_word = item[last_start:end]
    else:
        last_start, last_word = last.start(), last.group()
    return item[begin].isupper() and last_start > begin and name_key(last_word) not in FILLER_WORDS


def _known(text: str, registry: Registry) -> str | None:
    """The kind of the registry agency ``text`` names by exact, alias or fuzzy match, else None; text longer
    than any name (NAME_LIMIT) names none."""
    return None if len(text) > NAME_LIMIT else _known_name(text, registry)


@lru_cache(maxsize=65536)
def _known_name(text: str, registry: Registry) -> str | None:
    index = _index(registry)
    form = _form(text)
    exact = index.exact.get(form.key)
    if exact is not None:           # most names in a list are written as the registry has them
        return index.kinds[exact[0]]
    decision = _resolve([form], index)[0]
    if decision.position is None or decision.method == "fragment":
        return None
    return index.kinds[decision.position]


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
