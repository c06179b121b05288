"""Quality gate for attributed statements: floors on statement precision, recall and speaker accuracy,
scored with the semantics of shared/tools/score_es.py (tests/quality/scoring_es.py).

Raise a floor when the extractor improves; never lower one silently. The issue's target (recall ≥ 0.85,
precision ≥ 0.85, speaker ≥ 0.90) is checked on tests/gold, the real texts.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .scoring_es import score_es

HERE = Path(__file__).resolve().parent.parent

FLOORS = {
    # tests/gold: 143 gold statements in 29 real texts (shared/gold-dev); developed against.
    "gold": {"statement_precision": 0.958, "statement_recall": 0.965, "speaker": 0.978},
    # tests/gold-statements: 52 statements in 8 texts written in the styles of other outlets after the first
    # version of the extractor. Its first run, before any fix: P=0.960 R=0.923 speaker=0.938 (the honest
    # held-out figure); the misses it showed (topic-only "warns of", a continued quote, a cataphoric "Ukraine's
    # top general", "military sources in Kyiv") were fixed with general rules. Batch 2 (09-14, 31 statements),
    # written after that tuning, first run: P=0.900 R=0.871 speaker=0.852.
    "gold-statements": {"statement_precision": 1.0, "statement_recall": 0.987, "speaker": 1.0},
    # tests/gold-es-extra: 36 en/uk/ru texts (187 statements) by a writer who never saw the extractor. First run
    # (an earlier version of this stage): P=0.860 R=0.786 speaker=0.721. Its errors then led to general rules
    # (a person named after the organisation that qualifies them, a quote inside a subject, stems of uk/ru nouns
    # that refer back) and to spokespeople added to speakers.json: no longer a held-out measure.
    # Lowered on purpose on 2026-11-25 (P 0.887 → 0.884): with DeepState in speakers.json, its headline
    # "DeepState: окупанти захопили …" is read as a colon-attributed statement, as the later corpora's policy
    # annotates such headlines; this corpus's writer did not annotate it. Recall and speaker rose (0.860, 0.913).
    # Lowered on purpose on 2026-11-25 (speaker 0.913 → 0.908): "считает, что", "объясняет" and two-word content after
    # "за його даними" added matches (recall 0.860 → 0.877), one with a speaker the gold names otherwise.
    "gold-es-extra": {"statement_precision": 0.886, "statement_recall": 0.877, "speaker": 0.908},
    # tests/gold-es-extra2: 24 texts (127 statements) by another independent writer. First run: P=0.875 R=0.827
    # speaker=0.790; since 2026-11-25 development data (names after a role, surnames that refer back).
    # Lowered on purpose on 2026-11-25 (P 0.883 → 0.878): with Oleh Hryhorov in speakers.json, 011's "Автобус
    # пошкоджено, …, повідомив начальник … Олег Григоров" is read as his statement, while the gold's content
    # also takes the sentence before it (under half overlap: one extra, one miss). Speaker rose to 0.944.
    "gold-es-extra2": {"statement_precision": 0.879, "statement_recall": 0.858, "speaker": 0.944},
    # tests/gold-es-extra3: 30 texts (147 statements; transcripts, signature lines, digests) by a third independent
    # writer. First run: P=0.870 R=0.728 speaker=0.776.
    # tests/gold-es-extra4: 30 news-copy texts (177 statements) by a fourth writer; first run, nothing tuned on it:
    # P=0.902 R=0.887 speaker=0.796 (the version at the start of that day: P=0.895 R=0.864 speaker=0.752).
    "gold-es-extra4": {"statement_precision": 0.922, "statement_recall": 0.943, "speaker": 0.964},
    # tests/gold-es-extra5: 30 longer articles (277 statements) by a fifth writer, copied in on 2026-11-25. First
    # run (the code at the start of that session): P=0.949 R=0.866 speaker=0.821; with that session's speakers
    # table (regional heads, spokespeople, governors, Ukrainian and Russian bodies), before any fix from it:
    # P=0.950 R=0.884 speaker=0.849.
    "gold-es-extra5": {"statement_precision": 0.954, "statement_recall": 0.916, "speaker": 0.901},
    "gold-es-extra3": {"statement_precision": 0.908, "statement_recall": 0.877, "speaker": 0.930},
}
TARGET = {"statement_precision": 0.85, "statement_recall": 0.85, "speaker": 0.90}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def corpus_score(request):
    return request.param, score_es(HERE / request.param)


def test_statement_floors(corpus_score):
    name, s = corpus_score
    print(s.summary())
    failures = [f"{key}={getattr(s, key):.3f} < floor {floor}" for key, floor in FLOORS[name].items()
                if getattr(s, key) + 1e-9 < floor]
    errors = [e for e in s.errors if "statement" in e or "speaker" in e]
    assert not failures, f"{name}: " + "; ".join(failures) + "\n" + "\n".join(errors)


def test_issue_targets_on_real_texts(corpus_score):
    name, s = corpus_score
    if name != "gold":
        pytest.skip("the issue's targets are set on tests/gold")
    assert all(getattr(s, key) >= floor for key, floor in TARGET.items()), s.summary()
