"""Words that introduce speech, per language (as regexes on lower-cased text), and words of channel.

Kept apart from the logic so that a missed wording is a one-line fix. Verb cues take their speaker from
the subject ("Zelensky said", "заявив він"); source cues name it in a phrase ("according to the
General Staff", "за словами Сирського"); back-references point at what was just said ("Об этом
сообщили в Генштабе", "Про це йдеться у зведенні").
"""
from __future__ import annotations

import re

HEAD, TAIL = r"(?<![\w'’-])(?:", r")(?![\w'’-])"
ALTS: dict[int, tuple[str, ...]] = {}  # id(pattern) -> its alternatives (for the one-pass scanner)


def _rx(*alts: str) -> re.Pattern[str]:
    p = re.compile(HEAD + "|".join(alts) + TAIL)
    ALTS[id(p)] = alts
    return p


EN_VERBS = (
    r"said|says|say|saying|told|tells|telling|stated|states|stating|stressed|stresses|stressing|emphasi[sz]ed"
    r"|emphasi[sz]es|emphasi[sz]ing|noted|notes|noting|added|adds|adding|claimed|claims|claiming|reported"
    r"|announced|announces|announcing|confirmed|confirms|confirming|admitted|admits|revealed|reveals|informed"
    r"|explained|explains|explaining|wrote|writes|write|tweeted|posted|commented|comments|commenting|referenced"
    r"|accused|accuses|accusing|urged|urges|alleged|alleging|asked|outlined|pointed out|points out|estimated"
    r"|estimates|specified|specifies|warned|warns|warning|insisted|insists|described|describing|continued"
    r"|acknowledged|acknowledges|declared|declares|argued|argues|suggested|suggests|mentioned|replied|responded"
    r"|recalled|concluded|highlighted|underlined|indicated|assessed|assesses|believes|predicted|vowed|promised"
    r"|denied|denies|put|puts|read|reads|reported|reports|wrote on|said in|announced on|called on|calls on"
)
UK_VERBS = (
    r"заяви(?:в|ла|ло|ли)|заявляє|заявляють|заявляли|заявляючи|повідоми(?:в|ла|ло|ли)|повідомляє|повідомляють"
    r"|повідомляли|наголоси(?:в|ла|ло|ли)|наголошує|сказа(?:в|ла|ло|ли)|каже|кажуть|зазначи(?:в|ла|ло|ли)|зазначає"
    r"|зазначають|дода(?:в|ла|ло|ли)|додає|поясни(?:в|ла|ло|ли)|пояснює|написа(?:в|ла|ло|ли)|пише|підсумува(?:в|ла|ло|ли)"
    r"|озвучи(?:в|ла|ло|ли)|оприлюдни(?:в|ла|ло|ли)|йдеться|ідеться|уточни(?:в|ла|ло|ли)|уточнюють|назива(?:в|ла|ло|ли)"
    r"|назва(?:в|ла|ло|ли)|розпові(?:в|ла|ло|ли)|розповідає|запевни(?:в|ла|ло|ли)|підкресли(?:в|ла|ло|ли)|підкреслює"
    r"|інформує|констатува(?:в|ла|ло|ли)|відзначи(?:в|ла|ло|ли)|звітува(?:в|ла|ло|ли)|звітують|поінформува(?:в|ла|ло|ли)"
    r"|прозвітува(?:в|ла|ло|ли)|визна(?:в|ла|ло|ли)|оцінил(?:и)|оціни(?:в|ла)|закликa(?:в|ла|ло|ли)|заклика(?:в|ла|ло|ли)"
    r"|підтверди(?:в|ла|ло|ли)|підтверджує|підтверджують|заявля(?:в|ла|ло)|спростува(?:в|ла|ло|ли)|вказа(?:в|ла|ли)"
    r"|повідомля(?:в|ла|ло)|додава(?:в|ла|ли)|уточнюва(?:в|ла|ли)|вважа(?:є|ють|в|ла|ли)"
)
RU_VERBS = (
    r"заяви(?:л|ла|ло|ли)|заявляет|заявляют|заявляли|заявляя|сообщи(?:л|ла|ло|ли)|сообщает|сообщают|сообщалось"
    r"|сказа(?:л|ла|ло|ли)|говорит|отмети(?:л|ла|ло|ли)|отмечает|отмечают|добави(?:л|ла|ло|ли)|добавляет"
    r"|подчеркну(?:л|ла|ло|ли)|подчеркивает|написа(?:л|ла|ло|ли)|пишет|поясни(?:л|ла|ло|ли)|поясняет|уточни(?:л|ла|ло|ли)"
    r"|уточняли|уточняет|говорится|рассказа(?:л|ла|ло|ли)|завери(?:л|ла|ло|ли)|призна(?:л|ла|ло|ли)|констатирова(?:л|ла|ло|ли)"
    r"|указа(?:л|ла|ло|ли)|указывается|доложи(?:л|ла|ло|ли)|проинформирова(?:л|ла|ло|ли)|называ(?:л|ла|ло|ли)|назва(?:л|ла|ло|ли)"
    r"|оцени(?:л|ла|ло|ли)|призва(?:л|ла|ло|ли)|подтверди(?:л|ла|ло|ли)|подтверждает|подтверждают|заявлял(?:а|о|и)?"
    r"|опроверг(?:ла|ли)?|сообщал(?:а|о|и)?|добавлял(?:а|и)?|указывал(?:а|и)?"
    r"|объясни(?:л|ла|ло|ли)|объясняет|объясняют|счита(?:ет|ют|л|ла|ли)"
)
# "…, Ukrinform reported, citing the brigade", "«Известия» со ссылкой на пресс-центр": the source relayed.
CITING_WORDS = (r"(?:citing|quoting|referring to|із посиланням на|з посиланням на|посилаючись на|со ссылкой на"
                r"|ссылаясь на)")
