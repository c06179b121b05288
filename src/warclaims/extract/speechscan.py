"""The word lists of the statements stage (speech_cues.py) and the speaker table's names, found in one pass
over a document's word starts with the tallies' scanner (lexscan.py): each alternative is tried only where
the next characters can begin it, instead of running every alternation at every character.

    hits = scan(low)                      # low = fold(text); or the tallies' hits (lexicon.scan) of the text
    hits.within(VERB, s.start, s.end)     # what speech_cues.VERB.finditer(low, s.start, s.end) finds
    hits.all(NAMES)                       # every speaker-table name, longest at a position
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import cues
from . import speech_cues as sc
from .lexscan import Family, Hits, Scanner, split_alternatives
from .speakers import table

NAMES, CHANNEL, CUES = "names", "channels", "cues"
ANCHOR = cues.CLAIMANT_ANCHOR  # the words every claimant name holds (attribution.claimant_matches)
_WORD_HEAD = r"(?<![\w'-])"
VERB, SOURCE, SOURCE_PRONOUN, BACKREF = sc.VERB, sc.SOURCE, sc.SOURCE_PRONOUN, sc.BACKREF


_TAG = {id(SOURCE_PRONOUN): "srcpron", id(BACKREF): "backref", id(SOURCE): "source", id(VERB): "verb"}
KIND = {"srcpron": SOURCE_PRONOUN, "backref": BACKREF, "source": SOURCE, "verb": VERB}


def _family(p: re.Pattern[str]) -> Family:
    alts = sc.ALTS.get(id(p)) or tuple(split_alternatives(p.pattern[len(sc.HEAD):-len(sc.TAIL)]))
    # one alternative per top-level "|", as the scanner indexes them
    flat = tuple(a for alt in alts for a in split_alternatives(alt))
    return Family(p, flat, head=sc.HEAD, tail=sc.TAIL)


def families(anchor: bool = True) -> list[Family]:
    """The statements' word lists as scanner families; lexicon.py adds them (without the claimant anchors,
    which it scans already) to the tallies' one pass, so that a text with figures is read once."""
    # The cue lists as one family (fewer tries per word start); a longer cue at the same start comes first,
    # so "за його словами" is a pronoun source and "про це повідомив" a back-reference, not a bare verb.
    alts, tags = [], []
    for key in (SOURCE_PRONOUN, BACKREF, SOURCE, VERB):
        for a in _family(key).alts:
            alts.append(a)
            tags.append(_TAG[id(key)])
    fams = [Family(CUES, tuple(alts), head=sc.HEAD, tail=sc.TAIL, tags=tuple(tags))]
    if anchor:
        assert ANCHOR.pattern.startswith(_WORD_HEAD)
        fams.append(Family(ANCHOR, tuple(split_alternatives(ANCHOR.pattern[len(_WORD_HEAD):])),
                           head=_WORD_HEAD + "(?:", tail=")"))
    names = table().alternatives
    fams.append(Family(NAMES, tuple(names), head=r"(?<![\w'.@/-])(?:", tail=r")(?![\w])"))
    alts, tags = [], []
    for i, (_name, rx) in enumerate(sc.CHANNELS):
        for a in sc.ALTS[id(rx)]:
            alts.append(a)
            tags.append(f"ch{i}")
    fams.append(Family(CHANNEL, tuple(alts), head=sc.HEAD, tail=sc.TAIL, tags=tuple(tags)))
    return fams


@lru_cache(maxsize=1)
def scanner() -> Scanner:
    return Scanner(families())


def scan(low: str) -> Hits:
    """The statements' word lists alone (for a text whose tallies did not scan it)."""
    return scanner().scan(low)
