"""The FastAPI app: REST under /api, the dashboard at /, the API description at /docs.

    from warclaims.web import create_app
    app = create_app("claims.db")          # uvicorn.run(app) — or: warclaims serve --db claims.db
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import docs, errors
from .ledger import LedgerPool
from .limits import MAX_BODY_BYTES, Limits
from .routes import claims, documents, extract, series

STATIC = Path(str(resources.files("warclaims.web") / "static"))
DESCRIPTION = ("War-loss claims extracted from en/uk/ru reporting and checked against the official series. "
               "Every success carries \"ok\": true; every error is {\"ok\": false, \"error\", \"errors\", \"status\"}.")


def create_app(db_path: str | Path | None = None, *, allow_fetch: bool = True,
               max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The app over the ledger at `db_path` (None: series and extract only; ledger routes answer 503)."""
    pool = LedgerPool(db_path)
    pool.open()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from anyio import to_thread

        from ..reference.series import Series

        await to_thread.run_sync(Series.load)  # ~0.3 s once, before the first request rather than during it
        yield
        pool.close()

    app = FastAPI(title="warclaims", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  lifespan=lifespan)
    app.state.ledger = pool
    app.state.allow_fetch = allow_fetch
    errors.install(app)
    for module in (series, documents, claims, extract):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    async def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        return HTMLResponse(docs.render(app.openapi()))

    app.add_middleware(Limits, max_body=max_body)
    return app
