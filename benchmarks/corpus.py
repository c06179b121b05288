"""A deterministic benchmark corpus: official bulletins of every epoch and language with the real values
of the vendored series (official_data.md §5), and en/uk/ru news paragraphs with tally lists buried in
ordinary war reporting full of numbers that are not tallies.

    docs = generate(3000, seed=1)            # list[Doc]; same seed, same corpus
    python benchmarks/corpus.py --out DIR --n 3000   # DIR/<id>.txt + DIR/index.jsonl

`Doc.truth` holds the (category → value) figures planted as cumulative Russian losses claimed by the
Ukrainian side: a sanity check of the generator, not a gold standard.
"""
from __future__ import annotations

import argparse
import json
import random
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from warclaims.reference.series import Series

ORDER = ["personnel", "tanks", "armoured_vehicles", "artillery", "mlrs", "air_defence", "aircraft", "helicopters",
         "uav", "cruise_missiles", "warships", "submarines", "vehicles_fuel_tanks", "vehicles", "fuel_tanks",
         "special_equipment", "mobile_srbm_systems", "ground_robotic_systems"]
# Per category: mil.gov.ua EN, mod.gov.ua EN (2025–26), UK genitive (bulletin), UK nominative (outlets),
# RU (outlets), EN news prose.
LABELS = {
    "personnel": ("personnel", "personnel", "особового складу", "особового складу", "личного состава", "troops"),
    "tanks": ("tanks", "tanks", "танків", "танки", "танки", "tanks"),
    "armoured_vehicles": ("APV", "armored fighting vehicles", "бойових броньованих машин", "бойові броньовані машини",
                          "боевые бронированные машины", "armored fighting vehicles"),
    "artillery": ("artillery systems", "artillery systems", "артилерійських систем", "артилерійські системи",
                  "артиллерийские системы", "artillery systems"),
    "mlrs": ("MLRS", "MLRS", "РСЗВ", "РСЗВ", "РСЗО", "multiple launch rocket systems"),
    "air_defence": ("Anti-aircraft warfare systems", "air defense assets", "засобів ППО", "засоби ППО",
                    "средства ПВО", "air defense systems"),
    "aircraft": ("aircraft", "aircraft", "літаків", "літаки", "самолеты", "airplanes"),
    "helicopters": ("helicopters", "helicopters", "гелікоптерів", "гелікоптери", "вертолеты", "helicopters"),
    "uav": ("UAV operational-tactical level", "UAVs (operational-tactical level)", "БПЛА оперативно-тактичного рівня",
            "БпЛА оперативно-тактичного рівня", "БпЛА оперативно-тактического уровня", "operational-tactical drones"),
    "cruise_missiles": ("cruise missiles", "cruise missiles", "крилатих ракет", "крилаті ракети", "крылатые ракеты",
                        "cruise missiles"),
    "warships": ("warships / boats", "warships and boats", "кораблів / катерів", "кораблі / катери", "корабли/катера",
                 "ships and boats"),
    "submarines": ("submarines", "submarines", "підводних човнів", "підводні човни", "подводные лодки", "submarines"),
    "vehicles_fuel_tanks": ("vehicles and fuel tanks",) * 2 + ("автомобільної техніки та автоцистерн",
                            "автомобільна техніка та автоцистерни", "автомобильную технику и автоцистерны",
                            "vehicles and fuel tanks"),
    "vehicles": ("vehicles", "vehicles", "автомобільної техніки", "автомобільна техніка", "автомобильная техника",
                 "vehicles"),
    "fuel_tanks": ("fuel tanks", "fuel tanks", "цистерн з ПММ", "цистерни з ПММ", "цистерны с ГСМ", "fuel tanks"),
    "special_equipment": ("special equipment", "special equipment", "спеціальної техніки", "спеціальна техніка",
                          "специальную технику", "pieces of special equipment"),
    "mobile_srbm_systems": ("mobile SRBM system",) * 2 + ("ПУ ОТРК/ТРК",) * 3 + ("mobile SRBM systems",),
    "ground_robotic_systems": ("unmanned ground vehicles",) * 2 + ("наземних робототехнічних комплексів",
                               "наземні робототехнічні комплекси", "наземные робототехнические комплексы",
                               "unmanned ground vehicles"),
}
_MONTHS = ("January February March April May June July August September October November December|"
           "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня|"
           "января февраля марта апреля мая июня июля августа сентября октября ноября декабря")
