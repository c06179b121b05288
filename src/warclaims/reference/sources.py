"""Reading the vendored official-series files into one shape (official_data.md §2, §4, §8).

Each source becomes a `SourceData`: per category id (vocab.CATEGORIES) a map day-index → value,
where day index 0 is 2022-02-24 (war day 1). Nothing is corrected here: a typo in a source stays
that source's value; the consensus (series.py) decides what to believe.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from ..errors import BadDate, DataError
from ..vocab import WAR_START

BASE_ORDINAL = date.fromisoformat(WAR_START).toordinal()  # day index 0 = war day 1
MERGE_DATE = "2022-05-01"  # vehicles + fuel tanks merged; cruise missiles start (§2.2)

PETRO_KEYS: dict[str, str] = {
    "aircraft": "aircraft",
    "helicopter": "helicopters",
    "tank": "tanks",
    "APC": "armoured_vehicles",
    "field artillery": "artillery",
    "MRL": "mlrs",
    "military auto": "vehicles",
    "fuel tank": "fuel_tanks",
    "drone": "uav",
    "naval ship": "warships",
    "anti-aircraft warfare": "air_defence",
    "special equipment": "special_equipment",
    "mobile SRBM system": "mobile_srbm_systems",
    "vehicles and fuel tanks": "vehicles_fuel_tanks",
    "cruise missiles": "cruise_missiles",
    "submarines": "submarines",
    "ground robotic systems": "ground_robotic_systems",
    "groun d robotic systems": "ground_robotic_systems",  # upstream typo on 2026-05-12…14
    "personnel": "personnel",
    "POW": "pow",
}

ORC_KEYS: dict[str, str] = {
    "personnel": "personnel",
    "tanks": "tanks",
    "afvs": "armoured_vehicles",
    "artillery": "artillery",
    "airDefense": "air_defence",
    "rocketSystems": "mlrs",
    "unarmoredVehicles": "vehicles_fuel_tanks",  # vehicles only before 2022-05-01 (fixed below)
    "fixedWingAircraft": "aircraft",
    "rotaryWingAircraft": "helicopters",
    "uavs": "uav",
    "ships": "warships",
    "submarines": "submarines",
    "specialEquipment": "special_equipment",
    "missiles": "cruise_missiles",
}

CORRECTION_SOURCE = "petroivaniuk correction file"


def day_index(d: str | date) -> int:
    """Day index of an ISO date (or datetime string, or date): 0 = 2022-02-24."""
    if isinstance(d, date):
        return d.toordinal() - BASE_ORDINAL
    try:
        return date.fromisoformat(d[:10]).toordinal() - BASE_ORDINAL
    except (TypeError, ValueError):
        raise BadDate(f"{d!r} is not a date", hint="write dates as YYYY-MM-DD, e.g. 2023-03-30") from None


def iso(idx: int) -> str:
    """ISO date of a day index."""
    return date.fromordinal(idx + BASE_ORDINAL).isoformat()


@dataclass
class SourceData:
    """One dataset's copy of the official series, keyed by category id and day index."""

    name: str  # machine id: petroivaniuk / orc_losses / ...
    label: str  # how a reader knows it: "PetroIvaniuk", "orc-losses"
    values: dict[str, dict[int, int]] = field(default_factory=dict)
    urls: dict[int, str] = field(default_factory=dict)  # bulletin URL per day index
    qualifiers: dict[int, str] = field(default_factory=dict)  # personnel "about"/"more"

    def put(self, category: str, idx: int, value: Any) -> None:
        if value is None or value == "":
            return  # null / blank = not reported (orc-losses, romansverdan)
        self.values.setdefault(category, {})[idx] = int(value)


@dataclass(frozen=True)
class Revision:
    """An official revision of a cumulative total, recorded as an event of its own."""

    date: str
    category: str
    change: int
    source: str = CORRECTION_SOURCE


