"""Lay a plan's truth out as a PDF-like table and read it back the way a naive extractor does.

This reproduces the mechanism that damaged the plans' extracted text, so the tests can make new damaged
plans from any truth, as many as they like, with other column widths, line heights and page lengths:

- each cell's text is wrapped to its column's width and vertically centred in its row, the number too;
- a section header row is one line centred at a fixed place across the table, cut at the column edges,
  where a character straddling an edge may land in both columns;
- the column-header row is repeated at the top of every page, and a page break leaves a blank line;
- the extractor cuts the page into horizontal bands: each text line joins the band of the nearest
  number (or column-header row) within `reach` lines, and lines farther from any form bands of their own;
  a band's text in a column is its lines' words, top to bottom, joined by spaces.

`Layout.random` draws the one layout the first editions used (five columns in one order, fixed English
header labels); `Layout.edition` draws the layouts other editions come in: the columns in another order
(the number first, the title second), no indicator column, an extra column the truth does not hold
("Budget", "Status", "Notes"), header labels of any wording from `extract/headers.csv` (English, or
Russian), their letters spaced apart once or twice inside a word ("Exec ution peri od"), agency cells
that print their bodies without an "Implementers:" label. Periods are printed as the truth words them
("permanently", "during 2024-2025", "2025 (II quarter)").
"""
from __future__ import annotations

import csv
import random
import textwrap
from dataclasses import dataclass
from pathlib import Path

from extract.vocabulary import roman

HEADER_LABELS = ("Nº", "Name of the activity", "Evaluation indicator", "Implementation / Recommendation",
                 "Period of performance")
COLUMNS = ("number", "title", "indicator", "agencies", "period")
HEADERS_CSV = Path(__file__).resolve().parent.parent / "extract" / "headers.csv"
# Columns no plan's truth holds, with the short values their cells print ("" leaves a cell empty).
EXTRA_COLUMNS = {
    "Budget": ("State budget", "State budget and other sources", "Not required", "Within the allocated funds",
               "Donor funding", ""),
    "Status": ("ongoing", "completed", "not started", "in progress", "planned", ""),
    "Notes": ("see annex", "new", "continued", "pilot", "", ""),
}
# Characters per line of each kind of column: (fewest, most); a period column is wide enough for the longest
# word it prints ("permanently"), as a table's author makes it.
WIDTHS = {"number": (5, 6), "title": (48, 66), "indicator": (26, 40), "agencies": (30, 44),
          "period": (11, 16), "extra": (10, 16)}


def header_vocabulary(language: str) -> dict[str, list[str]]:
    """The header labels of `extract/headers.csv` by meaning, in `language` (and those of any language)."""
    labels: dict[str, list[str]] = {}
    with HEADERS_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["language"] in (language, "any"):
                labels.setdefault(row["meaning"], []).append(row["label"])
    return labels


def spaced_apart(label: str, rng: random.Random, times: int) -> str:
    """`label` with a space put `times` times between two letters inside a word ("Exec ution peri od")."""
    for _ in range(times):
        places = [i for i in range(2, len(label) - 1)
                  if label[i - 2:i].isalpha() and label[i:i + 2].isalpha()]
        if not places:
            break
        i = rng.choice(places)
        label = label[:i] + " " + label[i:]
    return label


