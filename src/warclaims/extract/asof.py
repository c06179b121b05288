"""The bulletin date a cumulative figure belongs to ("as of"), and the dates of a period.

Anchors, in the order the text offers them: the bulletin's own range ("з 24.02 по 08.07",
"from 24.02 to 25.05", "протягом 24.02.22–30.03.2023"), "станом на"/"as of" a date, the date a
report was published ("reported on April 25", "опубликовали … 26 февраля"), and "за минулу добу,
1 жовтня" (the bulletin of the next morning). A figure takes the anchor of its own sentence, else
the nearest one before it. A year missing from the text comes from the publication date or a
named weekday, never from a guess; without one the date stays null and its text is kept.
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from . import cues
from .dates import DateMention, find_dates, find_ranges, resolve
from .fastre import lead
from .lexicon import scan
from .lexscan import Hits
from .scope import Marker
from .segment import Segmentation

_AS_OF_BEFORE = re.compile(
    r"(?:станом на|as of|по состоянию на|на ранок|на утро|on the morning of|as at|на)\s+(?:\w+,?\s+)?$"
)
_START_BEFORE = lead(re.compile(
    r"(?<![\w'-])(?:since|from|з|із|від|с|со|after|до|until|before|by|після|после|перед)\s+(?:\w+\s+)?$"))
# The war's first day. Written so that every alternative starts with a literal ("2(?<!\d.)" is "(?<!\d)2"),
# which `re` then scans for in C; the same matches as
# r"(?<!\d)24\s*[./-]\s*0?2(?!\d)|(?<!\d)24 (?:лют|феврал|feb)|feb\w*\.? 24(?!\d)" (tests/unit/test_fast_patterns.py).
_WAR_START = re.compile(r"2(?<!\d.)4\s*[./-]\s*0?2(?!\d)|2(?<!\d.)4 (?:лют|феврал|feb)|feb\w*\.? 24(?!\d)")
_RECALL = re.compile(r"\W*(?:нагадаємо|нагадуємо|напомним|напоминаем|recall|earlier|раніше|ранее)\b")
_ABOUT_LOSSES = re.compile(r"(?<![\w'-])(?:втрат\w*|потер\w*|losses|lost|зведенн\w*|сводк\w*|bulletin|update|figures"
                           r"|tally|toll|дані|данные|data|знищ\w*|уничтож\w*|ліквід\w*|ликвид\w*|killed)(?![\w'])")
_DATE_ONLY = re.compile(r"[\W_]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|понеділ\w*|вівтор\w*|серед\w*|четвер\w*"
                        r"|п'ятниц\w*|субот\w*|неділ\w*|понедельник|вторник|среда|четверг|пятниц\w*|суббот\w*"
                        r"|воскресень\w*)?[\W_]*\d{1,2}[\s.]+\w+[\s.]+\d{4}[\W_]*")
_ROW_AFTER = re.compile(r"[ \t]*[,;|\t][^\n]*?\d[^\n]*?[,;|\t][^\n]*?\d")
_RELAYED = re.compile(r"quoted from|citing|цитуючи|ссылаясь|со ссылкой|з посиланням")


@dataclass(slots=True)
class Anchor:
    pos: int
    sent: int
    date: str | None
    text: str
    kind: str  # range / as_of / report / day_after / heading / row


class AsOfReader:
    def __init__(self, text: str, low: str, seg: Segmentation, published: str | None,
                 dates: list[DateMention] | None = None, hits: Hits | None = None):
        self.text, self.low, self.seg = text, low, seg
        self.hits = scan(low) if hits is None else hits
        self.dates = find_dates(text) if dates is None else dates
        self.published = date.fromisoformat(published[:10]) if published else None
        # Without a publication date, a year-less "з 24.02 по 30.09" takes its year from a full date in the
        # text ("Станом на 30 вересня 2022 року"): the latest one, the war's start excepted.
        self.context = self.published or self._latest_full_date()
        self.anchors = self._anchors()
        self._anchor_sents = [a.sent for a in self.anchors]
        self._anchor_pos = [a.pos for a in self.anchors]
        self._by_sent: dict[int, tuple[str | None, str | None]] = {}
        self._periods: dict[tuple[int, int], tuple[str | None, str | None]] = {}

    def _latest_full_date(self) -> date | None:
        full = [date(m.year, m.month, m.day) for m in self.dates
                if m.precision == "day" and m.year and m.month and m.day and (m.month, m.day) != (2, 24)]
        return max(full, default=None)

    def _resolve(self, m: DateMention) -> date | None:
        d, _basis = resolve(m, self.context)
        return d

    def _anchors(self) -> list[Anchor]:
        low, seg = self.low, self.seg
        out: list[Anchor] = []
        in_range: list[tuple[int, int]] = []
        # Only a range that starts with the war's first day is an as-of: read ranges just around one.
        ranges = []
        for w in _WAR_START.finditer(low):
            ranges += [r for r in find_ranges(self.text, max(0, w.start() - 8), min(len(low), w.end() + 70))
                       if not ranges or r.start >= ranges[-1].end]
        for r in ranges:
            in_range.append((r.start, r.end))
            if r.first.day == 24 and r.first.month == 2:  # a running total since the invasion
                d = self._resolve(r.last)
                out.append(Anchor(r.start, seg.sentence_at(r.start), d.isoformat() if d else None,
                                  self.text[r.start:r.end], "range"))
        for m in self.dates:
            # A weekday alone ("said on Friday", "станом на ранок суботи") needs the publication date.
            wanted = m.precision == "day" or (m.precision == "weekday" and self.published is not None)
            if not wanted or any(a <= m.start < b for a, b in in_range):
                continue
            sent = seg.sentence_at(m.start)
            s = seg.sentences[sent]
            before = low[max(s.start, m.start - 40):m.start]
            if _START_BEFORE.search(before):
                continue
            kind = None
            if _AS_OF_BEFORE.search(before):
                kind = "as_of"  # "as of Feb. 24" (2025) is a date like any other
            elif m.day == 24 and m.month == 2 and m.year in (None, 2022):
                continue  # "since February 24": the start of the war, never an as-of
            elif self.hits.first(cues.PERIOD_DAY, max(s.start, m.start - 45), m.start):
                kind = "day_after"
            elif (self.hits.first(cues.REPORT, s.start, s.end) and not _RELAYED.search(low, s.start, s.end)
                  and s.kind != "headline" and not _RECALL.match(low, s.start)
                  and _ABOUT_LOSSES.search(low, s.start, s.end)):
                kind = "report"  # "the General Staff reported on April 25", not "Нагадаємо, 1 червня СБУ …"
            elif _DATE_ONLY.fullmatch(low, s.start, s.end):
                kind = "heading"  # a line that is only a date ("— Monday 10 March 2025 —") dates the entries under it
            elif _ROW_AFTER.match(low, m.end) and not low[low.rfind("\n", 0, m.start) + 1:m.start].strip(" |\t"):
                kind = "row"  # "2023-07-15,507,237180,…": a table row's first cell dates the row
            if kind is None:
                continue
            d = self._resolve(m)
            if d is not None and kind == "day_after":
                d = d + timedelta(days=1)
            out.append(Anchor(m.start, sent, d.isoformat() if d else None, m.text, kind))
        out.sort(key=lambda a: a.pos)
        return out

    def as_of_for(self, pos: int) -> tuple[str | None, str | None]:
        """(ISO date, its text) for a cumulative figure at `pos`: the anchor of its sentence, else the nearest
        before it; (None, None) when the text has none."""
        sent = self.seg.sentence_at(pos)
        if sent not in self._by_sent:
            # The anchors are in text order, so their sentences are too: the sentence's first anchor, else the
            # last one before the sentence starts.
            anchors = self.anchors
            k = bisect_left(self._anchor_sents, sent)
            if k < len(anchors) and anchors[k].sent == sent:
                a: Anchor | None = anchors[k]
            else:
                start = self.seg.sentences[sent].start if self.seg.sentences else 0
                k = bisect_left(self._anchor_pos, start)
                a = anchors[k - 1] if k > 0 else None
            self._by_sent[sent] = (a.date, a.text) if a else (None, None)
        return self._by_sent[sent]

    def period_for(self, marker: Marker) -> tuple[str | None, str | None]:
        """Dates of a period marker when the text pins them: "за минулу добу, 1 жовтня" → that day,
        "in March" → the month (year from the publication date)."""
        key = (marker.start, marker.end)
        if key not in self._periods:
            self._periods[key] = self._period(marker)
        return self._periods[key]

    def _period(self, marker: Marker) -> tuple[str | None, str | None]:
        near = [m for m in find_dates(self.text, marker.start, min(len(self.text), marker.end + 30))]
        for m in near:
            d = self._resolve(m)
            if d is None:
                continue
            if m.precision == "day":
                return d.isoformat(), d.isoformat()
            if m.precision == "month":
                last = calendar.monthrange(d.year, d.month)[1]
                return d.replace(day=1).isoformat(), d.replace(day=last).isoformat()
        return None, None
