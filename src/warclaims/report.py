"""The readable report: what a fact-checker reads in a terminal."""
from __future__ import annotations

import textwrap
from collections import Counter

from .models import Check, LossTally, Result
from .vocab import label

MARK = {"consistent": "OK ", "inconsistent": "XX ", "unverifiable": "?? "}


def _n(v: int | None) -> str:
    return "—" if v is None else f"{v:,}"


def _quote(text: str, span: tuple[int, int], width: int = 60) -> str:
    s = " ".join(text[span[0]:span[1]].split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _claimants(tallies: list[LossTally]) -> str:
    names = Counter((t.claimant.name, t.claimant.side) if t.claimant else ("unknown", None) for t in tallies)
    return "; ".join(f"{n}{f' ({s})' if s else ''} ×{k}" for (n, s), k in names.most_common())


def tally_line(t: LossTally, text: str) -> str:
    qual = f"{t.qualifier} " if t.qualifier else ""
    delta = f" (+{t.delta:,})" if t.delta is not None else ""
    scope = t.scope if t.scope == "cumulative" else f"period: {t.period_text or '?'}"
    as_of = f" as of {t.as_of}" if t.as_of else ""
    side = t.losing_side or "?"
    return (f"  {label(t.category)[:26]:<26} {qual + _n(t.value) + delta:>22}  {side}  {scope}{as_of}\n"
            f"  {'':<26} “{_quote(text, t.span)}” [{t.span[0]}:{t.span[1]}]")


def render(result: Result, checks_only: bool = False) -> str:
    doc = result.document
    out: list[str] = []
    head = f"{doc.source}"
    meta = [doc.language or "?", f"published {doc.published}" if doc.published else "publication date unknown"]
    if doc.publisher:
        meta.append(doc.publisher)
    out.append(f"{head}  ({', '.join(meta)})")
    if doc.title:
        out.append(f"  {doc.title}")
    tallies = result.loss_tallies
    if not checks_only:
        out.append("")
        if tallies:
            out.append(f"Loss tallies: {len(tallies)}  — claimed by {_claimants(tallies)}")
            out.extend(tally_line(t, doc.text) for t in tallies)
        else:
            out.append("Loss tallies: none found.")
        for r in result.rejected:
            out.append(f"  left out: “{r['text']}” — {r['reason']}")
    if result.match:
        out.append("")
        out.append("Match: " + result.match.get("explanation", str(result.match)))
    if result.checks:
        out.append("")
        counts = Counter(c.status for c in result.checks)
        out.append("Checks: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        by_id = {t.id: t for t in tallies}
        for c in result.checks:
            out.append(_check_line(c, by_id.get(c.claim_id)))
    elif tallies and not checks_only:
        out.append("")
        out.append("Checks: not run (--no-check).")
    return "\n".join(out)


def _check_line(c: Check, t: LossTally | None) -> str:
    mark = MARK.get(c.status, "-- ")
    body = textwrap.fill(c.explanation, width=96, initial_indent="  " + mark, subsequent_indent="      ")
    return body