VERB = _rx(EN_VERBS, UK_VERBS, RU_VERBS)
# Verb cues that never start reported content on their own (they need a quote next to them).
QUOTE_ONLY = {"read", "reads", "continued", "posted", "described", "describing", "put", "puts", "wrote on", "said in",
              "announced on"}
# A participle that continues the previous speaker's statement: "…, stressing that …", "adding that".
PARTICIPLE = re.compile(r"(?:ing|ючи|учи|я)$")

# "according to X, …" / "…, according to X": the source is the noun phrase that follows.
SOURCE = _rx(
    r"according to", r"as reported by", r"as stated by", r"in the words of",
    r"за словами", r"за даними", r"за інформацією", r"за повідомленням", r"за оцінками", r"за оцінкою",
    r"як (?:повідом|заяв|зазнач|наголос|поясн|уточн|розпов|пише|інформу)\w*",
    r"по словам", r"по данным", r"по информации", r"по сообщению", r"по оценкам", r"по оценке",
    r"как (?:сообщ|заяв|отмет|подчерк|поясн|уточн|рассказ|пишет|передает|информиру)\w*",
)
# A pronoun right after a source cue: "за його словами", "по его словам", "за його даними".
SOURCE_PRONOUN = _rx(
    r"за (?:його|її|їхніми|їх) (?:словами|даними|інформацією|оцінками)",
    r"по (?:его|ее|её|их) (?:словам|данным|информации|оценкам)",
    r"(?:according to|in the words of) (?:him|her|them|it)",
)
# "Об этом сообщили в Генштабе", "Про це повідомив …", "This was announced by …", "That's the latest
# report from …": the content is what came just before.
BACKREF = _rx(
    # "Про це в ефірі телемарафону розповів …": a place or a channel may stand between
    r"об этом (?:[\w'’-]+ ){0,4}?(?:сообщи\w*|сообща\w*|заявля\w*|заяви\w*|говорится|рассказа\w*|написа\w*"
    r"|пишет|информирует)",
    r"про це (?:[\w'’-]+ ){0,4}?(?:повідоми\w*|повідомля\w*|заявля\w*|заяви\w*|йдеться|ідеться|розпові\w*"
    r"|написа\w*|пише|інформує|сказа\w*)",
    r"такі дані (?:\w+ )?(?:оприлюдни\w*|наве\w*|опублікува\w*)",
    r"такие данные (?:\w+ )?(?:привел\w*|опубликова\w*|обнародова\w*)",
    r"this was (?:announced|reported|stated|said) by",
    r"(?:that|this) is the latest (?:report|update|figure) from",
    r"that[’']s the latest (?:report|update|figure) from",
    r"(?:these|the) figures? (?:was|were) (?:released|published|announced) by",
)
# Subject pronouns (he/she for people, it/they for organisations and posts).
PRON_PERSON_M = _rx(r"he", r"він", r"он", r"him", r"his", r"його", r"его")
PRON_PERSON_F = _rx(r"she", r"вона", r"она", r"her", r"її", r"ее", r"её")
PRON_ORG = _rx(r"it", r"they", r"воно", r"вони", r"оно", r"они", r"its", r"their", r"them")
# Nouns that stand for a document of the last organisation: "the post", "the tweet", "в сообщении".
DOC_NOUN = _rx(
    r"post", r"tweet", r"report", r"bulletin", r"statement", r"update", r"message", r"summary", r"release",
    r"intelligence update", r"повідомленн\w*", r"заяв\w*", r"зведенн\w*", r"сообщени\w*", r"заявлени\w*",
    r"сводк\w*", r"допис\w*", r"публікаці\w*", r"публикаци\w*",
)
# Words of a subject that are not part of the speaker's name.
SUBJ_STOP = _rx(
    r"the", r"a", r"an", r"also", r"has", r"have", r"had", r"was", r"were", r"is", r"are", r"later", r"earlier",
    r"previously", r"then", r"and", r"but", r"while", r"as", r"so", r"on \w+day", r"on \w+", r"today",
    r"yesterday", r"in a statement", r"also", r"already", r"further", r"і", r"й", r"та", r"а", r"и", r"також",
    r"также", r"раніше", r"ранее", r"вже", r"уже", r"теж", r"тоже", r"however", r"had", r"would", r"that",
)

