"""Incident claims (events): example tables per language, the worked example, and bugs caught.

Each row: text, then the events expected as (target category, outcome, owner side, actor side, means class,
quantity) in text order. `None` in a cell means "not checked".
"""
from __future__ import annotations

from pathlib import Path

import pytest

import warclaims

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "express-kamikaze-drones.txt"


def events_of(text: str, published: str | None = "2024-03-15"):
    return warclaims.extract(text, published=published, check=False).events


def brief(ev) -> tuple:
    t = ev.target
    return (t.category, ev.outcome, t.owner_side, ev.actor.side if ev.actor else None,
            ev.means.class_ if ev.means else None, t.quantity)


def matches(got: tuple, want: tuple) -> bool:
    return all(w is None or g == w for g, w in zip(got, want, strict=True))


DEV = [
    pytest.param("Ukrainian paratroopers destroyed a Russian T-72B3 tank with an FPV drone near Robotyne.",
                 [("tanks", "destroyed", "RUS", "UKR", "fpv_drone", 1)], id="en-fpv-tank"),
    pytest.param("A Lancet loitering munition hit a Ukrainian M777 howitzer, the Russian MoD said.",
                 [("artillery", "hit", "UKR", "RUS", "loitering_munition", 1)], id="en-lancet-is-means"),
    pytest.param("Russian air defence shot down a Ukrainian Su-25 over the Zaporizhzhia region.",
                 [("aircraft", "shot_down", "UKR", "RUS", None, 1)], id="en-shot-down"),
    pytest.param("Ukrainian forces captured two Russian BMP-2 infantry fighting vehicles near Kupiansk.",
                 [("armoured_vehicles", "captured", "RUS", "UKR", None, 2)],
                 id="en-captured-two"),
    pytest.param("Russian forces seized Avdiivka after months of fighting.",
                 [("other", "captured", "UKR", "RUS", None, None)], id="en-town-seized"),
    pytest.param("Бійці ССО знищили російський танк Т-90М за допомогою FPV-дрона.",
                 [("tanks", "destroyed", "RUS", "UKR", "fpv_drone", 1)], id="uk-sso-tank"),
    pytest.param("Українські десантники в одному бою знищили 5 танків і 4 БМП, а також 20 ворожих піхотинців.",
                 [("tanks", "destroyed", "RUS", "UKR", None, 5),
                  ("armoured_vehicles", "destroyed", "RUS", "UKR", None, 4),
                  ("personnel", "destroyed", "RUS", "UKR", None, 20)],
                 id="uk-one-battle-three-targets"),
    pytest.param("Силы ПВО сбили украинский вертолет Ми-8 в Курской области.",
                 [("helicopters", "shot_down", "UKR", "RUS", None, 1)], id="ru-helicopter-shot-down"),
    pytest.param("Российские военные уничтожили склад боеприпасов ВСУ ударом Искандера.",
                 [("infrastructure", "destroyed", "UKR", "RUS", "missile", None)], id="ru-depot-iskander"),
]

