"""Example tables for warclaims.extract.dates.

find_dates: (text, [(matched text, year, month, day, weekday, precision), ...]).
DEV: the formats the module is meant to read, by language; "gold" snippets come from tests/gold/*.txt.
BUGS_CAUGHT: regressions hit while developing. XFAIL: known misses, strict so that a fix shows up.
"""
from __future__ import annotations

from datetime import date

import pytest

from warclaims.extract.dates import DateMention, find_dates, find_ranges, relative_day, resolve

D, M, Y, W = "day", "month", "year", "weekday"

DEV = [
    # --- numeric
    pytest.param("The total combat losses of the enemy from 24.02 to 25.05",
                 [("24.02", None, 2, 24, None, D), ("25.05", None, 5, 25, None, D)], id="gold-dd-mm"),
    pytest.param("з 24.02.22 по 30.03.23",
                 [("24.02.22", 2022, 2, 24, None, D), ("30.03.23", 2023, 3, 30, None, D)],
                 id="dd-mm-yy"),
    pytest.param("24.02.2022", [("24.02.2022", 2022, 2, 24, None, D)], id="dd-mm-yyyy"),
    pytest.param("25-05-2022", [("25-05-2022", 2022, 5, 25, None, D)], id="dd-mm-yyyy-hyphen"),
    pytest.param("4/10/2023", [("4/10/2023", 2023, 10, 4, None, D)], id="slash-day-first-default"),
    pytest.param("12/25/2023", [("12/25/2023", 2023, 12, 25, None, D)], id="slash-month-first-when-forced"),
    pytest.param("quoted from Newsweek, Wednesday (4/10/2023).",
                 [("Wednesday (4/10/2023)", 2023, 10, 4, 2, D)],
                 id="gold-weekday-slash"),
    pytest.param("Monday (4/10/2023)", [("Monday (4/10/2023)", 2023, 4, 10, 0, D)],
                 id="weekday-picks-month-first"),
    pytest.param("2022-05-25 06:45:00 |", [("2022-05-25 06:45:00", 2022, 5, 25, None, D)],
                 id="gold-iso-datetime"),
    pytest.param("2022-07-18", [("2022-07-18", 2022, 7, 18, None, D)], id="iso"),
    # --- not dates
    pytest.param("32.13 and 31.02 and 29.02.2023", [], id="invalid-day-month"),
    pytest.param("at 09:25, score 2:1", [], id="times-scores"),
    pytest.param("version 1.2.3, 1.25 million, 55.5%", [], id="versions-decimals"),
    pytest.param("3.12 млн, 2.10 km", [], id="dd-mm-lookalike-then-unit"),
    pytest.param("1/3 of the force, 24/7", [], id="fractions"),
    pytest.param("2022 року 15 танків", [("2022 року", 2022, None, None, None, Y)], id="year-word-not-count"),
    pytest.param("the 2022 invasion, 1637 tanks", [], id="bare-year-no-cue"),
    pytest.param("до 2000 военных, a force of 2000", [], id="round-count-after-cue-is-not-a-year"),
    # --- English month names
    pytest.param("by The Kyiv Independent news desk April 25, 2024 8:11 AM",
                 [("April 25, 2024", 2024, 4, 25, None, D)], id="gold-en-mdy"),
    pytest.param("since Feb. 24, 2022", [("Feb. 24, 2022", 2022, 2, 24, None, D)], id="gold-en-abbr-dot"),
    pytest.param("On Mar 2, Russia said", [("Mar 2", None, 3, 2, None, D)], id="gold-en-abbr"),
    pytest.param("25 April 2024", [("25 April 2024", 2024, 4, 25, None, D)], id="en-dmy"),
    pytest.param("(UrduPoint News / Sputnik - 22nd May, 2022)", [("22nd May, 2022", 2022, 5, 22, None, D)],
                 id="gold-en-ordinal-day"),
    pytest.param("on 24 February last", [("24 February", None, 2, 24, None, D)], id="gold-en-dm"),
    pytest.param("since February 24", [("February 24", None, 2, 24, None, D)], id="en-md"),
    pytest.param("the fourth TOR in March alone", [("March", None, 3, None, None, M)],
                 id="example-en-in-march"),
    pytest.param("began in February 2022", [("February 2022", 2022, 2, None, None, M)],
                 id="gold-en-month-year"),
    pytest.param("mid-March", [("March", None, 3, None, None, M)], id="en-mid-month"),
    pytest.param("March on Kyiv; May I ask; march 2", [], id="en-month-words-as-verbs"),
    pytest.param("Thursday, August 15, 2024 11:30:17 AM",
                 [("Thursday, August 15, 2024", 2024, 8, 15, 3, D)], id="gold-en-weekday-mdy"),
    pytest.param("Ukraine on Sunday released", [("Sunday", None, None, None, 6, W)],
                 id="gold-en-weekday-alone"),
    pytest.param("every sunday", [], id="en-lowercase-weekday"),
    pytest.param("in 2022", [("2022", 2022, None, None, None, Y)], id="en-in-year"),
    # --- Ukrainian
    pytest.param("08 липня 2022, 09:25 |", [("08 липня 2022", 2022, 7, 8, None, D)], id="gold-uk-dmy"),
    pytest.param("Генеральний штаб ЗСУ 23 жовтня.", [("23 жовтня", None, 10, 23, None, D)], id="gold-uk-dm"),
    pytest.param("з 24 лютого 2022 року, армія", [("24 лютого 2022 року", 2022, 2, 24, None, D)],
                 id="gold-uk-year-word"),
    pytest.param("у вересні 2022 року", [("вересні 2022 року", 2022, 9, None, None, M)],
                 id="gold-uk-month-year"),
    pytest.param("в березні", [("березні", None, 3, None, None, M)], id="uk-locative-month"),
    pytest.param("з березня", [("березня", None, 3, None, None, M)], id="uk-genitive-month-after-cue"),
    pytest.param("за березень", [("березень", None, 3, None, None, M)], id="uk-nominative-after-za"),
    pytest.param("лютий бій", [], id="uk-liutyi-adjective"),
    pytest.param("на ранок понеділка", [("понеділка", None, None, None, 0, W)],
                 id="gold-uk-weekday-genitive"),
    pytest.param("у понеділок, 1 квітня", [("понеділок, 1 квітня", None, 4, 1, 0, D)], id="uk-weekday-date"),
    pytest.param("Упродовж пʼятниці", [("пʼятниці", None, None, None, 4, W)], id="uk-weekday-apostrophe"),
    pytest.param("На 2026 рік нами сплановано", [("2026 рік", 2026, None, None, None, Y)], id="gold-uk-year"),
    pytest.param("30 березня 2023 р.", [("30 березня 2023 р.", 2023, 3, 30, None, D)], id="uk-year-abbr"),
    # --- Russian
    pytest.param("В субботу, 26 февраля, утром", [("субботу, 26 февраля", None, 2, 26, 5, D)],
                 id="gold-ru-weekday-date"),
    pytest.param("МОСКВА, 27 декабря. /ТАСС/", [("27 декабря", None, 12, 27, None, D)], id="gold-ru-dm"),
    pytest.param("с 24 февраля 2022 года, оккупанты", [("24 февраля 2022 года", 2022, 2, 24, None, D)],
                 id="gold-ru-year-word"),
    pytest.param("в марте", [("марте", None, 3, None, None, M)], id="ru-locative-month"),
    pytest.param("в 2023 году", [("2023 году", 2023, None, None, None, Y)], id="ru-year"),
    pytest.param("По закону от 2015 года", [("2015 года", 2015, None, None, None, Y)], id="gold-ru-year"),
    pytest.param("в среду; окружающая среда", [("среду", None, None, None, 2, W)], id="ru-sreda-environment"),
    pytest.param("в четверг, 4 апреля 2024 г.", [("четверг, 4 апреля 2024 г.", 2024, 4, 4, 3, D)],
                 id="ru-weekday-date-year-abbr"),
]

