"""Publication dates: the `published=` option, and datelines in the head of a text.

`published_from_text` reads only the first lines, and only a date in a dateline or byline
shape ("2022-05-25 06:45:00 |", "by ... April 25, 2024 8:11 AM", "Дата: 12.03.2024",
"(UrduPoint News / Sputnik - 22nd May, 2022)"). A date after "since", "from", "з", "с", "на"
... is about the war, not the page, and a date without a year is never completed with a guessed
one. Pure `re`: this runs on every document.
"""
from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from warclaims.errors import BadDate

HEAD_LINES = 6
HEAD_CHARS = 600

_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Ukrainian and Russian month names: (month, stem, endings) covering nominative, genitive
# (the dateline case: "08 липня"), locative and instrumental, plus common abbreviations.
_CYR_MONTH_FORMS = (
    (1, "січ", ("ень", "ня", "ні", "нем", "")), (2, "лют", ("ий", "ого", "ому", "ім", "им", "")),
    (3, "берез", ("ень", "ня", "ні", "нем")), (3, "бер", ("",)),
    (4, "квіт", ("ень", "ня", "ні", "нем", "")), (5, "трав", ("ень", "ня", "ні", "нем", "")),
    (6, "черв", ("ень", "ня", "ні", "нем", "")), (7, "лип", ("ень", "ня", "ні", "нем", "")),
    (8, "серп", ("ень", "ня", "ні", "нем", "")), (9, "верес", ("ень", "ня", "ні", "нем")),
    (9, "вер", ("",)), (10, "жовт", ("ень", "ня", "ні", "нем", "")),
    (11, "листопад", ("", "а", "і", "ом")), (11, "лист", ("",)), (12, "груд", ("ень", "ня", "ні", "нем", "")),
    (1, "январ", ("ь", "я", "е", "ём", "ем")), (1, "янв", ("",)), (2, "феврал", ("ь", "я", "е", "ём", "ем")),
    (2, "фев", ("",)), (3, "март", ("", "а", "е", "ом")), (3, "мар", ("",)),
    (4, "апрел", ("ь", "я", "е", "ем")), (4, "апр", ("",)), (5, "ма", ("й", "я", "е", "ем")),
    (6, "июн", ("ь", "я", "е", "ем", "")), (7, "июл", ("ь", "я", "е", "ем", "")),
    (8, "август", ("", "а", "е", "ом")), (8, "авг", ("",)), (9, "сентябр", ("ь", "я", "е", "ём", "ем")),
    (9, "сент", ("",)), (9, "сен", ("",)), (10, "октябр", ("ь", "я", "е", "ём", "ем")), (10, "окт", ("",)),
    (11, "ноябр", ("ь", "я", "е", "ём", "ем")), (11, "ноя", ("",)),
    (12, "декабр", ("ь", "я", "е", "ём", "ем")), (12, "дек", ("",)),
)
MONTHS: dict[str, int] = dict(_EN_MONTHS)
for _month, _stem, _endings in _CYR_MONTH_FORMS:
    for _end in _endings:
        MONTHS.setdefault(_stem + _end, _month)

_MONTH = "(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")(?![^\W\d_])\.?"
_EN_MONTH = "(?P<month>" + "|".join(sorted(_EN_MONTHS, key=len, reverse=True)) + r")(?![^\W\d_])\.?"
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
    r"|понеділок|вівторок|середа|четвер|п'ятниця|п’ятниця|субота|неділя"
    r"|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)(?:\s*(?:року|р\.|года|г\.))?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|-?го)?"
_TIME = r"(?:,?\s*(?:at\s+|о\s+|в\s+)?(?P<time>[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?))?"
_DATE_RES = (
    re.compile(r"(?<![\d.\-/])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"
               r"(?:[T ]?(?P<time>[0-2]\d:[0-5]\d(?::[0-5]\d)?))?", re.I),
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d.]\d)"
               + _TIME, re.I),
    re.compile(r"(?<![\w])" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + _TIME, re.I),
    re.compile(r"(?<![\w])" + _EN_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.I),
    # "25.07.22 08:17 |": a two-digit year only with a time beside it.
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>\d\d)(?![\d.])"
               r",?\s+(?P<time>[0-2]?\d:[0-5]\d)"),
)
# Text right before a date that makes it a dateline: "Дата:", "Published on", "Posted".
_LABEL_RE = re.compile(
    r"(?:date|published(?:\s+on)?|posted(?:\s+on)?|дата(?:\s+публікації|\s+публикации)?|опубліковано|"
    r"опубликовано|публікація|публикация)\s*:?\s*(?:" + _WEEKDAY + r",?\s*)?$",
    re.I,
)
# A word right before a date that makes it part of the story ("since February 24, 2022").
_NOT_PUBLICATION_RE = re.compile(
    r"(?:^|[\s(])(?:since|from|until|till|to|through|between|and|after|before|on|in|of|as\s+of|by|"
    r"з|із|від|до|по|після|перед|на|станом\s+на|с|со|от|после|начиная\s+с|состоянием\s+на|и|і|та|"
    r"start|beginning|початку|начала)\s*$",
    re.I,
)
_WEEKDAY_BEFORE_RE = re.compile(_WEEKDAY + r",?\s*$", re.I)
_BYLINE_RE = re.compile(r"^\s*(?:by|автор|від|от)\b", re.I)
_BYLINE_ANY_RE = re.compile(r"(?:^|[\s·|•])(?:posted by|by|автор\w*|published|опубліковано|опубликовано)\b", re.I)
# "KYIV, " / "LVIV, Ukraine, "
_AGENCY_RE = re.compile(r"^\s*[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ.\-' ]{1,30},(?:\s*[A-Z][a-z]+,)?\s*$")
_SEPARATED_RE = re.compile(r"^\s*(?:[·|•—–]|$)")  # the date stands between separators: "… · 26 April 2022 · 14:20"
_WIRE_RE = re.compile(r"^\s*\([^)]{2,40}\)\s*[-–—]")  # "March 27, 2022 (Reuters) - …"
_RESIDUE_RE = re.compile(r"\bID:?\s*\d+|[|•·,;:()\-–—/\s\d]+", re.I)


