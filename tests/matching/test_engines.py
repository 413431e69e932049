"""The fast and reference engines agree, and rankings have the promised properties."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import CODES, COMPONENTS, Ranker, Ranking, load_participants, load_vacancies
from matching.constraints import check, pair_distance_km
from matching.types import ExclusionList
from tests.matching.builders import (
    make_participant,
    make_vacancy,
    north_of_home,
    participant_records,
    vacancy_lists,
    vacancy_record,
)

AGREEMENT_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
PROPERTY_SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def assert_same_ranking(fast: Ranking, reference: Ranking) -> None:
    """Same ids in the same order, same codes and reasons; numbers within 1e-9."""
    left, right = fast.to_dict(), reference.to_dict()
    assert left["participant"] == right["participant"]
    assert left["excluded"] == right["excluded"]
    assert [m["vacancy"] for m in left["ranked"]] == [m["vacancy"] for m in right["ranked"]]
    for a, b in zip(left["ranked"], right["ranked"], strict=True):
        assert a["reasons"] == b["reasons"]
        assert a["warnings"] == b["warnings"]
        assert a["score"] == pytest.approx(b["score"], abs=1e-9)
        assert a["components"].keys() == b["components"].keys()
        for name in a["components"]:
            assert a["components"][name] == pytest.approx(b["components"][name], abs=1e-9)
    assert [e.details for e in fast.excluded] == [e.details for e in reference.excluded]
    # Distances: the fast engine reports its vectorised ones, equal to 1e-9.
    for left_item, right_item in [
        *zip(fast.ranked, reference.ranked, strict=True),
        *zip(fast.excluded, reference.excluded, strict=True),
    ]:
        assert same_distance(left_item.distance_km, right_item.distance_km)
    np.testing.assert_allclose(
        fast.excluded_distances_km, reference.excluded_distances_km, rtol=0, atol=1e-9
    )


def same_distance(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a == pytest.approx(b, abs=1e-9)


def both_engines(vacancy_data: list[dict[str, Any]]) -> tuple[Ranker, Ranker]:
    vacancies = load_vacancies(vacancy_data)
    return Ranker().fit(vacancies), Ranker(engine="reference").fit(vacancies)


@AGREEMENT_SETTINGS
@given(
    people=st.lists(participant_records(), min_size=1, max_size=3),
    vacancy_data=vacancy_lists(),
    limit=st.one_of(st.none(), st.integers(0, 4)),
)
def test_fast_and_reference_engines_agree(
    people: list[dict[str, Any]], vacancy_data: list[dict[str, Any]], limit: int | None
) -> None:
    fast, reference = both_engines(vacancy_data)
    for record in people:
        participant = load_participants(record)[0]
        assert_same_ranking(
            fast.rank(participant, limit=limit), reference.rank(participant, limit=limit)
        )


@AGREEMENT_SETTINGS
@given(
    people=st.lists(participant_records(), min_size=1, max_size=3),
    vacancy_data=vacancy_lists(),
    limit=st.one_of(st.none(), st.integers(0, 4)),
    data=st.data(),
)
def test_fast_and_reference_engines_agree_on_candidates(
    people: list[dict[str, Any]],
    vacancy_data: list[dict[str, Any]],
    limit: int | None,
    data: st.DataObject,
) -> None:
    fast, reference = both_engines(vacancy_data)
    n = len(vacancy_data)
    mask = np.array(data.draw(st.lists(st.booleans(), min_size=n, max_size=n)), dtype=bool)
    positions = data.draw(st.lists(st.integers(0, n - 1), max_size=2 * n))
    for record in people:
        participant = load_participants(record)[0]
        by_mask = fast.rank(participant, limit=limit, candidates=mask)
        assert_same_ranking(
            by_mask, reference.rank(participant, limit=limit, candidates=mask)
        )
        assert_same_ranking(
            fast.rank(participant, limit=limit, candidates=positions),
            reference.rank(participant, limit=limit, candidates=positions),
        )
        # A restricted ranking is the full ranking restricted, for both engines.
        wanted = {fast.vacancies_[i].id for i in np.flatnonzero(mask)}
        for ranker in (fast, reference):
            full = ranker.rank(participant)
            part = ranker.rank(participant, limit=limit, candidates=mask)
            expected = [m for m in full.ranked if m.vacancy in wanted][:limit]
            assert [m.to_dict() for m in part.ranked] == [m.to_dict() for m in expected]
            assert [m.distance_km for m in part.ranked] == [m.distance_km for m in expected]
            assert list(part.excluded) == [e for e in full.excluded if e.vacancy in wanted]


@PROPERTY_SETTINGS
@given(record=participant_records(), vacancy_data=vacancy_lists())
def test_rankings_are_well_formed(
    record: dict[str, Any], vacancy_data: list[dict[str, Any]]
) -> None:
    fast, _ = both_engines(vacancy_data)
    participant = load_participants(record)[0]
    ranking = fast.rank(participant)
    ids = [m.vacancy for m in ranking.ranked] + [e.vacancy for e in ranking.excluded]
    assert sorted(ids) == sorted(v["id"] for v in vacancy_data)
    keys = [(-m.score, m.vacancy) for m in ranking.ranked]
    assert keys == sorted(keys)
    for match in ranking.ranked:
        assert 0.0 <= match.score <= 1.0
        assert tuple(match.components) == COMPONENTS
        assert all(0.0 <= value <= 1.0 for value in match.components.values())
        assert 1 <= len(match.reasons) <= 4
    by_id = {v.id: v for v in fast.vacancies_}
    for excluded in ranking.excluded:
        vacancy = by_id[excluded.vacancy]
        # The vectorised codes are exactly the per-pair specification's codes.
        assert excluded.codes == check(participant, vacancy, pair_distance_km(participant, vacancy))
        assert list(excluded.codes) == sorted(excluded.codes, key=CODES.index)
        assert not {"schedule", "childcare"} <= set(excluded.codes)


# --------------------------------------------------------------------------- properties


@PROPERTY_SETTINGS
@given(
    record=participant_records(),
    base=vacancy_lists(min_size=1, max_size=1),
    near=st.floats(0.0, 30.0),
    further=st.floats(0.01, 30.0),
    engine=st.sampled_from(("fast", "reference")),
)
def test_closer_vacancy_never_ranks_lower(
    record: dict[str, Any], base: list[dict[str, Any]], near: float, further: float, engine: str
) -> None:
    record = {**record, "location": north_of_home(0.0)}
    record.pop("postcode", None)
    template = {**base[0], "remote": False}
    # Ids chosen so that the tie-break would favour the far one.
    close = {**template, "id": "v-b", "location": north_of_home(near)}
    far = {**template, "id": "v-a", "location": north_of_home(near + further)}
    ranker = Ranker(engine=engine).fit(load_vacancies([far, close]))
    ranking = ranker.rank(load_participants(record)[0])
    order = [m.vacancy for m in ranking.ranked]
    if "v-a" in order:
        assert "v-b" in order, "the closer one was excluded while the further one was not"
        scores = {m.vacancy: m.score for m in ranking.ranked}
        assert scores["v-b"] >= scores["v-a"]
        if scores["v-b"] > scores["v-a"]:
            assert order.index("v-b") < order.index("v-a")


@PROPERTY_SETTINGS
@given(
    record=participant_records(),
    base=vacancy_lists(min_size=1, max_size=1),
    engine=st.sampled_from(("fast", "reference")),
)
def test_vacancy_with_matching_tag_never_ranks_lower(
    record: dict[str, Any], base: list[dict[str, Any]], engine: str
) -> None:
    interest = (record.get("interests") or ["koken"])[0]
    record = {**record, "interests": [interest, *record.get("interests", [])[1:]]}
    unrelated = ["administratie"]
    # Ids chosen so that the tie-break would favour the non-matching one.
    matching = {**base[0], "id": "v-b", "tags": [interest]}
    other = {**base[0], "id": "v-a", "tags": unrelated}
    ranker = Ranker(engine=engine).fit(load_vacancies([other, matching]))
    ranking = ranker.rank(load_participants(record)[0])
    scores = {m.vacancy: m.score for m in ranking.ranked}
    if scores:
        assert scores["v-b"] >= scores["v-a"]
        assert ranking.ranked[0].vacancy == "v-b" or scores["v-b"] == scores["v-a"]
        assert f"Past bij interesse {interest}" in ranking.ranked[
            [m.vacancy for m in ranking.ranked].index("v-b")].reasons


def _violations() -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """For each code: (participant overrides, vacancy overrides) that break only it."""
    a1_speaker = {"languages": {"nl": {"speaking": "A1"}}}
    few_hours = {"hours_per_week": {"min": 2, "max": 4}}
    return {
        "closed": ({}, {"status": "review"}),
        "capacity": ({}, {"capacity": 2, "filled": 2}),
        "language": (a1_speaker, {"language_min": {"speaking": "B1"}}),
        "literacy": ({"literate_latin": False}, {"literacy_required": True}),
        "schedule": ({}, {"schedule": ["mon_morning", "tue_evening"]}),
        "childcare": ({"childcare_needed": ["mon_morning"]}, {}),
        "distance": ({"max_travel_km": 5}, {"location": north_of_home(12)}),
        "hours": (few_hours, {"hours_per_week": {"min": 8, "max": 16}}),
        "women_only": ({"gender": "m"}, {"women_only": True}),
        "physical_load": ({"max_physical_load": "light"}, {"physical_load": "heavy"}),
    }


@pytest.mark.parametrize("engine", ["fast", "reference"])
@pytest.mark.parametrize("code", CODES)
def test_each_violation_excludes_with_exactly_its_code(code: str, engine: str) -> None:
    people_overrides, vacancy_overrides = _violations()[code]
    participant = make_participant(**people_overrides)
    fine = vacancy_record(id="v-ok")
    broken = vacancy_record(id="v-broken", **vacancy_overrides)
    ranking = Ranker(engine=engine).fit(load_vacancies([fine, broken])).rank(participant)
    excluded = {e.vacancy: e.codes for e in ranking.excluded}
    assert excluded["v-broken"] == (code,)


@settings(max_examples=100, deadline=None)
@given(
    record=participant_records(),
    base=vacancy_lists(min_size=1, max_size=1),
    code=st.sampled_from(CODES),
    engine=st.sampled_from(("fast", "reference")),
)
def test_adding_a_violation_excludes_with_that_code(
    record: dict[str, Any], base: list[dict[str, Any]], code: str, engine: str
) -> None:
    participant_changes, vacancy_changes = _random_violation(code, record, base[0])
    vacancy = {**base[0], **vacancy_changes}
    ranker = Ranker(engine=engine).fit(load_vacancies([vacancy]))
    ranking = ranker.rank(load_participants({**record, **participant_changes})[0])
    assert not ranking.ranked
    assert code in ranking.excluded[0].codes


def _random_violation(
    code: str, person: dict[str, Any], vacancy: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Changes that add the violation ``code`` to any pair."""
    schedule = vacancy["schedule"] or ["mon_morning"]
    no_care = {"offered": False, "children_welcome": False}
    # Generated availability never holds sun_evening, so a schedule needing it never fits.
    changes: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
        "closed": ({}, {"status": "draft"}),
        "capacity": ({}, {"filled": vacancy["capacity"]}),
        "language": ({"languages": {"nl": {}}}, {"language_min": {"writing": "A1"}}),
        "literacy": ({"literate_latin": False}, {"literacy_required": True}),
        "schedule": ({}, {"schedule": [*schedule, "sun_evening"], "dayparts_needed": None}),
        "childcare": (
            {"availability": schedule, "lessons": [], "childcare_needed": schedule},
            {"schedule": schedule, "dayparts_needed": None, "childcare": no_care},
        ),
        "distance": (
            {"location": north_of_home(0), "max_travel_km": 5},
            {"location": north_of_home(50), "remote": False},
        ),
        "hours": ({"hours_per_week": {"min": 0, "max": 2}},
                  {"hours_per_week": {"min": 10, "max": 20}}),
        "women_only": ({"gender": "m"}, {"women_only": True}),
        "physical_load": ({"max_physical_load": "medium"}, {"physical_load": "heavy"}),
    }
    return changes[code]


