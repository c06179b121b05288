"""segment._SENT_END is written for speed; it must find what the plain pattern finds."""
import random
import re

import pytest

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
