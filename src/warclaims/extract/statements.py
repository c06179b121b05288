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
content stays in it verbatim (mixed speech).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..models import EventClaim, LossTally, Party, Speaker, Statement, TimeRef
from . import speech_cues as sc
from . import speechscan
from .dates import find_dates, relative_day, resolve
from .lexscan import Hits
from .normalize import fold
from .quotes import Quote, find_quotes
from .segment import Paragraph, Segmentation, Sentence, segment
from .speakers import Resolver


@dataclass
class Cand:
    kind: str
    start: int  # content
    end: int
    cue: str | None
    cue_span: tuple[int, int] | None
    subject: tuple[int, int] | None = None  # the words naming the speaker
    pronoun: str | None = None  # m / f / org: a source-cue pronoun ("за його словами")
    inherit: bool = False  # a participle ("…, adding that"): the previous speaker
    confidence: float = 1.0
    frame: tuple[int, int] | None = None  # where channel and time are read
    speaker: Speaker | None = None
    source: str = ""  # which rule found it
    extra: dict = field(default_factory=dict)

    @property
    def pos(self) -> int:
        return min(self.start, self.cue_span[0] if self.cue_span else self.start,
                   self.subject[0] if self.subject else self.start)


_WS = " \t\n"
_SUBJ_MAX = 90  # characters a subject may take before its cue
_CLAUSE_BOUND = re.compile(r"[,;:]|\s[-–—]\s|(?<![\w'’-])(?:while|whereas|and(?=\s+[a-zа-яіїєґ])|but|which|who|that"
                           r"|що|что|який|которы\w*"
                           r"|яка|яке|які|а також|а также)(?![\w'’-])")
_RELATIVE = re.compile(r"(?i)(?:,\s*|\s)(?:which|who|що|який|яка|яке|які|которы\w*|который|которая)\s*$")
# A cue word used as a noun or passive: "the estimates of", "reports of", "announced by Putin", "it should be noted".
_NOT_CUE_BEFORE = re.compile(r"(?i)(?<![\w'’-])(?:the|a|an|its|their|his|her|these|those|this|our|be|been|being|is|was"
                             r"|on|in|of|with|from|by|for|at|latest|recent|new|official|unverified|not|never|не|ні"
                             r"|are|were|to|will|would|could|can|may|might|must|should|did|do|does)\s+(?:\w+ly\s+)?$")
_NOT_CUE_AFTER = re.compile(r"(?i)\s+(?:by)(?![\w'’-])")  # passive: "the figure announced by Putin"
_NOUN_CUES = {"reports", "claims", "claim", "comments", "notes", "estimates", "put", "puts", "states"}
_NOUN_AFTER = re.compile(r"(?i)\s+(?:of|on|about|from|for|in which|that (?:have|has|had|were|was|are|is))(?![\w'’-])")
_RELATIVE_HINT = re.compile(r"yesterday|night|today|tonight|morning|evening|tomorrow|past day|previous day|24 hours"
                            r"|вчор|учор|вчера|сьогодні|сегодня|ноч|доб|сутки|накануне|напередодні|завтра")
_LABEL = re.compile(r"(?:[\w'’-]+ ){0,3}[\w'’-]+:\s+(?=\S)")
_SOURCE_NOUN = re.compile(r"(?i)(?<![\w'’-])(?:him|her|them|it|report\w*|data|figures?|estimates?|sources?|officials?"
                          r"|statement|bulletin|update|ministry|military|analysts?|intelligence|media|army|forces"
                          r"|command|staff|authorities|government|agency|service|police|governor|mayor|spokes\w+"
                          r"|the \w+ of)(?![\w'’-])")
