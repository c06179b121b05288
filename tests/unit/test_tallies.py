"""Example tables for loss-tally extraction (price-parser style).

Each case: a text (with what context a reader needs), the tallies expected as
(category, value, losing_side, scope) and optional extra checks. DEV covers the formats of
official_data.md §5 and the news; BUGS_CAUGHT keeps regressions found along the way;
KNOWN_MISSES are strict xfails: they must fail until fixed.
"""
from __future__ import annotations

import pytest

from warclaims.extract.tallies import extract_tallies


def found(text: str, published: str | None = None) -> set[tuple]:
    tallies, _ = extract_tallies(text, published)
    return {(t.category, t.value, t.losing_side, t.scope) for t in tallies}


def cumulative_rus(text: str, published: str | None = None) -> dict[str, int]:
    tallies, _ = extract_tallies(text, published)
    return {t.category: t.value for t in tallies if t.losing_side == "RUS" and t.scope == "cumulative"}


R, C, P = "RUS", "cumulative", "period"

DEV = [
    # --- official bulletins, every epoch --------------------------------------------------------
    pytest.param(
        "Загальні бойові втрати противника з 24.02 по 26.04 орієнтовно склали:\n"
        "особового складу ‒ близько 22100 (+200) осіб ліквідовано,\nтанків ‒ 884 (+6) од,\n"
        "автомобільної техніки ‒ 1643 (+19) од,\nцистерн з ПММ ‒ 76 (+0) од,\nПУ ОТРК/ТРК ‒ 4 (+0) од.",
        {"personnel": 22100, "tanks": 884, "vehicles": 1643, "fuel_tanks": 76, "mobile_srbm_systems": 4},
        id="uk-bulletin-2022-split-vehicles-srbm",
    ),
    pytest.param(
        "The total combat losses of the enemy from 24.02.2022 to 17.12.2023 were approximately:\n"
        "personnel ‒ about 363070 (+790) persons were liquidated,\ntanks ‒ 6011 (+9),\nAPV ‒ 11142 (+14),\n"
        "artillery systems – 8604 (+30),\nsubmarines - 1 (+0),\nvehicles and fuel tanks – 11463 (+40).",
        {"personnel": 363070, "tanks": 6011, "armoured_vehicles": 11142, "artillery": 8604, "submarines": 1,
         "vehicles_fuel_tanks": 11463},
        id="en-milgovua-2023",
    ),
    pytest.param(
        "Total Russian combat losses in Ukraine as of August 22, 2026\n"
        "personnel ‒ approximately 1\u00a0475\u00a0270 (+1\u00a0240) persons;\ntanks ‒ 12\u00a0292 (+6);\n"
        "unmanned ground vehicles ‒ 2\u00a0201 (+9);\nUAVs (operational-tactical level) ‒ 474\u00a0641 (+1\u00a0792);",
        {"personnel": 1475270, "tanks": 12292, "ground_robotic_systems": 2201, "uav": 474641},
        id="en-modgovua-2026-nbsp",
    ),
    pytest.param(
        "ГЕНЕРАЛЬНИЙ ШТАБ ЗС УКРАЇНИ ІНФОРМУЄ. ПРОТЯГОМ 24.02.22–30.03.2023 ОРІЄНТОВНІ ВТРАТИ ПРОТИВНИКА СКЛАЛИ:\n"
        "172900 (+560) ЛІКВІДОВАНО ОСОБОВОГО СКЛАДУ / LIQUIDATED PERSONNEL\n3610 (+1) ТАНКІВ / TANKS\n"
        "2671/526 артилерійських систем/РСЗВ",
        {"personnel": 172900, "tanks": 3610, "artillery": 2671, "mlrs": 526},
        id="uk-infographic-pairs",
    ),
    pytest.param(
        "Загальні бойові втрати противника з 24.02.22 по 02.10.24 орієнтовно склали:\n"
        "• танків — 8887 (+4);\n• бойових броньованих машин — 17\u00a0579 (+32);\n• РСЗВ — 1204;",
        {"tanks": 8887, "armoured_vehicles": 17579, "mlrs": 1204},
        id="uk-bullets-list-without-delta-inherits",
    ),
    pytest.param(
        "The total combat losses of the enemy from February 24, 2022, to June 7, 2024, are estimated at: personnel – "
        "about 516,080 (+1,080) people; tanks – 7,834 (+6); motor vehicles and fuel tanks – 18,416 (+56).",
        {"personnel": 516080, "tanks": 7834, "vehicles_fuel_tanks": 18416},
        id="en-ukrinform-one-paragraph-people",
    ),
    pytest.param(
        "Генштаб ЗСУ оприлюднив дані про втрати росії.\n\n| Категорія | Всього | За добу |\n|---|---|---|\n"
        "| Особовий склад | 892 280 | +1 250 |\n| Танки | 10 233 | +5 |",
        {"personnel": 892280, "tanks": 10233},
        id="uk-markdown-table",
    ),
    # --- news rewrites -------------------------------------------------------------------------
    pytest.param(
        "Since the start of the war on February 24, Ukraine also claims to have destroyed 3610 tanks, 6974 APVs; "
        "2971 artillery systems; 5,518 vehicles and fuel tanks; and 291 pieces of special equipment.",
        {"tanks": 3610, "armoured_vehicles": 6974, "artillery": 2971, "vehicles_fuel_tanks": 5518,
         "special_equipment": 291},
        id="en-prose-list",
    ),
    pytest.param(
        "Кроме людей, оккупанты теряют на войне технику:\n- танки — 7229 (+16 за минувшие сутки);\n"
        "- автомобильную технику и автоцистерны — 15 785 (+68);\n- подводные лодки — 1;",
        {"tanks": 7229, "vehicles_fuel_tanks": 15785, "submarines": 1},
        id="ru-accusative-rewrite",
    ),
    pytest.param(
        "Russia has lost 462,980 troops in Ukraine since the beginning of its full-scale invasion on Feb. 24, 2022, "
        "the General Staff of Ukraine's Armed Forces reported. Russia has also lost 7,255 tanks and one submarine.",
        {"personnel": 462980, "tanks": 7255, "submarines": 1},
        id="en-kyivindependent-one-submarine",
    ),
    pytest.param(
        "За даними Генштабу ЗСУ, з початку повномасштабного вторгнення росія втратила близько 1,25 млн військових.",
        {"personnel": 1250000},
        id="uk-million-decimal-comma",
    ),
    pytest.param(
        "According to the General Staff, since February 24, 2022 Russia has lost more than a thousand tanks and "
        "almost 2,500 other military vehicles.",
        {"tanks": 1000, "other_military_vehicles": 2500},
        id="en-words-and-other-category",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DEV)
def test_dev(text: str, expected: dict[str, int]) -> None:
    assert cumulative_rus(text) == expected


ATTRIBUTION = [
    pytest.param(
        "Официальный представитель Минобороны РФ Игорь Конашенков заявил: всего с начала проведения специальной "
        "военной операции уничтожены 174 самолета, 125 вертолетов, 3198 танков и других боевых бронированных машин.",
        {("aircraft", 174, "UKR", C), ("helicopters", 125, "UKR", C),
         ("tanks_and_armoured_vehicles", 3198, "UKR", C)},
        id="ru-mod-claims-ukrainian-losses",
    ),
    pytest.param(
        "Шойгу: с начала операции уничтожено восемь с половиной тысяч орудий полевой артиллерии и реактивных "
        "систем залпового огня ВСУ.", {("artillery_and_mlrs", 8500, "UKR", C)},
        id="ru-shoigu-merged-category-in-words",
    ),
    pytest.param(
        "Moscow has so far confirmed the death of more than a thousand Russian soldiers.",
        set(),
        id="en-moscow-admits-own-losses-left-out",
    ),
    pytest.param(
        "In an intelligence update, the UK Ministry of Defence said Russia had probably sustained 900,000 "
        "casualties since the invasion began.",
        set(),
        id="en-third-party-estimate-left-out",
    ),
    pytest.param(
        "Ukraine said the number of enemy tanks destroyed will soon reach 2,000 tanks.",
        set(),
        id="en-projection-left-out",
    ),
    pytest.param(
        "Сирський: за минулий місяць ворог втратив понад 33 тисячі особового складу.",
        {("personnel", 33000, R, P)},
        id="uk-month-is-a-period",
    ),
    pytest.param(
        "Упродовж минулої доби російські війська втратили ще 1130 солдатів. Загалом із початку повномасштабного "
        "вторгнення армія рф втратила приблизно 655 560 людей.",
        {("personnel", 1130, R, P), ("personnel", 655560, R, C)},
        id="uk-daily-and-cumulative",
    ),
    pytest.param(
        "Ukrainian President Volodymyr Zelensky says 23,000 Russian soldiers have been killed so far. Moscow has put "
        "the number of Ukrainian fighters killed at more than 23,000.",
        {("personnel", 23000, R, C)},
        id="en-mirror-numbers",
    ),
    pytest.param(
        "The Russian army has committed around 150,000 soldiers to the invasion of Ukraine.",
        set(),
        id="en-force-size-left-out",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTION)
def test_attribution(text: str, expected: set[tuple]) -> None:
    assert found(text) == expected


def test_delta_from_prose_and_as_of_from_header():
    text = ("Загальні бойові втрати противника з 24.02 по 08.07 орієнтовно склали:\n"
            "танків ‒ 1637 (+35) од,\nРСЗВ - 247 (+0) од.")
    tallies, _ = extract_tallies(text, published="2022-07-08")
    by = {t.category: t for t in tallies}
    assert by["tanks"].delta == 35 and by["tanks"].delta_basis == "inline"
    assert by["mlrs"].delta == 0
    assert {t.as_of for t in tallies} == {"2022-07-08"}


def test_daily_figure_becomes_delta_of_the_total():
    text = ("Russia has lost 462,980 troops in Ukraine since Feb. 24, 2022, the General Staff reported. "
            "This number includes 1,040 casualties Russian forces suffered over the past day.")
    tallies, _ = extract_tallies(text)
    total = next(t for t in tallies if t.value == 462980)
    assert total.delta == 1040 and "daily" in (total.delta_basis or "")


def test_day_change_after_a_comma_is_the_delta():
    tallies, _ = extract_tallies("Генштаб ВСУ: потери врага достигли 792 170 человек, за сутки — 1 370", "2025-01-02")
    assert [(t.category, t.value, t.scope, t.delta) for t in tallies] == [("personnel", 792170, "cumulative", 1370)]


def test_span_and_raw_text_are_kept():
    text = "Since February 24, Russia has lost about 172,900 personnel, the General Staff said."
    (t,), _ = extract_tallies(text)
    assert text[t.span[0]:t.span[1]] == "172,900 personnel"
    assert (t.value_text, t.qualifier) == ("172,900", "about")


BUGS_CAUGHT = [
    # tests/gold-extra4 (news copy by a fourth writer; its first run is gated): shapes the rules missed
    pytest.param("Ukraine also says it has downed 336 helicopters and 38,924 drones since the invasion began.",
                 {("helicopters", 336, R, C), ("uav", 38924, R, C)}, id="en-38924-drones-are-no-one-nights"),
    pytest.param("Ukraine's General Staff said Russia has lost 1,000,340 soldiers since the full-scale invasion.\n\n"
                 "UK defence officials estimated that Russia was suffering 1,000 casualties a day on average during "
                 "2025.\n\n"
                 "Kyiv's tally also includes 10,933 tanks and 29,063 artillery systems.",
                 {("personnel", 1000340, R, C), ("tanks", 10933, R, C), ("artillery", 29063, R, C)},
                 id="en-kyivs-tally-goes-on-with-kyiv-not-the-uk-period"),
    pytest.param("The General Staff put total Russian personnel losses since February 24, 2022 at approximately "
                 "696,410.", {("personnel", 696410, R, C)}, id="en-put-at-with-a-date-between"),
    pytest.param("Генштаб ЗСУ оприлюднив дані про втрати російської армії. За минулу добу росіяни втратили 1200 "
                 "військових, а загальні втрати особового складу зросли до 560290.",
                 {("personnel", 1200, R, P), ("personnel", 560290, R, C)}, id="uk-a-totals-after-the-day"),
    pytest.param("Ukraine says Russia lost 7,260 soldiers in a week. Over the same seven days Russia lost "
                 "91 tanks. On Sunday alone the General Staff reported 900 soldiers killed or wounded.",
                 {("personnel", 7260, R, P), ("tanks", 91, R, P), ("personnel", 900, R, P)},
                 id="en-same-seven-days-and-sunday-alone"),
    pytest.param("Від початку вторгнення Росія втратила понад 750 тисяч військових убитими і пораненими, серед них — "
                 "близько 198 тисяч загиблих, заявив Зеленський.", {("personnel", 750000, R, C)},
                 id="uk-a-part-of-the-total-just-given"),
    pytest.param("По словам Сырского, в течение 2024 года в плен попали 1 900 российских военных.",
                 {("pow", 1900, R, P)}, id="ru-during-2024-is-a-period"),
    pytest.param("Рекордным остается 8 марта, когда украинские защитники вывели из строя 2 558 вражеских БпЛА.",
                 {("uav", 2558, R, P)}, id="ru-the-day-when"),
    pytest.param("Під час штурму знищено танк, ще один танк відійшов пошкодженим, повідомили в бригаді.", set(),
                 id="uk-one-more-tank-is-no-count"),
    pytest.param("The General Staff put Russian losses at about 1,100,600 personnel, including 1,070 over the previous "
                 "day, and 11,192 tanks.", {("personnel", 1100600, R, C), ("tanks", 11192, R, C)},
                 id="en-a-sub-clause-ends-at-and-plus-number"),
    pytest.param("Ukraine's General Staff said Russia has lost 279,440 personnel in the war so far, 360 of them over "
                 "the previous day. The list gives aircraft — 316. The General Staff corrected the figure for "
                 "aircraft to 315.", {("personnel", 279440, R, C), ("aircraft", 315, R, C)},
                 id="en-n-of-them-and-a-correction"),
    pytest.param("Nearly a million Russian casualties? What the new estimates tell us", set(),
                 id="en-a-question-is-not-a-claim"),
    pytest.param("Генеральный прокурор сообщал о 12 654 погибших гражданских с начала вторжения.", set(),
                 id="ru-civilians-are-not-personnel"),
    pytest.param("Загалом з початку 2024 року, за даними бригади, її підрозділи вивели з ладу понад 9 тисяч російських "
                 "військових.", {("personnel", 9000, R, P)}, id="uk-since-the-start-of-2024-is-a-period"),
    pytest.param("Генштаб: найшвидше зростає кількість знищених безпілотників оперативно-тактичного рівня: їх уже "
                 "майже 95 тисяч.", {("uav", 95000, R, C)}, id="uk-anaphoric-їх-уже"),
    pytest.param("Втрати ворога за даними Генштабу: кількість літаків (438), гелікоптерів (354) та підводних човнів "
                 "(2) за добу не змінилася.",
                 {("aircraft", 438, R, C), ("helicopters", 354, R, C), ("submarines", 2, R, C)},
                 id="uk-no-change-over-the-day-leaves-totals"),
    pytest.param("Russia has lost (according to Kyiv) 600,000 troops, killed or wounded — a figure unthinkable to "
                 "planners in February 2022.", {("personnel", 600000, R, C)},
                 id="en-a-later-clause-time-is-not-the-period"),
    pytest.param("По данним Генштаба русня вже недосчиталась багато своїх. Танків — 11 316 штук, бронємашин (ББМ) — "
                 "23 521, арти всякої — 34 137. Бпла вже 76 704, скоро сто тищ будуть. Машин і бензовозів у них "
                 "згоріло 66 169.",
                 {("tanks", 11316, R, C), ("armoured_vehicles", 23521, R, C), ("uav", 76704, R, C),
                  ("vehicles_fuel_tanks", 66169, R, C)}, id="uk-surzhyk-list-goes-on-after-the-loss-sentence"),
    pytest.param("Kyiv puts Russian losses since the February 2022 invasion at 401,350 personnel and 6,476 tanks. "
                 "Tarnavsky said Russia had lost 364 tanks around Avdiivka since it launched its offensive there.",
                 {("personnel", 401350, R, C), ("tanks", 6476, R, C), ("tanks", 364, R, P)},
                 id="en-since-the-february-2022-invasion-and-launching-an-offensive"),
    pytest.param("Since the start of the year, Russia has lost 200,000 troops, the General Staff said.",
                 {("personnel", 200000, R, P)}, id="en-since-the-start-of-the-year-is-a-period"),
    pytest.param("С начала контрнаступления ВСУ потеряли более 159 тысяч военнослужащих, заявил Шойгу.",
                 {("personnel", 159000, "UKR", P)}, id="ru-since-the-counteroffensive-is-a-period"),
    pytest.param("In Bakhmut alone, Russia lost 20,000 soldiers, Zelensky said.", {("personnel", 20000, R, P)},
                 id="en-one-city-is-not-the-national-total"),
    pytest.param("The General Staff said Russia had lost 1,150 soldiers in the past 24 hours, bringing the total to "
                 "630,890.", {("personnel", 1150, R, P), ("personnel", 630890, R, C)},
                 id="en-bringing-the-total-to"),
    pytest.param("Russia's losses since the start of the full-scale invasion have reached 650,000 killed and wounded, "
                 "Ukraine's military said.", {("personnel", 650000, R, C)}, id="en-killed-and-wounded"),
    pytest.param("За даними Генштабу, з початку вторгнення росія недорахувалася понад 9 тисяч танків.",
                 {("tanks", 9000, R, C)}, id="uk-colloquial-loss-verb"),
    pytest.param("ліквідували майже 900 російських окупантів за минулу добу, повідомив Генштаб ЗСУ.",
                 {("personnel", 900, R, P)}, id="uk-modifier-swallowed-label"),
    pytest.param("Russia has lost 462,980 troops in Ukraine since Feb. 24, 2022, the General Staff reported.",
                 {("personnel", 462980, R, C)}, id="en-in-ukraine-is-not-the-loser"),
    pytest.param("Since Russia's full-scale invasion of Ukraine began in February 2022, Moscow has lost 279,440 "
                 "troops, the Ukrainian General Staff said.", {("personnel", 279440, R, C)},
                 id="en-month-inside-since-phrase"),
    pytest.param("Президент Володимир Зеленський озвучив число загиблих українських військових — 31 тисяча.",
                 set(), id="uk-own-losses-label-first"),
    pytest.param("14 военных аэродромов поражено, заявил Конашенков.", set(), id="ru-military-adjective-not-personnel"),
    # held-out gold-extra5 (threads, pasted tables, roundups)
    pytest.param("Ukraine's General Staff, as of 20 Dec 2024:\n3/5 🛡️ Tanks 9 584 +8\nAFVs 19 823 +24\n"
                 "Artillery 21 220 +42\nMLRS 1 256\n\n4/5 ✈️ Aircraft 369 · Helicopters 329\n"
                 "⚓ Ships/boats 28 · Submarines 1",
                 {("tanks", 9584, R, C), ("armoured_vehicles", 19823, R, C), ("artillery", 21220, R, C),
                  ("mlrs", 1256, R, C), ("aircraft", 369, R, C), ("helicopters", 329, R, C), ("warships", 28, R, C),
                  ("submarines", 1, R, C)},
                 id="en-thread-post-lines-bare-plus-delta"),
    pytest.param("Потери России на 20 октября 2025 года\n\nИсточник: Генштаб ВСУ.\n\n"
                 "| Категория | Всего | За сутки |\n|---|---|---|\n"
                 "| Танки | 11 270 | 2 |\n| РСЗО | 1 524 | 0 |\n| Самолеты | 428 | 0 |\n| Вертолеты | 346 | 0 |",
                 {("tanks", 11270, R, C), ("mlrs", 1524, R, C), ("aircraft", 428, R, C), ("helicopters", 346, R, C)},
                 id="ru-pipe-table-rows-with-a-daily-column"),
    pytest.param("Генштаб рахує вже понад тридцять тисяч знищених артилерійських систем, тоді як безпілотників — "
                 "понад сорок чотири тисячі.", {("artillery", 30000, R, C), ("uav", 44000, R, C)},
                 id="uk-number-words-participle-and-whereas"),
    pytest.param("«Медіазона» встановила імена 131 583 російських військових, загиблих у війні.", set(),
                 id="uk-mediazona-is-a-third-party"),
    pytest.param("Глава Крыма сообщил, что над республикой ночью были уничтожены 11 беспилотников.", set(),
                 id="ru-one-nights-drones-over-a-region-are-no-total"),
    pytest.param("Станом на 27.04.2025 Генштаб рахує 948 640 (+1 030) ліквідованих і поранених окупантів.",
                 {("personnel", 948640, R, C)}, id="uk-killed-and-wounded-between-number-and-label"),
    pytest.param("Ukraine's General Staff, as of 20 Dec 2024:\nTanks 9 584 +8\n🛩️ UAVs (op.-tactical) 20 600 +79\n",
                 {("tanks", 9584, R, C), ("uav", 20600, R, C)}, id="en-bracketed-note-after-the-label"),
    pytest.param("Тиждень на фронті: Росія втратила понад 7 тисяч військових", {("personnel", 7000, R, P)},
                 id="uk-a-weekly-columns-title-is-a-period"),
    pytest.param("1/4 Russian MoD weekly summary. Ukrainian forces lost more than 9,450 servicemen over the week, the "
                 "ministry says.\n\n2/4 Destroyed (per the MoD): 14 tanks, 43 armoured fighting vehicles, 136 motor "
                 "vehicles, 92 field artillery guns, 11 MLRS launchers.",
                 {("personnel", 9450, "UKR", P), ("artillery", 92, "UKR", C), ("mlrs", 11, "UKR", C)},
                 id="en-a-bare-mod-is-the-one-named-before"),
]


@pytest.mark.parametrize(("text", "expected"), BUGS_CAUGHT)
def test_bugs_caught(text: str, expected: set[tuple]) -> None:
    assert found(text) == expected


KNOWN_MISSES = [
    pytest.param("According to the General Staff, Russia's losses since February 24, 2022 have passed the 500,000 "
                 "mark.", {("personnel", 500000, R, C)}, id="en-implied-category-mark"),
]


@pytest.mark.parametrize(("text", "expected"), KNOWN_MISSES)
@pytest.mark.xfail(strict=True, reason="known miss")
def test_known_misses(text: str, expected: set[tuple]) -> None:
    assert found(text) == expected


def test_bug_caught_drones_launched_after_the_figure():
    """Benchmark corpus: "Zelensky said 701 drones and 23 missiles were launched at Ukraine" is an attack count."""
    text = ("In his nightly address, President Volodymyr Zelensky said 701 drones and 23 missiles were launched at "
            "Ukraine this week, of which 610 were shot down.")
    assert found(text) == set()
