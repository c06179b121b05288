"""Who speaks: the people and organisations of data/speakers/speakers.json found in a text, and the
resolution of a cue's subject to one of them.

Mentions come from the speaker table (aliases in three languages) and from the loss-tally attribution's
claimant patterns (extract/cues.py CLAIMANTS), mapped onto the table by their `claimant` name, so that
both stages name a party the same way. A subject resolves, in order: to a name it contains (explicit);
a pronoun to the last compatible speaker or mention ("He said" → the last man, "it adds" → the last
organisation: coref); a noun that refers back ("the ministry", "the post", "the think tank") to the
last entity it fits (coref); else to the proper name it holds, or the words themselves (explicit).
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..models import Speaker
from . import cues, speech_cues
from .person_names import (
    CALL_SIGN_HINT,
    CYRILLIC,
    FUNCTION_WORDS,
    ORG_WORDS,
    PERSON_NOUNS,
    RANK_ABBREVIATIONS,
    TITLECASE,
    call_signs,
    name_core,
    person_after,
    plain,
    proper_name,
    tail_run,
)
from .units import units_at_ordinals


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    type: str  # person / organisation / country
    role: str | None
    side: str | None
    gender: str | None
    claimant: str | None
    nouns: tuple[str, ...]


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    entity: Entity


@dataclass
class Table:
    entities: list[Entity]
    alternatives: list[str]  # one regex per alias, longest first (speechscan.py scans them)
    exact: dict[str, Entity]
    stems: list[tuple[re.Pattern[str], Entity]]
    by_claimant: dict[str, Entity]
    by_name: dict[str, Entity]
    _memo: dict[str, Entity | None] = field(default_factory=dict)  # names as found -> entity

    @property
    def bare(self) -> Entity:
        """A defence ministry without a country ("the MOD"): resolved to the one meant when it speaks."""
        return self.by_name["Ministry of Defence"]

    def lookup(self, low: str) -> Entity | None:
        if low in self._memo:
            return self._memo[low]
        key = " ".join(low.replace("’", "'").split())
        found = self.exact.get(key)
        if found is None:
            found = next((ent for rx, ent in self.stems if rx.fullmatch(key)), None)
        if len(self._memo) < 4096:
            self._memo[low] = found
        return found


@lru_cache(maxsize=1)
def table() -> Table:
    raw = json.loads(resources.files("warclaims").joinpath("data/speakers/speakers.json").read_text("utf-8"))
    ents: list[Entity] = []
    exact: dict[str, Entity] = {}
    stems: list[tuple[re.Pattern[str], Entity]] = []
    alts: list[str] = []
    for row in raw["entities"]:
        e = Entity(row["name"], row["type"], row.get("role"), row.get("side"), row.get("gender"),
                   row.get("claimant"), tuple(row.get("nouns") or ()))
        ents.append(e)
        for alias in row["aliases"]:
            alias = alias.replace("’", "'").replace("ё", "е")  # as fold() writes them
            # "генеральн* штаб* зсу": a word ending in * is a stem (any word characters follow)
            rx = r"\s+".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in alias.split())
            if "*" in alias:
                stems.append((re.compile(rx.replace(r"\s+", " ")), e))
            else:
                exact[alias] = e
            alts.append(rx)
    alts.sort(key=len, reverse=True)
    stems.sort(key=lambda s: len(s[0].pattern), reverse=True)
    return Table(ents, alts, exact, stems, {e.claimant: e for e in ents if e.claimant},
                 {e.name: e for e in ents})


_UKR, _RUS = re.compile(r"ukrain|україн|украин"), re.compile(r"russia|росі|росси")
_DETERMINER = re.compile(r"^(?:the|a|an|this|that|its|their|his|her|в|у|во)\s+")


@lru_cache(maxsize=256)
def _nouns_rx(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """The head nouns that refer back to an entity ("the ministry", "the think tank"), as one pattern."""
    # a Ukrainian/Russian noun by its stem: "розвідка" is also "розвідки", "в розвідці"; "разведка", "разведки"
    alts = [re.escape(n[:-2]) + r"\w*" if len(n) >= 6 and " " not in n and not n.isascii() else re.escape(n)
            for n in nouns]
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])")


_SOLDIER = re.compile(r"(?i)(?<![\w])(?:soldier|serviceman|servicewoman|fighter|trooper|officer|військов\w*|боєць"
                      r"|бійц\w*|военн\w*|боец|бойц\w*)(?![\w])")
_SOURCE_HEAD = re.compile(r"(?:an? |the |one |two |several |три |два |две |один |одно |одна |наш\w* |его |її |его )?"
                          r"(?:[\w-]+ )?(?:(?P<pl>sources|джерела|джерел|источники|источника|источников|собеседники)"
                          r"|source|джерело|источник|собеседник\w*|співрозмовни\w*)(?![\w'])")
_CITED_IN_SUBJECT = re.compile(r"(?:,\s*)?(?<![\w'-])" + speech_cues.CITING_WORDS + r"\s+")
_SENTENCE_END = re.compile(r"(?:[.!?»”\"]\s+|\n\s*)$")
_SIGN_AFTER = re.compile(r"[,:]?\s+[«\"“'‘]?[A-ZА-ЯІЇЄҐЁ][\w'’-]{1,20}[»\"”'’]?")
_POST_NOUN = re.compile(r"(?i)(?<![\w])(?:head|chief|director|начальник\w*|голов[аиуі]|глав[аыуе]|керівник\w*"
                        r"|руководител\w*)(?![\w])")
_GENERIC_ORG = re.compile(r"(?:[\w-]+ )?(?:command|headquarters|press service|the press service|agency|department"
                          r"|office|unit|підрозділ|подразделение"
                          r"|командування|командования|командование|штабу?|пресслужб\w*|прес-служб\w*|пресс-служб\w*"
                          r"|відомств\w*|ведомств\w*)")




def _entity_for_claimant(name: str, low: str, a: int, b: int) -> Entity | None:
    tab = table()
    ent = tab.by_claimant.get(name)
    if ent is not None and ent is not tab.bare:
        return ent
    if name == "Ministry of Defence":  # a bare "defence ministry": "of Ukraine" right after, else decided later
        after = low[b:b + 32]
        if re.match(r"\s+(?:of|in)\s+(?:ukrain|kyiv|kiev|україн|украин|києв|киев)", after):
            return tab.by_name["Ministry of Defence of Ukraine"]
        if re.match(r"\s+(?:of|in)\s+(?:the\s+)?(?:russia|moscow|рф|росси|росії|москв)", after):
            return tab.by_name["Ministry of Defence of the Russian Federation"]
        return tab.bare
    if name in ("third-party estimate", "unit or zone command", "Russian state media", "Russian military spokesman"):
        return None  # a class, not a party: the subject's own words name it
    return Entity(name, "organisation", name, None, None, name, ())


_UNIT_HINT = re.compile(r"бригад|батальйон|батальон|полк|корпус|дивізі|дивизи|brigade|battalion|regiment|corps"
                        r"|division|армі|арми|army")
_UNIT_NOUNS = {"Brigade": ("brigade", "бригада", "бригады"), "Battalion": ("battalion", "батальйон", "батальон"),
               "Regiment": ("regiment", "полк"), "Corps": ("corps", "корпус"), "Division": ("division", "дивізія",
                                                                                       "дивизия"),
               "Army": ("army",)}
_UNIT_NOUNS = {k: (*v, "unit", "підрозділ", "подразделение") for k, v in _UNIT_NOUNS.items()}


@lru_cache(maxsize=64)
def _role_then_name(role: str) -> re.Pattern[str]:
    """"governor" → a pattern for "governor [Titlecase words] First Last"."""
    cap = r"[A-ZА-ЯІЇЄҐ][\w'’-]+"
    return re.compile(r"(?i:" + re.escape(role) + rf")\s+(?:{cap}\s+){{0,3}}?({cap} {cap})(?![\w'’-])")


def unit_mentions(text: str, low: str) -> list[Mention]:
    """Numbered units (units.py) as organisation mentions, referred back to by their noun ("the brigade")."""
    if not _UNIT_HINT.search(low):
        return []
    out = []
    for a, b, name in units_at_ordinals(text):
        nouns = _UNIT_NOUNS.get(name.rsplit(" ", 1)[-1], ())
        out.append(Mention(a, b, Entity(name, "organisation", None, None, None, name, nouns)))
    return out


def table_mentions(names: list[re.Match[str]]) -> list[Mention]:
    """The speaker table's names found by the scan (speechscan.NAMES), as mentions."""
    tab = table()
    out: list[Mention] = []
    for m in names:
        ent = tab.lookup(m.group())
        if ent is not None:
            out.append(Mention(m.start(), m.end(), ent))
    return out


