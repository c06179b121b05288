"""Incident claims: who hit what, with what, when, where, with what evidence (EventClaim).

An event is a trigger ("destroyed", "turned into scrap metal", "збили", "захватили") and a target in the
same clause: a model or class word from the equipment gazetteer, a noun of people, positions, depots or
missiles (event_cues), or a place for captures and assaults. Around it: the actor (the subject, "by X",
the unit named earlier, or inferred from the claimant and the target's owner — `resolution` says which),
the means (equipment.find_means: a Lancet that strikes is a means, not a loss), time, place (same clause
only), evidence and modality. Figures the tally stage read as a day's or a war's total are tallies, not
incidents; a count in one engagement ("в одному бою знищили 5 танків") is both, linked. Repeats of one
incident (headline, lead, the quoted post) merge into one event.

This module finds triggers and picks their targets; event_roles.py reads the rest of each event,
event_merge.py merges repeats, event_shapes.py and event_cues.py hold the word lists.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cached_property

from ..models import Actor, EventClaim, LossTally
from . import event_cues as cues
from . import event_shapes as shapes
from .dates import published_date
from .event_draft import Cand, Draft
from .event_memo import DocSearches, memoised
from .event_merge import Merging, fill_sides
from .event_parts import last_match
from .event_refine import Refining
from .event_roles import Roles
from .gazscan import DocScan


class EventExtractor(Roles, Merging, Refining):
    """The events of one document. Shares the tally stage's folded text, sentences and claimants; the parts
    of an event are read in event_roles.py, repeats merged in event_merge.py."""

    def __init__(self, tx, tallies: list[LossTally]):
        self.tx = tx
        self.text: str = tx.text
        self.low: str = tx.low
        self.published = published_date(tx.published)
        self.tallies = tallies
        self._tally_spans = sorted(
            (s, e, t) for t in tallies for (s, e) in [tuple(t.span), *map(tuple, t.mentions)])

    # -- lookups, only in the sentences that have a trigger ---------------------------------------------
    def _found(self, finder, ranges: list[tuple[int, int]], windowed: bool = False) -> list:
        """finder run on each range: with start/end when it scans a window of the text (spans stay document
        offsets), else on the slice with its spans moved to document offsets."""
        out = []
        for a, b in ranges:
            if windowed:
                out += finder(self.text, self.tx.language, start=a, end=b, scanned=self.gscan.window(a, b))
                continue
            for x in finder(self.text[a:b], self.tx.language):
                out.append(x if a == 0 else replace(x, span=(x.span[0] + a, x.span[1] + a)))
        return out

    @cached_property
    def doc(self) -> DocSearches:
        """Whole-text searches, once per pattern."""
        return DocSearches(self.low)

    @cached_property
    def gscan(self) -> DocScan:
        """The equipment gazetteer's scans of the windows asked about, each window scanned once."""
        return DocScan(self.text)

    def _means_in(self, a: int, b: int) -> list:
        """equipment.find_means on text[a:b]."""
        from .equipment import find_means

        return find_means(self.text, self.tx.language, start=a, end=b, scanned=self.gscan.window(a, b))

    def run(self) -> tuple[list[EventClaim], list[LossTally]]:
        self.hits = self.tx.hits  # the one-pass word-list scan the tally stage made (lexicon.py)
        triggers = self.hits.all(cues.TRIGGER_RX)
        ordinals = self.hits.all(cues.ORDINAL_TALLY)
        if not triggers and not ordinals:
            return [], []
        from .equipment import find_equipment, find_means
        from .places import find_places

        self.seg = self.tx.seg
        # A trigger in a sentence of totals ("Ukraine claims to have destroyed 3610 tanks …") or of a day's
        # losses yields no event (_events_at, _draft): such sentences are not even scanned for targets.
        triggers = [m for m in triggers if self._live(*self._clause(m.start())[:2])]
        asked = self._questions()
        if asked:  # "QUESTION (BBC): There are reports that a Tu-22M3 was hit …": a rumour asked about, no claim
            triggers = [m for m in triggers if not any(a <= m.start() < b for a, b in asked)]
        if not triggers and not ordinals:
            return [], []
        ranges: list[tuple[int, int]] = []
        for m in [*triggers, *ordinals]:
            s = self.seg.sentences[self.seg.sentence_at(m.start())]
            ranges.append((s.start, s.end))
        ranges = _merged(ranges)
        equipment = self._found(find_equipment, ranges, windowed=True)
        self.means = [m for m in self._found(find_means, ranges, windowed=True)
                      if not self._not_a_thing(m.span, means=True)]
        self.means = _with_fpv(self.means, self.low, ranges)
        self.places = [p for p in self._found(find_places, ranges)
                       if not shapes.PERSON_AFTER.match(self.text, p.span[1])
                       and not any(p.span[0] < e.span[1] and p.span[1] > e.span[0] for e in equipment)]
        self.targets = self._targets(equipment, ranges)
        self._target_spans = {(t.start, t.end) for t in self.targets if t.category and not t.generic}
        self._starts = [t.start for t in self.targets]
        drafts: list[Draft] = []
        for m in triggers:
            if self._has_targets(m):
                drafts.extend(self._events_at(m))
        self._coordinated(drafts)
        self._results(drafts)
        self._burned_after(drafts)
        self._later_means(drafts)
        self._earlier_means(drafts)
        events = self._merge(drafts)
        fill_sides(events)
        period = self._ordinal_tallies(ordinals, equipment, events) if ordinals else []
        return events, period

    def _has_targets(self, m: re.Match[str]) -> bool:
        """Does the trigger's sentence hold a target? _pick_targets picks only targets inside it (self._in within
        the sentence), so a trigger without one gives no event and is not read further (a shortcut: the output is
        the same without it, tests/unit/test_events_shortcuts.py)."""
        lo, hi, _sent = self._clause(m.start())
        return bool(self._in(lo, hi))

    @memoised  # per sentence: the triggers of one sentence share the answer
    def _live(self, lo: int, hi: int) -> bool:
        """Can a trigger in the sentence [lo, hi) give an event? Not in a day's report, nor beside totals the
        tally stage read unless one of them is a count in one engagement."""
        if cues.DAILY.search(self.low, lo, hi) and not cues.ENGAGEMENT.search(self.low, lo, hi) and not (
                shapes.PARTITIVE.search(self.low, lo, hi) and shapes.NIGHT.search(self.low, lo, hi)) and any(
                n.value != 1 and self.low[n.start - 1:n.start] != "-" for n in self._nums_in(lo, hi)):
            return False  # counts of a day ("минулої доби знищили 15 танків"); not "минулої доби … гаубицю Д-30"
        here = [t for a, _b, t in self._tally_spans if lo <= a < hi]
        return not here or any(self._engagement(t) for t in here)

    @cached_property
    def _num_starts(self) -> list[int]:
        return [n.start for n in self.tx.nums]

    def _nums_in(self, lo: int, hi: int) -> list:
        """The numbers starting in [lo, hi) (find_numbers gives them in text order)."""
        return self.tx.nums[bisect_left(self._num_starts, lo):bisect_left(self._num_starts, hi)]

    @cached_property
    def doc_means(self) -> set[str]:
        """The drone classes the whole text names: "a similar drone" in a story about kamikaze drones."""
        return {cls for rx, cls in shapes.DRONE_KINDS if rx.search(self.low)}

    def _targets(self, equipment: list, ranges: list[tuple[int, int]]) -> list[Cand]:
        out = []
        equipment = self._named(equipment)
        for e in equipment:
            if self._not_a_thing(e.span):
                continue
            t = Cand(e.span[0], e.span[1], e.category, e.model, e.oryx_category, e.nato_name,
                         e.class_reported or e.press_class, is_means=e.is_means, means_class=e.means_class)
            family = shapes.FAMILY.get(self.low[e.span[0]:e.span[1]])
            if not e.model and family:
                t.model = family  # "4 БМП": the class word names a model family
            if not e.model and shapes.COMMAND_POST.fullmatch(self.low, *e.span):
                t.category = "position"  # Oryx's command-post vehicles are models; "struck a command post" is a place
            if not e.model and cues.GENERIC_TARGETS.fullmatch(self.low, *e.span):
                t.category, t.generic = None, True  # "two more military vehicles": which ones, the text doesn't say
            elif (e.category is None and e.means_class == "missile") or (
                    e.model and (shapes.MISSILE_AFTER.match(self.low, e.span[1])
                                 or shapes.MISSILE_WORD_END.search(self.low, e.span[0], e.span[1]))):
                # a loss only when shot down; "one Iskander-M ballistic missile" is the missile, not its launcher
                t.category, t.shot_down_only = self._missile_class(e.span), True
            out.append(t)
        taken = [(t.start, t.end) for t in out]
        found = [(m, "noun") for a, b in ranges for m in self.hits.within(cues.NOUN_TARGET_RX, a, b)]
        found += [(m, "generic") for a, b in ranges for m in self.hits.within(cues.GENERIC_TARGETS, a, b)]
        for m, kind in found:
            s, e = m.span()
            if any(s < b and e > a for a, b in taken):
                continue
            taken.append((s, e))
            if kind == "generic":
                out.append(Cand(s, e, None, generic=True))
                continue
            cat = cues.NOUN_TARGET_CATEGORY[int(m.lastgroup[1:])]
            if cat == "other":  # missiles and rockets
                cat = self._missile_class((s, e))
            out.append(Cand(s, e, cat, class_reported=self.text[s:e],
                            shot_down_only=cat in ("other", "cruise_missiles")))
        for p in self.places:
            s, e = p.span
            if not any(s < b and e > a for a, b in taken):
                out.append(Cand(s, e, "other", place=p))
        for a, b in ranges:
            for m in shapes.SETTLEMENT.finditer(self.low, a, b):
                if not any(m.start() < y and m.end() > x for x, y in taken):
                    out.append(Cand(m.start(), m.end(), "other", settlement=True))
        for t in out:
            if t.model is None and t.category and not t.generic and t.place is None:
                t.model = self._model_beside(t)
            if t.model is None and not t.generic and (t.shot_down_only or t.category == "uav") and t.place is None:
                t.model = self._antecedent_model(t)
                t.model_basis = "antecedent" if t.model else None
        out.sort(key=lambda t: (t.start, -t.end))
        return self._including(out)

    # -- one trigger -------------------------------------------------------------------------------
    def _clause(self, pos: int) -> tuple[int, int, int]:
        sent = self.seg.sentence_at(pos)
        s = self.seg.sentences[sent]
        return s.start, s.end, sent

    def _events_at(self, m: re.Match[str]) -> list[Draft]:
        name = m.lastgroup or ""
        outcome, etype = cues.TRIGGER_INFO[name]
        ts, te = m.span()
        if shapes.NOMINAL.match(self.low, ts, te) and not shapes.CLAIMED_NOMINAL.search(
                self.low, max(0, ts - 40), ts):
            return []  # "the destruction of", "знищення", "поражение": names a kind of event, claims none …
            # … unless someone reports it: "Міноборони РФ заявило про знищення самохідної гаубиці"
        lo, hi, sent = self._clause(ts)
        if name in ("destroyed", "damaged", "hit", "shot_down") and ts > 0 and self.text[ts - 1] in \
                shapes.OPEN_QUOTES and self.text[te:te + 1] in shapes.CLOSE_QUOTES:
            return []  # «знищували» F-16: a verb in scare quotes mocks a claim (a «звільнили» still reports one)
        territorial = etype in ("capture", "ground_assault") or name == "launched"  # strikes on a place
        participle = cues.PARTICIPLE.search(self.low, ts, te) is not None  # "знищено два танки", "Роботине звільнене"
        passive = participle or bool(cues.PASSIVE_BEFORE.search(self.low, max(lo, ts - 24), ts)) or (
            name == "destroyed" and self.low.startswith("into", ts)) or bool(cues.INTRANSITIVE.fullmatch(
                self.low, ts, te))
        if shapes.SINCE_CLAUSE.search(self.low, max(lo, ts - 40), ts):
            return []  # "the front line since Ukrainian forces liberated the right bank in 2022": background
        if self.low.startswith("hits", ts) and te - ts == 4 and shapes.HITS_NOUN.match(self.low, te):
            return []  # "Hits were recorded at nine locations", "Hits by three missiles": a count of strikes
        if shapes.CAPABILITY.search(self.low, max(lo, ts - 40), ts):
            return []  # "will be used to intercept cruise missiles", "здатні знищувати": what a weapon can do
        if shapes.ATTRIBUTIVE.search(self.low, max(lo, ts - 5), ts) or shapes.ATTRIBUTIVE_FORM.search(self.low, ts, te):
            return []  # "a downed drone fell on the refinery": the participle describes a noun, claims nothing
        limit = 1 if name == "repelled" else shapes.MAX_INCIDENT  # "отразили 27 атак": a day's count
        if any(n.value > limit for n in self._nums_in(ts, te)):
            return []  # "завдали 412 ударів по 9 населених пунктах": a count of strikes is a tally
        # "set a Russian BMP-2 alight": the target stands inside the trigger's words
        inner = shapes.SET_ALIGHT.match(self.low, ts, te)
        targets = self._pick_targets(ts, inner.end() if inner else te, lo, hi, passive, territorial, name, participle)
        qtys = [None if t.generic else self._quantity(t, lo) for t in targets]
        partitive = None
        if outcome == "shot_down" and all(t.end <= ts for t in targets):  # none, or one named before the verb
            partitive = self._partitive(ts, te, lo, hi)  # "запустили 72 дрони, 55 з них збили": what "them" were
            if partitive is not None:
                targets, qtys = [partitive[0]], [partitive[1]]
        if outcome != "shot_down" and any(q is not None and q > shapes.MAX_INCIDENT and not (
                t.category in shapes.AIRBORNE or t.shot_down_only) for t, q in zip(targets, qtys, strict=True)):
            return []  # "потерял до 480 военнослужащих, танк, три ББМ": a list with a total in it is a tally
        out = []
        for tg, qty in zip(targets, qtys, strict=True):
            d = self._draft(m, name, outcome, etype, tg, lo, hi, sent, passive, qty)
            if d is None:
                continue
            if out and d.event.target.owner_basis != "words" and out[0].event.target.owner_basis == "words":
                # "a Ukrainian Su-27 … and 23 drones": the conjuncts share the head's owner and doer
                d.event.target.owner_side, d.event.target.owner_basis = (out[0].event.target.owner_side, "words")
                d.event.actor = out[0].event.actor
            if shapes.INFINITIVE.search(self.low, ts, te) and d.event.modality == "asserted":
                failed = shapes.FAILED.search(self.low, te, hi)
                d.event.modality, d.event.modality_text = (
                    ("negated", failed.group(0)) if failed else ("hypothetical", self.text[ts:te]))
            if d.event.modality in ("hypothetical", "future") and shapes.BARE_PLURAL.search(
                    self.low, max(lo, tg.start - 12), tg.start) and d.quantity is None and not tg.model:
                continue  # "could destroy Russian aircraft": a capability, no incident
            if partitive is not None and d.event.actor.span and d.event.actor.span[0] < tg.start:
                # "росіяни атакували … дронами, 55 з них збили": who launched them is not who downed them
                side = d.event.actor.side
                d.event.actor = Actor(side=shapes.OTHER.get(side or ""), resolution="inferred")
                d.event.target.owner_side, d.event.target.owner_basis = side, "actor"
            out.append(d)
        return out

    def _partitive(self, ts: int, te: int, lo: int, hi: int) -> tuple[Cand, int] | None:
        """"атакували Україну 72 ударними дронами, 55 з них збили", "launched 64 drones … shot down or jammed 61 of
        them", "з них збито або подавлено 47": the drones or missiles named before "of them", and how many."""
        part = shapes.PARTITIVE.search(self.low, max(lo, ts - 40), min(hi, te + 40))
        if part is None:
            return None
        nums = [n for n in self._nums_in(max(lo, part.start() - 12), part.start()) if n.end >= part.start() - 2] \
            or self._nums_in(te, min(hi, te + 40))  # "55 з них", else "з них збито … 47"
        if not nums:
            return None
        start = self.seg.sentences[self.seg.sentence_at(ts)].start
        end = min(part.start(), ts)
        named = [t for t in self._in(start, end) if t.category in shapes.AIRBORNE or t.shot_down_only]
        if named:
            return named[-1], int(nums[-1].value)
        # the weapons of the attack ("атакували Україну 72 ударними дронами"), found as means
        weapons = [w for w in self._means_in(start, end)
                   if w.class_ in ("drone", "loitering_munition", "missile")]
        if not weapons:
            return None
        w = weapons[-1]
        cat = "uav" if w.class_ != "missile" else self._missile_class(w.span)
        return Cand(w.span[0], w.span[1], cat, w.model, class_reported=w.mention, shot_down_only=True), \
            int(nums[-1].value)

    def _in(self, a: int, b: int) -> list[Cand]:
        i = bisect_left(self._starts, a)
        out = []
        while i < len(self.targets) and self.targets[i].start < b:
            if self.targets[i].end <= b:
                out.append(self.targets[i])
            i += 1
        return out

    def _pick_targets(self, ts: int, te: int, lo: int, hi: int, passive: bool, territorial: bool,
                      name: str, participle: bool = False) -> list[Cand]:
        after_end = hi
        stop = shapes.STOP.search(self.low, te, hi)
        nxt = next((x for x in self.hits.starting_in(cues.TRIGGER_RX, te, hi)  # "при отражении атаки" cuts nothing
                    if not shapes.NOMINAL.match(self.low, *x.span())), None)
        clause = cues.CLAUSE_CUT.search(self.low, te, hi) if territorial else None  # the place of an advance
        for cut in (stop, nxt, clause):
            if cut is not None:
                after_end = min(after_end, cut.start())
        after_end = min(after_end, te + 160)

        def usable(t: Cand) -> bool:
            if passive and t.start >= te and shapes.BY.match(self.low, te, t.start + 1):
                return False  # "shot down by S-400 systems": the agent
            if t.generic:
                return True  # kept to block; dropped below
            if t.category is None or (t.shot_down_only and name != "shot_down" and not (
                    name == "destroyed" and shapes.IN_THE_AIR.search(self.low, lo, hi))):
                return False  # a missile is a loss only when shot down ("air defence destroyed 102 missiles")
            if name == "destroyed" and self.low.startswith("kill", ts) and t.category != "personnel":
                return False
            if t.is_means and (self._means_position(t) or shapes.INSTRUMENTAL.search(self.low, t.start, t.end)
                               or shapes.INSTRUMENTAL_BEFORE.search(self.low, max(0, t.start - 14), t.start)):
                return False  # "with the help of a kamikaze drone", "by a Lancet", "ударними безпілотниками"
            if t.category in shapes.AIRBORNE and shapes.CAUGHT_FIRE.fullmatch(self.low, ts, te):
                return False  # "после атаки БПЛА загорелась установка": the drone set the fire
            if name == "hit" and shapes.ATTACKED.match(self.low, ts) and t.category in ("infrastructure", "position"):
                return False  # "attacked the airfield": the results, where listed, are the events
            if t.place is not None and name in ("captured", "liberated") and shapes.NEAR.search(
                    self.low, max(0, t.start - 25), t.start):
                return False  # "captured a village near Pokrovsk": where, not what
            if territorial and name != "captured":
                return t.place is not None or t.settlement
            return t.place is None or territorial

        after = [t for t in self._in(te, max(te, after_end)) if usable(t)]
        before_lo = lo
        prev_stop = last_match(cues.PASSIVE_CUT if passive else shapes.STOP, self.low, lo, ts)
        if prev_stop is not None:
            before_lo = prev_stop.end()  # "moving artillery from drones, and several of them have been hit"
        before = [t for t in self._in(max(before_lo, ts - 120), ts) if usable(t)]
        # ("загорілася установка", "Згоріли три тролейбуси": an intransitive verb's subject may follow it)
        if passive and before and not ((participle or cues.INTRANSITIVE.fullmatch(self.low, ts, te)) and after):
            return [] if before[-1].generic else [before[-1]]
        if not after and territorial and name != "captured":
            fronted = [t for t in before if t.place is not None]  # "Near Udachne, units … repelled an assault"
            return fronted[-1:]
        if not after:
            pick = before[-1] if before and (passive or self._struck_after_noun(before[-1], ts)) else None
            return [pick] if pick is not None and not pick.generic else []
        if after[0].generic:
            listed = [t for t in after[1:] if not t.generic]
            if not (listed and shapes.LIST_COLON.match(self.low, after[0].end)):
                return []  # "destroyed dozens of enemy vehicles", "hit another target"
            # "shot down or suppressed 112 air targets: 103 drones, eight Kh-101 …": the list says what they were
            after = listed
            chosen = [after[0]]
            for t in after[1:]:
                if not shapes.HAS_CONJ.search(self.low, chosen[-1].end, t.start):
                    break
                chosen.append(t)
            return chosen
        if territorial and after[0].place is not None:
            return [after[0]]  # "seized Avdiivka and some neighbouring villages": one event
        after = [t for t in after if not t.generic]
        chosen = [after[0]]
        last_end = after[0].end
        for t in after[1:]:
            gap = self.low[last_end:t.start]
            if shapes.INCLUDING.search(gap):
                if chosen[-1].category == "other" and t.category and t.category != "other":
                    chosen[-1] = t  # "81 missiles, including 11 Kalibr cruise missiles": what kind they were
                break
            conj = last_match(shapes.HAS_CONJ, gap, 0, len(gap))
            if conj is not None and t.place is None and shapes.CONJ_TAIL.match(gap, conj.end()):
                if self._subject_of_next(t, hi):
                    break  # "… під Покровськом, Су-35 сбил …": the next clause's subject
                chosen.append(t)  # "5 танків і 4 БМП, а також 20 піхотинців": one event each
            last_end = t.end
        return chosen

    def _named(self, equipment: list) -> list:
        """"большой десантный корабль «Цезарь Куников»": a class word followed by a quoted name is that class's
        ship or system, whatever else the name means (CAESAR is a howitzer)."""
        out: list = []
        for e in equipment:
            prev = out[-1] if out else None
            if prev is not None and prev.model is None and prev.category and e.model and \
                    e.category == prev.category and shapes.CLASS_MODEL_GAP.fullmatch(self.low, prev.span[1], e.span[0]):
                # "катери проєкту 02510 БК-16", "patrol ship of Project 22160 Vasily Bykov": the class and its model
                out[-1] = replace(e, span=(prev.span[0], e.span[1]), mention=self.text[prev.span[0]:e.span[1]],
                                  class_reported=prev.class_reported or prev.mention)
                continue
            if prev is not None and prev.model is None and prev.category and \
                    shapes.QUOTE_GAP.fullmatch(self.text, prev.span[1], e.span[0]):
                close = shapes.QUOTE_END.search(self.text, e.span[1], e.span[1] + 40)
                end = close.start() if close else e.span[1]
                if e.category == prev.category and e.model:  # "вантажівку «Урал»": the class and its model
                    out[-1] = replace(e, span=(prev.span[0], e.span[1]), mention=self.text[prev.span[0]:e.span[1]],
                                      class_reported=prev.class_reported or prev.mention)
                else:
                    out[-1] = replace(prev, span=(prev.span[0], end), mention=self.text[prev.span[0]:end],
                                      model=self.text[e.span[0]:end].strip(), oryx_category=None, nato_name=None)
                continue
            out.append(e)
        return out

    def _missile_class(self, span: tuple[int, int]) -> str:
        """Missiles shot down are cruise missiles when their sentence says so (cruise, Kalibr, Kh-101), else
        `other` when the sentence or the text names rockets or ballistic missiles (Smerch, ATACMS, Iskander),
        else cruise missiles when the text names them anywhere; otherwise `other`."""
        after = shapes.MISSILE_AFTER.match(self.low, span[1])
        near = self.low[span[0]:after.end() if after else span[1]]  # its own words first: "Iskander-M ballistic …"
        if shapes.NOT_CRUISE.search(near):
            return "other"
        s = self.seg.sentences[self.seg.sentence_at(span[0])]
        if shapes.CRUISE.search(self.low, s.start, s.end):
            return "cruise_missiles"
        if shapes.NOT_CRUISE.search(self.low, s.start, s.end) or self.doc.anywhere(shapes.NOT_CRUISE):
            return "other"
        return "cruise_missiles" if self.doc.anywhere(shapes.CRUISE) else "other"

    def _not_a_thing(self, span: tuple[int, int], means: bool = False) -> bool:
        """"fighters of the SSO" are people; "drone location", "UAV group" are not drones; "a group of enemy
        drones" names an owner, not what struck. ("drone strikes" are strikes by drones.)"""
        if shapes.AMBIGUOUS_CLASS.fullmatch(self.low, *span):
            return True
        head = shapes.MODIFIER_OF.match(self.low, span[1])
        if head and not (means and head.group(1).startswith(("strike", "attack", "operator", "crew", "team", "pilot",
                                                              "unit", "group"))):
            return True  # ("FPV drone operators" struck with FPV drones)
        return means and bool(shapes.OF_BEFORE.search(self.low, max(0, span[0] - 30), span[0]))

    def _means_position(self, t: Cand) -> bool:
        return bool(shapes.MEANS_BEFORE.search(self.low, max(0, t.start - 40), t.start))

    def _struck_after_noun(self, t: Cand, ts: int) -> bool:
        """"buildings among the latest struck": an English participle closes the noun phrase (an active verb after
        its subject — "Торнадо-С уничтожил" — never does)."""
        return (ts - t.end < 40 and shapes.EN_PARTICIPLE.match(self.low, ts) is not None
                and not shapes.PERFECT.search(self.low, max(0, ts - 6), ts)
                and not cues.ACTOR_RX.search(self.low, t.end, ts))

    def _subject_of_next(self, t: Cand, hi: int) -> bool:
        nxt = self.hits.first(cues.TRIGGER_RX, t.end, min(hi, t.end + 60))
        return nxt is not None and not re.search(r"[,;]", self.low[t.end:nxt.start()])


def _with_fpv(means: list, low: str, ranges: list[tuple[int, int]]) -> list:
    """Inflected FPV compounds the means vocabulary lacks ("FPV-дронів", "FPV-дроны") added as fpv_drone."""
    from .equipment import MeansMention

    have = [m.span for m in means]
    extra = [MeansMention(span=m.span(), mention=m.group(0), class_="fpv_drone") for a, b in ranges
             for m in shapes.FPV.finditer(low, a, b) if not any(m.start() < y and m.end() > x for x, y in have)]
    return sorted(means + extra, key=lambda m: m.span) if extra else means






def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def extract_events(tx, tallies: list[LossTally]) -> tuple[list[EventClaim], list[LossTally]]:
    """Events of the document the tally extractor `tx` read, and the period tallies they carry."""
    return EventExtractor(tx, tallies).run()

