"""The equipment gazetteer's scans of one document's windows, each window scanned once.

The event stage asks the gazetteer about windows of a document: its trigger sentences for targets
(find_equipment) and then the same sentences for means (find_means), the sentences after a strike, the text
before a missile. `DocScan(text).window(a, b)` is `Gazetteer.scan(text[a:b])`, kept for the next caller that
asks about the same window.
"""
from __future__ import annotations

from ..reference.equipment import Alias, Gazetteer

Hit = tuple[int, int, tuple[Alias, ...]]


class DocScan:
    """One document's gazetteer scans by window, memoised."""

    def __init__(self, text: str, gazetteer: Gazetteer | None = None):
        self.text = text
        self.gaz = gazetteer or Gazetteer.get()
        self._memo: dict[tuple[int, int], list[Hit]] = {}

    def window(self, a: int, b: int) -> list[Hit]:
        """`Gazetteer.scan(text[a:b])`: hits as (start, end, entries) in the window's own indices."""
        key = (a, b)
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = self.gaz.scan(self.text[a:b])
        return got
