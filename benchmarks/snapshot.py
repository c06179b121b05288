"""Equivalence snapshot for speed work: every record the pipeline writes, as one JSON line per document.

    python benchmarks/snapshot.py OUT.jsonl [N]    # the gold texts + N generated documents (default 3000)
    cmp before.jsonl after.jsonl                   # a speed change must leave the file byte-identical

Gold texts (tests/gold*/, .txt and .html) go through load_path → pipeline.run(check=False, explain=True):
tallies, rejections, events, statements and the Document's fields (its text as a sha1). The generated
corpus (benchmarks/corpus.py) goes through load_text the same way, and through TallyExtractor with the
generator's language. Takes ~25 s of CPU.
"""
from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate  # noqa: E402

from warclaims.extract.tallies import TallyExtractor  # noqa: E402
from warclaims.ingest import load_path, load_text  # noqa: E402
from warclaims.models import Document  # noqa: E402
from warclaims.pipeline import Options, run  # noqa: E402


def _record(doc: Document) -> dict:
    data = run(doc, Options(check=False, explain=True)).to_dict()
    meta = data.pop("document")
    meta.pop("retrieved_at", None)
    meta["text"] = hashlib.sha1(doc.text.encode()).hexdigest()
    data["document"] = meta
    return data


def main(argv: list[str]) -> None:
    out_path, n = Path(argv[0]), int(argv[1]) if len(argv) > 1 else 3000
    t0 = time.process_time()
    with out_path.open("w", encoding="utf-8") as out:
        files = sorted(p for g in sorted(ROOT.glob("tests/gold*")) for p in g.rglob("*")
                       if p.suffix in (".txt", ".html"))
        for p in files:
            line = {"f": str(p.relative_to(ROOT)), **_record(load_path(p))}
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
        for i, d in enumerate(generate(n, 1)):
            line = {"g": i, **_record(load_text(d.text, published=d.published))}
            tallies, rejected = TallyExtractor(d.text, d.published, d.language).run(explain=True)
            line["bare"] = {"t": [t.to_dict() for t in tallies], "r": rejected}
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(files)} gold files + {n} generated documents in {time.process_time() - t0:.1f} s CPU -> {out_path}")


if __name__ == "__main__":
    if not sys.argv[1:]:
        sys.exit(__doc__)
    main(sys.argv[1:])
