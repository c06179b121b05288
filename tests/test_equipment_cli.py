"""`warclaims equipment` end to end, and the Oryx checks in the pipeline's output (after the official ones)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import warclaims
from warclaims.api import equipment

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "express-kamikaze-drones.txt"


def wc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "warclaims", *args], capture_output=True, text=True, timeout=120)


def test_equipment_text():
    proc = wc("equipment", "Тор-М2")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for words in ("9K332 Tor-M2", "SA-15 Gauntlet", "Surface-To-Air Missile Systems", "air_defence",
                  "anti-aircraft missile complex", "Russia", "destroyed"):
        assert words in out


def test_equipment_json_matches_the_api():
    proc = wc("equipment", "BTR-82A", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    (d,) = json.loads(proc.stdout)
    assert d == json.loads(json.dumps(equipment("BTR-82A")))[0]
    assert (d["oryx_category"], d["press_class"]["en"], d["category"]) == ("Infantry Fighting Vehicles", "APC",
                                                                         "armoured_vehicles")


def test_equipment_unknown_name_is_a_usage_error_with_a_hint():
    proc = wc("equipment", "Tor-M3")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "not in the equipment gazetteer" in proc.stderr and "hint: did you mean 'Tor-M2'" in proc.stderr


def test_pipeline_adds_oryx_checks_after_the_official_ones():
    r = warclaims.extract(EXAMPLE.read_text(encoding="utf-8"), published="2023-03-31")
    kinds = [(c.reference or {}).get("series") == "oryx" for c in r.checks]
    assert kinds == sorted(kinds)  # the official checks stay first
    cumulative = {t.id for t in r.loss_tallies if t.scope == "cumulative"}
    tally_checks = [c for c in r.checks if (c.reference or {}).get("series") == "oryx" and c.claim_id in cumulative]
    assert len(tally_checks) == 9  # 9 comparable categories of 13; never personnel, UAVs, missiles, special
    assert {c.status for c in tally_checks} == {"consistent_with_evidence"}
    events = {e.id: e for e in r.events}
    event_checks = [c for c in r.checks if c.claim_id in events]
    assert event_checks and all(c.status == events[c.claim_id].verification for c in event_checks)
    assert {c.status for c in event_checks} <= {"claimed_with_media", "unverified_claim", "consistent_with_oryx_count"}
    assert "Checks against Oryx photo evidence" in wc("check", str(EXAMPLE)).stdout