BUGS_CAUGHT = [  # found while trying sentences the rules were not written from
    pytest.param("Мобільна вогнева група збила ударний дрон Shahed з кулемета над Київщиною.",
                 [("uav", "shot_down", "RUS", "UKR", "small_arms", 1)], id="uk-shahed-by-machine-gun"),
    pytest.param("A Lancet destroyed a Krab howitzer near Kupiansk.",
                 [("artillery", "destroyed", "UKR", "RUS", "loitering_munition", 1)], id="en-lancet-is-russian"),
    pytest.param("Ukrainian sea drones struck a Russian corvette near Novorossiysk. Kyiv said it had hit the ship.",
                 [("warships", "hit", "RUS", "UKR", "naval_drone", 1)], id="en-the-ship-is-the-corvette"),
    pytest.param("У ніч на 10 травня сили ППО збили 14 із 16 ударних БпЛА типу \"Шахед\".",
                 [("uav", "shot_down", None, None, None, 14)], id="uk-14-of-16-shaheds-not-means"),
    pytest.param("ВСУ потеряли танк Leopard 2 под Работино, сообщили в Минобороны России.",
                 [("tanks", "destroyed", "UKR", "RUS", None, 1)], id="ru-lost-subject-is-owner"),
    pytest.param("Ukraine's navy said it sank a Russian landing ship off Crimea using naval drones.",
                 [("warships", "destroyed", "RUS", "UKR", "naval_drone", 1)], id="en-sank-possessor-no-place"),
    pytest.param("Ukrainian forces recaptured the village of Robotyne in the Zaporizhzhia region.",
                 [("other", "captured", "RUS", "UKR", None, None)], id="en-recaptured"),
    pytest.param("Бійці ГУР уразили російський зенітний ракетний комплекс \"Бук-М1\" в Криму.",
                 [("air_defence", "hit", "RUS", "UKR", None, 1)], id="uk-buk-is-no-village"),
    pytest.param("Підрозділи 47-ї бригади відбили атаку та знищили два танки Т-72 та БМП-2.",
                 [("tanks", "destroyed", "RUS", "UKR", None, 2),
                  ("armoured_vehicles", "destroyed", "RUS", "UKR", None, 1)], id="uk-two-targets-uk-frame"),
    # held-out corpus gold-es-extra2 (second pass): shapes the rules did not cover
    pytest.param("Air defence units destroyed 11 Ukrainian drones over the Krasnodar region overnight.",
                 [("uav", "shot_down", "UKR", "RUS", None, 11)], id="en-one-night-interceptions-are-an-event"),
    pytest.param("Сили ППО знешкодили 99 дронів.",
                 [("uav", "shot_down", "RUS", "UKR", None, 99)], id="uk-destroyed-drones-count-as-shot-down"),
    pytest.param("An FPV drone set a Russian BMP-2 alight near Kupiansk.",
                 [("armoured_vehicles", "destroyed", "RUS", None, "fpv_drone", 1)], id="en-target-inside-set-alight"),
    pytest.param("Оператори FPV-дронів 65-ї бригади знищили російську гаубицю Д-30 і пошкодили вантажівку «Урал».",
                 [("artillery", "destroyed", "RUS", "UKR", "fpv_drone", 1),
                  ("vehicles_fuel_tanks", "damaged", "RUS", "UKR", "fpv_drone", 1)],
                 id="uk-second-predicate-keeps-doer-and-means"),
    pytest.param("A Lancet loitering munition hit an AHS Krab self-propelled howitzer near Kupiansk.",
                 [("artillery", "hit", "UKR", "RUS", "loitering_munition", 1)], id="en-krab-is-ukraines-by-oryx"),
    pytest.param("Флот уничтожил шесть безэкипажных катеров и атаковал патрульный корабль «Василий Быков».",
                 [("warships", "destroyed", None, None, None, 6), ("warships", "hit", None, None, None, None)],
                 id="ru-named-ship-and-six-boats-are-two"),
    # gold-es-extra3 (its first run recorded in the gate): results said after the strike, attackers named before
    pytest.param("A Russian drone struck a locomotive depot in Lozova, damaging its main workshop.",
                 [("infrastructure", "damaged", None, "RUS", "drone", None)], id="en-result-after-the-strike"),
    pytest.param("Сили оборони уразили склад ПММ у Луганську. На місці фіксують пожежу.",
                 [("infrastructure", "damaged", None, "UKR", None, None)], id="uk-fire-in-the-next-sentence"),
    pytest.param("Росіяни вдарили з артилерії по Нікополю: пошкоджено адмінбудівлю підприємства та лінію "
                 "електропередачі.", [("infrastructure", "damaged", None, "RUS", None, None)],
                 id="uk-attacker-before-and-one-event-for-two-buildings"),
    pytest.param("Росія атакувала Одещину дронами. Сили ППО збили над регіоном 14 дронів.",
                 [("uav", "shot_down", None, "UKR", None, 14)], id="uk-downed-by-the-attacked-side"),
    pytest.param("Увечері над Житомирщиною екіпаж нашого Су-27 збив дві крилаті ракети Х-101.",
                 [("cruise_missiles", "shot_down", "RUS", "UKR", "aircraft", 2)], id="uk-masculine-past-zbyv"),
    pytest.param("Губернатор Белгородской области Вячеслав Гладков сообщил о повреждении линии электропередачи.",
                 [("infrastructure", "damaged", "RUS", "UKR", None, None)], id="ru-governor-reports-damage-at-home"),
    pytest.param("Голова Харківської ОВА Олег Синєгубов повідомив, що пошкоджено лінію електропередачі.",
                 [("infrastructure", "damaged", "UKR", "RUS", None, None)], id="uk-ova-head-reports-damage-at-home"),
    pytest.param("Міноборони РФ заявило про знищення самохідної гаубиці «Богдана» біля Пологів.",
                 [("artillery", "destroyed", "UKR", "RUS", None, 1)], id="uk-claimed-the-destruction-of"),
    pytest.param("At least four attackers were killed and six motorcycles destroyed.",
                 [("personnel", "destroyed", None, None, None, 4),
                  ("vehicles_fuel_tanks", "destroyed", None, None, None, 6)], id="en-attackers-and-motorcycles"),
    # gold-es-extra4 (news copy; its first run is gated)
    pytest.param("У ніч на 29 січня росіяни атакували Україну 71 ударним БпЛА типу Shahed і чотирма крилатими ракетами "
                 "Х-101, з яких збито 52 дрони та три ракети.",
                 [("uav", "shot_down", "RUS", "UKR", None, 52),
                  ("cruise_missiles", "shot_down", "RUS", "UKR", None, 3)],
                 id="uk-the-attackers-weapons-are-not-the-means-of-their-downing"),
    pytest.param("Вчора ворог йшов на штурм. Під час штурму знищено танк Т-80БВ, ще один танк відійшов пошкодженим.",
                 [("tanks", "destroyed", None, None, None, 1)],  # ("відійшов пошкодженим": not read yet)
                 id="uk-one-more-tank-is-an-incident-not-a-tally"),
    pytest.param("В ходе боев за село операторы FPV-дронов уничтожили два бронетранспортера M113.",
                 [("armoured_vehicles", "destroyed", "UKR", None, "fpv_drone", 2)], id="ru-in-the-battles-for"),
    pytest.param("Бійці ГУР знищили російську радіолокаційну станцію «Небо-М» поблизу Євпаторії. Про це повідомляє "
                 "УНІАН.\n\nЯк зазначили в розвідці, операцію провели в ніч на 23 червня ударними безпілотниками.",
                 [("special_equipment", "destroyed", "RUS", "UKR", "drone", None)],
                 id="uk-means-named-two-sentences-on"),
    # held-out gold-es-extra5: the attack named paragraphs before its damage; the type after an instrumental noun
    pytest.param("Уночі російські війська атакували Харків ударними безпілотниками типу «Герань-2».\n\n"
                 "Міський голова уточнив, що дрон влучив у депо.\n\nЗа його словами, пошкоджено ремонтний цех.",
                 [("infrastructure", "damaged", "UKR", "RUS", None, None)],
                 id="uk-the-attacker-two-paragraphs-up-and-its-drones-are-no-target"),
    pytest.param("Air defense has shot down or suppressed 112 air targets: 103 drones, eight Kh-101 cruise missiles "
                 "and one Iskander-M ballistic missile, the Air Force said.",
                 [("uav", "shot_down", None, None, None, 103), ("cruise_missiles", "shot_down", None, None, None, 8),
                  ("other", "shot_down", None, None, None, 1)],
                 id="en-air-targets-listed-after-a-colon-and-a-ballistic-missile-is-no-launcher"),
    pytest.param("Уночі росіяни атакували Україну 72 ударними дронами, 55 з них збили або подавили сили ППО.",
                 [("uav", "shot_down", "RUS", "UKR", None, 55)], id="uk-of-them-the-attack-drones-downed"),
    pytest.param("Russia launched 80 Shahed-type attack drones overnight, and air defenses shot down or jammed 61 "
                 "of them.", [("uav", "shot_down", "RUS", "UKR", None, 61)], id="en-61-of-them"),
    pytest.param("Уночі росіяни атакували Одесу ударними дронами. Є влучання в порту.\n\nПошкоджено складські "
                 "приміщення.", [("infrastructure", "damaged", "UKR", "RUS", "drone", None)],
                 id="uk-the-damage-done-with-the-attacks-weapon"),
    pytest.param("Уночі росіяни атакували Харків ударними дронами. Згоріли три тролейбуси.",
                 [("vehicles_fuel_tanks", "destroyed", "UKR", "RUS", "drone", 3)], id="uk-burned-down-trolleybuses"),
    pytest.param("По его словам, в Шебекине FPV-дрон ВСУ атаковал грузовой автомобиль. «Водитель ранен. Автомобиль "
                 "сгорел», – написал губернатор.",
                 [("vehicles_fuel_tanks", "destroyed", "RUS", "UKR", "fpv_drone", None)],
                 id="ru-the-attacked-truck-burned-one-incident"),
    pytest.param("The General Staff said Ukrainian aviation struck a command post of the 8th Combined Arms Army.",
                 [("position", "hit", "RUS", "UKR", "aircraft", None)], id="en-aviation-struck-a-command-post"),
    pytest.param("Подразделения при поддержке армейской авиации уничтожили два танка ВСУ.",
                 [("tanks", "destroyed", "UKR", None, None, 2)], id="ru-aviation-in-support-is-no-means"),
    pytest.param("За даними Повітряних сил, загалом цієї ночі росіяни запустили по Україні 94 дрони, з них збито 61.",
                 [("uav", "shot_down", "RUS", "UKR", None, 61)], id="uk-in-total-tonight-of-them-downed"),
    pytest.param("В Славянском районе в результате атаки украинских беспилотников загорелась технологическая установка "
                 "на территории нефтеперерабатывающего завода.",
                 [("infrastructure", "damaged", "RUS", "UKR", "drone", None)], id="ru-caught-fire-its-subject-follows"),
    pytest.param("По данным оперштаба, в результате падения обломков БПЛА повреждены три железнодорожные цистерны.",
                 [("vehicles_fuel_tanks", "damaged", None, None, None, 3)], id="ru-rail-tank-cars-damaged"),
    pytest.param("KHERSON — Ukrainian marines destroyed a Russian BM-21 Grad launcher and two boats carrying assault "
                 "troops near Hola Prystan overnight, Ukrinform reported.",
                 [("mlrs", "destroyed", "RUS", "UKR", None, 1), ("warships", "destroyed", "RUS", "UKR", None, 2)],
                 id="en-a-few-of-a-kind-overnight-are-one-raid"),
    pytest.param("В порту Феодосии ударным беспилотником поражен морской буксир Черноморского флота. Гаубица "
                 "осталась буксируемой.", [("warships", "hit", None, None, "drone", None)], id="ru-a-tug-not-towed"),
]

