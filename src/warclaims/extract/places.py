"""Places named in a text: an offline gazetteer of Ukrainian and Russian places (data/places/places.csv,
built from GeoNames by scripts/build_places.py) matched with one Aho-Corasick automaton.

    find_places("Russian forces shelled Bakhmut and the Donetsk region", "en")
    -> [PlaceMention(span=(24, 31), mention="Bakhmut", name="Bakhmut", admin1="Donetsk Oblast", ...),
        PlaceMention(span=(40, 54), mention="Donetsk region", name="Donetsk Oblast", precision="region", ...)]

Keys are every name and alias of a place, Ukrainian and Russian names with their inflected forms
(placeforms.forms: "Бахмуті", "Авдіївку", "на Бахмутському напрямку"), apostrophe and ё/е variants.
Matching is case-sensitive, so a name must be capitalised as a name ("лиман" the estuary word never
matches "Лиман" the town); a match must stand between word boundaries (str.isalnum, so Cyrillic is
handled: "Суми" is not found in "Сумирний"); overlapping matches keep the leftmost, then the longest
("Нова Каховка", not "Нова"; "Донецька область", not "Донецьк").

Ambiguity (the build flags a place from pymorphy3's dictionaries and a short English list):
- "word" (also a common word: Щастя, Перемога, Надія): a Cyrillic form of a village (under 10,000 people,
  not curated) needs a place cue before it (у, в, біля, під, село, около, ...): capitalised mid-sentence
  it is still mostly another proper name (Майдан, Правда, Зоря); a town's must not start a sentence.
- Other names of a village (aliases: Soviet names such as Жовтень or Комунар, Париж) need a place cue;
  so does a Latin name of four letters or fewer of a place under 50,000 ("Star", Bryansk oblast).
- "person" (a surname or first name: Шевченко), "adj" (an adjective: Черноморский, of "Черноморский флот")
  and "enword" (a Latin name that is an English word, a first name or a famous place elsewhere: Mir,
  Vladimir, New York) need a place cue ("in", "near", "village of", у, в, около).
- "named" (a curated mark: Нью-Йорк in Donetsk oblast) needs a settlement noun before it ("селище", "town of").
- Towns of 10,000 people or more are exempt from "word" and "person" (the town is the likelier reading of
  "Суми" or "Лиман"), except first names (Владимир) and adjectives.
- Inflected forms and aliases that collide with other words are flagged one by one (places.csv
  `form_flags`): "cue" ("Українська" of Українськ, "Чому" of Чома, "Комунар" of Комунари), but "mid" for an
  adjective in a prominent town ("Донецька", "Покровська": mostly the town's genitive).
- Places named after a river (Десна, Оскіл) or a foreign capital (Париж) need a place cue.
When several places share a name the best-ranked wins and `candidates` says how many there were:
curated places first (the front-line places war news names), then Ukraine before Russia, then the
larger population (`basis` "rank"); but a candidate in an oblast that an unambiguous place of the same
text is in comes first (`basis` "context": "Харків, Вовчанськ, Золочів" is the Kharkiv-oblast Золочів).
A name between quotes («Азов», "Ростов-на-Дону") names a brigade, a ship or a newspaper: not matched.
Precision is the kind of the place: settlement, region, country or direction.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import re
import threading
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from ..models import Place
from .placeforms import RU_ONLY, UK_ONLY, forms

DATA = "places.csv"
KEYS = "places.keys.gz"
KEYS_FORMAT = "warclaims-place-keys/1"
APOSTROPHES = "'’ʼ"
SENTENCE_END = ".!?…\n"
# A plural head noun after a direction or region: the words coordinated before it name the same kind.
PLURAL = re.compile(r"(?:напрямках|напрямах|направлениях|directions|axes|sectors|областях|regions|oblasts|"
                    r"provinces)$")
HEAD_NOUNS = {"direction": ("напрямку", "направлении", "direction"), "region": ("області", "области", "region")}
# The word before a direction phrase, joined by a comma or a conjunction: "Покровському та ", "Bakhmut and ".
COORDINATED = re.compile(r"(\w[\w'’-]*)(?:\s*,\s*|\s+(?:та|і|й|и|and|or)\s+|\s*,\s*(?:та|і|и|and)\s+)\Z")
OPEN_QUOTES = "«\"“„'‘"
CLOSE_QUOTES = "»\"”“'’"
# A word right before a name that makes it a place ("in Mir", "село Шевченко", "около Счастья").
_CUE_WORDS = """in near outside around towards toward into village town city settlement
    у в біля поблизу під поруч коло з із зі село селище селі селищі села селища місто міста місті
    смт м. с. сел. во около возле под близ из деревня деревне поселок посёлок поселке посёлке городе город
    города пгт г. п."""
CUES = frozenset(_CUE_WORDS.split())
_SETTLEMENT_WORDS = """village town settlement село селище селі селищі села селища місто міста місті смт м. с.
    сел. деревня деревне поселок посёлок поселке посёлке город города городе пгт г. п."""
SETTLEMENT_NOUNS = frozenset(_SETTLEMENT_WORDS.split())
# Strictness of a key for one place: 0 any capitalised match, 1 not sentence-initial unless cued, 2 cued only.
ANY, MIDSENTENCE, CUED, NAMED = 0, 1, 2, 3  # NAMED: only after a settlement noun ("селище Нью-Йорк")
FORM_LEVELS = {"mid": MIDSENTENCE, "cue": CUED}  # places.csv form_flags: forms that collide with other words


@dataclass(slots=True)  # not frozen: a frozen __init__ costs a third of the matcher's time
class PlaceMention:
    """A place named in the text. `span` indexes the text given to find_places; `name` is the canonical
    English name; `name_local` the Ukrainian or Russian name (the text's language when it is uk/ru, else the
    language of the place's country); `candidates` > 1 means several places share the name and the
    best-ranked one was taken."""

    span: tuple[int, int]
    mention: str
    name: str
    name_local: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str  # settlement / region / country / direction
    candidates: int = 1
    basis: str = "unique"  # unique / rank (curated, then Ukraine, then population) / context (an oblast named nearby)
    id: str = ""
    source: str = ""  # geonames / curated / geonames+curated

    def to_place(self) -> Place:
        """The record an EventClaim carries as `location`."""
        return Place(mention=self.mention, name=self.name, admin1=self.admin1, country=self.country, lat=self.lat,
                     lon=self.lon, precision=self.precision, span=self.span, candidates=self.candidates,
                     basis=self.basis)


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    kind: str
    name_en: str
    name_uk: str | None
    name_ru: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    source: str


def _is_cyrillic(s: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in s)


def _variants(form: str) -> list[str]:
    out = [form]
    if any(a in form for a in APOSTROPHES):
        base = form.replace("’", "'").replace("ʼ", "'")
        out = [base, base.replace("'", "’"), base.replace("'", "ʼ")]
    if "ё" in form:
        out += [f.replace("ё", "е") for f in out]
    return out


def _rank(e: Entry) -> tuple[int, int, int]:
    return ("curated" not in e.source, e.country != "UA", -e.population)


def compile_keys(rows: list[dict[str, str]]) -> dict[str, tuple[tuple[int, int], ...]]:
    """Every key (a surface form) -> the places it names as (row index, strictness), best-ranked first.
    The slow part of loading (inflection): scripts/build_places.py stores its result in places.keys.gz."""
    entries = [_entry(r) for r in rows]
    keys: dict[str, dict[int, int]] = {}
    for idx, (e, r) in enumerate(zip(entries, rows, strict=True)):
        flags = r["flags"].split()
        small = e.population < 10_000 and "curated" not in e.source
        if "named" in flags:
            latin_level = cyr_level = NAMED
        else:
            latin_level = CUED if ("person" in flags or "enword" in flags or "cue" in flags) else ANY
            cyr_level = (CUED if {"person", "cue", "adj"} & set(flags) or ("word" in flags and small)
                         else MIDSENTENCE if "word" in flags else ANY)
        main_names = {e.name_en, e.name_uk, e.name_ru}
        form_levels = {f: FORM_LEVELS[lv] for lv, _, f in (x.partition(":") for x in r.get("form_flags", "").split("|"))
                       if f}
        names = {e.name_en, e.name_uk, e.name_ru, *r["aliases"].split("|")} - {None, ""}
        # Headlines and datelines write prominent names in capitals: "ВИБУХИ У ХАРКОВІ", "KYIV, Ukraine (AP)".
        shout_place = e.kind in ("region", "country") or e.population >= 50_000 or "curated" in e.source
        for name in names:
            shout = shout_place and name in main_names  # not the aliases
            cyr = _is_cyrillic(name)  # type: ignore[arg-type]
            level = cyr_level if cyr else latin_level
            if small and name not in main_names:  # a village's other names: Soviet ones (Жовтень, Комунар), Париж
                level = max(level, CUED)
            if not cyr and len(name) <= 4 and e.population < 50_000 and "curated" not in e.source:
                level = max(level, CUED)  # "Star", "Mir": a short Latin name is too often an English word
            # The rules of the name's language only, when the row says which it is and the other differs.
            lang = ("uk" if name == e.name_uk and e.name_ru and name != e.name_ru else
                    "ru" if name == e.name_ru and e.name_uk and name != e.name_uk else None)
            for v in _variants(name):  # type: ignore[arg-type]
                for f in forms(v, lang) if cyr else (v,):
                    if len(f) < 3:
                        continue
                    lv = max(level, form_levels.get(f.replace("’", "'").replace("ʼ", "'"), ANY))
                    for k in (f, f.upper()) if shout else (f,):
                        slot = keys.setdefault(k, {})
                        slot[idx] = min(lv, slot.get(idx, lv))
    return {k: tuple(sorted(slot.items(), key=lambda kv: _rank(entries[kv[0]]))) for k, slot in keys.items()}


def _entry(r: dict[str, str]) -> Entry:
    return Entry(r["id"], r["kind"], r["name_en"], r["name_uk"] or None, r["name_ru"] or None, r["admin1"] or None,
                 r["country"] or None, float(r["lat"]) if r["lat"] else None, float(r["lon"]) if r["lon"] else None,
                 int(r["population"] or 0), r["source"])


def dump_keys(keys: dict[str, tuple[tuple[int, int], ...]], csv_sha: str) -> bytes:
    """places.keys.gz: a header with the sha256 of the places.csv it was built from, then one line per
    distinct place list: "idx:level,idx:level<TAB>key|key|...". Grouping makes loading a few splits."""
    groups: dict[tuple[tuple[int, int], ...], list[str]] = {}
    for k, v in keys.items():
        groups.setdefault(v, []).append(k)
    lines = [f"{KEYS_FORMAT} {csv_sha}"]
    for v, ks in sorted(groups.items()):
        lines.append(",".join(f"{i}:{lv}" for i, lv in v) + "\t" + "|".join(sorted(ks)))
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0)


def _read_keys(blob: bytes, csv_sha: str) -> list[tuple[tuple[tuple[int, int], ...], list[str]]] | None:
    lines = gzip.decompress(blob).decode("utf-8").split("\n")
    if lines[0] != f"{KEYS_FORMAT} {csv_sha}":
        return None  # stale: built from another places.csv
    out = []
    for line in lines[1:]:
        if line:
            places, _, keys = line.partition("\t")
            out.append((tuple((int(a), int(b)) for a, b in (p.split(":") for p in places.split(","))),
                        keys.split("|")))
    return out


class Gazetteer:
    """The places and the automaton over their forms; `Gazetteer.get()` loads once per process, lazily."""

    _instance: Gazetteer | None = None
    _lock = threading.Lock()

    def __init__(self, rows: list[dict[str, str]], groups: list[tuple[tuple[tuple[int, int], ...], list[str]]]
                 | None = None, entries: list[Entry] | None = None):
        import ahocorasick

        self.entries = entries if entries is not None else [_entry(r) for r in rows]
        if groups is None:
            compiled: dict[tuple[tuple[int, int], ...], list[str]] = {}
            for k, v in compile_keys(rows).items():
                compiled.setdefault(v, []).append(k)
            groups = list(compiled.items())
        # An int per key (group index << 8 | key length) is cheaper to store than a tuple.
        self.groups = [ranked for ranked, _ in groups]
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS, ahocorasick.KEY_STRING)
        add = self.automaton.add_word
        n = 0
        for gi, (_, keys) in enumerate(groups):
            g = gi << 8
            for key in keys:
                if len(key) < 256:
                    add(key, g | len(key))
                    n += 1
        self.automaton.make_automaton()
        self.keys = n

    @classmethod
    def get(cls) -> Gazetteer:
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = cls.load()
        return cls._instance

    @classmethod
    def load(cls) -> Gazetteer:
        """From the shipped CSV and its compiled keys; compiles the keys (slower) when they are stale."""
        raw = _data(DATA).read_bytes()
        keys_file = _data(KEYS)
        groups = _read_keys(keys_file.read_bytes(), hashlib.sha256(raw).hexdigest()) if keys_file.is_file() else None
        text = raw.decode("utf-8")
        if groups is None:
            return cls(list(csv.DictReader(io.StringIO(text, newline=""))), None)
        table = csv.reader(io.StringIO(text, newline=""))
        col = {name: i for i, name in enumerate(next(table))}
        c = [col[k] for k in ("id", "kind", "name_en", "name_uk", "name_ru", "admin1", "country", "lat", "lon",
                              "population", "source")]
        entries = [Entry(r[c[0]], r[c[1]], r[c[2]], r[c[3]] or None, r[c[4]] or None, r[c[5]] or None,
                         r[c[6]] or None, float(r[c[7]]) if r[c[7]] else None, float(r[c[8]]) if r[c[8]] else None,
                         int(r[c[9]] or 0), r[c[10]]) for r in table]
        return cls([], groups, entries)

    def find(self, text: str, language: str | None = None) -> list[PlaceMention]:
        hits: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []
        n = len(text)
        groups = self.groups
        for end, v in self.automaton.iter(text):
            ranked = groups[v >> 8]
            start = end - (v & 255) + 1
            if start and (text[start - 1].isalnum() or text[start - 1] == "\u0301"):
                continue
            end += 1
            if end < n and (text[end].isalnum() or text[end] == "\u0301"):
                continue
            hits.append((start, end, ranked))
        if not hits:
            return []
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0], -h[1]))
        out: list[PlaceMention] = []
        options: list[tuple[tuple[int, int], ...]] = []
        last = 0
        entries = self.entries
        for start, end, ranked in hits:
            if start < last:
                continue
            if start and text[start - 1] in OPEN_QUOTES and end < n and text[end] in CLOSE_QUOTES:
                last = end  # «Азов», "Ростов-на-Дону": a brigade, a ship, a newspaper named after a place
                continue
            idx, level = ranked[0]
            chosen = entries[idx] if level == ANY else self._choose(text, start, ranked)
            if chosen is None:
                continue
            last = end
            out.append(self._mention(text, start, end, chosen, len(ranked), language))
            options.append(ranked)
        if any(m.candidates > 1 for m in out):
            self._by_context(text, out, options, language)
        if any(m.precision in HEAD_NOUNS and PLURAL.search(m.mention) for m in out):
            out = self._coordinated(text, out, language)
        return out

    def _coordinated(self, text: str, out: list[PlaceMention], language: str | None) -> list[PlaceMention]:
        """"на Покровському та Костянтинівському напрямках", "the Bakhmut and Avdiivka directions", "у Бєлгородській
        і Курській областях": the words coordinated before a plural direction or region are of its kind too
        (not the village Покровське, not the city Belgorod)."""
        extra: list[PlaceMention] = []
        for m in out:
            if m.precision not in HEAD_NOUNS or not PLURAL.search(m.mention):
                continue
            pos = m.span[0]
            while True:
                c = COORDINATED.search(text, max(0, pos - 80), pos)
                if c is None:
                    break
                word = c.group(1)
                found = None
                for noun in HEAD_NOUNS[m.precision]:
                    value = self.automaton.get(f"{word} {noun}", None)
                    if value is not None:
                        found = next((e for e in (self.entries[i] for i, _ in self.groups[value >> 8])
                                      if e.kind == m.precision),
                                     None)
                        if found is not None:
                            break
                if found is None:
                    break
                extra.append(self._mention(text, c.start(1), c.end(1), found, 1, language))
                pos = c.start(1)
        if not extra:
            return out
        taken = [(x.span[0], x.span[1]) for x in extra]
        kept = [m for m in out if not any(a < m.span[1] and m.span[0] < b for a, b in taken)]
        return sorted(kept + extra, key=lambda m: m.span)

    def _by_context(self, text: str, out: list[PlaceMention], options: list[tuple[tuple[int, int], ...]],
                    language: str | None) -> None:
        """A shared name (Золочів: Lviv and Kharkiv oblasts) takes the candidate in an oblast that an
        unambiguous place of the same text is in ("Харків, Куп'янськ, Вовчанськ, Золочів")."""
        seen = {m.admin1 for m in out if m.candidates == 1 and m.admin1 and m.precision != "country"}
        if not seen:
            return
        for i, (m, ranked) in enumerate(zip(out, options, strict=True)):
            if m.candidates == 1 or m.admin1 in seen:
                continue
            for idx, level in ranked:
                e = self.entries[idx]
                if e.admin1 in seen and e.kind == m.precision and self._choose(text, m.span[0], ((idx, level),)):
                    out[i] = self._mention(text, m.span[0], m.span[1], e, m.candidates, language, "context")
                    break

    def _choose(self, text: str, start: int, ranked: tuple[tuple[int, int], ...]) -> Entry | None:
        """The best-ranked place, if the context satisfies the strictness of its key. The best-ranked
        bearer of a name judges the string: when the city Олександрія needs a cue (a first name too), a
        village of the same name does not slip through in its place."""
        idx, level = ranked[0]
        if level == ANY:
            return self.entries[idx]
        cue, initial = _context(text, start)
        if (level == MIDSENTENCE and (cue or not initial)) or (level == CUED and cue) or cue == 2:
            return self.entries[idx]
        return None

    def _mention(self, text: str, start: int, end: int, e: Entry, candidates: int,
                 language: str | None, basis: str | None = None) -> PlaceMention:
        mention = text[start:end]
        lang = language if language in ("uk", "ru") else None
        if lang is None and "\u0400" <= mention[0] <= "\u04ff":
            chars = set(mention)
            lang = "uk" if chars & UK_ONLY else "ru" if chars & RU_ONLY else None
        if lang is None:
            lang = "ru" if e.country == "RU" else "uk"
        local = (e.name_uk or e.name_ru) if lang == "uk" else (e.name_ru or e.name_uk)
        return PlaceMention((start, end), mention, e.name_en, local, e.admin1, e.country, e.lat, e.lon, e.kind,
                            candidates, basis or ("unique" if candidates == 1 else "rank"), e.id, e.source)


def _context(text: str, start: int) -> tuple[int, bool]:
    """(the cue before the match: 0 none, 1 a preposition such as "in", "у", "около", 2 a settlement noun
    such as "village of", "село", "смт"; whether the match starts a sentence)."""
    i = start - 1
    while i >= 0 and text[i] in " \t«\"“„(":
        i -= 1
    if i < 0 or text[i] in SENTENCE_END:
        return 0, True
    j = i
    while j >= 0 and not text[j].isspace():
        j -= 1
    word = text[j + 1:i + 1].lower()
    if word in SETTLEMENT_NOUNS:
        return 2, False
    if word in CUES:
        return 1, False
    if word == "of":  # "village of X", "the town of X"
        k = j
        while k >= 0 and text[k].isspace():
            k -= 1
        m = k
        while m >= 0 and not text[m].isspace():
            m -= 1
        return (2 if text[m + 1:k + 1].lower() in {"village", "town", "city", "settlement", "outskirts"} else 0), False
    return 0, False


def _data(name: str) -> Traversable:
    return resources.files("warclaims").joinpath("data", "places", name)


def load_rows() -> list[dict[str, str]]:
    with _data(DATA).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def find_places(text: str, language: str | None = None) -> list[PlaceMention]:
    """Every place named in `text`, in order, non-overlapping. `language` (en/uk/ru or None) only picks
    `name_local`; matching is the same for every language. The gazetteer loads on first use."""
    return Gazetteer.get().find(text, language)


PRECISION_ORDER = {"settlement": 0, "direction": 1, "region": 2, "country": 3}


def within(mentions: list[PlaceMention], start: int, end: int) -> list[PlaceMention]:
    """The mentions inside [start, end): the places of one sentence or clause, from one find_places call
    on the whole document (so that "context" resolution sees the whole text)."""
    return [m for m in mentions if start <= m.span[0] and m.span[1] <= end]


def most_precise(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The finest place among mentions (settlement, then direction, region, country); the first on ties."""
    return min(mentions, key=lambda m: PRECISION_ORDER.get(m.precision, 9), default=None)


def gazetteer_info() -> dict[str, Any]:
    g = Gazetteer.get()
    kinds: dict[str, int] = {}
    for e in g.entries:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    return {"places": len(g.entries), "keys": g.keys, "kinds": kinds}
