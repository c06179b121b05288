"""Dates in English, Ukrainian and Russian news text, and their resolution against a publication date.

Formats: "24.02", "24.02.22", "24.02.2022", "4/10/2023", "25-05-2022", "2022-05-25[ 06:45[:00]]",
"April 25, 2024", "Apr. 25", "25 April 2024", "22nd May, 2022", "in March", "March 2023",
"08 липня 2022", "у березні", "24 февраля 2022 года", "в марте", "в 2023 году", weekdays
("в субботу, 26 февраля", "Wednesday (4/10/2023)", "у понеділок").

Rules for the ambiguous cases:
- "D/M/Y" and "D-M-YYYY" are day-first by default; month-first only when the second number is > 12
  ("12/25/2023") or when a named weekday fits month-first and not day-first (both are possible in
  "Wednesday (4/10/2023)"; only 4 October 2023 is a Wednesday, so it stays day-first). Dots are
  always day-first. "D/M" without a year is not a date (fractions, "24/7"); "DD.MM" is, when the
  month has two digits, both parts are valid and no multiplier, "%" or unit follows ("3.12 млн").
- Dates come back as written: a year missing from the text stays None (see `resolve`).
- Month names without a day need a cue: English ones must be capitalised and follow "in", "since",
  "of", "early" ... or carry a year ("March 2023"); uk/ru locatives follow в/у ("у березні"),
  genitives follow з/до/с/початку/конца ... , nominatives follow "за" or carry a year. A month
  right after a range connector ("у січні-квітні") needs no cue.
- A 4-digit year alone is a date only with a year word ("2022 року", "2023 года", "2015 г.") or,
  for 2010-2039, after a preposition ("in 2022", "since 2014"): "до 2000 военных" is a count.
- Weekday names alone give precision "weekday" (day, month and year None); English ones must be
  capitalised; Russian "среда"/"среды" (also "environment") only right before a date.
- Window edges (start/end) act as text edges.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .normalize import lowered

__all__ = ["DateMention", "DateRange", "find_dates", "find_ranges", "relative_day", "resolve"]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None  # 0 = Monday, when the text names one
    precision: str  # "day" | "month" | "year" | "weekday" (a weekday name alone)


@dataclass(frozen=True, slots=True)
class DateRange:
    start: int
    end: int
    text: str
    first: DateMention
    last: DateMention


_MONTH_FORMS = [  # (form kind, 12 forms January..December)
    ("en", "january february march april may june july august september october november december"),
    ("abbr", "jan feb mar apr - jun jul aug sep oct nov dec"),
    ("abbr", "- - - - - - - - sept - - -"),
    ("gen", "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"),
    ("gen", "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"),
    ("nom", "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень"),
    ("nom", "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"),
    ("loc", "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні"),
    ("loc", "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре"),
]
_MONTHS: dict[str, tuple[int, str]] = {}
for _kind, _forms in _MONTH_FORMS:
    for _i, _f in enumerate(_forms.split()):
        if _f != "-":
            _MONTHS[_f] = (_i + 1, _kind)
_WEEKDAY_FORMS = [
    "monday понеділок понеділка понеділку понеділком понедельник понедельника понедельнику понедельником",
    "tuesday вівторок вівторка вівторку вівторком вторник вторника вторнику вторником",
    "wednesday середа середу середи середою среду среда среды средой",
    "thursday четвер четверга четвергу четвергом четверг",
    "friday п'ятниця п'ятницю п'ятниці п'ятницею пятница пятницу пятницы пятницей",
    "saturday субота суботу суботи суботою суббота субботу субботы субботой",
    "sunday неділя неділю неділі неділею воскресенье воскресенья воскресенью",
]
_WEEKDAYS = {f: i for i, forms in enumerate(_WEEKDAY_FORMS) for f in forms.split()}
_ONLY_BEFORE_DATE = {"среда", "среды", "средой"}


def _alt(words) -> str:
    """The words longest first, grouped under their first letter ("с(?:ентября|ерпня|…)|…"): `re` then skips
    a whole group on one comparison and tries the words of a group in the same order as before."""
    alts = sorted((re.escape(w).replace("'", "['’ʼ]") for w in set(words)), key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for a in alts:
        groups.setdefault(a[0], []).append(a[1:])
    return "|".join(f"{ch}(?:{'|'.join(rests)})" for ch, rests in groups.items())


_END = r"(?![\w'’ʼ])"
_SP = "[ \u00a0]"
_NOT_LETTER = "[^a-z0-9_\u0430-\u044f\u0451\u0454\u0456\u0457\u0491]"  # see numbers.py: faster than \W
_CORE = (
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d\d?)-(?P<id>\d\d?)(?:[t ]\d\d?:\d\d(?::\d\d)?)?)(?![\d:])"
    r"|(?P<num>(?P<a>\d\d?)(?P<s>[./-])(?P<b>\d\d?)(?:(?P=s)(?P<c>\d{4}|\d\d))?)(?!\d|[.,:/]\d)"
    rf"|(?P<d1>\d\d?)(?:st|nd|rd|th|-?(?:го|е|ого))?{_SP}+(?:of{_SP}+)?(?P<m1>{_alt(_MONTHS)}){_END}\.?"
    rf"(?:,?{_SP}+(?P<y1>\d{{4}})(?!\d))?"
    r"|(?P<y4>(?:19|20)\d\d)(?!\d|[.,:/]\d)"
    rf"|(?P<m2>{_alt(_MONTHS)}){_END}\.?(?:{_SP}+(?P<d2>\d\d?)(?:st|nd|rd|th)?(?!\d)(?:,?{_SP}+(?P<y2>\d{{4}}))?"
    rf"|{_SP}+(?P<y3>\d{{4}}))?(?!\d)"
    rf"|(?P<wd>{_alt(_WEEKDAYS)}){_END}"
)
_FIRSTS = "".join(sorted({w[0] for w in list(_MONTHS) + list(_WEEKDAYS)}))
_SCAN = re.compile(rf"{_NOT_LETTER}(?=[\d{_FIRSTS}])(?:{_CORE})")
_CORE_AT = re.compile(_CORE)
_YEAR_TAIL = re.compile(rf"{_SP}*(?:(?:року|році|рік|года|году|год)(?!\w)|[рг]\.)")
_WD_SEP = re.compile(rf"(?:,{_SP}*|{_SP}+|{_SP}*(\(){_SP}*)(?=\d|[a-zа-яіїєґё])")
_NOT_DATE_AFTER = re.compile(
    rf"{_SP}*(?:%|(?:млн|млрд|тыс|тис|million|billion|mln|bn|km|км|mm|мм|kg|кг|percent|відс|проц)(?!\w))"
)
# cues a month name without a day must follow, by form kind
_CUE = {
    "en": r"in|since|during|by|until|till|from|through|throughout|early|late|mid|of|last|this|next|before"
          r"|after|end of|beginning of|start of|middle of",
    "loc": r"в|у|ув|во",
    "gen": r"з|із|від|до|с|со|от|початку|кінця|середини|половини|наприкінці|начала|конца|середины|половины",
    "nom": r"за",
}
_CUE_BEFORE = {k: re.compile(rf"(?<![\w'’-])(?:{v})[ \u00a0-]+$") for k, v in _CUE.items()}
_CUE_BEFORE["abbr"] = re.compile("(?!)")
_YEAR_CUE = re.compile(
    r"(?<![\w'’-])(?:in|since|during|by|until|of|from|into|в|у|во|с|з|із|від|до|от|на|протягом|после|після)"
    r"[ \u00a0]+$"
)
_RANGE_JOIN = re.compile(r"[ \u00a0]*(?:[-–—‒]|to|till|until|through|по|до)[ \u00a0]*$")
# ",?": "from February 24, 2022, to June 7, 2024".
_RANGE_SEP = re.compile(r",?[ \u00a0]*(?:[-–—‒]|to|till|until|through|по|до|and|і|и|та)[ \u00a0]*")
_RANGE_FROM = re.compile(
    r"(?<![\w'’-])(?:from|between|during|з|із|від|с|со|от|протягом|упродовж|впродовж|між|между|в период)"
    r"[ \u00a0]+$"
)
_BETWEEN = re.compile(r"(?<![\w'’-])(?:between|між|между)[ \u00a0]+$")
_DAY_BEFORE = re.compile(
    r"(?<![\w.,/:-])(\d\d?)(?:st|nd|rd|th)?[ \u00a0]*(?:[-–—‒]|to|по|до|and|і|и|та)[ \u00a0]*$"
)


def _apos(s: str) -> str:
    return s.replace("’", "'").replace("ʼ", "'")


def _days_in(year: int | None, month: int) -> int:
    return calendar.monthrange(year if year is not None else 2024, month)[1]  # 2024: Feb 29 possible


def _year(s: str | None) -> int | None:
    if s is None:
        return None
    y = int(s)
    return 2000 + y if y < 100 else y


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    return (m is None or 1 <= m <= 12) and (d is None or (m is not None and 1 <= d <= _days_in(y, m)))


def _weekday_fits(wd: int | None, y: int | None, m: int, d: int) -> bool | None:
    if wd is None or y is None or not _valid(y, m, d):
        return None
    return date(y, m, d).weekday() == wd


def _numeric(g: dict, wd: int | None) -> tuple[int | None, int, int] | None:
    """(year, month, day) of a numeric "a<s>b[<s>c]" date, or None when it is not one."""
    a, b, sep, c = int(g["a"]), int(g["b"]), g["s"], g["c"]
    y = _year(c)
    if sep == ".":
        if c is None and len(g["b"]) != 2:
            return None
        return (y, b, a) if _valid(y, b, a) else None
    if c is None or (sep == "-" and len(c) != 4):
        return None  # "1/3", "24/7", "10-15": not dates
    day_first, month_first = _valid(y, b, a), _valid(y, a, b)
    if day_first and month_first and a != b:
        if _weekday_fits(wd, y, a, b) and not _weekday_fits(wd, y, b, a):
            return y, a, b
        return y, b, a
    if day_first:
        return y, b, a
    return (y, a, b) if month_first else None


def published_date(published: str | None) -> date | None:
    """The date part of an ISO publication date or datetime; None when there is none or it does not parse."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date mentions in text[start:end], in text order (see the module docstring for the rules)."""
    low, off = lowered(text, start, end)
    out: list[DateMention] = []
    pos, last_end = 0, -1
    while True:
        m = _SCAN.search(low, pos)
        if m is None:
            return out
        pos = m.end()
        j = m.start() + 1
        if m.group("wd") is not None:
            wd = _WEEKDAYS[_apos(m.group("wd"))]
            sep = _WD_SEP.match(low, pos)
            m2 = _CORE_AT.match(low, sep.end()) if sep else None
            got = _mention(m2, low, off, text, wd, last_end) if m2 and m2.group("wd") is None else None
            if got is not None and got[0].precision == "day":
                d, e = got
                if sep.group(1) and low.startswith(")", e - off):
                    e += 1
                s = j + off
                out.append(DateMention(s, e, text[s:e], d.year, d.month, d.day, wd, "day"))
                pos = last_end = e - off
                continue
            name = m.group("wd")
            if name in _ONLY_BEFORE_DATE or (name[0] in "mtwfs" and text[j + off].islower()):
                continue  # "среда" (environment); English weekdays are capitalised
            s, e = j + off, pos + off
            out.append(DateMention(s, e, text[s:e], None, None, None, wd, "weekday"))
            last_end = pos
            continue
        got = _mention(m, low, off, text, None, last_end)
        if got is not None:
            out.append(got[0])
            pos = last_end = got[1] - off


