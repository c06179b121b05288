"""Who, whose, with what, where and on what evidence: the parts of an event read around its trigger and target
(a mixin of EventExtractor, events.py). Each part says how it was read (`resolution`, `owner_basis`)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property, lru_cache

from ..models import Actor, EventClaim, LossTally, Means, Place, Target
from . import event_cues as cues
from . import event_shapes as shapes
from .attribution import party
from .event_draft import Cand, Draft, event_id
from .event_parts import event_time, evidence_in, last_match, modality, owner_side

# What an attack damages, whose attacker a report names once for the whole text ("росіяни атакували Харків …
# Згоріли три тролейбуси"); not the weapons and vehicles of a battle, where both sides act.
_ATTACKED = frozenset({"infrastructure", "vehicles_fuel_tanks"})

_AVIATION = re.compile(r"(?<![\w'-])(?:aviation|air force|авіаці\w*|авиаци\w*|вкс|бомбардувальн\w*|бомбардировщ\w*)"
                       r"(?![\w'-])")

# "при поддержке армейской авиации уничтожили": the aircraft helped; what struck is not said
_SUPPORT_BEFORE = re.compile(r"(?:support|поддержк\w*|підтримк\w*)\s+(?:of\s+|from\s+)?(?:[\w-]+\s+)?$")


class Roles:
    """The doer, the owner, the means, the place, the evidence and the count of one event."""

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
        if t.scope != "period" or not t.period_text:
            return False
        # one attack, or one night's interceptions ("destroyed 11 drones over the Krasnodar region overnight")
        # ("destroyed a Grad and two boats … overnight": a few of a kind in one night are one raid's)
        return bool(cues.ENGAGEMENT.search(t.period_text.lower())) or (
            (t.category in shapes.AIRBORNE or t.value <= 5) and bool(shapes.ONE_NIGHT.search(t.period_text.lower())))

    def _tally_at(self, s: int, e: int) -> LossTally | None:
        for a, b, t in self._tally_spans:
            if a >= e:
                break
            if s < b and e > a:
                return t
        return None

    def _quantity(self, t: Cand, lo: int) -> int | None:
        nums = [n for n in self._nums_in(max(lo, t.start - 60), t.start) if n.end <= t.start and t.start - n.end <= 28]
        if nums:
            n = nums[-1]
            if len(nums) > 1 and shapes.N_OF_M.fullmatch(self.low, nums[-2].end, n.start):
                n = nums[-2]  # "збили 14 із 16 БпЛА": 14 were shot down
            between = self.low[n.end:t.start]
            if not re.search(r"[,;:.]|(?<![\w'-])(?:and|of|і|та|и|з|из)(?![\w'])", between) and isinstance(
                    n.value, int):
                return int(n.value)
        if t.place is not None:
            joined = re.search(r"^\s*(?:and|і|та|и)\s+[A-ZА-ЯІЇЄҐ]", self.text[t.end:t.end + 8])
            return 2 if joined else 1
        plural = shapes.PLURAL.search(self.low, t.start, t.end) is not None
        if t.category != "personnel" and not plural and (t.model or shapes.ARTICLE_ONE.search(
                self.low, max(lo, t.start - 40), t.start)):
            return 1  # "a Russian APC", "російський танк Т-90М"
        return None

    def _draft(self, m: re.Match[str], name: str, outcome: str, etype: str, tg: Cand, lo: int, hi: int,
               sent: int, passive: bool, qty: int | None) -> Draft | None:
        """The event of trigger `m` on target `tg` (whose count, `qty`, _events_at has read), or None."""
        ts, te = m.span()
        tally = self._tally_at(tg.start, tg.end)
        if tally is not None and not self._engagement(tally):
            return None  # a day's or the war's count: the tally stage has it
        if tally is None and self._tally_sentence(lo, hi):
            return None  # "Ukraine claims to have destroyed 3610 tanks …": a report of totals
        if cues.AGGREGATE.search(self.low, max(lo, tg.start - 30), tg.start):
            return None  # "damaged all of Ukraine's power plants", "dozens of vehicles": not one incident
        if shapes.NO_ONE_BEFORE.search(self.low, max(lo, tg.start - 12), tg.start) or shapes.CLAIM_LABEL.match(
                self.low, self.seg.sentences[sent].start):
            return None  # "no evidence that any F-16 was shot down"; "Claim: S-400 systems shot down …" (a fact-check)
        if tally is not None:
            qty = tally.value
        shot = outcome == "shot_down" or (
            outcome == "destroyed" and (tg.category in shapes.AIRBORNE or tg.shot_down_only))
        if qty is not None and qty > (shapes.MAX_SHOT_DOWN if shot else shapes.MAX_INCIDENT):
            return None  # (one night's interceptions are one event: "downed 80 Shahed-type drones")
        if tg.category == "personnel" and qty is None and not (
                outcome == "destroyed" and shapes.NAMED_GROUP.match(self.low, tg.start)):
            return None  # "the occupiers" is usually the owner of what was hit; a count of people has a number
        if tg.place is not None:
            etype = "capture" if outcome == "captured" else etype
        airborne = tg.category in ("aircraft", "helicopters")
        if outcome == "destroyed" and (tg.category in shapes.AIRBORNE or tg.shot_down_only or (airborne and (
                shapes.IN_THE_AIR.search(self.low, lo, hi)))):
            outcome, etype = "shot_down", "shoot_down"  # brought down in the air, whatever the verb
        if outcome == "destroyed" and tg.category in ("infrastructure", "position") and shapes.FIRE.match(
                self.low, ts, te):
            outcome = "damaged"  # a depot or a refinery set on fire is damaged; a burnt-out BMP is destroyed
        claimant_m, basis = self.tx.attr.claimant(sent, ts, [])
        claimant = party(claimant_m, basis)
        actor = self._actor(ts, te, lo, hi, passive, tg)
        means = self._means_for(ts, te, lo, hi, tg, shot_down=outcome == "shot_down")
        if means is None and outcome != "shot_down":
            air = _AVIATION.search(self.low, max(lo, ts - 40), ts)
            # "Ukrainian aviation struck a command post": the doer's aircraft are the means
            if air and not _SUPPORT_BEFORE.search(self.low, max(lo, air.start() - 30), air.start()):
                means = Means(mention=self.text[air.start():air.end()], class_="aircraft", model=None, span=air.span())
        sides = self._sides(name, tg, ts, te, lo, actor, means, claimant, shot=outcome == "shot_down")
        if sides is None:
            return None
        own_side, own_basis = sides
        ev = EventClaim(
            id="", type=etype, outcome=outcome, span=(min(ts, tg.start), max(te, tg.end)),
            trigger=self.text[ts:te], trigger_span=(ts, te), actor=actor,
            target=Target(mention=self.text[tg.start:tg.end], model=tg.model, model_basis=tg.model_basis,
                          category=tg.category,
                          oryx_category=tg.oryx_category, nato_name=tg.nato_name, class_reported=tg.class_reported,
                          owner_side=own_side, owner_basis=own_basis, quantity=qty, span=(tg.start, tg.end)),
            means=means, claimant=claimant, language=self.tx.language,
        )
        ev.modality, ev.modality_text = modality(self.low, lo, ts)
        ev.time = event_time(self.text, self.low, lo, hi, self.published)
        ev.location = self._location(tg, lo, hi)
        if tg.category in ("infrastructure", "vehicles_fuel_tanks") and own_basis not in ("words", "model") and \
                actor.resolution != "explicit":
            # a power line or a car damaged in the Belgorod region, or reported by its governor: Russia's
            country = ev.location.country if ev.location is not None and ev.location.country == "RU" else \
                self._official_country(lo, ts)
            if country in ("RU", "UA"):
                own = "RUS" if country == "RU" else "UKR"
                ev.target.owner_side, ev.target.owner_basis = own, "place"
                actor.side, actor.resolution = shapes.OTHER[own], "inferred"
        ev.evidence = self._evidence(sent, lo, hi)
        if self.tx.outlet is not None:
            ev.relayed_by = [self.tx.outlet]
        if tally is not None:
            ev.tally_ids.append(tally.id)
            tally.event_ids.append("")  # filled with the event's id once it is final (_merge)
        ev.id = event_id(self.text[:64], ev.span, tg.category)
        return Draft(ev, cues.OUTCOME_RANK.get(outcome, 0), qty, [(tg.start, tg.end)],
                      headline=self.seg.sentences[sent].kind == "headline",
                      distinct=bool(shapes.ANOTHER.search(self.low, max(lo, tg.start - 20), tg.start)
                                    or shapes.MOREOVER.match(self.low, lo)),
                      anaphoric=not tg.model and (qty is None or qty == 1) and bool(
                          shapes.DEFINITE.search(self.low, max(lo, tg.start - 8), tg.start)))

    def _official_country(self, lo: int, ts: int) -> str | None:
        """The country of the region whose governor, administration head or mayor speaks before the trigger
        ("Губернатор Белгородской области … сообщил о повреждении …", "голова Харківської ОВА")."""
        m = shapes.REGIONAL_OFFICIAL.search(self.low, lo, ts)
        if m is None:
            return None
        from .places import find_places

        # (self.places leaves out a place before a person's name: "Белгородской области Вячеслав Гладков")
        found = find_places(self.text[m.end():min(ts, m.end() + 60)], self.tx.language)
        if not found and m.group(0).endswith("ова"):  # "голова Харківської ОВА": a Ukrainian oblast's head
            return "UA"
        return found[0].country if found else None

    def _enemy_of(self, claimant) -> str | None:
        """Whose "enemy"/"противник": the other side from the claimant's, else from a Ukrainian-language text."""
        if claimant is not None and claimant.side in ("UKR", "RUS"):
            return shapes.OTHER[claimant.side]
        return "RUS" if self.tx.language == "uk" else None

    def _sides(self, name: str, tg: Cand, ts: int, te: int, lo: int, actor: Actor, means: Means | None,
               claimant, shot: bool = False) -> tuple[str | None, str | None] | None:
        """(owner side, how it was read) of the target; fills the actor's side, saying when it was inferred.
        None when the event is not one after all ("lost" without a subject)."""
        own = basis = None
        if tg.place is None:  # owner words sit in the target's own phrase: after the trigger when it follows
            own, _word = owner_side(self.low, tg.start, tg.end, te if tg.start >= te else lo)
            if own == "ENEMY":
                own = self._enemy_of(claimant)
            basis = "words" if own else None
            if own is None and tg.model:  # a Krab or a HIMARS is Ukraine's, a T-80BVM Russia's: what Oryx records
                own = model_owner(tg.model)
                basis = "model" if own else None
        if name == "liberated":  # Moscow "liberates" too: the claimant's side, else Ukraine
            sided = claimant is not None and claimant.side in shapes.OTHER and cues.SIDED_CLAIMANT.search(
                (claimant.mention or claimant.name or "").lower())
            actor.side = actor.side or (claimant.side if sided else "UKR")
            if own is None or own == actor.side:
                own, basis = shapes.OTHER[actor.side], "actor"
        elif name in ("lost", "repelled"):  # the subject owns the loss / repelled the other side's attack
            if actor.side is None and name == "repelled" and claimant is not None and claimant.side in shapes.OTHER:
                actor.side = claimant.side  # "отразили атаку", said the Russian MoD: its forces did
            if actor.side is None:
                return None
            subject = actor.side
            actor.mention = actor.name = None
            actor.side, actor.resolution, actor.parents, actor.span = shapes.OTHER[subject], "inferred", [], None
            if name == "lost":
                own, basis = subject, "words"
            else:
                own, basis = subject, "actor"
        if actor.side is None and means is not None and means.span:
            side, _w = owner_side(self.low, means.span[0], means.span[1], lo)  # "severe Russian shelling"
            if side not in ("RUS", "UKR"):  # a weapon only one side uses: a Lancet is Russian, a HIMARS Ukrainian
                side = next((sd for rx, sd in shapes.MEANS_SIDE if rx.search((means.model or means.mention or "")
                                                                              .lower())), None)
            if side in ("RUS", "UKR"):
                actor.side, actor.resolution = side, "inferred"
        if actor.side is None and own:
            actor.side, actor.resolution = shapes.OTHER[own], "inferred"
        if actor.side is None:  # "Ворог атакував громаду FPV-дронами. Дрон влучив у автомобіль": the attacker before
            attacker = self._attacker_before(ts)
            actor.side = shapes.OTHER[attacker] if shot and attacker else attacker  # the attacker's drones are downed
            actor.resolution = "inferred" if actor.side else actor.resolution
        if actor.side is None and tg.place is not None:
            # A Ukrainian town captured or assaulted: by Russia, unless the verb is a liberation.
            own, basis = ("UKR" if (tg.place.country or "UA") == "UA" else "RUS"), "place"
            actor.side, actor.resolution = shapes.OTHER[own], "inferred"
        if actor.side is None and claimant and claimant.side in ("UKR", "RUS") and claimant.role != "media" \
                and cues.SIDED_CLAIMANT.search((claimant.mention or "").lower()):
            actor.side, actor.resolution = claimant.side, "inferred"  # the claimant's own forces
        if actor.side is None and own is None and claimant is not None and claimant.side in shapes.OTHER and \
                claimant.role != "media" and cues.SIDED_CLAIMANT.search(
                    (claimant.mention or claimant.name or "").lower()):
            own, basis = shapes.OTHER[claimant.side], "claimant"  # a side claims the other side's losses
            actor.side, actor.resolution = claimant.side, "inferred"
        if actor.side is None and not shot and tg.category in _ATTACKED:
            attacker = self._attacker_before(ts, whole=True)  # the damage of the attack the text reports
            if attacker:
                actor.side, actor.resolution = attacker, "inferred"
                own, basis = shapes.OTHER[attacker], "actor"
        if actor.side is None and self.frame:
            own, basis = self.frame, "frame"  # the side whose losses the whole text is about
            actor.side, actor.resolution = shapes.OTHER[own], "inferred"
        if actor.resolution == "inferred" and claimant and claimant.side == actor.side and claimant.name \
                and shapes.ACTING_BODY.search(claimant.name):
            actor.name = actor.name or claimant.name  # the SBU's post about its own strike
        if own is None and actor.side in ("UKR", "RUS"):
            own, basis = shapes.OTHER[actor.side], "actor"
        return own, basis

    def _attacker_before(self, ts: int, whole: bool = False) -> str | None:
        """The side of the last attacker named earlier in the paragraph ("росіяни вдарили з артилерії по Нікополю:
        пошкоджено …", "a Ukrainian FPV drone attacked a truck … a power line was damaged")."""
        para = self.seg.paragraphs[self.seg.sentences[self.seg.sentence_at(ts)].para]
        found = last_match(shapes.ATTACKER, self.low, para.start, ts)
        if found is None and whole:  # a report of one attack: "російські війська атакували Харків …" two paragraphs up
            found = last_match(shapes.ATTACKER, self.low, 0, para.start)
        if found is None:
            return None
        if found.lastgroup == "enemy":  # "the enemy" of a Ukrainian text is Russia; of others, unclear
            return "RUS" if self.tx.language == "uk" else None
        return "RUS" if found.lastgroup == "rus" else "UKR"

    def _actor(self, ts: int, te: int, lo: int, hi: int, passive: bool, tg: Cand) -> Actor:
        if passive:
            by = shapes.BY.match(self.low, te)
            if by:
                am = cues.ACTOR_RX.match(self.low, by.end())
                if am:
                    return self._actor_from(am, "explicit")
        found = None
        cut = last_match(shapes.ACTOR_CUT, self.low, lo, ts)  # "атака ВСУ: уничтожены танк": not the doer
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

    def _means_for(self, ts: int, te: int, lo: int, hi: int, tg: Cand, shot_down: bool = False) -> Means | None:
        """What struck: a means in the clause that is the subject ("a similar drone smashed into"), an instrument
        ("with the help of a kamikaze drone", "by a Lancet", "дронами", "ударом HIMARS") or a pure means word;
        else one named so earlier in the paragraph. Never the target or a word of its phrase."""
        first, last = min(ts, tg.start), max(te, tg.end)
        for cut in cues.CLAUSE_CUT.finditer(self.low, lo, first):
            lo = cut.end()
        cut = cues.CLAUSE_CUT.search(self.low, last, hi)
        hi = cut.start() if cut else hi
        best = self._nearest_means(lo, hi, ts, tg, shot_down)
        if shot_down and best is not None and best.class_ in ("missile", "loitering_munition", "drone") and not (
                best.model and self._in(best.span[0], best.span[1] + 1)
                and any(t.category == "air_defence" for t in self._in(best.span[0], best.span[1] + 1))):
            best = None  # "атакували … ракетами Х-101, з яких збито …": the attack's weapons are what was downed
        if best is None:
            sh = shapes.SHELLING.search(self.low, lo, hi)
            if sh:
                return Means(mention=self.text[sh.start():sh.end()], class_="artillery", span=sh.span())
            sa = shapes.SMALL_ARMS.search(self.low, lo, hi)
            if sa:  # "збили з кулемета"
                return Means(mention=self.text[sa.start():sa.end()], class_="small_arms", span=sa.span())
            if shot_down:  # "ЗРК Тор-М2 сбил", "missile defence systems intercepted": the interceptor is a missile
                sam = next((t for t in self._in(lo, ts) if t.category == "air_defence" and t.model), None)
                ms = shapes.MISSILE_DEFENCE.search(self.low, lo, first)
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

    def _nearest_means(self, lo: int, hi: int, ts: int, tg: Cand, shot_down: bool, strict: bool = False):
        best = None
        for mm in self.means:
            s, e = mm.span
            if s >= hi:
                break
            if s < lo or (s < tg.end + 4 and e > tg.start - 4):
                continue  # the target, or a word of its phrase ("Msta-S self-propelled howitzer")
            if any(s < t.end and e > t.start for t in self._in(lo, hi) if not t.is_means and not t.generic):
                continue
            instrument = bool(shapes.MEANS_BEFORE.search(self.low, max(0, s - 40), s) or shapes.INSTRUMENTAL.search(
                self.low, s, e))
            subject = e <= ts and not strict
            if shot_down and ((s > ts and not instrument) or mm.class_ not in shapes.SHOT_DOWN_MEANS):
                continue  # "збили 14 БпЛА типу Шахед": what was shot down, or a drone, is no interceptor
            pure = mm.span not in self._target_spans and not strict
            if not (instrument or subject or pure):
                continue
            key = (not (instrument or subject), abs(s - ts))  # a placed means beats a word merely nearby
            if best is None or key < best[0]:
                best = (key, mm)
        return best[1] if best else None

    def _location(self, tg: Cand, lo: int, hi: int) -> Place | None:
        """The place in the clause nearest the target; not a possessor ("Ukraine's navy")."""
        best = None
        for p in self.places:
            s, e = p.span
            if not (lo <= s and e <= hi) or shapes.POSSESSIVE.match(self.text, e):
                continue
            if best is None or abs(s - tg.end) < abs(best.span[0] - tg.end):
                best = p
        if best is None:
            return None
        return Place(mention=best.mention, name=best.name, admin1=best.admin1, country=best.country, lat=best.lat,
                     lon=best.lon, precision=best.precision, span=tuple(best.span))

    def _evidence(self, sent: int, lo: int, hi: int):
        """Evidence named in the clause, else its paragraph, the one before, or the article's lead."""
        ev = self._evidence_in(lo, hi, "clause")
        if ev:
            return ev
        para = self.seg.sentences[sent].para
        paras = self.seg.paragraphs
        for k, basis in ((para, "paragraph"), (para - 1, "previous paragraph")):
            if 0 <= k < len(paras):
                ev = self._evidence_in(paras[k].start, paras[k].end, basis)
                if ev:
                    return ev
        lead_end = paras[min(2, len(paras) - 1)].end if paras else 0
        return self._evidence_in(0, lead_end, "lead of the article")

    def _evidence_in(self, lo: int, hi: int, basis: str):
        """evidence_in, once per range of the document (events of one paragraph share its answer); copies,
        since a merge may extend one event's list."""
        memo = self.__dict__.setdefault("_evidence_memo", {})
        key = (lo, hi, basis)
        if key not in memo:
            memo[key] = evidence_in(self.text, self.low, lo, hi, basis, self.hits)
        return [replace(e) for e in memo[key]]

    # -- one incident told several times ---------------------------------------------------------------


@lru_cache(maxsize=1024)
def model_owner(model: str) -> str | None:
    """The side a model belongs to when Oryx records its losses (≥ 5 of them) on that side alone, or nearly
    (≥ 97 %): equipment only one army fields."""
    from ..reference.oryx import model_counts

    counts = {side: d["total"] for side, d in model_counts(model).items()}
    total = sum(counts.values())
    if total < 5:
        return None
    side, n = max(counts.items(), key=lambda kv: kv[1])
    return side if n >= 0.97 * total else None
