"""Shortcuts taken for speed give what the plain reading gives (tallies stage)."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from warclaims.extract.figures import _DIGIT_SLASH_DIGIT, _SLASH_PAIR
from warclaims.extract.tallies import TallyExtractor

TEXTS = sorted(Path(__file__).resolve().parent.parent.glob("gold*/*.txt"))


def _plain_as_of(tx: TallyExtractor, sent: int) -> tuple[str | None, str | None]:
    """asof.as_of_for as first written: the sentence's first anchor, else the last one before it."""
    same = [a for a in tx.asof.anchors if a.sent == sent]
    start = tx.seg.sentences[sent].start if tx.seg.sentences else 0
    before = [a for a in tx.asof.anchors if a.pos < start]
    a = same[0] if same else (before[-1] if before else None)
    return (a.date, a.text) if a else (None, None)


@pytest.mark.parametrize("path", TEXTS[::3], ids=lambda p: p.name)
def test_as_of_by_bisection_equals_the_plain_reading(path: Path) -> None:
    tx = TallyExtractor(path.read_text(encoding="utf-8"), "2024-06-01")
    for i, s in enumerate(tx.seg.sentences):
        assert tx.asof.as_of_for(s.start) == _plain_as_of(tx, i), (i, tx.text[s.start:s.end][:60])


def test_slash_pair_screen_never_hides_a_pair() -> None:
    pool = ["1", "23", "416", ",", ".", " ", "\n", "/", "\u00a0", "a", "000", " 149"]
    rng = random.Random(11)
    for _ in range(20000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(1, 10)))
        if _SLASH_PAIR.search(s):
            assert _DIGIT_SLASH_DIGIT.search(s), s


def _plain_qualifier(low: str, start: int) -> tuple[str | None, str | None]:
    import re

    from warclaims.extract.figure import _QUAL_KIND, QUAL_ALT

    m = re.compile(rf"(?<![\w'-])(?P<q>{QUAL_ALT})\s*(?:the\s+|a\s+)?$").search(low, max(0, start - 30), start)
    if not m:
        return None, None
    return next(((kind, m.group("q")) for kind, rx in _QUAL_KIND if rx.match(m.group("q"))), (None, None))


@pytest.mark.parametrize("path", TEXTS[::4], ids=lambda p: p.name)
def test_qualifier_screen_equals_the_plain_search(path: Path) -> None:
    from warclaims.extract.figure import qualifier
    from warclaims.extract.normalize import fold

    low = fold(path.read_text(encoding="utf-8"))
    for start in range(len(low)):
        if low[start].isdigit():
            assert qualifier(low, start) == _plain_qualifier(low, start), low[max(0, start - 30):start + 5]


@pytest.mark.parametrize("text", ["about 5", "more than\n5", "approx. 5", "approx 5", "~5", "≈ 5", "about the 5",
                                  "some a 5", "близько  5", "не менше ніж 5", "up to 5", "lost 5", "(5"])
def test_qualifier_screen_on_forms(text: str) -> None:
    from warclaims.extract.figure import qualifier

    assert qualifier(text, text.index("5")) == _plain_qualifier(text, text.index("5"))


@pytest.mark.parametrize("path", TEXTS[1::4], ids=lambda p: p.name)
def test_sentence_split_equals_the_plain_reading(path: Path) -> None:
    """segment._split_sentences looks for an abbreviation only before a full stop."""
    from warclaims.extract.segment import _ABBREV, _SENT_END, _split_sentences

    def plain(text: str, start: int, end: int) -> list[tuple[int, int]]:
        out, pos = [], start
        for m in _SENT_END.finditer(text, start, end):
            if _ABBREV.search(text, max(pos, m.start() - 8), m.start() + 1):
                continue
            out.append((pos, m.end()))
            pos = m.end()
        return out + ([(pos, end)] if pos < end else [])

    text = path.read_text(encoding="utf-8") + ' He said "No." Then Mr. X left?\n"Yes" Next. U.S. forces'
    assert _split_sentences(text, 0, len(text)) == plain(text, 0, len(text))


@pytest.mark.parametrize("path", TEXTS[2::5], ids=lambda p: p.name)
def test_adjective_screen_equals_the_plain_search(path: Path) -> None:
    from warclaims.extract.decide import _ADJ_BEFORE, adjective_before
    from warclaims.extract.normalize import fold

    low = fold(path.read_text(encoding="utf-8")) + "\nросійських  танків російські_\nрф\tтанки ukrainian\n"
    for pos in range(len(low) + 1):
        a, b = _ADJ_BEFORE.search(low, max(0, pos - 40), pos), adjective_before(low, pos)
        assert (a and a.span()) == (b and b.span()), low[max(0, pos - 40):pos]
