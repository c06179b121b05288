"""Text shapes of the event stage (events.py and its parts): clause limits, means and agent positions, words
that make a target generic, aggregate or someone's, and the limits of an incident. Matched on the folded text
(normalize.fold) unless a comment says otherwise."""
from __future__ import annotations

import re

from .event_cues import BURNED_WORDS, CAUGHT_FIRE_WORDS

CONJ_TAIL = re.compile(r"\s*(?:(?!(?:of|з|із|из)\s)[\w'\"-]+\s+){0,4}$")
HAS_CONJ = re.compile(r",|(?<![\w'-])(?:and|as well as|plus|і|й|та|а також|и|а также)(?![\w'])")
STOP = re.compile(r"[;.!?]|\s-\s|(?<![\w'-])(?:which|who|that|while|but|because|when|after|before|як|який|яка"
                   r"|які|але|що|который|которая|которые|но|что|когда)(?![\w'])")
ARTICLE_ONE = re.compile(r"(?<![\w'-])(?:a|an|another|one|the)\s+(?:[\w'\"-]+\s+){0,3}['\"]?$")
BY = re.compile(r"^\s*(?:by|від|силами|бійцями)\s+")
SHELLING = re.compile(r"(?<![\w'-])(?:shelling|artillery fire|counter-battery|обстріл\w*|обстрел\w*|артилерією"
                       r"|артиллерией|контрбатарейн\w*)(?![\w'])")
MISSILE_DEFENCE = re.compile(r"(?<![\w'-])(?:missile defen[cs]e|surface-to-air missiles?|зенітн\w+ ракет\w*"
                              r"|зенитн\w+ ракет\w*)(?![\w'])")
MEANS_BEFORE = re.compile(r"(?<![\w'-])(?:with|by|using|via|from|за допомогою|з допомогою|ударом|ударами|с помощью"
                           r"|при помощи|силами)(?: the help of| means of)?(?: [\w'\"-]+){0,3}[ \"']*$"
                           r"|(?<![\w'-])(?<!\d )(?:из|з|із) [\"']?$")  # "из ПТРК", never "52 з 76"
# "Vladimir Putin", "Lyman Frank": a place name followed by a capitalised word that is no place word is a name
PERSON_AFTER = re.compile(r" (?!Oblast|Region|Raion|District|Krai|Republic|City|Direction|Front|Axis|Bridge|River)"
                           r"(?:[A-Z][a-z]+|[А-ЯІЇЄҐ][а-яіїєґ']+)(?! (?:Oblast|Region|область|області|обл\b))")
INSTRUMENTAL = re.compile(r"[а-яіїєґ](?:ом|ем|ами|ями|ою|ею|ой)$")  # "дронами", "Ланцетом", "ракетою"
CAPABILITY = re.compile(r"(?<![\w'-])(?:can|could|able to|capable of|designed to|in order to|meant to|used to"
                         r"|be used to"
                         r"|help to|здатн\w+|можуть|може|может|могут|способн\w+|призначен\w+|предназначен\w+)"
                         r"(?: [\w'-]+){0,2} $")
INFINITIVE = re.compile(r"[а-яіїєґ](?:ти|ть)$")
FAILED = re.compile(r"не вдалося|не вдалось|не удалось|failed|не змогли|не смогли")
BARE_PLURAL = re.compile(r"(?:^|\s)(?:russian |ukrainian |enemy )?$")
INCLUDING = re.compile(r"(?<![\w'-])(?:including|among them|of which|зокрема|у тому числі|в тому числі|в том числе"
                        r"|з них|из них)(?![\w'])")
NEAR = re.compile(r"(?<![\w'-])(?:near|outside|outskirts of|(?:north|south|east|west)(?:-?(?:east|west))? of"
                   r"|біля|поблизу"
                   r"|під|неподалік|возле|под|вблизи|недалеко от|у районі|в районі|в районе|на околиц\w+)\s+$")
