"""Fetching one page for POST /api/extract {"url": …}: http(s) only, a timeout, a size cap.

The core reads files, not URLs (ingest.load_path refuses them), so the page is fetched here and handed
to `ingest.load_bytes`, which decodes it and pulls the article out of the HTML.
"""
from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlsplit

from .. import __version__
from .errors import FetchFailed, InvalidRequest

MAX_FETCH_BYTES = 5 * 1024 * 1024
TIMEOUT_S = 15


def fetch(url: str, *, max_bytes: int = MAX_FETCH_BYTES, timeout: float = TIMEOUT_S) -> tuple[bytes, str | None, str]:
    """(body, content type, final URL) of a GET; FetchFailed with the reason otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidRequest(f"not an http(s) URL: {url[:200]!r}", hint="give a URL starting with https://")
    req = urllib.request.Request(url, headers={"User-Agent": f"warclaims/{__version__} (+claims checker)",
                                               "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # the scheme is checked above
            data = resp.read(max_bytes + 1)
            ctype = resp.headers.get("Content-Type")
            final = resp.geturl()
    except urllib.error.HTTPError as exc:
        raise FetchFailed(f"{url} answered {exc.code} {exc.reason}", source=url,
                          hint="check the address, or save the page and paste its text") from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchFailed(f"could not fetch {url}: {reason}", source=url,
                          hint="check the address and the network, or paste the article's text instead") from None
    if len(data) > max_bytes:
        raise FetchFailed(f"{url} is larger than {max_bytes // 2**20} MB", source=url,
                          hint="paste the article's text instead")
    return data, ctype, final
