"""What a document's agency lists tell of the names in them, for cutting agency columns between names.

The bleed repair (`normalize.cells`) may cut an agency column's running text between two activities only
where one name ends and the next begins; `bands_to_name_hints` gathers the evidence for that from the
registry and from the lists the document prints whole: the words names start and end with, and the word
pairs that stand inside one name.
"""
from __future__ import annotations

import re

from extract.model import Band

from .cell_scores import NameHints, closes_bracket, first_key, is_capitalised, is_kind_word, last_key
from .registry import Registry
from .roles import cell_to_role_parts

#: What parts the items of an agency list, for learning the words its names start and end with.
ITEM_SEPARATOR = re.compile(r"[,;]")


def bands_to_name_hints(registry: Registry, bands: tuple[Band, ...], columns: list[int]) -> NameHints:
    """The word pairs inside the registry's names, and the words names start and end with: in the registry,
    and in the document's agency lists next to a comma or semicolon or after a role label (a fragment's
    first and last words may be inside a name cut by the line end).

    The document's own names add their word pairs: two words a line prints together inside a name are not
    cut apart where another line breaks the name ("State | Migration Service"). A pair where one name may
    end and another begin is left out, as is a capital after a bracketed acronym ("(BPS) Kementerian"): that
    is where two cells' lists meet when they share a line; so is the pair before a name of two words or more
    that the document prints elsewhere as a whole item, between separators or as a line's whole list ("... dan
    Keamanan | Mahkamah Agung").
    """
    starts = {key.split()[0] for key in registry.key_owner}
    ends = {key.split()[-1] for key in registry.key_owner}
    pieces_seen: list[list[str]] = []
    whole: set[tuple[str, ...]] = set()
    for band in bands:
        for column in columns:
            text = band.text(column)
            if not text:
                continue
            pieces: list[list[str]] = []
            for part in cell_to_role_parts(text):
                split = [piece.split() for piece in ITEM_SEPARATOR.split(part.text)]
                if part.label and split[0]:
                    starts.add(first_key(split[0][0]))  # a label is followed by a name's first word
                pieces += split
            pieces_seen += pieces
            whole.update(tuple(first_key(w) for w in words) for words in (pieces if len(pieces) == 1 else pieces[1:-1])
                         if len(words) > 1)
            starts.update(first_key(words[0]) for words in pieces[1:] if words)
            ends.update(last_key(words[-1]) for words in pieces[:-1] if words)
    pairs = set(registry.word_pairs)
    lengths = {len(item) for item in whole}     # (only a tail of one of these lengths can be a whole item)
    for words in pieces_seen:
        keys = [first_key(word) for word in words]
        for i, (left, right) in enumerate(zip(words, words[1:])):
            pair = (last_key(left), keys[i + 1])
            if pair[0] in ends and pair[1] in starts or closes_bracket(left) and is_capitalised(right):
                continue
            if len(words) - i - 1 in lengths and not is_kind_word(left) and tuple(keys[i + 1:]) in whole:
                continue
            pairs.add(pair)
    return NameHints(frozenset(pairs), frozenset(starts), frozenset(ends))
