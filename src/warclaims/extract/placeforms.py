"""Inflected forms of Ukrainian and Russian place names, by suffix rules (no dictionary at run time).

    forms("Авдіївка")      -> {"Авдіївка", "Авдіївки", "Авдіївці", "Авдіївку", "Авдіївкою", ...}
    forms("Нова Каховка")  -> {"Нова Каховка", "Нової Каховки", "Новій Каховці", ...}
    forms("Харків")        -> {"Харків", "Харкова", "Харкові", "Харкову", "Харковом", ...}

The rules over-generate on purpose: a spurious form ("Бахмуті" in a Russian text) is never a real word
of either language, so it costs a key in the automaton and nothing else. Each word of a multi-word name
is inflected on its own and the results are crossed (not case-aligned: cheaper and harmless). Names
with a digit, Latin letters or "-на-" (Ростов-на-Дону: only the head word declines) are handled as
written below; anything else falls back to the name as written.
"""
from __future__ import annotations

from itertools import product

UK_ONLY = frozenset("іїєґІЇЄҐ")
RU_ONLY = frozenset("ыэёъЫЭЁЪ")
_SOFTEN_UK = {"к": "ц", "г": "з", "х": "с"}  # Авдіївка -> Авдіївці (dative/locative of -ка)
_SIBILANT = frozenset("кгхжшчщ")  # Russian -а nouns take -и, not -ы, after these
_VOWELS = frozenset("аеєиіїоуюяыэё")
# Nouns that occur in region and direction phrases and decline irregularly.
IRREGULAR = {
    "напрямок": ("напрямок", "напрямку", "напрямі", "напрямком", "напрям", "напряму", "напрямом", "напрямках",
                 "напрямках", "напрямах"),
    "напрям": ("напрям", "напряму", "напрямі", "напрямом", "напрямку", "напрямок"),
    "направление": ("направление", "направления", "направлении", "направлению", "направлением", "направлениях"),
    "область": ("область", "області", "областю", "области", "областью", "обл.", "областях"),
    "край": ("край", "краю", "краї", "краєм", "крае", "краем", "края"),
    "республіка": ("республіка", "республіки", "республіці", "республіку", "республікою"),
    "республика": ("республика", "республики", "республике", "республику", "республикой"),
    "Крим": ("Крим", "Криму", "Кримом"),
    "Крым": ("Крым", "Крыма", "Крыму", "Крымом"),
    "Київ": ("Київ", "Києва", "Києві", "Києву", "Київом", "Києвом"),
    "Кривий": ("Кривий", "Кривого", "Кривому", "Кривим", "Кривім"),
    "Ріг": ("Ріг", "Рогу", "Розі", "Рогом", "Рога"),
    "Рог": ("Рог", "Рога", "Роге", "Рогу", "Рогом"),
    "Часів": ("Часів", "Часового", "Часовому", "Часовим", "Часовім"),
    "Яр": ("Яр", "Яру", "Ярі", "Яром", "Яра", "Яре"),
    "Лиман": ("Лиман", "Лимана", "Лимані", "Лиману", "Лиманом", "Лимане"),
}
# Words of a multi-word name that never decline.
_FIXED = frozenset({"на", "над", "під", "под", "у", "в", "Дону", "Дніпрі", "Донцем", "Бузі", "Вислі"})


def _lang(word: str) -> str:
    chars = set(word)
    if chars & UK_ONLY or "ськ" in word or "цьк" in word:
        return "uk"
    if chars & RU_ONLY:
        return "ru"
    return "both"


