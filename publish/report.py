"""report.html: a page a person reads to judge a run, offline (inline CSS and SVG, nothing fetched).

Per plan: the counts, a picture of who is responsible for what (agencies by section, and how many
activities each implements or is recommended), every flag with its activity and source lines, and the
agency review queue; then the failed documents and the sources. All text is escaped; the page is the same
bytes for the same input.
"""
from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass
from collections.abc import Iterator
from pathlib import Path

from extract.manifest import Source
from extract.model import TableProfile
from normalize.roles import IMPLEMENTER, RECOMMENDED
from normalize.tables import Tables

from .dictionary import (DATASET_DESCRIPTION, DATASET_TITLE, FLAG_MEANINGS, LICENSE_NAME, PlanCounts,
                         activity_flags, plan_counts, plan_titles)

REPORT_NAME = "report.html"

STYLE = """
body { font-family: sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #1a1a1a; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { margin-top: 1.5em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.n { text-align: right; }
code { font-family: monospace; } .muted { color: #666; }
svg text { font-family: sans-serif; font-size: 11px; fill: #1a1a1a; }
"""

# The responsibility chart's geometry, in pixels.
NAME_WIDTH = 320
NAME_CHARS = 52
CELL = 24
ROW = 18
HEADER = 42
GAP = 20
BAR_WIDTH = 150
LEGEND = 34
HEAT_COLOUR = "#2b6cb0"
IMPLEMENTER_COLOUR = "#2f855a"
RECOMMENDED_COLOUR = "#d69e2e"


def esc(value: object) -> str:
    """Text safe in HTML content and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def html_table(header: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset()) -> str:
    """A table; cells are HTML already escaped by the caller, `numeric` columns are right-aligned."""
    head = "".join(f"<th>{esc(name)}</th>" for name in header)
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
                         for i, cell in enumerate(row)) + "</tr>\n"
        for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n"


# ----------------------------------------------------------------------------- who is responsible for what

@dataclass(frozen=True)
class AgencyLoad:
    """How many activities of a plan name one agency: by section, and by role."""

    agency_id: str
    name: str
    by_section: dict[str, int]
    implementer: int
    recommended: int
    total: int


def section_label(activity: dict) -> str:
    section = activity.get("section_no")
    return "?" if section is None or section == "" else str(section)


def plan_sections(activities: list[dict]) -> list[tuple[str, str]]:
    """(label, title) of each section of a plan, by number; a section without a number comes last."""
    sections: dict[str, str] = {}
    for activity in activities:
        label = section_label(activity)
        if not sections.get(label):
            sections[label] = activity.get("section_title") or ""
    order = sorted(sections, key=lambda label: (label == "?", int(label) if label.isdigit() else 0, label))
    return [(label, sections[label]) for label in order]


def agency_loads(activities: list[dict], links: list[dict]) -> list[AgencyLoad]:
    """Each agency a plan names, the most named first (then by name)."""
    section_of = {a["activity_id"]: section_label(a) for a in activities}
    names: dict[str, str] = {}
    named: dict[str, set[str]] = defaultdict(set)
    by_role: dict[tuple[str, str], set[str]] = defaultdict(set)
    for link in links:
        agency_id, activity_id = link["agency_id"], link["activity_id"]
        names.setdefault(agency_id, link.get("agency_name") or agency_id)
        named[agency_id].add(activity_id)
        by_role[agency_id, link["role"]].add(activity_id)
    loads = []
    for agency_id, activity_ids in named.items():
        by_section: dict[str, int] = defaultdict(int)
        for activity_id in activity_ids:
            by_section[section_of.get(activity_id, "?")] += 1
        loads.append(AgencyLoad(agency_id, names[agency_id], dict(by_section),
                                len(by_role[agency_id, IMPLEMENTER]), len(by_role[agency_id, RECOMMENDED]),
                                len(activity_ids)))
    return sorted(loads, key=lambda load: (-load.total, load.name, load.agency_id))


MAX_SECTIONS = 60


def short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def svg_text(x: float, y: float, text: str, anchor: str = "start", tooltip: str = "") -> str:
    title = f"<title>{esc(tooltip)}</title>" if tooltip else ""
    return f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}">{title}{esc(text)}</text>'


def heat_cell(x: float, y: float, count: int, most: int, tooltip: str) -> str:
    """One cell of the heat-map: darker for more activities, the count written in it."""
    if not count:
        return (f'<rect x="{x:.0f}" y="{y:.0f}" width="{CELL - 2}" height="{ROW - 2}" fill="none" '
                f'stroke="#eee"/>')
    opacity = 0.2 + 0.8 * count / most
    fill = "#fff" if opacity > 0.6 else "#1a1a1a"
    return (f'<g><title>{esc(tooltip)}</title><rect x="{x:.0f}" y="{y:.0f}" width="{CELL - 2}" '
            f'height="{ROW - 2}" fill="{HEAT_COLOUR}" fill-opacity="{opacity:.2f}"/>'
            f'<text x="{x + (CELL - 2) / 2:.0f}" y="{y + ROW - 6:.0f}" text-anchor="middle" '
            f'style="fill: {fill}">{count}</text></g>')


def bar(x: float, y: float, count: int, most: int, colour: str, tooltip: str) -> str:
    """A horizontal bar, its length the count's share of the largest, the count written after it."""
    length = (BAR_WIDTH - 30) * count / most if most else 0
    return (f'<g><title>{esc(tooltip)}</title><rect x="{x:.0f}" y="{y:.0f}" width="{length:.1f}" '
            f'height="{ROW - 4}" fill="{colour}"/>'
            f'{svg_text(x + length + 4, y + ROW - 6, str(count))}</g>')


