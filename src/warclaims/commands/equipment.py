"""`warclaims equipment NAME`: what the gazetteer knows about a model, class word or means — canonical
model, class as the press says it and as Oryx files it, NATO name, official category, Oryx counts."""
from __future__ import annotations

import argparse
import json
import textwrap

from ..vocab import label

EPILOG = """examples:
  warclaims equipment "Тор-М2"            model, class, NATO name, Oryx category and counts, official category
  warclaims equipment BTR-82A             Oryx files it under IFVs; the press calls it an APC
  warclaims equipment Градов              inflected forms work too
  warclaims equipment Lancet              a means only (loitering munition), never a loss
  warclaims equipment ЗРК --format json   a class word"""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("equipment", help="What the equipment gazetteer knows about a name (and Oryx).",
                              description="Look a model, class word or means up in the equipment gazetteer "
                                          "(en/uk/ru, any inflection): canonical model, class, NATO name, "
                                          "official category, Oryx category and photo-evidence counts by side.",
                              epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("name", help="a model, class word or means, e.g. 'Тор-М2', 'BTR-82A', 'Lancet', 'ЗРК'")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from .. import api

    found = api.equipment(args.name)
    if args.format == "json":
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return 0
    print("\n\n".join(render(d) for d in found))
    return 0


def render(d: dict) -> str:
    if d["kind"] == "class":
        return "\n".join([
            f"{d['matched']} → class word '{d['name']}'",
            f"  class (normalised): {d['class_normalised']}",
            f"  official category:  {_cat(d['category'])}",
            f"  as a means:         {d['means_class'] or '—'}"])
    kind = "model" if d["kind"] == "model" else (f"a means; a loss ({d['category']}) when shot down"
                                                  if d.get("category") else "a means only")
    lines = [f"{d['matched']} → {d['name']} ({kind}"
             + (f", a variant of {d['parent']}" if d.get("parent") else "") + ")"]
    if d["kind"] == "model":
        pc = d.get("press_class") or {}
        press = f"{pc.get('en')} (uk {pc.get('uk')}, ru {pc.get('ru')})" if pc else "—"
        lines += [f"  class, as reported: {press}",
                  f"  class, Oryx:        {d['oryx_category'] or '—'}",
                  f"  NATO name:          {d['nato_name'] or '—'}",
                  f"  official category:  {_cat(d['category'])}"]
    lines.append(f"  as a means:         {d['means_class'] or '—'}")
    if d.get("aliases"):
        lines.append(textwrap.fill(", ".join(d["aliases"]), width=100, initial_indent="  aliases:            ",
                                   subsequent_indent=" " * 22, break_on_hyphens=False, break_long_words=False))
    if d["kind"] == "model":
        oryx = d.get("oryx") or {}
        lines.append(f"  Oryx (photo-evidence records, variants included; data to {d.get('oryx_snapshot')}):")
        if not oryx:
            lines.append("    no record")
        for side, c in sorted(oryx.items()):
            who = {"RUS": "Russia", "UKR": "Ukraine"}.get(side, side)
            lines.append(f"    {who:<8} {c['total']} records: {c['destroyed']} destroyed, {c['damaged']} damaged, "
                         f"{c['abandoned']} abandoned, {c['captured']} captured; Oryx's own count {c['listed']}; "
                         f"first {c['first_recorded']}, last {c['last_recorded']}")
    return "\n".join(lines)


def _cat(category: str | None) -> str:
    return f"{category} ({label(category)})" if category else "—"