def _adjective(w: str, lang: str) -> tuple[str, ...] | None:
    """Forms of an adjective-shaped word (Нова, Кривий, Курахове, Новая, Кривой, Гуляйпольское), else None."""
    uk = lang in ("uk", "both")
    ru = lang in ("ru", "both")
    out: list[str] = []
    if uk:
        if w.endswith(("ий", "ій")) and len(w) > 4:
            s = w[:-2]
            soft = w.endswith("ій")
            out += [s + e for e in (("ього", "ьому", "ім", "іх") if soft else ("ого", "ому", "им", "ім", "ої"))]
        elif w.endswith("ська") or w.endswith("цька") or (w.endswith("на") and w[:-2].endswith(("ов", "ев", "ів"))):
            s = w[:-1]
            out += [s + e for e in ("ої", "ій", "у", "ою")]
        elif w.endswith(("ове", "еве", "єве", "ине", "іне", "ське", "цьке", "ьке")):
            s = w[:-1]
            out += [s + e for e in ("ого", "ому", "им", "ім")]
    if ru:
        if w.endswith(("ый", "ий", "ой")) and len(w) > 4:
            s = w[:-2]
            out += [s + e for e in ("ого", "ому", "ом", "ым", "им", "его", "ем")]
        elif w.endswith("ая") and len(w) > 4:
            s = w[:-2]
            out += [s + e for e in ("ой", "ую", "ей", "ою")]
        elif w.endswith(("ское", "цкое", "ное")) and len(w) > 4:
            s = w[:-2]
            out += [s + e for e in ("ого", "ому", "ом", "ым")]
    return (w, *out) if out else None


def _noun(w: str, lang: str) -> tuple[str, ...]:
    uk = lang in ("uk", "both")
    ru = lang in ("ru", "both")
    out = [w]
    last = w[-1].lower()
    if w.endswith(("ець", "ец")) and len(w) > 4:  # Кам'янець -> Кам'янця, Донец -> Донца: the е drops
        s = w[: w.rindex("е")] + "ц"
        out += [s + e for e in ("я", "ю", "і", "ем", "а", "у", "е", "ом")]
        if w.endswith("ець"):
            return tuple(out)
    elif w.endswith("ок") and len(w) > 4:  # Городок -> Городка
        s = w[:-2] + "к"
        out += [s + e for e in ("а", "у", "і", "ом", "е")]
    if last not in _VOWELS and last not in "ьй'’ʼ":
        s = w
        if uk:
            out += [s + "а", s + "у", s + "і", s + "ом", s + "ові"]
            # Харків -> Харкова, Оріхів -> Оріхова, Ізюм stays: і -> о/е in the last closed syllable.
            if len(w) > 3 and w[-2] == "і" and w[-1] in "вднтрлмсзкг":
                alt = w[:-2] + ("е" if w[-3] in "чшжщ" else "о") + w[-1]  # Золочів -> Золочева
                out += [alt + "а", alt + "у", alt + "і", alt + "ом", alt + "ові"]
        if ru:
            out += [s + "а", s + "у", s + "е", s + "ом"]
    elif last == "ь":
        s = w[:-1]
        out += [s + e for e in ("я", "ю", "і", "и", "ем", "е", "ью")]
    elif last == "й":
        s = w[:-1]
        out += [s + e for e in ("я", "ю", "ї", "ї", "ем", "е", "и")]
    elif last == "а":
        s = w[:-1]
        c = s[-1].lower() if s else ""
        if uk:
            out += [s + "и", s + "у", s + "ою", s + "і", s + "ею"]
            if c in _SOFTEN_UK:
                out.append(s[:-1] + _SOFTEN_UK[c] + "і")
        if ru:
            out += [s + ("и" if c in _SIBILANT else "ы"), s + "е", s + "у", s + "ой", s + "ей"]
    elif last == "я":
        s = w[:-1]
        if w.endswith(("ія", "ия")):
            out += [s + e for e in ("ї", "ю", "єю", "и", "ей", "ею")]
        elif len(s) > 1 and s[-1] == s[-2]:  # Запоріжжя, Щастя-like neuters with a doubled consonant
            out += [s + e for e in ("і", "ям", "ю")]
        else:
            out += [s + e for e in ("і", "ї", "ю", "ею", "ям", "е", "и")]
    elif last in "ео":
        s = w[:-1]
        out += [s + e for e in ("а", "у", "і", "ом", "е", "я", "ю", "ем")]
    elif last in "иі" and len(w) > 3:  # plurals: Суми, Черкаси, Чернівці, Сумы (ы below)
        s = w[:-1]
        out += [s, s + "ах", s + "ам", s + "ами", s + "ях", s + "ям", s + "ів"]
    elif last == "ы" and len(w) > 3:
        s = w[:-1]
        out += [s, s + "ах", s + "ам", s + "ами"]
    return tuple(out)


