"""The REST API with an in-process client: the one JSON error shape for every failure (404, 405, 413, 422 …),
`"ok": true` on success, series, claims (filters, cursor pages, `_shape=array`, streamed CSV/JSONL), documents,
extract (text and URL; stored only when asked), input limits and injection attempts."""
from __future__ import annotations

import http.server
import json
import threading

import pytest

from .conftest import EXAMPLE, free_port

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from warclaims.web import create_app  # noqa: E402
from warclaims.web.app import STATIC  # noqa: E402
from warclaims.web.routes import claims as claims_route  # noqa: E402

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client(ledger_path):
    with TestClient(create_app(ledger_path)) as c:
        yield c


@pytest.fixture(scope="module")
def bare():
    """A server with no ledger: series and extract work, the ledger routes answer 503."""
    with TestClient(create_app(None)) as c:
        yield c


def assert_error_shape(resp, status: int, code: str | None = None) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) >= {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert body["errors"] and all({"code", "message", "hint"} <= set(e) for e in body["errors"])
    if code:
        assert body["errors"][0]["code"] == code
    return body


# ---- dev: the error shape, one row per way to fail -------------------------------------------------------

ERRORS = [
    ("route-404", "GET", "/api/nothing-here", None, 404, "not_found"),
    ("document-404", "GET", "/api/documents/0000000000aa", None, 404, "not_in_ledger"),
    ("method-405", "DELETE", "/api/series?category=tanks", None, 405, "method_not_allowed"),
    ("get-on-extract-405", "GET", "/api/extract", None, 405, "method_not_allowed"),
    ("missing-category-422", "GET", "/api/series", None, 422, "invalid"),
    ("limit-zero-422", "GET", "/api/claims?limit=0", None, 422, "invalid"),
    ("limit-too-big-422", "GET", "/api/claims?limit=5000", None, 422, "invalid"),
    ("bad-shape-422", "GET", "/api/claims?_shape=table", None, 422, "invalid"),
    ("unknown-category-400", "GET", "/api/series?category=tank", None, 400, "unknown_category"),
    ("bad-date-400", "GET", "/api/series?category=tanks&from=yesterday", None, 400, "bad_date"),
    ("future-date-400", "GET", "/api/claims?from=2999-01-01", None, 400, "bad_date"),
    ("bad-cursor-400", "GET", "/api/claims?cursor=abc", None, 400, "bad_query"),
    ("bad-fts-400", "GET", "/api/claims?q=%22unterminated", None, 400, "bad_query"),
    ("bad-fts-export-400", "GET", "/api/claims.csv?q=%22unterminated", None, 400, "bad_query"),
    ("neither-text-nor-url-422", "POST", "/api/extract", {"published": "2023-03-31"}, 422, "invalid"),
    ("both-text-and-url-422", "POST", "/api/extract", {"text": "a", "url": "https://example.org/"}, 422, "invalid"),
    ("unknown-field-422", "POST", "/api/extract", {"text": "a", "txet": "b"}, 422, "invalid"),
    ("text-not-a-string-422", "POST", "/api/extract", {"text": 5}, 422, "invalid"),
    ("not-http-url-422", "POST", "/api/extract", {"url": "file:///etc/passwd"}, 422, "invalid"),
    ("bad-published-400", "POST", "/api/extract", {"text": "3610 tanks", "published": "soon"}, 400, "bad_date"),
]


@pytest.mark.parametrize(("method", "url", "body", "status", "code"), [e[1:] for e in ERRORS],
                         ids=[e[0] for e in ERRORS])
def test_error_shape(client, method, url, body, status, code):
    assert_error_shape(client.request(method, url, json=body), status, code)


def test_validation_errors_name_each_field(client):
    body = assert_error_shape(client.get("/api/claims?limit=0&_shape=x"), 422)
    assert {e["field"] for e in body["errors"]} == {"limit", "_shape"}


def test_malformed_json_is_422(client):
    resp = client.post("/api/extract", content=b'{"text": "unclosed', headers={"content-type": "application/json"})
    assert_error_shape(resp, 422, "invalid")


def test_body_over_the_limit_is_413(client):
    big = {"text": "x" * (2 * 1024 * 1024 + 10)}
    assert_error_shape(client.post("/api/extract", json=big), 413, "payload_too_large")


def test_chunked_body_over_the_limit_is_413(client):
    """No Content-Length: the limit is counted while the body streams in (FastAPI would call it a 400)."""
    def chunks():
        yield b'{"text": "'
        for _ in range(300):
            yield b"x" * 10_000
        yield b'"}'

    resp = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert_error_shape(resp, 413, "payload_too_large")
    assert "content-security-policy" in resp.headers


def test_text_over_the_length_limit_is_422():
    with TestClient(create_app(None, max_body=4 * 1024 * 1024)) as c:
        body = assert_error_shape(c.post("/api/extract", json={"text": "x" * 1_000_001}), 422, "invalid")
        assert "1000000" in body["errors"][0]["hint"]


def test_no_ledger_is_503(bare):
    for url in ("/api/claims", "/api/documents", "/api/claims.csv", "/api/documents/6b061c93a6e6"):
        assert_error_shape(bare.get(url), 503, "no_ledger")
    assert bare.get("/api/info").json() == {"ok": True, "version": bare.get("/api/info").json()["version"],
                                            "ledger": False, "stats": None}


SUCCESS = ["/api/health", "/api/info", "/api/categories", "/api/series?category=tanks&from=2023-03-01&to=2023-03-31",
           "/api/claims", "/api/documents", "/api/claims?kind=tally&limit=1"]


@pytest.mark.parametrize("url", SUCCESS)
def test_success_says_ok(client, url):
    resp = client.get(url)
    assert resp.status_code == 200 and resp.json()["ok"] is True


# ---- series ---------------------------------------------------------------------------------------------

def test_series_rows_sources_and_revisions(client):
    body = client.get("/api/series?category=artillery&from=2023-03-29&to=2023-03-31").json()
    assert [r["date"] for r in body["rows"]] == ["2023-03-29", "2023-03-30", "2023-03-31"]
    assert [r["consensus"] for r in body["rows"]] == [2659, 2671, 2675]
    assert body["sources"] == ["orc_losses", "petroivaniuk"] and body["count"] == 3
    assert all(set(r["sources"]) == set(body["sources"]) for r in body["rows"])
    assert "oryx" in body  # null until Oryx data is installed
    full = client.get("/api/series?category=artillery").json()
    marked = [r for r in full["rows"] if r["revisions"]]
    assert full["revisions"] and len(marked) == len({r["date"] for r in full["revisions"]})


def test_series_is_cached_and_gzipped(client):
    url = "/api/series?category=tanks"
    a, b = client.get(url), client.get(url)
    assert a.content == b.content and a.headers["content-encoding"] == "gzip"  # TestClient asks for gzip
    plain = client.get(url, headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == a.json()


# ---- claims ---------------------------------------------------------------------------------------------

CLAIM_FILTERS = [
    ("category", "category=artillery", lambda r: r["category"] == "artillery"),
    ("status", "status=inconsistent", lambda r: r["status"] == "inconsistent"),
    ("claimant-any-case", "claimant=ukraine", lambda r: r["claimant"].lower() == "ukraine"),
    ("side", "side=RUS", lambda r: r["side"] == "RUS"),
    ("kind", "kind=tally", lambda r: r["kind"] == "tally"),
    ("date-range", "from=2023-01-01&to=2023-12-31", lambda r: "2023-01-01" <= r["date"] <= "2023-12-31"),
    ("full-text", "q=kamikaze", lambda r: r["document_id"].startswith("6b061c93")),
]


@pytest.mark.parametrize(("query", "keep"), [f[1:] for f in CLAIM_FILTERS], ids=[f[0] for f in CLAIM_FILTERS])
def test_claim_filters(client, query, keep):
    every = client.get("/api/claims?limit=1000").json()["rows"]
    rows = client.get(f"/api/claims?{query}&limit=1000").json()["rows"]
    assert rows
    if query not in ("kind=tally", "side=RUS"):  # every claim of the small ledger is a tally of Russian losses
        assert len(rows) < len(every)
    assert all(keep(r) for r in rows)
    assert {r["ledger_id"] for r in rows} == {r["ledger_id"] for r in every if keep(r)}


def test_the_example_artillery_claim(client):
    rows = client.get("/api/claims?status=inconsistent&_shape=array").json()
    assert [(r["category"], r["value"], r["date"]) for r in rows] == [("artillery", 2971, "2023-03-31")]


def test_cursor_pages_walk_every_claim_once(client):
    every = client.get("/api/claims?limit=1000").json()
    assert every["next_url"] is None
    seen, url = [], "/api/claims?limit=7&side=RUS"
    while url:
        page = client.get(url).json()
        assert page["ok"] and page["count"] == len(page["rows"]) <= 7
        seen += [r["ledger_id"] for r in page["rows"]]
        url = page["next_url"]
        if url:
            assert "side=RUS" in url and "cursor=" in url  # the filters stay in the next page's URL
    assert len(seen) == len(set(seen)) == sum(r["side"] == "RUS" for r in every["rows"])


def test_shape_array_links_the_next_page(client):
    resp = client.get("/api/claims?limit=2&_shape=array")
    assert isinstance(resp.json(), list) and len(resp.json()) == 2
    assert 'rel="next"' in resp.headers["link"] and "cursor=" in resp.headers["link"]


def test_export_streams_every_page(client, monkeypatch):
    monkeypatch.setattr(claims_route, "EXPORT_PAGE", 4)  # many pages: the walk must reach the end
    every = client.get("/api/claims?limit=1000").json()["rows"]
    lines = client.get("/api/claims.jsonl").text.splitlines()
    assert [json.loads(x)["ledger_id"] for x in lines] == [r["ledger_id"] for r in every]
    import csv
    import io

    resp = client.get("/api/claims.csv?excel=1&category=artillery")
    assert resp.content.startswith(b"\xef\xbb\xbf") and resp.headers["content-type"].startswith("text/csv")
    assert "attachment" in resp.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(resp.content.decode("utf-8-sig"))))
    assert len(table) == sum(r["category"] == "artillery" for r in every)
    assert {row["value"] for row in table} >= {"2971"}
    assert json.loads(table[0]["record"])["category"] == "artillery"


