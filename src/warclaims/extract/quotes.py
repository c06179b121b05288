"""Quote spans: “…”, "…", «…», „…“, ‘…’ and '…', nested, continued across paragraphs, never failing.

A stack of open marks is kept while the text is scanned once. Whether a mark opens or closes is read
from its neighbours (an opening mark follows a space or a bracket and precedes a letter; a closing one
follows a letter or punctuation), because straight quotes and “ (English opener, German/Ukrainian
closer of „…“) are ambiguous, and ’ is far more often an apostrophe (enemy’s) than a closing mark.

British style: a quote that runs over several paragraphs repeats the opening mark at the start of each
paragraph and closes only at the end of the last one; such paragraphs are one quote. A quote that is
still open at the end of a paragraph that is not followed by another opening mark closes there with a
lower confidence: an odd number of marks never raises, it only makes the result less sure.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

# family -> (opening marks, closing marks)
FAMILIES: dict[str, tuple[str, str]] = {
    "curly": ("“", "”"),
    "low": ("„", "“”"),
    "guillemet": ("«", "»"),
    "straight": ('"', '"'),
    "single": ("‘", "’"),
    "apos": ("'", "'"),
}
# mark -> the families it can open, and those it can close (in FAMILIES order)
_OPENS = {ch: [f for f, (o, _c) in FAMILIES.items() if ch in o] for ch in "“”„«»\"‘’'"}
_CLOSES = {ch: [f for f, (_o, c) in FAMILIES.items() if ch in c] for ch in "“”„«»\"‘’'"}
_MARKS = re.compile(r"[“”„«»\"‘’']")
_MARKS_NO_RSQUO = re.compile(r"[“”„«»\"']")
# A paragraph ends at a blank line, or at a line break after end punctuation (or a closing mark).
_PARA_END = re.compile(r"\n[ \t]*\n|(?<=[.!?:”»\"’…])[ \t]*\n")
# The same matches, written to begin with a character class so that `re` skips to the next space or line break
# instead of trying the lookbehind at every character (tests/unit/test_quotes.py checks the two agree).
_PARA_END_FAST = re.compile(r"[\n \t](?:(?<=\n)[ \t]*\n|(?<=[.!?:”»\"’…]\n)|(?<=[.!?:”»\"’…][ \t])[ \t]*\n)")
_SPACE = re.compile(r"\s*")
_OPEN_BEFORE = set(" \t\n([{—–-:/,;")


@dataclass
class Quote:
    start: int  # the content, without the marks
    end: int
    open_mark: str
    close_mark: str | None  # None: closed by a paragraph end or the end of the text
    depth: int = 0  # 0 = top level
    confidence: float = 1.0
    paragraphs: int = 1  # > 1: continued across paragraphs (British style)
    inner: list[Quote] = field(default_factory=list)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


@dataclass
class _Open:
    family: str
    pos: int  # index of the mark
    depth: int
    paragraphs: int = 1
    inner: list[Quote] = field(default_factory=list)
    skip: int = -1  # the repeated opening mark of the next paragraph (consumed, not a new quote)


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int) -> str:
    """'open', 'close', 'both' (ambiguous) or 'none' (an apostrophe) for the mark at i."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if _is_letter(before) and _is_letter(after):
        return "none"  # enemy’s, it's, О'Брайен
    opens = (before in _OPEN_BEFORE or before in "“„«‘\"'") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not _is_letter(after))
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "both" if opens or closes else "none"


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotes in text order (nested ones in `inner`)."""
    # Paragraph ends matter only while a quote is open: they are searched for from the mark that opens one (a
    # paragraph end is blanks and line breaks only, so none runs across a mark) up to the mark that is reached.
    n = len(text)
    para_ends: Iterator[re.Match[str]] = iter(())
    nxt_end = None
    pending = n  # the next paragraph end not yet passed (n: none)
    out: list[Quote] = []
    stack: list[_Open] = []

    def close(o: _Open, end: int, mark: str | None, conf: float) -> None:
        q = Quote(o.pos + 1, end, text[o.pos], mark, o.depth, conf, o.paragraphs, o.inner)
        if end - q.start <= 0:
            return
        (stack[-1].inner if stack else out).append(q)


    # Without an opening single mark, ’ is only ever an apostrophe (enemy’s): not even looked at.
    marks = _MARKS if "‘" in text else _MARKS_NO_RSQUO
    for m in marks.finditer(text):
        i = m.start()
        if m.group() in "'’" and 0 < i < n - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            continue  # an apostrophe inside a word: the common case, decided before anything else
        # Paragraph ends passed since the last mark: continue or close what is open.
        while stack and pending <= i:
            end = pending
            nxt_end = next(para_ends, None) if nxt_end is not None else None
            pending = nxt_end.start() if nxt_end is not None else n
            if not stack:
                continue
            nxt = _SPACE.match(text, end).end()
            base = stack[0]
            cont = nxt < len(text) and text[nxt] in FAMILIES[base.family][0] and nxt <= i
            while len(stack) > 1:  # inner quotes never continue over a paragraph
                o = stack.pop()
                close(o, end, None, 0.5)
            if cont:
                base.paragraphs += 1
                base.skip = nxt
                continue
            stack.pop()
            # British style leaves the last paragraph of a continued quote open; elsewhere it is unsure.
            close(base, end, None, 0.8 if base.paragraphs > 1 else 0.6)
        if stack and stack[0].skip == i:
            stack[0].skip = -1
            continue
        ch = m.group()
        role = _role(text, i)
        if role == "none":
            continue
        opens = _OPENS[ch]
        closes = _CLOSES[ch]
        open_fams = [o.family for o in stack]
        # Close the innermost open quote this mark can close.
        can_close = [f for f in closes if f in open_fams]
        if can_close and role in ("close", "both"):
            target = max(can_close, key=open_fams.index)
            idx = max(k for k, o in enumerate(stack) if o.family == target)
            conf = 1.0
            while len(stack) > idx + 1:
                close(stack.pop(), i, None, 0.5)
                conf = 0.7
            close(stack.pop(), i, ch, conf)
            continue
        if role == "close" and ch in "“" and not stack:
            role = "open"  # “ after a letter with nothing open: an opener without a space (“word”)
        if opens and role in ("open", "both") and len(stack) < 4:
            if ch in "'‘" and text[i + 1:i + 3].lower() in ("s ", "s,", "s."):
                continue  # ‘s: an apostrophe of a deleted name ("the ‘s reserve forces")
            if ch == "'" and not _has_closer(text, i, "'"):
                continue  # a lone straight apostrophe ('90s, rock 'n')
            if not stack:
                para_ends = _PARA_END_FAST.finditer(text, i + 1)
                nxt_end = next(para_ends, None)
                pending = nxt_end.start() if nxt_end is not None else n
            stack.append(_Open(opens[0], i, len(stack)))
    # End of text: close the rest.
    while stack:
        o = stack.pop()
        close(o, len(text.rstrip()), None, 0.6 if o.paragraphs == 1 else 0.8)
    return out


def _has_closer(text: str, i: int, mark: str) -> bool:
    """A straight single quote opens only when a closing one follows in the same line."""
    j = text.find("\n", i)
    seg = text[i + 1: j if j >= 0 else len(text)]
    return any(_role(seg, k) in ("close", "both") for k in range(len(seg)) if seg[k] == mark)
