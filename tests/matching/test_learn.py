"""Weights learned from graded outcomes (matching.learn), through the real Ranker."""

from __future__ import annotations

import numpy as np
import pytest

from matching import COMPONENTS, DEFAULT_WEIGHTS, Ranker
from matching.learn import Outcome, TrainingSet, WeightLearner, reopened, training_set
from tests.matching.builders import make_participant, make_vacancy, north_of_home

DAYPARTS = ["mon_morning", "mon_afternoon", "wed_morning", "fri_morning"]


def region(n: int = 12) -> list:
    """Vacancies 0.5 to 9.5 km away, all else equal except the hours they ask."""
    return [make_vacancy(id=f"v-{i:02d}", location=north_of_home(0.5 + 9 * i / (n - 1)),
                         hours_per_week={"min": 2 + i % 3, "max": 6 + i % 5})
            for i in range(n)]


def people(n: int = 30) -> list:
    return [make_participant(id=f"p-{i:02d}", availability=DAYPARTS) for i in range(n)]


def graded_by(ranker: Ranker, persons: list, grade) -> list[Outcome]:
    """Each person gets an outcome on every vacancy, graded from its distance component."""
    outcomes = []
    for person in persons:
        for match in ranker.rank(person).ranked:
            outcomes.append(Outcome(person.id, match.vacancy, grade(match.components)))
    return outcomes


def test_outcomes_that_follow_distance_raise_its_weight_above_the_hand_weight() -> None:
    ranker = Ranker().fit(region())
    persons = people()
    outcomes = graded_by(ranker, persons, lambda c: round(3 * c["distance"]))
    data = training_set(ranker, persons, outcomes)
    learner = WeightLearner().fit(data)
    assert data.n_comparisons > 500
    assert learner.weights_["distance"] > DEFAULT_WEIGHTS["distance"] + 0.2
    assert learner.learned_weights_["distance"] == max(learner.learned_weights_.values())
    assert all(w >= 0 for w in learner.weights_.values())
    assert sum(learner.weights_.values()) == pytest.approx(1.0)
    assert list(learner.weights_) == list(COMPONENTS)


def test_a_component_that_counts_against_good_outcomes_gets_weight_zero() -> None:
    ranker = Ranker().fit(region())
    persons = people()
    # Farther is better in these outcomes: a coefficient below 0 must be clipped.
    outcomes = graded_by(ranker, persons, lambda c: round(3 * (1 - c["distance"])))
    learner = WeightLearner(prior_comparisons=0).fit(training_set(ranker, persons, outcomes))
    assert learner.learned_weights_["distance"] == 0.0
    assert learner.weights_["distance"] == 0.0


def test_without_comparisons_the_hand_weights_stay() -> None:
    ranker = Ranker().fit(region())
    persons = people(3)
    # One outcome per person: nothing to compare within a participant.
    outcomes = [Outcome(p.id, "v-00", 3) for p in persons]
    learner = WeightLearner().fit(training_set(ranker, persons, outcomes))
    assert learner.n_comparisons_ == 0
    assert learner.weights_ == pytest.approx(dict(DEFAULT_WEIGHTS))


def test_the_prior_is_blended_by_the_number_of_comparisons() -> None:
    rng = np.random.default_rng(1)
    x = rng.random((60, len(COMPONENTS)))
    data = TrainingSet(x, (3 * x[:, 0]).round(), tuple(str(i // 6) for i in range(60)))
    n = data.n_comparisons
    learner = WeightLearner(prior_comparisons=n).fit(data)
    assert learner.learned_share_ == pytest.approx(0.5)
    for name in COMPONENTS:
        expected = 0.5 * learner.learned_weights_[name] + 0.5 * DEFAULT_WEIGHTS[name]
        assert learner.weights_[name] == pytest.approx(expected)


def test_unknown_and_excluded_pairs_are_skipped_and_reopened_vacancies_count() -> None:
    full = make_vacancy(id="v-full", capacity=1, filled=1, status="closed")
    far = make_vacancy(id="v-far", location=north_of_home(50))
    persons = [make_participant(id="p-1")]
    outcomes = [Outcome("p-1", "v-full", 3), Outcome("p-1", "v-far", 0),
                Outcome("p-1", "v-none", 0), Outcome("p-x", "v-full", 0)]
    as_is = training_set(Ranker().fit([full, far]), persons, outcomes)
    assert (len(as_is), as_is.skipped) == (0, 4)
    opened = training_set(Ranker().fit([reopened(full), far]), persons, outcomes)
    assert (len(opened), opened.skipped) == (1, 3)


@pytest.mark.parametrize("options", [{"prior_comparisons": -1}, {"C": 0.0}])
def test_bad_options_are_refused(options: dict) -> None:
    data = TrainingSet(np.zeros((0, len(COMPONENTS))), np.zeros(0), ())
    with pytest.raises(ValueError):
        WeightLearner(**options).fit(data)
