"""The ledger benchmark's pieces run on tiny sizes (no timing assertions; `./dev bench` measures)."""
from __future__ import annotations

from benchmarks import ledger as bench


def test_ledger_benchmark_pieces_run(tmp_path):
    docs = bench.news_docs(12)
    files = bench.ingest_files(docs, tmp_path, chunks=2)
    assert files["new"] == 12 and files["reingest_unchanged"] == 12 and files["status"] == "done"
    warc = bench.warc_and_executors(docs, tmp_path, workers=2, executors=("serial",))  # processes: test_ingest
    assert warc["records"] == 12 and warc["serial"]["new"] == 12
    q = bench.queries(tmp_path, 200, docs[:4], rounds=2)
    assert q["claims"] >= 200 and set(q["queries"]) == set(bench.QUERIES)
