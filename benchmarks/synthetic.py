"""Synthetic inputs for the benchmarks, made from the 2020-2022 plan.

- `batch_copies`: N copies of the plan with their own plan ids and agency names spelled other ways
  (the spellings a registry knows as aliases, capitals, a dropped letter), so the matcher does real work.
- `long_plan`: one plan of about the given size, the 2020-2022 table repeated with its sections renumbered.
- `big_cell_plan`: a two-activity plan whose second activity has one given (huge) cell.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

PLAN = Path(__file__).resolve().parent.parent / "raw" / "az-ogp-2020-2022.txt"
RESPELL = {
    "Ministry of Finance": ["Ministry of Finance of the Republic of Azerbaijan", "MINISTRY OF FINANCE", "Ministry of Finanse"],
    "Ministry of Justice": ["Ministry of Justice of the Republic of Azerbaijan", "Ministry of Justise", "ministry of justice"],
    "Cabinet of Ministers": ["Cabinet of Ministers of the Republic of Azerbaijan", "CABINET OF MINISTERS"],
    "Ministry of Economy": ["Ministry of Economy of Azerbaijan", "Ministry of Econmy"],
    "Milli Majlis": ["Milli Mejlis", "Parliament (Milli Majlis)"],
}


def respelled(text: str, rng: random.Random) -> str:
    for name, variants in RESPELL.items():
        text = re.sub(re.escape(name), lambda m: rng.choice([name, *variants]), text)
    return text


def batch_copies(folder: Path, count: int, seed: int = 0) -> list[Path]:
    text = PLAN.read_text(encoding="utf-8")
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"copy-{i:05d}.txt"
        path.write_text(respelled(text, rng), encoding="utf-8")
        paths.append(path)
    return paths


def renumbered(text: str, offset: int, item_offset: int = 0) -> str:
    """The plan's text with every section number (in activity ids and section headers) raised by offset,
    and every activity's number within its section by item_offset."""
    def activity(match: re.Match[str]) -> str:
        return f"{int(match[1]) + offset}.{int(match[2]) + item_offset}"

    text = re.sub(r"(?m)^(\d+)\.(\d+)", activity, text)
    return re.sub(r"(?m)^(\t?)(\d+)\. (?=[A-Z])", lambda m: f"{m[1]}{int(m[2]) + offset}. ", text)


def long_plan(path: Path, size_bytes: int) -> Path:
    lines = PLAN.read_text(encoding="utf-8").split("\n")
    title, body = lines[0], "\n".join(lines[1:])
    parts = [title]
    size, copy = len(title), 0
    while size < size_bytes:
        # Section numbers stay under 10,000 (plans number sections, not pages): past 1,000 copies the
        # sections start again with the activities numbered on.
        chunk = renumbered(body, 9 * (copy % 1000), 100 * (copy // 1000))
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
        copy += 1
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


BIG_CELL_HEADER = "No.\tName of the activity\tEvaluation indicator\tImplementers\tPeriod"


def big_cell_plan(path: Path, cell: str, column: int) -> Path:
    """A plan whose last activity, 1.2, has `cell` in `column`, 12 words a line from its
    number line on (a cell's text as extracted when its number is printed at the top)."""
    words = cell.split()
    lines = [" ".join(words[i:i + 12]) for i in range(0, len(words), 12)]
    rows = ["1.1.\tOpening court decisions\tDecisions published\tMinistry of Justice\t2025"]
    for number, line in enumerate(lines):
        cells = ["Publishing budget data", "Reports published", "Ministry of Finance", "2024"] if number == 0 \
            else [""] * 4
        cells[column] = line
        rows.append(("1.2." if number == 0 else "") + "\t" + "\t".join(cells))
    path.write_text("\n".join(["National Action Plan 2024-2026", "", BIG_CELL_HEADER, *rows]) + "\n", encoding="utf-8")
    return path
