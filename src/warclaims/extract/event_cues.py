"""Word lists of the event stage (en/uk/ru), matched on the folded text (normalize.fold).

Triggers say what happened (outcome) and the event type; target nouns cover what the equipment
gazetteer does not (people, positions, depots, buildings, missiles); actor words give the doer's side;
evidence, modality and time cues qualify an event. Each list is one compiled alternation.
"""
from __future__ import annotations

import re

_B = r"(?<![\w'-])"  # a word starts here (Cyrillic-correct: \w is Unicode)
_E = r"(?![\w'])"


def _rx(alts: str) -> re.Pattern[str]:
    return re.compile(f"{_B}(?:{alts}){_E}")


def families() -> list[tuple[re.Pattern[str], list[tuple[str | None, str]]]]:
    """The lists the one-pass scanner (lexicon.py) reads for the event stage: (key, [(tag, alternatives)])."""
    return [(TRIGGER_RX, [(name, alts) for name, _o, _t, alts in TRIGGERS]),
            (NOUN_TARGET_RX, [(f"t{i}", alts) for i, (_c, alts) in enumerate(NOUN_TARGETS)]),
            (GENERIC_TARGETS, [(None, _GENERIC)]), (ORDINAL_TALLY, [("ord", _ORDINAL)]),
            (EVIDENCE_RX, list(EVIDENCE))]


# -- triggers: (group name, outcome, type) ---------------------------------------------------------
# Intransitive fire verbs, their subject the target (it may follow: "Згоріли три тролейбуси"): burned down is
# destroyed, caught fire is damaged. Also read by event_shapes (BURNED, CAUGHT_FIRE) and INTRANSITIVE below.
BURNED_WORDS = r"згорів|згоріл[аои]|сгорел[аои]?"
CAUGHT_FIRE_WORDS = r"загорівся|загорілас[ья]|загорілися|загорелс[яь]|загорелась|загорелось|загорелись|caught fire"

