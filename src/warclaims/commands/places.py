"""`warclaims places`: the places a text names, from the offline gazetteer. A thin adapter over
`warclaims.extract.places.find_places` (files go through the same ingest as `extract`, so spans index the
document text that `extract` reports)."""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict

EPILOG = """examples:
  warclaims places "Бої під Бахмутом і на Покровському напрямку"
  warclaims places article.txt --format jsonl
  cat article.html | warclaims places - --language ru

Each place: the span and text of the mention, the canonical English name, the oblast, the country,
coordinates and precision (settlement / region / country / direction). "candidates" counts the places
that share the name; "basis" says how one was chosen (unique / rank / context)."""


FILE_SUFFIXES = {".txt", ".html", ".htm", ".md", ".text", ".xml", ".json", ".jsonl"}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("places", help="List the places a text or file names (offline gazetteer).",
                              description="Find the Ukrainian and Russian places, oblasts, countries and front "
                                          "directions a text names, in English, Ukrainian or Russian.",
                              epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", help='a file, "-" for standard input, or the text itself in quotes')
    p.add_argument("--language", choices=["en", "uk", "ru"],
                   help="the text's language (picks name_local; detected for files when omitted)")
    p.add_argument("--format", choices=["table", "jsonl"], default="table")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..extract.places import find_places
    from ..ingest import load_path

    path = Path(args.input)
    looks_like_a_file = not any(c.isspace() for c in args.input) and path.suffix.lower() in FILE_SUFFIXES
    if args.input == "-" or path.is_file() or looks_like_a_file:  # a missing article.txt is an error, not text
        doc = load_path(args.input)
        text, language = doc.text, args.language or doc.language
    else:
        text, language = args.input, args.language
    for m in find_places(text, language):
        if args.format == "jsonl":
            print(json.dumps(asdict(m), ensure_ascii=False))
        else:
            where = ", ".join(x for x in (m.admin1, m.country) if x)
            coords = f"{m.lat:.4f},{m.lon:.4f}" if m.lat is not None and m.lon is not None else "-"
            shared = f" [{m.candidates} candidates, {m.basis}]" if m.candidates > 1 else ""
            print(f"{m.span[0]:>6}-{m.span[1]:<6} {m.mention} → {m.name} ({m.precision}; {where}) {coords}{shared}")
    return 0
