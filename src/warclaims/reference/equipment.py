"""The equipment gazetteer (data/equipment/*.csv, built by tools/build_equipment.py): models, aliases,
class words and means, loaded once on first use, with the Aho-Corasick automaton that finds them.

Matching works on a length-preserving normalisation of the text: lower-cased, every character that is
not a letter, digit or hyphen turned into a space, all dashes into "-". Keys are stored with a space on
each side, so a key can only match whole words: "Торговий" never matches "тор", "Gradually" never
"grad", and "который" does not even produce a candidate (the check costs nothing per non-hit).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "equipment"

# Separators become spaces, dashes hyphens: one str.replace per character present (C speed, ~10× re.sub).
# A separator missing here ("€", an emoji) only blocks a match next to it, it never makes one.
_SEPARATORS = "\n\t\r\f\v,.;:!?\"'«»“”„‘’‚‹›`()[]{}<>/\\|*•·…#%№+=&@~^_$\xa0\u2009\u202f\u2003\u2002\u2014\u2015"
_DASHES = "\u2010\u2011\u2012\u2013\u2212\u00ad"

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
    kind: str  # model / means / class / stop (a phrase that names no equipment: "think tank")
    ref: str  # the model name or the class key
    lang: str | None
    case: int  # 0 any case; 1 a capital first letter ("Grad", not "grad" = hail); 2 capitals ("SAM", not "Sam")
    form: str  # base / plural / inflected / translit
    cases: str = ""  # an inflected Cyrillic form's grammatical cases ("ablt", "accs|nomn"); "" when not known


def _none(v: str) -> str | None:
    return v or None


def normalise(text: str) -> str:
    """Same length as `text`: lower-cased, separators → space, dashes → '-' (see _SEPARATORS)."""
    low = text.lower()
    if len(low) != len(text):  # only "İ" lower-cases to two characters
        low = text.replace("\u0130", "I").lower()
    for ch in _SEPARATORS:
        if ch in low:
            low = low.replace(ch, " ")
    for ch in _DASHES:
        if ch in low:
            low = low.replace(ch, "-")
    return low


_QUOTES = "\"'«»“”„‘’`"


def _case_ok(rule: int, text: str, start: int, stop: int) -> bool:
    if rule == 1:
        # a capital, and at a sentence start only when quoted or in capitals ("“TOR”"; not "Град побив дах")
        if not text[start].isupper():
            return False
        if (start and text[start - 1] in _QUOTES) or (stop < len(text) and text[stop] in _QUOTES):
            return True
        if text[start:stop].replace("-", "").isupper() and stop - start > 1:
            return True
        i = start - 1
        while i >= 0 and text[i] in " \t\xa0":
            i -= 1
        return i >= 0 and text[i] not in ".!?…\n\r"
    if rule == 2:
        word = text[start:stop]
        return (word[:-1] if word.endswith("s") else word).replace("-", "").isupper()
    return True


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
                a = Alias(r["alias"], r["kind"], r["ref"], _none(r["lang"]), int(r["ambiguous"]), r["form"],
                          r.get("cases") or "")
                self.aliases.append(a)
                key = normalise(a.alias).strip()
                if key:
                    by_key.setdefault(" " + " ".join(key.split()) + " ", []).append(a)
        auto = ahocorasick.Automaton()
        for key, entries in by_key.items():
            auto.add_word(key, (len(key) - 2, tuple(entries), any(e.case for e in entries)))
        auto.make_automaton()
        self.automaton = auto
        self.by_key = by_key

    @staticmethod
    @cache
    def get() -> Gazetteer:
        return Gazetteer()

    def scan(self, text: str) -> list[tuple[int, int, tuple[Alias, ...]]]:
        """Whole-word alias hits as (start, end, entries), longest first at each place, no overlaps.

        Aliases that are also common words need a capital first letter in the text ("Grad", "Град"; not
        "град" = hail); abbreviations need capitals ("SAM", not "Sam"). Stop phrases ("think tank") are
        returned too (kind "stop"): they win over the shorter class word inside them."""
        norm = " " + normalise(text) + " "
        hits: list[tuple[int, int, tuple[Alias, ...]]] = []
        for end, (length, entries, cased) in self.automaton.iter(norm):
            # key " x y " ends at `end` (its trailing space); the words are norm[end-length : end]
            start = end - length - 1  # index in text (norm has one leading space)
            stop = start + length
            if cased:
                entries = tuple(e for e in entries if not e.case or _case_ok(e.case, text, start, stop))
                if not entries:
                    continue
            hits.append((start, stop, entries))
        if len(hits) < 2:
            return hits
        # leftmost-longest: at each start the longest match; nothing that overlaps a match kept before
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        out = [hits[0]]
        for h in hits[1:]:
            if h[0] >= out[-1][1]:
                out.append(h)
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
