"""Scope of a figure: cumulative since 2022-02-24, or a period (a day, a month, one battle).

The figure's own sentence decides first (the nearest marker; a period beats a weak "total"),
then its list's introduction, then the sentences before it in the paragraph, then the paragraph
before. A "(+n)" delta makes a bulletin line cumulative whatever surrounds it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from . import cues
from .fastre import lead
from .lexscan import Hits
from .segment import Segmentation

# Sub-clauses whose markers belong to another figure: "…294 700 осіб, з яких 870 знищено протягом доби".
SUBCLAUSE = re.compile(
    r",\s*(?:(?:з яких|із яких|з них|из которых|из них|of which|of whom|of them|including|включая|в том числе"
    r"|bringing|доведя|довівши|this number includes|after another|після ще|после еще|up by|up)(?![\w])"
    r"|(?=\d[\d ,.]*\s+(?:of them|of whom|of which|з них|из них)(?![\w]))"  # ", 360 of them over the previous day"
    # ", а загальні втрати … зросли до 560 290", "while total losses reached …": the totals after a day's figure
    r"|(?:а|while|whereas|тоді як|тогда как)\s+(?=(?:[\w'-]+\s+){0,2}?(?:загальн|общ|total|overall|сумарн)))"
)
_SUBCLAUSE_END = re.compile(
    r",?\s+(?:and|та|і|й|и|а також|as well as)\s+(?=(?:about |almost |nearly |over |more than |близько |около |понад "
    r"|более )?\d)"
)
_ON_DATE_AFTER = re.compile(
    r"^[^.;:\n]{0,25}?\b(?:on|на|в|у)\s+(?:\w+day,?\s+)?(?:\d{1,2}\s+(?:" + cues.MONTH_WORDS + r")|(?:"
    + cues.MONTH_WORDS + r")\.?\s+\d{1,2}(?!\d))"
)

_NO_CHANGE = re.compile(r"\s*(?:не змінил\w*|не змінюється|не изменил\w*|без змін|без изменений|unchanged"
                        r"|did not change|has not changed|remained (?:unchanged|the same))")
_INCREMENT = lead(cues.INCREMENT)  # (searched in a window before each figure: fastre.lead)
_BREAK = re.compile(r"\s-\s|;|[.!?]\s")
_PHRASE_END = re.compile(r"[,;:.!?]|\s-\s")
STRENGTH = {"cum_strong": 3, "day": 2, "period": 2, "cum_weak": 1}


@dataclass(slots=True, frozen=True)
class Marker:
    kind: str  # cum_strong / cum_weak / day / period
    start: int
    end: int
    text: str

    @property
    def scope(self) -> str:
        return "cumulative" if self.kind.startswith("cum") else "period"


_TABLE = [
    ("cum_strong", cues.CUMULATIVE_STRONG),
    ("day", cues.PERIOD_DAY),
    ("period", cues.PERIOD_OTHER),
    ("cum_weak", cues.CUMULATIVE_WEAK),
]


class ScopeReader:
    """Markers of one document, read lazily per sentence and cached."""

    def __init__(self, text: str, low: str, seg: Segmentation, skip: list[tuple[int, int]], hits: Hits):
        self.text, self.low, self.seg, self.hits = text, low, seg, hits
        self._skip = sorted(skip)  # spans not to read markers from (the "(+n за добу)" of bulletin lines)
        self._skip_starts = [a for a, _b in self._skip]
        self._cache: dict[int, list[Marker]] = {}
        self._cuts: dict[int, list[int]] = {}

    def markers(self, sent: int) -> list[Marker]:
        if sent not in self._cache:
            s = self.seg.sentences[sent]
            found: list[Marker] = []
            taken: list[tuple[int, int]] = []
            for kind, rx in _TABLE:
                for m in self.hits.within(rx, s.start, s.end):
                    a, b = m.span()
                    if any(a < e and b > st for st, e in taken) or self._skipped(a):
                        continue
                    if kind in ("day", "period") and _NO_CHANGE.match(self.low, b):
                        continue  # "літаків (438) … за добу не змінилася": totals whose change is nil
                    taken.append((a, b))
                    if kind == "cum_strong":  # keep the whole phrase: "since the start of the war on February 24"
                        stop = _PHRASE_END.search(self.low, b, min(s.end, b + 60))
                        b = stop.start() if stop else b
                    found.append(Marker(kind, a, b, self.text[a:b].strip()))
            # "since the invasion began in February 2022": a date inside a "since" phrase is its start.
            for cum in [mk for mk in found if mk.kind == "cum_strong"]:
                stop = _PHRASE_END.search(self.low, cum.end, min(s.end, cum.end + 80))
                limit = stop.start() if stop else min(s.end, cum.end + 80)
                found = [mk for mk in found if mk.kind == "cum_strong" or not cum.end <= mk.start < limit]
            found.sort(key=lambda mk: mk.start)
            self._cache[sent] = found
        return self._cache[sent]

    def _skipped(self, pos: int) -> bool:
        k = bisect_right(self._skip_starts, pos) - 1
        return k >= 0 and pos < self._skip[k][1]

    def clause_bounds(self, sent: int, pos: int) -> tuple[int, int]:
        """The part of the sentence around `pos` not split off by "з яких"/"of which"/"bringing"."""
        cuts = self._cuts.get(sent)
        if cuts is None:
            s = self.seg.sentences[sent]
            inner: list[int] = []
            for m in SUBCLAUSE.finditer(self.low, s.start, s.end):
                inner.append(m.start())
                # "…, including 1,070 over the previous day, and 11,192 tanks": the sub-clause ends at "and" + number
                end = _SUBCLAUSE_END.search(self.low, m.end(), s.end)
                if end:
                    inner.append(end.start())
            cuts = self._cuts[sent] = [s.start, *sorted(set(inner)), s.end]
        k = bisect_right(cuts, pos, 1, len(cuts) - 1)
        return cuts[k - 1], cuts[k]

    def own(self, sent: int, start: int, end: int) -> Marker | None:
        """The marker that governs a figure at [start, end) inside its own clause."""
        lo, hi = self.clause_bounds(sent, start)
        best: tuple[float, Marker] | None = None
        for mk in self.markers(sent):
            if mk.end <= lo or mk.start >= hi:
                continue
            if mk.start >= end and _BREAK.search(self.low, end, mk.start):
                continue  # "600,000 troops — a figure unthinkable … in February 2022": another clause's time
            dist = start - mk.end if mk.end <= start else mk.start - end
            # A period beats a weak "total" ("a total of 24 tanks on December 12");
            # otherwise the nearest marker wins.
            score = dist - 1000 * (STRENGTH[mk.kind] >= 2)
            if best is None or score < best[0]:
                best = (score, mk)
        on_date = _ON_DATE_AFTER.match(self.low[end:hi])
        if on_date and (best is None or best[1].kind == "cum_weak"):
            a = end + on_date.start()
            return Marker("day", a, end + on_date.end(), self.text[a:end + on_date.end()])
        return best[1] if best else None

    def any_in(self, sent: int) -> Marker | None:
        """The strongest marker of a sentence that introduces or precedes a figure."""
        ms = self.markers(sent)
        if not ms:
            return None
        return max(ms, key=lambda mk: (STRENGTH[mk.kind], mk.start))

    def increment_before(self, sent: int, start: int) -> bool:
        """'ще 950', 'втратили ще тисячу солдатів та 32 бронемашини', 'another 1,200'."""
        lo, _hi = self.clause_bounds(sent, start)
        return bool(_INCREMENT.search(self.low, max(lo, start - 60), start))