@dataclass(frozen=True)
class Layout:
    widths: tuple[int, ...]                   # characters per line, per column
    reach: float                              # how far (in lines) a band reaches from its number
    page_lines: int                           # lines of table per page
    header_centre: int                        # where a section header row is centred (chars from the left)
    padding: int                              # blank lines above and below the tallest cell of a row
    doubled_edge_char: float                  # chance that a character cut by a column edge shows twice
    recommended_first: bool                   # label order inside agency cells
    columns: tuple[str, ...] = COLUMNS        # each column's meaning, left to right ("extra": none of the truth's)
    labels: tuple[str, ...] = HEADER_LABELS   # each column's header label, as the extraction gives it
    extra_values: tuple[str, ...] = ()        # what the cells of the extra column print
    unlabelled: float = 0.0                   # chance an agency cell with implementers only prints no label

    @classmethod
    def random(cls, rng: random.Random) -> Layout:
        widths = (5, rng.randint(48, 66), rng.randint(26, 40), rng.randint(30, 44), rng.randint(9, 12))
        return cls(widths, rng.uniform(2.6, 3.4), rng.randint(34, 48),
                   rng.randint(widths[0] + widths[1] - 6, widths[0] + widths[1] + 12), rng.choice((0, 1)),
                   0.5, rng.random() < 0.2)

    @classmethod
    def edition(cls, rng: random.Random, indicators: bool = True) -> Layout:
        """A layout another edition might use; `indicators`: whether the truth has indicators to print."""
        middle = ["agencies", "period"]
        if indicators and rng.random() < 0.6:
            middle.append("indicator")
        extra = rng.choice(sorted(EXTRA_COLUMNS)) if rng.random() < 0.5 else None
        if extra:
            middle.append("extra")
        rng.shuffle(middle)
        columns = ("number", "title", *middle)
        language = "ru" if rng.random() < 0.25 else "en"
        vocabulary = header_vocabulary(language)
        labels = []
        for meaning in columns:
            label = extra if meaning == "extra" else rng.choice(vocabulary[meaning])
            if rng.random() < 0.4:
                label = spaced_apart(label, rng, rng.choice((1, 2)))
            labels.append(label)
        widths = tuple(rng.randint(*WIDTHS[meaning]) for meaning in columns)
        return cls(widths, rng.uniform(2.6, 3.4), rng.randint(34, 48),
                   rng.randint(widths[0] + widths[1] - 6, widths[0] + widths[1] + 12), rng.choice((0, 1)),
                   0.5, rng.random() < 0.2, columns, tuple(labels),
                   EXTRA_COLUMNS[extra] if extra else (), rng.choice((0.0, 0.5, 1.0)))

    def describe(self) -> str:
        """One line: the columns with their labels, and the agency labelling."""
        columns = " | ".join(f"{meaning}={label!r}" for meaning, label in zip(self.columns, self.labels))
        return f"[{columns}] unlabelled={self.unlabelled} recommended_first={self.recommended_first}"


def agency_text(activity: dict, layout: Layout, labelled: bool = True) -> str:
    parts = []
    implementers = ", ".join(m["mention"] for m in activity["implementers"])
    recommended = ", ".join(m["mention"] for m in activity["recommended_to"])
    if not labelled and implementers and not recommended and not activity.get("partners"):
        return implementers   # bodies listed without a label are all implementers
    if implementers:
        parts.append(f"Implementers: {implementers}")
    if recommended:
        parts.append(f"Recommended to: {recommended}")
    if layout.recommended_first:
        parts.reverse()
    return " ".join(parts)


def cut_at_edges(text: str, start: int, edges: list[int], rng: random.Random, chance: float) -> list[str]:
    """The pieces of a one-line text starting at column `start` that fall in each column."""
    pieces = [""] * (len(edges) - 1)
    for i, ch in enumerate(text):
        x = start + i
        for c in range(len(edges) - 1):
            if edges[c] <= x < edges[c + 1]:
                pieces[c] += ch
                if x == edges[c + 1] - 1 and c + 2 < len(edges) and ch.isalpha() and rng.random() < chance:
                    pieces[c + 1] += ch   # the character straddles the edge: it shows on both sides
    return pieces