def _word_forms(w: str, lang: str) -> tuple[str, ...]:
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w in _FIXED or len(w) < 3 or (not w.isalpha() and not all(c.isalpha() or c in "'’ʼ" for c in w)):
        if "-" in w:  # Ростов-на-Дону, Кам'янець-Подільський: each part declines, "на", "Дону" stay
            return tuple("-".join(p) for p in product(*(_word_forms(x, lang) for x in w.split("-"))))[:64]
        return (w,)
    adj = _adjective(w, lang)
    return adj if adj is not None else _noun(w, lang)


def forms(name: str, lang: str | None = None, limit: int = 128) -> set[str]:
    """Inflected forms of a Cyrillic place name (the name itself included); Latin names come back as given."""
    if not any("\u0400" <= c <= "\u04ff" for c in name):
        return {name}
    lang = lang or _lang(name)
    words = name.split(" ")
    per_word = [_word_forms(w, lang) for w in words]
    for i, w in enumerate(words[:-1]):  # Нова Каховка, Велика Новосілка, Новая Каховка: adjectives before a noun
        if w.endswith("ая") and len(w) > 4:
            per_word[i] = (w, *(w[:-2] + e for e in ("ой", "ую", "ей")))
        elif w.endswith(("а", "я")) and len(w) > 3 and w not in IRREGULAR:
            per_word[i] = (w, *(w[:-1] + e for e in ("ої", "ій", "у", "ою")))
    out: set[str] = set()
    for combo in product(*per_word):
        if len(words) == 2 and not _agree(combo, words):
            continue
        out.add(" ".join(combo))
        if len(out) >= limit:
            break
    out.add(name)
    return out


ALL = frozenset({"nom", "gen", "dat", "acc", "loc", "ins"})
# Which cases an ending can mark, longest ending first; an adjective and its noun must share one
# ("Нової Каховки", not "Нової Каховці"). Rough on purpose: it only prunes the crossed forms.
_ADJ_CASES = [(e, frozenset(c.split())) for e, c in (
    ("ого", "gen acc"), ("его", "gen acc"), ("ому", "dat loc"), ("ему", "dat loc"), ("ої", "gen"), ("ій", "dat loc"),
    ("ую", "acc"), ("юю", "acc"), ("ою", "ins gen"), ("ею", "ins gen"), ("ой", "gen dat loc ins"),
    ("ей", "gen dat loc ins"), ("ом", "loc ins"), ("ем", "loc ins"), ("им", "ins loc"), ("ым", "ins loc"),
    ("ім", "loc"), ("у", "acc"), ("ю", "acc"))]
_NOUN_CASES = [(e, frozenset(c.split())) for e, c in (
    ("ові", "dat loc"), ("ами", "ins"), ("ями", "ins"), ("ою", "ins"), ("ею", "ins"), ("ом", "ins"), ("ем", "ins"),
    ("ям", "ins dat"), ("ии", "gen dat loc"), ("ці", "dat loc"), ("зі", "dat loc"), ("сі", "dat loc"), ("ах", "loc"),
    ("ях", "loc"), ("ам", "dat"), ("ів", "gen"), ("ой", "ins"), ("ей", "ins gen"), ("і", "gen dat loc"),
    ("и", "gen"), ("ы", "gen"), ("ї", "gen"), ("а", "gen"), ("я", "gen"), ("у", "gen dat loc acc"),
    ("ю", "gen dat loc acc"), ("е", "dat loc"))]


def _cases(form: str, base: str, table: list[tuple[str, frozenset[str]]]) -> frozenset[str]:
    if form == base:
        return frozenset({"nom", "acc"})
    for ending, cases in table:
        if form.endswith(ending):
            return cases
    return ALL


def _agree(combo: tuple[str, ...], words: list[str]) -> bool:
    return bool(_cases(combo[0], words[0], _ADJ_CASES) & _cases(combo[1], words[1], _NOUN_CASES))