def test_export_of_nothing_is_a_header(client):
    resp = client.get("/api/claims.csv?category=no_such_thing")
    assert resp.text.splitlines() == [",".join(claims_route.CSV_COLUMNS)]


def test_export_error_half_way_is_the_last_line(client, monkeypatch):
    pool = client.app.state.ledger
    real = pool.call
    calls = {"n": 0}

    async def failing(method, *a, **kw):
        calls["n"] += 1
        if calls["n"] > 1:
            raise RuntimeError("disk gone")
        return await real(method, *a, **kw)

    monkeypatch.setattr(claims_route, "EXPORT_PAGE", 3)
    monkeypatch.setattr(pool, "call", failing)
    last = json.loads(client.get("/api/claims.jsonl").text.splitlines()[-1])
    assert last["ok"] is False and "stopped" in last["error"]
    calls["n"] = 0
    assert client.get("/api/claims.csv").text.splitlines()[-1].startswith("#error,")


def test_excel_csv_defuses_formulas():
    row = {"claimant": "=HYPERLINK(\"http://x\")", "value": -5, "record": {"value_text": "@SUM(A1)"},
           "document": {"id": "d", "title": "+1 tanks"}}
    flat = claims_route.defuse(claims_route.export_row(row))
    assert flat["claimant"].startswith("'=") and flat["title"] == "'+1 tanks" and flat["value"] == -5
    assert flat["value_text"] == "'@SUM(A1)"