def _mention(m: re.Match, low: str, off: int, text: str, wd: int | None,
             last_end: int) -> tuple[DateMention, int] | None:
    """The mention a core match stands for, with its end in text coordinates; None when not a date."""
    g = m.groupdict()
    j = m.start() + (0 if m.re is _CORE_AT else 1)
    e = m.end()
    before = low[j - 1] if j > 0 else " "
    y: int | None
    mo: int | None
    d: int | None
    if g["iso"] is not None:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        if not _valid(y, mo, d):
            return None
    elif g["num"] is not None:
        if before in ".,:/" or _NOT_DATE_AFTER.match(low, e):
            return None
        ymd = _numeric(g, wd)
        if ymd is None:
            return None
        y, mo, d = ymd
    elif g["y4"] is not None:
        tail = _YEAR_TAIL.match(low, e)
        if tail is None and not (2010 <= int(g["y4"]) < 2040 and _YEAR_CUE.search(low, max(0, j - 12), j)):
            return None  # "до 2000 военных" is a count
        if before in ".,:/-" and not tail:
            return None
        y, mo, d = int(g["y4"]), None, None
        e = tail.end() if tail else e
    else:
        name = g["m1"] or g["m2"]
        mo, kind = _MONTHS[name]
        if kind in ("en", "abbr") and not text[m.start("m1" if g["m1"] else "m2") + off].isupper():
            return None  # "march", "may": verbs
        if g["m1"] is not None:
            y, d = _year(g["y1"]), int(g["d1"])
        else:
            y, d = _year(g["y2"] or g["y3"]), (int(g["d2"]) if g["d2"] else None)
            if d is None and y is None and not (
                _CUE_BEFORE[kind].search(low, max(0, j - 16), j)
                or (last_end >= 0 and j - last_end < 12 and _RANGE_JOIN.match(low[last_end:j]))
            ):
                return None  # a bare month name needs a cue
            if g["d2"] and kind not in ("en", "abbr"):
                return None  # "березня 5": not a form of these languages
        if not _valid(y, mo, d):
            return None
        if y is not None:
            tail = _YEAR_TAIL.match(low, e)
            e = tail.end() if tail else e
        elif low[e - 1] == "." and kind != "abbr":
            e -= 1  # "23 жовтня." ends a sentence
    precision = "day" if d is not None else "month" if mo is not None else "year"
    s, t = j + off, e + off
    return DateMention(s, t, text[s:t], y, mo, d, wd, precision), t


