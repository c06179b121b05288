"""What a run has to do: the user's inputs expanded into shards of work items.

A folder is walked for text and HTML files (.txt, .html, .htm, .md, no suffix) and WARC files;
a file named on the command line is always taken.

    files and folders   -> {"kind": "file", "path": ..., "source": absolute path}
    URLs, feed entries  -> fetched here (the single polite fetcher, cached in the ledger), then
                           {"kind": "url", "source": url, "data": bytes, "content_type": ..., "origin": feed}
    WARC files          -> {"kind": "warc", "path": ..., "offset": byte offset, "count": n, "first": index}
                           (an index pass reads the record offsets, so workers can split one file)

A shard is a plain dict (picklable, small): {"items": [...], "db": path, "extractor_version": ..., "check": ...}.
Problems found while planning (a missing file, a URL that cannot be fetched) come out as failed
outcomes, in order with the shards.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warclaims.errors import InputNotFound, WarclaimsError, WarcRecordError

from .feeds import parse_feed

WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.zst", ".warc.lz4")
DOC_SUFFIXES = ("", ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".md")  # what a folder walk takes


def is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


@dataclass
class Planner:
    inputs: list[str]
    feeds: list[str] = field(default_factory=list)
    fetcher: Any = None  # warclaims.ingest.fetch.Fetcher
    shard_size: int = 32
    counts: dict[str, int] = field(default_factory=lambda: {"fetched": 0, "cached": 0, "feed_entries": 0})
    total: int | None = None  # the number of documents, when known before the work starts
    # WARC paths -> their index_warc() results, in any order; by default read here, one file after another
    # (warclaims.ingestion passes the executor's map: the workers index the files, where the data is)
    index: Callable[[list[str], int], Iterable[dict[str, Any]]] | None = None

    def files(self) -> tuple[list[str], list[str], list[str], list[dict[str, Any]]]:
        """(text/HTML files, WARC files, URLs, failures) from the inputs; folders are walked."""
        files, warcs, urls, failures = [], [], [], []
        for inp in self.inputs:
            if is_url(inp):
                urls.append(inp)
                continue
            p = Path(inp)
            if p.is_dir():
                for root, dirs, names in os.walk(p):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for name in sorted(names):
                        full = os.path.join(root, name)
                        if name.startswith("."):
                            continue
                        if is_warc(full):
                            warcs.append(full)
                        elif Path(name).suffix.lower() in DOC_SUFFIXES:
                            files.append(full)
            elif p.exists():
                (warcs if is_warc(inp) else files).append(inp)
            else:
                failures.append(failure(InputNotFound(f"no such file or folder: {inp}", source=inp,
                                                      hint="check the path; URLs start with http:// or https://")))
        return files, warcs, urls, failures

    def shards(self) -> Iterator[dict[str, Any]]:
        """Shards ({"items": [...]}) and failed outcomes ({"ok": False, ...}), lazily."""
        files, warcs, urls, failures = self.files()
        yield from failures
        indexed = {r["path"]: r for r in (self.index or _index_here)(warcs, self.shard_size)}
        warc_index = [indexed[w] for w in warcs]
        self.total = len(files) + len(urls) + sum(r["records"] for r in warc_index)
        batch: list[dict[str, Any]] = []
        for f in files:
            batch.append({"kind": "file", "path": f, "source": str(Path(f).resolve())})
            if len(batch) >= self.shard_size:
                yield {"items": batch}
                batch = []
        for r in warc_index:
            for offset, count, first in r["parts"]:
                yield {"items": [{"kind": "warc", "path": r["path"], "offset": offset, "count": count,
                                  "first": first}]}
            if r["failure"] is not None:
                yield r["failure"]
        for item in self._fetched(urls, self.feeds):
            if item.get("ok") is False:
                yield item
                continue
            batch.append(item)
            if len(batch) >= self.shard_size:
                yield {"items": batch}
                batch = []
        if batch:
            yield {"items": batch}

    def _fetched(self, urls: list[str], feeds: list[str]) -> Iterator[dict[str, Any]]:
        for url in urls:
            yield self._fetch(url, kind="url", origin=None)
        for feed in feeds:
            try:
                if is_url(feed):
                    self.fetcher.refresh, refresh = not self.fetcher.offline, self.fetcher.refresh
                    try:
                        resp = self.fetcher.get(feed)  # a feed changes: fetched again unless offline
                    finally:
                        self.fetcher.refresh = refresh
                    data = resp.body
                else:
                    data = Path(feed).read_bytes()
                entries = parse_feed(data, feed)
            except WarclaimsError as err:
                yield failure(err, feed)
                continue
            except OSError as err:
                yield failure(InputNotFound(f"cannot read the feed {feed}: {err}", source=feed,
                                            hint="check the path or URL of the feed"))
                continue
            self.counts["feed_entries"] += len(entries)
            if self.total is not None:
                self.total += len(entries)
            for e in entries:
                if e.link:
                    yield self._fetch(e.link, kind="feed", origin=feed)
                elif e.content:
                    yield {"kind": "feed", "source": f"{feed}#{e.title or len(e.content)}",
                           "data": e.content.encode("utf-8"), "content_type": "text/html; charset=utf-8",
                           "origin": feed}

    def _fetch(self, url: str, kind: str, origin: str | None) -> dict[str, Any]:
        try:
            resp = self.fetcher.get(url)
        except WarclaimsError as err:
            return failure(err, url)
        self.counts["cached" if resp.from_cache else "fetched"] += 1
        return {"kind": kind, "source": url, "data": resp.body, "content_type": resp.content_type,
                "origin": origin, "final_url": resp.final_url}


def index_warc(path: str, per_shard: int) -> dict[str, Any]:
    """A WARC file's shards as plain data: {path, parts [(offset, count, first)], records, failure or None}."""
    parts, n, error = warc_offsets(path, per_shard)
    return {"path": path, "parts": parts, "records": n, "failure": failure(error) if error else None}