TRIGGERS: list[tuple[str, str, str, str]] = [
    ("destroyed", "destroyed", "strike",
     r"destroy(?:ed|s|ing)?|wip(?:ed|es|e) out|obliterat\w+|annihilat\w+|eliminat(?:ed|es|e|ing)"
     r"|neutrali[sz](?:ed|es|e|ing)|liquidat(?:ed|es|e|ing)|(?:blew|blown|blow) up|burn(?:ed|t) (?:out|down)"
     r"|(?:going|went|gone|go) up in (?:smoke|flames)|into \"?'?scrap(?: metal)?"
     r"|знищ\w*|ліквід\w*|спалил\w*|спалив|підірва\w*|знешкод\w*|на металобрухт|уничтож\w*|ликвидир\w*|сожгл\w*"
     r"|(?:set|sets|setting) (?:[\w'-]+ ){0,4}(?:alight|ablaze|on fire)|set fire to|підпалил\w*|підпалив"
     r"|подожгл\w*|поджег\w*"
     r"|сожжен\w*|подорва\w*|в металлолом|knock(?:ed|s)? out|finished off|добил\w*|добито|sank|sunk|sinking"
     r"|потопил\w*|потоплен\w*|затопил\w*"
     r"|" + BURNED_WORDS),
    ("killed", "destroyed", "strike",  # people only
     r"killed|died|dead|погиб\w*|загинул\w*|загинув|загибл\w*|убит\w*|вбит\w*|вбил\w*|убил\w*"),
    ("repelled", "unknown", "ground_assault",  # the attackers are the other side
     r"(?:repelled|repulsed|fended off|beat off|відбил\w*|відбив|відбито|отбил\w*|отразил\w*|отражен\w*"
     r"|зірвал\w*|сорвал\w*)"
     r" (?:[\w'-]+ ){0,3}(?:assaults?|attacks?|offensive|advance|штурм\w*|атак\w*|наступ\w*)"),
    ("lost", "destroyed", "strike",  # the subject owns what was lost: "ВСУ потеряли танк"
     r"lost|loses|losing|втратил\w*|втратив|втрачен\w*|потерял\w*|потеряв\w*"),
    ("damaged", "damaged", "strike",
     r"damag(?:ed|es|e|ing)|disabl(?:ed|es|e|ing)|put out of action|spark(?:ed|s)? a fire (?:at|in)"
     r"|caused a fire (?:at|in)"
     r"|пошкод\w*|вивел\w* з ладу|вивів з ладу|виведен\w* з ладу|поврежд\w*|повредил\w*"
     r"|вывел\w* из строя|выведен\w* из строя"
     r"|підбил\w*|підбив|підбит\w*|подбил\w*|подбит\w*"
     r"|" + CAUGHT_FIRE_WORDS),
    ("shot_down", "shot_down", "shoot_down",
     r"shot down|shoot(?:s|ing)? down|downed|intercept(?:ed|s|ing)?"
     r"|збил\w*|збив|збит\w*|перехопил\w*|перехопив|перехоплен\w*|сбил\w*|сбит\w*|перехватил\w*|перехвачен\w*"),
    ("captured", "captured", "capture",
     r"captur(?:ed|es|e|ing)|seiz(?:ed|es|e|ing)|took control of|tak(?:e|es|ing) control of|recover(?:ed|ing)"
     r"|(?:take|takes|took|taken) the (?:[\w'-]+ ){0,3}(?:city|town|village|settlement)|trophy|trophies"
     r"|захопил\w*|захопив|захоплен\w*|оволоділ\w*|оволодів|трофе\w*|захватил\w*|захвачен\w*|овладел\w*"
     r"|взял\w* под контроль"
     r"|взял\w* під контроль"),
    ("liberated", "captured", "capture",
     r"liberat(?:ed|es|e|ing)|recaptur(?:ed|es|e|ing)|retook|retake|regain(?:ed)? control of"
     r"|expell?(?:ed|s)? the (?:enemy|russians|occupiers) from"
     r"|push(?:ed)? (?:the enemy|the russians|russian forces) (?:out|back) (?:of|from)"
     r"|звільнил\w*|звільнив|звільнен\w*|визволил\w*|визволив|вибил\w*|вибив|освободил\w*|освобожден\w*|выбил\w*"),
    ("abandoned", "abandoned", "other",
     r"abandon(?:ed|s)?|left behind|кинул\w*|кинув|покинул\w*|бросил\w*|брошен\w*"),
    ("hit", "hit", "strike",
     r"hit|hits|struck|striking|attacked|smash(?:ed|es)? into|fl(?:ew|ying|ies|y) into"
     r"|атакува\w*|атакован\w*|атаковал\w*"
     r"|ударил\w* (?:[\w\"-]+ ){0,4}по|crash(?:ed|es)? into|shelled|bombarded|pounded|fires? (?:[\w-]+ ){0,4}at"
     r"|влучил\w*|влучи(?:в|ло|ли)|влучан\w*|попал\w* в|накри(?:в|ла|ли)|накрыл\w*"
     r"|нан[іе]с\w* (?:[\w-]+ ){0,2}удар\w* по|завда\w* (?:[\w-]+ ){0,2}удар\w* по"
     r"|(?:came|come|comes|coming) under (?:[\w'-]+ ){0,3}(?:shelling|fire|attack|bombardment)"
     r"|уразил\w*|уразив|уражен\w*|вразил\w*|вразив|поразил\w*|поражен\w*"),
    ("assault", "unknown", "ground_assault",
     r"surround(?:ed|s|ing)?|encircl\w+|stormed|storming|(?:made|make|making) (?:little |some |significant )?"
     r"(?:progress|advances)|advanc(?:ed|es|ing) (?:on|towards|toward|near|into)|cross(?:ed|es)?|infiltrat\w+"
     r"|entered|crossed into|break through|broke through|вошл\w*|вошли|зайшл\w*|увійшл\w*|зайти|увійти|прорват\w*"
     r"|прорыв\w*|прорвал\w*"
     r"|оточил\w*|оточив|оточен\w*|просунул\w*|штурмува\w*|окружил\w*|окружен\w*|продвинул\w*|штурмова\w*"),
    ("launched", "unknown", "strike",
     r"(?:launched|carried out|conducted) (?:more than |over |about |at least |some )?[\w,-]* ?"
     r"(?:drone|missile|air|artillery|rocket)? ?(?:strikes|attacks)"),
]
TRIGGER_RX = re.compile(_B + "(?:" + "|".join(f"(?P<{name}>{alts})" for name, _o, _t, alts in TRIGGERS) + ")" + _E)
TRIGGER_INFO = {name: (outcome, etype) for name, outcome, etype, _a in TRIGGERS}
OUTCOME_RANK = {"destroyed": 5, "captured": 4, "shot_down": 4, "damaged": 3, "abandoned": 3, "hit": 2,
                "unknown": 0}
