"""The event stage's shortcuts (done for speed) give what the plain computation gives: a trigger whose sentence
holds no target is not read (EventExtractor._has_targets), each window of the equipment gazetteer is scanned
once (gazscan.DocScan, also tested on its own in test_gazscan.py), and per-sentence and whole-text answers are
kept per document (event_memo.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from warclaims.extract.event_memo import DocSearches, memoised
from warclaims.extract.events import EventExtractor
from warclaims.extract.tallies import TallyExtractor
from warclaims.ingest import load_path

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted([*ROOT.glob("tests/gold*/*.txt"), *ROOT.glob("examples/*.txt")])


def _events(path: Path, extractor: type[EventExtractor]) -> str:
    doc = load_path(str(path))
    tx = TallyExtractor(doc.text, doc.published, doc.language)
    tallies, _rejected = tx.run()
    events, period = extractor(tx, tallies).run()
    return json.dumps([e.to_dict() for e in events] + [t.to_dict() for t in tallies + period], sort_keys=True,
                      ensure_ascii=False)


class _Plain(EventExtractor):
    """Every trigger read; the gazetteer scanned at every call; nothing kept between calls."""

    def _has_targets(self, m) -> bool:
        return True

    def _means_in(self, a: int, b: int) -> list:
        from warclaims.extract.equipment import find_means

        return find_means(self.text, self.tx.language, start=a, end=b)

    def _found(self, finder, ranges, windowed=False):
        out = []
        for a, b in ranges:
            if windowed:
                out += finder(self.text, self.tx.language, start=a, end=b)
            else:
                out += EventExtractor._found(self, finder, [(a, b)])
        return out

    def _live(self, lo: int, hi: int) -> bool:
        return EventExtractor._live.__wrapped__(self, lo, hi)



@pytest.mark.parametrize("chunk", range(4), ids=lambda k: f"texts-{k}-of-4")
def test_shortcuts_give_the_plain_output(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = TEXTS[chunk::4]
    fast = [_events(p, EventExtractor) for p in paths]
    monkeypatch.setattr(DocSearches, "anywhere", lambda self, rx: rx.search(self.text) is not None)
    plain = [_events(p, _Plain) for p in paths]
    assert fast == plain, [p.name for p, f, q in zip(paths, fast, plain, strict=True) if f != q]


def test_memoised_keeps_one_answer_per_arguments() -> None:
    class Counter:
        calls = 0

        @memoised
        def twice(self, x: int) -> int:
            self.calls += 1
            return 2 * x

    c = Counter()
    assert [c.twice(3), c.twice(3), c.twice(4)] == [6, 6, 8]
    assert c.calls == 2
