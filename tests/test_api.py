"""The Python API: the same core as the CLI."""
from __future__ import annotations

from pathlib import Path

import pytest

import warclaims
from warclaims.errors import BadDate, EmptyInput

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "express-kamikaze-drones.txt"


def test_extract_text_with_published_date():
    text = ("Загальні бойові втрати противника з 24.02.22 по 30.03.23 орієнтовно склали: особового складу ‒ "
            "близько 172900 (+560) осіб, артилерійських систем – 2971 (+12) од.")
    r = warclaims.extract(text, published="2023-03-30")
    assert [(t.category, t.value, t.as_of) for t in r.loss_tallies] == [
        ("personnel", 172900, "2023-03-30"), ("artillery", 2971, "2023-03-30")]
    art = next(c for c in r.checks if c.claim_id == r.loss_tallies[1].id)
    assert art.status == "inconsistent" and art.expected == 2671
    assert r.match and r.match["basis"] == "as_of"


def test_extract_path_and_check():
    r = warclaims.extract_path(str(EXAMPLE))
    assert sum(t.scope == "cumulative" for t in r.loss_tallies) == 13
    checks = warclaims.check(r)
    assert sum(c.status == "inconsistent" for c in checks) == 1
    assert warclaims.check(r.loss_tallies) and r.to_dict()["ok"] is True


def test_records_round_trip():
    r = warclaims.extract_path(str(EXAMPLE))
    again = warclaims.Result.from_dict(r.to_dict())
    assert again.loss_tallies[0] == r.loss_tallies[0]


def test_series_and_categories():
    rows = warclaims.series("artillery", "2023-03-29", "2023-03-31")
    assert [r["consensus"] for r in rows] == [2659, 2671, 2675]
    assert "ground_robotic_systems" in warclaims.categories()


def test_errors_are_named():
    with pytest.raises(EmptyInput):
        warclaims.extract("   \n ")
    with pytest.raises(BadDate):
        warclaims.extract("Russia has lost 1,000 tanks.", published="2999-01-01")
