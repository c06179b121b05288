"""The ledger's schema as numbered migrations; each applied one is recorded in `schema_migrations`.

A migration is never edited once released: a change of schema is a new entry at the end. Claims of every
kind live in one table (`claims`) with the record as JSON (`data`) beside the scalar columns the
filters need, indexed; `tallies`, `events` and `statements` are views of it. `current = 0` marks the
history: the claims of an older extractor version, or of a page's earlier revision.
"""
from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "documents, sources, claims, checks, runs, responses, FTS", """
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,              -- sha256 of the normalised text (Document.id)
    source TEXT NOT NULL,                 -- where it was first seen
    url TEXT, title TEXT, publisher TEXT, published TEXT, published_basis TEXT,
    language TEXT, encoding TEXT, retrieved_at TEXT,
    repairs TEXT NOT NULL DEFAULT '[]',   -- JSON list
    text TEXT NOT NULL,
    chars INTEGER NOT NULL,
    simhash INTEGER NOT NULL,             -- 64-bit simhash over word shingles (signed)
    band0 INTEGER NOT NULL, band1 INTEGER NOT NULL, band2 INTEGER NOT NULL, band3 INTEGER NOT NULL,
    duplicate_of TEXT,                    -- a near duplicate (syndicated copy) of this earlier document
    similarity REAL,                      -- 1 - hamming/64 against duplicate_of
    first_seen TEXT NOT NULL,
    run_id INTEGER
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_language ON documents(language);
CREATE INDEX documents_band0 ON documents(band0);
CREATE INDEX documents_band1 ON documents(band1);
CREATE INDEX documents_band2 ON documents(band2);
CREATE INDEX documents_band3 ON documents(band3);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
END;

-- Every place a text was seen. A source (path, URL, WARC target URI) whose text changed has several
-- revisions; the same text from two sources (an exact duplicate) is one document with two rows here.
CREATE TABLE sources (
    source TEXT NOT NULL,
    revision INTEGER NOT NULL,            -- 1, 2, ... per source
    document_id TEXT NOT NULL REFERENCES documents(id),
    kind TEXT,                            -- file / url / feed / warc / text
    origin TEXT,                          -- the feed or WARC file it came through
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    run_id INTEGER,
    PRIMARY KEY (source, revision)
) WITHOUT ROWID;
CREATE INDEX sources_document ON sources(document_id);

-- One extraction of one document by one extractor version. A newer version adds a row; the
-- older one stays (current = 0) with its claims, as history.
CREATE TABLE extractions (
    rowid INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id),
    extractor_version TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 1,
    match TEXT,                           -- JSON: the bulletin the tallies match (Result.match)
    created_at TEXT NOT NULL,
    run_id INTEGER,
    UNIQUE (document_id, extractor_version)
);

CREATE TABLE claims (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,                     -- the extractor's id within the document (t1, e2, s1)
    kind TEXT NOT NULL,                   -- tally / event / statement
    document_id TEXT NOT NULL,
    extraction_id INTEGER NOT NULL REFERENCES extractions(rowid),
    extractor_version TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 1,
    category TEXT,                        -- tally category; event target category
    value INTEGER,                        -- tally value; event target quantity
    side TEXT,                            -- losing side (tally), target owner (event), speaker side (statement)
    scope TEXT,
    claimant TEXT COLLATE NOCASE,         -- claimant name (tally, event), speaker name (statement)
    claimant_side TEXT,
    status TEXT,                          -- the check's verdict (tallies), else NULL
    as_of TEXT,                           -- bulletin date (tally), event time start
    date TEXT,                            -- as_of, else the document's publication date (YYYY-MM-DD)
    language TEXT,
    duplicate_of TEXT,                    -- copied from the document: never counted as corroboration
    data TEXT NOT NULL,                   -- the record as JSON (to_dict())
    UNIQUE (extraction_id, kind, id)
);
CREATE INDEX claims_kind ON claims(kind) WHERE current = 1;
CREATE INDEX claims_category ON claims(category) WHERE current = 1;
CREATE INDEX claims_claimant ON claims(claimant) WHERE current = 1;
CREATE INDEX claims_side ON claims(side) WHERE current = 1;
CREATE INDEX claims_status ON claims(status) WHERE current = 1;
CREATE INDEX claims_date ON claims(date) WHERE current = 1;
CREATE INDEX claims_document ON claims(document_id);
-- (extraction_id is served by the UNIQUE index)

CREATE VIEW tallies AS SELECT * FROM claims WHERE kind = 'tally';
CREATE VIEW events AS SELECT * FROM claims WHERE kind = 'event';
CREATE VIEW statements AS SELECT * FROM claims WHERE kind = 'statement';

CREATE TABLE checks (
    rowid INTEGER PRIMARY KEY,
    claim_rowid INTEGER REFERENCES claims(rowid),
    claim_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    extraction_id INTEGER NOT NULL REFERENCES extractions(rowid),
    extractor_version TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL,
    expected INTEGER, found INTEGER,
    reference_date TEXT,
    explanation TEXT,
    data TEXT NOT NULL
);
CREATE INDEX checks_claim ON checks(claim_rowid);
CREATE INDEX checks_extraction ON checks(extraction_id);
CREATE INDEX checks_status ON checks(status) WHERE current = 1;

CREATE TABLE runs (
    rowid INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,                 -- running / done / partial / failed / interrupted
    tool_version TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    executor TEXT,
    pid INTEGER,                          -- the process: a 'running' run whose process is gone was interrupted
    inputs TEXT,                          -- JSON list of what was asked
    counts TEXT,                          -- JSON: the closing summary
    failures TEXT                         -- JSON list: source, code, message
);

-- Raw HTTP responses: re-extraction never refetches; --offline reads only this.
CREATE TABLE responses (
    url TEXT PRIMARY KEY,
    final_url TEXT,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,                -- JSON
    body BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    fetched_at TEXT NOT NULL
) WITHOUT ROWID;
"""),
]

LATEST = MIGRATIONS[-1][0]


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                 "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the migrations this database lacks, each in its own transaction; return their numbers."""
    have = current_version(conn)
    applied = []
    for version, name, sql in MIGRATIONS:
        if version <= have:
            continue
        with _transaction(conn):
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                         (version, name, datetime.now(UTC).isoformat(timespec="seconds")))
        applied.append(version)
    return applied


class _transaction:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _statements(sql: str) -> list[str]:
    """Split a script into statements (a trigger's body keeps its inner semicolons)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