SETTLEMENT = re.compile(r"(?<![\w'-])(?:villages?|towns?|settlements?|села|село|селище|селища|населен\w+ пункт\w*"
                         r"|поселок|посёлок|поселка|деревн\w+)(?![\w'])")
AIRBORNE = {"uav", "cruise_missiles"}
BURNED = re.compile(BURNED_WORDS)  # the trigger of event_cues a target "burned down" with
CAUGHT_FIRE = re.compile(CAUGHT_FIRE_WORDS)  # … and "caught fire" with
IN_THE_AIR = re.compile(r"(?<![\w'-])(?:over|in the air|in the sky|air defen[cs]es?|anti-aircraft|над|в небі|в небе"
                         r"|ппо|пво|зенітн\w+|зенитн\w+|протиповітрян\w+|противовоздушн\w+)(?![\w'])")
ANOTHER = re.compile(r"(?<![\w'-])(?:another|a second|a third|one more|ще (?:один|одна|одну|одне)"
                      r"|ещё (?:один|одна|одну)"
                      r"|еще (?:один|одна|одну)|другий|друга|второй|вторая|вторую)(?: [\w'\"-]+){0,2} ?\"?$")
ANOTHER_ANY = re.compile(
    r"(?<![\w'-])(?:another|one more|ще (?:один|одна|одну|одне)|ещ[её] (?:один|одна|одну))(?![\w'])")
MOREOVER = re.compile(r"\s*(?:in addition|moreover|also|крім того|також|окрім того|кроме того|также|помимо этого)\b")
FPV = re.compile(r"(?<![\w'-])(?:fpv|фпв)[- ]?(?:дрон|drone|бпла|коптер)\w*")
QUOTE_GAP = re.compile(r"\s*[«\"“„']\s*")
QUOTE_END = re.compile(r"[»\"”“']")
# Before these the doer of another clause stands: "росіяни атакували … 71 БпЛА, з яких збито 52" (the attackers
# did not down their own drones).
ACTOR_CUT = re.compile(r"[:;]|\s-\s|,\s*(?:з яких|із яких|з них|з котрих|из которых|из них|of which|of them)\s")
ATTACKED = re.compile(r"attacked|атакува|атаковал")
EN_PARTICIPLE = re.compile(r"[a-z]+ed\b|struck|hit\b|shot\b|downed")
NAMED_GROUP = re.compile(r"infantry|crew|garrison|піхот|пехот|екіпаж|экипаж|гарнізон|гарнизон")
NOMINAL = re.compile(r"\w*(?:ння|нні|ення|ение|ения|ению|енню|ением|ении|tion|tions)(?![\w])")  # its first word
CLAIMED_NOMINAL = re.compile(r"(?:заяви\w*|повідоми\w*|сообщи\w*|заявля\w*|оголоси\w*|объяви\w*|відзвітува\w*"
                             r"|доповіл\w*|доложил\w*|отчитал\w*)\s+(?:про|об|о)\s+$"
                             r"|(?:claimed|reported|announced|confirmed) the $")
REGIONAL_OFFICIAL = re.compile(
    r"(?<![\w'-])(?:governor|mayor|head of the [\w-]+ (?:regional|military) administration|губернатор\w*"
    r"|мер(?:а|ом|ові|у)?|міськ\w* голов\w*|голов\w* (?:[\w'-]+ )?ова|начальник\w* (?:[\w'-]+ )?ова"
    r"|очільни\w* (?:[\w'-]+ )?ова|глав\w* (?:[\w'-]+ )?(?:ова|администрации|города)|мэр\w*)(?![\w'])")
OPEN_QUOTES, CLOSE_QUOTES = "«„“\"'‘", "»“”\"'’"
OTHER = {"UKR": "RUS", "RUS": "UKR"}
POSSESSIVE = re.compile(r"['’]s?(?![\w])")
ACTING_BODY = re.compile(r"Security Service|Special Operations|Intelligence|Brigade|Forces|Guard|Navy|Air Force"
                          r"|Regiment|Battalion|Separate", re.IGNORECASE)