BUGS_CAUGHT = [
    # the optional abbreviation dot after a month swallowed the sentence's full stop
    pytest.param("Photo: AFP in April.", [("April", None, 4, None, None, M)], id="bug-full-stop-after-month"),
    # an ASCII hyphen between two dates made the first fail the "no digit after a separator" guard
    pytest.param("24.02.22-30.03.2023",
                 [("24.02.22", 2022, 2, 24, None, D), ("30.03.2023", 2023, 3, 30, None, D)],
                 id="bug-hyphen-between-dates"),
    # a month right after a range connector has no cue of its own
    pytest.param("у січні-квітні ця кількість",
                 [("січні", None, 1, None, None, M), ("квітні", None, 4, None, None, M)],
                 id="bug-gold-month-range-second-month"),
    pytest.param("update on 18.00 on July 18, 2022", [("July 18, 2022", 2022, 7, 18, None, D)],
                 id="bug-gold-time-with-dot"),
]

XFAIL = [
    pytest.param("грудень став першим місяцем", [("грудень", None, 12, None, None, M)],
                 id="uk-nominative-month-no-cue", marks=pytest.mark.xfail(strict=True, reason="needs a cue")),
    pytest.param("on 24 and 25 February",
                 [("24", None, 2, 24, None, D), ("25 February", None, 2, 25, None, D)],
                 id="en-shared-month-list", marks=pytest.mark.xfail(strict=True, reason="only ranges share")),
    pytest.param("10.2023", [("10.2023", 2023, 10, None, None, M)], id="numeric-month-year",
                 marks=pytest.mark.xfail(strict=True, reason="MM.YYYY is not read")),
]


