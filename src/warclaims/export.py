"""Exports of the ledger's current claims: CSV (UTF-8; Excel: BOM + CRLF), JSONL, Parquet (pyarrow).

Each export writes a manifest beside it (`claims.csv.manifest.json`): tool and version, when, the
ledger, the filters, row counts, the inputs of the runs that filled the ledger, the file's sha256.
An export is complete or fails loudly: it is written to a temporary file in the same folder, its
rows are counted against the ledger, and only then renamed into place (with its manifest).
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warclaims import __version__
from warclaims.errors import ExportError, UsageError
from warclaims.store import Ledger

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
COLUMNS = ("ledger_id", "kind", "id", "document_id", "category", "value", "value_text", "qualifier", "delta",
           "side", "scope", "claimant", "claimant_side", "status", "as_of", "date", "period_start", "period_end",
           "language", "duplicate_of", "extractor_version", "span_start", "span_end", "source", "url", "title",
           "published", "record")
INT_COLUMNS = {"ledger_id", "value", "delta", "span_start", "span_end"}
_SQL = ("SELECT c.rowid, c.kind, c.id, c.document_id, c.category, c.value, c.side, c.scope, c.claimant, "
        "c.claimant_side, c.status, c.as_of, c.date, c.language, c.duplicate_of, c.extractor_version, c.data, "
        "d.source, d.url, d.title, d.published FROM claims c JOIN documents d ON d.id = c.document_id "
        "WHERE c.current = 1")


def rows(ledger: Ledger, kind: str | None = None, category: str | None = None) -> Iterator[dict[str, Any]]:
    """The current claims as flat rows (COLUMNS), oldest first; `record` is the full record as JSON."""
    sql, params = _SQL, []
    if kind:
        sql += " AND c.kind = ?"
        params.append(kind)
    if category:
        sql += " AND c.category = ?"
        params.append(category)
    with ledger._guard():
        cur = ledger.conn.execute(sql + " ORDER BY c.rowid", params)
        for r in cur:
            rec = json.loads(r["data"])
            span = rec.get("span") or [None, None]
            yield {"ledger_id": r["rowid"], "kind": r["kind"], "id": r["id"], "document_id": r["document_id"],
                   "category": r["category"], "value": r["value"],
                   "value_text": rec.get("value_text") or rec.get("content") or rec.get("trigger"),
                   "qualifier": rec.get("qualifier"), "delta": rec.get("delta"), "side": r["side"],
                   "scope": r["scope"], "claimant": r["claimant"], "claimant_side": r["claimant_side"],
                   "status": r["status"], "as_of": r["as_of"], "date": r["date"],
                   "period_start": rec.get("period_start"), "period_end": rec.get("period_end"),
                   "language": r["language"], "duplicate_of": r["duplicate_of"],
                   "extractor_version": r["extractor_version"], "span_start": span[0], "span_end": span[1],
                   "source": r["source"], "url": r["url"], "title": r["title"], "published": r["published"],
                   "record": r["data"]}


def export_claims(path: str, *, db: str = "warclaims.db", fmt: str | None = None, excel: bool = False,
                  kind: str | None = None, category: str | None = None) -> dict[str, Any]:
    """Write the ledger's current claims to `path` (format from the suffix or `fmt`); returns the manifest."""
    target = Path(path)
    fmt = fmt or FORMATS.get(target.suffix.lower())
    if fmt not in ("csv", "jsonl", "parquet"):
        raise UsageError(f"cannot tell the export format of {path}",
                         hint="name the file .csv, .jsonl or .parquet (or pass --format)")
    if excel and fmt != "csv":
        raise UsageError("--excel applies to CSV only", hint="name the file .csv")
    if not target.parent.exists():
        raise ExportError(f"the folder {target.parent} does not exist", hint=f"create it: mkdir -p {target.parent}")
    with Ledger(db, readonly=True) as ledger:
        with ledger._guard():
            expected = ledger.conn.execute(
                "SELECT count(*) FROM claims WHERE current = 1" + (" AND kind = ?" if kind else "")
                + (" AND category = ?" if category else ""), [v for v in (kind, category) if v]).fetchone()[0]
            inputs = sorted({i for (raw,) in ledger.conn.execute("SELECT inputs FROM runs")
                             for i in json.loads(raw or "[]")})
            documents = ledger.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        try:
            by_kind = _write(fmt, tmp, rows(ledger, kind, category), excel)
            written = sum(by_kind.values())
            if written != expected:
                raise ExportError(f"wrote {written} rows but the ledger holds {expected}: the export is incomplete",
                                  hint="another run changed the ledger meanwhile; export again after it ends")
            digest = _sha256(tmp)
            manifest = {"tool": "warclaims", "version": __version__,
                        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                        "file": target.name, "format": fmt, "excel": excel, "sha256": digest,
                        "bytes": os.path.getsize(tmp), "ledger": os.path.abspath(db),
                        "filters": {"kind": kind, "category": category, "current": True},
                        "counts": {"rows": written, "by_kind": dict(by_kind), "documents_in_ledger": documents},
                        "sources": inputs, "columns": list(COLUMNS)}
            mtmp = tmp + ".manifest"
            Path(mtmp).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp made it private
            os.chmod(mtmp, 0o666 & ~umask)
            os.replace(tmp, target)
            os.replace(mtmp, str(target) + ".manifest.json")
        except BaseException as err:
            for leftover in (tmp, tmp + ".manifest"):
                with contextlib.suppress(OSError):
                    os.unlink(leftover)
            if isinstance(err, OSError):
                raise ExportError(f"cannot write {path}: {err.strerror or err}",
                                  hint="check the free space and the folder's permissions") from None
            raise
    return manifest


def _write(fmt: str, tmp: str, it: Iterator[dict[str, Any]], excel: bool) -> Counter:
    by_kind: Counter = Counter()

    def counted() -> Iterator[dict[str, Any]]:
        for row in it:
            by_kind[row["kind"]] += 1
            yield row

    if fmt == "csv":
        with open(tmp, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
            w = csv.DictWriter(fh, COLUMNS, lineterminator="\r\n" if excel else "\n")
            w.writeheader()
            w.writerows(counted())
            fh.flush()
            os.fsync(fh.fileno())
    elif fmt == "jsonl":
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            for row in counted():
                out = dict(row)
                out["record"] = json.loads(row["record"])
                fh.write(json.dumps(out, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
    else:
        _parquet(tmp, counted())
    return by_kind


def _parquet(tmp: str, it: Iterator[dict[str, Any]], batch: int = 20_000) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("Parquet export needs pyarrow", hint="pip install 'warclaims[parquet]'") from None
    schema = pa.schema([(c, pa.int64() if c in INT_COLUMNS else pa.string()) for c in COLUMNS])
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        chunk: list[dict[str, Any]] = []
        wrote = False
        for row in it:
            chunk.append(row)
            if len(chunk) >= batch:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                chunk, wrote = [], True
        if chunk or not wrote:  # an empty export is still a valid file with the schema
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))


def _sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
