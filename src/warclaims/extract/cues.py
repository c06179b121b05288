"""Word lists (as regexes on folded text) that attribution and scope read: who claims, whose loss,
over what period. Kept apart from the logic so that a missed wording is a one-line fix.
"""
from __future__ import annotations

import re

from .fastre import Dispatch
from .lexscan import split_alternatives

MONTH_WORDS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
    r"|січ\w*|лют\w*|берез\w*|квіт\w*|травн\w*|трав\w*|червн\w*|черв\w*|лип\w*|серп\w*|верес\w*|жовт\w*"
    r"|листопад\w*|груд\w*|январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]|июн\w*|июл\w*|август\w*|сентябр\w*"
    r"|октябр\w*|ноябр\w*|декабр\w*"
)


# Every rx() list by its compiled pattern: lexicon.py reads them all in one pass per document.
RX_ALTS: dict[re.Pattern[str], tuple[str, ...]] = {}


def rx(*alts: str) -> re.Pattern[str]:
    """A word-bounded alternation, compiled once."""
    p = re.compile(r"(?<![\w'-])(?:" + "|".join(alts) + r")(?![\w'])")
    RX_ALTS[p] = alts
    return p


# --- claimants: (pattern, canonical name, side, role). Ordered: specific before generic. ---------
UA, RU, THIRD = "UKR", "RUS", "third"
CLAIMANTS: list[tuple[str, str, str | None, str]] = [
    # Russian side first, so that "Russian General Staff" never reads as the Ukrainian one.
    (r"(?:russian|russia's) (?:defen[cs]e ministry|ministry of defen[cs]e|mod|general staff)|(?:defen[cs]e ministry"
     r"|ministry of defen[cs]e) of (?:russia|the russian federation)|moscow's (?:army|defen[cs]e ministry)"
     r"|минобороны (?:рф|россии)|министерств\w* обороны (?:рф|россии|российской федерации)|міноборони (?:рф|росії)"
     r"|міністерств\w* оборони (?:рф|росії)|генштаб\w* (?:вс )?(?:рф|россии|росії)"
     r"|генеральн\w* штаб\w* (?:вс )?(?:рф|россии|росії)"
     r"|(?:the )?general staff in moscow|russia's (?:military|army) (?:command|leadership)"
     r"|(?:российск\w*|російськ\w*) (?:военн\w* ведомств\w*|військов\w* відомств\w*)|russian defen[cs]e department",
     "Ministry of Defence of the Russian Federation", RU, "party_to_conflict"),
    (r"(?:maj\. gen\. |major general |general |igor |игорь |генерал-майор )*(?:konashenkov|конашенков\w*)",
     "Igor Konashenkov (Russian MoD spokesman)", RU, "official"),
    (r"(?:sergei |сергей )?(?:shoigu|шойгу)", "Sergei Shoigu", RU, "official"),
    (r"(?:andrei |андрей )?(?:belousov|белоусов\w*)", "Andrei Belousov", RU, "official"),
    (r"(?:vladimir |владимир |володимир )?(?:putin|путин\w*|путін\w*)(?! ?'s (?:invasion|war))",
     "Vladimir Putin", RU, "official"),
    (r"(?:dmitry |дмитрий )?(?:peskov|песков\w*)|kremlin|кремл\w*", "Kremlin", RU, "official"),
    (r"(?:russian|russia's|moscow's) (?:army |military )?spokes(?:man|person)"
     r"|moscow's (?:army|military)(?= (?:said|says|claimed|claims|admitted|confirmed))",
     "Russian military spokesman", RU, "official"),
    (r"/?тасс/?|\btass\b|риа новости|ria novosti|sputnik", "Russian state media", RU, "media"),
    # Third parties: estimates, not claims of a side.
    (r"(?:(?:the )?uk's|uk|british|britain's) (?:ministry of defen[cs]e|defen[cs]e ministry|mod"
     r"|defen[cs]e intelligence|intelligence|officials)|defen[cs]e intelligence(?! of ukraine)|intelligence update"
     r"|(?:минобороны|міноборони|министерств\w* обороны|міністерств\w* оборони) (?:великобритании|британии"
     r"|великої британії|британії)|британск\w* разведк\w*|британськ\w* розвідк\w*",
     "UK Ministry of Defence", THIRD, "third_party"),
    (r"institute for the study of war|isw", "Institute for the Study of War", THIRD, "third_party"),
    (r"center for strategic and international studies|csis|rand corporation|iiss|international institute for"
     r" strategic studies|(?:a |the )?(?:u\.s\. |us |american |european |western )?think tank"
     r"|open-source (?:counts?|trackers?"
     r"|analysts|intelligence)|independent trackers?|osint|visually confirmed",
     "third-party estimate", THIRD, "third_party"),
    (r"pentagon|u\.?s\.? (?:officials|intelligence|defen[cs]e department|department of defen[cs]e)|nato"
     r"|cia|western (?:officials|intelligence|estimates)|(?:military )?analysts|mediazona|медиазона|оryx|oryx"
     r"|медіазон\w*|медиазон\w*|bbc russian|би-би-си|бі-бі-сі",
     "third-party estimate", THIRD, "third_party"),
    # Ukrainian side.
    (r"(?:the )?(?:ukrainian |ukraine's )?general staff(?: of (?:the )?(?:armed forces of ukraine|ukraine's armed"
     r" forces|ukrainian armed forces|the afu|afu|ukraine|the armed forces(?: of ukraine)?))?"
     r"|генеральн\w* штаб\w*(?: (?:зсу|всу|зс україни|вс украины|збройних сил україни|вооруженных сил украины))?"
     r"|генштаб\w*(?: (?:зсу|всу))?",
     "General Staff of the Armed Forces of Ukraine", UA, "party_to_conflict"),
    (r"(?:ukrainian|ukraine's) (?:defen[cs]e ministry|ministry of defen[cs]e|mod)|(?:defen[cs]e ministry|ministry"
     r" of defen[cs]e) of ukraine|defen[cs]e of ukraine|@defenceu|міністерств\w* оборони україни|міноборони"
     r" україни|минобороны украины|министерств\w* обороны украины",
     "Ministry of Defence of Ukraine", UA, "party_to_conflict"),
    (r"(?:president |volodymyr |володимир\w* |владимир\w* |президент\w* )*(?:zelensk[yi]y?|zelenskiy|зеленськ\w*"
     r"|зеленск\w*)|ukrainian (?:president|leader)|ukraine's (?:president|leader)|president of ukraine"
     r"|президент\w* україни|президент\w* украины",
     "Volodymyr Zelensky", UA, "official"),
    (r"(?:hanna |ганна |анна )?(?:maliar|malyar|маляр)", "Hanna Maliar (Deputy Defence Minister of Ukraine)", UA,
     "official"),
    (r"(?:oleksandr |олександр\w* |александр\w* )?(?:syrsk[yi]i?|сирськ\w*|сырск\w*)", "Oleksandr Syrskyi", UA,
     "official"),
    (r"(?:oleksandr |олександр\w* |александр\w* )?(?:tarnavsk[yi]i?|тарнавськ\w*|тарнавск\w*)", "Oleksandr Tarnavskyi",
     UA, "unit"),
    (r"(?:sergiy |sergey |serhiy |сергій )?(?:kyslytsya|kislitsya|kiseltsya|кислиц\w*)",
     "Serhiy Kyslytsya (Ukraine's UN ambassador)", UA, "official"),
    (r"(?:valerii |valery )?(?:zaluzhn[yi]i?|залужн\w*)", "Valerii Zaluzhnyi", UA, "official"),
    (r"(?:(?:the )?(?:general staff )?of )?(?:ukraine's|ukrainian) armed forces|armed forces of ukraine"
     r"|збройн\w* сил\w* україни|вооруженн\w* сил\w* украины",
     "Armed Forces of Ukraine", UA, "armed_forces"),
    # Commands of one zone or unit: their figures are never the national running total.
    (r"(?:осув|осгв|осг|оперативно-стратегічн\w* угрупован\w*|оперативно-стратегическ\w* группировк\w*"
     r"|угрупован\w* військ|группировк\w* войск)(?: «?[\w-]+»?)?|«?(?:таврі[яї]|хортиц[яі]|таври[яи]|хортиц[аы])»?"
     r"|(?:tavria|khortytsia|khortytsia) (?:group|grouping)|operational[- ]strategic group(?:ing)?(?: \w+)?"
     r"|сил\w* оборони півдня|оперативн\w* командуванн\w* «?\w+»?|operational command \w+"
     r"|\d+(?:-?(?:th|st|nd|rd|а|я|ї|й|ої))? (?:separate |окрем\w* |отдельн\w* )?(?:\w+ )?(?:brigade|бригад\w*)"
     r"|бригад\w* «[^»]{2,20}»|(?:\w+ )?brigade|(?:пресслужб\w* |пресс-служб\w* )?бригад\w*",
     "unit or zone command", UA, "unit"),
    (r"сухопутн\w* (?:войск\w*|військ\w*)(?: (?:всу|зсу))?|ground forces(?: of ukraine| of the afu)?",
     "Ground Forces of the Armed Forces of Ukraine", UA, "party_to_conflict"),
    (r"security service of ukraine|\bsbu\b|сбу", "Security Service of Ukraine (SBU)", UA, "party_to_conflict"),
    (r"special operations forces|ссо|сил спеціальних операцій", "Special Operations Forces of Ukraine", UA,
     "party_to_conflict"),
    (r"national guard(?: of ukraine)?|нацгвард\w*|національн\w* гвард\w*", "National Guard of Ukraine", UA,
     "party_to_conflict"),
    (r"air force of ukraine|ukrainian air force|повітрян\w* сил\w*|воздушн\w* сил\w*", "Air Force of Ukraine", UA,
     "party_to_conflict"),
    # Bare institutions: side decided by context (the country they belong to).
    (r"(?:the )?(?:country's )?(?:defen[cs]e ministry|ministry of defen[cs]e)|\bthe mod\b|міноборони|минобороны"
     r"|міністерств\w* оборони|министерств\w* обороны",
     "Ministry of Defence", None, "party_to_conflict"),
]
# Alternatives in priority order, group cN names CLAIMANTS[N]; tried at word starts (attribution.py).
# "(?!\w)" and not "(?![\w'])": "the General Staff's update" is the General Staff.
# (Each pattern is split at its top-level "|": Dispatch then tries only the parts that can start where it stands;
# "(?P<c7>a|b)" is "(?P<c7>(?:a|b))".)
CLAIMANT = Dispatch([(f"c{i}", split_alternatives(p)) for i, (p, *_rest) in enumerate(CLAIMANTS)],
                    r"(?<![\w'-])(?:", r")(?!\w)")