MODELS = [  # (text, the target models in order, how the model was found: None = named in the target's phrase)
    pytest.param("Российские военные уничтожили пять боевых бронированных машин, в том числе БМП M2 Bradley.",
                 ["M2 Bradley"], None, id="ru-including-gives-the-model"),
    pytest.param("Сили оборони знищили дві гармати, зокрема гаубицю Д-30.", ["D-30"], None, id="uk-zokrema"),
    pytest.param("Бійці ГУР уразили два десантно-штурмові катери проєкту 02510 БК-16.", ["BK-16 (Project 02510)"],
                 None, id="uk-class-word-of-project"),
    pytest.param("Ukraine's sea drones struck a Russian Buyan-M class missile corvette.", ["Buyan-M (Project 21631)"],
                 None, id="en-ship-class"),
    pytest.param("Russia launched 40 ATACMS overnight, the ministry said. Five missiles were shot down.", ["ATACMS"],
                 "antecedent", id="en-antecedent-missile-model"),
    pytest.param("Росія запустила 30 ракет Х-101 та 20 ракет «Калібр». Сили ППО збили 25 ракет.", [None], None,
                 id="uk-two-models-no-antecedent"),
]


@pytest.mark.parametrize(("text", "want", "basis"), MODELS)
def test_target_models(text: str, want: list[str | None], basis: str | None) -> None:
    evs = events_of(text)
    assert [e.target.model for e in evs] == want
    assert [e.target.model_basis for e in evs] == [basis] * len(evs)

