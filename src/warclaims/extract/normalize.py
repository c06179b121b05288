"""Same-length text folding, so that every offset in the folded text is an offset in the original.

Matching runs on `fold(text)`: lower case, one kind of dash, one kind of space, one kind of
quote and apostrophe. Nothing is inserted or removed, so spans need no mapping back.
"""
from __future__ import annotations

import re

# Dashes of every width (‒ – — ― − ‐ ‑ ⁃) read as "-"; NBSP and the narrow/thin/figure spaces as " ";
# typographic quotes as '"'; the Ukrainian apostrophes (’ ʼ ‘ `) as "'"; Cyrillic ё as е.
_TABLE = str.maketrans(
    {
        **dict.fromkeys("\u2012\u2013\u2014\u2015\u2212\u2010\u2011\u2043\ufe58\ufe63\uff0d", "-"),
        # (not the tab: it separates table cells)
        **dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\u2002\u2003\u2004\u2005\u2006\u205f\u3000", " "),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e", '"'),
        **dict.fromkeys("\u2019\u2018\u02bc\u201b\u0060\u00b4\u2032", "'"),
        "ё": "е",
        "Ё": "Е",
    }
)


_SPECIAL = re.compile("[" + re.escape("".join(chr(k) for k in _TABLE)) + "]")


def fold(text: str) -> str:
    """Lower-cased, dash/space/quote-normalised copy of `text` with exactly the same length."""
    out = text.lower()
    if len(out) != len(text):  # a few code points lower-case to two ("İ"): keep those as they are
        return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_TABLE))
    # str.translate looks every character up in a dict; replacing only the few special ones is ~6x faster.
    return _SPECIAL.sub(lambda m: _TABLE[ord(m.group())], out) if _SPECIAL.search(out) else out


def lowered(text: str, start: int = 0, end: int | None = None) -> tuple[str, int]:
    """text[start:end] lower-cased behind one leading space (so a lookbehind never needs the text before
    `start`), and the offset to add to an index in it to get an index in `text`."""
    end = len(text) if end is None or end > len(text) else end
    seg = text[start:end]
    low = seg.lower()
    if len(low) != len(seg):  # only "İ" lowercases to two characters
        low = seg.replace("\u0130", "I").lower()
    return " " + low, start - 1
