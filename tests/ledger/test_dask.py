"""Dask: a LocalCluster (2 worker processes, 127.0.0.1) gives the same ledger as the serial run."""
from __future__ import annotations

import pytest

from warclaims.ingestion import ingest_sources

from .conftest import html_page, write_warc
from .test_ingest import UK, ledger_content

pytest.importorskip("dask.distributed")


def test_dask_local_cluster_gives_the_same_ledger_as_serial(corpus, tmp_path):
    pages = [(f"https://news.example/{i}", html_page(f"T{i}", UK.format(f"Стаття номер {i}."))) for i in range(6)]
    warc = write_warc(tmp_path / "crawl.warc.gz", pages)
    inputs = [str(corpus), str(warc)]
    serial, dask = str(tmp_path / "serial.db"), str(tmp_path / "dask.db")
    ingest_sources(inputs, db=serial)
    report = ingest_sources(inputs, db=dask, executor="dask", workers=2, shard_size=4)
    assert report["executor"] == "dask" and report["workers"] == 2 and report["exit_code"] == 0
    assert report["counts"]["new"] == 18
    assert ledger_content(serial) == ledger_content(dask)


def test_an_existing_scheduler_by_address(corpus, tmp_path):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        report = ingest_sources([str(corpus)], db=str(tmp_path / "l.db"), scheduler=cluster.scheduler_address)
    assert report["executor"] == "dask" and report["counts"]["new"] == 12
