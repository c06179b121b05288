"""The ledger behind the API: `warclaims.store.Ledger(path)`, one instance (one sqlite3 connection) per worker
thread, so reads in WAL mode run side by side instead of queueing on one connection's lock. The first one is
opened when the app is made: it creates and migrates the file, and a file that is no ledger fails at once.

The ledger's calls block; the routes run them in the worker threads (`anyio.to_thread`) so a slow
query never stalls the event loop that serves the series.
"""
from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from anyio import to_thread

from .errors import LedgerUnavailable


class LedgerPool:
    def __init__(self, path: str | Path | None):
        self.path = str(path) if path is not None else None
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Any] = []

    def open(self) -> None:
        """Open (create, migrate) the ledger now, in this thread: errors surface at start-up."""
        if self.path is not None:
            self.get()

    @property
    def configured(self) -> bool:
        return self.path is not None

    def get(self) -> Any:
        """This thread's Ledger; LedgerUnavailable (503) when there is none to open."""
        ledger = getattr(self._local, "ledger", None)
        if ledger is not None:
            return ledger
        if self.path is None:
            raise LedgerUnavailable("this server runs without a ledger",
                                    hint="start it with: warclaims serve --db claims.db")
        try:
            from ..store import Ledger
        except ImportError:
            raise LedgerUnavailable("the ledger (warclaims.store) is not part of this install",
                                    hint="upgrade warclaims; series and extract work without it") from None
        ledger = Ledger(self.path)
        self._local.ledger = ledger
        with self._lock:
            self._opened.append(ledger)
        return ledger

    async def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """`ledger.method(*args, **kwargs)` in a worker thread."""
        return await to_thread.run_sync(lambda: getattr(self.get(), method)(*args, **kwargs))

    def close(self) -> None:
        with self._lock:
            for ledger in self._opened:
                with contextlib.suppress(Exception):  # closing must not mask the reason of the shutdown
                    ledger.close()
            self._opened.clear()
