"""Example tables for warclaims.extract.numbers: (text, [(matched text, value), ...]).

DEV: the formats the module is meant to read, by language; snippets marked "gold" are copied from
tests/gold/*.txt. BUGS_CAUGHT: regressions hit while developing. XFAIL: known misses, kept strict so
that a fix shows up.
"""
from __future__ import annotations

import pytest

from warclaims.extract.numbers import Num, find_numbers, parse_number

DEV = [
    # --- digits and separators
    pytest.param("destroyed 5,518 vehicles and fuel tanks", [("5,518", 5518)], id="gold-en-comma-group"),
    pytest.param("1,456,610 troops", [("1,456,610", 1456610)], id="comma-groups"),
    pytest.param("the Defence Forces destroyed 1,080 Russian invaders", [("1,080", 1080)], id="gold-1080"),
    pytest.param("армія РФ втратила ще 1 150 своїх військовослужбовців", [("1 150", 1150)],
                 id="gold-uk-space-group"),
    pytest.param("боевые бронированные машины — 13 896 (+23);", [("13 896", 13896), ("23", 23)],
                 id="gold-ru-space-group-delta"),
    pytest.param("потеряли более 3 815 военных", [("3 815", 3815)], id="gold-ru-3815"),
    pytest.param("approximately 1 391 950 (+1 290) persons", [("1 391 950", 1391950), ("1 290", 1290)],
                 id="space-groups-delta"),
    pytest.param("бойові броньовані машини — 18\u00a0355", [("18\u00a0355", 18355)], id="nbsp-group"),
    pytest.param("автоцистерни — 15\u202f785", [("15\u202f785", 15785)], id="narrow-nbsp-group"),
    pytest.param("15\u2009785 units", [("15\u2009785", 15785)], id="thin-space-group"),
    pytest.param("Rp 1.020.010", [("1.020.010", 1020010)], id="dot-groups"),
    pytest.param("1'000 Soldaten", [("1'000", 1000)], id="apostrophe-group"),
    pytest.param("1,020.010", [("1,020.010", 1020010)], id="mixed-groups"),
    pytest.param("1,234.5 km", [("1,234.5", 1234.5)], id="group-then-decimal"),
    pytest.param("1.234,5 km", [("1.234,5", 1234.5)], id="eu-group-then-decimal"),
    pytest.param("1,00,000 rupees", [("1,00,000", 100000)], id="indian-groups"),
    pytest.param("1.25", [("1.25", 1.25)], id="decimal-dot"),
    pytest.param("2,5 тис.", [("2,5 тис.", 2500)], id="uk-decimal-comma-mult"),
    pytest.param("рівень 2,5", [("2,5", 2.5)], id="uk-decimal-comma"),
    pytest.param("3610,6974", [("3610,6974", 3610.6974)], id="single-sep-4-digits-is-decimal"),
    pytest.param("between 55% and 75%", [("55", 55), ("75", 75)], id="gold-percent"),
    pytest.param("helicopters – 170 (+0),", [("170", 170), ("0", 0)], id="gold-zero-delta"),
    pytest.param("1.2.3", [], id="version-number"),
    pytest.param("agent 007", [], id="leading-zeros"),
    # --- numbers that must stay apart
    pytest.param("від 24.02 до 25.05", [], id="dd-mm-dates"),
    pytest.param("2022 року 15 танків", [("2022", 2022), ("15", 15)], id="year-then-count"),
    pytest.param("в 2023 году 300", [("2023", 2023), ("300", 300)], id="ru-year-then-count"),
    pytest.param("2022 150", [("2022", 2022), ("150", 150)], id="four-digit-group-never-glues"),
    pytest.param("(3 танки, 10 ББМ, 19 артсистем", [("3", 3), ("10", 10), ("19", 19)], id="gold-uk-list"),
    pytest.param("танки — 7229 (+16 за минувшие сутки)", [("7229", 7229), ("16", 16)], id="gold-ru-delta"),
    pytest.param("1\n500", [("1", 1), ("500", 500)], id="no-group-across-newline"),
    pytest.param("10-15 tanks", [("10", 10), ("15", 15)], id="hyphen-range"),
    # --- not counts
    pytest.param("24.02.2022", [], id="date-dmy"),
    pytest.param("30.03.23", [], id="date-dmy-short"),
    pytest.param("Wednesday (4/10/2023)", [], id="gold-slash-date"),
    pytest.param("2022-05-25 06:45:00 |", [], id="gold-iso-datetime"),
    pytest.param("08 липня 2022, 09:25 |", [("2022", 2022)], id="gold-time"),
    pytest.param("the 57th separate motorised infantry brigade", [], id="ordinal-en"),
    pytest.param("24-го лютого у 2022-му", [], id="ordinal-uk"),
    pytest.param("ЗРК С-300 і Т-72", [], id="model-designation"),
    pytest.param("включая М1117 и четыре М113", [("четыре", 4)], id="gold-ru-model-glued"),
    pytest.param("This number includes ,000 casualties", [], id="gold-garbled-comma"),
    pytest.param("1/3 of the force, 24/7", [], id="fractions"),
    # --- multipliers
    pytest.param("1.25 million", [("1.25 million", 1250000)], id="en-decimal-million"),
    pytest.param("1,2 млн", [("1,2 млн", 1200000)], id="uk-decimal-mln"),
    pytest.param("14 тыс. танков", [("14 тыс.", 14000)], id="ru-tys-abbr"),
    pytest.param("3 тис. одиниць", [("3 тис.", 3000)], id="uk-tys-abbr"),
    pytest.param("понад 33 тисячі особового складу", [("33 тисячі", 33000)], id="gold-uk-33-thousand"),
    pytest.param("погибла 31 тысяча украинских военных", [("31 тысяча", 31000)], id="gold-ru-31-thousand"),
    pytest.param("2.5k views", [("2.5k", 2500)], id="k-suffix"),
    pytest.param("$1.5bn", [("1.5bn", 1500000000)], id="bn-suffix"),
    pytest.param("section 5 k)", [("5", 5)], id="k-must-be-glued"),
    pytest.param("3.12 млн", [("3.12 млн", 3120000)], id="dd-mm-lookalike-with-mult"),
    pytest.param("1 500 тисяч", [("1 500 тисяч", 1500000)], id="group-and-mult"),
    # --- English words
    pytest.param("destroyed nine Russian tanks", [("nine", 9)], id="gold-en-nine"),
    pytest.param("* One submarine", [("One", 1)], id="gold-en-one-submarine"),
    pytest.param("more than a thousand Russian soldiers", [("a thousand", 1000)], id="gold-en-a-thousand"),
    pytest.param("up to a quarter of a million had been killed", [("a quarter of a million", 250000)],
                 id="gold-en-quarter-million"),
    pytest.param("with up to quarter of a million dead", [("quarter of a million", 250000)],
                 id="gold-en-quarter-million-no-article"),
    pytest.param("half a million", [("half a million", 500000)], id="en-half-million"),
    pytest.param("one and a half million", [("one and a half million", 1500000)], id="en-and-a-half"),
    pytest.param("Ninety to ninety-five percent", [("Ninety", 90), ("ninety-five", 95)], id="gold-en-ninety"),
    pytest.param("twenty three", [("twenty three", 23)], id="en-tens-units-space"),
    pytest.param("three hundred and forty-five", [("three hundred and forty-five", 345)], id="en-compound"),
    pytest.param("two thousand five hundred", [("two thousand five hundred", 2500)],
                 id="en-thousand-hundred"),
    pytest.param("a hundred and fifty", [("a hundred and fifty", 150)], id="en-a-hundred"),
    pytest.param("as many as a dozen regiments", [("a dozen", 12)], id="gold-en-a-dozen"),
    pytest.param("two dozen tanks", [("two dozen", 24)], id="en-two-dozen"),
    pytest.param("dozens of vehicles, hundreds of tanks, thousands of troops", [], id="en-vague-plurals"),
    pytest.param("tens of thousands", [], id="en-tens-of-thousands"),
    pytest.param("the thousand-yard stare; hundred", [], id="en-bare-thousand-hundred"),
    pytest.param("someone on the phone once", [], id="en-one-inside-words"),
    pytest.param("no one knows; one of the", [("one", 1), ("one", 1)], id="en-one-returned-caller-filters"),
    pytest.param("sixth and fourth", [], id="en-ordinals"),
    # --- Ukrainian words
    pytest.param("втратили ще тисячу солдатів", [("тисячу", 1000)], id="gold-uk-tysiachu"),
    pytest.param("сім одиниць спеціальної техніки", [("сім", 7)], id="gold-uk-sim"),
    pytest.param("двох засобів протиповітряної оборони та однієї крилатої ракети, шести безпілотників",
                 [("двох", 2), ("однієї", 1), ("шести", 6)], id="gold-uk-cases"),
    pytest.param("троє взяті в полон", [("троє", 3)], id="gold-uk-collective"),
    pytest.param("завдали трьох ракетних ударів", [("трьох", 3)], id="gold-uk-genitive"),
    pytest.param("п'ять, п’ять", [("п'ять", 5), ("п’ять", 5)], id="uk-apostrophes"),
    pytest.param("двадцять три", [("двадцять три", 23)], id="uk-tens-units"),
    pytest.param("триста сорок п'ять", [("триста сорок п'ять", 345)], id="uk-hundreds-tens-units"),
    pytest.param("сто двадцять тисяч", [("сто двадцять тисяч", 120000)], id="uk-compound-thousands"),
    pytest.param("півтори тисячі", [("півтори тисячі", 1500)], id="uk-pivtory"),
    pytest.param("півмільйона", [("півмільйона", 500000)], id="uk-half-million"),
    pytest.param("дев'ятнадцять, п'ятнадцяти", [("дев'ятнадцять", 19), ("п'ятнадцяти", 15)], id="uk-teens"),
    pytest.param("двохсот", [("двохсот", 200)], id="uk-hundreds-genitive"),
    pytest.param("сімейство, сім'я, Сімферополь", [], id="uk-sim-inside-words"),
    pytest.param("десятки тисяч", [], id="uk-vague-tens-of-thousands"),
    pytest.param("тисячі людей", [], id="uk-tysiachi-alone-is-plural"),
    pytest.param("понад тисячі", [("тисячі", 1000)], id="uk-tysiachi-after-quantity-word"),
    pytest.param("понад сотню", [("сотню", 100)], id="uk-sotniu"),
    pytest.param("п'ятий, сьома година", [], id="uk-ordinals"),
    # --- Russian words
    pytest.param("восемь с половиной тысяч орудий", [("восемь с половиной тысяч", 8500)],
                 id="shared-ru-8500"),
    pytest.param("два с половиной миллиона", [("два с половиной миллиона", 2500000)], id="ru-2.5-million"),
    pytest.param("полтора тысячи", [("полтора тысячи", 1500)], id="ru-poltora"),
    pytest.param("шесть танков, семи механизированных", [("шесть", 6), ("семи", 7)], id="gold-ru-words"),
    pytest.param("трёх, трех, четырёх", [("трёх", 3), ("трех", 3), ("четырёх", 4)], id="ru-yo-spelling"),
    pytest.param("девяносто девять", [("девяносто девять", 99)], id="ru-99"),
    pytest.param("пятисот", [("пятисот", 500)], id="ru-hundreds-genitive"),
    pytest.param("тысячи солдат погибли", [], id="ru-tysiachi-alone-is-plural"),
    pytest.param("более тысячи солдат", [("тысячи", 1000)], id="ru-tysiachi-after-bolee"),
    pytest.param("миллион", [("миллион", 1000000)], id="ru-million-alone"),
    pytest.param("миллионы", [], id="ru-millions-vague"),
    pytest.param("СТО ДВАДЦАТЬ", [("СТО ДВАДЦАТЬ", 120)], id="ru-uppercase"),
]

