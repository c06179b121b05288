"""The official daily series of the Ukrainian General Staff: every source's value, a consensus,
category epochs, revisions, and fast look-ups (official_data.md §2–§4, §8, §9).

    s = Series.load()                      # cached per process
    s.value("artillery", "2023-03-30")     # Value(value=2671, sources={...}, url=...)
    s.envelope("artillery", "2023-03-30")  # 2659 (2023-03-29) … 2675 (2023-03-31)

Consensus per (date, category): all sources equal → that value; otherwise a strict majority;
otherwise the value that fits the monotone envelope of the neighbouring days (any source's
neighbours); otherwise PetroIvaniuk's (the complete series). Any disagreement leaves the cell
`disputed`, with every source's value kept.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..vocab import CATEGORIES
from .sources import (
    MERGE_DATE,
    Decrease,
    Revision,
    SourceData,
    day_index,
    find_decreases,
    iso,
    load_orc_losses,
    load_petroivaniuk,
    load_revisions,
)

SERIES_NAME = "General Staff of the Armed Forces of Ukraine (daily bulletin)"
PREFERRED = "petroivaniuk"  # the complete day-by-day series: the tie-breaker (§0)
_MERGE_IDX = day_index(MERGE_DATE)


@dataclass(frozen=True, slots=True)
class Value:
    """One cell of the series: the consensus and what each source says."""

    category: str
    date: str
    value: int | None  # consensus
    sources: dict[str, int | None]
    basis: str  # unanimous / single / majority / neighbours / preferred / derived
    disputed: bool  # the sources disagree (basis says how it was settled)
    url: str | None  # the bulletin (orc-losses sourceUri)
    war_day: int
    qualifier: str | None = None  # the bulletin's own: personnel "about" / "more"

    @property
    def derived(self) -> bool:
        """vehicles_fuel_tanks before 2022-05-01 = vehicles + fuel_tanks (not printed as such)."""
        return self.basis == "derived"

    def matches(self, v: int) -> list[str]:
        """Which of 'consensus' and the source names carry exactly `v`."""
        hits = ["consensus"] if self.value == v else []
        return hits + [name for name, sv in self.sources.items() if sv == v]


@dataclass(frozen=True, slots=True)
class Envelope:
    """The monotone envelope of a date: the previous and next bulletins that carry the category."""

    prev: Value | None
    next: Value | None

    @property
    def lo(self) -> int | None:
        return self.prev.value if self.prev else None

    @property
    def hi(self) -> int | None:
        return self.next.value if self.next else None

    def contains(self, v: int) -> bool:
        return (self.lo is None or self.lo <= v) and (self.hi is None or v <= self.hi)


@dataclass(repr=False, eq=False)
class Series:
    """Every source's copy of the series plus the consensus; build with `Series.load()`."""

    sources: list[SourceData]
    revisions: list[Revision]
    decreases: list[Decrease] = field(default_factory=list)
    _arr: dict[str, dict[str, list[int | None]]] = field(default_factory=dict, repr=False)
    _cons: dict[str, list[int | None]] = field(default_factory=dict, repr=False)
    _basis: dict[str, dict[int, str]] = field(default_factory=dict, repr=False)
    _urls: dict[int, str] = field(default_factory=dict, repr=False)
    _span: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)
    _rev_at: dict[tuple[str, int], list[Revision]] = field(default_factory=dict, repr=False)
    _dec_at: dict[tuple[str, int], list[Decrease]] = field(default_factory=dict, repr=False)
    _index: dict[str, Any] = field(default_factory=dict, repr=False)  # match.py's lazy indexes
    first_idx: int = 0
    n: int = 0

    def __repr__(self) -> str:
        return f"Series({', '.join(self.source_names)}: {self.first_date}…{self.last_date})"

    # ---- construction ----------------------------------------------------------------------

    @classmethod
    def load(cls, *, cached: bool = True) -> Series:
        """The shipped sources (PetroIvaniuk, orc-losses); one instance per process when cached."""
        global _DEFAULT
        if not cached:
            return cls.build([load_petroivaniuk(), load_orc_losses()], load_revisions())
        with _LOCK:
            if _DEFAULT is None:
                _DEFAULT = cls.build([load_petroivaniuk(), load_orc_losses()], load_revisions())
            return _DEFAULT

    @classmethod
    def build(cls, sources: list[SourceData], revisions: list[Revision]) -> Series:
        """Sources in priority order (the first is preferred when nothing else decides)."""
        s = cls(sources=list(sources), revisions=list(revisions))
        s._compute()
        return s

    def with_source(self, source: SourceData) -> Series:
        """A new Series with one more source (lowest priority); the cached one is left alone."""
        return Series.build([*self.sources, source], self.revisions)

    def _compute(self) -> None:
        idxs = [i for src in self.sources for col in src.values.values() for i in col]
        self.first_idx, self.n = min(idxs), max(idxs) + 1
        cats = sorted({c for src in self.sources for c in src.values}, key=_cat_order)
        for src in self.sources:
            arrs: dict[str, list[int | None]] = {}
            for cat, col in src.values.items():
                arr: list[int | None] = [None] * self.n
                for i, v in col.items():
                    arr[i] = v
                arrs[cat] = arr
            self._arr[src.name] = arrs
            for i, url in src.urls.items():
                self._urls.setdefault(i, url)
        for cat in cats:
            self._consensus(cat)
        self._derive_vehicles_fuel_tanks()
        for cat, col in self._cons.items():
            present = [i for i, v in enumerate(col) if v is not None]
            if present:
                self._span[cat] = (present[0], present[-1])
        for rev in self.revisions:
            self._rev_at.setdefault((rev.category, day_index(rev.date)), []).append(rev)
        self.decreases = [d for src in self.sources for d in find_decreases(src, self.revisions)]
        self.decreases.sort(key=lambda d: (d.date, d.category, d.source))
        for dec in self.decreases:
            self._dec_at.setdefault((dec.category, day_index(dec.date)), []).append(dec)

    def _consensus(self, cat: str) -> None:
        cols = [(src.name, self._arr[src.name][cat]) for src in self.sources if cat in self._arr[src.name]]
        cons: list[int | None] = [None] * self.n
        basis: dict[int, str] = {}
        for i in range(self.n):
            vals = [(name, col[i]) for name, col in cols if col[i] is not None]
            if not vals:
                continue
            first = vals[0][1]
            if all(v == first for _, v in vals):
                cons[i] = first
                continue
            counts = Counter(v for _, v in vals)
            top = max(counts.values())
            if top * 2 > len(vals):
                cons[i] = next(v for v, c in counts.items() if c == top)
                basis[i] = "majority"
                continue
            tied = [v for _, v in vals if counts[v] == top]
            lo = _around(cols, i, -1, min)
            hi = _around(cols, i, +1, max)
            fits = [v for v in tied if (lo is None or lo <= v) and (hi is None or v <= hi)]
            if len(set(fits)) == 1:
                cons[i], basis[i] = fits[0], "neighbours"
            else:  # both or neither fit: the preferred source (first in priority order)
                pool = fits or tied
                cons[i], basis[i] = pool[0], "preferred"
        self._cons[cat] = cons
        self._basis[cat] = basis

    def _derive_vehicles_fuel_tanks(self) -> None:
        veh, fuel = self._cons.get("vehicles"), self._cons.get("fuel_tanks")
        if veh is None or fuel is None:
            return
        vft = self._cons.setdefault("vehicles_fuel_tanks", [None] * self.n)
        basis = self._basis.setdefault("vehicles_fuel_tanks", {})
        for i in range(min(_MERGE_IDX, self.n)):
            a, b = veh[i], fuel[i]
            if vft[i] is None and a is not None and b is not None:
                vft[i], basis[i] = a + b, "derived"

    # ---- look-ups ----------------------------------------------------------------------------

    @property
    def source_names(self) -> tuple[str, ...]:
        return tuple(src.name for src in self.sources)

    @property
    def categories(self) -> tuple[str, ...]:
        """Category ids with at least one value, in vocabulary order."""
        return tuple(sorted(self._span, key=_cat_order))

    @property
    def first_date(self) -> str:
        return iso(self.first_idx)

    @property
    def last_date(self) -> str:
        return iso(self.n - 1)

    def coverage(self, category: str) -> tuple[str, str] | None:
        """First and last date with a value (derived ones included)."""
        span = self._span.get(category)
        return (iso(span[0]), iso(span[1])) if span else None

    @staticmethod
    def war_day(d: str | date) -> int:
        """Day of the war, 2022-02-24 = 1 (the bulletins' own numbering)."""
        return day_index(d) + 1

    def label(self, source: str) -> str:
        return next((s.label for s in self.sources if s.name == source), source)

    def exists(self, category: str, d: str | date) -> bool:
        """The category was printed on the bulletin of that date (epochs, coverage)."""
        cat = CATEGORIES.get(category)
        if cat is None or not cat.in_series:
            return False
        day = d if isinstance(d, str) else d.isoformat()
        if (cat.first and day[:10] < cat.first) or (cat.last and day[:10] > cat.last):
            return False
        cell = self.value(category, d)
        return cell is not None and not cell.derived

    def value(self, category: str, d: str | date) -> Value | None:
        """The cell of (category, date), or None when no source has it."""
        cons = self._cons.get(category)
        i = day_index(d)
        if cons is None or not 0 <= i < self.n:
            return None
        return self._cell(category, i)

    def _cell(self, category: str, i: int) -> Value | None:
        v = self._cons[category][i]
        if v is None:
            return None
        basis = self._basis[category].get(i)
        if basis == "derived":
            srcs = {name: _sum2(self._arr[name], i) for name in self._arr}
        else:
            srcs = {name: (arr[category][i] if category in arr else None) for name, arr in self._arr.items()}
        if basis is None:
            basis = "unanimous" if sum(x is not None for x in srcs.values()) > 1 else "single"
        seen = {x for x in srcs.values() if x is not None}
        qualifier = None
        if category == "personnel":
            qualifier = next((s.qualifiers[i] for s in self.sources if i in s.qualifiers), None)
        return Value(category, iso(i), v, srcs, basis, len(seen) > 1, self._urls.get(i), i + 1, qualifier)

    def window(self, category: str, start: str | date, end: str | date) -> list[Value]:
        """Every cell with a value from start to end (inclusive), in date order."""
        cons = self._cons.get(category)
        if cons is None:
            return []
        lo, hi = max(day_index(start), 0), min(day_index(end), self.n - 1)
        return [c for i in range(lo, hi + 1) if cons[i] is not None and (c := self._cell(category, i))]

    def neighbours(self, category: str, d: str | date, k: int = 1) -> tuple[list[Value], list[Value]]:
        """The k nearest cells before and after a date (date order; gaps skipped)."""
        cons = self._cons.get(category)
        if cons is None:
            return [], []
        i = day_index(d)
        before: list[Value] = []
        j = min(i, self.n) - 1
        while j >= 0 and len(before) < k:
            if cons[j] is not None:
                before.append(self._cell(category, j))  # type: ignore[arg-type]
            j -= 1
        after: list[Value] = []
        j = max(i + 1, 0)
        while j < self.n and len(after) < k:
            if cons[j] is not None:
                after.append(self._cell(category, j))  # type: ignore[arg-type]
            j += 1
        return before[::-1], after

    def envelope(self, category: str, d: str | date) -> Envelope:
        """(previous, next) consensus cells: a cumulative value on `d` should lie between them."""
        before, after = self.neighbours(category, d, 1)
        return Envelope(before[0] if before else None, after[0] if after else None)

    def delta(self, category: str, d: str | date, source: str | None = None) -> int | None:
        """The change from the day before, of the consensus or of one source's copy (None when
        either day is missing)."""
        col = self._cons.get(category) if source is None else self.source_column(source, category)
        i = day_index(d)
        if col is None or not 1 <= i < self.n:
            return None
        a, b = col[i - 1], col[i]
        return None if a is None or b is None else b - a

    def revisions_on(self, category: str, d: str | date) -> list[Revision]:
        return self._rev_at.get((category, day_index(d)), [])

    def decreases_on(self, category: str, d: str | date) -> list[Decrease]:
        return self._dec_at.get((category, day_index(d)), [])

    def column(self, category: str) -> list[int | None]:
        """The consensus array (index 0 = 2022-02-24); read-only by convention."""
        return self._cons.get(category, [])

    def source_column(self, source: str, category: str) -> list[int | None] | None:
        return self._arr.get(source, {}).get(category)

    def best_match(self, figures: Mapping[str, Any], **kw: Any):  # -> match.Match | None
        """The bulletin date(s) a set of undated figures matches best (see match.best_match)."""
        from .match import best_match

        return best_match(self, figures, **kw)


def _around(cols: list[tuple[str, list[int | None]]], i: int, step: int, pick) -> int | None:
    """min (step −1) or max (step +1) of all sources' values on the nearest day with any value."""
    j = i + step
    n = len(cols[0][1])
    while 0 <= j < n:
        vals = [col[j] for _, col in cols if col[j] is not None]
        if vals:
            return pick(vals)
        j += step
    return None


def _sum2(arrs: dict[str, list[int | None]], i: int) -> int | None:
    """One source's vehicles + fuel_tanks on day i (None unless it has both)."""
    veh, fuel = arrs.get("vehicles"), arrs.get("fuel_tanks")
    a = veh[i] if veh else None
    b = fuel[i] if fuel else None
    return None if a is None or b is None else a + b


_ORDER = {c: n for n, c in enumerate(CATEGORIES)}


def _cat_order(cat: str) -> tuple[int, str]:
    return (_ORDER.get(cat, len(_ORDER)), cat)


_DEFAULT: Series | None = None
_LOCK = threading.Lock()
