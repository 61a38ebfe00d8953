"""Acronyms a plan defines ("Full Name (ACR)"): a bare "ACR" of the same plan names the same agency."""
from __future__ import annotations

import pytest

from normalize.acronyms import AMBIGUOUS_FLAG, acronym_ties, definition, spells
from normalize.matching import match_mentions
from normalize.registry import Agency, Registry
from pipeline import run_sources
from plans import plan_text, write_plan

NO_AGENCIES = Registry(())


def ids_in_one_plan(mentions: list[str], registry: Registry = NO_AGENCIES) -> dict[str, str]:
    """Each mention's agency id, the mentions printed by one plan."""
    return {m.mention: m.agency_id for m in match_mentions(mentions, registry, acronym_ties([mentions]))}


@pytest.mark.parametrize(("acronym", "name"), [
    ("inage", "Instituto Nacional de Governo Electrónico"),   # two letters from one word, "de" giving none
    ("rppa", "Rwanda Public Procurement Authority"),
    ("mof", "Ministry of Finance"),                            # a function word giving its initial
    ("eacc", "Ethics and Anti-Corruption Commission"),
    ("мф", "Министерство финансов"),
])
def test_an_acronym_spells_the_beginnings_of_its_names_words(acronym, name):
    assert spells(acronym, name)


@pytest.mark.parametrize(("acronym", "name"), [
    ("who", "Ministry of Health"), ("mfa", "Ministry of Finance"), ("undp", "Ministry of Justice"),
    ("fn", "National Finance"),                   # the first letter comes from the first word
    ("conagua", "National Water Commission"),     # a translated name: no letter ties them
])
def test_a_bracket_that_does_not_spell_the_name_is_no_acronym_of_it(acronym, name):
    assert not spells(acronym, name)


def test_a_bare_acronym_joins_the_name_the_plan_prints_it_after():
    """"INAGE" and "Instituto Nacional de Governo Electrónico (INAGE)" were two agencies: the initials of the name
    are "INGE", so matching's initials rule did not tie them, though the plan says they are one."""
    ids = ids_in_one_plan(["Instituto Nacional de Governo Electrónico (INAGE)", "INAGE", "Observatório do Meio Rural"])
    assert ids["INAGE"] == ids["Instituto Nacional de Governo Electrónico (INAGE)"]
    assert ids["INAGE"] != ids["Observatório do Meio Rural"]


def test_a_name_in_another_script_is_tied_to_its_latin_acronym_as_printed():
    """"UNDP" and "გაეროს განვითარების პროგრამა (UNDP)" were two agencies: no letter compares across scripts."""
    ids = ids_in_one_plan(["გაეროს განვითარების პროგრამა (UNDP)", "UNDP", "საჯარო სამსახურის ბიურო"])
    assert ids["UNDP"] == ids["გაეროს განვითარების პროგრამა (UNDP)"]
    assert definition("საქართველოს სტატისტიკის ეროვნული სამსახური (საქსტატი)") is None  # no acronym in brackets


def test_a_bare_acronym_joins_the_registry_agency_its_definition_matched():
    registry = Registry((Agency("ministry_of_finance", "Ministry of Finance", "body"),))
    matches = {m.mention: m for m in match_mentions(
        ["Ministry of Finance (MoF)", "MoF"], registry, acronym_ties([["Ministry of Finance (MoF)", "MoF"]]))}
    assert matches["MoF"].agency_id == "ministry_of_finance"
    assert matches["MoF"].match_method == "fuzzy"


def test_two_bodies_with_their_own_acronyms_stay_apart():
    ids = ids_in_one_plan(["Ministry of Finance (MoF)", "Ministry of Foreign Affairs (MFA)", "MoF", "MFA"])
    assert ids["MoF"] == ids["Ministry of Finance (MoF)"]
    assert ids["MFA"] == ids["Ministry of Foreign Affairs (MFA)"]
    assert ids["MoF"] != ids["MFA"]


def test_a_bracket_that_does_not_spell_a_latin_name_ties_nothing():
    """"Ministry of Health (WHO)" may name a supporter in brackets: a bare "WHO" is not the ministry."""
    assert acronym_ties([["Ministry of Health (WHO)", "WHO"]]) == {}
    ids = ids_in_one_plan(["Ministry of Health (WHO)", "WHO"])
    assert ids["WHO"] != ids["Ministry of Health (WHO)"]