# --------------------------------------------------------------------------- API


def test_limit_cuts_ranked_only_and_keeps_the_best() -> None:
    vacancies = load_vacancies([
        vacancy_record(id=f"v-{i}", location=north_of_home(i)) for i in range(5)
    ] + [vacancy_record(id="v-closed", status="closed")])
    ranker = Ranker().fit(vacancies)
    participant = make_participant()
    full, cut = ranker.rank(participant), ranker.rank(participant, limit=2)
    assert [m.vacancy for m in cut.ranked] == [m.vacancy for m in full.ranked][:2]
    assert [m.vacancy for m in full.ranked] == [f"v-{i}" for i in range(5)]
    assert [e.vacancy for e in cut.excluded] == ["v-closed"]
    assert ranker.rank(participant, limit=0).ranked == ()


def test_ties_are_broken_by_vacancy_id() -> None:
    vacancies = load_vacancies([vacancy_record(id=i) for i in ("v-c", "v-a", "v-b")])
    for engine in ("fast", "reference"):
        ranked = Ranker(engine=engine).fit(vacancies).rank(make_participant(), limit=2).ranked
        assert [m.vacancy for m in ranked] == ["v-a", "v-b"]
        assert ranked[0].score == ranked[1].score


def test_weights_can_be_overridden_per_call_without_refitting() -> None:
    near_dull = vacancy_record(id="v-near", location=north_of_home(0.5), tags=["administratie"])
    far_fun = vacancy_record(id="v-far", location=north_of_home(9), tags=["koken"])
    ranker = Ranker().fit(load_vacancies([near_dull, far_fun]))
    person = make_participant(interests=["koken"])
    distance_only = {name: 0.0 for name in COMPONENTS} | {"distance": 1.0}
    interest_only = {name: 0.0 for name in COMPONENTS} | {"interest": 1.0}
    assert ranker.rank(person, weights=distance_only).ranked[0].vacancy == "v-near"
    assert ranker.rank(person, weights=interest_only).ranked[0].vacancy == "v-far"
    cheap = ranker.with_weights(distance_only)
    assert cheap.text_index_ is ranker.text_index_
    assert cheap.rank(person).ranked[0].vacancy == "v-near"
    assert ranker.rank(person).to_dict() != cheap.rank(person).to_dict()


