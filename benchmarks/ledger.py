"""Ledger benchmarks (issue 6): ingest throughput, the ledger's own overhead, WARC, executors, memory, queries.

    python benchmarks/ledger.py            # the full run (≈ 2 min on 2 busy cores)
    python benchmarks/ledger.py --quick    # small sizes (what the smoke test runs)

Every figure sits beside a baseline measured in the same run:
  1. ingest from local files (load + extract + check + SQLite) vs warclaims.extract alone on the same texts
  2. the ledger's own cost: writing ready outcomes, and re-ingesting known files (extraction skipped)
  3. WARC: the index pass (records/s) and ingest of a Common-Crawl-News-like WARC (records/s)
  4. executors on the WARC: serial vs processes vs Dask LocalCluster, 2 workers (speed-up vs serial)
  5. peak memory (RSS) of a fresh process ingesting N documents, vs the same interpreter importing warclaims
  6. claims queries with filters on a ledger of ≥ 100,000 claims: p50/p99 ms, vs the same filters on the JSON
     column without indexes
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import Doc, generate  # noqa: E402

import warclaims  # noqa: E402
from warclaims.ingestion import ingest_sources  # noqa: E402
from warclaims.store import Ledger, simhash  # noqa: E402


def news_docs(n: int, seed: int = 3) -> list[Doc]:
    docs = [d for d in generate(int(n * 1.6) + 10, seed) if d.kind == "news"]
    return docs[:n]


def write_files(docs: list[Doc], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for d in docs:
        (folder / f"{d.id}.txt").write_text(f"Published {d.published}.\n\n{d.text}", encoding="utf-8")


def page(d: Doc) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in d.text.split("\n\n"))
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{d.id}</title>'
            f'<meta property="article:published_time" content="{d.published}T09:00:00+00:00"></head><body>'
            f"<nav>Home | World | Ukraine</nav><article>{paras}</article><footer>© News</footer></body></html>"
            ).encode()


def write_warc(docs: list[Doc], path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "warclaims benchmark"}))
        for d in docs:
            hdr = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://news.example/{d.id}", "response",
                                                payload=BytesIO(page(d)), http_headers=hdr))
    return path


def timed(fn) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


# ---- 1 + 2: ingest from files, and the ledger's own overhead -------------------------------------------

def ingest_files(docs: list[Doc], tmp: Path, chunks: int = 5) -> dict[str, Any]:
    """Chunk by chunk, alternately: extraction alone, ingest into a fresh ledger, re-ingest (known), writing ready
    results. The best chunk of each is reported (the least disturbed by other work on the machine), the median
    beside it."""
    from warclaims.store.write import prepare

    size = max(1, len(docs) // chunks)
    parts = [docs[i:i + size] for i in range(0, len(docs), size)][:chunks]
    for d in parts[0][:20]:  # warm-up: the series and lexicons load once
        warclaims.extract(d.text, published=d.published)
    rates: dict[str, list[float]] = {"extract": [], "ingest": [], "reingest": [], "write": [], "simhash": []}
    new = unchanged = 0
    status = "done"
    for k, part in enumerate(parts):
        folder = tmp / f"files{k}"
        write_files(part, folder)
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]
        n = len(part)
        secs, _ = timed(lambda texts=texts: [warclaims.extract(t) for t in texts])
        rates["extract"].append(n / secs)
        db = str(tmp / f"files{k}.db")
        secs, report = timed(lambda db=db, folder=folder: ingest_sources([str(folder)], db=db))
        rates["ingest"].append(n / secs)
        new += report["counts"]["new"]
        status = report["status"] if report["status"] != "done" else status
        secs, again = timed(lambda db=db, folder=folder: ingest_sources([str(folder)], db=db))
        rates["reingest"].append(n / secs)
        unchanged += again["counts"]["unchanged"]
        outcomes = []  # what the ledger costs when extraction happened elsewhere: writing ready results
        for d in part:
            r = warclaims.extract(d.text, published=d.published).to_dict()
            doc = r.pop("document")
            doc["simhash"] = simhash(doc["text"])
            outcomes.append({"ok": True, "source": d.id, "kind": "file", "document": doc, "prepared": prepare(r, doc),
                             "extractor_version": "bench"})
        with Ledger(tmp / f"write{k}.db") as led:
            secs, _ = timed(lambda led=led, outcomes=outcomes: led.write_batch(outcomes))
        rates["write"].append(n / secs)
        secs, _ = timed(lambda part=part: [simhash(d.text) for d in part])
        rates["simhash"].append(n / secs)
    best = {k: max(v) for k, v in rates.items()}
    median = {k: statistics.median(v) for k, v in rates.items()}
    return {"docs": len(docs), "chunks": len(parts), "mb": sum(len(d.text.encode()) for d in docs) / 1e6,
            "best": best, "median": median, "ingest_vs_extract_time": best["extract"] / best["ingest"],
            "new": new, "reingest_unchanged": unchanged, "status": status}


# ---- 3 + 4: WARC and executors ---------------------------------------------------------------------------

def warc_and_executors(docs: list[Doc], tmp: Path, workers: int,
                       executors: tuple[str, ...] = ("serial", "processes", "dask")) -> dict[str, Any]:
    from warclaims.ingest.plan import warc_offsets

    warc = write_warc(docs, tmp / "CC-NEWS-20240101000000-00001.warc.gz")
    for d in docs[:20]:  # warm-up of this process (series, lexicons), as a forked pool inherits it
        warclaims.extract(d.text, published=d.published)
    index_s, (_, n, _) = timed(lambda: warc_offsets(str(warc), 64))
    res: dict[str, Any] = {"records": n, "warc_mb": warc.stat().st_size / 1e6, "index_records_per_s": n / index_s}
    for name in executors:
        kw = {} if name == "serial" else {"workers": workers}
        db = tmp / f"warc-{name}.db"
        before = os.times()
        secs, report = timed(lambda db=db, name=name, kw=kw: ingest_sources([str(warc)], db=str(db), executor=name,
                                                                             shard_size=32, **kw))
        after = os.times()  # workers are reaped by then: their CPU time is in children_*
        cpu = sum(getattr(after, f) - getattr(before, f) for f in ("user", "system", "children_user",
                                                                   "children_system"))
        warm = report["first_result_s"] or 0.0
        res[name] = {"seconds": secs, "records_per_s": n / secs, "new": report["counts"]["new"],
                     "failed": report["counts"]["failed"], "first_result_s": warm, "cpu_s": cpu,
                     "steady_records_per_s": (n - 32) / max(secs - warm, 1e-9)}
    for name in executors[1:]:
        res[name]["speedup_vs_serial"] = res["serial"]["seconds"] / res[name]["seconds"]
        steady = res[name]["steady_records_per_s"]
        res[name]["steady_speedup_vs_serial"] = steady / res["serial"]["steady_records_per_s"]
        # what 2 idle cores would give: the serial CPU time over the parallel run's CPU time spread on the workers
        res[name]["cpu_bound_speedup"] = workers * res["serial"]["cpu_s"] / res[name]["cpu_s"]
    return res


# ---- 5: memory while streaming ----------------------------------------------------------------------------

MEM = """
import sys
sys.path.insert(0, {root!r})