N_OF_M = re.compile(r"\s+(?:of|out of|із|з|из)\s+")
DRONE_KINDS = [
    (re.compile(r"kamikaze|loitering|lancet|switchblade|камікадзе|камикадзе|ланцет"),
     "loitering_munition"),
    (re.compile(r"(?<![\w'-])(?:fpv|фпв)"), "fpv_drone"),
]
PLURAL = re.compile(r"(?:s|и|ы|ів|ов|ей)\b(?!.)")
FAMILY = {"бмп": "BMP", "bmp": "BMP", "бтр": "BTR", "btr": "BTR", "бмд": "BMD", "bmd": "BMD", "мт-лб": "MT-LB",
           "mt-lb": "MT-LB"}
AMBIGUOUS_CLASS = re.compile(r"fighters?|бійц\w*|бойцы")
OF_BEFORE = re.compile(r"(?<![\w'-])of (?:[\w'-]+ ){0,3}$")
MODIFIER_OF = re.compile(r"[ -](group|operators?|crews?|units?|teams?|pilots?|launch(?:ing)? (?:site|pad)s?|locations?"
                          r"|storage|depots?|warehouses?|positions?|factory|plant|production|strikes?|attacks?|bases?"
                          r"|hubs?|repair|workshops?|assembly)(?![\w'])")  # the head noun after a modifier
MAX_INCIDENT = 50  # a larger count in one clause is a tally of many incidents, not one
MAX_SHOT_DOWN = 150  # one night's interceptions are one event; a week's or a month's sum is a tally
ATTRIBUTIVE = re.compile(r"(?<![\w'-])(?:a|an|the) $")  # "a downed drone", "the destroyed bridge"
# A participle declined as an adjective describes a noun, claims nothing: "про нібито «40 знищених Abrams»",
# "показує пошкоджену російську Т-72Б3", "сбитых F-16" (the short forms "знищено", "уничтожены" do claim; the
# adjective "трофейну", not a participle, is the capture it names). "сбитый Су-25": Russian predicates take the
# short form "сбит"; a Ukrainian "збитий" may be either, so it stays a trigger.
ATTRIBUTIVE_FORM = re.compile(r"(?:[еиыуяаі]|н)[нт](?:их|ых|ими|ыми|ого|ому|ую|ою|ої|у|ый)$")
PERFECT = re.compile(r"(?<![\w'-])(?:had|has|have) $")  # "drones had hit": an active verb, its subject no target
NOT_CRUISE = re.compile(r"(?<![\w'-])(?:rockets?|mlrs|smerch|himars|grad|uragan|ballistic|iskander|атакms|atacms"
                        r"|реактивн\w*|балістичн\w*|баллистическ\w*|смерч\w*|град\w*|ураган\w*|іскандер\w*"
                        r"|искандер\w*|рсзв|рсзо)(?![\w'])")
WITH_BEFORE = re.compile(r"(?<![\w'-])(?:with|using|by)\s+(?:[\w'-]+\s+){0,3}$")  # "carried out with long-range drones"
# "ударними БпЛА", "ударними безпілотниками типу «Герань-2»": the type named after an instrumental noun
INSTRUMENTAL_BEFORE = re.compile(r"[а-яіїєґ](?:ими|ыми|ною|ной|ним|ным|ом|ами|ями)(?: (?:типу|типа) [«\"„“]?)? $"
                                 r"|[а-яіїєґ](?:ами|ями) (?:типу|типа) [«\"„“]?$"
                                 # "накрили двома FPV": a numeral in the instrumental before a Latin name
                                 r"|(?<![\w'-])(?:двома|трьома|чотирма|кількома|двумя|тремя|четырьмя|несколькими) $")
