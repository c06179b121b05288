"""Attributed statements: who said what, how (direct, indirect, mixed), where and when.

The stage reads candidates in four passes, then resolves every speaker in text order (so that "He said"
finds the man named last and "it adds" the organisation that spoke last):

1. quotes (quotes.py) attributed by a cue next to them: `X commented: “…”`, `“…,” he said`, `“…” - Name`,
   `«…», — заявив він`, `From X:` above a quote;
2. cue verbs and source phrases in each sentence (speech_cues.py): `X said (that) …`, `…, X claimed`,
   `According to X, …`, `за його словами, …`, and no quote marks at all;
3. back-references (`Об этом сообщили в …`, `Про це повідомив …`): the content is what was just said;
4. layouts: a title attributed by a dash or a colon (`… – Генеральний штаб ЗС України`, `Генштаб ЗСУ: …`,
   `… - address by President …`) and an embedded post signed `— Name (@handle) Date`.

Scare quotes (‘scrap metal’, “liquidated”) have no cue and are no statement; a quote inside reported
content stays in it verbatim (mixed speech). Passes 1 and 4 live in statement_layouts.py, 2 and 3 in
statement_cues.py, what they share in statement_parts.py; speakers.py resolves the subjects.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..models import EventClaim, LossTally, Party, Speaker, Statement, TimeRef
from . import speech_cues as sc
from . import speechscan
from .dates import find_dates, published_date, relative_day, resolve
from .lexscan import Hits
from .normalize import fold
from .person_names import GENITIVE_CUE, nominative
from .quotes import find_quotes
from .segment import Segmentation, segment
from .speakers import Resolver
from .statement_cues import CueReading
from .statement_layouts import QuoteReading
from .statement_parts import (
    Cand,
    _nested,
    _rejoin,
    _sid,
)

_RELATIVE_HINT = re.compile(r"yesterday|night|today|tonight|morning|evening|tomorrow|past day|previous day|24 hours"
                            r"|вчор|учор|вчера|сьогодні|сегодня|ноч|доб|сутки|накануне|напередодні|завтра")
_RELATIVE_WORDS = re.compile(r"(?<![\w'’-])(?:yesterday|last night|overnight|today|this morning|tonight|вчора|учора"
                             r"|вчера|минулої ночі|прошлой ночью|минувшей ночью|сьогодні|сегодня)(?![\w'’-])")
_DATE_HINT = re.compile(r"\d|day|понед|вівтор|середу|четвер|п'ятниц|субот|неділ|вторник|среду|пятниц|воскрес")
# Either hint, in one scan (neither has lookarounds, so a window holds a match of this iff it holds one of
# them): a window with neither (most) is done after one search instead of two.
_ANY_HINT = re.compile(_RELATIVE_HINT.pattern + "|" + _DATE_HINT.pattern)
_SCOPE_BEFORE = re.compile(r"(?<![\w'’-])(?:since|from|between|з|із|від|с|со|начиная)(?![\w'’-])[^.;]*$")

class StatementFinder(QuoteReading, CueReading):
    def __init__(self, text: str, language: str | None, published: str | None, seg: Segmentation | None = None,
                 hits: Hits | None = None, low: str | None = None):
        self.text = text
        self.low = low if low is not None and len(low) == len(text) else fold(text)
        self.language = language
        self.published = published_date(published)
        self.hits = hits if hits is not None else speechscan.scan(self.low)
        # A text without a cue word or a speaker's name holds no statement (most texts of a feed): stop here.
        self.empty = not self.hits.all(speechscan.CUES) and not self.hits.all(speechscan.NAMES) and "(@" not in text
        self.seg: Segmentation = _rejoin(seg if seg is not None and seg.text is text else
                                         segment("" if self.empty else text))
        self.quotes = [] if self.empty else find_quotes(text)
        self.res = Resolver(text, self.low, self.hits.all(speechscan.NAMES), self.hits.all(speechscan.ANCHOR))
        self.cands: list[Cand] = []
        self.used_cues: set[int] = set()
        self.titles: set[tuple[int, int]] = set()  # paragraphs read as an attributed title
        self.quoted: list[tuple[int, int]] = [(q.start, q.end) for q in self.quotes]
        self.channels = bool(self.hits.all(speechscan.CHANNEL))  # most texts name no channel at all
        self.asked: list[tuple[int, int]] = []  # a transcript's questions (statement_layouts._transcript)

    # ---- speakers, channel, time -----------------------------------------------------------------
    def resolve_all(self) -> list[Cand]:
        cands = self._dedupe(sorted(self.cands, key=lambda c: (c.start, -(c.end - c.start))))
        if self.asked:
            cands = [c for c in cands if not any(a <= c.start < b for a, b in self.asked)]
        cands.sort(key=lambda c: c.pos)
        last: Speaker | None = None
        for c in cands:
            sp = None
            if c.pronoun:
                sp = self.res.pronoun(c.pronoun, self.text[c.cue_span[0]:c.cue_span[1]] if c.cue_span else "",
                                      c.cue_span or (c.start, c.start), c.pos)
            elif c.subject:
                # what the subject refers back to stands before the subject, wherever the content is
                sp = self.res.resolve(c.subject[0], c.subject[1], max(c.pos, c.subject[0]) if c.source == "backref"
                                      else c.pos)
                if sp is not None and sp.resolution == "explicit" and sp.type == "person" and sp.name and \
                        c.cue and GENITIVE_CUE.match(c.cue):  # "за словами Владислава Волошина"
                    sp.name = nominative(sp.name)
            if sp is None and last is not None and c.source != "passive":
                sp = Speaker(mention=None, name=last.name, type=last.type, role=last.role, side=last.side,
                             resolution="default", antecedent_span=last.span)
            c.speaker = sp
            if sp is not None and sp.name:
                self.res.remember(sp, c.pos)
                last = sp
        return cands

    def _dedupe(self, cands: list[Cand]) -> list[Cand]:
        out: list[Cand] = []
        seen: set[str] = set()
        for c in cands:
            if c.source.startswith("title"):
                key = " ".join(self.text[c.start:c.end].split())
                if key in seen:
                    continue  # a title repeated (breadcrumb and headline): once
                seen.add(key)
            dup = None
            for o in out:
                if o.end <= c.start:
                    continue
                ov = min(c.end, o.end) - max(c.start, o.start)
                if _nested(c, o) or _nested(o, c):
                    continue  # "Analysts write that Putin has estimated that …": two statements
                if ov > 0.85 * (c.end - c.start) and ov > 0.85 * (o.end - o.start):
                    dup = o
                    break
            if dup is None:
                out.append(c)
            elif c.kind == "direct" and dup.kind != "direct":
                out[out.index(dup)] = c
        return out

    def channel_time(self, c: Cand, prev: Statement | None) -> tuple[str | None, TimeRef | None]:
        a, b = c.frame or (c.start, c.end)
        # Read around the content, not inside it (a quote's own "today" is not when it was said).
        parts = [(a, c.start), (c.end, b)] if a < c.start or c.end < b else [(a, b)]
        found = [int(m.lastgroup[2:]) for x, y in parts if y > x for m in self.hits.within(speechscan.CHANNEL, x, y)
                 if m.lastgroup] if self.channels else []
        channel = sc.CHANNELS[min(found)][0] if found else None
        when = None
        for x, y in parts:
            if y <= x:
                continue
            when = self._time(x, y)
            if when:
                break
        if prev is not None and c.speaker and prev.speaker and c.speaker.name == prev.speaker.name \
                and c.speaker.resolution in ("coref", "default") and prev.span[1] <= c.start:
            channel = channel or prev.channel
            when = when or prev.time
        return channel, when

    def _time(self, a: int, b: int) -> TimeRef | None:
        if not _ANY_HINT.search(self.low, a, b):
            return None
        if _RELATIVE_HINT.search(self.low, a, b):
            m = _RELATIVE_WORDS.search(self.low, a, b)
            span = m.span() if m else None
            mention = self.text[span[0]:span[1]] if span else None
            day = relative_day(self.text[a:b], self.published) if self.published else None
            if day is not None:
                return TimeRef(mention=mention, start=day.isoformat(), end=day.isoformat(), precision="day", span=span)
            if mention and not self.published:  # "last night" with no publication date: the words, no date
                return TimeRef(mention=mention, span=span)
        if not _DATE_HINT.search(self.low, a, b):
            return None
        for d in find_dates(self.text, a, b):
            if _SCOPE_BEFORE.search(self.low, max(0, d.start - 45), d.start):
                continue  # "since the start of the war on February 24": what is counted, not when it was said
            found, _basis = resolve(d, self.published)
            if found is not None and d.precision in ("day", "weekday"):
                return TimeRef(mention=d.text, start=found.isoformat(), end=found.isoformat(), precision="day",
                               span=(d.start, d.end))
        return None


def extract_statements(text: str, language: str | None = None, published: str | None = None,
                       tallies: list[LossTally] | None = None, seg: Segmentation | None = None,
                       hits: Hits | None = None, low: str | None = None,
                       events: list[EventClaim] | None = None) -> list[Statement]:
    """Statements of a text, in text order; the tallies and events inside a statement's content are linked to
    it (link_claims). `seg`,
    `hits`, `low`: the tallies' segmentation, one-pass scan (lexicon.scan) and folded copy of the same text,
    when they were built (they are not built twice)."""
    f = StatementFinder(text, language, published, seg, hits, low)
    if f.empty:
        return []
    f.layout_pass()
    f.quote_pass()
    f.cue_pass()
    out: list[Statement] = []
    prev: Statement | None = None
    for c in sorted(f.resolve_all(), key=lambda c: c.start):
        channel, when = f.channel_time(c, prev)
        # Content that also occurs earlier (a headline repeating the body) keeps its end punctuation, so that
        # the words alone find this occurrence.
        while text.find(text[c.start:c.end]) != c.start and c.end < len(text) and text[c.end] in ".!?…":
            c.end += 1
        st = Statement(id=_sid(text, c.start, c.end), kind=c.kind, content=text[c.start:c.end], span=(c.start, c.end),
                       cue=c.cue, cue_span=c.cue_span, speaker=c.speaker, channel=channel, time=when,
                       confidence=c.confidence, language=language)
        out.append(st)
        prev = st
    if tallies or events:
        link_claims(out, [*(tallies or ()), *(events or ())])
    return out


# A claimant found this far from its claim yields to the speaker of the quote that holds the claim.
_WEAK_BASIS = {"earlier text", "headline", "next sentence", "signature", "paragraph", "document"}


def link_claims(statements: list[Statement], records: Sequence[LossTally | EventClaim]) -> None:
    """A statement lists the records (tallies, events) whose span lies in its content; an event also points back
    at the statement that carries it (`statement_id`). The statement's speaker (one named in the text or resolved
    to one: never a default) becomes the claimant of a record that has none, or whose claimant was found only far
    away ("earlier text"): the SBU's quote carries the TOR."""
    # The records by where they start, so that each statement looks only at those starting inside it (then in
    # their given order, as before).
    order = sorted(range(len(records)), key=lambda k: records[k].span[0])
    starts = [records[k].span[0] for k in order]
    for st in statements:
        a, b = st.span
        sp = st.speaker
        named = sp is not None and bool(sp.name) and sp.resolution != "default"
        lo = bisect_left(starts, a)
        hi = bisect_right(starts, b, lo)
        if lo == hi:
            continue
        for k in sorted(k for k in order[lo:hi] if records[k].span[1] <= b):
            rec = records[k]
            st.claims.append(rec.id)
            if isinstance(rec, EventClaim) and rec.statement_id is None:
                rec.statement_id = st.id
            if named and (rec.claimant is None or rec.claimant.basis in _WEAK_BASIS):
                rec.claimant = Party(name=sp.name, side=sp.side, role=sp.role, mention=sp.mention, span=sp.span,
                                     basis="statement")
