"""Pieces of an event read from its clause: time, evidence, modality, quantity and owner side.

Each function looks only at the text it is given (a clause, a sentence, a paragraph) and returns
the record with the words it read, so that a reader can see why.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..models import Evidence, TimeRef
from . import event_cues as cues
from .dates import find_dates, relative_day, resolve

_WEEK = re.compile(r"(?<![\w'-])(?:(?P<this>earlier this week|this week|цього тижня|на цьому тижні|на этой неделе"
                   r"|этой неделей)|(?P<last>last week|минулого тижня|на минулому тижні|на прошлой неделе))(?![\w'])")
_NIGHT = re.compile(r"(?<![\w'-])(?:last night|overnight|yesterday|today|this morning|вчора|учора|сьогодні|вчера"
                    r"|сегодня|минулої ночі|цієї ночі|вночі|ночью|этой ночью|прошлой ночью)(?![\w'])")


def last_match(rx: re.Pattern[str], s: str, start: int, end: int) -> re.Match[str] | None:
    """The last non-overlapping match of rx in s[start:end]."""
    m = None
    for m in rx.finditer(s, start, end):  # noqa: B007
        pass
    return m


_OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?(?:russian|enemy|ukrainian|russia's|ukraine's)(?![\w'])"
                       r"|\s+(?:[\w-]+\s+){0,2}(?:всу|зсу|противника|ворога|врага|оккупантов|окупантів|рф)(?![\w'])"
                       r"|\s+(?:of|із|з)\s+(?:the\s+)?(?:enemy|enemy's)(?![\w'])")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def event_time(text: str, low: str, start: int, end: int, published: date | None) -> TimeRef | None:
    """The first time expression of text[start:end], resolved against the publication date.

    "in March" → that month (year from publication), precision month; "last night" → publication − 1 day;
    "earlier this week" → Monday of the publication week … publication, precision week; a date → day.
    Without a publication date the words and precision stay, the dates are null.
    """
    found: list[tuple[int, int, TimeRef]] = []
    m = _WEEK.search(low, start, end)
    if m:
        s, e = m.span()
        t = TimeRef(mention=text[s:e], precision="week", span=(s, e))
        if published:
            monday = published - timedelta(days=published.weekday())
            if m.group("last"):
                t.start, t.end = _iso(monday - timedelta(days=7)), _iso(monday - timedelta(days=1))
            else:
                t.start, t.end = _iso(monday), _iso(published)
        found.append((s, e, t))
    m = _NIGHT.search(low, start, end)
    if m:
        s, e = m.span()
        t = TimeRef(mention=text[s:e], precision="day", span=(s, e))
        if published:
            d = relative_day(low[s:e], published) or (published - timedelta(days=1))
            t.start = t.end = _iso(d)
        found.append((s, e, t))
    for dm in find_dates(text, start, end):
        if dm.precision == "year" and not re.search(r"\b(?:in|у|в)\s*$", low[max(start, dm.start - 4):dm.start]):
            continue  # a bare "2022" is rarely when an event happened
        t = TimeRef(mention=dm.text, precision="day" if dm.precision == "weekday" else dm.precision,
                    span=(dm.start, dm.end))
        d, _basis = resolve(dm, published)
        if d is not None:
            t.start = _iso(d)
            t.end = _iso(_month_end(d) if dm.precision == "month" else date(d.year, 12, 31)
                         if dm.precision == "year" else d)
        found.append((dm.start, dm.end, t))
        break
    if not found:
        return None
    return min(found, key=lambda x: x[0])[2]


def evidence_in(text: str, low: str, start: int, end: int, basis: str, hits=None) -> list[Evidence]:
    """Video, photo, satellite or document evidence named in text[start:end] (`hits`: the document's one-pass
    scan, lexicon.scan, when there is one)."""
    out: list[Evidence] = []
    seen: set[str] = set()
    found = hits.within(cues.EVIDENCE_RX, start, end) if hits is not None else cues.EVIDENCE_RX.finditer(
        low, start, end)
    for m in found:
        kind = m.lastgroup or "video"
        if kind in seen:
            continue
        seen.add(kind)
        sb = cues.SHARED_BY.search(text, m.start(), min(end, m.end() + 120))
        out.append(Evidence(type=kind, mention=text[m.start():m.end()], span=m.span(),
                            shared_by=sb.group(1).strip() if sb else None))
    for ev in out:
        ev.mention = ev.mention if basis == "clause" else f"{ev.mention} ({basis})"
    return out


def modality(low: str, clause_start: int, trigger_start: int) -> tuple[str, str | None]:
    """asserted, or negated/hypothetical/future/hedged from the words just before the trigger."""
    m = last_match(cues.MODALITY_RX, low, max(clause_start, trigger_start - 45), trigger_start)
    if m is None:  # the nearest cue before the trigger counts
        return "asserted", None
    return m.lastgroup or "asserted", m.group(0)


def owner_side(low: str, start: int, end: int, lo: int) -> tuple[str | None, str | None]:
    """The target's owner from words in or just before its mention ("Russian 'Grad'", "ворожих 12 танків"):
    RUS, UKR, ENEMY (whose enemy depends on who speaks) or None."""
    after = _OF_OWNER.match(low, end)  # "a storage of Russian ammunition"
    window = low[max(lo, start - 30):after.end() if after else end]
    found = [(m.start(), side, m.group(0)) for rx, side in ((cues.OWNER_RUS, "RUS"), (cues.OWNER_UKR, "UKR"),
                                                             (cues.OWNER_ENEMY, "ENEMY")) for m in rx.finditer(window)]
    if not found:
        return None, None
    _pos, side, word = max(found)  # the nearest to the noun qualifies it
    return side, word
