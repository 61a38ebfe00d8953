"""How a run of words reads as an agency's name: whole (a known name, or words from a capital to a word a
name may end on), or opening a second name after a whole one (a head word, a body named in sentence case, a
name in quotes, a capitalised name closing on its kind). `normalize.agency_lists` cuts lists with these.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .matching import registry_index, resolve_forms
from .name_words import (BODY_WORDS, CONJUNCTIONS, COUNTRY_WORDS, FUNCTION_WORDS, GENERIC_WORDS, HEAD_WORDS,
                         KIND_BIT, NAME_LIMIT, UNFINISHED_WORDS, expand_words, name_form, spelled_out)
from .registry import Registry, name_key
from .text import CLOSING_QUOTES, OPENING_QUOTES

#: A body's own words before the word for its kind ("Высшая аудиторская | палата") number at most this many.
QUALIFIERS = 2


def names_body(first: str, rest: str, registry: Registry) -> bool:
    """Whether `rest` opens on a head word that starts a name ("Ministry", "State", "Министерство"), or is a
    name of the registry as written."""
    return name_key(first) in HEAD_WORDS or name_form(rest).key in registry_index(registry).exact


#: A body's name in title case that closes on the word for its kind has at most this many words.
TITLE_CASE_NAME_WORDS = 6


def opens_named_body(left: str, left_last: str, rest: str, last: str) -> bool:
    """Whether ``rest``, after a conjunction that follows the name ``left`` (its first words; ``left_last``
    its last), opens on a body's whole name:
    - the word for its kind and what it is for ("Department of ICT", "Agency for ...");
    - capitalised words closing on the word for a kind of body, where ``left`` closes on one too ("Makueni
      Budget Forum | County Public Service Board"; in "Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi" the kind
      closes the one name), or where the item does (``last``: its last word), the second name holding a
      conjunction of its own ("İqtisadiyyat Nazirliyi | Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi");
    - after a capitalised name, bodies named in lower case ("Министерство финансов | центральные органы
      исполнительной власти");
    - after bodies named in lower case, bodies so named ("местные органы исполнительной власти | центральные
      органы ...") or a capitalised name closing on its kind ("mərkəzi icra hakimiyyəti orqanları | Ədliyyə
      Nazirliyi").
    "Social Protection" closes on no such word: the conjunction is inside one name ("Ministry of Labour and
    Social Protection")."""
    words = rest.split(maxsplit=TITLE_CASE_NAME_WORDS)[:TITLE_CASE_NAME_WORDS]
    if not words:
        return False
    if left[:1].isupper() and rest[:1].islower() and _closes_on_one_kind(words):
        return False    # (the name's own tail: "Korupcijas novēršanas un | apkarošanas birojs")
    named_in_lower_case = left[:1].islower() and any(
        word in BODY_WORDS for word in expand_words(name_key(left).split()[:QUALIFIERS + 1]))
    if qualified_body(rest) or words[0][:1].islower() and name_key(words[0]) in BODY_WORDS:
        # (Two categories in lower case are two items only when the first names bodies by itself: "central
        # | and local executive authorities" is one; and when the second says which bodies of its own: in
        # "другие заинтересованные министерства | и ведомства" the qualifiers are both words'.)
        if named_in_lower_case and rest[:1].islower() and (len(words) == 1 or name_key(words[1]) in CONJUNCTIONS):
            return False
        return left[:1].isupper() or rest[:1].isupper() or named_in_lower_case
    if not words[0][:1].isupper():
        return False
    if name_key(words[0]) in KIND_BIT and len(words) > 1 and name_key(words[1]) in FUNCTION_WORDS:
        return True
    run = capitalised_run(words)
    left_words = left.split(maxsplit=2)
    left_closes_on_kind = closes_on_kind(left_last) or named_in_lower_case and \
        any(word in BODY_WORDS for word in expand_words([name_key(left_last)]))
    whole = left_closes_on_kind or len(left_words) > 2 and closes_on_kind(left_words[0]) and \
        name_key(left_words[1]) in FUNCTION_WORDS
    # (Only a name closing on the word for its kind vouches for a second name whose kind closes the item only:
    # "Office of Management | and Budget and Environmental Protection Agency" is cut at the second "and".)
    return whole and len(run) > 1 and closes_on_kind(run[-1]) or left_closes_on_kind and closes_on_kind(last)


def _closes_on_one_kind(words: list[str]) -> bool:
    """Whether words in lower case reach the word for one body's kind ("apkarošanas birojs") before any word
    for bodies as a category ("местные исполнительные органы", "акиматы областей"): a name's tail, which
    a category in lower case never is."""
    for word in words[:QUALIFIERS + 2]:
        key = name_key(word)
        if key in KIND_BIT:
            return True
        if key in BODY_WORDS or not word[-1:].isalnum():
            return False
    return False


def closes_on_kind(word: str) -> bool:
    """Whether ``word`` is the word for a kind of body ("Board", "Nazirliyi", "Services")."""
    return any(part in KIND_BIT for part in spelled_out(name_key(word.strip("()"))))


def starts_name(previous: str, rest: str, registry: Registry, before: str = "") -> bool:
    """True when ``rest`` (the item from this word on, or as much of it as a registry name can take) can
    begin a second name right after the word ``previous`` (which ends ``before``, the item so far)."""
    ends_word = previous[-1:].isalnum() or previous.endswith(")")
    previous_key = name_key(previous)
    if not ends_word or previous_key in FUNCTION_WORDS:
        return False
    first_and_more = rest.split(maxsplit=1)
    first = first_and_more[0]
    opens_quote = first[0] in OPENING_QUOTES and first[1:2].isalpha()
    if first[:1].isupper():
        # (A body in sentence case goes on in lower case: "Генеральная прокуратура".)
        qualified = len(first_and_more) > 1 and first_and_more[1][:1].islower() and qualified_body(rest)
    else:
        # (In lower case, the word before may be the phrase's own: "local | executive authorities".)
        qualified = names_bodies(first_and_more, previous) or qualified_body(rest) and \
            not qualified_body(f"{previous} {rest}", QUALIFIERS + 1)
    if qualified:
        return True
    if not (first[0].isupper() or opens_quote):
        return False
    first_key = name_key(first)
    if before[:1].islower() and any(part in BODY_WORDS for part in expand_words([previous_key])) and \
            capitals_name_a_body(rest) or \
            first_key in BODY_WORDS and first_key not in KIND_BIT and previous_key in KIND_BIT:
        # After bodies named in lower case, on the word for them ("local self-government bodies | Civil
        # Service Bureau"), capitals naming a body open a name; after a name closing on its kind ("... Agency |
        # Parliament") a word that names a body by itself does.
        return True
    if previous_key in COUNTRY_WORDS and first_key not in KIND_BIT and any(name_key(w) in KIND_BIT for w in (
            capitalised_run(rest.split(maxsplit=TITLE_CASE_NAME_WORDS)[:TITLE_CASE_NAME_WORDS])[1:])):
        # A name closing on its country ("Health Canada"), then capitals that name a body's kind after its
        # first word: a name ("Public Health Agency of Canada", "Canada Revenue Agency"); a kind word right
        # after the country is the name's own ("Treasury Board of Canada Secretariat").
        return True
    index = registry_index(registry)
    words = name_key(rest).split(maxsplit=index.most_name_words)
    if any(" ".join(words[:n]) in index.name_key_set for n in range(1, min(len(words), index.most_name_words) + 1)):
        return True
    if first.isupper() and first.isalpha() and len(first) > 2 and len(first_and_more) == 1 and not previous.isupper() \
            and not only_kind_words(before, previous):
        # An acronym closing the item after a name in other letters ("... and Infrastructure IDFI"); after
        # words that only say a body's kind, it says which body ("Conseil National ITIE").
        return True
    if opens_quote and not quoted_body(rest):
        return False    # the body's own name in quotes ("Национальная палата предпринимателей «Атамекен»")
    return (opens_quote or first_key in HEAD_WORDS) and len(first_and_more) > 1


def only_kind_words(before: str, previous: str) -> bool:
    """Whether the item's words up to `previous` (its first use in `before`) only say a body's kind and qualify
    it ("Conseil National", "Comité national"): words the matcher weighs down, no word naming which body."""
    words = before.split()
    end = next((k + 1 for k, word in enumerate(words) if word == previous), None)
    return end is not None and all(name_key(word) in GENERIC_WORDS for word in words[:end])


def capitalised_run(words: list[str]) -> list[str]:
    """The capitalised words that open ``words``, with the function words between them ("Ministry of
    Justice"), up to a conjunction, a word in lower case, or a word closed by punctuation (kept)."""
    run: list[str] = []
    for word in words:
        if not (word[:1].isupper() or run and name_key(word) in FUNCTION_WORDS) or name_key(word) in CONJUNCTIONS:
            break
        run.append(word)
        if not word[-1:].isalnum():
            break
    return run


def capitals_name_a_body(rest: str) -> bool:
    """Whether the capitalised words opening ``rest`` name a body: they open on a word for bodies
    ("Министерство", "Parliament") or close on the word for a kind of body ("Civil Service Bureau"). Capitals
    that name whose body it is are the name before's own: "администрации | Губернатора Новосибирской области"."""
    words = rest.split(maxsplit=TITLE_CASE_NAME_WORDS)[:TITLE_CASE_NAME_WORDS]
    if any(part in BODY_WORDS or part in HEAD_WORDS for part in expand_words([name_key(words[0])])):
        return True
    run = capitalised_run(words)
    return bool(run) and closes_on_kind(run[-1])


def names_bodies(first_and_more: list[str], previous: str) -> bool:
    """Whether the words open on bodies named in lower case by the word for them ("акиматы областей",
    "органы местного самоуправления") right after a capitalised word that ends a name ("... Республики
    Казахстан") or a closing bracket or quote; a word for one body's kind ("палата") after an adjective is
    that name's own."""
    first = first_and_more[0]
    return len(first_and_more) > 1 and first[:1].islower() and name_key(first) in BODY_WORDS and \
        name_key(first) not in KIND_BIT and first_and_more[1][:1].islower() and \
        (previous[:1].isupper() or previous[-1:] in ")" + CLOSING_QUOTES) and \
        name_key(previous) not in UNFINISHED_WORDS


def quoted_body(rest: str) -> bool:
    """Whether ``rest``, opening on a name in quotes, names a body of its own: the quotes are followed right
    away by its legal form in capitals ('"Azersu" OJSC', "«Казахтелеком» АО"). Otherwise the name in quotes
    is the body's before it ("Национальная палата предпринимателей «Атамекен» (по согласованию)"), whatever
    follows it."""
    closing = next((k for k in range(1, len(rest)) if rest[k] in CLOSING_QUOTES), None)
    after = rest[closing + 1:].split(maxsplit=1) if closing is not None else []
    form = after[0].strip(",;.") if after else ""
    return len(form) >= 2 and form.isalpha() and form.isupper()


def qualified_body(rest: str, most: int | None = None) -> bool:
    """Whether ``rest`` opens on a body named in sentence case by one or two words before the word for its
    kind ("Генеральная прокуратура", "Высшая аудиторская палата", "местные исполнительные органы"). In title
    case ("Azerbaijan Energy Regulatory Agency") any run of capitalised words before "Agency" would pass, so
    only the words after the first in lower case tell a name's start."""
    # Bodies named in lower case take a qualifier more ("relevant central executive authorities").
    qualifiers = most if most is not None else QUALIFIERS + 1 if rest[:1].islower() else QUALIFIERS
    words = rest.split(maxsplit=qualifiers + 1)[:qualifiers + 1]
    for k, word in enumerate(words):
        key = name_key(word)
        if k and not word[:1].islower():
            return False
        if k and key in BODY_WORDS:
            # After a capital, only the word for one body's kind as printed ("прокуратура", "палата"): a
            # proper name before bodies in lower case ("Казахстан | акиматы областей") ends the name before.
            return words[0][:1].islower() or key in KIND_BIT
        if not word[-1:].isalnum() or key in FUNCTION_WORDS or key in BODY_WORDS:
            return False
    return False


def complete(text: str, registry: Registry) -> bool:
    """True when ``text`` reads as a whole name: a known one, two or more words from a capital to a non-filler,
    or words closing on the word for a kind of body ("местные исполнительные органы")."""
    if known_kind(text, registry) is not None:
        return True
    words = text.split()
    if len(words) > 1 and any(part in BODY_WORDS for part in expand_words([name_key(words[-1])])):
        return True
    if len(words) > 1 and words[0][:1].islower() and ends_a_name(words) and \
            any(word in BODY_WORDS for word in expand_words(name_key(" ".join(words[:QUALIFIERS + 1])).split())):
        return True     # bodies named in lower case ("республиканские органы государственного управления")
    return len(words) > 1 and words[0][:1].isupper() and ends_a_name(words)


_ACRONYM_PART = re.compile(r"^[^\W_](?:[^\W_]|['’](?=[^\W_]))*$")     # (an apostrophe inside: "Мін’юст")


def names_alone(text: str) -> bool:
    """Whether ``text`` is one capitalised word that can name a body by itself: an acronym, hyphens joining
    its parts or not ("DICT", "PH-EITI", "DepEd"), a short form ("Мінфін", "Держгеокадастр") or a word for
    one body ("Parliament", "Treasury"); not the word for a kind ("Ministry", "Service"), a head word, nor a
    word that places, qualifies or asks for more ("National", "State", "of")."""
    word = text.strip().strip(".,;:")
    parts = word.split("-")
    if not word or " " in word or not word[:1].isupper() or not all(_ACRONYM_PART.match(part) for part in parts):
        return False
    if len(parts) > 1:
        return all(part[:1].isupper() for part in parts) and sum(ch.isupper() for ch in word) > len(parts)
    key = name_key(word)
    return not closes_on_kind(word) and key not in HEAD_WORDS and key not in GENERIC_WORDS - BODY_WORDS \
        or key in BODY_WORDS and key not in KIND_BIT


def ends_a_name(words: list[str]) -> bool:
    """Whether a name may end on the last of ``words``: on no function word, and on a word that places a body
    only where a proper name before it says which, after the body's own words ("Министерство юстиции
    Кыргызской Республики"; not "при Правительстве Республики" or "of the Republic", which ask for what
    follows, nor "Azerbaijan Republic", which opens "Azerbaijan Republic State Oil Company"); nor on a word
    that opens names after a proper name ("Kaduna State | Ministry of Finance"; but "Secretary of State")."""
    last = name_key(words[-1])
    if last in HEAD_WORDS and len(words) > 1 and words[-2][:1].isupper() and \
            name_key(words[-2]) not in FUNCTION_WORDS and not closes_on_kind(words[-1]):
        return False
    if last not in UNFINISHED_WORDS:
        return True
    if last in FUNCTION_WORDS or len(words) < 3 or not words[-2][:1].isupper():
        return False
    before = name_key(words[-2])
    return before not in UNFINISHED_WORDS and \
        not any(part in BODY_WORDS or part in HEAD_WORDS for part in expand_words([before]))


def complete_span(item: str, begin: int, end: int, registry: Registry, last: re.Match[str] | None = None) -> bool:
    """:func:`complete` of item[begin:end]; past NAME_LIMIT letters (no registry name is that long) only its
    first and last words are read, so a long run of words is not copied at every word."""
    if end - begin <= NAME_LIMIT:
        return complete(item[begin:end], registry)
    if last is None:
        last_start = end
        while last_start > begin and not item[last_start - 1].isspace():
            last_start -= 1
        last_word = item[last_start:end]
    else:
        last_start, last_word = last.start(), last.group()
    return item[begin].isupper() and last_start > begin and name_key(last_word) not in UNFINISHED_WORDS


def spelled_as_known(text: str, registry: Registry) -> bool:
    """Whether ``text`` is a registry name or alias as spelled (not only like one)."""
    return name_form(text).key in registry_index(registry).exact


def known_kind(text: str, registry: Registry) -> str | None:
    """The kind of the registry agency ``text`` names by exact, alias or fuzzy match, else None; text longer
    than any name (NAME_LIMIT) names none."""
    return None if len(text) > NAME_LIMIT else known_name(text, registry)


@lru_cache(maxsize=65536)
def known_name(text: str, registry: Registry) -> str | None:
    index = registry_index(registry)
    form = name_form(text)
    exact = index.exact.get(form.key)
    if exact is not None:           # most names in a list are written as the registry has them
        return index.kinds[exact[0]]
    decision = resolve_forms([form], index)[0]
    if decision.position is None or decision.method == "fragment":
        return None
    return index.kinds[decision.position]
