"""The statements stage's cue pass: cue verbs and source phrases in each sentence (`X said (that) …`,
`…, X claimed`, `…, said the serviceman Alexander`, `According to X, …`, `за його словами, …`), with no quote
marks needed, and back-references that point at what was just said (`Об этом сообщили в …`)."""
from __future__ import annotations

import re

from . import speech_cues as sc
from . import speechscan
from .statement_parts import (
    _END_TRIM,
    _SUBJ_MAX,
    Cand,
    FinderBase,
    _at_most,
    _strip,
    _verbatim,
    _words,
)

_ONLY_ADVERBIAL = re.compile(r"(?i)(?:in|on|at|via|during|в|у|на|во|під час|во время)\s(?!.*(?:що|что|that)\b)")
_NOT_CUE_BEFORE = re.compile(r"(?i)(?<![\w'’-])(?:the|a|an|its|their|his|her|these|those|this|our|be|been|being|is|was"
                             r"|on|in|of|with|from|by|for|at|latest|recent|new|official|unverified|not|never|не|ні"
                             r"|are|were|to|will|would|could|can|may|might|must|should|did|do|does|as|made|make|makes"
                             r"|making)\s+(?:\w+ly\s+)?$")
_COPULA_BEFORE = re.compile(r"(?i)(?<![\w'’-])(?:is|are|was|were)\s+[\w'’-]+\s+$")
_NOT_CUE_AFTER = re.compile(r"(?i)\s+(?:by)(?![\w'’-])")  # passive: "the figure announced by Putin"
_NOUN_CUES = {"reports", "claims", "claim", "comments", "notes", "estimates", "put", "puts", "states"}
_NOUN_AFTER = re.compile(r"(?i)\s+(?:of|on|about|from|for|in which|that (?:have|has|had|were|was|are|is))(?![\w'’-])")
_LABEL = re.compile(r"(?:[\w'’-]+ ){0,3}[\w'’-]+:\s+(?=\S)")
_SOURCE_NOUN = re.compile(r"(?i)(?<![\w'’-])(?:him|her|them|it|report\w*|data|figures?|estimates?|sources?|officials?"
                          r"|statement|bulletin|update|ministry|military|analysts?|intelligence|media|army|forces"
                          r"|command|staff|authorities|government|agency|service|police|governor|mayor|spokes\w+"
                          r"|the \w+ of)(?![\w'’-])")
_THAT_OR_QUOTE = re.compile(r"\s*(?:,\s*)?(?:що|что|:|«|\")")
_QUOTE_CHAR = re.compile(r"[\"“”«»„]")
_SPEAKER_NOUN = re.compile(r"(?<![\w'’-])(?:spokes\w+|minist\w+|officials?|sources?|army|military|president|leader"
                           r"|commander|general|governor|mayor|soldier|serviceman|officer|analysts?|agency|service"
                           r"|post|tweet|report|statement|bulletin|update|message|ministry|command|staff|department"
                           r"|office|institute|think tank|diplomat|ambassador|envoy|adviser|advisor)(?![\w'’-])")
_TOPIC_AFTER = re.compile(r"(?i)\s+(?:of|about|on the|on this|on that|про|о|об)(?![\w'’-])")
_ADVERBIAL = re.compile(r"(?i)\s*(?:on|at|in|during|via|to|last|this|earlier|later|today|yesterday|late|early|від|в|у"
                        r"|на"
                        r"|під час|во время|во|со)(?![\w'’-])")
_DASH_END = re.compile(r"[,–—-]\s*$")
_ADVERBIAL_THEN_CLAUSE = re.compile(r"\s*(?:on|in|at|during|late|early|earlier|later)\b[^,.;:]{0,50},\s+"
                                    r"(?:as|while|amid|calling|adding|with|after|when|before|which|saying|noting"
                                    r"|urging)(?![\w'’-])")
