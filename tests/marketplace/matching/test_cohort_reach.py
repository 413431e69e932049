"""Cohort allocation builds its problem over the vacancies within the group's reach
only (services/matching/cohort.py, within_reach); the result must be the one over every
open vacancy of the country."""

from __future__ import annotations

from typing import Any

from marketplace.domain.vocabulary import ConsentPurpose, Role
from marketplace.services.matching import allocation
from marketplace.services.matching.cohort import open_slots, run_cohort, within_reach
from marketplace.services.placements.proposals import open_pairs
from matching.geo import lookup_postcode
from tests.builders import make_organisation, make_participant, make_user, make_vacancy


def at(postcode: str) -> dict[str, Any]:
    point = lookup_postcode(postcode)
    assert point is not None
    return {"postcode": postcode, "lat": point.lat, "lon": point.lon}


def _world() -> tuple[Any, list[Any], dict[str, Any]]:
    coach = make_user(Role.COACH)
    organisation = make_organisation()
    places = {
        "dichtbij": make_vacancy(organisation, title="Keuken Nijmegen", tags=["koken"],
                                 capacity=2, **at("6511")),
        "wijchen": make_vacancy(organisation, title="Keuken Wijchen", tags=["koken"],
                                **at("6601")),
        "weert": make_vacancy(organisation, title="Keuken Weert", tags=["koken"],
                              capacity=3, **at("6001")),
        "op afstand": make_vacancy(organisation, title="Bellen", tags=["koken"], remote=True,
                                   lat=None, lon=None, postcode=None),
        "onbekend": make_vacancy(organisation, title="Ergens", tags=["koken"], lat=None,
                                 lon=None, postcode=None),
    }
    people = [make_participant(coach, interests=["koken"], max_travel_km=12,
                               consents=(ConsentPurpose.MATCHING,), **at(code))
              for code in ("6511", "6512", "6601", "6541")]
    return coach, people, places


def test_the_reach_leaves_out_only_places_too_far_for_everyone(db) -> None:
    _, people, places = _world()
    reached = open_slots(within_reach(people))
    assert set(reached) == {v.id for k, v in places.items() if k != "weert"}
    assert set(open_slots()) == {v.id for v in places.values()}


def test_someone_without_a_location_reaches_everything(db) -> None:
    coach, people, _ = _world()
    nowhere = make_participant(coach, lat=None, lon=None, postcode=None)
    assert within_reach([*people, nowhere]) is None


def test_the_allocation_is_the_one_over_every_open_vacancy(db) -> None:
    coach, people, _ = _world()
    run = run_cohort(coach, [p.id for p in people])
    everywhere = allocation.allocate_cohort(people, open_slots(), open_pairs(p.id for p in people))
    by_person = {row["participant_id"]: row for row in run.rows}
    assert sum(1 for row in run.rows if row["assigned"]) == 4
    for row in everywhere.rows:
        stored = by_person[row.participant_id]
        assert stored["assigned"] == {"vacancy_id": row.assigned.vacancy_id,
                                      "score": row.assigned.score}
        assert [o["vacancy_id"] for o in stored["options"]] == [
            o.vacancy_id for o in row.options]
