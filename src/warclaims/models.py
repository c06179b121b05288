"""Records of the extract contract (DESIGN.md "Records").

Every parsed value keeps the raw text it came from (`*_text`, `mention`) and its character
span into `Document.text`. Unknown stays `None`; a value that was inferred rather than read
says how in a `*_basis` field.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

Span = tuple[int, int]


_FIELDS: dict[type, tuple[str, ...]] = {}
_LEAVES = frozenset((str, int, float, bool, type(None)))


def _plain(obj: Any) -> Any:
    """A record as JSON-ready dicts and lists: tuples become lists (JSON has none), `class_` is `class` (a Python
    keyword). The result of dataclasses.asdict without its deep copies, 11× faster (the ledger converts every
    record of every document)."""
    names = _FIELDS.get(type(obj))
    if names is None and is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[type(obj)] = tuple(f.name for f in fields(obj))
    if names is not None:
        items = ((k, getattr(obj, k)) for k in names)
    elif isinstance(obj, dict):
        items = obj.items()  # type: ignore[assignment]
    elif isinstance(obj, (list, tuple)):
        return [v if type(v) in _LEAVES else _plain(v) for v in obj]
    else:
        return obj
    return {("class" if k == "class_" else k): v if type(v) in _LEAVES else _plain(v) for k, v in items}


class Record:
    """Mixin: to_dict()/from_dict() for the dataclasses below."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        kwargs = {k: v for k, v in data.items() if k in names}
        for key, sub in _NESTED.get(cls.__name__, {}).items():
            value = kwargs.get(key)
            if isinstance(value, dict):
                kwargs[key] = sub.from_dict(value)
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                kwargs[key] = [sub.from_dict(v) for v in value]
        if "span" in kwargs and isinstance(kwargs["span"], list):
            kwargs["span"] = tuple(kwargs["span"])
        return cls(**kwargs)


@dataclass
class Document(Record):
    """One input text, decoded and repaired; spans of every record index into `text`."""

    id: str  # sha256 of the normalised text
    source: str  # the path, URL or "-" the user gave
    text: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date (or datetime with offset)
    published_basis: str | None = None  # "option", "html-metadata", "text:<snippet>" ...
    language: str | None = None  # en / uk / ru / other
    encoding: str | None = None  # the byte encoding detected (None for str input)
    retrieved_at: str | None = None
    repairs: list[str] = field(default_factory=list)  # e.g. "mojibake fixed (ftfy)"


@dataclass
class Party(Record):
    """Who makes (claimant) or passes on (relay) a claim."""

    name: str | None
    side: str | None = None  # UKR / RUS / third / None when unknown
    role: str | None = None  # party_to_conflict / official / media / third_party / ...
    mention: str | None = None  # the words in the text
    span: Span | None = None
    basis: str | None = None  # explicit / headline / paragraph / document / format


@dataclass
class LossTally(Record):
    """One figure of a loss count: '3610 tanks', 'танків ‒ 1637 (+35) од'."""

    id: str
    category: str  # contract id (DESIGN.md) or the snake_case of a non-standard noun phrase
    value: int
    value_text: str
    span: Span  # the whole figure: label, number and delta
    category_text: str = ""
    qualifier: str | None = None  # about / over / at_least / up_to / almost / under / None
    qualifier_text: str | None = None  # the words as written: "близько", "more than"
    delta: int | None = None
    delta_text: str | None = None
    delta_basis: str | None = None  # "inline" for "(+n)"; otherwise where the daily figure was read
    losing_side: str | None = None  # RUS / UKR / None
    scope: str = "cumulative"  # cumulative (since 2022-02-24) / period
    period_start: str | None = None
    period_end: str | None = None
    period_text: str | None = None
    as_of: str | None = None  # ISO date of the bulletin the figure belongs to
    as_of_text: str | None = None
    claimant: Party | None = None
    relayed_by: list[Party] = field(default_factory=list)
    language: str | None = None
    mentions: list[Span] = field(default_factory=list)  # further spans repeating this figure
    model: str | None = None  # a model-level count: "the fourth TOR in March alone" → Tor
    event_ids: list[str] = field(default_factory=list)  # the events this period count includes


@dataclass
class Actor(Record):
    """Who did it: 'Special Operations Center “A”' → SBU → Ukraine."""

    mention: str | None = None
    name: str | None = None
    side: str | None = None  # UKR / RUS / None
    resolution: str | None = None  # explicit / coref / inferred / None when unknown
    parents: list[str] = field(default_factory=list)  # the chain upwards: ["Security Service of Ukraine"]
    span: Span | None = None


