"""Polite fetching of web pages, with a raw-response cache in the ledger.

- a User-Agent that names the tool; connect and read timeouts;
- retries with exponential backoff on timeouts, connection errors, 429 and 5xx, honouring Retry-After
  (seconds or an HTTP date; capped at `max_wait`);
- a minimum interval between two requests to the same host;
- every 200 response is kept (`responses` table): re-extraction never refetches; `offline=True` reads
  only the cache and fails with a named error for a URL it lacks.
"""
from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from warclaims import __version__
from warclaims.errors import FetchError

USER_AGENT = f"warclaims/{__version__} (+https://pypi.org/project/warclaims/; research crawler)"
RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass
class Response:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    from_cache: bool = False

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


@dataclass
class Fetcher:
    """Fetch URLs politely; `cache` is an object with cached_response(url) / cache_response(...) (a Ledger)."""

    cache: Any = None
    offline: bool = False
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    max_wait: float = 60.0  # the longest Retry-After honoured
    min_interval: float = 1.0  # seconds between two requests to one host
    user_agent: str = USER_AGENT
    refresh: bool = False  # fetch again even when cached
    _last: dict[str, float] = field(default_factory=dict)
    _pool: Any = None
    sleep: Any = time.sleep  # replaceable in tests

    def get(self, url: str) -> Response:
        if self.cache is not None and not self.refresh:
            hit = self.cache.cached_response(url)
            if hit is not None:
                return Response(url, hit["final_url"] or url, hit["status"], hit["headers"], hit["body"], True)
        if self.offline:
            raise FetchError(f"{url} is not in the cache and --offline forbids fetching it", source=url,
                             hint="run once without --offline to fetch it, or drop the URL")
        resp = self._fetch(url)
        if self.cache is not None:
            self.cache.cache_response(url, resp.final_url, resp.status, resp.headers, resp.body)
        return resp

    def _fetch(self, url: str) -> Response:
        import urllib3

        if self._pool is None:
            self._pool = urllib3.PoolManager(headers={"User-Agent": self.user_agent,
                                                      "Accept": "text/html,application/xhtml+xml,application/xml;"
                                                                "q=0.9,text/plain;q=0.8,*/*;q=0.5",
                                                      "Accept-Encoding": "gzip, deflate"})
        timeout = urllib3.Timeout(connect=self.connect_timeout, read=self.read_timeout)
        wait = self.backoff
        last_error = ""
        for attempt in range(self.retries + 1):
            self._pace(url)
            try:
                r = self._pool.request("GET", url, timeout=timeout, preload_content=True, redirect=True,
                                       retries=urllib3.Retry(total=None, connect=0, read=0, status=0, other=0,
                                                             redirect=10, raise_on_redirect=True))
            except urllib3.exceptions.MaxRetryError as err:
                reason = err.reason
                if isinstance(reason, urllib3.exceptions.ResponseError) or "redirect" in str(reason).lower():
                    raise FetchError(f"{url}: too many redirects", source=url,
                                     hint="open the URL in a browser and pass the page it ends at") from None
                last_error = _describe(reason)
            except (urllib3.exceptions.HTTPError, OSError) as err:
                last_error = _describe(err)
            else:
                headers = {k.lower(): v for k, v in r.headers.items()}
                if 200 <= r.status < 300:
                    return Response(url, r.geturl() or url, r.status, headers, r.data)
                if r.status not in RETRY_STATUS:
                    raise FetchError(f"{url}: HTTP {r.status} {r.reason or ''}".rstrip(), source=url,
                                     hint=_status_hint(r.status))
                last_error = f"HTTP {r.status}"
                after = retry_after(headers.get("retry-after"))
                if after is not None:
                    if after > self.max_wait:
                        raise FetchError(f"{url}: HTTP {r.status}, the server asks to wait {after:.0f} s",
                                         source=url, hint="try again later (or raise the wait limit)")
                    wait = max(wait, after)
            if attempt < self.retries:
                self.sleep(wait)
                wait *= 2
        raise FetchError(f"{url}: {last_error} (after {self.retries + 1} attempts)", source=url,
                         hint="check the URL and the network; try again later")

    def _pace(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None:
            gap = time.monotonic() - last
            if gap < self.min_interval:
                self.sleep(self.min_interval - gap)
        self._last[host] = time.monotonic()


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: '120' or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _describe(err: object) -> str:
    name = type(err).__name__
    if "Timeout" in name:
        return "timed out"
    if "NewConnection" in name or "ConnectionRefused" in name or "NameResolution" in name:
        return "cannot connect"
    return f"{name}: {err}"


def _status_hint(status: int) -> str:
    if status == 404 or status == 410:
        return "the page is gone: check the URL (or find it in a web archive)"
    if status in (401, 403):
        return "the site refuses the request: save the page from a browser and pass the file"
    return "check the URL"
