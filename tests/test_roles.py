"""Role labels: implementer, recommended and partner, every label of the vocabulary read as its own role."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from normalize import roles
from normalize.roles import (
    IMPLEMENTER,
    PARTNER,
    RECOMMENDED,
    ROLES,
    RolePart,
    cell_to_role_parts,
    find_labels,
    label_at,
    label_initials,
    label_role,
    role_labels,
)


def role_of(text: str) -> str | None:
    match = label_at(text)
    return label_role(match) if match else None


@pytest.mark.parametrize("text, role", [
    ("Implementers:", IMPLEMENTER),
    ("Implementer:Ministry", IMPLEMENTER),
    ("Implementers :", IMPLEMENTER),
    ("Implementers,", IMPLEMENTER),
    ("Responsible:", IMPLEMENTER),
    ("Lead:", IMPLEMENTER),
    ("Lead department:", IMPLEMENTER),
    ("Lead departments:", IMPLEMENTER),
    ("Lead department(s):", IMPLEMENTER),
    ("Исполнители:", IMPLEMENTER),
    ("Ответственные:", IMPLEMENTER),
    ("İcraçılar:", IMPLEMENTER),
    ("Recommended to:", RECOMMENDED),
    ("Recomended to:", RECOMMENDED),
    ("Recommended:", RECOMMENDED),
    ("Рекомендовано:", RECOMMENDED),
    ("Partners:", PARTNER),
    ("Partner:", PARTNER),
    ("partners :", PARTNER),
    ("Supporting organisations:", PARTNER),
    ("Supporting organizations:", PARTNER),
    ("Supporting  organisations:", PARTNER),   # white space inside a label is any white space
    ("Support:", PARTNER),                     # a "Lead:" line's other half
    ("Appui :", PARTNER),
    ("Co-implementers:", PARTNER),             # not "implementers" inside it
    ("Co-executors:", PARTNER),
    ("Соисполнители:", PARTNER),               # not "исполнители" inside it
    ("СОИСПОЛНИТЕЛИ:", PARTNER),
])
def test_label_role(text, role):
    assert role_of(text) == role


@pytest.mark.parametrize("text", [
    "Ministry of Justice", "Partners", "Lead agency of the sector", "Leaders:", "Partnership:", "Responsibly,",
    "Co-implementers", "Lead-in:",
])
def test_not_a_label(text):
    assert role_of(text) is None


def test_a_lower_case_label_closed_by_a_comma_after_a_word_ends_an_item_of_the_list():
    """"cooperating partners, Transparency International Zambia": "partners," after a word, in lower case, is
    the end of a list's item, not the label "Partners," opening one; at the cell's start, or after a separator,
    it is, and with a colon anywhere."""
    assert [(p.role, p.text) for p in cell_to_role_parts("cooperating partners, Transparency International")] == [
        (IMPLEMENTER, "cooperating partners, Transparency International")]
    assert [(p.role, p.text) for p in cell_to_role_parts("Ministry of Finance; partners, Involve")] == [
        (IMPLEMENTER, "Ministry of Finance;"), (PARTNER, "Involve")]
    assert [(p.role, p.text) for p in cell_to_role_parts("Ministry of Finance Partners: Involve")] == [
        (IMPLEMENTER, "Ministry of Finance"), (PARTNER, "Involve")]


def test_every_label_of_the_vocabulary_reads_as_its_own_role():
    rows = role_labels()
    assert {role for role, _ in rows} == set(ROLES)
    for role, label in rows:
        for written in (f"{label}:", f"{label} :", f"{label},", f"{label.upper()}:", f"{label}:Ministry"):
            match = label_at(written)
            assert match is not None and label_role(match) == role, written
        assert label_at(f"{label}:").group(0) == f"{label}:"   # the whole label, not a shorter one
        assert label[:1].casefold() in label_initials()


def test_cell_with_all_three_roles():
    cell = ("Lead department(s): Cabinet Office, HM Treasury Recommended to: Parliament "
            "Supporting organisations: Involve, Open Rights Group")
    assert cell_to_role_parts(cell) == [
        RolePart(IMPLEMENTER, "Lead department(s):", "Cabinet Office, HM Treasury"),
        RolePart(RECOMMENDED, "Recommended to:", "Parliament"),
        RolePart(PARTNER, "Supporting organisations:", "Involve, Open Rights Group"),
    ]


def test_russian_cell():
    cell = "Исполнители: Министерство юстиции Соисполнители: Министерство финансов Рекомендовано: Парламент"
    assert [(p.role, p.text) for p in cell_to_role_parts(cell)] == [
        (IMPLEMENTER, "Министерство юстиции"),
        (PARTNER, "Министерство финансов"),
        (RECOMMENDED, "Парламент"),
    ]


def test_lead_and_support_lines():
    cell = "Lead: Ministry of Local Government\nSupport: Uganda Law Society, Macmillan Cancer Support"
    assert [(p.role, p.text) for p in cell_to_role_parts(cell)] == [
        (IMPLEMENTER, "Ministry of Local Government"), (PARTNER, "Uganda Law Society, Macmillan Cancer Support")]


def test_unlabelled_head_lists_implementers():
    assert cell_to_role_parts("Ministry of Finance Partners: Involve") == [
        RolePart(IMPLEMENTER, "", "Ministry of Finance"),
        RolePart(PARTNER, "Partners:", "Involve"),
    ]


@pytest.mark.parametrize("cell", [
    "Macmillan Cancer Support, Nuffield Trust",
    "Ministry of Finance, development partners, civil society organisations",
    "Open Government  Partners, Involve",
    "Cancer Research\nSupporting, Involve",
])
def test_a_label_word_ending_a_name_before_a_comma_is_no_label(cell):
    """A label's word after another word across white space alone ends that name ("Macmillan Cancer
    Support,", "development partners,"): only a colon makes it a label there; a comma will not."""
    assert cell_to_role_parts(cell) == [RolePart(IMPLEMENTER, "", cell)]


