"""The category lexicon: how each loss category is written in en/uk/ru, every epoch and case.

Patterns run on folded text (normalize.fold: lower case, "-" for every dash, "'" for every
apostrophe, "е" for "ё"). Alternatives are tried in order, so longer and merged labels come
first ("vehicles and fuel tanks" before "fuel tanks" before "tanks"). Ids are the DESIGN.md
contract; the pseudo id `vehicles*` is decided by epoch later (separate "vehicles" line before
2022-05-01, shortened "vehicles and fuel tanks" after); `other:` ids are counts with no standard
category and take the snake_case of their noun phrase.
"""
from __future__ import annotations

import re
import re._parser as _sre_parse  # first-character sets of the label alternatives (see _first)

A = r"(?:and|&|/|та|і|й|и|,)"  # "and" in any of the three languages (and the slash of bulletins)
# Words that may follow an adjective-like personnel word ("военных", "військових", "military")
# when it is used as a noun; "14 военных аэродромов" must not read as personnel.
_NOUN_END = (
    r"(?=\s*(?:$|[^\w\s'-]|(?:убит|погиб|ранен|вбит|загинул|поранен|ліквідов|ликвидир|знищ|уничтож|killed|dead"
    r"|wounded|and|і|та|й|и|have|has|had|were|was|in|on|at|since|from|over|during|за|в|у|на|из|з|із|с|of"
    r"|to|as|who|which|яких|которых|убитими|пораненими|ранеными|вбитими|loss|losses|втрат|потер)\w*))"
)

