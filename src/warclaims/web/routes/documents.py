"""GET /api/documents (a page of the ledger's documents) and /api/documents/{id} (text, claims with spans,
checks): the article view of the dashboard reads the second."""
from __future__ import annotations

import contextlib
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from ..errors import LedgerUnavailable, NotFound
from ..jsonresp import FastJSON

router = APIRouter(default_response_class=FastJSON, tags=["documents"])


@router.get("/api/info", summary="Version, whether a ledger is attached, and its counts")
async def info(request: Request):
    from ... import __version__

    pool = request.app.state.ledger
    stats = None
    if pool.configured:
        with contextlib.suppress(LedgerUnavailable):
            stats = await pool.call("stats")
            stats.pop("path", None)  # the server's file system is nobody's business over HTTP
    return FastJSON({"ok": True, "version": __version__, "ledger": stats is not None, "stats": stats})


@router.get("/api/documents", summary="Documents in the ledger, newest first, one page at a time")
async def documents(request: Request, q: Annotated[str | None, Query(max_length=500)] = None,
                    cursor: Annotated[str | None, Query(max_length=200)] = None,
                    limit: Annotated[int, Query(ge=1, le=500)] = 50):
    rows, nxt = await request.app.state.ledger.call("documents", limit=limit, cursor=cursor, q=q)
    next_url = str(request.url.include_query_params(cursor=nxt)) if nxt else None
    return FastJSON({"ok": True, "count": len(rows), "rows": rows, "next": nxt, "next_url": next_url})


@router.get("/api/documents/{doc_id}", summary="One document: text, claims (with spans) and checks")
async def document(request: Request,
                   doc_id: Annotated[str, Path(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")]):
    doc = await request.app.state.ledger.call("document", doc_id)
    if doc is None:
        raise NotFound(f"no document {doc_id} in the ledger", hint="list them with GET /api/documents")
    return FastJSON({"ok": True, **doc})
