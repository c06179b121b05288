"""Split a document into paragraphs, sentences and list items, keeping offsets.

Context for attribution and scope is read at three levels: the sentence (or list item),
the list's introducing sentence, and the paragraph. Headlines and section headings are
marked because they summarise (and repeat) figures of the body.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

# A list item: a bullet, a numbered item, or a bulletin line "label ‒ [about] N".
_BULLET = re.compile(r"\s*(?:[•·▪►✓✅*]|[-‒–—]\s|\d{1,2}[.)]\s)")
_LABEL_LINE = re.compile(
    r"\s*[^\d\n]{2,90}?\s*(?:[-:‒–—―−|\t]|\.{2,}|…+)\s*(?:about|approximately|близько|около|приблизно|approx\.?|~)?\s*\d"
)
_NUMBER_LINE = re.compile(r"\s*\d[\d ,./]*\s*(?:\(\s*\+\s*\d[\d ,.]*\s*\))?\s+[^\W\d]")
_END_PUNCT = ".!?…:;»\")”"
# Sentence end: terminal punctuation (plus closing quotes) then space then a likely sentence start.
# (Written to start with one character class, which `re` scans for in C: the first character is the first
# full stop or the first space, and the lookbehind tells which; the same matches as
# r"[.!?…]+[\"')\]»”]*\s+(?=[\"'«“(\[]?[^\W\d_a-zа-яіїєґ])|(?<=[\"»”])\s+(?=[A-ZА-ЯІЇЄҐ])".)
_SENT_END = re.compile(r"[.!?…\s](?:(?<=[.!?…])[.!?…]*[\"')\]»”]*\s+(?=[\"'«“(\[]?[^\W\d_a-zа-яіїєґ])"
                       r"|(?<=[\"»”]\s)\s*(?=[A-ZА-ЯІЇЄҐ]))")
# Abbreviations after which a full stop does not end a sentence.
_ABBREV = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|gen|maj|col|lt|sgt|capt|st|no|vs|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|u\.s|u\.k|e\.g|i\.e|inc|ltd|corp|approx|est|ст|тис|тыс|млн|млрд|од|ед|шт|р|рр|г|гг|м|ім|им|див|см"
    r"|т\.\s?ч|т\.\s?д|пл|вул|ул|просп|обл|ген|полк|див|ін|др|проф|акад)|\b[A-ZА-ЯІЇЄҐ])\.$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    para: int  # index of the paragraph
    kind: str = "text"  # text / item / headline / heading


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    kind: str  # text / item / headline / heading
    sentences: list[int] = field(default_factory=list)
    intro: int | None = None  # for list items: the sentence index that introduces the list


@dataclass
class Segmentation:
    text: str
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence containing (or nearest before) `pos`."""
        return max(0, bisect_right(self._starts, pos) - 1)

    def paragraph_of(self, sent: int) -> Paragraph:
        return self.paragraphs[self.sentences[sent].para]



def _is_item(line: str) -> bool:
    """A bullet, or a short bulletin line ("танків ‒ 1637 (+35) од,"); a long prose line with a colon is not."""
    if _BULLET.match(line):
        return True
    if len(line) > 120:
        return False
    # "2671 (+12) артилерійських систем" is a list line; "13 people were injured and 56 …" a sentence
    return bool(_LABEL_LINE.match(line) or (_NUMBER_LINE.match(line) and len(line.split()) <= 8))


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        # (_ABBREV ends with the full stop at m.start(): a sentence ending in "?", "!", "…" or a quote has none)
        if text[m.start()] == "." and _ABBREV.search(text, max(pos, m.start() - 8), m.start() + 1):
            continue
        out.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def segment(text: str) -> Segmentation:
    """Paragraphs are blank-line or line separated (wrapped lines are joined)."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1

    # Group lines into paragraphs: a line continues the previous one when that one was
    # wrapped (no end punctuation) and this one starts in lower case.
    blocks: list[list[int]] = []  # [start, end, kind_code]
    first_text_seen = False
    for ls, le in lines:
        raw = text[ls:le]
        stripped = raw.strip()
        if not stripped:
            blocks.append([ls, ls, -1])
            continue
        s = ls + (len(raw) - len(raw.lstrip()))
        e = ls + len(raw.rstrip())
        # the previous line's block, when it is a text block (a blank line breaks the paragraph)
        prev = blocks[-1] if blocks and blocks[-1][2] != -1 else None
        item = None  # _is_item(raw), read at most once
        if prev is not None and text[prev[1] - 1] not in _END_PUNCT:
            item = _is_item(raw)
            if not item and (stripped[0].islower() or stripped[0] in "(«\"“" or len(stripped.split()) <= 2):
                prev[1] = e
                continue
        kind = 1 if (_is_item(raw) if item is None else item) else 0
        if not first_text_seen:
            kind = 2  # headline candidate: decided below
            first_text_seen = True
        blocks.append([s, e, kind])

    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    last_intro: int | None = None
    prev_kind = ""
    for s, e, code in blocks:
        if code == -1:
            continue
        body = text[s:e]
        # (the words are counted only where a test needs them: most paragraphs end with a full stop)
        if code == 2 or (len(paragraphs) < 4 and code == 0 and body[-1] not in _END_PUNCT
                         and len(body.split()) <= 30):
            # The title, and title-like lines near the top ("Record day: Russia lost 55 tanks …").
            kind = "headline" if body[-1] not in ".!?" and len(body.split()) <= 30 else "text"
            if kind == "text" and _is_item(body):
                kind = "item"
        elif code == 1:
            kind = "item"
        elif body[-1] not in _END_PUNCT and len(body.split()) <= 12 and not any(ch.isdigit() for ch in body):
            kind = "heading"
        else:
            kind = "text"
        para = Paragraph(s, e, kind)
        pidx = len(paragraphs)
        # A list item may hold several sentences ("- Ukraine's military said …. It also said …").
        spans = [(s, e)] if kind in ("headline", "heading") else _split_sentences(text, s, e)
        for ss, se in spans:
            para.sentences.append(len(sentences))
            sentences.append(Sentence(ss, se, pidx, kind if kind != "text" else "text"))
        if kind == "item":
            # The list's intro: the last sentence of the nearest text paragraph before the list.
            if prev_kind != "item":
                last_intro = paragraphs[-1].sentences[-1] if paragraphs else None
            para.intro = last_intro
        paragraphs.append(para)
        prev_kind = kind
    return Segmentation(text, paragraphs, sentences)
