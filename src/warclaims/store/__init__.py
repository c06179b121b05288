"""store: the SQLite ledger (schema and migrations, idempotent upserts, FTS5, revisions, near duplicates).

    from warclaims.store import Ledger
    ledger = Ledger("warclaims.db")
    rows, next_cursor = ledger.claims(category="tanks", since="2023-03-01")

See `Ledger` for the whole reading API.
"""
from __future__ import annotations

from .ledger import DEFAULT_PATH, Ledger
from .simhash import simhash

__all__ = ["DEFAULT_PATH", "Ledger", "simhash"]
