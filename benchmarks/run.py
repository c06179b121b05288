"""warclaims benchmarks: every figure is a ratio against a baseline measured in the same run.

    ./dev bench                 # python benchmarks/run.py: the full run (3000 documents, best of 5)
    ./dev bench --quick         # smaller corpus, fewer repeats (what the smoke test exercises)
    ./dev bench --json          # also write benchmarks/out/results.json
    ./dev bench --profile       # cProfile of extract_tallies on the news corpus, top 15 by cumulative time
    ./dev bench --no-ledger     # without section 9, the ledger (benchmarks/ledger.py)
    ./dev bench --no-web        # without section 10, the REST API load run (benchmarks/web.py; needs the [web] extra)

Timing: one process, one core. A measurement runs the code under test and its baseline alternately,
`repeat` times each after one warm-up pass, and reports the best pass (the least disturbed by the
noisy machine) with the median beside it. MB are 10^6 bytes of UTF-8 text.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import places as places_bench  # noqa: E402
from benchmarks.corpus import Doc, generate  # noqa: E402
from benchmarks.naive import naive_extract  # noqa: E402
from benchmarks.statements import (  # noqa: E402
    TARGET_OVERHEAD,
    overhead,
    pipeline_overhead,
    real_texts,
    shared_scan_cost,
)

import warclaims  # noqa: E402
from warclaims.extract.tallies import extract_tallies  # noqa: E402
from warclaims.ingest import load_text  # noqa: E402
from warclaims.pipeline import Options  # noqa: E402
from warclaims.pipeline import run as run_pipeline  # noqa: E402

OFFICIAL = ROOT / "src" / "warclaims" / "data" / "official"
EXAMPLE = ROOT / "examples" / "express-kamikaze-drones.txt"
EXAMPLE_PUBLISHED = "2023-03-30"
GOLD = ROOT / "tests" / "gold"
OUT = ROOT / "benchmarks" / "out"
TARGET_MBPS, TARGET_LOAD_S, TARGET_CHECK_S = 2.0, 0.5, 1e-3


# ---- timing helpers ----------------------------------------------------------------------------

def interleaved(fns: dict[str, Callable[[], Any]], repeat: int,
                clock: Callable[[], float] = time.perf_counter) -> dict[str, list[float]]:
    """One warm-up call of each, then `repeat` rounds calling each once; seconds per call (wall time, or the
    process's CPU time with clock=time.process_time)."""
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            gc.collect()
            t = clock()
            fn()
            times[name].append(clock() - t)
    return times


def cpu_interleaved(fns: dict[str, Callable[[], Any]], repeat: int) -> dict[str, list[float]]:
    """interleaved in CPU seconds: an overhead is a ratio of two close figures, and on a shared machine wall
    time swings by more than the difference."""
    return interleaved(fns, repeat, time.process_time)


def summary(times: list[float]) -> dict[str, float]:
    return {"best": min(times), "median": statistics.median(times), "runs": len(times)}


def ours(doc: Doc):
    return extract_tallies(doc.text, doc.published, doc.language)[0]


def scored(tallies) -> set[tuple[str, int]]:
    """(category, value) of the cumulative Russian-loss tallies: what score.py counts."""
    return {(t.category, t.value) for t in tallies if t.losing_side == "RUS" and t.scope == "cumulative"}


# ---- 1. extraction throughput ----------------------------------------------------------------------

def extraction(name: str, docs: list[Doc], repeat: int) -> dict[str, Any]:
    mb = sum(len(d.text.encode()) for d in docs) / 1e6
    found: dict[str, list] = {}
    fns = {"ours": lambda: found.__setitem__("ours", [ours(d) for d in docs]),
           "naive": lambda: found.__setitem__("naive", [naive_extract(d.text) for d in docs])}
    times = interleaved(fns, repeat)
    res: dict[str, Any] = {"corpus": name, "docs": len(docs), "mb": mb}
    for k, ts in times.items():
        s = summary(ts)
        res[k] = {**s, "mb_per_s": mb / s["best"], "docs_per_s": len(docs) / s["best"]}
    res["ratio_ours_naive"] = res["ours"]["mb_per_s"] / res["naive"]["mb_per_s"]
    # What the planted figures (Doc.truth) say about both: a sanity check of corpus and extractors.
    for k, outs in found.items():
        tp = fp = fn = 0
        for d, out in zip(docs, outs, strict=True):
            pred, truth = scored(out) if k == "ours" else set(out), set(d.truth.items())
            tp, fp, fn = tp + len(pred & truth), fp + len(pred - truth), fn + len(truth - pred)
        res[k]["planted"] = {"precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn
                             else 1.0}
    return res


# ---- 2. the full pipeline -------------------------------------------------------------------------

def pipeline(docs: list[Doc], repeat: int) -> dict[str, Any]:
    """warclaims.extract (ingest + extract + check) against extract_tallies alone on the same documents."""
    fns = {"extract_tallies": lambda: [ours(d) for d in docs],
           "pipeline": lambda: [warclaims.extract(d.text, published=d.published, check=True) for d in docs],
           "no_events": lambda: [run_pipeline(load_text(d.text, published=d.published),
                                              Options(check=False, events=False, statements=False)) for d in docs],
           "with_events": lambda: [run_pipeline(load_text(d.text, published=d.published),
                                                Options(check=False, statements=False)) for d in docs],
           "with_statements": lambda: [run_pipeline(load_text(d.text, published=d.published),
                                                    Options(check=False)) for d in docs]}
    times = interleaved(fns, repeat)
    mb = sum(len(d.text.encode()) for d in docs) / 1e6
    res: dict[str, Any] = {"docs": len(docs), "mb": mb}
    for k, ts in times.items():
        res[k] = {**summary(ts), "docs_per_s": len(docs) / min(ts), "mb_per_s": mb / min(ts)}
    res["ratio_time"] = res["pipeline"]["best"] / res["extract_tallies"]["best"]
    res["ratio_events"] = res["with_events"]["best"] / res["no_events"]["best"]
    res["ratio_statements"] = res["with_statements"]["best"] / res["with_events"]["best"]
    return res


# ---- 3. series load, cold ---------------------------------------------------------------------------

def _subprocess_seconds(code: str) -> tuple[float, float]:
    """(seconds the snippet prints, wall seconds of the whole interpreter run)."""
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1]), time.perf_counter() - t


