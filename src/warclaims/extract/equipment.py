"""Equipment and means mentions in en/uk/ru text: "TOR-M2 anti-aircraft missile complex", "ЗРК «Тор-М2»",
"the Russian 'Grad'", "два БТР-82А", "a kamikaze drone", "Lancet".

`find_equipment` returns every mention that can be a target (a model, or a class word such as "APC",
"танк", "ЗРК"); `find_means` every mention that can be the means of a strike (Lancet, FPV drone,
HIMARS, artillery). A model can be both (a Grad fires and is destroyed; a drone strikes and is shot
down): the mention says so (`is_means`, `means_class`) and the event extractor decides by syntax.
Means-only models (Lancet, Shahed, Kalibr, Javelin) never come out of `find_equipment`.

Spans are Python str indices into the text given. Cost: one pass of a C automaton over a
length-preserving normalisation of the text; Python work only per hit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Record, Span
from ..reference.equipment import Alias, Gazetteer

__all__ = ["EquipmentMention", "MeansMention", "find_equipment", "find_means", "lookup"]

# Class words that only ever name a means (a mine or a rifle is not counted as a loss).
_MEANS_ONLY_CLASSES = {"mine", "small_arms", "atgm"}
# What may stand between a model and its class word: spaces, quotes, brackets, a comma-free dash.
_JOIN = re.compile(r"[\s\"'«»“”„‘’`()\-–—]{1,4}")
_QTY_GAP = re.compile(r"\s+(?:[^\W\d]+\s+){0,2}")


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


@dataclass
class MeansMention(Record):
    """A means of a strike: "Lancet", "kamikaze drone", "HIMARS", "дрон-камікадзе"."""

    span: Span
    mention: str
    class_: str  # loitering_munition / fpv_drone / drone / naval_drone / artillery / mlrs / missile / ...
    model: str | None = None


def _pick(entries: tuple[Alias, ...], kind: str) -> Alias | None:
    best = None
    for e in entries:
        if e.kind == kind and (best is None or (e.form == "base") > (best.form == "base")):
            best = e
    return best


def _quantity(text: str, start: int) -> tuple[int | None, str | None, Span | None]:
    from .numbers import find_numbers

    window = max(0, start - 40)
    nums = find_numbers(text, window, start)
    if not nums:
        return None, None, None
    n = nums[-1]
    gap = text[n.end:start]
    if not _QTY_GAP.fullmatch(gap) or not isinstance(n.value, int) or not 0 < n.value < 100000:
        return None, None, None
    return n.value, n.text, (n.start, n.end)


def find_equipment(text: str, language: str | None = None) -> list[EquipmentMention]:
    """Every target-capable equipment mention, in text order. `language` is accepted for symmetry (the
    gazetteer holds en/uk/ru together; Cyrillic aliases of uk and ru overlap)."""
    gaz = Gazetteer.get()
    raw: list[tuple[int, int, Alias | None, Alias | None, Alias | None]] = []
    for start, end, entries in gaz.scan(text):
        model, cls, means = _pick(entries, "model"), _pick(entries, "class"), _pick(entries, "means")
        if cls and cls.ref in _MEANS_ONLY_CLASSES:
            cls = None
        if model is None and cls is None:
            continue  # means only (Lancet, Shahed, Kalibr)
        raw.append((start, end, model, cls, means))
    out: list[EquipmentMention] = []
    i = 0
    while i < len(raw):
        start, end, model, cls, _ = raw[i]
        model_span = (start, end) if model else None
        class_span = (start, end) if cls and not model else None
        # a model and a class word side by side are one mention: "TOR-M2 anti-aircraft missile complex",
        # "ЗРК «Тор-М2»", "'Grad' MLRS"
        if i + 1 < len(raw):
            nstart, nend, nmodel, ncls, _ = raw[i + 1]
            pair = (model and ncls and not nmodel) or (cls and not model and nmodel)
            if pair and _JOIN.fullmatch(text[end:nstart]):
                if model:
                    class_span, cls = (nstart, nend), ncls
                else:
                    model_span, model = (nstart, nend), nmodel
                end = nend
                i += 1
        i += 1
        m = gaz.models.get(model.ref) if model else None
        c = gaz.classes.get(cls.ref) if cls else None
        means_class = (m.means_class if m else None) or (c.means_class if c and not m else None)
        qty, qty_text, qty_span = _quantity(text, start)
        out.append(EquipmentMention(
            span=(start, end), mention=text[start:end], model=m.name if m else None,
            category=(m.category if m else None) or (c.category if c else None),
            oryx_category=m.oryx_category if m else None,
            nato_name=m.nato_name if m else None,
            class_reported=text[class_span[0]:class_span[1]] if class_span else None,
            class_normalised=(m.oryx_category if m and m.oryx_category else (c.class_normalised if c else None)),
            is_means=means_class is not None, means_class=means_class,
            quantity=qty, quantity_text=qty_text, quantity_span=qty_span,
            model_span=model_span, class_span=class_span,
            press_class=m.press_class_en if m else None))
    return out


def find_means(text: str, language: str | None = None) -> list[MeansMention]:
    """Every mention that can be the means of a strike, in text order (models and class words)."""
    gaz = Gazetteer.get()
    out: list[MeansMention] = []
    for start, end, entries in gaz.scan(text):
        means, model, cls = _pick(entries, "means"), _pick(entries, "model"), _pick(entries, "class")
        if means:
            mm = gaz.models[means.ref]
            out.append(MeansMention((start, end), text[start:end], mm.means_class or "unknown", mm.name))
        elif model and gaz.models[model.ref].means_class:
            mm = gaz.models[model.ref]
            out.append(MeansMention((start, end), text[start:end], mm.means_class or "unknown", mm.name))
        elif cls and gaz.classes[cls.ref].means_class:
            out.append(MeansMention((start, end), text[start:end], gaz.classes[cls.ref].means_class or "unknown"))
    return out


def lookup(name: str) -> list[dict]:
    """What the gazetteer knows about a name ("Тор-М2", "BTR-82A", "Lancet", "ЗРК"), with Oryx counts."""
    from ..reference.oryx import model_counts

    gaz = Gazetteer.get()
    text = name.strip()
    hits = gaz.scan(text)
    exact = [h for h in hits if h[0] == 0 and h[1] == len(text)] or hits
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for _, _, entries in exact:
        for e in entries:
            if (e.kind, e.ref) in seen:
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
                        "oryx": model_counts(m.name) if e.kind == "model" else None})
    return out
