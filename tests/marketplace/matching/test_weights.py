"""Weights learned from the region's outcomes: `flask matching learn`, the index using
the newest version, and the matches page saying which weights rank. Real database,
real engine."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

import matching
from marketplace.domain.placements import DeclineReason, PlacementState
from marketplace.domain.vocabulary import Role
from marketplace.models import MatchingWeights
from marketplace.services.matching import index, weights
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)

# Vacancies due north of the participants, 0.5 to 8 km away.
KM = (0.5, 1.5, 3.0, 4.5, 6.0, 8.0)
HOME = (51.845, 5.87)


@pytest.fixture()
def coach(db):
    return make_user(Role.COACH)


@pytest.fixture()
def region(db):
    org = make_organisation()
    return [make_vacancy(org, lat=HOME[0] + km / 111.2, lon=HOME[1], title=f"Plek op {km} km")
            for km in KM]


def outcomes_by_distance(coach, region, people: int) -> None:
    """Each person: the three nearest placed, the three farthest declined."""
    for _ in range(people):
        person = make_participant(coach, lat=HOME[0], lon=HOME[1], max_travel_km=10)
        for at, vacancy in enumerate(region):
            near = at < len(region) // 2
            make_placement(person, vacancy,
                           PlacementState.PLACED if near else PlacementState.DECLINED,
                           decline_reason=None if near else DeclineReason.NO_FIT)


def versions(db) -> int:
    return db.scalar(select(func.count()).select_from(MatchingWeights))


def test_too_few_outcomes_learn_nothing_and_the_command_says_how_many(
    runner, db, coach, region
) -> None:
    outcomes_by_distance(coach, region, people=2)
    result = runner.invoke(args=["matching", "learn"])
    assert result.exit_code == 0, result.output
    assert "Uitkomsten van voorstellen: 12 (te gebruiken: 12)." in result.output
    assert "resultaat): 18; nodig: minstens 100." in result.output
    assert "Te weinig om van te leren" in result.output
    assert versions(db) == 0
    assert weights.active_weights() is None


def test_enough_outcomes_store_a_version_that_the_index_ranks_with(
    runner, db, app, coach, region
) -> None:
    outcomes_by_distance(coach, region, people=12)
    hand_index = index.vacancy_index()
    assert hand_index.ranker.weights is None
    result = runner.invoke(args=["matching", "learn"])
    assert result.exit_code == 0, result.output
    assert "resultaat): 108; nodig: minstens 100." in result.output
    stored = db.scalars(select(MatchingWeights)).one()
    # The version is the row's key (on PostgreSQL a sequence earlier tests moved on).
    assert f"versie {stored.version}:" in result.output
    assert (stored.outcomes, stored.comparisons) == (72, 108)
    assert stored.weights["distance"] > matching.DEFAULT_WEIGHTS["distance"]
    assert sum(stored.weights.values()) == pytest.approx(1.0)
    # The cached index notices the new version without a vacancy changing.
    refitted = index.vacancy_index()
    assert refitted is not hand_index
    assert refitted.ranker.weights == stored.weights
    in_use = weights.weights_in_use()
    assert (in_use.version, in_use.outcomes, in_use.learned) == (stored.version, 72, True)


def test_the_matches_page_names_the_weights_in_use(
    runner, client, login, db, coach, region
) -> None:
    login(coach)
    person = make_participant(coach, lat=HOME[0], lon=HOME[1])
    page = client.get(f"/koppelen/deelnemers/{person.id}").get_data(as_text=True)
    assert "Met de hand gekozen" in page
    assert "Interesse 30%" in page
    outcomes_by_distance(coach, region, people=12)
    assert runner.invoke(args=["matching", "learn"]).exit_code == 0
    version = db.scalars(select(MatchingWeights.version)).one()
    page = client.get(f"/koppelen/deelnemers/{person.id}").get_data(as_text=True)
    assert f"Geleerd uit 72 uitkomsten van voorstellen (versie {version}, sinds" in page
    assert "Met de hand gekozen" not in page


@pytest.mark.parametrize(("state", "fields", "grade"), [
    (PlacementState.DECLINED, {"decline_reason": DeclineReason.NO_FIT}, 0.0),
    (PlacementState.DECLINED, {"decline_reason": DeclineReason.NO_PLACE}, None),
    (PlacementState.ACCEPTED, {}, 2.0),
    (PlacementState.ENDED, {}, 3.0),
    (PlacementState.WITHDRAWN, {}, None),
    (PlacementState.PROPOSED, {}, None),
])
def test_only_outcomes_about_the_fit_are_graded(db, state, fields, grade) -> None:
    assert weights.outcome_grade(make_placement(state=state, **fields)) == grade


def test_a_version_for_other_components_is_not_used(db) -> None:
    db.add(MatchingWeights(weights={"interest": 1.0}, outcomes=300, comparisons=500,
                           learned_share=0.7))
    db.commit()
    assert weights.active_weights() is None
    assert not weights.weights_in_use().learned


def test_the_demo_region_comes_with_simulated_outcomes_and_learned_weights(runner, db) -> None:
    from marketplace.domain.placements import FINAL_STATES
    from marketplace.models import Placement
    from marketplace.services.demo_outcomes import SIMULATED_MESSAGE

    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert "nagebootste uitkomsten van voorstellen" in result.output
    placements = db.scalars(select(Placement)).all()
    assert len(placements) >= 200
    # Simulated, and final: no place taken, no proposal blocked.
    assert all(p.message == SIMULATED_MESSAGE and p.state in FINAL_STATES for p in placements)
    assert {p.state for p in placements} == {
        PlacementState.DECLINED, PlacementState.NOT_CONTINUED, PlacementState.ENDED}
    in_use = weights.weights_in_use()
    assert in_use.learned
    stored = db.scalars(select(MatchingWeights)).one()
    assert stored.comparisons >= weights.MIN_COMPARISONS
