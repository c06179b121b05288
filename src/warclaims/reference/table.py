"""`warclaims series CATEGORY [--from START] [--to END]`: the rows and the argument checks."""

from __future__ import annotations

import difflib
from datetime import date
from typing import Any

from ..errors import BadDate, UnknownCategory
from .series import Series
from .sources import day_index


def series_table(
    category: str, start: str | None = None, end: str | None = None, series: Series | None = None
) -> list[dict[str, Any]]:
    """One row per bulletin date: consensus, each source's value, day change, dispute, revision
    events and the bulletin URL. Raises UnknownCategory / BadDate with the fix in the hint."""
    series = series or Series.load()
    cat = validate_category(category, series)
    first, last = series.coverage(cat)  # type: ignore[misc]
    lo = _parse(start, "start", series) if start else first
    hi = _parse(end, "end", series) if end else last
    if lo > hi:
        raise BadDate(f"the start {lo} is after the end {hi}", hint="swap the two dates")
    if hi < first or lo > last:
        raise BadDate(
            f"the series has no {cat} values between {lo} and {hi}",
            hint=f"{cat} is in the series from {first} to {last}",
        )
    rows = []
    for cell in series.window(cat, lo, hi):
        row: dict[str, Any] = {"date": cell.date, "war_day": cell.war_day, "consensus": cell.value}
        row["sources"] = dict(cell.sources)
        row["delta"] = series.delta(cat, cell.date)
        row["disputed"] = cell.disputed
        row["basis"] = cell.basis
        if cat == "personnel":
            row["qualifier"] = cell.qualifier
        row["revisions"] = revision_events(series, cat, cell.date)
        row["url"] = cell.url
        rows.append(row)
    return rows


def revision_events(series: Series, category: str, d: str) -> list[dict[str, Any]]:
    """Official corrections dated d and the decreases seen in any source on d."""
    out: list[dict[str, Any]] = [
        {"kind": "correction", "change": r.change, "source": r.source}
        for r in series.revisions_on(category, d)
    ]
    for dec in series.decreases_on(category, d):
        out.append(
            {
                "kind": "decrease",
                "source": dec.source,
                "before": dec.before,
                "after": dec.after,
                "correction": dec.revision.date if dec.revision else None,
                "anomaly": dec.anomaly,
            }
        )
    return out


def validate_category(category: str, series: Series) -> str:
    """The category id, or UnknownCategory naming the closest valid one."""
    valid = series.categories
    key = category.strip().lower().replace("-", "_").replace(" ", "_")
    if key in valid:
        return key
    close = difflib.get_close_matches(key, valid, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise UnknownCategory(
        f"unknown category '{category}'", hint=f"{hint}valid categories: {', '.join(valid)}"
    )


def _parse(text: str, what: str, series: Series) -> str:
    try:
        day = date.fromisoformat(text.strip())
    except (AttributeError, ValueError):
        raise BadDate(
            f"the {what} date '{text}' is not a date", hint="write it as YYYY-MM-DD, e.g. 2023-03-30"
        ) from None
    iso = day.isoformat()
    covers = f"the series covers {series.first_date} to {series.last_date}"
    if day > date.today():
        raise BadDate(f"the {what} date {iso} is in the future", hint=covers)
    if day_index(day) < series.first_idx:
        raise BadDate(f"the {what} date {iso} is before the series starts", hint=covers)
    if day_index(day) >= series.n:
        raise BadDate(f"the {what} date {iso} is after the last bulletin in the data", hint=covers)
    return iso
