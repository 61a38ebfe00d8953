"""Header labels, role labels and period words of languages whose plans printed forms the vocabularies lacked:
each is data (extract/headers.csv, normalize/role_labels.csv, normalize/period_words.csv)."""
from __future__ import annotations

from extract.vocabulary import split_header_cell
from normalize.periods import period_form


def test_albanian_indefinite_plural_labels_name_the_partners_and_agencies_columns():
    # "Institucione partnere" (partner institutions, indefinite) was unknown beside "Institucionet partnere":
    # the partners column was an extra field and every partner was lost.
    assert split_header_cell("Institucione partnere")[0] == "partners"
    assert split_header_cell("Institucione përgjegjëse")[0] == "agencies"


def test_an_albanian_quarter_abbreviated_tm_reads_as_a_quarter():
    assert period_form("TM IV 2025") == "quarter"
