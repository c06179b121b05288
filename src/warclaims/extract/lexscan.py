"""Every word list of the extractor found in one pass over a document's word starts.

Python's `re` runs an alternation at every position of the text it searches, trying each alternative in
turn: 20-40 ns per character for each of the ~40 word lists (cues.py, categories.py), and they are read
clause by clause, figure by figure. Here each alternative is indexed by the (up to) three characters its
matches can begin with, computed from its parsed pattern. A document is then read once: at each word
start, only the alternatives indexed under the next three characters are tried, family by family, in
their original order. The result per family is what `pattern.finditer(low)` gives (leftmost-first,
non-overlapping) or, for an `overlapping` family, the match at every word start (the label lexicon:
"artillery systems" and "systems" are both labels). tests/unit/test_lexscan.py checks the equivalence.
"""
from __future__ import annotations

import re
import re._parser as _sre_parse
from bisect import bisect_left
from dataclasses import dataclass

_K = 3  # index key length
_MAX_PREFIXES = 96

# Word starts: a letter after a character that is not a word character, apostrophe or hyphen (the
# `(?<![\w'-])` head every family shares). Families whose alternatives can start otherwise add their own.
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_WORD_START = re.compile(r"(?<![\w'-])[^\W\d_][\w'-]*")  # the same, where the lookbehind holds


def _tokens(src: str):
    """(index, char, depth before it, inside a class) for each unescaped character of a pattern."""
    depth, cls, i = 0, False, 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
            yield i, ch, depth, False
            if src.startswith("]", i + 1) or src.startswith("^]", i + 1):
                i += 2 if src[i + 1] == "]" else 3
                continue
        else:
            yield i, ch, depth, False
            depth += (ch == "(") - (ch == ")")
        i += 1


def split_alternatives(src: str) -> list[str]:
    """The top-level alternatives of `src` ("a|(?:b|c)|d" → a, (?:b|c), d); a pattern that is one group
    "(?:a|b)" is opened first."""
    if src.startswith("(?:"):
        close = next((i for i, ch, depth, _c in _tokens(src) if ch == ")" and depth == 1), -1)
        if close == len(src) - 1:
            src = src[3:-1]
    cuts = [i for i, ch, depth, _c in _tokens(src) if ch == "|" and depth == 0]
    bounds = [-1, *cuts, len(src)]
    return [src[bounds[j] + 1:bounds[j + 1]] for j in range(len(bounds) - 1)]


def prefixes(pattern: str, k: int = _K) -> set[str] | None:
    """Strings of at most `k` characters, one of which starts every match of `pattern`; None when a match
    can start with any character (or the pattern is too irregular to tell)."""
    out = _seq(list(_sre_parse.parse(pattern)), {("", True)}, k)
    if out is None:
        return None
    found = {s for s, _open in out}
    if "" in found or len(found) > _MAX_PREFIXES:
        return None
    # A prefix that extends another adds nothing: keep the shortest.
    return {s for s in found if not any(t != s and s.startswith(t) for t in found)}


def _chars(av: list) -> set[str] | None:
    out: set[str] = set()
    for o, a in av:
        name = str(o)
        if name == "LITERAL":
            out.add(chr(a))
        elif name == "RANGE" and a[1] - a[0] < 8:
            out |= {chr(x) for x in range(a[0], a[1] + 1)}
        else:
            return None
    return out


def _seq(items: list, state: set[tuple[str, bool]], k: int) -> set[tuple[str, bool]] | None:
    """Extend each open (prefix, open) through `items`; a prefix closes when the next character is unknown."""
    for op, av in items:
        if not any(o and len(s) < k for s, o in state):
            return state
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "LITERAL":
            state = _step(state, {chr(av)}, k)
        elif name == "IN":
            chars = _chars(av)
            state = _step(state, chars, k) if chars and len(chars) <= 8 else _close(state)
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            state = _seq(list(av[-1]), state, k)
        elif name == "BRANCH":
            merged: set[tuple[str, bool]] = set()
            for branch in av[1]:
                got = _seq(list(branch), set(state), k)
                if got is None:
                    return None
                merged |= got
            state = merged
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            lo, hi, sub = av
            once = _seq(list(sub), set(state), k)
            if once is None:
                return None
            if hi != 1:
                once = _close(once)  # more repetitions may follow: stop reading there
            state = once | (set(state) if lo == 0 else set())
        else:
            state = _close(state)
        if state is None or len(state) > _MAX_PREFIXES * 4:
            return None
    return state


def _step(state: set[tuple[str, bool]], chars: set[str], k: int) -> set[tuple[str, bool]]:
    out = set()
    for s, o in state:
        if o and len(s) < k:
            out |= {(s + c, len(s) + 1 < k) for c in chars}
        else:
            out.add((s, False))
    return out


