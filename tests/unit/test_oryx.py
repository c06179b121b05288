"""The slim Oryx reference (reference/oryx.py) against the raw scarnecchia/oryx_data CSVs, and the Oryx
checks (checks_oryx.py): sentences and statuses for events and tallies."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from warclaims.checks_oryx import EXCEEDS_RATIO, check_event, check_events, check_tally_oryx
from warclaims.models import EventClaim, Evidence, LossTally, Target, TimeRef
from warclaims.reference.oryx import OryxData, lower_bound, model_counts

RAW = Path("/work/shared/data/verified/scarnecchia_oryx_data")
needs_raw = pytest.mark.skipif(not RAW.is_dir(), reason="the raw Oryx CSVs (shared data) are not on this machine")


def raw_records(side: str, system: str) -> dict[str, int]:
    """Distinct evidence URLs by status for one Oryx system, its count prefix removed, read afresh."""
    country = {"RUS": "Russia", "UKR": "Ukraine"}[side]
    seen: dict[str, set[str]] = {}
    for status in ("destroyed", "damaged", "abandoned", "captured"):
        with open(RAW / f"event_{status}.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if r["country"] == country and re.sub(r"^\d+\s+", "", r["system"].strip()) == system:
                    seen.setdefault(status, set()).add(r["url"])
    return {k: len(v) for k, v in seen.items()}


@needs_raw
@pytest.mark.parametrize("side,system", [("RUS", "9A331M TLAR (for 9K332 Tor-M2)"), ("RUS", "122mm BM-21 Grad"),
                                         ("RUS", "BTR-82A(M)"), ("UKR", "T-64BV"),
                                         ("RUS", "Ka-52 'Alligator' attack helicopter")],
                         ids=["tor-m2", "grad", "btr-82a-m", "ukr-t-64bv", "ka-52"])
def test_system_counts_match_the_raw_csv(side, system):
    (s,) = [s for s in OryxData.get().systems if s.side == side and s.system == system]
    assert {k: v for k, v in s.counts.items() if v} == raw_records(side, system)


@needs_raw
def test_snapshot_bounds_are_oryx_header_totals():
    with open(RAW / "totals_by_type.csv", encoding="utf-8") as fh:
        hdr = {(r["country"], r["equipment_type"].strip()): int(r["type_total"]) for r in csv.DictReader(fh)}
    assert lower_bound("tanks", "RUS", "2025-07-19").value == hdr[("Russia", "Tanks")] == 4074
    assert lower_bound("helicopters", "UKR", "2025-07-19").value == hdr[("Ukraine", "Helicopters")]
    assert lower_bound("air_defence", "RUS", "2025-07-19").value == sum(
        hdr[("Russia", t)] for t in ("Surface-To-Air Missile Systems", "Self-Propelled Anti-Aircraft Guns",
                                     "Anti-Aircraft Guns"))


def test_tor_m2_counts():
    c = model_counts("9K332 Tor-M2")
    assert set(c) == {"RUS"}
    r = c["RUS"]
    assert r["total"] == r["destroyed"] + r["damaged"] + r["abandoned"] + r["captured"] > 0
    assert r["first_recorded"] <= r["last_recorded"] <= "2025-07-19"
    assert all("Tor-M2" in s or "9K332" in s for s in r["systems"])


def test_family_counts_include_variants():
    t72, t72b3 = model_counts("T-72")["RUS"], model_counts("T-72B3")["RUS"]
    assert t72["total"] > t72b3["total"] > 0


def test_lower_bound_grows_and_holds_after_the_snapshot():
    values = [lower_bound("tanks", "RUS", d).value for d in ("2022-04-01", "2023-03-30", "2024-10-15", "2025-07-19")]
    assert values == sorted(values) and values[0] > 0
    after = lower_bound("tanks", "RUS", "2026-01-01")
    assert (after.value, after.basis_date, after.basis) == (4074, "2025-07-19", "oryx_header")
    assert lower_bound("tanks", "RUS", "2022-03-01").value == 0  # the scrape starts on 2022-03-19
    assert lower_bound("personnel", "RUS", "2023-03-30") is None


def tally(category: str, value: int, side: str | None = "RUS", as_of: str | None = "2023-03-30", **kw) -> LossTally:
    return LossTally(id="t1", category=category, value=value, value_text=str(value), span=(0, 1), losing_side=side,
                     as_of=as_of, **kw)


TALLIES = [
    ("tanks-seed", tally("tanks", 3610), "consistent_with_evidence", "tanks 3,610 is consistent with the evidence: "
     "Oryx photo-confirms at least 1,715 Russian tanks by 2023-03-30 (estimated from Oryx's evidence records); "
     "the claim is 2.1× that."),
    ("tanks-below", tally("tanks", 300), "below_evidence", "tanks 300 is below the evidence: Oryx photo-confirms "
     "at least 1,715 Russian tanks by 2023-03-30 (estimated from Oryx's evidence records)."),
    ("tanks-far-above", tally("tanks", 30000), "exceeds_evidence", "tanks 30,000 is far above the evidence: Oryx "
     "photo-confirms at least 1,715 Russian tanks by 2023-03-30 (estimated from Oryx's evidence records); the "
     "claim is 17.5× that, beyond the 6.0× that even official counts stay within."),
    ("over-is-not-below", tally("tanks", 300, qualifier="over"), "consistent_with_evidence", None),
    ("aircraft-header", tally("aircraft", 306), "consistent_with_evidence", "aircraft 306 is consistent with the "
     "evidence: Oryx photo-confirms at least 78 Russian aircraft by 2023-03-26 (Oryx's own total); the claim is "
     "3.9× that."),
    ("ukr-side", tally("tanks", 16000, side="UKR", as_of="2025-07-19"), "exceeds_evidence", None),
    ("after-snapshot", tally("tanks", 11000, as_of="2026-01-01"), "consistent_with_evidence", None),
]


@pytest.mark.parametrize("t,status,sentence", [x[1:] for x in TALLIES], ids=[x[0] for x in TALLIES])
def test_check_tally_oryx(t, status, sentence):
    c = check_tally_oryx(t)
    assert c.status == status and c.claim_id == "t1" and c.reference["series"] == "oryx"
    if sentence:
        assert c.explanation == sentence
    assert c.found == t.value and c.expected == lower_bound(t.category, t.losing_side, t.as_of).value


@pytest.mark.parametrize("t", [tally("personnel", 172900), tally("cruise_missiles", 911), tally("uav", 2239),
                               tally("special_equipment", 291), tally("tanks", 3610, side=None),
                               tally("tanks", 3610, as_of=None), tally("tanks", 40, scope="period")],
                         ids=["personnel", "missiles", "uav", "special", "no-side", "no-date", "period"])
def test_not_compared(t):
    assert check_tally_oryx(t) is None


def test_official_series_never_reads_as_far_above():
    """EXCEEDS_RATIO is twice the widest gap between the General Staff's series and the Oryx bound."""
    from warclaims.reference.series import Series

    s = Series.load()
    for cat, limit in EXCEEDS_RATIO.items():
        for d in ("2022-04-15", "2022-09-01", "2023-03-30", "2024-01-01", "2024-10-15", "2025-07-19", "2026-08-01"):
            v, b = s.value(cat, d), lower_bound(cat, "RUS", d)
            if v and v.value and b.value >= 10:
                assert v.value / b.value < limit / 2 + 0.5, (cat, d)


