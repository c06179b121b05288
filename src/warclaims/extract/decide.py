"""Decisions about one candidate figure: whose loss (side), over what (scope), and whether it is a
tally at all (gate). A mixin of TallyExtractor: it reads the document context built there
(`low`, `hits`, `seg`, `scope`, `attr`, `bulletin`, `_fig_sents`)."""
from __future__ import annotations

import re

from ..vocab import CATEGORIES
from . import bounds, cues
from .attribution import OPPOSITE, RU, THIRD, UA, party
from .candidate import WEAK_PERSONNEL, Cand, base_category
from .fastre import lead
from .scope import Marker

_POSSESSIVE_BEFORE = lead(re.compile(r"(?<![\w'-])(?:their|its|his|her|свої|своїх|своих|свои|його|її|их|его)\s+$"))
_ADJ_BEFORE = re.compile(r"(?<![\w'-])(?:\w+(?:ськ|ск|ьк)\w*|рф|enemy|russian|ukrainian)\s+$")
_CLAUSE_END = re.compile(r"[.!?;\n]")


def adjective_before(low: str, pos: int) -> re.Match[str] | None:
    """_ADJ_BEFORE.search(low, pos - 40, pos): only where a word and then spaces end the window (a label after
    "(+35);\n" has none)."""
    lo = max(0, pos - 40)
    before = low[lo:pos]
    kept = before.rstrip()
    if not kept or len(kept) == len(before) or not (kept[-1].isalnum() or kept[-1] == "_"):
        return None
    return _ADJ_BEFORE.search(low, lo, pos)
_LETTER = re.compile(r"[^\W\d_]")
_OWN = re.compile(r"(?<![\w'])(?:своих|своїх|its|their|own)(?![\w'])")
_GENITIVE_AFTER = re.compile(r"\s*(?:of the |of )?(?P<w>ворога|противника|врага|всу|зсу|рф|росії|россии|окупантів"
                             r"|оккупантов|enemy|ukraine|україни|украины)(?![\w])")
# "Також …", "Russia has also lost …": the sentence goes on with the previous one's claim.
CONTINUES = lead(re.compile(r"(?<![\w'-])(?:also|in addition|additionally|moreover|furthermore|також|крім того"
                            r"|окрім того|кроме того|также|а также)(?![\w'])"))


# "…, серед них — близько 198 тисяч загиблих", "of whom about 198,000 were killed": a part of the figure before
_SUBSET_BEFORE = lead(re.compile(r"(?<![\w'-])(?:серед них|среди них|among them|of whom|of them|з них|із них|из них"
                                 r"|в тому числі|у тому числі|в том числе)\s*[—–-]?\s*(?:[\w'-]+\s+){0,2}$"))


