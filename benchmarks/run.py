"""`make bench`: speed and scale figures, each printed against a floor measured in the same run.

The machines are shared and noisy, so every figure is a median of repeated runs and is reported as a
ratio to a floor that the same run measures: what the libraries we build on cost for the same work.
Writes benchmarks/RESULTS.md with the machine's cores, Python and library versions.
"""
from __future__ import annotations

import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import batch_copies, big_cell_plan, long_plan  # noqa: E402

PYTHON = sys.executable
PLAN = ROOT / "raw" / "az-ogp-2020-2022.txt"
PDF = ROOT / "tests" / "fixtures" / "pdf" / "az-ogp-2020-2022-ruled.pdf"
BIG_MB = float(os.environ.get("BENCH_BIG_MB", "50"))
BATCH_SIZES = tuple(int(n) for n in os.environ.get("BENCH_BATCH_SIZES", "10,100,1000").split(","))
RSS_PROBE = """
import resource, runpy, sys
sys.argv = ["pipeline.py", *sys.argv[1:]]
try:
    runpy.run_path("pipeline.py", run_name="__main__")
except SystemExit:
    pass
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("RSS_KB", max(own, children), file=sys.stderr)
"""
rows: list[tuple[str, str, str, str, str]] = []


def run_process(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_of(repeat: int, work) -> float:
    return statistics.median(work() for _ in range(repeat))


def peak_rss_mb(args: list[str]) -> float:
    done = subprocess.run([PYTHON, "-c", RSS_PROBE, *args], cwd=ROOT, capture_output=True, text=True)
    line = [x for x in done.stderr.splitlines() if x.startswith("RSS_KB")][-1]
    return int(line.split()[1]) / 1024


def record(name: str, value: str, floor: str, ratio: float | None, target: str) -> None:
    ratio_text = "" if ratio is None else f"{ratio:.2f}x"
    rows.append((name, value, floor, ratio_text, target))
    print(f"{name:<44} {value:>16} {floor:>16} {ratio_text:>8}  {target}", flush=True)


def bench_startup(tmp: Path) -> float:
    floor = median_of(5, lambda: run_process([PYTHON, "-c", "import pandas, pyarrow.parquet, rapidfuzz, click"]))
    ours = median_of(5, lambda: run_process([PYTHON, "pipeline.py", "run", str(PLAN), "-o", str(tmp / "start"),
                                             "--jobs", "1"]))
    record("start-up: run the 2020-2022 plan (s)", f"{ours:.3f}", f"{floor:.3f} imports", ours / floor,
           "<= 1.3x")
    return ours


def bench_throughput(tmp: Path, startup: float) -> None:
    per_plan = {}
    for count in BATCH_SIZES:
        folder = tmp / f"batch{count}"
        batch_copies(folder, count)
        activities = 64 * count
        floor = median_of(3, lambda: run_process(
            [PYTHON, "-c", f"import pathlib; [p.read_text().splitlines() for p in sorted(pathlib.Path('{folder}').glob('*.txt'))]"]))
        for jobs in (1, 2):
            repeat = 3 if count <= 100 else 1
            took = median_of(repeat, lambda: run_process([PYTHON, "pipeline.py", "run", str(folder), "-o",
                                                          str(tmp / f"out{count}-{jobs}"), "--jobs", str(jobs)]))
            work = max(took - startup, 1e-9)
            per_plan[(count, jobs)] = work
            record(f"batch of {count}, --jobs {jobs}: plans/s (activities/s)",
                   f"{count / work:.1f} ({activities / work:.0f})", f"{floor:.3f} s read", took / max(floor, 1e-9),
                   f">= {50 * jobs} plans/s after start-up")
    if 100 in BATCH_SIZES and 1000 in BATCH_SIZES:
        for jobs in (1, 2):
            growth = per_plan[(1000, jobs)] / per_plan[(100, jobs)]
            record(f"growth 100 -> 1000 plans, --jobs {jobs}", f"{growth:.2f}x", "10x linear", growth / 10,
                   "<= 1.2 of linear")


def bench_pdf() -> None:
    if not PDF.exists():
        record("PDF: s/page (no generated PDF found)", "-", "-", None, "<= 1.5x")
        return
    import pdfplumber

    from pipeline import RunOptions, run_sources

    with pdfplumber.open(PDF) as pdf:
        pages = len(pdf.pages)

    def words_only():
        with pdfplumber.open(PDF) as pdf:
            for page in pdf.pages:
                page.extract_words()

    floor = median_of(3, lambda: timed(words_only)) / pages
    ours = median_of(3, lambda: timed(lambda: run_sources([PDF], RunOptions(jobs=1)))) / pages
    record(f"PDF: run, s/page ({pages} pages)", f"{ours:.4f}", f"{floor:.4f} words", ours / floor, "<= 1.5x")


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def distinct_mentions(count: int, seed: int = 0) -> list[str]:
    """Registry spellings respelled (capitals, a dropped or doubled letter, suffixes) and invented names."""
    from normalize.registry import load_registry

    rng = random.Random(seed)
    spellings = [s for agency in load_registry().agencies for s in agency.spellings]
    words = sorted({w for s in spellings for w in s.split() if w.isalpha()})
    found: set[str] = set()
    while len(found) < count:
        base = rng.choice(spellings)
        kind = rng.random()
        if kind < 0.3:
            i = rng.randrange(len(base))
            base = base[:i] + base[i + 1:]
        elif kind < 0.5:
            base = base.upper()
        elif kind < 0.7:
            base = f"{base} of the Republic of Azerbaijan"
        elif kind < 0.85:
            base = " ".join(rng.sample(words, rng.randint(2, 5)))
        else:
            i = rng.randrange(len(base))
            base = base[:i] + base[i] + base[i:]
        found.add(base)
    return sorted(found)


def bench_matching() -> None:
    from rapidfuzz import fuzz, process

    from normalize import matching
    from normalize.registry import load_registry

    mentions = distinct_mentions(10_000)
    registry = load_registry()
    spellings = [s for agency in registry.agencies for s in agency.spellings]
    floor = median_of(3, lambda: timed(lambda: process.cdist(mentions, spellings, scorer=fuzz.ratio, workers=-1)))

    def match_fresh():
        fresh = load_registry()          # a new registry object: nothing cached from the previous round
        matching.match_mentions(mentions, fresh)

    ours = median_of(3, lambda: timed(match_fresh))
    record("agency matching: 10,000 distinct mentions (s)", f"{ours:.3f}", f"{floor:.3f} cdist", ours / floor,
           "< 1 s")


def bench_memory(tmp: Path) -> None:
    floor = peak_rss_mb(["--help"])
    if 1000 in BATCH_SIZES:
        batch = peak_rss_mb(["run", str(tmp / "batch1000"), "-o", str(tmp / "rss1000"), "--jobs", "1"])
        record("peak RSS: batch of 1000 plans (MB)", f"{batch:.0f}", f"{floor:.0f} start", batch / floor, "< 1024 MB")
    big = long_plan(tmp / "long.txt", int(BIG_MB * 1024 * 1024))
    size = big.stat().st_size / 1024 / 1024
    start = time.perf_counter()
    rss = peak_rss_mb(["run", str(big), "-o", str(tmp / "rsslong"), "--jobs", "1", "--timeout", "3600"])
    took = time.perf_counter() - start
    record(f"peak RSS: one {size:.0f} MB text (MB), took {took:.0f} s", f"{rss:.0f}", f"{floor:.0f} start",
           rss / floor, "< 1024 MB")


CELL_NAMES = ["Ministry of Finance", "Ministry of Justice", "Cabinet of Ministers", "State Customs Committee"]


def run_of_names(megabytes: float) -> str:
    """Agency names run together without commas (the splitter's hardest case), about `megabytes` long."""
    rng = random.Random(megabytes)
    names: list[str] = []
    size = 0
    while size < megabytes * 1024 * 1024:
        names.append(rng.choice(CELL_NAMES))
        size += len(names[-1]) + 1
    return " ".join(names)


def bench_big_cells(tmp: Path, startup: float) -> None:
    """One agency cell of 1 and 4 MB: time after start-up, and its growth against linear (4x)."""
    took = {}
    for megabytes in (1, 4):
        plan = big_cell_plan(tmp / f"cell{megabytes}.txt", run_of_names(megabytes), 2)
        took[megabytes] = median_of(3, lambda: run_process([PYTHON, "pipeline.py", "run", str(plan), "-o",
                                                            str(tmp / f"cell{megabytes}"), "--jobs", "1"]))
        record(f"one {megabytes} MB agency cell: run (s)", f"{took[megabytes]:.2f}", f"{startup:.3f} start-up",
               took[megabytes] / startup, "linear in the cell")
    growth = (took[4] - startup) / max(took[1] - startup, 1e-9)
    record("growth 1 -> 4 MB cell, after start-up", f"{growth:.2f}x", "4x linear", growth / 4, "<= 1.2 of linear")


def write_results() -> None:
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in
                         ("pandas", "pyarrow", "rapidfuzz", "pdfplumber", "click"))
    lines = [
        "# Benchmark results",
        "",
        f"Last `make bench`: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, on {os.cpu_count()} cores, "
        f"{platform.machine()}, Python {platform.python_version()}; {versions}.",
        "",
        "Every figure is a median of repeated runs, with the floor measured in the same run; the ratio is "
        "ours / floor.",
        "",
        "| figure | ours | floor | ratio | target |",
        "| --- | --- | --- | --- | --- |",
        *[f"| {' | '.join(row)} |" for row in rows],
        "",
    ]
    (Path(__file__).with_name("RESULTS.md")).write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    print(f"{'figure':<44} {'ours':>16} {'floor':>16} {'ratio':>8}  target")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        startup = bench_startup(tmp)
        bench_matching()
        bench_pdf()
        bench_throughput(tmp, startup)
        bench_big_cells(tmp, startup)
        bench_memory(tmp)
    write_results()
    print(f"wrote {Path(__file__).with_name('RESULTS.md').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