_APPOSITION = re.compile(r",\s*[A-ZА-ЯІЇЄҐ][\w'’.-]*(?:\s+[\w'’.-]+){0,5}\s*$|,\s*citing\b")
_TITLE_HINT = re.compile(r"\s[-–—]\s|:\s")
_DATE_HINT = re.compile(r"\d|day|понед|вівтор|середу|четвер|п'ятниц|субот|неділ|вторник|среду|пятниц|воскрес")
_SCOPE_BEFORE = re.compile(r"(?<![\w'’-])(?:since|from|between|з|із|від|с|со|начиная)(?![\w'’-])[^.;]*$")
_TOPIC_AFTER = re.compile(r"(?i)\s+(?:of|about|on the|on this|on that|про|о|об)(?![\w'’-])")
# Adverbials that may follow a cue at the end of a fronted report: "…, the General Staff reported on April 25."
_ADVERBIAL = re.compile(r"(?i)\s*(?:on|at|in|during|via|to|last|this|earlier|later|today|yesterday|late|early|від|в|у"
                        r"|на"
                        r"|під час|во время|во|со)(?![\w'’-])")
_SUBJ_LEAD_OK = {"he", "she", "it", "they", "the", "a", "an", "his", "her", "its", "their", "this", "that", "one"}
_THAT = re.compile(r"(?<![\w'’-])(?:that|що|что|як|как|nearly|,)(?![\w'’-])")
_CONTENT_CUT = re.compile(r",\s+(?:while|whereas|adding|saying|stressing|noting|according to|he said|she said|it said"
                          r"|as\s+\w+\s+(?:said|reported)|у той час як|в то время как|додавши|добавив)\b")
_END_TRIM = " \t\n.,;:!?\"“”«»„'‘’-–—"


def _sid(text: str, a: int, b: int) -> str:
    return "s-" + hashlib.sha1(f"{a}:{b}:{text[a:b]}".encode()).hexdigest()[:10]


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _WS + ",:;-–—":
        a += 1
    while b > a and text[b - 1] in _END_TRIM:
        b -= 1
    return a, b


def _rejoin(seg: Segmentation) -> Segmentation:
    """Sentences split only after a closing mark ("“around 1,300” Ukrainian troops", "«Таврія» Олександр")
    are one sentence: a quote without end punctuation inside does not end the sentence."""
    text = seg.text
    if not any(text[s.end - 1:s.end] in "\"”»'’" or text[s.start:s.end].rstrip()[-1:] in "\"”»'’"
               for s in seg.sentences):
        return seg
    sentences: list[Sentence] = []
    paragraphs = [Paragraph(p.start, p.end, p.kind, [], p.intro) for p in seg.paragraphs]
    for s in seg.sentences:
        prev = sentences[-1] if sentences else None
        tail = text[prev.start:prev.end].rstrip() if prev else ""
        if prev and prev.para == s.para and tail[-1:] in "\"”»'’" and tail[-2:-1] not in ".!?…":
            prev.end = s.end
            continue
        paragraphs[s.para].sentences.append(len(sentences))
        sentences.append(Sentence(s.start, s.end, s.para, s.kind))
    return Segmentation(text, paragraphs, sentences)


def _verbatim(text: str, a: int, b: int) -> tuple[int, int]:
    """A quote's words as written (end punctuation and inner marks kept), without surrounding space."""
    while a < b and text[a] in _WS:
        a += 1
    while b > a and text[b - 1] in _WS:
        b -= 1
    return a, b


def _nested(inner: Cand, outer: Cand) -> bool:
    """inner's cue lies in outer's content: a report inside a report."""
    return inner.cue_span is not None and outer.start <= inner.cue_span[0] < outer.end


