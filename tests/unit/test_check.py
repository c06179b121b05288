"""check_tallies: loss tallies against the General Staff series."""

from __future__ import annotations

import itertools

import pytest

from warclaims.checks import check_tallies
from warclaims.models import LossTally, Party
from warclaims.reference.series import SERIES_NAME, Series

UA_MOD = Party("Ministry of Defence of Ukraine", "UKR", "party_to_conflict")
RU_MOD = Party("Ministry of Defence of the Russian Federation", "RUS", "party_to_conflict")
_ids = itertools.count()
P = pytest.param

ARTICLE = {
    "personnel": 172900, "tanks": 3610, "armoured_vehicles": 6974, "artillery": 2971, "mlrs": 526,
    "air_defence": 278, "aircraft": 306, "helicopters": 291, "uav": 2239, "cruise_missiles": 911,
    "warships": 18, "vehicles_fuel_tanks": 5518, "special_equipment": 291,
}  # fmt: skip


def tally(category: str, value: int, **kw) -> LossTally:
    kw.setdefault("losing_side", "RUS")
    kw.setdefault("claimant", UA_MOD)
    return LossTally(f"t{next(_ids)}", category, value, str(value), (0, 1), **kw)


def check_one(t: LossTally, published: str | None = None):
    checks, summary = check_tallies([t], published=published)
    return checks[0], summary


@pytest.fixture(scope="module")
def article():
    tallies = [tally(c, v) for c, v in ARTICLE.items()]
    checks, summary = check_tallies(tallies, published="2023-03-31")
    return {t.category: c for t, c in zip(tallies, checks, strict=True)}, summary


# ---- the worked example ------------------------------------------------------------------------------


def test_article_matches_the_bulletin_of_2023_03_30(article):
    _, summary = article
    assert summary["date"] == "2023-03-30" and summary["basis"] == "best_match"
    assert (summary["exact"], summary["compared"]) == (12, 13)
    assert summary["confidence"] > 0.8 and summary["runner_up"]["exact"] < 12
    assert summary["explanation"].startswith("matched to the bulletin of 2023-03-30: 12 of 13 figures agree")


def test_article_twelve_figures_agree(article):
    checks, _ = article
    agree = sorted(c for c, ch in checks.items() if ch.status == "consistent")
    assert agree == sorted(set(ARTICLE) - {"artillery"})
    note = "matched to the bulletin of 2023-03-30, where 12 of 13 figures agree"
    assert note in checks["tanks"].explanation


def test_article_artillery_2971_is_inconsistent(article):
    checks, _ = article
    c = checks["artillery"]
    assert (c.status, c.expected, c.found) == ("inconsistent", 2671, 2971)
    assert c.explanation.startswith(
        "artillery 2971 disagrees with the General Staff bulletin of 2023-03-30 (2671); "
        "2971 is outside the 2023-03-29…2023-03-31 range 2659…2675 — one digit differs (9 for 6)"
    )
    assert c.details["envelope"]["outside"] is True
    assert c.details["hint"] == "one digit differs (9 for 6)"
    assert c.reference["series"] == SERIES_NAME
    assert c.reference["date"] == "2023-03-30"
    assert c.reference["sources"] == {"petroivaniuk": 2671, "orc_losses": 2671}
    assert c.reference["url"].startswith("https://www.mil.gov.ua/news/2023/03/30/")


def test_match_is_never_after_publication():
    tallies = [tally(c, v) for c, v in ARTICLE.items()]
    _, summary = check_tallies(tallies, published="2023-03-29T20:00:00+02:00")
    assert summary["date"] <= "2023-03-29" and summary["not_after"] == "2023-03-29"
    assert summary["exact"] < 12


# ---- one figure against a dated bulletin --------------------------------------------------------------


