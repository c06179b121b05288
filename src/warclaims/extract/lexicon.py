r"""The scanner over the word lists of the extractor (lexscan.py): cue lists, side words and category
labels, read in one pass per document (the event stage's lists in a second pass, when that stage first
reads them). (Claimants have alternatives that can start with any word, "(?:\w+ )?brigade": attribution.py
finds them from their anchor words instead.)

    hits = scan(low)
    hits.within(cues.PROJECTION, lo, hi)   # what cues.PROJECTION.finditer(low) finds inside [lo, hi)
    hits.at(LABELS, pos)                   # the category label starting at pos
"""
from __future__ import annotations

import re

from . import cues, event_cues
from .categories import _LABELS
from .fastre import Dispatch
from .lexscan import Family, Grouped, Hits, split_alternatives

LABELS = "labels"
SIDES = "sides"


def _dispatch(key: str, d: Dispatch, overlapping: bool = False) -> Family:
    alts, tags = [], []
    for name, group in d.groups:
        alts += group
        tags += [name] * len(group)
    return Family(key, tuple(alts), d.head, d.tail, tuple(tags), overlapping)


_HEAD = r"(?<![\w'-])"


def _whole(p: re.Pattern[str]) -> Family:
    """A pattern written as one regex that starts at a word start: scanned under its own key."""
    assert p.pattern.startswith(_HEAD), p.pattern[:40]
    alts = split_alternatives(p.pattern[len(_HEAD):])
    return Family(p, tuple(alts), head=_HEAD + "(?:", tail=")")


def _families() -> list[list[Family]]:
    """Two groups: the tallies' word lists with the statement stage's (which ride in the tallies' pass: see
    benchmarks/statements.py), then the event stage's, scanned when that stage first reads them."""
    fams = [Family(p, alts) for p, alts in cues.RX_ALTS.items()]
    fams += [_whole(p) for p in (cues.COUNTRY_CLAIM, cues.ACCORDING_COUNTRY, cues.CLAIMANT_ANCHOR, cues.BULLETIN)]
    fams.append(_dispatch(LABELS, _LABELS, overlapping=True))
    fams.append(Family(SIDES, (cues.RUS_WORDS, cues.UKR_WORDS, cues.ENEMY_WORDS, cues.OWN_WORDS),
                       tags=("rus", "ukr", "enemy", "own")))
    events: list[Family] = []
    for key, groups in event_cues.families():  # the event stage's lists (event_cues.py)
        alts: list[str] = []
        tags: list[str] = []
        for tag, src in groups:
            part = split_alternatives(src)
            alts += part
            tags += [tag or ""] * len(part)
        events.append(Family(key, tuple(alts), tags=tuple(tags) if any(tags) else None))
    from .speechscan import families as speech_families  # the statements stage reads the same scan

    return [fams + speech_families(anchor=False), events]


SCANNER = Grouped(_families())


def scan(low: str) -> Hits:
    return SCANNER.scan(low)