NOT_EVENTS = [
    pytest.param("Since February 24, Ukraine claims to have destroyed 3610 tanks and 6974 APVs.",
                 id="cumulative-tally"),
    pytest.param("За минулу добу Сили оборони знищили 15 танків та 22 бойові броньовані машини.",
                 id="daily-tally"),
    pytest.param("The first Leopard 2 tanks arrived in Ukraine on Monday.", id="delivery"),
    pytest.param("The task of these complexes is to destroy air targets at a distance of up to 12 km.",
                 id="task-no-target"),
    pytest.param("Russia has damaged all of Ukraine's thermal power plants, the prime minister said.",
                 id="aggregate-all"),
    pytest.param("Over the past day our defenders eliminated 1,160 Russians and destroyed dozens of vehicles.",
                 id="daily-prose"),
    pytest.param("Russia lost 1,200 soldiers yesterday, the General Staff said.", id="lost-a-daily-count"),
    pytest.param("The Russian military is making advances, and the conflict in the Kursk Oblast goes on.",
                 id="advance-place-in-next-clause"),
    pytest.param("President Vladimir Putin said the army destroyed the enemy's hopes.", id="person-no-place"),
    pytest.param("The destruction of the bridge would take months.", id="a-nominal-nobody-claims"),
    pytest.param("Російські пропагандисти щотижня «знищують» ті самі HIMARS.", id="uk-scare-quoted-verb"),
    pytest.param("ЦПД назвав фейком вкид про нібито 40 знищених Abrams: відео показує пошкоджену російську Т-72Б3.",
                 id="uk-participles-declined-as-adjectives-claim-nothing"),
    pytest.param("Claim: Russian S-400 systems shot down two Ukrainian F-16 fighter jets over Zaporizhzhia.",
                 id="a-fact-checks-quoted-claim"),
    pytest.param("There is no evidence that any F-16 was shot down over Zaporizhzhia.", id="no-evidence-of-any"),
    pytest.param("Hits were recorded at nine locations in the region, the governor said.", id="hits-a-noun"),
    pytest.param("Про якобы сбитый над Курахово Су-25 писать не будем — подтверждения нет.",
                 id="ru-full-form-participle-describes"),
    pytest.param("The Dnipro has been the front line in Kherson Oblast since Ukrainian forces liberated the right bank "
                 "in November 2022.", id="background-since-clause"),
    pytest.param("SKIBITSKYI: Good afternoon.\n\nQUESTION (BBC): There are reports that a Russian Tu-22M3 was hit at "
                 "Soltsy. Can you confirm?\n\nSKIBITSKYI: No.", id="a-rumour-in-a-journalists-question"),
]


