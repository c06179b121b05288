"""Passes over a document's event drafts and targets that read beyond one trigger's clause (a mixin of
EventExtractor, events.py): a model named in an elaboration or earlier in the paragraph, the result a text states
after a strike, the doer a second predicate shares, and the questions of a transcript, which claim nothing."""
from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from ..models import Means
from . import event_shapes as shapes
from .event_draft import Cand, Draft
from .speech_cues import QUESTION_LABEL, TRANSCRIPT_LABEL

# The damage of an attack ("пошкоджено склад", "згоріли тролейбуси") and the weapons attacks are named with.
_DAMAGE = frozenset({"infrastructure", "vehicles_fuel_tanks"})
_ATTACK_MEANS = frozenset({"drone", "fpv_drone", "loitering_munition", "naval_drone", "missile", "aircraft",
                           "artillery", "mlrs"})


class Refining:
    """Needs from its host: text, low, tx (seg, language), means (the means mentions found), _means_in(a, b)
    (equipment.find_means on text[a:b], each window scanned once)."""

    text: str
    low: str
    means: list

    def _questions(self) -> list[tuple[int, int]]:
        """The paragraphs of a transcript that a journalist's question label opens."""
        if ":" not in self.text:
            return []
        out = []
        for p in self.tx.seg.paragraphs:
            m = TRANSCRIPT_LABEL.match(self.text, p.start, p.end)
            if m and QUESTION_LABEL.fullmatch(m.group("label").strip().lower()):
                out.append((p.start, p.end))
        return out

    def _coordinated(self, drafts: list[Draft]) -> None:
        """"оператори FPV-дронів знищили гаубицю Д-30 і пошкодили вантажівку": a second predicate of one subject
        has that subject's doer and means, unless its own clause names them."""
        for a, b in pairwise(drafts):
            ea, eb = a.event, b.event
            if eb.actor is None or eb.actor.resolution == "explicit" or ea.actor is None or ea.actor.side is None:
                continue
            if not shapes.COORDINATED.fullmatch(self.low, ea.span[1], eb.trigger_span[0]):
                continue
            eb.actor = replace(ea.actor)
            ta = ea.target.span if ea.target else None
            if eb.means is None or (ta and eb.means.span and ta[0] <= eb.means.span[0] < ta[1]):
                eb.means = replace(ea.means) if ea.means else None
            if eb.target is not None and eb.target.owner_basis == "actor":
                eb.target.owner_side = shapes.OTHER[ea.actor.side]

    def _later_means(self, drafts: list[Draft]) -> None:
        """"…знищили РЛС «Небо-М». … Як зазначили в розвідці, операцію провели ударними безпілотниками": a strike
        whose means the next two sentences name (sentences with no strike of their own) was made with it."""
        with_events = {self.seg.sentence_at(d.event.trigger_span[0]) for d in drafts}
        for d in drafts:
            ev = d.event
            if ev.means is not None or ev.outcome == "shot_down":
                continue
            k = self.seg.sentence_at(ev.trigger_span[0])
            for j in range(k + 1, min(k + 3, len(self.seg.sentences))):
                if j in with_events:
                    break
                s = self.seg.sentences[j]
                if shapes.ANOTHER_ANY.search(self.low, s.start, s.end):
                    break
                found = self._instruments(s, ("drone", "fpv_drone", "loitering_munition", "naval_drone", "missile"))
                if found:
                    m = found[0]
                    ev.means = Means(mention=m.mention, class_=m.class_, model=m.model, span=m.span)
                    break

    def _instruments(self, s, classes) -> list:
        """The means of these classes that sentence `s` names as an instrument ("ударними безпілотниками", "with a
        drone"), in text order."""
        return [m for m in self._means_in(s.start, s.end)
                if m.class_ in classes and (shapes.INSTRUMENTAL.search(self.low, *m.span) or shapes.WITH_BEFORE.search(
                    self.low, max(s.start, m.span[0] - 30), m.span[0]))]

    def _earlier_means(self, drafts: list[Draft]) -> None:
        """"Уночі росіяни атакували Україну 72 ударними дронами … Пошкоджено складські приміщення": the damage an
        attack did, with no weapon of its own, was done with the weapon the attack named in the three sentences
        before (when they report no other incident)."""
        with_events = {self.seg.sentence_at(d.event.trigger_span[0]) for d in drafts}
        for d in drafts:
            ev = d.event
            if ev.means is not None or ev.outcome == "shot_down" or ev.target.category not in _DAMAGE:
                continue
            k = self.seg.sentence_at(ev.trigger_span[0])
            for j in range(k - 1, max(-1, k - 4), -1):
                if j in with_events:
                    break  # another incident's sentence (a list's item before): its weapon is its own
                s = self.seg.sentences[j]
                found = self._instruments(s, _ATTACK_MEANS)
                if found:
                    m = found[-1]
                    ev.means = Means(mention=m.mention, class_=m.class_, model=m.model, span=m.span)
                    break

    def _results(self, drafts: list[Draft]) -> None:
        """"struck a locomotive depot, damaging its workshop", "уразили склад ПММ … На місці фіксують пожежу": a strike
        whose result the text states (later in its sentence, or in the next one when that names no other strike)
        has that outcome rather than `hit`."""
        by_sent: dict[int, int] = {}
        gone: set[int] = set()
        for d in drafts:
            k = self.seg.sentence_at(d.event.trigger_span[0])
            by_sent[k] = by_sent.get(k, 0) + 1
        for d in drafts:
            ev = d.event
            if ev.outcome != "hit" or ev.modality not in ("asserted", "hedged") or ev.target.category in (
                    "aircraft", "helicopters", *shapes.AIRBORNE, "other"):
                continue  # a hit aircraft is a question of shooting down; "other" may be a missile
            k = self.seg.sentence_at(ev.trigger_span[0])
            sent = self.seg.sentences[k]
            windows = [(ev.span[1], sent.end)]
            nxt = self.seg.sentences[k + 1] if k + 1 < len(self.seg.sentences) else None
            if nxt is not None and nxt.para == sent.para and not by_sent.get(k + 1) and not shapes.ANOTHER_ANY.search(
                    self.low, nxt.start, nxt.end):  # "ще один російський літак міг бути пошкоджений": another
                windows.append((nxt.start, nxt.end))
            for a, b in windows:
                found = shapes.RESULT.search(self.low, a, b)
                if found and not shapes.NO_RESULT.search(self.low, max(a, found.start() - 12), found.start()):
                    fire = found.lastgroup == "fire"
                    ev.outcome = "damaged" if found.lastgroup == "damaged" or (fire and ev.target.category in (
                        "infrastructure", "position")) else "destroyed"
                    # "struck a depot, damaging its main workshop": the result is this strike's, not another event
                    gone |= {id(o) for o in drafts if o is not d and o.event.trigger_span[0] == found.start()
                             and o.event.target.category == ev.target.category}
                    break
        if gone:
            drafts[:] = [d for d in drafts if id(d) not in gone]

    def _burned_after(self, drafts: list[Draft]) -> None:
        """"FPV-дрон атаковал грузовой автомобиль … «Автомобиль сгорел»", "уразили нафтобазу … резервуари загорілися":
        a strike whose target the next sentences say burned down or caught fire (same paragraph, same kind of target)
        was that one incident, and it destroyed or damaged the target."""
        gone: set[int] = set()
        for d in drafts:
            ev = d.event
            if ev.outcome not in ("hit", "damaged") or ev.modality not in ("asserted", "hedged") or id(d) in gone:
                continue
            k = self.seg.sentence_at(ev.trigger_span[0])
            para = self.seg.sentences[k].para
            for o in drafts:
                later = o.event
                j = self.seg.sentence_at(later.trigger_span[0])
                if o is d or id(o) in gone or not (k < j <= k + 2) or self.seg.sentences[j].para != para:
                    continue
                if later.target.category != ev.target.category:
                    continue
                if shapes.BURNED.fullmatch(self.low, *later.trigger_span):
                    ev.outcome = "destroyed"
                elif shapes.CAUGHT_FIRE.fullmatch(self.low, *later.trigger_span):
                    # a depot or refinery on fire is damaged; a vehicle that caught fire after the strike, too
                    ev.outcome = "damaged"
                else:
                    continue
                gone.add(id(o))
                break
        if gone:
            drafts[:] = [d for d in drafts if id(d) not in gone]

    def _including(self, out: list[Cand]) -> list[Cand]:
        """"five armoured vehicles, including an M2 Bradley": the class target takes the model named after it,
        and the model is no target of its own."""
        drop: set[int] = set()
        for i, t in enumerate(out):
            if t.model is not None or not t.category or t.generic or t.place is not None or i in drop:
                continue
            gap = shapes.INCLUDING_GAP.match(self.low, t.end)
            if gap is None:
                continue
            for j in range(i + 1, len(out)):
                u = out[j]
                if u.start > gap.end() + 24 or u.category != t.category:
                    break
                drop.add(j)  # "в том числе БМП M2 Bradley": the class word before the model goes too
                if u.model:
                    t.model, t.oryx_category, t.nato_name = u.model, u.oryx_category, u.nato_name
                    break
            else:
                continue
            if t.model is None:
                drop -= set(range(i + 1, len(out)))
        if drop:  # nor what struck: "зокрема гаубицю Д-30" names a loss
            gone = [(out[k].start, out[k].end) for k in drop]
            self.means = [m for m in self.means if not any(m.span[0] < b and m.span[1] > a for a, b in gone)]
        return [t for k, t in enumerate(out) if k not in drop]

    def _model_beside(self, t: Cand) -> str | None:
        """"ударних БпЛА типу Shahed", "крилаті ракети Х-101": a model named right after a class word."""
        for mm in self.means:
            if t.end <= mm.span[0] <= t.end + 16 and mm.model and shapes.TYPE_GAP.fullmatch(
                    self.low, t.end, mm.span[0]):
                return mm.model
        return None

    def _antecedent_model(self, t: Cand) -> str | None:
        """"Russia launched 40 ATACMS … Five missiles were shot down": a missile or drone class word takes the one
        model of its kind the paragraph (or the one before) named earlier; none when it named two."""
        para = self.seg.sentences[self.seg.sentence_at(t.start)].para
        lo = self.seg.paragraphs[max(para - 1, 0)].start
        want = ("missile",) if t.shot_down_only else ("loitering_munition", "drone")
        models = {m.model for m in self._means_in(max(lo, t.start - 600), t.start)
                  if m.model and m.class_ in want}
        return models.pop() if len(models) == 1 else None
