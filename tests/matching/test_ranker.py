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
