"""The statements stage's quote and layout passes: a quote attributed by the cue next to it (`X commented:
“…”`, `“…,” he said`, `“…” - Name`, `«…», — заявив він`, `From X:`), a quote continuing an attributed one, a
title attributed by a dash or a colon (`… – Генеральний штаб ЗС України`, `Генштаб ЗСУ: …`, `…: PM Shmyal`),
and an embedded post signed `— Name (@handle) Date`."""
from __future__ import annotations

import re

from . import speech_cues as sc
from .quotes import Quote
from .statement_parts import (
    Cand,
    FinderBase,
    _at_most,
    _strip,
    _verbatim,
    _words,
)

_CAPTION = re.compile(r"(?i)\s*(?:photo|фото|ілюстрац|иллюстрац|illustration|image|getty|reuters/|ap photo"
                      r"|video)")
_PUNCT_AFTER = re.compile(r"\s*[,.!?…:;]|\s+[-–—]")
_TITLE_HINT = re.compile(r"\s[-–—]\s|:\s")
_NOT_SUBJ_LEAD = {"for", "to", "in", "of", "with", "by", "at", "on", "and", "but", "or", "as", "after", "before",
                  "while", "when", "if", "because", "from", "than", "about", "into", "over", "that", "which", "who"}

class QuoteReading(FinderBase):
    # ---- 1. quotes ---------------------------------------------------------------------------
    _AFTER_SUBJ_CUE = re.compile(r"[,.!?…]?[\"”»’]?\s*[,]?\s*(?:[-–—]\s*)?"
                                 r"(?P<subj>[^\s.,;:!?\"“”«»\-–—][^.;:!?\"“”«»\n]{0,70}?)"
                                 r"\s+(?P<cue>" + sc.VERB.pattern + r")")
    # (the subject may hold one quoted word: a call sign, "рассказал оператор с позывным «Кедр»")
    _AFTER_CUE_SUBJ = re.compile(r"[,.!?…]?[\"”»’]?\s*[,]?\s*(?:[-–—]\s*)?(?P<cue>" + sc.VERB.pattern +
                                 r")\s+(?P<subj>(?:[^.;!?\"“”«»\n]|[«\"“„][\w'’-]{1,25}[»\"”“]){1,110}?)\s*(?=[.;!?\n]|,|$)")
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
            if len(self.cands) == n:
                self._standalone(q)

    def _standalone(self, q: Quote) -> None:
        """A paragraph that is one quote and nothing else (under a topic subhead of a briefing digest): the words
        of the speaker the text has been quoting, said as a default."""
        la, lb = self.line_bounds(q.start)
        a, b = _strip(self.text, la, lb)
        if q.start - a > 1 or b - q.end > 2 or q.words(self.text) < 6:
            return
        qa, qb = _verbatim(self.text, q.start, q.end)
        self.add(Cand("direct", qa, qb, None, None, confidence=q.confidence * 0.8, frame=(la, lb),
                      source="standalone"))

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
        inner_end = text[q.start:q.end].rstrip()[-1:]
        if inner_end not in ".,!?…" and not _PUNCT_AFTER.match(text[close_end:close_end + 3]):
            # "Речник ОСУВ «Хортиця» Назар Волошин заявив": a name inside the subject, not a quote attributed
            after_end = close_end
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
        # The three patterns below end in `[:,]\s*$`: text before the mark that does not end so has none of them.
        if pre.rstrip()[-1:] not in (":", ","):
            return
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
        if words[0].lower() in _NOT_SUBJ_LEAD:
            return False  # "“lies” for alleging": not a speaker
        return not any(w.lower() in ("the", "a") for w in words[-1:])

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

    # ---- 4. layouts ----------------------------------------------------------------------------
    _TITLE_DASH = re.compile(
        r"(?P<content>.{8,}?)(?:\s+[-–—]|(?P<colon>:))\s+"
        r"(?:(?:address|statement|speech|interview|video address|звернення|заява|обращение|заявление)"
        r" (?:by|of|від)\s+)?(?P<subj>[^-–—\n]{2,70}(?:\n[^-–—\n]{1,40})?)$", re.S)
    _TITLE_COLON = re.compile(r"(?P<subj>[^:\n]{2,40}):\s+(?P<content>.{8,})$", re.S)

    def layout_pass(self) -> None:
        for p in self.seg.paragraphs:
            # (the cheap test first: most paragraphs end a sentence, and counting words splits the paragraph)
            if p.kind in ("headline", "heading") or (self.text[p.end - 1] not in ".!?"
                                                     and _at_most(self.text, p.start, p.end, 30)):
                self._layout_title(p.start, p.end)
        self._signatures()
        self._transcript()

    def _transcript(self) -> None:
        """A transcript: "SKIBITSKYI: Good afternoon. …" paragraphs are the labelled speaker's answers; the
        questions ("QUESTION (Reuters): …") are not statements. Read only when a label repeats or a question label
        shows the layout (an "UPDATE: …" line is no transcript)."""
        rows = [(p, m) for p in self.seg.paragraphs if (m := sc.TRANSCRIPT_LABEL.match(self.text, p.start, p.end))]
        labels = [m.group("label").strip() for _p, m in rows]
        asked = any(sc.QUESTION_LABEL.fullmatch(x.lower()) for x in labels)
        for p, m in rows:
            label = m.group("label").strip()
            if asked and sc.QUESTION_LABEL.fullmatch(label.lower()):
                self.asked.append((p.start, p.end))  # what a journalist asks is no statement of the speaker's
                continue
            if not (asked or labels.count(label) >= 2) or sc.NOT_A_SPEAKER.fullmatch(label.lower()):
                continue
            a, b = _strip(self.text, m.end(), p.end)
            if b - a < 12:
                continue
            la = m.start("label")
            self.add(Cand("direct", a, b, None, None, subject=(la, la + len(label)), frame=(p.start, p.end),
                          source="transcript"))

    def _layout_title(self, a: int, b: int) -> bool:
        text = self.text
        if (a, b) in self.titles:
            return True
        if not self.res.may_name(a, b):
            return False  # no name and no claimant word in it (a list item of figures): no speaker to attribute to
        if not _TITLE_HINT.search(self.text, a, b) or _CAPTION.match(self.text, a, b):
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

