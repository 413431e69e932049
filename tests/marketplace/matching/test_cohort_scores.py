"""The cohort's scores come from the engine's `score_pairs` (people sharing their
rules' branches scored together); they must be `score_row`'s, person by person."""

from __future__ import annotations

import numpy as np

from marketplace.domain.vocabulary import LearningRoute, Role
from marketplace.services.matching import allocation
from marketplace.services.matching.index import vacancy_index
from marketplace.services.profiles.engine import to_engine_participant
from tests.builders import make_organisation, make_participant, make_user, make_vacancy


def test_the_cohort_scores_are_score_row_person_by_person(db) -> None:
    coach = make_user(Role.COACH)
    organisation = make_organisation()
    places = [
        make_vacancy(organisation, title="Keuken wijkcentrum", tags=["koken"], capacity=3),
        make_vacancy(organisation, title="Fietsenmaker", tags=["fietsen"], lat=51.9, lon=5.8),
        make_vacancy(organisation, title="Tuin", tags=["tuin"], schedule=["tue_morning"]),
        make_vacancy(organisation, title="Bellen", tags=["koken"], remote=True, lat=None,
                     lon=None, postcode=None),
    ]
    # Different speaking levels, routes, genders and interests: several groups.
    people = [
        make_participant(coach),
        make_participant(coach, nl_speaking="B2", route=LearningRoute.B1, interests=["fietsen"]),
        make_participant(coach, gender="m", interests=[], max_travel_km=3),
        make_participant(coach, nl_speaking="B1", experience="Ik heb in een tuin gewerkt",
                         availability=["tue_morning", "mon_morning"]),
        make_participant(coach, interests=["koken", "tuin"], lat=51.95, lon=5.7),
    ]
    index = vacancy_index()
    slots = {v.id: 5 for v in places}
    result = allocation.allocate_cohort(people, slots, options=len(places))
    assert any(row.options for row in result.rows)
    for row, person in zip(result.rows, people, strict=True):
        expected = index.ranker.score_row(to_engine_participant(person))
        feasible = np.flatnonzero(expected.feasible)
        assert sorted(option.vacancy_id for option in row.options) == sorted(
            int(index.db_ids[at]) for at in feasible)
        for option in row.options:
            at = index.position[option.vacancy_id]
            assert option.score == float(expected.score[at])  # the same bits
