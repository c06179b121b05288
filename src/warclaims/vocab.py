"""Loss category ids (a contract, DESIGN.md) and what is known about each one.

`EPOCHS` gives the dates on which a category exists in the General Staff series
(official_data.md §2.2); None means open-ended.
"""
from __future__ import annotations

from dataclasses import dataclass

WAR_START = "2022-02-24"  # "since the start of the war": day 1 of the full-scale invasion


@dataclass(frozen=True)
class Category:
    id: str
    label: str  # English label for reports
    first: str | None = "2022-02-25"  # first bulletin date carrying it
    last: str | None = None  # last bulletin date carrying it
    in_series: bool = True  # part of the official daily series at all


CATEGORIES: dict[str, Category] = {
    c.id: c
    for c in [
        Category("personnel", "personnel"),
        Category("tanks", "tanks"),
        Category("armoured_vehicles", "armoured fighting vehicles"),
        Category("artillery", "artillery systems"),
        Category("mlrs", "MLRS"),
        Category("air_defence", "air defence systems"),
        Category("aircraft", "aircraft"),
        Category("helicopters", "helicopters"),
        Category("uav", "UAVs (operational-tactical)"),
        Category("cruise_missiles", "cruise missiles", first="2022-05-01"),
        Category("warships", "warships / boats"),
        Category("submarines", "submarines", first="2023-09-14"),
        Category("vehicles_fuel_tanks", "vehicles and fuel tanks", first="2022-05-01"),
        Category("special_equipment", "special equipment", first="2022-03-16"),
        Category("ground_robotic_systems", "ground robotic systems", first="2026-05-03"),
        Category("vehicles", "vehicles (2022 epoch)", last="2022-04-30"),
        Category("fuel_tanks", "fuel tanks (2022 epoch)", last="2022-04-30"),
        Category("mobile_srbm_systems", "mobile SRBM systems", first="2022-03-26", last="2022-04-30"),
        Category("pow", "prisoners of war", last="2022-04-27"),
    ]
}



def label(category: str) -> str:
    """English label of a category id; a non-standard id reads as its words."""
    cat = CATEGORIES.get(category)
    return cat.label if cat else category.replace("_", " ")
