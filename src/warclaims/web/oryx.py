"""The hook for Oryx's photo-confirmed losses (scarnecchia/oryx_data, CC BY 4.0) beside the official series.

Oryx counts items with photo or video evidence: a lower bound, never the same count as the General Staff's
figure. It is comparable only where the categories line up (tanks, artillery …); elsewhere this returns None.
The data module (warclaims.reference.oryx) comes from the gazetteer work; until it is installed the
series carries `"oryx": null` and the dashboard draws no lower bound.
"""
from __future__ import annotations

from typing import Any


def oryx_series(category: str, start: str | None, end: str | None) -> dict[str, Any] | None:
    """{"source", "licence", "note", "points": [{"date", "value"}]} of Russian losses, or None."""
    try:
        from ..reference import oryx  # type: ignore[attr-defined]
    except ImportError:
        return None
    fn = getattr(oryx, "lower_bound_series", None)
    if fn is None:
        return None
    points = fn(category, start, end)
    if not points:
        return None
    return {"source": "Oryx (scarnecchia/oryx_data, CC BY 4.0)",
            "note": "items with photo or video evidence: a lower bound, not the same count as the official figure",
            "points": points}
