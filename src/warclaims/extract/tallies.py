"""Loss tallies: candidate figures → claimant, losing side, scope → gates → merged records.

A tally is the losing side's loss as the claimant states it. A candidate is left out (and
listed in `rejected` with the reason when asked) when its side is unknown, when a side reports
its own losses or a third party estimates, when it is a projection, a force size, an average,
or when nothing says it is a running total or a period and it is too small to be a total.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import LossTally, Party
from ..vocab import CATEGORIES, WAR_START
from . import bounds, cues
from .asof import AsOfReader
from .attribution import OPPOSITE, RU, THIRD, UA, Attributor, Mention, party
from .dates import find_dates
from .figures import Figure, find_figures
from .normalize import fold
from .numbers import find_numbers
from .relay import intermediaries, outlet
from .scope import Marker, ScopeReader
from .segment import Segmentation, segment

# "The total combat losses of the enemy", "Загальні бойові втрати противника": a General Staff bulletin.
BULLETIN = re.compile(
    r"(?:total|загальн\w*|общ\w*|сумарн\w*|орієнтовн\w*) (?:бойов\w* |боев\w* |combat |russian combat )?"
    r"(?:losses|втрати|потери) (?:of the enemy|противника|ворога|in ukraine)|ліквідовано особового складу"
    r"|liquidated personnel|combat losses of the enemy"
)
GS = Party(name="General Staff of the Armed Forces of Ukraine", side=UA, role="party_to_conflict",
           basis="bulletin format")
_POSSESSIVE_BEFORE = re.compile(r"(?<![\w'-])(?:their|its|his|her|свої|своїх|своих|свои|його|її|их|его)\s+$")
_ADJ_BEFORE = re.compile(r"(?<![\w'-])(?:\w+(?:ськ|ск|ьк)\w*|рф|enemy|russian|ukrainian)\s+$")
# "Також …", "Russia has also lost …": the sentence goes on with the previous one's claim.
_CONTINUES = re.compile(r"(?<![\w'-])(?:also|in addition|additionally|moreover|furthermore|також|крім того"
                        r"|окрім того|кроме того|также|а также)(?![\w'])")
_DAY_NOUN = re.compile(r"(?<![\w'-])(?:доб\w*|сутк\w*|day|24 hours)(?![\w'])")
_OF_WHICH = re.compile(
    r"\s*,?\s*(?:з яких|із яких|з них|из которых|из них|of which|of whom|of them)\s+(?:близько |около |about )?"
)


@dataclass
class Cand:
    fig: Figure
    sent: int
    intro: int | None
    headline: bool
    claimant: Mention | None = None
    claimant_basis: str | None = None
    side: str | None = None
    side_basis: str | None = None
    scope: str | None = None
    marker: Marker | None = None
    scope_basis: str | None = None
    reject: str | None = None
    delta_source: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


class TallyExtractor:
    """One document's tallies. Reusable pieces are built once per document."""

    def __init__(self, text: str, published: str | None = None, language: str | None = None):
        self.text = text
        self.low = fold(text)
        self.published = published
        self.language = language
        self.seg: Segmentation = segment(text)
        self.dates = find_dates(text)
        # The "24" of "24 лютого" and the "2026" of "August 22, 2026" are dates, not counts.
        spans = [(d.start, d.end) for d in self.dates]
        self.nums = [n for n in find_numbers(text) if not any(a <= n.start < b for a, b in spans)]
        self.figs = find_figures(text, self.low, self.nums)
        skip = [(f.num_span[1], f.end) for f in self.figs if f.delta is not None]
        self.scope = ScopeReader(text, self.low, self.seg, skip)
        self.attr = Attributor(text, self.low, self.seg)
        self.bulletin = bool(BULLETIN.search(self.low))
        self.asof = AsOfReader(text, self.low, self.seg, published, self.dates)
        self.outlet = outlet(text)
        self._fig_sents = {self.seg.sentence_at(f.num_span[0]) for f in self.figs}

    # -- per candidate ---------------------------------------------------------------------------
    def _intro_sents(self, c: Cand) -> list[int]:
        """The list's introduction; a short one ("Зокрема:") brings the sentence before it."""
        if c.intro is None:
            return []
        out = [c.intro]
        s = self.seg.sentences[c.intro]
        if len(self.text[s.start:s.end].split()) < 5 and c.intro > 0 \
                and self.seg.sentences[c.intro - 1].para == s.para:
            out.insert(0, c.intro - 1)
        return out

    def _cand(self, fig: Figure) -> Cand:
        sent = self.seg.sentence_at(fig.num_span[0])
        para = self.seg.paragraph_of(sent)
        return Cand(fig, sent, para.intro, para.kind == "headline")

    def _claimant(self, c: Cand) -> None:
        m, basis = self.attr.claimant(c.sent, c.fig.num_span[0], self._intro_sents(c))
        c.claimant, c.claimant_basis = m, basis

    def _side(self, c: Cand) -> None:
        f = c.fig
        speaker = c.claimant.side if c.claimant else None
        if speaker not in (UA, RU):
            speaker = None
        # 1. Inside the noun phrase: "Russian tanks", "своїх військових", "танків ворога".
        if f.mods:
            side = self.attr.side_words(f.num_span[1], f.label_span[0], speaker)
            own = re.search(r"(?<![\w'])(?:своих|своїх|its|their|own)(?![\w'])", f.mods)
            if side:
                c.side, c.side_basis = side, "noun phrase"
                return
            if own:
                c.side_basis = "own"
        if f.shape != "number_first":  # "загиблих українських військових — 31 тисяча"
            adj = _ADJ_BEFORE.search(self.low, max(0, f.label_span[0] - 40), f.label_span[0])
            if adj:
                side = self.attr.side_words(adj.start(), adj.end(), speaker)
                if side:
                    c.side, c.side_basis = side, "noun phrase"
                    return
        after = self.low[f.label_span[1]:f.label_span[1] + 30]
        m = re.match(r"\s*(?:of the |of )?(?P<w>ворога|противника|врага|всу|зсу|рф|росії|россии"
                     r"|окупантів|оккупантов|enemy|ukraine|україни|украины)(?![\w])", after)
        if m:
            side = self.attr.side_words(f.label_span[1] + m.start("w"), f.label_span[1] + m.end("w"), speaker)
            if side:
                c.side, c.side_basis = side, "noun phrase"
                return
        # 2. The clause: who lost, whose losses, who destroyed.
        lo, hi = self.scope.clause_bounds(c.sent, f.start)
        cspan = (c.claimant.start, c.claimant.end) if c.claimant and c.claimant_basis == "sentence" else None
        side, why = self.attr.clause_side(lo, f.start, f.end, hi, speaker, cspan)
        for i in reversed(self._intro_sents(c)) if side is None else ():
            s = self.seg.sentences[i]
            side, why = self.attr.clause_side(s.start, s.end, s.end, s.end, speaker, None)
            if side:
                break
        if side:
            c.side, c.side_basis = side, why
            return
        # 3. A party claims the other side's losses; 4. the document's vocabulary.
        if speaker:
            c.side, c.side_basis = OPPOSITE[speaker], "opposite of the claimant"
        elif self.attr.frame:
            c.side, c.side_basis = OPPOSITE[self.attr.frame], "document vocabulary"
        elif self.bulletin:
            c.side, c.side_basis = RU, "bulletin format"

    def _scope(self, c: Cand, siblings: list[Cand]) -> None:
        f = c.fig
        if f.delta is not None or any(s.fig.delta is not None and s.intro == c.intro and c.intro is not None
                                      for s in siblings):
            c.scope, c.scope_basis = "cumulative", "bulletin line with a daily change"
            return
        if self.scope.increment_before(c.sent, f.num_span[0]):
            c.scope, c.scope_basis = "period", "an increment ('ще', 'another')"
            return
        mk = self.scope.own(c.sent, f.start, f.end)
        basis = "sentence"
        for i in reversed(self._intro_sents(c)) if mk is None else ():
            mk, basis = self.scope.any_in(i), "list introduction"
            if mk:
                break
        if mk is None:
            mk, basis = self._inherited(c)
        if mk is not None:
            c.scope, c.marker, c.scope_basis = mk.scope, mk, basis
            # An inherited "over the past day" cannot govern a list that holds 9,000 tanks.
            if mk.kind == "day" and basis not in ("sentence", "list introduction") and any(
                    bounds.above_daily(self._base(d.fig.category), d.fig.value) for d in siblings):
                c.scope, c.marker, c.scope_basis = "cumulative", None, "too large for one day"

    def _inherited(self, c: Cand) -> tuple[Marker | None, str]:
        """A marker from the sentences before (this paragraph, then the one before it). A period is
        inherited only from a sentence with no figure of its own (it would be that figure's period)."""
        para = self.seg.paragraphs[self.seg.sentences[c.sent].para]
        before = [(i, "paragraph") for i in reversed(para.sentences) if i < c.sent]
        pidx = self.seg.sentences[c.sent].para
        if pidx > 0 and self.seg.paragraphs[pidx - 1].kind == "text":
            before += [(i, "previous paragraph") for i in reversed(self.seg.paragraphs[pidx - 1].sentences)]
        lo = self.scope.clause_bounds(c.sent, c.fig.start)[0]
        continues = bool(_CONTINUES.search(self.low, lo, c.fig.start))
        for i, basis in before:
            mk = self.scope.any_in(i)
            if mk is None:
                continue
            if mk.scope == "period" and i in self._fig_sents and not continues:
                continue
            return mk, basis
        return None, ""

    @staticmethod
    def _base(cat: str) -> str:
        return "vehicles_fuel_tanks" if cat == "vehicles*" else cat

    def _gate(self, c: Cand, group_std: int) -> str | None:
        f = c.fig
        s = self.seg.sentences[c.sent]
        lo, hi = self.scope.clause_bounds(c.sent, f.start)
        if c.side is None:
            return "losing side unknown"
        if _POSSESSIVE_BEFORE.search(self.low, max(0, f.num_span[0] - 12), f.num_span[0]):
            return "a possessive reference ('their 70,000 …'), not a claim"
        if cues.PROJECTION.search(self.low, lo, f.num_span[0]):
            return "a projection ('will soon reach')"
        if cues.AVERAGE.search(self.low, lo, hi):
            return "an average, not a count"
        if cues.FORCE_SIZE.search(self.low, max(lo, f.num_span[0] - 40), min(hi, f.end + 40)):
            return "a force size, not a loss"
        claimant_side = c.claimant.side if c.claimant else None
        if claimant_side == THIRD:
            return f"a third-party estimate ({c.claimant.name})" if c.claimant else "a third-party estimate"
        if claimant_side in (UA, RU) and claimant_side == c.side and c.claimant_basis == "sentence":
            return f"{c.claimant.name if c.claimant else 'a side'} reporting its own side's losses"
        if cues.HEDGE.search(self.low, lo, hi) and claimant_side != UA:
            return "a hedged estimate ('probably', 'said to have')"
        has_loss = bool(cues.LOSS.search(self.low, s.start, s.end)) or any(
            cues.LOSS.search(self.low, self.seg.sentences[i].start, self.seg.sentences[i].end)
            for i in self._intro_sents(c))
        bulletin_line = f.delta is not None or (self.bulletin and f.shape == "label_first") or (
            c.scope_basis == "bulletin line with a daily change")
        if not has_loss and not bulletin_line:
            return "no loss word in the sentence"
        if (f.category.startswith("other:") or f.category == "vehicles*") and group_std == 0:
            return "a non-standard category outside a tally list"
        if c.scope is None:
            national = c.claimant is not None and c.claimant.role in ("party_to_conflict", "official")
            if bounds.below_cumulative(self._base(f.category), f.value):
                return "scope unknown and too small for a running total (an incident?)"
            if group_std >= 2 or national or f.category == "personnel":
                c.scope, c.scope_basis = "cumulative", "default: a national total with no period"
            else:
                return "scope unknown"
        return None

    # -- document ----------------------------------------------------------------------------------
    def run(self, explain: bool = False) -> tuple[list[LossTally], list[dict]]:
        cands = [self._cand(f) for f in self.figs]
        for c in cands:
            self._claimant(c)
            if c.claimant is None and self.bulletin:
                c.claimant_basis = "bulletin format"
            self._side(c)
        for c in cands:
            sib = [d for d in cands if d.sent == c.sent or (d.intro is not None and d.intro == c.intro)]
            self._scope(c, sib)
        rejected: list[dict] = []
        kept: list[Cand] = []
        for c in cands:
            group = [d for d in cands if d.sent == c.sent or (c.intro is not None and d.intro == c.intro)]
            std = len({d.fig.category for d in group if d.fig.category in CATEGORIES})
            c.reject = self._gate(c, std)
            if c.reject:
                if explain:
                    rejected.append(self._rejected(c))
            else:
                kept.append(c)
        kept = self._align_headline(kept)
        kept = self._merge(kept)
        self._attach_deltas(kept)
        return self._records(kept), rejected

    def _align_headline(self, cands: list[Cand]) -> list[Cand]:
        """A headline figure repeats the body: it takes the body's scope and side."""
        body = [c for c in cands if not c.headline]
        for c in cands:
            if not c.headline:
                continue
            twin = next((b for b in body if b.fig.category == c.fig.category and b.fig.value == c.fig.value), None)
            if twin:
                c.scope, c.side, c.marker = twin.scope, twin.side, twin.marker
        return cands

    def _merge(self, cands: list[Cand]) -> list[Cand]:
        """One record per (category, value, side, scope); the richest mention leads."""
        out: dict[tuple, Cand] = {}
        for c in cands:
            key = (self._final_category_key(c), c.fig.value, c.side, c.scope)
            prev = out.get(key)
            if prev is None:
                out[key] = c
                continue
            lead, other = (c, prev) if self._rank(c) > self._rank(prev) else (prev, c)
            lead.mentions = [*prev.mentions, *c.mentions, (other.fig.start, other.fig.end)]
            out[key] = lead
        return sorted(out.values(), key=lambda c: c.fig.num_span[0])

    @staticmethod
    def _rank(c: Cand) -> tuple:
        return (c.fig.delta is not None, not c.headline, c.fig.shape == "label_first", c.fig.qualifier is None)

    def _final_category_key(self, c: Cand) -> str:
        return c.fig.category

    def _attach_deltas(self, cands: list[Cand]) -> None:
        """A daily figure of the same category and side is the day's change of the running total."""
        for c in cands:
            if c.scope != "cumulative" or c.fig.delta is not None:
                continue
            f = c.fig
            # "…294 700 осіб, з яких 870 знищено протягом доби"
            m = _OF_WHICH.match(self.low, f.end)
            if m:
                nxt = next((n for n in self.nums if n.start == m.end()), None)
                if nxt and isinstance(nxt.value, int) and nxt.value < f.value:
                    lo, hi = self.scope.clause_bounds(c.sent, nxt.start)
                    if self._day_marker(lo, hi):
                        f.delta, f.delta_text = nxt.value, self.text[m.start():nxt.end].strip(" ,")
                        c.delta_source = "the sub-clause after the figure"
                        continue
            daily = [d for d in cands if d.scope == "period" and d.side == c.side
                     and d.fig.category == f.category and d.fig.value < f.value and self._is_day(d)]
            if not daily:
                continue
            best = max(daily, key=lambda d: (not d.headline, d.fig.qualifier is None,
                                             -abs(d.fig.num_span[0] - f.num_span[0])))
            f.delta = best.fig.value
            f.delta_text = self.text[best.fig.start:best.fig.end]
            c.delta_source = "a daily figure in the text"

    def _is_day(self, d: Cand) -> bool:
        if d.marker is not None:
            return d.marker.kind == "day"
        return bool(d.scope_basis and "increment" in d.scope_basis and
                    self._day_marker(*self.scope.clause_bounds(d.sent, d.fig.start)))

    def _day_marker(self, lo: int, hi: int) -> bool:
        return bool(_DAY_NOUN.search(self.low, lo, hi))

    # -- records -----------------------------------------------------------------------------------
    def _category(self, c: Cand, cats: set[str]) -> str:
        cat = c.fig.category
        if cat == "vehicles*":
            date = self.asof.as_of_for(c.fig.start)[0] or self.published
            early = "fuel_tanks" in cats or (date is not None and date < "2022-05-01")
            return "vehicles" if early else "vehicles_fuel_tanks"
        return cat.split(":", 1)[1] if cat.startswith("other:") else cat

    def _records(self, cands: list[Cand]) -> list[LossTally]:
        cats = {c.fig.category for c in cands}
        out: list[LossTally] = []
        for i, c in enumerate(cands, 1):
            f = c.fig
            claimant = party(c.claimant, c.claimant_basis)
            if claimant is None and self.bulletin:
                claimant = GS
            as_of = as_of_text = None
            period_start = period_end = None
            if c.scope == "cumulative":
                as_of, as_of_text = self.asof.as_of_for(f.start)
                period_start, period_end = WAR_START, as_of  # a running total since the invasion
            elif c.marker is not None:
                period_start, period_end = self.asof.period_for(c.marker)
            out.append(LossTally(
                id=f"t{i}", category=self._category(c, cats), value=f.value, value_text=f.value_text,
                span=(f.start, f.end), category_text=self.text[f.label_span[0]:f.label_span[1]],
                qualifier=f.qualifier, delta=f.delta, delta_text=f.delta_text,
                delta_basis=("inline" if f.delta is not None and c.delta_source is None else c.delta_source),
                losing_side=c.side, scope=c.scope or "cumulative", period_start=period_start,
                period_end=period_end, period_text=c.marker.text if c.marker else None,
                as_of=as_of, as_of_text=as_of_text, claimant=claimant, relayed_by=self._relays(c),
                language=self._lang(f),
                mentions=c.mentions,
            ))
        return out

    def _relays(self, c: Cand) -> list[Party]:
        """Intermediaries named in the figure's (or its claimant's) sentence, then the outlet."""
        sents = {c.sent}
        if c.claimant is not None:
            sents.add(self.seg.sentence_at(c.claimant.start))
        out: list[Party] = []
        for i in sorted(sents):
            s = self.seg.sentences[i]
            out += intermediaries(self.text, s.start, s.end)
        if self.outlet and all(p.name != self.outlet.name for p in out):
            out.append(self.outlet)
        return out

    def _lang(self, f: Figure) -> str | None:
        label = self.low[f.label_span[0]:f.label_span[1]]
        if re.search(r"[a-z]", label):
            return "en"
        return self.language if self.language in ("uk", "ru") else None

    def _rejected(self, c: Cand) -> dict:
        f = c.fig
        return {"text": self.text[f.start:f.end], "span": [f.start, f.end], "category": f.category,
                "value": f.value, "reason": c.reject, "losing_side": c.side, "scope": c.scope,
                "claimant": c.claimant.name if c.claimant else None}


def extract_tallies(text: str, published: str | None = None, language: str | None = None,
                    explain: bool = False) -> tuple[list[LossTally], list[dict]]:
    return TallyExtractor(text, published, language).run(explain)