def _index_here(paths: list[str], per_shard: int) -> Iterator[dict[str, Any]]:
    for p in paths:
        yield index_warc(p, per_shard)


def warc_offsets(path: str, per_shard: int) -> tuple[list[tuple[int, int, int]], int, WarcRecordError | None]:
    """(offset, count, first index) of every run of `per_shard` response records; the record count; an error."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    starts: list[tuple[int, int]] = []  # (byte offset, record index) of each run's first record
    n = 0
    last = None  # the byte offset of the last record of any type
    wanted = WarcRecordType.response | WarcRecordType.resource
    error = None
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, parse_http=False):
                last = record.stream_pos
                if not record.record_type & wanted:
                    continue
                if n % per_shard == 0:
                    starts.append((record.stream_pos, n))
                n += 1
    except (OSError, ValueError, EOFError) as err:
        error = f"cannot read past record {n} ({err})"
    else:
        if not _tail_intact(path, last or 0):
            error = f"the file ends inside a record (after {n} response records): truncated"
    if error:
        error = WarcRecordError(f"{path}: {error}", source=path,
                                hint="the file is truncated or corrupt; the records before the damage were read "
                                     "(check it with: gzip -t FILE)")
    parts = [(offset, min(per_shard, n - first), first) for offset, first in starts]
    return parts, n, error


def _tail_intact(path: str, pos: int) -> bool:
    """Whether the file ends where its last record does (fastwarc stops quietly at a cut in a skipped record)."""
    import zlib

    with open(path, "rb") as fh:
        fh.seek(pos)
        data = fh.read()
    if data[:2] == b"\x1f\x8b":  # gzip: every member must be complete
        while data:
            member = zlib.decompressobj(31)
            try:
                member.decompress(data)
            except zlib.error:
                return False
            if not member.eof:
                return False
            data = member.unused_data
        return True
    head, sep, rest = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), None)
    return not sep or length is None or len(rest) >= length


def failure(err: WarclaimsError, source: str | None = None) -> dict[str, Any]:
    out = err.to_dict()
    out["source"] = err.source or source
    return out


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