@pytest.mark.parametrize(
    "category, value, qualifier, as_of, status, words",
    [
        P("personnel", 416000, "over", "2024-03-03", "consistent", "416800 is over 416000", id="over"),
        P("personnel", 417000, "over", "2024-03-03", "inconsistent", "is not over", id="not-over"),
        P("personnel", 173000, "about", "2023-03-30", "consistent", "is about 173000", id="about"),
        P("personnel", 173000, "almost", "2023-03-30", "consistent", "is almost 173000", id="almost"),
        P("personnel", 172000, "about", "2023-03-30", "inconsistent", "is not about", id="not-about"),
        P("personnel", 173000, None, "2023-03-30", "consistent", "is 172900 rounded", id="rounded"),
        P("personnel", 172900, "about", "2023-03-30", "consistent", "agrees", id="about-exact"),
        P("tanks", 3610, None, "2023-03-30", "consistent", "agrees with the General", id="exact"),
    ],
)
def test_qualifiers(category, value, qualifier, as_of, status, words):
    c, summary = check_one(tally(category, value, qualifier=qualifier, as_of=as_of))
    assert c.status == status, c.explanation
    assert words in c.explanation
    assert summary["basis"] == "as_of" and summary["date"] == as_of


def test_the_figure_of_the_day_before_is_named():
    c, _ = check_one(tally("personnel", 172340, as_of="2023-03-30"))
    assert c.status == "inconsistent"
    assert "it is the figure of the bulletin of 2023-03-29" in c.explanation
    assert "inside the 2023-03-29…2023-03-31 range" in c.explanation


def test_as_of_summary_points_at_a_better_bulletin():
    day_before = {"personnel": 172340, "tanks": 3609, "armoured_vehicles": 6966, "artillery": 2659}
    checks, summary = check_tallies([tally(c, v, as_of="2023-03-30") for c, v in day_before.items()])
    assert all(c.status == "inconsistent" for c in checks)
    assert summary["best_match"]["date"] == "2023-03-29"


@pytest.mark.parametrize(
    "value, source",
    [pytest.param(384, "orc-losses", id="orc-losses-copy"), pytest.param(413, None, id="consensus")],
)
def test_a_disputed_cell_accepts_either_source_and_says_which(value, source):
    c, _ = check_one(tally("aircraft", value, as_of="2025-06-03"))
    assert c.status == "consistent" and c.reference["disputed"]
    if source:
        assert f"the {source} copy" in c.explanation and "PetroIvaniuk has 413" in c.explanation
    else:
        assert "copy" not in c.explanation


def test_petro_artillery_typo_is_not_the_consensus():
    c, _ = check_one(tally("artillery", 37874, as_of="2026-03-04"))
    assert c.status == "consistent" and c.expected == 37874


def test_derived_vehicles_fuel_tanks_before_the_merge():
    c, _ = check_one(tally("vehicles_fuel_tanks", 1777, as_of="2022-04-30"))
    assert c.status == "consistent" and "vehicles + fuel tanks" in c.explanation


# ---- deltas -------------------------------------------------------------------------------------------


def test_a_delta_that_reconciles_says_nothing():
    c, _ = check_one(tally("artillery", 2671, delta=12, as_of="2023-03-30"))
    assert c.status == "consistent" and c.details["delta"]["reconciles"]
    assert "daily change" not in c.explanation


def test_a_delta_that_does_not_reconcile_is_reported_not_condemned():
    c, _ = check_one(tally("artillery", 2671, delta=13, as_of="2023-03-30"))
    assert c.status == "consistent"
    assert "the stated daily change (+13) does not reconcile with the series' change (+12)" in c.explanation


def test_a_delta_across_an_official_revision_names_it():
    c, _ = check_one(tally("armoured_vehicles", 5167, delta=20, as_of="2022-10-13"))
    assert c.status == "consistent" and not c.details["delta"]["reconciles"]
    assert "(-14, which includes an official revision of -25)" in c.explanation


def test_a_delta_that_leaves_the_revision_out_reconciles():
    # 2022-10-13: APC 5181 → 5167 (−14) = +11 of the day and a −25 revision.
    c, _ = check_one(tally("armoured_vehicles", 5167, delta=11, as_of="2022-10-13"))
    assert c.details["delta"]["reconciles"]
    assert "(+11) is the series' change (-14) without the official revision of -25" in c.explanation


def test_a_delta_matching_one_source_reconciles():
    c, _ = check_one(tally("aircraft", 384, delta=12, as_of="2025-06-03"))
    assert c.details["delta"]["reconciles"] and "daily change" not in c.explanation


