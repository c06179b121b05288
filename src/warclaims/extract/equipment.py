"""Equipment and means mentions in en/uk/ru text: "TOR-M2 anti-aircraft missile complex", "ЗРК «Тор-М2»",
"the Russian 'Grad'", "два БТР-82А", "a kamikaze drone", "Lancet".

`find_equipment` returns every mention that can be a target (a model, or a class word such as "APC",
"танк", "ЗРК"); `find_means` every mention that can be the means of a strike (Lancet, FPV drone,
HIMARS, artillery). A model can be both (a Grad fires and is destroyed; a drone strikes and is shot
down): the mention says so (`is_means`, `means_class`) and the event extractor decides by syntax.
Means-only models (Lancet, Javelin, ATACMS) never come out of `find_equipment`; Shahed and the cruise
missiles do (category uav / cruise_missiles, `is_means` True): shot down, they are losses.

Spans are Python str indices into the text given. Cost: one pass of a C automaton over a
length-preserving normalisation of the text; Python work only per hit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Means, Record, Span, Target
from ..reference.equipment import Alias, ClassWord, Gazetteer, Model, normalise
from . import numbers
from .numbers import find_numbers

__all__ = ["EquipmentMention", "MeansMention", "find_equipment", "find_means", "lookup", "suggest"]

# Class words that only ever name a means (a mine or a rifle is not counted as a loss).
_MEANS_ONLY_CLASSES = {"mine", "small_arms", "atgm"}
# What may stand between a model and its class word: spaces, quotes, brackets, a comma-free dash.
_JOIN = re.compile(r"[\s\"'«»“”„‘’`()\-–—]{1,4}")


@dataclass
class EquipmentMention(Record):
    """A target-capable mention: a model ("Tor-M2"), a class word ("APC"), or both side by side."""

    span: Span
    mention: str  # the words of the text
    model: str | None = None  # canonical model ("9K332 Tor-M2"); None for a bare class word
    category: str | None = None  # official loss category id (air_defence, armoured_vehicles, ...)
    oryx_category: str | None = None  # normalised across Oryx's renames
    nato_name: str | None = None  # "SA-15 Gauntlet"
    class_reported: str | None = None  # the class words in the text ("anti-aircraft missile complex", "APC")
    class_normalised: str | None = None  # the Oryx category of the model, else of the class word
    is_means: bool = False  # the model or class can also strike (Grad, drone, artillery)
    means_class: str | None = None
    quantity: int | None = None  # a count right before it: "two tanks", "4 БМП"; None otherwise
    quantity_text: str | None = None
    quantity_span: Span | None = None
    model_span: Span | None = None
    class_span: Span | None = None
    press_class: str | None = None  # how the press usually names the model's class ("APC" for BTR-82A)
    grammatical_case: str | None = None  # an inflected Cyrillic form's cases: "gent", "accs|nomn" (pymorphy3)

    def as_target(self, owner_side: str | None = None) -> Target:
        """The EventClaim target this mention names (the owner side is the event extractor's to say)."""
        return Target(mention=self.mention, model=self.model, category=self.category,
                      oryx_category=self.oryx_category, nato_name=self.nato_name, class_reported=self.class_reported,
                      owner_side=owner_side, quantity=self.quantity, span=self.span)

    def as_means(self) -> Means | None:
        """The EventClaim means, when the model or class can strike (Grad, drone); else None."""
        if not self.is_means:
            return None
        return Means(mention=self.mention, class_=self.means_class, model=self.model, span=self.span)


@dataclass
class MeansMention(Record):
    """A means of a strike: "Lancet", "kamikaze drone", "HIMARS", "дрон-камікадзе"."""

    span: Span
    mention: str
    class_: str  # loitering_munition / fpv_drone / drone / naval_drone / artillery / mlrs / missile / ...
    model: str | None = None

    def as_means(self) -> Means:
        """The EventClaim means record."""
        return Means(mention=self.mention, class_=self.class_, model=self.model, span=self.span)


def _pick(entries: tuple[Alias, ...], kind: str) -> Alias | None:
    best = None
    for e in entries:
        if e.kind == kind and (best is None or (e.form == "base") > (best.form == "base")):
            best = e
    return best


_Resolved = tuple[Model | None, ClassWord | None, Model | None, str | None]
_RESOLVED: dict[tuple[Alias, ...], _Resolved] = {}


def _resolve(gaz: Gazetteer, entries: tuple[Alias, ...]) -> _Resolved:
    """(target model, target class word, means model, grammatical cases of the form) of one hit's entries;
    memoised per entry tuple."""
    got = _RESOLVED.get(entries)
    if got is None:
        model, cls, means = _pick(entries, "model"), _pick(entries, "class"), _pick(entries, "means")
        cases = {e.cases for e in (model, cls) if e is not None}
        got = (gaz.models[model.ref] if model else None,
               gaz.classes[cls.ref] if cls else None,
               gaz.models[means.ref] if means else None,
               cases.pop() if len(cases) == 1 and "" not in cases else None)
        _RESOLVED[entries] = got
    return got


# Number words as the number reader knows them (every form: "two", "дві", "двох", "тисячі", "тис"): a preceding
# word in this set goes to the reader; any other word costs one set lookup.
_NUM_WORDS = frozenset(form.split()[-1] for form in numbers._INFO) | frozenset(numbers._ABBR)
_APOS_FOLD = str.maketrans("’ʼ", "''")

_NONE: tuple[None, None, None] = (None, None, None)
_BLANK = " \t\xa0"


def _quantity(text: str, start: int) -> tuple[int | None, str | None, Span | None]:
    """A count among the three words before a mention ("two Russian tanks", "4 БМП"), never across a
    line or punctuation; the number reader (numbers.find_numbers) decides what the words are worth."""
    lo = max(0, start - 40)
    seg = text[lo:start]
    nl = seg.rfind("\n")
    if nl >= 0:
        seg, lo = seg[nl + 1:], lo + nl + 1
    if not seg or seg[-1] not in _BLANK:
        return _NONE
    words = seg.split()
    if lo > 0 and seg[0] not in _BLANK and text[lo - 1] not in " \t\xa0\n":
        words = words[1:]  # cut in the middle of a word
    cursor = len(seg)
    for word in reversed(words[-3:]):
        pos = seg.rfind(word, 0, cursor)
        cursor = pos
        if word[-1] in ",;:!?)]»”\"'" or (word[-1] == "." and word[:-1].lower() not in numbers._ABBR):
            return _NONE  # punctuation between: "in 2022, tanks", "in 2022. Tanks" (but "3 тис. танків")
        if word.isdigit():
            if word[0] != "0" and len(word) <= 3 and not (pos > 0 and seg[pos - 1] in _BLANK and
                                                          seg[:pos].rstrip()[-1:].isdigit()):
                return int(word), word, (lo + pos, lo + pos + len(word))  # plain "4 БМП"
        elif not (word[0].isdigit() or word.lower().translate(_APOS_FOLD).rstrip(".") in _NUM_WORDS):
            if word.isalpha():
                continue
            return _NONE
        e = lo + pos + len(word)
        nums = [n for n in find_numbers(text, max(0, e - len(word) - 24), e) if n.end >= e - 1]
        n = nums[-1] if nums else None
        if n is None or not isinstance(n.value, int) or not 0 < n.value < 100000:
            return _NONE
        return n.value, n.text, (n.start, n.end)
    return _NONE


def find_equipment(text: str, language: str | None = None, quantities: bool = True,
                   instrumental: bool = False, start: int = 0, end: int | None = None,
                   scanned: list | None = None) -> list[EquipmentMention]:
    """Every target-capable equipment mention, in text order. `language` is accepted for symmetry (the
    gazetteer holds en/uk/ru together; Cyrillic aliases of uk and ru overlap). `quantities=False` skips
    reading the count before each mention (the costliest step on tally-dense text). A Cyrillic form that can
    only be instrumental ("артилерією", "зенітним ракетним комплексом", "Градом") names what struck, not what
    was struck: left out unless `instrumental=True` (find_means has the ones that can strike).
    `start`/`end` look only at text[start:end] (a sentence) and give every span in `text`'s indices. `scanned`:
    the gazetteer's hits of that window when the caller has them (gazscan.DocScan.window), else scanned here."""
    gaz = Gazetteer.get()
    raw: list[tuple[int, int, Model | None, ClassWord | None, str | None]] = []
    base = start
    if scanned is None:
        scanned = gaz.scan(text if base == 0 and end is None else text[base:end])
    for start, end, entries in scanned:
        start, end = start + base, end + base
        m, c, mm, cases = _resolve(gaz, entries)
        if m is None and mm is not None and mm.category:
            m = mm  # a means that is a loss when shot down: Shahed (uav), Kh-101 (cruise_missiles)
        if cases == "ablt" and not instrumental:
            continue
        if c is not None and c.key in _MEANS_ONLY_CLASSES:
            c = None
        if m is not None or c is not None:  # else means only (Lancet, Javelin, ATACMS)
            raw.append((start, end, m, c, cases))
    out: list[EquipmentMention] = []
    i, n = 0, len(raw)
    while i < n:
        start, end, m, c, cases = raw[i]
        model_span = (start, end) if m else None
        class_span = (start, end) if c and not m else None
        # a model and a class word side by side are one mention: "TOR-M2 anti-aircraft missile complex",
        # "ЗРК «Тор-М2»", "'Grad' MLRS"
        if i + 1 < n:
            nstart, nend, nm, nc, ncases = raw[i + 1]
            if ((m and nc and not nm) or (c and not m and nm)) and _JOIN.fullmatch(text, end, nstart):
                if m:
                    class_span, c = (nstart, nend), nc
                else:
                    model_span, m = (nstart, nend), nm
                cases = cases or ncases
                end = nend
                i += 1
        i += 1
        qty, qty_text, qty_span = _quantity(text, start) if quantities else (None, None, None)
        if m is not None:
            means_class = m.means_class
            out.append(EquipmentMention(
                (start, end), text[start:end], m.name, m.category or (c.category if c else None), m.oryx_category,
                m.nato_name, text[class_span[0]:class_span[1]] if class_span else None,
                m.oryx_category or (c.class_normalised if c else None), means_class is not None, means_class,
                qty, qty_text, qty_span, model_span, class_span, m.press_class_en, cases))
        else:
            assert c is not None
            out.append(EquipmentMention(
                (start, end), text[start:end], None, c.category, None, None, text[start:end], c.class_normalised,
                c.means_class is not None, c.means_class, qty, qty_text, qty_span, None, class_span, None, cases))
    return out


def find_means(text: str, language: str | None = None, start: int = 0, end: int | None = None,
               scanned: list | None = None) -> list[MeansMention]:
    """Every mention that can be the means of a strike, in text order (models and class words); `start`/`end`
    and `scanned` as in find_equipment."""
    gaz = Gazetteer.get()
    out: list[MeansMention] = []
    base = start
    if scanned is None:
        scanned = gaz.scan(text if base == 0 and end is None else text[base:end])
    for start, end, entries in scanned:
        start, end = start + base, end + base
        m, c, mm, _ = _resolve(gaz, entries)
        if mm is not None:
            out.append(MeansMention((start, end), text[start:end], mm.means_class or "unknown", mm.name))
        elif m is not None and m.means_class:
            out.append(MeansMention((start, end), text[start:end], m.means_class, m.name))
        elif m is None and c is not None and c.means_class:
            out.append(MeansMention((start, end), text[start:end], c.means_class))
    return out


def lookup(name: str) -> list[dict]:
    """What the gazetteer knows about a name ("Тор-М2", "BTR-82A", "Lancet", "ЗРК"), with Oryx counts."""
    from ..reference.oryx import SNAPSHOT, model_counts

    gaz = Gazetteer.get()
    text = name.strip()
    key = " " + " ".join(normalise(text).split()) + " "
    # the name itself, whatever its case ("Lancet", "град": in a lookup they are meant); else what it contains
    exact = [(0, len(text), tuple(gaz.by_key[key]))] if key in gaz.by_key else gaz.scan(text)
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for _, _, entries in exact:
        for e in entries:
            if (e.kind, e.ref) in seen or e.kind == "stop":
                continue
            seen.add((e.kind, e.ref))
            if e.kind == "class":
                c = gaz.classes[e.ref]
                out.append({"kind": "class", "name": e.ref, "matched": e.alias, "class_normalised": c.class_normalised,
                            "category": c.category, "means_class": c.means_class})
                continue
            m = gaz.models[e.ref]
            out.append({"kind": "means" if e.kind == "means" else "model", "name": m.name, "matched": e.alias,
                        "source": m.source, "parent": m.parent, "category": m.category,
                        "oryx_category": m.oryx_category, "nato_name": m.nato_name,
                        "press_class": {"en": m.press_class_en, "uk": m.press_class_uk, "ru": m.press_class_ru}
                        if m.press_class else None,
                        "means_class": m.means_class,
                        "aliases": sorted({a.alias for a in gaz.aliases
                                           if a.ref == m.name and a.form in ("base", "translit")}),
                        "oryx": model_counts(m.name) if e.kind == "model" else None,
                        "oryx_snapshot": SNAPSHOT if e.kind == "model" else None})
    return out


def suggest(name: str, n: int = 3) -> list[str]:
    """Aliases close to a name the gazetteer does not know (for the error hint)."""
    import difflib

    gaz = Gazetteer.get()
    names = {a.alias.lower(): a.alias for a in gaz.aliases if a.kind != "stop"}
    return [names[c] for c in difflib.get_close_matches(name.strip().lower(), list(names), n=n, cutoff=0.7)]
