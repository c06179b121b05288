"""Claims against Oryx photo evidence (reference/oryx.py): events by model, tallies by category.

Oryx counts only losses with photo or video evidence, so it is a lower bound, never the same count as a
party's claim. Two kinds of check:

- `check_event`: for an event with a target model, one sentence on what Oryx records for that model and
  side, and `event.verification`: `consistent_with_oryx_count` when Oryx has a record of that model and
  side with a matching status first seen within the event's time (up to `LAG_DAYS` after it: the record
  date is when the scraper first saw the item); else `claimed_with_media` when the text names evidence
  (video, photos, satellite images: shown by the claimant, not verified); else `unverified_claim`.
- `check_tally_oryx`: a cumulative category figure against the photo-confirmed lower bound at its date,
  only for the categories both count alike (COMPARABLE; never personnel, missiles, UAVs, special equipment).
  `below_evidence` when the claim is under BELOW_FACTOR × the bound; `exceeds_evidence` when it is over
  EXCEEDS_RATIO × the bound; else `consistent_with_evidence`. A period count of one model ("the fourth TOR
  in March alone") is compared with that model's records first seen in the period instead
  (`consistent_with_evidence` / `above_evidence`).

EXCEEDS_RATIO is twice the widest gap the General Staff's own series shows over the Oryx bound, any day
2022-03-19…2026-08-08 (tanks 3.1×, armoured vehicles 4.3×, MLRS 4.0×, air defence 3.6×, aircraft 8.8×,
helicopters 6.6×, warships 1.5×; at least 5×), so a General Staff figure never reads as far above; a claim
that does is far outside what either side's official counts have shown. Artillery (official up to 33×: it
counts mortars) and vehicles (up to 32×: it counts every drone-hit car) have no upper judgement.
BELOW_FACTOR leaves 10 % for the bound's estimate before 2024-09-30 (evidence records scaled to Oryx's
totals) — 40 % for air defence, where Oryx counts each vehicle of a battery (launcher, loader, radar).
"""
from __future__ import annotations

from datetime import date, timedelta

from .models import Check, EventClaim, LossTally
from .reference.oryx import CITATION, SNAPSHOT, STATUSES, lower_bound, model_counts, model_records

COMPARABLE = ("tanks", "armoured_vehicles", "artillery", "mlrs", "air_defence", "aircraft", "helicopters",
              "warships", "vehicles_fuel_tanks")
EXCEEDS_RATIO = {"tanks": 6.0, "armoured_vehicles": 8.5, "mlrs": 8.0, "air_defence": 7.5, "aircraft": 18.0,
                 "helicopters": 13.0, "warships": 5.0}
BELOW_FACTOR = {"air_defence": 0.6}
DEFAULT_BELOW_FACTOR = 0.9
MIN_BOUND = 10  # a smaller bound says too little for a ratio
LAG_DAYS = 45
SIDE_ADJ = {"RUS": "Russian", "UKR": "Ukrainian"}
_LABEL = {"armoured_vehicles": "armoured vehicles", "mlrs": "MLRS", "air_defence": "air defence systems",
          "vehicles_fuel_tanks": "vehicles and fuel tanks", "artillery": "artillery systems"}
_OUTCOME_STATUS = {"destroyed": {"destroyed"}, "shot_down": {"destroyed", "damaged"}, "damaged": {"damaged"},
                   "captured": {"captured"}, "abandoned": {"abandoned"},
                   "hit": set(STATUSES), "unknown": set(STATUSES)}


def _label(cat: str) -> str:
    return _LABEL.get(cat, cat.replace("_", " "))


def _ratio(x: float) -> str:
    return f"{x:.1f}×"


def check_period_model_oryx(tally: LossTally) -> Check | None:
    """A model-level count for a period ("the fourth TOR in March alone"): how many evidence records of that
    model and side Oryx first saw in the period (up to LAG_DAYS after it). `consistent_with_evidence` when
    they reach the claim; else `above_evidence` — more than the photos show so far, which a lower bound
    cannot contradict."""
    side, start, end = tally.losing_side, _parse(tally.period_start), _parse(tally.period_end)
    if not tally.model or side not in SIDE_ADJ or not start:
        return None
    end = end or start
    hi = end + timedelta(days=LAG_DAYS)
    n = sum(r[3] for r in model_records(tally.model, side) if start.isoformat() <= r[2] <= hi.isoformat())
    window = f"between {start.isoformat()} and {hi.isoformat()}"
    what = f"{tally.model} {tally.value} in {tally.period_text or start.isoformat()}"
    if start.isoformat() > SNAPSHOT:
        return None
    status = "consistent_with_evidence" if n >= tally.value else "above_evidence"
    found = f"Oryx first recorded {n} {SIDE_ADJ[side]} {tally.model} loss{'es' if n != 1 else ''} {window}"
    text = (f"{what} is consistent with the evidence: {found}" if n >= tally.value
            else f"{what} is more than the evidence shows so far: {found} (a lower bound; records lag)")
    reference = {"series": "oryx", "source": CITATION, "model": tally.model, "side": side,
                 "window": [start.isoformat(), hi.isoformat()]}
    return Check(tally.id, status, text + ".", reference, n, tally.value, {"records_in_window": n})