# (category id, alternatives). Order matters inside and across entries (first match wins).
LEXICON: list[tuple[str, list[str]]] = [
    # Merged categories of the Russian MoD (claims about Ukrainian losses) and Shoigu's groupings.
    ("tanks_and_armoured_vehicles", [
        r"tanks and other (?:armou?red )?(?:combat |fighting )?(?:armou?red )?vehicles",
        r"танков и других боевых бронированных машин", r"танків та інших бойових броньованих машин",
        r"танков,? боевых машин пехоты и бронетранспортеров",
    ]),
    ("artillery_and_mortars", [
        r"(?:field )?artillery (?:guns|pieces) and mortars", r"орудий полевой артиллерии и минометов",
        r"гармат польової артилерії (?:та|і) мінометів",
    ]),
    ("artillery_and_mlrs", [r"орудий полевой артиллерии и реактивных систем залпового огня"]),
    ("special_military_vehicles", [
        r"(?:units of )?special military vehicles", r"специальной военной автомобильной техники",
        r"спеціальної військової автомобільної техніки",
    ]),
    ("vehicles_fuel_tanks", [
        rf"(?:military |motor |army |automotive )?(?:vehicles?|trucks|cars|automotive equipment)\s*{A}\s*"
        r"(?:(?:fuel|petrol|oil)[- ]?(?:tanks?|tankers?|tank trucks)|tankers|tank trucks|cisterns)",
        rf"автомобільн\w* техн\w*\s*{A}\s*(?:авто)?цистерн\w*(?: з пмм)?",
        rf"(?:автотехн\w*|автомобіл\w*)\s*{A}\s*(?:авто)?цистерн\w*(?: з пмм)?",
        rf"автомобильн\w* техник\w*\s*{A}\s*(?:авто)?цистерн\w*(?: с гсм)?",
        rf"(?:автотехник\w*|автомобил\w*)\s*{A}\s*(?:авто)?цистерн\w*(?: с гсм)?",
    ]),
    ("fuel_tanks", [
        r"(?:fuel|petrol|oil)[- ]?(?:tanks?|tankers?|tank trucks|trucks)",
        r"цистерн\w* з пмм", r"цистерн\w* с (?:гсм|горючим|топливом)", r"автоцистерн\w*",
        r"паливозаправник\w*", r"топливозаправщик\w*", r"бензовоз\w*",
    ]),
    ("infantry_fighting_vehicles", [
        r"infantry fighting vehicles?", r"ifvs?", r"бойов\w* машин\w* піхоти", r"боев\w* машин\w* пехоты",
        r"бмп",
    ]),
    ("armoured_personnel_carriers", [r"бронетранспортер\w*", r"бтр"]),
    ("armoured_vehicles", [
        r"(?:troop[- ]carrying )?(?:afvs?|apvs?)",
        r"armou?red (?:personnel|fighting|combat|troop[- ]carrying) (?:vehicles?|carriers?|machines?)",
        r"combat armou?red (?:vehicles?|machines?)", r"armou?red (?:vehicles?|cars|machines)", r"apcs?",
        r"бойов\w* броньован\w* машин\w*", r"броньован\w* машин\w*", r"бронемашин\w*", r"бронетехні\w*",
        r"боев\w* бронированн\w* машин\w*", r"бронированн\w* машин\w*", r"бронетехник\w*", r"ббм",
    ]),
    ("tanks", [r"tanks?", r"танк(?:и|ів|ов|а|у|ом|ам|ами|ах)?"]),
    ("artillery", [
        r"(?:field )?artillery (?:systems?|pieces?|guns?|units?|installations?)", r"artillery",
        r"артилерійськ\w* (?:систем\w*|гармат\w*|установ\w*)", r"артсистем\w*",
        r"артиллерийск\w* (?:систем\w*|орудий|орудия|установ\w*)", r"орудий полевой артиллерии",
    ]),
    ("mlrs", [
        r"multiple[- ](?:launch )?rocket (?:launch(?:er|ing)? )?(?:systems?|launchers?)",
        r"multiple rocket systems?", r"mlrs(?:es)?", r"mrls?", r"rocket launchers?",
        r"(?:бойов\w* машин\w* |установ\w* )?реактивн\w* систем\w* залпового (?:вогню|огня)",
        r"(?:боевых машин / установок|боевых машин|установок) реактивн\w* систем\w* залпового огня",
        r"систем\w* залпового (?:вогню|огня)", r"рсзв", r"рсзо",
    ]),
    ("air_defence", [
        r"anti-?aircraft (?:warfare |defen[cs]e |missile |gun )?(?:systems?|means|assets|equipment|weapons"
        r"|installations?|units|complexes)",
        r"air[- ]defen[cs]e (?:systems?|equipment|assets|means|units|weapons|installations?|complexes)",
        r"air[- ]defen[cs]e", r"surface-to-air missile systems?", r"aaw? systems",
        r"засоб\w* (?:ппо|протиповітрян\w* оборони)", r"систем\w* (?:ппо|протиповітрян\w* оборони)",
        r"зеніт\w* ракетн\w* комплекс\w*", r"средств\w* (?:пво|противовоздушн\w* обороны)",
        r"систем\w* пво", r"зенитн\w* ракетн\w* комплекс\w*", r"зрк", r"ппо", r"пво",
    ]),
    ("aircraft", [
        r"(?:fixed[- ]wing |combat |military |fighter |attack |war)?(?:aircraft|airplanes?|aeroplanes?"
        r"|planes?|jets?)",
        r"літак\w*", r"самолет\w*",
    ]),
    ("helicopters", [r"(?:attack |combat )?helicopters?", r"гелікоптер\w*", r"вертол[іь]\w*", r"вертолет\w*"]),
    ("uav", [
        r"(?:uavs?|drones?)(?: (?:of )?(?:the )?operational[- ]tactical level)?",
        r"unmanned (?:aerial|aircraft|air) (?:vehicles?|systems?)(?: or drones)?",
        r"operational[- ]tactical (?:level )?(?:uavs?|drones?)",
        r"бпла(?: оперативно-тактичного рівня| оперативно-тактического уровня)?",
        r"(?:безпілотн\w*|дрон\w*)(?: літальн\w* апарат\w*)?(?: оперативно-тактичного рівня)?",
        r"(?:беспилотн\w*|дрон\w*)(?: летательн\w* аппарат\w*)?(?: оперативно-тактического уровня)?",
    ]),
    ("cruise_missiles", [r"cruise missiles?", r"крилат\w* ракет\w*", r"крылат\w* ракет\w*"]),
    ("submarines", [r"submarines?", r"підводн\w* човн\w*", r"подводн\w* лод\w*"]),
    ("warships", [
        r"(?:war)?ships?\s*(?:and|/|&)\s*(?:boats?|cutters?)", r"boats?\s*/\s*cutters?", r"warships?",
        r"naval (?:ships?|units|vessels?)", r"ships", r"boats",
        r"корабл\w*\s*(?:/|та|і|и|,)?\s*катер\w*", r"корабл\w*", r"катер\w*",
    ]),
    ("special_equipment", [
        r"(?:pieces of |units of )?special(?:ized)? (?:military )?equipment", r"спеціальн\w* техн\w*",
        r"спецтехн\w*", r"специальн\w* техник\w*", r"спецтехник\w*",
    ]),
    ("ground_robotic_systems", [
        r"unmanned ground vehicles?", r"ground robotic (?:systems?|complexes)", r"ugvs?",
        r"наземн\w* робот\w* комплекс\w*", r"нрк",
    ]),
    ("mobile_srbm_systems", [
        r"mobile srbm systems?", r"srbm (?:systems?|launchers?)",
        r"(?:mobile )?short-range ballistic missile (?:launchers|systems)",
        r"(?:пу|пускові установки|пусковые установки|пусков\w+ установ\w+) отрк(?:\s*/\s*трк)?",
        r"пу отрк(?:\s*/\s*трк)?",
        r"отрк(?:\s*/\s*трк)?"]),
    ("other:atgm_systems", [r"птрк", r"atgm (?:systems|launchers)"]),
    ("other:mortars", [r"mortars", r"мінометів", r"минометов"]),
    ("other:radars", [r"радиолокационн\w* станц\w*", r"радіолокаційн\w* станц\w*", r"рлс", r"radars?"]),
    ("other:command_posts", [r"пункт\w* управлени\w*(?: и узлов связи)?", r"пункт\w* управління", r"command posts?"]),
    ("other:airfields", [r"(?:военн\w* )?аэродром\w*", r"аеродром\w*", r"airfields?"]),
    ("other:*", [r"other (?:military |armou?red |combat )*(?:vehicles|equipment|hardware)"]),
    ("other:other_military_vehicles", [r"(?:одиниць |единиц )?інш\w* (?:військов\w* )?техн\w*",
                                       r"(?:единиц )?друг\w* (?:военн\w* )?техник\w*"]),
    ("vehicles*", [
        r"(?:military |motor |army )?(?:vehicles|cars|trucks|automobiles)",
        r"автомобільн\w* техн\w*", r"автотехні\w*", r"автомобіл\w*", r"вантажів\w*",
        r"автомобильн\w* техник\w*", r"автотехник\w*", r"автомобил\w*", r"грузовик\w*",
    ]),
    ("other:equipment_units", [r"units of (?:military )?equipment", r"одиниц\w* техніки", r"единиц\w* техники"]),
    ("pow", [r"(?:попал\w*|взят\w*|сдал\w*)(?: в плен)", r"(?:потрапил\w*|взят\w*|здал\w*)(?: у| в) полон",
             r"(?:were |have been |had been )?taken prisoner", r"prisoners(?: of war)?", r"pows",
             r"військовополонен\w*", r"полонених", r"военнопленн\w*", r"пленных"]),
    ("personnel", [
        r"(?:military )?personnel", r"troops", r"soldiers?", r"servicem[ae]n", r"service ?members",
        r"invaders", r"occupiers", r"russians", r"casualties", r"persons", r"lives", r"nationalists",
        r"militants", r"mercenaries", r"men", r"dead", r"people",
        r"особов\w* склад\w*", r"осіб", r"окупант\w*", r"загарбник\w*", r"військовослужбовц\w*", r"солдат\w*",
        r"росіян\w*", r"людей", r"вояк\w*", r"рашист\w*", r"бійц\w*", r"піхотинц\w*",
        r"личн\w* состав\w*", r"военнослужащ\w*", r"человек", r"оккупант\w*", r"россиян\w*", r"бойц\w*",
        r"наемник\w*", r"националист\w*", r"пехотинц\w*", r"погибш\w*", r"загиблих", r"убитых", r"вбитих",
        rf"(?:військов\w*|военн\w*|military){_NOUN_END}",
    ]),
]