# What can bring an aircraft, a drone or a missile down: a drone, a rocket launcher or a ship's name is no means.
SHOT_DOWN_MEANS = {"missile", "aircraft", "helicopter", "small_arms", "artillery", "unknown"}
# "five armoured vehicles, including an M2 Bradley": the model of the class just named.
INCLUDING_GAP = re.compile(r"\s*,?\s*(?:including|among them|among which|in particular|notably|зокрема|в тому числі|"
                           r"у тому числі|серед них|серед яких|в том числе|среди них|среди которых|включая)\b"
                           r"[\s:—–-]*(?:(?:an?|one|one of them|одн[аиу]|одна|одну|один)\s+)?")
# Between one predicate's target and the next predicate of the same subject: "знищили гаубицю і пошкодили".
COORDINATED = re.compile(r"[\s,]*(?:і|й|та|и|and|а також|а также|and also|as well as)\s+")
# Between a class word and the model that names it: "катери проєкту 02510 БК-16", "corvette of the Buyan-M class".
CLASS_MODEL_GAP = re.compile(
    r"\s*(?:(?:of )?(?:the )?(?:project|проєкту|проекта|типу|типа|type)\s*(?:\d[\d.]*\w*)?)?\s*")
# A period that is one night or one day: its interceptions are one air attack's.
ONE_NIGHT = re.compile(r"overnight|last night|tonight|at night|during the night|вночі|уночі|в ніч|у ніч|цієї ночі"
                       r"|минулої ночі|ночью|в ночь|этой ночью|прошлой ночью|минувшей ночью|за ніч|за ночь")
SET_ALIGHT = re.compile(r"(?:set|sets|setting) (?=.+ (?:alight|ablaze|on fire)$)")
# What a strike did, said after it ("…, damaging its workshop", "На місці фіксують пожежу"): events.py _results.
RESULT = re.compile(
    r"(?<![\w'-])(?:(?P<destroyed>burn(?:ed|t) out|burned down|(?:was|were) destroyed|destroying|згорі(?:в|ла|ло|ли)"
    r"|сгорел\w*|зруйнува\w*|разрушил\w*|разрушен\w*|знищен\w*|знищивши|уничтожен\w*|уничтожив)"
    r"|(?P<damaged>damag(?:ed|ing)|пошкод\w*|поврежд\w*)"
    r"|(?P<fire>fires? (?:broke out|started|erupted)|caught fire|burn(?:ed|ing) for|blaze|пожеж\w*|загорі\w*"
    r"|(?:caus|spark|start)(?:ed|ing) (?:a |an )?(?:\w+ )?fire|set(?:ting)? (?:[\w-]+ ){0,3}(?:on fire|ablaze|alight)"
    r"|загорел\w*|пожар\w*|возгорани\w*))(?![\w'])")
NO_RESULT = re.compile(r"(?<![\w'-])(?:no|not|without|без|не|нет|ні)\s+(?:\w+\s+)?$")
# An attacker as the subject of an attack verb: the side of what follows in the paragraph (event_roles.py).
_ATTACK_VERB = (r"(?:[\w'-]+ ){0,3}?(?:атакува\w*|атакувал\w*|вдари\w*|вдарил\w*|обстріля\w*|обстреля\w*|атаковал\w*"
                r"|ударил\w*|запустил\w*|attacked|struck|shelled|launched|hit|targeted)(?![\w'])")
ATTACKER = re.compile(
    r"(?<![\w'-])(?:(?P<rus>росіяни|окупанти|russians|russian forces|russian troops|russia|росія|рф|россия"
    r"|(?:російськ|российск)\w* (?:[\w-]+ )?(?:війська|військові|дрон\w*|безпілотник\w*|войска|военные|беспилотник\w*"
    r"|fpv-дрон\w*)|russian (?:drones?|fpv drones?|missiles?|aircraft))"
    r"|(?P<ukr>україна|ukraine|зсу|всу|сили оборони|ukrainian forces|ukrainian troops|украина"
    r"|(?:українськ|украинск)\w* (?:[\w-]+ )?(?:війська|військові|дрон\w*|безпілотник\w*|войска|военные|беспилотник\w*"
    r"|fpv-дрон\w*)|ukrainian (?:drones?|fpv drones?|missiles?|aircraft))"
    r"|(?P<enemy>ворог|противник))\s+" + _ATTACK_VERB)
