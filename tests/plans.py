"""Build small plan texts for the unit tests: one list of cells per band, TAB between cells."""
from __future__ import annotations

HEADER = ["№", "Name of the activity", "Evaluation indicator", "Implementation / Recommendation", "Period of performance"]


def plan_text(*bands: list[str] | str, title: str = "National Action Plan for Testing 2020-2022",
              header: bool = True) -> str:
    """A plan's text: its title line, a blank line, the column-header band, then the given bands.

    A band is a list of cells (number, title, indicator, agencies, period) or "" for a blank line.
    """
    lines = [title, ""]
    if header:
        lines.append("\t".join(HEADER))
    for band in bands:
        lines.append(band if isinstance(band, str) else "\t".join(band))
    return "\n".join(lines) + "\n"


def write_plan(folder, name: str, text: str, encoding: str = "utf-8"):
    path = folder / f"{name}.txt"
    path.write_bytes(text.encode(encoding))
    return path
