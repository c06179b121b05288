"""Best bulletin match: which General Staff bulletin does a set of undated figures copy?

Score of a date = exact matches (1 each) + near fits of qualified or visibly rounded figures
(½ each: "over 416,000" says "near", not "equal") + stated daily changes "(+n)" equal to that
day's change (½ each: day changes repeat); ties are broken by the smallest total relative error.
Exact hits come from value → dates indexes and near fits from a sorted value index, so only dates
that hit something are ever scored.

confidence = min(1, points / compared) × separation / (number of dates tied for best), where
separation = min(1, (best points − runner-up points) / 2): beating the next date by two figures
is decisive, by half a figure (one near fit) is not.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from .figures import near_window, norm_qualifier
from .sources import day_index, iso

if TYPE_CHECKING:
    from .series import Series


@dataclass(frozen=True)
class Figure:
    value: int
    qualifier: str | None = None
    delta: int | None = None  # the "(+n)" printed with it


class _Fig(NamedTuple):
    cat: str
    x: int
    q: str | None
    delta: int | None


@dataclass(frozen=True)
class Candidate:
    date: str
    exact: int
    near: int
    compared: int
    rel_error: float
    deltas: int = 0  # stated daily changes equal to this day's change

    @property
    def points(self) -> float:
        return self.exact + 0.5 * (self.near + self.deltas)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "rel_error": round(self.rel_error, 6)}


@dataclass(frozen=True)
class Match:
    date: str  # the best bulletin date (the earliest of `dates` on a tie)
    dates: list[str]  # every date tied for best
    exact: int
    near: int
    compared: int
    rel_error: float
    confidence: float
    runner_up: Candidate | None
    deltas: int = 0
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)  # per category, at `date`
    ignored: list[str] = field(default_factory=list)  # categories the series does not have

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["rel_error"] = round(self.rel_error, 6)
        d["runner_up"] = self.runner_up.to_dict() if self.runner_up else None
        return d


def best_match(
    series: Series,
    figures: Mapping[str, Any],  # {category: value | (value, qualifier) | Figure}
    *,
    not_after: str | date | None = None,
    not_before: str | date | None = None,
) -> Match | None:
    """The bulletin date(s) that `figures` match best, between not_before and not_after (e.g.
    the publication date); None when no figure is in the series or the window is empty."""
    figs: list[_Fig] = []
    ignored: list[str] = []
    for cat, f in figures.items():
        (figs.append(_unpack(cat, f)) if series.coverage(cat) else ignored.append(cat))
    lo = max(series.first_idx, day_index(not_before)) if not_before else series.first_idx
    hi = min(series.n - 1, day_index(not_after)) if not_after else series.n - 1
    if not figs or lo > hi:
        return None

    pts: dict[int, float] = {}
    for cat, x, q, delta in figs:
        hits = _exact_index(series, cat).get(x, set()) if q is None else set()
        for i in hits:
            pts[i] = pts.get(i, 0.0) + 1.0
        window = near_window(x, q)
        if window:
            for i in _range(series, cat, *window):
                if i not in hits:
                    pts[i] = pts.get(i, 0.0) + 0.5
        if delta:  # "(+0)" happens on most days for slow categories: no evidence
            for i in _delta_index(series, cat).get(delta, ()):
                pts[i] = pts.get(i, 0.0) + 0.5
    pts = {i: p for i, p in pts.items() if lo <= i <= hi}
    if pts:
        levels = sorted(set(pts.values()), reverse=True)[:2]
        cand = {i for i, p in pts.items() if p in levels}
    else:  # nothing equal or near: the dates closest to each figure
        cand = {_closest(series, f.cat, f.x, lo, hi) for f in figs} - {None}  # type: ignore[arg-type]
    if not cand:
        return None
    scored = sorted(
        (_score(series, figs, i) for i in cand), key=lambda c: (-c[1].points, c[1].rel_error, c[0])
    )
    best_i = scored[0][0]
    for j in (best_i - 1, best_i + 1):  # always have the adjacent bulletins as runners-up
        if lo <= j <= hi and j not in cand:
            scored.append(_score(series, figs, j))
    scored.sort(key=lambda c: (-c[1].points, c[1].rel_error, c[0]))
    best = scored[0][1]
    tied = [c for _, c in scored if c.points == best.points and abs(c.rel_error - best.rel_error) < 1e-12]
    runner = next((c for _, c in scored if c not in tied), None)
    sep = min(1.0, (best.points - (runner.points if runner else 0.0)) / 2)
    confidence = round(min(1.0, best.points / len(figs)) * sep / len(tied), 3)
    return Match(
        date=best.date,
        dates=[c.date for c in tied],
        exact=best.exact,
        near=best.near,
        compared=best.compared,
        rel_error=best.rel_error,
        confidence=confidence,
        runner_up=runner,
        deltas=best.deltas,
        figures=_detail(series, figs, day_index(best.date)),
        ignored=ignored,
    )


def _unpack(cat: str, f: Any) -> _Fig:
    if isinstance(f, Figure):
        return _Fig(cat, f.value, norm_qualifier(f.qualifier), f.delta)
    if isinstance(f, tuple):
        return _Fig(cat, int(f[0]), norm_qualifier(f[1] if len(f) > 1 else None), None)
    return _Fig(cat, int(f), None, None)


def _values_at(series: Series, cat: str, i: int) -> list[int]:
    """The consensus and every source's value on day i (None dropped)."""
    out = []
    cons = series.column(cat)
    if cons[i] is not None:
        out.append(cons[i])
    for name in series.source_names:
        col = series.source_column(name, cat)
        if col is not None and col[i] is not None:
            out.append(col[i])
    return out  # type: ignore[return-value]