# A Cyrillic passive participle: "знищено два танки", "уничтожены танк Leopard 2", "Роботине звільнене".
PARTICIPLE = re.compile(r"[а-яіїєґ']+(?:ено|ені|ена|ене|ений|ен|ены|ито|иті|ита|ит|иты|ано|ані|ана|ан|аны)$")
PASSIVE_BEFORE = re.compile(r"(?:was|were|been|being|be|is|are|had been|has been|have been|got|get|gets"
                            r"|було|були|був|була|було|был|была|были|было)\s+\"?(?:[a-z]+ly\s+)?\"?$")
# Verbs whose subject is the loss: "part of the crew died", "частина екіпажу загинула".
INTRANSITIVE = re.compile(r"died|dead|погиб\w*|загинул\w*|загинув|загибл\w*|" + BURNED_WORDS + "|" + CAUGHT_FIRE_WORDS)

# -- targets the gazetteer does not cover: (category, pattern) --------------------------------------
NOUN_TARGETS: list[tuple[str, str]] = [
    ("personnel", r"infantry|crew|crewmen|garrison|піхот\w*|пехот\w*|екіпаж\w*|экипаж\w*|гарнізон\w*|гарнизон\w*"
                  r"|saboteurs?|диверсант\w*|soldiers?|troops|servicem[ae]n|invaders|occupiers|militants"
                  r"|mercenar(?:y|ies)"
                  r"|infantrym[ae]n|nationalists|attackers|assailants|stormtroopers|нападник\w*"
                  r"|(?:enemy )?(?:units|personnel|fighters)(?! (?:and|of))"
                  r"|russians|окупант\w*|загарбник\w*|піхотинц\w*|військовослужбовц\w*|солдат\w*|росіян\w*"
                  r"|оккупант\w*|военнослужащ\w*|боевик\w*|националист\w*|наемник\w*|пехотинц\w*"),
    ("position", r"positions?|locations?|dugouts?|trenche?s?|command posts?|observation posts?|firing points?"
                 r"|strongholds?|shelters?|hideouts?|control cent(?:er|re)s?|building|deployment (?:point|site|area)s?"
                 r"|пункт\w* (?:тимчасової |временной )?дислокаці\w*"
                 r"|позиці\w*|бліндаж\w*|укриття|опорн\w* пункт\w*|пункт\w* управління|спостережн\w* пункт\w*"
                 r"|позици\w*|блиндаж\w*|укрыти\w*|опорн\w* пункт\w*|пункт\w* управления|командн\w* пункт\w*"),
    # a Black Sea Fleet tug: a boat the gazetteer's class words miss (not "буксируемая", towed)
    ("warships", r"tugs?|tugboats?|буксир|буксира|буксиру|буксиром|буксири|буксиры|буксирів|буксиров"),
    ("vehicles_fuel_tanks", r"trucks?|lorr(?:y|ies)|pickups?|pick-up trucks?|buses|bus|cars?|vans?|motorcycles?"
                            r"|motorbikes?|quad bikes?|buggies|мотоцикл\w*|квадроцикл\w*|фургон\w*|мотоцикл"
                            r"|вантажівк\w*|автобус\w*|тролейбус\w*|троллейбус\w*|трамва\w*|trolleybus\w*|trams?"
                            r"|цистерн\w*|(?:rail(?:way)? )?tank cars?|fuel tankers?|бензовоз\w*|паливозаправник\w*"
                            r"|топливозаправщик\w*"
                            r"|пікап\w*|грузовик\w*|пикап\w*|автомобіл\w*|автомобил\w*"),
    ("infrastructure", r"energy facilit(?:y|ies)|arsenals?|арсенал\w*|інфраструктур\w*|инфраструктур\w*"
                       r"|facilit(?:y|ies)|ports?|terminals?|інфраструктурн\w* об'єкт\w*"
                       r"|об'єкт\w* (?:критичної )?інфраструктури|объект\w* (?:критической )?инфраструктуры"
                       r"|енергооб'єкт\w*"
                       r"|энергообъект\w*|порт|порту|порті|порта|порте|термінал\w*|терминал\w*"
                       r"|storage(?: facility| facilities)?|depots?|warehouses?|ammunition dumps?|ammo dumps?"
                       r"|bridges?|railway\w*|power (?:plant|station)s?|substations?|refiner(?:y|ies)"
                       r"|oil depots?|fuel depots?|airfields?|buildings|hubs|infrastructure"
                       r"|power lines?|(?:gas )?pipelines?|pumping stations?|administrative buildings?|workshops?"
                       r"|лін\w* електропередач\w*|лини\w* электропередач\w*|газопров[іо]д\w*|газопровод\w*"
                       r"|адмінбудів\w*|адміністративн\w* будів\w*|административн\w* здани\w*|цех|цеху|цехи|цехів"
                       r"|цеха|цехов|насосн\w* станці\w*|насосн\w* станци\w*|об'єкт\w* газовидобування"
                       r"|(?<!особового )склад(?!\w* (?:армі|арми))\w*|мости?"
                       r"|залізниц\w*|електростанц\w*|підстанц\w*|нафтобаз\w*|аеродром\w*"
                       r"|мосты|мост|электростанц\w*|подстанц\w*|нефтебаз\w*|аэродром\w*|нпз"
                       r"|нафтопереробн\w* завод\w*|нефтеперерабатывающ\w* завод\w*|зерносховищ\w*|зернохранилищ\w*"
                       r"|grain (?:silos?|storage|terminals?)|elevators?|елеватор\w*|элеватор\w*"),
    ("special_equipment", r"retransmitters?|repeaters?|radars?|radar stations?|electronic warfare (?:system|station)s?"
                          r"|ew (?:system|station)s?|jammers?|ретранслятор\w*|рлс|реб|радіолокац\w*|радиолокац\w*"),
    ("other", r"missiles?|rockets?|ракет(?:а|и|у|і|ою|ами|ам|ах)?"),  # nouns only: not "ракетно-пушечный"
]
NOUN_TARGET_RX = re.compile(_B + "(?:" + "|".join(f"(?P<t{i}>{alts})" for i, (_c, alts) in enumerate(NOUN_TARGETS))
                            + ")" + _E)
