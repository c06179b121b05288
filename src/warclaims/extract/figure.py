"""A candidate figure (a number tied to a category label) and the label index the shapes look labels up in."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .categories import match_label
from .fastre import by_first_char, lead
from .lexicon import LABELS, scan
from .lexscan import Hits


@dataclass(slots=True)
class Figure:
    value: int
    value_text: str
    num_span: tuple[int, int]
    category: str
    label_span: tuple[int, int]
    shape: str  # label_first / number_first / pair / linked / table
    qualifier: str | None = None
    qualifier_text: str | None = None
    delta: int | None = None
    delta_text: str | None = None
    delta_rest: str | None = None  # words inside the delta's brackets: "за минулу добу"
    mods: str = ""  # the words between number and label ("russian", "своїх") for side cues
    _tail: int = 0  # the end of a trailing delta or unit ("(+3) од.")
    start: int = 0  # the whole figure: set by finish() once the parts are known
    end: int = 0

    def finish(self) -> Figure:
        if self.shape == "table":  # the label is the column's header, rows away: the figure is its cell
            self.start, self.end = self.num_span
            return self
        self.start = min(self.num_span[0], self.label_span[0])
        self.end = max(self.num_span[1], self.label_span[1], self._tail)
        return self


class LabelIndex:
    """The category labels of one document by start (found by the lexicon scan), looked up the ways the
    shapes need: at a position, ending at a position, in a window."""

    def __init__(self, low: str, hits: Hits | None = None):
        self.low = low
        self.hits = hits if hits is not None else scan(low)

    def at(self, pos: int, end: int | None = None) -> re.Match[str] | None:
        """What match_label(low, pos, end) gives."""
        h = self.hits.at(LABELS, pos)
        if h is None:
            return None
        if end is None or h.end() <= end:
            return h
        return match_label(self.low, pos, end)  # it runs past `end`: a shorter label may end there

    def any_starting(self, lo: int, hi: int) -> bool:
        """A label starts in [lo, hi): the cheap screen before the shapes' regexes."""
        return self.hits.any_starting(LABELS, max(0, lo), hi)

    def finditer(self, lo: int, hi: int) -> list[re.Match[str]]:
        """What LABEL_RE.finditer(low, lo, hi) gives: leftmost, not overlapping."""
        out: list[re.Match[str]] = []
        last = lo
        for h in self.hits.starting_in(LABELS, lo, hi):
            if h.start() < last:
                continue
            m = h if h.end() <= hi else match_label(self.low, h.start(), hi)
            if m:
                out.append(m)
                last = m.end()
        return out


# --- qualifiers and daily changes, read the same way by every shape ---------------------------

QUALIFIERS: list[tuple[str, str]] = [
    ("about", r"about|around|approximately|approx\.?|roughly|some|an estimated|estimated|близько|приблизно"
              r"|орієнтовно|около|примерно|порядка|~|≈"),
    ("over", r"over|more than|more then|above|in excess of|понад|більше ніж|більш ніж|більше|свыше"
             r"|более чем|более|больше"),
    ("almost", r"almost|nearly|close to|майже|почти|без малого|около"),
    ("at_least", r"at least|a minimum of|щонайменше|не менше ніж|не менше|не менее|как минимум|минимум"),
    ("up_to", r"up to|до"),
    ("under", r"less than|under|fewer than|менше ніж|менше|менее"),
]
QUAL_ALT = "|".join(alt for _, alt in QUALIFIERS)
QUAL_FAST = by_first_char(QUAL_ALT.split("|"))  # the same alternation, faster to search (fastre.py)
_QUAL_BEFORE = lead(re.compile(rf"(?<![\w'-])(?P<q>{QUAL_FAST})\s*(?:the\s+|a\s+)?$"))
_QUAL_KIND = [(kind, re.compile(rf"(?:{alt})$")) for kind, alt in QUALIFIERS]


def _qual_tails() -> tuple[str, ...]:
    """How the text before a number ends (trailing spaces aside) when _QUAL_BEFORE finds a qualifier there: with
    the qualifier itself, or with the article after it ("about the")."""
    out = set()
    for alt in QUAL_ALT.split("|"):
        if alt == r"approx\.?":
            out |= {"approx", "approx."}
        else:
            assert not any(ch in alt for ch in "\\.?*+()[]{}^$"), alt  # a plain string
            out.add(alt)
    return (*sorted(out), "the", "a")