def published_from_text(text: str) -> tuple[str, str] | None:
    """(ISO date, the date as written) from a dateline or byline in the head of `text`, or None."""
    head = text[:HEAD_CHARS]
    lines = [line for line in head.split("\n") if line.strip()][:HEAD_LINES]
    today = _latest_today()
    for line in lines:
        for start, end, when, found in _dates_in(line):
            if when > today or when.year < 1990:
                continue
            before, after = line[:start], line[end:]
            if _is_dateline(before, after, bool(found.group("time"))):
                return when.isoformat(), found.group(0).strip(" ,")
    return None


def _dates_in(line: str) -> list[tuple[int, int, date, re.Match[str]]]:
    """Full dates (with a year) in a line, in order; overlapping matches keep the first pattern's."""
    out: list[tuple[int, int, date, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_RES:
        for m in pattern.finditer(line):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            month = m.group("month").lower().rstrip(".")
            month_no = int(month) if month.isdigit() else MONTHS.get(month)
            try:
                year = int(m.group("year"))
                when = date(year + 2000 if year < 100 else year, month_no or 0, int(m.group("day")))
            except ValueError:
                continue
            taken.append((m.start(), m.end()))
            out.append((m.start(), m.end(), when, m))
    return sorted(out, key=lambda x: x[0])


def _is_dateline(before: str, after: str, has_time: bool) -> bool:
    if _LABEL_RE.search(before):
        return True
    weekday = _WEEKDAY_BEFORE_RE.search(before)
    lead = before[: weekday.start()] if weekday else before
    if _NOT_PUBLICATION_RE.search(lead):
        return False
    if _BYLINE_RE.search(before) or _AGENCY_RE.match(lead):
        return True
    if _WIRE_RE.match(after):
        return True
    if before.rstrip().endswith(("|", "·", "•")) and len((before + after).split()) <= 12:
        return True  # "The New Voice of Ukraine (English) | June 6, 2023"
    # A short credit line ("Posted by X · 26 April 2022 · 14:20", "June 4, 2025 · Europe · By Y").
    if (_BYLINE_ANY_RE.search(before) or _BYLINE_ANY_RE.search(after) or has_time) and \
            _SEPARATED_RE.match(after) and len((before + after).split()) <= 14:
        return True
    if has_time:
        return True  # "2022-05-25 06:45:00 |", "08 липня 2022, 09:25", "... 2024 11:30:17 AM"
    if weekday and not after.strip(" .|"):
        return True  # "Thursday, August 15, 2024" closing a headline line
    stripped = lead.rstrip()
    if stripped.endswith(("-", "–", "—", ",", "/")) and after.lstrip().startswith(")") and "(" in stripped:
        return True  # "(UrduPoint News / Sputnik - 22nd May, 2022)"
    # a line that is nothing but the date (and separators, an ID)
    return not _RESIDUE_RE.sub("", before + after).strip()


def _latest_today() -> date:
    """Today's date where it is latest on Earth (UTC+14): no valid date can be after it."""
    return (datetime.now(UTC) + timedelta(hours=14)).date()


def parse_published(value: str | date) -> str:
    """Validate the `published=` option: an ISO date or datetime, not in the future.

    Returns it normalised ('2024-04-25', '2024-04-25T08:11:00+03:00'); BadDate otherwise."""
    example = "use an ISO date such as 2024-04-25 (or 2024-04-25T08:11:00+03:00)"
    when: date | datetime
    if isinstance(value, date):  # a datetime is a date too
        when, raw = value, value.isoformat()
    else:
        raw = str(value).strip()
        try:
            when = date.fromisoformat(raw) if len(raw) <= 10 else datetime.fromisoformat(raw)
        except ValueError:
            raise BadDate(f"{value!r} is not a valid date", hint=example) from None
    if isinstance(when, datetime) and when.tzinfo is not None:
        future = when > datetime.now(UTC)
    elif isinstance(when, datetime):  # no offset: in the future only if so in every time zone
        future = when > datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=14)
    else:
        future = when > _latest_today()
    if future:
        raise BadDate(f"the publication date {raw} is in the future", hint="check the year; " + example)
    return when.isoformat()
