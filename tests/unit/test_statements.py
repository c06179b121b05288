"""Example tables for attributed statements: one row per layout and language, the example article's four
statements, speaker resolution (explicit / coref / default), channel and time, and the links to tallies.

Each row: a text, its publication date, and the statements expected as (kind, speaker name, the start of
the content). DEV covers the layouts of the issue; BUGS_CAUGHT keeps regressions found on real texts;
KNOWN_MISSES are strict xfails.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from warclaims import api, cli
from warclaims.extract.statements import extract_statements
from warclaims.extract.tallies import extract_tallies

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "express-kamikaze-drones.txt"
SBU, ZEL = "Security Service of Ukraine", "Volodymyr Zelensky"
GS = "General Staff of the Armed Forces of Ukraine"
MOD_RU, MOD_UA = "Ministry of Defence of the Russian Federation", "Ministry of Defence of Ukraine"


def found(text: str, published: str | None = None) -> list[tuple[str, str | None, str]]:
    out = []
    for st in extract_statements(text, None, published):
        out.append((st.kind, st.speaker.name if st.speaker else None, " ".join(st.content.split())[:30]))
    return out


def starts(rows: list[tuple[str, str | None, str]]) -> list[tuple[str, str | None, str]]:
    return [(k, s, c[:30]) for k, s, c in rows]


DEV = [
    # --- direct speech ----------------------------------------------------------------------------
    pytest.param("The footage was shared by the SBU, which commented: “We hit another target.”",
                 [("direct", SBU, "We hit another target.")], id="en-colon-cue-relative-pronoun"),
    pytest.param("“We will not give up,” Zelensky said in his nightly address.",
                 [("direct", ZEL, "We will not give up,")], id="en-quote-then-subject-cue"),
    pytest.param("“Every strike counts,” said Oleksandr Syrskyi.",
                 [("direct", "Oleksandr Syrskyi", "Every strike counts,")], id="en-quote-then-cue-subject"),
    pytest.param("“The enemy lost 30 tanks today” - General Staff of the Armed Forces of Ukraine",
                 [("direct", GS, "The enemy lost 30 tanks today")], id="en-quote-dash-name"),
    pytest.param("From the SBU:\n“Another Grad turned into scrap metal.”",
                 [("direct", SBU, "Another Grad turned into scrap")], id="en-from-x-layout"),
    pytest.param("«Ворог втратив понад 33 тисячі особового складу», – заявив Сирський.",
                 [("direct", "Oleksandr Syrskyi", "Ворог втратив понад 33 тисячі ")], id="uk-guillemets-dash-cue"),
    pytest.param('"Противник потерял до 400 военнослужащих", - говорится в сообщении Минобороны РФ.',
                 [("direct", MOD_RU, "Противник потерял до 400 военно")], id="ru-straight-dash-cue"),
    pytest.param("Президент заявив: «Ми тримаємо оборону».",
                 [("direct", "Президент", "Ми тримаємо оборону")], id="uk-colon-cue"),
    # --- indirect and mixed speech ---------------------------------------------------------------
    pytest.param("Ukrainian President Volodymyr Zelensky referenced fierce fighting in the east of his country.",
                 [("indirect", ZEL, "fierce fighting in the east of ")], id="en-subject-verb-content"),
    pytest.param("Konashenkov said that 975 military targets have been destroyed.",
                 [("indirect", "Igor Konashenkov", "975 military targets have been")], id="en-said-that"),
    pytest.param("Russia has lost 462,980 troops in Ukraine, the General Staff reported on April 25.",
                 [("indirect", GS, "Russia has lost 462,980 troops ")], id="en-fronted-with-adverbial"),
    pytest.param("The situation remains dire, said the Ukrainian serviceman Alexander.",
                 [("indirect", "Alexander", "The situation remains dire")], id="en-fronted-inverted"),
    pytest.param("According to the General Staff, Russia lost 1,080 troops during the day.",
                 [("indirect", GS, "Russia lost 1,080 troops during")], id="en-according-to"),
    pytest.param("Russia lost 920 troops over the past day, according to Ukraine's general staff.",
                 [("indirect", GS, "Russia lost 920 troops over the")], id="en-according-to-after"),
    pytest.param("Volodymyr Zelenskyy said on Saturday that “around 1,300” Ukrainian troops have been killed.",
                 [("mixed", ZEL, "“around 1,300” Ukrainian troops")], id="en-mixed-partial-quote"),
    pytest.param("He said the situation was difficult.", [("indirect", None, "the situation was difficult")],
                 id="en-no-quotes-no-antecedent"),
    pytest.param("Речник Нацгвардії Руслан Музичук заявив, що ворог зменшив використання техніки.",
                 [("indirect", "Ruslan Muzychuk", "ворог зменшив використання тех")], id="uk-zayavyv-shcho"),
    pytest.param("За словами Сирського, росіяни втратили 1 700 військових.",
                 [("indirect", "Oleksandr Syrskyi", "росіяни втратили 1 700 військо")], id="uk-za-slovamy"),
    pytest.param("За даними Генштабу ЗСУ, армія РФ втратила 1 150 військових.",
                 [("indirect", GS, "армія РФ втратила 1 150 військ")], id="uk-za-danymy"),
    pytest.param("Официальный представитель Минобороны РФ Игорь Конашенков сообщил, что поражено 821 объект.",
                 [("indirect", "Igor Konashenkov", "поражено 821 объект")], id="ru-soobshchil-chto"),
    pytest.param("По словам Пескова, Путин высоко оценивает действия военных.",
                 [("indirect", "Dmitry Peskov", "Путин высоко оценивает действи")], id="ru-po-slovam"),
    # --- back-references and titles ------------------------------------------------------------
    pytest.param("Армия РФ потеряла 950 солдат.\n\nОб этом сообщили в Генеральном штабе ВСУ.",
                 [("indirect", GS, "Армия РФ потеряла 950 солдат")], id="ru-backref-previous-paragraph"),
    pytest.param("Сили оборони знищили 900 окупантів. Такі дані оприлюднив Генеральний штаб ЗСУ.",
                 [("indirect", GS, "Сили оборони знищили 900 окупа")], id="uk-backref-previous-sentence"),
    pytest.param("Втрати російських окупантів становлять понад 1637 танків – Генеральний штаб ЗС України\n\nТекст.",
                 [("indirect", GS, "Втрати російських окупантів ст")], id="uk-title-dash"),
    pytest.param("Генштаб ЗСУ: Минулої доби армія РФ втратила 1 150 військових\n\nТекст.",
                 [("indirect", GS, "Минулої доби армія РФ втратила")], id="uk-title-colon"),
    # --- not statements ------------------------------------------------------------------------
    pytest.param("Ukraine uses kamikaze drones to turn Russian targets into ‘scrap metal’.", [],
                 id="scare-quote-single"),
    pytest.param("172900 Russian personnel have been “liquidated” since the start of the invasion.", [],
                 id="scare-quote-double"),
    pytest.param("Zaluzhnyi warns of 'stalemate' as winter approaches.", [], id="topic-only-warns-of"),
    pytest.param("Russia has not commented on the claims.", [], id="negated-topic"),
    pytest.param("ISW cannot confirm the casualty figure announced by Putin.", [], id="passive-participle"),
]

BUGS_CAUGHT = [
    pytest.param("In a second tweet, the SBU adds: “One more.”\n\nLater, it adds: “Another target was hit.”",
                 [("direct", SBU, "One more."), ("direct", SBU, "Another target was hit.")],
                 id="it-adds-last-organisation"),
    pytest.param("The Defence Ministry of Ukraine posted a video.\n\n“Please note that we do not accept gifts,” "
                 "it read.", [("direct", MOD_UA, "Please note that we do not acc")], id="bare-ministry-of-ukraine"),
    pytest.param("France and Germany urged Putin to end the siege of Mariupol.",
                 [("indirect", "Germany", "Putin to end the siege of Mariu")], id="and-joins-two-names",
                 marks=pytest.mark.xfail(strict=True, reason="a coordinated subject is one speaker: France and "
                                                             "Germany")),
    pytest.param("Military analysts write that Putin has estimated that 5,000 servicemen are killed each month.",
                 [("indirect", "Military analysts", "Putin has estimated that 5,000"),
                  ("indirect", "Vladimir Putin", "5,000 servicemen are killed ea")], id="nested-report-kept"),
    pytest.param("Russia has damaged all of Ukraine's thermal power plants: PM Shmyal\n\nText.",
                 [("indirect", "Denys Shmyhal", "Russia has damaged all of Ukra")], id="title-colon-name-at-end"),
    pytest.param("Ukraine war latest: Russia has lost 500,000 troops, General Staff says\n\nText.",
                 [("indirect", GS, "Russia has lost 500,000 troops")], id="title-topic-colon-then-fronted"),
    pytest.param("Головнокомандувач Олександр Сирський оцінив роботу підрозділів безпілотних систем.", [],
                 id="uk-appraisal-is-no-report"),
    pytest.param("Втрати ворога становлять понад 1637 танків – Генеральний штаб ЗС\nУкраїни\n\nТекст.",
                 [("indirect", GS, "Втрати ворога становлять понад")], id="title-dash-name-over-two-lines"),
    pytest.param("Officials said that the operation is going according to plan.",
                 [("indirect", "Officials", "the operation is going accordi")], id="according-to-plan-is-no-source"),
    pytest.param("Росіяни атакували 52 дронами типу „Шахед“. Про це повідомили в Повітряних силах.",
                 [("indirect", "Air Force of Ukraine", "Росіяни атакували 52 дронами т")],
                 id="scare-quote-before-a-backref"),
    pytest.param("The Russian-installed governor of Sevastopol, Mikhail Razvozhayev, wrote that a fire broke out.",
                 [("indirect", "Mikhail Razvozhayev", "a fire broke out")], id="apposition-subject"),
    pytest.param("Шойгу заявил, что войска продвинулись.\n\nПо информации Минобороны, ВСУ потеряли 2 800 человек.",
                 [("indirect", "Sergei Shoigu", "войска продвинулись"),
                  ("indirect", MOD_RU, "ВСУ потеряли 2 800 человек")],
                 id="bare-ministry-takes-the-last-speakers-side"),
    pytest.param("President Volodymyr Zelensky wrote on Telegram on Saturday evening:\n\n“We hold our positions.”",
                 [("direct", ZEL, "We hold our positions.")], id="colon-cue-after-adverbials"),
    pytest.param("Повітряні сили повідомили, що збито 40 дронів. За інформацією командування, ще 10 втрачені.",
                 [("indirect", "Air Force of Ukraine", "збито 40 дронів"),
                  ("indirect", "Air Force of Ukraine", "ще 10 втрачені")], id="generic-command-is-the-last-org"),
    pytest.param("Как отметили в Минобороны РФ, группировка «Центр» улучшила положение.",
                 [("indirect", MOD_RU, "группировка «Центр» улучшила п")], id="ru-kak-otmetili-v"),
    pytest.param("Photo: Ukrainian artillery near Bakhmut – General Staff\n\nText.", [], id="photo-caption-title"),
    pytest.param("Peskov said that talks were possible. At least one person was killed, the regional governor said.",
                 [("indirect", "Dmitry Peskov", "talks were possible"),
                  ("indirect", "regional governor", "At least one person was killed")],
                 id="a-role-noun-is-not-any-last-person"),
    pytest.param("These are Russian claims and could not be verified.", [], id="noun-cue-after-copula"),
    pytest.param("HUR spokesman Andriy Yusov told Radio Liberty that every air defence system is a target.",
                 [("indirect", "Andriy Yusov", "every air defence system is a ")],
                 id="person-after-their-organisation"),
    pytest.param("Речник ОСУВ «Хортиця» Назар Волошин заявив, що в селищі тривають бої.",
                 [("indirect", "Nazar Voloshyn", "в селищі тривають бої")], id="quoted-unit-name-inside-a-subject"),
    pytest.param("Водночас Ігнат підтвердив, що ракета влучила в інфраструктурний об'єкт.",
                 [("indirect", "Yurii Ihnat", "ракета влучила в інфраструктур")], id="uk-connective-then-name"),
    pytest.param("Russian forces made confirmed marginal advances near Avdiivka.", [], id="participle-as-adjective"),
    pytest.param("Відео ураження спецслужба оприлюднила у своєму Telegram-каналі.", [], id="verb-with-only-where"),
    pytest.param("Kyiv rarely comments on attacks but says such strikes are a response to the invasion.",
                 [("indirect", "Ukraine", "such strikes are a response to")], id="but-says-after-negated-topic"),
    pytest.param("“So, it's Halloween...” the Ukrainian defense ministry stated.",
                 [("direct", MOD_UA, "So, it's Halloween...")], id="quote-ellipsis-subject-cue"),
    pytest.param("'Just like in the first world war,' Valerii Zaluzhnyi told the Economist. 'There will be no "
                 "breakthrough.'", [("direct", "Valerii Zaluzhnyi", "Just like in the first world wa"),
                                    ("direct", "Valerii Zaluzhnyi", "There will be no breakthrough.")],
                 id="british-single-quotes-continued"),
    # held-out corpora gold-es-extra2/3: names after a role or unit, surnames that refer back, "Про це … розповів"
    pytest.param("Керівник ЦПД Олег Петренко заявив, що це фейк.",
                 [("indirect", "Олег Петренко", "це фейк")], id="uk-role-and-unit-before-the-name"),
    pytest.param("Керівник ЦПД Андрій Коваленко заявив, що це фейк.",
                 [("indirect", "Andriy Kovalenko", "це фейк")], id="uk-role-and-unit-before-a-known-name"),
    # speakers the table knows by their post: "the commander of X" is the person X's table row names, when the
    # text names them too; call signs ("з позивним «Граф»") are people referred back to by quote or role
    pytest.param("The commander of Ukraine's Unmanned Systems Forces said the depot burned all night. "
                 "Robert Brovdi posted a video.",
                 [("indirect", "Robert Brovdi", "the depot burned all night")], id="en-post-holder-named-later"),
    pytest.param("The commander of Ukraine's Unmanned Systems Forces said the depot burned all night.",
                 [("indirect", "Unmanned Systems Forces of Ukraine", "the depot burned all night")],
                 id="en-post-holder-not-named-stays-the-organisation"),
    pytest.param("«Мы ее двое суток выслеживали», — рассказал оператор с позывным «Кедр». "
                 "По словам «Кедра», противник стал прятать технику.",
                 [("direct", "Кедр", "Мы ее двое суток выслеживали"),
                  ("indirect", "Кедр", "противник стал прятать технику")], id="ru-call-sign-and-inflected-back"),
    pytest.param('"Now the drone is tied to a cable," said Colonel Andriy Melnyk. Trucks burn every week, the colonel '
                 'said.', [("direct", "Andriy Melnyk", "Now the drone is tied to a cable"),
                           ("indirect", "Andriy Melnyk", "Trucks burn every week")], id="en-rank-refers-back"),
    pytest.param('"We destroyed their launch point," said a drone pilot who gave only his call sign, Hrim.',
                 [("direct", "Hrim", "We destroyed their launch point")], id="en-call-sign-after-a-comma"),
    pytest.param("Ukrainian marines destroyed a Russian Grad launcher overnight, Ukrinform reported, citing the 38th "
                 "Separate Marine Brigade's Telegram channel.",
                 [("indirect", "38th Separate Marine Brigade", "Ukrainian marines destroyed a Russian Grad")],
                 id="en-relayed-citing-the-source-speaks"),
    pytest.param('"We could switch on a jammer," said Colonel Andriy Melnyk.\n\n"We destroyed their launch point," '
                 'said a drone pilot who gave only his call sign, Hrim.\n\nThe colonel is less optimistic. '
                 '"Interceptors are good against Shaheds," he said.',
                 [("direct", "Andriy Melnyk", "We could switch on a jammer,"),
                  ("direct", "Hrim", "We destroyed their launch point,"),
                  ("direct", "Andriy Melnyk", "Interceptors are good against Shaheds,")],
                 id="en-he-is-the-role-noun-subject-before"),
    pytest.param("Сили оборони знищили склад у Токмаку, повідомляє Укрінформ із посиланням на Сили оборони півдня.",
                 [("indirect", "Southern Defence Forces of Ukraine", "Сили оборони знищили склад у Токмаку")],
                 id="uk-relayed-with-reference-to"),
    pytest.param("Губернатор Андрій Бочаров заявив, що ППО збили 20 безпілотників. За його даними, постраждалих немає.",
                 [("indirect", "Andrei Bocharov", "ППО збили 20 безпілотників"),
                  ("indirect", "Andrei Bocharov", "постраждалих немає")], id="uk-two-word-content-after-his-data"),
    pytest.param("Экономист Павел Савин считает, что прямой ущерб для экспорта будет символическим.",
                 [("indirect", "Павел Савин", "прямой ущерб для экспорта будет символическим")], id="ru-believes-that"),
    pytest.param("Генштаб считает убитыми и ранеными около 700 тысяч военных.", [], id="ru-counts-is-no-cue"),
    pytest.param("Военкор Сергей Лаптев написал, что атака отбита.",
                 [("indirect", "Сергей Лаптев", "атака отбита")], id="ru-role-noun-capitalised"),
    pytest.param("Начальник ОВА Іван Федоров тим часом повідомив, що росіяни завдали 412 ударів.",
                 [("indirect", "Ivan Fedorov", "росіяни завдали 412 ударів")], id="uk-meanwhile-after-the-name"),
    pytest.param("Сили оборони знищили склад у Токмаку. Про це в ефірі телемарафону розповів речник Сил оборони "
                 "Дмитро Лиховій.\n\n«Склад знищено повністю», – сказав Лиховій.\n\n«Мала Токмачка не захоплена»,"
                 " – наголосив речник.",
                 [("indirect", "Дмитро Лиховій", "Сили оборони знищили склад у Т"),
                  ("direct", "Дмитро Лиховій", "Склад знищено повністю"),
                  ("direct", "Дмитро Лиховій", "Мала Токмачка не захоплена")],
                 id="uk-backref-with-channel-surname-and-role-refer-back"),
    pytest.param("Міністр Михайло Федоров заявив, що виробництво зросло. За словами Федорова, виробництво дронів "
                 "зросло вдвічі.",
                 [("indirect", "Mykhailo Fedorov", "виробництво зросло"),
                  ("indirect", "Mykhailo Fedorov", "виробництво дронів зросло вдвічі")], id="uk-inflected-surname"),
    pytest.param("Briefing by HUR deputy head Vadym Skibitskyi.\n\nSKIBITSKYI: Good afternoon, we hit the airfield.\n\n"
                 "QUESTION (BBC): Russia says all drones were downed. Can you confirm?\n\nSKIBITSKYI: No, I cannot "
                 "confirm that.", [("direct", "Vadym Skibitskyi", "Good afternoon, we hit the airf"),
                                   ("direct", "Vadym Skibitskyi", "No, I cannot confirm that")],
                 id="en-transcript-answers-not-questions"),
    pytest.param("UPDATE: Kyiv says the attack was repelled after a long night.", [("indirect", "Ukraine",
                 "the attack was repelled after a long")], id="en-one-capital-label-is-no-transcript"),
    pytest.param("Песков: Кремль не видит предпосылок для перемирия\n\nО переговорах\n«Мы по-прежнему открыты к "
                 "диалогу, но пока не видим готовности Киева».",
                 [("indirect", "Dmitry Peskov", "Кремль не видит предпосылок дл"),
                  ("direct", "Dmitry Peskov", "Мы по-прежнему открыты к диало")], id="ru-quote-alone-under-a-subhead"),
    pytest.param("Бійці 93-ї окремої механізованої бригади затягнули на позиції російську БМП-3. Про це бригада "
                 "повідомила у своєму телеграм-каналі.\n\nУ бригаді зазначили, що це вже третя трофейна машина.",
                 [("indirect", "93rd Separate Mechanized Brigade", "Бійці 93-ї окремої механізовано"),
                  ("indirect", "93rd Separate Mechanized Brigade", "це вже третя трофейна машина")],
                 id="uk-the-brigade-is-the-numbered-unit"),
    pytest.param("Energy site damaged in Odesa region, governor says\n\nOdesa regional governor Oleh Kiper said a "
                 "substation was damaged.", [("indirect", "Oleh Kiper", "Energy site damaged in Odesa r"),
                                             ("indirect", "Oleh Kiper", "a substation was damaged")],
                 id="en-a-role-in-the-headline-is-the-person-named-with-it-below"),
    pytest.param("A source in the SBU told Reuters that the depot had burned for hours.",
                 [("indirect", "source in the Security Service of Ukraine", "the depot had burned for hours")],
                 id="en-a-source-in-the-sbu-is-not-the-sbu"),
    pytest.param("Russian air defences shot down 26 Ukrainian drones flying towards Moscow, Mayor Sergei Sobyanin said "
                 "on Wednesday, as flights at two of the capital's airports were suspended.",
                 [("indirect", "Sergei Sobyanin", "Russian air defences shot down")],
                 id="en-fronted-content-then-adverbial-and-a-clause"),
    pytest.param("Губернатор заявил, что пострадавших нет. Позднее он добавил, что линия электропередачи повреждена.",
                 [("indirect", "Губернатор", "пострадавших нет"),
                  ("indirect", "Губернатор", "линия электропередачи поврежде")],
                 id="ru-a-role-as-written-and-позднее-он-refers-to-it"),
]

KNOWN_MISSES = [
    pytest.param("The situation remains dire. The Russian military is advancing, said the serviceman Alexander.",
                 [("indirect", "Alexander", "The situation remains dire. Th")], id="fronted-two-sentences",
                 marks=pytest.mark.xfail(strict=True, reason="fronted content is read from its own sentence only")),
    pytest.param("A trooper filmed the strike. “Those two are dead for sure,” they said.",
                 [("direct", "trooper", "Those two are dead for sure,")], id="singular-they",
                 marks=pytest.mark.xfail(strict=True, reason="'they' resolves to organisations only")),
]


@pytest.mark.parametrize(("text", "expected"), DEV + BUGS_CAUGHT + KNOWN_MISSES)
def test_statements(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert found(text, "2024-05-01") == starts(expected)


# --- the example article (issue 5, "Done means") --------------------------------------------------------

@pytest.fixture(scope="module")
def article() -> list:
    text = EXAMPLE.read_text("utf-8")
    tallies, _ = extract_tallies(text, "2023-03-31")
    return extract_statements(text, "en", "2023-03-31", tallies)


def _one(statements: list, start: str):
    hits = [s for s in statements if s.content.startswith(start)]
    assert len(hits) == 1, [s.content[:40] for s in statements]
    return hits[0]


def test_example_sbu_direct_with_inner_tor(article) -> None:
    st = _one(article, "SBU specialists hit another fat target")
    assert (st.kind, st.cue, st.speaker.name, st.speaker.resolution) == ("direct", "commented", SBU, "explicit")
    assert "the fourth “TOR” in March alone!" in st.content and "“A”" in st.content


def test_example_it_adds_is_the_sbu(article) -> None:
    st = _one(article, "Another target was the Russian ‘Grad’")
    assert (st.cue, st.speaker.name, st.speaker.resolution, st.speaker.mention) == ("adds", SBU, "coref", "it")
    assert st.speaker.antecedent_span is not None


def test_example_indirect_zelensky_referenced(article) -> None:
    st = _one(article, "fierce fighting in the east of his country")
    assert (st.kind, st.cue, st.speaker.name) == ("indirect", "referenced", ZEL)
    assert st.speaker.role == "President of Ukraine"
    assert st.channel == "televised address"
    assert st.time is not None and (st.time.start, st.time.precision) == ("2023-03-30", "day")


def test_example_he_said_is_zelensky_last_night(article) -> None:
    st = _one(article, "Today, we have something to thank our warriors for")
    assert (st.kind, st.cue, st.speaker.name, st.speaker.resolution) == ("direct", "said", ZEL, "coref")
    assert st.channel == "televised address"
    assert (st.time.start, st.time.end, st.time.precision) == ("2023-03-30", "2023-03-30", "day")
    assert st.content.endswith("Well done, guys.")  # British style: the last paragraph has no closing mark
    assert st.confidence < 1.0


def test_example_scare_quotes_are_not_statements(article) -> None:
    contents = " | ".join(s.content for s in article)
    assert "targeted attacks" not in contents
    assert not any(s.content in ("scrap metal", "liquidated") for s in article)


def test_example_statements_carry_their_tallies(article) -> None:
    st = _one(article, "172900 Russian personnel")
    assert len(st.claims) == 1
    claims = _one(article, "to have destroyed 3610 tanks")
    assert len(claims.claims) == 12


def test_tally_without_claimant_takes_the_speaker() -> None:
    from warclaims.extract.statements import link_claims
    from warclaims.models import LossTally, Party

    text = "Zelensky spoke on Monday.\n\nHe said: “Russia has lost 3000 tanks.”"
    statements = extract_statements(text, "en", "2024-01-01")
    a = text.index("3000 tanks")
    bare = LossTally(id="t1", category="tanks", value=3000, value_text="3000", span=(a, a + 10))
    owned = LossTally(id="t2", category="tanks", value=3000, value_text="3000", span=(a, a + 10),
                      claimant=Party(name="General Staff of the Armed Forces of Ukraine"))
    outside = LossTally(id="t3", category="tanks", value=1, value_text="1", span=(0, 8))
    link_claims(statements, [bare, owned, outside])
    assert statements[-1].claims == ["t1", "t2"]
    assert bare.claimant is not None and (bare.claimant.name, bare.claimant.basis) == (ZEL, "statement")
    assert owned.claimant.name == "General Staff of the Armed Forces of Ukraine"  # never overwritten
    assert outside.claimant is None


def test_event_inside_a_quote_points_at_the_statement() -> None:
    from warclaims.extract.statements import link_claims
    from warclaims.models import EventClaim

    text = "The SBU commented: “Special forces destroyed the TOR-M2 with a kamikaze drone.”"
    statements = extract_statements(text, "en", "2023-03-30")
    a = text.index("destroyed")
    ev = EventClaim(id="e1", type="strike", outcome="destroyed", span=(a, a + 30))
    link_claims(statements, [ev])
    assert statements[0].claims == ["e1"] and ev.statement_id == statements[0].id
    assert ev.claimant is not None and ev.claimant.name == SBU


# --- speakers: aliases merged, pronouns ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("СБУ повідомила, що знищено ЗРК.", SBU),
    ("Служба безпеки України повідомила, що знищено ЗРК.", SBU),
    ("The Security Service of Ukraine said that a TOR was destroyed.", SBU),
    ("Генштаб ЗСУ повідомив, що ворог втратив 900 осіб.", GS),
    ("Генеральний штаб повідомив, що ворог втратив 900 осіб.", GS),
    ("Міноборони України повідомило, що ворог втратив 900 осіб.", MOD_UA),
    ("Зеленський заявив, що ворог втратив 900 осіб.", ZEL),
    ("Зеленский заявил, что враг потерял 900 человек.", ZEL),
    ("Putin said that the operation goes to plan.", "Vladimir Putin"),
    ("Dmitry Peskov said that the operation goes to plan.", "Dmitry Peskov"),
    ("ISW said that Russian forces advanced.", "Institute for the Study of War"),
], ids=lambda v: v[:24] if isinstance(v, str) else None)
def test_aliases_merge_to_one_canonical_name(text: str, name: str) -> None:
    sts = extract_statements(text, None, None)
    assert [s.speaker.name for s in sts] == [name]


def test_she_said_skips_men() -> None:
    text = ("Deputy Defence Minister Hanna Maliar met Oleksii Reznikov.\n\n"
            "She said the enemy lost 146 tanks in three days.")
    st = extract_statements(text, None, None)[-1]
    assert (st.speaker.name, st.speaker.resolution, st.speaker.mention) == ("Hanna Maliar", "coref", "She")


def test_the_ministry_is_the_last_ministry() -> None:
    text = ("Russia's defence ministry said its forces hit 26 hubs.\n\n"
            "The ministry said that the special operation targets military infrastructure only.")
    sts = extract_statements(text, None, None)
    assert [s.speaker.name for s in sts] == [MOD_RU, MOD_RU]
    assert sts[1].speaker.resolution == "coref"


# --- the Python API and the CLI --------------------------------------------------------------------------

def test_api_filter_by_alias() -> None:
    text = EXAMPLE.read_text("utf-8")
    assert {s.speaker.name for s in api.statements(text, published="2023-03-31", speaker="SBU")} == {SBU}
    assert len(api.statements(text, published="2023-03-31", speaker="Зеленський")) == 3


def test_cli_quotes_speaker_jsonl(capsys) -> None:
    code = cli.main(["quotes", str(EXAMPLE), "--speaker", "Zelensky", "--format", "jsonl",
                     "--published", "2023-03-31"])
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0 and len(out) == 3
    import json

    rows = [json.loads(line) for line in out]
    assert {r["speaker"]["name"] for r in rows} == {ZEL} and rows[0]["source"] == str(EXAMPLE)


def test_cli_quotes_missing_file_is_an_error_not_a_traceback(capsys, tmp_path) -> None:
    code = cli.main(["quotes", str(tmp_path / "nope.txt")])
    err = capsys.readouterr().err
    assert code == 1 and "error:" in err and "Traceback" not in err


def test_last_night_without_a_publication_date_keeps_the_words_only() -> None:
    st = extract_statements("Speaking in his televised address last night, Zelensky said the front holds.")[0]
    assert st.channel == "televised address"
    assert (st.time.mention, st.time.start, st.time.precision) == ("last night", None, "unknown")


def test_mangled_texts_never_raise_and_spans_hold() -> None:
    """Real texts cut at random places with quote marks, dashes and line breaks thrown in or taken out."""
    import random

    texts = [p.read_text("utf-8") for p in sorted((ROOT / "tests" / "gold").glob("*.txt"))]
    rng = random.Random(5)
    for _ in range(120):
        t = rng.choice(texts)
        a = rng.randrange(len(t))
        chars = list(t[a:a + rng.randrange(50, 1500)])
        for _ in range(rng.randrange(12)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice("“”„«»\"‘’':—–-\n"))
        for _ in range(rng.randrange(5)):
            if chars:
                del chars[rng.randrange(len(chars))]
        x = "".join(chars)
        for st in extract_statements(x, None, rng.choice([None, "2023-03-31", "not a date"])):
            assert x[st.span[0]:st.span[1]] == st.content and 0 <= st.span[0] <= st.span[1] <= len(x)
            assert 0 < st.confidence <= 1


@pytest.mark.parametrize(("genitive", "name"), [
    pytest.param("Владислава Волошина", "Владислав Волошин", id="uk-male-in"),
    pytest.param("Олени Марченко", "Олена Марченко", id="uk-female-enko"),
    pytest.param("Андрія Коваленка", "Андрій Коваленко", id="uk-male-enko"),
    pytest.param("Дмитра Лиховія", "Дмитро Лиховій", id="uk-dmytro"),
    pytest.param("Валерія Залужного", "Валерій Залужний", id="uk-adjectival"),
    pytest.param("Марії Захарової", "Марія Захарова", id="ru-female-ova"),
    pytest.param("Натальи Гуменюк", "Наталья Гуменюк", id="ru-natalya"),
    pytest.param("Ивана Федорова", "Иван Федоров", id="ru-male-ov"),
    pytest.param("Mark Rutte", "Mark Rutte", id="latin-untouched"),
])
def test_names_after_za_slovamy_back_in_the_nominative(genitive: str, name: str) -> None:
    from warclaims.extract.person_names import nominative

    assert nominative(genitive) == name


def test_za_slovamy_gives_the_nominative_name() -> None:
    st = extract_statements("За словами Владислава Волошина, ворог втратив два танки під Оріховом.", "uk", None)
    assert [s.speaker.name for s in st] == ["Владислав Волошин"] and st[0].speaker.mention == "Владислава Волошина"
