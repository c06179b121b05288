"""Oryx photo-confirmed losses (scarnecchia/oryx_data, CC BY 4.0; slim copy in data/oryx, built by
tools/build_equipment.py): per model and side, counts by status with the first and last record date;
per official category and side, a photo-confirmed lower bound by date.

Oryx is a lower bound with photo or video evidence, never a count of the same thing as an official
figure. Record dates are the days the scraper first saw an item, not loss dates; the data ends on
2025-07-19 (SNAPSHOT).

Lower bound at a date D (`lower_bound`): the Oryx page-header total of the category's Oryx types on the
last scrape day ≤ D when the scrape has one (from 2024-09-30 for most types); before that, the evidence
records seen by D (deduplicated by URL) times the category's `scale` = header total / records at the
snapshot (≤ 1: some items have several evidence links), rounded down.
"""
from __future__ import annotations

import bisect
import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "oryx"
SNAPSHOT = "2025-07-19"
STATUSES = ("destroyed", "damaged", "abandoned", "captured")
SIDE_NAMES = {"RUS": "Russia", "UKR": "Ukraine"}
CITATION = "Oryx (oryxspioenkop.com) via scarnecchia/oryx_data, CC BY 4.0"


@dataclass(frozen=True, slots=True)
class System:
    side: str
    system: str
    model: str | None
    families: tuple[str, ...]
    oryx_category: str | None
    category: str | None
    counts: dict[str, int]  # evidence records by status (deduplicated by URL)
    listed: int | None  # Oryx's own count of the system at its last numbered scrape ("377 T-72B3")
    first: str
    last: str


@dataclass(frozen=True, slots=True)
class Bound:
    side: str
    category: str
    date: str  # the date asked for
    value: int
    basis: str  # oryx_header / event_records
    basis_date: str  # the scrape day the value comes from
    oryx_types: tuple[str, ...]


class OryxData:
    def __init__(self, data: Path = DATA) -> None:
        with open(data / "systems.csv", encoding="utf-8") as fh:
            self.systems = [System(r["side"], r["system"], r["model"] or None,
                                   tuple(f for f in r["families"].split(";") if f), r["oryx_category"] or None,
                                   r["category"] or None, {s: int(r[s]) for s in STATUSES},
                                   int(r["listed"]) if r["listed"] else None, r["first_recorded"],
                                   r["last_recorded"]) for r in csv.DictReader(fh)]
        self.by_model: dict[str, list[System]] = defaultdict(list)
        for s in self.systems:
            for name in {*s.families, s.model} - {None}:
                self.by_model[name].append(s)  # type: ignore[index]
        self.days: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.records: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.headers: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
        with open(data / "bounds.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                key = (r["side"], r["category"])
                self.days[key].append(r["date"])
                self.records[key].append(int(r["records"]))
                if r["header"]:
                    self.headers[key].append((r["date"], int(r["header"])))
        with open(data / "categories.csv", encoding="utf-8") as fh:
            self.categories = {(r["side"], r["category"]): r for r in csv.DictReader(fh)}

    @staticmethod
    @cache
    def get() -> OryxData:
        return OryxData()

    def lower_bound(self, category: str, side: str, date: str) -> Bound | None:
        key = (side, category)
        if key not in self.categories:
            return None
        meta = self.categories[key]
        types = tuple(meta["oryx_types"].split(";"))
        date = date[:10]
        hdr = self.headers.get(key, [])
        i = bisect.bisect_right([d for d, _ in hdr], date)
        if i:
            d, v = hdr[i - 1]
            return Bound(side, category, date, v, "oryx_header", d, types)
        days = self.days[key]
        j = bisect.bisect_right(days, date)
        if not j:
            return Bound(side, category, date, 0, "event_records", days[0] if days else "", types)
        value = int(self.records[key][j - 1] * float(meta["scale"]))
        return Bound(side, category, date, value, "event_records", days[j - 1], types)


def model_counts(model: str) -> dict[str, dict]:
    """Per side ("RUS"/"UKR"): evidence records by status and their `total`, `listed` (Oryx's own per-system
    counts where Oryx numbered the system, else the records), first and last record date, the systems counted.

    Records are rows of the Oryx event files deduplicated by evidence URL; an item re-hosted under a new
    URL counts twice, so records run above Oryx's own counts (by 0-40 % per category at the snapshot)."""
    out: dict[str, dict] = {}
    for s in OryxData.get().by_model.get(model, []):
        d = out.setdefault(s.side, {**{k: 0 for k in STATUSES}, "total": 0, "listed": 0, "first_recorded": s.first,
                                    "last_recorded": s.last, "systems": []})
        for k in STATUSES:
            d[k] += s.counts[k]
            d["total"] += s.counts[k]
        d["listed"] += s.listed if s.listed is not None else sum(s.counts.values())
        d["first_recorded"] = min(d["first_recorded"], s.first)
        d["last_recorded"] = max(d["last_recorded"], s.last)
        d["systems"].append(s.system)
    return out


def lower_bound(category: str, side: str, date: str) -> Bound | None:
    """The photo-confirmed lower bound of an official category for one side ("RUS"/"UKR") at a date."""
    return OryxData.get().lower_bound(category, side, date)


_STATUS_CODE = {s[:2]: s for s in STATUSES}


@cache
def _records() -> dict[int, list[tuple[str, str, int]]]:
    """system row → [(status, record date, n)], loaded only when an event is checked."""
    out: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    with open(DATA / "records.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            out[int(r["system_row"])].append((_STATUS_CODE[r["status"]], r["date"], int(r["n"])))
    return out


def model_records(model: str, side: str | None = None) -> list[tuple[str, str, str, int]]:
    """Evidence records of a model (variants included) as (side, status, record date, n), by date."""
    data = OryxData.get()
    rows = _records()
    index = {id(s): i for i, s in enumerate(data.systems)}
    out = [(s.side, st, d, n) for s in data.by_model.get(model, []) if side in (None, s.side)
           for st, d, n in rows.get(index[id(s)], [])]
    return sorted(out, key=lambda r: r[2])
