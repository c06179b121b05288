"""Person names in a speaker's subject (the speakers stage, speakers.py): the proper name in a phrase, a first and
last name after an organisation or a role ("Керівник ЦПД Андрій Коваленко" → "Андрій Коваленко"), and a Ukrainian
or Russian name back in the nominative after "за словами" ("Владислава Волошина" → "Владислав Волошин")."""
from __future__ import annotations

import re

_POSSESSIVE = re.compile(r"['’]s?$")
_CAP = r"[A-ZА-ЯІЇЄҐ][\w'’.-]*"
_NAME_RUN = re.compile(rf"{_CAP}(?:\s+{_CAP}){{0,3}}")
_TITLE_WORDS = {
    "president", "prime", "minister", "deputy", "defense", "defence", "foreign", "spokesperson", "spokesman",
    "spokeswoman", "general", "maj.", "gen.", "major", "colonel", "col.", "lt.", "commander", "chief", "head",
    "secretary", "state", "department", "u.s.", "us", "uk", "ukrainian", "russian", "french", "german", "british",
    "american", "polish", "ukraine's", "russia's", "moscow's", "kyiv's", "the", "mr", "mr.", "ms", "ms.", "dr",
    "official", "ambassador", "pm", "sgt.", "captain", "lieutenant", "senior", "military", "army", "press",
    "officer", "adviser", "advisor", "director", "governor", "mayor", "ukraine’s", "russia’s", "moscow’s", "a", "an",
}
ORG_WORDS = re.compile(r"(?i)(?<![\w])(?:ministry|department|office|service|agency|forces|command|staff|council"
                        r"|administration|institute|committee|army|guard|brigade|media|reports|presidency"
                        r"|government|police|міністерств\w*|служб\w*|штаб\w*|адміністраці\w*|командуванн\w*"
                        r"|министерств\w*|администраци\w*|командовани\w*)(?![\w])")
PERSON_NOUNS = re.compile(r"(?i)(?<![\w])(?:serviceman|soldier|trooper|fighter|blogger|officer|commander|spokes\w+"
                           r"|president|leader|minister|ambassador|delegate|envoy|governor|mayor|general|adviser"
                           r"|advisor|analyst|military personnel|військов\w*|речни\w*|командувач\w*|боєць|боец"
                           r"|президент\w*|міністр\w*|министр\w*|генерал\w*|головнокомандувач\w*|губернатор\w*"
                           r"|мэр\w*|аналітик\w*|аналитик\w*|командир\w*|очільни\w*"
                           # ranks: "said Colonel Andriy Melnyk" … "the colonel said"
                           r"|colonel|captain|lieutenant|sergeant|corporal|col\.|capt\.|lt\.|sgt\.|maj\."
                           r"|полковник\w*|підполковник\w*|подполковник\w*|капітан\w*|капитан\w*|лейтенант\w*"
                           r"|майор\w*|сержант\w*)(?![\w])")
# An abbreviated rank is referred back to in full ("Col. Melnyk" … "the colonel").
RANK_ABBREVIATIONS = {"col.": "colonel", "capt.": "captain", "lt.": "lieutenant", "sgt.": "sergeant", "maj.": "major",
                      "gen.": "general"}
_TRAIL_PP = re.compile(r"\s+(?:from|of|at|in|with|on|for|to|з|із|зі|від|из|от|с|в|у|на|під|при|для|до|по|во)\s+.*$",
                       re.S)


def proper_name(mention: str) -> str | None:
    """The proper name in a subject: 'the Ukrainian serviceman Alexander from the 47th …' → 'Alexander'."""
    if "," in mention:  # an apposition: "the governor of Sevastopol, Mikhail Razvozhayev"
        last = mention.rstrip(" ,").rsplit(",", 1)[1].strip()
        if _NAME_RUN.fullmatch(last):
            words = [w for w in last.split() if w.lower() not in _TITLE_WORDS]
            if words:
                return " ".join(words)
    core = _TRAIL_PP.sub("", mention).rstrip(" ,.")
    best = None
    for m in _NAME_RUN.finditer(core):
        words = [w for w in m.group().split() if w.lower().rstrip(",") not in _TITLE_WORDS]
        # A name ends the phrase ("serviceman Alexander"); "War-hit reports" is a description.
        if words and not core[m.end():].strip():
            best = _POSSESSIVE.sub("", " ".join(words).rstrip(".,"))
    return best or None


