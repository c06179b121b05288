"""Ledger commands: ingest, search, claims, show, export, stats — thin adapters over warclaims.store,
warclaims.ingestion and warclaims.export."""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from typing import Any

from warclaims.run import EXECUTORS

DB_HELP = "the ledger file (default: $WARCLAIMS_DB or warclaims.db)"

EXAMPLES = {
    "ingest": """examples:
  warclaims ingest articles/ saved.html https://example.org/news/1 --db claims.db
  warclaims ingest --feed https://example.org/rss.xml           RSS/Atom: every entry's page
  warclaims ingest crawl/*.warc.gz --executor dask --workers 2   or --scheduler tcp://host:8786
  warclaims ingest https://example.org/news/1 --offline         only what the cache holds
  warclaims ingest articles/ --json > run.json                  the run report as JSON
  warclaims ingest articles/ --extractor-version 0.2.0-rc1       re-extract, keep the old claims as history

Ingesting the same thing twice changes nothing; a changed page becomes a new revision.
exit codes: 0 all done, 1 some inputs failed, 3 (nearly) all failed, 4 the ledger is locked""",
    "search": """examples:
  warclaims search "Бахмут*"                prefix search (any inflection), Cyrillic or Latin
  warclaims search '"General Staff" tanks'  a phrase and a word
  warclaims search танків --format jsonl""",
    "claims": """examples:
  warclaims claims --category tanks --since 2023-03-01
  warclaims claims --status inconsistent --format jsonl
  warclaims claims --claimant "General Staff of the Armed Forces of Ukraine" --side RUS --limit 20
  warclaims claims --q "Бахмут*" --format csv > bakhmut.csv""",
    "show": """examples:
  warclaims show 6b061c93                   a document (id or its first characters) with its claims
  warclaims show 6b061c93 --format json""",
    "export": """examples:
  warclaims export claims.csv               UTF-8 CSV (+ claims.csv.manifest.json)
  warclaims export claims.csv --excel       with a BOM and CRLF line ends, for Excel
  warclaims export claims.jsonl --kind tally
  warclaims export claims.parquet           needs pyarrow (pip install 'warclaims[parquet]')""",
    "stats": """examples:
  warclaims stats
  warclaims stats --json --db claims.db""",
}