CLAIMANT_RE = CLAIMANT.whole

# A country as claimant: "Ukraine claims", "Kyiv says", "Russia said it had lost", "Moscow has confirmed".
# "(according to Kyiv)", "by Ukraine's count": a country as the source.
ACCORDING_COUNTRY = re.compile(
    r"(?<![\w'-])(?:according to|by|за даними|по данным)\s+(?:the\s+)?"
    r"(?P<who>kyiv|kiev|ukraine|moscow|russia|київ\w*|киев\w*"
    r"|україн\w*|украин\w*)(?:'s)?(?:\s+(?:count|figures|data|estimates|side))?(?![\w'])"
)
COUNTRY_CLAIM = re.compile(
    r"(?<![\w'-])(?P<who>ukraine|kyiv|kiev|ukrainian officials|ukrainian authorities|the ukrainian side"
    r"|the ukrainian military|ukraine's military|russia's military|russia|moscow|russian officials|the russian side"
    r"|україна|київ|россия|москва)"
    r"(?:['’]s\s+(?:latest\s+|own\s+|official\s+)?(?:tally|count|figures|data|numbers|toll)"  # "Kyiv's tally"
    r"|\s+(?:also\s+|has\s+|have\s+|had\s+|so far\s+|already\s+)*(?:claims?|claimed|says?|said|reports?|reported"
    r"|puts|estimates?|estimated|believes?|announced|admitted|confirmed|put|acknowledged|заявля\w*|заяви\w*"
    r"|повідоми\w*|сообщи\w*|признал\w*))(?![\w'])"
)
# Every claimant pattern contains one of these words. Scanning for them first is ~15x faster than running the
# claimant alternation at every position (tests/unit/test_cues.py checks both find the same mentions).
CLAIMANT_ANCHOR = re.compile(
    r"(?<![\w'-])(?:staff|штаб|генштаб|ведомств|відомств|department|ministry|міністерств|министерств|міноборони|минобороны|mod\b"
    r"|defen[cs]e (?:ministry|intelligence|of ukraine)|konashenkov|конашенков"
    r"|shoigu|шойгу|belousov|белоусов|putin|путин|путін|peskov|песков|kremlin|кремл|spokes|тасс|tass|риа|ria novosti"
    r"|sputnik|intelligence|isw|institute|pentagon|officials|nato|cia\b|estimates|analysts|mediazona|медиазон|медіазон|oryx"
    r"|bbc|би-би-си|бі-бі-сі|maliar|malyar|маляр|syrsk|сирськ|сырск|tarnavsk|тарнавськ|тарнавск|kyslyts|kislits|kiselts|кислиц"
    r"|zaluzhn|залужн|csis|center for strategic|rand|iiss|think tank|open-source|independent tracker|osint|visually"
    r"|armed forces|збройн|вооруженн|осув|осгв|осг\b|угрупован|группировк|таврі|хортиц|таври|tavria"
    r"|khortytsia|operational[- ]strategic|operational command|півдня|командуванн|brigade|бригад|сухопутн"
    r"|ground forces|sbu|сбу|security service|special operations|ссо|спеціальних|national guard|нацгвард"
    r"|національн\w* гвард|air force|повітрян|president|президент|leader|zelensk|зеленськ|зеленск|moscow's"
    r"|@defenceu|/тасс|uk's|британ|воздушн)"
)
# "Russia has not updated … since 25 March, when it said 1,351 …": the country is the speaker.
COUNTRY_IT_SAID = re.compile(
    r"(?<![\w'-])(?P<who>russia|moscow|ukraine|kyiv)\b[^.;!?\n]{0,120}?\b(?:when |as |after )?(?:it|they) "
    r"(?:said|says|claimed|reported|admitted|confirmed|announced)(?![\w'])"
)