def test_score_is_the_normalised_weighted_mean_of_components() -> None:
    ranker = Ranker(weights={"interest": 2.0, "distance": 2.0}).fit(
        load_vacancies([vacancy_record(location=north_of_home(3.2))]))
    match = ranker.rank(make_participant()).ranked[0]
    weights = dict(zip(COMPONENTS, ranker.weights_, strict=True))
    assert weights["interest"] > weights["schedule"]
    expected = sum(weights[name] * value for name, value in match.components.items())
    assert math.isclose(match.score, expected, abs_tol=1e-12)
    assert math.isclose(sum(weights.values()), 1.0)


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(ValueError, match="engine"):
        Ranker(engine="turbo").fit([])
    with pytest.raises(ValueError, match="unknown component"):
        Ranker(weights={"charm": 1.0}).fit([])
    with pytest.raises(ValueError, match="at least one weight"):
        Ranker(weights=dict.fromkeys(COMPONENTS, 0.0)).fit([])
    with pytest.raises(RuntimeError, match="not fitted"):
        Ranker().rank(make_participant())
    duplicate = make_vacancy()
    with pytest.raises(ValueError, match="unique"):
        Ranker().fit([duplicate, duplicate])


def test_empty_index_ranks_nothing() -> None:
    for engine in ("fast", "reference"):
        ranking = Ranker(engine=engine).fit([]).rank(make_participant())
        assert ranking.to_dict() == {"participant": "p-1", "ranked": [], "excluded": []}