TYPE_GAP = re.compile(r"\s*(?:типу|типа|type|-type|of the type|виду|вида)?\s*[\"']?\s*")  # "БпЛА типу «Shahed»"
FIRE = re.compile(r"set|підпал|подожг|поджег")  # the fire triggers of event_cues ("set fire to", "підпалили")
CRUISE = re.compile(r"cruise|крилат\w*|крылат\w*|kalibr|калібр\w*|калибр\w*|kh-101|х-101|kh-555|х-555|storm shadow"
                    r"|scalp|tomahawk|neptune|нептун\w*")
DEFINITE = re.compile(r"(?<![\w'-])(?:the|this|that|цей|ця|це|цю|этот|эта|это|эту) $")
MEANS_SIDE = [  # weapons only one side fields (as the means of a strike)
    (re.compile(r"lancet|ланцет|shahed|шахед|geran|герань|iskander|искандер|іскандер|kalibr|калибр|калібр|kh-|х-\d"
                r"|krasnopol|краснопол|kub|куб|orlan|орлан|zala|зала"), "RUS"),
    (re.compile(r"himars|хаймарс|atacms|storm shadow|scalp|javelin|nlaw|bayraktar|байрактар|magura|магура|sea baby"
                r"|switchblade|stugna|стугна|neptune|нептун|m777|caesar|krab|bradley"), "UKR"),
]
SMALL_ARMS = re.compile(r"(?<![\w'-])(?:machine[- ]guns?|rifles?|small arms|кулемет\w*|пулемет\w*|стрілецьк\w+ зброї"
                        r"|стрелков\w+ оружи\w*|автомат\w*)(?![\w'])")

# -- events.py: missiles named with their class, command posts, a night's interceptions of "them", listed targets
MISSILE_AFTER = re.compile(r"[^\S\n]*(?:(?:ballistic|cruise|aeroballistic|anti-ship|балістичн\w*|баллистическ\w*"
                           r"|аеробалістичн\w*|аэробаллистическ\w*|крилат\w*|крылат\w*)[^\S\n]+)?(?:missiles?|ракет\w*)")
COMMAND_POST = re.compile(r"command posts?|командн\w* пункт\w*|пункт\w* управлін\w*|пункт\w* управлен\w*")
# "загалом цієї ночі росіяни запустили 94 дрони, з них збито 61": one night's interceptions, not a total
NIGHT = re.compile(r"(?<![\w'-])(?:ніч\w*|ночі|night|overnight|ночью|ночь\w*|ночи)(?![\w'-])")
PARTITIVE = re.compile(r"(?<![\w'-])(?:з|із|зі|из|of) (?:них|them|which)(?![\w'-])")
MISSILE_WORD_END = re.compile(r"(?:missiles?|ракет[аиуоюы]?)$")
LIST_COLON = re.compile(r"[^\S\n]*[:—–-][^\S\n]")  # "112 air targets: 103 drones, …"
HITS_NOUN = re.compile(r" (?:were|was|have been|by|on|at|in|recorded|registered|reported)(?![\w'-])")
NO_ONE_BEFORE = re.compile(r"(?<![\w'-])(?:any|жодн\w*|ни одного|ни одной|ни одну)\s+$")  # not a single incident
CLAIM_LABEL = re.compile(r"\s*(?:claim|твердження|утверждение|фейк|fake)\s*:")  # a fact-check's quoted claim
SINCE_CLAUSE = re.compile(r"(?<![\w'-])(?:since|відколи|з тих пір,? як|с тех пор,? как)\s+(?:[\w'-]+\s+){1,3}$")