# Reporting words that make an entity in the sentence a claimant rather than a participant.
REPORT = rx(
    r"according to", r"said", r"says", r"reported", r"reports", r"claims?", r"claimed", r"stated", r"announced",
    r"informed", r"wrote", r"tweeted", r"posted", r"added", r"noted", r"revealed", r"published", r"released",
    r"estimates?", r"data", r"figures", r"bulletin", r"report", r"update", r"statement", r"summary",
    r"за даними", r"за словами", r"за інформацією", r"повідомля\w*", r"повідоми\w*", r"заяви\w*", r"оприлюдни\w*",
    r"йдеться", r"зведенн\w*", r"інформу\w*", r"написа\w*", r"зазнача\w*", r"по данным", r"по словам",
    r"по информации", r"сообща\w*", r"сообщи\w*", r"заявил\w*", r"опубликова\w*", r"говорится", r"сводк\w*",
    r"передає", r"передает", r"розповів", r"рассказал", r"confirmed", r"admitted", r"acknowledged",
    r"обнародова\w*", r"опублікува\w*", r"назва\w*", r"называ\w*", r"обновил\w*", r"оновил\w*", r"оновив",
    r"listed", r"lists", r"counted", r"documented", r"recorded", r"verified", r"put", r"raised",
    r"озвучи\w*", r"озвучил\w*", r"підсумува\w*", r"подвел\w*",
    r"said in", r"update", r"tally", r"count", r"свідчать дані", r"дан\w+ \w+ зведення",
    r"підтверди\w*", r"подтверди\w*", r"признал\w*", r"визна\w*", r"установил\w*", r"встановил\w*",
    r"подсчитал\w*", r"підрахува\w*", r"identified", r"confirmed by name",
)
# A sentence that attributes what came before: "Об этом сообщили в …", "Про це йдеться у …", "That's the latest report".
BACKREF = rx(
    r"об этом", r"про це", r"такі дані", r"такие данные", r"this was (?:announced|reported|stated)",
    r"that's the latest report", r"the figures? (?:was|were) (?:released|published)", r"це повідоми\w*",
)