CHANNELS: list[tuple[str, re.Pattern[str]]] = [
    ("televised address", _rx(r"televised address", r"video address", r"nightly address", r"evening address",
                              r"video message", r"address to the nation", r"відеозверненн\w*", r"звернен\w*",
                              r"видеообращени\w*", r"обращени\w*")),
    ("Telegram", _rx(r"telegram", r"телеграм\w*", r"телеграмі", r"телеграм-канал\w*")),
    ("X post", _rx(r"tweet\w*", r"twitter", r"on x", r"x post", r"post on x", r"твіт\w*", r"твит\w*", r"твіттер\w*",
                   r"твиттер\w*")),
    ("Facebook", _rx(r"facebook", r"фейсбук\w*")),
    ("press briefing", _rx(r"press briefing", r"briefing", r"press conference", r"брифінг\w*", r"брифинг\w*",
                           r"пресконференці\w*", r"прес-конференці\w*", r"пресс-конференци\w*")),
    ("interview", _rx(r"interview", r"інтерв['’]ю", r"интервью")),
    ("bulletin", _rx(r"daily (?:bulletin|report|update|summary)", r"intelligence update", r"зведенн\w*", r"сводк\w*")),
    ("statement", _rx(r"statement", r"заяв[аіуи]", r"заявлени\w*")),
]

# "SKIBITSKYI: …", "ЄВЛАШ: …", "QUESTION (Reuters): …": a speaker's label in capitals opening a paragraph
TRANSCRIPT_LABEL = re.compile(r"(?P<label>[A-ZА-ЯІЇЄҐЁ][A-ZА-ЯІЇЄҐЁ'’.-]+(?: [A-ZА-ЯІЇЄҐЁ][A-ZА-ЯІЇЄҐЁ'’.-]+){0,2})"
                              r"(?: \([^)\n]{1,60}\))?:[ \t]+")
QUESTION_LABEL = re.compile(r"q|question|питання|запитання|вопрос|журналіст|журналист|reporter")
NOT_A_SPEAKER = re.compile(r"transcript|стенограма|стенограмма|update|breaking|updated|оновлено|обновлено|важливо"
                           r"|важно|увага|внимание|note|примітка|примечание|editor's note")
