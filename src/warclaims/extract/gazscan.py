"""The equipment gazetteer's matches in windows of one document, normalised once.

The event stage asks the gazetteer about windows of a document — its trigger sentences (for targets, then
again for means), the 600 characters before a missile (its model named earlier), the sentences after a
strike — and `Gazetteer.scan(text[a:b])` normalises each window anew (some forty passes of str.replace and
`in`, whatever the window's length). `DocScan(text).window(a, b)` gives exactly what that call gives: the
document is normalised once and each window's slice of it handed to the scan, and a window asked twice (the
targets' and the means' pass over the same sentences) is scanned once.

`normalise` works character by character — lower-casing, separators to spaces, dashes to hyphens — so the slice
of the document's normalisation is the window's own, except for two characters whose lower case depends on
their neighbours or has two characters ("Σ" → "σ"/"ς", "İ" → "i̇"): a text with either is normalised window by
window, as before. tests/unit/test_gazscan.py checks the equivalence.
"""
from __future__ import annotations

from ..reference.equipment import Alias, Gazetteer, normalise

Hit = tuple[int, int, tuple[Alias, ...]]

_CONTEXTUAL = ("\u03a3", "\u0130")  # capital sigma (final or not), capital I with a dot (lower case: 2 chars)


class DocScan:
    """One document's gazetteer scans by window, memoised."""

    def __init__(self, text: str, gazetteer: Gazetteer | None = None):
        self.text = text
        self.gaz = gazetteer or Gazetteer.get()
        self._memo: dict[tuple[int, int], list[Hit]] = {}
        self._norm: str | None = None
        self._normalised = False

    def window(self, a: int, b: int) -> list[Hit]:
        """`Gazetteer.scan(text[a:b])`: hits as (start, end, entries) in the window's own indices."""
        key = (a, b)
        got = self._memo.get(key)
        if got is None:
            if not self._normalised:
                self._normalised = True
                if not any(ch in self.text for ch in _CONTEXTUAL):
                    self._norm = normalise(self.text)
            window = self.text[a:b]
            norm = self._norm
            got = self._memo[key] = self.gaz.scan(window, None if norm is None else norm[a:b])
        return got
