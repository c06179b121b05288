"""The place benchmarks run (no timing assertions): cold load in subprocesses, matcher against the regex baseline."""
from __future__ import annotations

from benchmarks import places, run


def test_places_benchmark_pieces_run():
    texts = ["Бої під Бахмутом і в Авдіївці.", "Russian forces shelled Kharkiv and the Donetsk region."] * 3
    m = places.matcher(texts, repeat=1, interleaved=run.interleaved, summary=run.summary, baseline_share=2)
    assert m["find_places"]["mb_per_s"] > 0 and m["regex"]["mb_per_s"] > 0
    assert m["mentions_per_mb"] > 0
    ld = places.load(1, run.summary)
    assert ld["gazetteer"]["best"] > 0 and ld["csv_rows"]["best"] > 0 and ld["compile_at_load"]["best"] > 0


def test_naive_regex_finds_names_as_written():
    rx = places.naive_regex()
    assert rx.findall("in Bakhmut and Бахмут") == ["Bakhmut", "Бахмут"]
