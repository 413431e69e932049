"""Acceptance: the dashboard reproduces the route table of the Wijchen report (000).

59 people Feb–Nov 2018; route 1 volunteering 20 (11 active volunteers), route 2
education/integration 6, route 3 social participation 23, route 4 health care 3;
9 left: 4 to education, 5 to work. The test builds equivalent records and reads the
figures back from the monitoring service and from the policy officer's page.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from marketplace.domain.placements import PlacementState
from marketplace.domain.vocabulary import (
    ExitReason,
    ParticipantStatus,
    ParticipationRoute,
    PlacementType,
    Role,
)
from marketplace.extensions import db as _db
from marketplace.models import Participant, Placement, PlacementEvent
from marketplace.services.reports import monitoring
from tests.builders import make_organisation, make_user, make_vacancy, municipality_named

PEILDATUM = date(2018, 11, 30)
PERIOD = (date(2018, 2, 1), date(2018, 11, 30))
ROUTES = [
    (ParticipationRoute.VRIJWILLIGERSWERK, 20),
    (ParticipationRoute.ONDERWIJS, 6),
    (ParticipationRoute.SOCIALE_PARTICIPATIE, 23),
    (ParticipationRoute.ZORG, 3),
]
NO_ROUTE = 7  # 59 people, 52 of them on a route
EXITS = [ExitReason.EDUCATION] * 4 + [ExitReason.PAID_WORK] * 5


def _person(coach, number: int, route) -> Participant:
    person = Participant(
        ref=f"w-{number}",
        coach=coach,
        first_name=f"Persoon{number}",
        status=ParticipantStatus.ACTIVE,
        intake_date=date(2018, 2, 1 + number % 28),
        controller=municipality_named("Wijchen"),
        participation_route=route,
    )
    _db.session.add(person)
    return person


def _place_as_volunteer(person: Participant, vacancy, at: datetime) -> None:
    placement = Placement(participant=person, vacancy=vacancy, state=PlacementState.PLACED)
    for state in (
        PlacementState.PROPOSED,
        PlacementState.ACCEPTED,
        PlacementState.PROEFPERIODE,
        PlacementState.PLACED,
    ):
        placement.events.append(PlacementEvent(to_state=state, at=at))
    _db.session.add(placement)


@pytest.fixture()
def wijchen(db):
    coach = make_user(Role.COACH, municipality="Wijchen", team="Team Wijchen")
    vacancy = make_vacancy(
        make_organisation(municipality="Wijchen"), type=PlacementType.VRIJWILLIGERSWERK,
        capacity=20,
    )
    people = []
    for route, count in ROUTES:
        people += [_person(coach, len(people) + n, route) for n in range(count)]
    people += [_person(coach, len(people) + n, None) for n in range(NO_ROUTE)]
    for person in people[:11]:  # 11 of route 1 are active volunteers
        _place_as_volunteer(person, vacancy, datetime(2018, 6, 1, 10, tzinfo=UTC))
    leavers = [p for p in people if p.participation_route is not None][-len(EXITS):]
    for person, reason in zip(leavers, EXITS, strict=True):
        person.status, person.exit_reason = ParticipantStatus.CLOSED, reason
        person.closed_on = date(2018, 10, 15)
    db.commit()
    return people


def _filters() -> monitoring.Filters:
    return monitoring.Filters(PEILDATUM, *PERIOD, municipality="Wijchen")


def test_route_table_matches_the_report(wijchen) -> None:
    counts = monitoring.route_counts(_filters())
    assert sum(counts.values()) == 59
    assert [counts[route.value] for route, _ in ROUTES] == [20, 6, 23, 3]
    assert monitoring.active_volunteers(_filters()) == 11
    outflow = monitoring.outflow_counts(_filters())
    assert sum(outflow.values()) == 9
    assert outflow == {"education": 4, "paid_work": 5}


def test_the_page_shows_the_same_figures_with_small_counts_hidden(
    wijchen, client, login
) -> None:
    login(make_user(Role.POLICY, municipality="Wijchen"))  # Wijchen's policy officer
    page = client.get(
        "/rapportages/?peildatum=2018-11-30&van=2018-02-01&tot=2018-11-30&gemeente=Wijchen"
    ).get_data(as_text=True)
    for shown in ("20", "23", "59", "11"):
        assert f">{shown}<" in page
    # Route 4 (3 people) and outflow to education (4) are under 5: never shown as such.
    assert ">3<" not in page and ">4<" not in page
    assert "&lt;5" in page


def test_a_peildatum_before_the_placements_shows_no_volunteers(wijchen) -> None:
    before = monitoring.Filters(date(2018, 5, 1), *PERIOD, municipality="Wijchen")
    assert monitoring.active_volunteers(before) == 0
