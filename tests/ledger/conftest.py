"""Fixtures of the ledger tests: a small corpus on disk, a local HTTP server (127.0.0.1 only), WARC files."""
from __future__ import annotations

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
ARTICLE = ROOT / "examples" / "express-kamikaze-drones.txt"


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """12 real texts (en/uk/ru) in a folder, plus a file that cannot be read as text."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for f in sorted(GOLD.glob("*.txt"))[:12]:
        shutil.copy(f, folder / f.name)
    return folder


class Site:
    """Routes: path -> (status, headers, body) or a callable(handler) for special behaviour."""

    def __init__(self):
        self.routes: dict[str, object] = {}
        self.hits: list[tuple[str, str]] = []  # (path, user agent)


@pytest.fixture()
def site():
    s = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            s.hits.append((self.path, self.headers.get("User-Agent", "")))
            route = s.routes.get(self.path)
            if callable(route):
                route(self)
                return
            status, headers, body = route or (404, {"Content-Type": "text/plain"}, b"not found")
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield s
    server.shutdown()
    server.server_close()


def write_warc(path: Path, pages: list[tuple[str, bytes]], *, gzip: bool = True, extra: bool = True,
               broken_http: int | None = None) -> Path:
    """A Common Crawl News-like WARC: warcinfo, then per page a request and a response record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gzip)
        if extra:
            w.write_record(w.create_warcinfo_record(path.name, {"software": "test", "format": "WARC 1.1"}))
        for i, (url, body) in enumerate(pages):
            if extra:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
                w.write_record(w.create_warc_record(url, "request", http_headers=req))
            if broken_http == i:
                rec = w.create_warc_record(url, "resource", payload=BytesIO(b"garbage, no HTTP here"),
                                           warc_content_type="application/http; msgtype=response")
                rec.rec_headers.replace_header("WARC-Type", "response")  # warcio itself refuses to write it
                rec.rec_type = "response"
                w.write_record(rec)
                continue
            hdr = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=BytesIO(body), http_headers=hdr))
    return path


def html_page(title: str, body: str, published: str = "2023-03-30") -> bytes:
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="{published}T10:00:00+00:00"></head>'
            f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>").encode()
