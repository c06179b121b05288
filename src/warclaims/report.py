"""The readable report: what a fact-checker reads in a terminal."""
from __future__ import annotations

import re
import textwrap
from collections import Counter

from .models import Check, LossTally, Result, Statement
from .vocab import label

MARK = {"consistent": "✓", "inconsistent": "✗", "unverifiable": "?", "consistent_with_evidence": "✓",
        "below_evidence": "✗", "exceeds_evidence": "!", "consistent_with_oryx_count": "✓", "claimed_with_media": "~",
        "unverified_claim": "?", "above_evidence": "~"}
SIDE = {"RUS": "Russian", "UKR": "Ukrainian"}
WIDTH = 100


def _n(v: int | None) -> str:
    return "—" if v is None else f"{v:,}"


def _quote(text: str, span: tuple[int, int], width: int = 70) -> str:
    s = " ".join(text[span[0]:span[1]].split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _who(tallies: list[LossTally]) -> str:
    names = Counter(t.claimant.name if t.claimant else "an unnamed source" for t in tallies)
    return ", ".join(f"{n} ×{k}" if len(names) > 1 else n for n, k in names.most_common())


def _scope(t: LossTally) -> str:
    if t.scope == "cumulative":
        return f"since {t.period_start or '2022-02-24'}"
    if t.period_start and t.period_end and t.period_start != t.period_end:
        return f"{t.period_start}…{t.period_end}"
    if t.period_start:
        return t.period_start
    return t.period_text or "a period"


def _tally_rows(tallies: list[LossTally], text: str) -> list[str]:
    rows = [f"  {'category':<28}{'value':>12}{'daily':>9}  {'scope':<18}{'as of':<12}from the text"]
    for t in tallies:
        qual = {"about": "~", "over": ">", "almost": "<", "at_least": "≥", "up_to": "≤", "under": "<"}.get(
            t.qualifier or "", "")
        delta = f"+{t.delta:,}" if t.delta is not None else ""
        rows.append(f"  {label(t.category)[:27]:<28}{qual + _n(t.value):>12}{delta:>9}  {_scope(t)[:17]:<18}"
                    f"{t.as_of or '—':<12}“{_quote(text, t.span, 40)}”")
    return rows


def render(result: Result, checks_only: bool = False) -> str:
    doc = result.document
    tallies = result.loss_tallies
    meta = [doc.language or "?", f"published {doc.published}" if doc.published else "publication date unknown"]
    if doc.publisher:
        meta.append(doc.publisher)
    relays = sorted({p.name for t in tallies for p in t.relayed_by if p.name})
    if relays:
        meta.append("relayed by " + ", ".join(relays))
    out = [f"{doc.source}  ({' · '.join(meta)})"]
    if doc.title:
        out.append(f"  {doc.title}")
    if not checks_only:
        out.append("")
        if not tallies:
            out.append("No loss tallies found.")
        for side in ("RUS", "UKR", None):
            group = [t for t in tallies if t.losing_side == side]
            if not group:
                continue
            whose = f"{SIDE.get(side or '', 'unattributed')} losses"
            out.append(f"{len(group)} loss tall{'y' if len(group) == 1 else 'ies'}: {whose}, claimed by {_who(group)}")
            out.extend(_tally_rows(group, doc.text))
        if result.events:
            out.append("")
            out.append(f"{len(result.events)} incident claim{'s' if len(result.events) != 1 else ''}:")
            out.extend(_event_rows(result, doc.text))
        for r in result.rejected:
            out.append(f"  left out: “{_quote(doc.text, tuple(r['span']), 60)}” — {r['reason']}")
    if result.statements and not checks_only:
        out.append("")
        out.append(f"{len(result.statements)} statement{'s' if len(result.statements) != 1 else ''}:")
        out.extend(_statement_row(st) for st in result.statements)
    if result.match:
        out.append("")
        out.append("Bulletin: " + result.match.get("explanation", ""))
    official = [c for c in result.checks if (c.reference or {}).get("series") != "oryx"]
    oryx = [c for c in result.checks if (c.reference or {}).get("series") == "oryx"]
    if official:
        out.append("")
        counts = Counter(c.status for c in official)
        out.append("Checks against the General Staff series: " + ", ".join(
            f"{v} {k}" for k, v in sorted(counts.items())))
        by_id = {t.id: t for t in tallies}
        out.extend(_check_line(c, by_id.get(c.claim_id), result.match) for c in official)
    if oryx:
        out.append("")
        counts = Counter(c.status.replace("_", " ") for c in oryx)
        out.append("Checks against Oryx photo evidence (a lower bound): " + ", ".join(
            f"{v} {k}" for k, v in sorted(counts.items())))
        out.extend(_check_line(c, None, None) for c in oryx)
    elif tallies and not checks_only:
        out.append("")
        out.append("Checks: not run (--no-check).")
    return "\n".join(out)


def _event_rows(result: Result, text: str) -> list[str]:
    rows = []
    for e in result.events:
        t = e.target
        what = " ".join(x for x in (
            f"{t.quantity} ×" if t.quantity and t.quantity > 1 else "",
            SIDE.get(t.owner_side or "", ""), t.model or t.class_reported or label(t.category or "other"),
            f"({label(t.category)}{', ' + t.nato_name if t.nato_name else ''})" if t.model and t.category else "",
        ) if x)
        head = f"  • {e.outcome.replace('_', ' ')}: {what}"
        facts = []
        if e.actor and (e.actor.name or e.actor.side):
            how = "" if e.actor.resolution == "explicit" else f", {e.actor.resolution}"
            facts.append(f"by {e.actor.name or SIDE.get(e.actor.side or '', 'unknown') + ' forces'}{how}")
        if e.means:
            facts.append(f"with {e.means.mention} ({e.means.class_})")
        if e.time:
            when = e.time.start if e.time.start == e.time.end else f"{e.time.start}…{e.time.end}"
            facts.append(f"when “{e.time.mention}”" + (f" = {when}" if e.time.start else "") + f" ({e.time.precision})")
        if e.location:
            facts.append(f"where {e.location.name}")
        if e.evidence:
            facts.append("evidence " + ", ".join(ev.type for ev in e.evidence))
        if e.modality != "asserted":
            facts.append(f"{e.modality} (“{e.modality_text}”)")
        if e.verification:
            facts.append(e.verification.replace("_", " "))
        rows.append(textwrap.fill(head + (" — " + "; ".join(facts) if facts else ""), width=WIDTH,
                                  subsequent_indent="      "))
        rows.append(f"      “{_quote(text, e.span, 90)}”")
    return rows


def _statement_row(st: Statement) -> str:
    """speaker (resolved) · cue · the text, shortened."""
    sp = st.speaker
    who = (sp.name or sp.mention or "?") if sp else "unknown speaker"
    if sp and sp.resolution in ("coref", "default") and sp.mention:
        who += f" (“{' '.join(sp.mention.split())}”)"
    cue = st.cue or ("quote" if st.kind == "direct" else "attributed")
    extra = ", ".join(x for x in (st.channel, st.time.start if st.time else None) if x)
    text = " ".join(st.content.split())
    text = text if len(text) <= 60 else text[:59] + "…"
    return f"  {who[:40]:<40} {cue[:14]:<14} “{text}”" + (f" [{extra}]" if extra else "")


def _check_line(c: Check, t: LossTally | None, match: dict | None) -> str:
    text = c.explanation
    # The bulletin line above already says how the date was found; don't repeat it on every row.
    if match and match.get("date"):
        text = re.sub(r"\s*\((?:no date in the text|the text names)[^()]*" + re.escape(match["date"]) + r"[^()]*\)$",
                      "", text)
    return textwrap.fill(text, width=WIDTH, initial_indent=f"  {MARK.get(c.status, '-')} ",
                         subsequent_indent="    ")
