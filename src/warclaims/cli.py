"""Command line: a thin adapter over the Python API (warclaims.api). Every command has an example."""
from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Iterator

from . import __version__, api
from .errors import UsageError, WarclaimsError
from .models import Result
from .pipeline import Options
from .report import render

EXAMPLES = {
    "extract": """examples:
  warclaims extract article.txt                  readable report: tallies and checks
  warclaims extract --format jsonl a.txt b.html  one JSON object per input (the DESIGN.md contract)
  cat bulletin.txt | warclaims extract -         read standard input
  warclaims extract --published 2023-03-30 --explain article.txt""",
    "check": """examples:
  warclaims check article.txt                    claims vs the official series, one sentence each
  warclaims check --format jsonl article.txt""",
    "series": """examples:
  warclaims series tanks --from 2023-03-01 --to 2023-04-01
  warclaims series artillery --from 2023-03-29 --to 2023-03-31 --format csv
  warclaims series --list                        the category ids""",
}


def _inputs(paths: list[str], args: argparse.Namespace) -> Iterator[tuple[str, Result | WarclaimsError]]:
    opts = Options(check=not getattr(args, "no_check", False), explain=getattr(args, "explain", False),
                   published=args.published)
    for path in paths:
        try:
            yield path, api.extract_path(path, encoding=args.encoding, options=opts)
        except WarclaimsError as err:
            err.source = err.source or path
            yield path, err
        except KeyboardInterrupt:
            raise
        except Exception as exc:  # a bug must not sink the batch nor show a traceback
            if args.debug:
                traceback.print_exc()
            err = WarclaimsError(f"internal error while processing {path}: {type(exc).__name__}: {exc}",
                                 hint="run again with --debug and report the traceback", source=path)
            err.code = "internal"
            yield path, err


def _emit(path: str, outcome: Result | WarclaimsError, fmt: str, checks_only: bool) -> bool:
    if isinstance(outcome, WarclaimsError):
        if fmt in ("jsonl", "json"):
            print(json.dumps(outcome.to_dict(), ensure_ascii=False))
        else:
            print(f"{path}: error: {outcome.message}", file=sys.stderr)
            if outcome.hint:
                print(f"{path}: hint: {outcome.hint}", file=sys.stderr)
        return False
    if fmt in ("jsonl", "json"):
        print(json.dumps(outcome.to_dict(), ensure_ascii=False, indent=2 if fmt == "json" else None))
    else:
        print(render(outcome, checks_only=checks_only))
        print()
    return True


def cmd_extract(args: argparse.Namespace, checks_only: bool = False) -> int:
    ok = True
    for path, outcome in _inputs(args.inputs, args):
        ok &= _emit(path, outcome, args.format, checks_only)
    return 0 if ok else 1


def cmd_series(args: argparse.Namespace) -> int:
    if args.list:
        for cid, lab in api.categories().items():
            print(f"{cid:<24} {lab}")
        return 0
    if not args.category:
        raise UsageError("which category?", hint="e.g. warclaims series tanks; see warclaims series --list")
    rows = api.series(args.category, args.start, args.end)
    if args.format == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    sources = sorted({name for row in rows for name in row.get("sources", {})})
    if args.format == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(["date", "war_day", "consensus", "delta", "disputed", "basis", *sources, "revisions", "url"])
        for r in rows:
            w.writerow([r["date"], r.get("war_day"), r.get("consensus"), r.get("delta"), r.get("disputed"),
                        r.get("basis"), *[r["sources"].get(s) for s in sources], _revisions(r), r.get("url")])
        return 0
    print(f"{'date':<11} {'day':>4} {'consensus':>10} {'delta':>7}  " + " ".join(f"{s:>13}" for s in sources))
    for r in rows:
        vals = " ".join(f"{_fmt(r['sources'].get(s)):>13}" for s in sources)
        flag = f"  disputed ({r.get('basis')})" if r.get("disputed") else ""
        notes = f"  [{_revisions(r)}]" if r.get("revisions") else ""
        print(f"{r['date']:<11} {r.get('war_day') or '':>4} {_fmt(r.get('consensus')):>10} "
              f"{_fmt(r.get('delta'), sign=True):>7}  {vals}{flag}{notes}")
    return 0


