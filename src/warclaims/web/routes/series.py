"""GET /api/series, /api/categories, /api/health.

The series is read-only reference data, so a response is computed once per (category, from, to) and
kept as bytes, plain and gzipped (LRU): a repeat request costs a dict look-up and a socket write.
"""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ... import api
from ..oryx import oryx_series

router = APIRouter(tags=["series"])
CACHE_SIZE = 512
_PARAM = Annotated[str | None, Query(max_length=40)]


@router.get("/api/health", summary="Liveness (also the benchmark's baseline)")
async def health() -> Response:
    return Response(b'{"ok":true}', media_type="application/json")


@router.get("/api/categories", summary="Category ids, labels and the dates the series covers")
async def categories() -> Response:
    return _json_response(_categories(), None)


@router.get("/api/series", summary="The official daily series of one category: every source, consensus, revisions")
async def series(request: Request, category: Annotated[str, Query(max_length=60)],
                 from_: Annotated[str | None, Query(alias="from", max_length=40)] = None,
                 to: _PARAM = None) -> Response:
    """One row per bulletin date: `consensus`, `sources` (each dataset's value), `delta`, `disputed` (the
    sources disagree; `basis` says how the consensus was settled), `revisions` (official corrections and
    decreases), `url` of the bulletin. `oryx` is the photo-confirmed lower bound where comparable, or null."""
    return _json_response(_series_bytes(category, from_, to), request.headers.get("accept-encoding"))


def _json_response(payload: tuple[bytes, bytes], accept: str | None) -> Response:
    plain, packed = payload
    if accept and "gzip" in accept:
        return Response(packed, media_type="application/json",
                        headers={"content-encoding": "gzip", "vary": "accept-encoding"})
    return Response(plain, media_type="application/json", headers={"vary": "accept-encoding"})


def _pack(body: dict[str, Any]) -> tuple[bytes, bytes]:
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return raw, gzip.compress(raw, 6)


@lru_cache(maxsize=CACHE_SIZE)
def _series_bytes(category: str, start: str | None, end: str | None) -> tuple[bytes, bytes]:
    # Errors (unknown category, bad date) raise and are not cached.
    return _pack(series_payload(category, start, end))


def series_payload(category: str, start: str | None = None, end: str | None = None) -> dict[str, Any]:
    rows = api.series(category, start, end)
    cat = category.strip().lower().replace("-", "_").replace(" ", "_")
    sources = sorted({name for row in rows for name in row.get("sources", {})})
    revisions = [{"date": r["date"], **ev} for r in rows for ev in r.get("revisions") or []]
    return {"ok": True, "category": cat, "label": api.categories().get(cat, cat),
            "from": rows[0]["date"] if rows else start, "to": rows[-1]["date"] if rows else end,
            "sources": sources, "count": len(rows), "disputed": sum(bool(r.get("disputed")) for r in rows),
            "revisions": revisions, "rows": rows,
            "oryx": oryx_series(cat, rows[0]["date"] if rows else start, rows[-1]["date"] if rows else end)}


@lru_cache(maxsize=1)
def _categories() -> tuple[bytes, bytes]:
    from ...reference.series import Series

    s = Series.load()
    labels = api.categories()
    out = []
    for cid in s.categories:
        cov = s.coverage(cid)
        out.append({"id": cid, "label": labels.get(cid, cid), "first": cov[0] if cov else None,
                    "last": cov[1] if cov else None})
    return _pack({"ok": True, "categories": out, "first": s.first_date, "last": s.last_date})


def clear_cache() -> None:
    _series_bytes.cache_clear()
    _categories.cache_clear()