def series_load(repeat: int) -> dict[str, Any]:
    largest = max(OFFICIAL.rglob("*.json"), key=lambda p: p.stat().st_size)
    codes = {
        "series": "import time; t=time.perf_counter(); from warclaims.reference.series import Series; "
                  "Series.load(); print(time.perf_counter()-t)",
        "json": f"import time; t=time.perf_counter(); import json; json.load(open({str(largest)!r})); "
                "print(time.perf_counter()-t)",
    }
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in codes}
    for _ in range(repeat):
        for k, code in codes.items():
            runs[k].append(_subprocess_seconds(code))
    res: dict[str, Any] = {"baseline_file": str(largest.relative_to(ROOT)), "bytes": largest.stat().st_size}
    for k, rs in runs.items():
        res[k] = {**summary([r[0] for r in rs]), "wall_best": min(r[1] for r in rs)}
    res["ratio"] = res["series"]["best"] / res["json"]["best"]
    return res


# ---- 4. check time per tally ------------------------------------------------------------------------

def check_time(rounds: int, repeat: int) -> dict[str, Any]:
    from warclaims.checks import check_tallies
    from warclaims.reference.series import Series

    tallies = ours(Doc("example", "news", "example", "en", EXAMPLE_PUBLISHED, EXAMPLE.read_text(encoding="utf-8")))
    s = Series.load()
    table = {(c, v.date): v.value for c in s.categories for v in s.window(c, s.first_date, s.last_date)}

    def lookups():
        for _ in range(rounds):
            for t in tallies:
                _ = table.get((t.category, EXAMPLE_PUBLISHED)) == t.value

    times = interleaved({"check_tallies": lambda: [check_tallies(tallies, EXAMPLE_PUBLISHED) for _ in range(rounds)],
                         "dict_lookup": lookups}, repeat)
    n = rounds * len(tallies)
    res: dict[str, Any] = {"tallies": len(tallies), "rounds": rounds}
    for k, ts in times.items():
        res[k] = {**summary([x / n for x in ts])}
    res["ratio"] = res["check_tallies"]["best"] / res["dict_lookup"]["best"]
    checks, _ = check_tallies(tallies, EXAMPLE_PUBLISHED)
    res["statuses"] = {st: sum(c.status == st for c in checks) for st in sorted({c.status for c in checks})}
    return res