def test_exclusions_explain_themselves_in_dutch() -> None:
    vacancy = make_vacancy(location=north_of_home(12.3), language_min={"speaking": "B1"})
    person = make_participant(max_travel_km=5, languages={"nl": {"speaking": "A2"}})
    excluded = Ranker().fit([vacancy]).rank(person).excluded
    assert len(excluded) == 1
    assert [d.explanation for d in excluded[0].details] == [
        "Taal: spreken B1 gevraagd, deelnemer A2",
        "Afstand: 12,3 km, maximaal 5 km",
    ]
    assert excluded[0].to_dict() == {"vacancy": "v-1", "codes": ["language", "distance"]}


# --------------------------------------------------------------------------- candidates


def _five_and_a_closed_one() -> Ranker:
    return Ranker().fit(load_vacancies([
        vacancy_record(id=f"v-{i}", location=north_of_home(i)) for i in range(5)
    ] + [vacancy_record(id="v-closed", status="closed")]))


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_candidates_restrict_ranked_and_excluded(engine: str) -> None:
    vacancies = _five_and_a_closed_one().vacancies_
    ranker = Ranker(engine=engine).fit(vacancies)
    person = make_participant()
    mask = np.array([False, True, False, True, True, False])
    ranking = ranker.rank(person, candidates=mask)
    assert [m.vacancy for m in ranking.ranked] == ["v-1", "v-3", "v-4"]
    assert list(ranking.excluded) == []
    with_closed = ranker.rank(person, candidates=[5, 3])
    assert [m.vacancy for m in with_closed.ranked] == ["v-3"]
    assert [e.vacancy for e in with_closed.excluded] == ["v-closed"]


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_limit_picks_the_best_candidates(engine: str) -> None:
    ranker = Ranker(engine=engine).fit(_five_and_a_closed_one().vacancies_)
    person = make_participant()
    ranking = ranker.rank(person, limit=2, candidates=[4, 2, 3])
    assert [m.vacancy for m in ranking.ranked] == ["v-2", "v-3"]
    assert ranker.rank(person, limit=0, candidates=[4]).ranked == ()