BUGS_CAUGHT = [
    # "Бійці 24-ї бригади" read as 24 personnel: the Ukrainian ordinal ending "-ї" was missing
    pytest.param("Бійці 24-ї бригади і 3-ти рот", [], id="bug-uk-ordinal-yi"),
    # multi-word forms were split on spaces: "a dozen" registered "a" as 12 and "a hundred" made
    # "hundred" a value of its own
    pytest.param("more than a thousand", [("a thousand", 1000)], id="bug-a-registered-as-a-word"),
    pytest.param("hundred", [], id="bug-hundred-alone-became-100"),
    # "on 18.00" (a time in gold 006) came back as the decimal 18
    pytest.param("update on 18.00 on July 18, 2022", [("18", 18), ("2022", 2022)], id="bug-time-with-dot"),
    # U+02BC "ʼ" counts as a letter for str.isalpha(), so the apostrophe was not normalised: KeyError
    pytest.param("пʼять, девʼяносто", [("пʼять", 5), ("девʼяносто", 90)],
                 id="bug-modifier-letter-apostrophe"),
    pytest.param("İstanbul 5", [("5", 5)], id="bug-dotted-capital-i-shifts-spans"),
    pytest.param("tanks ‒ 1305 (+3),\n\nAPV ‒ 3213 (+19)",
                 [("1305", 1305), ("3", 3), ("3213", 3213), ("19", 19)],
                 id="bug-bulletin-lines"),
]