def damaged_text(gold: dict, layout: Layout, seed: int = 0, headings: str = "arabic") -> str:
    """The text a naive extractor would give for the plan `gold` laid out with `layout`.

    `headings`: how a section's heading prints its number: "arabic" ("2. Measures"), "roman" ("II.
    Measures"), "labelled" ("Commitment 2: Measures") or "none" ("Measures")."""
    rng = random.Random(seed)
    cell_rng = random.Random(f"cells {seed}")    # the choices of other layouts, leaving `rng`'s draws as they were
    edges = [0]
    for width in layout.widths:
        edges.append(edges[-1] + width + 2)
    titles = {s["section_no"]: s["title"] for s in gold["sections"]}
    # Every text line of the table: (page, y, column, text), y in lines from the page's table top.
    lines: list[tuple[int, float, int, str]] = []
    anchors: list[tuple[int, float, str]] = []      # (page, y, kind): number lines and column-header rows
    page, y = 0, 0.0

    def new_page():
        nonlocal page, y
        page += 1
        y = 0.0
        for c, label in enumerate(layout.labels):
            lines.append((page, 0.0, c, label))
        anchors.append((page, 0.0, "header"))
        y = 1.5

    new_page()
    section = None
    for activity in gold["activities"]:
        if activity["section_no"] != section:
            section = activity["section_no"]
            if titles.get(section):
                if y + 2 > layout.page_lines:
                    new_page()
                number = {"arabic": f"{section}. ", "roman": f"{roman(section)}. ", "none": "",
                          "labelled": f"Commitment {section}: "}[headings]
                header = f"{number}{titles[section]}"
                start = max(edges[1], layout.header_centre - len(header) // 2)
                for c, piece in enumerate(cut_at_edges(header, start, edges, rng, layout.doubled_edge_char)):
                    if piece.strip():
                        lines.append((page, y + 0.5, c, piece.strip()))
                y += 2
        labelled = not (layout.unlabelled and cell_rng.random() < layout.unlabelled)
        texts = {"title": activity["title"], "indicator": activity["indicator"] or "",
                 "agencies": agency_text(activity, layout, labelled), "period": activity["period"] or "",
                 "extra": cell_rng.choice(layout.extra_values) if layout.extra_values else ""}
        cells = [[activity["activity_id"] + "."] if meaning == "number" else textwrap.wrap(texts[meaning], width)
                 for meaning, width in zip(layout.columns, layout.widths)]
        height = max(len(c) for c in cells) + 2 * layout.padding
        if y + height > layout.page_lines:
            new_page()
        centre = y + height / 2
        for c, cell in enumerate(cells):
            top = centre - len(cell) / 2
            for i, text in enumerate(cell):
                lines.append((page, top + i + 0.5, c, text))
        anchors.append((page, centre, "number"))
        y += height
    return lines_to_text(gold["title"], lines, anchors, layout.reach, len(layout.columns), layout.labels[1])


def lines_to_text(title: str, lines, anchors, reach: float, columns: int = 5,
                  title_label: str = HEADER_LABELS[1]) -> str:
    """Cut the laid-out lines into bands the way the naive extractor did, one text line per band."""
    bands: dict[tuple, list] = {}
    for page, y, column, text in lines:
        near = [(abs(ay - y), ay) for ap, ay, _ in anchors if ap == page]
        distance, anchor_y = min(near)
        key = (page, anchor_y) if distance <= reach else (page, round(y, 3), "alone")
        bands.setdefault(key, []).append((y, column, text))
    out = [title, ""]
    last_page = 1
    for key in sorted(bands, key=lambda k: (k[0], min(y for y, _, _ in bands[k]))):
        if key[0] != last_page:
            out.append("")
            last_page = key[0]
        cells = [[] for _ in range(columns)]
        for y, column, text in sorted(bands[key]):
            cells[column].append(text)
        out.append("\t".join(" ".join(c) for c in cells))
    return "\n".join(merge_alone(out, title_label)) + "\n"


def merge_alone(lines: list[str], title_label: str = HEADER_LABELS[1]) -> list[str]:
    """Neighbouring bands with no number and nothing in the same column were one band to the extractor."""
    merged: list[str] = []
    for line in lines:
        if merged and line and merged[-1] and not line.split("\t")[0] and not merged[-1].split("\t")[0]:
            previous, current = merged[-1].split("\t"), line.split("\t")
            if all(not (p and c) for p, c in zip(previous, current)) and title_label not in merged[-1]:
                merged[-1] = "\t".join(p or c for p, c in zip(previous, current))
                continue
        merged.append(line)
    return merged