# --- whose loss ------------------------------------------------------------------------------
RUS_WORDS = (r"russian|russia's|russia|moscow's|moscow|kremlin's|putin's|russians|росі\w*|російськ\w*|рф|росія"
             r"|россия|россии|российск\w*|россиян\w*|русск\w*|окупант\w*|оккупант\w*|загарбник\w*|рашист\w*"
             r"|occupiers?|invaders?|orcs?|орк\w*|кацап\w*|агресор\w*|агрессор\w*")
UKR_WORDS = (r"ukrainian|ukraine's|ukraine|kyiv's|kiev's|kyiv|kiev|україн\w*|украин\w*|зсу|всу|afu"
             r"|нацгвард\w*|националист\w*|nationalists|неонацист\w*|нацбат\w*|киевск\w* режим\w*|kyiv regime"
             r"|kiev regime")
ENEMY_WORDS = r"enemy|enemy's|the enemy|ворог\w*|противник\w*|враг\w*|вражеск\w*|ворож\w*"
OWN_WORDS = r"our|наш\w*|своих|своїх|its own|of its|their own|our own"
SIDE_WORD = re.compile(
    rf"(?<![\w'-])(?:(?P<rus>{RUS_WORDS})|(?P<ukr>{UKR_WORDS})|(?P<enemy>{ENEMY_WORDS})|(?P<own>{OWN_WORDS}))(?![\w'])"
)

LOSS = rx(
    r"lost", r"loses", r"losing", r"losses", r"loss", r"destroyed", r"destroy", r"killed", r"eliminated",
    r"liquidated", r"neutrali[sz]ed", r"wiped out", r"shot down", r"downed", r"casualties", r"dead", r"died",
    r"perished", r"wounded", r"knocked out", r"disabled", r"captured", r"taken prisoner", r"toll", r"lives",
    r"втрат\w*", r"втрачає\w*", r"втрача\w*", r"знищ\w*", r"ліквідов\w*", r"ліквідува\w*", r"вбит\w*", r"загин\w*",
    r"загибл\w*", r"поранен\w*", r"збит\w*", r"уражен\w*", r"вивели з ладу", r"виведено з ладу", r"знешкод\w*",
    r"потер\w*", r"теря\w*", r"уничтож\w*", r"ликвидир\w*", r"ликвидирова\w*", r"погиб\w*", r"убит\w*",
    r"ранен\w*", r"сбит\w*", r"сбил\w*", r"поражен\w*", r"выведен\w* из строя", r"нейтрализ\w*", r"полон\w*",
    r"плен\w*", r"liquidated", r"зазна\w*", r"tally", r"toll", r"вразил\w*", r"уразил\w*", r"поразил\w*",
    r"уражен\w*", r"збил\w*", r"вывел\w* из строя", r"вивел\w* з ладу", r"знищен\w*", r"уничтожен\w*",
    r"стало менше", r"недорахува\w*", r"недосчита\w*", r"стало меньше", r"лишил\w*ся", r"позбавил\w*",
    r"лишились", r"лишил\w*сь", r"згорі\w*", r"згорів", r"сгоре\w*", r"сгорел\w*", r"burned", r"burnt",
)
# Subjects whose "lost"/"втратила" names the losing side directly.
LOSER_VERB = rx(r"lost", r"loses", r"has lost", r"have lost", r"had lost", r"suffered", r"sustained",
                r"втратив", r"втратил[аио]", r"втрачає\w*", r"втрачают\w*", r"втрачали", r"потерял\w*",
                r"недорахува\w*", r"недосчита\w*",
                r"теря\w*", r"зазнал\w*", r"понес\w*", r"понесл\w*")
