"""Who passed a claim on: the outlet that published the text, and the intermediaries it names.

The relay chain runs from the claimant outward: "(General Staff) → as quoted from Newsweek →
ruetir.com". The outlet comes from the page metadata or from the text's own credit line
("source: express.co.uk", "Read More @ kyivindependent.com", "/ТАСС/", "(UrduPoint News / Sputnik …)").
"""
from __future__ import annotations

import re

from ..models import Party

# Credit lines at the very end or start of a text.
_CREDIT = re.compile(
    r"^[ \t]*(?:source|джерело|источник|read more @|read more at|originally published (?:by|at|in))\s*:?[ \t]*"
    r"(?P<who>[^\n]{2,60}?)[ \t.]*$",
    re.IGNORECASE | re.MULTILINE,
)
_DATELINE_BODY = (
    r"[^\n]{0,80}?(?:/(?P<tass>ТАСС|TASS|РИА Новости|Интерфакс|Укрінформ|УНІАН)/"
    r"|\((?P<a>[A-Z][\w ]{1,30}?)\s*/\s*(?P<b>[A-Z][\w ]{1,30}?)\s*-\s*[^)]*\)"
    r"|\((?P<wire>Reuters|AP|AFP|Bloomberg|UNIAN|Ukrinform|Interfax-Ukraine|dpa|EFE|ANSA|Xinhua)\)\s*[-–—])"
)
_DATELINE = re.compile(r"(?:^|\n)" + _DATELINE_BODY)
# The same after a line break: starting with a literal, `re` finds the line breaks in C (see _dateline).
_DATELINE_NL = re.compile(r"\n" + _DATELINE_BODY)


def _dateline(text: str, end: int) -> re.Match[str] | None:
    """_DATELINE.search(text, 0, end): a match at the start, else the first after a line break."""
    return _DATELINE.match(text, 0, end) or _DATELINE_NL.search(text, 0, end)
# Intermediaries named inside a sentence: "as quoted from Newsweek", "передає Укрінформ".
_NAME = r"(?P<who>[A-ZА-ЯІЇЄҐ][\w.'&-]*(?:[ -](?:[A-ZА-ЯІЇЄҐ][\w.'&-]*|of|the|de|і|и)){0,4})"
_VIA = re.compile(
    r"(?:as )?quoted (?:from|by) " + _NAME + r"|citing " + _NAME.replace("who", "who2")
    + r"|(?:передає|передает|пише|пишет|повідомляє|сообщает) " + _NAME.replace("who", "who3")
    + r"|(?:со ссылкой на|з посиланням на|посилаючись на|ссылаясь на) " + _NAME.replace("who", "who4")
    + r"|reports? (?:the )?agency " + _NAME.replace("who", "who5")
)


def outlet(text: str) -> Party | None:
    """The publisher named by the text itself, if any."""
    tail_start = max(0, len(text) - 400)
    tail = list(_CREDIT.finditer(text, tail_start))
    m = tail[-1] if tail else None
    if m is None:
        m = _CREDIT.search(text, 0, min(len(text), 300))
    if m:
        who = m.group("who").strip()
        return Party(name=who, role="media", mention=m.group(0).strip(), span=(m.start("who"), m.end("who")),
                     basis="credit line")
    d = _dateline(text, min(len(text), 1500))
    if d:
        key = next(k for k in ("tass", "a", "wire") if d.group(k))
        return Party(name=d.group(key), role="media", mention=d.group(0).strip(), span=d.span(key),
                     basis="dateline")
    return None


def intermediaries(text: str, start: int, end: int) -> list[Party]:
    """Relays named inside [start, end) of the text, in order."""
    out: list[Party] = []
    for m in _VIA.finditer(text, start, end):
        key = next(k for k in ("who", "who2", "who3", "who4", "who5") if m.group(k))
        who = m.group(key).rstrip(".,")
        out.append(Party(name=who, role="media", mention=m.group(0), span=(m.start(key), m.start(key) + len(who)),
                         basis="sentence"))
    return out
