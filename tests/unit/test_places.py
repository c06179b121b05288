"""Example tables for the place gazetteer (extract/places.py): per language, with inflections, regions,
directions, false friends and word boundaries. Each row: a sentence, the mention the matcher must find in
it (or None: nothing found), and what it must resolve to."""
from __future__ import annotations

import csv
import gzip
import hashlib
from importlib import resources

import pytest

from warclaims.extract.placeforms import forms
from warclaims.extract.places import (
    KEYS,
    KEYS_FORMAT,
    Gazetteer,
    PlaceMention,
    _read_keys,
    compile_keys,
    find_places,
    load_rows,
    most_precise,
    within,
)


def one(text: str, language: str | None) -> PlaceMention | None:
    found = find_places(text, language)
    assert len(found) <= 1, found
    if found:
        m = found[0]
        assert text[m.span[0]:m.span[1]] == m.mention
    return found[0] if found else None


# (text, mention, canonical name, precision, admin1)
EN = [
    ("Russian forces shelled Bakhmut overnight.", "Bakhmut", "Bakhmut", "settlement", "Donetsk Oblast"),
    ("Fighting continues around Avdiivka.", "Avdiivka", "Avdiivka", "settlement", "Donetsk Oblast"),
    ("in Avdeevka, as Russian media spell it", "Avdeevka", "Avdiivka", "settlement", "Donetsk Oblast"),
    ("Ukrainian troops retook Robotyne in August.", "Robotyne", "Robotyne", "settlement", "Zaporizhzhia Oblast"),
    ("They entered Orlivka, west of the city.", "Orlivka", "Orlivka", "settlement", "Donetsk Oblast"),
    ("near Chasiv Yar and", "Chasiv Yar", "Chasiv Yar", "settlement", "Donetsk Oblast"),
    ("the road to Vuhledar", "Vuhledar", "Vuhledar", "settlement", "Donetsk Oblast"),
    ("marines held a bridgehead at Krynky", "Krynky", "Krynky", "settlement", "Kherson Oblast"),
    ("Pokrovsk came under fire.", "Pokrovsk", "Pokrovsk", "settlement", "Donetsk Oblast"),
    ("drones hit Kharkiv's outskirts", "Kharkiv", "Kharkiv", "settlement", "Kharkiv Oblast"),
    ("Kyiv-based analysts", "Kyiv", "Kyiv", "settlement", "Kyiv City"),
    ("the old name Artemivsk", "Artemivsk", "Bakhmut", "settlement", "Donetsk Oblast"),
    ("in Severodonetsk", "Severodonetsk", "Sievierodonetsk", "settlement", "Luhansk Oblast"),
    ("a strike on Novorossiysk harbour", "Novorossiysk", "Novorossiysk", "settlement", "Krasnodar Krai"),
    ("in Rostov-on-Don", "Rostov-on-Don", "Rostov-on-Don", "settlement", "Rostov Oblast"),
    ("Belgorod was shelled", "Belgorod", "Belgorod", "settlement", "Belgorod Oblast"),
    ("the town of Sudzha", "Sudzha", "Sudzha", "settlement", "Kursk Oblast"),
    ("explosions in Sevastopol", "Sevastopol", "Sevastopol", "settlement", "Sevastopol City"),
    ("in the Donetsk region", "Donetsk region", "Donetsk Oblast", "region", "Donetsk Oblast"),
    ("in Donetsk Oblast", "Donetsk Oblast", "Donetsk Oblast", "region", "Donetsk Oblast"),
    ("across the Kursk region", "Kursk region", "Kursk Oblast", "region", "Kursk Oblast"),
    ("in occupied Crimea", "Crimea", "Crimea", "region", "Crimea"),
    ("on the Bakhmut direction", "Bakhmut direction", "Bakhmut direction", "direction", "Donetsk Oblast"),
    ("along the Pokrovsk axis", "Pokrovsk axis", "Pokrovsk direction", "direction", "Donetsk Oblast"),
    ("Russia launched", "Russia", "Russia", "country", None),
    ("Слава Україні!", "Україні", "Ukraine", "country", None),
]
UK = [
    ("Під Бахмутом тривають бої.", "Бахмутом", "Bakhmut", "settlement", "Donetsk Oblast"),
    ("Ситуація в Бахмуті складна.", "Бахмуті", "Bakhmut", "settlement", "Donetsk Oblast"),
    ("Оборона Бахмута триває.", "Бахмута", "Bakhmut", "settlement", "Donetsk Oblast"),
    ("Бої в Авдіївці.", "Авдіївці", "Avdiivka", "settlement", "Donetsk Oblast"),
    ("Ворог штурмує Авдіївку.", "Авдіївку", "Avdiivka", "settlement", "Donetsk Oblast"),
    ("Ракетний удар по Харкову.", "Харкову", "Kharkiv", "settlement", "Kharkiv Oblast"),
    ("Вибухи у Харкові.", "Харкові", "Kharkiv", "settlement", "Kharkiv Oblast"),
    ("Поблизу Харкова.", "Харкова", "Kharkiv", "settlement", "Kharkiv Oblast"),
    ("Обстріл Нової Каховки.", "Нової Каховки", "Nova Kakhovka", "settlement", "Kherson Oblast"),
    ("У Часовому Ярі", "Часовому Ярі", "Chasiv Yar", "settlement", "Donetsk Oblast"),
    ("Біля Роботиного", "Роботиного", "Robotyne", "settlement", "Zaporizhzhia Oblast"),
    ("У Запоріжжі лунали вибухи.", "Запоріжжі", "Zaporizhzhia", "settlement", "Zaporizhzhia Oblast"),
    ("На Донеччині загинули двоє.", "Донеччині", "Donetsk Oblast", "region", "Donetsk Oblast"),
    ("Ворог обстріляв Донеччину.", "Донеччину", "Donetsk Oblast", "region", "Donetsk Oblast"),
    ("На Харківщині", "Харківщині", "Kharkiv Oblast", "region", "Kharkiv Oblast"),
    ("у Донецькій області", "Донецькій області", "Donetsk Oblast", "region", "Donetsk Oblast"),
    ("у Курській області", "Курській області", "Kursk Oblast", "region", "Kursk Oblast"),
    ("в Криму", "Криму", "Crimea", "region", "Crimea"),
    ("на Бахмутському напрямку", "Бахмутському напрямку", "Bakhmut direction", "direction", "Donetsk Oblast"),
    ("На Покровському напрямку", "Покровському напрямку", "Pokrovsk direction", "direction", "Donetsk Oblast"),
    ("у Сумах", "Сумах", "Sumy", "settlement", "Sumy Oblast"),
    ("у Куп’янську", "Куп’янську", "Kupiansk", "settlement", "Kharkiv Oblast"),
    ("у Куп'янську", "Куп'янську", "Kupiansk", "settlement", "Kharkiv Oblast"),
    ("окупанти вдарили по Щастю", "Щастю", "Shchastia", "settlement", "Luhansk Oblast"),
]
RU = [
    ("Бои в Бахмуте.", "Бахмуте", "Bakhmut", "settlement", "Donetsk Oblast"),
    ("В Авдеевке", "Авдеевке", "Avdiivka", "settlement", "Donetsk Oblast"),
    ("штурм Авдеевку", "Авдеевку", "Avdiivka", "settlement", "Donetsk Oblast"),
    ("в Артемовске", "Артемовске", "Bakhmut", "settlement", "Donetsk Oblast"),
    ("в Харькове", "Харькове", "Kharkiv", "settlement", "Kharkiv Oblast"),
    ("под Суджей", "Суджей", "Sudzha", "settlement", "Kursk Oblast"),
    ("в Ростове-на-Дону", "Ростове-на-Дону", "Rostov-on-Don", "settlement", "Rostov Oblast"),
    ("в Белгороде", "Белгороде", "Belgorod", "settlement", "Belgorod Oblast"),
    ("в Курской области", "Курской области", "Kursk Oblast", "region", "Kursk Oblast"),
    ("на Донетчине", "Донетчине", "Donetsk Oblast", "region", "Donetsk Oblast"),
    ("в Крыму", "Крыму", "Crimea", "region", "Crimea"),
    ("на Бахмутском направлении", "Бахмутском направлении", "Bakhmut direction", "direction", "Donetsk Oblast"),
    ("в Новой Каховке", "Новой Каховке", "Nova Kakhovka", "settlement", "Kherson Oblast"),
    ("у Счастья", "Счастья", "Shchastia", "settlement", "Luhansk Oblast"),
    ("в так называемой ДНР", "ДНР", "Donetsk Oblast", "region", "Donetsk Oblast"),
    ("в Луганской Народной Республике", "Луганской Народной Республике", "Luhansk Oblast", "region",
     "Luhansk Oblast"),
]


