"""Quality gate for incident claims (events): the gold scores are floors, as for tallies.

Scored like shared/tools/score_es.py: an event matches a gold event on (target category, outcome); then target
model, means class and actor side are compared on the matched pairs. Raise a floor when the extractor
improves; never lower one silently.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .scoring_es import score_es

HERE = Path(__file__).resolve().parent.parent

FLOORS = {
    # tests/gold: real texts (shared/gold-dev), 25 gold events in 29 texts. The rules were developed on them,
    # so this is a regression gate, not a held-out measure.
    "gold": {"event_precision": 1.0, "event_recall": 0.96, "model": 1.0, "means": 1.0, "actor_side": 1.0},
    # tests/gold-es-extra: 36 texts (12 en, 12 uk, 12 ru) written by an independent writer who never saw the
    # extractor (see its README). First run, before any fix: P=0.687 R=0.687 model=0.825 means=0.754
    # actor_side=0.772 — the honest held-out figure. Since then it is development data.
    # tests/gold-es-extra2: 24 more texts (other genres) by another independent writer, copied in on 2026-11-25.
    # First run, before any fix: events P=0.596 R=0.449 model=0.619 means=0.677 actor_side=0.742 — the honest
    # held-out figure (events generalise worse than the dev sets suggest). Development data since.
    # Precision lowered, not silently: 0.824 → 0.813 when "сообщил о повреждении линии электропередачи и двух
    # автомобилей" became a claim (a reported nominal): the gold has the power line, not the two cars; recall rose.
    # Lowered on purpose on 2026-11-25 (means 0.729 → 0.714): "згоріли"/"сгорела" became a trigger and events
    # it found matched (recall 0.695 → 0.71) with no weapon or doer in their own sentence.
    # Lowered on purpose on 2026-11-25 (means 0.72 → 0.705, actor side 0.94 → 0.921): a tug became a target
    # (recall 0.724 → 0.739); the ratios fell as the newly matched event had no weapon or doer named near it.
    "gold-es-extra2": {"event_precision": 0.85, "event_recall": 0.739, "model": 0.857, "means": 0.705,
                       "actor_side": 0.921},
    # Lowered, not silently: precision 0.889 → 0.881 and actor side 0.944 → 0.92 when a sentence with "ще один
    # танк" no longer counted as a tally sentence (recall 0.88 → 0.90: two more events matched, with unknown doers).
    # Lowered on purpose on 2026-11-25 (precision 0.892 → 0.88, recall 0.903 → 0.891, means 0.853 → 0.851, actor
    # side 0.933 → 0.932): "загорілися/загорелась" (caught fire) became a trigger, and 024's strike on an oil depot
    # whose tanks then caught fire reads as damaged, as the later corpora annotate a fire at a depot; this writer
    # annotated it hit.
    "gold-es-extra": {"event_precision": 0.88, "event_recall": 0.891, "model": 0.937, "means": 0.851,
                       "actor_side": 0.932},
    # tests/gold-es-extra3: 30 texts in yet other genres (transcripts, digests, corrections, Oryx-style lists) by a
    # third independent writer, copied in on 2026-11-25. First run: P=0.750 R=0.529 model=0.833 means=0.867
    # actor_side=0.911 (the version before that day's general fixes from gold-es-extra2 scored P=0.729 R=0.506
    # actor_side=0.767 on it).
    # Lowered, not silently: means 0.866 → 0.822 and actor side 0.911 → 0.854 as 17 more events came to match
    # (45 → 62 of 85): the events with the right means rose 39 → 51, with the right side 41 → 53; the ratios fell.
    # tests/gold-es-extra4: 30 texts imitating real news copy (wires, live blogs, rewritten General Staff updates,
    # Telegram posts quoted by outlets) by a fourth writer, copied in after the day's fixes; this is its first
    # run: P=0.727 R=0.757 model=0.760 means=0.661 actor_side=0.786 (the version at the start of that day: P=0.611
    # R=0.595 model=0.636 means=0.727 actor_side=0.773). Development data since.
    # Lowered on purpose on 2026-11-25 (means 0.761 → 0.75, actor_side 0.841 → 0.828): "згоріли"/"сгорела"
    # became a trigger and the events it found matched (recall 0.851 → 0.864) with no weapon or doer in their own
    # sentence.
    "gold-es-extra4": {"event_precision": 0.812, "event_recall": 0.878, "model": 0.827, "means": 0.753,
                       "actor_side": 0.83},
    # tests/gold-es-extra5: 30 longer article shapes (tally paragraphs with incidents, features with several
    # quoted people, live blogs, relayed Telegram posts, MoD report rewrites, fact-checks; 97 events, 277
    # statements) by a fifth writer, copied in on 2026-11-25. First run (the code at the start of that session):
    # P=0.730 R=0.670 model=0.767 means=0.631 actor_side=0.769.
    # Precision lowered on purpose the same day (0.747 → 0.744) when "55 з них збили" / "61 of them" began to be
    # read as interception events: recall rose 0.701 → 0.722, one more event did not match the gold's.
    # Lowered on purpose on 2026-11-25 (precision 0.744 → 0.742, means 0.671 → 0.652, actor side 0.857 → 0.847):
    # "згоріли"/"сгорела" became a trigger and the events it found matched (recall 0.721 → 0.742) with no weapon
    # or doer in their own sentence.
    # Actor side lowered on purpose the same day (0.861 → 0.853) as "caught fire" events matched (recall
    # 0.742 → 0.773), two of them with the doer the frame guessed; means 0.68 → 0.675 when two more events of one
    # night's raid matched (recall 0.773 → 0.793) with the weapon unnamed in their sentence.
    "gold-es-extra5": {"event_precision": 0.857, "event_recall": 0.804, "model": 0.8, "means": 0.679,
                       "actor_side": 0.871},
    "gold-es-extra3": {"event_precision": 0.917, "event_recall": 0.788, "model": 0.878, "means": 0.82,
                       "actor_side": 0.88},
}
# The acceptance line: recall and precision ≥ 0.8; model, means and actor side right in ≥ 90 %.
ACCEPTANCE = {"event_precision": 0.8, "event_recall": 0.8, "model": 0.9, "means": 0.9, "actor_side": 0.9}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def es_score(request):
    return request.param, score_es(HERE / request.param)


def test_event_floors(es_score):
    name, s = es_score
    print(s.summary())
    failures = [f"{k}={getattr(s, k):.3f} < floor {v}" for k, v in FLOORS[name].items() if getattr(s, k) + 1e-9 < v]
    errors = [e for e in s.errors if "event" in e or "model" in e or "means" in e or "actor side" in e]
    assert not failures, f"{name}: " + "; ".join(failures) + "\n" + "\n".join(errors)


def test_event_acceptance(es_score):
    name, s = es_score
    if name != "gold":
        pytest.skip("the acceptance line is set on tests/gold")
    assert all(getattr(s, k) + 1e-9 >= v for k, v in ACCEPTANCE.items()), s.summary()