XFAIL = [
    pytest.param("o 18.30 за Києвом", [], id="time-with-dot-minutes",
                 marks=pytest.mark.xfail(strict=True, reason="HH.MM is read as a decimal")),
    pytest.param("1.250 million", [("1.250 million", 1250000)], id="en-three-decimals-before-million",
                 marks=pytest.mark.xfail(strict=True, reason="exactly 3 digits after a point always group")),
    pytest.param("twenty-first brigade", [], id="en-compound-ordinal",
                 marks=pytest.mark.xfail(strict=True, reason="the tens part of an ordinal is returned")),
    pytest.param("двадцять перша бригада", [], id="uk-compound-ordinal",
                 marks=pytest.mark.xfail(strict=True, reason="the tens part of an ordinal is returned")),
    pytest.param("20-30 тисяч", [("20", 20000), ("30 тисяч", 30000)], id="range-shared-multiplier",
                 marks=pytest.mark.xfail(strict=True, reason="the multiplier is not shared across a range")),
]


def found(text: str) -> list[tuple[str, int | float]]:
    return [(n.text, n.value) for n in find_numbers(text)]


@pytest.mark.parametrize(("text", "expected"), DEV + BUGS_CAUGHT + XFAIL)
def test_find_numbers(text: str, expected: list[tuple[str, int | float]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "kind"), [
    pytest.param("5,518", "digits", id="digits"),
    pytest.param("тисячу", "words", id="words"),
    pytest.param("quarter of a million", "words", id="words-multiword"),
    pytest.param("1.25 million", "mixed", id="mixed-en"),
    pytest.param("33 тисячі", "mixed", id="mixed-uk"),
    pytest.param("3 тыс.", "mixed", id="mixed-ru-abbr"),
])
def test_kind(text: str, kind: str) -> None:
    (n,) = find_numbers(text)
    assert n.kind == kind