class Decisions:
    def _clause(self, c: Cand) -> tuple[int, int]:
        """The figure's clause (scope.clause_bounds), looked up once per figure: every decision reads it."""
        if c.clause is None:
            c.clause = self.scope.clause_bounds(c.sent, c.fig.num_span[0])
        return c.clause

    def _bare(self, c: Cand) -> bool:
        """The figure is all its clause says ("• танки — 8887 (+4);"): no word outside it can be a cue."""
        if c.bare is None:
            lo, hi = self._clause(c)
            c.bare = not (_LETTER.search(self.low, lo, c.fig.start) or _LETTER.search(self.low, c.fig.end, hi))
        return c.bare

    @staticmethod
    def _no_cue(*_args: object) -> bool:
        return False

    def _cue(self, rx: re.Pattern[str], lo: int, hi: int, a: int | None = None, b: int | None = None) -> bool:
        """A match of the word list `rx` in the clause [lo, hi), lying inside [a, b) when given."""
        return self.hits.first(rx, lo if a is None else max(a, lo), hi if b is None else min(b, hi)) is not None

    # -- losing side ---------------------------------------------------------------------------------
    def _side(self, c: Cand) -> None:
        f = c.fig
        speaker = c.claimant.side if c.claimant and c.claimant.side in (UA, RU) else None
        # 1. Inside the noun phrase: "Russian tanks", "танків ворога", "загиблих українських військових".
        if f.mods:
            side = self.attr.side_words(f.num_span[1], f.label_span[0], speaker)
            if side:
                c.side, c.side_basis = side, "noun phrase"
                return
            if _OWN.search(f.mods):
                c.side_basis = "own"
        if f.shape != "number_first":
            adj = adjective_before(self.low, f.label_span[0])
            side = self.attr.side_words(adj.start(), adj.end(), speaker) if adj else None
            if side:
                c.side, c.side_basis = side, "noun phrase"
                return
        m = _GENITIVE_AFTER.match(self.low, f.label_span[1], f.label_span[1] + 30)
        if m:
            side = self.attr.side_words(m.start("w"), m.end("w"), speaker)
            if side:
                c.side, c.side_basis = side, "noun phrase"
                return
        # 2. The clause: who lost, whose losses, who destroyed; then the list's introduction.
        lo, hi = self._clause(c)
        cspan = (c.claimant.start, c.claimant.end) if c.claimant and c.claimant_basis == "sentence" else None
        side, why = (None, None) if self._bare(c) else self.attr.clause_side(lo, f.start, f.end, hi, speaker, cspan)
        for i in reversed(self._intro_sents(c)) if side is None else ():
            key = ("intro-side", i, speaker)
            if key not in self._memo:
                s = self.seg.sentences[i]
                self._memo[key] = self.attr.clause_side(s.start, s.end, s.end, s.end, speaker, None)
            side, why = self._memo[key]  # type: ignore[misc]
            if side:
                break
        if side:
            c.side, c.side_basis = side, why
            return
        # 3. "… its own losses …, when it said 1,351": the speaker's side; a party otherwise claims the other
        # side's losses; 4. the document's vocabulary.
        if speaker and self.hits.first(cues.OWN_LOSSES, *self._clause(c)):
            c.side, c.side_basis = speaker, "own losses"
        elif speaker:
            c.side, c.side_basis = OPPOSITE[speaker], "opposite of the claimant"
        elif self.attr.frame:
            c.side, c.side_basis = OPPOSITE[self.attr.frame], "document vocabulary"
        elif self.bulletin:
            c.side, c.side_basis = RU, "bulletin format"

    # -- scope ------------------------------------------------------------------------------------------
    def _scope(self, c: Cand, siblings: list[Cand]) -> None:
        f = c.fig
        if f.delta is not None or any(s.fig.delta is not None and s.intro == c.intro and c.intro is not None
                                      for s in siblings):
            c.scope, c.scope_basis = "cumulative", "bulletin line with a daily change"
            return
        if not self._bare(c) and self.scope.increment_before(c.sent, f.num_span[0]):
            c.scope, c.scope_basis = "period", "an increment ('ще', 'another')"
            return
        mk = None if self._bare(c) else self.scope.own(c.sent, f.num_span[0], f.end)
        basis = "sentence"
        for i in reversed(self._intro_sents(c)) if mk is None else ():
            mk, basis = self.scope.any_in(i), "list introduction"
            if mk:
                break
        if mk is None:
            lo, hi = self._clause(c)
            same = self.hits.first(cues.SAME_PERIOD, lo, hi) is not None  # "over the same period"
            mk, basis = self._inherited(c, force_continue=same)
        if mk is not None:
            c.scope, c.marker, c.scope_basis = mk.scope, mk, basis
            # An inherited "over the past day" cannot govern a list that holds 9,000 tanks.
            if mk.kind == "day" and basis not in ("sentence", "list introduction") and any(
                    bounds.above_daily(base_category(d.fig.category), d.fig.value) for d in siblings):
                c.scope, c.marker, c.scope_basis = "cumulative", None, "too large for one day"

    def _continues(self, c: Cand) -> bool:
        """"Також …", "Russia has also lost …", "The same bulletin lists …"."""
        lo = self._clause(c)[0]
        return bool(CONTINUES.search(self.low, lo, c.fig.start) or self.hits.first(cues.SAME_REPORT, lo, c.fig.start))

    def _before(self, c: Cand) -> list[tuple[int, str]]:
        """Sentences before the figure's: its paragraph's, then the previous paragraph's (nearest first)."""
        pidx = self.seg.sentences[c.sent].para
        para = self.seg.paragraphs[pidx]
        out = [(i, "paragraph") for i in reversed(para.sentences) if i < c.sent]
        if pidx > 0 and self.seg.paragraphs[pidx - 1].kind == "text":
            out += [(i, "previous paragraph") for i in reversed(self.seg.paragraphs[pidx - 1].sentences)]
        return out

    def _inherited(self, c: Cand, force_continue: bool = False) -> tuple[Marker | None, str]:
        """A marker from the sentences before. A period is inherited only from a sentence with no figure of
        its own (it would be that figure's period), unless this one goes on with it ("Також", "the same period")."""
        continues = force_continue or self._continues(c)
        for i, basis in self._before(c):
            mk = self.scope.any_in(i)
            if mk is None:
                continue
            if mk.scope == "period" and i in self._fig_sents and not continues:
                continue
            if mk.scope == "period" and i in self._fig_sents and self._other_claimant(c, i):
                continue  # "Kyiv's tally also includes …" goes on with Kyiv, not with the UK's "during 2025"
            # "… since Russia captured Bakhmut in May last year." is not the period of the next paragraph's list.
            if mk.scope == "period" and basis == "previous paragraph" and not self._loss_in(i):
                continue
            return mk, basis
        return None, ""

    def _sent_cands(self, sent: int) -> list[Cand]:
        return [d for d in self._cands if d.sent == sent]

    def _other_claimant(self, c: Cand, sent: int) -> bool:
        """Sentence `sent` has a claimant (its own, or its paragraph's), and not the figure's (by name)."""
        if c.claimant is None:
            return False
        s = self.seg.sentences[sent]
        found, basis = self.attr.claimant(sent, s.end - 1, [])
        theirs, ours = party(found, basis), party(c.claimant, c.claimant_basis)
        return theirs is not None and ours is not None and theirs.name != ours.name

    # -- is it a tally at all? -------------------------------------------------------------------------
    def _has_loss(self, c: Cand) -> bool:
        """A loss word in the figure's sentence, its list's introduction, or the sentence it continues; a
        sentence that is itself a tally list ("Танків — 11 316, ББМ — 23 521, …") goes on with the one before."""
        if any(self._loss_in(i) for i in (c.sent, *self._intro_sents(c))):
            return True  # (the sentences before are read only when these have none)
        back = 2 if self._tally_list(c.sent) or self._opens_with_label(c) else \
            1 if self._continues(c) or self._elliptical(c) else 0
        return back > 0 and any(self._loss_in(i) for i, _ in self._before(c)[:back])

    def _loss_list(self, c: Cand, group_std: int) -> bool:
        """A list or table of four or more standard categories under a title about losses ("Потери России в
        войне …", "The Week in Numbers: Russia's losses") or given by the Ukrainian General Staff, which counts
        nothing but losses: the loss word stands above the list, not in its rows."""
        if c.fig.shape not in ("label_first", "pair"):
            return False  # (a sentence "added 590 personnel, 5 tanks, …" is prose, not a list)
        if c.claimant is not None and c.claimant.side == UA and "general staff" in c.claimant.name.lower():
            # its list, or a list it spreads over a thread's posts ("3/5 🛡️ Tanks 9 584 +8 …", "4/5 ✈️ Aircraft 369")
            return group_std >= 4 or len(self._listed_categories()) >= 6
        if group_std < 4:
            return False
        sents = self.seg.sentences
        return any(sents[i].kind in ("headline", "heading") and self._loss_in(i) for i in range(min(3, len(sents))))

    def _listed_categories(self) -> set[str]:
        """The standard categories the document gives as "label — number" lines or items."""
        key = ("listed", 0)
        if key not in self._memo:
            self._memo[key] = {d.fig.category for d in self._cands
                               if d.fig.shape in ("label_first", "pair") and d.fig.category in CATEGORIES}
        return self._memo[key]  # type: ignore[return-value]

    def _opens_with_label(self, c: Cand) -> bool:
        """The sentence starts with this figure's label ("Бпла вже 76 704, …", "Tanks: 3,363."): the list of
        the sentence before goes on."""
        s, f = self.seg.sentences[c.sent], c.fig
        # not a bare space between label and number: "Бійці 24-ї бригади" is no list
        return f.shape == "label_first" and not _LETTER.search(self.low, s.start, f.label_span[0]) \
            and not self.low[f.label_span[1]:f.num_span[0]].isspace()

    def _loss_in(self, sent: int) -> bool:
        key = ("loss", sent)
        if key not in self._memo:
            s = self.seg.sentences[sent]
            self._memo[key] = self.hits.first(cues.LOSS, s.start, s.end) is not None
        return self._memo[key]  # type: ignore[return-value]

    def _tally_list(self, sent: int) -> bool:
        """Three or more figures of standard categories in one sentence, or two "label — N" ones ("Танків — 11 316
        штук, бронємашин (ББМ) — 23 521, арти всякої — 34 137.")."""
        cats = self._sent_categories.get(sent, ())
        return len(cats) >= 3 or (len(cats) == 2 and sent in self._label_first_sents)

    def _gate(self, c: Cand, group_std: int) -> str | None:
        f = c.fig
        lo, hi = self._clause(c)
        cue = self._no_cue if self._bare(c) else self._cue
        bulletin_line_now = f.delta is not None
        para = self.seg.paragraphs[self.seg.sentences[c.sent].para]
        if cues.LINK_LINE.match(self.low, para.start):
            return "a link to another article ('Read also: …')"
        if c.side is None:
            return "losing side unknown"
        if self._question(c):
            return "a question, not a claim ('Nearly a million Russian casualties?')"
        if c.scope_basis == "an increment ('ще', 'another')" and f.value <= 5 and not bulletin_line_now:
            return "a few more of one kind ('ще один танк відійшов пошкодженим'): an incident, not a count"
        if _SUBSET_BEFORE.search(self.low, max(0, f.num_span[0] - 40), f.num_span[0]) and any(
                d.fig.category == f.category and d.fig.end <= f.num_span[0] for d in self._sent_cands(c.sent)):
            return "a part of the total just given ('750 тисяч …, серед них — близько 198 тисяч загиблих')"
        if _POSSESSIVE_BEFORE.search(self.low, max(0, f.num_span[0] - 12), f.num_span[0]):
            return "a possessive reference ('their 70,000 …'), not a claim"
        if cue(cues.PROJECTION, lo, hi, self._after_break(lo, f.num_span[0]), f.num_span[0]):
            return "a projection ('will soon reach', 'approaching')"
        if cue(cues.AVERAGE, lo, hi):
            return "an average, not a count"
        if cue(cues.FORCE_SIZE, lo, hi, f.num_span[0] - 40, f.end + 40):
            return "a force size, not a loss"
        if cue(cues.EARLIER, lo, hi) and not bulletin_line_now:
            return "an earlier total quoted for comparison ('a year ago …')"
        if cue(cues.DENIED, lo, hi) or self.low.startswith(("claim:", "твердження:", "утверждение:"), lo):
            return "a claim quoted to be denied (a fact-check)"
        if cue(cues.DELIVERY, lo, hi, lo, f.num_span[0]):
            return "a delivery, not a loss"
        if cue(cues.LAUNCH, lo, hi, lo, f.num_span[0]) or cue(cues.LAUNCHED_AFTER, lo, hi, f.end, hi):
            return "weapons launched in an attack, not a loss"
        claimant_side = c.claimant.side if c.claimant else None
        if claimant_side == THIRD:
            return f"a third-party estimate ({c.claimant.name})" if c.claimant else "a third-party estimate"
        if claimant_side in (UA, RU) and claimant_side == c.side and (
                c.claimant_basis == "sentence" or c.side_basis == "own losses"):
            return f"{c.claimant.name if c.claimant else 'a side'} reporting its own side's losses"
        if claimant_side != UA and cue(cues.HEDGE, lo, hi):
            return "a hedged estimate ('probably', 'said to have')"
        bulletin_line = f.delta is not None or (self.bulletin and f.shape in ("label_first", "pair")) or (
            c.scope_basis == "bulletin line with a daily change") or f.shape in ("table", "correction")
        if not bulletin_line and not self._has_loss(c) and not self._loss_list(c, group_std):
            return "no loss word in the sentence"
        if f.category == "personnel" and not bulletin_line and WEAK_PERSONNEL.search(
                self.low[f.label_span[0]:f.label_span[1]]) and not self._military_context(c):
            return "'people'/'men' with no sign they are soldiers of a side"
        if (f.category.startswith("other:") or f.category == "vehicles*") and group_std == 0 and not (
                f.category.startswith("other:") and c.side_basis and c.side_basis.startswith("subject")):
            return "a non-standard category outside a tally list"
        if c.scope is None:
            national = c.claimant is not None and c.claimant.role in ("party_to_conflict", "official")
            if bounds.below_cumulative(base_category(f.category), f.value):
                return "scope unknown and too small for a running total (an incident?)"

            if group_std >= 2 or national or f.category == "personnel":
                c.scope, c.scope_basis = "cumulative", "default: a national total with no period"
            else:
                return "scope unknown"
        strong = c.marker is not None and c.marker.kind == "cum_strong" and c.scope_basis == "sentence"
        # (but 38,924 drones are no one night's, and "загалом їх від лютого 2022 року знищено 955" says it is a total)
        if f.category in ("uav", "cruise_missiles") and not bulletin_line and not strong \
                and f.value <= _max_one_attack(f.category) \
                and cue(cues.SHOOTDOWN, lo, hi):
            return "drones or missiles shot down in one attack, not a running total"
        # A zone's or a unit's own count is never the national running total.
        if c.scope == "cumulative" and not bulletin_line and (
                (c.claimant is not None and c.claimant.role == "unit") or cue(cues.ZONE, lo, hi)):
            c.scope, c.marker, c.scope_basis = "period", None, "a zone's or unit's own count"
        return None

    def _after_break(self, lo: int, pos: int) -> int:
        """Where the part of [lo, pos) after its last colon, semicolon or ", but" begins: "That is the figure you
        will see quoted …, but the running total matters too: as of September 14 the General Staff puts …" (the
        "will" is another clause's)."""
        ends = [m.end() for m in _CLAUSE_BREAK.finditer(self.low, lo, pos)]
        return ends[-1] if ends else lo

    def _question(self, c: Cand) -> bool:
        """The figure's clause ends with a question mark (a headline's "Nearly a million Russian casualties?")."""
        m = _CLAUSE_END.search(self.text, c.fig.end, self.seg.sentences[c.sent].end)
        return bool(m) and m.group() == "?"

    def _elliptical(self, c: Cand) -> bool:
        """A short sentence that leans on the one before ("Лише за останню добу — 1 610 осіб.")."""
        s = self.seg.sentences[c.sent]
        return c.sent > 0 and self.seg.sentences[c.sent - 1].para == s.para and s.kind == "text" \
            and len(self.text[s.start:s.end].split()) < 10

    def _military_context(self, c: Cand) -> bool:
        """'People'/'осіб' are soldiers here: a side in the noun phrase, or losses/lost in the clause (or in the
        sentence before, for a short elliptical one: "Лише за останню добу — 1 610 осіб.")."""
        if c.side_basis == "noun phrase":
            return True
        lo, _hi = self._clause(c)
        if self._elliptical(c):
            lo = self.seg.sentences[c.sent - 1].start
        window = (max(lo, c.fig.num_span[0] - 220), c.fig.num_span[0])
        return bool(self.hits.first(cues.LOSER_VERB, *window) or re.search(
            r"(?<![\w'-])(?:losses|loss|casualties|втрат\w*|потер\w*|особов\w* склад\w*|личн\w* состав\w*)(?![\w'])",
            self.low[window[0]:window[1]]))


_CLAUSE_BREAK = re.compile(r"[:;]\s|,\s+(?:but|але|но|однак|однако)\s")


def _max_one_attack(category: str) -> int:
    """More than one attack ever brought: 800 drones (2025's largest) or 150 missiles; a larger count is a total."""
    return 1000 if category == "uav" else 200
