"""Pieces the statements stage shares between its passes: the candidate record, the bounds of a subject,
the trimming of content, and the base of the finder (text, sentences, quotes, candidates so far)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ..models import Speaker
from .segment import Paragraph, Segmentation, Sentence


@dataclass(slots=True)
class Cand:
    kind: str
    start: int  # content
    end: int
    cue: str | None
    cue_span: tuple[int, int] | None
    subject: tuple[int, int] | None = None  # the words naming the speaker
    pronoun: str | None = None  # m / f / org: a source-cue pronoun ("за його словами")
    inherit: bool = False  # a participle ("…, adding that"): the previous speaker
    confidence: float = 1.0
    frame: tuple[int, int] | None = None  # where channel and time are read
    speaker: Speaker | None = None
    source: str = ""  # which rule found it
    extra: dict = field(default_factory=dict)

    @property
    def pos(self) -> int:
        return min(self.start, self.cue_span[0] if self.cue_span else self.start,
                   self.subject[0] if self.subject else self.start)


_WS = " \t\n"
_SUBJ_MAX = 90  # characters a subject may take before its cue
_CLAUSE_BOUND = re.compile(r"[,;:]|\s[-–—]\s|(?<![\w'’-])(?:while|whereas|and(?=\s+[a-zа-яіїєґ])|but|which|who|that"
                           r"|що|что|який|которы\w*"
                           r"|яка|яке|які|а також|а также)(?![\w'’-])")
_RELATIVE = re.compile(r"(?i)(?:,\s*|\s)(?:which|who|що|який|яка|яке|які|которы\w*|который|которая)\s*$")
# A cue word used as a noun or passive: "the estimates of", "reports of", "announced by Putin", "it should be noted".
# "These are Russian claims and …": a noun cue after a copula and an adjective
_APPOSITION = re.compile(r",\s*[A-ZА-ЯІЇЄҐ][\w'’.-]*(?:\s+[\w'’.-]+){0,5}\s*$|,\s*citing\b")
# Adverbials that may follow a cue at the end of a fronted report: "…, the General Staff reported on April 25."
_END_TRIM = " \t\n.,;:!?\"“”«»„'‘’-–—"


def _sid(text: str, a: int, b: int) -> str:
    return "s-" + hashlib.sha1(f"{a}:{b}:{text[a:b]}".encode()).hexdigest()[:10]


_LEAD_TRIM = _WS + ",:;-–—"


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _LEAD_TRIM:
        a += 1
    while b > a and text[b - 1] in _END_TRIM:
        b -= 1
    return a, b


_CLOSING = "\"”»'’"


def _rejoin(seg: Segmentation) -> Segmentation:
    """Sentences split only after a closing mark ("“around 1,300” Ukrainian troops", "«Таврія» Олександр")
    are one sentence: a quote without end punctuation inside does not end the sentence."""
    text = seg.text
    # A sentence's last character that is not a space; the sentence is sliced only when it ends in a space.
    if not any(text[s.end - 1:s.end] in _CLOSING or ((s.start >= s.end or text[s.end - 1].isspace())
                                                     and text[s.start:s.end].rstrip()[-1:] in _CLOSING)
               for s in seg.sentences):
        return seg
    sentences: list[Sentence] = []
    paragraphs = [Paragraph(p.start, p.end, p.kind, [], p.intro) for p in seg.paragraphs]
    for s in seg.sentences:
        prev = sentences[-1] if sentences else None
        if prev and prev.para == s.para:
            tail = text[prev.start:prev.end].rstrip()
            if tail[-1:] in _CLOSING and tail[-2:-1] not in ".!?…":
                prev.end = s.end
                continue
        paragraphs[s.para].sentences.append(len(sentences))
        sentences.append(Sentence(s.start, s.end, s.para, s.kind))
    return Segmentation(text, paragraphs, sentences)


def _verbatim(text: str, a: int, b: int) -> tuple[int, int]:
    """A quote's words as written (end punctuation and inner marks kept), without surrounding space."""
    while a < b and text[a] in _WS:
        a += 1
    while b > a and text[b - 1] in _WS:
        b -= 1
    return a, b


def _nested(inner: Cand, outer: Cand) -> bool:
    """inner's cue lies in outer's content: a report inside a report."""
    return inner.cue_span is not None and outer.start <= inner.cue_span[0] < outer.end


def _words(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


def _at_most(text: str, a: int, b: int, n: int) -> bool:
    """_words(text, a, b) <= n, without splitting a long span into all its words."""
    return len(text[a:b].split(None, n)) <= n



class FinderBase:
    """What every pass reads: the text, its folded copy, sentences, quotes, speakers and the candidates so far."""

    text: str
    low: str
    seg: Segmentation
    quotes: list
    res: object
    cands: list[Cand]
    used_cues: set[int]
    titles: set[tuple[int, int]]
    quoted: list[tuple[int, int]]

    # ---- helpers -------------------------------------------------------------------------------
    def in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        s = self.seg.sentences[self.seg.sentence_at(pos)] if self.seg.sentences else None
        return (s.start, s.end) if s else (0, len(self.text))

    def line_bounds(self, pos: int) -> tuple[int, int]:
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", pos)
        return a, b if b >= 0 else len(self.text)

    def add(self, c: Cand) -> None:
        if c.end - c.start < 2:
            return
        self.cands.append(c)

    def _clause_start(self, lo: int, cue: int) -> int:
        # The last boundary; one right before the cue ("…, which commented") leaves a relative pronoun as subject.
        # A comma, semicolon or colon is a boundary on its own and inside no other, so the scan from the start
        # meets the last one and goes on from there exactly as a scan begun right after it: begin there.
        text = self.text
        last = max(text.rfind(",", lo, cue), text.rfind(";", lo, cue), text.rfind(":", lo, cue)) + 1 or lo
        for m in _CLAUSE_BOUND.finditer(text, last, cue):
            last = m.end()
        return last

    def _subject(self, ss: int, ca: int) -> tuple[int, int] | None:
        """The words before a cue that name its speaker: back to the clause start; through a relative pronoun
        ("the SBU, which commented") to the clause before; an empty one after a participle clause
        ("Zelensky, stating he would …, said") is the sentence's first phrase."""
        text = self.text
        sub_a = self._clause_start(max(ss, ca - _SUBJ_MAX), ca)
        rel = _RELATIVE.search(text, max(ss, ca - 12), ca)
        if rel:
            sub_a = self._clause_start(max(ss, rel.start() - _SUBJ_MAX), rel.start())
            a, b = _strip(text, sub_a, rel.start())
            return (a, b) if b > a else None
        a, b = _strip(text, sub_a, ca)
        if b > a:
            return a, b
        first = _CLAUSE_BOUND.search(text, ss, ca)
        if first and first.start() > ss:
            a, b = _strip(text, ss, first.start())
            if b > a and self.res.in_span(a, b):
                return a, b
        # "The Russian-installed governor of Sevastopol, Mikhail Razvozhayev, wrote": an apposition
        a, b = _strip(text, ss, ca)
        if b > a and _words(text, a, b) <= 14 and text[b - 1:b] != "," and _APPOSITION.search(text, a, b):
            return a, b
        return None

