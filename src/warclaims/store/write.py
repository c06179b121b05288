"""Writing outcomes into the ledger: idempotent upserts keyed by content hashes.

An outcome is the plain dict a shard worker returns for one input (see warclaims.run):
    {"ok": True, "source": key, "kind": "file", "origin": None, "document": {...Document, "simhash": int},
     "result": {"loss_tallies": [...], "events": [...], "statements": [...], "checks": [...], "match": {...}}
               or None when the worker skipped a document the ledger already holds,
     "prepared": prepare(result, document) — the same, as rows ready to insert (workers send this instead),
     "extractor_version": "0.1.0"}
    {"ok": False, "source": key, "kind": ..., "error": {"code", "message", "hint"}}

What an outcome did to the ledger (`status`): new, unchanged, revised (the source's text changed:
a new revision), duplicate (the same text from another source: merged), near_duplicate (a new text
flagged `duplicate_of` an earlier one), reextracted (a known text, a newer extractor version), failed.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from .simhash import THRESHOLD, bands, distance, to_signed

KINDS = (("tally", "loss_tallies"), ("event", "events"), ("statement", "statements"))


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_outcome(conn: sqlite3.Connection, out: dict[str, Any], run_id: int | None) -> str:
    """Record one ok outcome (inside the caller's transaction); return its status."""
    doc = out["document"]
    doc_id = doc["id"]
    source = out["source"]
    stamp = now()
    row = conn.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
    status = "unchanged"
    if row is None:
        dup = _near_duplicate(conn, doc, source)
        _insert_document(conn, doc, source, dup, stamp, run_id)
        status = "near_duplicate" if dup else "new"
    latest = conn.execute("SELECT revision, document_id FROM sources WHERE source = ? ORDER BY revision DESC LIMIT 1",
                          (source,)).fetchone()
    refresh = {doc_id}
    if latest is None:
        conn.execute("INSERT INTO sources VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
                     (source, doc_id, out.get("kind"), out.get("origin"), stamp, stamp, run_id))
        if status == "unchanged":
            status = "duplicate"  # a known text from a new source: merged into the one document
    elif latest[1] == doc_id:
        conn.execute("UPDATE sources SET last_seen = ? WHERE source = ? AND revision = ?", (stamp, source, latest[0]))
    else:
        conn.execute("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (source, latest[0] + 1, doc_id, out.get("kind"), out.get("origin"), stamp, stamp, run_id))
        refresh.add(latest[1])
        status = "revised"
    prepared = out.get("prepared")
    if prepared is None and out.get("result") is not None:
        prepared = prepare(out["result"], doc)
    if prepared is not None:
        version = out["extractor_version"]
        known = conn.execute("SELECT count(*), sum(extractor_version = ?) FROM extractions WHERE document_id = ?",
                             (version, doc_id)).fetchone()
        if not known[1]:
            _insert_extraction(conn, doc_id, prepared, version, stamp, run_id)
            if known[0] and status == "unchanged":
                status = "reextracted"
    if status not in ("new", "near_duplicate"):  # a new text from a new source is current as inserted
        for d in refresh:
            refresh_current(conn, d)
    return status


def _near_duplicate(conn: sqlite3.Connection, doc: dict[str, Any], source: str) -> tuple[str, float] | None:
    """The earliest document within THRESHOLD bits, not an earlier revision of the same source."""
    h = doc["simhash"]
    b = bands(h)
    rows = conn.execute(
        "SELECT id, simhash, duplicate_of FROM documents WHERE band0 = ? OR band1 = ? OR band2 = ? OR band3 = ? "
        "ORDER BY rowid", b).fetchall()
    for cand_id, cand_hash, cand_dup in rows:
        d = distance(h, cand_hash)
        if d > THRESHOLD:
            continue
        if conn.execute("SELECT 1 FROM sources WHERE source = ? AND document_id = ?", (source, cand_id)).fetchone():
            continue  # the same page's previous text: a revision, not a copy
        return cand_dup or cand_id, round(1 - d / 64, 4)
    return None


def _insert_document(conn: sqlite3.Connection, doc: dict[str, Any], source: str, dup: tuple[str, float] | None,
                     stamp: str, run_id: int | None) -> None:
    h = doc["simhash"]
    conn.execute(
        "INSERT INTO documents (id, source, url, title, publisher, published, published_basis, language, encoding, "
        "retrieved_at, repairs, text, chars, simhash, band0, band1, band2, band3, duplicate_of, similarity, "
        "first_seen, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc["id"], source, doc.get("url"), doc.get("title"), doc.get("publisher"), doc.get("published"),
         doc.get("published_basis"), doc.get("language"), doc.get("encoding"), doc.get("retrieved_at"),
         _dumps(doc.get("repairs") or []), doc["text"], len(doc["text"]), to_signed(h), *bands(h),
         dup[0] if dup else None, dup[1] if dup else None, stamp, run_id))


def prepare(result: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    """A Result's claims and checks as rows ready to insert (JSON already encoded).

    Run by the shard worker, so the single writer only inserts: the writer is the part that does not scale."""
    verdict: dict[str, str] = {}
    for c in result.get("checks") or []:
        verdict.setdefault(c.get("claim_id"), c.get("status"))
    published = (doc.get("published") or "")[:10] or None
    claims = []
    for kind, key in KINDS:
        for rec in result.get(key) or []:
            cols = claim_columns(kind, rec, verdict.get(rec.get("id")))
            claims.append((rec.get("id"), kind, cols["category"], cols["value"], cols["side"], cols["scope"],
                           cols["claimant"], cols["claimant_side"], cols["status"], cols["as_of"],
                           (cols["as_of"] or published or "")[:10] or None, rec.get("language") or doc.get("language"),
                           _dumps(rec)))
    checks = [(c.get("claim_id"), c.get("status") or "unknown", _int(c.get("expected")), _int(c.get("found")),
               (c.get("reference") or {}).get("date"), c.get("explanation"), _dumps(c))
              for c in result.get("checks") or []]
    match = result.get("match")
    return {"match": _dumps(match) if match else None, "claims": claims, "checks": checks}


def _insert_extraction(conn: sqlite3.Connection, doc_id: str, prepared: dict[str, Any], version: str,
                       stamp: str, run_id: int | None) -> None:
    cur = conn.execute("INSERT INTO extractions (document_id, extractor_version, current, match, created_at, run_id) "
                       "VALUES (?, ?, 1, ?, ?, ?)", (doc_id, version, prepared["match"], stamp, run_id))
    ext = cur.lastrowid
    dup = conn.execute("SELECT duplicate_of FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    conn.executemany(
        "INSERT OR IGNORE INTO claims (id, kind, category, value, side, scope, claimant, claimant_side, status, as_of, "
        "date, language, data, document_id, extraction_id, extractor_version, current, duplicate_of) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
        [(*row, doc_id, ext, version, dup) for row in prepared["claims"]])
    if not prepared["checks"]:
        return
    rowids: dict[str, int] = {}
    for rowid, cid in conn.execute("SELECT rowid, id FROM claims WHERE extraction_id = ? ORDER BY rowid", (ext,)):
        rowids.setdefault(cid, rowid)
    conn.executemany(
        "INSERT INTO checks (claim_rowid, claim_id, status, expected, found, reference_date, explanation, data, "
        "document_id, extraction_id, extractor_version, current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        [(rowids.get(c[0]), *c, doc_id, ext, version) for c in prepared["checks"]])


def claim_columns(kind: str, rec: dict[str, Any], verdict: str | None) -> dict[str, Any]:
    """The indexed scalar columns of a claim record (any kind; missing parts stay None)."""
    def part(name: str) -> dict[str, Any]:
        value = rec.get(name)
        return value if isinstance(value, dict) else {}

    if kind == "tally":
        claimant = part("claimant")
        return {"category": rec.get("category"), "value": _int(rec.get("value")), "side": rec.get("losing_side"),
                "scope": rec.get("scope"), "claimant": claimant.get("name"), "claimant_side": claimant.get("side"),
                "status": verdict, "as_of": rec.get("as_of")}
    if kind == "event":
        target, claimant, actor = part("target"), part("claimant"), part("actor")
        return {"category": target.get("category"), "value": _int(target.get("quantity")),
                "side": target.get("owner_side"), "scope": rec.get("type"),
                "claimant": claimant.get("name") or actor.get("name"),
                "claimant_side": claimant.get("side") or actor.get("side"),
                "status": verdict or rec.get("verification"), "as_of": part("time").get("start")}
    speaker = part("speaker")
    return {"category": None, "value": None, "side": speaker.get("side"), "scope": rec.get("kind"),
            "claimant": speaker.get("name"), "claimant_side": speaker.get("side"), "status": verdict,
            "as_of": part("time").get("start")}


def _int(value: Any) -> int | None:
    """An integer column's value: SQLite's are 64-bit (a larger number stays in the record's JSON only)."""
    ok = isinstance(value, int) and not isinstance(value, bool) and -(2**63) <= value < 2**63
    return value if ok else None


def refresh_current(conn: sqlite3.Connection, doc_id: str) -> None:
    """current = the document's latest extraction, while it is the latest revision of some source."""
    live = conn.execute(
        "SELECT 1 FROM sources s WHERE s.document_id = ? AND s.revision = "
        "(SELECT max(revision) FROM sources WHERE source = s.source) LIMIT 1", (doc_id,)).fetchone() is not None
    latest = conn.execute("SELECT max(rowid) FROM extractions WHERE document_id = ?", (doc_id,)).fetchone()[0]
    if latest is None:
        return
    stale = conn.execute("SELECT 1 FROM extractions WHERE document_id = ? AND current != (rowid = ? AND ?) LIMIT 1",
                         (doc_id, latest, live)).fetchone()
    if stale is None:
        return  # the usual case: nothing changed
    for table in ("extractions", "claims", "checks"):
        key = "rowid" if table == "extractions" else "extraction_id"
        conn.execute(f"UPDATE {table} SET current = ({key} = ? AND ?) WHERE document_id = ?", (latest, live, doc_id))