@pytest.mark.parametrize(("text", "want"), DEV + BUGS_CAUGHT)
def test_events(text: str, want: list[tuple]) -> None:
    got = [brief(e) for e in events_of(text)]
    assert len(got) == len(want), got
    for g, w in zip(got, want, strict=True):
        assert matches(g, w), (g, w)


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_events(text: str) -> None:
    assert [brief(e) for e in events_of(text)] == []


@pytest.mark.parametrize(("text", "modality"), [
    pytest.param("Ukrainian drones reportedly destroyed a Russian Pantsir-S1 near Donetsk.", "hedged", id="hedged"),
    pytest.param("Ukrainian forces did not destroy the Kerch bridge, the officer said.", "negated", id="negated"),
    pytest.param("Ukraine will destroy the Russian bridge to Crimea, the officer said.", "future", id="future"),
])
def test_modality_is_marked_not_dropped(text: str, modality: str) -> None:
    evs = events_of(text)
    assert evs and evs[0].modality == modality


def test_the_worked_example() -> None:
    r = warclaims.api.extract_path(str(EXAMPLE), options=warclaims.pipeline.Options(check=False))
    evs = r.events
    assert [(e.target.category, e.outcome) for e in evs] == [
        ("air_defence", "destroyed"), ("armoured_vehicles", "hit"), ("mlrs", "destroyed")]
    tor, apc, grad = evs
    assert "Tor" in (tor.target.model or "") and tor.target.nato_name and "SA-15" in tor.target.nato_name
    assert tor.means.class_ == "loitering_munition" and tor.actor.resolution == "explicit"
    assert "Special Operations Center" in tor.actor.name and "Security Service of Ukraine" in tor.actor.parents
    assert [e.type for e in tor.evidence] == ["video"]
    assert tor.time.mention == "March" and tor.time.precision == "month"
    assert tor.location is None  # the Bakhmut of a later paragraph is not attached
    assert "Grad" in (grad.target.model or "") and grad.actor.resolution == "inferred" and grad.actor.side == "UKR"
    assert apc.time.precision == "week" and apc.means.class_ == "loitering_munition"
    assert all(e.location is None for e in evs)
    fourth = [t for t in r.loss_tallies if t.model]
    assert len(fourth) == 1 and fourth[0].value == 4 and fourth[0].scope == "period"
    assert fourth[0].event_ids == [tor.id] and tor.tally_ids == [fourth[0].id]


