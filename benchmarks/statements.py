"""What the statements stage adds to extraction time (issue 5: at most 30 %).

The baseline is extract_tallies alone on the same documents in the same run; the measured code is
extract_tallies followed by extract_statements (the pipeline's two extraction stages, without checks; the
statements reuse the segmentation, folded text and one-pass scan the tallies built). Also the full pipeline
(ingest, tallies, checks) with and without statements: what a user of `warclaims extract` waits.
Timed in CPU seconds (run.cpu_interleaved), best of the passes. Two corpora: the generated news and bulletins
(benchmarks/corpus.py), and the real texts of tests/gold and tests/gold-statements, which hold far more
quoted and reported speech.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from warclaims.extract.statements import extract_statements
from warclaims.extract.tallies import TallyExtractor, extract_tallies

TARGET_OVERHEAD = 0.30


def real_texts(root: Path) -> list[tuple[str, str | None, str | None]]:
    """(text, published, language) of the gold texts with statements annotated."""
    out = []
    for corpus in ("gold", "gold-statements"):
        index = root / "tests" / corpus / "events_statements.jsonl"
        for line in index.read_text("utf-8").splitlines():
            row = json.loads(line)
            out.append(((index.parent / row["file"]).read_text("utf-8"), row.get("published"), row.get("language")))
    return out


def overhead(docs: list[tuple[str, str | None, str | None]], repeat: int, interleaved) -> dict[str, Any]:
    def tallies_only() -> None:
        for text, published, lang in docs:
            extract_tallies(text, published, lang)

    def with_statements() -> None:  # as pipeline.run does: the tallies' segmentation is reused
        for text, published, lang in docs:
            ex = TallyExtractor(text, published, lang)
            tallies, _ = ex.run(False)
            built = ex.__dict__
            extract_statements(text, lang, published, tallies, seg=built.get("seg"), hits=built.get("hits"),
                               low=ex.low)

    times = interleaved({"tallies": tallies_only, "tallies+statements": with_statements}, repeat)
    base, both = min(times["tallies"]), min(times["tallies+statements"])
    return {"docs": len(docs), "tallies_s": base, "with_statements_s": both, "overhead": both / base - 1,
            "pass": both / base - 1 <= TARGET_OVERHEAD}


def shared_scan_cost(texts: list[str], repeat: int, interleaved) -> dict[str, Any]:
    """The statements' word lists ride in the tallies' one-pass scan (lexicon.py), so part of their cost is inside
    the extract_tallies baseline above: the scan with and without them, per document."""
    from warclaims.extract import lexicon, speechscan
    from warclaims.extract.lexscan import Scanner
    from warclaims.extract.normalize import fold

    lows = [fold(t) for t in texts]
    n = len(speechscan.families(anchor=False))
    without = Scanner(lexicon.SCANNER.groups[0].families[:-n])  # (the events' lists are scanned apart: lexscan.Grouped)
    times = interleaved({"with": lambda: [lexicon.SCANNER.scan(x) for x in lows],
                         "without": lambda: [without.scan(x) for x in lows]}, repeat)
    w, wo = min(times["with"]), min(times["without"])
    return {"docs": len(lows), "with_ms": w / len(lows) * 1e3, "without_ms": wo / len(lows) * 1e3,
            "extra_ms": (w - wo) / len(lows) * 1e3}


def pipeline_overhead(docs: list[tuple[str, str | None, str | None]], repeat: int, interleaved) -> dict[str, Any]:
    """What a user of `warclaims extract` waits: pipeline.run (ingest, tallies, checks) with and without
    statements (Options.statements)."""
    from warclaims.ingest import load_text
    from warclaims.pipeline import Options, run

    def go(statements: bool):
        opts = Options(check=True, statements=statements)
        return lambda: [run(load_text(text, "<bench>", published=published), opts) for text, published, _l in docs]

    times = interleaved({"without": go(False), "with": go(True)}, repeat)
    base, both = min(times["without"]), min(times["with"])
    return {"docs": len(docs), "without_s": base, "with_s": both, "overhead": both / base - 1,
            "pass": both / base - 1 <= TARGET_OVERHEAD}