def test_csv_download_has_the_cli_export_columns(client, ledger_path, tmp_path):
    import csv
    import io

    from warclaims.export import export_claims

    web = list(csv.DictReader(io.StringIO(client.get("/api/claims.csv?category=tanks").text)))
    export_claims(str(tmp_path / "c.csv"), db=str(ledger_path), category="tanks")
    with open(tmp_path / "c.csv", encoding="utf-8", newline="") as fh:
        cli = list(csv.DictReader(fh))
    assert list(web[0]) == list(cli[0])
    key = lambda r: int(r["ledger_id"])  # noqa: E731 (the web lists newest first, the export oldest first)
    assert sorted(web, key=key) == sorted(cli, key=key)


# ---- documents ------------------------------------------------------------------------------------------

def test_info_counts_without_the_file_path(client, ledger_path):
    body = client.get("/api/info").json()
    assert body["ledger"] is True and body["stats"]["documents"] == 4
    assert str(ledger_path) not in json.dumps(body)


def test_documents_and_one_document(client):
    docs = client.get("/api/documents").json()
    assert docs["count"] == 4 and all(d["claims"] > 0 for d in docs["rows"])
    example = next(d for d in docs["rows"] if d["id"].startswith("6b061c93"))
    one = client.get(f"/api/documents/{example['id']}").json()
    assert one["ok"] and one["text"].startswith("Putin reels")
    art = next(t for t in one["loss_tallies"] if t["category"] == "artillery")
    assert one["text"][art["span"][0]:art["span"][1]].startswith("2971")
    assert {"consistent", "inconsistent"} <= {c["status"] for c in one["checks"]}
    assert client.get(f"/api/documents/{example['id'][:8]}").json()["id"] == example["id"]  # a prefix works