@dataclass
class Target(Record):
    """What was hit: the model and class as written and as normalised."""

    mention: str | None = None
    model: str | None = None  # canonical model, e.g. "9K332 Tor-M2"
    model_basis: str | None = None  # null: named in the target's phrase; "antecedent": the one model named earlier
    category: str | None = None  # official loss category id (air_defence) or a snake_case class (position)
    oryx_category: str | None = None
    nato_name: str | None = None
    class_reported: str | None = None  # the class words of the text: "anti-aircraft missile complex", "APC"
    owner_side: str | None = None
    owner_basis: str | None = None  # words ("Russian", "ворожих") / actor (the other side's) / claimant / frame / place
    quantity: int | None = None
    span: Span | None = None


@dataclass
class Means(Record):
    """With what: a means is never a loss (a Lancet that strikes is not a destroyed Lancet)."""

    mention: str | None = None
    class_: str | None = None  # loitering_munition / fpv_drone / drone / artillery / mlrs / missile / ... / unknown
    model: str | None = None
    span: Span | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        data = dict(data)
        if "class" in data:
            data["class_"] = data.pop("class")
        return super().from_dict(data)


@dataclass
class TimeRef(Record):
    """When, resolved against the publication date: 'in March' → the month, precision month."""

    mention: str | None = None
    start: str | None = None
    end: str | None = None
    precision: str = "unknown"  # day / week / month / year / unknown
    span: Span | None = None


@dataclass
class Place(Record):
    """Where: only from the same sentence or clause as the event."""

    mention: str | None = None
    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # settlement / region / country / direction
    span: Span | None = None
    candidates: int | None = None  # places sharing the name in the gazetteer
    basis: str | None = None  # how a shared name was resolved: unique / rank / context


@dataclass
class Evidence(Record):
    type: str  # video / photo / satellite / document
    mention: str | None = None
    shared_by: str | None = None
    span: Span | None = None


@dataclass
class EventClaim(Record):
    """An incident claimed in the text: strike, shoot-down, capture, ground assault."""

    id: str
    type: str  # strike / shoot_down / capture / ground_assault / other
    outcome: str  # destroyed / damaged / captured / abandoned / shot_down / hit / unknown
    span: Span  # the clause the event was read from
    trigger: str | None = None
    trigger_span: Span | None = None
    actor: Actor | None = None
    target: Target | None = None
    means: Means | None = None
    time: TimeRef | None = None
    location: Place | None = None
    evidence: list[Evidence] = field(default_factory=list)
    modality: str = "asserted"  # asserted / hedged / negated / future / hypothetical
    modality_text: str | None = None
    claimant: Party | None = None
    relayed_by: list[Party] = field(default_factory=list)
    statement_id: str | None = None
    tally_ids: list[str] = field(default_factory=list)  # period tallies that count this event ("the fourth TOR")
    verification: str | None = None  # claimed_with_media / unverified_claim / consistent_with_oryx_count / ...
    language: str | None = None


@dataclass
class Speaker(Record):
    mention: str | None = None
    name: str | None = None  # canonical: "Volodymyr Zelensky", "Security Service of Ukraine"
    type: str | None = None  # person / organisation / document
    role: str | None = None  # "President of Ukraine"
    side: str | None = None
    resolution: str | None = None  # explicit / coref / default
    antecedent_span: Span | None = None
    span: Span | None = None


@dataclass
class Statement(Record):
    """Attributed speech: direct, indirect or mixed."""

    id: str
    kind: str  # direct / indirect / mixed
    content: str
    span: Span  # the content
    cue: str | None = None
    cue_span: Span | None = None
    speaker: Speaker | None = None
    channel: str | None = None  # televised address / Telegram / X post / press briefing / interview
    time: TimeRef | None = None
    confidence: float = 1.0  # lowered when quote marks do not pair up
    claims: list[str] = field(default_factory=list)  # ids of the tallies and events it carries
    language: str | None = None


@dataclass
class Check(Record):
    """The verdict on one claim against one reference."""

    claim_id: str
    status: str  # consistent / inconsistent / unverifiable
    explanation: str
    reference: dict[str, Any] | None = None  # {"series": ..., "date": ..., "sources": {...}, "url": ...}
    expected: int | None = None
    found: int | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class Result(Record):
    """What `extract` returns for one document (the JSONL line of the contract)."""

    source: str
    document: Document
    loss_tallies: list[LossTally] = field(default_factory=list)
    events: list[EventClaim] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    match: dict[str, Any] | None = None  # the bulletin date the tallies match best (check)
    rejected: list[dict[str, Any]] = field(default_factory=list)  # with explain=True only

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["ok"] = True
        if not self.rejected:
            data.pop("rejected")
        return data


_NESTED: dict[str, dict[str, type]] = {
    "LossTally": {"claimant": Party, "relayed_by": Party},
    "EventClaim": {"actor": Actor, "target": Target, "means": Means, "time": TimeRef, "location": Place,
                   "evidence": Evidence, "claimant": Party, "relayed_by": Party},
    "Statement": {"speaker": Speaker, "time": TimeRef},
    "Result": {"document": Document, "loss_tallies": LossTally, "events": EventClaim, "statements": Statement,
               "checks": Check},
}
