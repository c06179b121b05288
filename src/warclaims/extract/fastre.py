"""A big alternation split by first character.

Python's `re` tries every alternative of an alternation at a position, one after the other. For
the label and claimant lexicons (hundreds of alternatives) most fail on their first letter, so
`match` at a known position is much faster against only the alternatives that can start with the
letter found there. The first-character sets are computed from the parsed patterns.
"""
from __future__ import annotations

import re

from .lexscan import prefixes


def first_chars(pattern: str) -> set[str] | None:
    """The characters a match of `pattern` can start with; None when that cannot be told."""
    pre = prefixes(pattern, 1)
    return None if pre is None else set(pre)


def by_first_char(alts: list[str]) -> str:
    """An alternation of `alts` grouped under their first character ("a(?:bout|round)|п(?:онад|риблизно)"):
    `re` then skips a group on one comparison where it tried every alternative. Within a group the
    alternatives keep their order, and alternatives of different groups cannot match at one position, so
    every match (and every group it sets) is the same. Each alternative must start with a plain character."""
    groups: dict[str, list[str]] = {}
    for a in alts:
        if not a or a[0] in "\\()[]{}|.^$*+?":
            raise ValueError(f"{a!r} does not start with a plain character")
        groups.setdefault(a[0], []).append(a[1:])
    return "|".join(f"{ch}(?:{'|'.join(rests)})" for ch, rests in groups.items())


def lead(pattern: re.Pattern[str], chars: str | None = None) -> re.Pattern[str]:
    """`pattern` behind a lookahead for the characters its matches can start with (`chars`, else computed): the
    same matches, but a search gives up at most positions on one test instead of a try of the whole pattern
    (a search that ends at a position, "…\\s+$", runs it at every position of its window)."""
    if pattern.flags & re.IGNORECASE:
        raise ValueError("the first characters of a case-insensitive pattern are not computed")
    if chars is None:
        found = first_chars(pattern.pattern)
        if not found:
            raise ValueError(f"{pattern.pattern[:40]!r}: no known first characters")
        chars = "".join(re.escape(c) for c in sorted(found))
    return re.compile(f"(?=[{chars}])" + pattern.pattern)


class Dispatch:
    """`match(text, pos)` against named groups of alternatives, tried only where the first letter fits: what
    `whole.match` gives (tests/unit/test_fast_patterns.py)."""

    def __init__(self, groups: list[tuple[str, list[str]]], head: str, tail: str):
        self.groups, self.head, self.tail = groups, head, tail
        self.whole = re.compile(head + "|".join(f"(?P<{n}>{'|'.join(alts)})" for n, alts in groups) + tail)
        firsts = [[first_chars(a) for a in alts] for _n, alts in groups]
        self._any = any(f is None for fs in firsts for f in fs)
        chars = set().union(*(f for fs in firsts for f in fs if f))
        self._by_char: dict[str, re.Pattern[str]] = {}
        for ch in chars:
            sub = []
            for (name, alts), fs in zip(groups, firsts, strict=True):
                keep = [a for a, f in zip(alts, fs, strict=True) if f is None or ch in f]
                if keep:
                    sub.append(f"(?P<{name}>{'|'.join(keep)})")
            self._by_char[ch] = re.compile(head + "|".join(sub) + tail)
        # Where no alternative with known first characters can start, only those that can start anywhere are
        # tried ("(?:\w+ )?brigade"; each pattern above holds them too, in their place in the order).
        wild = [(name, [a for a, f in zip(alts, fs, strict=True) if f is None])
                for (name, alts), fs in zip(groups, firsts, strict=True)]
        self._rest = re.compile(head + "|".join(f"(?P<{n}>{'|'.join(alts)})" for n, alts in wild if alts) + tail) \
            if self._any else None

    def match(self, text: str, pos: int, endpos: int | None = None) -> re.Match[str] | None:
        if pos >= len(text):
            return None
        rx = self._by_char.get(text[pos], self._rest)
        return rx.match(text, pos, len(text) if endpos is None else endpos) if rx else None
