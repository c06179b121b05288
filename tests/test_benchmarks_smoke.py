"""The benchmark code runs (no timing assertions): corpus generator, naive baseline, the report's pieces."""
from __future__ import annotations

import random

import pytest
from benchmarks import corpus, naive, run

from warclaims.reference.series import Series


@pytest.fixture(scope="module")
def docs():
    return corpus.generate(20, seed=7)


def test_corpus_is_deterministic_and_varied(docs):
    again = corpus.generate(20, seed=7)
    assert [(d.id, d.text) for d in docs] == [(d.id, d.text) for d in again]
    assert {d.kind for d in docs} == {"bulletin", "news"}
    assert {d.language for d in docs} >= {"en", "uk"}
    for d in docs:
        assert d.text.strip() and d.published[:4] in {"2022", "2023", "2024", "2025", "2026"}
    news = [d for d in docs if d.kind == "news"]
    assert all(len(d.text.encode()) >= 1500 for d in news)


def test_every_bulletin_format_generates():
    s = Series.load()
    for fmt, (lo, hi) in corpus.SPANS.items():
        d = corpus._date(random.Random(0), lo, hi or s.last_date)
        text, truth = corpus.bulletin(random.Random(0), s, fmt, d)
        assert truth["personnel"] > 0 and str(truth["tanks"])[-3:] in text


def test_corpus_writes_to_disk(tmp_path):
    corpus.main(["--out", str(tmp_path), "--n", "5"])
    assert len(list(tmp_path.glob("*.txt"))) == 5
    assert len((tmp_path / "index.jsonl").read_text(encoding="utf-8").splitlines()) == 5


def test_naive_finds_bulletin_figures(docs):
    for d in docs:
        pairs = naive.naive_extract(d.text)
        assert all(isinstance(c, str) and isinstance(v, int) for c, v in pairs)
        if d.kind == "bulletin":
            assert set(d.truth.items()) & set(pairs)


def test_report_pieces_run(docs):
    r = run.extraction("news", [d for d in docs if d.kind == "news"], repeat=1)
    assert r["ours"]["mb_per_s"] > 0 and r["naive"]["mb_per_s"] > 0 and "planted" in r["ours"]
    assert run.pipeline(docs[:5], repeat=1)["pipeline"]["docs_per_s"] > 0
    c = run.check_time(rounds=1, repeat=1)
    assert c["tallies"] == 13 and c["check_tallies"]["best"] > 0


def test_planted_figures_are_all_found():
    """The generated corpus plants the General Staff's figures in bulletins of every epoch and in en/uk/ru news
    lists (Doc.truth): the extractor must find every one and nothing else. (This caught a units pattern that
    read "1,320 (+1) units\\n\\nair defense assets" as one number-first figure.)"""
    for d in corpus.generate(300, seed=11):
        assert run.scored(run.ours(d)) == set(d.truth.items()), d.id
