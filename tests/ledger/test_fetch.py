"""Polite fetching against a local server: User-Agent, 429 + Retry-After, 404, redirects, timeouts,
wrong charset, the cache and --offline."""
from __future__ import annotations

import time

import pytest

from warclaims.errors import FetchError
from warclaims.ingest.fetch import Fetcher, retry_after
from warclaims.ingestion import ingest_sources
from warclaims.store import Ledger

from .conftest import html_page

UK_BODY = "Генштаб ЗСУ: загальні бойові втрати противника орієнтовно склали: танків - 3610 (+5) од."


def fast(**kw) -> Fetcher:
    waits: list[float] = []
    f = Fetcher(backoff=0.01, min_interval=0.0, connect_timeout=1, read_timeout=0.5, **kw)
    f.sleep = lambda s: (waits.append(s), time.sleep(min(s, 0.05)))
    f.waits = waits  # type: ignore[attr-defined]
    return f


def test_user_agent_names_the_tool(site):
    site.routes["/a"] = (200, {"Content-Type": "text/html"}, html_page("A", "text"))
    fast().get(site.base + "/a")
    assert site.hits[0][1].startswith("warclaims/")


def test_429_waits_as_retry_after_says_then_succeeds(site):
    calls = []

    def flaky(h):
        calls.append(1)
        if len(calls) == 1:
            h.send_response(429)
            h.send_header("Retry-After", "2")
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        body = html_page("ok", "fine")
        h.send_response(200)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    site.routes["/busy"] = flaky
    f = fast()
    r = f.get(site.base + "/busy")
    assert r.status == 200 and len(calls) == 2 and f.waits == [2.0]


@pytest.mark.parametrize("status,words", [(404, "the page is gone"), (403, "refuses")], ids=["404", "403"])
def test_client_errors_are_named_and_not_retried(site, status, words):
    site.routes["/x"] = (status, {}, b"no")
    with pytest.raises(FetchError) as info:
        fast().get(site.base + "/x")
    assert f"HTTP {status}" in info.value.message and words in info.value.hint
    assert len(site.hits) == 1


def test_server_errors_are_retried_with_backoff(site):
    site.routes["/down"] = (503, {}, b"")
    f = fast(retries=2)
    with pytest.raises(FetchError, match="after 3 attempts"):
        f.get(site.base + "/down")
    assert len(site.hits) == 3 and f.waits == [0.01, 0.02]


def test_redirects_are_followed_and_the_final_url_kept(site):
    site.routes["/old"] = (301, {"Location": "/new"}, b"")
    site.routes["/new"] = (200, {"Content-Type": "text/html"}, html_page("new", "moved"))
    r = fast().get(site.base + "/old")
    assert r.final_url.endswith("/new") and b"moved" in r.body


def test_a_redirect_loop_is_a_named_error(site):
    site.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    with pytest.raises(FetchError, match="redirects"):
        fast().get(site.base + "/loop")


def test_a_slow_server_times_out(site):
    def slow(h):
        time.sleep(1.5)
        h.send_response(200)
        h.end_headers()

    site.routes["/slow"] = slow
    with pytest.raises(FetchError, match="timed out"):
        fast(retries=0).get(site.base + "/slow")


def test_min_interval_per_host(site):
    site.routes["/p"] = (200, {}, b"x")
    f = Fetcher(min_interval=0.3)
    t = time.monotonic()
    f.get(site.base + "/p")
    f.get(site.base + "/p")
    assert time.monotonic() - t >= 0.3


def test_wrong_declared_charset_is_repaired(site, tmp_path):
    body = f"<html><head><title>Втрати</title></head><body><article><p>{UK_BODY}</p></article></body></html>"
    site.routes["/cp"] = (200, {"Content-Type": "text/html; charset=utf-8"}, body.encode("cp1251"))
    report = ingest_sources([site.base + "/cp"], db=str(tmp_path / "l.db"), fetcher=fast())
    assert report["counts"]["new"] == 1
    with Ledger(tmp_path / "l.db") as led:
        doc = led.documents()[0][0]
        assert "танків" in led.document(doc["id"])["text"]


def test_cache_means_no_refetch_and_offline_uses_only_the_cache(site, tmp_path):
    site.routes["/a"] = (200, {"Content-Type": "text/html"}, html_page("A", UK_BODY))
    db = str(tmp_path / "l.db")
    first = ingest_sources([site.base + "/a"], db=db, fetcher=fast())
    again = ingest_sources([site.base + "/a"], db=db, fetcher=fast(), offline=True)
    assert (first["counts"]["fetched"], again["counts"]["cached"], again["counts"]["unchanged"]) == (1, 1, 1)
    assert len(site.hits) == 1
    missing = ingest_sources([site.base + "/b"], db=db, fetcher=fast(), offline=True)
    assert missing["exit_code"] == 3 and missing["failures"][0]["code"] == "fetch_failed"
    assert "--offline" in missing["failures"][0]["message"] and len(site.hits) == 1


def test_a_feed_lists_pages_to_fetch(site, tmp_path):
    items = "".join(f"<item><title>T{i}</title><link>{site.base}/n{i}</link>"
                    f"<pubDate>Thu, 30 Mar 2023 10:00:00 GMT</pubDate></item>" for i in range(3))
    site.routes["/rss"] = (200, {"Content-Type": "application/rss+xml"},
                           f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}'
                           f"</channel></rss>".encode())
    for i in range(3):
        site.routes[f"/n{i}"] = (200, {"Content-Type": "text/html"}, html_page(f"N{i}", f"{UK_BODY} Номер {i}."))
    report = ingest_sources([], feeds=[site.base + "/rss"], db=str(tmp_path / "l.db"), fetcher=fast())
    assert report["counts"]["feed_entries"] == 3 and report["counts"]["new"] == 3


@pytest.mark.parametrize("value,expected", [("120", 120.0), (None, None), ("soon", None)], ids=["seconds", "none",
                                                                                                "junk"])
def test_retry_after_values(value, expected):
    assert retry_after(value) == expected