def _row_id(row: tuple) -> str:
    return row[0][:40]


@pytest.mark.parametrize(("text", "mention", "name", "precision", "admin1"), EN, ids=[_row_id(r) for r in EN])
def test_en(text, mention, name, precision, admin1):
    m = one(text, "en")
    assert m is not None and (m.mention, m.name, m.precision, m.admin1) == (mention, name, precision, admin1)


@pytest.mark.parametrize(("text", "mention", "name", "precision", "admin1"), UK, ids=[_row_id(r) for r in UK])
def test_uk(text, mention, name, precision, admin1):
    m = one(text, "uk")
    assert m is not None and (m.mention, m.name, m.precision, m.admin1) == (mention, name, precision, admin1)


@pytest.mark.parametrize(("text", "mention", "name", "precision", "admin1"), RU, ids=[_row_id(r) for r in RU])
def test_ru(text, mention, name, precision, admin1):
    m = one(text, "ru")
    assert m is not None and (m.mention, m.name, m.precision, m.admin1) == (mention, name, precision, admin1)


# Nothing to find: common words, names of people, words that contain a place name, lower case.
NOTHING = [
    ("en", "Payments with Mir cards were blocked."),
    ("en", "The World Bank said peace was near."),
    ("en", "Taras Shevchenko wrote it."),
    ("en", "the New York Times reported"),
    ("uk", "Саміт у Нью-Йорку."),
    ("uk", "Він сказав, що Париж важливий."),
    ("uk", "Схід і захід під ударом."),
    ("uk", "Він читає Правда щодня."),
    ("uk", "Річка Десна розлилася."),
    ("en", "a Bakhmutian joke"),
    ("en", "the bakhmut of it"),
    ("uk", "Перемога буде за нами."),
    ("uk", "Слава героям — кажуть усі."),
    ("uk", "лиман замерз"),
    ("uk", "Тарас Шевченко писав."),
    ("uk", "Сумирний настрій."),
    ("uk", "щастя та мир"),
    ("ru", "Мир и счастье."),
    ("en", "President Volodymyr Zelensky said."),
    ("en", "Vladimir Putin said."),
    ("ru", "Заявил Владимир Путин."),
    ("uk", "Як пише Українська правда."),
    ("ru", "Корабли Черноморского флота."),
    ("uk", "Тим часом ворог наступав."),
    ("en", "The Azov brigade and Ukrainska Pravda."),
    ("en", "Star said on Monday a Karakurt corvette was hit."),
    ("en", "Stalin said so."),
    ("uk", "підводний човен «Ростов-на-Дону» затонув"),
    ("ru", "бригада \"Азов\" и крейсер «Москва»"),
    ("ru", "Победа будет за нами."),
]


