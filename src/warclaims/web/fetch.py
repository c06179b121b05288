"""Fetching one page for POST /api/extract {"url": …}: the core's polite Fetcher (ingest.fetch: timeouts,
a named User-Agent, retries), tuned for someone waiting on the answer (one retry, short waits), http(s) only
and a size cap. The raw response is cached in the ledger only when the request asks to store the result.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from ..errors import FetchError
from ..ingest.fetch import Fetcher
from .errors import InvalidRequest

MAX_FETCH_BYTES = 5 * 1024 * 1024


def fetch(url: str, *, cache: Any = None, max_bytes: int = MAX_FETCH_BYTES) -> tuple[bytes, str | None, str]:
    """(body, content type, final URL) of a GET; FetchError (502) with the reason and the next step otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidRequest(f"not an http(s) URL: {url[:200]!r}", hint="give a URL starting with https://")
    fetcher = Fetcher(cache=cache, connect_timeout=5.0, read_timeout=15.0, retries=1, backoff=0.5, max_wait=5.0,
                      min_interval=0.0)
    resp = fetcher.get(url)
    if len(resp.body) > max_bytes:
        raise FetchError(f"{url} is larger than {max_bytes // 2**20} MB", source=url,
                          hint="paste the article's text instead")
    final = resp.final_url if resp.final_url.startswith(("http://", "https://")) else url  # urllib3 may give a path
    return resp.body, resp.content_type, final
