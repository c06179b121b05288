"""Reading the ledger: documents, one document with its claims, filtered claims, search, stats.

Lists are newest first and paged by an opaque cursor (keyset on the row id: a page costs the same
at row 10 and at row 10 million). Only current claims are listed: those of a document's latest
extractor version and of a page's latest revision; older ones stay in the tables as history.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from warclaims.errors import BadDate, BadQuery, NotInLedger

DOC_COLUMNS = ("id", "source", "url", "title", "publisher", "published", "published_basis", "language", "encoding",
               "retrieved_at", "chars", "duplicate_of", "similarity", "first_seen")
CLAIM_COLUMNS = ("rowid", "kind", "id", "document_id", "extractor_version", "current", "category", "value", "side",
                 "scope", "claimant", "claimant_side", "status", "as_of", "date", "language", "duplicate_of", "data")
MAX_LIMIT = 1000


def _limit(limit: int | None, default: int) -> int:
    if limit is None:
        return default
    if not isinstance(limit, int) or limit < 1:
        raise BadQuery(f"limit {limit!r} is not a positive number", hint=f"use 1 … {MAX_LIMIT}")
    return min(limit, MAX_LIMIT)


def _cursor(cursor: str | int | None) -> int | None:
    if cursor in (None, ""):
        return None
    try:
        return int(cursor)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise BadQuery(f"cursor {cursor!r} is not one this ledger gave",
                       hint="pass the next_cursor of the previous page, or none for the first page") from None


def _date(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise BadDate(f"{what} {value!r} is not a date", hint="use YYYY-MM-DD, e.g. 2023-03-01") from None


def fts_rowids_sql() -> str:
    return "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"


def fts_query(q: str) -> str:
    """The user's words as an FTS5 query: kept as written when it parses (Бахмут*, "exact phrase", a OR b)."""
    q = (q or "").strip()
    if not q:
        raise BadQuery("empty search", hint='give words to search for, e.g. "Бахмут*" or tanks')
    return q