@pytest.mark.parametrize(("language", "text"), NOTHING, ids=[t[:30] for _, t in NOTHING])
def test_false_friends_and_boundaries(language, text):
    assert [m.mention for m in find_places(text, language)] == []


# The same common-word names as places, with a place cue or mid-sentence.
CUED = [
    ("uk", "Окупанти обстріляли село Перемога.", "Перемога", "Peremoha"),
    ("uk", "Бої точаться біля Шевченка.", "Шевченка", "Shevchenka"),
    ("en", "Shelling in the village of Shevchenko.", "Shevchenko", "Shevchenko"),
    ("uk", "Бої за селище Нью-Йорк.", "Нью-Йорк", "Niu-York"),
    ("ru", "Бои около Счастья", "Счастья", "Shchastia"),
]


@pytest.mark.parametrize(("language", "text", "mention", "name"), CUED, ids=[t[:30] for _, t, _, _ in CUED])
def test_cued_common_words(language, text, mention, name):
    assert [(m.mention, m.name) for m in find_places(text, language)] == [(mention, name)]


def test_bakhmut_resolves_to_donetsk_oblast():
    m = one("Bakhmut", "en")
    assert m is not None and m.country == "UA" and m.admin1 == "Donetsk Oblast"
    assert abs(m.lat - 48.594) < 0.02 and abs(m.lon - 37.999) < 0.02
    place = m.to_place()
    assert (place.name, place.precision, place.span, place.basis) == ("Bakhmut", "settlement", (0, 7), "unique")


