"""Loss tallies against the General Staff daily series (DESIGN.md "Check").

Only cumulative Russian-loss figures claimed by the Ukrainian side (or by nobody named) can be
compared with that series; everything else is `unverifiable`, with the reason. A tally with
`as_of` is compared with that bulletin; the undated ones of a document with the bulletin their
figures match best (never one after the publication date).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from .models import Check, LossTally
from .reference.figures import digit_slip, looks_rounded, norm_qualifier, qualifier_fit, rounding_unit
from .reference.match import Figure, Match
from .reference.series import SERIES_NAME, Series, Value
from .vocab import CATEGORIES

_SHORT = {
    "armoured_vehicles": "armoured vehicles",
    "mlrs": "MLRS",
    "air_defence": "air defence systems",
    "uav": "UAVs",
    "cruise_missiles": "cruise missiles",
    "vehicles_fuel_tanks": "vehicles and fuel tanks",
    "special_equipment": "special equipment",
    "ground_robotic_systems": "ground robotic systems",
    "fuel_tanks": "fuel tanks",
    "mobile_srbm_systems": "mobile SRBM systems",
    "pow": "prisoners of war",
}
_QWORD = {"about": "about", "over": "over", "at_least": "at least", "almost": "almost", "up_to": "up to"}
_OTHER_DAY_RANGE = 7  # how far to look for the bulletin that does carry a mismatching figure
_SEVERAL_A_DAY = "2022-03-05"  # until then several bulletins a day; the series keeps one (§2.4)


def label(category: str) -> str:
    return _SHORT.get(category, category.replace("_", " "))


def check_tallies(
    tallies: list[LossTally], published: str | None = None, series: Series | None = None
) -> tuple[list[Check], dict[str, Any] | None]:
    """One Check per tally (same order) and the document's match summary (None if nothing compared)."""
    series = series or Series.load()
    pub = _iso(published)  # an unreadable publication date bounds nothing
    reasons = {t.id: _static_reason(series, t) for t in tallies}
    undated = [t for t in tallies if reasons[t.id] is None and not t.as_of]
    match: Match | None = None
    if undated:
        figs: dict[str, Figure] = {}
        for t in undated:  # a category written twice: the first figure speaks for the document
            figs.setdefault(t.category, Figure(t.value, t.qualifier, t.delta))
        match = series.best_match(figs, not_after=pub)
    checks: list[Check] = []
    for t in tallies:
        reason = reasons[t.id]
        if reason:
            checks.append(_unverifiable(t, *reason))
        elif t.as_of:
            checks.append(_check_on(series, t, t.as_of[:10], None))
        elif match:
            checks.append(_check_on(series, t, match.date, match))
        else:
            bound = f" up to the publication date {pub}" if pub else ""
            checks.append(
                _unverifiable(t, "no_date", f"there is no bulletin date in the text and no bulletin{bound}")
            )
    return checks, _summary(series, tallies, checks, match, pub)


# ---- which tallies are comparable at all --------------------------------------------------------


def _static_reason(series: Series, t: LossTally) -> tuple[str, str] | None:
    """(code, reason) when the tally can never be compared with the series, else None."""
    claimant_side = t.claimant.side if t.claimant else None
    who = (t.claimant.name or t.claimant.mention or claimant_side) if t.claimant else None
    if t.losing_side != "RUS":
        if t.losing_side == "UKR" and claimant_side == "RUS":
            return (
                "other_side",
                "a Russian claim about Ukrainian losses; the General Staff series counts Russian losses",
            )
        side = t.losing_side or "an unstated side"
        return "losing_side", f"these are losses of {side}; the General Staff series counts Russian losses"
    if claimant_side not in (None, "UKR"):
        return "claimant", f"claimed by {who}, not by the Ukrainian side whose series this is"
    if t.scope != "cumulative":
        span = t.period_text or "…".join(x for x in (t.period_start, t.period_end) if x)
        span = f" ({span})" if span else ""
        return "period", f"a figure for a period{span}, while the series counts totals since 2022-02-24"
    if series.coverage(t.category) is None:
        return "category", f"'{label(t.category)}' is not a category of the General Staff series"
    return None


