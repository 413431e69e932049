"""Issue 17: group matching leaves out paused participants, warns about open proposals
and lets the coach choose, shows whole organisation names."""

from __future__ import annotations

from sqlalchemy import select

from marketplace.domain.vocabulary import ConsentPurpose, ParticipantStatus, Role
from marketplace.models import CohortAllocation
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)

BOTH = (ConsentPurpose.MATCHING, ConsentPurpose.SHARING)
LONG_NAME = ("Stichting Vrijwilligerswerk en Buurtontmoeting Nijmegen-Oost en "
             "Omstreken, afdeling Keukens")


def _person(coach, name, **fields):
    return make_participant(coach, first_name=name, interests=["koken"], consents=BOTH,
                            availability=["mon_morning"], **fields)


def test_paused_are_left_out_and_open_proposals_are_warned(login, db) -> None:
    coach = make_user(Role.COACH)
    client = login(coach)
    org = make_organisation(name=LONG_NAME)
    make_vacancy(org, title="Keuken", tags=["koken"], schedule=["mon_morning"],
                           capacity=3, proposal_cap=3)
    elsewhere = make_vacancy(org, title="Wasserette", schedule=["mon_morning"])
    active = _person(coach, "Amal")
    paused = _person(coach, "Pauze", status=ParticipantStatus.PAUSED)
    busy = _person(coach, "Bisrat")
    make_placement(busy, elsewhere)
    page = client.get("/koppelen/groep").get_data(as_text=True)
    assert "Amal" in page and "Pauze" not in page
    assert "Let op: heeft al een open voorstel bij Wasserette." in page
    # A paused participant posted anyway is not allocated (the service refuses too).
    response = client.post("/koppelen/groep", data={"participants": [
        active.id, paused.id, busy.id]})
    assert response.status_code == 302
    run = db.scalars(select(CohortAllocation)).one()
    assert {row["participant_id"] for row in run.rows} == {active.id, busy.id}
    result = client.get(f"/koppelen/groep/{run.id}").get_data(as_text=True)
    assert "Let op: heeft al een open voorstel bij Wasserette." in result
    assert f"Keuken ({LONG_NAME})" in result  # the whole name, nothing cut off
    assert "kk-cohort-table" in result