def _run_fts(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[sqlite3.Row]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as err:
        if "locked" not in str(err) and "busy" not in str(err):  # anything else is the query's fault
            raise BadQuery(f"cannot read the search {params[0]!r}: {err}",
                           hint='quote words with special characters, e.g. "T-72" or "Бахмут*"') from None
        raise


def documents(conn: sqlite3.Connection, limit: int | None = 50, cursor: str | int | None = None,
              q: str | None = None, language: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    n = _limit(limit, 50)
    where, params = [], []
    cols = ", ".join(f"d.{c}" for c in DOC_COLUMNS)
    snippet = "NULL"
    if q:
        sql_from = "documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
        where.append("documents_fts MATCH ?")
        params.append(fts_query(q))
        snippet = "snippet(documents_fts, 1, '[', ']', '…', 16)"
    else:
        sql_from = "documents d"
    if language:
        where.append("d.language = ?")
        params.append(language)
    after = _cursor(cursor)
    if after is not None:
        where.append("d.rowid < ?")
        params.append(after)
    sql = (f"SELECT d.rowid, {cols}, {snippet} AS snippet, "
           "(SELECT count(*) FROM claims c WHERE c.document_id = d.id AND c.current = 1) AS claims "
           f"FROM {sql_from} {'WHERE ' + ' AND '.join(where) if where else ''} "
           f"ORDER BY {'documents_fts.rowid' if q else 'd.rowid'} DESC LIMIT ?")  # FTS5 yields rowids in order
    rows = _run_fts(conn, sql, [*params, n + 1])
    out = []
    for r in rows[:n]:
        item = {c: r[c] for c in DOC_COLUMNS}
        item["claims"] = r["claims"]
        if q:
            item["snippet"] = r["snippet"]
        out.append(item)
    return out, (str(rows[n - 1]["rowid"]) if len(rows) > n else None)


def document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any]:
    if not doc_id or len(doc_id) < 6:
        raise NotInLedger(f"no document {doc_id!r} in the ledger", hint="give the id (at least 6 characters)")
    rows = conn.execute("SELECT * FROM documents WHERE id >= ? AND id < ? LIMIT 2",
                        (doc_id, doc_id + "\uffff")).fetchall()
    if not rows:
        raise NotInLedger(f"no document {doc_id!r} in the ledger", hint="list them: warclaims search WORDS")
    if len(rows) > 1 and rows[0]["id"] != doc_id:
        raise NotInLedger(f"{doc_id!r} is the start of several document ids", hint="give more of the id")
    r = rows[0]
    out: dict[str, Any] = {c: r[c] for c in DOC_COLUMNS}
    out["text"] = r["text"]
    out["repairs"] = json.loads(r["repairs"] or "[]")
    out["sources"] = [dict(s) for s in conn.execute(
        "SELECT source, revision, kind, origin, first_seen, last_seen FROM sources WHERE document_id = ? "
        "ORDER BY first_seen, source", (r["id"],))]
    for s in out["sources"]:  # the other texts the same source had, newest first
        s["revisions"] = conn.execute("SELECT count(*) FROM sources WHERE source = ?", (s["source"],)).fetchone()[0]
    out["near_duplicates"] = [x[0] for x in conn.execute(
        "SELECT id FROM documents WHERE duplicate_of = ? ORDER BY rowid", (r["id"],))]
    ext = conn.execute("SELECT rowid, extractor_version, current, match, created_at FROM extractions "
                       "WHERE document_id = ? ORDER BY rowid DESC", (r["id"],)).fetchall()
    out["extractions"] = [{"extractor_version": e["extractor_version"], "current": bool(e["current"]),
                           "created_at": e["created_at"],
                           "claims": conn.execute("SELECT count(*) FROM claims WHERE extraction_id = ?",
                                                  (e["rowid"],)).fetchone()[0]} for e in ext]
    latest = ext[0] if ext else None
    out["extractor_version"] = latest["extractor_version"] if latest else None
    out["match"] = json.loads(latest["match"]) if latest and latest["match"] else None
    for key in ("tallies", "events", "statements"):
        out[key] = []
    out["checks"] = []
    if latest:
        names = {"tally": "tallies", "event": "events", "statement": "statements"}
        for c in conn.execute("SELECT rowid, kind, status, data FROM claims WHERE extraction_id = ? ORDER BY rowid",
                              (latest["rowid"],)):
            rec = json.loads(c["data"])
            rec["ledger_id"] = c["rowid"]
            out[names.get(c["kind"], c["kind"])].append(rec)
        for c in conn.execute("SELECT claim_rowid, data FROM checks WHERE extraction_id = ? ORDER BY rowid",
                              (latest["rowid"],)):
            rec = json.loads(c["data"])
            rec["claim_ledger_id"] = c["claim_rowid"]
            out["checks"].append(rec)
    out["loss_tallies"] = out["tallies"]  # the name of the extract contract
    return out


def claims(conn: sqlite3.Connection, kind: str | None = None, category: str | None = None,
           claimant: str | None = None, side: str | None = None, status: str | None = None,
           since: str | None = None, until: str | None = None, q: str | None = None,
           cursor: str | int | None = None, limit: int | None = 100, document_id: str | None = None,
           include_history: bool = False) -> tuple[list[dict[str, Any]], str | None]:
    n = _limit(limit, 100)
    where = [] if include_history else ["c.current = 1"]
    params: list[Any] = []
    # One index walked in row order, the most selective one present (in this order); the other filters are
    # checked on the rows (`+c.col` keeps SQLite from picking, say, the side index where half the rows match).
    chosen = False
    for col, value in (("document_id", document_id), ("claimant", claimant), ("category", category),
                       ("status", status), ("kind", kind), ("side", side)):
        if value is not None:
            where.append(f"{'+' if chosen else ''}c.{col} = ?")
            params.append(value)
            chosen = True
    dates: list[str] = []
    if since is not None:
        dates.append("date >= ?")
        params.append(_date(since, "since"))
    if until is not None:
        dates.append("date <= ?")
        params.append(_date(until, "until"))
    if dates:
        # Pages are newest first: walking an equality index (or the table) in row order and stopping at `limit`
        # beats collecting a wide date range and sorting it. The date index is used only for a narrow range.
        narrow = len(where) == (0 if include_history else 1) and _fewer_than(
            conn, "SELECT 1 FROM claims WHERE current = 1 AND " + " AND ".join(dates), params[-len(dates):], 5000)
        where += [("c." if narrow else "+c.") + d for d in dates]
    if q:
        where.append(f"c.document_id IN (SELECT id FROM documents WHERE rowid IN ({fts_rowids_sql()}))")
        params.append(fts_query(q))
    after = _cursor(cursor)
    if after is not None:
        where.append("c.rowid < ?")
        params.append(after)
    cols = ", ".join(f"c.{c}" for c in CLAIM_COLUMNS)
    sql = (f"SELECT {cols}, d.title AS doc_title, d.source AS doc_source, d.url AS doc_url, "
           f"d.published AS doc_published FROM claims c JOIN documents d ON d.id = c.document_id "
           f"WHERE {' AND '.join(where) or '1'} ORDER BY c.rowid DESC LIMIT ?")
    rows = _run_fts(conn, sql, [*params, n + 1]) if q else conn.execute(sql, [*params, n + 1]).fetchall()
    return [claim_row(r) for r in rows[:n]], (str(rows[n - 1]["rowid"]) if len(rows) > n else None)


def _fewer_than(conn: sqlite3.Connection, sql: str, params: list[Any], n: int) -> bool:
    return conn.execute(f"SELECT count(*) FROM ({sql} LIMIT ?)", [*params, n]).fetchone()[0] < n


def claim_row(r: sqlite3.Row) -> dict[str, Any]:
    out = {c: r[c] for c in CLAIM_COLUMNS if c not in ("rowid", "data")}
    out["ledger_id"] = r["rowid"]
    out["current"] = bool(out["current"])
    out["record"] = json.loads(r["data"])
    out["document"] = {"id": r["document_id"], "title": r["doc_title"], "source": r["doc_source"],
                       "url": r["doc_url"], "published": r["doc_published"]}
    return out


def corroboration(conn: sqlite3.Connection, ledger_id: int) -> dict[str, Any]:
    """The other current claims of the same figure (kind, category, value, side, date) and how many independent
    documents carry it: near duplicates (syndicated copies) are listed but not counted."""
    c = conn.execute("SELECT kind, category, value, side, date, document_id FROM claims WHERE rowid = ?",
                     (ledger_id,)).fetchone()
    if c is None:
        raise NotInLedger(f"no claim {ledger_id} in the ledger", hint="take a ledger_id from claims()")
    rows = conn.execute(
        "SELECT c.rowid, c.document_id, c.duplicate_of, c.claimant FROM claims c WHERE c.current = 1 AND c.kind = ? "
        "AND c.category IS ? AND c.value IS ? AND c.side IS ? AND c.date IS ? ORDER BY c.rowid",
        (c["kind"], c["category"], c["value"], c["side"], c["date"])).fetchall()
    independent = {r["document_id"] for r in rows if r["duplicate_of"] is None}
    return {"ledger_id": ledger_id, "claims": [dict(r) | {"ledger_id": r["rowid"]} for r in rows],
            "documents": len({r["document_id"] for r in rows}), "independent_documents": len(independent),
            "copies": sum(1 for r in rows if r["duplicate_of"] is not None)}


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    one = lambda sql, *p: conn.execute(sql, p).fetchone()[0]  # noqa: E731
    group = lambda sql: {k if k is not None else "unknown": v for k, v in conn.execute(sql)}  # noqa: E731
    last = conn.execute("SELECT rowid, started_at, finished_at, status, counts FROM runs ORDER BY rowid DESC "
                        "LIMIT 1").fetchone()
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "sources": one("SELECT count(DISTINCT source) FROM sources"),
        "revisions": one("SELECT count(*) FROM sources WHERE revision > 1"),
        "exact_duplicates": one("SELECT count(*) - count(DISTINCT document_id) FROM sources"),
        "near_duplicates": one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
        "claims": group("SELECT kind, count(*) FROM claims WHERE current = 1 GROUP BY kind"),
        "claims_in_history": one("SELECT count(*) FROM claims WHERE current = 0"),
        "independent_claims": one("SELECT count(*) FROM claims WHERE current = 1 AND duplicate_of IS NULL"),
        "tallies_by_category": group("SELECT category, count(*) FROM claims WHERE current = 1 AND kind = 'tally' "
                                     "GROUP BY category ORDER BY count(*) DESC"),
        "checks_by_status": group("SELECT status, count(*) FROM checks WHERE current = 1 GROUP BY status"),
        "languages": group("SELECT language, count(*) FROM documents GROUP BY language ORDER BY count(*) DESC"),
        "published": {"first": one("SELECT min(published) FROM documents"),
                      "last": one("SELECT max(published) FROM documents")},
        "extractor_versions": group("SELECT extractor_version, count(*) FROM extractions GROUP BY extractor_version"),
        "runs": one("SELECT count(*) FROM runs"),
        "last_run": ({"id": last["rowid"], "started_at": last["started_at"], "finished_at": last["finished_at"],
                      "status": last["status"], "counts": json.loads(last["counts"] or "{}")} if last else None),
        "cached_responses": one("SELECT count(*) FROM responses"),
    }


def runs(conn: sqlite3.Connection, limit: int = 20) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT * FROM runs ORDER BY rowid DESC LIMIT ?", (_limit(limit, 20),)).fetchall()
    out = []
    for r in rows:
        item = dict(r)
        item["id"] = item.pop("rowid", None) or r["rowid"]
        for key in ("inputs", "counts", "failures"):
            item[key] = json.loads(item[key]) if item[key] else None
        out.append(item)
    return out