# Categories whose label is a common word: they only count next to a number, never label-first.
WEAK = {"personnel", "vehicles*", "other:equipment_units"}


def _first(items: list) -> tuple[set[str] | None, bool]:
    """(characters a match can start with, or None for "any"; whether the sequence can match empty)."""
    acc: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            return acc | {chr(av)}, False
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            f, nullable = _first(av[2])
            nullable = nullable or av[0] == 0
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            f, nullable = _first(av[-1])
        elif name == "BRANCH":
            f, nullable = set(), False
            for branch in av[1]:
                bf, bn = _first(branch)
                if bf is None:
                    return None, False
                f |= bf
                nullable = nullable or bn
        elif name == "IN":
            f, nullable = set(), False
            for o, a in av:
                if str(o) == "LITERAL":
                    f.add(chr(a))
                elif str(o) == "RANGE" and a[1] - a[0] < 200:
                    f |= {chr(x) for x in range(a[0], a[1] + 1)}
                else:
                    return None, False
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        else:
            return None, False
        if f is None:
            return None, False
        acc |= f
        if not nullable:
            return acc, False
    return acc, True


def _build() -> tuple[re.Pattern[str], dict[str, str], dict[str, re.Pattern[str]]]:
    """The label alternation, its group → category map, and one smaller alternation per first character:
    trying ~200 alternatives at every number is the extractor's hot spot, most fail on the first letter."""
    groups: dict[str, str] = {}
    parts: list[tuple[str, list[str]]] = []
    firsts: list[list[set[str] | None]] = []
    for i, (cat, alts) in enumerate(LEXICON):
        name = f"c{i}"
        groups[name] = cat
        parts.append((name, alts))
        firsts.append([_first(list(_sre_parse.parse(a)))[0] for a in alts])
    head, tail = r"(?<![\w'-])(?:", r")(?![\w'])"
    whole = re.compile(head + "|".join(f"(?P<{n}>{'|'.join(a)})" for n, a in parts) + tail)
    chars = set().union(*(f for fs in firsts for f in fs if f))
    by_char: dict[str, re.Pattern[str]] = {}
    for ch in chars:
        sub = []
        for (name, alts), fs in zip(parts, firsts, strict=True):
            keep = [a for a, f in zip(alts, fs, strict=True) if f is None or ch in f]
            if keep:
                sub.append(f"(?P<{name}>{'|'.join(keep)})")
        by_char[ch] = re.compile(head + "|".join(sub) + tail)
    return whole, groups, by_char


LABEL_RE, _GROUPS, _BY_CHAR = _build()
_ANY_START = any(f is None for _cat, alts in LEXICON for f in [_first(list(_sre_parse.parse(a)))[0] for a in alts])


def category_of(m: re.Match[str]) -> str:
    """The category id of a LABEL_RE match ("other:*" becomes the snake_case of the words)."""
    cat = _GROUPS[m.lastgroup or ""]
    if cat == "other:*":
        return "other:" + re.sub(r"\W+", "_", m.group().strip()).strip("_")
    return cat


def match_label(low: str, pos: int, endpos: int | None = None) -> re.Match[str] | None:
    """A label starting exactly at `pos` of the folded text."""
    if pos >= len(low):
        return None
    rx = LABEL_RE if _ANY_START else _BY_CHAR.get(low[pos])
    return rx.match(low, pos, len(low) if endpos is None else endpos) if rx else None


def labels_in(low: str, start: int, end: int) -> list[re.Match[str]]:
    """Every label inside [start, end) of the folded text."""
    return list(LABEL_RE.finditer(low, start, end))