def _score(series: Series, figs: list[_Fig], i: int) -> tuple[int, Candidate]:
    exact = near = deltas = 0
    err = 0.0
    for cat, x, q, delta in figs:
        if delta and i in _delta_index(series, cat).get(delta, ()):
            deltas += 1
        vals = _values_at(series, cat, i)
        if not vals:
            err += 1.0  # the category is not on that bulletin at all
            continue
        if q is None and x in vals:
            exact += 1
            continue
        window = near_window(x, q)
        if window and any(window[0] <= v <= window[1] for v in vals):
            near += 1
        err += min(abs(x - v) / max(abs(v), 1) for v in vals)
    return i, Candidate(iso(i), exact, near, len(figs), err, deltas)


def _detail(series: Series, figs: list[_Fig], i: int) -> dict[str, dict[str, Any]]:
    out = {}
    for cat, x, q, _ in figs:
        v = series.column(cat)[i]
        out[cat] = {
            "claimed": x,
            "qualifier": q,
            "value": v,
            "exact": q is None and x in _values_at(series, cat, i),
        }
    return out


def _exact_index(series: Series, cat: str) -> dict[int, set[int]]:
    """value → day indexes where the consensus or any source has it (built once per category)."""
    key = "exact:" + cat
    idx = series._index.get(key)
    if idx is None:
        idx = {}
        cols = [series.column(cat)] + [series.source_column(n, cat) or [] for n in series.source_names]
        for col in cols:
            for i, v in enumerate(col):
                if v is not None:
                    idx.setdefault(v, set()).add(i)
        series._index[key] = idx
    return idx


def _delta_index(series: Series, cat: str) -> dict[int, set[int]]:
    """day change → day indexes where the consensus or any source changed by that much."""
    key = "delta:" + cat
    idx = series._index.get(key)
    if idx is None:
        idx = {}
        cols = [series.column(cat)] + [series.source_column(n, cat) or [] for n in series.source_names]
        for col in cols:
            for i in range(1, len(col)):
                a, b = col[i - 1], col[i]
                if a is not None and b is not None:
                    idx.setdefault(b - a, set()).add(i)
        series._index[key] = idx
    return idx


def _range(series: Series, cat: str, lo: int, hi: int) -> list[int]:
    """Day indexes whose consensus value lies in [lo, hi] (a sorted index, built once)."""
    key = "sorted:" + cat
    pair = series._index.get(key)
    if pair is None:
        cells = sorted((v, i) for i, v in enumerate(series.column(cat)) if v is not None)
        pair = ([v for v, _ in cells], [i for _, i in cells])
        series._index[key] = pair
    vals, days = pair
    return days[bisect_left(vals, lo) : bisect_right(vals, hi)]


def _closest(series: Series, cat: str, x: int, lo: int, hi: int) -> int | None:
    col = series.column(cat)
    best: tuple[int, int] | None = None
    for i in range(lo, hi + 1):
        v = col[i]
        if v is not None and (best is None or abs(v - x) < best[0]):
            best = (abs(v - x), i)
    return best[1] if best else None
