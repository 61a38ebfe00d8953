"""Rejoining a word that a column edge cut in two, judged by the document's own words (`normalize/words.py`)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.words import Vocabulary, join_cut_word, rejoin_line_breaks, rejoin_uncached

ENGLISH = Vocabulary.from_texts([
    "Developing the open data portal and publishing the budget of the ministries",
    "Improving transparency in public procurement, and training civil servants in access to information",
])
RUSSIAN = Vocabulary.from_texts([
    "Проведение публичных обсуждений проектов нормативных правовых актов",
    "Создание открытого реестра государственных закупок, Обеспечение публикации отчетов",
    "Размещение сведений о закрытии конкурсов, Внедрение механизма обратной связи",
])
AZERBAIJANI = Vocabulary.from_texts([
    "Dövlət orqanlarının internet saytlarında açıq məlumatların dərc edilməsinin təmin edilməsi",
    "Vətəndaşların müraciətlərinə baxılmasının elektron qaydada izlənilməsi",
])


def joined(left: str, right: str, vocabulary: Vocabulary) -> str | None:
    found = rejoin_uncached(left, right, vocabulary)
    return found[0] if found else None


def test_halves_that_are_no_words_of_the_document_are_one_cut_word():
    assert joined("developmen", "t", ENGLISH) == "developmen" + "t"
    assert joined("Transpa", "rency", ENGLISH) == "Transparency"


def test_two_long_words_printed_once_stay_two_when_the_documents_words_end_and_begin_as_they_do():
    """Most Russian words are printed once: "-ие" ends words and "за-" begins them in this document."""
    assert joined("Противодействие", "закупках", RUSSIAN) is None


def test_a_word_ending_on_the_letter_the_next_word_begins_with_is_not_taken_for_a_doubled_edge_letter():
    """"expand" + "digital": "digital" is a word the document prints; the shared "d" is not a letter the edge
    doubled ("expandigital")."""
    vocabulary = Vocabulary.from_texts(["Expanding the digital services", "digital portal and digital signature"])
    assert joined("expand", "digital", vocabulary) is None


def test_a_long_half_that_no_word_of_the_document_begins_as_is_the_rest_of_a_cut_word():
    """No word begins "kç-": "iştira" + "kçılığın" is one word, though both halves are long."""
    assert joined("iştira", "kçılığın", AZERBAIJANI) == "iştirakçılığın"


def test_a_preposition_of_one_letter_is_a_word_but_another_lone_letter_is_a_piece():
    """One-letter words are the phrase words of one letter (`phrase_words.csv`: "a", "и", "в", "о")."""
    vocabulary = Vocabulary.from_texts(["сведений о закупках е"])
    assert (vocabulary.count("о"), vocabulary.count("е")) == (1, 0)


def test_a_portuguese_preposition_of_one_letter_after_a_word_the_edge_parted_from_it_is_a_word_of_its_own():
    """"Acesso" | "à informação": "à" is a Portuguese phrase word (`phrase_words.csv`), no piece of a cut word,
    so the heading keeps two words ("Acessoà" was read)."""
    vocabulary = Vocabulary.from_texts(["Acesso à informação e participação do cidadão",
                                        "Elaborar o regulamento da lei do direito à informação"])
    assert vocabulary.count("à") == 2 and joined("Acesso", "à", vocabulary) is None


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzабвгдеиклмнопрстуıəşç-,", min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(WORDS, WORDS)
def test_a_rejoined_word_is_made_of_both_halves(left: str, right: str):
    """Whatever the halves, the rejoined word is the two halves together, or with the letter the edge
    doubled shown once."""
    found = joined(left, right, ENGLISH)
    assert found is None or found in (left + right, left[:-1] + right)


HYPHENATED = Vocabulary.from_texts([
    "Strengthening the moni- toring of the institutional frame- work of state- owned enterprises",
    "Publishing the framework of the state budget, owned by the ministry; anti- corruption training",
    "Развитие социально- экономической сферы и исполни- тельных органов",
])


@pytest.mark.parametrize(("text", "expected"), [
    # A typesetter's break: the second part is no word of the document, or the document writes it whole.
    ("the moni- toring of", "the monitoring of"),
    ("institutional frame- work", "institutional framework"),
    ("исполни- тельных органов", "исполнительных органов"),
    # A compound: both parts are the document's words, or its first part takes a hyphen.
    ("state- owned enterprises", "state- owned enterprises"),
    ("anti- corruption training", "anti- corruption training"),
    ("социально- экономической сферы", "социально- экономической сферы"),
    # A capital, a number or a suspended hyphen after the break is never joined.
    ("Non- Governmental", "Non- Governmental"),
    ("2020- 2022", "2020- 2022"),
    ("short- and long-term", "short- and long-term"),
    # ... in any language whose conjunction is data ("tele- and radio broadcasts", Kyrgyz).
    ("теле- жана радиоберүүлөрдү", "теле- жана радиоберүүлөрдү"),
])
def test_a_word_a_line_broke_at_a_hyphen_is_made_whole_unless_it_is_a_compound(text: str, expected: str) -> None:
    assert rejoin_line_breaks(text, HYPHENATED) == expected


def test_a_word_broken_before_its_last_letter_without_a_hyphen_is_made_whole_where_the_document_prints_it():
    """The renderer broke "поступивших" where its cell ran out of room, with no hyphen: "поступивши" | "х".
    A lone letter that is no word by itself ends the word before it where the document prints the whole
    word elsewhere; a letter that is a word ("в", "и"), or a whole word the document never prints, stays."""
    vocabulary = Vocabulary.from_texts(["впервые поступивших на службу", "Количество поступивши х обращений"])
    assert rejoin_line_breaks("Количество поступивши х обращений", vocabulary) == "Количество поступивших обращений"
    assert rejoin_line_breaks("участие в работе и обучение", vocabulary) == "участие в работе и обучение"
    assert rejoin_line_breaks("пункт б настоящего плана", vocabulary) == "пункт б настоящего плана"


def test_a_one_letter_conjunction_after_a_line_end_stays_a_word_though_the_document_prints_the_glued_form():
    # "objavljen | i ažuriran" (published and updated) read "objavljeni ažuriran": "objavljeni" is a word the
    # plan prints too, and "i" (and), printed alone again and again, was not known for a word of its own.
    vocabulary = Vocabulary.from_texts(["Podaci objavljeni na portalu i u bazi", "Vodič izrađen i objavljen",
                                        "Skup podataka objavljen i ažuriran"])
    assert rejoin_line_breaks("Skup podataka objavljen i ažuriran", vocabulary) == "Skup podataka objavljen i ažuriran"


def test_a_cut_word_keeps_a_letter_printed_twice_where_the_documents_words_double_it():
    """A column edge through "maliyyəsinin" leaves "maliy" | "yəsinin": the letter at the cut is the word's
    own second "y" (the document doubles it in other words), not one letter shown on both sides of the edge,
    as in "tran" | "nsparency" (the document never writes "nns")."""
    vocabulary = Vocabulary.from_texts(["fəaliyyəti fəaliyyət maliyyə hüquqi fəaliyyətinin şəffaflığı",
                                        "transport translation sponsors transfer responsibility"])
    assert join_cut_word("maliy", "yəsinin", vocabulary) == "maliyyəsinin"
    assert join_cut_word("tran", "nsparency", vocabulary) == "transparency"


def test_a_word_opening_on_a_dotted_capital_i_is_the_word_the_document_prints_in_lower_case():
    """"İctimai" is the "ictimai" the document prints elsewhere (case-folding "İ" leaves a combining dot
    after the "i"): a known word, so "İctimai" | "iştirakçılıq" at a column edge is two words, not one word
    whose "i" the edge printed twice."""
    vocabulary = Vocabulary.from_texts([
        "3. İctimai iştirakçılıq",
        "Bələdiyyə qərarlarının layihələri üzrə ictimai dinləmələrin keçirilməsi",
        "ictimai şuraların yaradılması",
    ])
    assert vocabulary.count("İctimai") == vocabulary.count("ictimai") == 3
    assert joined("İctimai", "iştirakçılıq", vocabulary) is None


def test_a_half_opening_on_a_doubled_letter_no_word_begins_with_is_no_word_though_the_edges_cut_it_twice():
    """A heading cut "Audit commit" | "ttee and ethics commit" | "ttee": the edge doubled the straddling
    "t", so both right halves open on "tt", as no word of the document does; printed twice by the cuts,
    "ttee" is still no word of its own, and "commit" + "ttee" is "committee" (printed nowhere else)."""
    vocabulary = Vocabulary.from_texts(["Audit commit ttee and ethics commit ttee",
                                        "ministries commit to submitted reports, written and settled"])
    assert joined("commit", "ttee", vocabulary) == "committee"


def test_only_the_last_of_words_joined_by_a_slash_is_judged_as_a_cut_words_half():
    """"ATR/BPN" + "Juni" is no cut word: the edge could only have cut "BPN", and "BPN" + "Juni" is none (the
    core of the whole token, "ATR", is a word of the document, which once made the join look known)."""
    vocabulary = Vocabulary.from_texts(["Kementerian Agraria (ATR/BPN) Juni 2026", "ATR/BPN Maret 2025",
                                        "perizinan kabupaten/kota"])
    assert joined("ATR/BPN", "Juni", vocabulary) is None
    assert joined("kabupaten/ko", "ta", vocabulary) == "kabupaten/kota"


def test_a_lone_letter_counts_as_a_word_only_where_the_document_prints_it_alone_again_and_again():
    # "Sudjelovanje građana i | otvorena lokalna vlast": the Croatian "i" (and) at a column's edge was taken
    # for a cut word's piece and glued on ("iotvorena"); a letter printed alone once is still a cut's piece.
    croatian = Vocabulary.from_texts(["Objava i provedba", "izvješća i preporuka", "građana i otvorena vlast"])
    assert croatian.count("i") == 3
    english = Vocabulary.from_texts(["Rebuilding with i", "ntegrity of courts"])
    assert english.count("i") == 0


def test_a_word_in_capitals_cut_at_an_edge_goes_on_in_capitals_or_with_its_plural_s():
    vocabulary = Vocabulary.from_texts(["Partners: CSOs, FINANCAT PUBLIKE", "Trajnimi i koordinatorëve"])
    assert rejoin_uncached("FIN", "Trajnimi", vocabulary) is None
    assert rejoin_uncached("FIN", "ANCAT", vocabulary)[0] == "FINANCAT"
    assert rejoin_uncached("CSO", "s", vocabulary)[0] == "CSOs"


def test_a_heading_rejoins_a_word_an_edge_cut_where_the_straddling_letter_shows_twice():
    """A heading in a band of its own runs on over the column edges: "Против" | "водействие коррупции ..."
    is one word cut there, its "в" printed on both sides, though "против" is a word of its own (a common word
    the vocabulary knows); a word the edge did not cut stays apart ("Open" | "data")."""
    from normalize.header_parts import parts_to_title
    from normalize.words import Vocabulary
    row = [["Против"], ["водействие", "коррупции", "и", "доб"], ["бросовестность"], ["Open"], ["data", "portal"]]
    vocabulary = Vocabulary.from_texts(" ".join(words) for words in row)
    assert parts_to_title(row, [(0, 0, 1), (1, 0, 4), (2, 0, 1)], vocabulary) == \
        "Противодействие коррупции и добросовестность"
    assert parts_to_title(row, [(3, 0, 1), (4, 0, 2)], vocabulary) == "Open data portal"


def test_a_years_range_cut_at_its_dash_is_no_hyphenated_word():
    """"2025-" | "Açıq ...": a period's range cut at its dash before the next column's text is no word cut at
    its hyphen ("state-" + "owned" still is)."""
    from normalize.words import Vocabulary, rejoin_uncached
    vocabulary = Vocabulary.from_texts(["2025- 2027-ci illər", "Açıq məlumatlar", "state- owned"])
    assert rejoin_uncached("2025-", "Açıq", vocabulary) is None
    assert rejoin_uncached("state-", "owned", vocabulary) is not None


def test_a_heading_atop_a_row_ends_in_the_period_column_where_the_rows_period_opens():
    """"... artırılma" | "sı 2025- 2027-ci illər" | "Açıq məlumatlar ...": the heading's part in the period
    column ends before the row's period, though no cut word shows where; the column after it is the row's."""
    from normalize.atop import trace_header_atop_row
    from normalize.header_parts import parts_to_title
    from normalize.words import Vocabulary
    row = [["2.", "Döv", "2.1"], ["vlət", "orqanlarının", "fəaliyyətində", "Dövlət", "orqanlarının", "internet"],
           ["ə", "şəffaflığın", "artırılma", "Rəqəmsal", "İnkişaf", "Nazirliyi"], ["sı", "2025-", "2027-ci", "illər"],
           ["Açıq", "məlumatlar", "portalında"]]
    vocabulary = Vocabulary.from_texts(" ".join(words) for words in row)
    trace = trace_header_atop_row(row, 0, {}, vocabulary, period_column=3)
    assert trace.parts[-1] == (3, 0, 1)
    assert parts_to_title(row, list(trace.parts), vocabulary).endswith("şəffaflığın artırılması")

