"""The CLI end to end, as a user runs it: the example article, stdin, batches, bad inputs, series."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "express-kamikaze-drones.txt"


def wc(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "warclaims", *args], input=stdin, capture_output=True,
                          timeout=120)


def jsonl(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]


def test_example_article_end_to_end():
    """DESIGN.md's worked example: 13 tallies by the Ukrainian side, the 2023-03-30 bulletin, artillery 2971."""
    proc = wc("extract", "--format", "jsonl", str(EXAMPLE))
    assert proc.returncode == 0, proc.stderr
    (doc,) = jsonl(proc)
    assert doc["ok"] is True and set(doc) >= {"source", "document", "loss_tallies", "events", "statements",
                                               "checks"}
    # 13 cumulative figures, and the SBU's "fourth TOR in March alone" as a period count of one model
    period = [t for t in doc["loss_tallies"] if t["scope"] == "period"]
    assert [(t["category"], t["value"], t["period_start"] is None) for t in period] == [("air_defence", 4, True)]
    tallies = [t for t in doc["loss_tallies"] if t["scope"] == "cumulative"]
    assert len(tallies) == 13
    assert {t["claimant"]["side"] for t in tallies} == {"UKR"}
    assert {(t["losing_side"], t["scope"]) for t in tallies} == {("RUS", "cumulative")}
    text = doc["document"]["text"]
    for t in tallies:
        assert t["value_text"] in text[t["span"][0]:t["span"][1]]
    assert doc["match"]["date"] == "2023-03-30"
    assert (doc["match"]["exact"], doc["match"]["compared"]) == (12, 13)
    by_cat = {t["category"]: t for t in tallies}
    art = next(c for c in doc["checks"] if c["claim_id"] == by_cat["artillery"]["id"])
    assert (art["status"], art["expected"], art["found"]) == ("inconsistent", 2671, 2971)
    assert "2659" in art["explanation"] and "2675" in art["explanation"]
    statuses = [c["status"] for c in doc["checks"]]
    assert statuses.count("consistent") == 12


def test_readable_report_and_check_command():
    proc = wc("check", str(EXAMPLE))
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "2023-03-30" in out and "2971" in out and "2671" in out
    assert "Traceback" not in proc.stderr.decode()


def test_stdin():
    proc = wc("extract", "--format", "jsonl", "--no-check", "-", stdin=EXAMPLE.read_bytes())
    (doc,) = jsonl(proc)
    assert doc["source"] == "-" and sum(t["scope"] == "cumulative" for t in doc["loss_tallies"]) == 13


def test_batch_keeps_going_and_order(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "x.pdf"
    binary.write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    proc = wc("extract", "--format", "jsonl", "--no-check", str(empty), str(EXAMPLE), str(binary),
              str(tmp_path / "missing.txt"))
    docs = jsonl(proc)
    assert proc.returncode == 1
    assert [d["ok"] for d in docs] == [False, True, False, False]
    assert [d["errors"][0]["code"] for d in docs if not d["ok"]] == ["empty_input", "binary_input", "not_found"]
    assert all(d["errors"][0]["hint"] for d in docs if not d["ok"])
    assert b"Traceback" not in proc.stderr


@pytest.mark.parametrize(("args", "code", "needle"), [
    (["series", "tankz"], 2, "did you mean 'tanks'"),
    (["series", "tanks", "--from", "2031-01-01"], 2, "in the future"),
    (["series", "tanks", "--from", "yesterday"], 2, "YYYY-MM-DD"),
    (["extract", "--published", "2031-01-01", str(EXAMPLE)], 1, "in the future"),
    (["extract", "--encoding", "no-such-codec", str(EXAMPLE)], 1, "encoding"),
], ids=["unknown-category", "future-date", "bad-date", "future-published", "bad-encoding"])
def test_bad_arguments_are_clear(args: list[str], code: int, needle: str):
    proc = wc(*args)
    err = proc.stderr.decode()
    assert proc.returncode == code, err
    assert needle in err and "Traceback" not in err


def test_series_table_has_every_source():
    proc = wc("series", "tanks", "--from", "2023-03-01", "--to", "2023-04-01", "--format", "jsonl")
    rows = jsonl(proc)
    assert proc.returncode == 0 and len(rows) == 32
    row = next(r for r in rows if r["date"] == "2023-03-30")
    assert row["consensus"] == 3610 and set(row["sources"]) == {"petroivaniuk", "orc_losses"}
    assert row["url"].startswith("https://www.mil.gov.ua/")


def test_help_has_examples():
    for cmd in ("extract", "check", "series"):
        out = wc(cmd, "--help").stdout.decode()
        assert "examples:" in out and "warclaims " + cmd in out
