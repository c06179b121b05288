"""Named errors. Each says what went wrong and the next step ("Try --encoding cp1251").

The CLI prints `error: <message>` and `hint: <hint>` and exits with `exit_code`; in a batch
the failing document becomes an `{"ok": false, ...}` line and the others still come out.
"""
from __future__ import annotations

from typing import Any


class WarclaimsError(Exception):
    """Base class: a known failure with a message a user can act on."""

    code = "error"
    exit_code = 1
    status = 400  # the HTTP status the REST API answers with

    def __init__(self, message: str, hint: str | None = None, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.source = source

    def to_dict(self) -> dict[str, Any]:
        """The one error shape (datasette-style), also used per document in JSONL output."""
        err = {"code": self.code, "message": self.message, "hint": self.hint}
        out: dict[str, Any] = {"ok": False, "error": self.message, "errors": [err], "status": self.status}
        if self.source is not None:
            out["source"] = self.source
        return out

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} ({self.hint})"


class InputNotFound(WarclaimsError):
    code = "not_found"
    status = 404


class EmptyInput(WarclaimsError):
    code = "empty_input"
    status = 422


class BinaryInput(WarclaimsError):
    code = "binary_input"
    status = 415


class DecodingError(WarclaimsError):
    code = "unknown_encoding"
    status = 422

class HtmlSupportMissing(WarclaimsError):
    """trafilatura (or its lxml_html_clean dependency) cannot be imported: a broken install."""

    code = "missing_dependency"
    status = 500

class InputUnreadable(WarclaimsError):
    """The input exists but cannot be read (permissions, a device, an I/O error)."""

    code = "unreadable"
    status = 403


class MalformedInput(WarclaimsError):
    code = "malformed_input"
    status = 422


class UsageError(WarclaimsError):
    """Bad arguments: unknown category, bad date, a date in the future ..."""

    code = "usage"
    exit_code = 2
    status = 400


class UnknownCategory(UsageError):
    code = "unknown_category"


class UnknownEquipment(UsageError):
    code = "unknown_equipment"
    status = 404


class BadDate(UsageError):
    code = "bad_date"


class DataError(WarclaimsError):
    """The vendored reference data is missing or unreadable (a broken install)."""

    code = "data_error"
    status = 500


# --- the ledger (store, fetch, WARC, export) ------------------------------------------------------

class LedgerError(WarclaimsError):
    """The ledger file cannot be used: not a warclaims database, or made by a newer version."""

    code = "ledger_error"
    status = 500


class LedgerLocked(LedgerError):
    """Another process holds the write lock longer than the busy timeout."""

    code = "ledger_locked"
    status = 503
    exit_code = 4


class NotInLedger(WarclaimsError):
    code = "not_in_ledger"
    status = 404


class BadQuery(UsageError):
    """A search expression FTS5 cannot parse, or a malformed cursor."""

    code = "bad_query"


class FetchError(WarclaimsError):
    """A URL could not be fetched (after retries), or is not in the cache with --offline."""

    code = "fetch_failed"
    status = 502


class WarcRecordError(MalformedInput):
    """One WARC record cannot be read; the other records of the file still are."""

    code = "broken_warc_record"


class ExportError(WarclaimsError):
    code = "export_failed"
    status = 500
