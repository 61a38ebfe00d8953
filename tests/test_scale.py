"""Cells of a megabyte: read right, every word accounted for, in bounded memory (their time is in `make bench`).

Each case runs in a child process that reports its own peak memory, so the figure is the reading's alone.
"""
from __future__ import annotations

import json
import random
import string
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from benchmarks.synthetic import big_cell_plan
from conftest import ROOT
from normalize.agency_lists import split_agency_list
from normalize.registry import load_registry

REGISTRY = load_registry()
NAMES = ["Ministry of Finance", "Ministry of Justice", "Cabinet of Ministers", "Ministry of Economy",
         "State Customs Committee"]
#: Far above what a megabyte cell needs here (about 250 MB, against 2 to 4 GB for 20,000 words before the
#: splitting and the accounting became linear), far below a machine's memory.
MEMORY_LIMIT_MB = 700

CHILD = """
import json, resource, sys
sys.path.insert(0, sys.argv[2])
from extract.text import read_text
from normalize.plan import document_to_plan
from normalize.registry import load_registry
plan, accounting = document_to_plan(read_text(sys.argv[1]), "big", load_registry(), keep_accounting=True)
print(json.dumps({
    "activities": [a.activity_id for a in plan.activities],
    "title_words": [len(a.title.split()) for a in plan.activities],
    "mentions": [[m.text for m in a.mentions] for a in plan.activities],
    "unplaced": len(accounting.unplaced), "missing": len(accounting.missing),
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def read_in_child(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(ROOT)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_megabyte_run_of_agency_names_without_commas(tmp_path):
    rng = random.Random(7)
    names = [rng.choice(NAMES) for _ in range(50_000)]
    text = " ".join(names)
    assert len(text) > 1_000_000
    result = read_in_child(big_cell_plan(tmp_path / "names.txt", text, 2))
    assert result["activities"] == ["1.1", "1.2"]
    assert result["mentions"] == [["Ministry of Justice"], names]
    assert (result["unplaced"], result["missing"]) == (0, 0)
    assert result["peak_mb"] < MEMORY_LIMIT_MB


def test_megabyte_title_of_distinct_words(tmp_path):
    rng = random.Random(8)
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(7)) for _ in range(130_000)]
    result = read_in_child(big_cell_plan(tmp_path / "title.txt", " ".join(words), 0))
    assert result["activities"] == ["1.1", "1.2"]
    assert result["title_words"] == [3, len(words)]
    assert (result["unplaced"], result["missing"]) == (0, 0)
    assert result["peak_mb"] < MEMORY_LIMIT_MB


@pytest.mark.parametrize("separator", [" ", ", ", " ; "])
def test_run_of_known_names_splits_into_them(separator):
    names = NAMES * 3
    assert split_agency_list(separator.join(names), REGISTRY) == names


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(NAMES), min_size=1, max_size=40),
       st.lists(st.sampled_from([" ", ", ", "; "]), min_size=40, max_size=40))
def test_any_list_of_known_names_splits_into_them(names, separators):
    text = names[0] + "".join(separator + name for separator, name in zip(separators, names[1:]))
    assert split_agency_list(text, REGISTRY) == names
