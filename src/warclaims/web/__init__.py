"""REST API and dashboard (the `[web]` extra: fastapi, uvicorn). `create_app(db_path)` builds the app;
`serve(db_path, host, port)` runs it (what `warclaims serve` calls)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["create_app", "serve"]


def create_app(db_path: str | Path | None = None, **kwargs: Any):
    from .app import create_app as _create

    return _create(db_path, **kwargs)


def serve(db_path: str | Path | None, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info",
          allow_fetch: bool = True) -> None:
    """Run the app with one uvicorn worker until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db_path, allow_fetch=allow_fetch), host=host, port=port, log_level=log_level,
                access_log=False)
