"""`warclaims serve --db claims.db`: the REST API and the dashboard on one uvicorn worker
(a thin adapter over warclaims.web.serve)."""
from __future__ import annotations

import argparse

from ..errors import HtmlSupportMissing, UsageError

EPILOG = """examples:
  warclaims serve --db claims.db                 http://127.0.0.1:8000 : dashboard; /api/… ; /docs (OpenAPI)
  warclaims serve --db claims.db --port 8080
  warclaims serve                                no ledger: the series chart and the paste box still work
  warclaims serve --db claims.db --host 0.0.0.0 --no-fetch
                                                 every interface (no login: mind who can reach it; --no-fetch
                                                 stops visitors making the server fetch URLs of your network)"""


def register(subparsers) -> None:
    sp = subparsers.add_parser("serve", help="Serve the REST API and the dashboard (needs the [web] extra).",
                               description="Serve the REST API (/api/…, described at /docs) and the dashboard (/) "
                                           "over a ledger, on one uvicorn worker.",
                               epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sp.add_argument("--db", metavar="PATH",
                    help="the SQLite ledger (claims.db); without it the ledger routes answer 503")
    sp.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sp.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sp.add_argument("--no-fetch", action="store_true",
                    help="refuse URLs in POST /api/extract (only pasted text): for a server others can reach")
    sp.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    sp.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise UsageError(f"port {args.port} is out of range", hint="use a port between 1 and 65535, e.g. 8000")
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        err = HtmlSupportMissing("the web server needs fastapi and uvicorn", hint="pip install 'warclaims[web]'")
        raise err from None
    from pathlib import Path

    from ..web import serve

    if args.db and not Path(args.db).exists():
        print(f"warclaims: {args.db} does not exist: starting with a new, empty ledger", flush=True)
    print(f"warclaims: dashboard http://{args.host}:{args.port}/  API docs http://{args.host}:{args.port}/docs"
          f"  ledger {args.db or '(none)'}", flush=True)
    serve(args.db, host=args.host, port=args.port, log_level=args.log_level, allow_fetch=not args.no_fetch)
    return 0
