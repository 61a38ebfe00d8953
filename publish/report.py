"""report.html: a page a person reads to judge a run, offline (inline CSS, no script, nothing fetched).

Per plan: the counts, who is responsible for what (the sections written out, each agency's activities by
section and role, and the list of them; see `publish.chart`), every flag with its activity and source
lines, and the agency review queue; then the failed documents and the sources. The page reflows from a
phone (390 px) to a wide screen without sideways scrolling: nothing has a fixed width, long words and
codes wrap. All text is escaped; the page is the same bytes for the same input.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from extract.manifest import Source
from extract.model import TableProfile
from normalize.tables import Tables

from .chart import CHART_STYLE, esc, responsibility_chart

from .dictionary import (DATASET_DESCRIPTION, DATASET_TITLE, FLAG_MEANINGS, LICENSE_NAME, PlanCounts,
                         activity_flags, plan_counts, plan_titles)

REPORT_NAME = "report.html"

# Words wrap rather than widen the page; hashes and addresses (one long word each) wrap anywhere. Under
# 40em a table's rows become cards, each cell under its column's name (the td's data-label).
STYLE = """
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { font-family: sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #1a1a1a;
  line-height: 1.35; overflow-wrap: break-word; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { margin-top: 1.5em; }
table { border-collapse: collapse; margin: 0.5em 0; max-width: 100%; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.n { text-align: right; }
code { font-family: monospace; } .muted { color: #666; } .long { overflow-wrap: anywhere; }
@media (max-width: 40em) {
  body { margin: 1em auto; padding: 0 0.6em; }
  table, tbody, tr, td { display: block; }
  thead { display: none; }
  tr { border: 1px solid #ddd; margin: 0 0 0.6em; padding: 0.2em 0.5em; }
  td, td.n { border: none; padding: 0.1em 0; text-align: left; overflow-wrap: anywhere; }
  td::before { content: attr(data-label) ": "; color: #555; font-size: 0.85em; }
}
""" + CHART_STYLE


def code(value: object) -> str:
    """An identifier in monospace, free to wrap after `_` and `/` (it has no spaces to wrap at), so a
    column of ids does not widen its table past the screen."""
    return "<code>" + esc(value).replace("_", "_<wbr>").replace("/", "/<wbr>") + "</code>"


def html_table(header: list[str], rows: Iterable[list[str]], numeric: frozenset[int] = frozenset()) -> str:
    """A table; cells are HTML already escaped by the caller, `numeric` columns are right-aligned."""
    return "".join(html_table_parts(header, rows, numeric))


def html_table_parts(header: list[str], rows: Iterable[list[str]],
                     numeric: frozenset[int] = frozenset()) -> Iterator[str]:
    """:func:`html_table` a row at a time (a long plan's tables are written as they are made)."""
    head = "".join(f"<th>{esc(name)}</th>" for name in header)
    labels = [f' data-label="{esc(name)}"' for name in header]
    yield f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
    for row in rows:
        yield "<tr>" + "".join(f'<td class="n"{labels[i]}>{cell}</td>' if i in numeric else f"<td{labels[i]}>{cell}</td>"
                               for i, cell in enumerate(row)) + "</tr>\n"
    yield "</tbody>\n</table>\n"


# ----------------------------------------------------------------------------- sections of the page

def counts_table(counts: list[PlanCounts], titles: dict[str, str]) -> str:
    rows = [[f'<a href="#plan-{esc(c.plan_id)}">{code(c.plan_id)}</a>', esc(titles.get(c.plan_id, "")),
             str(c.activities), str(c.mentions), str(c.agencies), str(c.flags), str(c.new_agencies)]
            for c in counts]
    header = ["plan", "title", "activities", "agency mentions", "agencies", "flags", "new agencies"]
    return html_table(header, rows, numeric=frozenset({2, 3, 4, 5, 6}))


def flags_table(activities: list[dict]) -> Iterator[str]:
    if not any(activity_flags(a) for a in activities):
        yield '<p class="muted">No flags: nothing was left undecided.</p>\n'
        return
    rows = ([code(a["activity_id"]), esc(a.get("source_lines")), code(flag),
             esc(FLAG_MEANINGS.get(flag, "")), esc(a.get("title"))]
            for a in activities for flag in activity_flags(a))
    yield from html_table_parts(["activity", "source lines", "flag", "meaning", "title"], rows)


def candidates_cell(row: dict) -> str:
    found = [f"{code(row.get(f'candidate_{i}'))} ({esc(row.get(f'score_{i}'))})"
             for i in (1, 2, 3) if row.get(f"candidate_{i}")]
    return "<br>".join(found)


def review_table(review: list[dict]) -> Iterator[str]:
    if not review:
        yield '<p class="muted">Every agency mention matched the registry.</p>\n'
        return
    rows = ([esc(r.get("mention")), code(r.get("agency_id")),
             code(r.get("activity_id")), esc(r.get("role")), esc(r.get("lines")),
             candidates_cell(r)] for r in review)
    yield from html_table_parts(["mention", "new agency", "activity", "role", "source lines",
                                 "nearest registry agencies"], rows)


def unplaced_section(words: tuple[tuple[int, str], ...]) -> str:
    """The source words the pipeline could not place, by line, so that nothing is dropped unseen."""
    if not words:
        return '<p class="muted">None: every word of the source is in the tables.</p>\n'
    by_line: dict[int, list[str]] = {}
    for line, word in words:
        by_line.setdefault(line, []).append(word)
    rows = ([str(line), esc(" ".join(found))] for line, found in sorted(by_line.items()))
    return html_table(["line", "words"], rows, numeric=frozenset({0}))


DECIDED_BY = {"label": "by its header", "content": "by its content (the header says nothing known)",
              "position": "no header: kept as an extra field", "default": "no header: the usual layout",
              "only text": "its header names a result, but it is the table's only text: read as the activity",
              "headings": "its cells print the sections' headings, each beside its section's activities: read as "
                          "the section, no field"}


#: How the report names the agencies of each role.
ROLE_NAMES = {"implementer": "implementers", "partner": "partners", "recommended": "recommended to"}


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
        if profile.labelled:
            keys = "; ".join(f"“{esc(label)}” as {esc(ROLE_NAMES.get(role, role))}"
                             for label, role in profile.labelled)
            parts.append(f"<p>It has no agency column: its activities' agencies came from the commitment block, the "
                         f"key/value block printed above the table (or above its section): {keys}.</p>\n")
    return "".join(parts)


def plan_section(counts: PlanCounts, title: str, activities: list[dict], links: list[dict],
                 review: list[dict], unplaced: tuple[tuple[int, str], ...] = (),
                 profiles: tuple[TableProfile, ...] = ()) -> Iterator[str]:
    """One plan's part of the page, piece by piece."""
    plan_id = counts.plan_id
    figures = (f"{counts.activities} activities, {counts.mentions} agency mentions of {counts.agencies} agencies, "
               f"{counts.flags} flags, {counts.new_agencies} new agencies")
    yield (f'<section id="plan-{esc(plan_id)}">\n<h2>{code(plan_id)} {esc(title)}</h2>\n'
           f"<p>{esc(figures)}.</p>\n<h3>Who is responsible for what</h3>\n")
    if links:
        yield from responsibility_chart(plan_id, activities, links)
    else:
        yield '<p class="muted">No agency is named.</p>\n'
    yield "<h3>Flags</h3>\n"
    yield from flags_table(activities)
    yield "<h3>Agency review queue</h3>\n"
    yield from review_table(review)
    yield "<h3>Words not placed</h3>\n"
    yield unplaced_section(unplaced)
    yield "<h3>Table layout</h3>\n"
    yield layout_section(profiles)
    yield "</section>\n"


def failures_section(failures: list[tuple[str, str]]) -> str:
    if not failures:
        return '<h2>Failed documents</h2>\n<p class="muted">None: every document was read.</p>\n'
    rows = [[code(path), f'<span class="long">{esc(reason)}</span>'] for path, reason in failures]
    return "<h2>Failed documents</h2>\n" + html_table(["document", "reason"], rows)


def sources_section(sources: list[Source]) -> str:
    rows = [[code(s.plan_id), esc(s.title), code(s.path.name),
             f'<code class="long">{esc(s.sha256)}</code>', f'<span class="long">{esc(s.source_url)}</span>']
            for s in sources]
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
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
           f"<title>{esc(DATASET_TITLE)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
           f"<h1>{esc(DATASET_TITLE)}</h1>\n<p>{esc(DATASET_DESCRIPTION)}</p>\n"
           f'<p class="muted">Data license: {esc(LICENSE_NAME)}.</p>\n'
           "<h2>Plans</h2>\n")
    yield counts_table(counts, titles)
    activities, links, queue = by_plan(tables.activities), by_plan(tables.links), by_plan(review)
    for c in counts:
        yield from plan_section(c, titles.get(c.plan_id, ""), activities.get(c.plan_id, []), links.get(c.plan_id, []),
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