def _close(state: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    return {(s, False) for s, _o in state}


@dataclass(frozen=True, slots=True)
class Family:
    """A word list: `head` + (alternatives) + `tail`; `tags` name each alternative's group (None: no group)."""
    key: object  # what callers look the family up by: the compiled whole pattern, or a name
    alts: tuple[str, ...]
    head: str = r"(?<![\w'-])(?:"
    tail: str = r")(?![\w'])"
    tags: tuple[str, ...] | None = None
    overlapping: bool = False

    def compile(self, idx: list[int] | None = None) -> re.Pattern[str]:
        idx = list(range(len(self.alts))) if idx is None else idx
        if self.tags is None:
            body = "|".join(self.alts[i] for i in idx)
        else:  # consecutive alternatives of one tag share its group, as in the whole pattern
            parts: list[tuple[str, list[str]]] = []
            for i in idx:
                if parts and parts[-1][0] == self.tags[i]:
                    parts[-1][1].append(self.alts[i])
                else:
                    parts.append((self.tags[i], [self.alts[i]]))
            body = "|".join(f"(?P<{t}>{'|'.join(a)})" for t, a in parts)
        return re.compile(self.head + body + self.tail)


class Scanner:
    """The families of the whole extractor, indexed by their alternatives' first characters."""

    def __init__(self, families: list[Family]):
        self.families = families
        # By identity: hashing a compiled pattern hashes its whole program, on every lookup.
        self.index_of = {id(fam.key): fi for fi, fam in enumerate(families)}
        self._index: dict[str, list[tuple[int, int]]] = {}  # prefix -> [(family, alternative)]
        self._wild: list[tuple[int, int]] = []
        other_starts: set[str] = set()  # first characters that are not letters
        for fi, fam in enumerate(families):
            for ai, alt in enumerate(fam.alts):
                pre = prefixes(alt)
                if pre is None:
                    self._wild.append((fi, ai))
                    continue
                for p in pre:
                    self._index.setdefault(p, []).append((fi, ai))
                    if not (p[0].isalpha()):
                        other_starts.add(p[0])
        self._by_key: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        self._whole: dict[int, re.Pattern[str]] = {}
        others = "".join(sorted(other_starts))
        self._other = re.compile("[" + re.escape(others) + "]") if others else None

    def _plan(self, key: str) -> list[tuple[int, re.Pattern[str]]]:
        """Per family, one pattern of the alternatives that can match at a start whose next chars are `key`."""
        got = set(self._wild)
        for n in range(1, len(key) + 1):
            got.update(self._index.get(key[:n], ()))
        by_fam: dict[int, list[int]] = {}
        for fi, ai in sorted(got):
            by_fam.setdefault(fi, []).append(ai)
        plan = [(fi, self.families[fi].compile(ais)) for fi, ais in sorted(by_fam.items())]
        self._by_key[key] = plan
        return plan

    def scan(self, low: str) -> Hits:
        return Hits(self.index_of, *self.lists(low))

    def lists(self, low: str, words: list[int] | None = None) -> tuple[list[list[re.Match[str]]], list[list[int]],
                                                                         list[list[int]]]:
        """Per family: its matches, their starts, their ends. `words`: the word starts of `low`, when known."""
        n = len(self.families)
        found: list[list[re.Match[str]]] = [[] for _ in range(n)]
        starts: list[list[int]] = [[] for _ in range(n)]
        ends: list[list[int]] = [[] for _ in range(n)]
        # -1: every start (overlapping matches); else the end of the family's last match
        nxt = [-1 if f.overlapping else 0 for f in self.families]
        by_key, plan_for = self._by_key, self._plan
        # "full-scale", "24th": not word starts for `(?<![\w'-])`
        positions = word_starts(low) if words is None else words
        if self._other is not None and self._other.search(low):
            extra = [p for p in (m.start() for m in self._other.finditer(low))
                     if not p or not (low[p - 1].isalnum() or low[p - 1] in "_'-")]
            positions = sorted({*positions, *extra})
        for p in positions:
            key = low[p:p + _K]
            plan = by_key.get(key)
            if plan is None:
                plan = plan_for(key)
            for fi, rx in plan:
                if p < nxt[fi]:
                    continue
                m = rx.match(low, p)
                if m:
                    e = m.end()
                    found[fi].append(m)
                    starts[fi].append(p)
                    ends[fi].append(e)
                    if nxt[fi] >= 0:
                        nxt[fi] = e
        return found, starts, ends

    def whole(self, key: object) -> re.Pattern[str]:
        """The family as one pattern (what the scan must agree with)."""
        fi = self.index_of[id(key)]
        rx = self._whole.get(fi)
        if rx is None:
            rx = self._whole[fi] = self.families[fi].compile()
        return rx


def word_starts(low: str) -> list[int]:
    return [m.start() for m in _WORD_START.finditer(low)]


class Grouped:
    """Scanners of several groups of families, read as one: a document's groups after the first are scanned
    when a caller first asks for one of their families (the tallies never read the event stage's word lists;
    that stage, when it runs, scans them then, at the word starts found once). The matches of a family
    do not depend on the other families, so what a caller gets is the same either way."""

    def __init__(self, groups: list[list[Family]]):
        self.groups = [Scanner(g) for g in groups]
        self.families = [f for g in groups for f in g]
        self.index_of: dict[int, int] = {}  # id(key) -> index in self.families
        self._where: dict[int, tuple[int, int]] = {}  # id(key) -> (group, index in its group)
        for gi, sc in enumerate(self.groups):
            for k, fi in sc.index_of.items():
                self._where[k] = gi, fi
        for fi, fam in enumerate(self.families):
            self.index_of[id(fam.key)] = fi
        self._first = {id(f.key): fi for fi, f in enumerate(groups[0])}
        self._wild = [w for sc in self.groups for w in sc._wild]

    def scan(self, low: str) -> Hits:
        words = word_starts(low)
        n = len(self.families) - len(self.groups[0].families)
        found, starts, ends = (got + [[]] * n for got in self.groups[0].lists(low, words))
        return Hits(_Lazy(self, low, words, found, starts, ends), found, starts, ends)

    def whole(self, key: object) -> re.Pattern[str]:
        gi, _fi = self._where[id(key)]
        return self.groups[gi].whole(key)


class _Lazy(dict):
    """A document's index of families (id(key) -> index), filled in a group at a time: looking up a family of a
    group not scanned yet scans that group into the Hits' lists."""

    def __init__(self, grouped: Grouped, low: str, words: list[int], found: list, starts: list, ends: list):
        super().__init__(grouped._first)
        self._grouped, self._low, self._words = grouped, low, words
        self._lists = found, starts, ends

    def __missing__(self, key: int) -> int:
        gi, _fi = self._grouped._where[key]  # (a KeyError for a key of no group, as from a plain dict)
        sc, offset = self._grouped.groups[gi], sum(len(g.families) for g in self._grouped.groups[:gi])
        for mine, got in zip(self._lists, sc.lists(self._low, self._words), strict=True):
            mine[offset:offset + len(got)] = got
        for k, fi in sc.index_of.items():
            self[k] = offset + fi
        return self[key]


class Hits:
    """One document's matches (re.Match objects), per family, in text order."""

    def __init__(self, index_of: dict[int, int], found: list[list[re.Match[str]]], starts: list[list[int]],
                 ends: list[list[int]]):
        self._index_of = index_of
        self._found, self._starts, self._ends = found, starts, ends

    def all(self, key: object) -> list[re.Match[str]]:
        return self._found[self._index_of[id(key)]]

    def within(self, key: object, lo: int, hi: int) -> list[re.Match[str]]:
        """Matches lying inside [lo, hi)."""
        fi = self._index_of[id(key)]
        st, en = self._starts[fi], self._ends[fi]
        i, n = bisect_left(st, lo), len(st)
        out = []
        while i < n and st[i] < hi:
            if en[i] <= hi:
                out.append(self._found[fi][i])
            i += 1
        return out

    def starting_in(self, key: object, lo: int, hi: int) -> list[re.Match[str]]:
        """Matches starting in [lo, hi), wherever they end."""
        fi = self._index_of[id(key)]
        st = self._starts[fi]
        return self._found[fi][bisect_left(st, lo):bisect_left(st, hi)]

    def max_end(self, key: object, lo: int, hi: int) -> int:
        """The furthest end of the matches starting in [lo, hi); -1 when none does."""
        fi = self._index_of[id(key)]
        st = self._starts[fi]
        return max(self._ends[fi][bisect_left(st, lo):bisect_left(st, hi)], default=-1)

    def any_starting(self, key: object, lo: int, hi: int) -> bool:
        st = self._starts[self._index_of[id(key)]]
        i = bisect_left(st, lo)
        return i < len(st) and st[i] < hi

    def first(self, key: object, lo: int, hi: int) -> re.Match[str] | None:
        """The first match lying inside [lo, hi)."""
        fi = self._index_of[id(key)]
        st, en = self._starts[fi], self._ends[fi]
        i, n = bisect_left(st, lo), len(st)
        while i < n and st[i] < hi:
            if en[i] <= hi:
                return self._found[fi][i]
            i += 1
        return None

    def at(self, key: object, pos: int) -> re.Match[str] | None:
        """The match starting exactly at `pos`."""
        fi = self._index_of[id(key)]
        st = self._starts[fi]
        i = bisect_left(st, pos)
        return self._found[fi][i] if i < len(st) and st[i] == pos else None
