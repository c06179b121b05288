"""One incident told several times — headline, lead, the quoted post — is one event (a mixin of EventExtractor,
events.py); and "the fourth TOR in March alone" is a period tally linked to the events it counts."""
from __future__ import annotations

import hashlib
import re

from ..models import EventClaim, LossTally
from . import event_cues as cues
from . import event_shapes as shapes
from .attribution import party
from .event_draft import Draft
from .event_parts import event_time, owner_side


class Merging:
    """Repeats merged; period counts of one model."""

    @staticmethod
    def _same(a: Draft, b: Draft) -> bool:
        ta, tb = a.event.target, b.event.target
        if ta.category != tb.category:
            return False
        if a.event.trigger_span == b.event.trigger_span and not (ta.model and tb.model and ta.model != tb.model):
            return True  # "пошкоджено адмінбудівлю та лінію електропередачі": one strike, one class, one outcome
        if ta.owner_basis == tb.owner_basis == "words" and ta.owner_side != tb.owner_side:
            return False  # "Russian" and "Ukrainian" tanks are two events; an inferred owner may be wrong
        if ta.category == "other" and (ta.mention or "").lower() != (tb.mention or "").lower() and not (
                shapes.SETTLEMENT.fullmatch((ta.mention or "").lower())
                or shapes.SETTLEMENT.fullmatch((tb.mention or "").lower())):
            return False
        if a.quantity is not None and b.quantity is not None and a.quantity != b.quantity and not (
                (a.headline or b.headline) and 1 in (a.quantity, b.quantity)):
            return False  # (a headline's "a fuel train" may be the body's "four fuel tank cars")
        if b.distinct and not a.headline:
            return False
        if bool(ta.model) != bool(tb.model) and not (a.headline or b.headline):
            # "the patrol ship Vasily Bykov" and "six uncrewed boats": two targets (a headline sums up, though)
            named, plain = (a, b) if ta.model else (b, a)
            if (plain.quantity or 0) >= 2 and (named.quantity or 1) == 1:
                return False
        if ta.model and tb.model and ta.model != tb.model:
            fa, fb = ta.model.lower().split("-")[0], tb.model.lower().split("-")[0]
            if fa not in fb and fb not in fa:
                return False
        if not ta.model and not tb.model and head_noun(ta.mention) != head_noun(tb.mention) and not (
                a.headline or b.headline or b.anaphoric):
            return False  # "thermal power plants" and "an energy facility" are two targets
        outs = {a.event.outcome, b.event.outcome}
        if len(outs) == 1 or "hit" in outs or "unknown" in outs:
            return True
        # "SBU drones destroy Tor-M2 and Msta-S" in the headline, "damaged a 2S19 Msta-S" in the body: one event
        return bool(ta.model and tb.model) and (a.headline or b.headline) and outs <= {"destroyed", "damaged"}

    def _merge(self, drafts: list[Draft]) -> list[EventClaim]:
        groups: list[Draft] = []
        for d in drafts:
            if d.event.modality != "asserted" and d.event.modality != "hedged":
                groups.append(d)
                continue
            same = next((g for g in groups if g.event.modality in ("asserted", "hedged") and self._same(g, d)), None)
            if same is None:
                groups.append(d)
                continue
            keep, other = (same, d) if self._richer(same, d) else (d, same)
            self._absorb(keep, other)
            if keep is d:
                groups[groups.index(same)] = d
        events = []
        for g in groups:
            ev = g.event
            for t in self.tallies:
                if t.id in ev.tally_ids:
                    t.event_ids = [x for x in t.event_ids if x] + [ev.id]
            events.append(ev)
        for t in self.tallies:
            t.event_ids = [x for x in t.event_ids if x]
        return events

    @staticmethod
    def _richer(a: Draft, b: Draft) -> bool:
        def score(d: Draft) -> tuple:
            e = d.event  # a body's outcome beats a headline's, unless the body only says "hit"
            return (d.rank >= 3, not d.headline, d.rank, bool(e.target.model), e.actor.resolution == "explicit",
                    bool(e.means),
                    -e.span[0])
        return score(a) >= score(b)

    @staticmethod
    def _absorb(keep: Draft, other: Draft) -> None:
        k, o = keep.event, other.event
        if k.outcome == "hit" and o.outcome in ("damaged", "destroyed"):
            k.outcome = o.outcome  # "drones hit oil depot" in a summary, "… a large fire broke out" in the body
        k.target.model = k.target.model or o.target.model
        k.target.nato_name = k.target.nato_name or o.target.nato_name
        k.target.oryx_category = k.target.oryx_category or o.target.oryx_category
        k.target.quantity = k.target.quantity if k.target.quantity is not None else o.target.quantity
        if (not k.actor or k.actor.resolution != "explicit") and o.actor and o.actor.resolution == "explicit":
            k.actor = o.actor
        if k.means is None or (o.means and k.means.class_ in ("drone", "unknown") and o.means.class_ not in (
                "drone", "unknown")):
            k.means = o.means or k.means
        if k.target.owner_side is None or (k.target.owner_basis != "words" and o.target.owner_basis == "words"):
            k.target.owner_side, k.target.owner_basis = o.target.owner_side, o.target.owner_basis
        if k.actor.side is None or (k.actor.resolution == "inferred" and o.actor.resolution in ("explicit", "coref")):
            k.actor = o.actor
        k.time = k.time or o.time
        k.location = k.location or o.location
        have = {e.type for e in k.evidence}
        k.evidence += [e for e in o.evidence if e.type not in have]
        k.tally_ids += [t for t in o.tally_ids if t not in k.tally_ids]
        keep.mentions += other.mentions

    # -- "the fourth TOR in March alone" ----------------------------------------------------------------

    def _ordinal_tallies(self, ordinals: list, equipment: list, events: list[EventClaim]) -> list[LossTally]:
        out: list[LossTally] = []
        for m in ordinals:
            eq = next((e for e in equipment if 0 <= e.span[0] - m.end() <= 4 and e.category), None)
            if eq is None:
                continue
            lo, hi, sent = self._clause(m.start())
            tref = event_time(self.text, self.low, eq.span[1], hi, self.published)
            if tref is None or tref.precision not in ("month", "week", "day", "year"):
                continue
            word = m.group("ord")
            value = int(re.match(r"\d+", word).group()) if word[0].isdigit() else cues.ORDINALS.get(word)
            if not value:
                continue
            claimant_m, basis = self.tx.attr.claimant(sent, m.start(), [])
            owner, _w = owner_side(self.low, eq.span[0], eq.span[1], lo)
            linked = [e for e in events if e.target and e.target.category == eq.category]
            t = LossTally(
                id="t_" + hashlib.sha1(f"{self.text[:64]}|{m.start()}".encode()).hexdigest()[:12],
                category=eq.category, value=value, value_text=self.text[m.start("ord"):m.end("ord")],
                span=(m.start("ord"), max(eq.span[1], tref.span[1] if tref.span else eq.span[1])),
                category_text=self.text[eq.span[0]:eq.span[1]], scope="period", period_start=tref.start,
                period_end=tref.end, period_text=tref.mention, claimant=party(claimant_m, basis),
                losing_side=owner or (linked[0].target.owner_side if linked else None),
                language=self.tx.language, model=eq.model, event_ids=[e.id for e in linked])
            for e in linked:
                e.tally_ids.append(t.id)
                if e.time is None:  # "destroyed the TOR-M2 … the fourth TOR in March": the event is in March
                    e.time = tref
            out.append(t)
        return out


def fill_sides(events: list[EventClaim]) -> None:
    """An event whose doer the text leaves unsaid takes the side every named doer of the text has ("бойцы
    подразделения уничтожили …" in a story where Russian troops captured the rest), said as inferred."""
    named = {e.actor.side for e in events if e.actor and e.actor.resolution in ("explicit", "coref") and e.actor.side}
    if len(named) != 1:
        return
    side = named.pop()
    for e in events:
        if e.actor is not None and e.actor.side is None:
            e.actor.side, e.actor.resolution = side, "inferred"
            if e.target is not None and e.target.owner_side is None and e.target.category != "other":
                e.target.owner_side, e.target.owner_basis = shapes.OTHER[side], "actor"


def head_noun(mention: str | None) -> str:
    """The first letters of a target's last word: "tanks"/"tank", "танків"/"танки", "storage"/"storage"."""
    words = re.findall(r"\w+", (mention or "").lower())
    return words[-1][:4] if words else ""