def test_a_label_before_a_comma_still_opens_a_cell_or_follows_punctuation():
    assert [(p.role, p.label) for p in cell_to_role_parts("Partners, Involve")] == [(PARTNER, "Partners,")]
    assert [(p.role, p.text) for p in cell_to_role_parts("Ministry of Justice; Partners, Involve")] == [
        (IMPLEMENTER, "Ministry of Justice;"), (PARTNER, "Involve")]
    assert [(p.role, p.text) for p in cell_to_role_parts("Ministry of Justice development partners: Involve")] == [
        (IMPLEMENTER, "Ministry of Justice development"), (PARTNER, "Involve")]


def test_longest_label_wins_whatever_its_role(tmp_path, monkeypatch):
    """Where one role's label begins another role's label, the longer one decides (file order does not)."""
    path = tmp_path / "role_labels.csv"
    path.write_text("role,label\nimplementer,Responsible\npartner,Responsible partners\n", encoding="utf-8")
    monkeypatch.setattr(roles, "LABELS_FILE", path)
    for cached in (roles.role_labels, roles._label_groups, roles.label_initials):
        cached.cache_clear()
    try:
        assert [label_role(m) for m in find_labels("Responsible: A Responsible partners: B")] == [IMPLEMENTER, PARTNER]
    finally:
        monkeypatch.undo()
        for cached in (roles.role_labels, roles._label_groups, roles.label_initials):
            cached.cache_clear()


def test_unknown_role_in_the_vocabulary_is_an_error_naming_the_line(tmp_path, monkeypatch):
    path = tmp_path / "role_labels.csv"
    path.write_text("role,label\nimplementer,Implementers\nsponsor,Sponsors\n", encoding="utf-8")
    monkeypatch.setattr(roles, "LABELS_FILE", path)
    roles.role_labels.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"role_labels\.csv:3: unknown role 'sponsor'"):
            roles.role_labels()
    finally:
        monkeypatch.undo()
        roles.role_labels.cache_clear()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_role_parts_are_total(cell):
    parts = cell_to_role_parts(cell)
    assert all(part.role in ROLES for part in parts)
    assert all(label_role(match) in ROLES for match in find_labels(cell))