def test_time_resolved_against_publication() -> None:
    text = "Earlier this week, a Ukrainian drone hit a Russian Tor-M2. Last night a Russian Su-34 was shot down."
    evs = events_of(text, published="2023-03-30")  # a Thursday
    assert evs[0].time.start == "2023-03-27" and evs[0].time.end == "2023-03-30" and evs[0].time.precision == "week"
    assert evs[1].time.start == "2023-03-29" and evs[1].time.precision == "day"


def test_place_only_from_the_same_clause() -> None:
    text = "A Ukrainian FPV drone destroyed a Russian tank. Fighting continues near Bakhmut."
    ev = events_of(text)[0]
    assert ev.location is None
    ev = events_of("A Ukrainian FPV drone destroyed a Russian tank near Bakhmut.")[0]
    assert ev.location and ev.location.name == "Bakhmut" and ev.location.lat


def test_every_event_keeps_its_words() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for e in events_of(text, published=None):
        a, b = e.span
        assert e.trigger == text[e.trigger_span[0]:e.trigger_span[1]]
        assert e.target.mention == text[e.target.span[0]:e.target.span[1]]
        assert (a <= e.target.span[0] and e.target.span[1] <= b) or e.target.span[0] < a


KNOWN_MISSES = [  # strict xfails: they must fail until fixed
    # the instrumental "двома FPV" is no target (tested below), but the fronted object before the verb is not read
    pytest.param("А от міномет, який вони поставили за хатою, накрили двома FPV повністю.",
                 [("artillery", "destroyed", None, None, "fpv_drone", 1)], id="uk-fronted-object-of-накрили"),
]


@pytest.mark.parametrize(("text", "want"), KNOWN_MISSES)
@pytest.mark.xfail(strict=True, reason="known miss")
def test_known_misses(text: str, want: list[tuple]) -> None:
    got = [brief(e) for e in events_of(text)]
    assert len(got) == len(want) and all(matches(g, w) for g, w in zip(got, want, strict=True))


def test_drones_in_the_instrumental_are_no_target() -> None:
    assert all(e.target.category != "uav" for e in events_of("Міномет накрили двома FPV."))

