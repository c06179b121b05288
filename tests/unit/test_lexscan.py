"""The one-pass scanner must find exactly what each word list's own regex finds."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from warclaims.extract import cues
from warclaims.extract.categories import LABEL_RE
from warclaims.extract.lexicon import LABELS, SCANNER, SIDES, scan
from warclaims.extract.lexscan import Scanner, prefixes
from warclaims.extract.normalize import fold

TEXTS = sorted(Path(__file__).resolve().parent.parent.glob("gold*/*.txt"))


def _expected(fi: int, low: str) -> list[tuple[int, int, str | None]]:
    fam = SCANNER.families[fi]
    # The regex each caller would otherwise run: the family's key when it is one, else its source.
    rx = fam.key if isinstance(fam.key, re.Pattern) else {LABELS: LABEL_RE, SIDES: cues.SIDE_WORD}.get(fam.key) \
        or SCANNER.whole(fam.key)  # the statements' families (speechscan.py): their own alternation
    if not fam.overlapping:
        return [(m.start(), m.end(), m.lastgroup) for m in rx.finditer(low)]
    return [(m.start(), m.end(), m.lastgroup) for p in range(len(low)) if (m := rx.match(low, p))]


@pytest.mark.parametrize("path", TEXTS[::2], ids=lambda p: p.name)
def test_scan_equals_each_family_regex(path: Path) -> None:
    low = fold(path.read_text(encoding="utf-8"))
    hits = scan(low)
    for fi, fam in enumerate(SCANNER.families):
        got = [(h.start(), h.end(), h.lastgroup) for h in hits.all(fam.key)]
        assert got == _expected(fi, low), (fi, getattr(fam.key, "pattern", fam.key))


def test_every_alternative_is_indexed() -> None:
    """An alternative with no known first characters would be tried at every word start."""
    assert SCANNER._wild == []


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"танк\w*", {"тан"}),
    (r"(?:military )?personnels?", {"mil", "per"}),
    (r"ma[йяе]", {"maй", "maя", "maе"}),
    (r"u\.?s\.? officials", {"u.s", "us.", "us "}),
    (r"\w+ brigade", None),
    (r"(?:the )?first", {"the", "fir"}),
    (r"до", {"до"}),
])
def test_prefixes(pattern: str, expected: set[str] | None) -> None:
    assert prefixes(pattern) == expected


def test_labels_are_found_at_every_word_start() -> None:
    """"fuel tanks" holds the label "tanks": both are kept (figures.py picks by position)."""
    hits = scan(fold("vehicles and fuel tanks ‒ 2671"))
    assert [h.span() for h in hits.all(LABELS)] == [(0, 23), (13, 23), (18, 23)]


@pytest.mark.parametrize("path", TEXTS[1::7], ids=lambda p: p.name)
def test_groups_scanned_on_first_use_equal_one_pass(path: Path) -> None:
    """A group of families scanned when first read (lexscan.Grouped) finds what one pass over all families finds."""
    low = fold(path.read_text(encoding="utf-8"))
    one = Scanner(SCANNER.families).scan(low)
    for order in (SCANNER.families, SCANNER.families[::-1]):  # whichever group is read first
        hits = scan(low)
        for fam in order:
            assert [h.span() for h in hits.all(fam.key)] == [h.span() for h in one.all(fam.key)], fam.key


def test_tallies_leave_the_other_stages_lists_unscanned() -> None:
    from warclaims.extract.tallies import TallyExtractor

    tx = TallyExtractor("Since February 24, Ukraine claims to have destroyed 3610 tanks and 6974 APVs, said the "
                        "General Staff.", "2023-03-31")
    tx.run(explain=True)
    assert len(tx.hits._index_of) == len(SCANNER.groups[0].families)
    with pytest.raises(KeyError):
        tx.hits.all(re.compile("not a word list"))
