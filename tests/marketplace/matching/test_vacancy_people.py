"""Issue 17: from a vacancy to people. The engine ranks the coach's own participants for
one vacancy with the matches page's scores, reasons and exclusions; no other caseload is
ever visible; the volunteer centre sees only a number."""

from __future__ import annotations

import pytest

from marketplace.domain.placements import PlacementState
from marketplace.domain.vocabulary import ParticipantStatus, Role, VacancyStatus
from marketplace.services.matching import for_vacancy, ranking
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)

WEEK = [f"{d}_{p}" for d in ("mon", "tue", "wed", "thu", "fri") for p in ("morning", "afternoon")]


@pytest.fixture()
def world(db):
    centre = make_organisation(name="Centrale", kind="vrijwilligerscentrale")
    org = make_organisation(name="Wijkcentrum De Klimop", managed_by_id=centre.id)
    vacancy = make_vacancy(org, title="Koken in de buurtkeuken", tags=["koken"],
                           schedule=["mon_morning"])
    coach, other = make_user(Role.COACH), make_user(Role.COACH)
    people = {
        "cook": make_participant(coach, first_name="Hiba", availability=WEEK,
                                 interests=["koken"]),
        "gardener": make_participant(coach, first_name="Sara", availability=WEEK,
                                     interests=["tuin"]),
        "sunday": make_participant(coach, first_name="Noor", availability=["sun_morning"],
                                   interests=["koken"]),
        "paused": make_participant(coach, first_name="Pauze", availability=WEEK,
                                   interests=["koken"], status=ParticipantStatus.PAUSED),
        "no_consent": make_participant(coach, first_name="Geen", availability=WEEK,
                                       interests=["koken"], consents=()),
        "others": make_participant(other, first_name="Vreemd", availability=WEEK,
                                   interests=["koken"]),
    }
    centre_user = make_user(Role.CENTRALE, organisation_id=centre.id)
    return coach, vacancy, people, centre_user


def test_the_own_fitting_participants_ranked_like_the_matches_page(world) -> None:
    coach, vacancy, people, _ = world
    result = for_vacancy.people_for_vacancy(coach, vacancy)
    assert result.indexed
    assert [row.name for row in result.fitting][:2] == ["Hiba Test", "Sara Test"]
    cook = result.fitting[0]
    # The same score and reasons as Hiba's own matches page says about this vacancy.
    page = ranking.rank_for(people["cook"])
    same = next(row for row in page.ranked if row.vacancy_id == vacancy.id)
    assert cook.score == pytest.approx(same.score) and cook.reasons == same.reasons
    assert "Past bij interesse koken" in cook.reasons
    assert [row.name for row in result.excluded] == ["Noor Test"]
    names = {row.name for row in [*result.fitting, *result.excluded]}
    assert not names & {"Pauze Test", "Geen Test", "Vreemd Test"}  # paused, no consent, other


def test_the_page_shows_only_the_own_caseload_and_marks_open_proposals(world, login) -> None:
    coach, vacancy, people, _ = world
    make_placement(people["cook"], vacancy, state=PlacementState.PROPOSED)
    html = login(coach).get(f"/koppelen/vacatures/{vacancy.id}/deelnemers").get_data(
        as_text=True)
    assert "Hiba Test" in html and "Vreemd" not in html
    assert "Voorgesteld" in html
    assert "Noor Test</strong>:" in html  # excluded, with the engine's reason
    vacancy_page = login(coach).get(f"/vacatures/{vacancy.id}").get_data(as_text=True)
    assert f"/koppelen/vacatures/{vacancy.id}/deelnemers" in vacancy_page


def test_the_volunteer_centre_sees_a_number_never_a_name(world, login, client) -> None:
    coach, vacancy, people, centre_user = world
    assert for_vacancy.fitting_count_in_region(vacancy) == 3  # Hiba, Sara and Vreemd
    html = login(centre_user).get(f"/koppelen/vacatures/{vacancy.id}/deelnemers").get_data(
        as_text=True)
    assert "3 deelnemers in de regio passen bij deze plek." in html
    for name in ("Hiba", "Sara", "Vreemd", "Noor"):
        assert name not in html


def test_an_unpublished_vacancy_ranks_nobody(world) -> None:
    coach, vacancy, _, _ = world
    draft = make_vacancy(vacancy.organisation, status=VacancyStatus.DRAFT)
    assert not for_vacancy.people_for_vacancy(coach, draft).indexed
    assert for_vacancy.fitting_count_in_region(draft) is None
