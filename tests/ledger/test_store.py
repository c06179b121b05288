"""The ledger's store: idempotent upserts, revisions, duplicates, history, FTS in Cyrillic, paging."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import warclaims
from warclaims.errors import BadQuery, LedgerError, LedgerLocked, NotInLedger
from warclaims.store import Ledger

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
UK = ("Генштаб ЗСУ: загальні бойові втрати противника з 24.02.22 по 30.03.23 орієнтовно склали: "
      "особового складу ‒ близько 172900 осіб, танків ‒ 3610 (+5) од, артилерійських систем ‒ 2671 (+4) од. "
      "Бої тривають біля Бахмута, ворог зазнає втрат.")
EN = ("Ukraine's General Staff said on March 30, 2023 that Russia has lost 3610 tanks, 6974 armoured vehicles "
      "and 2671 artillery systems since the start of the full-scale invasion on February 24, 2022.")


@pytest.fixture()
def ledger(tmp_path):
    with Ledger(tmp_path / "l.db") as led:
        yield led


def test_adding_the_same_result_twice_changes_nothing(ledger):
    r = warclaims.extract(UK, published="2023-03-30")
    assert ledger.add_result(r, source="a.txt") == "new"
    before = ledger.counts()
    assert ledger.add_result(r, source="a.txt") == "unchanged"
    assert ledger.counts() == before
    assert before["claims"] == len(r.loss_tallies) > 0


def test_the_same_text_from_another_source_is_merged(ledger):
    r = warclaims.extract(UK, published="2023-03-30")
    ledger.add_result(r, source="a.txt")
    assert ledger.add_result(r, source="b.txt") == "duplicate"
    s = ledger.stats()
    assert (s["documents"], s["sources"], s["exact_duplicates"]) == (1, 2, 1)


def test_a_changed_page_is_a_revision_and_only_its_latest_text_counts(ledger):
    ledger.add_result(warclaims.extract(EN, published="2023-03-30"), source="https://x.org/a")
    changed = EN.replace("3610 tanks", "3611 tanks")
    assert ledger.add_result(warclaims.extract(changed, published="2023-03-30"), source="https://x.org/a") == "revised"
    rows, _ = ledger.claims(category="tanks")
    assert [r["value"] for r in rows] == [3611]
    history, _ = ledger.claims(category="tanks", include_history=True)
    assert sorted(r["value"] for r in history) == [3610, 3611]
    assert ledger.stats()["revisions"] == 1


def test_a_newer_extractor_keeps_the_old_extraction_as_history(ledger):
    r = warclaims.extract(EN, published="2023-03-30")
    ledger.add_result(r, source="a.txt", extractor_version="0.0.9")
    assert ledger.add_result(r, source="a.txt", extractor_version="0.1.0") == "reextracted"
    doc = ledger.document(r.document.id)
    assert [(e["extractor_version"], e["current"]) for e in doc["extractions"]] == [("0.1.0", True), ("0.0.9", False)]
    rows, _ = ledger.claims(kind="tally")
    assert {r["extractor_version"] for r in rows} == {"0.1.0"}


def test_a_near_duplicate_is_flagged_not_counted_as_independent(ledger):
    article = (EXAMPLES / "express-kamikaze-drones.txt").read_text(encoding="utf-8")  # ~500 words
    a = warclaims.extract(article + "\nReporting by Reuters.", published="2023-03-30")
    b = warclaims.extract("Syndicated copy. " + article + "\nReporting by AP.", published="2023-03-30")
    ledger.add_result(a, source="reuters")
    assert ledger.add_result(b, source="ap") == "near_duplicate"
    rows, _ = ledger.claims(category="tanks")
    assert sorted(r["duplicate_of"] or "-" for r in rows) == sorted(["-", a.document.id])
    s = ledger.stats()
    assert s["near_duplicates"] == 1
    assert s["independent_claims"] == len(a.loss_tallies) + len(a.events) + len(a.statements)


@pytest.mark.parametrize("q", ["Бахмут*", "бахмут*", "Генштаб", "танків"], ids=["prefix", "lower-prefix", "word",
                                                                              "inflected"])
def test_fts_finds_cyrillic(ledger, q):
    ledger.add_result(warclaims.extract(UK, published="2023-03-30"), source="uk.txt")
    ledger.add_result(warclaims.extract(EN, published="2023-03-30"), source="en.txt")
    rows, _ = ledger.search(q)
    assert [r["source"] for r in rows] == ["uk.txt"]


def test_claims_filters_and_paging(ledger):
    ledger.add_result(warclaims.extract(UK, published="2023-03-30"), source="uk.txt")
    ledger.add_result(warclaims.extract(EN, published="2023-03-30"), source="en.txt")
    rows, _ = ledger.claims(category="tanks", since="2023-03-01", until="2023-03-31")
    assert len(rows) == 2 and all(r["record"]["value"] == 3610 for r in rows)
    assert ledger.claims(category="tanks", since="2023-04-01")[0] == []
    pages, cursor, seen = 0, None, []
    while True:
        rows, cursor = ledger.claims(limit=2, cursor=cursor)
        seen += [r["ledger_id"] for r in rows]
        pages += 1
        if cursor is None:
            break
    assert seen == sorted(seen, reverse=True) and len(seen) == len(set(seen)) == sum(ledger.stats()["claims"].values())
    assert ledger.claims(q="Бахмут*", category="tanks")[0][0]["document"]["source"] == "uk.txt"


@pytest.mark.parametrize("call", [
    lambda led: led.search('"unclosed'),
    lambda led: led.claims(cursor="abc"),
    lambda led: led.claims(since="March"),
    lambda led: led.document("ffffffffff"),
], ids=["fts-syntax", "cursor", "date", "unknown-id"])
def test_bad_requests_are_named_errors(ledger, call):
    with pytest.raises((BadQuery, NotInLedger, warclaims.WarclaimsError)) as info:
        call(ledger)
    assert info.value.hint


def test_a_locked_ledger_is_a_named_error(tmp_path):
    path = tmp_path / "l.db"
    Ledger(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        led = Ledger(path, timeout=0.1)
        with pytest.raises(LedgerLocked) as info:
            led.add_result(warclaims.extract(EN), source="a")
        assert "--db" in info.value.hint
    finally:
        other.execute("ROLLBACK")


def test_not_a_ledger(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(LedgerError):
        Ledger(path)


def test_copies_are_not_corroboration(ledger):
    article = (EXAMPLES / "express-kamikaze-drones.txt").read_text(encoding="utf-8")
    ledger.add_result(warclaims.extract(article, published="2023-03-30"), source="express")
    ledger.add_result(warclaims.extract("Copy. " + article, published="2023-03-30"), source="mirror")
    other = EN.replace("3610 tanks", "3610 tanks (a separate report)")
    ledger.add_result(warclaims.extract(other, published="2023-03-30"), source="other")
    rows, _ = ledger.claims(category="tanks")
    c = ledger.corroboration(rows[-1]["ledger_id"])
    assert (c["documents"], c["independent_documents"], c["copies"]) == (3, 2, 1)  # the mirror is no witness


def test_events_and_statements_are_stored_generically(ledger):
    from warclaims.models import Actor, EventClaim, Party, Speaker, Statement, Target, TimeRef

    r = warclaims.extract(EN, published="2023-03-30")
    r.events = [EventClaim(id="e1", type="strike", outcome="destroyed", span=(0, 10),
                           actor=Actor(name="Security Service of Ukraine", side="UKR"),
                           target=Target(mention="TOR-M2", model="9K332 Tor-M2", category="air_defence",
                                         owner_side="RUS", quantity=1),
                           time=TimeRef(start="2023-03-15", end="2023-03-31", precision="month"),
                           claimant=Party(name="Security Service of Ukraine", side="UKR"))]
    r.statements = [Statement(id="s1", kind="direct", content="We destroyed it", span=(20, 35),
                              speaker=Speaker(name="Volodymyr Zelensky", type="person", side="UKR"))]
    ledger.add_result(r, source="a")
    events, _ = ledger.claims(kind="event", category="air_defence", side="RUS", since="2023-03-01")
    assert [(e["claimant"], e["value"], e["date"], e["record"]["target"]["model"]) for e in events] == [
        ("Security Service of Ukraine", 1, "2023-03-15", "9K332 Tor-M2")]
    statements, _ = ledger.claims(kind="statement", claimant="volodymyr zelensky")
    assert statements[0]["record"]["content"] == "We destroyed it"
    doc = ledger.document(r.document.id)
    assert len(doc["events"]) == 1 and len(doc["statements"]) == 1


def test_to_dict_equals_asdict_with_lists_and_class():
    """Record.to_dict skips asdict's deep copies for speed; the output must stay what asdict gave."""
    from dataclasses import asdict

    from warclaims.models import EventClaim, Means

    def reference(obj):
        if isinstance(obj, dict):
            return {("class" if k == "class_" else k): reference(v) for k, v in obj.items()}
        if isinstance(obj, (list, tuple)):
            return [reference(v) for v in obj]
        return obj

    article = (EXAMPLES / "express-kamikaze-drones.txt").read_text(encoding="utf-8")
    r = warclaims.extract(article, published="2023-03-30", explain=True)
    r.events = [EventClaim(id="e1", type="strike", outcome="destroyed", span=(1, 2), means=Means(class_="drone"))]
    expected = reference(asdict(r))
    expected["ok"] = True
    assert r.to_dict() == expected and r.to_dict()["events"][0]["means"]["class"] == "drone"