MONTHS = dict(zip(("en", "uk", "ru"), (m.split(" ") for m in _MONTHS.split("|")), strict=True))
CITIES = {"en": ["Kharkiv", "Zaporizhzhia", "Kherson", "Pokrovsk", "Bakhmut", "Sumy", "Odesa"],
          "uk": ["Харкові", "Запоріжжі", "Херсоні", "Покровську", "Сумах", "Одесі"],
          "ru": ["Харькове", "Запорожье", "Херсоне", "Покровске", "Сумах", "Одессе"]}
NAMES = ["Oleh Syniehubov", "Ivan Fedorov", "Rustem Umerov", "Kaja Kallas", "Andrii Yermak", "Mark Rutte"]
BRIG = {"en": ["24th", "47th", "59th", "93rd", "110th"], "uk": ["24-ї", "47-ї", "93-ї"], "ru": ["24-й", "47-й", "93-й"]}
# Sentences with numbers that are not tallies; a paragraph is one to three of them.
FILLER = {"en": [
    "{city} came under fire again overnight, regional governor {name} said on Telegram.",
    "{a} people were injured and {b} apartment buildings were damaged; the strike hit about {km} km from the front.",
    "The European Union agreed a new €{b} billion support package on {date}, with {pct}% earmarked for air defence.",
    "\"We will stand with Ukraine for as long as it takes,\" {name} told reporters in Brussels on {date}.",
    "Temperatures near {city} dropped to minus {t} degrees Celsius overnight.",
    "Soldiers of the {brig} brigade said mud and fog slowed movement along a {km}-kilometre stretch of the front.",
    "Russia's Defence Ministry claimed on {date} that Ukraine had lost up to {c} servicemen and {b} tanks over the "
    "past week; the claims could not be independently verified.",
    "In his nightly address, President Volodymyr Zelensky said {dr} drones and {a} missiles were launched at Ukraine, "
    "of which {b} were shot down.",
    "The Institute for the Study of War said Russian forces advanced up to {km} kilometres near {city} since {date}.",
    "According to the UN monitoring mission, at least {c} civilians were killed in the region since {date}.",
    "Kyiv expects {a} more Leopard tanks and {t} Patriot batteries this year, {name} said.",
    "Ukraine now produces {pct}% of its artillery shells at home, up from {t}% two years ago.",
    "Talks in Istanbul on {date} ended after {a} hours without agreement on a ceasefire.",
    "Russia fielded about {c} troops near {city}, {name} told a news conference."],
    "uk": [
    "У {city} вночі знову пролунали вибухи, повідомив очільник ОВА {name}.",
    "Поранено {a} людей, пошкоджено {b} багатоповерхівок; удар припав приблизно за {km} км від лінії фронту.",
    "Євросоюз {date} погодив новий пакет допомоги на {b} млрд євро, {pct}% з яких піде на протиповітряну оборону.",
    "За даними Повітряних сил, в ніч на {date} росіяни запустили {dr} ударних дронів і {a} ракет, {b} з них збито.",
    "Міноборони рф заявило, що за тиждень ЗСУ втратили до {c} військовослужбовців і {b} танків; ці дані неможливо "
    "перевірити.",
    "Бійці {brig} бригади розповіли, що через туман і багнюку рух на ділянці завдовжки {km} км майже зупинився.",
    "У {city} відновили подачу світла для {c} абонентів, ще {a} тисяч родин залишаються без тепла.",
    "Президент Зеленський зазначив, що Україна отримає {a} систем ППО до кінця року.",
    "Виробництво снарядів зросло на {pct}%, а температура вночі опустилася до мінус {t} градусів.",
    "«Ми не зупинимося», — сказав {name} {date}, додавши, що переговори тривали {a} годин."],
    "ru": [
    "В {city} ночью снова прогремели взрывы, сообщил глава ОВА {name}.",
    "Ранены {a} человек, повреждены {b} многоэтажек; удар пришелся примерно в {km} км от линии фронта.",
    "Евросоюз {date} согласовал новый пакет помощи на {b} млрд евро, {pct}% из которых пойдут на ПВО.",
    "По данным Воздушных сил, в ночь на {date} россияне запустили {dr} ударных дронов и {a} ракет, {b} из них сбиты.",
    "Минобороны РФ заявило, что за неделю ВСУ потеряли до {c} военнослужащих и {b} танков; эти данные невозможно "
    "проверить.",
    "Бойцы {brig} бригады рассказали, что из-за тумана и грязи движение на участке длиной {km} км почти "
    "остановилось.",
    "В {city} восстановили электроснабжение для {c} абонентов, еще {a} тысяч семей остаются без тепла.",
    "Всего с начала проведения специальной военной операции уничтожены: {a} самолетов, {b} вертолетов, {c} "
    "беспилотных летательных аппаратов, {km} зенитных ракетных комплексов, {d} танков и других боевых бронированных "
    "машин, {e} орудий полевой артиллерии и минометов, заявили в Минобороны России.",
    "«Мы не остановимся», — сказал {name} {date}, добавив, что переговоры длились {a} часов.",
    "Температура ночью опустилась до минус {t} градусов, производство снарядов выросло на {pct}%."]}