FUNCTION_WORDS = {"from", "the", "of", "a", "an", "in", "on", "at", "by", "to", "has", "have", "had", "is", "was",
                   "were", "are", "it", "this", "that", "тоді", "також", "вже", "then", "also", "з", "в", "у", "на",
                   "від", "and", "but", "or", "as", "how", "як", "как", "і", "и", "а", "та", "также"}


_PERSON_NAME = re.compile(r"(?<![\w'’-])([A-ZА-ЯІЇЄҐ][a-zа-яіїєґ'’-]+(?:\s+[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ'’-]+){1,2})"
                          r"(?![\w'’-])")


def person_after(text: str, a: int, b: int) -> str | None:
    """A first and last name (two or three capitalised words, no organisation word) in text[a:b], before any
    trailing phrase ("у коментарі Суспільному")."""
    core = _TRAIL_PP.sub("", text[a:b])
    for m in _PERSON_NAME.finditer(core):
        name = m.group(1)
        if not ORG_WORDS.search(name) and all(w.lower() not in _TITLE_WORDS for w in name.split()):
            return name
    return None


CYRILLIC = re.compile(r"[а-яіїєґё]", re.I)
_PATRONYMIC = re.compile(r"(?:ович|евич|євич|йович|ьович|ич|івна|ївна|овна|евна|ична)$")


TITLECASE = re.compile(r"[A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё'’-]+$")


def tail_run(mention: str) -> str | None:
    """The Titlecase words that end a subject (after a trailing phrase): "Начальник Запорізької ОВА Іван Федоров"
    → "Іван Федоров"; None when fewer than two."""
    words = _TRAIL_PP.sub("", mention).rstrip(" ,.").split()
    run: list[str] = []
    while words and TITLECASE.match(words[-1]) and len(run) < 3:
        run.insert(0, words.pop())
    return " ".join(run) if len(run) >= 2 else None


GENITIVE_CUE = re.compile(r"(?:за словами|по словам|зі слів|со слов|на думку|по мнению|за даними|по данным"
                           r"|за інформацією|по информации|за оцінкою|по оценке|у заяві|в заявлении)", re.I)
_FIRST_NAME_O = {"дмитра": "Дмитро", "петра": "Петро", "павла": "Павло", "михайла": "Михайло", "данила": "Данило",
                 "левка": "Левко", "марка": "Марко", "ігоря": "Ігор", "игоря": "Игорь", "юрія": "Юрій",
                 "юрия": "Юрий", "олексія": "Олексій", "алексея": "Алексей"}
# genitive ending → nominative ending, longest first (male surnames, then first names; female forms)
_GEN_SURNAME = (("ського", "ський"), ("ского", "ский"), ("цького", "цький"), ("ого", "ий"), ("енка", "енко"),
                ("ової", "ова"), ("евої", "ева"), ("ської", "ська"), ("іної", "іна"), ("иной", "ина"),
                ("овой", "ова"), ("евой", "ева"), ("ова", "ов"), ("ева", "ев"), ("єва", "єв"), ("іна", "ін"),
                ("ина", "ин"), ("ука", "ук"), ("юка", "юк"), ("ича", "ич"), ("ча", "ч"), ("ка", "к"), ("ія", "ій"),
                ("ия", "ий"))
_GEN_FIRST = (("ія", "ій"), ("ея", "ей"), ("ії", "ія"), ("ьї", "ья"), ("ьи", "ья"), ("ии", "ия"), ("ени", "ена"),
              ("ини", "ина"), ("ри", "ра"), ("ли", "ла"), ("ни", "на"), ("ти", "та"), ("ы", "а"), ("а", ""))


