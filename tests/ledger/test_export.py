"""Exports: rows equal the ledger's (CSV, Excel CSV, JSONL, Parquet), manifests, complete or nothing."""
from __future__ import annotations

import csv
import hashlib
import json

import pytest

from warclaims.errors import ExportError, UsageError
from warclaims.export import COLUMNS, export_claims
from warclaims.ingestion import ingest_sources
from warclaims.store import Ledger


@pytest.fixture()
def db(corpus, tmp_path):
    path = str(tmp_path / "l.db")
    ingest_sources([str(corpus)], db=path)
    return path


def ledger_rows(db):
    with Ledger(db) as led:
        rows, cursor = [], None
        while True:
            page, cursor = led.claims(limit=1000, cursor=cursor)
            rows += page
            if cursor is None:
                return sorted(rows, key=lambda r: r["ledger_id"])


def read(path, fmt):
    if fmt in ("csv", "excel"):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))
    if fmt == "jsonl":
        return [json.loads(line) for line in open(path, encoding="utf-8")]
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def _cell(v) -> str:
    return "" if v is None else str(v)


@pytest.mark.parametrize("fmt,name", [("csv", "c.csv"), ("excel", "e.csv"), ("jsonl", "c.jsonl"),
                                      ("parquet", "c.parquet")], ids=["csv", "excel", "jsonl", "parquet"])
def test_export_rows_equal_the_ledger(db, tmp_path, fmt, name):
    out = tmp_path / name
    manifest = export_claims(str(out), db=db, excel=fmt == "excel")
    expected = ledger_rows(db)
    got = read(out, fmt)
    assert len(got) == len(expected) == manifest["counts"]["rows"] > 0
    for row, want in zip(got, expected, strict=True):
        record = row["record"] if isinstance(row["record"], dict) else json.loads(row["record"])
        assert record == want["record"]
        for key in ("ledger_id", "category", "value", "status"):  # CSV has no null: an empty cell stands for one
            assert _cell(row[key]) == _cell(want[key]), key
    on_disk = json.loads((tmp_path / (name + ".manifest.json")).read_text(encoding="utf-8"))
    assert on_disk["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert on_disk["tool"] == "warclaims" and on_disk["sources"] and on_disk["columns"] == list(COLUMNS)


def test_excel_csv_has_a_bom_and_crlf_plain_csv_neither(db, tmp_path):
    export_claims(str(tmp_path / "e.csv"), db=db, excel=True)
    export_claims(str(tmp_path / "p.csv"), db=db)
    excel, plain = (tmp_path / "e.csv").read_bytes(), (tmp_path / "p.csv").read_bytes()
    assert excel.startswith(b"\xef\xbb\xbf") and b"\r\n" in excel
    assert not plain.startswith(b"\xef\xbb\xbf") and b"\r\n" not in plain.replace(b"\\r\\n", b"")


def test_a_failed_export_leaves_no_file(db, tmp_path, monkeypatch):
    import warclaims.export as ex

    real = ex.rows

    def disk_full(*args, **kwargs):
        yield from list(real(*args, **kwargs))[:3]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ex, "rows", disk_full)
    with pytest.raises(ExportError, match="No space left"):
        export_claims(str(tmp_path / "x.csv"), db=db)
    assert not [p.name for p in tmp_path.iterdir() if "x.csv" in p.name]


def test_an_export_that_misses_rows_fails_loudly(db, tmp_path, monkeypatch):
    import warclaims.export as ex

    real = ex.rows
    monkeypatch.setattr(ex, "rows", lambda *a, **k: iter(list(real(*a, **k))[1:]))
    with pytest.raises(ExportError, match="incomplete"):
        export_claims(str(tmp_path / "x.jsonl"), db=db)
    assert not [p.name for p in tmp_path.iterdir() if "x.jsonl" in p.name]


@pytest.mark.parametrize("name,kw", [("claims.xlsx", {}), ("c.jsonl", {"excel": True})], ids=["suffix", "excel-jsonl"])
def test_bad_export_requests(db, tmp_path, name, kw):
    with pytest.raises(UsageError):
        export_claims(str(tmp_path / name), db=db, **kw)
