"""Example tables for the quote-span finder: top-level quotes (content without marks), their nested ones,
and a lower confidence when marks do not pair up. It never raises."""
from __future__ import annotations

import itertools

import pytest

from warclaims.extract.quotes import _PARA_END, _PARA_END_FAST, find_quotes


def tops(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


def inner(text: str) -> list[list[str]]:
    return [[text[i.start:i.end] for i in q.inner] for q in find_quotes(text)]


DEV = [
    pytest.param("He said: “We hold the line.”", ["We hold the line."], id="curly"),
    pytest.param('He said: "We hold the line."', ["We hold the line."], id="straight"),
    pytest.param("Він заявив: «Ворог зазнає втрат».", ["Ворог зазнає втрат"], id="guillemets"),
    pytest.param("Er sagte: „Wir halten die Linie“.", ["Wir halten die Linie"], id="low-high"),
    pytest.param("The SBU said: ‘what happened’?", ["what happened"], id="single-curly"),
    pytest.param("It read: 'we will return everything'.", ["we will return everything"], id="single-straight"),
    pytest.param("Russia’s army and the enemy’s tanks", [], id="apostrophes-are-not-quotes"),
    pytest.param("“Special forces of the Special Operations Center “A” destroyed the TOR-M2.”",
                 ["Special forces of the Special Operations Center “A” destroyed the TOR-M2."],
                 id="nested-same-curly-marks"),
    pytest.param('"Подразделения группировки войск "Центр" нанесли поражение", - говорится в сообщении.',
                 ['Подразделения группировки войск "Центр" нанесли поражение'], id="nested-same-straight-marks"),
    pytest.param("He said: “First paragraph.\n\n“Second paragraph.\n\n“Third one.”\n\nNext.",
                 ["First paragraph.\n\n“Second paragraph.\n\n“Third one."], id="british-continuation"),
    pytest.param("He said: “Well done, guys.\n\nHe continued: “We are preparing.”",
                 ["Well done, guys.", "We are preparing."], id="unclosed-before-next-paragraph"),
]
BUGS_CAUGHT = [
    pytest.param("the ‘s reserve forces and ‘Grad’ rockets", ["Grad"], id="deleted-name-apostrophe-s"),
    pytest.param("back in the '90s, he said", [], id="lone-straight-apostrophe"),
]


@pytest.mark.parametrize(("text", "expected"), DEV + BUGS_CAUGHT)
def test_top_level_quotes(text: str, expected: list[str]) -> None:
    assert tops(text) == expected


def test_nested_quotes_are_kept_inside() -> None:
    text = "“On our account, this is already the fourth “TOR” in March alone!”"
    assert inner(text) == [["TOR"]]


@pytest.mark.parametrize("text", [
    "He said: “one, “two, three", "”“””", '"""', "«", "»»", "‘", "a ’ b ‘ c", "“\n\n“\n\n“", "",
], ids=lambda t: repr(t)[:20])
def test_odd_marks_never_raise_and_lower_confidence(text: str) -> None:
    for q in find_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)
        if q.close_mark is None:
            assert q.confidence < 1.0


# The paragraph ends are found by a pattern rewritten for speed (_PARA_END_FAST): the same spans as the plain one.
PARA_ENDS = [
    pytest.param("One.\nTwo", id="after-full-stop"),
    pytest.param("One\nTwo", id="no-end-punctuation"),
    pytest.param("One\n\nTwo", id="blank-line"),
    pytest.param("One \t \n \t\nTwo", id="blank-line-with-spaces"),
    pytest.param("One. \t\nTwo", id="spaces-after-full-stop"),
    pytest.param("said:\n“Two”\n«Three»\n\"Four\"\n’Five’ \n…\n", id="after-marks-and-colon"),
    pytest.param("\n\n\n", id="only-breaks"),
    pytest.param(" \n", id="space-first"),
    pytest.param(".\n\n \n.", id="mixed"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", PARA_ENDS)
def test_fast_paragraph_ends_match_the_plain_pattern(text: str) -> None:
    assert [m.span() for m in _PARA_END_FAST.finditer(text)] == [m.span() for m in _PARA_END.finditer(text)]


def test_fast_paragraph_ends_match_on_every_short_string() -> None:
    # every string of up to 5 characters over the characters that matter
    for size in range(6):
        for chars in itertools.product(".: \t\nx”", repeat=size):
            t = "".join(chars)
            assert [m.span() for m in _PARA_END_FAST.finditer(t)] == [m.span() for m in _PARA_END.finditer(t)], t
