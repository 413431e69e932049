"""The fast engine's shortcuts: the distance box decides exactly as the haversine."""

from __future__ import annotations

import random

import numpy as np
import pytest

from matching import Ranker, check, load_participants, load_vacancies, pair_distance_km
from tests.matching.builders import participant_record, vacancy_record

# Origins where a bounding box is easy to get wrong: the region, high latitudes,
# near a pole, both sides of the antimeridian, the equator.
ORIGINS = [(51.84, 5.86), (69.6, 18.9), (89.2, 40.0), (-88.5, -120.0), (0.0, 179.95),
           (-17.7, -179.9), (0.0, 0.0)]


@pytest.mark.parametrize(("lat", "lon"), ORIGINS)
@pytest.mark.parametrize("reach", [0.5, 10.0, 300.0, 12_000.0])
def test_the_box_never_changes_which_vacancies_are_too_far(
    lat: float, lon: float, reach: float
) -> None:
    rng = random.Random(f"{lat},{lon},{reach}")
    spread = min(90.0, reach / 111.0 * 1.5)

    def near() -> dict[str, float]:
        return {"lat": max(-90.0, min(90.0, lat + rng.uniform(-spread, spread))),
                "lon": (lon + rng.uniform(-3 * spread, 3 * spread) + 180.0) % 360.0 - 180.0}

    vacancies = load_vacancies([
        vacancy_record(id=f"v-{i}", location=near(), remote=i % 17 == 0, schedule=[])
        for i in range(400)
    ] + [vacancy_record(id="v-unknown", location=None, postcode=None, schedule=[])])
    person = load_participants(participant_record(
        id="p", location={"lat": lat, "lon": lon}, max_travel_km=reach))[0]
    ranking = Ranker().fit(vacancies).rank(person)
    too_far = {e.vacancy for e in ranking.excluded if "distance" in e.codes}
    expected = {v.id for v in vacancies
                if "distance" in check(person, v, pair_distance_km(person, v))}
    assert too_far == expected
    assert 0 < len(too_far) < len(vacancies) or reach >= 12_000.0
    # Distances the box skipped are still reported, and agree with the pair's own.
    for item in [*ranking.ranked, *ranking.excluded]:
        vacancy = next(v for v in vacancies if v.id == item.vacancy)
        expected_km = pair_distance_km(person, vacancy)
        if expected_km is None:
            assert item.distance_km is None
        else:
            assert item.distance_km == pytest.approx(expected_km, abs=1e-9)
    assert np.array_equal(
        ranking.excluded_distances_km,
        [np.nan if e.distance_km is None else e.distance_km for e in ranking.excluded],
        equal_nan=True,
    )


def _fitted_places(count: int) -> list:  # type: ignore[type-arg]
    works = ["keuken", "tuin", "kapsalon", "fietsenwerkplaats", "bibliotheek", "magazijn"]
    return load_vacancies([
        vacancy_record(id=f"v-{i:03d}", title=f"Helpen in de {works[i % 6]} {i // 6}",
                       tags=[works[(i * 5) % 6]],
                       description=f"Je werkt mee in de {works[(i * 7) % 6]}. Met collega's.")
        for i in range(count)
    ])


def test_a_fit_with_the_semantic_index_in_a_second_thread_ranks_as_one_in_one_thread(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from matching import ranker

    places = _fitted_places(60)
    person = load_participants(participant_record(
        id="p", interests=["koken", "tuinieren"], experience="Ik werkte in een keuken."))[0]
    monkeypatch.setattr(ranker, "FIT_IN_PARALLEL_FROM", 10**9)
    serial = Ranker().fit(places)
    monkeypatch.setattr(ranker, "FIT_IN_PARALLEL_FROM", 0)
    threaded = Ranker().fit(places)
    assert threaded.semantic_index_ is not None and serial.semantic_index_ is not None
    assert np.array_equal(threaded.semantic_index_.matrix_, serial.semantic_index_.matrix_)
    assert np.array_equal(threaded.semantic_index_.hubs_, serial.semantic_index_.hubs_)
    assert threaded.rank(person) == serial.rank(person)


@pytest.mark.parametrize("threshold", [0, 10**9])
def test_an_error_in_the_semantic_fit_reaches_the_caller_in_either_thread(
        monkeypatch: pytest.MonkeyPatch, threshold: int) -> None:
    from matching import ranker

    def broken(self: object, vacancies: object) -> object:
        raise OSError("vector directory unreadable")

    monkeypatch.setattr(ranker, "FIT_IN_PARALLEL_FROM", threshold)
    monkeypatch.setattr(ranker.SemanticIndex, "fit", broken)
    with pytest.raises(OSError, match="unreadable"):
        Ranker().fit(_fitted_places(10))


@pytest.mark.parametrize("shuffled", [False, True])
def test_the_columns_hold_each_vacancys_own_values_in_any_id_order(shuffled: bool) -> None:
    ids = ["V-2", "v-1", "v-10", "v-9", "v-é", "v-z", "ß", "v-\u00e9\u0301"]
    records = [vacancy_record(id=id_, location=None if at % 3 == 0 else {"lat": 52.0 + at,
                                                                         "lon": 5.0 - at},
                              remote=at % 3 == 0,
                              hours_per_week=None if at % 2 else {"min": at, "max": 9})
               for at, id_ in enumerate(sorted(ids))]
    if shuffled:
        random.Random(4).shuffle(records)
    vacancies = load_vacancies(records)
    columns = Ranker().fit(vacancies).columns_
    in_id_order = sorted(range(len(vacancies)), key=lambda at: vacancies[at].id)
    assert columns.id_rank[in_id_order].tolist() == list(range(len(vacancies)))
    assert any(v.location is None for v in vacancies) and any(v.hours is None for v in vacancies)
    nan = (np.nan, np.nan)
    for at, vacancy in enumerate(vacancies):
        where, hours = vacancy.location, vacancy.hours
        expected = [*((where.lat, where.lon) if where else nan),
                    *((hours.min, hours.max) if hours else nan)]
        found = [columns.lat[at], columns.lon[at], columns.hours_min[at], columns.hours_max[at]]
        np.testing.assert_array_equal(found, expected)