NOUN_TARGET_CATEGORY = [c for c, _a in NOUN_TARGETS]
_GENERIC = r"(?:military )?vehicles?|targets?|equipment|техні\w*|техник\w*|ціл\w*|цел\w*"
GENERIC_TARGETS = _rx(_GENERIC)

# -- who did it ------------------------------------------------------------------------------------
_UA_UNITS = (r"(?:ukrain\w* )?(?:armed forces|forces|troops|military|army|soldiers|defenders|defen[cs]e forces"
             r"|airborne(?: forces| force)?|air assault forces|paratroopers|marines|navy|air force|special forces"
             r"|border guards|national guard|drone operators|fighters|servicemen)")
ACTORS: list[tuple[str, str, str]] = [  # (pattern, canonical name or "" for the words themselves, side)
    (r"special operations cent(?:er|re) \"?a\"?|центр\w* спеціальних операцій \"?а\"?"
     r"|центр\w* специальных операций \"?а\"?", "Special Operations Center “A” (SBU)", "UKR"),
    (r"sbu(?: specialists| special forces| operatives)?|security service of ukraine|сбу|служб\w* безпеки україни",
     "Security Service of Ukraine", "UKR"),
    (r"special operations forces|sso|сили спеціальних операцій|сcо|ссо|силы специальных операций",
     "Special Operations Forces of Ukraine", "UKR"),
    (r"hur|gur|defen[cs]e intelligence(?: of ukraine)?|гур"
     r"|головне управління розвідки", "Defence Intelligence of Ukraine",
     "UKR"),
    (r"повітрян\w+ сил\w*|сил\w* ппо|засоб\w* ппо|зенітник\w*|мобільн\w+ вогнев\w+ груп\w*", "", "UKR"),
    (r"сил\w* пво|средств\w* пво|воздушно-космических сил\w*|пво|зенитчик\w*|расчет\w* зрк", "", "RUS"),
    (r"(?:the |a )?(?:\d+(?:st|nd|rd|th) )?(?:separate )?(?:(?!(?:and|the|a|them|of|to|by)\s)[\w']+ ){0,2}"
     r"(?:brigade|regiment|battalion)"
     r"|\d+-?(?:а|я|й|і|ї)? (?:окрем\w+ )?(?:[\w'-]+ ){0,2}(?:бригад\w+|полк\w*|батальйон\w*)", "", ""),
    (r"ukrain\w+ " + _UA_UNITS + r"|" + r"defen[cs]e forces|armed forces of ukraine|afu|zsu|our (?:defenders|soldiers"
     r"|warriors|forces|troops)|сили оборони|зсу|десантник\w*|захисник\w*|оборонц\w*|воїн\w*|бійц\w*"
     r"|прикордонник\w*|нацгвард\w*|українськ\w+ (?:військов\w+|сил\w+|десантник\w+|бійц\w+|оборонц\w+)"
     r"|всу|украинск\w+ (?:военн\w+|сил\w+|войск\w+)", "", "UKR"),
    (r"russian (?:armed forces|forces|troops|military|army|air forces?|aviation|missile defen[cs]e systems"
     r"|air defen[cs]es?"
     r"|units|reconnaissance and sabotage group|soldiers|occupiers|invaders)|russia|moscow|wagner(?: group)?"
     r"|the (?:enemy|aggressors?|occupiers|invaders)|russians|вс рф|вкс|росіян\w*|російськ\w+ (?:військ\w+|сил\w+"
     r"|окупант\w+)|окупант\w*|ворог\w*|противник\w*|российск\w+ (?:войск\w+|военн\w+|сил\w+)|вс россии", "", "RUS"),
]
ACTOR_RX = re.compile("|".join(f"{_B}(?P<a{i}>{p}){_E}" for i, (p, _n, _s) in enumerate(ACTORS)))
ACTOR_PARENTS = {
    "Special Operations Center “A” (SBU)": ["Security Service of Ukraine", "Ukraine"],
    "Security Service of Ukraine": ["Ukraine"],
    "Special Operations Forces of Ukraine": ["Armed Forces of Ukraine", "Ukraine"],
    "Defence Intelligence of Ukraine": ["Ministry of Defence of Ukraine", "Ukraine"],
}