def test_masks_and_positions_are_the_same_candidates() -> None:
    ranker = _five_and_a_closed_one()
    person = make_participant()
    by_mask = ranker.rank(person, candidates=np.array([True, False, False, True, False, True]))
    # Order and repeats of positions do not matter; a list of bools is a mask too.
    for same in ([5, 0, 3, 3], np.array([3, 0, 5]), [True, False, False, True, False, True]):
        assert ranker.rank(person, candidates=same) == by_mask
    assert by_mask.to_dict() != ranker.rank(person).to_dict()


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_no_candidates_rank_nothing(engine: str) -> None:
    ranker = Ranker(engine=engine).fit(_five_and_a_closed_one().vacancies_)
    person = make_participant()
    for nothing in ([], np.zeros(6, dtype=bool), np.zeros(0, dtype=np.int64)):
        ranking = ranker.rank(person, candidates=nothing)
        assert ranking.to_dict() == {"participant": "p-1", "ranked": [], "excluded": []}


def test_bad_candidates_are_refused() -> None:
    ranker = _five_and_a_closed_one()
    person = make_participant()
    with pytest.raises(ValueError, match="one entry per fitted vacancy"):
        ranker.rank(person, candidates=np.ones(5, dtype=bool))
    with pytest.raises(ValueError, match=r"\[0, 6\)"):
        ranker.rank(person, candidates=[6])
    with pytest.raises(ValueError, match=r"\[0, 6\)"):
        ranker.rank(person, candidates=[-1])
    with pytest.raises(TypeError, match="boolean mask or fitted positions"):
        ranker.rank(person, candidates=[0.5])
    with pytest.raises(ValueError, match="one-dimensional"):
        ranker.rank(person, candidates=np.ones((2, 3), dtype=bool))


