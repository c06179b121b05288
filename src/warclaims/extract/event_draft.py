"""The working records of the event stage: a target candidate and an event draft before repeats merge."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..models import EventClaim


@dataclass
class Cand:
    """A possible target in a trigger's sentence: a gazetteer mention, a noun of event_cues, a place."""

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
    model_basis: str | None = None  # "antecedent": "five missiles were shot down" after "40 ATACMS"


@dataclass
class Draft:
    """An event before repeats of one incident merge (event_merge.py)."""

    event: EventClaim
    rank: int
    quantity: int | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    headline: bool = False  # a headline says less exactly than the body
    anaphoric: bool = False  # "the ship", "цей танк": an incident named before
    distinct: bool = False  # "another", "a second", "ще одна", "Крім того": never a repeat of an earlier event


def event_id(doc_key: str, span: tuple[int, int], category: str | None) -> str:
    return "ev_" + hashlib.sha1(f"{doc_key}|{span[0]}|{span[1]}|{category}".encode()).hexdigest()[:12]
