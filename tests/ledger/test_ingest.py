"""Runs: idempotence, revisions, failures and exit codes, WARC files, crash recovery, executors."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from warclaims.ingestion import Progress, ingest_sources
from warclaims.store import Ledger

from .conftest import ARTICLE, html_page, write_warc

UK = ("Генштаб ЗСУ: загальні бойові втрати противника з 24.02.22 по 30.03.23 орієнтовно склали: "
      "особового складу - близько 172900 осіб, танків - 3610 (+5) од, артилерійських систем - 2671 (+4) од. {}")


def test_ingesting_twice_changes_nothing(corpus, tmp_path):
    db = str(tmp_path / "l.db")
    first = ingest_sources([str(corpus)], db=db)
    with Ledger(db) as led:
        before = led.counts()
    again = ingest_sources([str(corpus)], db=db)
    with Ledger(db) as led:
        assert led.counts() == before
    assert first["counts"]["new"] == 12 and first["exit_code"] == 0
    assert again["counts"]["unchanged"] == 12 and again["counts"]["extracted"] == 0  # known: not re-extracted
    assert before["claims"] > 12


def test_a_changed_file_is_a_revision(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(UK.format("Перша редакція."), encoding="utf-8")
    db = str(tmp_path / "l.db")
    ingest_sources([str(page)], db=db)
    page.write_text(UK.format("Друга редакція, оновлено."), encoding="utf-8")
    report = ingest_sources([str(page)], db=db)
    assert report["counts"]["revised"] == 1
    with Ledger(db) as led:
        s = led.stats()
        assert (s["documents"], s["sources"], s["revisions"]) == (2, 1, 1)
        assert s["claims"]["tally"] == s["claims_in_history"]  # the first text's claims are history now


def test_exact_copies_under_other_names_are_merged(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(UK.format(""), encoding="utf-8")
    report = ingest_sources([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], db=str(tmp_path / "l.db"))
    assert (report["counts"]["new"], report["counts"]["duplicates"]) == (1, 1)


@pytest.mark.parametrize("bad,code,status", [
    (1, 1, "partial"),
    (12, 3, "failed"),
], ids=["one-bad-partial", "all-bad-mostly-failed"])
def test_exit_codes(tmp_path, bad, code, status):
    good = 12 - bad
    for i in range(good):
        (tmp_path / f"g{i}.txt").write_text(UK.format(f"Номер {i}."), encoding="utf-8")
    for i in range(bad):
        (tmp_path / f"b{i}.txt").write_bytes(b"")
    report = ingest_sources([str(tmp_path)], db=str(tmp_path / "l.db"))
    assert (report["exit_code"], report["status"], report["counts"]["failed"]) == (code, status, bad)
    assert report["failure_reasons"] == {"empty_input": bad}


def test_warc_records_are_documents_and_a_broken_one_does_not_sink_the_file(tmp_path):
    pages = [(f"https://news.example/{i}", html_page(f"T{i}", UK.format(f"Стаття {i}."))) for i in range(5)]
    warc = write_warc(tmp_path / "CC-NEWS-20230330000000-00001.warc.gz", pages, broken_http=2)
    report = ingest_sources([str(warc)], db=str(tmp_path / "l.db"), shard_size=2)
    assert (report["counts"]["new"], report["counts"]["failed"]) == (4, 1)
    assert report["failures"][0]["code"] == "broken_warc_record"
    with Ledger(tmp_path / "l.db") as led:
        docs, _ = led.documents()
        assert {d["source"] for d in docs} == {f"https://news.example/{i}" for i in (0, 1, 3, 4)}
        assert all(d["published"][:10] == "2023-03-30" and d["retrieved_at"] for d in docs)


def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path):
    pages = [(f"https://news.example/{i}", html_page(f"T{i}", UK.format(f"Стаття {i}."))) for i in range(6)]
    warc = write_warc(tmp_path / "a.warc.gz", pages)
    from fastwarc.warc import ArchiveIterator

    data = warc.read_bytes()
    starts = [r.stream_pos for r in ArchiveIterator(str(warc), parse_http=False)]  # warcinfo, (request, response)*6
    for cut_at, kept in ((starts[7] + 40, 3), (starts[8] + 40, 3), (len(data) - 6, 6)):  # request, response, trailer
        cut = tmp_path / f"cut{cut_at}.warc.gz"
        cut.write_bytes(data[:cut_at])
        report = ingest_sources([str(cut)], db=str(tmp_path / f"l{cut_at}.db"))
        assert (report["counts"]["new"], report["exit_code"]) == (kept, 1)
        assert "truncated" in report["failures"][-1]["message"] + report["failures"][-1]["hint"]


def test_processes_executor_gives_the_same_ledger(corpus, tmp_path):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    ingest_sources([str(corpus)], db=a)
    report = ingest_sources([str(corpus)], db=b, executor="processes", workers=2, shard_size=3)
    assert report["workers"] == 2
    assert ledger_content(a) == ledger_content(b)


def ledger_content(db: str) -> tuple:
    """What a ledger holds, independent of row ids and timestamps."""
    with Ledger(db) as led:
        docs = sorted(tuple(r) for r in led.conn.execute("SELECT id, source, duplicate_of FROM documents"))
        claims = sorted(tuple(r) for r in led.conn.execute(
            "SELECT document_id, kind, id, category, value, status, data FROM claims"))
        checks = sorted(tuple(r) for r in led.conn.execute("SELECT document_id, claim_id, status FROM checks"))
    return docs, claims, checks


CRASH = """
import sys, time
import warclaims.run as run
real = run.process_shard
def slow(shard):
    out = real(shard)
    time.sleep(0.3)
    return out
