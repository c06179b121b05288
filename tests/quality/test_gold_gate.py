"""Quality gate: the gold corpus's scores are floors (like trafilatura's eval gate).

Raise a floor when the extractor improves; never lower one silently: a lower floor needs a
commit that says why. `deltas` cannot reach 1.0 on tests/gold: 16 of its 86 gold deltas belong to
texts that give no cumulative value for the category (only "за минулу добу … 15 танків"), and
score.py counts a delta only on a cumulative tally. `deltas_reachable` is the share of the others.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .scoring import score

HERE = Path(__file__).resolve().parent.parent

FLOORS = {
    # shared/gold-dev: real texts.
    "gold": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "deltas": 0.813, "deltas_reachable": 1.0,
             "as_of": 1.0, "fp_texts": 0},
    # tests/gold-extra: 60 synthetic texts written independently of the extractor (see its README);
    # used to find what the extractor got wrong, so it is no longer a held-out measure.
    "gold-extra": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "deltas": 0.897, "deltas_reachable": 1.0,
                   "as_of": 1.0, "fp_texts": 0},
    # tests/gold-extra2: 50 more texts (8 also as HTML pages) by another writer, imitating named outlets. Its
    # first run, before any fix: P=0.977 R=0.907 F1=0.941 as_of=0.862 fp_texts=0 (the honest held-out figure).
    "gold-extra2": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "deltas": 0.925, "deltas_reachable": 1.0,
                    "as_of": 1.0, "fp_texts": 0},
    # tests/gold-extra3: 50 texts by a third writer (hard genres: threads, tables, transliteration, surzhyk,
    # corrections, live blogs). First run on its 40 untouched texts (011-050): P=0.878 R=0.642 F1=0.742
    # as_of=0.700 fp_texts=4. Still missed: a Twitter thread whose numbered posts carry one claim (006) and a
    # transliterated bulletin (027).
    "gold-extra3": {"precision": 0.996, "recall": 0.915, "f1": 0.954, "deltas": 0.742, "deltas_reachable": 0.742,
                    "as_of": 0.884, "fp_texts": 0},
    # tests/gold-extra4: 40 texts imitating real news copy about the official figures (wires, daily items,
    # roundups, foreign rewrites; 10 traps) by a fourth writer, copied in on 2026-11-25.
    # First run: P=0.958 R=0.965 F1=0.961 deltas=0.945 as_of=0.929 fp_texts=2 (the honest figure); development
    # data since (38,924 drones are no one night's, "Kyiv's tally", "put … at", "over the same seven days").
    "gold-extra4": {"precision": 0.989, "recall": 0.982, "f1": 0.985, "deltas": 0.963, "deltas_reachable": 0.963,
                    "as_of": 0.964, "fp_texts": 1},
    # tests/gold-extra5: 40 texts by a fifth writer who never saw the code (X threads with numbered posts,
    # Latin transliteration, pasted tables, weekly roundups, live blogs, two bulletins in one text, figures in
    # words, 2022 and 2026 wording; 10 traps), copied in on 2026-11-25. First run (the code at the start of that
    # session): P=0.984 R=0.662 F1=0.792 deltas=0.674 as_of=0.793 fp_texts=2 (the honest figure). Development
    # data since (a label starting a line after a bullet or a post number, a bare "+8" delta, "≈", a pipe
    # table's "За сутки" column, a list under a title about losses or from the General Staff).
    "gold-extra5": {"precision": 1.000, "recall": 0.924, "f1": 0.960, "deltas": 0.882, "deltas_reachable": 0.882,
                    "as_of": 0.931, "fp_texts": 0},
}
# The acceptance line is set on the real texts of tests/gold.
ACCEPTANCE = {"gold"}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def corpus_score(request):
    return request.param, score(HERE / request.param)


def test_floors(corpus_score):
    name, s = corpus_score
    floors = FLOORS[name]
    print(s.summary())
    failures = [f"{key}={getattr(s, key):.3f} < floor {floor}" for key, floor in floors.items()
                if key != "fp_texts" and getattr(s, key) + 1e-9 < floor]
    if s.fp_texts > floors["fp_texts"]:
        failures.append(f"fp_texts={s.fp_texts} > {floors['fp_texts']}")
    assert not failures, f"{name}: " + "; ".join(failures) + "\n" + "\n".join(s.errors)


def test_acceptance_targets(corpus_score):
    """The issue's acceptance line: F1 ≥ 0.98, as_of ≥ 0.9, no false-positive text."""
    name, s = corpus_score
    if name not in ACCEPTANCE:
        pytest.skip(f"{name}: floors only")
    assert s.f1 >= 0.98 and s.as_of >= 0.9 and s.fp_texts == 0, s.summary()
