"""The screen that lets uk/ru texts skip ftfy must find something wherever ftfy's badness test does."""
import random

import pytest
from ftfy.badness import BADNESS_RE, is_bad

from warclaims.ingest.text import _mojibake_screen, repair_text

SCREEN = _mojibake_screen()


@pytest.mark.parametrize("text", [
    "РўР°РЅРєРё", "Ð¢Ð°Ð½ÐºÐ¸", "sÃ³", "voilÃ le travail", "Ñ€ÑƒÑÑÐºÐ¸Ð¹", "вЂ” тире", "С»В", "ГўВЂВ™s",
    "esc \x1b[36mblue\x1b[0m", "c1 \x85 control", "×²", "â€™",
], ids=["cp1251 mojibake", "latin-1 mojibake", "short latin-1", "byte a0", "russian latin-1", "dash cp1251",
        "quote between capitals", "double mojibake", "terminal escape", "c1 control", "times squared", "apostrophe"])
def test_screen_finds_what_ftfy_would_fix(text):
    assert SCREEN is not None
    assert SCREEN.search(text)


@pytest.mark.parametrize("text", [
    "Втрати ворога станом на 25.11: танків — 11 316 (+3) од., «Шахед» і БпЛА", "Russia's losses – 1,000 troops…",
    "Пакет ЄС на €50 млрд, мороз до −5°C, наказ № 12",
], ids=["ukrainian bulletin", "english dashes", "euro degrees number sign"])
def test_clean_text_skips_ftfy_unchanged(text):
    assert not SCREEN.search(text)
    assert repair_text(text) == (text, [])


def test_screen_covers_badness_on_random_strings():
    """Strings of characters from ftfy's classes and common ones: every badness match is screened."""
    pool = sorted({ch for ch in BADNESS_RE.pattern if not ch.isspace()} | set("абвгВГРС«»“” .,aZ"))
    rng = random.Random(7)
    checked = 0
    for _ in range(20000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(2, 6)))
        if is_bad(s):
            checked += 1
            assert SCREEN.search(s), s
    assert checked > 1000