# ---- what cannot be compared ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "t, reason, words",
    [
        P(tally("tanks", 500, losing_side="UKR", claimant=RU_MOD), "other_side",
                     "a Russian claim about Ukrainian losses", id="russian-claim-about-ukraine"),
        P(tally("tanks", 500, losing_side="UKR", claimant=UA_MOD), "losing_side",
                     "losses of UKR", id="ukrainian-losses"),
        P(tally("tanks", 500, losing_side=None), "losing_side", "unstated side", id="no-side"),
        P(tally("tanks", 500, claimant=RU_MOD), "claimant", "not by the Ukrainian side",
                     id="russian-claimant"),
        P(tally("tanks", 4, scope="period", period_text="in March alone"), "period",
                     "a figure for a period (in March alone)", id="period"),
        P(tally("tor_systems", 4, as_of="2023-03-30"), "category", "not a category", id="category"),
        P(tally("tanks", 3610, as_of="2021-06-01"), "coverage", "outside the series", id="before"),
        P(tally("cruise_missiles", 10, as_of="2022-04-03"), "epoch",
                     "did not count cruise missiles before 2022-05-01", id="epoch"),
        P(tally("vehicles", 2000, as_of="2022-06-01"), "epoch", "after 2022-04-30", id="epoch-end"),
        P(tally("ground_robotic_systems", 2200, as_of="2026-08-20"), "no_value", "no source has",
                     id="no-source-has-it"),
    ],
)  # fmt: skip
def test_unverifiable(t, reason, words):
    c, _ = check_one(t)
    assert c.status == "unverifiable" and c.details["reason"] == reason
    assert words in c.explanation


def test_unreadable_dates_do_not_raise():
    c, _ = check_one(tally("tanks", 3610, as_of="2023-03"))
    assert c.status == "unverifiable" and c.details["reason"] == "bad_date"
    c, summary = check_one(tally("tanks", 3610), published="last Thursday")
    assert c.status == "consistent" and summary["not_after"] is None


def test_an_unknown_claimant_is_comparable():
    c, _ = check_one(tally("tanks", 3610, claimant=None, as_of="2023-03-30"))
    assert c.status == "consistent"


def test_one_undated_figure_cannot_be_convicted():
    c, summary = check_one(tally("artillery", 2971), published="2023-03-31")
    assert c.status == "unverifiable" and c.details["reason"] == "no_date"
    assert summary["basis"] == "best_match" and summary["confidence"] == 0


def test_one_undated_figure_that_exists_is_consistent():
    c, summary = check_one(tally("tanks", 3610), published="2023-04-15")
    assert c.status == "consistent" and summary["date"] == "2023-03-30"


def test_undated_over_416000_is_consistent_with_low_confidence():
    c, summary = check_one(tally("personnel", 416000, qualifier="over"), published="2024-03-05")
    assert c.status == "consistent"
    assert summary["exact"] == 0 and summary["near"] == 1 and summary["confidence"] < 0.3


def test_a_stated_delta_helps_to_date_a_lone_figure():
    t = tally("personnel", 416000, qualifier="over", delta=1160)  # rbc-ua, 2024-03-03
    c, summary = check_one(t)
    assert c.status == "consistent" and summary["date"] == "2024-03-03"
    _, without = check_one(tally("personnel", 416000, qualifier="over"))
    assert summary["deltas"] == 1 and without["deltas"] == 0
    assert without["confidence"] < summary["confidence"] < 0.5


@pytest.mark.parametrize(
    "category, value, status",
    [
        P("tanks", 102, "unverifiable", id="between-two-bulletins"),
        P("artillery", 15, "inconsistent", id="below-the-day-before"),
    ],
)
def test_several_bulletins_a_day_in_february_2022(category, value, status):
    c, _ = check_one(tally(category, value, as_of="2022-02-26"))
    assert c.status == status
    if status == "unverifiable":
        assert c.details["reason"] == "several_a_day" and "several bulletins a day" in c.explanation


def test_nothing_comparable_gives_no_summary():
    checks, summary = check_tallies([tally("tanks", 4, scope="period")])
    assert summary is None and checks[0].status == "unverifiable"


def test_checks_come_back_in_input_order_and_serialise():
    ts = [tally("tanks", 3610, as_of="2023-03-30"), tally("tanks", 9, scope="period")]
    checks, _ = check_tallies(ts, series=Series.load())
    assert [c.claim_id for c in checks] == [t.id for t in ts]
    assert checks[0].to_dict()["reference"]["sources"] == {"petroivaniuk": 3610, "orc_losses": 3610}