def find_ranges(text: str, start: int = 0, end: int | None = None) -> list[DateRange]:
    """Date ranges: "з 24.02 по 08.07", "from 24.02 to 25.05", "24.02.22 — 15.09.2023",
    "с 24 февраля по 20 апреля 2024 года", "24–26 лютого", "у січні-квітні". Mentions keep what the
    text says: a year is not copied from one end to the other ("from 24.02 to 30.03.2023" may start
    in 2022), except that a bare first day takes the month and year of the second ("24–26 лютого")."""
    if end is None or end > len(text):
        end = len(text)
    # Only the window is lower-cased (callers read many small windows of a long text): low[i - off] is text[i].
    lo_start = max(0, start - 16)
    low, off = lowered(text, lo_start, end)
    ms = find_dates(text, start, end)
    out: list[DateRange] = []
    i = 0
    while i < len(ms):
        a = ms[i]
        b = ms[i + 1] if i + 1 < len(ms) else None
        first = last = None
        if b is not None and "weekday" not in (a.precision, b.precision):
            sep = _RANGE_SEP.fullmatch(low, a.end - off, b.start - off)
            if sep and (sep.group().strip() not in ("and", "і", "и", "та")
                        or _BETWEEN.search(low, max(start, a.start - 12) - off, a.start - off)):
                first, last = a, b
                i += 1
        if first is None and a.day is not None and a.text[:1].isdigit() and a.month is not None:
            dm = _DAY_BEFORE.search(low, max(start, a.start - 12) - off, a.start - off)
            if dm and _valid(a.year, a.month, int(dm.group(1))):  # "24–26 лютого"
                s, e = dm.start(1) + off, dm.end(1) + off
                first = DateMention(s, e, text[s:e], a.year, a.month, int(dm.group(1)), None, "day")
                last = a
        i += 1
        if first is None or last is None:
            continue
        s = first.start
        fm = _RANGE_FROM.search(low, max(lo_start, s - 16) - off, s - off)
        if fm:
            s = fm.start() + off
        out.append(DateRange(s, last.end, text[s:last.end], first, last))
    return out


