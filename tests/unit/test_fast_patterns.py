"""Patterns rewritten for speed must find what the plain ones find (segment._SENT_END, relay._dateline,
asof._WAR_START)."""
import random
import re

import pytest

from warclaims.extract.asof import _WAR_START
from warclaims.extract.relay import _DATELINE, _dateline
from warclaims.extract.segment import _SENT_END

PLAIN = re.compile(r"[.!?…]+[\"')\]»”]*\s+(?=[\"'«“(\[]?[^\W\d_a-zа-яіїєґ])|(?<=[\"»”])\s+(?=[A-ZА-ЯІЇЄҐ])")


def spans(rx, text, start=0, end=None):
    return [m.span() for m in rx.finditer(text, start, len(text) if end is None else end)]


@pytest.mark.parametrize("text", [
    "Russia lost 5 tanks. Ukraine said so!  «Дані» уточнюються… \"Quote.\" Next", 'He said "yes" Then',
    "Mr. Smith. (Reuters) Kyiv", "1.5 tonnes. 2 more", "Кінець.\nПочаток",
], ids=["mixed", "quote then capital", "bracket start", "digit start", "line break"])
def test_same_sentence_ends(text):
    assert spans(_SENT_END, text) == spans(PLAIN, text)
    assert spans(_SENT_END, text, 1, len(text) - 1) == spans(PLAIN, text, 1, len(text) - 1)


def test_same_on_random_strings():
    pool = list(".!?… \n\t\"')]»”«“([aZбБ1")
    rng = random.Random(3)
    for _ in range(5000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(1, 30)))
        assert spans(_SENT_END, s) == spans(PLAIN, s), s
        assert spans(_SENT_END, s, 1) == spans(PLAIN, s, 1), s


@pytest.mark.parametrize("text", [
    "(Reuters) - Kyiv", "Title\nKYIV (AP) — Russia", "МОСКВА, 1 мая. /ТАСС/. Текст", "\n(AFP) - x",
    "Islamabad (UrduPoint News / Sputnik - 22nd May, 2022) Russia", "no dateline here",
], ids=["at start", "after a line", "tass", "leading newline", "two-part credit", "none"])
def test_same_dateline(text):
    a, b = _DATELINE.search(text, 0, len(text)), _dateline(text, len(text))
    assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def test_same_dateline_on_random_strings():
    pool = ["\n", " ", "(Reuters) -", "(AP) —", "/ТАСС/", "(UrduPoint News / Sputnik - 22nd May)", "x", "(", ")", "/"]
    rng = random.Random(5)
    for _ in range(5000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(1, 12)))
        a, b = _DATELINE.search(s, 0, len(s)), _dateline(s, len(s))
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), s


WAR_START_PLAIN = re.compile(r"(?<!\d)24\s*[./-]\s*0?2(?!\d)|(?<!\d)24 (?:лют|феврал|feb)|feb\w*\.? 24(?!\d)")


@pytest.mark.parametrize("text", [
    "з 24.02.2022 по 30.03", "since 24 лютого", "from february 24, 2022", "feb. 24", "124.02 and 24/2/22",
    "24 - 02", "24 feb 2022", "1024.02", "feb 245", "24.025", "",
], ids=["dotted", "uk month", "en month", "abbrev", "digit before", "spaced dash", "en day first", "long number",
        "longer day", "longer month", "empty"])
def test_same_war_start(text):
    assert spans(_WAR_START, text) == spans(WAR_START_PLAIN, text)


def test_same_war_start_on_random_strings():
    pool = ["2", "4", "24", "0", "02", ".", "/", "-", " ", "feb", "ruary", "лют", "феврал", "1", "x", "\n"]
    rng = random.Random(7)
    for _ in range(5000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(1, 12)))
        assert spans(_WAR_START, s) == spans(WAR_START_PLAIN, s), s
        assert spans(_WAR_START, s, 1) == spans(WAR_START_PLAIN, s, 1), s


def _dispatches():
    from warclaims.extract.categories import _LABELS
    from warclaims.extract.cues import CLAIMANT

    return {"claimants": CLAIMANT, "labels": _LABELS}


@pytest.mark.parametrize("name", ["claimants", "labels"])
def test_dispatch_matches_what_the_whole_alternation_matches(name):
    """Dispatch.match tries only the alternatives that can start with the character found (and, for the claimants,
    those that can start anywhere: "(?:\\w+ )?brigade"): the same match, group and all, as the whole pattern."""
    from pathlib import Path

    from warclaims.extract.normalize import fold

    d = _dispatches()[name]
    root = Path(__file__).resolve().parent.parent
    texts = [fold(p.read_text(encoding="utf-8")) for p in sorted(root.glob("gold*/*.txt"))[::9]]
    texts.append("the 93rd brigade, 3 окрема бригада, штаб, генштаб зсу, the general staff; tanks ‒ 5")
    for low in texts:
        for pos in range(len(low)):
            for end in (None, min(len(low), pos + 12)):
                a = d.whole.match(low, pos, len(low) if end is None else end)
                b = d.match(low, pos, end)
                assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), (name, low[pos:pos + 40])


def _led():
    from warclaims.extract import asof, attribution, decide, figure, figures, linked, scope

    return {"qualifier": figure._QUAL_BEFORE, "separator": figures._SEP_BEFORE, "link verb": linked._LINK_VERB,
            "start word": asof._START_BEFORE, "subset": decide._SUBSET_BEFORE, "possessive": decide._POSSESSIVE_BEFORE,
            "continues": decide.CONTINUES, "increment": scope._INCREMENT, "pronoun": attribution._PRONOUN,
            "loss noun": attribution._LOSS_NOUN}


@pytest.mark.parametrize("name", ["qualifier", "separator", "link verb", "start word", "subset", "possessive",
                                  "continues", "increment", "pronoun", "loss noun"])
def test_led_pattern_searches_like_the_plain_one(name):
    """fastre.lead() puts a lookahead for the first characters in front of a pattern searched in a window that it
    must reach the end of: every search finds what the plain pattern finds."""
    from pathlib import Path

    from warclaims.extract.normalize import fold

    led = _led()[name]
    assert led.pattern.startswith("(?=[")
    plain = re.compile(led.pattern[led.pattern.index("])") + 2:])
    root = Path(__file__).resolve().parent.parent
    texts = [fold(p.read_text(encoding="utf-8")) for p in sorted(root.glob("gold*/*.txt"))[::6]]
    texts.append("втрати, серед них — близько 198, понад 5, more than 3, since the 24, танків (оперативно) — 5, "
                 "their 70, also lost another 12, також ще 950 ")
    for low in texts:
        for end in range(0, len(low), 3):
            for width in (12, 30, 60, 140):
                a, b = plain.search(low, max(0, end - width), end), led.search(low, max(0, end - width), end)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (name, low[end - 40:end])
