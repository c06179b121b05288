"""benchmarks/gazetteer.py runs (no timing assertions): load in a fresh interpreter, the matcher and its
regex baseline on a few documents."""
from __future__ import annotations

from benchmarks import corpus, gazetteer


def test_gazetteer_benchmark_pieces_run():
    texts = [d.text for d in corpus.generate(12, seed=3) if d.kind == "news"][:4]
    m = gazetteer.matcher(texts, repeat=1)
    assert m["find_equipment"]["mb_per_s"] > 0 and m["regex_alternation"]["mb_per_s"] > 0 and m["mentions"] > 0
    ld = gazetteer.load_times(repeat=1)
    assert ld["gazetteer"]["best"] > 0 and ld["oryx"]["best"] > 0
    assert gazetteer.real_texts()
