"""Scoring of loss tallies against a gold corpus, with the semantics of shared/tools/score.py.

Kept beside the gate so that the floors are measured exactly as the project's acceptance
script measures them (pairs of (category, value) of cumulative Russian losses; a text whose gold
is {} counts as a false-positive text when anything is found there).
"""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    delta_ok: int = 0
    delta_n: int = 0
    delta_reachable: int = 0  # deltas of categories the text gives a cumulative value for
    delta_reachable_ok: int = 0
    asof_ok: int = 0
    asof_n: int = 0
    fp_texts: int = 0
    texts: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def deltas(self) -> float:
        return self.delta_ok / self.delta_n if self.delta_n else 1.0

    @property
    def deltas_reachable(self) -> float:
        return self.delta_reachable_ok / self.delta_reachable if self.delta_reachable else 1.0

    @property
    def as_of(self) -> float:
        return self.asof_ok / self.asof_n if self.asof_n else 1.0

    def summary(self) -> str:
        return (f"losses P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} deltas={self.deltas:.3f} "
                f"(reachable {self.deltas_reachable:.3f}) as_of={self.as_of:.3f} texts={self.texts} "
                f"fp_texts={self.fp_texts}")


def load_index(corpus: Path) -> list[dict]:
    with open(corpus / "index.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_cli(paths: list[Path]) -> list[dict]:
    """The CLI as a user runs it: one process, every path, JSONL out."""
    argv = [sys.executable, "-m", "warclaims", "extract", "--format", "jsonl", *map(str, paths)]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    docs = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert len(docs) == len(paths), f"expected {len(paths)} documents, got {len(docs)}"
    return docs


def scored(doc: dict) -> list[dict]:
    return [t for t in doc.get("loss_tallies") or []
            if t.get("losing_side", "RUS") == "RUS" and t.get("scope", "cumulative") == "cumulative"]


def score(corpus: Path) -> Score:
    index = load_index(corpus)
    docs = run_cli([corpus / row["file"] for row in index])
    s = Score(texts=len(index))
    for row, doc in zip(index, docs, strict=True):
        gold = {(k, int(v)) for k, v in (row.get("gold") or {}).items()}
        found = scored(doc)
        pred = {(t.get("category"), t.get("value")) for t in found}
        s.tp += len(pred & gold)
        s.fp += len(pred - gold)
        s.fn += len(gold - pred)
        if not gold and found:
            s.fp_texts += 1
        if pred != gold:
            s.errors.append(f"{row['file']}: missing {sorted(gold - pred)} extra {sorted(pred - gold, key=str)}")
        gold_cats = {k for k, _ in gold}
        for cat, delta in (row.get("gold_deltas") or {}).items():
            hit = any(t.get("category") == cat and t.get("delta") == int(delta) for t in found)
            s.delta_n += 1
            s.delta_ok += hit
            if cat in gold_cats:
                s.delta_reachable += 1
                s.delta_reachable_ok += hit
        if gold and row.get("as_of"):
            s.asof_n += 1
            s.asof_ok += any(str(t.get("as_of") or "")[:10] == row["as_of"] for t in found)
    return s