DASHES = ["‒", "–", "—", "-"]


@dataclass
class Doc:
    id: str
    kind: str  # bulletin / news
    format: str
    language: str
    published: str
    text: str
    truth: dict[str, int] = field(default_factory=dict)


def _num(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def _date(rng: random.Random, lo: str, hi: str) -> date:
    a, b = date.fromisoformat(lo), date.fromisoformat(hi)
    return a + timedelta(days=rng.randrange((b - a).days + 1))


def _human(d: date, lang: str) -> str:
    m = MONTHS[lang][d.month - 1]
    return f"{m} {d.day}, {d.year}" if lang == "en" else f"{d.day} {m} {d.year} року" if lang == "uk" else \
        f"{d.day} {m} {d.year} года"


def _figures(s: Series, d: date) -> list[tuple[str, int, int]]:
    out = []
    for cat in ORDER:
        if s.exists(cat, d):
            out.append((cat, s.value(cat, d).value, s.delta(cat, d) or 0))
    return out


def _filler(rng: random.Random, lang: str, d: date) -> str:
    sep = "," if lang == "en" else " "
    return " ".join(rng.sample(FILLER[lang], rng.randint(1, 3))).format(
        city=rng.choice(CITIES[lang]), name=rng.choice(NAMES), a=rng.randint(2, 40), b=rng.randint(3, 90),
        c=_num(rng.randint(100, 30000), sep), d=_num(rng.randint(1000, 30000), sep),
        e=_num(rng.randint(500, 9000), sep), dr=rng.randint(40, 800),
        km=rng.randint(5, 300), pct=rng.randint(5, 80), t=rng.randint(2, 25), brig=rng.choice(BRIG[lang]),
        date=_human(d - timedelta(days=rng.randint(1, 20)), lang))


def bulletin(rng: random.Random, s: Series, fmt: str, d: date) -> tuple[str, dict[str, int]]:
    figs, dash = _figures(s, d), rng.choice(DASHES)
    dd, yy = d.strftime("%d.%m.%Y"), d.strftime("%d.%m.%y")
    lines = []
    for cat, v, dv in figs:
        en, mod, uk = LABELS[cat][:3]
        if fmt == "mil_en":
            tail = " persons" + (" were liquidated" if d >= date(2022, 4, 16) else "") if cat == "personnel" else ""
            lines.append(f"{en} {dash} {'about ' if cat == 'personnel' else ''}{v} ({dv:+d}){tail}")
        elif fmt == "mil_uk":
            pers = cat == "personnel"
            lines.append(f"{uk} {rng.choice(DASHES)} {'близько ' if pers else ''}{v} ({dv:+d}) "
                         f"{'осіб ліквідовано' if pers else 'од.'}")
        elif fmt == "infographic":
            ua_l, en_l = ("ліквідовано " if cat == "personnel" else "") + uk, ("liquidated " if cat == "personnel"
                                                                               else "") + en
            new = d >= date(2023, 9, 1)
            lines.append(f"{v} ({dv:+d}) {ua_l if new else ua_l.upper()} / {en_l.lower() if new else en_l.upper()}")
        else:  # mod_en / mod_uk, 2025–26: NBSP thousands, "(+1 290)"
            sep = rng.choice(["\u00a0", " "])
            q, unit = ("approximately ", " persons") if fmt == "mod_en" else ("близько ", " осіб")
            lab = mod if fmt == "mod_en" else uk
            lines.append(f"{lab} ‒ {q if cat == 'personnel' else ''}{_num(v, sep)} (+{_num(max(dv, 0), sep)})"
                         f"{unit if cat == 'personnel' else ''};")
    if fmt == "mil_en":
        head = f"The total combat losses of the enemy from 24.02.2022 to {dd} were approximately:"
        body = rng.choice([", ", ",\n", "\n"]).join(lines) + "."
        foot = "The data is being updated. The greatest losses of the enemy were in the Donetsk direction."
    elif fmt == "mil_uk":
        head = f"Загальні бойові втрати противника з 24.02.22 по {yy} орієнтовно склали:"
        body = rng.choice([", ", ",\n", "\n• "]).join(lines).removesuffix(".") + "."
        foot = "Найбільших втрат противник зазнав на Краматорському та Донецькому напрямках. Дані уточнюються."
    elif fmt == "infographic":
        head = ("ГЕНЕРАЛЬНИЙ ШТАБ ЗС УКРАЇНИ ІНФОРМУЄ\n" + (f"Протягом 24.02.22 — {dd}" if d >= date(2023, 9, 1)
                else f"ПРОТЯГОМ 24.02.22–{dd}") + " ОРІЄНТОВНІ ВТРАТИ ПРОТИВНИКА СКЛАЛИ")
        body, foot = "\n".join(lines), "#StandWithUkraine"
    elif fmt == "mod_en":
        head = (f"Total Russian combat losses in Ukraine as of {_human(d, 'en')}\n\nThe total combat losses of the "
                f"enemy from 24.02.2022 to {dd} were approximately:")
        body, foot = "\n".join(lines), "Share:"
    else:
        head = f"Бойові втрати ворога на {_human(d, 'uk')}\n\nЗагальні бойові втрати противника з 24.02.22 по {yy}:"
        body, foot = "\n".join(lines), "Поділитися:"
    return f"{head}\n{body}\n{foot}\n", {c: v for c, v, _ in figs}


def news(rng: random.Random, s: Series, lang: str, d: date) -> tuple[str, dict[str, int], str]:
    figs = [f for f in _figures(s, d) if rng.random() < 0.9 or f[0] == "personnel"]
    style = rng.choice(["prose", "bullets", "bullets", "none"]) if lang == "en" else rng.choice(
        ["bullets", "bullets", "bullets", "none"])
    sep = "," if lang == "en" else rng.choice([" ", "\u00a0", ""])
    col = {"en": 5 if style == "prose" else 1, "uk": 3, "ru": 4}[lang]
    pers = next((v for c, v, _ in figs if c == "personnel"), 0)
    rest = [(c, v, dv) for c, v, dv in figs if c != "personnel"]
    when = _human(d, lang)
    if style == "prose":
        block = (f"Russia has lost {_num(pers, sep)} troops in Ukraine since the start of the full-scale invasion on "
                 f"Feb. 24, 2022, the General Staff of Ukraine's Armed Forces reported on {when}.\n\nAccording to the "
                 f"report, Russia has also lost " + ", ".join(f"{_num(v, sep)} {LABELS[c][col]}" for c, v, _ in rest)
                 + ".")
    elif style == "bullets":
        intro = {"en": (f"The total number of losses of the Russian army since the beginning of the invasion is "
                        f"{_num(pers, sep)} soldiers, the General Staff reported on {when}. The following equipment "
                        f"was destroyed:"),
                 "uk": (f"Загальні бойові втрати росії з 24.02.22 по {when} становлять близько {_num(pers, sep)} "
                        f"осіб, повідомив Генштаб ЗСУ. Також ворог втратив:"),
                 "ru": (f"Всего с начала полномасштабного вторжения, с 24 февраля 2022 года, россия потеряла "
                        f"{_num(pers, sep)} военных, сообщили в Генштабе ВСУ {when}. Кроме людей, оккупанты теряют "
                        f"технику:")}[lang]
        day = {"en": "", "uk": " за минулу добу", "ru": " за минувшие сутки"}[lang]
        bullet, end = rng.choice([("", ";\n"), ("- ", ";\n"), ("• ", "\n"), ("– ", ";\n"), ("", "\n\n")])
        items = [f"{bullet}{LABELS[c][col]} {rng.choice(DASHES)} {_num(v, sep)}" + (f" (+{dv}{day if i == 0 else ''})"
                 if dv > 0 else "") + (" units" if lang == "en" else "") for i, (c, v, dv) in enumerate(rest)]
        block = intro + "\n" + end.join(items) + "."
    else:
        block, figs = _filler(rng, lang, d), []
    heads = {"en": f"Ukraine war latest: {rng.choice(CITIES['en'])} under attack as talks stall",
             "uk": f"Війна в Україні: ситуація у {rng.choice(CITIES['uk'])} на {when}",
             "ru": f"Война в Украине: ситуация в {rng.choice(CITIES['ru'])} на {when}"}
    paras = [heads[lang], _filler(rng, lang, d)]
    target = rng.randint(1500, 3000)
    tail: list[str] = []
    while len("\n\n".join([*paras, block, *tail]).encode()) < target:
        (paras if rng.random() < 0.3 else tail).append(_filler(rng, lang, d))
    return "\n\n".join([*paras, block, *tail]) + "\n", {c: v for c, v, _ in figs}, style


SPANS = {"mil_en": ("2022-02-25", "2024-12-31"), "mil_uk": ("2022-02-25", "2024-12-31"),
         "infographic": ("2022-03-01", "2024-12-31"), "mod_en": ("2025-01-01", None), "mod_uk": ("2025-01-01", None)}


def generate(n: int = 3000, seed: int = 1, bulletin_share: float = 0.3, series: Series | None = None) -> list[Doc]:
    """n documents; about `bulletin_share` of them official bulletins, the rest en/uk/ru news."""
    s, rng, out = series or Series.load(), random.Random(seed), []
    last = s.last_date
    for i in range(n):
        if rng.random() < bulletin_share:
            fmt = rng.choice(list(SPANS))
            lo, hi = SPANS[fmt]
            d = _date(rng, lo, hi or last)
            text, truth = bulletin(rng, s, fmt, d)
            lang = "en" if fmt.endswith("en") else "uk"
            out.append(Doc(f"{i:05d}-bulletin-{fmt}", "bulletin", fmt, lang, d.isoformat(), text, truth))
        else:
            lang = rng.choice(["en", "en", "uk", "ru"])
            d = _date(rng, "2022-03-01", last)
            text, truth, style = news(rng, s, lang, d)
            out.append(Doc(f"{i:05d}-news-{lang}-{style}", "news", style, lang, d.isoformat(), text, truth))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="directory for <id>.txt and index.jsonl")
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "index.jsonl", "w", encoding="utf-8") as index:
        for doc in generate(args.n, args.seed):
            (args.out / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")
            meta = {k: v for k, v in asdict(doc).items() if k != "text"}
            index.write(json.dumps({"file": f"{doc.id}.txt", **meta}, ensure_ascii=False) + "\n")
    print(f"wrote {args.n} documents to {args.out}")


if __name__ == "__main__":
    main()