def test_label_word_count_covers_every_label():
    from normalize.roles import label_word_count
    assert label_word_count() == max(len(label.split()) for _, label in role_labels())
    words = "Supporting civil society organisations: Involve".split()
    assert role_of(" ".join(words[:label_word_count()])) == PARTNER


def one_by_one(text: str) -> list[tuple[int, int, str]]:
    """The labels of `text` as an alternation of every label (longest first) finds them: what the label trie
    must find, much faster."""
    import re
    labels = sorted(role_labels(), key=lambda item: -len(item[1]))
    space = r"\s+"
    alternatives = [f"(?P<l{i}>{space.join(map(re.escape, label.split()))})" for i, (_, label) in enumerate(labels)]
    # A label after a word and white space alone (ending a name) needs its colon; elsewhere a comma will do.
    not_after_word = "".join(rf"(?<![^\W\d_]\s{{{width}}})" for width in range(1, 4))
    labelled = f"(?:{'|'.join(alternatives)})"
    pattern = re.compile(rf"(?<![\w-])(?:{not_after_word}{labelled}\s*[:,]|{labelled.replace('?P<l', '?P<m')}\s*:)",
                         re.IGNORECASE)
    return [(m.start(), m.end(), labels[int(m.lastgroup[1:])][0]) for m in pattern.finditer(text)]


LABEL_PIECES = st.sampled_from(sorted({label for _, label in role_labels()})).flatmap(
    lambda label: st.sampled_from([label, label.upper(), label.lower(), label[:-1], "  ".join(label.split())]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(LABEL_PIECES, st.sampled_from([":", ",", " ", "-", "Ministry", "s", "x:"]),
                          st.text(max_size=4)), max_size=12))
def test_the_label_trie_finds_what_every_label_tried_in_turn_finds(pieces):
    text = "".join(pieces)
    from normalize.roles import role_label_pattern
    assert [(m.start(), m.end(), label_role(m)) for m in role_label_pattern().finditer(text)] == one_by_one(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(LABEL_PIECES, st.sampled_from([": ", ", ", "Ministry of Finance", "and"])), max_size=10))
def test_labels_at_word_starts_are_the_labels_found_at_word_starts(pieces):
    from normalize.roles import labels_at_words
    text = " ".join(" ".join(pieces).split())
    starts = [i for i, ch in enumerate(text) if ch != " " and (i == 0 or text[i - 1] == " ")]
    expected = [m.span() for m in find_labels(text) if m.start() in starts]
    assert [m.span() for m in labels_at_words(text, starts)] == expected


def test_a_remark_after_a_name_that_says_its_role_gives_the_role_and_leaves_the_name():
    """A remark "(по согласованию)" (by its agreement) marks a body the plan cannot bind: it is asked, as a
    body an activity is recommended to. The remark leaves the mention but is still accounted for; a label that names
    the role outranks it, and a remark that says no role stays with its name."""
    from normalize.plan import agency_cell_to_mentions
    from normalize.registry import load_registry

    registry = load_registry()
    mentions, _ = agency_cell_to_mentions(
        "Министерство финансов, Генеральная прокуратура (по согласованию)\nорганы местного самоуправления "
        "(за згодою)\nНациональный банк (по вопросам платежей)", registry)
    assert [(m.role, m.text, m.remark) for m in mentions] == [
        ("implementer", "Министерство финансов", ""),
        ("recommended", "Генеральная прокуратура", "(по согласованию)"),
        ("recommended", "органы местного самоуправления", "(за згодою)"),
        ("implementer", "Национальный банк (по вопросам платежей)", "")]
    labelled, _ = agency_cell_to_mentions("Партнеры: Генеральная прокуратура (по согласованию)", registry)
    assert [(m.role, m.text) for m in labelled] == [("partner", "Генеральная прокуратура (по согласованию)")]
