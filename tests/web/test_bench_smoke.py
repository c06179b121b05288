"""The REST API benchmark runs end to end on a tiny ledger (no timing assertions: speed is measured by
`./dev bench`, not in tests)."""
from __future__ import annotations

import pytest

pytest.importorskip("uvicorn")
from benchmarks import web

from warclaims.store import Ledger


def test_synthetic_ledger_has_the_claims_asked_for(tmp_path):
    path = web.build_ledger(tmp_path / "l.db", claims=260, seed=3)
    with Ledger(path, readonly=True) as ledger:
        stats = ledger.stats()
        assert stats["claims"] == {"tally": 260} and stats["documents"] == 20
        assert set(stats["checks_by_status"]) == {"consistent", "inconsistent"}


def test_load_run_reports_every_endpoint(monkeypatch, tmp_path):
    monkeypatch.setattr(web, "OUT", tmp_path)
    res = web.run(claims=130, seconds=0.1, quiet=True)
    groups = {r["group"] for r in res["runs"]}
    assert groups == {"baseline", "series", "claims", "claims-each", "export", "extract"}
    assert all(r["requests"] > 0 and r["errors"] == 0 for r in res["runs"])
    assert set(res["targets"]) == {"series", "claims"}