DESTROY_VERB = rx(r"destroyed", r"destroy", r"killed", r"eliminated", r"liquidated", r"neutrali[sz]ed",
                  r"shot down", r"downed", r"hit", r"struck", r"captured", r"знищил\w*", r"знищив", r"знищує\w*",
                  r"ліквідува\w*", r"збил\w*", r"уразил\w*", r"уничтожил\w*", r"уничтожен\w*", r"ликвидировал\w*",
                  r"сбил\w*", r"сбито", r"поражен\w*", r"уничтожено", r"знищено")
AGENT_UA = rx(r"ukrainian (?:forces|troops|army|military|soldiers|defenders|units|airborne forces?|paratroopers)",
              r"ukraine's (?:forces|troops|army|military|airborne forces?)", r"ukraine", r"kyiv",
              r"(?:the )?defen[cs]e forces", r"our (?:defenders|soldiers|warriors|troops|forces|military)",
              r"сил\w* оборони", r"наш\w* (?:захисник\w*|воїн\w*|бійц\w*|військов\w*)", r"захисник\w*",
              r"українськ\w* (?:військов\w*|воїн\w*|захисник\w*|десантник\w*|сил\w*)", r"зсу", r"всу")
AGENT_RU = rx(r"russian (?:forces|troops|army|armed forces|military|air defen[cs]e(?: systems)?|units)",
              r"(?:the )?russian armed forces", r"российск\w* (?:войск\w*|военн\w*|вс|вооруженн\w* сил\w*|пво)",
              r"вс рф", r"вооруженн\w* сил\w* (?:рф|россии)", r"российскими вс", r"russia")

# --- framing of a whole document: whose vocabulary is it written in ---------------------------
FRAME_UA = rx(r"окупант\w*", r"загарбник\w*", r"рашист\w*", r"occupiers?", r"invaders?", r"orcs?", r"сил\w* оборони",
              r"defen[cs]e forces", r"our defenders", r"наш\w* захисник\w*", r"повномасштабн\w*", r"полномасштабн\w*",
              r"full-scale invasion", r"оккупант\w*", r"ворог\w*", r"слава україні")
FRAME_RU = rx(r"специальн\w* военн\w* операци\w*", r"спецопераци\w*", r"сво", r"special military operation",
              r"киевск\w* режим\w*", r"kyiv regime", r"kiev regime", r"националист\w*", r"nationalists",
              r"украинск\w* вооруженн\w* формировани\w*", r"вооруженн\w* формировани\w* украины", r"/тасс/",
              r"тасс", r"sputnik", r"neo-nazi", r"неонацист\w*", r"de-nazify", r"денацифи\w*")

# --- claims that are not tallies ---------------------------------------------------------------
PROJECTION = rx(r"will", r"would (?:soon|shortly)", r"soon", r"shortly", r"is expected to", r"are expected to",
                r"could reach", r"may reach", r"буде", r"будуть", r"незабаром", r"скоро", r"будет", r"будут",
                r"approaching", r"nearing", r"наближа\w*(?: до)?", r"приближа\w*(?: к)?", r"would reach",
                r"would pass", r"on track to", r"має сягнути", r"может достичь")
DELIVERY = rx(r"received", r"delivered", r"supplied", r"pledged", r"promised", r"transferred", r"donated", r"sent",
              r"will send", r"handed over", r"отрима\w*", r"передал\w*", r"переда\w*", r"постави\w*", r"поставля\w*",
              r"получил\w*", r"пообіця\w*", r"обеща\w*", r"надал\w*", r"надійшл\w*")
# "… said 701 drones and 23 missiles were launched at Ukraine": the verb after the figure.
LAUNCHED_AFTER = rx(r"(?:were|was|have been|had been|are being) (?:launched|fired)", r"запущен\w*", r"выпущен\w*",
                    r"випущен\w*", r"запустил\w*", r"випустил\w*")
LAUNCH = rx(r"launched(?! (?:its|an|a|the|their|this|that) (?:\w+ )?(?:offensive|counteroffensive|counter-offensive"
            r"|invasion|war|campaign|operation))", r"fired", r"attacked (?:ukraine )?with", r"выпустил\w*",
            r"запустил\w*", r"атакова\w*", r"випустил\w*", r"випустив", r"запустив", r"атакува\w*")
HEDGE = rx(r"probably", r"likely", r"highly likely", r"possibly", r"said to have", r"reportedly", r"is believed",
           r"estimates? that", r"estimated that", r"оцінює\w*", r"оценива\w*", r"по оценке", r"за оцінкою",
           r"are believed", r"assess(?:es|ed)?", r"estimates? (?:suggest|show)", r"ймовірно", r"вероятно",
           r"по оценкам", r"за оцінками")
FORCE_SIZE = rx(r"committed", r"deployed", r"amassed", r"mobili[sz]ed", r"recruited", r"conscripted", r"strong",
                r"призва\w*", r"мобілізува\w*", r"мобилизова\w*", r"сосредоточ\w*", r"зосередж\w*", r"generates",
                r"army of", r"force of")
