"""Numbers in English, Ukrainian and Russian news text: "5,518", "13 896", "1.25 million",
"3 тыс.", "33 тисячі", "восемь с половиной тысяч", "quarter of a million", "тисячу".

`find_numbers` returns counts and amounts only. Rules for the ambiguous cases:

- Grouping: a separator (, . ' ’ or one space/NBSP/narrow NBSP/thin space) followed by exactly 3 digits
  groups thousands ("5,518", "1.020.010", "1,020.010"); a final "," or "." followed by 1-2 or 4+
  digits is a decimal point ("1.25", "2,5"). So "1,080" is 1080 in ru/uk text too, and "1.250
  million" is 1250 million. Indian "1,00,000" is grouping. Anything else with several separators
  ("1.2.3") is not a number.
- A space groups only when the group before it has 1-3 digits and the group after it exactly 3
  ("13 896", "1 391 950"), never across a newline: "2022 150" and "3 танки, 10 ББМ" stay apart.
- Skipped (not returned): dates and times ("24.02", "24.02.2022", "30.03.23", "4/10/2023",
  "2022-05-25", "09:25", "18.00"; any digits joined by "/" or ":"), ordinals ("57th", "24-го", "2022-му"),
  model designations (digits after "letter-": "С-300", "BM-21"; or glued to letters: "M113"),
  digits after a lone "." or "," (",000" in garbled text), leading-zero runs ("007").
  "D.MM" followed by a multiplier word is a decimal ("3.12 млн").
- Vague words are skipped: "thousands", "hundreds", "dozens", "тисяч" / "тысяч" alone; "тисячі",
  "тысячи", "сотні", "сотни" alone count only after a quantity word ("более тысячи" = 1000),
  since they are also plurals ("тысячи солдат"). "thousand", "hundred", "dozen" alone need "a"
  or a number; singular "тисячу", "тысяча", "мільйон" alone are 1000 / 1000000.
- "one" in "no one", "one of the" is returned: the caller filters by what follows.
- Day numbers of month-name dates are returned ("24" in "24 лютого"): numeric dates are not; the
  caller drops numbers inside `dates.find_dates` spans.
- Window edges (start/end) act as text edges.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from .normalize import lowered

__all__ = ["Num", "find_numbers", "parse_number"]


@dataclass(frozen=True, slots=True)
class Num:
    start: int
    end: int
    value: int | float  # int whenever the value is whole
    text: str
    kind: str  # "digits" | "words" | "mixed"


# Word classes: U units 1-9 (and 1.5), T 10-19, D tens, H a hundreds word ("триста", "a_hundred"),
# HW English "hundred" (multiplies), M a multiplier, DOZ "dozen", V a complete value ("a_dozen").
# Flags of M/H words standing alone: "sing" = counts alone, "amb" = only after a quantity word,
# "pl" = never alone.
_WORDS: list[tuple[int | Fraction, str, str, str]] = [
    # English
    (1, "U", "", "one"), (2, "U", "", "two"), (3, "U", "", "three"), (4, "U", "", "four"),
    (5, "U", "", "five"), (6, "U", "", "six"), (7, "U", "", "seven"), (8, "U", "", "eight"),
    (9, "U", "", "nine"), (10, "T", "", "ten"), (11, "T", "", "eleven"), (12, "T", "", "twelve"),
    (13, "T", "", "thirteen"), (14, "T", "", "fourteen"), (15, "T", "", "fifteen"),
    (16, "T", "", "sixteen"), (17, "T", "", "seventeen"), (18, "T", "", "eighteen"),
    (19, "T", "", "nineteen"), (20, "D", "", "twenty"), (30, "D", "", "thirty"), (40, "D", "", "forty"),
    (50, "D", "", "fifty"), (60, "D", "", "sixty"), (70, "D", "", "seventy"), (80, "D", "", "eighty"),
    (90, "D", "", "ninety"), (100, "HW", "", "hundred"), (100, "H", "sing", "a_hundred"),
    (1000, "M", "pl", "thousand"), (10**6, "M", "pl", "million"), (10**9, "M", "pl", "billion"),
    (1000, "M", "sing", "a_thousand"), (10**6, "M", "sing", "a_million"),
    (10**9, "M", "sing", "a_billion"), (12, "DOZ", "", "dozen"), (12, "V", "", "a_dozen"),
    # Ukrainian and Russian ("'" stands for any apostrophe)
    (1, "U", "", "один одна одне одно одного однієї одної одному одній одним одною однією одну однім"
                 " одной одном"),
    (2, "U", "", "два дві две двох двух двом двум двома двумя двоє двое двоих"),
    (3, "U", "", "три трьох трех трёх трьом трем трём трьома тремя троє трое троих"),
    (4, "U", "", "чотири чотирьох чотирьом чотирма четыре четырех четырёх четырем четырём четырьмя"
                 " четверо четверых"),
    (5, "U", "", "п'ять п'яти п'ятьох п'ятьом п'ятьма пять пяти пятью п'ятеро пятеро пятерых"),
    (6, "U", "", "шість шести шістьох шістьом шістьма шістьома шесть шестью шестеро шестерых"),
    (7, "U", "", "сім семи сімох сімом сімома семь семеро семерых"),  # not "сьома", "семью"
    (8, "U", "", "вісім восьми вісьмох вісьмом вісьмома восемь восьмью восемью восьмеро"),
    (9, "U", "", "дев'ять дев'яти дев'ятьох дев'ятьом дев'ятьма девять девяти девятью дев'ятеро"
                 " девятеро"),
    (Fraction(3, 2), "U", "", "півтора півтори полтора полторы полутора"),
    (10, "T", "", "десять десяти десятьох десятьом десятьма десятью десятеро"),
    (40, "D", "", "сорок сорока"), (90, "D", "", "дев'яносто дев'яноста девяносто девяноста"),
    (50, "D", "", "пятьдесят пятидесяти пятьюдесятью"), (60, "D", "", "шестьдесят шестидесяти"),
    (70, "D", "", "семьдесят семидесяти"), (80, "D", "", "восемьдесят восьмидесяти"),
    (100, "H", "", "сто ста"), (100, "H", "sing", "сотня сотню сотнею сотней"),
    (100, "H", "amb", "сотні сотни"),
    (200, "H", "", "двісті двохсот двомстам двомастами двохстах двести двухсот двумстам двумястами"
                   " двухстах"),
    (300, "H", "", "триста трьохсот трьомстам трьомастами трьохстах трехсот трёхсот тремстам"
                   " тремястами трехстах трёхстах"),
    (400, "H", "", "чотириста чотирьохсот чотирьомстам чотирмастами чотирьохстах четыреста"
                   " четырехсот четырёхсот четырьмстам четырьмястами четырехстах четырёхстах"),
    (500, "H", "", "п'ятсот п'ятисот п'ятистам п'ятьомстам п'ятьмастами п'ятистах пятьсот пятисот"
                   " пятистам пятьюстами пятистах"),
    (600, "H", "", "шістсот шестисот шістьомстам шістьмастами шестистах шестьсот шестистам"
                   " шестьюстами"),
    (700, "H", "", "сімсот семисот сімомстам сьомастами семистах семьсот семистам семьюстами"),
    (800, "H", "", "вісімсот восьмисот вісьмомстам вісьмастами восьмистах восемьсот восьмистам"
                   " восьмьюстами восемьюстами"),
    (900, "H", "", "дев'ятсот дев'ятисот дев'ятьомстам дев'ятьмастами дев'ятистах девятьсот"
                   " девятисот девятистам девятьюстами девятистах"),
    (1000, "M", "sing", "тисяча тисячу тисячею тысяча тысячу тысячей тысячею"),
    (1000, "M", "amb", "тисячі тысячи"),
    (1000, "M", "pl", "тисяч тисячам тисячами тисячах тысяч тысячам тысячами тысячах"),
    (10**6, "M", "sing", "мільйон мільйона мільйону мільйоном миллион миллиона миллиону миллионом"),
    (10**6, "M", "pl", "мільйони мільйонів мільйонам мільйонами миллионы миллионов миллионам"
                       " миллионами"),
    (10**9, "M", "sing", "мільярд мільярда мільярду мільярдом миллиард миллиарда миллиарду"
                         " миллиардом"),
    (10**9, "M", "pl", "мільярди мільярдів миллиарды миллиардов"),
    (500, "V", "", "півтисячі полтысячи"), (500_000, "V", "", "півмільйона полмиллиона"),
]
_UNITS_UK = ["од", "дв", "тр", "чотир", "п'ят", "шіст", "сім", "вісім", "дев'ят"]
_TEEN_UK = ("цять", "цяти", "цятьох", "цятьом", "цятьма")
_UNITS_RU = ["одиннад", "двенад", "тринад", "четырнад", "пятнад", "шестнад", "семнад", "восемнад",
             "девятнад"]
for _i, _stem in enumerate(_UNITS_UK):  # одинадцять ... дев'ятнадцять
    _stem = {"од": "одинад", "дв": "дванад", "тр": "тринад"}.get(_stem, _stem + "над")
    _WORDS.append((11 + _i, "T", "", " ".join(_stem + e for e in _TEEN_UK)))
for _i, _stem in enumerate(_UNITS_RU):
    _WORDS.append((11 + _i, "T", "", " ".join(_stem + e for e in ("цать", "цати", "цатью"))))
for _v, _stem in ((20, "двадцят"), (30, "тридцят"), (50, "п'ятдесят"), (60, "шістдесят"),
                  (70, "сімдесят"), (80, "вісімдесят")):
    _WORDS.append((_v, "D", "", " ".join(_stem + e for e in ("", "ь", "и", "ьох", "ьом", "ьма"))))
for _v, _stem in ((20, "двадцат"), (30, "тридцат")):
    _WORDS.append((_v, "D", "", " ".join(_stem + e for e in ("ь", "и", "ью"))))
for _frac, _names in ((Fraction(1, 2), ("half a", "a half")),
                      (Fraction(1, 4), ("quarter of a", "a quarter of a", "quarter", "a quarter"))):
    for _name in _names:
        for _mult, _mname in ((1000, "thousand"), (10**6, "million"), (10**9, "billion")):
            _WORDS.append((_frac * _mult, "V", "", f"{_name} {_mname}".replace(" ", "_")))
for _v, _forms in ((500, "пів тисячі пол тысячи"), (500_000, "пів мільйона пол миллиона")):
    _a, _b, _c, _d = _forms.split()
    _WORDS.append((_v, "V", "", f"{_a}_{_b} {_c}_{_d}"))

# form -> (value, class, flag); "_" in a form is a space inside a multi-word form
_INFO: dict[str, tuple[int | Fraction, str, str]] = {}
for _v, _cls, _flag, _forms in _WORDS:
    for _form in _forms.split():
        _INFO[_form.replace("_", " ")] = (_v, _cls, _flag)

_APOS = "'’ʼ"
_SP = " \u00a0\u202f\u2009"  # horizontal spaces that may group digits


def _trie_regex(words: Iterable[str]) -> str:
    """A prefix-factored alternation: Python `re` tries a flat list of 400 words one by one."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def esc(ch: str) -> str:
        return {"'": f"[{_APOS}]", " ": "[ \u00a0]+"}.get(ch, re.escape(ch))

    def emit(node: dict) -> str:
        alts = [esc(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return body + "?" if len(alts) == 1 and len(body) == 1 else f"(?:{body})?"
        return body

    return emit(trie)


_END = rf"(?![{_APOS}]?\w)"  # word end; "сім'я" (family) is not "сім"
_DIGITS = (
    r"\d{4}-\d\d-\d\d(?!\d)"  # ISO date: dropped
    rf"|\d+(?:(?:[.,:/]|[{_APOS}](?=\d{{3}}(?!\d))|(?<!\d{{4}})[{_SP}](?=\d{{3}}(?!\d)))\d+)*"
)
_WORD_TRIE = _trie_regex(_INFO)
_FIRSTS = "".join(sorted({form[0] for form in _INFO}))
# Each match starts at the character before the token (the text is lowercased, with a space
# prepended). A leading character class lets `re` skip positions in C instead of trying the
# alternation at every character; explicit letter ranges test faster than the `\w` category
# (1.5x on news text). Letters outside Latin/Cyrillic count as boundaries: harmless here.
_NOT_LETTER = "[^a-z0-9_\u0430-\u044f\u0451\u0454\u0456\u0457\u0491]"
_SCAN = re.compile(rf"{_NOT_LETTER}(?=[\d{_FIRSTS}])(?:(?P<d>{_DIGITS})|(?P<w>{_WORD_TRIE}){_END})")
_CONT = re.compile(
    rf"(?P<half>[ \u00a0]+(?:с|з)[ \u00a0]+половин(?:ой|ою)|[ \u00a0]+and[ \u00a0]+a[ \u00a0]+half){_END}"
    rf"|(?P<sep>[{_SP}]*)(?P<ab>k|bn|mln|млн|млрд|тыс|тис)(?:\.|{_END})"
    rf"|(?P<sep2>[{_SP}]+(?:and[ \u00a0]+)?|-)(?P<w>{_WORD_TRIE}){_END}"
)
_CONT_FIRST = frozenset(_SP + "-kbmтм")
_ABBR = {"k": 1000, "тыс": 1000, "тис": 1000, "mln": 10**6, "млн": 10**6, "bn": 10**9, "млрд": 10**9}
_QUANTITY_BEFORE = re.compile(
    r"(?<!\w)(?:понад|більше|менше|близько|майже|приблизно|до|около|более|больше|свыше|почти|порядка"
    r"|менее|примерно)[ \u00a0]+$"
)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th|-(?:й|я|е|ю|ї|го|му|м|ий|ій|ої|ою|ого|ому|ая|ое|ой|ые|ым|та|ша"
                            r"|ге|те|тя|ма|ті|ту|ти|ох|ых|их))(?!\w)")
_GROUPS = re.compile(r"[^\d]")
# _FOLLOWS[new] = the classes a word of class `new` may follow inside one number ("twenty three": U
# after D); anything else ends the number, and the next word starts a new one ("one two" = 1, 2).
_FOLLOWS = {
    "U": {"D", "H", "HW", "M"},
    "T": {"H", "HW", "M"},
    "D": {"H", "HW", "M"},
    "H": {"M"},
    "HW": {"U", "T"},
    "M": {"U", "T", "D", "H", "HW", "N", "HALF", "DOZ"},
    "DOZ": {"U"},
    "HALF": {"U", "T", "D", "N"},
}


def _digits_value(s: str) -> tuple[int | Fraction | None, bool]:
    """(value, is "DD.MM") of a digit token; value None when it is not a count (date, time, version)."""
    if s.isdigit():
        return (None if len(s) > 1 and s[0] == "0" else int(s)), False
    groups = _GROUPS.split(s)
    seps = _GROUPS.findall(s)
    if (len(groups[0]) > 1 and groups[0][0] == "0") or ":" in seps or "/" in seps or "-" in seps:
        return None, False  # 05.03, 09:25, 4/10/2023, 2022-05-25
    n = len(seps)
    if n == 1 and seps[0] == "." and len(groups[0]) <= 2 and len(groups[1]) == 2:
        if groups[1] == "00":
            return None, False  # "on 18.00": a time
        if 1 <= int(groups[0]) <= 31 and 1 <= int(groups[1]) <= 12:
            return Fraction(s), True  # a date unless a multiplier follows
    if n >= 2 and seps[0] == seps[1] == "." and len(groups[0]) <= 2 and len(groups[1]) <= 2:
        return None, False  # DD.MM.YY(YY)
    # grouping: every group after the first has 3 digits ("5,518", "1.020.010", "1,020.010")
    if len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
        return int("".join(groups)), False
    if (n >= 2 and all(c == "," for c in seps) and len(groups[0]) <= 2 and len(groups[-1]) == 3
            and all(len(g) == 2 for g in groups[1:-1])):
        return int("".join(groups)), False  # Indian 1,00,000
    # decimal: the last separator is the point, the ones before it group thousands ("1.234,5")
    if (seps[-1] in ".," and seps[-1] not in seps[:-1] and (n == 1 or len(groups[0]) <= 3)
            and all(len(g) == 3 for g in groups[1:-1])):
        return Fraction("".join(groups[:-1]) + "." + groups[-1]), False
    return None, False


def _as_number(v: int | Fraction) -> int | float:
    if type(v) is int:
        return v
    return int(v) if v.denominator == 1 else float(v)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Num]:
    """Counts and amounts in text[start:end], in text order (see the module docstring for the rules)."""
    low, off = lowered(text, start, end)
    out: list[Num] = []
    search, cont, n_low = _SCAN.search, _CONT.match, len(low)
    pos = 0
    while True:
        m = search(low, pos)
        if m is None:
            return out
        j = m.start() + 1  # token start in low
        pos = e = m.end()
        tok = m.group("d")
        date_like = False
        if tok is not None:
            c = low[j - 1]
            if c in ".," or (c == "-" and low[j - 2].isalpha()):
                continue  # ",000" (garbled), ".5"; С-300, BM-21
            if e < n_low and (low[e].isalpha() or low[e] == "-") and _ORDINAL_AFTER.match(low, e):
                continue  # 57th, 24-го
            if tok.isdigit():  # fast path: most tokens
                if tok[0] == "0" and len(tok) > 1:
                    continue  # 007
                val = int(tok)
            else:
                val, date_like = _digits_value(tok)
                if val is None:
                    continue
            cls, words, total, cur = "N", False, 0, val
        else:
            val, cls, flag = _INFO[_norm(m.group("w"))]
            if cls in ("HW", "DOZ") or flag == "pl" or (
                flag == "amb" and not _QUANTITY_BEFORE.search(low, max(0, j - 12), j)
            ):
                continue  # "thousand", "тисяч", "тысячи солдат": vague or incomplete
            words = True
            total, cur = (val, 0) if cls == "M" else (0, val)
        last_mult = val if cls == "M" else 10**12
        # extend the phrase: "три тисячі", "1.25 million", "восемь с половиной тысяч", "forty-five"
        while cls != "V" and e < n_low and low[e] in _CONT_FIRST:
            c2 = cont(low, e)
            if c2 is None:
                break
            if c2.group("half") is not None:
                if cls not in _FOLLOWS["HALF"] or date_like:
                    break
                cur, cls = cur + Fraction(1, 2), "HALF"
            elif c2.group("ab") is not None:
                nv = _ABBR[c2.group("ab")]
                if cls not in _FOLLOWS["M"] or nv >= last_mult or (c2.group("ab") == "k" and c2.group("sep")):
                    break  # "k" only glued: "2.5k"
                total, cur, last_mult, cls = total + cur * nv, 0, nv, "M"
            else:
                nv, ncls, _ = _INFO[_norm(c2.group("w"))]
                sep = c2.group("sep2")
                if (ncls not in _FOLLOWS or cls not in _FOLLOWS[ncls] or (cls == "N" and ncls != "M")
                        or ("and" in sep and cls not in ("H", "HW", "M"))):
                    break
                if ncls == "M":
                    if nv >= last_mult:
                        break
                    total, cur, last_mult = total + cur * nv, 0, nv
                elif ncls == "HW":
                    if cur >= 100:
                        break
                    cur *= 100
                elif ncls == "DOZ":
                    cur *= 12
                elif ncls == "H" and cur:
                    break
                else:
                    cur += nv
                cls = ncls
            words, date_like = True, False
            e = c2.end()
        if date_like:
            continue  # "24.02" with no multiplier after it
        s, t = j + off, e + off
        kind = "mixed" if words and tok is not None else "words" if words else "digits"
        out.append(Num(s, t, _as_number(total + cur), text[s:t], kind))
        pos = e


def _norm(tok: str) -> str:
    tok = tok.replace("’", "'").replace("ʼ", "'")  # "ʼ" is a letter to str.isalpha(): always replace
    return " ".join(tok.split()) if " " in tok or "\u00a0" in tok else tok


def parse_number(s: str) -> int | float | None:
    """The value of a string that is one number ("5,518", "тисячу", "1,2 млн"), else None."""
    t = s.strip()
    nums = find_numbers(t)
    if len(nums) == 1 and nums[0].start == 0 and nums[0].end == len(t):
        return nums[0].value
    return None
