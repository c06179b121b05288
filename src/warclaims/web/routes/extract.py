"""POST /api/extract: a text or a URL in, the extract contract out (`warclaims.api.extract` → Result.to_dict()).

Nothing is stored unless the request says `"store": true` (then the result goes into the ledger and the
answer carries `stored`).
"""
from __future__ import annotations

from typing import Annotated

from anyio import CapacityLimiter, to_thread
from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from ... import api
from ...ingest import load_bytes
from ..errors import InvalidRequest
from ..fetch import fetch
from ..jsonresp import FastJSON

router = APIRouter(default_response_class=FastJSON, tags=["extract"])
MAX_TEXT_CHARS = 1_000_000  # ~200 pages; the body limit (limits.MAX_BODY_BYTES) caps it first for UTF-8
EXTRACT_THREADS = 2  # extraction is CPU-bound Python: more threads only queue on the GIL and slow the other routes


class ExtractIn(BaseModel):
    """Exactly one of `text` and `url`."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"text": "Ukraine also claims to have destroyed 3610 tanks, 6974 APVs, 2971 artillery systems",
                      "published": "2023-03-31"}]})

    text: Annotated[str | None, Field(max_length=MAX_TEXT_CHARS, description="the article's text")] = None
    url: Annotated[str | None, Field(max_length=2000, description="an http(s) page to fetch")] = None
    published: Annotated[str | None, Field(max_length=40, description="publication date YYYY-MM-DD")] = None
    title: Annotated[str | None, Field(max_length=500)] = None
    check: bool = Field(True, description="compare the tallies with the official series")
    store: bool = Field(False, description="also add the result to the ledger")


@router.post("/api/extract", summary="Extract and check the claims of one text or URL")
async def extract(request: Request, body: ExtractIn) -> FastJSON:
    has_text = bool(body.text and body.text.strip())
    if has_text == bool(body.url):
        raise InvalidRequest("give either text or url" if not has_text else "give text or url, not both",
                             hint='e.g. {"text": "Ukraine claims to have destroyed 3610 tanks …"}')
    allow_fetch = request.app.state.allow_fetch
    if body.url and not allow_fetch:
        raise InvalidRequest("this server does not fetch URLs", hint="paste the article's text instead")
    pool = request.app.state.ledger
    state = request.app.state
    if getattr(state, "extract_limiter", None) is None:  # made inside the running event loop
        state.extract_limiter = CapacityLimiter(EXTRACT_THREADS)
    result = await to_thread.run_sync(_run, body, pool.get() if body.store and body.url else None,
                                      limiter=state.extract_limiter)
    out = result.to_dict()
    if body.store:
        out["stored"] = await request.app.state.ledger.call("add_result", result, kind="url" if body.url else "text")
    return FastJSON(out)


def _run(body: ExtractIn, cache=None):
    if body.url:
        data, ctype, final = fetch(body.url, cache=cache)
        doc = load_bytes(data, final, published=body.published, content_type=ctype)
        if body.title:
            doc.title = body.title
        return api.extract(doc, published=body.published, check=body.check)
    return api.extract(body.text or "", published=body.published, title=body.title, check=body.check)