def hwm():  # the peak RSS of this process image, KiB (ru_maxrss would include the parent's pages before exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])


import warclaims
from warclaims.ingestion import ingest_sources
base = hwm()
r = ingest_sources([{folder!r}], db={db!r}, check=True)
assert r["counts"]["new"] + r["counts"]["duplicates"] + r["counts"]["near_duplicates"] >= {n} * 0.99, r["counts"]
print(base, hwm())
"""


def memory(docs: list[Doc], tmp: Path) -> dict[str, Any]:
    folder = tmp / "mem"
    write_files(docs, folder)
    code = MEM.format(root=str(ROOT / "src"), folder=str(folder), db=str(tmp / "mem.db"), n=len(docs))
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - t
    base, peak = (int(x) / 1024 for x in proc.stdout.split())
    return {"docs": len(docs), "import_mb": base, "peak_mb": peak, "seconds": seconds,
            "ingest_docs_per_s": len(docs) / seconds}


# ---- 6: claims queries on ≥ 100,000 claims -----------------------------------------------------------------

def big_ledger(path: Path, claims_wanted: int, docs: list[Doc]) -> int:
    """A ledger with ≥ claims_wanted claims: the extractions of `docs`, each stored under many content variants."""
    base = []
    for d in docs:
        r = warclaims.extract(d.text, published=d.published).to_dict()
        if r["loss_tallies"]:
            base.append((d, r))
    rng = random.Random(5)
    total = 0
    with Ledger(path) as led:
        i = 0
        while total < claims_wanted:
            batch = []
            for _ in range(64):
                d, r = base[i % len(base)]
                i += 1
                doc = dict(r["document"])
                doc["text"] = f"{doc['text']}\n[variant {i}]"
                doc["id"] = f"{i:064x}"
                doc["simhash"] = rng.getrandbits(64)  # distinct: no near-duplicate work here
                doc["published"] = f"{rng.randint(2022, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                res = {k: v for k, v in r.items() if k != "document"}
                batch.append({"ok": True, "source": f"bench://{i}", "kind": "text", "document": doc, "result": res,
                              "extractor_version": "bench"})
                total += len(r["loss_tallies"])
            led.write_batch(batch)
    return total


QUERIES = {
    "category": {"category": "tanks"},
    "category+since": {"category": "tanks", "since": "2023-03-01"},
    "category+range+side": {"category": "artillery", "since": "2023-01-01", "until": "2023-06-30", "side": "RUS"},
    "status": {"status": "inconsistent"},
    "claimant": {"claimant": "General Staff of the Armed Forces of Ukraine"},
    "kind": {"kind": "tally"},
    "rare category": {"category": "submarines", "since": "2025-01-01"},
    "page 5 of category": {"category": "tanks", "pages": 5},
}


def queries(tmp: Path, claims_wanted: int, docs: list[Doc], rounds: int) -> dict[str, Any]:
    path = tmp / "big.db"
    build_s, total = timed(lambda: big_ledger(path, claims_wanted, docs))
    led = Ledger(path, readonly=True)
    out: dict[str, Any] = {"claims": total, "build_s": build_s, "build_claims_per_s": total / build_s, "queries": {}}
    for name, kw in QUERIES.items():
        kw = dict(kw)
        pages = kw.pop("pages", 1)
        led.claims(limit=100, **kw)  # one untimed call: the first reads the pages from disk
        times = []
        for _ in range(rounds):
            t = time.perf_counter()
            cursor = None
            for _ in range(pages):
                _, cursor = led.claims(limit=100, cursor=cursor, **kw)
            times.append((time.perf_counter() - t) / pages)
        times.sort()
        out["queries"][name] = {"p50_ms": statistics.median(times) * 1e3,
                                "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))] * 1e3}
    # baseline: the "rare category" query read from the JSON column, without the indexed columns
    t = time.perf_counter()
    for _ in range(max(3, rounds // 10)):
        led.conn.execute("SELECT c.rowid FROM claims c JOIN documents d ON d.id = c.document_id "
                         "WHERE json_extract(c.data, '$.category') = 'submarines' AND "
                         "coalesce(json_extract(c.data, '$.as_of'), substr(d.published, 1, 10)) >= '2025-01-01' "
                         "ORDER BY c.rowid DESC LIMIT 100").fetchall()
    out["json_scan_ms"] = (time.perf_counter() - t) / max(3, rounds // 10) * 1e3
    t = time.perf_counter()
    led.documents(q="Bakhmut*", limit=50)
    out["fts_prefix_ms"] = (time.perf_counter() - t) * 1e3
    led.close()
    out["bytes"] = sum(p.stat().st_size for p in tmp.glob("big.db*"))
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description="warclaims ledger benchmarks")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", action="store_true", help="also write benchmarks/out/ledger.json")
    ap.add_argument("--sections", default="1,3,5,6", help="which to run: 1 (with 2), 3 (with 4), 5, 6")
    args = ap.parse_args(argv)
    want = set(args.sections.split(","))
    q = args.quick
    p = lambda *a: print(*a, flush=True)  # noqa: E731
    sizes = {"files": 100 if q else 2000, "warc": 100 if q else 2000, "mem": 200 if q else 10_000,
             "claims": 5_000 if q else 100_000, "rounds": 20 if q else 200}
    p(f"ledger benchmarks: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}, sizes {sizes}")
    results: dict[str, Any] = {"sizes": sizes, "cpus": os.cpu_count(), "loadavg": os.getloadavg()[0]}
    docs = news_docs(max(sizes["files"], sizes["warc"], sizes["mem"]))
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        if "1" in want:
            r = results["files"] = ingest_files(docs[:sizes["files"]], tmp)
            files_report(r, p)
        if "3" in want:
            r = results["warc"] = warc_and_executors(docs[:sizes["warc"]], tmp, args.workers)
            warc_report(r, p, args.workers)
        if "5" in want:
            r = results["memory"] = memory(docs[:sizes["mem"]], tmp)
            p(f"\n5. memory: ingesting {r['docs']} documents in a fresh process peaks at {r['peak_mb']:.0f} MB RSS "
              f"(after importing warclaims: {r['import_mb']:.0f} MB; target < 300 MB: "
              f"{'PASS' if r['peak_mb'] < 300 else 'FAIL'}); {r['ingest_docs_per_s']:.0f} docs/s with start-up")
        if "6" in want:
            r = results["queries"] = queries(tmp, sizes["claims"], docs[:300], sizes["rounds"])
            queries_report(r, p, sizes["rounds"])
    if args.json:
        out = ROOT / "benchmarks" / "out"
        out.mkdir(parents=True, exist_ok=True)
        (out / "ledger.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


def files_report(r: dict[str, Any], p: Any) -> None:
    b, m = r["best"], r["median"]
    p(f"\n1. ingest {r['docs']} news files ({r['mb']:.1f} MB) into SQLite, serial, end to end, best of "
      f"{r['chunks']} chunks (median): {b['ingest']:.0f} ({m['ingest']:.0f}) docs/s vs warclaims.extract alone "
      f"{b['extract']:.0f} ({m['extract']:.0f}) docs/s: ingest takes {r['ingest_vs_extract_time']:.2f}× the time")
    p(f"2. the ledger's own cost: writing ready results {b['write']:,.0f} ({m['write']:,.0f}) docs/s; re-ingesting "
      f"known files (decode + hash, no extraction) {b['reingest']:,.0f} ({m['reingest']:,.0f}) docs/s "
      f"({r['reingest_unchanged']} unchanged); simhash {b['simhash']:,.0f} docs/s")


def warc_report(r: dict[str, Any], p: Any, workers: int) -> None:
    s, pr, dk = r["serial"], r["processes"], r["dask"]
    p(f"\n3. WARC ({r['records']} records, {r['warc_mb']:.1f} MB gz): index pass {r['index_records_per_s']:,.0f} "
      f"records/s; ingest serial {s['records_per_s']:.0f} records/s")
    p(f"4. executors, {workers} workers: processes {pr['records_per_s']:.0f} records/s "
      f"({pr['speedup_vs_serial']:.2f}× serial), dask {dk['records_per_s']:.0f} records/s "
      f"({dk['speedup_vs_serial']:.2f}× serial; target ≥ 1.6×: {'PASS' if dk['speedup_vs_serial'] >= 1.6 else 'FAIL'})")
    p(f"   after the first result (start-up: serial {s['first_result_s']:.1f} s, processes "
      f"{pr['first_result_s']:.1f} s, dask {dk['first_result_s']:.1f} s): processes "
      f"{pr['steady_speedup_vs_serial']:.2f}×, dask {dk['steady_speedup_vs_serial']:.2f}× serial")
    p(f"   CPU seconds of all processes: serial {s['cpu_s']:.1f}, processes {pr['cpu_s']:.1f}, dask {dk['cpu_s']:.1f}: "
      f"on {workers} idle cores that is processes {pr['cpu_bound_speedup']:.2f}×, dask "
      f"{dk['cpu_bound_speedup']:.2f}× serial")


def queries_report(r: dict[str, Any], p: Any, rounds: int) -> None:
    p(f"\n6. claims queries on {r['claims']:,} claims ({r['bytes'] / 1e6:.0f} MB; built at "
      f"{r['build_claims_per_s']:,.0f} claims/s), limit 100, {rounds} rounds:")
    worst = 0.0
    for name, qr in r["queries"].items():
        worst = max(worst, qr["p99_ms"])
        p(f"   {name:<22} p50 {qr['p50_ms']:6.2f} ms  p99 {qr['p99_ms']:6.2f} ms")
    p(f"   baseline: the rare-category query on the JSON column, no index: {r['json_scan_ms']:.1f} ms; "
      f"FTS prefix search {r['fts_prefix_ms']:.1f} ms; worst p99 {worst:.2f} ms (target < 100 ms: "
      f"{'PASS' if worst < 100 else 'FAIL'})")


if __name__ == "__main__":
    main()
