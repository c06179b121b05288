"""A candidate figure (a number tied to a category label) and the label index the shapes look labels up in."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .categories import match_label
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