@dataclass(frozen=True)
class Decrease:
    """A cumulative value that went down from one bulletin to the next in one source."""

    date: str
    category: str
    source: str
    before: int
    after: int
    previous_date: str
    revision: Revision | None  # the correction entry that explains it, if any

    @property
    def anomaly(self) -> bool:
        """A decrease no documented revision explains: an error of that source."""
        return self.revision is None


def _read_json(rel: str) -> Any:
    path = resources.files("warclaims").joinpath("data/official", rel)
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise DataError(
            f"cannot read the vendored reference data {rel}: {exc}",
            hint="reinstall warclaims (pip install --force-reinstall warclaims)",
        ) from exc


def source_from_rows(
    name: str,
    label: str,
    rows: Iterable[Mapping[str, Any]],
    keymap: Mapping[str, str],
    *,
    date_key: str = "date",
    url_key: str | None = None,
) -> SourceData:
    """Any table of bulletin rows (JSON records, csv.DictReader) → SourceData.

    Columns not in `keymap` are ignored; blank cells and nulls mean "not reported".
    """
    src = SourceData(name, label)
    for row in rows:
        idx = day_index(row[date_key])
        for key, cat in keymap.items():
            src.put(cat, idx, row.get(key))
        if url_key and row.get(url_key):
            src.urls[idx] = row[url_key]
    return src


def load_petroivaniuk() -> SourceData:
    equipment = _read_json("petroivaniuk/russia_losses_equipment.json")
    personnel = _read_json("petroivaniuk/russia_losses_personnel.json")
    src = source_from_rows("petroivaniuk", "PetroIvaniuk", equipment, PETRO_KEYS)
    for row in personnel:
        idx = day_index(row["date"])
        src.put("personnel", idx, row.get("personnel"))
        src.put("pow", idx, row.get("POW"))
        if row.get("personnel*"):
            src.qualifiers[idx] = row["personnel*"]
    return src


def load_orc_losses() -> SourceData:
    src = source_from_rows(
        "orc_losses",
        "orc-losses",
        _read_json("orc_losses/russian-losses.json"),
        ORC_KEYS,
        url_key="sourceUri",
    )
    # Before the merge the field counts vehicles only (30 on 2022-02-27 vs Petro's 130 + 60).
    merged = src.values.get("vehicles_fuel_tanks", {})
    cut = day_index(MERGE_DATE)
    early = {i: v for i, v in merged.items() if i < cut}
    for i in early:
        del merged[i]
    if early:
        src.values.setdefault("vehicles", {}).update(early)
    return src


def load_revisions() -> list[Revision]:
    """Every non-zero entry of Petro's correction file, one Revision per (date, category)."""
    out: list[Revision] = []
    for row in _read_json("petroivaniuk/russia_losses_equipment_correction.json"):
        for key, change in row.items():
            cat = PETRO_KEYS.get(key)
            if cat and isinstance(change, int) and change:
                out.append(Revision(row["date"], cat, change))
    out.sort(key=lambda r: (r.date, r.category))
    return out


def find_decreases(src: SourceData, revisions: list[Revision], link_days: int = 2) -> list[Decrease]:
    """Every drop of a cumulative value in `src`, linked to a negative correction entry of the
    same category within `link_days` (the file sometimes dates it a day early: 2023-05-27/28)."""
    negative: dict[str, list[tuple[int, Revision]]] = {}
    for rev in revisions:
        if rev.change < 0:
            negative.setdefault(rev.category, []).append((day_index(rev.date), rev))
    out: list[Decrease] = []
    for cat, col in src.values.items():
        prev_idx: int | None = None
        for idx in sorted(col):
            if prev_idx is not None and col[idx] < col[prev_idx]:
                near = [(abs(i - idx), r) for i, r in negative.get(cat, []) if abs(i - idx) <= link_days]
                rev = min(near, key=lambda t: t[0])[1] if near else None
                out.append(Decrease(iso(idx), cat, src.name, col[prev_idx], col[idx], iso(prev_idx), rev))
            prev_idx = idx
    out.sort(key=lambda d: (d.date, d.category))
    return out