# ---- extract --------------------------------------------------------------------------------------------

def test_extract_returns_the_contract_and_stores_nothing(client):
    before = client.get("/api/info").json()["stats"]["documents"]
    body = client.post("/api/extract", json={"text": "Russia has lost 3,610 tanks since February 24, the General "
                                                     "Staff of Ukraine said.", "published": "2023-03-31"}).json()
    assert body["ok"] is True and set(body) >= {"source", "document", "loss_tallies", "events", "statements", "checks"}
    assert [(t["category"], t["value"]) for t in body["loss_tallies"]] == [("tanks", 3610)]
    assert "stored" not in body
    assert client.get("/api/info").json()["stats"]["documents"] == before


def test_extract_the_example_flags_artillery(client):
    body = client.post("/api/extract", json={"text": EXAMPLE_TEXT}).json()
    bad = [c for c in body["checks"] if c["status"] == "inconsistent"]
    assert [(c["found"], c["expected"]) for c in bad] == [(2971, 2671)]


def test_extract_store_true_adds_to_the_ledger(tmp_path):
    with TestClient(create_app(tmp_path / "new.db")) as c:
        body = c.post("/api/extract", json={"text": EXAMPLE_TEXT, "published": "2023-03-31", "store": True}).json()
        assert body["stored"] == "new"
        assert c.post("/api/extract", json={"text": EXAMPLE_TEXT, "published": "2023-03-31",
                                            "store": True}).json()["stored"] == "unchanged"
        assert c.get("/api/info").json()["stats"]["documents"] == 1