def test_ambiguous_names_prefer_the_front_and_count_candidates():
    m = one("Бої за Авдіївку", "uk")
    assert m is not None and m.admin1 == "Donetsk Oblast" and m.candidates == 3
    m = one("in Orlivka", "en")  # GeoNames knows three other Orlivkas; the curated Donetsk one comes first
    assert m is not None and m.admin1 == "Donetsk Oblast" and m.candidates > 1


def test_several_mentions_in_order_with_spans():
    text = "Удари по Харкову, Сумах та Донеччині; бої на Бахмутському напрямку."
    found = find_places(text, "uk")
    assert [(m.mention, m.precision) for m in found] == [
        ("Харкову", "settlement"), ("Сумах", "settlement"), ("Донеччині", "region"),
        ("Бахмутському напрямку", "direction")]
    assert all(text[a:b] == m.mention for m in found for a, b in [m.span])


def test_places_of_a_clause_and_the_most_precise():
    text = "У Донецькій області ворог атакував. Дрон знищив танк біля Авдіївки на Донеччині."
    found = find_places(text, "uk")
    second = text.index("Дрон")
    clause = within(found, second, len(text))
    assert [m.mention for m in clause] == ["Авдіївки", "Донеччині"]
    assert most_precise(clause).name == "Avdiivka"
    assert most_precise([]) is None


def test_a_shared_name_takes_the_oblast_of_its_neighbours():
    found = find_places("Удари по Харкову, Вовчанську та Золочеву.", "uk")
    zolochiv = found[-1]
    assert (zolochiv.name, zolochiv.admin1, zolochiv.basis) == ("Zolochiv", "Kharkiv Oblast", "context")
    alone = one("Бої біля Золочева.", "uk")
    assert alone is not None and alone.candidates > 1 and alone.basis == "rank"


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("uk", "на Покровському та Костянтинівському напрямках", ["Pokrovsk direction", "Kostiantynivka direction"]),
    ("ru", "на Донецком, Купянском и Запорожском направлениях",
     ["Donetsk direction", "Kupiansk direction", "Zaporizhzhia direction"]),
    ("en", "in the Pokrovsk and Kostyantynivka directions", ["Pokrovsk direction", "Kostiantynivka direction"]),
    ("en", "the Bakhmut, Avdiivka and Marinka directions",
     ["Bakhmut direction", "Avdiivka direction", "Marinka direction"]),
    ("uk", "у Бєлгородській і Курській областях", ["Belgorod Oblast", "Kursk Oblast"]),
    ("en", "in the Donetsk and Luhansk regions", ["Donetsk Oblast", "Luhansk Oblast"]),
], ids=["uk", "ru", "en-popular-spelling", "en-three", "uk-regions", "en-regions"])
def test_coordinated_directions(language, text, expected):
    found = find_places(text, language)
    assert [m.name for m in found] == expected and len({m.precision for m in found}) == 1


