"""Columns of tick marks (a Gantt's "X" under "1º sem" | "2º sem", grouped under years) are fields, never the
indicator nor the title, whatever the header says of the other columns."""
from __future__ import annotations

from extract.content import name_by_content
from extract.model import Column


def test_a_gantt_column_of_tick_marks_is_never_the_indicator_when_the_milestones_name_the_activities():
    columns = (Column("number", "Nº", "label"), Column("indicator", "Marco", "label"),
               Column("agencies", "Órgão responsável", "label"), Column("period", "Prazo", "label"),
               Column("extra", "1º sem", "label"), Column("extra", "2º sem", "label"))
    rows = [["1.1", "Publicar o orçamento federal em linguagem cidadã e em formato aberto", "CGU", "Dez/2024", "X", "X"],
            ["1.2", "Realizar o Plano Plurianual Participativo com plenárias nos estados", "MPO", "Jun/2024", "X", ""],
            ["1.3", "Disponibilizar painel de acompanhamento das emendas parlamentares", "CGU; MPO", "Dez/2025", "",
             "X"]]
    named = name_by_content(columns, rows)
    assert [column.meaning for column in named] == ["number", "title", "agencies", "period", "extra", "extra"]