def test_rank_many_passes_candidates_on() -> None:
    ranker = _five_and_a_closed_one()
    people = [make_participant(), make_participant(id="p-2")]
    rankings = ranker.rank_many(people, candidates=[1, 2], limit=1)
    assert [[m.vacancy for m in r.ranked] for r in rankings] == [["v-1"], ["v-1"]]


# --------------------------------------------------------------------------- distances


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_matches_and_exclusions_carry_their_distance(engine: str) -> None:
    vacancies = load_vacancies([
        vacancy_record(id="v-near", location=north_of_home(2.0)),
        vacancy_record(id="v-far", location=north_of_home(12.3)),
        vacancy_record(id="v-remote", remote=True, location=north_of_home(40.0)),
        vacancy_record(id="v-nowhere", location=None, postcode=None),
        vacancy_record(id="v-closed", status="closed", location=north_of_home(1.0)),
    ])
    person = make_participant(max_travel_km=5)
    ranking = Ranker(engine=engine).fit(vacancies).rank(person)
    ranked = {m.vacancy: m.distance_km for m in ranking.ranked}
    excluded = {e.vacancy: e.distance_km for e in ranking.excluded}
    assert set(ranked) == {"v-near", "v-remote", "v-nowhere"}
    assert ranked["v-near"] == pytest.approx(2.0, abs=0.01)
    # A remote vacancy keeps its distance: it is just never excluded by it.
    assert ranked["v-remote"] == pytest.approx(40.0, abs=0.05)
    assert ranked["v-nowhere"] is None
    assert excluded["v-far"] == pytest.approx(12.3, abs=0.01)
    assert excluded["v-closed"] == pytest.approx(1.0, abs=0.01)
    # Each distance is the pair's distance, to rounding.
    for item in [*ranking.ranked, *ranking.excluded]:
        vacancy = next(v for v in vacancies if v.id == item.vacancy)
        assert same_distance(item.distance_km, pair_distance_km(person, vacancy))
    # The arrays line up with the lists, NaN where unknown.
    np.testing.assert_array_equal(
        ranking.ranked_distances_km,
        [np.nan if m.distance_km is None else m.distance_km for m in ranking.ranked],
    )
    np.testing.assert_array_equal(
        ranking.excluded_distances_km, [e.distance_km for e in ranking.excluded]
    )


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_unknown_participant_location_gives_no_distances(engine: str) -> None:
    ranker = Ranker(engine=engine).fit(_five_and_a_closed_one().vacancies_)
    ranking = ranker.rank(make_participant(location=None, postcode=None))
    assert [m.distance_km for m in ranking.ranked] == [None] * 5
    assert [e.distance_km for e in ranking.excluded] == [None]
    assert np.isnan(ranking.excluded_distances_km).all()


def test_exclusion_distances_need_no_building() -> None:
    ranker = _five_and_a_closed_one()
    ranking = ranker.rank(make_participant(), candidates=[5, 0])
    excluded = ranking.excluded
    assert isinstance(excluded, ExclusionList)
    distances = ranking.excluded_distances_km
    assert excluded._cache == {}  # nothing decoded to get the distances
    assert not distances.flags.writeable
    assert distances.tolist() == [excluded[0].distance_km]


def test_distances_stay_out_of_the_contract_output() -> None:
    ranking = _five_and_a_closed_one().rank(make_participant())
    assert ranking.ranked[0].distance_km is not None
    output = ranking.to_dict()
    assert set(output["ranked"][0]) == {"vacancy", "score", "components", "reasons", "warnings"}
    assert set(output["excluded"][0]) == {"vacancy", "codes"}