# ---- 5. quality on the gold corpus ------------------------------------------------------------------

def quality() -> dict[str, Any]:
    """P/R/F1 with score.py's semantics (tests/quality/scoring.py), both extractors on the same Document
    text that the CLI builds (decoding, publication date and language found in the file)."""
    from tests.quality.scoring import Score, load_index

    from warclaims.ingest import load_path
    from warclaims.pipeline import Options, run

    res: dict[str, Any] = {}
    index = load_index(GOLD)
    docs = [load_path(GOLD / row["file"]) for row in index]
    preds = {"ours": [scored(run(d, Options(check=False)).loss_tallies) for d in docs],
             "naive": [set(naive_extract(d.text)) for d in docs]}
    for k, pred_list in preds.items():
        s = Score(texts=len(index))
        for row, pred in zip(index, pred_list, strict=True):
            gold = {(c, int(v)) for c, v in (row.get("gold") or {}).items()}
            s.tp, s.fp, s.fn = s.tp + len(pred & gold), s.fp + len(pred - gold), s.fn + len(gold - pred)
            s.fp_texts += bool(pred and not gold)
        res[k] = {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn,
                  "fp_texts": s.fp_texts}
    res["texts"] = len(index)
    return res


# ---- profile ------------------------------------------------------------------------------------------

def profile(docs: list[Doc], top: int = 15) -> str:
    for d in docs[:20]:
        ours(d)
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        ours(d)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).strip_dirs().sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


# ---- report -------------------------------------------------------------------------------------------

