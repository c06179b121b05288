"""The pipeline: Document → tallies → checks → Result. The CLI and the Python API both call this."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .errors import BadDate
from .extract.tallies import TallyExtractor
from .models import Document, Result


@dataclass(frozen=True)
class Options:
    """What a run may change. Defaults are what `warclaims extract FILE` does."""

    check: bool = True  # compare tallies with the official series
    explain: bool = False  # also list the candidate figures left out, with the reason
    published: str | None = None  # overrides the publication date found in the input
    events: bool = True  # incident claims (and the period tallies they carry: "the fourth TOR in March")
    statements: bool = True  # attributed statements (who said what), linked to the tallies they carry


def validate_date(value: str, what: str = "date") -> str:
    """An ISO date (or datetime) that is not in the future; returns the ISO date part."""
    try:
        d = date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        raise BadDate(f"{what} {value!r} is not a date", hint="use YYYY-MM-DD, e.g. 2023-03-30") from None
    if d > date.today():
        raise BadDate(f"{what} {value} is in the future", hint=f"use a date up to {date.today().isoformat()}")
    return value


def run(doc: Document, options: Options = Options()) -> Result:
    if options.published:
        doc.published = validate_date(options.published, "--published")
        doc.published_basis = "option"
    tx = TallyExtractor(doc.text, doc.published, doc.language)
    tallies, rejected = tx.run(options.explain)
    events: list = []
    if options.events:
        from .extract.events import extract_events

        events, period = extract_events(tx, tallies)
        tallies = tallies + period
    result = Result(source=doc.source, document=doc, loss_tallies=tallies, events=events, rejected=rejected)
    if options.statements:
        from .extract.statements import extract_statements

        # the tallies' sentence split and word-list scan are reused when they built them (a text with figures)
        built = tx.__dict__
        result.statements = extract_statements(doc.text, doc.language, doc.published, tallies, seg=built.get("seg"),
                                               hits=built.get("hits"), low=tx.low, events=events)
    if options.check and tallies:
        from .checks import check_tallies  # the series loads only when a check needs it

        result.checks, result.match = check_tallies(tallies, published=doc.published)
        from .checks_oryx import check_tallies_oryx  # after the official checks: they stay first

        result.checks += check_tallies_oryx(tallies, doc.published, (result.match or {}).get("date"))
    if options.check and events:
        from .checks_oryx import check_events

        result.checks += check_events(events, doc.published)
    return result
