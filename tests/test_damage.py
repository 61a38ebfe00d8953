"""New damaged plans made from the truths we hold, laid out with other widths and page lengths.

`damage.py` reproduces the mechanism that broke the extracted text (centred cells cut into bands,
header rows cut at the column edges); the pipeline must read these plans as well as the ones we were
given. The figures are the share of activities read wholly right, over seeded layouts.
"""
from __future__ import annotations

import copy
import json
import random

import pytest

from conftest import COLUMNS_EDITION_GOLD, EDITION_GOLD, RAW_GOLD, load_scorer
from damage import Layout, damaged_text
from pipeline import run_sources
from publish.output import publish_run
from russian_plan import russian_layout, russian_truth

SEEDS = range(8)


def rows_exact(gold_path, seed, tmp_path) -> float:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = damaged_text(gold, Layout.random(random.Random(seed)), seed)
    source = tmp_path / f"{gold['plan_id']}.txt"
    source.write_text(text, encoding="utf-8")
    result = run_sources([source])
    assert not result.failures
    publish_run(result, tmp_path / "out")
    return load_scorer().evaluate(str(tmp_path / "out"), str(gold_path))["rows_exact"]


@pytest.mark.parametrize("gold_path", [RAW_GOLD, EDITION_GOLD], ids=["2020-2022", "2023-2025-like"])
def test_plans_damaged_by_other_layouts_read_mostly_right(gold_path, tmp_path_factory):
    scores = [rows_exact(gold_path, seed, tmp_path_factory.mktemp(f"seed{seed}")) for seed in SEEDS]
    mean = sum(scores) / len(scores)
    print(f"{gold_path.name}: rows_exact per layout {[round(s, 3) for s in scores]}, mean {mean:.3f}")
    assert mean >= 0.93, scores
    assert min(scores) >= 0.75, scores


def gold_for(layout: Layout, gold: dict) -> dict:
    """The truth as the layout prints it: without an indicator column, no activity has an indicator."""
    if "indicator" in layout.columns:
        return gold
    gold = copy.deepcopy(gold)
    for activity in gold["activities"]:
        activity["indicator"] = None
        activity.get("alternatives", {}).pop("indicator", None)
    return gold


def read_edition(gold_path, seed, tmp_path) -> tuple[Layout, dict]:
    """The scorer's result for the truth of `gold_path` laid out as another edition might (drawn from `seed`)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    layout = Layout.edition(random.Random(seed), any(a["indicator"] for a in gold["activities"]))
    gold = gold_for(layout, gold)
    scored_gold = tmp_path / "gold.json"
    scored_gold.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    source = tmp_path / f"{gold['plan_id']}.txt"
    source.write_text(damaged_text(gold, layout, seed), encoding="utf-8")
    result = run_sources([source])
    assert not result.failures, result.failures
    publish_run(result, tmp_path / "out")
    return layout, load_scorer().evaluate(str(tmp_path / "out"), str(scored_gold))


# What the pipeline reached on these layouts (2023-2025-like: mean 0.976, least 0.806; 2024-2026-columns-like:
# mean 0.929, least 0.767), less a small margin: raise them as it improves.
EDITION_BARS = {EDITION_GOLD: (0.95, 0.78), COLUMNS_EDITION_GOLD: (0.90, 0.74)}


@pytest.mark.parametrize("gold_path", [EDITION_GOLD, COLUMNS_EDITION_GOLD],
                         ids=["2023-2025-like", "2024-2026-columns-like"])
def test_plans_in_other_layouts_read_mostly_right(gold_path, tmp_path_factory):
    """Columns in another order, no indicator column, an extra column, other (spaced-apart, Russian) header
    labels, unlabelled agency cells, periods in words: the plan is read as well as in its own layout."""
    scores = []
    for seed in SEEDS:
        layout, result = read_edition(gold_path, seed, tmp_path_factory.mktemp(f"edition{seed}"))
        scores.append(result["rows_exact"])
        print(f"{gold_path.name} seed {seed}: rows_exact {result['rows_exact']:.3f} {layout.describe()}")
    mean = sum(scores) / len(scores)
    print(f"{gold_path.name}: rows_exact per layout {[round(s, 3) for s in scores]}, mean {mean:.3f}")
    least_mean, least = EDITION_BARS[gold_path]
    assert mean >= least_mean, scores
    assert min(scores) >= least, scores


def test_a_section_header_glued_after_an_activity_leaves_its_period_to_it(tmp_path):
    """A narrow period column left of a status column: headers glued to the band of a section's last
    activity cross the period column after that activity's period ("2023-2025 of justice and"). The
    period stays the activity's and the header keeps all its words (a layout drawn once, fixed here)."""
    layout = Layout(widths=(5, 59, 13, 11, 34), reach=3.34, page_lines=42, header_centre=71, padding=0,
                    doubled_edge_char=0.5, recommended_first=False,
                    columns=("number", "title", "period", "extra", "agencies"),
                    labels=("No", "Key activities", "Pe ri od", "Sta tus", "Executing agencies"),
                    extra_values=("ongoing", "completed", "not started", "in progress", "planned", ""),
                    unlabelled=0.5)
    gold = gold_for(layout, json.loads(EDITION_GOLD.read_text(encoding="utf-8")))
    source = tmp_path / "edition.txt"
    source.write_text(damaged_text(gold, layout, 15), encoding="utf-8")
    result = run_sources([source])
    [plan] = result.plans
    titles = {s["section_no"]: s["title"] for s in gold["sections"]}
    assert [(a.activity_id, a.section_title) for a in plan.activities] == \
        [(a["activity_id"], titles.get(a["section_no"]) or "") for a in gold["activities"]]
    assert [(a.activity_id, a.period.start_year, a.period.end_year) for a in plan.activities] == \
        [(a["activity_id"], a["start_year"], a["end_year"]) for a in gold["activities"]]


