"""Rules that must hold for every input: no crash but a clear error, every word accounted for,
cleaning is idempotent, and the tables survive CSV -> Parquet -> read back."""
from __future__ import annotations

import random

import pyarrow as pa
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import RAW_PLAN
from extract.errors import ActionPlansError
from extract.model import Fragment, Provenance
from extract.text import lines_to_document, read_text
from normalize.plan import document_to_plan
from normalize.registry import load_registry

REGISTRY = load_registry()
PLAN_LINES = RAW_PLAN.read_text(encoding="utf-8").splitlines()
SETTINGS = settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])


def repaired(lines: list[str]):
    """The plan and its accounting, or None when the text is not a plan (a clear error)."""
    try:
        return document_to_plan(lines_to_document(lines, "fuzz.txt"), "fuzz", REGISTRY, keep_accounting=True)
    except ActionPlansError:
        return None


def assert_every_word_accounted_for(lines: list[str], outcome) -> None:
    if outcome is None:
        return
    plan, accounting = outcome
    assert accounting.missing == ()
    assert len(accounting.places) == sum(len(line.split()) for line in lines)


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes_read_or_fail_clearly(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "random.txt"
    path.write_bytes(data)
    try:
        document = read_text(path)
    except ActionPlansError as exc:
        assert str(path) in str(exc) and "\n" not in str(exc)
        return
    try:
        document_to_plan(document, "random", REGISTRY)
    except ActionPlansError as exc:
        assert "\n" not in str(exc)


@SETTINGS
@given(st.data())
def test_deleting_and_shuffling_bands_of_the_plan_never_loses_a_word(data):
    lines = list(PLAN_LINES)
    for _ in range(data.draw(st.integers(0, 12))):
        if len(lines) > 3:
            del lines[data.draw(st.integers(2, len(lines) - 1))]
    if data.draw(st.booleans()):
        body = lines[2:]
        random.Random(data.draw(st.integers(0, 10_000))).shuffle(body)
        lines = lines[:2] + body
    assert_every_word_accounted_for(lines, repaired(lines))


@SETTINGS
@given(st.lists(st.lists(st.sampled_from(
    ["1.1.", "2.3", "Implementers: Ministry of Finance", "Recommended to:", "2020- 2022", "3. Measures on",
     "public servi", "ices", "Creating a portal", "of the", "", "Nº", "Name of the activity", "\"Azersu\"OJSC",
     "Non- Governmental", "(Ombudsman)", "and relevant state agencies", "4.", "x"]), min_size=1, max_size=6),
    min_size=1, max_size=25))
def test_plan_like_noise_never_crashes_and_loses_no_word(rows):
    lines = ["A plan", ""] + ["\t".join(cells) for cells in rows]
    assert_every_word_accounted_for(lines, repaired(lines))


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@SETTINGS
@given(st.lists(st.tuples(TEXT, st.one_of(st.none(), st.integers(-2**53, 2**53)),
                          st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=64))),
                max_size=30))
def test_csv_to_parquet_and_back_keeps_every_value(tmp_path_factory, values):
    import csv

    import pyarrow.parquet as pq

    from publish.output import write_table

    columns = {"text": ("string", "a string"), "count": ("integer", "an integer"), "score": ("number", "a number")}
    rows = [{"text": t, "count": c, "score": f} for t, c, f in values]
    folder = tmp_path_factory.mktemp("roundtrip")
    write_table(rows, columns, folder / "t.csv")
    with (folder / "t.csv").open(encoding="utf-8", newline="") as f:
        read = list(csv.DictReader(f))
    typed = [{"text": r["text"], "count": int(r["count"]) if r["count"] else None,
              "score": float(r["score"]) if r["score"] else None} for r in read]
    schema = pa.schema([("text", pa.string()), ("count", pa.int64()), ("score", pa.float64())])
    pq.write_table(pa.Table.from_pylist(typed, schema=schema), folder / "t.parquet")
    back = pq.read_table(folder / "t.parquet").to_pylist()
    expected = [{"text": t, "count": c, "score": f} for t, c, f in values]
    assert [r["count"] for r in back] == [r["count"] for r in expected]
    assert [r["score"] for r in back] == [r["score"] for r in expected]
    assert [r["text"] for r in back] == [r["text"] for r in expected]


@SETTINGS
@given(st.lists(st.sampled_from(["Ministry", "of", "Finance", "Cabinet", "Office", "и"]), max_size=12), st.data())
def test_taking_words_out_of_a_fragment_keeps_each_line_break_on_its_word(words, data):
    """A hard line break marks a word; when words before or around it are taken out (a section header glued
    to the band, words the previous activity's cell took), it still marks that word, or goes with it."""
    breaks = tuple(data.draw(st.sets(st.integers(0, max(0, len(words) - 1)))) if words else ())
    start = data.draw(st.integers(0, len(words)))
    end = data.draw(st.integers(start, len(words)))
    fragment = Fragment(" ".join(words), 0, Provenance("f.pdf", 1, 0), tuple(sorted(breaks)))
    left = fragment.without_words(start, end)
    kept = [k for k in range(len(words)) if not start <= k < end]
    assert left.text.split() == [words[k] for k in kept]
    assert [kept[k] for k in left.breaks] == [k for k in fragment.breaks if not start <= k < end]
