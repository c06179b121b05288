"""Loss tallies: candidate figures → claimant, losing side, scope → gates → merged records.

A tally is the losing side's loss as the claimant states it. A candidate is left out (and
listed in `rejected` with the reason when asked) when its side is unknown, when a side reports
its own losses or a third party estimates, when it is a projection, a force size, an average,
or when nothing says it is a running total or a period and it is too small to be a total.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from ..models import LossTally, Party
from ..vocab import CATEGORIES, WAR_START
from . import cues
from .asof import AsOfReader
from .attribution import UA, Attributor, party
from .candidate import Cand
from .dates import find_dates
from .decide import Decisions
from .figure import Figure
from .figures import find_figures
from .lexicon import scan
from .lexscan import Hits
from .merge import Merging
from .normalize import fold
from .numbers import find_numbers
from .relay import intermediaries, outlet
from .scope import ScopeReader
from .segment import Segmentation, segment

_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[a-z]")
# Words without which a sentence names no intermediary (relay.intermediaries is then skipped).
_VIA_HINT = re.compile(r"quoted|citing|переда|пише|пишет|повідомляє|сообщает|посилан|ссылк|ссылаясь|agency")
GS = Party(name="General Staff of the Armed Forces of Ukraine", side=UA, role="party_to_conflict",
           basis="bulletin format")


class TallyExtractor(Decisions, Merging):
    """One document's tallies. Reusable pieces are built once per document."""

    def __init__(self, text: str, published: str | None = None, language: str | None = None):
        self.text = text
        self.low = fold(text)
        self.published = published
        self.language = language
        self.nums = find_numbers(text)
        # (a CSV row "2023-07-15,507,237180,4102" holds no number find_numbers accepts, but a table's cells)
        figs = find_figures(text, self.low, self.nums, self.hits) if self.nums or _DIGIT.search(text) else []
        if figs:
            # The "24" of "24 лютого" and the "2026" of "August 22, 2026" are dates, not counts.
            starts = [d.start for d in self.dates]
            ends = [d.end for d in self.dates]

            def in_date(pos: int) -> bool:
                k = bisect_right(starts, pos) - 1
                return k >= 0 and pos < ends[k]

            figs = [f for f in figs if not in_date(f.num_span[0])]
        self.figs = figs
        # Everything below is built only for a document with figures (most news has none).
        self._memo: dict[tuple, object] = {}  # per-sentence answers shared by the figures of one list

    @cached_property
    def hits(self) -> Hits:
        """Every word list's matches, found in one pass (lexicon.py)."""
        return scan(self.low)

    @cached_property
    def seg(self) -> Segmentation:
        return segment(self.text)

    @cached_property
    def dates(self) -> list:
        return find_dates(self.text)

    @cached_property
    def scope(self) -> ScopeReader:
        skip = [(f.num_span[1], f.end) for f in self.figs if f.delta is not None]
        return ScopeReader(self.text, self.low, self.seg, skip, self.hits)

    @cached_property
    def attr(self) -> Attributor:
        return Attributor(self.text, self.low, self.seg, self.hits)

    @cached_property
    def bulletin(self) -> bool:
        return bool(self.hits.all(cues.BULLETIN))

    @cached_property
    def asof(self) -> AsOfReader:
        return AsOfReader(self.text, self.low, self.seg, self.published, self.dates, self.hits)

    @cached_property
    def outlet(self) -> Party | None:
        return outlet(self.text)

    @cached_property
    def _fig_sents(self) -> set[int]:
        return {self.seg.sentence_at(f.num_span[0]) for f in self.figs}

    @cached_property
    def _label_first_sents(self) -> set[int]:
        """Sentences whose figures are all "label — N"."""
        shapes: dict[int, set[str]] = {}
        for f in self.figs:
            shapes.setdefault(self.seg.sentence_at(f.num_span[0]), set()).add(f.shape)
        return {i for i, sh in shapes.items() if sh == {"label_first"}}

    @cached_property
    def _sent_categories(self) -> dict[int, set[str]]:
        """The standard categories with a figure in each sentence."""
        out: dict[int, set[str]] = {}
        for f in self.figs:
            if f.category in CATEGORIES:
                out.setdefault(self.seg.sentence_at(f.num_span[0]), set()).add(f.category)
        return out

    # -- per candidate ---------------------------------------------------------------------------
    def _intro_sents(self, c: Cand) -> list[int]:
        """The list's introduction: its last sentence and the one before ("Ukraine's armed forces have
        published their latest estimates of Russian losses … The figures … are:")."""
        if c.intro is None:
            return []
        out = [c.intro]
        s = self.seg.sentences[c.intro]
        if c.intro > 0 and self.seg.sentences[c.intro - 1].para == s.para:
            out.insert(0, c.intro - 1)
        return out

    def _cand(self, fig: Figure) -> Cand:
        sent = self.seg.sentence_at(fig.num_span[0])
        para = self.seg.paragraph_of(sent)
        return Cand(fig, sent, para.intro, para.kind == "headline")

    def _claimant(self, c: Cand) -> None:
        intro = self._intro_sents(c)
        # With no mention in its own sentence, a figure's claimant depends only on where it stands.
        key = None if self.attr.in_sentence(c.sent) else (c.sent, *intro)
        if key is None or key not in self._memo:
            found = self.attr.claimant(c.sent, c.fig.num_span[0], intro)
            if key is None:
                c.claimant, c.claimant_basis = found
                return
            self._memo[key] = found
        c.claimant, c.claimant_basis = self._memo[key]

    # -- document ----------------------------------------------------------------------------------
    def run(self, explain: bool = False) -> tuple[list[LossTally], list[dict]]:
        if not self.figs:
            return [], []
        cands = self._cands = [self._cand(f) for f in self.figs]
        for c in cands:
            self._claimant(c)
            if c.claimant is None and self.bulletin:
                c.claimant_basis = "bulletin format"
            self._side(c)
        # A figure's group: the figures of its sentence and, for a list item, of its list.
        by_sent: dict[int, list[Cand]] = {}
        by_intro: dict[int, list[Cand]] = {}
        for c in cands:
            by_sent.setdefault(c.sent, []).append(c)
            if c.intro is not None:
                by_intro.setdefault(c.intro, []).append(c)

        def group(c: Cand) -> list[Cand]:
            # The figures of a sentence share its paragraph's list: a list item's group is its whole list.
            return by_sent[c.sent] if c.intro is None else by_intro[c.intro]

        for c in cands:
            self._scope(c, group(c))
        rejected: list[dict] = []
        kept: list[Cand] = []
        stds: dict[tuple[int, int | None], int] = {}  # standard categories per group: one count per list
        for c in cands:
            key = (c.sent, None) if c.intro is None else (-1, c.intro)
            std = stds.get(key)
            if std is None:
                std = stds[key] = len({d.fig.category for d in group(c) if d.fig.category in CATEGORIES})
            c.reject = self._gate(c, std)
            if c.reject:
                if explain:
                    rejected.append(self._rejected(c))
            else:
                kept.append(c)
        self._align_headline(kept)
        kept = self._merge(kept)
        current = self._superseded(kept)
        if explain:
            rejected += [self._rejected(c) for c in kept if c.reject]
        kept = current
        self._attach_deltas(kept)
        return self._records(kept), rejected

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
                qualifier=f.qualifier, qualifier_text=f.qualifier_text, delta=f.delta, delta_text=f.delta_text,
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
            key = ("relays", i)
            if key not in self._memo:
                s = self.seg.sentences[i]
                self._memo[key] = intermediaries(self.text, s.start, s.end) if "quot" in self.low[s.start:s.end] \
                    or _VIA_HINT.search(self.low, s.start, s.end) else []
            out += self._memo[key]
        if self.outlet and all(p.name != self.outlet.name for p in out):
            out.append(self.outlet)
        return out

    def _lang(self, f: Figure) -> str | None:
        label = self.low[f.label_span[0]:f.label_span[1]]
        if _LATIN.search(label):
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
