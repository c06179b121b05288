"""One record per claim: headlines and rounded restatements fold into the figure they repeat, and a
day's figure becomes the daily change of the running total. A mixin of TallyExtractor."""
from __future__ import annotations

import re
from bisect import bisect_right

from .candidate import Cand, restates, trailing_zeros

_DAY_NOUN = re.compile(r"(?<![\w'-])(?:доб\w*|сутк\w*|day|24 hours)(?![\w'])")
_OF_WHICH = re.compile(
    r",?\s*(?:з яких|із яких|з них|из которых|из них|of which|of whom|of them|including|в тому числі|в том числе"
    r"|у тому числі|включаючи|включая|after another|після ще|после еще)\s+(?:близько |около |about )?"
)

_N_OF_THEM = re.compile(r",\s*(?=\d[\d ,.]*\s+(?:of them|of whom|of which|з них|из них)(?![\w']))")  # ", 360 of them …"


class Merging:
    def _align_headline(self, cands: list[Cand]) -> None:
        """A headline figure repeats the body (maybe rounded: "7,5 тисячі" for 7 540): it takes the body's
        scope and side."""
        body = [c for c in cands if not c.headline]
        for c in cands:
            if not c.headline:
                continue
            twins = [b for b in body if b.fig.category == c.fig.category and restates(c.fig, b.fig)]
            if not twins and any(b.fig.category == c.fig.category and b.fig.delta == c.fig.value for b in body):
                # "Втрати ворога на 20 вересня: мінус 520 окупантів і 34 артсистеми" = the body's "(+34)"
                c.scope, c.marker, c.scope_basis = "period", None, "the body's daily change"
                continue
            if twins:
                twin = min(twins, key=lambda b: abs(b.fig.value - c.fig.value))
                c.scope, c.side, c.marker, c.scope_basis = twin.scope, twin.side, twin.marker, "as in the body"

    def _merge(self, cands: list[Cand]) -> list[Cand]:
        """Identical figures, then rounded restatements ("nearly 58,000" beside "57,750"), fold into the
        most precise one, which keeps the other spans in `mentions`."""
        groups: dict[tuple, list[Cand]] = {}
        for c in cands:
            groups.setdefault((c.fig.category, c.side, c.scope), []).append(c)
        out: list[Cand] = []
        for group in groups.values():
            group.sort(key=self._rank, reverse=True)
            leads: list[Cand] = []
            for c in group:
                lead = next((x for x in leads if restates(c.fig, x.fig)), None)
                if lead is None:
                    leads.append(c)
                else:
                    lead.mentions += [*c.mentions, (c.fig.start, c.fig.end)]
            out += leads
        return sorted(out, key=lambda c: c.fig.num_span[0])

    def _superseded(self, cands: list[Cand]) -> list[Cand]:
        """A running total the same side gave for an earlier day, beside its later one in the same text (a
        live blog's yesterday entry): the text's claim is the latest; the older ones are marked rejected."""
        latest: dict[tuple, str] = {}
        dated: list[tuple[Cand, str]] = []
        for c in cands:
            if c.scope != "cumulative":
                continue
            as_of = self.asof.as_of_for(c.fig.start)[0]
            if as_of is None:
                continue
            key = (c.fig.category, c.side, c.claimant.side if c.claimant else None)
            latest[key] = max(latest.get(key, as_of), as_of)
            dated.append((c, as_of))
        for c, as_of in dated:
            key = (c.fig.category, c.side, c.claimant.side if c.claimant else None)
            if as_of < latest[key]:
                c.reject = f"an earlier day's total (as of {as_of}), superseded by the text's figure of {latest[key]}"
        # "The General Staff corrected the figure for aircraft to 315": the correction replaces the list's 316.
        fixed = {(c.fig.category, c.side): c for c in cands if c.fig.shape == "correction" and c.scope == "cumulative"}
        for c in cands:
            fix = fixed.get((c.fig.category, c.side))
            if fix is not None and c is not fix and c.scope == "cumulative" and c.fig.value != fix.fig.value:
                c.reject = f"corrected in the same text to {fix.fig.value_text}"
        return [c for c in cands if not c.reject]

    @staticmethod
    def _rank(c: Cand) -> tuple:
        return (c.fig.delta is not None, -trailing_zeros(c.fig.value), not c.headline,
                c.fig.shape == "label_first", c.fig.qualifier is None)

    def _attach_deltas(self, cands: list[Cand]) -> None:
        """A daily figure of the same category and side is the day's change of the running total."""
        starts = sorted(d.fig.start for d in cands)
        for c in cands:
            if c.scope != "cumulative" or c.fig.delta is not None:
                continue
            f = c.fig
            # "…294 700 осіб, з яких 870 знищено протягом доби", "57,750 soldiers since …, including 550 over …"
            s_end = self.seg.sentences[c.sent].end
            k = bisect_right(starts, f.end)
            nxt_fig = starts[k] if k < len(starts) else s_end
            m = _OF_WHICH.search(self.low, f.end, min(s_end, nxt_fig)) or \
                _N_OF_THEM.search(self.low, f.end, min(s_end, nxt_fig))
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
                    self._day_marker(*self._clause(d)))

    def _day_marker(self, lo: int, hi: int) -> bool:
        return bool(_DAY_NOUN.search(self.low, lo, hi))