_CITING = re.compile(r"\s*(?:[\w'’]+\s+){0,3}?,\s*" + sc.CITING_WORDS + r"\s+")
_THAT = re.compile(r"(?<![\w'’-])(?:that|що|что|як|как|nearly|,)(?![\w'’-])")
_CONTENT_CUT = re.compile(r",\s+(?:while|whereas|adding|saying|stressing|noting|according to|he said|she said|it said"
                          r"|as\s+\w+\s+(?:said|reported)|у той час як|в то время как|додавши|добавив)\b")

_PP_START = re.compile(r"(?i)(?:у|в|на|in|on|via|through|через|во|at|під час|во время|during)\s")


class CueReading(FinderBase):
    # ---- 2. cues in sentences ----------------------------------------------------------------
    def cue_pass(self) -> None:
        direct = [(c.start, c.end) for c in self.cands]
        # Each word list's matches once, bucketed by sentence: most sentences hold none.
        # Keyed by the scanner's tag (a string): a compiled pattern as a dict key hashes its whole code each time.
        buckets: dict[int, dict[str, list[re.Match[str]]]] = {}
        sentence_at = self.seg.sentence_at
        for m in self.hits.all(speechscan.CUES):
            si = sentence_at(m.start())
            got = buckets.get(si)
            if got is None:
                got = buckets[si] = {}
            tag = m.lastgroup or "verb"
            if tag in got:
                got[tag].append(m)
            else:
                got[tag] = [m]
        for si in sorted(buckets):
            s = self.seg.sentences[si]
            got = buckets[si]
            if s.kind in ("headline", "heading") and si < 3 and self._layout_title(s.start, s.end):
                continue
            for m in got.get("srcpron", ()):
                self._source(m, s.start, s.end, pronoun=True)
            for m in got.get("source", ()):
                if not self._inside(m.start(), direct) and not self._in_cue(m.start()):
                    self._source(m, s.start, s.end)
            for m in got.get("backref", ()):
                self._backref(m, si)
            for m in got.get("verb", ()):
                pos = m.start()
                if pos in self.used_cues or self._inside(pos, direct) or self._inside(pos, self.quoted) \
                        or self._in_cue(pos):
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
        if subj and low.startswith(("за словами", "по словам", "зі слів", "со слов"), ca):
            while after < se and text[after] in "»”\"'’":  # "По словам «Кедра», …": the mark the subject left
                after += 1
        # `According to X, CONTENT` or `CONTENT, according to X`
        rest_a, rest_b = _strip(text, after, se)
        before_a, before_b = _strip(text, ss, ca)
        rest_ok = not _at_most(text, rest_a, rest_b, 1 if pronoun else 2)  # "За його даними, постраждалих немає"
        if rest_ok and (pronoun or text[after:after + 2].strip().startswith(",")):
            a, b = rest_a, rest_b
        elif not _at_most(text, before_a, before_b, 2):
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
        # (a match runs up to the cue over words and spaces only: none starts before a comma)
        lo = max(ss, ca - 30)
        if _NOT_CUE_BEFORE.search(low, low.rfind(",", lo, ca) + 1 or lo, ca) or _NOT_CUE_AFTER.match(low, cb):
            return
        if cue in _NOUN_CUES and (_NOUN_AFTER.match(low, cb) or _COPULA_BEFORE.search(low, max(ss, ca - 30), ca)):
            return
        if cue.startswith(("оцін", "оцен", "счита", "вважа")) and not _THAT_OR_QUOTE.match(low, cb, cb + 12):
            return  # "оцінив роботу підрозділів", "считает убитыми": an appraisal or a count, not reported content
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
                and not _QUOTE_CHAR.search(text, cb, t.start()):
            start = t.end()
        ra, rb = _strip(text, start, se)
        rb = self._cut(ra, rb)
        participle = bool(sc.PARTICIPLE.search(cue)) and text[ca - 2:ca].strip() == ","
        if participle:
            if not _at_most(text, ra, rb, 2):
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
        # `CONTENT, Ukrinform reported, citing the brigade's Telegram channel.`: the content is fronted and its
        # speaker is the source cited, not the outlet that relays it
        cite = _CITING.match(low, cb)
        if cite and not _THAT.search(low, cite.end(), se):
            comma = text.rfind(",", ss, ca)
            if comma > ss:
                fa, fb = _strip(text, ss, comma)
                label = _LABEL.match(text, fa, fb)
                fa = label.end() if label else fa
                if not _at_most(text, fa, fb, 2):
                    self.add(Cand("indirect", fa, fb, text[ca:cb], (ca, cb), subject=_strip(text, cite.end(), se),
                                  frame=(ss, se), source="fronted"))
            return
        # `CONTENT, X said.` / `CONTENT, said X.` (fronted): the cue ends the sentence (or its subject does).
        # ("…, Sobyanin said on Wednesday, as flights … were suspended": after the adverbial, a clause of its own)
        fronted_adv = _ADVERBIAL.match(text, cb) is not None and (
            _words(text, cb, se) <= 10 or _ADVERBIAL_THEN_CLAUSE.match(low, cb) is not None) \
            and not _THAT.search(low, cb, se) and _DASH_END.search(text[max(ss, (subj or (ca, ca))[0] - 3):
                                                                        (subj or (ca, ca))[0]]) is not None
        if _at_most(text, ra, rb, 1) or fronted_adv or self._ends_with_subject(cb, se):
            comma = max(text.rfind(",", ss, ca), text.rfind(" – ", ss, ca), text.rfind(" — ", ss, ca),
                        text.rfind(" - ", ss, ca))
            if comma > ss:
                fa, fb = _strip(text, ss, comma)
                label = _LABEL.match(text, fa, fb)  # "Ukraine war latest: Russia has lost …, General Staff says"
                if label:
                    fa = label.end()
                if not _at_most(text, fa, fb, 2):
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
        if start == cb and _ONLY_ADVERBIAL.match(text, ra, rb) and _at_most(text, ra, rb, 5):
            return  # "Відео спецслужба оприлюднила у своєму Telegram-каналі": where, not what
        kind = "mixed" if any(ra <= q.start and q.end <= rb for q in self.quotes) else "indirect"
        self.add(Cand(kind, ra, rb, text[ca:cb], (ca, cb), subject=subj, frame=(ss, se), source="verb"))

    def _ends_with_subject(self, cb: int, se: int) -> bool:
        """After the cue only a speaker and an adverbial remain: "…, said the Ukrainian serviceman Alexander"."""
        rest = self.text[cb:se].strip(_END_TRIM + " ")
        if not rest:
            return True
        words = len(rest.split())
        if words > 10 or _THAT.search(rest.lower()):
            return False
        ms = [m for m in self.res.in_span(cb, se) if m.entity.type != "country" or words <= 3]
        if ms and _words(self.text, cb, ms[0].start) <= 8 and words <= 14:
            return True
        if words > 4:
            return False
        low = rest.lower()
        if low.startswith("the "):  # "…, said the spokesman", not "He said the situation was difficult"
            return words <= 4 and _SPEAKER_NOUN.search(low) is not None
        return rest[:1].isupper() or low.startswith(("він", "вона", "он", "она"))

    # ---- 3. back-references --------------------------------------------------------------------
    # (a channel or a place after the verb is no speaker: "… повідомила у своєму телеграм-каналі")
    def _backref(self, m: re.Match[str], si: int) -> None:
        text = self.text
        s = self.seg.sentences[si]
        ca, cb = m.span()
        comma = text.find(",", cb, s.end)
        subj = _strip(text, cb, comma if comma >= 0 else s.end)
        words = list(re.finditer(r"\S+", text[ca:cb]))
        if len(words) > 3 and (subj[1] <= subj[0] or _PP_START.match(text, subj[0])):
            # "Про це бригада повідомила у своєму телеграм-каналі": the speaker stands before the verb
            mid = (ca + words[2].start(), ca + words[-2].end())
            if not _PP_START.match(text, mid[0]):
                subj = mid
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