AVERAGE = rx(r"on average", r"an average of", r"average", r"per (?:square )?(?:kilometre|kilometer|km|day|week|month)",
             r"на (?:квадратн\w* )?кілометр\w*", r"на (?:квадратн\w* )?километр\w*", r"на добу", r"в сутки",
             r"в середньому", r"в среднем", r"в сутки в среднем",
             r"среднесуточн\w*", r"середньодобов\w*", r"середньомісячн\w*", r"среднемесячн\w*", r"daily average")

# --- scope -------------------------------------------------------------------------------------
_MONTHS = MONTH_WORDS
# "Since the start of" counts only when what started is the war, not "the year" or "the counteroffensive".
# "the war", "Russia's February 2022 full-scale invasion", "the 2022 invasion"
_WAR = (r"(?:russia's |putin's |the |its |this |their )?(?:(?:february|feb\.?) (?:24,? )?)?(?:2022 )?"
        r"(?:full-scale |large-scale |russian )?(?:war|invasion|fighting"
        r"|hostilities|aggression|special military operation|conflict)")
_WAR_UK_RU = (r"(?:повномасштабн\w* |широкомасштабн\w* |полномасштабн\w* |великої |російськ\w* |российск\w* )?"
              r"(?:вторгнення|вторжения|війни|войны|агресії|агрессии|спецоперац\w*|сво|бойових дій|боевых действий"
              r"|специальн\w* военн\w* операц\w*|операции)")  # Russian MoD: "с начала операции" is the SMO