def _unverifiable(t: LossTally, code: str, reason: str) -> Check:
    q = _QWORD.get(norm_qualifier(t.qualifier) or "", "")
    head = f"{label(t.category)} {q + ' ' if q else ''}{t.value}"
    return Check(
        t.id, "unverifiable", f"{head} cannot be checked: {reason}", found=t.value, details={"reason": code}
    )


# ---- one tally against one bulletin ----------------------------------------------------------------


def _check_on(series: Series, t: LossTally, d: str, match: Match | None) -> Check:
    cat, x = t.category, t.value
    q = norm_qualifier(t.qualifier)
    head = f"{label(cat)} {_QWORD[q] + ' ' if q else ''}{x}"
    if _iso(d) is None:
        return _unverifiable(t, "bad_date", f"the bulletin date '{t.as_of}' is not a full date (YYYY-MM-DD)")
    if not series.first_date <= d <= series.last_date:
        return _unverifiable(
            t,
            "coverage",
            f"the bulletin date {d} is outside the series ({series.first_date}…{series.last_date})",
        )
    epoch = CATEGORIES.get(cat)
    cell = series.value(cat, d)
    before = bool(epoch and epoch.first and d < epoch.first)
    after = bool(epoch and epoch.last and d > epoch.last)
    if (before or after) and (cell is None or not cell.derived):  # derived: vehicles + fuel tanks, 2022
        when = f"before {epoch.first}" if before else f"after {epoch.last}"  # type: ignore[union-attr]
        return _unverifiable(
            t, "epoch", f"the bulletins did not count {label(cat)} {when} (the bulletin date is {d})"
        )
    if cell is None or cell.value is None:
        return _unverifiable(t, "no_value", f"no source has {label(cat)} for the bulletin of {d}")

    v = cell.value
    bulletin = f"the General Staff bulletin of {d}"
    note = _match_note(match, d)
    details: dict[str, Any] = {"basis": "best_match" if match else "as_of", "date": d, "qualifier": q}
    shown = str(v)
    if cell.derived:
        details["derived"] = "vehicles + fuel tanks (two separate lines before 2022-05-01)"
        shown += ", vehicles + fuel tanks"
    hits = cell.matches(x)
    delta_part = _delta(series, t, d, details)
    ref = _reference(series, cell)

    if hits:  # equal to the consensus or to one source's copy
        details["matched"] = hits
        if "consensus" in hits:
            text = f"{head} agrees with {bulletin} ({shown})"
        else:
            other = "; ".join(
                f"{series.label(n)} has {sv}" for n, sv in cell.sources.items() if sv not in (None, x)
            )
            srcs = " and ".join(series.label(n) for n in hits)
            text = f"{head} agrees with the {srcs} copy of {bulletin} ({x}), a disputed value ({other})"
        return Check(t.id, "consistent", text + delta_part + note, ref, v, x, details)

    fits = [
        (n, sv, *qualifier_fit(x, q, sv))
        for n, sv in [("consensus", v), *cell.sources.items()]
        if sv is not None
    ]
    ok = [f for f in fits if f[2]]  # the qualifier (or visible rounding) holds
    if ok:
        name, sv, _, why = ok[0]
        details["matched"] = [name]
        details["qualifier_fit"] = why
        src = "" if name == "consensus" else f" as {series.label(name)} has it"
        return Check(
            t.id,
            "consistent",
            f"{head} agrees with {bulletin} ({sv}{src}): {why}" + delta_part + note,
            ref,
            v,
            x,
            details,
        )

    if match and match.exact < 2:  # a date guessed from one or two figures cannot convict a third
        nearest = f"; the nearest bulletin by value is {d} ({v})"
        return _unverifiable(
            t,
            "no_date",
            "there is no bulletin date in the text and too few figures agree "
            f"with any bulletin to pin one down{nearest}",
        )

    env = series.envelope(cat, d)
    outside = not env.contains(x)
    if d < _SEVERAL_A_DAY and not outside and env.prev and env.next:
        return _unverifiable(
            t,
            "several_a_day",
            f"the General Staff issued several bulletins a day until early March 2022 and the series keeps "
            f"one; {x} lies between {env.lo} ({env.prev.date}) and {env.hi} ({env.next.date})",
        )
    details["envelope"] = {
        "prev": {"date": env.prev.date, "value": env.lo} if env.prev else None,
        "next": {"date": env.next.date, "value": env.hi} if env.next else None,
        "outside": outside,
    }
    text = f"{head} disagrees with {bulletin} ({shown})"
    if q:
        text += f": {fits[0][3]}"
    if env.prev and env.next:
        where = "outside" if outside else "inside"
        text += f"; {x} is {where} the {env.prev.date}…{env.next.date} range {env.lo}…{env.hi}"
    hints = _hints(series, cat, d, x, cell, q)
    if hints:
        details["hint"] = hints[0]
        text += " — " + "; ".join(hints)
    return Check(t.id, "inconsistent", text + delta_part + note, ref, v, x, details)