def event(model: str | None = "9K332 Tor-M2", side: str | None = "RUS", evidence: bool = True,
          start: str | None = "2023-03-01", end: str | None = "2023-03-31", outcome: str = "destroyed") -> EventClaim:
    return EventClaim(id="e1", type="strike", outcome=outcome, span=(0, 1),
                      target=Target(model=model, owner_side=side, category="air_defence", mention=None),
                      time=TimeRef(start=start, end=end, precision="month") if start else None,
                      evidence=[Evidence(type="video", shared_by="SBU")] if evidence else [])


def test_check_event_tor_m2():
    e = event()
    c = check_event(e, "2023-03-30")
    assert e.verification == c.status == "consistent_with_oryx_count"
    assert c.explanation.startswith("the target (destroyed): Oryx holds ") and "Russian 9K332 Tor-M2" in c.explanation
    assert "first recorded between 2023-03-01 and 2023-05-15" in c.explanation
    assert c.explanation.endswith("the claim comes with video shared by the claimant.")


def test_check_event_media_without_oryx_match():
    e = event(start="2025-12-01", end="2025-12-31")
    c = check_event(e)
    assert (c.status, e.verification) == ("claimed_with_media", "claimed_with_media")
    assert "Oryx data end on 2025-07-19, before this event" in c.explanation


def test_check_event_unverified():
    e = event(model=None, evidence=False, start=None)
    c = check_event(e)
    assert (c.status, c.explanation) == ("unverified_claim", "the target (destroyed): no model named, so Oryx "
                                                             "cannot be consulted; the claim is unverified.")


def test_check_event_no_record_of_that_side():
    c = check_event(event(model="M142 HIMARS", side="RUS", evidence=False, start="2023-03-01"))
    assert c.status == "unverified_claim" and "Oryx has no Russian M142 HIMARS loss on record" in c.explanation


def test_check_events_skips_events_without_target():
    e = EventClaim(id="e2", type="strike", outcome="hit", span=(0, 1))
    assert [c.claim_id for c in check_events([event(), e])] == ["e1"]


def test_period_count_of_one_model():
    """'the fourth TOR in March alone': Oryx records of that model and side first seen in March (+45 days)."""
    t = tally("air_defence", 4, as_of=None, scope="period", period_start="2023-03-01", period_end="2023-03-31",
              period_text="March", model="9K330 Tor")
    c = check_tally_oryx(t)
    assert c.status == "consistent_with_evidence" and c.reference["window"] == ["2023-03-01", "2023-05-15"]
    assert c.explanation.startswith("9K330 Tor 4 in March is consistent with the evidence: Oryx first recorded ")
    t.value = 400
    assert check_tally_oryx(t).status == "above_evidence"