def _parser(sub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help_text, description=help_text, epilog=EXAMPLES[name],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", default=os.environ.get("WARCLAIMS_DB", "warclaims.db"), metavar="FILE", help=DB_HELP)
    return p


def register(sub: Any) -> None:
    p = _parser(sub, "ingest", "Ingest files, folders, URLs, feeds and WARC files into the ledger.")
    p.add_argument("inputs", nargs="*", metavar="PATH_OR_URL", help="files, folders, http(s) URLs, .warc(.gz) files")
    p.add_argument("--feed", action="append", default=[], metavar="URL", help="an RSS/Atom feed (URL or file); repeat")
    p.add_argument("--executor", choices=EXECUTORS, default="serial",
                   help="where extraction runs (default serial)")
    p.add_argument("--workers", type=int, metavar="N", help="processes or Dask workers (default: the CPU count)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask scheduler, e.g. tcp://host:8786")
    p.add_argument("--offline", action="store_true", help="never fetch: URLs come from the ledger's cache only")
    p.add_argument("--refresh", action="store_true", help="fetch URLs again even when cached")
    p.add_argument("--no-check", action="store_true", help="skip the comparison with the official series")
    p.add_argument("--shard-size", type=int, default=32, metavar="N", help="documents per unit of work (default 32)")
    p.add_argument("--extractor-version", metavar="NAME",
                   help="label of this extraction (default: the warclaims version); a new label re-extracts "
                        "every document and keeps the earlier claims as history")
    p.add_argument("--silent", action="store_true", help="no progress bar and no summary")
    p.add_argument("--json", action="store_true", help="print the run report as JSON on standard output")
    p.set_defaults(handler=cmd_ingest)

    p = _parser(sub, "search", "Full-text search of the ledger's documents (FTS5: prefix*, \"phrases\", OR).")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--format", choices=["text", "jsonl"], default="text")
    p.set_defaults(handler=cmd_search)

    p = _parser(sub, "claims", "List the ledger's current claims, filtered.")
    p.add_argument("--kind", choices=["tally", "event", "statement"])
    p.add_argument("--category", help="a category id, e.g. tanks")
    p.add_argument("--claimant", help="the claimant's name (case-insensitive, exact)")
    p.add_argument("--side", help="losing side of a tally (RUS/UKR), owner of an event's target")
    p.add_argument("--status", help="the check's verdict: consistent / inconsistent / unverifiable")
    p.add_argument("--since", metavar="DATE", help="claims dated on or after (as_of, else publication)")
    p.add_argument("--until", metavar="DATE", help="claims dated on or before")
    p.add_argument("--q", metavar="QUERY", help="only claims of documents matching this search")
    p.add_argument("--limit", type=int, default=100, help="at most this many (default 100; 0 = all)")
    p.add_argument("--format", choices=["table", "jsonl", "csv"], default="table")
    p.set_defaults(handler=cmd_claims)

    p = _parser(sub, "show", "Show one document of the ledger with its claims and checks.")
    p.add_argument("id", help="the document id, or its first characters (6 or more)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=cmd_show)

    p = _parser(sub, "export", "Export the current claims to CSV, JSONL or Parquet, with a manifest.")
    p.add_argument("file", help="the output: .csv, .jsonl or .parquet")
    p.add_argument("--excel", action="store_true", help="CSV for Excel: a byte-order mark and CRLF line ends")
    p.add_argument("--format", choices=["csv", "jsonl", "parquet"], help="override the format the suffix implies")
    p.add_argument("--kind", choices=["tally", "event", "statement"])
    p.add_argument("--category")
    p.set_defaults(handler=cmd_export)

    p = _parser(sub, "stats", "What the ledger holds: documents, sources, revisions, duplicates, claims, runs.")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)


def cmd_ingest(args: argparse.Namespace) -> int:
    from warclaims.errors import UsageError
    from warclaims.ingestion import ingest_sources, render_summary

    if not args.inputs and not args.feed:
        raise UsageError("nothing to ingest", hint="pass files, folders, URLs or WARC files, or --feed URL")
    report = ingest_sources(args.inputs, db=args.db, feeds=args.feed, executor=args.executor, workers=args.workers,
                            scheduler=args.scheduler, offline=args.offline, refresh=args.refresh,
                            check=not args.no_check, shard_size=args.shard_size,
                            extractor_version=args.extractor_version,
                            progress=None if args.silent else sys.stderr)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    if not args.silent:
        print(render_summary(report), file=sys.stderr)
    return report["exit_code"]


def _ledger(args: argparse.Namespace):
    from warclaims.store import Ledger

    return Ledger(args.db, readonly=True)


def cmd_search(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        rows, _ = ledger.search(args.query, limit=args.limit)
    for r in rows:
        if args.format == "jsonl":
            print(json.dumps(r, ensure_ascii=False))
        else:
            title = r["title"] or r["source"]
            print(f"{r['id'][:12]}  {r['published'] or '—':<10}  {r['language'] or '?'}  {r['claims']:>3} claims  "
                  f"{title}")
            print(f"    {(r.get('snippet') or '').replace(chr(10), ' ')}")
    if not rows and args.format == "text":
        print(f"no document matches {args.query!r}", file=sys.stderr)
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        rows: list[dict[str, Any]] = []
        cursor = None
        want = args.limit if args.limit > 0 else None
        while True:
            page, cursor = ledger.claims(kind=args.kind, category=args.category, claimant=args.claimant,
                                         side=args.side, status=args.status, since=args.since, until=args.until,
                                         q=args.q, cursor=cursor, limit=min(want or 1000, 1000))
            rows += page
            if cursor is None or (want and len(rows) >= want):
                break
    rows = rows[:want] if want else rows
    if args.format == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    elif args.format == "csv":
        from warclaims.export import COLUMNS

        w = csv.writer(sys.stdout)
        cols = [c for c in COLUMNS if c not in ("record",)]
        w.writerow(cols)
        for r in rows:
            flat = {**r, **{k: r["record"].get(k) for k in ("value_text", "qualifier", "delta", "period_start",
                                                             "period_end")},
                    "ledger_id": r["ledger_id"], "span_start": (r["record"].get("span") or [None])[0],
                    "span_end": (r["record"].get("span") or [None, None])[1], **{k: r["document"].get(k) for k in
                                                                                  ("source", "url", "title",
                                                                                   "published")}}
            w.writerow([flat.get(c) for c in cols])
    else:
        for r in rows:
            value = f"{r['value']:,}" if isinstance(r["value"], int) else "—"
            print(f"{r['date'] or '—':<10}  {r['kind']:<9} {r['category'] or '—':<20} {value:>10}  "
                  f"{r['side'] or '—':<4} {r['status'] or '—':<13} {(r['claimant'] or '—')[:40]:<40}  "
                  f"{r['document_id'][:10]}{'  (copy)' if r['duplicate_of'] else ''}")
        print(f"{len(rows)} claims", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        doc = ledger.document(args.id)
    if args.format == "json":
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0
    print(f"{doc['id']}\n{doc['title'] or '(no title)'} — {doc['publisher'] or ''} {doc['published'] or ''}")
    for s in doc["sources"]:
        print(f"  seen as {s['source']} (revision {s['revision']} of {s['revisions']}, {s['kind']})")
    if doc["duplicate_of"]:
        print(f"  near duplicate of {doc['duplicate_of']} (similarity {doc['similarity']})")
    for t in doc["tallies"]:
        print(f"  tally  {t['category']:<20} {t['value']:>10,}  {t.get('losing_side') or '—'}  "
              f"{(t.get('claimant') or {}).get('name') or '—'}")
    for c in doc["checks"]:
        print(f"  check  {c['status']:<13} {c['explanation']}")
    for key in ("events", "statements"):
        if doc[key]:
            print(f"  {len(doc[key])} {key}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from warclaims.export import export_claims

    m = export_claims(args.file, db=args.db, fmt=args.format, excel=args.excel, kind=args.kind,
                      category=args.category)
    print(f"wrote {m['counts']['rows']} claims to {args.file} (sha256 {m['sha256'][:16]}…; "
          f"manifest {args.file}.manifest.json)", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        s = ledger.stats()
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=2))
        return 0
    claims = ", ".join(f"{k} {v:,}" for k, v in s["claims"].items()) or "none"
    print(f"{s['path']} ({s['bytes'] / 1e6:.1f} MB, schema {s['schema_version']})")
    print(f"documents {s['documents']:,} from {s['sources']:,} sources; revisions {s['revisions']:,}; "
          f"exact duplicates merged {s['exact_duplicates']:,}; near duplicates {s['near_duplicates']:,}")
    print(f"claims: {claims} (independent {s['independent_claims']:,}; history {s['claims_in_history']:,})")
    if s["tallies_by_category"]:
        print("tallies: " + ", ".join(f"{k} {v}" for k, v in list(s["tallies_by_category"].items())[:12]))
    if s["checks_by_status"]:
        print("checks: " + ", ".join(f"{k} {v}" for k, v in s["checks_by_status"].items()))
    print("languages: " + ", ".join(f"{k} {v}" for k, v in s["languages"].items()))
    print(f"published {s['published']['first'] or '—'} … {s['published']['last'] or '—'}; "
          f"runs {s['runs']}; cached responses {s['cached_responses']}")
    if s["last_run"]:
        lr = s["last_run"]
        print(f"last run #{lr['id']} {lr['status']} at {lr['started_at']}: " +
              ", ".join(f"{k} {v}" for k, v in (lr["counts"] or {}).items() if v))
    return 0
