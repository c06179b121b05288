"""The Ledger: one SQLite file (WAL) that holds every document, claim, check, source, run and raw response."""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from warclaims.errors import LedgerError, LedgerLocked, WarclaimsError

from . import query
from .schema import LATEST, current_version, migrate
from .simhash import simhash
from .write import now, write_outcome

DEFAULT_PATH = "warclaims.db"
BUSY_TIMEOUT_S = 10.0


class Ledger:
    """The SQLite system of record (`warclaims.db` by default).

        ledger = Ledger("claims.db")                    # creates and migrates the file if needed
        ledger = Ledger("claims.db", readonly=True)     # for readers (a web server): no writes, no migration

    Reading (every list is newest first; pass `next_cursor` back as `cursor` for the next page):

    - documents(limit=50, cursor=None, q=None, language=None) -> (rows, next_cursor)
        rows: {id, source, url, title, publisher, published, published_basis, language, encoding,
        retrieved_at, chars, duplicate_of, similarity, first_seen, claims (current claims), snippet (with q)}
        q is an FTS5 query over title and text: `Бахмут*` (prefix), `"exact phrase"`, `tanks OR танків`.
    - document(id) -> dict: the row above + text, repairs, sources (every source and revision it was
        seen as), near_duplicates (ids flagged duplicate_of this one), extractions (history:
        extractor_version, current, created_at, claims), extractor_version, match, and the current
        extraction's tallies (also as loss_tallies), events, statements, checks — each record as
        to_dict() gives it plus `ledger_id` (checks: `claim_ledger_id`). An id prefix of ≥ 6 characters
        works. Unknown id -> NotInLedger (status 404).
    - claims(kind=None, category=None, claimant=None, side=None, status=None, since=None, until=None,
        q=None, cursor=None, limit=100, document_id=None, include_history=False) -> (rows, next_cursor)
        kind: tally / event / statement. side: losing side (tally), target owner (event), speaker's
        side (statement). claimant: exact name, case-insensitive (speaker for statements). status: the
        check's verdict (consistent / inconsistent / unverifiable). since/until: YYYY-MM-DD, compared
        with the claim's `date` (as_of, else the document's publication date). q: FTS5 query on the
        claim's document. limit ≤ 1000.
        rows: {ledger_id, kind, id, document_id, extractor_version, current, category, value, side,
        scope, claimant, claimant_side, status, as_of, date, language, duplicate_of, record (the full
        record), document: {id, title, source, url, published}}.
        A claim whose document is a near duplicate has `duplicate_of` set: not an independent report.
    - search(q, limit=50, cursor=None) — documents(q=q).
    - corroboration(ledger_id) -> {claims (the same kind, category, value, side and date), documents,
        independent_documents (near duplicates not counted), copies}.
    - stats() -> dict: documents, sources, revisions, exact_duplicates, near_duplicates, claims (by
        kind), claims_in_history, independent_claims, tallies_by_category, checks_by_status,
        languages, published {first, last}, extractor_versions, runs, last_run, cached_responses,
        schema_version, path, bytes.
    - runs(limit=20) -> list of run rows (counts, failures, status).

    Writing: write_batch(outcomes, run_id) (one transaction per batch; see store.write for the
    outcome dicts), add_result(Result) for a Result made in Python, start_run/finish_run.
    Errors: LedgerLocked (another writer held the lock past the busy timeout), LedgerError (not a
    warclaims ledger / made by a newer version), BadQuery, BadDate, NotInLedger.
    The object may be shared by threads (calls are serialised by a lock).
    """

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_PATH, *, readonly: bool = False,
                 timeout: float = BUSY_TIMEOUT_S):
        self.path = str(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        with self._guard():
            if readonly:
                if not Path(self.path).exists():
                    raise LedgerError(f"no ledger at {self.path}",
                                      hint="create one with: warclaims ingest FILES --db " + self.path)
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None,
                                            check_same_thread=False)
            else:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                                            check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable at checkpoints, never corrupt
            version = current_version(self.conn) if not readonly else self._version()
            if version > LATEST:
                raise LedgerError(f"{self.path} was written by a newer warclaims (schema {version} > {LATEST})",
                                  hint="upgrade warclaims: pip install -U warclaims")
            if not readonly:
                migrate(self.conn)

    def _version(self) -> int:
        try:
            return self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0
        except sqlite3.OperationalError:
            raise LedgerError(f"{self.path} is not a warclaims ledger",
                              hint="pass the file made by warclaims ingest (--db)") from None

    # --- plumbing ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """SQLite's errors about the file as named errors with the next step."""
        with self._lock:
            try:
                yield
            except sqlite3.OperationalError as err:
                text = str(err)
                if "locked" in text or "busy" in text:
                    raise LedgerLocked(f"the ledger {self.path} is locked by another process ({text})",
                                       hint="wait for the other warclaims run to finish (or stop it), then run "
                                            "again; or write to another file with --db") from None
                if "readonly" in text or "read-only" in text:
                    raise LedgerError(f"the ledger {self.path} is read-only ({text})",
                                      hint="check the permissions of the file and its folder") from None
                raise
            except sqlite3.DatabaseError as err:
                if "not a database" in str(err) or "malformed" in str(err):
                    raise LedgerError(f"{self.path} is not a usable SQLite ledger ({err})",
                                      hint="pass another --db, or move the file away and ingest again") from None
                raise

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._guard():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ----------------------------------------------------------------------------------

    def write_batch(self, outcomes: Iterable[dict[str, Any]], run_id: int | None = None) -> list[str]:
        """Record a batch of worker outcomes in one transaction; the status of each ('failed' for errors)."""
        statuses = []
        with self.transaction() as conn:
            for out in outcomes:
                statuses.append(self._write_one(conn, out, run_id) if out.get("ok") else "failed")
        return statuses

    @staticmethod
    def _write_one(conn: sqlite3.Connection, out: dict[str, Any], run_id: int | None) -> str:
        """One outcome inside a savepoint: a record SQLite refuses fails alone (the outcome becomes an error)."""
        conn.execute("SAVEPOINT outcome")
        try:
            status = write_outcome(conn, out, run_id)
        except (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.DataError, OverflowError, KeyError,
                TypeError, ValueError) as err:
            conn.execute("ROLLBACK TO outcome")
            conn.execute("RELEASE outcome")
            out.update(WarclaimsError(f"the ledger cannot store {out.get('source')}: {type(err).__name__}: {err}",
                                      hint="report it with the input; the other documents were stored").to_dict())
            out["errors"][0]["code"] = "store_failed"
            return "failed"
        conn.execute("RELEASE outcome")
        return status

    def add_result(self, result: Any, *, source: str | None = None, kind: str = "text",
                   extractor_version: str | None = None) -> str:
        """Store a `Result` made in Python (warclaims.extract(...)); returns new/unchanged/revised/..."""
        from warclaims import __version__

        data = result.to_dict()
        doc = data["document"]
        doc["simhash"] = simhash(doc["text"])
        out = {"ok": True, "source": source or doc.get("url") or doc.get("source") or doc["id"], "kind": kind,
               "document": doc, "result": data, "extractor_version": extractor_version or __version__}
        return self.write_batch([out])[0]

    def known(self, doc_ids: Iterable[str], extractor_version: str) -> set[str]:
        """Which of these documents already have an extraction by this version."""
        ids = list(doc_ids)
        found: set[str] = set()
        with self._guard():
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                marks = ",".join("?" * len(chunk))
                found.update(r[0] for r in self.conn.execute(
                    f"SELECT document_id FROM extractions WHERE extractor_version = ? AND document_id IN ({marks})",
                    (extractor_version, *chunk)))
        return found

    def start_run(self, inputs: list[str], extractor_version: str, executor: str | None = None) -> int:
        from warclaims import __version__

        with self.transaction() as conn:
            for rowid, pid in conn.execute("SELECT rowid, pid FROM runs WHERE status = 'running'").fetchall():
                if not _alive(pid):
                    conn.execute("UPDATE runs SET status = 'interrupted' WHERE rowid = ?", (rowid,))
            cur = conn.execute("INSERT INTO runs (started_at, status, tool_version, extractor_version, executor, pid, "
                               "inputs) VALUES (?, 'running', ?, ?, ?, ?, ?)",
                               (now(), __version__, extractor_version, executor, os.getpid(),
                                json.dumps(inputs, ensure_ascii=False)))
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, counts: dict[str, Any], failures: list[dict[str, Any]]) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE runs SET finished_at = ?, status = ?, counts = ?, failures = ? WHERE rowid = ?",
                         (now(), status, json.dumps(counts), json.dumps(failures[:1000], ensure_ascii=False),
                          run_id))

    # --- the raw-response cache (fetch) -------------------------------------------------------------

    def cached_response(self, url: str) -> dict[str, Any] | None:
        with self._guard():
            r = self.conn.execute("SELECT * FROM responses WHERE url = ?", (url,)).fetchone()
        if r is None:
            return None
        out = dict(r)
        out["headers"] = json.loads(out["headers"])
        return out

    def cache_response(self, url: str, final_url: str, status: int, headers: dict[str, str], body: bytes) -> None:
        import hashlib

        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (url, final_url, status, json.dumps(headers), body, hashlib.sha256(body).hexdigest(), now()))

    # --- reading (see the class docstring) -------------------------------------------------------------

    def documents(self, limit: int | None = 50, cursor: str | int | None = None, q: str | None = None,
                  language: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
        with self._guard():
            return query.documents(self.conn, limit, cursor, q, language)

    def search(self, q: str, limit: int | None = 50, cursor: str | int | None = None
               ) -> tuple[list[dict[str, Any]], str | None]:
        return self.documents(limit, cursor, q=q)

    def document(self, doc_id: str) -> dict[str, Any]:
        with self._guard():
            return query.document(self.conn, doc_id)

    def claims(self, kind: str | None = None, category: str | None = None, claimant: str | None = None,
               side: str | None = None, status: str | None = None, since: str | None = None,
               until: str | None = None, q: str | None = None, cursor: str | int | None = None,
               limit: int | None = 100, document_id: str | None = None, include_history: bool = False
               ) -> tuple[list[dict[str, Any]], str | None]:
        with self._guard():
            return query.claims(self.conn, kind, category, claimant, side, status, since, until, q, cursor, limit,
                                document_id, include_history)

    def corroboration(self, ledger_id: int) -> dict[str, Any]:
        with self._guard():
            return query.corroboration(self.conn, ledger_id)

    def stats(self) -> dict[str, Any]:
        with self._guard():
            out = query.stats(self.conn)
            out["schema_version"] = self._version()
        out["path"] = self.path
        out["bytes"] = sum(p.stat().st_size for p in (Path(self.path), Path(self.path + "-wal")) if p.exists())
        return out

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        with self._guard():
            return query.runs(self.conn, limit)

    def counts(self) -> dict[str, int]:
        """Row counts of every table (what 'ingest twice changes nothing' compares)."""
        tables = ("documents", "sources", "extractions", "claims", "checks", "responses")
        with self._guard():
            return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