def test_name_local_follows_the_language():
    assert one("в Харькове", "ru").name_local == "Харьков"
    assert one("у Харкові", "uk").name_local == "Харків"
    assert one("in Kharkiv", "en").name_local == "Харків"
    assert one("in Belgorod", "en").name_local == "Белгород"


def test_capitals_of_prominent_places():
    assert one("ВИБУХИ У ХАРКОВІ", "uk").name == "Kharkiv"
    assert find_places("KYIV, Ukraine (AP) —", "en")[0].name == "Kyiv"
    assert one("ЗСУ ВІДІЙШЛИ З АВДІЇВКИ", "uk").name == "Avdiivka"


@pytest.mark.xfail(strict=True, reason="capitals: main names of 50,000+ towns, regions, curated places only")
def test_capitals_of_a_village():
    assert one("ОБСТРІЛ СЕЛА ПЕРЕМОГА", "uk") is not None


@pytest.mark.parametrize(("name", "expected"), [
    ("Бахмут", {"Бахмуті", "Бахмута", "Бахмуте", "Бахмутом"}),
    ("Харків", {"Харкові", "Харкова"}),
    ("Донеччина", {"Донеччині", "Донеччину", "Донеччини"}),
    ("Авдіївка", {"Авдіївці", "Авдіївку", "Авдіївки"}),
    ("Авдеевка", {"Авдеевке", "Авдеевку", "Авдеевки"}),
    ("Нова Каховка", {"Нової Каховки", "Новій Каховці", "Нову Каховку"}),
    ("Суми", {"Сумах", "Сум"}),
    ("Запоріжжя", {"Запоріжжі"}),
    ("Ростов-на-Дону", {"Ростове-на-Дону", "Ростова-на-Дону"}),
])
def test_inflected_forms(name, expected):
    assert expected <= forms(name)


def test_shipped_keys_match_the_csv_and_the_rules():
    """places.keys.gz is compiled from places.csv by the current rules (rebuild: build_places.py keys)."""
    base = resources.files("warclaims").joinpath("data", "places")
    raw = base.joinpath("places.csv").read_bytes()
    lines = gzip.decompress(base.joinpath(KEYS).read_bytes()).decode("utf-8").splitlines()
    assert lines[0] == f"{KEYS_FORMAT} {hashlib.sha256(raw).hexdigest()}"
    shipped = {}
    for line in lines[1:]:
        places, _, keys = line.partition("\t")
        for k in keys.split("|"):
            shipped[k] = places
    compiled = {k: ",".join(f"{i}:{lv}" for i, lv in v) for k, v in compile_keys(load_rows()).items()}
    assert shipped == compiled


def test_csv_columns_and_attribution():
    base = resources.files("warclaims").joinpath("data", "places")
    with base.joinpath("places.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["id", "kind", "name_en", "name_uk", "name_ru", "admin1", "country", "lat", "lon",
                             "population", "source", "aliases", "flags", "form_flags"]
    assert {r["kind"] for r in rows} == {"settlement", "region", "country", "direction"}
    assert {r["source"] for r in rows} == {"geonames", "curated", "geonames+curated"}
    assert "CC BY 4.0" in base.joinpath("SOURCES.md").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0" in base.joinpath("LICENSE-GeoNames.txt").read_text(encoding="utf-8")


def test_stale_keys_are_ignored_and_compiled_at_load():
    base = resources.files("warclaims").joinpath("data", "places")
    assert _read_keys(base.joinpath(KEYS).read_bytes(), "0" * 64) is None
    g = Gazetteer(load_rows()[:200])  # no compiled keys: the forms are made at load
    assert [m.name for m in g.find("Бої в Харкові та Києві", "uk")] == ["Kharkiv", "Kyiv"]


def test_empty_and_odd_input():
    assert find_places("") == []
    assert find_places("   \n\t") == []
    assert find_places("Kyiv")[0].span == (0, 4)
    assert find_places("(Kyiv)")[0].span == (1, 5)