# Two layouts drawn once, fixed here: a narrow period column before the agencies (and after them, the
# indicator), so that headers glued to a section's last activity cross columns that hold its text.
GLUED_HEADER_LAYOUTS = {
    "period-then-agencies": (19, Layout(
        widths=(5, 50, 12, 31), reach=3.0339540747142255, page_lines=40, header_centre=51, padding=0, doubled_edge_char=0.5,
        recommended_first=False, columns=("number", "title", "period", "agencies"),
        labels=("It em", "Measure desc ri ption", "Timeline", "Le ad implementing ag ency"), extra_values=(),
        unlabelled=0.0)),
    "period-agencies-indicator": (14, Layout(
        widths=(6, 59, 13, 35, 38), reach=3.1061827339629167, page_lines=42, header_centre=63, padding=0, doubled_edge_char=0.5,
        recommended_first=False, columns=("number", "title", "period", "agencies", "indicator"),
        labels=("N", "Milestones and activities", "Completion date", "Own er", "Expected results"),
        extra_values=(), unlabelled=1.0)),
}


@pytest.mark.parametrize("name", GLUED_HEADER_LAYOUTS)
def test_a_section_header_glued_after_an_activity_goes_on_after_its_period_and_its_agencies(name, tmp_path):
    """A header glued to a section's last activity goes on after that activity's period ("2023-2025 and
    access to") and after its names, in lower case ("... State Tax Service under the Ministry of Economy in
    state-owned companies": not from "under", as names in capitals follow it); a header does not stop on
    "and"; "public" + "about" are two words and "a" + "about" one, though the plan prints "about" nowhere
    else."""
    seed, layout = GLUED_HEADER_LAYOUTS[name]
    gold = gold_for(layout, json.loads(EDITION_GOLD.read_text(encoding="utf-8")))
    source = tmp_path / "edition.txt"
    source.write_text(damaged_text(gold, layout, seed), encoding="utf-8")
    [plan] = run_sources([source]).plans
    titles = {s["section_no"]: s["title"] for s in gold["sections"]}
    assert {a.section_no: a.section_title for a in plan.activities} == \
        {a["section_no"]: titles.get(a["section_no"]) or "" for a in gold["activities"]}