def responsibility_svg(plan_id: str, activities: list[dict], links: list[dict]) -> str:
    """Agencies (rows) by section (columns), then bars of the activities each implements or is recommended."""
    sections = plan_sections(activities)
    if len(sections) > MAX_SECTIONS:
        # A heat-map of hundreds of sections says nothing a reader can see; the bars still do.
        sections = []
    loads = agency_loads(activities, links)
    most_cell = max((n for load in loads for n in load.by_section.values()), default=1)
    most_bar = max((max(load.implementer, load.recommended) for load in loads), default=1)
    bars_x = NAME_WIDTH + CELL * len(sections) + GAP
    width = bars_x + 2 * BAR_WIDTH + GAP
    height = HEADER + ROW * len(loads) + LEGEND
    parts = [f'<svg width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-{esc(plan_id)}">',
             f'<title id="chart-{esc(plan_id)}">Who is responsible for what in {esc(plan_id)}</title>',
             svg_text(0, HEADER - 8, "agency"),
             svg_text(NAME_WIDTH, 12, "activities by section"),
             svg_text(bars_x, HEADER - 8, "implementer"),
             svg_text(bars_x + BAR_WIDTH, HEADER - 8, "recommended to")]
    for i, (label, title) in enumerate(sections):
        x = NAME_WIDTH + CELL * i + (CELL - 2) / 2
        parts.append(svg_text(x, HEADER - 8, label, "middle", f"section {label}: {title}" if title else ""))
    for row, load in enumerate(loads):
        y = HEADER + ROW * row
        parts.append(svg_text(0, y + ROW - 6, short(load.name, NAME_CHARS), tooltip=load.name))
        for i, (label, _) in enumerate(sections):
            count = load.by_section.get(label, 0)
            tooltip = f"{load.name}: {count} activities in section {label}"
            parts.append(heat_cell(NAME_WIDTH + CELL * i, y, count, most_cell, tooltip))
        parts.append(bar(bars_x, y + 1, load.implementer, most_bar, IMPLEMENTER_COLOUR,
                         f"{load.name} implements {load.implementer} activities"))
        parts.append(bar(bars_x + BAR_WIDTH, y + 1, load.recommended, most_bar, RECOMMENDED_COLOUR,
                         f"{load.name} is recommended {load.recommended} activities"))
    legend_y = HEADER + ROW * len(loads) + 22
    parts.append(svg_text(0, legend_y, "Cells: activities naming the agency in each section (any role). "
                                       "Bars: activities it implements, and activities recommended to it."))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


