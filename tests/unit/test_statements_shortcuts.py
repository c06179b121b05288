"""The statements stage's shortcuts (done for speed) give what the plain computation gives: the last clause
boundary found from the last comma instead of from the window's start, the "not a cue" test begun after the
last comma, the layout pass skipping paragraphs that hold no name, and the subject's trailing words ("has",
"on Monday") looked for only when the last word may be one of them, and numbered units looked for only
before an ordinal."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from warclaims.extract.normalize import fold
from warclaims.extract.speakers import _TAIL, _may_end_in_tail, units_at_ordinals
from warclaims.extract.statement_cues import _NOT_CUE_BEFORE
from warclaims.extract.statement_parts import _CLAUSE_BOUND, FinderBase
from warclaims.extract.statements import StatementFinder
from warclaims.extract.units import find_units

ROOT = Path(__file__).resolve().parents[2]

CLAUSES = [
    pytest.param("Zelensky said", id="no-boundary"),
    pytest.param("The ministry, which said", id="comma-then-relative"),
    pytest.param("Russia lost tanks, and the army said", id="comma-then-and"),
    pytest.param("Kyiv; Kharkiv: the mayor - who said", id="semicolon-colon-dash-who"),
    pytest.param("the units, whereas the command,said", id="comma-right-before"),
    pytest.param("Генштаб, який повідомив", id="uk-relative"),
    pytest.param("командование, которые заявили", id="ru-relative-long-word"),
    pytest.param("він сказав, а також заявив", id="uk-a-takozh"),
    pytest.param("thanked allies and said", id="and-before-cue"),
    pytest.param(",,,said", id="only-commas"),
    pytest.param(", - said", id="comma-dash"),
]


class _Finder(FinderBase):
    def __init__(self, text: str):
        self.text = text


def _plain_clause_start(text: str, lo: int, cue: int) -> int:
    bounds = [m.end() for m in _CLAUSE_BOUND.finditer(text, lo, cue)]
    return bounds[-1] if bounds else lo


@pytest.mark.parametrize("text", CLAUSES)
def test_clause_start_is_the_plain_scan(text: str) -> None:
    cue = text.rfind(" ") + 1 if not text.endswith(",said") else len(text) - 4
    f = _Finder(text)
    for lo in range(cue + 1):
        assert f._clause_start(lo, cue) == _plain_clause_start(text, lo, cue), (lo, cue)


NOT_CUE = [
    pytest.param("the latest reports", id="determiner"),
    pytest.param("it was officially reported", id="copula-adverb"),
    pytest.param("Russia, the reports", id="comma-then-determiner"),
    pytest.param("the, reports", id="determiner-then-comma"),
    pytest.param("as Zelensky said", id="no-match"),
    pytest.param("не повідомив", id="uk-negation"),
]


@pytest.mark.parametrize("text", NOT_CUE)
def test_not_cue_before_from_the_last_comma(text: str) -> None:
    low = fold(text)
    ca = low.rfind(" ") + 1
    for lo in range(ca + 1):
        narrowed = low.rfind(",", lo, ca) + 1 or lo
        assert bool(_NOT_CUE_BEFORE.search(low, narrowed, ca)) == bool(_NOT_CUE_BEFORE.search(low, lo, ca)), lo


LAYOUT = [  # (text, how many of its paragraphs may name nobody)
    pytest.param("Генштаб повідомив про втрати.\n\n- танки — 6 556 (+1);\n- РСЗВ – 1 000;\n", 2, id="list-of-figures"),
    pytest.param("Russia has lost 400 tanks – General Staff\n\nMore text follows here.", 1, id="title-with-a-name"),
    pytest.param("Генштаб ЗСУ: втрати ворога зросли\n\nТекст.", 1, id="label-colon"),
]


@pytest.mark.parametrize(("text", "nobody"), LAYOUT)
def test_paragraphs_that_may_name_nobody_hold_no_mention(text: str, nobody: int) -> None:
    f = StatementFinder(text, None, None)
    skipped = [p for p in f.seg.paragraphs if not f.res.may_name(p.start, p.end)]
    assert len(skipped) == nobody
    for p in skipped:
        for a in range(p.start, p.end):
            for b in range(a + 1, p.end + 1):
                assert f.res.in_span(a, b) == []


TAILS = [
    pytest.param("Zelensky", False, id="one-word"),
    pytest.param("Zelensky has", True, id="has"),
    pytest.param("the ministry on Monday", True, id="on-a-day"),
    pytest.param("Генштаб вже", True, id="uk-vzhe"),
    pytest.param("the SBU in a statement", True, id="in-a-statement"),
    pytest.param("очільник ОВА Oleh Syniehubov", False, id="a-name"),
    pytest.param("Zelensky haſ", True, id="long-s-asks-the-pattern"),
]


@pytest.mark.parametrize(("subject", "may"), TAILS)
def test_may_end_in_tail(subject: str, may: bool) -> None:
    assert _may_end_in_tail(subject) is may
    if not may:
        assert _TAIL.search(subject) is None


def test_may_end_in_tail_never_skips_a_match() -> None:
    words = ["has", "HAS", "haſ", "ıs", "İS", "on", "On", "Monday", "вже", "ᲀже", "ВЖЕ", "statement", "in", "a",
             "x", ",", "also.", "Kyiv", "тим", "часом", "Meanwhile", "при", "этом"]
    gaps = [" ", "\xa0", "\n", "\t", ""]
    rng = random.Random(5)
    for _ in range(20000):
        s = "".join(rng.choice(gaps) + rng.choice(words) for _ in range(rng.randint(1, 4))) + rng.choice(["", "", "\n"])
        if _TAIL.search(s) is not None:
            assert _may_end_in_tail(s), repr(s)


UNITS = [
    pytest.param("бійці 93-ї окремої механізованої бригади", id="uk-ordinal"),
    pytest.param("the 47th Mechanized Brigade and the 3rd Assault Brigade", id="en-two"),
    pytest.param("95-й отдельной десантно-штурмовой бригады, 2024th army", id="ru-and-a-year"),
    pytest.param("1231st brigade, x5th corps, 12-ї, 5 батальйонів", id="not-units"),
    pytest.param("93-ї93-ї бригади", id="back-to-back"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", UNITS)
def test_units_at_ordinals_is_find_units(text: str) -> None:
    assert units_at_ordinals(text) == find_units(text)


def test_units_at_ordinals_is_find_units_on_every_test_text() -> None:
    texts = [p.read_text("utf-8") for p in sorted(ROOT.glob("tests/**/*.txt"))]
    assert sum(len(find_units(t)) for t in texts) > 20  # the texts name units
    for t in texts:
        assert units_at_ordinals(t) == find_units(t)
