"""The fast paths must find exactly what the plain regexes find."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from warclaims.extract import cues
from warclaims.extract.attribution import claimant_matches
from warclaims.extract.categories import LABEL_RE, match_label
from warclaims.extract.normalize import fold

TEXTS = sorted(Path(__file__).resolve().parent.parent.glob("gold*/*.txt"))


@pytest.mark.parametrize("path", TEXTS[::3], ids=lambda p: p.name)
def test_claimant_anchor_scan_equals_the_full_scan(path: Path) -> None:
    low = fold(path.read_text(encoding="utf-8"))
    assert [m.span() for m in claimant_matches(low)] == [m.span() for m in cues.CLAIMANT_RE.finditer(low)]


@pytest.mark.parametrize("path", TEXTS[::5], ids=lambda p: p.name)
def test_first_letter_dispatch_equals_the_whole_alternation(path: Path) -> None:
    low = fold(path.read_text(encoding="utf-8"))
    for pos in range(0, len(low), 7):
        whole, fast = LABEL_RE.match(low, pos), match_label(low, pos)
        assert (whole and (whole.span(), whole.lastgroup)) == (fast and (fast.span(), fast.lastgroup)), pos


def test_fold_keeps_length_and_maps_typography() -> None:
    text = "Танки ‒ 1\u00a0637 «ворога» — п’ять Ё İ"
    low = fold(text)
    assert len(low) == len(text)
    assert low.startswith("танки - 1 637 \"ворога\" - п'ять е")


@pytest.mark.parametrize("path", TEXTS[::4], ids=lambda p: p.name)
def test_narrow_separator_search_equals_the_wide_one(path: Path) -> None:
    from warclaims.extract.figures import _SEP_BEFORE, _sep_before

    low = fold(path.read_text(encoding="utf-8"))
    for pos in [m.start() for m in re.finditer(r"\d+", low)] + list(range(0, len(low), 11)):
        wide = _SEP_BEFORE.search(low, max(0, pos - 60), pos)
        assert (wide and wide.span()) == ((n := _sep_before(low, pos)) and n.span()), pos