# ----------------------------------------------------------------------------- sections of the page

def counts_table(counts: list[PlanCounts], titles: dict[str, str]) -> str:
    rows = [[f'<a href="#plan-{esc(c.plan_id)}"><code>{esc(c.plan_id)}</code></a>', esc(titles.get(c.plan_id, "")),
             str(c.activities), str(c.mentions), str(c.agencies), str(c.flags), str(c.new_agencies)]
            for c in counts]
    header = ["plan", "title", "activities", "agency mentions", "agencies", "flags", "new agencies"]
    return html_table(header, rows, numeric=frozenset({2, 3, 4, 5, 6}))


def flags_table(activities: list[dict]) -> str:
    rows = [[f"<code>{esc(a['activity_id'])}</code>", esc(a.get("source_lines")), f"<code>{esc(flag)}</code>",
             esc(FLAG_MEANINGS.get(flag, "")), esc(a.get("title"))]
            for a in activities for flag in activity_flags(a)]
    if not rows:
        return '<p class="muted">No flags: nothing was left undecided.</p>\n'
    return html_table(["activity", "source lines", "flag", "meaning", "title"], rows)


def candidates_cell(row: dict) -> str:
    found = [f"<code>{esc(row.get(f'candidate_{i}'))}</code> ({esc(row.get(f'score_{i}'))})"
             for i in (1, 2, 3) if row.get(f"candidate_{i}")]
    return "<br>".join(found)


def review_table(review: list[dict]) -> str:
    rows = [[esc(r.get("mention")), f"<code>{esc(r.get('agency_id'))}</code>",
             f"<code>{esc(r.get('activity_id'))}</code>", esc(r.get("role")), esc(r.get("lines")),
             candidates_cell(r)] for r in review]
    if not rows:
        return '<p class="muted">Every agency mention matched the registry.</p>\n'
    return html_table(["mention", "new agency", "activity", "role", "source lines", "nearest registry agencies"],
                      rows)


def unplaced_section(words: tuple[tuple[int, str], ...]) -> str:
    """The source words the pipeline could not place, by line, so that nothing is dropped unseen."""
    if not words:
        return '<p class="muted">None: every word of the source is in the tables.</p>\n'
    by_line: dict[int, list[str]] = {}
    for line, word in words:
        by_line.setdefault(line, []).append(word)
    rows = [[str(line), esc(" ".join(found))] for line, found in sorted(by_line.items())]
    return html_table(["line", "words"], rows, numeric=frozenset({0}))


DECIDED_BY = {"label": "by its header", "content": "by its content (the header says nothing known)",
              "position": "no header: kept as an extra field", "default": "no header: the usual layout"}


def layout_section(profiles: tuple[TableProfile, ...]) -> str:
    """Each table of the source: which column got which meaning, and how that was decided."""
    if not profiles:
        return '<p class="muted">Not recorded.</p>\n'
    parts = []
    for number, profile in enumerate(profiles, start=1):
        where = f"page {profile.page}" if profile.page is not None else f"line {profile.line}"
        rows = [[str(k + 1), esc(column.header) or '<span class="muted">(none)</span>',
                 esc(column.meaning if column.meaning != "extra" else "extra field (activity_fields)"),
                 esc(DECIDED_BY.get(column.decided_by, column.decided_by))]
                for k, column in enumerate(profile.columns)]
        parts.append(f"<p>Table {number}, from {esc(where)}:</p>\n"
                     + html_table(["column", "header as printed", "read as", "how"], rows,
                                  numeric=frozenset({0})))
    return "".join(parts)


