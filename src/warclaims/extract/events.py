"""Incident claims: who hit what, with what, when, where, with what evidence (EventClaim).

An event is a trigger ("destroyed", "turned into scrap metal", "збили", "захватили") and a target in the
same clause: a model or class word from the equipment gazetteer, a noun of people, positions, depots or
missiles (event_cues), or a place for captures and assaults. Around it: the actor (the subject, "by X",
the unit named earlier, or inferred from the claimant and the target's owner — `resolution` says which),
the means (equipment.find_means: a Lancet that strikes is a means, not a loss), time, place (same clause
only), evidence and modality. Figures the tally stage read as a day's or a war's total are tallies, not
incidents; a count in one engagement ("в одному бою знищили 5 танків") is both, linked. Repeats of one
incident (headline, lead, the quoted post) merge into one event.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from ..models import Actor, EventClaim, LossTally, Means, Place, Target
from . import event_cues as cues
from .attribution import party
from .event_parts import event_time, evidence_in, last_match, modality, owner_side

_CONJ_TAIL = re.compile(r"\s*(?:(?!(?:of|з|із|из)\s)[\w'\"-]+\s+){0,4}$")
_HAS_CONJ = re.compile(r",|(?<![\w'-])(?:and|as well as|plus|і|й|та|а також|и|а также)(?![\w'])")
_STOP = re.compile(r"[;.!?]|\s-\s|(?<![\w'-])(?:which|who|that|while|but|because|when|after|before|як|який|яка"
                   r"|які|але|що|который|которая|которые|но|что|когда)(?![\w'])")
_ARTICLE_ONE = re.compile(r"(?<![\w'-])(?:a|an|another|one|the)\s+(?:[\w'\"-]+\s+){0,3}['\"]?$")
_BY = re.compile(r"^\s*(?:by|від|силами|бійцями)\s+")
_SHELLING = re.compile(r"(?<![\w'-])(?:shelling|artillery fire|counter-battery|обстріл\w*|обстрел\w*|артилерією"
                       r"|артиллерией|контрбатарейн\w*)(?![\w'])")
_MISSILE_DEFENCE = re.compile(r"(?<![\w'-])(?:missile defen[cs]e|surface-to-air missiles?|зенітн\w+ ракет\w*"
                              r"|зенитн\w+ ракет\w*)(?![\w'])")
_MEANS_BEFORE = re.compile(r"(?<![\w'-])(?:with|by|using|via|from|за допомогою|з допомогою|ударом|ударами|с помощью"
                           r"|из|з|із"
                           r"|при помощи|силами)(?: the help of| means of)?(?: [\w'\"-]+){0,3}[ \"']*$")
# "Vladimir Putin", "Lyman Frank": a place name followed by a capitalised word that is no place word is a name
_PERSON_AFTER = re.compile(r" (?!Oblast|Region|Raion|District|Krai|Republic|City|Direction|Front|Axis|Bridge|River)"
                           r"(?:[A-Z][a-z]+|[А-ЯІЇЄҐ][а-яіїєґ']+)(?! (?:Oblast|Region|область|області|обл\b))")
_INSTRUMENTAL = re.compile(r"[а-яіїєґ](?:ом|ем|ами|ями|ою|ею|ой)$")  # "дронами", "Ланцетом", "ракетою"
_CAPABILITY = re.compile(r"(?<![\w'-])(?:can|could|able to|capable of|designed to|in order to|meant to|used to"
                         r"|be used to"
                         r"|help to|здатн\w+|можуть|може|может|могут|способн\w+|призначен\w+|предназначен\w+)"
                         r"(?: [\w'-]+){0,2} $")
_INFINITIVE = re.compile(r"[а-яіїєґ](?:ти|ть)$")
_FAILED = re.compile(r"не вдалося|не вдалось|не удалось|failed|не змогли|не смогли")
_BARE_PLURAL = re.compile(r"(?:^|\s)(?:russian |ukrainian |enemy )?$")
_INCLUDING = re.compile(r"(?<![\w'-])(?:including|among them|of which|зокрема|у тому числі|в тому числі|в том числе"
                        r"|з них|из них)(?![\w'])")
_NEAR = re.compile(r"(?<![\w'-])(?:near|outside|outskirts of|(?:north|south|east|west)(?:-?(?:east|west))? of"
                   r"|біля|поблизу"
                   r"|під|неподалік|возле|под|вблизи|недалеко от|у районі|в районі|в районе|на околиц\w+)\s+$")
_SETTLEMENT = re.compile(r"(?<![\w'-])(?:villages?|towns?|settlements?|села|село|селище|селища|населен\w+ пункт\w*"
                         r"|поселок|посёлок|поселка|деревн\w+)(?![\w'])")
_AIRBORNE = {"uav", "cruise_missiles"}
_IN_THE_AIR = re.compile(r"(?<![\w'-])(?:over|in the air|in the sky|air defen[cs]es?|anti-aircraft|над|в небі|в небе"
                         r"|ппо|пво|зенітн\w+|зенитн\w+)(?![\w'])")
_ANOTHER = re.compile(r"(?<![\w'-])(?:another|a second|a third|one more|ще (?:один|одна|одну|одне)"
                      r"|ещё (?:один|одна|одну)"
                      r"|еще (?:один|одна|одну)|другий|друга|второй|вторая|вторую)(?: [\w'\"-]+){0,2} ?\"?$")
_MOREOVER = re.compile(r"\s*(?:in addition|moreover|also|крім того|також|окрім того|кроме того|также|помимо этого)\b")
_FPV = re.compile(r"(?<![\w'-])(?:fpv|фпв)[- ]?(?:дрон|drone|бпла|коптер)\w*")
_QUOTE_GAP = re.compile(r"\s*[«\"“„']\s*")
_QUOTE_END = re.compile(r"[»\"”“']")
_ACTOR_CUT = re.compile(r"[:;]|\s-\s")
_ATTACKED = re.compile(r"attacked|атакува|атаковал")
_EN_PARTICIPLE = re.compile(r"[a-z]+ed\b|struck|hit\b|shot\b|downed")
_NAMED_GROUP = re.compile(r"infantry|crew|garrison|піхот|пехот|екіпаж|экипаж|гарнізон|гарнизон")
_NOMINAL = re.compile(r"(?:ння|ення|ение|ения|ению|енню|ением|tion|tions)$")
_OTHER = {"UKR": "RUS", "RUS": "UKR"}
_POSSESSIVE = re.compile(r"['’]s?(?![\w])")
_ACTING_BODY = re.compile(r"Security Service|Special Operations|Intelligence|Brigade|Forces|Guard|Navy|Air Force"
                          r"|Regiment|Battalion|Separate", re.IGNORECASE)
_N_OF_M = re.compile(r"\s+(?:of|out of|із|з|из)\s+")
_DRONE_KINDS = [
    (re.compile(r"kamikaze|loitering|lancet|switchblade|камікадзе|камикадзе|ланцет"),
     "loitering_munition"),
    (re.compile(r"(?<![\w'-])(?:fpv|фпв)"), "fpv_drone"),
]
_PLURAL = re.compile(r"(?:s|и|ы|ів|ов|ей)\b(?!.)")
_FAMILY = {"бмп": "BMP", "bmp": "BMP", "бтр": "BTR", "btr": "BTR", "бмд": "BMD", "bmd": "BMD", "мт-лб": "MT-LB",
           "mt-lb": "MT-LB"}
_AMBIGUOUS_CLASS = re.compile(r"fighters?|бійц\w*|бойцы")
_OF_BEFORE = re.compile(r"(?<![\w'-])of (?:[\w'-]+ ){0,3}$")
_MODIFIER_OF = re.compile(r"[ -](group|operators?|crews?|units?|teams?|pilots?|launch(?:ing)? (?:site|pad)s?|locations?"
                          r"|storage|depots?|warehouses?|positions?|factory|plant|production|strikes?|attacks?|bases?"
                          r"|hubs?|repair|workshops?|assembly)(?![\w'])")  # the head noun after a modifier
MAX_INCIDENT = 50  # a larger count in one clause is a tally of many incidents, not one
MAX_SHOT_DOWN = 150  # one night's interceptions are one event; a week's or a month's sum is a tally


@dataclass
class _Target:
    start: int
    end: int
    category: str | None
    model: str | None = None
    oryx_category: str | None = None
    nato_name: str | None = None
    class_reported: str | None = None
    place: object | None = None  # a PlaceMention for territory targets
    is_means: bool = False  # a drone, a Grad, a missile: a target, or what struck one
    means_class: str | None = None
    generic: bool = False  # "targets", "vehicles": blocks a wrong pick, never an event itself
    settlement: bool = False  # "a village": territory not named
    shot_down_only: bool = False  # missiles and rockets


@dataclass
class _Draft:
    event: EventClaim
    rank: int
    quantity: int | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    headline: bool = False  # a headline says less exactly than the body
    distinct: bool = False  # "another", "a second", "ще одна", "Крім того": never a repeat of an earlier event


def _eid(doc_key: str, span: tuple[int, int], category: str | None) -> str:
    return "ev_" + hashlib.sha1(f"{doc_key}|{span[0]}|{span[1]}|{category}".encode()).hexdigest()[:12]


def _pub(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


class EventExtractor:
    """The events of one document. Shares the tally stage's folded text, sentences and claimants."""

    def __init__(self, tx, tallies: list[LossTally]):
        self.tx = tx
        self.text: str = tx.text
        self.low: str = tx.low
        self.published = _pub(tx.published)
        self.tallies = tallies
        self._tally_spans = sorted(
            (s, e, t) for t in tallies for (s, e) in [tuple(t.span), *map(tuple, t.mentions)])

    # -- lookups, only in the sentences that have a trigger ---------------------------------------------
    def _found(self, finder, ranges: list[tuple[int, int]]) -> list:
        """finder(text, language) run on each range, spans moved to document offsets."""
        out = []
        for a, b in ranges:
            for x in finder(self.text[a:b], self.tx.language):
                out.append(x if a == 0 else replace(x, span=(x.span[0] + a, x.span[1] + a)))
        return out

    def run(self) -> tuple[list[EventClaim], list[LossTally]]:
        self.hits = self.tx.hits  # the one-pass word-list scan the tally stage made (lexicon.py)
        triggers = self.hits.all(cues.TRIGGER_RX)
        ordinals = self.hits.all(cues.ORDINAL_TALLY)
        if not triggers and not ordinals:
            return [], []
        from .equipment import find_equipment, find_means
        from .places import find_places

        self.seg = self.tx.seg
        ranges: list[tuple[int, int]] = []
        for m in [*triggers, *ordinals]:
            s = self.seg.sentences[self.seg.sentence_at(m.start())]
            ranges.append((s.start, s.end))
        ranges = _merged(ranges)
        equipment = self._found(find_equipment, ranges)
        self.means = [m for m in self._found(find_means, ranges) if not self._not_a_thing(m.span, means=True)]
        self.means = _with_fpv(self.means, self.low, ranges)
        self.places = [p for p in self._found(find_places, ranges) if not _PERSON_AFTER.match(self.text, p.span[1])
                       and not any(p.span[0] < e.span[1] and p.span[1] > e.span[0] for e in equipment)]
        self.targets = self._targets(equipment, ranges)
        self._target_spans = {(t.start, t.end) for t in self.targets if t.category and not t.generic}
        self._starts = [t.start for t in self.targets]
        drafts: list[_Draft] = []
        for m in triggers:
            drafts.extend(self._events_at(m))
        events = self._merge(drafts)
        _fill_sides(events)
        period = self._ordinal_tallies(ordinals, equipment, events) if ordinals else []
        return events, period

    @cached_property
    def doc_means(self) -> set[str]:
        """The drone classes the whole text names: "a similar drone" in a story about kamikaze drones."""
        return {cls for rx, cls in _DRONE_KINDS if rx.search(self.low)}

    def _targets(self, equipment: list, ranges: list[tuple[int, int]]) -> list[_Target]:
        out = []
        equipment = self._named(equipment)
        for e in equipment:
            if self._not_a_thing(e.span):
                continue
            t = _Target(e.span[0], e.span[1], e.category, e.model, e.oryx_category, e.nato_name,
                         e.class_reported or e.press_class, is_means=e.is_means, means_class=e.means_class)
            family = _FAMILY.get(self.low[e.span[0]:e.span[1]])
            if not e.model and family:
                t.model = family  # "4 БМП": the class word names a model family
            if not e.model and cues.GENERIC_TARGETS.fullmatch(self.low, *e.span):
                t.category, t.generic = None, True  # "two more military vehicles": which ones, the text doesn't say
            elif e.category is None and e.means_class == "missile":
                t.category, t.shot_down_only = "other", True  # a missile is a loss only when shot down
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
                out.append(_Target(s, e, None, generic=True))
                continue
            cat = cues.NOUN_TARGET_CATEGORY[int(m.lastgroup[1:])]
            out.append(_Target(s, e, cat, class_reported=self.text[s:e], shot_down_only=cat == "other"))
        for p in self.places:
            s, e = p.span
            if not any(s < b and e > a for a, b in taken):
                out.append(_Target(s, e, "other", place=p))
        for a, b in ranges:
            for m in _SETTLEMENT.finditer(self.low, a, b):
                if not any(m.start() < y and m.end() > x for x, y in taken):
                    out.append(_Target(m.start(), m.end(), "other", settlement=True))
        out.sort(key=lambda t: (t.start, -t.end))
        return out

    # -- one trigger -------------------------------------------------------------------------------
    def _clause(self, pos: int) -> tuple[int, int, int]:
        sent = self.seg.sentence_at(pos)
        s = self.seg.sentences[sent]
        return s.start, s.end, sent

    def _events_at(self, m: re.Match[str]) -> list[_Draft]:
        name = m.lastgroup or ""
        outcome, etype = cues.TRIGGER_INFO[name]
        ts, te = m.span()
        if _NOMINAL.search(self.low, ts, te):
            return []  # "the destruction of", "знищення", "поражение": names a kind of event, claims none
        lo, hi, sent = self._clause(ts)
        if cues.DAILY.search(self.low, lo, hi) and not cues.ENGAGEMENT.search(self.low, lo, hi):
            return []
        territorial = etype in ("capture", "ground_assault") or name == "launched"  # strikes on a place
        participle = cues.PARTICIPLE.search(self.low, ts, te) is not None  # "знищено два танки", "Роботине звільнене"
        passive = participle or bool(cues.PASSIVE_BEFORE.search(self.low, max(lo, ts - 24), ts)) or (
            name == "destroyed" and self.low.startswith("into", ts)) or bool(cues.INTRANSITIVE.fullmatch(
                self.low, ts, te))
        if _CAPABILITY.search(self.low, max(lo, ts - 40), ts):
            return []  # "will be used to intercept cruise missiles", "здатні знищувати": what a weapon can do
        targets = self._pick_targets(ts, te, lo, hi, passive, territorial, name, participle)
        out = []
        for tg in targets:
            d = self._draft(m, name, outcome, etype, tg, lo, hi, sent, passive)
            if d is None:
                continue
            if out and d.event.target.owner_basis != "words" and out[0].event.target.owner_basis == "words":
                # "a Ukrainian Su-27 … and 23 drones": the conjuncts share the head's owner and doer
                d.event.target.owner_side, d.event.target.owner_basis = (out[0].event.target.owner_side, "words")
                d.event.actor = out[0].event.actor
            if _INFINITIVE.search(self.low, ts, te) and d.event.modality == "asserted":
                failed = _FAILED.search(self.low, te, hi)
                d.event.modality, d.event.modality_text = (
                    ("negated", failed.group(0)) if failed else ("hypothetical", self.text[ts:te]))
            if d.event.modality in ("hypothetical", "future") and _BARE_PLURAL.search(
                    self.low, max(lo, tg.start - 12), tg.start) and d.quantity is None and not tg.model:
                continue  # "could destroy Russian aircraft": a capability, no incident
            out.append(d)
        return out

    def _in(self, a: int, b: int) -> list[_Target]:
        i = bisect_left(self._starts, a)
        out = []
        while i < len(self.targets) and self.targets[i].start < b:
            if self.targets[i].end <= b:
                out.append(self.targets[i])
            i += 1
        return out

    def _pick_targets(self, ts: int, te: int, lo: int, hi: int, passive: bool, territorial: bool,
                      name: str, participle: bool = False) -> list[_Target]:
        after_end = hi
        stop = _STOP.search(self.low, te, hi)
        nxt = self.hits.first(cues.TRIGGER_RX, te, hi)
        clause = cues.CLAUSE_CUT.search(self.low, te, hi) if territorial else None  # the place of an advance
        for cut in (stop, nxt, clause):
            if cut is not None:
                after_end = min(after_end, cut.start())
        after_end = min(after_end, te + 160)

        def usable(t: _Target) -> bool:
            if passive and t.start >= te and _BY.match(self.low, te, t.start + 1):
                return False  # "shot down by S-400 systems": the agent
            if t.generic:
                return True  # kept to block; dropped below
            if t.category is None or (t.shot_down_only and name != "shot_down"):
                return False
            if name == "destroyed" and self.low.startswith("kill", ts) and t.category != "personnel":
                return False
            if t.is_means and (self._means_position(t) or _INSTRUMENTAL.search(self.low, t.start, t.end)):
                return False  # "with the help of a kamikaze drone", "by a Lancet", "ударними безпілотниками"
            if name == "hit" and _ATTACKED.match(self.low, ts) and t.category in ("infrastructure", "position"):
                return False  # "attacked the airfield": the results, where listed, are the events
            if t.place is not None and name in ("captured", "liberated") and _NEAR.search(
                    self.low, max(0, t.start - 25), t.start):
                return False  # "captured a village near Pokrovsk": where, not what
            if territorial and name != "captured":
                return t.place is not None or t.settlement
            return t.place is None or territorial

        after = [t for t in self._in(te, max(te, after_end)) if usable(t)]
        before_lo = lo
        prev_stop = last_match(cues.PASSIVE_CUT if passive else _STOP, self.low, lo, ts)
        if prev_stop is not None:
            before_lo = prev_stop.end()  # "moving artillery from drones, and several of them have been hit"
        before = [t for t in self._in(max(before_lo, ts - 120), ts) if usable(t)]
        if passive and before and not (participle and after):
            return [] if before[-1].generic else [before[-1]]
        if not after:
            pick = before[-1] if before and (passive or self._struck_after_noun(before[-1], ts)) else None
            return [pick] if pick is not None and not pick.generic else []
        if after[0].generic:
            return []  # "destroyed dozens of enemy vehicles", "hit another target"
        if territorial and after[0].place is not None:
            return [after[0]]  # "seized Avdiivka and some neighbouring villages": one event
        after = [t for t in after if not t.generic]
        chosen = [after[0]]
        last_end = after[0].end
        for t in after[1:]:
            gap = self.low[last_end:t.start]
            if _INCLUDING.search(gap):
                if chosen[-1].category == "other" and t.category and t.category != "other":
                    chosen[-1] = t  # "81 missiles, including 11 Kalibr cruise missiles": what kind they were
                break
            conj = last_match(_HAS_CONJ, gap, 0, len(gap))
            if conj is not None and t.place is None and _CONJ_TAIL.match(gap, conj.end()):
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
            if prev is not None and prev.model is None and prev.category and e.category != prev.category and \
                    _QUOTE_GAP.fullmatch(self.text, prev.span[1], e.span[0]):
                close = _QUOTE_END.search(self.text, e.span[1], e.span[1] + 40)
                end = close.start() if close else e.span[1]
                out[-1] = replace(prev, span=(prev.span[0], end), mention=self.text[prev.span[0]:end],
                                  model=self.text[e.span[0]:end].strip(), oryx_category=None, nato_name=None)
                continue
            out.append(e)
        return out

    def _not_a_thing(self, span: tuple[int, int], means: bool = False) -> bool:
        """"fighters of the SSO" are people; "drone location", "UAV group" are not drones; "a group of enemy
        drones" names an owner, not what struck. ("drone strikes" are strikes by drones.)"""
        if _AMBIGUOUS_CLASS.fullmatch(self.low, *span):
            return True
        head = _MODIFIER_OF.match(self.low, span[1])
        if head and not (means and head.group(1).startswith(("strike", "attack", "operator", "crew", "team", "pilot",
                                                              "unit", "group"))):
            return True  # ("FPV drone operators" struck with FPV drones)
        return means and bool(_OF_BEFORE.search(self.low, max(0, span[0] - 30), span[0]))

    def _means_position(self, t: _Target) -> bool:
        return bool(_MEANS_BEFORE.search(self.low, max(0, t.start - 40), t.start))

    def _struck_after_noun(self, t: _Target, ts: int) -> bool:
        """"buildings among the latest struck": an English participle closes the noun phrase (an active verb after
        its subject — "Торнадо-С уничтожил" — never does)."""
        return (ts - t.end < 40 and _EN_PARTICIPLE.match(self.low, ts) is not None
                and not cues.ACTOR_RX.search(self.low, t.end, ts))

    def _subject_of_next(self, t: _Target, hi: int) -> bool:
        nxt = self.hits.first(cues.TRIGGER_RX, t.end, min(hi, t.end + 60))
        return nxt is not None and not re.search(r"[,;]", self.low[t.end:nxt.start()])

    # -- building the record -----------------------------------------------------------------------
    def _quantity(self, t: _Target, lo: int) -> int | None:
        nums = [n for n in self.tx.nums if lo <= n.start and n.end <= t.start and t.start - n.end <= 28]
        if nums:
            n = nums[-1]
            if len(nums) > 1 and _N_OF_M.fullmatch(self.low, nums[-2].end, n.start):
                n = nums[-2]  # "збили 14 із 16 БпЛА": 14 were shot down
            between = self.low[n.end:t.start]
            if not re.search(r"[,;:.]|(?<![\w'-])(?:and|of|і|та|и|з|из)(?![\w'])", between) and isinstance(
                    n.value, int):
                return int(n.value)
        if t.place is not None:
            joined = re.search(r"^\s*(?:and|і|та|и)\s+[A-ZА-ЯІЇЄҐ]", self.text[t.end:t.end + 8])
            return 2 if joined else 1
        plural = _PLURAL.search(self.low, t.start, t.end) is not None
        if t.category != "personnel" and not plural and (t.model or _ARTICLE_ONE.search(
                self.low, max(lo, t.start - 40), t.start)):
            return 1  # "a Russian APC", "російський танк Т-90М"
        return None

    @cached_property
    def frame(self) -> str | None:
        """RUS or UKR: the side whose losses the text is about — its tallies' side when it has tallies, else its
        owner words ("Russian tanks"; "ворожих" in Ukrainian) two to one; else a Ukrainian-language text reports
        Russian losses; None otherwise."""
        sides = [t.losing_side for t in self.tallies if t.losing_side]
        if not sides:
            sides = ["RUS"] * len(cues.OWNER_RUS.findall(self.low)) + ["UKR"] * len(cues.OWNER_UKR.findall(self.low))
            if self.tx.language == "uk":
                sides += ["RUS"] * len(cues.OWNER_ENEMY.findall(self.low))
        rus, ukr = sides.count("RUS"), sides.count("UKR")
        if rus > ukr and (self.tallies or (rus >= 2 and rus >= 2 * ukr)):
            return "RUS"
        if ukr > rus and (self.tallies or (ukr >= 2 and ukr >= 2 * rus)):
            return "UKR"
        if not sides and self.tx.language == "uk":
            return "RUS"
        return None

    def _tally_sentence(self, lo: int, hi: int) -> bool:
        return any(lo <= a < hi and not self._engagement(t) for a, _b, t in self._tally_spans)

    @staticmethod
    def _engagement(t: LossTally) -> bool:
        return t.scope == "period" and bool(t.period_text) and bool(cues.ENGAGEMENT.search(t.period_text.lower()))

    def _tally_at(self, s: int, e: int) -> LossTally | None:
        for a, b, t in self._tally_spans:
            if a >= e:
                break
            if s < b and e > a:
                return t
        return None

    def _draft(self, m: re.Match[str], name: str, outcome: str, etype: str, tg: _Target, lo: int, hi: int,
               sent: int, passive: bool) -> _Draft | None:
        ts, te = m.span()
        tally = self._tally_at(tg.start, tg.end)
        if tally is not None and not self._engagement(tally):
            return None  # a day's or the war's count: the tally stage has it
        if tally is None and self._tally_sentence(lo, hi):
            return None  # "Ukraine claims to have destroyed 3610 tanks …": a report of totals
        if cues.AGGREGATE.search(self.low, max(lo, tg.start - 30), tg.start):
            return None  # "damaged all of Ukraine's power plants", "dozens of vehicles": not one incident
        qty = self._quantity(tg, lo)
        if tally is not None:
            qty = tally.value
        if qty is not None and qty > (MAX_SHOT_DOWN if outcome == "shot_down" else MAX_INCIDENT):
            return None  # (one night's interceptions are one event: "downed 80 Shahed-type drones")
        if tg.category == "personnel" and qty is None and not (
                outcome == "destroyed" and _NAMED_GROUP.match(self.low, tg.start)):
            return None  # "the occupiers" is usually the owner of what was hit; a count of people has a number
        if tg.place is not None:
            etype = "capture" if outcome == "captured" else etype
        if outcome == "destroyed" and (tg.category in _AIRBORNE or (tg.category in ("aircraft", "helicopters") and (
                _IN_THE_AIR.search(self.low, lo, hi)))):
            outcome, etype = "shot_down", "shoot_down"  # brought down in the air, whatever the verb
        claimant_m, basis = self.tx.attr.claimant(sent, ts, [])
        claimant = party(claimant_m, basis)
        actor = self._actor(ts, te, lo, hi, passive, tg)
        means = self._means_for(ts, te, lo, hi, tg, shot_down=outcome == "shot_down")
        sides = self._sides(name, tg, ts, te, lo, actor, means, claimant)
        if sides is None:
            return None
        own_side, own_basis = sides
        ev = EventClaim(
            id="", type=etype, outcome=outcome, span=(min(ts, tg.start), max(te, tg.end)),
            trigger=self.text[ts:te], trigger_span=(ts, te), actor=actor,
            target=Target(mention=self.text[tg.start:tg.end], model=tg.model, category=tg.category,
                          oryx_category=tg.oryx_category, nato_name=tg.nato_name, class_reported=tg.class_reported,
                          owner_side=own_side, owner_basis=own_basis, quantity=qty, span=(tg.start, tg.end)),
            means=means, claimant=claimant, language=self.tx.language,
        )
        ev.modality, ev.modality_text = modality(self.low, lo, ts)
        ev.time = event_time(self.text, self.low, lo, hi, self.published)
        ev.location = self._location(tg, lo, hi)
        ev.evidence = self._evidence(sent, lo, hi)
        if self.tx.outlet is not None:
            ev.relayed_by = [self.tx.outlet]
        if tally is not None:
            ev.tally_ids.append(tally.id)
            tally.event_ids.append("")  # filled with the event's id once it is final (_merge)
        ev.id = _eid(self.text[:64], ev.span, tg.category)
        return _Draft(ev, cues.OUTCOME_RANK.get(outcome, 0), qty, [(tg.start, tg.end)],
                      headline=self.seg.sentences[sent].kind == "headline",
                      distinct=bool(_ANOTHER.search(self.low, max(lo, tg.start - 20), tg.start)
                                    or _MOREOVER.match(self.low, lo)))

    def _enemy_of(self, claimant) -> str | None:
        """Whose "enemy"/"противник": the other side from the claimant's, else from a Ukrainian-language text."""
        if claimant is not None and claimant.side in ("UKR", "RUS"):
            return _OTHER[claimant.side]
        return "RUS" if self.tx.language == "uk" else None

    def _sides(self, name: str, tg: _Target, ts: int, te: int, lo: int, actor: Actor, means: Means | None,
               claimant) -> tuple[str | None, str | None] | None:
        """(owner side, how it was read) of the target; fills the actor's side, saying when it was inferred.
        None when the event is not one after all ("lost" without a subject)."""
        own = basis = None
        if tg.place is None:  # owner words sit in the target's own phrase: after the trigger when it follows
            own, _word = owner_side(self.low, tg.start, tg.end, te if tg.start >= te else lo)
            if own == "ENEMY":
                own = self._enemy_of(claimant)
            basis = "words" if own else None
        if name == "liberated":  # Moscow "liberates" too: the claimant's side, else Ukraine
            sided = claimant is not None and claimant.side in _OTHER and cues.SIDED_CLAIMANT.search(
                (claimant.mention or claimant.name or "").lower())
            actor.side = actor.side or (claimant.side if sided else "UKR")
            if own is None or own == actor.side:
                own, basis = _OTHER[actor.side], "actor"
        elif name in ("lost", "repelled"):  # the subject owns the loss / repelled the other side's attack
            if actor.side is None and name == "repelled" and claimant is not None and claimant.side in _OTHER:
                actor.side = claimant.side  # "отразили атаку", said the Russian MoD: its forces did
            if actor.side is None:
                return None
            subject = actor.side
            actor.mention = actor.name = None
            actor.side, actor.resolution, actor.parents, actor.span = _OTHER[subject], "inferred", [], None
            if name == "lost":
                own, basis = subject, "words"
            else:
                own, basis = subject, "actor"
        if actor.side is None and means is not None and means.span:
            side, _w = owner_side(self.low, means.span[0], means.span[1], lo)  # "severe Russian shelling"
            if side in ("RUS", "UKR"):
                actor.side, actor.resolution = side, "inferred"
        if actor.side is None and own:
            actor.side, actor.resolution = _OTHER[own], "inferred"
        if actor.side is None and tg.place is not None:
            # A Ukrainian town captured or assaulted: by Russia, unless the verb is a liberation.
            own, basis = ("UKR" if (tg.place.country or "UA") == "UA" else "RUS"), "place"
            actor.side, actor.resolution = _OTHER[own], "inferred"
        if actor.side is None and claimant and claimant.side in ("UKR", "RUS") and claimant.role != "media" \
                and cues.SIDED_CLAIMANT.search((claimant.mention or "").lower()):
            actor.side, actor.resolution = claimant.side, "inferred"  # the claimant's own forces
        if actor.side is None and own is None and claimant is not None and claimant.side in _OTHER and \
                claimant.role != "media" and cues.SIDED_CLAIMANT.search(
                    (claimant.mention or claimant.name or "").lower()):
            own, basis = _OTHER[claimant.side], "claimant"  # a side claims the other side's losses
            actor.side, actor.resolution = claimant.side, "inferred"
        if actor.side is None and self.frame:
            own, basis = self.frame, "frame"  # the side whose losses the whole text is about
            actor.side, actor.resolution = _OTHER[own], "inferred"
        if actor.resolution == "inferred" and claimant and claimant.side == actor.side and claimant.name \
                and _ACTING_BODY.search(claimant.name):
            actor.name = actor.name or claimant.name  # the SBU's post about its own strike
        if own is None and actor.side in ("UKR", "RUS"):
            own, basis = _OTHER[actor.side], "actor"
        return own, basis

    def _actor(self, ts: int, te: int, lo: int, hi: int, passive: bool, tg: _Target) -> Actor:
        if passive:
            by = _BY.match(self.low, te)
            if by:
                am = cues.ACTOR_RX.match(self.low, by.end())
                if am:
                    return self._actor_from(am, "explicit")
        found = None
        cut = last_match(_ACTOR_CUT, self.low, lo, ts)  # "атака ВСУ: уничтожены танк": not the doer
        lo = cut.end() if cut else lo
        for am in cues.ACTOR_RX.finditer(self.low, max(lo, ts - 120), ts):
            if am.start() < tg.end and am.end() > tg.start:
                continue
            found = am
        if found is not None:
            return self._actor_from(found, "explicit")
        return Actor()

    def _actor_from(self, am: re.Match[str], resolution: str) -> Actor:
        i = int((am.lastgroup or "a0")[1:])
        _pat, name, side = cues.ACTORS[i]
        mention = self.text[am.start():am.end()]
        ref = am.span()
        if not name and re.match(r"the (?:brigade|regiment|battalion)$", am.group(0)):
            # "the brigade destroyed the building": the unit named before
            for prev in cues.ACTOR_RX.finditer(self.low, max(0, am.start() - 1500), am.start()):
                if cues.ACTORS[int((prev.lastgroup or "a0")[1:])][2] == "" and prev.group(0)[:1].isdigit():
                    name, resolution, ref = self.text[prev.start():prev.end()], "coref", prev.span()
        if not side:
            side = self._unit_side(*ref)
        return Actor(mention=mention, name=name or mention, side=side or None, resolution=resolution,
                     parents=list(cues.ACTOR_PARENTS.get(name, [])), span=am.span())

    def _unit_side(self, s: int, e: int) -> str:
        window = self.low[max(0, s - 40):e]
        if cues.OWNER_UKR.search(window):
            return "UKR"
        if re.search(r"russian|российск|російськ", window):
            return "RUS"
        return ""

    def _means_for(self, ts: int, te: int, lo: int, hi: int, tg: _Target, shot_down: bool = False) -> Means | None:
        """What struck: a means in the clause that is the subject ("a similar drone smashed into"), an instrument
        ("with the help of a kamikaze drone", "by a Lancet", "дронами", "ударом HIMARS") or a pure means word;
        else one named so earlier in the paragraph. Never the target or a word of its phrase."""
        first, last = min(ts, tg.start), max(te, tg.end)
        for cut in cues.CLAUSE_CUT.finditer(self.low, lo, first):
            lo = cut.end()
        cut = cues.CLAUSE_CUT.search(self.low, last, hi)
        hi = cut.start() if cut else hi
        best = self._nearest_means(lo, hi, ts, tg, shot_down)
        if best is None:
            sh = _SHELLING.search(self.low, lo, hi)
            if sh:
                return Means(mention=self.text[sh.start():sh.end()], class_="artillery", span=sh.span())
            if shot_down:  # "ЗРК Тор-М2 сбил", "missile defence systems intercepted": the interceptor is a missile
                sam = next((t for t in self._in(lo, ts) if t.category == "air_defence" and t.model), None)
                ms = _MISSILE_DEFENCE.search(self.low, lo, first)
                if sam is not None:
                    return Means(mention=self.text[sam.start:sam.end], class_="missile", model=sam.model,
                                 span=(sam.start, sam.end))
                if ms:
                    return Means(mention=self.text[ms.start():ms.end()], class_="missile", span=ms.span())
            para = self.seg.paragraphs[self.seg.sentences[self.seg.sentence_at(ts)].para]
            if para.start < lo:  # "FPV drones of the SBU hit … In the video, the tank is destroyed"
                best = self._nearest_means(para.start, lo, lo, tg, shot_down, strict=True)
            if best is None:
                return None
        cls = best.class_
        if cls == "drone" and "loitering_munition" in self.doc_means:
            cls = "loitering_munition"  # "a similar drone" in a story about kamikaze drones
        elif cls == "drone" and "fpv_drone" in self.doc_means and "loitering_munition" not in self.doc_means:
            cls = "fpv_drone"
        return Means(mention=best.mention, class_=cls, model=best.model, span=tuple(best.span))

    def _nearest_means(self, lo: int, hi: int, ts: int, tg: _Target, shot_down: bool, strict: bool = False):
        best = None
        for mm in self.means:
            s, e = mm.span
            if s >= hi:
                break
            if s < lo or (s < tg.end + 4 and e > tg.start - 4):
                continue  # the target, or a word of its phrase ("Msta-S self-propelled howitzer")
            if any(s < t.end and e > t.start for t in self._in(lo, hi) if not t.is_means and not t.generic):
                continue
            instrument = bool(_MEANS_BEFORE.search(self.low, max(0, s - 40), s) or _INSTRUMENTAL.search(
                self.low, s, e))
            subject = e <= ts and not strict
            if shot_down and s > ts and not instrument:
                continue  # "збили 14 БпЛА типу Шахед": what was shot down is no means
            pure = mm.span not in self._target_spans and not strict
            if not (instrument or subject or pure):
                continue
            key = (not (instrument or subject), abs(s - ts))  # a placed means beats a word merely nearby
            if best is None or key < best[0]:
                best = (key, mm)
        return best[1] if best else None

    def _location(self, tg: _Target, lo: int, hi: int) -> Place | None:
        """The place in the clause nearest the target; not a possessor ("Ukraine's navy")."""
        best = None
        for p in self.places:
            s, e = p.span
            if not (lo <= s and e <= hi) or _POSSESSIVE.match(self.text, e):
                continue
            if best is None or abs(s - tg.end) < abs(best.span[0] - tg.end):
                best = p
        if best is None:
            return None
        return Place(mention=best.mention, name=best.name, admin1=best.admin1, country=best.country, lat=best.lat,
                     lon=best.lon, precision=best.precision, span=tuple(best.span))

    def _evidence(self, sent: int, lo: int, hi: int):
        ev = evidence_in(self.text, self.low, lo, hi, "clause")
        if ev:
            return ev
        para = self.seg.sentences[sent].para
        paras = self.seg.paragraphs
        for k, basis in ((para, "paragraph"), (para - 1, "previous paragraph")):
            if 0 <= k < len(paras):
                ev = evidence_in(self.text, self.low, paras[k].start, paras[k].end, basis)
                if ev:
                    return ev
        lead_end = paras[min(2, len(paras) - 1)].end if paras else 0
        return evidence_in(self.text, self.low, 0, lead_end, "lead of the article")

    # -- one incident told several times ---------------------------------------------------------------
    @staticmethod
    def _same(a: _Draft, b: _Draft) -> bool:
        ta, tb = a.event.target, b.event.target
        if ta.category != tb.category:
            return False
        if ta.owner_basis == tb.owner_basis == "words" and ta.owner_side != tb.owner_side:
            return False  # "Russian" and "Ukrainian" tanks are two events; an inferred owner may be wrong
        if ta.category == "other" and (ta.mention or "").lower() != (tb.mention or "").lower() and not (
                _SETTLEMENT.fullmatch((ta.mention or "").lower()) or _SETTLEMENT.fullmatch((tb.mention or "").lower())):
            return False
        if a.quantity is not None and b.quantity is not None and a.quantity != b.quantity:
            return False
        if b.distinct and not a.headline:
            return False
        if ta.model and tb.model and ta.model != tb.model:
            fa, fb = ta.model.lower().split("-")[0], tb.model.lower().split("-")[0]
            if fa not in fb and fb not in fa:
                return False
        if not ta.model and not tb.model and _head(ta.mention) != _head(tb.mention) and not (
                a.headline or b.headline):
            return False  # "thermal power plants" and "an energy facility" are two targets
        outs = {a.event.outcome, b.event.outcome}
        if len(outs) == 1 or "hit" in outs or "unknown" in outs:
            return True
        # "SBU drones destroy Tor-M2 and Msta-S" in the headline, "damaged a 2S19 Msta-S" in the body: one event
        return bool(ta.model and tb.model) and (a.headline or b.headline) and outs <= {"destroyed", "damaged"}

    def _merge(self, drafts: list[_Draft]) -> list[EventClaim]:
        groups: list[_Draft] = []
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
    def _richer(a: _Draft, b: _Draft) -> bool:
        def score(d: _Draft) -> tuple:
            e = d.event  # a body's outcome beats a headline's, unless the body only says "hit"
            return (d.rank >= 3, not d.headline, d.rank, bool(e.target.model), e.actor.resolution == "explicit",
                    bool(e.means),
                    -e.span[0])
        return score(a) >= score(b)

    @staticmethod
    def _absorb(keep: _Draft, other: _Draft) -> None:
        k, o = keep.event, other.event
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


def _with_fpv(means: list, low: str, ranges: list[tuple[int, int]]) -> list:
    """Inflected FPV compounds the means vocabulary lacks ("FPV-дронів", "FPV-дроны") added as fpv_drone."""
    from .equipment import MeansMention

    have = [m.span for m in means]
    extra = [MeansMention(span=m.span(), mention=m.group(0), class_="fpv_drone") for a, b in ranges
             for m in _FPV.finditer(low, a, b) if not any(m.start() < y and m.end() > x for x, y in have)]
    return sorted(means + extra, key=lambda m: m.span) if extra else means


def _fill_sides(events: list[EventClaim]) -> None:
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
                e.target.owner_side, e.target.owner_basis = _OTHER[side], "actor"


def _head(mention: str | None) -> str:
    """The first letters of a target's last word: "tanks"/"tank", "танків"/"танки", "storage"/"storage"."""
    words = re.findall(r"\w+", (mention or "").lower())
    return words[-1][:4] if words else ""


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

