"""Equipment gazetteer benchmarks: build time, cold load time, matcher throughput — each against a
baseline measured in the same run.

    python benchmarks/gazetteer.py [--quick]      # alone; benchmarks/run.py calls report() too

- build: tools/build_equipment.py from /work/shared (skipped when the shared data or pymorphy3 is
  missing) vs reading the same Oryx event CSVs with csv.DictReader.
- load (fresh interpreter): Gazetteer.get() and OryxData.get() vs csv.reader over aliases.csv.
- matcher: find_equipment, find_means and the bare automaton scan vs one big alternation regex of every
  alias (re.IGNORECASE, \\b…\\b, longest first) over the news corpus.
"""
from __future__ import annotations

import csv
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.run import interleaved, summary  # noqa: E402

from warclaims.extract.equipment import find_equipment, find_means  # noqa: E402
from warclaims.reference.equipment import DATA, Gazetteer  # noqa: E402

SHARED = Path("/work/shared")
TARGET_MATCH_MBPS = 20.0
TARGET_LOAD_S = 0.2


def _cold(code: str, repeat: int) -> dict[str, float]:
    times = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return summary(times)


def load_times(repeat: int) -> dict[str, Any]:
    aliases = DATA / "aliases.csv"
    res = {
        "import": _cold("import time; t=time.perf_counter(); import warclaims.extract.equipment, ahocorasick; "
                        "print(time.perf_counter()-t)", repeat),
        "gazetteer": _cold("import time; from warclaims.reference.equipment import Gazetteer; t=time.perf_counter(); "
                           "Gazetteer.get(); print(time.perf_counter()-t)", repeat),
        "oryx": _cold("import time; from warclaims.reference.oryx import OryxData; t=time.perf_counter(); "
                      "OryxData.get(); print(time.perf_counter()-t)", repeat),
        "csv_reader": _cold(f"import time, csv; t=time.perf_counter(); list(csv.reader(open({str(aliases)!r}, "
                            "encoding='utf-8'))); print(time.perf_counter()-t)", repeat),
    }
    res["ratio_gazetteer_csv"] = res["gazetteer"]["best"] / res["csv_reader"]["best"]
    return res


def build_time(repeat: int) -> dict[str, Any] | None:
    if not (SHARED / "data" / "verified").is_dir():
        return None
    try:
        import pymorphy3  # noqa: F401
    except ImportError:
        return None
    sys.path.insert(0, str(ROOT / "tools"))
    import build_equipment

    src = SHARED / "data" / "verified" / "scarnecchia_oryx_data"

    def read_only() -> None:
        for st in ("destroyed", "damaged", "abandoned", "captured"):
            with open(src / f"event_{st}.csv", encoding="utf-8") as fh:
                list(csv.DictReader(fh))

    times = interleaved({"build": lambda: build_equipment.build(SHARED), "read_csv": read_only}, repeat)
    res: dict[str, Any] = {k: summary(v) for k, v in times.items()}
    res["ratio"] = res["build"]["best"] / res["read_csv"]["best"]
    return res


def _alternation() -> Callable[[str], list]:
    """The baseline: every alias in one regex, longest first, case-insensitive, \\b on both sides."""
    names = sorted({a.alias for a in Gazetteer.get().aliases}, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.IGNORECASE)
    return lambda text: rx.findall(text)


def matcher(texts: list[str], repeat: int) -> dict[str, Any]:
    gaz = Gazetteer.get()
    alt = _alternation()
    mb = sum(len(t.encode()) for t in texts) / 1e6
    # the regex baseline runs ~0.1 MB/s: it gets a prefix of the corpus (≤ 0.3 MB), compared in MB/s
    sample, size = [], 0
    for t in texts:
        if size > 300_000:
            break
        sample.append(t)
        size += len(t.encode())
    sample_mb = size / 1e6
    fns = {"find_equipment": lambda: [find_equipment(t) for t in texts],
           "find_equipment_noqty": lambda: [find_equipment(t, quantities=False) for t in texts],
           "find_means": lambda: [find_means(t) for t in texts],
           "scan": lambda: [gaz.scan(t) for t in texts],
           "regex_alternation": lambda: [alt(t) for t in sample]}
    times = interleaved(fns, repeat)
    res: dict[str, Any] = {"docs": len(texts), "mb": mb,
                           "mentions": sum(len(find_equipment(t)) for t in texts)}
    for k, ts in times.items():
        res[k] = {**summary(ts), "mb_per_s": (sample_mb if k == "regex_alternation" else mb) / min(ts)}
    res["regex_sample_mb"] = sample_mb
    res["ratio_find_equipment_regex"] = res["find_equipment"]["mb_per_s"] / res["regex_alternation"]["mb_per_s"]
    return res