def test_migrations_are_recorded_and_a_new_one_applies_once(tmp_path, monkeypatch):
    from warclaims.store import schema

    path = tmp_path / "l.db"
    Ledger(path).close()
    extra = (schema.LATEST + 1, "a test column", "ALTER TABLE documents ADD COLUMN note TEXT;")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, extra])
    monkeypatch.setattr("warclaims.store.ledger.LATEST", extra[0])
    for _ in range(2):
        with Ledger(path) as led:
            rows = led.conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
            assert [tuple(r) for r in rows] == [(v, n) for v, n, _ in schema.MIGRATIONS]
            led.conn.execute("SELECT note FROM documents").fetchall()


def test_a_ledger_from_a_newer_warclaims_is_refused(tmp_path):
    path = tmp_path / "l.db"
    with Ledger(path) as led:
        led.conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')")
    with pytest.raises(LedgerError, match="newer warclaims") as info:
        Ledger(path)
    assert "upgrade" in info.value.hint


def test_one_outcome_sqlite_refuses_fails_alone(ledger):
    good = warclaims.extract(EN, published="2023-03-30").to_dict()
    doc = good.pop("document")
    doc["simhash"] = warclaims.store.simhash(doc["text"])
    broken = {"ok": True, "source": "bad", "kind": "text", "document": {"id": "x" * 64, "simhash": 1},
              "result": {}, "extractor_version": "t"}  # no text: the documents row cannot be written
    fine = {"ok": True, "source": "good", "kind": "text", "document": doc, "result": good, "extractor_version": "t"}
    assert ledger.write_batch([broken, fine]) == ["failed", "new"]
    assert broken["errors"][0]["code"] == "store_failed" and broken["errors"][0]["hint"]
    assert ledger.counts()["documents"] == 1


def test_a_huge_number_stays_in_the_record(ledger):
    r = warclaims.extract(EN, published="2023-03-30")
    r.loss_tallies[0].value = 10**30
    ledger.add_result(r, source="a")
    row = ledger.claims(category=r.loss_tallies[0].category)[0][0]
    assert row["value"] is None and row["record"]["value"] == 10**30
