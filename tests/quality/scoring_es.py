"""Scoring of events and statements against a gold corpus, with the semantics of shared/tools/score_es.py.

Events match on (target.category, outcome), each gold event at most once; then target model, means class
and actor side are compared on the matched pairs. A statement matches when its content range overlaps the
gold content by at least half of the gold content's length; then the speaker is right when its name equals
the gold speaker or an alias, or contains the gold speaker's last word.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .scoring import run_cli


@dataclass
class ESScore:
    e_tp: int = 0
    e_fp: int = 0
    e_fn: int = 0
    model_ok: int = 0
    model_n: int = 0
    means_ok: int = 0
    side_ok: int = 0
    s_tp: int = 0
    s_fp: int = 0
    s_fn: int = 0
    speaker_ok: int = 0
    texts: int = 0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def event_precision(self) -> float:
        return self._ratio(self.e_tp, self.e_tp + self.e_fp)

    @property
    def event_recall(self) -> float:
        return self._ratio(self.e_tp, self.e_tp + self.e_fn)

    @property
    def event_f1(self) -> float:
        p, r = self.event_precision, self.event_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def model(self) -> float:
        return self._ratio(self.model_ok, self.model_n)

    @property
    def means(self) -> float:
        return self._ratio(self.means_ok, self.e_tp)

    @property
    def actor_side(self) -> float:
        return self._ratio(self.side_ok, self.e_tp)

    @property
    def statement_precision(self) -> float:
        return self._ratio(self.s_tp, self.s_tp + self.s_fp)

    @property
    def statement_recall(self) -> float:
        return self._ratio(self.s_tp, self.s_tp + self.s_fn)

    @property
    def statement_f1(self) -> float:
        p, r = self.statement_precision, self.statement_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker(self) -> float:
        return self._ratio(self.speaker_ok, self.s_tp)

    def summary(self) -> str:
        return (f"events P={self.event_precision:.3f} R={self.event_recall:.3f} F1={self.event_f1:.3f} "
                f"model={self.model:.3f} means={self.means:.3f} actor_side={self.actor_side:.3f} "
                f"statements P={self.statement_precision:.3f} R={self.statement_recall:.3f} "
                f"F1={self.statement_f1:.3f} speaker={self.speaker:.3f} texts={self.texts}")


def _norm(s: object) -> str:
    return " ".join(str(s or "").lower().replace("’", "'").split())


def _get(obj: dict | None, *path: str):
    for key in path:
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj


def _content_span(text: str, content: object) -> tuple[int, int] | None:
    if isinstance(content, dict):
        sp = content.get("span")
        if sp and len(sp) == 2:
            return int(sp[0]), int(sp[1])
        content = content.get("text")
    if isinstance(content, str) and content:
        i = text.find(content)
        if i >= 0:
            return i, i + len(content)
    return None


def _speaker_right(pred: str, gold: dict) -> bool:
    p = _norm(pred)
    if not p:
        return False
    names = [gold.get("speaker"), *(gold.get("speaker_aliases") or [])]
    if any(p == _norm(n) for n in names if n):
        return True
    last = _norm(gold.get("speaker")).split()[-1:]
    return bool(last) and last[0] in p.split()


def score_es(corpus: Path) -> ESScore:
    rows = [json.loads(line) for line in (corpus / "events_statements.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    paths = [corpus / r["file"] for r in rows]
    docs = run_cli(paths)
    s = ESScore(texts=len(rows))
    for row, doc, path in zip(rows, docs, paths, strict=True):
        text = (doc.get("document") or {}).get("text") or path.read_text("utf-8")
        gold_ev = list(row.get("events") or [])
        used: set[int] = set()
        for ev in doc.get("events") or []:
            cat, out = _get(ev, "target", "category"), ev.get("outcome")
            hit = next((i for i, g in enumerate(gold_ev) if i not in used
                        and g.get("target_category") == cat and g.get("outcome") == out), None)
            if hit is None:
                s.e_fp += 1
                s.errors.append(f"{row['file']}: extra event {cat}/{out} «{text[ev['span'][0]:ev['span'][1]][:70]}»")
                continue
            used.add(hit)
            s.e_tp += 1
            g = gold_ev[hit]
            if g.get("target_model"):
                s.model_n += 1
                pm, gm = _norm(_get(ev, "target", "model")), _norm(g["target_model"])
                ok = bool(pm) and (pm == gm or gm in pm or pm in gm)
                s.model_ok += ok
                if not ok:
                    s.errors.append(f"{row['file']}: model {pm!r} should be {gm!r}")
            means = _get(ev, "means", "class") or "unknown"
            s.means_ok += means == g.get("means_class")
            if means != g.get("means_class"):
                s.errors.append(f"{row['file']}: means {means!r} should be {g.get('means_class')!r}")
            side = _get(ev, "actor", "side") or "unknown"
            s.side_ok += side == g.get("actor_side")
            if side != g.get("actor_side"):
                s.errors.append(f"{row['file']}: actor side {side!r} should be {g.get('actor_side')!r}")
        for i, g in enumerate(gold_ev):
            if i not in used:
                s.e_fn += 1
                s.errors.append(f"{row['file']}: missing event {g.get('target_category')}/{g.get('outcome')} "
                                f"«{g.get('quote', '')[:70]}»")
        gold_st = [(g, _content_span(text, g.get("content"))) for g in row.get("statements") or []]
        used = set()
        for st in doc.get("statements") or []:
            ps = _content_span(text, st.get("content"))
            if ps is None and st.get("span"):
                ps = (int(st["span"][0]), int(st["span"][1]))
            best = None
            if ps:
                for i, (_g, gs) in enumerate(gold_st):
                    if i not in used and gs and min(ps[1], gs[1]) - max(ps[0], gs[0]) >= (gs[1] - gs[0]) / 2:
                        best = i
                        break
            if best is None:
                s.s_fp += 1
                s.errors.append(f"{row['file']}: extra statement «{text[ps[0]:ps[1]][:70] if ps else '?'}»")
                continue
            used.add(best)
            s.s_tp += 1
            g = gold_st[best][0]
            sp = st.get("speaker")
            name = (sp.get("name") or sp.get("mention") or "") if isinstance(sp, dict) else (sp or "")
            if _speaker_right(name, g):
                s.speaker_ok += 1
            else:
                s.errors.append(f"{row['file']}: speaker {name!r} should be {g.get('speaker')!r}")
        for i, (g, _) in enumerate(gold_st):
            if i not in used:
                s.s_fn += 1
                s.errors.append(f"{row['file']}: missing statement ({g.get('speaker')}) «{str(g.get('content'))[:70]}»")
    return s


if __name__ == "__main__":  # python -m tests.quality.scoring_es tests/gold
    import sys

    result = score_es(Path(sys.argv[1]))
    print("\n".join(result.errors))
    print(result.summary())