CUMULATIVE_STRONG = rx(
    rf"since the (?:start|beginning|outset|onset) of {_WAR}", rf"since {_WAR}(?: began| started)?",
    r"since (?:the )?full-scale", r"since (?:russia's )?full-scale", r"since feb\w*\.? 24", r"since 24 feb\w*",
    r"since (?:february|feb\.?) 2022", r"since (?:russia|moscow|putin) (?:invaded|launched|began)",
    r"since the day (?:of|when)",
    r"(?:the )?first (?:\w+ )?(?:days?|weeks?|months?) of (?:the )?(?:war|invasion|fighting)",
    rf"(?:з|від|із) початку {_WAR_UK_RU}", rf"с начала {_WAR_UK_RU}", r"з 24 лютого", r"від 24 лютого", r"с 24 февраля",
    r"з 24\.02", r"від 24\.02", r"с 24\.02", r"from 24\.02", r"протягом 24\.02", r"since 24\.02", r"з 24\.02\.\d+",
    r"за (?:весь )?(?:час|время) (?:війни|войны|вторгнення|вторжения|спецоперации|сво)",
    r"за весь період", r"за весь период",
)
CUMULATIVE_WEAK = rx(
    r"so far", r"to date", r"in total", r"total", r"overall", r"altogether", r"already", r"as of", r"in all",
    r"загалом", r"всього", r"усього", r"загальн\w*", r"вже", r"уже", r"станом на", r"всего", r"в общей сложности",
    r"общ\w*", r"суммарн\w*", r"сумарн\w*", r"по состоянию на", r"cumulative", r"combined", r"orc losses",
)
PERIOD_DAY = rx(
    r"(?:over|in|during|for|within) (?:the )?(?:past|last|previous|preceding) (?:day|24 hours)",
    r"in 24 hours", r"za 24 hodyny", r"за 24 години", r"за 24 часа", r"in last (?:one )?day", r"last one day",
    r"in the last 24 hours", r"протягом (?:останньої |минулої )?доби",
    r"в ночь на", r"у ніч на", r"в ніч на",
    r"overnight", r"last night", r"минулої ночі", r"цієї ночі", r"вночі", r"минувшей ночью", r"этой ночью",
    r"прошлой ночью", r"record day", r"one-day",
    r"in (?:a|one) (?:single )?day",
    r"during the day", r"per day", r"a day", r"overnight", r"in the last day",
    r"past 24 hours", r"за (?:минулу|минулі|останню|останні|прошедшую|прошедшие|минувшие|последние|истекшие) "
    r"(?:добу|сутки|24 години|24 часа|день)", r"минулої доби", r"минувшей ночью", r"протягом (?:минулої )?доби",
    r"упродовж (?:минулої )?доби", r"за добу", r"за сутки", r"за день", r"за один день", r"за останній день",
    r"в течение (?:прошедших |минувших )?суток", r"щодоби", r"щодня", r"ежедневно", r"за ніч", r"за ночь",
    # "On Sunday alone": one day's count, not the day a total was reported
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) alone",
    rf"(?:{MONTH_WORDS}),? (?:когда|коли|when)",  # "остается 8 марта, когда … 2 558 БпЛА": that day's count
    r"лише (?:в|у) (?:понеділок|вівторок|середу|четвер|п'ятницю|суботу|неділю)",
    r"только (?:в|во) (?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)",
)
PERIOD_OTHER = rx(
    rf"(?:з|від|із) початку (?:{MONTH_WORDS})", rf"с начала (?:{MONTH_WORDS})",
    rf"since the (?:start|beginning) of (?:{MONTH_WORDS})",
    r"під час як\w*", r"в ходе котор\w*", r"during which", r"during the (?:attack|strike|operation|raid|assault)",
    r"в ходе (?:боев|боя|штурма|атаки|наступления|отражения)", r"під час (?:боїв|бою|штурму|атаки|наступу|відбиття)",
    r"in the course of (?:the )?(?:fighting|battle|assault)", r"during (?:the )?(?:fighting|battles?) (?:for|near|in)",
    r"in the (?:attack|strike|raid)", r"в результаті (?:удару|атаки)", r"в результате (?:удара|атаки)",
    r"за час \w+(?:ої|ой|ї)? операці\w*", r"за время \w+ операци\w*",
    r"since the (?:start|beginning) of (?:the |this )?(?:year|month|week|offensive|counteroffensive|counter-offensive"
    r"|assault|battle)", r"(?:з|від|із) початку (?:року|місяця|тижня|наступу|контрнаступу|штурму)",
    r"с начала (?:года|месяца|недели|наступления|контрнаступления|штурма)",
    r"(?:з|від|із) початку 20[2-3]\d(?: року)?", r"с начала 20[2-3]\d(?: года)?",
    r"(?:в течение|протягом|упродовж|during|throughout|за) 20[2-3]\d(?: року| года| year)?",
    r"since the (?:start|beginning) of 20[2-3]\d",
    r"(?:over|in|during) the (?:past|last|previous) (?:week|month|year|\d+ (?:days|weeks|months))",
    # "over the same seven days", "за ці сім днів", "за те же семь дней": a week's count
    r"(?:over|in|during|for) the (?:same |past |last |previous )?(?:two|three|four|five|six|seven|ten|\d+) days",
    r"за (?:ці|ті ж|ті самі|цей же) (?:два|три|чотири|п'ять|шість|сім|десять|\d+) (?:дні|днів)",
    r"за (?:эти|те же) (?:два|три|четыре|пять|шесть|семь|десять|\d+) (?:дня|дней)",
    r"this week", r"last week", r"this month", r"last month", r"(?:the )?previous week", r"the week before",
    r"попередн\w* тиж\w*", r"минулого тижня", r"на минулому тижні", r"предыдущ\w* недел\w*", r"прошлой недели",
    r"на прошлой неделе", r"a month", r"per month", r"each month",
    # a weekly column's title: "Тиждень на фронті: Росія втратила понад 7 тисяч військових", "The Week in Numbers"
    r"тиждень на фронті", r"неделя на фронте", r"the week (?:at the front|in numbers)",
    r"every month", r"monthly", r"a week", r"per week", r"weekly", r"in (?:one|a|this|that|the) (?:battle|attack|strike"
    r"|operation|engagement)", r"in a single (?:battle|attack|strike)",
    r"за (?:минулий |прошлый |последний |останній )?(?:тиждень|неделю|місяць|месяц|рік|год)",
    r"протягом (?:минулого |останнього )?(?:тижня|місяця|року)",
    r"в течение (?:прошлого |последнего )?(?:недели|месяца|года)",
    r"в (?:одному|одном|цьому|этом|тому|том) бою", r"у (?:одному|цьому|тому) бою", r"за неделю", r"за тиждень",
    r"влітку", r"взимку", r"навесні", r"восени", r"летом", r"зимой", r"весной", r"осенью",
    r"за (?:літо|лето|зиму|весну|осінь|осень)", r"(?:over|during) the (?:summer|winter|spring|autumn)",
    rf"(?:in|during|в|у|во) (?:{_MONTHS})(?:\s*-\s*(?:{_MONTHS}))?", rf"(?:{_MONTHS})\s*-\s*(?:{_MONTHS})",
    r"(?:in|during|за|в|у|throughout|for) (?:the )?(?:whole |entire )?(?:of )?20[2-3]\d(?: році| году| рік| год)?",
    rf"(?:упродовж|протягом|впродовж|в течение|throughout|during|за) (?:{_MONTHS})",
    r"(?:first|second|third|fourth) (?:quarter|half)", r"(?:перш|друг|трет)\w* (?:квартал|півріччя|полугоди)\w*",
    # "за пять месяцев", "за три тижні", "in just over five months" (not "за 1000 днів війни": since the start)
    r"за (?:\w+ ){1,3}?(?:днів|дні|дня|дней|тижн\w*|тиждень|недел\w*|місяц\w*|месяц\w*|років|роки|лет|года)"
    r"(?! (?:повномасштабн\w* |полномасштабн\w* )?(?:війни|войны|вторгнення|вторжения|агресії|агрессии))",
    r"in (?:just )?(?:over |under |about |less than |more than )?(?:\w+ )(?:days|weeks|months|years)"
    r"(?! of (?:the )?(?:full-scale )?(?:war|invasion|fighting))",
)
# A count restricted to one zone or sector: "загальні втрати ворога на цих напрямках", "in its area of responsibility".
ZONE = rx(r"(?:на|в|у) (?:цих|цьому|этих|этом|нашому|нашем|\w+(?:ому|ском|ськ\w*|ск\w*)) напрям\w*",
          r"на напрямк\w* відповідальності", r"в (?:зоні|зоне) (?:відповідальності|ответственности)",
          r"в операційній зоні", r"в операционной зоне", r"in (?:the|its|their) (?:area|zone) of responsibility",
          r"in the \w+ (?:direction|sector|axis)", r"on the \w+ (?:direction|front|axis)", r"на ділянці \w+",
          r"на таврійському напрямку", r"на таврическом направлении",
          r"(?:in|near|around|at) (?:the )?[\w'-]+ (?:area |region |sector )?alone",
          r"(?:лише|тільки|только|одной лишь|одного лише) (?:в|у|на|під|под|біля|около|поблизу) [\w'-]+",
          r"(?:in|during) the (?:battle|fighting|fight|assault|siege) (?:for|of|around|near) [\w'-]+",
          r"(?:в|у) (?:боях|битві|битве|боях) (?:за|під|под|біля|около) [\w'-]+",
          r"(?:на території|на теренах|в межах|на территории) [\w'-]+ (?:област\w*|регіон\w*|региона)",
          r"(?:в|у|на) [\w'-]+(?:щині|чині|щине|чине)", r"(?:in|inside) (?:the )?[\w'-]+ (?:region|oblast|province)",
          r"(?:в|у) [\w'-]+ (?:області|области)")