def read_text_and_score(text: str, truth: dict, folder) -> float:
    """The rows_exact of the plan read from `text`, scored against `truth` (both written into `folder`)."""
    (folder / "gold.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    source = folder / f"{truth['plan_id']}.txt"
    source.write_text(text, encoding="utf-8")
    result = run_sources([source])
    assert not result.failures, result.failures
    publish_run(result, folder / "out")
    return load_scorer().evaluate(str(folder / "out"), str(folder / "gold.json"))["rows_exact"]


def plainly_numbered(gold: dict, headings: str) -> tuple[dict, dict]:
    """The plan numbered 1, 2, 3, ... under its headings, and the truth to score it by (the sections of a
    plan whose headings print no number have none). A section whose heading the plan does not print is left
    out: its activities would sit under the heading before."""
    gold = copy.deepcopy(gold)
    titled = {s["section_no"] for s in gold["sections"] if s["title"]}
    gold["activities"] = [a for a in gold["activities"] if a["section_no"] in titled]
    for n, activity in enumerate(gold["activities"], start=1):
        activity["activity_id"] = str(n)
    scored = copy.deepcopy(gold)
    if headings == "none":
        for item in (*scored["activities"], *scored["sections"]):
            item["section_no"] = None
    return gold, scored


# What the pipeline reached over 8 layouts of both editions (Roman-numbered headings: mean 0.969; unnumbered:
# 0.979, the misses agency boundaries), less a margin.
PLAIN_BARS = {"roman": 0.93, "none": 0.93}


@pytest.mark.parametrize("headings", ["roman", "none"])
def test_plainly_numbered_plans_whose_headings_share_the_activities_bands(headings, tmp_path_factory):
    """Activities numbered 1, 2, 3, ... under headings numbered in Roman numerals or not at all, laid out in
    other layouts: the headings glued to an activity's band are found (by their number, or by the words the
    column edges cut)."""
    scores = []
    for gold_path in (EDITION_GOLD, COLUMNS_EDITION_GOLD):
        for seed in SEEDS:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            layout = Layout.edition(random.Random(seed), any(a["indicator"] for a in gold["activities"]))
            printed, scored = plainly_numbered(gold_for(layout, gold), headings)
            scores.append(read_text_and_score(damaged_text(printed, layout, seed, headings), scored,
                                              tmp_path_factory.mktemp(f"plain-{headings}-{seed}")))
    mean = sum(scores) / len(scores)
    print(f"headings {headings}: rows_exact per layout {[round(s, 3) for s in scores]}, mean {mean:.3f}")
    assert mean >= PLAIN_BARS[headings], scores


# What the pipeline reached over these 8 layouts (1.000 with indicators, 0.650 before the repairs this test came
# with; 0.972 without), less a margin.
RUSSIAN_BAR = 0.95


@pytest.mark.parametrize("indicators", [True, False], ids=["indicators", "no-indicators"])
def test_russian_plans_in_the_text_form_read_mostly_right(indicators, tmp_path_factory):
    """Russian plans damaged as the first editions were: headings cut at the column edges (a lone "и" at the
    start of the next column, a number cut from its dot), names whose series holds a comma, lists opening on
    a body in lower case."""
    scores = []
    for seed in SEEDS:
        truth = russian_truth(seed)
        if not indicators:
            for activity in truth["activities"]:
                activity["indicator"] = None
        scores.append(read_text_and_score(damaged_text(truth, russian_layout(seed, indicators), seed), truth,
                                          tmp_path_factory.mktemp(f"russian-{seed}")))
    mean = sum(scores) / len(scores)
    print(f"rows_exact per layout {[round(s, 3) for s in scores]}, mean {mean:.3f}")
    assert mean >= RUSSIAN_BAR, scores


# What the pipeline reached over 8 layouts of both editions (mean 0.955), less a margin.
LABELLED_BAR = 0.92


def test_plans_whose_headings_label_their_numbers(tmp_path_factory):
    """Headings printed "Commitment 2: Measures ...", glued to the activities' bands as the first editions'
    were: the label is the heading's, the title the text after the number."""
    scores = []
    for gold_path in (EDITION_GOLD, COLUMNS_EDITION_GOLD):
        for seed in SEEDS:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            layout = Layout.edition(random.Random(seed), any(a["indicator"] for a in gold["activities"]))
            truth = gold_for(layout, gold)
            scores.append(read_text_and_score(damaged_text(truth, layout, seed, "labelled"), truth,
                                              tmp_path_factory.mktemp(f"labelled-{seed}")))
    mean = sum(scores) / len(scores)
    print(f"rows_exact per layout {[round(s, 3) for s in scores]}, mean {mean:.3f}")
    assert mean >= LABELLED_BAR, scores