def test_a_definition_counts_only_in_the_plan_that_prints_it():
    assert acronym_ties([["Public Data Office (PDO)"], ["PDO"]]) == {}
    assert acronym_ties([["Public Data Office (PDO)", "PDO"]]) == {"PDO": frozenset({"Public Data Office (PDO)"})}


def test_an_acronym_the_plan_defines_for_two_bodies_stays_apart_and_is_flagged(tmp_path):
    """"Agency for Digital Services (ADS)" and "Authority for Data Security (ADS)": a bare "ADS" names neither
    for sure, so it stays an agency of its own and its activity says why."""
    text = plan_text(
        ["1.", "Open the register of services", "Register opened", "Agency for Digital Services (ADS)", "2021"],
        ["2.", "Audit the security of data", "Audit done", "Authority for Data Security (ADS)", "2021"],
        ["3.", "Publish the data catalogue", "Catalogue published", "ADS", "2022"],
    )
    result = run_sources([write_plan(tmp_path, "ads-plan", text)])
    [plan] = result.plans
    links = {row["mention"]: row["agency_id"] for row in result.tables.links}
    assert len({links["ADS"], links["Agency for Digital Services (ADS)"], links["Authority for Data Security (ADS)"]}) == 3
    assert [AMBIGUOUS_FLAG in activity.flags for activity in plan.activities] == [False, False, True]
    assert "ADS" in {row["mention"] for row in result.review}


def test_a_plural_acronym_joins_the_name_its_initials_spell():
    """"CSOs" and "Civil Society Organisations" were two agencies: the small "s" of the plural made "CSOs" no
    acronym, so matching's initials rule never compared it with the name."""
    ids = {m.mention: m.agency_id for m in match_mentions(["Civil Society Organisations", "CSOs", "CSO"], NO_AGENCIES)}
    assert ids["CSOs"] == ids["CSO"] == ids["Civil Society Organisations"]


def test_an_acronym_no_initials_give_joins_the_one_name_it_spells():
    """"SENAC" and "Secretaría Nacional Anticorrupción" were two agencies, printed apart with no definition: the
    initials of the name are "SNA"; the acronym takes two letters of two words (SE-NA-C)."""
    mentions = ["Secretaría Nacional Anticorrupción", "SENAC", "Ministerio de Tecnologías de la Información y Comunicación",
                "MITIC", "Secretaría de la Función Pública"]
    ids = {m.mention: m.agency_id for m in match_mentions(mentions, NO_AGENCIES)}
    assert ids["SENAC"] == ids["Secretaría Nacional Anticorrupción"]
    assert ids["MITIC"] == ids["Ministerio de Tecnologías de la Información y Comunicación"]
    assert len(set(ids.values())) == 3
    # Spelling two names, it joins neither.
    ids = {m.mention: m.agency_id for m in match_mentions(
        ["Secretaría Nacional Anticorrupción", "Servicio Nacional de Catastro", "SENAC"], NO_AGENCIES)}
    assert len(set(ids.values())) == 3


def test_a_conjunction_after_an_acronym_that_is_the_whole_first_name_parts_two_bodies():
    """"SAT y UIF", "SABG y Secretaría de Bienestar": an acronym alone, then a conjunction and an acronym or a
    name opening on the word for its kind, is two bodies; a name holding an acronym and a conjunction stays
    one ("ICT and Innovation Authority", "Ministry of Education and ICT")."""
    from normalize.agency_lists import split_agency_list
    from normalize.registry import load_registry
    registry = load_registry()
    assert split_agency_list("SAT y UIF, SABG e INEGI", registry) == ["SAT", "UIF", "SABG", "INEGI"]
    assert split_agency_list("SABG y Secretaría de Bienestar", registry) == ["SABG", "Secretaría de Bienestar"]
    assert split_agency_list("ICT and Innovation Authority", registry) == ["ICT and Innovation Authority"]
    assert split_agency_list("Ministry of Education and ICT", registry) == ["Ministry of Education and ICT"]
