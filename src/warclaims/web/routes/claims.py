"""GET /api/claims (filters, cursor pagination, `_shape=array`) and its streamed downloads
/api/claims.csv (`?excel=1`: UTF-8 BOM for Excel) and /api/claims.jsonl.

Every query goes to `Ledger.claims(...)` with the filters as bound parameters. A download walks the
cursor to the end: it is never cut at a page size, and an error half-way is written as the last line
(`{"ok": false, …}` in JSONL, a row starting `#error` in CSV) rather than ending the file silently.
"""
from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from ...errors import WarclaimsError
from ...export import COLUMNS as EXPORT_COLUMNS
from ...pipeline import validate_date
from ..jsonresp import FastJSON

router = APIRouter(default_response_class=FastJSON, tags=["claims"])
log = logging.getLogger("warclaims.web")
EXPORT_PAGE = 1000
_S = Annotated[str | None, Query(max_length=200)]
_Q = "full-text search (FTS5) in the claim's document: Бахмут*, \"exact phrase\", a OR b"


@dataclass
class ClaimFilters:
    kind: str | None = None
    category: str | None = None
    claimant: str | None = None
    side: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None

    def ledger_kwargs(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


def claim_filters(
    kind: Annotated[str | None, Query(max_length=40, description="tally / event / statement")] = None,
    category: Annotated[str | None, Query(max_length=80, description="a category id, e.g. tanks")] = None,
    claimant: Annotated[str | None, Query(max_length=200, description="claimant's name, exact, any case "
                                                                       "(the speaker for statements)")] = None,
    side: Annotated[str | None, Query(max_length=20, description="UKR / RUS: the losing side (tallies), the "
                                                                  "target's owner (events), the speaker's side "
                                                                  "(statements)")] = None,
    status: Annotated[str | None, Query(max_length=40, description="check verdict: consistent / inconsistent / "
                                                                    "unverifiable …")] = None,
    from_: Annotated[str | None, Query(alias="from", max_length=40, description="claims dated on or after")] = None,
    to: Annotated[str | None, Query(max_length=40, description="claims dated on or before")] = None,
    q: Annotated[str | None, Query(max_length=500, description=_Q)] = None,
) -> ClaimFilters:
    since = validate_date(from_, "from")[:10] if from_ else None
    until = validate_date(to, "to")[:10] if to else None
    return ClaimFilters(kind, category, claimant, side, status, since, until, q)


@router.get("/api/claims", summary="Claims in the ledger, filtered, one page at a time")
async def claims(request: Request, filters: Annotated[ClaimFilters, Depends(claim_filters)],
                 cursor: _S = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                 shape: Annotated[Literal["objects", "array"], Query(alias="_shape")] = "objects"):
    """`next_url` is the next page (null on the last). `_shape=array` answers with the bare list of rows
    and puts the next page in a `Link: <…>; rel="next"` header."""
    rows, nxt = await request.app.state.ledger.call("claims", **filters.ledger_kwargs(), cursor=cursor, limit=limit)
    next_url = str(request.url.include_query_params(cursor=nxt)) if nxt else None
    if shape == "array":
        headers = {"link": f'<{next_url}>; rel="next"'} if next_url else None
        return FastJSON(rows, headers=headers)
    return FastJSON({"ok": True, "count": len(rows), "rows": rows, "next": nxt, "next_url": next_url,
                     "filters": filters.ledger_kwargs()})


@router.get("/api/claims.jsonl", summary="Every claim of a query as JSON lines (streamed, never truncated)")
async def claims_jsonl(request: Request, filters: Annotated[ClaimFilters, Depends(claim_filters)]):
    first = await _first_page(request, filters)

    async def lines() -> AsyncIterator[bytes]:
        try:
            async for page in _pages(request, filters, first):
                yield "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in page).encode()
        except Exception as exc:  # headers are sent: the error becomes the last line, never a silent cut
            yield (json.dumps(_stream_error(exc), ensure_ascii=False) + "\n").encode()

    return StreamingResponse(lines(), media_type="application/x-ndjson",
                             headers={"content-disposition": 'attachment; filename="claims.jsonl"'})


@router.get("/api/claims.csv", summary="Every claim of a query as CSV (streamed; excel=1 adds a BOM for Excel)")
async def claims_csv(request: Request, filters: Annotated[ClaimFilters, Depends(claim_filters)],
                     excel: Annotated[bool, Query(description="UTF-8 BOM so Excel reads Cyrillic right")] = False):
    first = await _first_page(request, filters)

    async def chunks() -> AsyncIterator[bytes]:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        yield (("\ufeff" if excel else "") + buf.getvalue()).encode()
        buf.seek(0)
        buf.truncate()
        try:
            async for page in _pages(request, filters, first):
                flat = (export_row(r) for r in page)
                writer.writerows(defuse(r) for r in flat) if excel else writer.writerows(flat)
                yield buf.getvalue().encode()
                buf.seek(0)
                buf.truncate()
        except Exception as exc:
            err = _stream_error(exc)
            yield f"#error,{json.dumps(err['error'], ensure_ascii=False)}\r\n".encode()

    name = "claims-excel.csv" if excel else "claims.csv"
    return StreamingResponse(chunks(), media_type="text/csv; charset=utf-8",
                             headers={"content-disposition": f'attachment; filename="{name}"'})


async def _first_page(request: Request, filters: ClaimFilters) -> tuple[list[dict[str, Any]], str | None]:
    """Read before the response starts, so a bad query is still an ordinary JSON error with its status."""
    return await request.app.state.ledger.call("claims", **filters.ledger_kwargs(), limit=EXPORT_PAGE)


async def _pages(request: Request, filters: ClaimFilters,
                 first: tuple[list[dict[str, Any]], str | None]) -> AsyncIterator[list[dict[str, Any]]]:
    rows, cursor = first
    while True:
        if rows:
            yield rows
        if not cursor:
            return
        rows, cursor = await request.app.state.ledger.call("claims", **filters.ledger_kwargs(), cursor=cursor,
                                                           limit=EXPORT_PAGE)


def _stream_error(exc: Exception) -> dict[str, Any]:
    if isinstance(exc, WarclaimsError):
        return exc.to_dict()
    log.exception("export failed")
    err = WarclaimsError(f"the export stopped: {type(exc).__name__}", hint="run the download again; see the log")
    err.code, err.status = "internal", 500
    return err.to_dict()


# CSV: the columns of `warclaims export` (warclaims.export.COLUMNS), so a download from the dashboard and an
# export from the command line read the same; one header for every page; the full record as JSON last.
CSV_COLUMNS = list(EXPORT_COLUMNS)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def export_row(row: dict[str, Any]) -> dict[str, Any]:
    """A claim row of Ledger.claims() as a flat row of the export's columns."""
    rec = row.get("record") or {}
    doc = row.get("document") or {}
    span = rec.get("span") or [None, None]
    return {"ledger_id": row.get("ledger_id"), "kind": row.get("kind"), "id": row.get("id"),
            "document_id": row.get("document_id"), "category": row.get("category"), "value": row.get("value"),
            "value_text": rec.get("value_text") or rec.get("content") or rec.get("trigger"),
            "qualifier": rec.get("qualifier"), "delta": rec.get("delta"), "side": row.get("side"),
            "scope": row.get("scope"), "claimant": row.get("claimant"), "claimant_side": row.get("claimant_side"),
            "status": row.get("status"), "as_of": row.get("as_of"), "date": row.get("date"),
            "period_start": rec.get("period_start"), "period_end": rec.get("period_end"),
            "language": row.get("language"), "duplicate_of": row.get("duplicate_of"),
            "extractor_version": row.get("extractor_version"), "span_start": span[0], "span_end": span[1],
            "source": doc.get("source"), "url": doc.get("url"), "title": doc.get("title"),
            "published": doc.get("published"),
            "record": json.dumps(rec, ensure_ascii=False, separators=(",", ":"))}  # as the store keeps it


def defuse(row: dict[str, Any]) -> dict[str, Any]:
    """For Excel: a text cell starting like a formula is shown as text, never evaluated by the spreadsheet."""
    return {k: "'" + v if isinstance(v, str) and v.startswith(_FORMULA) else v for k, v in row.items()}
