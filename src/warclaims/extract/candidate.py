"""A candidate figure and what has been decided about it so far."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .attribution import Mention
from .figure import Figure
from .scope import Marker


@dataclass
class Cand:
    fig: Figure
    sent: int  # sentence index
    intro: int | None  # for list items: the introducing sentence
    headline: bool
    claimant: Mention | None = None
    claimant_basis: str | None = None
    side: str | None = None
    side_basis: str | None = None
    scope: str | None = None
    marker: Marker | None = None
    scope_basis: str | None = None
    reject: str | None = None
    delta_source: str | None = None
    bare: bool | None = None  # the clause holds nothing but the figure (decide._bare)
    clause: tuple[int, int] | None = None  # the figure's clause (decide._clause)
    mentions: list[tuple[int, int]] = field(default_factory=list)


def base_category(cat: str) -> str:
    """The series category a pseudo id compares with ("vehicles*" → vehicles and fuel tanks)."""
    return "vehicles_fuel_tanks" if cat == "vehicles*" else cat


def trailing_zeros(n: int) -> int:
    return len(str(n)) - len(str(n).rstrip("0")) if n else 0


_MULTIPLIER = re.compile(r"тис|тыс|thousand|million|млн|мільйон|миллион|мил|k\b")
_DIRECTION = {"over": 1, "at_least": 1, "almost": -1, "under": -1, "up_to": -1}


def restates(rounded: Figure, exact: Figure) -> bool:
    """`rounded` repeats `exact` in round numbers ("nearly 58,000" for 57,750; "1,44 млн" for 1 444 810),
    in the direction its qualifier says."""
    a, b = rounded.value, exact.value
    if a == b:
        return True
    if not b or abs(a - b) / b > 0.06:
        return False
    # Rounding shows as a qualifier ("nearly 58,000"), a multiplier word ("7,5 тисячі", "1.44 million") or
    # at least two more trailing zeros.
    worded = bool(_MULTIPLIER.search(rounded.value_text.lower()))
    if trailing_zeros(a) - trailing_zeros(b) < (1 if rounded.qualifier or worded else 2):
        return False
    direction = _DIRECTION.get(rounded.qualifier or "", 0)
    return direction == 0 or (b - a) * direction > 0


WEAK_PERSONNEL = re.compile(r"(?:человек|людей|people|persons|осіб|lives|dead|men|military|військов\w*|военн\w*)$")
