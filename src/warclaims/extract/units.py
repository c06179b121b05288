"""Military units named by number in en/uk/ru ("93-ї окремої механізованої бригади", "95-й отдельной
десантно-штурмовой бригады", "the 47th Mechanized Brigade"), with their names in English: the speakers and doers
of much war reporting, which the speaker table cannot list one by one.

    find_units(text)   # [(start, end, "93rd Separate Mechanized Brigade"), ...]
"""
from __future__ import annotations

import re

# (stem of the adjective in en/uk/ru, its English word) — longest stems first where one contains another
_ADJECTIVES: tuple[tuple[str, str], ...] = (
    ("десантно-штурмов", "Air Assault"), ("гірсько-штурмов", "Mountain Assault"), ("горно-штурмов", "Mountain Assault"),
    ("air assault", "Air Assault"), ("окрем", "Separate"), ("отдельн", "Separate"), ("separate", "Separate"),
    ("механізован", "Mechanized"), ("механизирован", "Mechanized"), ("mechani", "Mechanized"),
    ("штурмов", "Assault"), ("assault", "Assault"), ("аеромобільн", "Airmobile"), ("аэромобильн", "Airmobile"),
    ("airmobile", "Airmobile"), ("артилерійськ", "Artillery"), ("артиллерийск", "Artillery"),
    ("artillery", "Artillery"), ("танков", "Tank"), ("tank", "Tank"), ("мотопіхотн", "Motorized Infantry"),
    ("мотострілецьк", "Motorized Rifle"), ("мотострелков", "Motorized Rifle"), ("motori", "Motorized"),
    ("президентськ", "Presidential"), ("гвардійськ", "Guards"), ("гвардейск", "Guards"), ("guards", "Guards"),
    ("прикордонн", "Border"), ("пограничн", "Border"), ("береговой обороны", "Coastal Defense"),
    ("берегової оборони", "Coastal Defense"), ("морської піхоти", "Marine"), ("морской пехоты", "Marine"),
    ("marine", "Marine"), ("територіальної оборони", "Territorial Defense"),
    ("территориальной обороны", "Territorial Defense"), ("territorial defen", "Territorial Defense"),
    ("оперативного призначення", "Operational Purpose"), ("оперативного назначения", "Operational Purpose"),
    ("безпілотних систем", "Unmanned Systems"), ("беспилотных систем", "Unmanned Systems"),
    ("unmanned systems", "Unmanned Systems"), ("армійськ", "Army"), ("армейск", "Army"), ("army", "Army"),
    ("загальновійськов", "Combined Arms"), ("общевойсков", "Combined Arms"), ("combined arms", "Combined Arms"),
)
_NOUNS = {"army": "Army", "бригад": "Brigade", "brigade": "Brigade", "батальйон": "Battalion", "батальон": "Battalion",
          "battalion": "Battalion", "полк": "Regiment", "regiment": "Regiment", "корпус": "Corps", "corps": "Corps",
          "дивізі": "Division", "дивизи": "Division", "division": "Division", "армі": "Army", "арми": "Army"}

UNIT = re.compile(
    r"(?<![\w'-])(?P<num>\d{1,3})(?:-[а-яіїєґё]{1,3}|th|st|nd|rd)\s+"  # an ordinal: "5 батальйонів" is a count
    r"(?P<words>(?:(?!(?:бригад|батальйон|батальон|полк|корпус|дивізі|дивизи|brigade|battalion|regiment|corps"
    r"|division)\w*)[\w'’-]+\s+){0,4}?)"
    r"(?P<noun>бригад\w*|батальйон\w*|батальон\w*|полк\w*|корпус\w*|дивізі\w*|дивизи\w*|brigades?|battalions?"
    r"|regiments?|corps|divisions?|(?<=\s)(?:армі[яїюєі]|арми[яиюей]|army))(?![\w-]|['’](?!s(?!\w)))"  # ("Brigade's")
    r"(?:\s+(?P<tail>оперативного призначення|територіальної оборони|морської піхоти|берегової оборони"
    r"|безпілотних систем|оперативного назначения|территориальной обороны|морской пехоты|береговой обороны"
    r"|беспилотных систем))?",
    re.IGNORECASE)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def unit_name(words: str, noun: str, num: str) -> str:
    """The English name of a numbered unit from its words ("окремої механізованої", "бригади", "93")."""
    low = words.lower()
    found: list[tuple[int, str]] = []  # (where the adjective stands, its English word)
    for stem, en in _ADJECTIVES:
        i = low.find(stem)
        if i >= 0 and all(en != e for _i, e in found):
            found.append((i, en))
            low = low[:i] + " " * len(stem) + low[i + len(stem):]  # "десантно-штурмов" is not also "штурмов"
    head = next(v for k, v in _NOUNS.items() if noun.lower().startswith(k))
    return " ".join([ordinal(int(num)), *(en for _i, en in sorted(found)), head])


def _found(m: re.Match[str]) -> tuple[int, int, str]:
    return m.start(), m.end(), unit_name(m.group("words") + " " + (m.group("tail") or ""), m.group("noun"),
                                         m.group("num"))


def find_units(text: str) -> list[tuple[int, int, str]]:
    """(start, end, English name) of every numbered unit in the text (UNIT tried at every character)."""
    if not any(ch.isdigit() for ch in text):
        return []
    return [_found(m) for m in UNIT.finditer(text)]


# What UNIT's number (one to three digits) is followed by: "93-ї", "47th".
_UNIT_ORDINAL = re.compile(r"\d(?:-[а-яіїєґё]|th|st|nd|rd)", re.IGNORECASE)


def units_at_ordinals(text: str) -> list[tuple[int, int, str]]:
    """What find_units(text) finds, with UNIT tried only where a match can begin: one to three characters
    before an ordinal's last digit (every match's number ends in one), instead of at every character of the
    text (tests/unit/test_statements_shortcuts.py checks the two agree)."""
    out: list[tuple[int, int, str]] = []
    end = 0
    for g in _UNIT_ORDINAL.finditer(text):
        for s in range(max(end, g.start() - 2), g.start() + 1):
            m = UNIT.match(text, s)
            if m:
                out.append(_found(m))
                end = m.end()
                break
    return out