def _iso(text: str | None) -> str | None:
    """The YYYY-MM-DD of an ISO date or datetime, or None."""
    try:
        return date.fromisoformat(text[:10]).isoformat() if text else None
    except ValueError:
        return None


def _hints(series: Series, cat: str, d: str, x: int, cell: Value, q: str | None) -> list[str]:
    """Why the figure may differ: a typing slip, or the figure of another day's bulletin."""
    out: list[str] = []
    if q is None:
        slip = digit_slip(x, cell.value)  # type: ignore[arg-type]
        if slip is None:
            slip = next(
                (s for sv in cell.sources.values() if sv is not None and (s := digit_slip(x, sv))), None
            )
        if slip:
            out.append(slip)
    day = date.fromisoformat(d)
    span = timedelta(days=_OTHER_DAY_RANGE)
    others = [c for c in series.window(cat, day - span, day + span) if c.date != d and c.matches(x)]
    if others:
        other = min(others, key=lambda c: abs((date.fromisoformat(c.date) - day).days))
        out.append(f"it is the figure of the bulletin of {other.date}")
    elif q is None and looks_rounded(x) and rounding_unit(x) < abs(x - cell.value):  # type: ignore[operator]
        out.append(f"{x} looks rounded, but not from {cell.value}")
    return out


def _delta(series: Series, t: LossTally, d: str, details: dict[str, Any]) -> str:
    """Compare a stated '(+n)' with the series' day change; official deltas do not always add up."""
    if t.delta is None:
        return ""
    change = series.delta(t.category, d)
    per_source = {n: series.delta(t.category, d, n) for n in series.source_names}
    revs = series.revisions_on(t.category, d)
    agrees = [n for n, c in [("consensus", change), *per_source.items()] if c is not None and c == t.delta]
    revised = sum(r.change for r in revs)
    if revs and change is not None and change - revised == t.delta:
        agrees.append("without revision")  # the bulletin's (+n) leaves the revision out
    info: dict[str, Any] = {
        "stated": t.delta,
        "series": change,
        "sources": per_source,
        "reconciles": bool(agrees),
    }
    if revs:
        info["revisions"] = [r.change for r in revs]
    details["delta"] = info
    if change is None:
        return f"; the stated daily change ({t.delta:+d}) cannot be compared (no value for the day before)"
    if agrees == ["without revision"]:
        return (
            f"; the stated daily change ({t.delta:+d}) is the series' change ({change:+d}) "
            f"without the official revision of {revised:+d}"
        )
    if agrees:
        return ""
    rev = f", which includes an official revision of {revised:+d}" if revs else ""
    stated = f"the stated daily change ({t.delta:+d})"
    return f"; {stated} does not reconcile with the series' change ({change:+d}{rev})"