_QUAL_TAILS = _qual_tails()
# "(+35)", "(+4 за минулу добу)", and the next cell of a table row: "| 10 233 | +5 |", "5 814\t+16".
_DELTA = re.compile(r"(?:[^\S\n]*\(\s*\+\s*(?P<dv>\d[\d ,.]*\d|\d)\s*(?P<rest>[^()\n]{0,40})?\)"
                    r"|[ \u00a0]*[|\t][^\S\n]*\+[^\S\n]*(?P<cell>\d[\d ,.]*\d|\d)(?=[^\S\n]*(?:[|\t]|$))"
                    # a post's or a pasted table's bare "+8" ending the line or its item: "tanks 9 584 +8",
                    # "Танки — 9 767 — +3", "aircraft 369 +1 · helicopters 329"
                    r"|[^\S\n]+(?:[-–—][^\S\n]*)?\+[^\S\n]?(?P<bare>\d{1,3}(?:[ \u00a0\u202f,]\d{3})+|\d+)"
                    r"(?=[^\S\n]*(?:[·;|]|$)))",
                    re.MULTILINE)


_NON_DIGIT = re.compile(r"\D")


def to_int(text: str) -> int | None:
    digits = _NON_DIGIT.sub("", text)
    return int(digits) if digits else None


def qualifier(low: str, start: int) -> tuple[str | None, str | None]:
    # (most numbers have none: a look at how the text before them ends spares the search)
    if not low[max(0, start - 30):start].rstrip().endswith(_QUAL_TAILS):
        return None, None
    m = _QUAL_BEFORE.search(low, max(0, start - 30), start)
    if not m:
        return None, None
    word = m.group("q")
    for kind, rx in _QUAL_KIND:
        if rx.match(word):
            return kind, word
    return None, None


# "… 792 170 человек, за сутки — 1 370", "1 430 530 осіб: за добу — ще 1 600": the day's change after a comma.
_DAY_DELTA = re.compile(
    r"\s*[,:;]\s*(?P<rest>(?:за|over the|in the)\s+(?:минулу |останню |попередню |прошедшие |минувшие |последние |past "
    r"|last |previous )?(?:добу|сутки|day|24 hours|24 години|24 часа))\s*[-:]\s*(?:ще |еще |another )?\+?"
    r"(?P<dv>\d{1,3}(?:[ ,]\d{3})+|\d+)(?![\d.,]\d)"
)


_OF_WHICH_DAY = re.compile(
    r"\s*,\s*(?:(?P<rest>з них|із них|из них|of them|of which)\s+(?P<dv>\d{1,3}(?:[ ,]\d{3})+|\d+)"
    r"|(?P<dv2>\d{1,3}(?:[ ,]\d{3})+|\d+)\s+(?P<rest2>of them|of whom|of which))\s*[-:]?\s*"
    r"(?:за (?:минулу |останню |попередню |прошедшие |минувшие |последние )?(?:добу|сутки)"
    r"|(?:in|over|during) the (?:past|last|previous) (?:day|24 hours))"
)


# "… 146,820 soldiers killed and wounded. +970 in the last day alone."
_PLUS_DAY = re.compile(
    r"[.,;]?\s*\+\s*(?P<dv>\d{1,3}(?:[ ,]\d{3})+|\d+)\s+(?P<rest>(?:in|over|during) the (?:last|past|previous) "
    r"(?:day|24 hours)|за (?:минулу |останню |попередню )?добу|за (?:прошедшие |минувшие |последние )?сутки)"
)


def day_delta(low: str, text: str, pos: int) -> tuple[int | None, str | None, str | None, int]:
    m = _DAY_DELTA.match(low, pos) or _OF_WHICH_DAY.match(low, pos) or _PLUS_DAY.match(low, pos)
    if not m:
        return None, None, None, pos
    g = "" if m.group("dv") is not None else "2"  # "з них 1 410 — за добу" or "360 of them over the previous day"
    first = min(m.start("dv" + g), m.start("rest" + g))
    return to_int(m.group("dv" + g)), text[first:m.end()], m.group("rest" + g), m.end()


def delta_after(low: str, text: str, pos: int) -> tuple[int | None, str | None, str | None, int]:
    m = _DELTA.match(low, pos)
    if not m:
        return None, None, None, pos
    value = m.group("dv") or m.group("cell") or m.group("bare")
    return to_int(value), text[m.start():m.end()].strip(" |\t"), (m.group("rest") or "").strip(), m.end()