@pytest.fixture
def page_server():
    """A local web server (127.0.0.1) with one HTML page: /api/extract {"url"} without the network."""
    html = ("<html><head><title>Losses</title><meta property='article:published_time' content='2023-03-31'></head>"
            f"<body><article><p>{EXAMPLE_TEXT.replace(chr(10) * 2, '</p><p>')}</p></article></body></html>").encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != "/article":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_extract_a_url(client, page_server):
    body = client.post("/api/extract", json={"url": f"{page_server}/article"}).json()
    assert body["ok"] and body["document"]["url"] == f"{page_server}/article"
    assert any(c["status"] == "inconsistent" and c["found"] == 2971 for c in body["checks"])
    assert_error_shape(client.post("/api/extract", json={"url": f"{page_server}/missing"}), 502, "fetch_failed")


def test_extract_an_unreachable_url_is_502(client):
    assert_error_shape(client.post("/api/extract", json={"url": f"http://127.0.0.1:{free_port()}/"}), 502,
                       "fetch_failed")


def test_fetching_can_be_turned_off(page_server):
    with TestClient(create_app(None, allow_fetch=False)) as c:
        assert_error_shape(c.post("/api/extract", json={"url": f"{page_server}/article"}), 422, "invalid")


# ---- bugs caught / injection ----------------------------------------------------------------------------

INJECTIONS = [
    ("sql-in-category", "/api/claims?category=artillery%27%20OR%20%271%27%3D%271"),
    ("sql-in-claimant", "/api/claims?claimant=x%22%3B%20DROP%20TABLE%20claims%3B%20--"),
    ("sql-in-cursor", "/api/claims?cursor=1%20OR%201%3D1"),
    ("union-in-kind", "/api/claims?kind=tally%27%20UNION%20SELECT%20*%20FROM%20documents--"),
]


@pytest.mark.parametrize("url", [i[1] for i in INJECTIONS], ids=[i[0] for i in INJECTIONS])
def test_sql_in_parameters_is_data(client, url):
    resp = client.get(url)
    assert resp.status_code in (200, 400)
    if resp.status_code == 200:
        assert resp.json()["rows"] == []
    assert client.get("/api/claims?limit=1").json()["count"] == 1  # the table is still there


@pytest.mark.parametrize("path", ["/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
                                  "/static/..%2F..%2F..%2Fpyproject.toml", "/api/documents/..%2F..%2Fetc%2Fpasswd"])
def test_no_path_traversal(client, path):
    resp = client.get(path)
    assert resp.status_code in (400, 404) and b"[build-system]" not in resp.content


def test_html_in_text_comes_back_as_data_with_a_strict_csp(client):
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)> Russia lost 3,610 tanks since February 24."
    body = client.post("/api/extract", json={"text": evil, "published": "2023-03-31"})
    assert body.json()["document"]["text"].startswith("<script>")  # kept verbatim as data in JSON
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "innerHTML" not in "".join(p.read_text() for p in STATIC.glob("*.js"))  # text goes in as text nodes


def test_docs_page_and_openapi_need_no_cdn(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/openapi.json" in docs.text and "GET /api/claims" in docs.text
    assert "<script" not in docs.text and "cdn" not in docs.text.lower()
    schema = client.get("/openapi.json").json()
    assert {"/api/series", "/api/claims", "/api/claims.csv", "/api/claims.jsonl", "/api/documents",
            "/api/documents/{doc_id}", "/api/extract"} <= set(schema["paths"])
    for f in STATIC.rglob("*"):
        if f.suffix in (".html", ".js", ".css"):
            assert "//cdn" not in f.read_text() and "https://" not in f.read_text().replace("https://…", ""), f


def test_serve_command_help_and_bad_port(capsys):
    from warclaims.cli import main

    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    assert "warclaims serve --db claims.db" in capsys.readouterr().out
    assert main(["serve", "--port", "70000"]) == 2
    assert "out of range" in capsys.readouterr().err


def test_serve_refuses_a_file_that_is_no_ledger(tmp_path, capsys):
    from warclaims.cli import main

    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    assert main(["serve", "--db", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "error:" in err and "hint:" in err and "Traceback" not in err