def _match_note(match: Match | None, d: str) -> str:
    if match is None:
        return ""
    if match.exact >= 2:
        agree = "all" if match.exact == match.compared else f"{match.exact} of"
        where = f"where {agree} {match.compared} figures agree"
        return f" (no date in the text: matched to the bulletin of {d}, {where})"
    return f" (no date in the text: {d} is the bulletin that fits best, confidence {match.confidence:.2f})"


def _reference(series: Series, cell: Value) -> dict[str, Any]:
    return {
        "series": SERIES_NAME,
        "date": cell.date,
        "war_day": cell.war_day,
        "sources": dict(cell.sources),
        "consensus": cell.value,
        "basis": cell.basis,
        "disputed": cell.disputed,
        "url": cell.url,
    }


# ---- the document's summary ----------------------------------------------------------------------


def _summary(
    series: Series, tallies: list[LossTally], checks: list[Check], match: Match | None, pub: str | None
) -> dict[str, Any] | None:
    if match is not None:
        runner = match.runner_up
        return {
            "date": match.date,
            "dates": match.dates,
            "basis": "best_match",
            "war_day": series.war_day(match.date),
            "exact": match.exact,
            "near": match.near,
            "compared": match.compared,
            "confidence": match.confidence,
            "deltas": match.deltas,
            "runner_up": {"date": runner.date, "exact": runner.exact, "near": runner.near}
            if runner
            else None,
            "not_after": pub,
            "ignored": match.ignored,
            "explanation": _match_sentence(match),
        }
    dated = [(t, c) for t, c in zip(tallies, checks, strict=True) if t.as_of and c.status != "unverifiable"]
    if not dated:
        return None
    d = Counter(t.as_of[:10] for t, _ in dated).most_common(1)[0][0]  # type: ignore[index]
    same = [(t, c) for t, c in dated if t.as_of[:10] == d]  # type: ignore[index]
    exact = sum(1 for _, c in same if "matched" in c.details and "qualifier_fit" not in c.details)
    agree = sum(1 for _, c in same if c.status == "consistent")
    out: dict[str, Any] = {
        "date": d,
        "basis": "as_of",
        "war_day": series.war_day(d),
        "exact": exact,
        "consistent": agree,
        "compared": len(same),
        "confidence": None,
        "runner_up": None,
        "explanation": f"the bulletin of {d} named in the text: {agree} of {len(same)} figures agree",
    }
    if exact < len(same) >= 2:  # another bulletin fits better? ("for the past day, 26 Oct" = bulletin 27)
        alt = series.best_match({t.category: Figure(t.value, t.qualifier, t.delta) for t, _ in same})
        if alt and alt.date != d and alt.exact > max(exact, 1):
            out["best_match"] = {"date": alt.date, "exact": alt.exact, "compared": alt.compared}
            out["explanation"] += (
                f" (the figures match the bulletin of {alt.date} better: {alt.exact} exactly)"
            )
    return out


def _match_sentence(match: Match) -> str:
    head = f"matched to the bulletin of {match.date}: "
    if match.exact:
        agree = "all" if match.exact == match.compared else f"{match.exact} of"
        head += f"{agree} {match.compared} figures agree"
        if match.near:
            head += f" and {match.near} more fit their qualifier"
    elif match.near:
        head += f"no figure agrees exactly; {match.near} of {match.compared} fit their qualifier"
    else:
        head += f"none of the {match.compared} figures agrees; it is only the closest bulletin"
    if len(match.dates) > 1:
        head += f"; {len(match.dates)} bulletins fit equally well ({match.dates[0]}…{match.dates[-1]})"
    return head + f" (confidence {match.confidence:.2f})"
