"""What the official series says a figure can plausibly be, per category.

(first cumulative value, largest one-day increase, last value) in the General Staff series
(PetroIvaniuk, 2022-02-25 → 2026-08-08). A "cumulative" figure far below the first day's value
is an incident count; a "daily" figure far above the largest day is a total. The test
test_bounds.py recomputes this table from the vendored series, so it cannot drift.
"""
from __future__ import annotations

BOUNDS: dict[str, tuple[int, int, int]] = {
    "personnel": (2800, 3160, 1456610),
    "tanks": (80, 66, 12251),
    "armoured_vehicles": (516, 190, 25099),
    "artillery": (49, 122, 47580),
    "mlrs": (4, 17, 2009),
    "air_defence": (0, 13, 1556),
    "aircraft": (10, 41, 439),
    "helicopters": (7, 20, 354),
    "uav": (0, 2719, 449606),
    "cruise_missiles": (84, 112, 5007),
    "warships": (2, 2, 35),
    "submarines": (1, 1, 2),
    "vehicles_fuel_tanks": (1796, 626, 131417),
    "special_equipment": (10, 99, 4504),
    "ground_robotic_systems": (1306, 19, 2162),
    "vehicles": (100, 179, 1701),
    "fuel_tanks": (60, 10, 76),
    "mobile_srbm_systems": (2, 2, 4),
    "pow": (0, 200, 496),
}


def below_cumulative(category: str, value: int) -> bool:
    """Too small to be a running total since the invasion (a quarter of the first day's figure:
    early reports of other Ukrainian bodies ran lower than the General Staff's)."""
    b = BOUNDS.get(category)
    return bool(b) and value < b[0] / 4


def above_daily(category: str, value: int) -> bool:
    """Too large for one day's losses (three times the largest day ever reported)."""
    b = BOUNDS.get(category)
    return bool(b) and value > 3 * max(b[1], 1)
