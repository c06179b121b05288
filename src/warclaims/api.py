"""The Python API. The CLI and (later) the REST API are adapters over these functions.

    >>> import warclaims
    >>> r = warclaims.extract("Since February 24, Ukraine claims to have destroyed 3610 tanks ...",
    ...                       published="2023-03-31")
    >>> [(t.category, t.value) for t in r.loss_tallies]
"""
from __future__ import annotations

from .errors import UnknownCategory, UnknownEquipment
from .export import export_claims as export_claims  # the ledger (issue 6): export, ingest, query
from .ingest import load_path, load_stdin, load_text
from .ingestion import ingest_sources as ingest_sources
from .models import Check, Document, LossTally, Result, Statement
from .pipeline import Options, run
from .store import Ledger as Ledger
from .vocab import CATEGORIES


def extract(text: str | Document, *, published: str | None = None, source: str = "<text>",
            url: str | None = None, title: str | None = None, check: bool = True,
            explain: bool = False) -> Result:
    """Extract (and by default check) the claims of one text or Document."""
    doc = text if isinstance(text, Document) else load_text(text, source, published=published, url=url,
                                                             title=title)
    return run(doc, Options(check=check, explain=explain, published=published))


def extract_path(path: str, *, encoding: str | None = None, published: str | None = None,
                 options: Options | None = None) -> Result:
    """Read a file (text or HTML, any encoding) or '-' for standard input, then extract."""
    opts = options or Options(published=published)
    if path == "-":
        doc = load_stdin(encoding=encoding, published=opts.published)
    else:
        doc = load_path(path, encoding=encoding, published=opts.published)
    return run(doc, opts)


def check(claims: Result | list[LossTally] | str, *, published: str | None = None) -> list[Check]:
    """The checks of a Result, of a list of tallies, or of a text (extracted first)."""
    if isinstance(claims, str):
        return extract(claims, published=published).checks
    if isinstance(claims, Result):
        return claims.checks or check(claims.loss_tallies, published=claims.document.published)
    from .checks import check_tallies

    return check_tallies(claims, published=published)[0]


def series(category: str, start: str | None = None, end: str | None = None) -> list[dict]:
    """The official daily series of one category: consensus, each source's value, deltas, revisions."""
    from .reference.table import series_table

    return series_table(category, start, end)


def categories() -> dict[str, str]:
    """Category ids (a contract) and their English labels."""
    return {cid: c.label for cid, c in CATEGORIES.items()}


def equipment(name: str) -> list[dict]:
    """What the equipment gazetteer knows about a name (any language and inflection): model, class,
    NATO name, categories, Oryx counts by side. Raises UnknownEquipment (with suggestions) if nothing."""
    from .extract.equipment import lookup, suggest

    found = lookup(name)
    if not found:
        close = suggest(name)
        hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else \
            "try the Latin or Cyrillic name, e.g. 'Tor-M2' or 'Тор-М2'"
        raise UnknownEquipment(f"{name!r} is not in the equipment gazetteer", hint=hint)
    return found


def validate_category(category: str) -> str:
    if category not in CATEGORIES:
        raise UnknownCategory(f"unknown category {category!r}", hint="see warclaims series --list")
    return category


def statements(text: str | Document, *, published: str | None = None, speaker: str | None = None,
               source: str = "<text>") -> list[Statement]:
    """The attributed statements of a text (no checks run), optionally only those of one speaker."""
    doc = text if isinstance(text, Document) else load_text(text, source, published=published)
    found = run(doc, Options(check=False, published=published)).statements
    return filter_speaker(found, speaker) if speaker else found


def filter_speaker(found: list[Statement], speaker: str) -> list[Statement]:
    """Statements whose speaker is `speaker`: its canonical name, an alias ("SBU", "Зеленський") or the words
    of the text ("the ministry"), case-insensitive; a part of a name matches ("Zelensky")."""
    from .extract.speakers import table

    want = " ".join(speaker.lower().split())
    ent = table().lookup(want)
    names = {ent.name.lower()} if ent else set()

    def hit(st: Statement) -> bool:
        sp = st.speaker
        if sp is None:
            return False
        name, mention = (sp.name or "").lower(), " ".join((sp.mention or "").lower().split())
        return name in names or want in name or (bool(mention) and want in mention)

    return [st for st in found if hit(st)]