def _revisions(row: dict) -> str:
    parts = []
    for ev in row.get("revisions") or []:
        if ev.get("kind") == "correction":
            parts.append(f"official revision {ev.get('change'):+}")
        elif ev.get("kind") == "decrease":
            what = "anomaly" if ev.get("anomaly") else f"revision of {ev.get('correction')}"
            parts.append(f"{ev.get('source')} decreased {ev.get('before')}→{ev.get('after')} ({what})")
        else:
            parts.append(str(ev))
    return "; ".join(parts)


def _fmt(v: object, sign: bool = False) -> str:
    if v is None:
        return "—"
    if isinstance(v, int):
        return f"{v:+,}" if sign else f"{v:,}"
    return str(v)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="warclaims",
        description="Extract war-loss claims from texts (en/uk/ru) and check them against the official series.",
        epilog="Run 'warclaims COMMAND --help' for the options and examples of each command.",
    )
    p.add_argument("--version", action="version", version=f"warclaims {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def doc_command(name: str, help_text: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_text, description=help_text, epilog=EXAMPLES[name],
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        sp.add_argument("inputs", nargs="+", metavar="FILE", help="text or HTML files; '-' reads standard input")
        sp.add_argument("--format", choices=["text", "jsonl", "json"], default="text",
                        help="text (default, a readable report), jsonl (one JSON object per input), json")
        sp.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) if the input lacks one")
        sp.add_argument("--encoding", metavar="NAME", help="force the byte encoding, e.g. cp1251, koi8-r")
        sp.add_argument("--explain", action="store_true", help="also list the figures left out, and why")
        sp.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
        return sp

    ex = doc_command("extract", "Extract loss tallies from each input and check them (report or JSONL).")
    ex.add_argument("--no-check", action="store_true", help="skip the comparison with the official series")
    doc_command("check", "Check the claims of each input against the official series, one sentence each.")

    se = sub.add_parser("series", help="Print the official daily series of one category, all sources.",
                        description="The General Staff's daily series for one category: consensus value, each "
                                    "source's value, daily change, disputes and official revisions.",
                        epilog=EXAMPLES["series"], formatter_class=argparse.RawDescriptionHelpFormatter)
    se.add_argument("category", nargs="?", help="a category id, e.g. tanks, artillery, personnel")
    se.add_argument("--from", dest="start", metavar="DATE", help="first date (YYYY-MM-DD)")
    se.add_argument("--to", dest="end", metavar="DATE", help="last date (YYYY-MM-DD)")
    se.add_argument("--format", choices=["table", "csv", "jsonl"], default="table")
    se.add_argument("--list", action="store_true", help="list the category ids")
    for module in _command_modules():
        module.register(sub)
    return p


def _command_modules() -> list:
    """Further commands live in warclaims/commands/<name>.py, each with register(subparsers) that sets
    `handler` (a function of the parsed args returning the exit code). Listed here, imported lazily."""
    import importlib

    return [importlib.import_module(f".commands.{name}", __package__) for name in COMMANDS]


COMMANDS: list[str] = ["ledger", "quotes", "serve", "equipment", "places"]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        if args.command == "extract":
            return cmd_extract(args)
        if args.command == "check":
            return cmd_extract(argparse.Namespace(**{**vars(args), "no_check": False}), checks_only=True)
        if args.command == "series":
            return cmd_series(args)
        return args.handler(args)
    except WarclaimsError as err:
        print(f"error: {err.message}", file=sys.stderr)
        if err.hint:
            print(f"hint: {err.hint}", file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:  # `warclaims … | head` is fine
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
