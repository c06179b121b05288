"""`warclaims quotes`: the attributed statements of each input (who said what), optionally of one speaker."""
from __future__ import annotations

import argparse
import json
import sys

from .. import api
from ..errors import WarclaimsError
from ..models import Statement
from ..pipeline import Options

EPILOG = """examples:
  warclaims quotes article.txt                      every statement: speaker, cue, kind, text
  warclaims quotes article.txt --speaker Zelensky   only one speaker (a name, an alias: SBU, Зеленський)
  warclaims quotes --format jsonl a.txt b.html      one JSON object per statement, with its source
  warclaims quotes --published 2023-03-30 article.txt   resolves "last night" against that date"""


def register(subparsers: argparse._SubParsersAction) -> None:
    sp = subparsers.add_parser(
        "quotes", help="List the attributed statements (who said what) of each input.",
        description="Attributed statements of each input: direct and indirect speech, the speaker resolved "
                    "(he/it/the ministry → a name), the cue, channel and time, and the tallies each carries.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sp.add_argument("inputs", nargs="+", metavar="FILE", help="text or HTML files; '-' reads standard input")
    sp.add_argument("--speaker", metavar="NAME", help="only this speaker: a canonical name, an alias or a part")
    sp.add_argument("--format", choices=["text", "jsonl"], default="text",
                    help="text (default, one block per statement) or jsonl (one JSON object per statement)")
    sp.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) if the input lacks one")
    sp.add_argument("--encoding", metavar="NAME", help="force the byte encoding, e.g. cp1251, koi8-r")
    sp.set_defaults(handler=run)


def _line(st: Statement, width: int = 110) -> str:
    sp = st.speaker
    who = (sp.name or sp.mention or "?") if sp else "unknown speaker"
    how = f" ({sp.resolution}: “{' '.join((sp.mention or '').split())}”)" if sp and sp.resolution != "explicit" else ""
    meta = [st.kind, f"cue “{st.cue}”" if st.cue else "no cue"]
    if st.channel:
        meta.append(st.channel)
    if st.time and st.time.start:
        meta.append(st.time.start)
    if st.confidence < 1:
        meta.append(f"confidence {st.confidence:.1f}")
    text = " ".join(st.content.split())
    text = text if len(text) <= width else text[: width - 1] + "…"
    return f"{who}{how} [{', '.join(meta)}]\n    “{text}”"


def run(args: argparse.Namespace) -> int:
    ok = True
    opts = Options(check=False, published=args.published)
    for path in args.inputs:
        try:
            result = api.extract_path(path, encoding=args.encoding, options=opts)
        except WarclaimsError as err:
            ok = False
            err.source = err.source or path
            if args.format == "jsonl":
                print(json.dumps(err.to_dict(), ensure_ascii=False))
            else:
                print(f"{path}: error: {err.message}", file=sys.stderr)
                if err.hint:
                    print(f"{path}: hint: {err.hint}", file=sys.stderr)
            continue
        found = api.filter_speaker(result.statements, args.speaker) if args.speaker else result.statements
        if args.format == "jsonl":
            for st in found:
                print(json.dumps({"source": path, **st.to_dict()}, ensure_ascii=False))
            continue
        print(f"{path}: {len(found)} statement{'s' if len(found) != 1 else ''}"
              + (f" by {args.speaker}" if args.speaker else ""))
        for st in found:
            print("  " + _line(st).replace("\n", "\n  "))
        print()
    return 0 if ok else 1
