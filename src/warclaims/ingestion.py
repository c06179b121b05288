"""`ingest_sources`: files, folders, URLs, feeds and WARC files into the ledger, with a closing report.

    from warclaims import ingest_sources
    report = ingest_sources(["articles/", "https://example.org/news/1"], db="claims.db",
                            feeds=["https://example.org/rss.xml"], executor="processes", workers=2)
    report["counts"]   # fetched, cached, extracted, new, unchanged, revised, duplicates, ... failed
    report["exit_code"]  # 0 all done, 1 some failed, 3 (nearly) all failed

The CLI's `warclaims ingest` is this function with a progress bar on stderr.
"""
from __future__ import annotations

import contextlib
import time
from collections import Counter
from typing import Any, TextIO

from warclaims import __version__
from warclaims.ingest.fetch import Fetcher
from warclaims.ingest.plan import Planner
from warclaims.run import close_readers, indexer, make_executor, process_shard
from warclaims.store import DEFAULT_PATH, Ledger

EXIT_OK, EXIT_PARTIAL, EXIT_MOSTLY_FAILED = 0, 1, 3
WRITE_BATCH, WRITE_EVERY = 256, 1.0  # documents per write transaction, or seconds since the last one
MOSTLY_FAILED = 0.9  # at or above this share of failed documents the run failed as a whole
STATUS_KEYS = ("new", "unchanged", "revised", "duplicate", "near_duplicate", "reextracted", "failed")


class Progress:
    """A one-line progress display on a terminal (stderr): a bar when the total is known, counts otherwise."""

    def __init__(self, stream: TextIO | None, every: float = 0.2):
        self.stream = stream if stream is not None and stream.isatty() else None
        self.every = every
        self.last = 0.0
        self.start = time.monotonic()

    def update(self, done: int, total: int | None, counts: Counter, force: bool = False) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if not force and now - self.last < self.every:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        tail = f"{done} docs  {rate:,.0f}/s  new {counts['new']}  failed {counts['failed']}"
        if total:
            width = 30
            filled = int(width * min(done, total) / total)
            line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}  " + tail.split("  ", 1)[1]
        else:
            line = tail
        self.stream.write("\r" + line[:120].ljust(80))
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()


def ingest_sources(inputs: list[str] | tuple[str, ...] = (), *, db: str = DEFAULT_PATH, feeds: list[str] | None = None,
                   executor: str = "serial", workers: int | None = None, scheduler: str | None = None,
                   offline: bool = False, refresh: bool = False, check: bool = True, shard_size: int = 32,
                   extractor_version: str | None = None, progress: TextIO | None = None,
                   fetcher: Fetcher | None = None) -> dict[str, Any]:
    """Ingest everything given into the ledger at `db`; returns the run report (see the module doc)."""
    version = extractor_version or __version__
    started = time.monotonic()
    ledger = Ledger(db)
    fetch = fetcher or Fetcher()
    fetch.cache, fetch.offline, fetch.refresh = ledger, offline, refresh
    planner = Planner(list(inputs), list(feeds or []), fetch, shard_size)
    ex = make_executor(executor, workers, scheduler)
    if ex.name != "serial":
        planner.index = indexer(ex)  # the workers read the WARC files' record offsets, in parallel
    run_id = ledger.start_run([*inputs, *(f"feed:{f}" for f in feeds or [])], version, ex.name)
    counts: Counter = Counter()
    failures: list[dict[str, Any]] = []
    bar = Progress(progress)
    status = "done"
    first: list[float] = []  # when the first shard came back: start-up (cluster, imports, series) before it

    pending: list[dict[str, Any]] = []
    last_write = [time.monotonic()]

    def record(outcomes: list[dict[str, Any]], flush: bool = False) -> None:
        """Results are written in batches of ≥ WRITE_BATCH documents or every WRITE_EVERY seconds: one
        transaction each (fewer commits and FTS segments; a killed run loses at most the unwritten batch)."""
        if not first and outcomes:
            first.append(time.monotonic() - started)
        pending.extend(outcomes)
        if not pending or not (flush or len(pending) >= WRITE_BATCH or time.monotonic() - last_write[0] >= WRITE_EVERY):
            return
        outcomes = pending[:]
        pending.clear()
        last_write[0] = time.monotonic()
        statuses = ledger.write_batch(outcomes, run_id)
        for out, st in zip(outcomes, statuses, strict=True):
            counts[st] += 1
            if out.get("ok"):
                counts["extracted"] += out.get("prepared") is not None or out.get("result") is not None
            else:
                err = (out.get("errors") or [{}])[0]
                failures.append({"source": out.get("source"), "code": err.get("code"), "message": err.get("message"),
                                 "hint": err.get("hint"), **({"traceback": out["traceback"]} if "traceback" in out
                                                            else {})})
        bar.update(sum(counts[k] for k in STATUS_KEYS), planner.total, counts)

    def shards():
        for shard in planner.shards():
            if shard.get("ok") is False:
                record([shard])
                continue
            shard.update(db=db, extractor_version=version, check=check)
            yield shard

    try:
        for outcomes in ex.map(process_shard, shards()):
            record(outcomes)
        record([], flush=True)
    except KeyboardInterrupt:
        status = "interrupted"
        with contextlib.suppress(Exception):
            record([], flush=True)  # finished work is kept
        raise
    finally:
        ex.close()
        close_readers()
        bar.update(sum(counts[k] for k in STATUS_KEYS), planner.total, counts, force=True)
        bar.close()
        report = _report(counts, failures, planner, run_id, db, ex, time.monotonic() - started, status)
        report["first_result_s"] = round(first[0], 3) if first else None
        ledger.finish_run(run_id, report["status"], report["counts"], failures)
        ledger.close()
    return report


