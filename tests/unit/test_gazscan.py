"""A window of DocScan (the document normalised once) must give exactly what Gazetteer.scan gives on that
window's text: at sentence edges, at cuts inside words, near capitalised aliases and with the characters whose
lower case depends on their neighbours."""
from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path

import pytest

from warclaims.extract.gazscan import DocScan
from warclaims.extract.segment import segment
from warclaims.reference.equipment import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted([*ROOT.glob("gold*/*.txt"), *(ROOT.parent / "examples").glob("*.txt")])


def _windows(text: str, rng: random.Random) -> list[tuple[int, int]]:
    """Sentences, pairs of sentences, the 600 characters before a word, and random cuts."""
    sents = [(s.start, s.end) for s in segment(text).sentences]
    out = sents + [(a, d) for (a, _b), (_c, d) in pairwise(sents)]
    out += [(max(0, b - 600), b) for _a, b in sents] + [(max(0, a - 600), a) for a, _b in sents]
    n = len(text)
    for _ in range(40):
        a = rng.randrange(0, n + 1)
        out.append((a, min(n, a + rng.randrange(0, 400))))
    return [*out, (0, n), (0, n + 5), (n, n)]


@pytest.mark.parametrize("path", TEXTS[::3], ids=lambda p: p.name)
def test_window_equals_scan_of_the_window(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    gaz, ds, rng = Gazetteer.get(), DocScan(text), random.Random(path.name)
    for a, b in _windows(text, rng):
        assert ds.window(a, b) == gaz.scan(text[a:b]), (a, b, text[a:b][:80])


@pytest.mark.parametrize("text", [
    pytest.param("Град побив дах. Росіяни випустили «Град» по селу; град і Град-1", id="cased-alias"),
    pytest.param("ЗРК Тор-М2 знищено.Тор-М2 теж,TOR-M2 and a SAM. Sam said T-72B3s burned", id="tight-edges"),
    pytest.param("ΣΟΦΟΣ Tor-M2 ΣΟΦΟΣ Grad", id="final-sigma"),
    pytest.param("İstanbul Tor-M2 İ Grad", id="dotted-capital-i"),
    pytest.param("", id="empty"),
])
def test_window_edge_cases(text: str) -> None:
    gaz, ds = Gazetteer.get(), DocScan(text)
    n = len(text)
    for a in range(n + 1):
        for b in range(a, n + 1):
            assert ds.window(a, b) == gaz.scan(text[a:b]), (a, b, text[a:b])
