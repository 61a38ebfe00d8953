"""Agencies named once per commitment, in a key/value block above its milestones table (the OGP template):
each block's values are the agencies, in the role their keys name, of the activities of the table under it,
an activity's own agency column winning. Each test draws the plan with reportlab's platypus."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.pdf import pdf_to_text, read_pdf
from extract.pdf.keyvalue import key_role
from normalize.labelled import BLOCK_AGENCIES, BLOCK_LABEL
from normalize.plan import OUTSIDE_TABLES, document_to_plan
from normalize.registry import load_registry

PROBLEM = ("The public cannot follow how the money is spent, and the reports that are published come late and in "
           "forms that are hard to read for anyone outside the ministries.")
#: Two commitments: heading, key/value rows (the second key of the first wraps in its narrow column), milestones.
COMMITMENTS = [
    ("Commitment 1: Open budgets",
     [("Lead implementing agency", "Ministry of Finance, Ministry of Justice"),
      ("Other actors involved – civil society, private sector", "Transparency International"),
      ("Period", "June 2025 – June 2027"),
      ("Problem addressed", PROBLEM)],
     [("1.1", "Publish the budget of every ministry in an open format", "June 2025", "June 2026"),
      ("1.2", "Hold public hearings on the draft budget in every region", "January 2026", "June 2027")]),
    ("Commitment 2: Open courts",
     [("Lead implementing agency", "Supreme Court"),
      ("Other actors involved", "Ministry of Justice"),
      ("Period", "March 2025 – December 2026")],
     [("2.1", "Publish the decisions of the courts in a searchable database", "March 2025", "June 2026"),
      ("2.2", "Train the judges on the anonymisation of court decisions", "June 2026", "December 2026")]),
]
MILESTONES = ("No.", "Milestone activity with a verifiable deliverable", "Start date", "End date")


def commitment_blocks_plan(path: Path, commitments: list, labels: tuple[str, ...] = MILESTONES,
                           widths: tuple[float, ...] = (40, 300, 80, 80), ruled: bool = True,
                           milestones_ruled: bool = True, page_each: bool = True, rows_ruled: bool = False) -> Path:
    """Each commitment on a page of its own (or one under the other, `page_each` False): its heading, its
    key/value block (keys in a narrow column, ruled as a grid or not ruled at all), then its milestones table
    (ruled as a grid, or with no rules between its columns and its header row shaded dark with white labels:
    a rule under each row where `rows_ruled`, else no rules at all)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as FlowTable
    from reportlab.platypus import TableStyle

    styles = getSampleStyleSheet()
    grid = [("GRID", (0, 0), (-1, -1), 0.4, colors.black)] if ruled else []
    story: list = [Paragraph("National Action Plan 2025-2027", styles["Title"]),
                   Paragraph("This plan was written with civil society over eight months of meetings. " * 3,
                             styles["Normal"]), PageBreak()]
    for heading, block, rows in commitments:
        keys = FlowTable([[Paragraph(text, styles["Normal"]) for text in row] for row in block], colWidths=[140, 360])
        keys.setStyle(TableStyle([*grid, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        header_style = styles["Normal"].clone("white", textColor=colors.white)
        table = FlowTable([[Paragraph(text, header_style if k == 0 and not milestones_ruled else styles["Normal"])
                            for text in row] for k, row in enumerate([labels, *rows])], colWidths=list(widths))
        below = [("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.black)] if rows_ruled else []
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black) if milestones_ruled else
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.darkblue),
                                   *below, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [Paragraph(heading, styles["Heading2"]), keys, Spacer(1, 10), table,
                  PageBreak() if page_each else Spacer(1, 20)]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)
    return path


@pytest.mark.parametrize("ruled", [True, False])
def test_a_commitment_blocks_agencies_are_its_milestones_implementers_and_partners(tmp_path, ruled):
    """The milestones table has no agency column: the block above it names them once, "Lead implementing
    agency" the implementers, "Other actors involved" the partners, for every milestone under it. The key
    wrapped in its narrow column ("... civil society," over "private sector") beside a one-line value is a
    key, none of its words an agency; the keys and values are placed, the block's other rows ("Period",
    "Problem addressed") are text outside the tables, nothing is unplaced; each mention remembers the line
    and page of its value; the table's profile says the agencies came from the block (every milestone was
    flagged agencies_missing, the blocks' words unplaced)."""
    pdf = commitment_blocks_plan(tmp_path / "p.pdf", COMMITMENTS, ruled=ruled)
    document = read_pdf(pdf)
    read, accounting = document_to_plan(document, "p", load_registry(), keep_accounting=True)
    assert [(a.activity_id, a.names("implementer"), a.names("partner")) for a in read.activities] == [
        ("1.1", ("Ministry of Finance", "Ministry of Justice"), ("Transparency International",)),
        ("1.2", ("Ministry of Finance", "Ministry of Justice"), ("Transparency International",)),
        ("2.1", ("Supreme Court",), ("Ministry of Justice",)),
        ("2.2", ("Supreme Court",), ("Ministry of Justice",))]
    assert not any("agencies_missing" in a.flags for a in read.activities)
    assert not any(word in m.text for a in read.activities for m in a.mentions for word in ("private", "sector"))
    assert [(v.role, v.label) for v in document.labelled][:2] == [
        ("implementer", "Lead implementing agency"),
        ("partner", "Other actors involved – civil society, private sector")]
    text = pdf_to_text(document).splitlines()
    first = read.activities[0].mentions[0]
    assert first.source is not None and first.source.page == 2
    assert "Ministry of Finance" in text[first.source.line - 1]
    places = {(line, word): place for line, word, place in accounting.places}
    assert places[(first.source.line, "Lead")] == BLOCK_LABEL
    assert places[(first.source.line, "Finance,")] == BLOCK_AGENCIES
    assert {place for (line, word), place in places.items() if word in ("private", "sector")} == {BLOCK_LABEL}
    assert {place for (line, word), place in places.items()
            if word in ("Problem", "addressed", "Period")} == {OUTSIDE_TABLES}
    assert read.unplaced == () and accounting.missing == ()
    assert read.tables[0].labelled == (
        ("Lead implementing agency", "implementer"),
        ("Other actors involved – civil society, private sector", "partner"), ("Other actors involved", "partner"))


def test_an_agency_column_of_the_milestones_table_wins_over_the_block_above_it(tmp_path):
    """Where the milestones table has an agency column of its own, its cells name each milestone's agencies
    and the block above gives them nothing: its words are text outside the tables."""
    commitments = [(heading, block, [(n, title, "State Statistics Committee", end) for n, title, _, end in rows])
                   for heading, block, rows in COMMITMENTS]
    pdf = commitment_blocks_plan(tmp_path / "p.pdf", commitments, ("No.", "Milestone", "Responsible", "End date"))
    read, accounting = document_to_plan(read_pdf(pdf), "p", load_registry(), keep_accounting=True)
    assert [(a.activity_id, a.names("implementer"), a.names("partner")) for a in read.activities] == [
        (n, ("State Statistics Committee",), ()) for n in ("1.1", "1.2", "2.1", "2.2")]
    assert not any(place.place in (BLOCK_LABEL, BLOCK_AGENCIES) for place in accounting.places)
    assert read.unplaced == () and not read.tables[0].labelled


@pytest.mark.parametrize("key, role", [
    ("Lead implementing agency/actor", "implementer"), ("Lead implementing agency", "implementer"),
    ("Other actors involved – state actors", "partner"), ("Ведущее ведомство-исполнитель", "implementer"),
    ("Другие участники – гражданское общество", "partner"), ("Period", None), ("Problem addressed", None)])
def test_a_blocks_key_names_the_role_of_its_agencies_in_english_and_russian(key, role):
    """The OGP template's keys, in English and Russian, name implementers or partners (whatever follows the
    label, "– state actors"); a period or the problem addressed names none."""
    assert key_role(key) == role