def _report(counts: Counter, failures: list[dict[str, Any]], planner: Planner, run_id: int, db: str, ex: Any,
            seconds: float, status: str) -> dict[str, Any]:
    total = sum(counts[k] for k in STATUS_KEYS)
    failed = counts["failed"]
    summary = {"documents": total, "fetched": planner.counts["fetched"], "cached": planner.counts["cached"],
               "feed_entries": planner.counts["feed_entries"], "extracted": counts["extracted"],
               "new": counts["new"], "unchanged": counts["unchanged"], "revised": counts["revised"],
               "duplicates": counts["duplicate"], "near_duplicates": counts["near_duplicate"],
               "reextracted": counts["reextracted"], "failed": failed}
    if status == "done":
        if failed and failed >= MOSTLY_FAILED * total:
            status = "failed"
        elif failed:
            status = "partial"
    code = {"done": EXIT_OK, "partial": EXIT_PARTIAL, "failed": EXIT_MOSTLY_FAILED}.get(status, 130)
    return {"run_id": run_id, "db": db, "status": status, "exit_code": code, "executor": ex.name,
            "workers": ex.workers, "seconds": round(seconds, 3), "docs_per_s": round(total / seconds, 1) if seconds
            else None, "counts": summary, "failure_reasons": dict(Counter(f["code"] for f in failures)),
            "failures": failures}


def render_summary(report: dict[str, Any], limit: int = 10) -> str:
    """The closing summary a person reads (stderr)."""
    c = report["counts"]
    lines = [f"ingested {c['documents']} documents in {report['seconds']:.1f} s ({report['docs_per_s'] or 0:,.0f}/s, "
             f"{report['executor']} ×{report['workers']}) into {report['db']}",
             f"  fetched {c['fetched']} (cached {c['cached']}), extracted {c['extracted']}: new {c['new']}, "
             f"unchanged {c['unchanged']}, revised {c['revised']}, duplicates {c['duplicates']}, "
             f"near duplicates {c['near_duplicates']}, re-extracted {c['reextracted']}, failed {c['failed']}"]
    if report["failures"]:
        reasons = ", ".join(f"{k} {v}" for k, v in report["failure_reasons"].items())
        lines.append(f"  failed: {reasons}")
        for f in report["failures"][:limit]:
            lines.append(f"    {f['source']}: {f['message']}" + (f" (hint: {f['hint']})" if f.get("hint") else ""))
        if len(report["failures"]) > limit:
            lines.append(f"    … and {len(report['failures']) - limit} more (--json lists all)")
    return "\n".join(lines)
