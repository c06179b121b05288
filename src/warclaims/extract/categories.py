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

from .fastre import Dispatch

A = r"(?:and|&|/|та|і|й|и|,)"  # "and" in any of the three languages (and the slash of bulletins)
# Words that may follow an adjective-like personnel word ("военных", "військових", "military")
# when it is used as a noun; "14 военных аэродромов" must not read as personnel. A spaced dash ends it
# too ("загиблих українських військових - 31 тисяча"), a hyphen does not ("військово-морських").
_NOUN_END = (
    r"(?=\s+-|\s*(?:$|[^\w\s'-]|(?:убит|погиб|ранен|вбит|загинул|поранен|ліквідов|ликвидир|знищ|уничтож|killed|dead"
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
        rf"(?:автотехн\w*|автомобіл\w*)\s*{A}\s*(?:авто)?цистерн\w*(?: з пмм)?", rf"машин\w*\s*{A}\s*бензовоз\w*",
        r"vehicle and fuel tank",
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
        r"комплекс\w* (?:пво|ппо)", r"установ\w* (?:пво|ппо)",
    ]),
    ("aircraft", [
        r"(?:fixed[- ]wing |combat |military |fighter |attack |war)?(?:aircrafts?|airplanes?|aeroplanes?"
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
    ("submarines", [r"submarines?", r"підводн\w* човн\w*", r"підводн\w* човен", r"подводн\w* лод\w*"]),
    ("warships", [
        r"(?:war)?ships?\s*(?:and|/|&)\s*(?:boats?|cutters?)", r"boats?\s*/\s*cutters?", r"warships?",
        r"naval (?:ships?|units|vessels?)", r"boats?\s*/\s*(?:light )?(?:speed)?boats?", r"ships", r"boats",
        r"warship and boat",
        r"корабл\w*\s*(?:/|та|і|и|,)?\s*катер\w*", r"корабл\w*", r"катер\w*",
    ]),
    ("special_equipment", [
        r"(?:pieces of |units of )?special(?:ized)? (?:military )?equipments?", r"спеціальн\w* техн\w*",
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
        r"(?:осіб|человек|чоловік) (?:особов\w* склад\w*|личн\w* состав\w*)",
        r"killed (?:and|or) wounded", r"dead (?:and|or) wounded", r"убит\w* (?:и|й) ранен\w*",
        r"вбит\w* (?:і|й|та) поранен\w*", r"(?:military )?personnels?", r"troops", r"soldiers?", r"servicem[ae]n",
        r"service ?members",
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


def _build() -> tuple[Dispatch, dict[str, str]]:
    groups: dict[str, str] = {}
    parts: list[tuple[str, list[str]]] = []
    for i, (cat, alts) in enumerate(LEXICON):
        groups[f"c{i}"] = cat
        parts.append((f"c{i}", alts))
    return Dispatch(parts, r"(?<![\w'-])(?:", r")(?![\w'])"), groups


_LABELS, _GROUPS = _build()
LABEL_RE = _LABELS.whole


def category_of(m: re.Match[str]) -> str:
    """The category id of a LABEL_RE match ("other:*" becomes the snake_case of the words)."""
    cat = _GROUPS[m.lastgroup or ""]
    if cat == "other:*":
        return "other:" + re.sub(r"\W+", "_", m.group().strip()).strip("_")
    return cat


def match_label(low: str, pos: int, endpos: int | None = None) -> re.Match[str] | None:
    """A label starting exactly at `pos` of the folded text."""
    return _LABELS.match(low, pos, endpos)
