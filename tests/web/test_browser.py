"""The dashboard in a real browser (Chromium via Playwright) against a live server on 127.0.0.1:
the chart is drawn, the example article is pasted and artillery comes out inconsistent (2971 vs 2671),
nothing is fetched from another origin, and no script error happens. Screenshots go to tests/artifacts/
(or $WARCLAIMS_ARTIFACTS)."""
from __future__ import annotations

import pytest

from .conftest import EXAMPLE, LiveServer, artifacts_dir


@pytest.fixture(scope="module")
def server():
    from warclaims.web import create_app

    srv = LiveServer(create_app(None)).start()
    yield srv
    srv.stop()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda exc: pg.problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: msg.type == "error" and pg.problems.append(f"console: {msg.text}"))
    pg.on("request", lambda req: req.url.startswith(server.url) or req.url.startswith("data:")
          or pg.problems.append(f"off-origin request: {req.url}"))
    yield pg
    ctx.close()


def test_chart_is_drawn(page, server):
    page.goto(f"{server.url}/?view=chart&category=artillery&from=2023-01-01&to=2023-06-30")
    page.wait_for_selector("#chart-box[data-drawn='1'] svg.chart path.consensus")
    d = page.get_attribute("svg.chart path.consensus", "d")
    assert d and d.count("L") > 150  # one vertex per bulletin of the half-year
    assert "181 bulletins" in page.inner_text("#chart-notes")
    assert page.input_value("#chart-category") == "artillery"
    page.screenshot(path=str(artifacts_dir() / "chart.png"), full_page=True)
    assert page.problems == []


def test_pasted_article_flags_artillery(page, server):
    page.goto(f"{server.url}/?view=check")
    page.fill("#check-text", EXAMPLE.read_text(encoding="utf-8"))
    page.click("#check-run")
    page.wait_for_selector(".claim-list .claim-item")
    bad = page.locator(".claim-item.tally-inconsistent")
    assert bad.count() == 1
    text = bad.inner_text()
    assert "artillery 2,971" in text and "Does not agree with the official figure" in text and "2,671" in text
    assert page.locator(".claim-item.tally-consistent").count() == 12
    mark = page.locator("mark.tally-inconsistent")
    assert mark.count() == 1 and "2971" in mark.inner_text()
    page.screenshot(path=str(artifacts_dir() / "article.png"), full_page=True)
    assert page.problems == []


def test_phone_width_has_no_sideways_scroll(browser, server):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    pg = ctx.new_page()
    pg.goto(f"{server.url}/?view=check")
    pg.fill("#check-text", EXAMPLE.read_text(encoding="utf-8"))
    pg.click("#check-run")
    pg.wait_for_selector(".claim-item.tally-inconsistent")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    pg.screenshot(path=str(artifacts_dir() / "article-phone.png"), full_page=True)
    pg.goto(f"{server.url}/?view=chart&category=tanks")
    pg.wait_for_selector("#chart-box[data-drawn='1'] svg.chart")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    pg.screenshot(path=str(artifacts_dir() / "chart-phone.png"), full_page=True)
    ctx.close()