# -- owner of the target -----------------------------------------------------------------------------
OWNER_RUS = _rx(r"russian|russia's|occupiers'?|invaders'?|російськ\w*|окупантськ\w*|окупант\w*|оккупант\w*|российск\w*"
                r"|рашист\w*|orcs?|орк\w*|рф|вс рф")
OWNER_ENEMY = _rx(r"enemy|enemy's|hostile|ворож\w*|ворога|противник\w*|вражеск\w*|врага")  # whose enemy: the claimant's
OWNER_UKR = _rx(r"ukrainian|ukraine's|украинск\w*|українськ\w*|всу|зсу")

# A claimant whose own words say its side ("Ukrainian defence ministry", "Генштаб ЗСУ", "Konashenkov").
SIDED_CLAIMANT = re.compile(r"ukrain|україн|украин|russia|росі|росси|рф|sbu|сбу|генштаб|general staff|zsu|зсу|всу"
                            r"|konashenkov"
                            r"|конашенков|zelensk|зеленськ|зеленск|putin|путин|kremlin|кремл|moscow|kyiv|києв|киев"
                            r"|defenceu")

# -- evidence, modality, time ----------------------------------------------------------------------
EVIDENCE: list[tuple[str, str]] = [
    ("satellite", r"satellite (?:images?|imagery|photos?|pictures?)|супутников\w+ знім\w+|спутников\w+ сним\w+"),
    ("video", r"videos?|footage|clips?|film|filmed|відео|кадр\w*|видео|видеозапис\w*"),
    ("photo", r"photos?|photographs?|images?|pictures?|фото\w*|знімк\w*|снимк\w*"),
    ("document", r"documents?|документ\w*"),
]
EVIDENCE_RX = re.compile(_B + "(?:" + "|".join(f"(?P<{t}>{p})" for t, p in EVIDENCE) + ")" + _E)
SHARED_BY = re.compile(r"(?:shared|published|posted|released"
                       r"|circulated) by (?:the )?([A-Z][\w'’-]*(?: [A-Z(][\w'’()-]*){0,6})")

