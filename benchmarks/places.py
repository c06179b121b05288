"""Place gazetteer benchmarks (warclaims/extract/places.py), run by benchmarks/run.py as section 6.

- load, cold: Gazetteer.get() in a fresh interpreter (the module already imported), against reading
  places.csv with csv.DictReader (the least any loader must do) and against compiling the keys at load
  (the fallback when places.keys.gz is stale).
- matcher: find_places over the news corpus, against one big regex alternation of every name as written
  (no inflections) with Unicode word boundaries: the naive gazetteer. The regex is ~250× slower, so it
  runs on a slice of the corpus; both are reported in MB/s of UTF-8 text.
"""
from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PLACES_CSV = ROOT / "src" / "warclaims" / "data" / "places" / "places.csv"
TARGET_LOAD_S, TARGET_MBPS = 0.3, 20.0

_TIMED = "import time; {setup}; t=time.perf_counter(); c=time.process_time(); {stmt}; " \
         "print(time.perf_counter()-t, time.process_time()-c)"
_CODES = {
    "gazetteer": _TIMED.format(setup="from warclaims.extract import places", stmt="places.Gazetteer.get()"),
    "compile_at_load": _TIMED.format(setup="from warclaims.extract import places; rows=places.load_rows()",
                                     stmt="places.Gazetteer(rows)"),
    "csv_rows": _TIMED.format(setup="import csv", stmt=f"list(csv.DictReader(open({str(PLACES_CSV)!r}, "
                                                      "encoding='utf-8', newline='')))"),
}


def _seconds(code: str) -> tuple[float, float]:
    """(wall, CPU) seconds of the timed statement in a fresh interpreter."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    wall, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def load(repeat: int, summary: Callable[[list[float]], dict[str, float]]) -> dict[str, Any]:
    """Wall and CPU time: on a machine shared with other jobs the wall time of a cold load mostly measures
    the others; CPU time is what the load costs."""
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in _CODES}
    for _ in range(repeat):
        for k, code in _CODES.items():
            runs[k].append(_seconds(code))
    res: dict[str, Any] = {k: {**summary([w for w, _ in v]), "cpu": summary([c for _, c in v])}
                           for k, v in runs.items()}
    res["ratio_csv"] = res["gazetteer"]["best"] / res["csv_rows"]["best"]
    res["ratio_compile"] = res["compile_at_load"]["best"] / res["gazetteer"]["best"]
    return res


def naive_regex() -> re.Pattern[str]:
    """Every name and alias of every place as written, longest first, between word boundaries."""
    from warclaims.extract.places import load_rows

    names: set[str] = set()
    for r in load_rows():
        names |= {r["name_en"], r["name_uk"], r["name_ru"], *r["aliases"].split("|")} - {""}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def matcher(texts: list[str], repeat: int, interleaved: Callable[..., dict[str, list[float]]],
            summary: Callable[[list[float]], dict[str, float]], baseline_share: int = 20) -> dict[str, Any]:
    from warclaims.extract.places import Gazetteer, find_places

    Gazetteer.get()
    t = time.perf_counter()
    rx = naive_regex()
    compile_s = time.perf_counter() - t
    sliced = texts[: max(1, len(texts) // baseline_share)]
    mb = sum(len(x.encode()) for x in texts) / 1e6
    mb_slice = sum(len(x.encode()) for x in sliced) / 1e6
    found: dict[str, int] = {}
    times = interleaved({
        "find_places": lambda: found.__setitem__("ours", sum(len(find_places(x)) for x in texts)),
        "regex": lambda: found.__setitem__("regex", sum(len(rx.findall(x)) for x in sliced)),
    }, repeat)
    res: dict[str, Any] = {"texts": len(texts), "mb": mb, "regex_texts": len(sliced), "regex_mb": mb_slice,
                           "regex_compile_s": compile_s}
    for k, ts in times.items():
        size = mb if k == "find_places" else mb_slice
        res[k] = {**summary(ts), "mb_per_s": size / min(ts)}
    cpu = []
    for _ in range(repeat):  # CPU time too: on a shared machine wall time also measures the other jobs
        c = time.process_time()
        for x in texts:
            find_places(x)
        cpu.append(time.process_time() - c)
    res["find_places"]["cpu_mb_per_s"] = mb / min(cpu)
    res["ratio"] = res["find_places"]["mb_per_s"] / res["regex"]["mb_per_s"]
    res["mentions_per_mb"] = found["ours"] / mb
    return res


def report(p: Callable[..., None], texts: list[str], repeat: int, interleaved: Callable[..., dict[str, list[float]]],
           summary: Callable[[list[float]], dict[str, float]]) -> dict[str, Any]:
    p("\n7. places: gazetteer load (cold) and find_places throughput")
    ld = load(repeat, summary)
    g, c, b = ld["gazetteer"], ld["compile_at_load"], ld["csv_rows"]
    p(f"   Gazetteer.get() {g['best']:.3f} s (median {g['median']:.3f}; CPU {g['cpu']['best']:.3f} s) vs "
      f"csv.DictReader(places.csv) {b['best']:.3f} s: {ld['ratio_csv']:.1f}×; compiling the forms at load "
      f"instead: {c['best']:.3f} s ({ld['ratio_compile']:.1f}× the shipped keys)")
    p(f"   target < {TARGET_LOAD_S:g} s: {'PASS' if g['best'] < TARGET_LOAD_S else 'FAIL'}"
      f"{'' if g['best'] < TARGET_LOAD_S or g['cpu']['best'] >= TARGET_LOAD_S else ' (CPU time passes: busy machine)'}")
    m = matcher(texts, repeat, interleaved, summary)
    o, r = m["find_places"], m["regex"]
    p(f"   find_places {o['mb_per_s']:.1f} MB/s (CPU time: {o['cpu_mb_per_s']:.1f} MB/s; {m['mb']:.2f} MB, "
      f"{m['texts']} texts, best {o['best']:.3f} s, "
      f"median {o['median']:.3f}; {m['mentions_per_mb']:.0f} places/MB) vs one regex alternation of every name "
      f"{r['mb_per_s']:.3f} MB/s ({m['regex_mb']:.2f} MB slice, compiled in {m['regex_compile_s']:.2f} s): "
      f"{m['ratio']:.0f}×")
    busy = o["mb_per_s"] < TARGET_MBPS <= o["cpu_mb_per_s"]
    p(f"   target ≥ {TARGET_MBPS:g} MB/s: {'PASS' if o['mb_per_s'] >= TARGET_MBPS else 'FAIL'}"
      f"{' (CPU time passes: busy machine)' if busy else ''}")
    return {"load": ld, "matcher": m}
