"""Runs: shards of inputs go to an executor (serial, processes, Dask); one writer records the results.

The per-shard work is one function everywhere, `process_shard(shard) -> list of outcome dicts`
(load, decode, extract, check; plain dicts so they pickle and travel). The executors only differ
in where it runs:

    serial     in this process
    processes  a local process pool (concurrent.futures), `workers` processes
    dask       a Dask cluster: a LocalCluster of `workers` processes by default, or the scheduler
               at `scheduler` (tcp://host:8786); the workers need warclaims installed

Results come back as shards complete and the single SQLite writer records each in one transaction,
so a run killed at any moment leaves the ledger consistent, and the next run skips what is done.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePath
from typing import Any, Protocol

from warclaims import __version__
from warclaims.errors import UsageError, WarclaimsError

EXECUTORS = ("serial", "processes", "dask")


def process_shard(shard: dict[str, Any]) -> list[dict[str, Any]]:
    """Extract every item of a shard; one outcome dict per document. Never raises for one bad document."""
    out: list[dict[str, Any]] = []
    ctx = {"db": shard.get("db"), "version": shard.get("extractor_version") or __version__,
           "check": shard.get("check", True)}
    for item in shard["items"]:
        if item["kind"] == "warc":
            from warclaims.ingest.warc import iter_warc

            for rec in iter_warc(item["path"], item["offset"], item["count"], item["first"]):
                if rec.error is not None:
                    out.append(_failed(rec.error, rec.source, "warc"))
                    continue
                out.append(_one({"kind": "warc", "source": rec.source, "data": rec.body,
                                 "content_type": rec.content_type, "origin": item["path"],
                                 "retrieved_at": rec.warc_date}, ctx))
        else:
            out.append(_one(item, ctx))
    return out


def index_shard(task: dict[str, Any]) -> list[dict[str, Any]]:
    """The index pass of WARC files on a worker (where the files are): [index_warc(path) for each path]."""
    from warclaims.ingest.plan import index_warc

    return [index_warc(path, task["per_shard"]) for path in task["paths"]]


def indexer(executor: Executor) -> Callable[[list[str], int], Iterator[dict[str, Any]]]:
    """Planner.index through an executor: one task per WARC file, run in parallel."""
    def index(paths: list[str], per_shard: int) -> Iterator[dict[str, Any]]:
        tasks = [{"paths": [p], "per_shard": per_shard} for p in paths]
        for results in executor.map(index_shard, tasks):
            yield from results
    return index


def _one(item: dict[str, Any], ctx: dict[str, Any]) -> dict[str, Any]:
    from warclaims.ingest import load_bytes, load_path
    from warclaims.pipeline import Options, run
    from warclaims.store.simhash import simhash
    from warclaims.store.write import prepare

    source = item["source"]
    try:
        if item["kind"] == "file":
            doc = load_path(item["path"])
        else:
            doc = load_bytes(item["data"], item.get("final_url") or source, content_type=item.get("content_type"))
            doc.retrieved_at = item.get("retrieved_at") or doc.retrieved_at  # the crawl's time for a WARC record
        out: dict[str, Any] = {"ok": True, "source": source, "kind": item["kind"], "origin": item.get("origin"),
                               "extractor_version": ctx["version"]}
        if _known(ctx["db"], doc.id, ctx["version"]):
            out["document"] = {"id": doc.id}  # the ledger holds it and its extraction: nothing to send back
            out["result"] = None
            return out
        result = run(doc, Options(check=ctx["check"]))
        data = result.to_dict()
        document = data.pop("document")
        document["simhash"] = simhash(document["text"])
        out["document"] = document
        out["prepared"] = prepare(data, document)  # JSON encoded here, in parallel, not by the single writer
        return out
    except WarclaimsError as err:
        return _failed(err, source, item["kind"])
    except Exception as exc:  # a bug on one document must not sink the batch
        err = WarclaimsError(f"internal error on {source}: {type(exc).__name__}: {exc}",
                             hint="report it with the input and the traceback (in the --json run report)")
        err.code = "internal"
        failed = _failed(err, source, item["kind"])
        failed["traceback"] = traceback.format_exc(limit=8)
        return failed


def _failed(err: WarclaimsError, source: str, kind: str) -> dict[str, Any]:
    out = err.to_dict()
    out["source"] = source
    out["kind"] = kind
    return out


_readers: dict[tuple[int, str], sqlite3.Connection | None] = {}


def _known(db: str | None, doc_id: str, version: str) -> bool:
    """Whether the ledger (read-only, from a worker) has this document extracted by this version.
    A worker that cannot see the file (a remote cluster) extracts everything; the writer dedups."""
    if not db:
        return False
    key = (os.getpid(), db)
    if key not in _readers:
        try:
            conn = sqlite3.connect(PurePath(os.path.abspath(db)).as_uri() + "?mode=ro", uri=True, timeout=5,
                                   check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("SELECT 1 FROM extractions LIMIT 1")
        except sqlite3.Error:
            conn = None
        _readers[key] = conn
    conn = _readers[key]
    if conn is None:
        return False
    try:
        return conn.execute("SELECT 1 FROM extractions WHERE document_id = ? AND extractor_version = ?",
                            (doc_id, version)).fetchone() is not None
    except sqlite3.Error:
        return False


def warm_up() -> bool:
    """Import the extractor and load the official series in a worker before its first shard arrives."""
    from warclaims.pipeline import run  # noqa: F401
    from warclaims.reference.series import Series

    Series.load()
    return True


def close_readers() -> None:
    """Close this process's read-only connections (so the writer's last close can checkpoint the WAL)."""
    for key in [k for k in _readers if k[0] == os.getpid()]:
        conn = _readers.pop(key)
        if conn is not None:
            conn.close()


# --- executors ------------------------------------------------------------------------------------

class Executor(Protocol):
    name: str
    workers: int

    def map(self, fn: Callable[[dict[str, Any]], list[dict[str, Any]]],
            shards: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
        """fn over shards; results as they complete (any order), with a bounded number in flight."""
        ...

    def close(self) -> None: ...


class SerialExecutor:
    name = "serial"
    workers = 1

    def map(self, fn, shards):
        for shard in shards:
            yield fn(shard)

    def close(self) -> None:
        pass


class ProcessExecutor:
    name = "processes"

    def __init__(self, workers: int | None = None):
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers or os.cpu_count() or 1
        self.pool = ProcessPoolExecutor(max_workers=self.workers)

    def map(self, fn, shards):
        from concurrent.futures import FIRST_COMPLETED, wait

        pending: set = set()
        for shard in shards:
            pending.add(self.pool.submit(fn, shard))
            if len(pending) >= 2 * self.workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    yield f.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                yield f.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)  # a shard is small: the running ones end soon


class DaskExecutor:
    name = "dask"

    def __init__(self, workers: int | None = None, scheduler: str | None = None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as err:
            raise UsageError(f"Dask is not installed ({err})",
                             hint="pip install 'warclaims[dask]', or use --executor processes") from None
        import logging

        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout=10)
            except OSError as err:
                raise UsageError(f"cannot reach the Dask scheduler at {scheduler} ({err})",
                                 hint="check the address (tcp://host:8786) and that the scheduler runs") from None
        else:
            import dask

            # Workers forked from this process start with warclaims imported (and the series loaded, when it
            # is): measured here, 4 s less start-up and 3.4 s less CPU than Dask's default (spawn) on 2 workers.
            method = os.environ.get("WARCLAIMS_DASK_START", "fork" if hasattr(os, "fork") else "spawn")
            # Batch extraction is CPU-bound: the workers' statistical profiler (every 10 ms) and GIL monitor
            # (every 1 ms) only take CPU from it on a small machine.
            quiet = {"distributed.worker.multiprocessing-method": method,
                     "distributed.worker.profile.enabled": False,
                     "distributed.admin.system-monitor.gil.enabled": False}
            with dask.config.set(quiet):
                self.cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                            processes=True, host="127.0.0.1", dashboard_address=None,
                                            silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        self.workers = len(self.client.scheduler_info().get("workers", {})) or (workers or 1)
        # while the client plans the shards; the futures are kept, so the tasks are not cancelled
        self._warm = [self.client.submit(warm_up, pure=False, workers=[addr], key=f"warm-up-{addr}")
                      for addr in self.client.scheduler_info().get("workers", {})]

    def map(self, fn, shards):
        from dask.distributed import as_completed

        it = iter(shards)
        futures = as_completed()
        for shard in it:
            futures.add(self.client.submit(fn, shard, pure=False))
            if futures.count() >= 2 * self.workers:
                break
        for fut in futures:
            result = fut.result()
            fut.release()
            nxt = next(it, None)
            if nxt is not None:
                futures.add(self.client.submit(fn, nxt, pure=False))
            yield result

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.close()
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close()


def make_executor(name: str = "serial", workers: int | None = None, scheduler: str | None = None) -> Executor:
    if scheduler and name != "dask":
        name = "dask"
    if name == "serial":
        return SerialExecutor()
    if name == "processes":
        return ProcessExecutor(workers)
    if name == "dask":
        return DaskExecutor(workers, scheduler)
    raise UsageError(f"unknown executor {name!r}", hint="use serial, processes or dask")