# An older total quoted for comparison: "a year ago, the General Staff put it at 780,000".
EARLIER = rx(r"(?:a|one|two|three) (?:year|month|week)s? (?:ago|earlier)", r"last year", r"at the time",
             r"(?:рік|місяць|тиждень|два роки|півроку) тому", r"(?:год|месяц|неделю|два года|полгода) назад",
             r"минулого року", r"в прошлом году", r"торік", r"тогда(?! как)", r"тоді(?! як)")  # ("тоді як": whereas)
# "Over the same period …": the period of the sentence before.
SAME_PERIOD = rx(r"(?:over|in|during|for) the same (?:period|day|time)",
                 r"за (?:той )?(?:же|самий) (?:період|час|день)",
                 r"за этот же период", r"за тот же период", r"за цей (?:же )?період", r"за ту же (?:добу|сутки)")
# Before a number in its clause: "втратили ще 950", "another 1,200" -- an increment, not a total.
INCREMENT = re.compile(r"(?<![\w'-])(?:ще|еще|another|a further|an additional|мінус|минус|minus)\s")
# Shooting down drones and missiles of one attack is not a running total of losses.
SHOOTDOWN = rx(r"shot down", r"intercepted", r"downed", r"сбит\w*", r"сбил\w*", r"сбить", r"збил\w*", r"збит\w*",
               r"збити", r"подавил\w*", r"подавить", r"подавлен\w*", r"знешкоджен\w*", r"знешкодил\w*",
               r"нейтралізован\w*", r"нейтрализован\w*", r"локаційно втрачен\w*",
               # "над республикой ночью были уничтожены 11 беспилотников": destroyed over a region in one night
               r"(?:над|over) [\w-]+(?: [\w-]+)? (?:ночью|вночі|уночі|overnight|за ночь|за ніч)")
# A fact-check quoting a false claim: "No, Ukraine did not claim …", "Claim: …".
DENIED = rx(r"did not (?:claim|say|report|publish)", r"didn't (?:claim|say)",
            r"never (?:claimed|published|said|reported)",
            r"не (?:заявля\w*|заявив|заявил\w*|публікува\w*|публиковал\w*|повідомля\w*|сообща\w*)", r"false(?:ly)?",
            r"fake", r"фейк\w*", r"неправд\w*", r"вигадан\w*", r"выдуман\w*", r"debunk\w*")
# "Read also: …", "Читайте також": a link to another article, not this one's claim.
LINK_LINE = re.compile(r"\s*(?:читайте (?:також|также|на)|дивіться також|смотрите также|read (?:also|more)|see also"
                       r"|related(?: articles)?|більше новин|больше новостей|по теме|на тему)\b", re.IGNORECASE)
# "its own losses": the speaker's side lost.
OWN_LOSSES = rx(r"(?:its|their) own (?:losses|casualties|toll|dead|casualty figure)", r"власн\w* втрат\w*",
                r"своих потер\w*", r"своих потерях", r"собственн\w* потер\w*", r"своїх втрат\w*")
# "The same bulletin lists …": a sentence that goes on with the report of the one before.
SAME_REPORT = rx(r"the same (?:bulletin|report|update|summary)", r"(?:this|that) (?:bulletin|report|update)",
                 r"(?:у |в )?(?:цьому|тому ж|этом|той же) (?:зведенні|звіті|сводке|отчете)")

# "The total combat losses of the enemy", "Загальні бойові втрати противника": a General Staff bulletin.
BULLETIN = re.compile(
    r"(?<![\w'-])(?:(?:total|загальн\w*|общ\w*|сумарн\w*|орієнтовн\w*) (?:бойов\w* |боев\w* |combat |russian combat )?"
    r"(?:losses|втрати|потери) (?:of the enemy|противника|ворога|in ukraine)|ліквідовано особового складу"
    r"|liquidated personnel|combat losses of the enemy)"
)
