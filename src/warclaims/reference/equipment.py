"""The equipment gazetteer (data/equipment/*.csv, built by tools/build_equipment.py): models, aliases,
class words and means, loaded once on first use, with the Aho-Corasick automaton that finds them.

Matching works on a length-preserving normalisation of the text: lower-cased, every character that is
not a letter, digit or hyphen turned into a space, all dashes into "-". Keys are stored with a space on
each side, so a key can only match whole words: "Торговий" never matches "тор", "Gradually" never
"grad", and "который" does not even produce a candidate (the check costs nothing per non-hit).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "equipment"

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"
_NONWORD = re.compile(r"[^\w-]")


@dataclass(frozen=True, slots=True)
class Model:
    name: str
    source: str  # family (curated) / oryx (a designation read from Oryx) / means (means only)
    parent: str | None
    oryx_category: str | None
    category: str | None  # official loss category id
    nato_name: str | None
    press_class: str | None  # class key (apc, sam, ...)
    press_class_en: str | None
    press_class_uk: str | None
    press_class_ru: str | None
    means_class: str | None


@dataclass(frozen=True, slots=True)
class ClassWord:
    key: str
    class_normalised: str
    category: str | None
    means_class: str | None


@dataclass(frozen=True, slots=True)
class Alias:
    alias: str
    kind: str  # model / means / class
    ref: str  # the model name or the class key
    lang: str | None
    ambiguous: bool  # a common word too: taken only with a capital first letter
    form: str  # base / plural / inflected / translit


def _none(v: str) -> str | None:
    return v or None


def normalise(text: str) -> str:
    """Same length as `text`: lower-cased, non-word characters → space, dashes → '-'."""
    low = text.lower()
    if len(low) != len(text):  # only "İ" lower-cases to two characters
        low = text.replace("\u0130", "I").lower()
    for d in _DASHES:
        if d in low:
            low = low.replace(d, "-")
    return _NONWORD.sub(" ", low)


class Gazetteer:
    """Models, class words and the automaton. `Gazetteer.get()` returns the shared instance."""

    def __init__(self, data: Path = DATA) -> None:
        import ahocorasick

        with open(data / "models.csv", encoding="utf-8") as fh:
            self.models = {r["model"]: Model(r["model"], r["source"], _none(r["parent"]), _none(r["oryx_category"]),
                                             _none(r["category"]), _none(r["nato_name"]), _none(r["press_class"]),
                                             _none(r["press_class_en"]), _none(r["press_class_uk"]),
                                             _none(r["press_class_ru"]), _none(r["means_class"]))
                           for r in csv.DictReader(fh)}
        with open(data / "classes.csv", encoding="utf-8") as fh:
            self.classes = {r["key"]: ClassWord(r["key"], r["class_normalised"], _none(r["category"]),
                                                _none(r["means_class"])) for r in csv.DictReader(fh)}
        self.aliases: list[Alias] = []
        by_key: dict[str, list[Alias]] = {}
        with open(data / "aliases.csv", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                a = Alias(r["alias"], r["kind"], r["ref"], _none(r["lang"]), r["ambiguous"] == "1", r["form"])
                self.aliases.append(a)
                key = normalise(a.alias).strip()
                if key:
                    by_key.setdefault(" " + " ".join(key.split()) + " ", []).append(a)
        auto = ahocorasick.Automaton()
        for key, entries in by_key.items():
            auto.add_word(key, (len(key) - 2, tuple(entries)))
        auto.make_automaton()
        self.automaton = auto
        self.by_key = by_key

    @staticmethod
    @cache
    def get() -> Gazetteer:
        return Gazetteer()

    def scan(self, text: str) -> list[tuple[int, int, tuple[Alias, ...]]]:
        """Whole-word alias hits as (start, end, entries), longest first at each place, no overlaps.

        Ambiguous aliases need a capital first letter in the text ("Grad", "Град"; not "град" = hail)."""
        norm = " " + normalise(text) + " "
        hits: list[tuple[int, int, tuple[Alias, ...]]] = []
        for end, (length, entries) in self.automaton.iter(norm):
            # key " x y " ends at `end` (its trailing space); the words are norm[end-length : end]
            start = end - length - 1  # index in text (norm has one leading space)
            stop = start + length
            if any(e.ambiguous for e in entries) and not text[start].isupper():
                entries = tuple(e for e in entries if not e.ambiguous)
                if not entries:
                    continue
            hits.append((start, stop, entries))
        # longest match wins; then leftmost
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[tuple[int, int, tuple[Alias, ...]]] = []
        taken_to = -1
        for h in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
            if all(h[1] <= o[0] or h[0] >= o[1] for o in out):
                out.append(h)
        del taken_to
        out.sort()
        return out

    def descendants(self, name: str) -> set[str]:
        """The family and every family below it (T-72 → T-72B, T-72B3)."""
        out = {name}
        changed = True
        while changed:
            changed = False
            for m in self.models.values():
                if m.parent in out and m.name not in out:
                    out.add(m.name)
                    changed = True
        return out