def resolve(m: DateMention, published: date | None = None, *, earliest: date = date(2022, 2, 24),
            latest: date | None = None) -> tuple[date | None, str]:
    """(date, basis) for a mention; month/year precision gives the first day of the period.

    A missing year comes from the publication date: the latest year whose date is not more than
    2 days after publication (bulletins dated "as of" the next morning), checked against a named
    weekday; else from the weekday alone: the one year in [earliest, latest] (latest defaults to
    today) in which the date falls on it. Otherwise (None, "year unknown"): never a guess.
    A weekday alone resolves to the last such day on or before publication.
    """
    if m.precision == "weekday":
        if published is None or m.weekday is None:
            return None, "weekday without publication date"
        return published - timedelta(days=(published.weekday() - m.weekday) % 7), "weekday before publication"
    mo, d = m.month or 1, m.day or 1
    if m.year is not None:
        if not _valid(m.year, mo, d):
            return None, "invalid date"
        found = date(m.year, mo, d)
        if m.weekday is not None and m.day is not None and found.weekday() != m.weekday:
            return found, "explicit (weekday mismatch)"
        return found, "explicit"
    if published is not None:
        limit = published + timedelta(days=2)
        for y in range(published.year + 1, published.year - 8, -1):
            if not _valid(y, mo, d):
                continue
            cand = date(y, mo, d)
            if cand <= limit if m.day is not None else cand <= published:
                if m.weekday is None or m.day is None or cand.weekday() == m.weekday:
                    return cand, "year from publication date"
                break
    if m.weekday is not None and m.day is not None:
        latest = latest or date.today()
        if published is not None:
            latest = min(latest, published + timedelta(days=2))
        fits = [date(y, mo, d) for y in range(earliest.year, latest.year + 1)
                if _valid(y, mo, d) and earliest <= date(y, mo, d) <= latest
                and date(y, mo, d).weekday() == m.weekday]
        if len(fits) == 1:
            return fits[0], "year from weekday"
        return None, f"year unknown (weekday fits {len(fits)} years)"
    return None, "year unknown"


