"""Oryx's photo-confirmed losses (scarnecchia/oryx_data, CC BY 4.0) beside the official series, for the chart.

Oryx counts items with photo or video evidence: a lower bound, never the same count as the General Staff's
figure. It is drawn only where the categories line up (`reference.oryx` knows which: tanks, artillery, …) and
only up to Oryx's snapshot; elsewhere this returns None.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

STEP_DAYS = 7  # one point a week: the bound moves slowly and the payload stays small


def oryx_series(category: str, start: str | None, end: str | None) -> dict[str, Any] | None:
    """{"source", "note", "snapshot", "points": [{"date", "value", "basis"}]} of Russian losses, or None."""
    try:
        from ..reference import oryx
    except ImportError:  # an install without the Oryx data
        return None
    if not start or not end:
        return None
    last = min(date.fromisoformat(end[:10]), date.fromisoformat(oryx.SNAPSHOT))
    day = date.fromisoformat(start[:10])
    points = []
    while day <= last:
        bound = oryx.lower_bound(category, "RUS", day.isoformat())
        if bound is None:
            return None  # not a category Oryx counts comparably
        if bound.value:
            points.append({"date": day.isoformat(), "value": bound.value, "basis": bound.basis})
        nxt = day + timedelta(days=STEP_DAYS)
        day = nxt if nxt <= last or day == last else last
    if not points:
        return None
    return {"source": oryx.CITATION, "snapshot": oryx.SNAPSHOT,
            "note": "Oryx: Russian items with photo or video evidence, a lower bound — not the same count as the "
                    "official figure", "points": points}
