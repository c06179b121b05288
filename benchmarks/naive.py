"""The naive baseline: one regex per category, nothing else.

For each category id, one regex (on the lower-cased text) with the category's labels in en/uk/ru and two
shapes: number-then-label ("3610 tanks", "2306 (+16) ТАНКІВ") and label-dash-number ("танків ‒ 1637",
"personnel ‒ about 29450"). No attribution (whose losses, who claims), no scope (total or one day), no
dedupe, no dates: every match is a (category, value) pair. The number is a thousands-grouped figure
("462,980", "1 391 950" with a space or NBSP) or a plain run of digits.
"""
from __future__ import annotations

import re

NUM = r"(\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?!\d)|\d+)"
LABELS: dict[str, str] = {
    "personnel": r"(?:liquidated )?personnel|troops|soldiers|servicemen|(?:ліквідовано )?особового складу|осіб"
                 r"|військових|окупантів|личного состава|военных|солдат|оккупантов",
    "tanks": r"tanks?|танк(?:и|ів|ов)",
    "armoured_vehicles": r"apvs?|afvs?|armou?red (?:personnel|fighting|combat) (?:vehicles|carriers)"
                         r"|бойов\w* броньован\w* машин\w*|ббм|боев\w* бронированн\w* машин\w*",
    "artillery": r"artillery(?: systems)?|артилерійськ\w* систем\w*|артиллерийск\w* систем\w*",
    "mlrs": r"mlrs|multiple(?: launch)? rocket (?:launchers|systems)|рсзв|рсзо",
    "air_defence": r"anti-aircraft(?: warfare)? systems|air defen[cs]e (?:systems|assets|equipment)|засоб\w* ппо"
                   r"|средств\w* пво",
    "aircraft": r"aircraft|(?:air)?planes|jets|літак\w*|самолет\w*",
    "helicopters": r"helicopters|гелікоптер\w*|вертол[еі]т\w*",
    "uav": r"(?:operational-tactical )?(?:uavs?|drones)(?: operational-tactical level| \(operational-tactical level\))?"
           r"|бп?ла(?: оперативно-тактичного рівня| оперативно-тактического уровня)?",
    "cruise_missiles": r"cruise missiles|крилат\w* ракет\w*|крылат\w* ракет\w*",
    "warships": r"(?:war)?ships ?(?:/|and) ?boats|корабл\w* ?/ ?катер\w*",
    "submarines": r"submarines|підводн\w* човн\w*|подводн\w* лод\w*",
    "vehicles_fuel_tanks": r"vehicles (?:and|&) fuel tanks|автомобільн\w* технік\w* та автоцистерн\w*"
                           r"|автомобильн\w* техник\w* и автоцистерн\w*",
    "special_equipment": r"(?:pieces of )?special equipment|спеціальн\w* технік\w*|специальн\w* техник\w*",
}
_DASH = r"\s*[‒–—:-]\s*(?:(?:about|approximately|близько|около)\s+)?"
RULES: dict[str, re.Pattern[str]] = {
    cat: re.compile(rf"(?<!\w){NUM}\s*(?:\(\+[^)]*\)\s*)?(?:{labels})(?!\w)|(?<!\w)(?:{labels}){_DASH}{NUM}")
    for cat, labels in LABELS.items()
}


def naive_extract(text: str) -> list[tuple[str, int]]:
    """Every (category, value) the per-category regexes match, in category order, duplicates kept."""
    low = text.lower()  # the labels are lower case: "ТАНКІВ / TANKS" of the infographics
    out: list[tuple[str, int]] = []
    for cat, rx in RULES.items():
        for m in rx.finditer(low):
            out.append((cat, int(re.sub(r"\D", "", m.group(1) or m.group(2)))))
    return out
