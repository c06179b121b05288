#!/usr/bin/env python3
# ruff: noqa: E501, E702, SIM115
"""Sanity checks for the synthetic gold-extra corpus (does NOT run the extractor).

    python3 tests/gold-extra/sanity_check.py [--official DIR]

Checks: index schema; every indexed file exists and every .txt is indexed; text length;
every gold value and every gold delta appears literally in the text (digits with any
thousands separator, "1.25 million"/"1,1 млн"/"23 тис."/"35 тыс. 640", or number words),
close to a word of its category; gold values against the PetroIvaniuk series on the
bulletin date (as_of or as_of_inferred) - every deviation must be explained in notes.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = ["file", "source", "publisher", "published", "language", "kind", "claimant", "as_of", "gold", "gold_deltas", "notes"]
CATS = {"personnel", "tanks", "armoured_vehicles", "artillery", "mlrs", "air_defence", "aircraft", "helicopters", "uav",
        "cruise_missiles", "warships", "submarines", "vehicles_fuel_tanks", "special_equipment", "ground_robotic_systems",
        "vehicles", "fuel_tanks", "mobile_srbm_systems", "pow"}
WORDS = {  # number words used in the corpus -> value
    "one": 1, "two": 2, "four": 4, "a thousand": 1000,
    "один": 1, "одна": 1, "одну": 1, "одной": 1, "однієї": 1, "два": 2, "две": 2, "двох": 2, "дві": 2, "чотири": 4,
    "тисячу": 1000, "тисяча": 1000, "тысячу": 1000, "півтори тисячі": 1500, "полтора тысячи": 1500,
}
KW = {  # lowercase stems that must occur near a gold value
    "personnel": ["personnel", "troops", "soldier", "person", "особ", "солдат", "військов", "окупант", "людей", "человек", "военн", "личн", "млн", "million", "casualt"],
    "tanks": ["tank", "танк"],
    "armoured_vehicles": ["apv", "armo", "броньован", "бронирован", "ббм"],
    "artillery": ["artillery", "артилер", "артилл", "артсист"],
    "mlrs": ["mlrs", "rocket", "рсзв", "рсзо"],
    "air_defence": ["anti-aircraft", "air defen", "ппо", "пво"],
    "aircraft": ["aircraft", "airplane", "warplane", "літак", "самолет"],
    "helicopters": ["helicopter", "гелікоптер", "вертол"],
    "uav": ["uav", "drone", "бпла", "бпла", "безпілот", "беспилот"],
    "cruise_missiles": ["cruise", "крилат", "крылат"],
    "warships": ["warship", "ship", "boat", "корабл", "корабел", "катер"],
    "submarines": ["submarine", "підводн", "подводн"],
    "vehicles_fuel_tanks": ["vehicle", "автомобіл", "автомобил", "автотехн"],
    "special_equipment": ["special equipment", "спеціальн", "специальн", "спецтехн"],
    "ground_robotic_systems": ["unmanned ground", "робототехн"],
    "vehicles": ["vehicle", "автомобільн", "автомобильн"],
    "fuel_tanks": ["fuel tank", "цистерн"],
    "mobile_srbm_systems": ["srbm", "ballistic", "отрк"],
    "pow": ["prisoner", "полон", "плен"],
    "other_military_vehicles": ["техніки", "vehicles"],
}
SEP = "[ ,.\u00a0\u202f]"


def numbers(text: str) -> dict[int, list[int]]:
    """value -> list of character positions where the text states it."""
    found: dict[int, list[int]] = {}
    def put(v, pos):
        found.setdefault(round(v), []).append(pos)
    for m in re.finditer(rf"(?<![\d])\d{{1,3}}(?:{SEP}\d{{3}})+(?![\d])|\d+", text):
        put(int(re.sub(r"\D", "", m.group())), m.start())
    for m in re.finditer(r"(\d+)(?:[.,](\d+))?\s*(million|млн|тис\.|тыс\.|тисяч\w*|тысяч\w*)(?:\s+(\d{1,3})(?!\d))?", text):
        base = float(m.group(1) + ("." + m.group(2) if m.group(2) else ""))
        mult = 1_000_000 if m.group(3) in ("million", "млн") else 1000
        v = base * mult + (int(m.group(4)) if m.group(4) and mult == 1000 else 0)
        put(v, m.start())
        if m.group(4) and mult == 1000:
            put(base * mult, m.start())
    low = text.lower()
    for w, v in WORDS.items():
        for m in re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", low):
            put(v, m.start())
    return found


def near(text: str, positions: list[int], cat: str, window: int = 90) -> bool:
    low = text.lower()
    for p in positions:
        seg = low[max(0, p - window): p + window]
        if any(k in seg for k in KW.get(cat, [cat.replace("_", " ")])):
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--official", type=Path, default=Path("/work/shared/data/official/PetroIvaniuk_2022-Ukraine-Russia-War-Dataset"))
    args = ap.parse_args()
    rows = [json.loads(l) for l in open(HERE / "index.jsonl", encoding="utf-8") if l.strip()]
    errors, warnings = [], []
    official = {}
    try:
        keymap = {"personnel": "personnel", "tank": "tanks", "APC": "armoured_vehicles", "field artillery": "artillery", "MRL": "mlrs",
                  "anti-aircraft warfare": "air_defence", "aircraft": "aircraft", "helicopter": "helicopters", "drone": "uav",
                  "cruise missiles": "cruise_missiles", "naval ship": "warships", "submarines": "submarines",
                  "vehicles and fuel tanks": "vehicles_fuel_tanks", "special equipment": "special_equipment",
                  "ground robotic systems": "ground_robotic_systems", "military auto": "vehicles", "fuel tank": "fuel_tanks",
                  "mobile SRBM system": "mobile_srbm_systems", "POW": "pow"}
        for fn in ("russia_losses_equipment.json", "russia_losses_personnel.json"):
            for r in json.load(open(args.official / fn)):
                official.setdefault(r["date"], {}).update({keymap[k]: int(v) for k, v in r.items() if k in keymap and v is not None})
    except OSError:
        warnings.append("official series not found; skipping value comparison")
    files = {p.name for p in HERE.glob("*.txt")}
    indexed = [r["file"] for r in rows]
    if len(set(indexed)) != len(indexed):
        errors.append("duplicate file names in index")
    for f in files - set(indexed):
        errors.append(f"{f}: not in index")
    deviations = 0
    for r in rows:
        f = r["file"]
        for k in FIELDS:
            if k not in r:
                errors.append(f"{f}: missing field {k}")
        if not (HERE / f).exists():
            errors.append(f"{f}: file missing"); continue
        text = (HERE / f).read_text(encoding="utf-8")
        if not 600 <= len(text) <= 2500:
            warnings.append(f"{f}: length {len(text)} outside 600..2500")
        nums = numbers(text)
        for part in ("gold", "gold_deltas"):
            for cat, val in (r.get(part) or {}).items():
                if cat not in CATS and part == "gold" and cat != "other_military_vehicles":
                    warnings.append(f"{f}: non-standard category {cat}")
                if val not in nums:
                    errors.append(f"{f}: {part} {cat}={val} not found in text")
                elif not near(text, nums[val], cat):
                    errors.append(f"{f}: {part} {cat}={val} found but no '{cat}' word nearby")
        day = r.get("as_of") or r.get("as_of_inferred")
        if official and day and r.get("gold"):
            ref = official.get(day, {})
            for cat, val in r["gold"].items():
                if cat in ref and ref[cat] != val:
                    deviations += 1
                    explained = str(val) in r["notes"].replace(",", "").replace(" ", "") or "TYPO" in r["notes"] or "rounded" in r["notes"].lower() or "round" in r["notes"].lower()
                    (warnings if explained else errors).append(
                        f"{f}: {cat}={val} differs from official {day} value {ref[cat]}" + ("" if explained else " (not explained in notes)"))
        if r.get("as_of") and r["as_of"] != r.get("as_of_inferred", r["as_of"]):
            errors.append(f"{f}: as_of {r['as_of']} != as_of_inferred {r['as_of_inferred']}")
    langs = {}
    for r in rows:
        langs[r["language"]] = langs.get(r["language"], 0) + 1
    neg = sum(1 for r in rows if not r["gold"])
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"texts={len(rows)} languages={langs} negatives={neg} positives={len(rows)-neg} "
          f"gold_pairs={sum(len(r['gold']) for r in rows)} deltas={sum(len(r['gold_deltas']) for r in rows)} "
          f"deviations_from_official={deviations} errors={len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