def _git() -> str | None:
    """The commit measured, "+dirty" when src/ has uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "src"], capture_output=True, text=True, cwd=ROOT,
                               check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+dirty" if dirty else "")


def _ms(s: float) -> str:
    return f"{s * 1e3:.3f} ms" if s >= 1e-4 else f"{s * 1e6:.3f} µs"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description="warclaims benchmarks (ratios against same-run baselines)")
    ap.add_argument("--quick", action="store_true", help="300 documents, 3 repeats (smoke run)")
    ap.add_argument("--json", action="store_true", help=f"also write {OUT.relative_to(ROOT)}/results.json")
    ap.add_argument("--profile", action="store_true", help="cProfile extract_tallies on the news corpus")
    ap.add_argument("--n", type=int, help="documents in the corpus (default 3000, --quick 300)")
    ap.add_argument("--repeat", type=int, help="timed passes per measurement (default 5, --quick 3)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-ledger", action="store_true", help="skip the ledger benchmarks (benchmarks/ledger.py)")
    ap.add_argument("--no-web", action="store_true", help="skip the REST API load run (benchmarks/web.py)")
    args = ap.parse_args(argv)
    n = args.n or (300 if args.quick else 3000)
    repeat = args.repeat or (3 if args.quick else 5)
    p = lambda *a: print(*a, flush=True)  # noqa: E731

    git = _git()
    p(f"warclaims {warclaims.__version__} ({git or 'no git'}) benchmarks: Python {platform.python_version()}, "
      f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}; one process; best of {repeat} interleaved passes "
      "(median in brackets)")
    t0 = time.perf_counter()
    docs = generate(n, args.seed)
    news = [d for d in docs if d.kind == "news"]
    bulletins = [d for d in docs if d.kind == "bulletin"]
    p(f"corpus: seed {args.seed}, {len(news)} news + {len(bulletins)} bulletins, generated in "
      f"{time.perf_counter() - t0:.1f} s")
    results: dict[str, Any] = {"git": git, "python": platform.python_version(), "cpus": os.cpu_count(),
                               "loadavg": os.getloadavg()[0], "n": n,
                               "repeat": repeat, "seed": args.seed}

    p("\n1. extract_tallies vs naive (one regex per category), one core")
    p(f"   {'corpus':<10}{'docs':>6}{'MB':>7}  {'ours s':>15}{'MB/s':>7}{'docs/s':>8}  {'naive s':>15}{'MB/s':>7}"
      f"{'docs/s':>8}  ours/naive")
    results["extraction"] = []
    for name, sub in (("news", news), ("bulletins", bulletins)):
        r = extraction(name, sub, repeat)
        results["extraction"].append(r)
        o, nv = r["ours"], r["naive"]
        p(f"   {name:<10}{r['docs']:>6}{r['mb']:>7.2f}  {o['best']:>6.3f} ({o['median']:.3f}){o['mb_per_s']:>7.2f}"
          f"{o['docs_per_s']:>8.0f}  {nv['best']:>6.3f} ({nv['median']:.3f}){nv['mb_per_s']:>7.2f}"
          f"{nv['docs_per_s']:>8.0f}  {r['ratio_ours_naive']:.3f}× (naive {1 / r['ratio_ours_naive']:.0f}× faster)")
    for r in results["extraction"]:
        o, nv = r["ours"]["planted"], r["naive"]["planted"]
        p(f"   planted figures found in {r['corpus']}: ours P={o['precision']:.3f} R={o['recall']:.3f}, "
          f"naive P={nv['precision']:.3f} R={nv['recall']:.3f}")
    mbps = results["extraction"][0]["ours"]["mb_per_s"]
    p(f"   target ≥ {TARGET_MBPS:g} MB/s per core on news text: {mbps:.2f} MB/s "
      f"{'PASS' if mbps >= TARGET_MBPS else 'FAIL'}")

    p("\n2. full pipeline warclaims.extract(text, published=…, check=True) vs extract_tallies alone")
    results["pipeline"] = {}
    for name, sub in (("news", news), ("bulletins", bulletins)):
        r = pipeline(sub, repeat)
        results["pipeline"][name] = r
        pl, ex = r["pipeline"], r["extract_tallies"]
        p(f"   {name:<10} pipeline {pl['docs_per_s']:7.0f} docs/s ({pl['best']:.3f} s, median {pl['median']:.3f}); "
          f"extract_tallies {ex['docs_per_s']:7.0f} docs/s; pipeline takes {r['ratio_time']:.2f}× the time")
        we, ne = r["with_events"], r["no_events"]
        ws = r["with_statements"]
        p(f"   {'':<10} tallies {ne['mb_per_s']:.2f} MB/s; + events {we['mb_per_s']:.2f} MB/s "
          f"({r['ratio_events']:.2f}× "
          f"the time); + statements {ws['mb_per_s']:.2f} MB/s ({r['ratio_statements']:.2f}× the time with events)")
    we = results["pipeline"]["news"]["with_events"]["mb_per_s"]
    p(f"   target ≥ 1 MB/s per core for the whole extract (tallies + events) on news: {we:.2f} MB/s "
      f"{'PASS' if we >= 1.0 else 'FAIL'}")

    p("\n3. series load, cold (fresh interpreter, time inside it)")
    r = results["series_load"] = series_load(repeat)
    p(f"   Series.load() {r['series']['best']:.3f} s (median {r['series']['median']:.3f}; wall with interpreter "
      f"{r['series']['wall_best']:.3f} s) vs json.load({Path(r['baseline_file']).name}, {r['bytes'] / 1e6:.2f} MB) "
      f"{r['json']['best']:.3f} s (wall {r['json']['wall_best']:.3f} s): {r['ratio']:.1f}×")
    p(f"   target < {TARGET_LOAD_S:g} s: {'PASS' if r['series']['best'] < TARGET_LOAD_S else 'FAIL'}")

    p("\n4. check time per tally (check_tallies on the example article's tallies, warm)")
    r = results["check"] = check_time(20 if args.quick else 100, repeat)
    c, b = r["check_tallies"], r["dict_lookup"]
    p(f"   {r['tallies']} tallies × {r['rounds']} rounds: {_ms(c['best'])}/tally (median {_ms(c['median'])}) vs dict "
      f"lookup {_ms(b['best'])}/tally: {r['ratio']:.0f}×; statuses {r['statuses']}")
    p(f"   target < 1 ms: {'PASS' if c['best'] < TARGET_CHECK_S else 'FAIL'}")

    p("\n5. quality on tests/gold (score.py semantics: cumulative Russian losses as (category, value))")
    r = results["quality"] = quality()
    for k in ("ours", "naive"):
        q = r[k]
        p(f"   {k:<6} P={q['precision']:.3f} R={q['recall']:.3f} F1={q['f1']:.3f} (tp {q['tp']}, fp {q['fp']}, "
          f"fn {q['fn']}; texts with a false positive where gold is empty: {q['fp_texts']})")
    from benchmarks.gazetteer import report as gazetteer_report  # equipment gazetteer: build, load, matcher

    results["gazetteer"] = gazetteer_report(p, [d.text for d in news], repeat)
    results["places"] = places_bench.report(p, [d.text for d in news], repeat, interleaved, summary)
    p("\n8. statements: extract_tallies + extract_statements vs extract_tallies alone (issue 5: ≤ +30 %), CPU time")
    results["statements"] = {}
    for name, sub in (("news", [(d.text, d.published, d.language) for d in news]),
                      ("bulletins", [(d.text, d.published, d.language) for d in bulletins]),
                      ("real texts", real_texts(ROOT))):
        r = results["statements"][name] = overhead(sub, max(repeat, 5), cpu_interleaved)
        p(f"   {name:<10} {r['docs']:>5} docs: tallies {r['tallies_s']:.3f} s, with statements "
          f"{r['with_statements_s']:.3f} s: +{r['overhead'] * 100:.1f} % "
          f"(target ≤ +{TARGET_OVERHEAD * 100:.0f} %: {'PASS' if r['pass'] else 'FAIL'})")
    for name, sub in (("news", [(d.text, d.published, d.language) for d in news]), ("real texts", real_texts(ROOT))):
        r = results["statements"]["pipeline " + name] = pipeline_overhead(sub, max(repeat, 5), cpu_interleaved)
        p(f"   full pipeline (ingest, tallies, checks) on {name}: {r['without_s']:.3f} s without statements, "
          f"{r['with_s']:.3f} s with: +{r['overhead'] * 100:.1f} % ({'PASS' if r['pass'] else 'FAIL'})")
    r = results["statements"]["shared_scan"] = shared_scan_cost([d.text for d in news], max(repeat, 5),
                                                                cpu_interleaved)
    p(f"   inside the baseline: the tallies' one-pass scan reads the statements' word lists too: "
      f"{r['with_ms']:.3f} ms/doc with them, {r['without_ms']:.3f} without (+{r['extra_ms']:.3f} ms/doc)")
    if args.profile:
        p("\nprofile: extract_tallies on the news corpus, top 15 by cumulative time")
        results["profile"] = profile(news)
        p(results["profile"])
    if not args.no_ledger:
        p("\n9. the ledger (benchmarks/ledger.py)")
        from benchmarks import ledger

        results["ledger"] = ledger.main(["--quick"] if args.quick else [])
    if not args.no_web:
        from benchmarks import web

        p("\n10. REST API load run (one uvicorn worker, loopback; GET /api/health as the baseline)")
        results["web"] = web.run(5_000 if args.quick else 100_000, 1.0 if args.quick else 3.0)
    results["seconds"] = time.perf_counter() - t0
    p(f"\ndone in {results['seconds']:.0f} s")
    if args.json:
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
        p(f"wrote {OUT.relative_to(ROOT)}/results.json")
    return results


if __name__ == "__main__":
    main()