def check_tally_oryx(tally: LossTally, published: str | None = None) -> Check | None:
    """The tally against Oryx's photo-confirmed lower bound of its category on its date (`as_of`, else
    `published`); None when the two cannot be compared (see the module docstring). A period count of one
    model ("the fourth TOR in March") is compared with the model's records in that period."""
    if tally.scope == "period" and tally.model:
        return check_period_model_oryx(tally)
    when = tally.as_of or published
    side = tally.losing_side
    if tally.category not in COMPARABLE or side not in SIDE_ADJ or tally.scope != "cumulative" or not when:
        return None
    bound = lower_bound(tally.category, side, when)
    if bound is None or bound.value <= 0:
        return None
    x, b = tally.value, bound.value
    ratio = x / b
    basis = ("Oryx's own total" if bound.basis == "oryx_header"
             else "estimated from Oryx's evidence records")
    what = f"{_label(tally.category)} {x:,}"
    bound_text = (f"Oryx photo-confirms at least {b:,} {SIDE_ADJ[side]} {_label(tally.category)} by "
                  f"{bound.basis_date} ({basis})")
    below = BELOW_FACTOR.get(tally.category, DEFAULT_BELOW_FACTOR)
    limit = EXCEEDS_RATIO.get(tally.category)
    if x < b * below and tally.qualifier not in ("over", "at_least"):
        status = "below_evidence"
        text = f"{what} is below the evidence: {bound_text}"
    elif limit and b >= MIN_BOUND and ratio > limit:
        status = "exceeds_evidence"
        text = (f"{what} is far above the evidence: {bound_text}; the claim is {_ratio(ratio)} that, "
                f"beyond the {_ratio(limit)} that even official counts stay within")
    else:
        status = "consistent_with_evidence"
        text = f"{what} is consistent with the evidence: {bound_text}; the claim is {_ratio(ratio)} that"
    if bound.date > SNAPSHOT:
        text += f" (Oryx data end on {SNAPSHOT})"
    reference = {"series": "oryx", "source": CITATION, "date": bound.basis_date, "basis": bound.basis,
                 "oryx_types": list(bound.oryx_types), "side": side}
    details = {"ratio": round(ratio, 2), "exceeds_ratio": limit, "below_factor": below, "compared_on": when[:10]}
    return Check(tally.id, status, text + ".", reference, b, x, details)


def check_tallies_oryx(tallies: list[LossTally], published: str | None = None,
                       match_date: str | None = None) -> list[Check]:
    """Oryx checks of the comparable tallies; an undated tally takes the matched bulletin date, else
    the publication date."""
    out = []
    for t in tallies:
        c = check_tally_oryx(t, published=match_date or published)
        if c:
            out.append(c)
    return out


def _parse(d: str | None) -> date | None:
    try:
        return date.fromisoformat(d[:10]) if d else None
    except ValueError:
        return None


def check_event(event: EventClaim, published: str | None = None) -> Check:
    """What Oryx records for the event's target model and side, in one sentence; sets
    `event.verification` (see the module docstring) and returns the Check (status = that value)."""
    target = event.target
    evidence = [e.type for e in event.evidence]
    media = f"the claim comes with {', '.join(sorted(set(evidence)))} shared by the claimant" if evidence else ""
    status = "claimed_with_media" if evidence else "unverified_claim"
    reference: dict = {"series": "oryx", "source": CITATION}
    details: dict = {}
    head = f"{(target.mention if target else None) or 'the target'} ({event.outcome}): "
    if target is None or not target.model:
        what = "no model named, so Oryx cannot be consulted"
        event.verification = status
        text = f"{what}; {media}" if media else f"{what}; the claim is unverified"
        return Check(event.id, status, head + text + ".", reference, None, None, details)
    counts = model_counts(target.model)
    side = target.owner_side if target.owner_side in SIDE_ADJ else None
    sides = [side] if side else sorted(counts)
    parts = []
    for s in sides:
        c = counts.get(s)
        if not c:
            parts.append(f"Oryx has no {SIDE_ADJ[s]} {target.model} loss on record")
            continue
        by_status = ", ".join(f"{c[k]} {k}" for k in STATUSES if c[k])
        parts.append(f"Oryx holds {c['total']} photo-evidence records of {SIDE_ADJ[s]} {target.model} losses "
                     f"({by_status}; first recorded {c['first_recorded']}, last {c['last_recorded']})")
        details[s] = {k: v for k, v in c.items() if k != "systems"}
    if not sides:
        parts.append(f"Oryx has no {target.model} loss on record")
    # a record of the same model, side and status first seen in the event's time window
    start = _parse(event.time.start if event.time else None)
    end = _parse(event.time.end if event.time else None) or start
    if start and end and side:
        want = _OUTCOME_STATUS.get(event.outcome, set(STATUSES))
        hi = end + timedelta(days=LAG_DAYS)
        found = [r for r in model_records(target.model, side)
                 if r[1] in want and start.isoformat() <= r[2] <= hi.isoformat()]
        n = sum(r[3] for r in found)
        details["window"] = [start.isoformat(), hi.isoformat()]
        details["records_in_window"] = n
        if n:
            status = "consistent_with_oryx_count"
            parts.append(f"{n} of them first recorded between {start.isoformat()} and {hi.isoformat()}")
        elif start.isoformat() > SNAPSHOT:
            parts.append(f"Oryx data end on {SNAPSHOT}, before this event")
        else:
            parts.append(f"none first recorded between {start.isoformat()} and {hi.isoformat()}")
    if media:
        parts.append(media)
    event.verification = status
    reference["model"] = target.model
    found_total = sum(counts[s]["total"] for s in sides if s in counts)
    return Check(event.id, status, head + "; ".join(parts) + ".", reference, None, found_total, details)


def check_events(events: list[EventClaim], published: str | None = None) -> list[Check]:
    """One Check per event that names a target (sets each event's `verification`)."""
    return [check_event(e, published) for e in events if e.target is not None]