def claimant_mentions(low: str, a: int, b: int, have: list[Mention],
                      anchors: list[re.Match[str]] | None = None) -> list[Mention]:
    """The tally attribution's claimant names inside [a, b) (cues.CLAIMANTS, mapped onto the table), where the
    table has none: "Ukrainian President", "the Defence Ministry of Ukraine", a bare "the MOD". `anchors`: the
    CLAIMANT_ANCHOR matches inside [a, b), when the caller has them."""
    from .attribution import claimant_matches  # (attribution imports lexicon, which may scan this table)

    if anchors is None:
        anchors = list(cues.CLAIMANT_ANCHOR.finditer(low, a, b))
    if not anchors:
        return []
    out = []
    for m in claimant_matches(low, anchors):
        if m.end() > b:
            continue
        _p, name, _side, _role = cues.CLAIMANTS[int((m.lastgroup or "c0")[1:])]
        ent = _entity_for_claimant(name, low, m.start(), m.end())
        inside = [x for x in have if x.entity.type != "country" and m.start() <= x.start and x.end <= m.end()]
        if inside:
            # The table names it more precisely ("Дмитрий Песков" in the Kremlin pattern); the same party
            # takes the claimant's longer words ("Генштаб ЗСУ").
            for x in inside:
                if x.entity is ent:
                    x.start, x.end = m.start(), m.end()
            continue
        if ent is not None and not any(x.start < m.end() and m.start() < x.end for x in have):
            out.append(Mention(m.start(), m.end(), ent))
    return out