def _words(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


class StatementFinder:
    def __init__(self, text: str, language: str | None, published: str | None, seg: Segmentation | None = None,
                 hits: Hits | None = None, low: str | None = None):
        self.text = text
        self.low = low if low is not None and len(low) == len(text) else fold(text)
        self.language = language
        try:
            self.published = date.fromisoformat(published[:10]) if published else None
        except ValueError:
            self.published = None
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

    # ---- helpers -------------------------------------------------------------------------------
    def in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        s = self.seg.sentences[self.seg.sentence_at(pos)] if self.seg.sentences else None
        return (s.start, s.end) if s else (0, len(self.text))

    def line_bounds(self, pos: int) -> tuple[int, int]:
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", pos)
        return a, b if b >= 0 else len(self.text)

    def add(self, c: Cand) -> None:
        if c.end - c.start < 2:
            return
        self.cands.append(c)

    # ---- 1. quotes ---------------------------------------------------------------------------
    _AFTER_SUBJ_CUE = re.compile(r"[,.!?…]?[\"”»’]?\s*[,]?\s*(?:[-–—]\s*)?"
                                 r"(?P<subj>[^\s.,;:!?\"“”«»\-–—][^.;:!?\"“”«»\n]{0,70}?)"
                                 r"\s+(?P<cue>" + sc.VERB.pattern + r")")
    _AFTER_CUE_SUBJ = re.compile(r"[,.!?…]?[\"”»’]?\s*[,]?\s*(?:[-–—]\s*)?(?P<cue>" + sc.VERB.pattern +
                                 r")\s+(?P<subj>[^.;!?\"“”«»\n]{1,110}?)\s*(?=[.;!?\n]|,|$)")
    _AFTER_DASH_NAME = re.compile(r"[,.!?…]?\s*[-–—]\s*(?P<subj>[A-ZА-ЯІЇЄҐ][^.;:!?\"“”«»\n]{1,60}?)\s*(?:[.\n]|$)")
    _BEFORE_COLON = re.compile(r"(?P<cue>" + sc.VERB.pattern + r")(?:\s+[\w'’]+){0,6}?\s*[:,]\s*$")
    _FROM_X = re.compile(r"(?:^|\n)\s*(?:from|від|от)\s+(?P<subj>[^\n:]{2,60}):\s*$", re.I)
    _NAME_COLON = re.compile(r"(?:^|\n)\s*(?P<subj>[A-ZА-ЯІЇЄҐ][\w'’.-]*(?:\s+[\w'’.-]+){0,4}):\s*$")

    def quote_pass(self) -> None:
        for q in self.quotes:
            n = len(self.cands)
            self._quote(q)
            if len(self.cands) == n:
                self._continued(q)

    def _continued(self, q: Quote) -> None:
        """A quote right after an attributed one in the same paragraph ("'…,' X told the Economist. '…'",
        "“…,” Gladkov said, “but …”") continues it: the same speaker."""
        prev = next((c for c in reversed(self.cands) if c.kind == "direct" and c.end <= q.start), None)
        if prev is None or q.words(self.text) < 3:
            return
        gap = self.text[prev.end:q.start - 1]
        if "\n" in gap.strip(" ,.!?\"'’”»") or len(gap) > 120 or any(prev.end < x.start < q.start for x in self.quotes):
            return
        a, b = _verbatim(self.text, q.start, q.end)
        self.add(Cand("direct", a, b, None, None, inherit=True, confidence=q.confidence * 0.9,
                      frame=(prev.end, q.end), source="continued"))

    def _quote(self, q: Quote) -> None:
        text = self.text
        close_end = q.end + (1 if q.close_mark else 0)
        _la, lb = self.line_bounds(close_end if close_end < len(text) else q.end)
        after_end = min(lb, close_end + 140)
        # `“…,” he said` / `“…,” said Konashenkov` / `“…” - Name`
        if text[close_end:close_end + 1] == ".":
            after_end = close_end  # „Шахед“. Про це повідомили …: the sentence ended, a new one is no attribution
        m = self._AFTER_SUBJ_CUE.match(text, close_end, after_end)
        if m and self._ok_after_subj(m.group("subj")):
            self._direct(q, m.span("cue"), m.group("cue"), m.span("subj"), "quote+subject+cue")
            return
        m = self._AFTER_CUE_SUBJ.match(text, close_end, after_end)
        if m:
            self._direct(q, m.span("cue"), m.group("cue"), m.span("subj"), "quote+cue+subject")
            return
        m = self._AFTER_DASH_NAME.match(text, close_end, after_end)
        if m and self.res.in_span(*m.span("subj")) and _words(text, *m.span("subj")) <= 8:
            self._direct(q, None, None, m.span("subj"), "quote-dash-name")
            return
        # `X commented: “…”`: the cue before the opening mark, in the same paragraph or ending the one above.
        open_pos = q.start - 1
        blank = text.rfind("\n\n", 0, open_pos)
        s_start = max(blank + 2 if blank >= 0 else 0, self.sentence_bounds(open_pos)[0] if open_pos > 0 else 0)
        pre_a = max(0, open_pos - 250)
        pre = text[pre_a:open_pos]
        m = self._BEFORE_COLON.search(pre)
        if m:
            cue_a, cue_b = pre_a + m.start("cue"), pre_a + m.end("cue")
            cue_sent = max(s_start if s_start <= cue_a else 0, self.sentence_bounds(cue_a)[0])
            self._direct(q, (cue_a, cue_b), m.group("cue"), self._subject(cue_sent, cue_a), "cue-colon+quote")
            return
        m = self._FROM_X.search(pre)
        if m:
            self._direct(q, None, None, (pre_a + m.start("subj"), pre_a + m.end("subj")), "from-x")
            return
        m = self._NAME_COLON.search(pre)
        if m and self.res.in_span(pre_a + m.start("subj"), pre_a + m.end("subj")):
            self._direct(q, None, None, (pre_a + m.start("subj"), pre_a + m.end("subj")), "name-colon")
            return

    def _ok_after_subj(self, subj: str) -> bool:
        words = subj.split()
        if not words or len(words) > 9:
            return False
        if words[0][:1].islower() and words[0][:1].isascii() and words[0].lower() not in _SUBJ_LEAD_OK:
            return False  # "“lies” for alleging": not a speaker
        return not any(w.lower() in ("the", "a") for w in words[-1:])

    def _clause_start(self, lo: int, cue: int) -> int:
        bounds = [m.end() for m in _CLAUSE_BOUND.finditer(self.text, lo, cue)
                  if self.text[m.start():m.end()].strip() not in ("and",) or True]
        # A clause boundary right before the cue ("…, which commented") leaves a relative pronoun as subject.
        return bounds[-1] if bounds else lo

    def _direct(self, q: Quote, cue_span, cue, subj, source: str) -> None:
        for span in (cue_span, subj):
            if span:
                self.used_cues.add(span[0])
        a, b = _verbatim(self.text, q.start, q.end)
        kind = "direct"
        frame_a = min(q.start, subj[0] if subj else q.start, cue_span[0] if cue_span else q.start)
        frame_b = max(q.end, subj[1] if subj else q.end, cue_span[1] if cue_span else q.end)
        self.add(Cand(kind, a, b, cue, cue_span, subject=subj, confidence=q.confidence, frame=(frame_a, frame_b),
                      source=source))

    # ---- 2. cues in sentences ----------------------------------------------------------------
    def cue_pass(self) -> None:
        direct = [(c.start, c.end) for c in self.cands]
        # Each word list's matches once, bucketed by sentence: most sentences hold none.
        buckets: dict[int, dict[object, list[re.Match[str]]]] = {}
        for m in self.hits.all(speechscan.CUES):
            fam = speechscan.KIND[m.lastgroup or "verb"]
            buckets.setdefault(self.seg.sentence_at(m.start()), {}).setdefault(fam, []).append(m)
        for si in sorted(buckets):
            s = self.seg.sentences[si]
            got = buckets[si]
            if s.kind in ("headline", "heading") and si < 3 and self._layout_title(s.start, s.end):
                continue
            for m in got.get(sc.SOURCE_PRONOUN, ()):
                self._source(m, s.start, s.end, pronoun=True)
            for m in got.get(sc.SOURCE, ()):
                if not self._inside(m.start(), direct) and not self._in_cue(m.start()):
                    self._source(m, s.start, s.end)
            for m in got.get(sc.BACKREF, ()):
                self._backref(m, si)
            for m in got.get(sc.VERB, ()):
                if m.start() in self.used_cues or self._inside(m.start(), direct) or self.in_quote(m.start()):
                    continue
                if self._in_cue(m.start()):
                    continue
                self._verb(m, s.start, s.end)

    def _in_cue(self, pos: int) -> bool:
        """pos lies in the cue of a statement found already ("according to" inside "as reported by")."""
        return any(c.cue_span[0] <= pos < c.cue_span[1] for c in self.cands if c.cue_span and c.cue_span[1] > pos)

    @staticmethod
    def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
        return any(a <= pos < b for a, b in spans)

    def _sentence_end(self, a: int, b: int) -> int:
        """b, with the trailing punctuation and a dangling closing mark removed."""
        return _strip(self.text, a, b)[1]

    def _source(self, m: re.Match[str], ss: int, se: int, pronoun: bool = False) -> None:
        text, low = self.text, self.low
        ca, cb = m.span()
        if pronoun:
            word = low[ca:cb].split()[1] if low[ca:cb].startswith(("за ", "по ")) else low[ca:cb].split()[-1]
            kind = "f" if word in ("її", "ее", "её", "her") else "org" if word in ("їх", "їхніми", "их", "them", "it") \
                else "m"
            subj = None
        else:
            kind = None
            comma = text.find(",", cb, se)
            end = comma if comma >= 0 else se
            subj = (cb, self._sentence_end(cb, end))
            if _words(text, *subj) > 14:
                return
            words = text[subj[0]:subj[1]].strip()
            if words.isascii() and words == words.lower() and not _SOURCE_NOUN.search(words) \
                    and not re.match(r"(?:the|a|an|his|her|its|their|our|this|that)\s", words):
                return  # "according to plan": no source named
        after = (subj[1] if subj else cb)
        # `According to X, CONTENT` or `CONTENT, according to X`
        rest_a, rest_b = _strip(text, after, se)
        before_a, before_b = _strip(text, ss, ca)
        rest_ok = _words(text, rest_a, rest_b) >= 3
        if rest_ok and (pronoun or text[after:after + 2].strip().startswith(",")):
            a, b = rest_a, rest_b
        elif _words(text, before_a, before_b) >= 3:
            a, b = before_a, before_b
        else:
            return
        b = self._cut(a, b)
        self.used_cues.add(ca)
        self.add(Cand("indirect", a, b, text[ca:cb], (ca, cb), subject=subj, pronoun=kind, frame=(ss, se),
                      source="source-cue"))

    def _cut(self, a: int, b: int) -> int:
        m = _CONTENT_CUT.search(self.low, a, b)
        return _strip(self.text, a, m.start())[1] if m else b

    def _verb(self, m: re.Match[str], ss: int, se: int) -> None:
        text, low = self.text, self.low
        ca, cb = m.span()
        cue = low[ca:cb]
        if cue in sc.QUOTE_ONLY:
            return
        if _NOT_CUE_BEFORE.search(low, max(ss, ca - 30), ca) or _NOT_CUE_AFTER.match(low, cb):
            return
        if cue in _NOUN_CUES and _NOUN_AFTER.match(low, cb):
            return
        if cue.startswith(("оцін", "оцен")) and not re.match(r"\s*(?:,\s*)?(?:що|что|:|«|\")", low[cb:cb + 12]):
            return  # "оцінив роботу підрозділів": an appraisal of something, not reported content
        if _TOPIC_AFTER.match(low, cb):
            return  # "warns of 'stalemate'", "commented on the claims": a topic, not content
        if cue in ("said", "reported", "believed", "thought", "understood") and low.startswith(" to ", cb):
            # "Russia said to have suffered …": passive, the speaker is not named.
            a, b = _strip(text, ss, se)
            self.add(Cand("indirect", a, b, text[ca:cb], (ca, cb), frame=(ss, se), source="passive"))
            return
        nxt = sc.VERB.match(low, cb + 1) if low[cb:cb + 1] == " " else None
        if nxt:
            return  # "reports say": the noun before the verb
        subj = self._subject(ss, ca)
        post = text[cb:se]
        # The content right after the cue: skip "that", a short adverbial ("on Monday", "in a statement").
        if post.lstrip().startswith(":"):
            q = next((q for q in self.quotes if cb <= q.start - 1 <= cb + 6), None)
            if q is not None:
                return  # the quote pass has it
        t = _THAT.search(low, cb, min(se, cb + 45))
        start = cb
        if t and low[t.start():t.end()] not in (",", "nearly") and _words(text, cb, t.start()) <= 6 \
                and not re.search(r"[\"“”«»„]", text[cb:t.start()]):
            start = t.end()
        ra, rb = _strip(text, start, se)
        rb = self._cut(ra, rb)
        participle = bool(sc.PARTICIPLE.search(cue)) and text[ca - 2:ca].strip() == ","
        if participle:
            if _words(text, ra, rb) >= 3:
                # "Zelensky, stating …": the phrase before the comma names the speaker when it is a name.
                pa, pb = _strip(text, self._clause_start(max(ss, ca - 2 - _SUBJ_MAX), ca - 2), ca - 2)
                ms = self.res.in_span(pa, pb)
                own = bool(ms) and ((ms[-1].entity.type in ("person", "organisation") and pb - ms[-1].end < 3)
                                    or _words(text, pa, ms[0].start) <= 2)
                if own and _words(text, pa, ms[0].start) <= 2:
                    pb = ms[0].end
                self.add(Cand("indirect", ra, rb, text[ca:cb], (ca, cb), subject=(pa, pb) if own else None,
                              inherit=not own, frame=(ss, se), source="participle"))
            return
        # `CONTENT, X said.` / `CONTENT, said X.` (fronted): the cue ends the sentence (or its subject does).
        fronted_adv = _ADVERBIAL.match(text, cb) is not None and _words(text, cb, se) <= 10 \
            and not _THAT.search(low, cb, se) and re.search(r"[,–—-]\s*$", text[max(ss, (subj or (ca, ca))[0] - 3):
                                                                        (subj or (ca, ca))[0]]) is not None
        if _words(text, ra, rb) <= 1 or fronted_adv or self._ends_with_subject(cb, se):
            comma = max(text.rfind(",", ss, ca), text.rfind(" – ", ss, ca), text.rfind(" — ", ss, ca),
                        text.rfind(" - ", ss, ca))
            if comma > ss:
                fa, fb = _strip(text, ss, comma)
                label = _LABEL.match(text, fa, fb)  # "Ukraine war latest: Russia has lost …, General Staff says"
                if label:
                    fa = label.end()
                if _words(text, fa, fb) >= 3:
                    subj_f = _strip(text, comma + 1, ca)
                    if subj_f[1] - subj_f[0] <= 1 or _words(text, *subj_f) == 0:
                        subj_f = _strip(text, cb, se)  # inverted: "…, said the serviceman Alexander"
                    if any(min(fb, c.end) > max(fa, c.start) for c in self.cands if c.kind == "direct"):
                        return  # a quote the quote pass attributed: "It’s “…”, he said, reports agency"
                    self.add(Cand("indirect", fa, fb, text[ca:cb], (ca, cb), subject=subj_f, frame=(ss, se),
                                  source="fronted"))
            return
        if subj is None:
            return
        if _words(text, *subj) > 12:
            return
        # A quote that starts right after the cue and takes the rest of the sentence: direct speech.
        if text[ra - 1:ra] in "\"“«„" or text[ra:ra + 1] in "\"“«„":
            q = next((q for q in self.quotes if q.start - 1 <= ra <= q.start + 1), None)
            if q is not None and q.end >= rb - 2:
                self.add(Cand("direct", *_verbatim(text, q.start, q.end), text[ca:cb], (ca, cb), subject=subj,
                              frame=(ss, se), confidence=q.confidence, source="cue+quote"))
                return
        kind = "mixed" if any(ra <= q.start and q.end <= rb for q in self.quotes) else "indirect"
        self.add(Cand(kind, ra, rb, text[ca:cb], (ca, cb), subject=subj, frame=(ss, se), source="verb"))

    def _subject(self, ss: int, ca: int) -> tuple[int, int] | None:
        """The words before a cue that name its speaker: back to the clause start; through a relative pronoun
        ("the SBU, which commented") to the clause before; an empty one after a participle clause
        ("Zelensky, stating he would …, said") is the sentence's first phrase."""
        text = self.text
        sub_a = self._clause_start(max(ss, ca - _SUBJ_MAX), ca)
        rel = _RELATIVE.search(text, max(ss, ca - 12), ca)
        if rel:
            sub_a = self._clause_start(max(ss, rel.start() - _SUBJ_MAX), rel.start())
            a, b = _strip(text, sub_a, rel.start())
            return (a, b) if b > a else None
        a, b = _strip(text, sub_a, ca)
        if b > a:
            return a, b
        first = _CLAUSE_BOUND.search(text, ss, ca)
        if first and first.start() > ss:
            a, b = _strip(text, ss, first.start())
            if b > a and self.res.in_span(a, b):
                return a, b
        # "The Russian-installed governor of Sevastopol, Mikhail Razvozhayev, wrote": an apposition
        a, b = _strip(text, ss, ca)
        if b > a and _words(text, a, b) <= 14 and text[b - 1:b] != "," and _APPOSITION.search(text, a, b):
            return a, b
        return None

    def _ends_with_subject(self, cb: int, se: int) -> bool:
        """After the cue only a speaker and an adverbial remain: "…, said the Ukrainian serviceman Alexander"."""
        rest = self.text[cb:se].strip(_END_TRIM + " ")
        if not rest:
            return True
        if len(rest.split()) > 10 or _THAT.search(rest.lower()):
            return False
        words = len(rest.split())
        ms = [m for m in self.res.in_span(cb, se) if m.entity.type != "country" or words <= 3]
        if ms and _words(self.text, cb, ms[0].start) <= 8 and words <= 14:
            return True
        if words > 4:
            return False
        low = rest.lower()
        if low.startswith("the "):  # "…, said the spokesman", not "He said the situation was difficult"
            return not re.search(r"(?<![\w'’-])(?:was|were|is|are|has|had|will|would|can|could)(?![\w'’-])", low)
        return rest[:1].isupper() or low.startswith(("він", "вона", "он", "она"))

    # ---- 3. back-references --------------------------------------------------------------------
    def _backref(self, m: re.Match[str], si: int) -> None:
        text = self.text
        s = self.seg.sentences[si]
        ca, cb = m.span()
        comma = text.find(",", cb, s.end)
        subj = _strip(text, cb, comma if comma >= 0 else s.end)
        para = self.seg.paragraphs[s.para]
        if para.sentences and para.sentences[0] == si:
            prev = next((p for p in reversed(self.seg.paragraphs[:s.para]) if p.kind in ("text", "item")), None)
            if prev is None:
                return
            a, b = prev.start, prev.end
        else:
            first = para.sentences[0]
            a, b = self.seg.sentences[first].start, self.seg.sentences[si - 1].end
        a, b = _strip(text, a, b)
        self.used_cues.add(ca)
        self.add(Cand("indirect", a, b, text[ca:cb], (ca, cb), subject=subj, frame=(s.start, s.end),
                      source="backref"))

    # ---- 4. layouts ----------------------------------------------------------------------------
    _TITLE_DASH = re.compile(
        r"(?P<content>.{8,}?)(?:\s+[-–—]|(?P<colon>:))\s+"
        r"(?:(?:address|statement|speech|interview|video address|звернення|заява|обращение|заявление)"
        r" (?:by|of|від)\s+)?(?P<subj>[^-–—\n]{2,70}(?:\n[^-–—\n]{1,40})?)$", re.S)
    _TITLE_COLON = re.compile(r"(?P<subj>[^:\n]{2,40}):\s+(?P<content>.{8,})$", re.S)

    def layout_pass(self) -> None:
        for p in self.seg.paragraphs:
            if p.kind in ("headline", "heading") or (_words(self.text, p.start, p.end) <= 30
                                                     and self.text[p.end - 1] not in ".!?"):
                self._layout_title(p.start, p.end)
        self._signatures()

    def _layout_title(self, a: int, b: int) -> bool:
        text = self.text
        if (a, b) in self.titles:
            return True
        if not _TITLE_HINT.search(self.text, a, b):
            return False
        seg = text[a:b]
        m = self._TITLE_DASH.match(seg)
        if m:
            sa, sb = a + m.start("subj"), a + m.end("subj")
            ms = self.res.in_span(sa, sb)
            # "… – Генеральний штаб ЗС України", "… - address by President …"; after a colon only a name
            # ("…: PM Shmyal"), never a clause ("Ukraine war latest: Russia has lost …, General Staff says").
            tight = m.group("colon") is not None
            if ms and ms[0].start - sa <= (12 if tight else 25) and sb - ms[-1].end <= (2 if tight else 25) \
                    and _words(text, sa, sb) <= (4 if tight else 8):
                ca, cb = _strip(text, a + m.start("content"), a + m.end("content"))
                self.add(Cand("indirect", ca, cb, None, None, subject=(sa, sb), frame=(a, b), source="title-dash",
                              extra={"title": (a, b)}))
                self.titles.add((a, b))
                return True
        m = self._TITLE_COLON.match(seg)
        if m:
            sa, sb = a + m.start("subj"), a + m.end("subj")
            cut = max(text.rfind(",", sa, sb), text.rfind("|", sa, sb), text.rfind("/", sa, sb))
            sa = _strip(text, cut + 1, sb)[0] if cut >= 0 else sa
            ms = self.res.in_span(sa, sb)
            # The name is the whole label ("Генштаб ЗСУ:", "Kiev:"), not a topic that holds one ("Ukraine war:").
            if ms and ms[0].start - sa <= 4 and sb - ms[-1].end <= 1 and _words(text, sa, sb) <= 5:
                ca, cb = _strip(text, a + m.start("content"), a + m.end("content"))
                kind = "direct" if text[a + m.start("content")] in "\"“«„'‘" else "indirect"
                self.add(Cand(kind, ca, cb, None, None, subject=(sa, sb), frame=(a, b), source="title-colon",
                              extra={"title": (a, b)}))
                for q in self.quotes:
                    if a <= q.start < b:
                        self.quoted.append((q.start, q.end))
                self.titles.add((a, b))
                return True
        return False

    _SIGNED = re.compile(r"(?:pic\.twitter\.com/\S+\s*)?[—–-]\s*(?P<subj>[^\n()]{2,60}?)\s*\(@\w+\)\s*[^\n]{0,30}$",
                         re.M)

    def _signatures(self) -> None:
        text = self.text
        if "(@" not in text:
            return
        for m in self._SIGNED.finditer(text):
            block_a = text.rfind("\n", 0, m.start()) + 1
            for _ in range(4):  # the post's lines above its signature: short lines, no blank line
                prev_a = text.rfind("\n", 0, max(0, block_a - 1)) + 1
                line = text[prev_a:block_a].strip()
                if block_a == 0 or not line or len(line.split()) > 20:
                    break
                block_a = prev_a
            a, b = _strip(text, block_a, m.start())
            if _words(text, a, b) < 4:
                continue
            self.add(Cand("direct", a, b, None, None, subject=m.span("subj"), frame=(a, m.end()), source="signed"))

    # ---- speakers, channel, time -----------------------------------------------------------------
    def resolve_all(self) -> list[Cand]:
        cands = self._dedupe(sorted(self.cands, key=lambda c: (c.start, -(c.end - c.start))))
        cands.sort(key=lambda c: c.pos)
        last: Speaker | None = None
        for c in cands:
            sp = None
            if c.pronoun:
                sp = self.res.pronoun(c.pronoun, self.text[c.cue_span[0]:c.cue_span[1]] if c.cue_span else "",
                                      c.cue_span or (c.start, c.start), c.pos)
            elif c.subject:
                sp = self.res.resolve(c.subject[0], c.subject[1], c.pos)
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
            key = " ".join(self.text[c.start:c.end].split())
            if key in seen and c.source.startswith("title"):
                continue  # a title repeated (breadcrumb and headline): once
            seen.add(key)
            dup = None
            for o in out:
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
                 if m.lastgroup]
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
        if self.published and _RELATIVE_HINT.search(self.low, a, b):
            day = relative_day(self.text[a:b], self.published)
            if day is not None:
                m = re.search(r"(?i)yesterday|last night|overnight|вчора|учора|вчера|минулої ночі|прошлой ночью"
                              r"|минувшей ночью|today|сьогодні|сегодня|this morning|tonight", self.text[a:b])
                span = (a + m.start(), a + m.end()) if m else None
                return TimeRef(mention=self.text[span[0]:span[1]] if span else None, start=day.isoformat(),
                               end=day.isoformat(), precision="day", span=span)
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
    for st in statements:
        a, b = st.span
        sp = st.speaker
        named = sp is not None and bool(sp.name) and sp.resolution != "default"
        for rec in records:
            if not (a <= rec.span[0] and rec.span[1] <= b):
                continue
            st.claims.append(rec.id)
            if isinstance(rec, EventClaim) and rec.statement_id is None:
                rec.statement_id = st.id
            if named and (rec.claimant is None or rec.claimant.basis in _WEAK_BASIS):
                rec.claimant = Party(name=sp.name, side=sp.side, role=sp.role, mention=sp.mention, span=sp.span,
                                     basis="statement")
