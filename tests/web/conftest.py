"""Fixtures for the web tests: an in-process client, a live uvicorn server on 127.0.0.1 (a random free port,
in a thread) and a Chromium driven by Playwright (Debian's /usr/bin/chromium; never a downloaded browser)."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "express-kamikaze-drones.txt"
CHROMIUM = os.environ.get("WARCLAIMS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def artifacts_dir() -> Path:
    out = Path(os.environ.get("WARCLAIMS_ARTIFACTS") or ROOT / "tests" / "artifacts")
    out.mkdir(parents=True, exist_ok=True)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving `app` in a daemon thread until stop()."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    access_log=False, lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The system Chromium; skipped only when it is absent and WARCLAIMS_REQUIRE_BROWSER is not set (CI sets it,
    so a CI machine without Chromium fails here instead of skipping)."""
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("WARCLAIMS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium not found at {CHROMIUM} and WARCLAIMS_REQUIRE_BROWSER=1: install it "
                        "(apt-get install -y chromium)")
        pytest.skip("Chromium is not installed (apt-get install -y chromium); browser tests skipped")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path) -> Iterator:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("WARCLAIMS_REQUIRE_BROWSER") == "1":
            pytest.fail("the playwright package is not installed (pip install -e '.[dev]')")
        pytest.skip("playwright is not installed")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


GOLD = ROOT / "tests" / "gold"
LEDGER_TEXTS = [  # (file, publication date): the example article plus an English and a Ukrainian bulletin
    (EXAMPLE, "2023-03-31"),
    (GOLD / "003_mil-gov-ua-en-2022-05-25.txt", None),
    (GOLD / "009_mil-gov-ua-uk-2022-07-08.txt", None),
]


def fill_ledger(path: Path) -> Path:
    """A small ledger: the example article (artillery inconsistent) and two official bulletins."""
    import warclaims
    from warclaims.store import Ledger

    with Ledger(path) as ledger:
        for file, published in LEDGER_TEXTS:
            result = warclaims.extract_path(str(file), published=published)
            ledger.add_result(result, source=file.name)
        ledger.add_result(statement_result(), source="statement.txt")
    return path


STATEMENT_TEXT = ("🔥 Kyiv, 31 March. Volodymyr Zelensky said: “Russia has lost 3,610 tanks since February 24.” "
                  "The SBU adds that the work goes on.")


def statement_result():
    """A text with an astral character before its claims (Python counts code points, JavaScript UTF-16 units) and
    an attributed statement (added by hand when the pipeline finds none)."""
    import warclaims
    from warclaims.models import Speaker, Statement

    result = warclaims.extract(STATEMENT_TEXT, published="2023-03-31", title="Zelensky on tanks")
    if not result.statements:
        start = STATEMENT_TEXT.index("Russia has lost")
        end = STATEMENT_TEXT.index("24.”") + 3
        result.statements.append(Statement(
            id="s1", kind="direct", content=STATEMENT_TEXT[start:end], span=(start, end), cue="said",
            speaker=Speaker(mention="Volodymyr Zelensky", name="Volodymyr Zelensky", type="person", side="UKR",
                            resolution="explicit"), claims=[t.id for t in result.loss_tallies]))
    return result


@pytest.fixture(scope="session")
def ledger_path(tmp_path_factory) -> Path:
    return fill_ledger(tmp_path_factory.mktemp("ledger") / "claims.db")
