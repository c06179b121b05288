"""The REST API under load: one uvicorn worker on loopback, a closed-loop client (benchmarks/loadgen.py) in
this process, a bounded run per endpoint, and GET /api/health measured in the same run as the baseline.

    python benchmarks/web.py                 # ledger of 100,000 synthetic claims, 3 s per endpoint
    python benchmarks/web.py --quick         # 5,000 claims, 1 s per endpoint (the smoke test's size)

Targets (issue 7): series ≥ 1,000 requests/s with p99 < 50 ms; claims queries with filters p99 < 100 ms on a
ledger of 100,000 claims. The synthetic ledger is written through the store's own write path (one document per
13-figure list, values from the official series of a random day, one in 8 figures off by a digit so the checks
are mixed) and kept in benchmarks/out/ for the next run.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.loadgen import load_run, request_bytes  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
EXAMPLE = ROOT / "examples" / "express-kamikaze-drones.txt"
SERIES_RPS, SERIES_P99_MS, CLAIMS_P99_MS = 1000.0, 50.0, 100.0
CATS = ["personnel", "tanks", "armoured_vehicles", "artillery", "mlrs", "air_defence", "aircraft", "helicopters",
        "uav", "cruise_missiles", "warships", "special_equipment", "vehicles_fuel_tanks"]
CLAIMANTS = [("General Staff of the Armed Forces of Ukraine", "UKR"), ("Ukraine", "UKR"),
             ("Ministry of Defence of Ukraine", "UKR"), ("Volodymyr Zelensky", "UKR"),
             ("Ministry of Defence of the Russian Federation", "RUS")]
WORDS = ["Bakhmut", "Avdiivka", "Kherson", "drone", "artillery", "offensive", "Zaporizhzhia", "Donetsk", "Kupiansk",
         "Lyman", "Crimea", "Kharkiv", "counteroffensive", "shelling", "brigade", "bulletin"]


# ---- the synthetic ledger ------------------------------------------------------------------------------

def build_ledger(path: Path, claims: int, seed: int = 1) -> Path:
    """A ledger of ~`claims` tallies (13 per document) with their checks, written with Ledger.write_batch."""
    from warclaims import __version__
    from warclaims.reference.series import Series
    from warclaims.store import Ledger, simhash

    rng = random.Random(seed)
    s = Series.load()
    dates = [v.date for v in s.window("tanks", "2022-03-01", s.last_date)]
    n_docs = max(1, claims // len(CATS))
    if path.exists():
        path.unlink()
    with Ledger(path) as ledger:
        batch: list[dict[str, Any]] = []
        for i in range(n_docs):
            day = rng.choice(dates)
            claimant, side = rng.choice(CLAIMANTS)
            words = " ".join(rng.choice(WORDS) for _ in range(30))
            parts, tallies, checks = [], [], []
            for k, cat in enumerate(CATS):
                cell = s.value(cat, day)
                expected = cell.value if cell and cell.value is not None else rng.randint(10, 5000)
                value = expected if rng.random() > 0.125 else expected + rng.choice([-1, 1]) * 10 ** rng.randint(0, 2)
                start = sum(len(p) for p in parts) + len(parts) * 2
                text = f"{value} {cat.replace('_', ' ')}"
                parts.append(text)
                tid = f"t{k + 1}"
                tallies.append({"id": tid, "category": cat, "value": value, "value_text": str(value),
                                "span": [start, start + len(text)], "category_text": cat.replace("_", " "),
                                "losing_side": "RUS" if side == "UKR" else "UKR", "scope": "cumulative",
                                "as_of": day if rng.random() < 0.5 else None,
                                "claimant": {"name": claimant, "side": side, "role": "party_to_conflict"},
                                "language": "en"})
                status = "consistent" if value == expected else "inconsistent"
                checks.append({"claim_id": tid, "status": status, "expected": expected, "found": value,
                               "explanation": f"{cat} {value} vs the bulletin of {day} ({expected})",
                               "reference": {"date": day}})
            body = "; ".join(parts) + f". Report {i}: {words}."
            doc = {"id": hashlib.sha256(body.encode()).hexdigest(), "source": f"synthetic/{i}.txt", "text": body,
                   "title": f"Synthetic report {i}", "published": day, "language": "en", "simhash": simhash(body)}
            batch.append({"ok": True, "source": doc["source"], "kind": "file", "document": doc,
                          "result": {"loss_tallies": tallies, "events": [], "statements": [], "checks": checks,
                                     "match": None}, "extractor_version": __version__})
            if len(batch) == 500:
                ledger.write_batch(batch)
                batch = []
        if batch:
            ledger.write_batch(batch)
    return path


def cached_ledger(claims: int, seed: int = 1) -> Path:
    """Built once per size, seed and schema (a changed schema or index set builds a new file)."""
    from warclaims.store import schema

    OUT.mkdir(parents=True, exist_ok=True)
    tag = hashlib.sha256(repr(schema.MIGRATIONS).encode()).hexdigest()[:8]
    for old in OUT.glob(f"ledger-{claims}-{seed}-*.db"):
        if not old.name.endswith(f"-{tag}.db"):
            old.unlink()
            old.with_suffix(".ok").unlink(missing_ok=True)
    path = OUT / f"ledger-{claims}-{seed}-{tag}.db"
    stamp = path.with_suffix(".ok")
    if not (path.exists() and stamp.exists()):
        t = time.perf_counter()
        build_ledger(path, claims, seed)
        stamp.write_text(f"built in {time.perf_counter() - t:.1f} s\n")
    return path


# ---- the server ----------------------------------------------------------------------------------------

def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path | None, port: int) -> subprocess.Popen:
    code = ("import sys; from warclaims.web import serve; "
            f"serve({str(db) if db else None!r}, host='127.0.0.1', port={port}, log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1).read()
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start in 60 s")


# ---- the run -------------------------------------------------------------------------------------------

def scenarios(port: int) -> list[tuple[str, str, list[bytes], int]]:
    """(name, group, requests, connections)."""
    h = "127.0.0.1"

    def get(path: str, **kw: Any) -> bytes:
        return request_bytes(h, port, "GET", path, **kw)

    cats = ["tanks", "artillery", "personnel", "armoured_vehicles", "mlrs", "air_defence", "uav", "aircraft"]
    month = [get(f"/api/series?category={c}&from=2023-03-01&to=2023-03-31") for c in cats]
    full = [get(f"/api/series?category={c}", headers={"Accept-Encoding": "gzip"}) for c in cats]
    claims = [get(p) for p in CLAIM_QUERIES]
    extract = [request_bytes(h, port, "POST", "/api/extract",
                             body={"text": EXAMPLE.read_text(encoding="utf-8"), "published": "2023-03-31"})]
    return [("health (baseline)", "baseline", [get("/api/health")], 16),
            ("series, one month, 8 categories", "series", month, 16),
            ("series, whole war, gzip", "series", full, 16),
            ("claims, 8 filtered queries", "claims", claims, 2),
            ("extract + check, example article", "extract", extract, 4)]


CLAIM_QUERIES = (
    "/api/claims?category=tanks",
    "/api/claims?status=inconsistent&limit=100",
    "/api/claims?category=artillery&from=2023-01-01&to=2023-06-30",
    "/api/claims?side=RUS&status=inconsistent&category=uav",
    "/api/claims?claimant=Ukraine&from=2024-01-01",
    "/api/claims?kind=tally&category=personnel&to=2022-12-31",
    "/api/claims?q=Bakhmut&category=tanks",
    "/api/claims?q=Avdiivka%20AND%20drone&status=inconsistent",
)
EXPORT = "/api/claims.csv?excel=1&category=mlrs&from=2024-01-01"  # a whole query streamed, every page


def run(claims: int = 100_000, seconds: float = 3.0, seed: int = 1, quiet: bool = False) -> dict[str, Any]:
    p = (lambda *a: None) if quiet else (lambda *a: print(*a, flush=True))
    t = time.perf_counter()
    db = cached_ledger(claims, seed)
    p(f"   ledger: {claims:,} synthetic claims ({db.stat().st_size / 1e6:.0f} MB), ready in "
      f"{time.perf_counter() - t:.1f} s")
    port = free_port()
    proc = start_server(db, port)
    results: dict[str, Any] = {"claims": claims, "seconds_per_endpoint": seconds, "runs": []}
    try:
        for name, group, reqs, conns in scenarios(port):
            r = load_run("127.0.0.1", port, name, reqs, conns=conns, seconds=seconds, warmup=min(0.3, seconds))
            r.update(group=group, conns=conns)
            results["runs"].append(r)
            p(f"   {name:<36} {r['rps']:>8.0f} req/s  p50 {r['p50_ms']:6.2f} ms  p99 {r['p99_ms']:7.2f} ms  "
              f"({r['requests']} requests, {conns} connections, {r['bytes_per_response'] / 1e3:.1f} kB, "
              f"{r['errors']} errors)")
        p("   each claims query alone, one connection (service time, no queue):")
        for path in CLAIM_QUERIES:
            r = load_run("127.0.0.1", port, path, [request_bytes("127.0.0.1", port, "GET", path)], conns=1,
                         seconds=max(0.1, seconds / 4), warmup=min(0.3, seconds))
            r.update(group="claims-each", conns=1)
            results["runs"].append(r)
            p(f"     {path:<62} p50 {r['p50_ms']:6.2f} ms  p99 {r['p99_ms']:6.2f} ms  "
              f"{r['bytes_per_response'] / 1e3:7.1f} kB  {r['errors']} errors")
        r = load_run("127.0.0.1", port, "export", [request_bytes("127.0.0.1", port, "GET", EXPORT)], conns=1,
                     seconds=max(0.1, seconds / 2), warmup=min(0.3, seconds))
        r.update(group="export", conns=1)
        results["runs"].append(r)
        p(f"   export {EXPORT}: {r['bytes_per_response'] / 1e6:.2f} MB in p50 {r['p50_ms']:.0f} ms "
          f"({r['bytes_per_response'] / 1e6 / (r['p50_ms'] / 1e3):.1f} MB/s)")
    finally:
        proc.terminate()
        proc.wait(10)
    base = results["runs"][0]
    for r in results["runs"][1:]:
        r["rps_vs_baseline"] = r["rps"] / base["rps"] if base["rps"] else None
    p("   ratios to the baseline (health) req/s: " + ", ".join(
        f"{r['name'].split(',')[0]} {r['rps_vs_baseline']:.2f}" for r in results["runs"][1:] if r["conns"] > 1))
    series = [r for r in results["runs"] if r["group"] == "series"]
    claims_r = [r for r in results["runs"] if r["group"] in ("claims", "claims-each")]
    ok_series = all(r["rps"] >= SERIES_RPS and r["p99_ms"] < SERIES_P99_MS and not r["errors"] for r in series)
    ok_claims = all(r["p99_ms"] < CLAIMS_P99_MS and not r["errors"] for r in claims_r)
    results["targets"] = {"series": ok_series, "claims": ok_claims}
    p(f"   target series ≥ {SERIES_RPS:,.0f} req/s, p99 < {SERIES_P99_MS:g} ms: {'PASS' if ok_series else 'FAIL'}; "
      f"claims p99 < {CLAIMS_P99_MS:g} ms on {claims:,} claims: {'PASS' if ok_claims else 'FAIL'}")
    return results


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description="REST API load run (one uvicorn worker, loopback)")
    ap.add_argument("--quick", action="store_true", help="5,000 claims, 1 s per endpoint")
    ap.add_argument("--claims", type=int, help="claims in the synthetic ledger (default 100,000)")
    ap.add_argument("--seconds", type=float, help="measured seconds per endpoint (default 3)")
    ap.add_argument("--json", action="store_true", help="also write benchmarks/out/web.json")
    args = ap.parse_args(argv)
    claims = args.claims or (5_000 if args.quick else 100_000)
    seconds = args.seconds or (1.0 if args.quick else 3.0)
    print(f"REST API, one uvicorn worker on 127.0.0.1, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}; "
          "closed-loop client in another process", flush=True)
    res = run(claims, seconds)
    if args.json:
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "web.json").write_text(json.dumps(res, indent=2), encoding="utf-8")
    return res


if __name__ == "__main__":
    main()