@dataclass(slots=True)
class Prior:
    """A speaker already resolved (or a mention seen), as an antecedent for later pronouns."""

    pos: int
    span: tuple[int, int]
    name: str
    type: str | None
    gender: str | None
    side: str | None
    role: str | None
    nouns: tuple[str, ...]
    speaker: bool


def _speaker(ent: Entity, mention: str, span: tuple[int, int], resolution: str,
             antecedent: tuple[int, int] | None = None) -> Speaker:
    return Speaker(mention=mention, name=ent.name, type=ent.type, role=ent.role, side=ent.side,
                   resolution=resolution, antecedent_span=antecedent, span=span)


class Resolver:
    """Speaker resolution over one document: mentions found once, antecedents remembered in order."""

    def __init__(self, text: str, low: str, names: list[re.Match[str]], anchors: list[re.Match[str]] | None = None):
        self.text = text
        self.low = low
        self._anchors = anchors  # CLAIMANT_ANCHOR matches of the text, when the caller scanned for them
        self._anchor_starts = [m.start() for m in anchors] if anchors is not None else []
        self.mentions = table_mentions(names)
        units = unit_mentions(text, low)
        if units:  # "93-ї окремої механізованої бригади": a speaker the table cannot list, "the brigade" later
            self.mentions = sorted([*self.mentions, *(u for u in units if not any(
                m.start < u.end and u.start < m.end for m in self.mentions))], key=lambda m: (m.start, -m.end))
        if CALL_SIGN_HINT.search(low):  # "оператор с позывным «Кедр»": a person the table cannot list
            signs = [Mention(a, b, Entity(name, "person", None, None, None, None, nouns))
                     for a, b, name, nouns in call_signs(text)]
            self.mentions = sorted([*self.mentions, *(c for c in signs if not any(
                m.start < c.end and c.start < m.end for m in self.mentions))], key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self._read: set[tuple[int, int]] = set()
        self._mention_priors: tuple[list[Mention], list[Prior]] | None = None
        self.priors: list[Prior] = []  # resolved speakers, in the order they were resolved
        self._bare = table().bare
        self._by_name = table().by_name
        self._lower: str | None = None  # text.lower() (not fold: _trim reads it as it always has), made once

    def _read_claimants(self, a: int, b: int) -> bool:
        """Add the claimant names inside [a, b) (a subject: a few words), once per window; False when the
        mentions were left as they were (no claimant word there, or read before)."""
        anchors = None
        if self._anchors is not None:
            anchors = self._anchors[bisect_left(self._anchor_starts, a):bisect_left(self._anchor_starts, b)]
            if not anchors:
                return False
        if (a, b) in self._read:
            return False
        self._read.add((a, b))
        i, j = bisect_left(self._starts, a), bisect_left(self._starts, b)
        # (claimant_mentions may also widen a bare ministry's mention in place)
        extra = claimant_mentions(self.low, a, b, self.mentions[i:j], anchors)
        if extra:
            self.mentions = sorted([*self.mentions, *extra], key=lambda m: (m.start, -m.end))
            self._starts = [m.start for m in self.mentions]
        return True

    def may_name(self, a: int, b: int) -> bool:
        """False when in_span of any window inside [a, b) is sure to be empty (no mention starts there and no
        claimant word that could add one): then it need not be asked."""
        if self._anchors is None or bisect_left(self._anchor_starts, a) < bisect_left(self._anchor_starts, b):
            return True
        return bisect_left(self._starts, a) < bisect_left(self._starts, b)

    def in_span(self, a: int, b: int) -> list[Mention]:
        """Mentions inside [a, b): the table's; when it names no person or organisation there, also the claimant
        names of its paragraphs (read once)."""
        i = bisect_left(self._starts, a)
        j = bisect_left(self._starts, b, i)
        found = [m for m in self.mentions[i:j] if m.end <= b] if j > i else []
        bare = self._bare
        for m in found:
            if m.entity.type != "country" and m.entity is not bare:
                return found
        if not self._read_claimants(a, b):
            return found  # nothing changed: the same list
        i, j = bisect_left(self._starts, a), bisect_left(self._starts, b)
        return [m for m in self.mentions[i:j] if m.end <= b]

    def remember(self, sp: Speaker, pos: int) -> None:
        if sp.name and sp.span:
            ent = self._by_name.get(sp.name)
            # a speaker the table does not know is referred back to by the role its mention gave ("речник …
            # Дмитро Лиховій" … "наголосив речник")
            nouns = ent.nouns if ent else tuple(RANK_ABBREVIATIONS.get(w, w) for w in (
                m.group(0).lower() for m in PERSON_NOUNS.finditer(sp.mention or "")))
            self.priors.append(Prior(pos, sp.span, sp.name, sp.type, ent.gender if ent else None, sp.side, sp.role,
                                     nouns, True))

    def _antecedents(self, pos: int) -> list[Prior]:
        """Mentions and speakers before pos, nearest last."""
        if self._mention_priors is None or self._mention_priors[0] is not self.mentions:
            self._mention_priors = (self.mentions, [self._as_prior(m) for m in self.mentions])
        mentions, priors = self._mention_priors
        k = bisect_left([m.end for m in mentions], pos + 1)  # mentions ending at or before pos
        spoken = [p for p in self.priors if p.pos <= pos]
        if not spoken:
            return priors[:k]
        return sorted([*priors[:k], *spoken], key=lambda p: p.span[0])

    def _as_prior(self, m: Mention) -> Prior:
        ent = m.entity
        if ent is table().bare:  # as the ministry it stands for
            ent = self._ministry_target(m, m.start)[0] or ent
        return Prior(m.start, (m.start, m.end), ent.name, ent.type, ent.gender, ent.side, ent.role, ent.nouns, False)

    def _from_prior(self, p: Prior, mention: str, span: tuple[int, int], resolution: str = "coref") -> Speaker:
        return Speaker(mention=mention, name=p.name, type=p.type, role=p.role, side=p.side, resolution=resolution,
                       antecedent_span=p.span, span=span)

    def pronoun(self, kind: str, mention: str, span: tuple[int, int], pos: int) -> Speaker | None:
        """kind: m / f (a person) or org (it/they: an organisation, a post, a country that spoke)."""
        if kind in ("m", "f"):
            subject = self._role_subject(span[0])  # "The colonel is less optimistic. "…," he said."
            if subject is not None:
                last = next((p for p in reversed(self._antecedents(pos)) if p.type == "person"), None)
                if last is None or last.span[1] <= subject.start():
                    found = self.nominal(subject.group(0), mention, span, subject.start())
                    if found is not None and found.type == "person":
                        return found
        for p in reversed(self._antecedents(pos)):
            if kind in ("m", "f") and p.type == "person" and (p.gender in (kind, None)):
                return self._from_prior(p, mention, span)
            if kind == "org" and (p.type == "organisation" or (p.type == "country" and p.speaker)):
                return self._from_prior(p, mention, span)
        return None

    def _role_subject(self, at: int) -> re.Match[str] | None:
        """The role noun that begins one of the two sentences before `at` ("The colonel is …", "Командир …")."""
        lo = max(0, at - 300)
        found = None
        for m in PERSON_NOUNS.finditer(self.text, lo, at):
            before = self.text[max(0, m.start() - 6):m.start()]
            if before.endswith(("The ", "the ")):
                before = self.text[max(0, m.start() - 10):m.start() - 4]
            if m.start() - len(before) <= 0 or _SENTENCE_END.search(before):
                found = m
        return found

    def nominal(self, words: str, mention: str, span: tuple[int, int], pos: int) -> Speaker | None:
        """'the ministry', 'the think tank', 'the Ukrainian president', 'the post': the last entity it fits."""
        low = words.lower().replace("’", "'")
        side = "UKR" if _UKR.search(low) else "RUS" if _RUS.search(low) \
            else None
        is_doc = speech_cues.DOC_NOUN.search(low) is not None
        for p in reversed(self._antecedents(pos)):
            if side and p.side and p.side != side:
                continue
            if is_doc and p.type == "organisation":
                return self._from_prior(p, mention, span)
            if p.nouns and _nouns_rx(p.nouns).search(low):
                return self._from_prior(p, mention, span)
        return None

    def _role_ahead(self, mention: str, span: tuple[int, int]) -> Speaker | None:
        """"…, governor says" in a headline, "Odesa regional governor Oleh Kiper said" in the body: the role noun
        names the person that the next lines call by that role."""
        role = PERSON_NOUNS.search(mention)
        if role is None:
            return None
        m = _role_then_name(role.group(0).lower()).search(self.text, span[1], span[1] + 700)
        if m is None:
            return None
        name = name_core(m.group(1))
        return Speaker(mention=mention, name=name, type="person", resolution="coref", antecedent_span=m.span(1),
                       span=span)

    def _holder(self, org: Mention, a: int) -> Mention | None:
        """"the commander of Ukraine's Unmanned Systems Forces said", «повідомив начальник Сумської ОВА»: a role
        noun before the organisation names the person holding that post, when the document names them too (the
        table's role says who holds which post; naming them in the text guards against an outdated holder)."""
        if not (PERSON_NOUNS.search(self.text, a, org.start) or _POST_NOUN.search(self.text, a, org.start)):
            return None
        post = org.entity.name.lower()
        held = [m for m in self.mentions if m.entity.type == "person" and post in (m.entity.role or "").lower()]
        return min(held, key=lambda m: abs(m.start - a)) if held else None

    def _by_surname(self, word: str, pos: int) -> Prior | None:
        """The last person named in full whose surname this word is, as written or inflected ("Федорова")."""
        w = word.lower()
        for p in reversed(self._antecedents(pos)):
            if p.type not in ("person", None) or not p.name or " " not in p.name:
                continue
            # the canonical name's surname, or the one in the text ("Mykhailo Fedorov" was "Михайло Федоров")
            said = self.text[p.span[0]:p.span[1]].split()
            for last in {p.name.split()[-1].lower(), said[-1].lower().strip(".,") if said else ""}:
                if w == last:
                    return p
                inflected = (w.startswith(last) and len(w) - len(last) <= 2) or (
                    last.startswith(w[:-1]) and len(last) - len(w) <= 1)
                if len(last) >= 4 and len(w) >= 4 and inflected:
                    return p
        return None

    def _cataphor(self, words: str, mention: str, span: tuple[int, int], pos: int) -> Speaker | None:
        """'Ukraine's top general has said …' before 'Valerii Zaluzhnyi told …': the next person it fits."""
        low = words.lower()
        for m in self.mentions:
            if m.start < span[1] or m.start > span[1] + 600:
                continue
            if m.entity.type == "person" and m.entity.nouns and _nouns_rx(m.entity.nouns).search(low):
                return _speaker(m.entity, mention, span, "coref", (m.start, m.end))
        return None

    def _ministry(self, m: Mention, mention: str, span: tuple[int, int], pos: int) -> Speaker:
        """A defence ministry without a country: the ministry spoken of or named before, else the specific one
        named nearest ("In an intelligence update on X, the MOD said" → the UK's), else left without a country."""
        ent, at = self._ministry_target(m, pos)
        if ent is None:
            return _speaker(m.entity, mention, span, "explicit")
        return _speaker(ent, mention, span, "coref", at)

    def _ministry_target(self, m: Mention, pos: int) -> tuple[Entity | None, tuple[int, int] | None]:
        tab = table()
        named = _entity_for_claimant("Ministry of Defence", self.low, m.start, m.end)  # "… of Ukraine", "… in Moscow"
        if named is not None and named is not tab.bare:
            return named, (m.start, m.end)

        def specific(e: Entity | None) -> bool:
            return e is not None and e.type == "organisation" and "ministry" in e.nouns and e is not tab.bare

        before = [(x.start, x.entity, (x.start, x.end)) for x in self.mentions if x.end <= pos and specific(x.entity)]
        before += [(p.span[0], tab.by_name.get(p.name), p.span) for p in self.priors
                   if p.pos <= pos and specific(tab.by_name.get(p.name))]
        if before:
            _s, ent, at = max(before, key=lambda t: t[0])
            return ent, at
        near = [x for x in self.mentions if specific(x.entity) and abs(x.start - m.start) < 400]
        if near:
            best = min(near, key=lambda x: abs(x.start - m.start))
            return best.entity, (best.start, best.end)
        # Else the side of the last party to speak ("Шойгу заявил … По информации Минобороны" → Russia's).
        sides = {"UKR": "Ministry of Defence of Ukraine", "RUS": "Ministry of Defence of the Russian Federation"}
        for p in reversed(self.priors):
            if p.pos <= pos and p.side in sides:
                return tab.by_name[sides[p.side]], p.span
        return None, None

    def resolve(self, a: int, b: int, pos: int) -> Speaker | None:
        """The speaker named by the subject text[a:b] of a cue at pos."""
        if self._lower is None:
            self._lower = self.text.lower()
        a, b = _trim(self.text, a, b, self._lower)
        cited = _CITED_IN_SUBJECT.search(self.low, a, b)
        if cited and cited.end() < b:  # "«Известия» со ссылкой на пресс-центр …", "Reuters, citing a source in …"
            a = cited.end()
        if CALL_SIGN_HINT.search(self.low, max(a, b - 12), b):  # "…who gave only his call sign, Hrim"
            sign = _SIGN_AFTER.match(self.text, b)
            b = sign.end() if sign else b
        ch = _CHANNEL_TAIL.search(self.text, a, b)
        if ch and ch.start() > a:
            b = ch.start()
        if b <= a:
            return None
        mention = self.text[a:b]
        low = self.low[a:b]
        inside = self.in_span(a, b)
        bare = low.strip()
        det = _DETERMINER.match(bare)  # (anchored at the start: what .sub("", bare) would remove)
        head = bare[det.end():] if det else bare
        if speech_cues.DOC_NOUN.match(head):  # "the post (shared by …)", "в сообщении": the last organisation
            found = self.nominal(mention, mention, (a, b), pos)
            if found:
                return found
        source = _SOURCE_HEAD.match(head)
        if source:  # "a source in the SBU", "джерело в СБУ", "собеседник издания": an anonymous person, not the body
            orgs = [m for m in inside if m.entity.type == "organisation"]
            plural = bool(source.group("pl"))
            if orgs:
                ent = orgs[0].entity
                return Speaker(mention=mention, name=f"{'sources' if plural else 'source'} in the {ent.name}",
                               type="person", role="anonymous source", side=ent.side, resolution="explicit",
                               span=(a, b))
            for p in reversed(self._antecedents(pos)):  # "the source added": the source quoted before
                if p.speaker and p.role == "anonymous source":
                    return self._from_prior(p, mention, (a, b))
            return Speaker(mention=mention, name="anonymous sources" if plural else "anonymous source",
                           type="person", role="anonymous source", resolution="explicit", span=(a, b))
        if inside and all(m.entity.type == "country" for m in inside):
            # "military sources in Kyiv", "Ukraine's top general": a country that places or owns the speaker.
            first = inside[0]
            before = self.low[a:first.start]
            after = self.low[first.end:b].strip()
            if re.search(r"(?:^|\s)(?:in|from|at|near|в|у|із|из|з)\s+(?:the\s+)?$", before):
                return self.resolve(a, first.start, pos) if before.strip() else None
            if after.startswith(("'s ", "s ")) and PERSON_NOUNS.search(after):
                found = self._cataphor(after, mention, (a, b), pos)
                if found:
                    return found
                return Speaker(mention=mention, name=plain(mention), type="person", resolution="explicit",
                               span=(a, b))
        if inside:
            people = [m for m in inside if m.entity.type == "person"]
            orgs = [m for m in inside if m.entity.type == "organisation"]
            if not people and orgs:
                # "HUR spokesman Andriy Yusov", "Речниця Сил оборони півдня Наталія Гуменюк": the organisation
                # only qualifies the person named after it
                person = person_after(self.text, orgs[-1].end, b)
                if person:
                    return Speaker(mention=mention, name=person, type="person", resolution="explicit", span=(a, b))
                holder = self._holder(orgs[-1], a)
                if holder is not None:
                    return _speaker(holder.entity, mention, (a, b), "coref", (holder.start, holder.end))
            m = people[-1] if people else orgs[0] if orgs else inside[-1]
            if m.entity is self._bare:
                return self._ministry(m, mention, (a, b), pos)
            return _speaker(m.entity, mention, (a, b), "explicit")
        if speech_cues.PRON_PERSON_M.fullmatch(bare):
            return self.pronoun("m", mention, (a, b), pos)
        if speech_cues.PRON_PERSON_F.fullmatch(bare):
            return self.pronoun("f", mention, (a, b), pos)
        if speech_cues.PRON_ORG.fullmatch(bare):
            return self.pronoun("org", mention, (a, b), pos)
        if mention.isupper() and len(mention) >= 4 and " " not in mention.strip() and mention.isalpha():
            # a transcript's label, "SKIBITSKYI": the person named in full before, else the surname
            full = self._by_surname(mention.title(), pos)
            if full is not None:
                return self._from_prior(full, mention, (a, b))
            # "Briefing by HUR deputy head Vadym Skibitskyi": the first name written beside the surname
            # (the surname may be inflected: "брифінгу речника … Іллі Євлаша")
            stem = re.escape(mention.title()[:max(4, len(mention) - 1)])
            named = re.search(r"([A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё'’]+) " + stem + r"\w{0,3}(?![\w'’-])", self.text[:a])
            name = f"{named.group(1)} {mention.title()}" if named else mention.title()
            return Speaker(mention=mention, name=name, type="person", resolution="explicit", span=(a, b))
        name = proper_name(mention)
        if name is not None and " " not in name and PERSON_NOUNS.fullmatch(name):
            name = None  # "Губернатор заявил": a role at a sentence start, not a name
        if name is not None and a > 0 and " " not in name and name.endswith("s") and \
                self.text[a - 1] in "\n.!? " and name.lower() + "" == low.strip():
            name = None  # "Defenders noted": a capitalised common noun at a sentence start, not a name
        if name is None and PERSON_NOUNS.search(mention):
            found = self.nominal(mention, mention, (a, b), pos) or self._role_ahead(mention, (a, b))
            if found:
                return found
            if _SOLDIER.search(mention):  # "the soldier": the last person who spoke, named outside the table
                for p in reversed(self._antecedents(pos)):
                    if p.speaker and p.type == "person":
                        if p.name not in table().by_name:
                            return self._from_prior(p, mention, (a, b))
                        break
        if name is None and ((low.strip().endswith("s") and " " not in low.strip()) or _GENERIC_ORG.fullmatch(head)):
            # "Defenders noted", "за інформацією командування", "the press service said": the organisation
            # that spoke last
            for p in reversed(self._antecedents(pos)):
                if p.speaker and p.type == "organisation":
                    return self._from_prior(p, mention, (a, b))
        if name is None:
            found = self.nominal(mention, mention, (a, b), pos)
            if found:
                return found
        if name is None:
            name = plain(mention)
            if not name or all(w.lower() in FUNCTION_WORDS for w in name.split()):
                return None
        kind = "organisation" if ORG_WORDS.search(mention) or name.isupper() else \
            "person" if PERSON_NOUNS.search(mention) or (len(name.split()) in (1, 2, 3) and name == proper_name(
                mention)) else None
        if " " not in name and TITLECASE.match(name) and not name.isupper():
            full = self._by_surname(name, pos)  # "Лиховій", "за словами Федорова": the person named in full before
            if full is not None:
                return self._from_prior(full, mention, (a, b))
        core = name_core(tail_run(mention) or name)
        if core != name and (kind == "person" or CYRILLIC.search(core)) and (
                len(core.split()) < len(name.split()) or core.endswith(" " + name)):
            name, kind = core, "person"  # "Керівник ЦПД Андрій Коваленко", "Военкор Александр Коц": the name
        return Speaker(mention=mention, name=name, type=kind, resolution="explicit", span=(a, b))


# (used with .match(text, pos): no "^", which would only ever match at the start of the whole text)
_LEAD = re.compile(r"(?:(?:and|but|while|so|also|then|however|і|й|та|а|и|також|также|ще|еще|ещё|кроме того|крім того"
                   r"|при этом|водночас|тем временем|тим часом|meanwhile|moreover|ранее|раніше|earlier|previously"
                   r"|тоді|тогда|згодом|позже|позднее|пізніше|later)[,\s]\s*)+", re.I)
# "он в своем Telegram-канале", "the governor on Telegram": where it was said, not who said it
_CHANNEL_TAIL = re.compile(r"\s+(?:(?:в|у|во) (?:сво\w+ )?(?:telegram|телеграм)[\w-]*(?: канал\w*)?|on telegram"
                           r"|in (?:a|his|her|its) telegram (?:post|channel))$", re.I)
# Words that end a subject without naming its speaker ("Zelensky has", "the SBU in a statement").
_TAIL_WORDS = (
    "has", "have", "had", "also", "already", "later", "earlier", "previously", "then", "further", "would", "was",
    "were", "is", "are", r"on \w+", "today", "yesterday", "in a statement", "вже", "уже", "також", "также",
    "раніше", "ранее", "теж", "тоже", "meanwhile", "тим часом", "тем временем", "при цьому", "при этом", "водночас",
    "же", "ж",  # "він же"
)
_TAIL = re.compile(r"(?:\s+(?:" + "|".join(_TAIL_WORDS) + r"))+$", re.I)
# For _may_end_in_tail: the last word of each (plain words), the words before a "\w+" ("on "), and the letters
# for which re's IGNORECASE and str.lower() agree (no ſ, ı, K, ᲀ …: with those, ask the pattern).
_TAIL_LAST = {w.rsplit(" ", 1)[-1] for w in _TAIL_WORDS if not w.endswith(r"\w+")}
_TAIL_BEFORE = tuple(w[:-len(r"\w+")] for w in _TAIL_WORDS if w.endswith(r"\w+"))
_PLAIN_WORD = re.compile(r"[A-Za-z\u0400-\u04ff]+")
# (a word of another shape added to _TAIL_WORDS turns the shortcut off rather than make it wrong)
_TAIL_SIMPLE = all(_PLAIN_WORD.fullmatch(w) for w in _TAIL_LAST) and all(
    x.isascii() and x.islower() and x.endswith(" ") for x in _TAIL_BEFORE)


def _may_end_in_tail(s: str) -> bool:
    """False when _TAIL.search(s) is sure to find nothing: its match ends the text with one of its words
    after a space, so the last word must be one of them (or follow "on ")."""
    if not _TAIL_SIMPLE or not s or s[-1].isspace():
        return True
    word = s.rsplit(None, 1)[-1]
    before = s[:len(s) - len(word)]
    if not before:
        return False  # no space before it
    if any(before[-len(x):].lower() == x for x in _TAIL_BEFORE):
        return True
    return _PLAIN_WORD.fullmatch(word) is None or word.lower() in _TAIL_LAST


def _trim(text: str, a: int, b: int, lower: str | None = None) -> tuple[int, int]:
    """`lower`: text.lower(), when the caller keeps it (it is not made again for every subject)."""
    src = speech_cues.SOURCE.match(text.lower() if lower is None else lower, a, b)  # "According to the bulletin, …"
    if src:
        a = src.end()
    seg = text[a:b]
    lead = len(seg) - len(seg.lstrip(" \t\n,;:—–-\"“”«»"))
    seg2 = seg.rstrip(" \t\n,;:—–-\"“”«»")
    b = a + len(seg2)
    a += lead
    m = _LEAD.match(text, a, b)
    if m:
        a = m.end()
    seg = text[a:b]
    t = _TAIL.search(seg) if _may_end_in_tail(seg) else None
    if t:
        b = a + t.start()
    return a, b
