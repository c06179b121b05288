"""How a written figure relates to a series value: qualifiers, rounding, digit slips.

"over 416,000" is a rounded floor, not the number 416000: it holds for 416,800. The rounding
unit of a figure is read from its trailing zeros (416000 → 1000, 2971 → 1).
"""

from __future__ import annotations

# The extractor's qualifier ids plus the spellings other code may pass.
_QUALIFIERS = {
    "about": "about",
    "approximately": "about",
    "approx": "about",
    "around": "about",
    "roughly": "about",
    "circa": "about",
    "some": "about",
    "over": "over",
    "more": "over",
    "more_than": "over",
    "above": "over",
    "exceeding": "over",
    "at_least": "at_least",
    "no_less_than": "at_least",
    "almost": "almost",
    "nearly": "almost",
    "just_under": "almost",
    "up_to": "up_to",
    "under": "up_to",
    "less_than": "up_to",
    "below": "up_to",
    "at_most": "up_to",
}


def norm_qualifier(q: str | None) -> str | None:
    """about / over / at_least / almost / up_to, or None for an unqualified figure."""
    if not q:
        return None
    return _QUALIFIERS.get(q.strip().lower().replace(" ", "_").replace("-", "_"), "about")


def rounding_unit(x: int) -> int:
    """10 ** (trailing zeros): the precision the writer committed to."""
    x = abs(x)
    unit = 1
    while x and x % (unit * 10) == 0:
        unit *= 10
    return unit


def looks_rounded(x: int) -> bool:
    """An unqualified figure with three or more trailing zeros ("173,000") is probably rounded."""
    return x >= 1000 and rounding_unit(x) >= 1000


def near_window(x: int, qualifier: str | None) -> tuple[int, int] | None:
    """The values a qualified (or visibly rounded) figure points at, for date matching."""
    q = norm_qualifier(qualifier)
    u = rounding_unit(x)
    if q == "about" or (q is None and looks_rounded(x)):
        return x - u // 2, x + u // 2
    if q in ("over", "at_least"):
        return x, x + u
    if q in ("almost", "up_to"):
        return x - u, x
    return None


def qualifier_fit(x: int, qualifier: str | None, v: int) -> tuple[bool, str]:
    """Does the series value `v` make the qualified figure `x` true? (ok, a short reason)."""
    q = norm_qualifier(qualifier)
    u = rounding_unit(x)
    if q == "about":
        return abs(v - x) <= u // 2, (
            f"{v} is about {x}" if abs(v - x) <= u // 2 else f"{v} is not about {x}"
        )
    if q in ("over", "at_least"):
        word = "over" if q == "over" else "at least"
        if v < x:
            return False, f"{v} is not {word} {x}"
        if v >= x + u:
            return True, f"{v} is {word} {x}, though the text understates it"
        return True, f"{v} is {word} {x}"
    if q in ("almost", "up_to"):
        word = "almost" if q == "almost" else "up to"
        if v > x:
            return False, f"{v} is more than {x}"
        if q == "almost" and v <= x - u:
            return True, f"{v} is below {x}, though well short of it"
        return True, f"{v} is {word} {x}"
    if looks_rounded(x) and abs(v - x) <= u // 2:
        return True, f"{x} is {v} rounded"
    return v == x, f"{v} is {x}" if v == x else f"{v} is not {x}"


def digit_slip(claimed: int, expected: int) -> str | None:
    """A typing slip that turns `expected` into `claimed`, in words, or None."""
    a, b = str(abs(claimed)), str(abs(expected))
    if a == b:
        return None
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            i = diff[0]
            return f"one digit differs ({a[i]} for {b[i]})"
        if (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        ):
            return f"two digits swapped ({a[diff[0] : diff[1] + 1]} for {b[diff[0] : diff[1] + 1]})"
        return None
    if len(a) + 1 == len(b) and any(b[:i] + b[i + 1 :] == a for i in range(len(b))):
        return f"a digit dropped ({expected} → {claimed})"
    if len(a) == len(b) + 1 and any(a[:i] + a[i + 1 :] == b for i in range(len(a))):
        return f"a digit added ({expected} → {claimed})"
    return None
