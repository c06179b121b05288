# ruff: noqa: E501
"""Build the equipment gazetteer and the slim Oryx reference from /work/shared (or --shared DIR).

    python tools/build_equipment.py [--shared /work/shared]

Reads scarnecchia/oryx_data (CC BY 4.0) and PetroIvaniuk's Oryx mapping (MIT), plus the curated tables
in tools/equipment/; writes src/warclaims/data/equipment/*.csv and src/warclaims/data/oryx/*.csv.
Needs pymorphy3 + pymorphy3-dicts-ru/uk (the `build` extra) to inflect Cyrillic aliases; the package
never needs them at run time. Deterministic: the same inputs give byte-identical files.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from equipment.classes import CLASSES, PRESS_CLASS, STOP  # noqa: E402
from equipment.curated import FAMILIES, MEANS, MEANS_TARGETS  # noqa: E402

DATA = ROOT / "src" / "warclaims" / "data"
STATUSES = ("destroyed", "damaged", "abandoned", "captured")
SNAPSHOT = "2025-07-19"  # the last day of the scarnecchia/oryx_data snapshot
SIDES = {"Russia": "RUS", "Ukraine": "UKR"}

# Oryx category names drift: one name per category (the newest the Russian page uses).
ORYX_RENAMES = {
    "Multiple Rocket Launchers": "Rocket and Missile Artillery",
    "Naval Ships": "Naval Ships and Submarines",
    "Trucks, Vehicles and Jeeps": "Trucks, Vehicles and Jeeps",
    "Trucks, Vehicles, and Jeeps": "Trucks, Vehicles and Jeeps",
    "Trucks, Vehicles, Jeeps, and Trains": "Trucks, Vehicles and Jeeps",
    "Radars And Communications Equipment": "Radars",
}

# Oryx category → official loss category id (research/official_data.md §8; PetroIvaniuk's map with its
# SAM → MLRS error fixed). Command posts and engineering vehicles are special_equipment here.
ORYX_TO_OFFICIAL = {
    "Tanks": "tanks",
    "Armoured Fighting Vehicles": "armoured_vehicles",
    "Infantry Fighting Vehicles": "armoured_vehicles",
    "Armoured Personnel Carriers": "armoured_vehicles",
    "Mine-Resistant Ambush Protected": "armoured_vehicles",
    "Infantry Mobility Vehicles": "armoured_vehicles",
    "Command Posts And Communications Stations": "special_equipment",
    "Engineering Vehicles And Equipment": "special_equipment",
    "Unmanned Ground Vehicles": "ground_robotic_systems",
    "Self-Propelled Anti-Tank Missile Systems": "artillery",
    "Artillery Support Vehicles And Equipment": "artillery",
    "Towed Artillery": "artillery",
    "Self-Propelled Artillery": "artillery",
    "Rocket and Missile Artillery": "mlrs",
    "Anti-Aircraft Guns": "air_defence",
    "Self-Propelled Anti-Aircraft Guns": "air_defence",
    "Surface-To-Air Missile Systems": "air_defence",
    "Radars": "special_equipment",
    "Jammers And Deception Systems": "special_equipment",
    "Aircraft": "aircraft",
    "Helicopters": "helicopters",
    "Unmanned Combat Aerial Vehicles": "uav",
    "Reconnaissance Unmanned Aerial Vehicles": "uav",
    "Naval Ships and Submarines": "warships",
    "Trucks, Vehicles and Jeeps": "vehicles_fuel_tanks",
}

# Keyword rules for Oryx systems PetroIvaniuk's (2023, Russian-side) map does not list. First match wins;
# the specific ones (radars, transloaders, command vehicles) come before the family categories.
SPECIFIC_RULES = [
    (r"(?i:radar)|Tall King|Flat Face|Bar Lock|Side Net|Odd Pair|Thin Skin|\bPRV-|Sentinel|\bP-1[0-9]\b|\bP-3[57]|"
     r"80K6|MR-18|RADA|Lorandit|Yastreb-AV|\bRLS\b|Nebo|Podlet|Kasta|Zoopark|Aistyonok|\bP-18|Sopka|Ark-1|surveillance|Flap Lid|Tube Arm|"
     r"\b(?:30N6|64N6|36D6|96L6|92N6|91N6|9S18|9S36|9S32|1L2|1L1|1RL)", "Radars"),
    (r"\bEW\b|jamm|Krasukha|Borisoglebsk|Leer|Zhitel|Pole-21|Repellent|Rtut|Svet-KU|Infauna|Shipovnik|"
     r"Moskva-1|Torn|Bukovel|counter-UAV|Diabazol|Lesochek|Murmansk|Silok|Tirada|Palantin|decoy|Deception",
     "Jammers And Deception Systems"),
    (r"command|staff vehicle|signal|communication|radio|relay|SatCom|R-1[0-9]{2}|R-4[0-9]{2}|R-9[0-9]{2}|\bP-2[0-9]{2}|"
     r"fire direction|KShM|\bKSh\b|\bMP-2|Barnaul|Redut|Kapustnik|Sobolyatnik|reconnaissance station|PRP-|"
     r"\b1V1[0-9]|\b1V[0-9]{3}", "Command Posts And Communications Stations"),
    (r"ATGM carrier|Metis|Fagot|Javelin|NLAW|Shturm|Khrizantema|Konkurs|Kornet|Sturm|Stugna|anti-tank missile", "Self-Propelled Anti-Tank Missile Systems"),
    (r"UGV|robotic|Uran-|Kuryer|Platform-M|ground vehicle", "Unmanned Ground Vehicles"),
    (r"mine[- ]clearing|repair workshop|recovery vehicle|\bARV\b", "Engineering Vehicles And Equipment"),
    (r"tank transporter|low-loader", "Trucks, Vehicles and Jeeps"),
]
GENERIC_RULES = [
    (r"transloader|transporter-loader|TZM|resupply|ammunition|loader|\b2F|9T2|transload|reload",
     "Artillery Support Vehicles And Equipment"),
    (r"(?<!-)\btank\b(?! transporter)|\bT-(?:54|55|62|64|72|80|84|90)|Leopard|Abrams|Challenger 2|PT-91|M-55S|Stridsvagn|Strv", "Tanks"),
    (r"helicopter|\bMi-\d|\bKa-\d|Gazelle|\bSea King|Westland", "Helicopters"),
    (r"aircraft|bomber|fighter|\bSu-\d|MiG-|\bTu-(?:2|9|1[56])|\bIl-\d|\bAn-\d|\bYak-|\bBe-\d|\bL-39|\bF-16|A-50|"
     r"Mirage|flying boat|airliner", "Aircraft"),
    (r"UCAV|Okhotnik|Bayraktar TB|Mohajer|Forpost|Orion|Inokhodets|loitering munition launcher", "Unmanned Combat Aerial Vehicles"),
    (r"UAV|drone|Orlan|ZALA|Zala|Supercam|Eleron|Leleka|Granat|Tachyon|Fury|Shark|Mavic|RQ-20 Puma|Puma UAV|Raven|Skywalker|"
     r"Spectator|Furia|Mini|Valkyrie|Quantum Vector|Punisher|ScanEagle|Chaklun|Tu-14[13]|Vostok|Gerbera|Kartograf|Privet|Takhion|"
     r"Lastochka|Merlin|Molniya|Mugin|Feniks|Skat|SKAT|Orbiter|Sparrow|Tsikada|Kub-BLA|Lancet|Orlik|"
     r"Penguin|FlyEye|Tekever|Raybird|UJ-22|Heidrun|Primoco|\bPD-[12]\b|Poseidon|Mara-2|SpecAero|Cetus|EOS-C|"
     r"Dovbush|Sarych|Warmate|\bElf\b|\bAres\b|\bHor\b",
     "Reconnaissance Unmanned Aerial Vehicles"),
    (r"ship|boat|submarine|corvette|frigate|cruiser|vessel|tug|Project \d|landing craft|minesweeper|Raptor|"
     r"BK-16|hovercraft|trawler|yacht|sloop|barge|ferry|Grachonok|Mangust|Kilo-class", "Naval Ships and Submarines"),
    (r"MRL|MLRS|Grad|Uragan|Smerch|Tornado|TOS-|HIMARS|M142|M270|Iskander|Tochka|Vilkha|\bBM-\d|RAK-|LRSVM|"
     r"rocket launcher|Chuch'e|Bureviy|Ogon-18|Buratino|9P1[2-5]\d|RM-70|APR-40|Bastion|K-300P|Bal\b|Rubezh", "Rocket and Missile Artillery"),
    (r"\bSAM\b|\bS-[234]\d\d|Buk|\bTor\b|Tor-|Osa|Strela|Pantsir|Kub\b|Krug|(?<!UAZ )Patriot|IRIS-T|NASAMS|Crotale|"
     r"Pongae|Pechora|S-125|ASRAAM|HAWK|Igla|Verba|Stinger|Gibka|Stormer|Avenger|Hawk|Aspide|SAMP/T|Skyguard|launcher for|TEL\b|TELAR|TLAR|"
     r"9K3[0-9]|9A3[0-9]", "Surface-To-Air Missile Systems"),
    (r"Tunguska|Shilka|ZSU-|Gepard|anti-aircraft gun|AA gun.*(?:MT-LB|BTR|chassis)|Viktor|2S6", "Self-Propelled Anti-Aircraft Guns"),
    (r"ZU-23|S-60|AZP|anti-aircraft|\bAA gun|KS-19|ZPU|Bofors|Flak", "Anti-Aircraft Guns"),
    (r"howitzer|mortar|gun\b|\b2A\d\d|D-30|D-20|M-30|M-46|M777|M119|L119|FH-70|\d+mm .*(?:cannon|field gun)|"
     r"MT-12|Rapira|\b2B\d|Vasilek|Nona-K|Giatsint-B|Msta-B|TRF1|Sprut-B|BS-3|M101|M114|Tyulpan towed",
     "Towed Artillery"),
    (r"2S\d|Koksan|self-propelled|Msta-S|Akatsiya|Gvozdika|Pion|Malka|Giatsint-S|Koalitsiya|Nona|Vena|Krab|CAESAR|"
     r"Caesar|PzH|AS-90|AS90|M109|Bohdana|Zuzana|Dana|DITA|Archer|Malva|ShKH|Palmaria", "Self-Propelled Artillery"),
    (r"engineer|engineering|bridge|bridgelayer|mine-clear|mine clear|minelayer|mine-lay|recovery|excavator|"
     r"crane|bulldozer|trench|digger|\bIMR|\bBAT-|\bPTS|\bGMZ|\bUR-77|\bUR-83|Zemledeliye|BREM|\bMTU|"
     r"\bPMP\b|pontoon|\bTMM|obstacle|dozer|KRAZ-255 with|Kharkivchanka|BTM-|MDK-|PZM|\bBG-|Leguan|Bergepanzer|"
     r"Bgbv|M1150|AVLB|MT-T |Zhuk|Kashalot|drilling|Biber|Dachs|Keiler|Pionierpanzer|Wisent|Kodiak|ARV|decontamination|TMS-65|ARS-14|smoke", "Engineering Vehicles And Equipment"),
    (r"MRAP|MaxxPro|Cougar|Kirpi|Typhoon|Taifun|Bushmaster|Mastiff|Wolfhound|Husky|Roshel|Senator|Oshkosh M-ATV|"
     r"M-ATV|RG-31|Gurkha|INKAS|Titan-S|MSL Shield|Oncilla|Dzik|Armoured SUV|VAMTAC|Gyurza|RG-33|Ejder|Vuran|Caiman|Kozak-5", "Mine-Resistant Ambush Protected"),
    (r"\bIFV\b|BWP|BMP|BMD|BTR-82|BTR-4|BTR-3|Bradley|Marder|CV90|CV-90|Puma IFV|YPR-765|BVP|Warrior|Dingo|"
     r"KTO Rosomak|Rosomak|Pbv|BMP-1", "Infantry Fighting Vehicles"),
    (r"\bAPC\b|Ambulance|Bison|FV432|BTR|MT-LB|M113|Stryker|VAB|Spartan|FV10|AMX-10|Saxon|M1117|Patria|Pansarbandvagn|Bv 206|BvS|"
     r"Lynx|Sisu|Mamba|Hägglund|Hagglunds|Piranha|TPz|Fuchs|Wolf|Otokar", "Armoured Personnel Carriers"),
    (r"\bAFV\b|BRDM|BMPT|Terminator|AMX-10|reconnaissance vehicle|\bBRM|\bBREM|armoured car|scout car|Sturmtiger|"
     r"\bFV107|Scimitar|Jackal|Spartan|Ferret|Fennek|Unknown AFV|PRP-4", "Armoured Fighting Vehicles"),
    (r"\bIMV\b|Tigr|Kozak|Novator|Varta|Triton|Bars|Spartan|Dozor|Saxon|HMMWV|Humvee|Iveco LMV|Linza|Otter|"
     r"Mastiff|Vepr|Bogdan|Patrol|Rys|Eagle|Panthera|Shrek|Typhoon-VDV|Volk|Fox|Kraz Spartan|Lince|Grizzly|"
     r"Scorpion|armoured cabin|Hawkei|AMV|infantry mobility", "Infantry Mobility Vehicles"),
    (r"truck|tanker|jeep|car\b|van\b|bus\b|lorry|Ural|KamAZ|Kamaz|GAZ|ZiL|KrAZ|MAZ|UAZ|LuAZ|Lada|Toyota|"
     r"Mitsubishi|Land Rover|Pinzgauer|Unimog|DAF|MAN |Iveco|Volvo|Mercedes|Scania|Tatra|Jelcz|Steyr|train|"
     r"locomotive|wagon|motorcycle|ATV|quad|buggy|kitchen|field|trailer|tractor|Niva|Volkswagen|Ford|Nissan|"
     r"PAZ-|Daewoo|Peugeot|RMMV|FMTV|YAD |M548|Chevrolet|Hyundai|Renault|vehicle|BAZ|\bBMZ|\bAPA-|Avtozak|van|Sobol|Gazelle|Bogdan|pickup", "Trucks, Vehicles and Jeeps"),
]
FAMILY_RE = [(f[0], re.compile(f[1])) for f in FAMILIES]

LAT2CYR = [("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"),
           ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
           ("y", "ы"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
           ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "ц"), ("w", "в"), ("x", "кс")]
CODE_RE = re.compile(r"(?<![\w-])((?:[A-Z][A-Za-z]{0,5}-)?\d?[A-Z]{0,4}\d+[A-Z0-9]*(?:-\d+[A-Z]*)?)(?![\w-])")


def clean_system(raw: str) -> str:
    """'489 BTR-82A(M)' → 'BTR-82A(M)': Oryx prefixes the per-type count at scrape time."""
    return re.sub(r"^\d+\s+", "", raw.strip()).strip()


def translit_code(code: str) -> str:
    """Designation to Cyrillic, letter by letter: BTR-82A → БТР-82А, T-72B3 → Т-72Б3, 2S19 → 2С19."""
    out, i, low = [], 0, code.lower()
    while i < len(code):
        for lat, cyr in LAT2CYR:
            if low.startswith(lat, i):
                out.append(cyr.upper() if code[i].isupper() else cyr)
                i += len(lat)
                break
        else:
            out.append(code[i])
            i += 1
    return "".join(out)


def english_plural(word: str) -> list[str]:
    last = word.split()[-1] if word.split() else word
    if not last[-1:].isalpha() or (last.isupper() and len(last) <= 5 and last not in ("APC", "IFV", "AFV", "SAM", "UAV", "MRAP", "SPG", "USV", "MBT", "ATGM", "MRL")):
        return [word + "s"] if word[-1:].isdigit() or word[-1:].isupper() else []
    if last.endswith(("s", "x", "ch", "sh")):
        return [word + "es"]
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return [word[:-1] + "ies"]
    if last in ("aircraft",):
        return []
    return [word + "s"]


class Inflector:
    """Cyrillic forms with pymorphy3: the head noun and the agreeing words before it, all cases and numbers."""

    CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")

    def __init__(self) -> None:
        import pymorphy3

        self.morph = {"ru": pymorphy3.MorphAnalyzer(lang="ru"), "uk": pymorphy3.MorphAnalyzer(lang="uk")}
        self.cases: dict[str, set[str]] = {}  # form (lower-cased) → the grammatical cases it can stand for

    def forms(self, phrase: str, lang: str) -> list[str]:
        if not re.search(r"[а-яіїєґё]", phrase) or re.search(r"\d", phrase):
            return []  # abbreviations (ЗРК, БТР), designations (Т-72Б3, Бук-М1) and Latin names stay as they are
        morph = self.morph[lang]
        words = phrase.split(" ")
        if len(words) == 1 and "-" in phrase and not re.search(r"[а-яіїєґё]", phrase.split("-")[0]) \
                and re.fullmatch(r"[а-яіїєґё']+", phrase.rpartition("-")[2]):
            # "FPV-дрон", "ФПВ-дрон": the last part declines ("FPV-дроном"); the prefix stays
            prefix, _, last = phrase.rpartition("-")
            cands = morph.parse(last)
            p = next((c for c in cands if "NOUN" in c.tag and c.tag.case in ("nomn", None)), None)
            if p is None:
                return []
            out = set()
            for f in p.lexeme:
                out.add(f"{prefix}-{f.word}")
                if f.tag.case:
                    self.cases.setdefault(f"{prefix}-{f.word}".lower(), set()).add(f.tag.case)
            out.discard(phrase)
            return sorted(out)
        head_i = None
        parses = []
        for i, w in enumerate(words):
            base = w.split("-")[0]
            cands = morph.parse(base)
            p = next((c for c in cands if c.tag.case == "nomn" and ({"NOUN", "ADJF", "PRTF"} & c.tag.grammemes)),
                     cands[0])
            parses.append(p)
            if head_i is None and "NOUN" in p.tag and p.tag.case in ("nomn", None):
                head_i = i
        if head_i is None:
            return []
        out = set()
        if len(words) == 1:  # one noun: every form of its lexeme ("Града", "Градов", "Градові")
            base, _, rest = words[0].partition("-")
            for f in parses[0].lexeme:
                word = f.word[:1].upper() + f.word[1:] if base[:1].isupper() else f.word
                out.add(word + (("-" + rest) if rest else ""))
                if f.tag.case:
                    self.cases.setdefault((word + (("-" + rest) if rest else "")).lower(), set()).add(f.tag.case)
            out.discard(phrase)
            return sorted(out)
        for number in ("sing", "plur"):
            for case in self.CASES:
                new = list(words)
                ok = True
                for i in range(head_i + 1):
                    w = words[i]
                    base, _, rest = w.partition("-")
                    p = parses[i]
                    if i < head_i and not ({"ADJF", "PRTF"} & set(str(p.tag).replace(" ", ",").split(","))):
                        continue
                    # the uk dictionary marks singular by gender alone: try the fuller grammeme sets first
                    gender = parses[head_i].tag.gender if i < head_i else p.tag.gender
                    tries = [{case, "plur"}] if number == "plur" else [
                        g for g in ({case, "sing", gender}, {case, gender}, {case, "sing"}, {case}) if None not in g]
                    f = next((f for f in (p.inflect(g) for g in tries) if f is not None), None)
                    if f is None:
                        ok = False
                        break
                    word = f.word
                    if base[:1].isupper():
                        word = word[:1].upper() + word[1:]
                    new[i] = word + (("-" + rest) if rest else "")
                if ok:
                    out.add(" ".join(new))
                    self.cases.setdefault(" ".join(new).lower(), set()).add(case)
        out.discard(phrase)
        return sorted(out)


def read_oryx(shared: Path) -> tuple[list[dict], dict]:
    src = shared / "data" / "verified" / "scarnecchia_oryx_data"
    rows, seen = [], set()
    for status in STATUSES:
        with open(src / f"event_{status}.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                system = clean_system(r["system"])
                prefix = re.match(r"\d+(?=\s)", r["system"].strip())
                key = (r["country"], system, status, r["url"])
                if key in seen:  # the same evidence under another count prefix
                    continue
                seen.add(key)
                rows.append({"side": SIDES[r["country"]], "system": system, "status": status,
                             "date": r["date_recorded"], "listed": int(prefix.group()) if prefix else 0})
    return rows, {"commit": "a8624b4781666b73440fba89824133cb41531a72", "snapshot": "2025-07-19"}


def petro_map(shared: Path) -> dict[str, str]:
    path = shared / "data" / "official" / "PetroIvaniuk_2022-Ukraine-Russia-War-Dataset" / "russia_losses_equipment_oryx.json"
    out = {}
    for r in json.loads(path.read_text(encoding="utf-8")):
        out[r["model"].strip()] = ORYX_RENAMES.get(r["equipment_oryx"].strip(), r["equipment_oryx"].strip())
    return out


def _nameable(name: str) -> bool:
    """An Oryx system name fit to be an alias: a proper name of at most three words, no description."""
    words = name.split()
    return (0 < len(words) <= 3 and name[0].isupper() and not name.startswith(("Unknown", "Uknown", "NA"))
            and name not in ("NOTA", "Elf", "Hor", "Ares")
            and not re.search(r"[(<:]|\b(?:truck|vehicle|tanker|boat|pontoon|station|system|radar|UAV|with|for)\b",
                              name))


def families_of(system: str) -> list[str]:
    return [name for name, rx in FAMILY_RE if rx.search(system)]


def classify(system: str, petro: dict[str, str], fams: list[str], fam_cat: dict[str, str]) -> tuple[str, str]:
    if system in petro:
        return petro[system], "petroivaniuk"
    for rx, cat in SPECIFIC_RULES:
        if re.search(rx, system):
            return cat, "rule"
    if fams and fam_cat.get(fams[-1]):
        return fam_cat[fams[-1]], "family"
    for rx, cat in GENERIC_RULES:
        if re.search(rx, system):
            return cat, "rule"
    return "", "unclassified"


# Official category → the Oryx categories a photo-confirmed lower bound for it may count (the strict core:
# artillery support vehicles, SP ATGM carriers, command posts and engineering vehicles stay out).
BOUND_TYPES = {
    "tanks": ["Tanks"],
    "armoured_vehicles": ["Armoured Fighting Vehicles", "Infantry Fighting Vehicles", "Armoured Personnel Carriers",
                          "Mine-Resistant Ambush Protected", "Infantry Mobility Vehicles"],
    "artillery": ["Towed Artillery", "Self-Propelled Artillery"],
    "mlrs": ["Rocket and Missile Artillery"],
    "air_defence": ["Surface-To-Air Missile Systems", "Self-Propelled Anti-Aircraft Guns", "Anti-Aircraft Guns"],
    "aircraft": ["Aircraft"],
    "helicopters": ["Helicopters"],
    "uav": ["Unmanned Combat Aerial Vehicles", "Reconnaissance Unmanned Aerial Vehicles"],
    "warships": ["Naval Ships and Submarines"],
    "vehicles_fuel_tanks": ["Trucks, Vehicles and Jeeps"],
    "special_equipment": ["Radars", "Jammers And Deception Systems", "Engineering Vehicles And Equipment",
                          "Command Posts And Communications Stations"],
}


def norm_type(name: str) -> str:
    name = name.strip()
    return ORYX_RENAMES.get(name, name)


def write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def build(shared: Path) -> dict:
    t0 = time.perf_counter()
    rows, meta = read_oryx(shared)
    petro = petro_map(shared)
    fam_cat = {f[0]: f[3] for f in FAMILIES}
    # --- Oryx systems
    systems: dict[tuple[str, str], dict] = {}
    for r in rows:
        s = systems.setdefault((r["side"], r["system"]), {st: 0 for st in STATUSES} | {"first": r["date"],
                                                                                   "last": r["date"]})
        s[r["status"]] += 1
        s["listed"] = max(s.get("listed", 0), r["listed"])
        s["first"], s["last"] = min(s["first"], r["date"]), max(s["last"], r["date"])
    sys_rows, sys_cat, basis_count = [], {}, Counter()
    code_systems: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (side, system), s in sorted(systems.items()):
        fams = families_of(system)
        cat, basis = classify(system, petro, fams, fam_cat)
        basis_count[basis] += 1
        sys_cat[(side, system)] = cat
        model = fams[-1] if fams else ""
        if not fams:
            m = CODE_RE.search(system)
            if m and re.search(r"\d", m.group(1)) and re.search(r"[A-Za-z]", m.group(1)) and len(m.group(1)) >= 3:
                model = m.group(1)
            else:  # no designation: the system's own name is the model ("Novator", "Kuryer logistics UGV")
                model = system
            code_systems[model].append((side, system))
        sys_rows.append([side, system, model, ";".join(fams), cat, ORYX_TO_OFFICIAL.get(cat, ""),
                         *[s[st] for st in STATUSES], s.get("listed") or "", s["first"], s["last"], basis])
    # --- models
    model_rows, alias_rows = [], []
    inflector = Inflector()

    def add_aliases(kind: str, ref: str, latin: str, cyr: str, ambiguous: str, cyr_translit: bool = True) -> None:
        amb = {a.lower() for a in ambiguous.split(";") if a}
        seen = set()

        def add(alias: str, lang: str, form: str, is_amb: bool) -> None:
            if alias and alias.lower() not in seen:
                seen.add(alias.lower())
                alias_rows.append([alias, kind, ref, lang, int(is_amb), form])

        for a in [x for x in latin.split(";") if x]:
            add(a, "en", "base", a.lower() in amb)
            for pl in english_plural(a):
                add(pl, "en", "plural", a.lower() in amb)
            if cyr_translit and re.search(r"\d", a) and re.fullmatch(r"[A-Za-z0-9()/-]+", a):
                add(translit_code(a), "ru", "translit", False)
        for a in [x for x in cyr.split(";") if x]:
            add(a, "", "base", a.lower() in amb)
            if " " not in a and not re.search(r"\d", a):
                for lang in ("ru", "uk"):
                    for f in inflector.forms(a, lang):
                        add(f, lang, "inflected", a.lower() in amb)

    counts_by_family: dict[str, Counter] = defaultdict(Counter)
    for row in sys_rows:
        for fam in row[3].split(";") if row[3] else []:
            counts_by_family[fam][row[4]] += sum(row[6:10])
    for name, _rx, nato, ocat, pclass, latin, cyr, amb, means in FAMILIES:
        if not ocat and counts_by_family[name]:
            ocat = counts_by_family[name].most_common(1)[0][0]
        parent = ""
        for other, orx in FAMILY_RE:
            if other == name:
                break
            if any(orx.search(a) for a in [name, *latin.split(";")] if a):
                parent = other
        pc = PRESS_CLASS.get(pclass, ("", "", ""))
        model_rows.append([name, "family", parent, ocat, ORYX_TO_OFFICIAL.get(ocat, ""), nato, pclass, *pc, means])
        add_aliases("model", name, latin, cyr, amb)
    curated_aliases = {a[0].lower() for a in alias_rows}
    for code, members in sorted(code_systems.items()):
        cats = Counter(sys_cat[m] for m in members)
        ocat = cats.most_common(1)[0][0]
        model_rows.append([code, "oryx", "", ocat, ORYX_TO_OFFICIAL.get(ocat, ""), "", "", "", "", "", ""])
        if code.lower() in curated_aliases:
            continue
        if CODE_RE.fullmatch(code):
            # not "350M" (money), "M60"/"T10" (roads, guns, anything): too short or too plain to be a name
            if not re.fullmatch(r"\d+[A-Z]|[A-Z]{1,2}\d{1,2}", code):
                add_aliases("model", code, code, "", "")
        elif _nameable(code):  # a name, not a description: whole, and with a capital when one word
            add_aliases("model", code, code, "", code if " " not in code else "", cyr_translit=False)
    # PetroIvaniuk's (2023) Oryx names that the 2025 scrape spells otherwise: models too, same category
    known = {r[0] for r in model_rows} | {r[1] for r in sys_rows}
    for name, ocat in sorted(petro.items()):
        if name not in known:
            model_rows.append([name, "petroivaniuk", "", ocat, ORYX_TO_OFFICIAL.get(ocat, ""), "", "", "", "", "",
                               ""])
    for name, mclass, latin, cyr, amb in MEANS:
        model_rows.append([name, "means", "", "", MEANS_TARGETS.get(name, ""), "", "", "", "", "", mclass])
        add_aliases("means", name, latin, cyr, amb, cyr_translit=False)  # Cyrillic given: Герань, not "Геран"
    class_rows = []
    for key, (norm, cat, means, en, uk, ru) in CLASSES.items():
        class_rows.append([key, norm, cat, means])
        for a in [x for x in en.split(";") if x]:
            alias_rows.append([a, "class", key, "en", 0, "base"])
            for pl in english_plural(a):
                alias_rows.append([pl, "class", key, "en", 0, "plural"])
        for lang, words in (("uk", uk), ("ru", ru)):
            for a in [x for x in words.split(";") if x]:
                alias_rows.append([a, "class", key, lang, 0, "base"])
                for f in inflector.forms(a, lang):
                    alias_rows.append([f, "class", key, lang, 0, "inflected"])
    for lang, words in STOP.items():
        for a in [x for x in words.split(";") if x]:
            alias_rows.append([a, "stop", "", lang, 0, "base"])
    # abbreviations among the class words (SAM, APC, ЗРК, САУ) count only in capitals: "Sam", "сау" are other words
    for r in alias_rows:
        if r[1] == "class" and re.fullmatch(r"[A-ZА-ЯІЇЄҐЁ]{2,}s?", r[0]):
            r[4] = 2
    # drop exact duplicate (alias, kind, ref) rows, keep the first
    uniq, seen = [], set()
    for r in alias_rows:
        k = (r[0].lower(), r[1], r[2])
        if k not in seen:
            seen.add(k)
            uniq.append(r)
    alias_rows = uniq
    # --- Oryx lower bounds by date
    bound_rows, cat_rows = build_bounds(shared, rows, sys_cat)
    out = DATA / "equipment"
    write_csv(out / "models.csv", ["model", "source", "parent", "oryx_category", "category", "nato_name",
                                   "press_class", "press_class_en", "press_class_uk", "press_class_ru", "means_class"],
              model_rows)
    # the grammatical cases an inflected form can stand for ("артилерією" → ablt): the matcher leaves forms that
    # are only instrumental out of the targets ("знищена артилерією" names what struck)
    for r in alias_rows:
        r.append("|".join(sorted(inflector.cases.get(r[0].lower(), ()))) if r[5] == "inflected" else "")
    write_csv(out / "aliases.csv", ["alias", "kind", "ref", "lang", "ambiguous", "form", "cases"], alias_rows)
    write_csv(out / "classes.csv", ["key", "class_normalised", "category", "means_class"], class_rows)
    oryx = DATA / "oryx"
    write_csv(oryx / "systems.csv", ["side", "system", "model", "families", "oryx_category", "category",
                                     *STATUSES, "listed", "first_recorded", "last_recorded", "category_basis"], sys_rows)
    # evidence records per system (its row number in systems.csv), status and record date
    index = {(r[0], r[1]): i for i, r in enumerate(sys_rows)}
    per_record = Counter((index[(r["side"], r["system"])], r["status"][:2], r["date"]) for r in rows)
    write_csv(oryx / "records.csv", ["system_row", "status", "date", "n"],
              [[*k, n] for k, n in sorted(per_record.items())])
    write_csv(oryx / "bounds.csv", ["side", "category", "date", "records", "header"], bound_rows)
    write_csv(oryx / "categories.csv", ["side", "category", "oryx_types", "header_final", "header_date",
                                        "records_final", "scale"], cat_rows)
    shutil.copyfile(shared / "data" / "verified" / "scarnecchia_oryx_data" / "LICENSE.txt", oryx / "LICENSE.txt")
    # the gazetteer is derived from both sources: their licences ship beside it (CC BY 4.0 asks for credit
    # and a note of the changes, MIT for the notice) — see data/equipment/SOURCES.md
    shutil.copyfile(shared / "data" / "verified" / "scarnecchia_oryx_data" / "LICENSE.txt",
                    out / "LICENSE-oryx-data-CC-BY-4.0.txt")
    shutil.copyfile(shared / "data" / "official" / "PetroIvaniuk_2022-Ukraine-Russia-War-Dataset" / "LICENSE.txt",
                    out / "LICENSE-petroivaniuk-MIT.txt")
    return {"seconds": round(time.perf_counter() - t0, 2), "systems": len(sys_rows), "models": len(model_rows),
            "aliases": len(alias_rows), "category_basis": dict(basis_count), **meta}


def build_bounds(shared: Path, rows: list[dict], sys_cat: dict) -> tuple[list[list], list[list]]:
    type_to_cat = {t: c for c, ts in BOUND_TYPES.items() for t in ts}
    per_day: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in rows:
        cat = type_to_cat.get(sys_cat[(r["side"], r["system"])])
        if cat:
            per_day[(r["side"], cat)][r["date"]] += 1
    # Oryx page-header totals per (side, type): daily_count.csv has a row when a type's total changed
    # (carried forward), totals_by_type.csv the totals on the snapshot day.
    typed: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    base = shared / "data" / "verified" / "scarnecchia_oryx_data"
    with open(base / "daily_count.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            typed[(SIDES[r["country"]], norm_type(r["equipment_type"]))][r["date_recorded"]] = int(r["type_total"])
    with open(base / "totals_by_type.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            typed[(SIDES[r["country"]], norm_type(r["equipment_type"]))][SNAPSHOT] = int(r["type_total"])
    header: dict[tuple[str, str], dict[str, int]] = {}
    for side in SIDES.values():
        dates = sorted({d for (s, _), v in typed.items() if s == side for d in v})
        for cat, types in BOUND_TYPES.items():
            series = [sorted(typed.get((side, t), {}).items()) for t in types]
            out = {}
            for d in dates:
                vals = [next((v for dd, v in reversed(ser) if dd <= d), None) for ser in series]
                if all(v is not None for v in vals):
                    out[d] = sum(vals)  # type: ignore[arg-type]
            header[(side, cat)] = out
    bound_rows, cat_rows = [], []
    for (side, cat), days in sorted(per_day.items()):
        types = BOUND_TYPES[cat]
        hdr = header.get((side, cat), {})
        total, last_hdr = 0, None
        for d in sorted(set(days) | set(hdr)):
            total += days.get(d, 0)
            bound_rows.append([side, cat, d, total, hdr.get(d, "")])
            if d in hdr:
                last_hdr = (d, hdr[d])
        final_hdr_date, final_hdr = last_hdr or ("", 0)
        scale = min(1.0, final_hdr / total) if final_hdr and total else 1.0
        cat_rows.append([side, cat, ";".join(types), final_hdr or "", final_hdr_date, total, f"{scale:.4f}"])
    return bound_rows, cat_rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="/work/shared", type=Path)
    args = ap.parse_args()
    print(json.dumps(build(args.shared), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