run.process_shard = slow
import warclaims.ingestion as ing
ing.process_shard = slow
ing.ingest_sources([sys.argv[1]], db=sys.argv[2], shard_size=2)
"""


def test_a_killed_run_leaves_a_consistent_ledger_and_the_next_run_resumes(tmp_path, corpus):
    db = str(tmp_path / "l.db")
    proc = subprocess.Popen([sys.executable, "-c", CRASH, str(corpus), db], env={**os.environ, "PYTHONHASHSEED": "0"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # kill it once some batches are in, well before the end
        time.sleep(0.1)
        if os.path.exists(db) and _documents(db) >= 4:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _documents(db)
    assert 4 <= partial < 12
    with Ledger(db) as led:  # consistent: every claim's extraction and document exist
        assert led.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert led.conn.execute("SELECT count(*) FROM claims c LEFT JOIN documents d ON d.id = c.document_id "
                                "WHERE d.id IS NULL").fetchone()[0] == 0
    report = ingest_sources([str(corpus)], db=db)
    assert report["counts"]["unchanged"] == partial and report["counts"]["new"] == 12 - partial
    clean = str(tmp_path / "clean.db")
    ingest_sources([str(corpus)], db=clean)
    assert ledger_content(db) == ledger_content(clean)
    with Ledger(db) as led:
        assert [r["status"] for r in led.runs()] == ["done", "interrupted"]


def _documents(db: str) -> int:
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_python_api_and_example_article(tmp_path):
    import warclaims

    report = warclaims.ingest_sources([str(ARTICLE)], db=str(tmp_path / "l.db"))
    assert report["counts"]["new"] == 1
    with warclaims.Ledger(tmp_path / "l.db") as led:
        rows, _ = led.claims(category="artillery")
        assert rows[0]["value"] == 2971 and rows[0]["status"] == "inconsistent"
    assert Path(tmp_path / "l.db").exists()


class Tty:
    def __init__(self):
        self.text = ""

    def isatty(self):
        return True

    def write(self, s):
        self.text += s

    def flush(self):
        pass


def test_progress_on_a_terminal_bar_with_total_counts_without(corpus, tmp_path):
    tty = Tty()
    ingest_sources([str(corpus)], db=str(tmp_path / "l.db"), progress=tty, shard_size=4)
    assert "[##############################] 12/12" in tty.text and tty.text.endswith("\n")
    bar = Progress(Tty(), every=0)
    bar.update(7, None, Counter(new=7))
    assert bar.stream.text.startswith("\r7 docs") and "new 7" in bar.stream.text
    with open(os.devnull, "w") as null:
        assert Progress(null).stream is None  # not a terminal: no bar


def test_workers_index_several_warc_files(tmp_path):
    warcs = []
    for k in range(3):
        pages = [(f"https://news.example/{k}/{i}", html_page(f"T{k}{i}", UK.format(f"Файл {k}, стаття {i}.")))
                 for i in range(3)]
        warcs.append(str(write_warc(tmp_path / f"f{k}.warc.gz", pages)))
    serial = ingest_sources(warcs, db=str(tmp_path / "s.db"), shard_size=2)
    pooled = ingest_sources(warcs, db=str(tmp_path / "p.db"), shard_size=2, executor="processes", workers=2)
    assert serial["counts"]["new"] == pooled["counts"]["new"] == 9
    assert ledger_content(str(tmp_path / "s.db")) == ledger_content(str(tmp_path / "p.db"))


def test_a_bug_on_one_document_does_not_sink_the_batch(corpus, tmp_path, monkeypatch):
    import warclaims.pipeline as pipeline

    real = pipeline.run

    def flaky(doc, options):
        if "newsru" in doc.source:
            raise ValueError("boom")
        return real(doc, options)

    monkeypatch.setattr(pipeline, "run", flaky)
    report = ingest_sources([str(corpus)], db=str(tmp_path / "l.db"))
    bad = [f for f in report["failures"] if f["code"] == "internal"]
    assert report["exit_code"] == 1 and report["counts"]["new"] == 12 - len(bad) and len(bad) >= 1
    assert "ValueError: boom" in bad[0]["message"] and "Traceback" in bad[0]["traceback"]