def nominative(name: str) -> str:
    """A Ukrainian or Russian first and last name after "за словами", "по словам" back in the nominative:
    "Владислава Волошина" → "Владислав Волошин", "Олени Марченко" → "Олена Марченко". Rules of thumb for the
    common endings; a name they do not cover stays as written."""
    words = name.split()
    if len(words) != 2 or not all(CYRILLIC.search(w) for w in words):
        return name
    first, last = words
    low = first.lower()
    if low in _FIRST_NAME_O:
        new_first = _FIRST_NAME_O[low]
    else:
        new_first = next((first[: len(first) - len(g)] + n for g, n in _GEN_FIRST if low.endswith(g)), first)
    female = new_first.lower().endswith(("а", "я")) and not low.endswith("а")
    new_last = last
    for g, n in _GEN_SURNAME:
        if last.lower().endswith(g) and len(last) > len(g) + 1:
            if female and g in ("ова", "ева", "єва", "іна", "ина"):
                break  # "Олени Петрова"? a woman's surname here is already nominative or feminine genitive
            new_last = last[: len(last) - len(g)] + n
            break
    return f"{new_first} {new_last}"


def name_core(name: str) -> str:
    """A first and last name (with a patronymic) ending a run of capitalised words: the role, unit or organisation
    before it goes ("Держприкордонслужби Андрій Демченко" → "Андрій Демченко"); otherwise the name as it was."""
    words = name.split()
    k = 3 if len(words) >= 4 and _PATRONYMIC.search(words[-2].lower()) else 2
    if len(words) <= k:
        return name
    tail = words[-k:]
    if all(w[:1].isupper() and not w.isupper() and "." not in w for w in tail) and not ORG_WORDS.search(
            " ".join(tail)):
        return " ".join(tail)
    return name


def plain(mention: str) -> str:
    words = mention.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


# "оператор с позывным «Кедр»", "командир групи з позивним «Граф»", "who goes by the call sign 'Kit'"
_CALL_SIGN = re.compile(r"(?i:call[ -]?sign|nom de guerre|позивн(?:ий|ого|им)|позывн(?:ой|ого|ым))[,:]?\s+"
                        r"(?:of\s+)?([«\"“„'‘]?)([A-ZА-ЯІЇЄҐЁ][\w'’-]{1,20})([»\"”“'’]?)(?![\w])")
_QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”", "„": "“", "'": "'", "‘": "’", "": ""}
CALL_SIGN_HINT = re.compile(r"позивн|позывн|call[ -]?sign|nom de guerre")


def call_signs(text: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(start, end, call sign, role nouns) for each person the text names by a call sign: where it is introduced
    and, after that, wherever it appears again in quotes, inflected or not ("За словами «Графа»"). The span is the
    call sign inside its quotes; the role nouns are the words that introduced it ("командир", "оператор")."""
    out: list[tuple[int, int, str, tuple[str, ...]]] = []
    seen: dict[str, tuple[str, ...]] = {}
    for m in _CALL_SIGN.finditer(text):
        opened, name, closed = m.group(1), m.group(2), m.group(3)
        if _QUOTE_PAIRS.get(opened) != closed and not (opened and closed):
            continue
        before = text[max(0, m.start() - 40):m.start()].split()
        nouns = tuple(w.lower().strip(",.") for w in before[-3:] if w[:1].isalpha() and len(w) > 3)
        out.append((m.start(2), m.end(2), name, nouns))
        seen.setdefault(name, nouns)
    for name, nouns in seen.items():
        stem = re.escape(name[:-1] if len(name) > 4 and name[-1] in "аяоеьйь" else name)
        for m in re.finditer(rf"[«\"“„'‘]({stem}\w{{0,3}})[»\"”“'’]", text):
            if not any(a <= m.start(1) < b for a, b, _n, _r in out):
                out.append((m.start(1), m.end(1), name, nouns))
    return sorted(out)
