"""Who claims a figure, and whose loss it is.

Claimant: the attribution in the figure's own sentence ("according to the General Staff",
"Konashenkov said"), else its list's introduction, else a sentence right after that points back
("Об этом сообщили в …"), else the nearest attribution before it, else the headline's ("… —
Генштаб"), else the document's form (a signed or formatted General Staff bulletin).

Losing side, strongest evidence first: words inside the figure's noun phrase ("Russian tanks",
"своїх військових", "ворога"), then the subject that "lost" or the agent that "destroyed" in the
clause, then the opposite of the claimant's side, then the vocabulary the document is written in.
"Enemy"/"противник" mean the side opposite to whoever speaks.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Party
from . import cues
from .fastre import lead
from .lexicon import SIDES
from .lexscan import Hits
from .segment import Segmentation

UA, RU, THIRD = cues.UA, cues.RU, cues.THIRD
OPPOSITE = {UA: RU, RU: UA}


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    name: str
    side: str | None
    role: str
    text: str
    reported: bool = False  # the mention carries its own reporting verb ("Moscow has confirmed")


_COUNTRY = re.compile(r"(?<![\w'-])(ukrain\w*|україн\w*|украин\w*|russia\w*|росі\w*|росси\w*|рф)(?![\w'])")
_WORD_START = re.compile(r"(?<![\w'-])[^\s\W]|[@/\d]")
_UA_NAMES = ("ukrain", "kyiv", "kiev", "україн", "украин", "київ", "києв", "киев", "the ukrainian")
_IT_SAID = re.compile(r" (?:it|they) (?:said|says|claimed|reported|admitted|confirmed|announced)")
_BOUNDARY = re.compile(r"[,;:(]|\s-\s|(?<![\w'-])(?:that|що|что|як|как)(?![\w'])")
_PRONOUN = lead(re.compile(r"(?<![\w'-])(?:it|they|its|вона|вони|она|они|воно|оно)(?![\w'])"))
_PRE_WORDS = re.compile(r"(?:[\w'-]+\s+){1,2}$")
_POST_WORDS = re.compile(r"\s+(?:of\s+(?:the\s+)?|of\s+)?((?!(?:in|on|at|since|from|to|over|during|в|у|на|за|з|із|с|по"
                         r"|від|до|протягом|станом)\b)[\w'-]+(?:\s+(?!(?:in|в|у|на|за|з|с|по|від|до)\b)[\w'-]+)?)")
_LOSS_NOUN = lead(re.compile(r"(?<![\w'-])(?:losses|loss|втрати|втрат|потери|потерь|casualties|toll)(?![\w'])"))


# A defence ministry named with its country earlier in the text: "Russian MoD weekly summary", "Міноборони РФ".
_NAMED_MINISTRY = re.compile(
    r"(?<![\w'-])(?:(?P<a>russian|russia's|ukrainian|ukraine's) (?:mod|defen[cs]e ministry|ministry of defen[cs]e)"
    r"|(?:міноборони|минобороны|ministry of defen[cs]e of(?: the)?) (?P<b>рф|росії|россии|україни|украины|ukraine"
    r"|russia|russian federation))(?![\w'])")


def _country_side(low: str, start: int, end: int) -> str | None:
    """The country a bare "defence ministry" belongs to: the one a ministry named earlier had ("Russian MoD weekly
    summary … Destroyed (per the MoD): …"), else the last country named before it."""
    named = None
    for m in _NAMED_MINISTRY.finditer(low, max(0, start - 1500), start):
        named = m.group("a") or m.group("b")
    if named is not None:
        return UA if named.startswith(("ukrain", "україн", "украин")) else RU
    best = None
    for m in _COUNTRY.finditer(low, max(0, start - 400), end):
        best = m.group(1)
    if best is None:
        return None
    return UA if best.startswith(("ukrain", "україн", "украин")) else RU


def claimant_matches(low: str, anchors: Iterable[re.Match[str]] | None = None) -> list[re.Match[str]]:
    """What CLAIMANT_RE.finditer(low) finds, tried only at word starts just before an anchor word (the
    CLAIMANT_ANCHOR matches, when the caller has them already)."""
    out: list[re.Match[str]] = []
    end = -1
    for a in cues.CLAIMANT_ANCHOR.finditer(low) if anchors is None else anchors:
        if a.start() < end:
            continue
        best = None
        for w in _WORD_START.finditer(low, max(end, a.start() - 45), a.start() + 1):
            m = cues.CLAIMANT.match(low, w.start())
            if m and m.end() > a.start():
                best = m
                break
        if best:
            out.append(best)
            end = best.end()
    return out


class Attributor:
    """Claimant mentions and side cues of one document (found once, looked up per figure)."""

    def __init__(self, text: str, low: str, seg: Segmentation, hits: Hits):
        self.text, self.low, self.seg, self.hits = text, low, seg, hits
        self.mentions = self._find_mentions()
        self._mention_starts = [m.start for m in self.mentions]
        self._frame: str | bool | None = False  # computed on first use
        self._sent_mentions: dict[int, list[Mention]] = {}
        self._speakers: dict[int, list[Mention]] = {}
        self._before: dict[int, int | None] = {}  # sentence -> the nearest speaking one of the 40 before

    # -- claimant ------------------------------------------------------------------------------
    def _find_mentions(self) -> list[Mention]:
        low = self.low
        out: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for m in claimant_matches(low, self.hits.all(cues.CLAIMANT_ANCHOR)):
            a, b = m.span()
            _pattern, name, side, role = cues.CLAIMANTS[int((m.lastgroup or "c0")[1:])]
            taken.append((a, b))
            out.append(Mention(a, b, name, side if side is not None else _country_side(low, a, b),
                               role, self.text[a:b]))
        # COUNTRY_IT_SAID reads up to 120 characters on from every country name: only when " it said" is there.
        it_said = list(cues.COUNTRY_IT_SAID.finditer(low)) if _IT_SAID.search(low) else []
        for m in [*self.hits.all(cues.COUNTRY_CLAIM), *it_said, *self.hits.all(cues.ACCORDING_COUNTRY)]:
            a, b = m.span("who")
            if any(a < e and b > s for s, e in taken):
                continue
            who = m.group("who")
            side = UA if who.startswith(_UA_NAMES) or who.endswith(("ukrainian side", "ukrainian military")) else RU
            out.append(Mention(a, b, "Ukraine" if side == UA else "Russia", side, "party_to_conflict",
                               self.text[a:b], reported=True))
        out.sort(key=lambda x: (x.start, -x.end))
        dedup: list[Mention] = []
        for m in out:  # COUNTRY_IT_SAID may repeat a country COUNTRY_CLAIM already found
            if not dedup or m.start >= dedup[-1].end:
                dedup.append(m)
        return dedup

    def in_sentence(self, sent: int) -> list[Mention]:
        if sent not in self._sent_mentions:
            s = self.seg.sentences[sent]
            a, b = bisect_left(self._mention_starts, s.start), bisect_left(self._mention_starts, s.end)
            self._sent_mentions[sent] = self.mentions[a:b]
        return self._sent_mentions[sent]

    def _speaking(self, sent: int) -> list[Mention]:
        """Mentions that speak in their sentence: next to a reporting word ("Konashenkov said", "за даними
        Генштабу"), at its start ("Генштаб ВСУ обновил …"), or in a headline; not a unit named in passing."""
        found = self._speakers.get(sent)
        if found is None:
            found = self._speakers[sent] = self._find_speaking(sent)
        return found

    def _find_speaking(self, sent: int) -> list[Mention]:
        s = self.seg.sentences[sent]
        ms = self.in_sentence(sent)
        if not ms:
            return []
        if s.kind == "headline":
            return ms
        reports = [m.span() for m in self.hits.within(cues.REPORT, s.start, s.end)]
        out = []
        for m in ms:
            near = any(a - 70 <= m.end and m.start <= b + 70 for a, b in reports)
            if m.reported or near or (m.role in ("party_to_conflict", "official", "third_party")
                                      and m.start - s.start < 25):
                out.append(m)
        return out

    def claimant(self, sent: int, pos: int, intro: list[int]) -> tuple[Mention | None, str | None]:
        """The claimant of a figure at `pos` in sentence `sent`, and how it was found."""
        own = self._speaking(sent)
        if own:
            return self._pick(own, pos), "sentence"
        # Earlier sentences of the same paragraph (a list item may hold several) before the list's intro.
        para = self.seg.sentences[sent].para
        near = self._speaking_before(sent)
        # (sentences are in paragraph order: one of the same paragraph has all between it and `sent` there too)
        if near is not None and self.seg.sentences[near].para == para:
            return self._pick(self._speaking(near), self.seg.sentences[near].end), "paragraph"
        for i in reversed(intro):
            im = self.in_sentence(i)
            if im:
                return self._pick(im, self.seg.sentences[i].end), "list introduction"
        # A sentence just after that points back: "Об этом сообщили в Генштабе ВСУ".
        for nxt in range(sent + 1, min(sent + 3, len(self.seg.sentences))):
            if self.hits.first(cues.BACKREF, self.seg.sentences[nxt].start, self.seg.sentences[nxt].end):
                nm = self.in_sentence(nxt)
                if nm:
                    return nm[0], "next sentence"
        # The nearest attribution before, within the paragraph, then the document (at most 40 sentences
        # back: attribution does not reach further, and a long page must stay linear). An institution
        # named just before a list is its source even without a reporting verb ("Генштаб ВСУ обновил …").
        if near is not None:
            same = self.seg.sentences[near].para == self.seg.sentences[sent].para
            return self._pick(self._speaking(near), self.seg.sentences[near].end), \
                "paragraph" if same else "earlier text"
        for head in range(min(sent, 4)):  # far down a long page, the headline's "— Генштаб" still holds
            if self.seg.sentences[head].kind == "headline" and self._speaking(head):
                return self._speaking(head)[0], "headline"
        # An attribution after the figure in its own sentence without a reporting verb (", – Генштаб").
        rest = [m for m in self.in_sentence(sent) if m.start > pos]
        if rest:
            return rest[0], "sentence"
        # A bulletin signed at the end ("Генеральний штаб ЗСУ").
        if self.mentions and self._is_signature(self.mentions[-1]) and self.mentions[-1].start > pos:
            return self.mentions[-1], "signature"
        return None, None

    def _speaking_before(self, sent: int) -> int | None:
        """The nearest of the 40 sentences before `sent` that has speaking mentions. The figures of a list ask
        for consecutive sentences: the answer for the one before gives this one's without reading back 40."""
        if sent in self._before:
            return self._before[sent]
        if sent - 1 in self._before:
            near = sent - 1 if self._speaking(sent - 1) else self._before[sent - 1]
            if near is not None and near < sent - 40:
                near = None
        else:
            near = next((i for i in range(sent - 1, max(-1, sent - 41), -1) if self._speaking(i)), None)
        self._before[sent] = near
        return near

    @staticmethod
    def _pick(ms: list[Mention], pos: int) -> Mention:
        """Among the attributions of one sentence: a named source beats "Ukraine says"/"Russia reports" (an
        AI rewrite's "Russia reports" for a General Staff figure), and a bare "the MOD" yields to a named one
        ("intelligence update"); then the nearest before `pos`."""
        named = [m for m in ms if not m.reported and m.name != "Ministry of Defence"] or \
            [m for m in ms if m.name != "Ministry of Defence"] or ms
        before = [m for m in named if m.start < pos]
        return before[-1] if before else named[0]

    def _is_signature(self, m: Mention) -> bool:
        return len(self.text) - m.end < 80

    # -- framing and side ----------------------------------------------------------------------
    @property
    def frame(self) -> str | None:
        """Whose vocabulary the document is written in (read only when a figure needs it)."""
        if self._frame is False:
            self._frame = self._framing()
        return self._frame  # type: ignore[return-value]

    def _framing(self) -> str | None:
        ua = len(self.hits.all(cues.FRAME_UA))
        ru = len(self.hits.all(cues.FRAME_RU))
        if ua > ru:
            return UA
        if ru > ua:
            return RU
        return None

    def resolve_relative(self, kind: str, speaker_side: str | None) -> str | None:
        """'enemy' is the side opposite the speaker; 'our/своїх' is the speaker's (or subject's) side."""
        ref = speaker_side if speaker_side in (UA, RU) else self.frame
        if kind == "enemy":
            return OPPOSITE.get(ref or "") if ref else RU
        return ref

    def side_words(self, start: int, end: int, speaker_side: str | None) -> str | None:
        """The side named by the first side word in [start, end)."""
        for m in self.hits.within(SIDES, start, end):
            side = self._side_of(m, speaker_side)
            if side:
                return side
        return None

    def _side_of(self, m: re.Match[str], speaker_side: str | None) -> str | None:
        if m.lastgroup == "rus":
            return RU
        if m.lastgroup == "ukr":
            return UA
        if m.lastgroup == "enemy":
            return self.resolve_relative("enemy", speaker_side)
        return None

    def clause_side(self, lo: int, start: int, end: int, hi: int, speaker_side: str | None,
                    claimant_span: tuple[int, int] | None) -> tuple[str | None, str | None]:
        """Loser from the clause: the subject that lost, a possessor ("losses of the enemy"),
        or the agent that destroyed. Returns (side, evidence)."""
        low = self.low
        skip = claimant_span or (-1, -1)
        # Subject + "lost" before the figure: "Russia has lost", "армія РФ втратила", "ВСУ … потеряли".
        for v in reversed(self.hits.within(cues.LOSER_VERB, lo, start)):
            side = self._subject_side(lo, v.start(), speaker_side, skip)
            if side:
                return side, "subject of '" + self.text[v.start():v.end()] + "'"
        # "втрати противника", "Russian losses", "потери ВСУ": a possessor next to a loss noun.
        for m in _LOSS_NOUN.finditer(low, lo, start):
            side = self._possessor(m.start(), m.end(), start, speaker_side, skip)
            if side:
                return side, "possessor of '" + self.text[m.start():m.end()] + "'"
        # Agent of a destruction verb: "Ukraine … destroyed" → the loser is the other side.
        for v in reversed(self.hits.within(cues.DESTROY_VERB, lo, hi)):
            a_ua = self.hits.first(cues.AGENT_UA, max(lo, v.start() - 90), v.start())
            a_ru = self.hits.first(cues.AGENT_RU, max(lo, v.start() - 90), v.start())
            if a_ua and not (a_ru and a_ru.start() > a_ua.start()):
                return RU, "agent '" + self.text[a_ua.start():a_ua.end()] + "'"
            if a_ru:
                return UA, "agent '" + self.text[a_ru.start():a_ru.end()] + "'"
        return None, None

    def _subject_side(self, lo: int, verb: int, speaker_side: str | None, skip: tuple[int, int]) -> str | None:
        """The side named first in the stretch before a verb, back to the last clause boundary ("…, армія
        рф втратила"; "ВСУ за неделю в зоне российской группировки потеряли" → ВСУ). A pronoun subject
        ("Russia reports that it has lost") refers to the side named just before."""
        start = max(lo, verb - 160)
        bounds = [m.end() for m in _BOUNDARY.finditer(self.low, start, verb)]
        for b in reversed(bounds or [start]):
            for m in self.hits.within(SIDES, b, verb):
                if skip[0] <= m.start() < skip[1]:
                    continue
                side = self._side_of(m, speaker_side)
                if side:
                    return side
            if bounds and b == bounds[-1] and _PRONOUN.search(self.low, b, verb):
                for m in reversed(self.hits.within(SIDES, start, b)):
                    side = self._side_of(m, speaker_side)
                    if side:
                        return side
        return None

    def _possessor(self, a: int, b: int, limit: int, speaker_side: str | None, skip: tuple[int, int]) -> str | None:
        """The adjective right before a loss noun ("Russian combat losses") or the genitive right after
        it ("losses of the enemy", "втрати противника") -- never a place ("losses in Ukraine")."""
        pre = _PRE_WORDS.search(self.low, max(0, a - 40), a)
        if pre:
            side = self._nearest_side(pre.start(), a, speaker_side, skip)
            if side:
                return side
        post = _POST_WORDS.match(self.low, b, min(limit, b + 50))
        if post:
            return self._nearest_side(post.start(1), post.end(), speaker_side, skip)
        return None

    def _nearest_side(self, lo: int, hi: int, speaker_side: str | None, skip: tuple[int, int]) -> str | None:
        best = None
        for m in self.hits.within(SIDES, lo, hi):
            if skip[0] <= m.start() < skip[1]:
                continue
            side = self._side_of(m, speaker_side)
            if side:
                best = side
        return best


def party(m: Mention | None, basis: str | None) -> Party | None:
    if m is None:
        return None
    return Party(name=m.name, side=m.side, role=m.role, mention=m.text, span=(m.start, m.end), basis=basis)