_RELATIVE = [  # (pattern, days relative to publication)
    (r"day before yesterday|позавчора|позавчера", -2),
    (r"yesterday|last night|overnight|over the past day|in the past day|past 24 hours|the previous day"
     r"|вчора|учора|вчера|минулої доби|минулу добу|минулої ночі|цієї ночі|накануне|напередодні"
     r"|прошедшие сутки|минувшие сутки|истекшие сутки|прошлой ночью|минувшей ночью|этой ночью", -1),
    (r"today|this morning|this evening|tonight|сьогодні|сегодня", 0),
    (r"tomorrow|завтра", 1),
]
_RELATIVE_RE = re.compile(
    "|".join(f"(?P<r{i}>(?<![\\w'’-])(?:{p})(?![\\w'’]))" for i, (p, _) in enumerate(_RELATIVE))
)


def relative_day(text_fragment: str, published: date) -> date | None:
    """The day the first relative expression in the fragment means: "yesterday", "last night",
    "минулої доби", "за прошедшие сутки" → publication − 1 day; "today"/"сьогодні" → publication;
    "позавчора" → − 2; "tomorrow" → + 1. None when the fragment has none."""
    m = _RELATIVE_RE.search(text_fragment.lower())
    if m is None:
        return None
    return published + timedelta(days=_RELATIVE[int(m.lastgroup[1:])][1])