def plan_section(counts: PlanCounts, title: str, activities: list[dict], links: list[dict],
                 review: list[dict], unplaced: tuple[tuple[int, str], ...] = (),
                 profiles: tuple[TableProfile, ...] = ()) -> str:
    plan_id = counts.plan_id
    figures = (f"{counts.activities} activities, {counts.mentions} agency mentions of {counts.agencies} agencies, "
               f"{counts.flags} flags, {counts.new_agencies} new agencies")
    parts = [f'<section id="plan-{esc(plan_id)}">\n<h2><code>{esc(plan_id)}</code> {esc(title)}</h2>\n',
             f"<p>{esc(figures)}.</p>\n", "<h3>Who is responsible for what</h3>\n"]
    parts.append(responsibility_svg(plan_id, activities, links) if links
                 else '<p class="muted">No agency is named.</p>\n')
    parts += ["<h3>Flags</h3>\n", flags_table(activities)]
    parts += ["<h3>Agency review queue</h3>\n", review_table(review)]
    parts += ["<h3>Words not placed</h3>\n", unplaced_section(unplaced)]
    parts += ["<h3>Table layout</h3>\n", layout_section(profiles)]
    return "".join(parts) + "</section>\n"


def failures_section(failures: list[tuple[str, str]]) -> str:
    if not failures:
        return '<h2>Failed documents</h2>\n<p class="muted">None: every document was read.</p>\n'
    rows = [[f"<code>{esc(path)}</code>", esc(reason)] for path, reason in failures]
    return "<h2>Failed documents</h2>\n" + html_table(["document", "reason"], rows)


def sources_section(sources: list[Source]) -> str:
    rows = [[f"<code>{esc(s.plan_id)}</code>", esc(s.title), f"<code>{esc(s.path.name)}</code>",
             f"<code>{esc(s.sha256)}</code>", esc(s.source_url)] for s in sources]
    return "<h2>Sources</h2>\n" + html_table(["plan", "title", "file", "sha256", "published at"], rows)


def by_plan(rows: list[dict]) -> dict[str, list[dict]]:
    """Rows grouped by their plan_id, in order."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["plan_id"], []).append(row)
    return grouped


def report_parts(tables: Tables, sources: list[Source], review: list[dict],
                 failures: list[tuple[str, str]],
                 unplaced: dict[str, tuple[tuple[int, str], ...]] | None = None,
                 layouts: dict[str, tuple[TableProfile, ...]] | None = None) -> Iterator[str]:
    """The whole page, piece by piece (a batch's report is written as it is made, not held whole)."""
    counts = plan_counts(tables, review)
    titles = plan_titles(sources)
    yield ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
           f"<title>{esc(DATASET_TITLE)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
           f"<h1>{esc(DATASET_TITLE)}</h1>\n<p>{esc(DATASET_DESCRIPTION)}</p>\n"
           f'<p class="muted">Data license: {esc(LICENSE_NAME)}.</p>\n'
           "<h2>Plans</h2>\n")
    yield counts_table(counts, titles)
    activities, links, queue = by_plan(tables.activities), by_plan(tables.links), by_plan(review)
    for c in counts:
        yield plan_section(c, titles.get(c.plan_id, ""), activities.get(c.plan_id, []), links.get(c.plan_id, []),
                           queue.get(c.plan_id, []), (unplaced or {}).get(c.plan_id, ()),
                           (layouts or {}).get(c.plan_id, ()))
    yield failures_section(failures)
    yield sources_section(sources)
    yield "</body>\n</html>\n"


def write_report(folder: Path, tables: Tables, sources: list[Source], review: list[dict],
                 failures: list[tuple[str, str]],
                 unplaced: dict[str, tuple[tuple[int, str], ...]] | None = None,
                 layouts: dict[str, tuple[TableProfile, ...]] | None = None) -> None:
    with (folder / REPORT_NAME).open("w", encoding="utf-8", newline="\n") as f:
        for part in report_parts(tables, sources, review, failures, unplaced, layouts):
            f.write(part)
