"""Allocation is exact: checked against brute force on small instances."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching import Ranker, allocate, load_participants, load_vacancies, solve_assignment
from matching import ranker as ranker_module
from tests.matching.builders import (
    make_participant,
    make_vacancy,
    north_of_home,
    participant_records,
    vacancy_lists,
)


def brute_force_best(score: np.ndarray, feasible: np.ndarray, slots: list[int]) -> float:
    """Best total over every way to give each participant one vacancy or none."""
    n_people, n_places = score.shape
    best = 0.0
    for choice in itertools.product(range(-1, n_places), repeat=n_people):
        taken = [0] * n_places
        total = 0.0
        for person, place in enumerate(choice):
            if place < 0:
                continue
            if not feasible[person, place]:
                break
            taken[place] += 1
            total += score[person, place]
        else:
            if all(t <= s for t, s in zip(taken, slots, strict=True)):
                best = max(best, total)
    return best


def assert_valid(
    pairs: list[tuple[int, int]], feasible: np.ndarray, slots: list[int]
) -> None:
    rows = [row for row, _ in pairs]
    assert len(rows) == len(set(rows)), "a participant was assigned twice"
    for row, col in pairs:
        assert feasible[row, col], "an infeasible pair was chosen"
    for col, limit in enumerate(slots):
        assert sum(1 for _, c in pairs if c == col) <= limit


@st.composite
def instances(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, list[int]]:
    n_people = draw(st.integers(0, 5))
    n_places = draw(st.integers(0, 3))
    cells = n_people * n_places
    # Few distinct values make ties, where a sloppy solver might pick a forbidden pair.
    values = draw(st.lists(st.sampled_from((0.0, 0.25, 0.5, 0.75, 1.0, 0.3333)),
                           min_size=cells, max_size=cells))
    allowed = draw(st.lists(st.booleans(), min_size=cells, max_size=cells))
    slots = draw(st.lists(st.integers(0, 3), min_size=n_places, max_size=n_places))
    shape = (n_people, n_places)
    return np.array(values).reshape(shape), np.array(allowed, dtype=bool).reshape(shape), slots


@settings(max_examples=300, deadline=None)
@given(instances())
def test_solver_matches_brute_force(instance: tuple[np.ndarray, np.ndarray, list[int]]) -> None:
    score, feasible, slots = instance
    pairs = solve_assignment(score, feasible, slots)
    assert_valid(pairs, feasible, slots)
    total = sum(score[row, col] for row, col in pairs)
    assert total == pytest.approx(brute_force_best(score, feasible, slots), abs=1e-9)


def _dense_optimum(score: np.ndarray, feasible: np.ndarray, slots: list[int]) -> float:
    """The slot-expanded dense linear_sum_assignment the sparse solver replaced."""
    from scipy.optimize import linear_sum_assignment

    columns = np.repeat(np.arange(score.shape[1]), slots)
    if score.shape[0] == 0 or len(columns) == 0:
        return 0.0
    expanded = np.where(feasible, score, 0.0)[:, columns]
    rows, picked = linear_sum_assignment(expanded, maximize=True)
    return float(expanded[rows, picked].sum())


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.integers(1, 30), st.integers(0, 2**32 - 1))
def test_sparse_solver_equals_the_dense_solver_on_larger_instances(
    n_people: int, n_places: int, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    score = rng.choice([0.0, 0.1, 0.5, 0.9, 1.0], size=(n_people, n_places)) + rng.random(
        (n_people, n_places)) * rng.integers(0, 2)
    feasible = rng.random((n_people, n_places)) < rng.uniform(0.05, 1.0)
    slots = rng.integers(0, 4, size=n_places).tolist()
    pairs = solve_assignment(score, feasible, slots)
    assert_valid(pairs, feasible, slots)
    total = sum(score[row, col] for row, col in pairs)
    assert total == pytest.approx(_dense_optimum(score, feasible, slots), abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(
    people=st.lists(participant_records(), min_size=1, max_size=4),
    vacancy_data=vacancy_lists(max_size=3),
    per_vacancy=st.one_of(st.none(), st.integers(0, 2)),
)
def test_allocate_is_optimal_on_random_profiles(
    people: list[dict[str, Any]], vacancy_data: list[dict[str, Any]], per_vacancy: int | None
) -> None:
    participants = load_participants([{**r, "id": f"p-{i}"} for i, r in enumerate(people)])
    vacancies = load_vacancies(vacancy_data)
    result = allocate(participants, vacancies, per_vacancy=per_vacancy)
    ranker = Ranker().fit(vacancies)
    rows = [ranker.score_row(p) for p in participants]
    score = np.array([r.score for r in rows]).reshape(len(rows), len(vacancies))
    feasible = np.array([r.feasible for r in rows]).reshape(len(rows), len(vacancies))
    slots = [v.remaining if per_vacancy is None else min(v.remaining, per_vacancy)
             for v in vacancies]
    index = {v.id: j for j, v in enumerate(vacancies)}
    people_index = {p.id: i for i, p in enumerate(participants)}
    pairs = [(people_index[a.participant], index[a.vacancy]) for a in result.assignments]
    assert_valid(pairs, feasible, slots)
    assert result.total_score == pytest.approx(brute_force_best(score, feasible, slots), abs=1e-9)
    assert sorted([a.participant for a in result.assignments] + list(result.unassigned)) == sorted(
        people_index)
    reference = allocate(participants, vacancies, per_vacancy=per_vacancy, engine="reference")
    assert reference.total_score == pytest.approx(result.total_score, abs=1e-9)


def test_capacity_and_per_vacancy_limit_are_respected() -> None:
    people = [make_participant(id=f"p-{i}") for i in range(4)]
    roomy = make_vacancy(id="v-roomy", capacity=5, filled=2)
    full = make_vacancy(id="v-full", capacity=2, filled=2)
    result = allocate(people, [roomy, full])
    assert [a.vacancy for a in result.assignments] == ["v-roomy"] * 3
    assert len(result.unassigned) == 1
    limited = allocate(people, [roomy, full], per_vacancy=1)
    assert len(limited.assignments) == 1 and len(limited.unassigned) == 3
    assert allocate(people, [roomy], per_vacancy=0).assignments == ()


def test_allocation_prefers_the_better_total_over_greedy_choice() -> None:
    # p-1 is slightly better at v-near, but p-2 can only go to v-near: the best
    # total sends p-1 to v-far.
    p1 = make_participant(id="p-1", max_travel_km=20)
    p2 = make_participant(id="p-2", max_travel_km=2)
    near = make_vacancy(id="v-near", capacity=1)
    far = make_vacancy(id="v-far", capacity=1, location=north_of_home(8))
    result = allocate([p1, p2], [near, far])
    assert {(a.participant, a.vacancy) for a in result.assignments} == {
        ("p-1", "v-far"), ("p-2", "v-near")}
    assert result.unassigned == ()
    assert result.to_dict()["total_score"] == pytest.approx(
        sum(a.score for a in result.assignments))


def test_reusing_a_fitted_ranker() -> None:
    vacancies = [make_vacancy(id="v-1"), make_vacancy(id="v-2", capacity=1)]
    ranker = Ranker().fit(vacancies)
    people = [make_participant(id="p-1"), make_participant(id="p-2")]
    assert allocate(people, [], ranker=ranker) == allocate(people, vacancies)
    with pytest.raises(ValueError, match="per_vacancy"):
        allocate(people, vacancies, per_vacancy=-1)


@settings(max_examples=60, deadline=None)
@given(
    people=st.lists(participant_records(), min_size=1, max_size=6),
    vacancy_data=vacancy_lists(max_size=6),
    semantic=st.booleans(),
    edited=st.booleans(),
)
def test_scoring_many_participants_at_once_gives_score_row_exactly(
    people: list[dict[str, Any]], vacancy_data: list[dict[str, Any]], semantic: bool,
    edited: bool,
) -> None:
    # A title that misleads the first person's interest: her pairs there take the
    # misled path (tags, text and semantic evidence without that interest).
    people[0]["interests"] = ["kinderen"]
    vacancy_data[0]["title"] = "Vrijwilliger kinderboerderij"
    participants = load_participants([{**r, "id": f"p-{i}"} for i, r in enumerate(people)])
    vacancies = load_vacancies(vacancy_data)
    ranker = Ranker(semantic=semantic).fit(vacancies)
    if edited:  # an edited text index scores edited rows from its extra rows
        ranker.replace(load_vacancies([{**vacancy_data[-1], "description": "koken in de keuken",
                                        "tags": ["koken"]}])[0])
    rows, columns, scores = ranker.score_pairs(participants)
    expected_rows, expected_columns, expected_scores = [], [], []
    for position, participant in enumerate(participants):
        row = ranker.score_row(participant)
        where = np.flatnonzero(row.feasible)
        expected_rows += [position] * len(where)
        expected_columns += where.tolist()
        expected_scores += row.score[where].tolist()
    assert rows.tolist() == expected_rows
    assert columns.tolist() == expected_columns
    assert scores.tolist() == expected_scores  # the same bits, not merely close


@settings(max_examples=15, deadline=None)
@given(
    people=st.lists(participant_records(), min_size=10, max_size=30),
    vacancy_data=vacancy_lists(min_size=3, max_size=8),
    semantic=st.booleans(),
)
def test_many_people_in_groups_and_parts_score_as_score_row(
    people: list[dict[str, Any]], vacancy_data: list[dict[str, Any]], semantic: bool,
) -> None:
    # Enough people that the constraint and component groups have several members
    # each, and so few pairs at once that a group's constraints come in parts.
    for record in people[::4]:
        record["interests"] = ["kinderen", "dieren"]
    vacancy_data[0]["title"] = "Vrijwilliger kinderboerderij"
    participants = load_participants([{**r, "id": f"p-{i}"} for i, r in enumerate(people)])
    ranker = Ranker(semantic=semantic).fit(load_vacancies(vacancy_data))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ranker_module, "PAIRS_AT_ONCE", 3 * len(vacancy_data))
        rows, columns, scores = ranker.score_pairs(participants)
    found = {(int(r), int(c)): s for r, c, s in zip(rows, columns, scores.tolist(), strict=True)}
    expected = {}
    for position, participant in enumerate(participants):
        row = ranker.score_row(participant)
        for column in np.flatnonzero(row.feasible).tolist():
            expected[(position, column)] = float(row.score[column])
    assert found == expected  # the same pairs and the same bits
    assert list(zip(rows.tolist(), columns.tolist(), strict=True)) == sorted(expected)