def test_whole_values_are_int() -> None:
    values = [n.value for n in find_numbers("1.25 million, 2,5 тис., 1,000, півтори тисячі, 1.5")]
    assert values == [1250000, 2500, 1000, 1500, 1.5]
    assert [type(v) for v in values] == [int, int, int, int, float]


def test_spans_index_the_original_text() -> None:
    text = "Загальні втрати: особового складу ‒ близько 36900 (+250) осіб, ШІСТЬ танків, İ 7"
    nums = find_numbers(text)
    assert [text[n.start:n.end] for n in nums] == [n.text for n in nums] == ["36900", "250", "ШІСТЬ", "7"]


def test_window() -> None:
    text = "tanks 3610, APVs 6974; 2971 artillery"
    nums = find_numbers(text, text.index("APVs"), text.index(";"))
    assert nums == [Num(17, 21, 6974, "6974", "digits")]
    # window edges act as text edges
    assert [n.value for n in find_numbers("someone", 4)] == [1]


@pytest.mark.parametrize(("s", "value"), [
    pytest.param("5,518", 5518, id="digits"),
    pytest.param(" тисячу ", 1000, id="word-stripped"),
    pytest.param("1,2 млн", 1200000, id="mixed"),
    pytest.param("quarter of a million", 250000, id="phrase"),
    pytest.param("2,5", 2.5, id="decimal"),
    pytest.param("24.02", None, id="date"),
    pytest.param("5 tanks", None, id="not-only-a-number"),
    pytest.param("3 танки, 10", None, id="two-numbers"),
    pytest.param("", None, id="empty"),
])
def test_parse_number(s: str, value: int | float | None) -> None:
    assert parse_number(s) == value