def found(text: str) -> list[tuple]:
    return [(m.text, m.year, m.month, m.day, m.weekday, m.precision) for m in find_dates(text)]


@pytest.mark.parametrize(("text", "expected"), DEV + BUGS_CAUGHT + XFAIL)
def test_find_dates(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


RANGES = [
    pytest.param("The total combat losses of the enemy from 24.02 to 25.05 were",
                 ("from 24.02 to 25.05", "24.02", "25.05"),
                 id="gold-en"),
    pytest.param("втрати противника з 24.02 по 08.07 орієнтовно", ("з 24.02 по 08.07", "24.02", "08.07"),
                 id="gold-uk"),
    pytest.param("від 24.02.22 до 30.03.2023", ("від 24.02.22 до 30.03.2023", "24.02.22", "30.03.2023"),
                 id="uk-vid-do"),
    pytest.param("ПРОТЯГОМ 24.02.22–30.03.2023 ОРІЄНТОВНІ",
                 ("ПРОТЯГОМ 24.02.22–30.03.2023", "24.02.22", "30.03.2023"),
                 id="infographic"),
    pytest.param("Протягом 24.02.22 — 15.09.2023",
                 ("Протягом 24.02.22 — 15.09.2023", "24.02.22", "15.09.2023"),
                 id="infographic-2023"),
    pytest.param("з 24 лютого по 30 березня", ("з 24 лютого по 30 березня", "24 лютого", "30 березня"),
                 id="uk-month-names"),
    pytest.param("с 24 февраля по 20 апреля 2024 года",
                 ("с 24 февраля по 20 апреля 2024 года", "24 февраля", "20 апреля 2024 года"),
                 id="ru-month-names"),
    pytest.param("24–26 лютого", ("24–26 лютого", "24", "26 лютого"), id="uk-day-range-shared-month"),
    pytest.param("between 1 and 7 March", ("between 1 and 7 March", "1", "7 March"), id="en-between-days"),
    pytest.param("у січні-квітні", ("січні-квітні", "січні", "квітні"), id="gold-uk-month-range"),
    pytest.param("on 24 February and 3 March", None, id="en-and-is-a-list"),
    pytest.param("Saturday - Sunday", None, id="weekdays-are-not-ranges"),
    pytest.param("February 24-26", ("February 24-26", "February 24", "26"), id="en-month-first-day-range",
                 marks=pytest.mark.xfail(strict=True, reason="a bare second day is not read")),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_find_ranges(text: str, expected: tuple[str, str, str] | None) -> None:
    got = [(r.text, r.first.text, r.last.text) for r in find_ranges(text)]
    assert got == ([expected] if expected else [])


def test_range_keeps_years_as_written() -> None:
    (r,) = find_ranges("from 24.02 to 30.03.2023")
    assert (r.first.year, r.last.year) == (None, 2023)  # the war started in 2022: no copying
    (r,) = find_ranges("24–26 лютого 2023 року")
    assert (r.first.year, r.first.month, r.first.day) == (2023, 2, 24)


def _m(text: str) -> DateMention:
    (m,) = find_dates(text)
    return m


LATEST = date(2026, 11, 25)
RESOLVE = [
    pytest.param("24.02.2022", None, (date(2022, 2, 24), "explicit"), id="explicit"),
    pytest.param("в 2023 году", None, (date(2023, 1, 1), "explicit"), id="explicit-year"),
    pytest.param("25.05", date(2022, 5, 25), (date(2022, 5, 25), "year from publication date"),
                 id="pub-same-day"),
    pytest.param("24.02", date(2022, 5, 25), (date(2022, 2, 24), "year from publication date"),
                 id="pub-earlier"),
    pytest.param("26.05", date(2022, 5, 25), (date(2022, 5, 26), "year from publication date"),
                 id="pub-grace-next-day"),
    pytest.param("27 декабря", date(2023, 1, 3), (date(2022, 12, 27), "year from publication date"),
                 id="pub-previous-year"),
    pytest.param("1 січня", date(2022, 12, 31), (date(2023, 1, 1), "year from publication date"),
                 id="pub-next-year-within-grace"),
    pytest.param("in March", date(2023, 4, 2), (date(2023, 3, 1), "year from publication date"),
                 id="pub-month"),
    pytest.param("у грудні", date(2023, 1, 10), (date(2022, 12, 1), "year from publication date"),
                 id="pub-month-last-year"),
    pytest.param("В субботу, 26 февраля", None, (date(2022, 2, 26), "year from weekday"),
                 id="gold-weekday-only"),
    pytest.param("В субботу, 26 февраля", date(2022, 2, 26),
                 (date(2022, 2, 26), "year from publication date"),
                 id="weekday-agrees-with-pub"),
    pytest.param("Sunday, 26 February", date(2022, 2, 28), (None, "year unknown (weekday fits 0 years)"),
                 id="weekday-contradicts-pub"),
    pytest.param("on Sunday", date(2022, 2, 28), (date(2022, 2, 27), "weekday before publication"),
                 id="weekday-alone"),
    pytest.param("24 лютого", None, (None, "year unknown"), id="no-year-no-cue"),
    pytest.param("Friday, 24.02.2022", None, (date(2022, 2, 24), "explicit (weekday mismatch)"),
                 id="explicit-weekday-mismatch"),
]


@pytest.mark.parametrize(("text", "published", "expected"), RESOLVE)
def test_resolve(text: str, published: date | None, expected: tuple) -> None:
    assert resolve(_m(text), published, latest=LATEST) == expected


def test_resolve_weekday_ambiguous() -> None:
    # 1 June is a Thursday in 2023 and 2028: with both in range the weekday does not decide
    m = _m("Thursday, 1 June")
    assert resolve(m, latest=date(2030, 1, 1)) == (None, "year unknown (weekday fits 2 years)")
    assert resolve(m, latest=date(2027, 1, 1)) == (date(2023, 6, 1), "year from weekday")


def test_resolve_never_invents_a_year() -> None:
    m = DateMention(0, 5, "29.02", None, 2, 29, None, "day")
    assert resolve(m) == (None, "year unknown")
    assert resolve(m, date(2023, 5, 1)) == (date(2020, 2, 29), "year from publication date")


@pytest.mark.parametrize(("fragment", "days"), [
    pytest.param("Speaking during his televised address last night", -1, id="example-last-night"),
    pytest.param("yesterday", -1, id="en-yesterday"),
    pytest.param("Минулої доби армія РФ втратила", -1, id="gold-uk-mynuloi-doby"),
    pytest.param("За прошедшие сутки, 20 апреля", -1, id="gold-ru-proshedshie-sutki"),
    pytest.param("вчора", -1, id="uk-vchora"),
    pytest.param("вчера", -1, id="ru-vchera"),
    pytest.param("позавчера", -2, id="ru-pozavchera"),
    pytest.param("сьогодні", 0, id="uk-today"),
    pytest.param("tomorrow", 1, id="en-tomorrow"),
    pytest.param("вчорашній звіт", None, id="uk-adjective-not-a-day"),
    pytest.param("since the start of the war", None, id="none"),
])
def test_relative_day(fragment: str, days: int | None) -> None:
    pub = date(2024, 4, 21)
    got = relative_day(fragment, pub)
    assert got == (None if days is None else date.fromordinal(pub.toordinal() + days))


def test_window_and_spans() -> None:
    text = "Загальні бойові втрати противника з 24.02 по 08.07 орієнтовно склали: 08 липня 2022"
    ms = find_dates(text, text.index("по"))
    assert [(m.text, text[m.start:m.end]) for m in ms] == [
        ("08.07", "08.07"), ("08 липня 2022", "08 липня 2022")
    ]