def lemmatiser(texts: list[str], repeat: int) -> dict[str, Any] | None:
    """The road not taken: pymorphy3 lemmas at run time (every Cyrillic word parsed) vs the build-time
    inflected aliases, on the same Cyrillic texts. None without pymorphy3 (the `build` extra)."""
    try:
        import pymorphy3
    except ImportError:
        return None
    morph = pymorphy3.MorphAnalyzer(lang="uk")
    word = re.compile(r"[а-яіїєґё'’-]+", re.IGNORECASE)
    cyr = [t for t in texts if len(word.findall(t[:2000])) > 50]
    mb = sum(len(t.encode()) for t in cyr) / 1e6

    def lemmas() -> None:
        for t in cyr:
            for w in word.findall(t):
                morph.parse(w)[0].normal_form  # noqa: B018

    times = interleaved({"pymorphy3_lemmas": lemmas, "find_equipment": lambda: [find_equipment(t) for t in cyr]},
                        repeat)
    res: dict[str, Any] = {"docs": len(cyr), "mb": mb}
    for k, ts in times.items():
        res[k] = {**summary(ts), "mb_per_s": mb / min(ts)}
    res["ratio"] = res["find_equipment"]["mb_per_s"] / res["pymorphy3_lemmas"]["mb_per_s"]
    return res


def report(p: Callable[..., None], texts: list[str], repeat: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    p("\n6. equipment gazetteer")
    b = out["build"] = build_time(max(1, repeat // 2))
    if b:
        p(f"   build (tools/build_equipment.py) {b['build']['best']:.2f} s (median {b['build']['median']:.2f}) vs "
          f"reading the Oryx event CSVs {b['read_csv']['best']:.2f} s: {b['ratio']:.1f}×")
    else:
        p("   build: skipped (needs /work/shared and the `build` extra)")
    ld = out["load"] = load_times(repeat)
    g, o, c = ld["gazetteer"], ld["oryx"], ld["csv_reader"]
    p(f"   import warclaims.extract.equipment (the package, once per process) {ld['import']['best'] * 1e3:.0f} ms")
    p(f"   load, cold: Gazetteer {g['best'] * 1e3:.0f} ms (median {g['median'] * 1e3:.0f}), Oryx "
      f"{o['best'] * 1e3:.0f} ms, vs csv.reader(aliases.csv) {c['best'] * 1e3:.1f} ms: "
      f"{ld['ratio_gazetteer_csv']:.1f}×; target < {TARGET_LOAD_S * 1e3:.0f} ms: "
      f"{'PASS' if g['best'] < TARGET_LOAD_S else 'FAIL'}")
    for name, sub in (("real", real_texts()), ("news", texts)):
        m = out[f"matcher_{name}"] = matcher(sub, repeat)
        _matcher_lines(p, name, m)
    lm = out["lemmatiser"] = lemmatiser(real_texts(), max(1, repeat // 2))
    if lm:
        p(f"   run-time lemmas instead (pymorphy3 on every Cyrillic word of {lm['docs']} real uk/ru docs, "
          f"{lm['mb']:.2f} MB): {lm['pymorphy3_lemmas']['mb_per_s']:.2f} MB/s vs find_equipment "
          f"{lm['find_equipment']['mb_per_s']:.1f} MB/s with build-time inflections: {lm['ratio']:.0f}× faster")
    return out


def real_texts() -> list[str]:
    """The real articles and bulletins of the gold sets (tests/gold*), as found on the web."""
    return [f.read_text(encoding="utf-8", errors="replace") for f in sorted(ROOT.glob("tests/gold*/*.txt"))]


def _matcher_lines(p: Callable[..., None], name: str, m: dict[str, Any]) -> None:
    p(f"   matcher on {m['docs']} {name} docs ({m['mb']:.2f} MB, {m['mentions']} mentions), MB/s: "
      + ", ".join(f"{k} {m[k]['mb_per_s']:.1f}" for k in ("find_equipment", "find_equipment_noqty", "find_means",
                                                           "scan", "regex_alternation")))
    p(f"   find_equipment / alternation regex: {m['ratio_find_equipment_regex']:.1f}×; target ≥ "
      f"{TARGET_MATCH_MBPS:g} MB/s: {'PASS' if m['find_equipment']['mb_per_s'] >= TARGET_MATCH_MBPS else 'FAIL'}")


def main(argv: list[str] | None = None) -> dict[str, Any]:
    import argparse

    from benchmarks.corpus import generate

    ap = argparse.ArgumentParser(description="equipment gazetteer benchmarks")
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    docs = generate(300 if args.quick else 3000, 1)
    texts = [d.text for d in docs if d.kind == "news"]
    t = time.perf_counter()
    res = report(lambda *a: print(*a, flush=True), texts, 3 if args.quick else 5)
    print(f"\ndone in {time.perf_counter() - t:.0f} s")
    return res


if __name__ == "__main__":
    main()
