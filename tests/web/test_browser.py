"""The dashboard in a real browser (Chromium via Playwright) against a live server on 127.0.0.1:
the chart is drawn, the example article is pasted and artillery comes out inconsistent (2971 vs 2671),
nothing is fetched from another origin, and no script error happens. Screenshots go to tests/artifacts/
(or $WARCLAIMS_ARTIFACTS)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import EXAMPLE, LiveServer, artifacts_dir

expect = pytest.importorskip("playwright.sync_api").expect


@pytest.fixture(scope="module")
def server(ledger_path):
    from warclaims.web import create_app

    srv = LiveServer(create_app(ledger_path)).start()
    srv.ledger_path = ledger_path
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
    notes = page.inner_text("#chart-notes")
    assert "181 bulletins" in notes and "1 claims from the ledger" in notes
    claim = page.locator("svg.chart circle.claim.inconsistent")  # the example's 2971 of 2023-03-31
    assert claim.count() == 1 and "2,971" in claim.locator("title").text_content()
    assert page.locator("svg.chart .revision").count() >= 1
    oryx = page.get_attribute("svg.chart path.oryx", "d")  # Oryx's photo-confirmed lower bound, weekly points
    assert oryx and oryx.count("L") >= 20 and "Oryx lower bound shown" in notes
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
    assert page.locator("mark.event").count() >= 1 and page.locator(".claim-item.event").count() >= 1
    assert "Consistent with the photo-confirmed evidence (Oryx)" in text  # the second check, in words
    page.screenshot(path=str(artifacts_dir() / "article.png"), full_page=True)
    mark.scroll_into_view_if_needed()
    bad.scroll_into_view_if_needed()  # the verdict list scrolls on its own beside the text
    page.screenshot(path=str(artifacts_dir() / "article-artillery.png"))
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


def test_claims_table_filters_live_in_the_url(page, server):
    page.goto(f"{server.url}/?view=claims&status=inconsistent")
    page.wait_for_selector("#claims-table tbody tr")
    rows = page.locator("#claims-table tbody tr")
    assert rows.count() == 1 and "2,971" in rows.inner_text() and "inconsistent" in rows.inner_text()
    assert page.input_value("#claims-form [name=status]") == "inconsistent"
    href = page.get_attribute("#download-excel", "href")
    assert href.startswith("/api/claims.csv?") and "status=inconsistent" in href and "excel=1" in href
    # a new filter from the form goes into the address, so the view can be shared
    page.select_option("#claims-form [name=status]", "")
    page.fill("#claims-form [name=category]", "tanks")
    page.click("#claims-form button[type=submit]")
    # (wait_for_function evaluates a string, which the page's CSP forbids: expect() polls without eval)
    expect(page).to_have_url(re.compile(r"category=tanks"))
    expect(page.locator("#claims-table tbody tr")).to_have_count(4)
    assert "status=" not in page.url
    assert not page.is_visible("#claims-more")  # the last page: no "More"
    page.screenshot(path=str(artifacts_dir() / "claims.png"), full_page=True)
    with page.expect_download() as dl:
        page.click("#download-excel")
    data = Path(dl.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == 5  # BOM, header + 4 rows
    # the article of a claim opens with its claims highlighted
    page.click("#claims-table tbody tr:first-child td.col-document a")
    page.wait_for_selector("#doc-result .claim-item")
    assert page.locator("#doc-result mark.tally").count() > 0
    assert page.problems == []


def test_articles_list_and_search(page, server):
    page.goto(f"{server.url}/?view=docs")
    expect(page.locator("#docs-table tbody tr")).to_have_count(4)
    page.fill("#docs-form [name=q]", "kamikaze")
    page.click("#docs-form button[type=submit]")
    expect(page).to_have_url(re.compile(r"q=kamikaze"))
    expect(page.locator("#docs-table tbody tr")).to_have_count(1)
    assert "[kamikaze]" in page.inner_text("#docs-table tbody")  # the FTS snippet marks the word
    page.click("#docs-table tbody a")
    page.wait_for_selector("#doc-result .claim-item.tally-inconsistent")
    page.goto(f"{server.url}/?view=docs&q=%22unclosed")
    page.wait_for_selector("#docs-status.error")
    assert "hint" not in page.inner_text("#docs-status") and "quote words" in page.inner_text("#docs-status")
    assert [p for p in page.problems if "400" not in p] == []


def test_ledger_article_view(page, server):
    page.goto(f"{server.url}/?view=doc&id=6b061c93a6e6")
    page.wait_for_selector("#doc-result .claim-item.tally-inconsistent")
    assert page.locator("#doc-result mark.tally-inconsistent").inner_text().startswith("2971")
    assert "published 2023-03-31" in page.inner_text("#doc-result .article-head")
    page.goto(f"{server.url}/?view=doc&id=nosuchdocument")
    page.wait_for_selector("#doc-status.error")
    assert "no document" in page.inner_text("#doc-status")
    assert [p for p in page.problems if "404" not in p] == []


def test_spans_are_code_points_and_statements_are_highlighted(page, server):
    """Python spans count code points; the 🔥 before the claims is two UTF-16 units in JavaScript, so a naive
    slice would shift every highlight by one character (caught while writing the article view)."""
    from warclaims.store import Ledger

    from .conftest import STATEMENT_TEXT

    with Ledger(server.ledger_path, readonly=True) as ledger:
        doc_id = next(r["id"] for r in ledger.documents(limit=50)[0] if r["title"] == "Zelensky on tanks")
    page.goto(f"{server.url}/?view=doc&id={doc_id}")
    page.wait_for_selector("#doc-result mark.statement")
    tally = page.locator("#doc-result mark.tally").first.inner_text()
    assert tally == "3,610 tanks"
    statement = "".join(page.locator("#doc-result mark.statement").all_inner_texts())
    assert statement == STATEMENT_TEXT[STATEMENT_TEXT.index("Russia"):STATEMENT_TEXT.index("24.”") + 3]
    with Ledger(server.ledger_path, readonly=True) as ledger:
        speakers = {s["speaker"]["name"] for s in ledger.document(doc_id)["statements"]}
    items = page.locator(".claim-item.statement").all_inner_texts()
    assert items and all(any(name in item for name in speakers) and "direct" in item for item in items)
    assert page.problems == []


def test_paste_and_keep_opens_from_the_ledger(browser, tmp_path):
    """"keep it in the ledger" stores the result; the link then opens the same article from the ledger."""
    from warclaims.web import create_app

    srv = LiveServer(create_app(tmp_path / "kept.db")).start()
    ctx = browser.new_context()
    try:
        pg = ctx.new_page()
        pg.goto(f"{srv.url}/?view=check")
        pg.fill("#check-text", EXAMPLE.read_text(encoding="utf-8"))
        pg.fill("#check-published", "2023-03-31")
        pg.check("#check-form [name=store]")
        pg.click("#check-run")
        pg.wait_for_selector("#check-status a")
        assert "kept in the ledger (new)" in pg.inner_text("#check-status")
        pg.click("#check-status a")
        pg.wait_for_selector("#doc-result .claim-item.tally-inconsistent")
        assert "published 2023-03-31" in pg.inner_text("#doc-result .article-head")
    finally:
        ctx.close()
        srv.stop()