MODALITY: list[tuple[str, str]] = [
    ("negated", r"not|no|never|didn't|did not|failed to|denied|не|ні|нет"),
    ("hypothetical", r"would|could|if|might|якщо|если|би|бы|могли б|могли бы"),
    ("future", r"will|is going to|are going to|plans? to|intends? to|буде|будуть|будет|будут|планує|планирует"),
    ("hedged", r"reportedly|allegedly|probably|likely|may have|possibly|apparently|unconfirmed|unverified"
               r"|ймовірно|можливо|нібито|імовірно|вероятно|возможно|якобы|предположительно"),
]
MODALITY_RX = re.compile("|".join(f"{_B}(?P<{k}>{p}){_E}" for k, p in MODALITY))

# Counts of what a whole day or a whole war cost are tallies, not incidents (see events.py).
DAILY = _rx(r"(?:in|over|during) the (?:last|past|previous) (?:day|24 hours)|per day|a day|daily|протягом (?:минулої "
            r"|останньої )?доби|минулої доби|в течение (?:прошедших )?суток|прошедших суток|за (?:минулу |минулі "
            r"|останню |прошедшие |минувшие |истекшие |последние )?(?:добу|сутки|день|один день)"
            r"|since the (?:start|beginning)"
            r"|з початку|с начала|in total|загалом|всего|total")
ENGAGEMENT = _rx(r"battle|battles|fight|fighting|strike|attack|operation|ambush|raid|engagement|assault|бою|бій|бої"
                 r"|боїв|боях|боев|боя|атак\w*|удар\w*|штурм\w*|операці\w*|засідц\w*|сражени\w*|засад\w*")
AGGREGATE = re.compile(r"(?<![\w'-])(?:all|every|each|dozens|hundreds|thousands|all of|(?:the )?(?:total )?number"
                       r"|кількість|количество|все|всі|усі|десятки|сотні"
                       r"|сотни|тисячі|тысячи)(?: of)?(?: \"?[\w'-]+\"?){0,2} ?\"?$")
PASSIVE_CUT = re.compile(r"[;:()]|\s-\s|,\s+(?:and|but|while|а|але|но|и)\s")
CLAUSE_CUT = re.compile(r"[;:()]|\s-\s|-(?=and |but )|, (?:and|but|while|which|who) |(?<![\w'-])(?:while|but|which"
                        r"|що|але"
                        r"|который|но)(?![\w'])")
_ORDINAL = (r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|другий|третій|четвертий"
            r"|п'ятий|шостий|сьомий|восьмий|дев'ятий|десятий|второй|третий|четвертый|пятый|шестой|седьмой|восьмой"
            r"|девятый|десятый")
ORDINAL_TALLY = re.compile(f"{_B}(?:(?P<ord>{_ORDINAL})){_E}")
ORDINALS = {w: i + 2 for i, w in enumerate(
    ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"])}
ORDINALS.update({w: i + 2 for i, w in enumerate(
    ["другий", "третій", "четвертий", "п'ятий", "шостий", "сьомий", "восьмий", "дев'ятий", "десятий"])})
ORDINALS.update({w: i + 2 for i, w in enumerate(
    ["второй", "третий", "четвертый", "пятый", "шестой", "седьмой", "восьмой", "девятый", "десятый"])})
