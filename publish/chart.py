"""The report's picture of who is responsible for what in one plan, as HTML and CSS that reflow on any screen.

First the plan's sections written out (number, title, how many activities), then one row per agency, the
most named first: its full name, a heat strip of how many activities name it in each section, and bars of
how many it implements, is recommended or partners. Each row is a `<details>` element that opens on the
list of the agency's activities (number, title, role), so the chart answers "what does this body have to
do" without another file. No script and no fixed width: the name wraps, the strip's cells share the width
there is, and under 48em the name and the strip take a line each (see CHART_STYLE).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from normalize.roles import ROLES

#: Above this many sections the heat strip's cells would be slivers: it is left empty (its column stays, so
#: the bars keep theirs); the legend and the bars stay.
MAX_SECTIONS = 40
#: A legend of more sections than this is set in columns where the screen is wide enough.
LONG_LEGEND = 12
UNNUMBERED = "?"
ROLE_HEADINGS = {"implementer": "implements", "recommended": "recommended to", "partner": "partner in"}
HEAT_RGB = "43, 108, 176"
ROLE_COLOURS = {"implementer": "#2f855a", "recommended": "#d69e2e", "partner": "#805ad5"}

CHART_STYLE = """
.sections { padding-left: 0; list-style: none; margin: 0.5em 0 1em; }
.sections li { margin: 0.15em 0; padding-left: 2.6em; text-indent: -2.6em; break-inside: avoid; }
.sections.long { columns: 24em; column-gap: 2em; }
.sections .no { display: inline-block; min-width: 2.2em; text-indent: 0; margin-right: 0.4em; text-align: center;
  font-weight: bold; background: #e8eef6; border-radius: 3px; }
.chart { margin: 0.5em 0 1em; }
.chart-row { display: grid; align-items: center; column-gap: 0.8em; row-gap: 0.2em; padding: 0.2em 0.3em;
  grid-template-columns: minmax(11em, 1fr) minmax(0, calc(var(--sections) * 2.4em)) repeat(var(--roles), 8em); }
.chart-head { color: #555; border-bottom: 1px solid #ccc; }
.chart-head > span { font-size: 0.85em; }
details.agency { border-bottom: 1px solid #eee; }
details.agency > summary { cursor: pointer; list-style: none; }
details.agency > summary::-webkit-details-marker { display: none; }
details.agency > summary:hover, details.agency[open] > summary { background: #f5f8fc; }
.agency-name::before { content: "\\25B8\\00A0"; color: #666; }
details[open] .agency-name::before { content: "\\25BE\\00A0"; }
.strip { display: grid; grid-template-columns: repeat(var(--sections), minmax(0, 1fr)); gap: 2px; }
.strip span { text-align: center; font-size: 0.8em; line-height: 1.6em; overflow: hidden; border: 1px solid #eee; }
.strip span.on { border-color: transparent; }
.role { display: flex; align-items: center; gap: 0.3em; font-size: 0.85em; }
.role .track { flex: 1; min-width: 0; }
.role .bar { display: block; height: 0.8em; }
.role .count { min-width: 1.5em; text-align: right; }
.role .count.none { color: #aaa; }
.chart-head .strip span { border-color: transparent; }
ol.agency-activities { list-style: none; padding: 0.3em 0.5em 0.6em 1.6em; margin: 0; }
ol.agency-activities li { margin: 0.2em 0; padding-left: 3em; text-indent: -3em; }
ol.agency-activities code { display: inline-block; min-width: 2.6em; margin-right: 0.4em; text-indent: 0; }
@media (max-width: 48em) {
  .chart-row { grid-template-columns: repeat(var(--roles), minmax(0, 1fr)); }
  .chart-row .agency-name, .chart-row .strip, .chart-head .head-name { grid-column: 1 / -1; }
}
"""


@dataclass(frozen=True)
class Section:
    """A section of a plan as the chart shows it: its label (the number), title and activity count."""

    label: str
    title: str
    activities: int


@dataclass(frozen=True)
class AgencyActivity:
    """One activity an agency is named in, with the roles it has there."""

    activity_id: str
    title: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class AgencyLoad:
    """What one agency has to do in a plan: its activities, counted by section and by role."""

    agency_id: str
    name: str
    by_section: dict[str, int]
    by_role: dict[str, int]
    activities: tuple[AgencyActivity, ...]

    @property
    def total(self) -> int:
        return len(self.activities)


def section_label(activity: dict) -> str:
    section = activity.get("section_no")
    return UNNUMBERED if section is None or section == "" else str(section)


def plan_sections(activities: list[dict]) -> list[Section]:
    """Each section of a plan, by number (a section without a number last), with its first title printed."""
    titles: dict[str, str] = {}
    counts: dict[str, int] = defaultdict(int)
    for activity in activities:
        label = section_label(activity)
        counts[label] += 1
        if not titles.get(label):
            titles[label] = activity.get("section_title") or ""
    order = sorted(titles, key=lambda label: (label == UNNUMBERED, int(label) if label.isdigit() else 0, label))
    return [Section(label, titles[label], counts[label]) for label in order]


def agency_loads(activities: list[dict], links: list[dict]) -> list[AgencyLoad]:
    """Each agency a plan names, the most named first (then by name); its activities in document order."""
    order = {a["activity_key"]: i for i, a in enumerate(activities)}
    by_key = {a["activity_key"]: a for a in activities}
    names: dict[str, str] = {}
    roles: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for link in links:
        agency_id = link["agency_id"]
        names.setdefault(agency_id, link.get("agency_name") or agency_id)
        held = roles[agency_id].setdefault(link["activity_key"], [])
        if link["role"] not in held:
            held.append(link["role"])
    loads = []
    for agency_id, held in roles.items():
        keys = sorted(held, key=lambda key: (order.get(key, len(order)), key))
        listed = tuple(AgencyActivity(by_key.get(key, {}).get("activity_id", key.rsplit(":", 1)[-1]),
                                      by_key.get(key, {}).get("title", ""),
                                      tuple(role for role in ROLES if role in held[key])) for key in keys)
        by_section: dict[str, int] = defaultdict(int)
        by_role: dict[str, int] = defaultdict(int)
        for key in keys:
            by_section[section_label(by_key.get(key, {}))] += 1
            for role in held[key]:
                by_role[role] += 1
        loads.append(AgencyLoad(agency_id, names[agency_id], dict(by_section), dict(by_role), listed))
    return sorted(loads, key=lambda load: (-load.total, load.name, load.agency_id))


# ----------------------------------------------------------------------------- HTML

def esc(value: object) -> str:
    """Text safe in HTML content and attribute values."""
    return escape("" if value is None else str(value), quote=True)


def activities_count(count: int) -> str:
    return f"{count} activit{'y' if count == 1 else 'ies'}"


def sections_legend(sections: list[Section]) -> str:
    """The sections written out: the number the strip's columns are headed with, the title, the count."""
    items = []
    for section in sections:
        title = esc(section.title) if section.title else '<span class="muted">(no title in the source)</span>'
        if section.label == UNNUMBERED:
            title = '<span class="muted">activities without a section number</span>'
        items.append(f'<li data-section="{esc(section.label)}"><span class="no">{esc(section.label)}</span> '
                     f'{title} <span class="muted">({activities_count(section.activities)})</span></li>')
    long = " long" if len(sections) > LONG_LEGEND else ""
    return f'<ol class="sections{long}">\n' + "\n".join(items) + "\n</ol>\n"


def heat_cell(load: AgencyLoad, section: Section, most: int) -> str:
    count = load.by_section.get(section.label, 0)
    where = f"section {section.label}" + (f" ({section.title})" if section.title else "")
    tooltip = esc(f"{load.name}: {activities_count(count)} in {where}")
    if not count:
        return f'<span title="{tooltip}"></span>'
    opacity = 0.2 + 0.8 * count / most
    colour = "#fff" if opacity > 0.6 else "#1a1a1a"
    return (f'<span class="on" title="{tooltip}" style="background: rgba({HEAT_RGB}, {opacity:.2f}); '
            f'color: {colour}">{count}</span>')


def role_bar(load: AgencyLoad, role: str, most: int) -> str:
    count = load.by_role.get(role, 0)
    share = 100 * count / most if most else 0
    return (f'<span class="role"><span class="track"><span class="bar" style="width: {share:.0f}%; '
            f'background: {ROLE_COLOURS[role]}"></span></span>'
            f'<span class="count{"" if count else " none"}">{count}</span></span>')


def activity_item(activity: AgencyActivity) -> str:
    roles = ", ".join(activity.roles)
    return (f'<li data-activity="{esc(activity.activity_id)}"><code>{esc(activity.activity_id)}</code> '
            f'{esc(activity.title)} <span class="muted">({esc(roles)})</span></li>')


def agency_row(load: AgencyLoad, sections: list[Section], roles: list[str], most_cell: int,
               most_role: int, plan_id: str) -> str:
    strip = "".join(heat_cell(load, section, most_cell) for section in sections)
    parts = [f'<details class="agency" data-plan="{esc(plan_id)}" data-agency="{esc(load.agency_id)}">',
             f'<summary class="chart-row"><span class="agency-name">{esc(load.name)}</span>',
             f'<span class="strip">{strip}</span>',
             "".join(role_bar(load, role, most_role) for role in roles),
             "</summary>",
             '<ol class="agency-activities">' + "".join(map(activity_item, load.activities)) + "</ol>",
             "</details>"]
    return "".join(parts) + "\n"


def chart_head(sections: list[Section], roles: list[str]) -> str:
    strip = "".join(f'<span title="{esc(s.title)}">{esc(s.label)}</span>' for s in sections)
    return ('<div class="chart-row chart-head"><span class="head-name">agency (open a row for its activities)'
            f'</span><span class="strip">{strip}</span>'
            + "".join(f'<span class="role role-label">{esc(ROLE_HEADINGS[role])}</span>' for role in roles)
            + "</div>\n")


def responsibility_chart(plan_id: str, activities: list[dict], links: list[dict]) -> Iterator[str]:
    """The sections legend and the agency rows of one plan, a row at a time."""
    sections = plan_sections(activities)
    strip = sections if len(sections) <= MAX_SECTIONS else []
    loads = agency_loads(activities, links)
    roles = [role for role in ROLES if any(load.by_role.get(role) for load in loads)]
    most_cell = max((n for load in loads for n in load.by_section.values()), default=1)
    most_role = max((n for load in loads for n in load.by_role.values()), default=1)
    explain = ("Each row is an agency, the most named first. "
               + ("The cells count the activities naming it in each section (any role), darker for more. "
                  if strip else "")
               + f"The bars count its activities by role ({', '.join(ROLE_HEADINGS[r] for r in roles)}).")
    yield '<p class="muted">Sections:</p>\n'
    yield sections_legend(sections)
    yield (f'<p class="muted">{esc(explain)}</p>\n'
           f'<div class="chart" style="--sections: {max(len(strip), 1)}; --roles: {len(roles)}">\n')
    yield chart_head(strip, roles)
    for load in loads:
        yield agency_row(load, strip, roles, most_cell, most_role, plan_id)
    yield "</div>\n"
