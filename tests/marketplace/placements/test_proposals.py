"""Proposing: consent to share, the cap on open proposals, excluded vacancies need a
reason, no duplicates, and what the organisation sees (never health or family)."""

from __future__ import annotations

import logging
import threading

import pytest
from sqlalchemy import func, select

from marketplace.domain.placements import PlacementState
from marketplace.domain.vocabulary import ConsentPurpose, Role
from marketplace.errors import DomainError
from marketplace.extensions import db as _db
from marketplace.models import Placement, User
from marketplace.services.placements.proposals import propose
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)

BOTH = (ConsentPurpose.MATCHING, ConsentPurpose.SHARING)


@pytest.fixture(autouse=True)
def request_context(app):
    """Services translate their messages, so direct calls need a request context."""
    with app.test_request_context():
        yield


@pytest.fixture()
def coach(login, db):
    user = make_user(Role.COACH, name="Fatima de Groot", email="fatima@coach.nl")
    login(user)
    return user


def _person(coach, **fields):
    return make_participant(coach, consents=fields.pop("consents", BOTH), **fields)


def _count(db) -> int:
    return db.scalar(select(func.count()).select_from(Placement)) or 0


def test_propose_creates_a_proposed_placement_with_an_event(client, coach, db) -> None:
    person, vacancy = _person(coach), make_vacancy()
    url = f"/koppelen/deelnemers/{person.id}/voorstel/{vacancy.id}"
    assert "Dit ziet de organisatie" in client.get(url).get_data(as_text=True)
    response = client.post(url, data={"message": "Kookt graag, komt op maandag."})
    assert response.status_code == 302
    placement = db.scalars(select(Placement)).one()
    assert placement.state == PlacementState.PROPOSED
    assert placement.proposed_by_id == coach.id and placement.override_reason is None
    assert placement.message == "Kookt graag, komt op maandag."
    [event] = placement.events
    assert event.from_state is None and event.to_state == PlacementState.PROPOSED
    assert event.actor_id == coach.id and "Kookt graag" in event.note


def test_without_consent_to_share_nothing_is_proposed(client, coach, db) -> None:
    person = _person(coach, first_name="Sara", consents=(ConsentPurpose.MATCHING,))
    vacancy = make_vacancy()
    page = client.post(f"/koppelen/deelnemers/{person.id}/voorstel/{vacancy.id}",
                       data={"message": "x"}).get_data(as_text=True)
    assert "Sara Test heeft geen toestemming gegeven om gegevens te delen" in page
    assert _count(db) == 0


def test_withdrawn_consent_counts_as_none(coach, db) -> None:
    from datetime import date

    person = _person(coach)
    sharing = next(c for c in person.consents if c.purpose == ConsentPurpose.SHARING)
    sharing.withdrawn_on = date(2026, 2, 1)
    db.commit()
    with pytest.raises(DomainError, match="toestemming"):
        propose(coach, person, make_vacancy(), "")
    assert _count(db) == 0


def test_the_cap_on_open_proposals_holds(client, coach, db) -> None:
    vacancy = make_vacancy(proposal_cap=2, capacity=5)
    people = [_person(coach) for _ in range(3)]
    for person in people[:2]:
        propose(coach, person, vacancy, "")
    page = client.post(f"/koppelen/deelnemers/{people[2].id}/voorstel/{vacancy.id}",
                       data={"message": ""}).get_data(as_text=True)
    assert "Deze plek heeft al 2 open voorstellen" in page
    assert _count(db) == 2
    # A closed proposal frees a place under the cap.
    first = db.scalars(select(Placement)).first()
    first.state = PlacementState.DECLINED
    db.commit()
    propose(coach, people[2], vacancy, "")
    assert _count(db) == 3


def test_no_second_open_proposal_for_the_same_pair(coach, db) -> None:
    person, vacancy = _person(coach), make_vacancy()
    propose(coach, person, vacancy, "")
    with pytest.raises(DomainError, match="al een voorstel"):
        propose(coach, person, vacancy, "")
    assert _count(db) == 1


def test_an_excluded_vacancy_needs_a_written_reason_which_is_logged(
    client, coach, db, caplog
) -> None:
    person = _person(coach, nl_speaking="A1")
    vacancy = make_vacancy(lang_min_speaking="B1")
    url = f"/koppelen/deelnemers/{person.id}/voorstel/{vacancy.id}"
    page = client.get(url).get_data(as_text=True)
    assert "Taal: spreken B1 gevraagd, deelnemer A1" in page
    page = client.post(url, data={"message": "Graag"}).get_data(as_text=True)
    assert "Schrijf op waarom u deze plek toch voorstelt." in page
    assert _count(db) == 0
    with caplog.at_level(logging.WARNING, logger="marketplace.services.placements.proposals"):
        response = client.post(url, data={"message": "Graag",
                                          "override_reason": "Spreekt beter dan getest."})
    assert response.status_code == 302
    placement = db.scalars(select(Placement)).one()
    assert placement.override_reason == "Spreekt beter dan getest."
    assert "ondanks uitsluiting (language)" in placement.events[0].note
    assert "Spreekt beter dan getest." in placement.events[0].note
    assert any("excluded vacancy proposed" in r.getMessage() for r in caplog.records)


def test_only_published_vacancies_and_own_participants(client, login, db) -> None:
    other = make_participant(consents=BOTH)
    me = make_user(Role.COACH)
    login(me)
    vacancy = make_vacancy()
    assert client.get(f"/koppelen/deelnemers/{other.id}/voorstel/{vacancy.id}").status_code == 404
    with pytest.raises(DomainError):
        propose(me, other, vacancy, "")
    mine = make_participant(me, consents=BOTH)
    draft = make_vacancy(status="draft")
    assert client.get(f"/koppelen/deelnemers/{mine.id}/voorstel/{draft.id}").status_code == 404


SECRETS = {
    "last_name": "Geheimachternaam",
    "health_notes": "Rugklachten-GEHEIM",
    "household_notes": "Gezin-GEHEIM met drie kinderen",
    "email": "deelnemer-geheim@example.nl",
    "phone": "06-99887766",
    "postcode": "6543 KL",
}


def test_the_organisation_sees_only_what_it_needs(client, login, coach, db) -> None:
    organisation = make_organisation(name="Buurthuis Oost")
    vacancy = make_vacancy(organisation, title="Koken in Oost", schedule=["mon_morning"])
    person = _person(coach, first_name="Hiba", nl_speaking="A2", nl_reading="A1",
                     children_ages=[9, 6], availability=["mon_morning", "tue_morning",
                                                         "wed_afternoon"],
                     lessons=["tue_morning"], childcare_needed=["wed_afternoon"], **SECRETS)
    propose(coach, person, vacancy, "Hiba kookt voor grote groepen.")
    client.post("/logout")
    login(make_user(Role.ORGANISATION, organisation=organisation))
    page = client.get("/koppelen/voorstellen").get_data(as_text=True)
    assert "Hiba" in page and "Koken in Oost" in page
    assert "Hiba kookt voor grote groepen." in page
    assert "Fatima de Groot" in page and "fatima@coach.nl" in page
    assert "Spreken A2" in page and "Lezen A1" in page
    for secret in [*SECRETS.values(), person.ref, "Leeftijden", "kinderen thuis", "Gezondheid"]:
        assert secret not in page, secret
    # Availability without the blocked dayparts (lessons, children), and without saying why.
    grid = page.split("Beschikbaar")[1]
    assert grid.count("✓") == 1


def test_other_organisations_do_not_see_the_proposal(client, login, coach, db) -> None:
    vacancy = make_vacancy(title="Koken in Oost")
    propose(coach, _person(coach, first_name="Hiba"), vacancy, "")
    client.post("/logout")
    login(make_user(Role.ORGANISATION, organisation=make_organisation()))
    page = client.get("/koppelen/voorstellen").get_data(as_text=True)
    assert "Hiba" not in page and "Koken in Oost" not in page
    assert client.get("/koppelen/voorstellen").status_code == 200


def test_coaches_cannot_open_the_organisation_page(client, coach) -> None:
    assert client.get("/koppelen/voorstellen").status_code == 403


def test_cap_holds_under_concurrent_proposals(app, coach, db) -> None:
    if _db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers itself; row locks need PostgreSQL")
    vacancy = make_vacancy(proposal_cap=2, capacity=10)
    ids = [_person(coach).id for _ in range(6)]
    coach_id, vacancy_id = coach.id, vacancy.id
    barrier, outcomes = threading.Barrier(len(ids)), []

    def attempt(participant_id: int) -> None:
        with app.app_context(), app.test_request_context():
            from marketplace.models import Participant, Vacancy

            actor = _db.session.get(User, coach_id)
            person = _db.session.get(Participant, participant_id)
            place = _db.session.get(Vacancy, vacancy_id)
            barrier.wait()
            try:
                propose(actor, person, place, "")
                outcomes.append("ok")
            except DomainError:
                outcomes.append("refused")
            finally:
                _db.session.remove()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "ok"] + ["refused"] * 4
    assert _count(db) == 2


def test_open_proposal_counts_for_more_vacancies_than_one_statement_takes(db):
    """The cohort asks for every open vacancy (75,000 at national size, more than
    PostgreSQL's 65,535 parameters): counted from all open proposals, only the asked."""
    from marketplace.services.placements.proposals import open_proposal_counts

    first, last, other = make_vacancy(), make_vacancy(), make_vacancy()
    for vacancy in (first, last, last, other):
        make_placement(vacancy=vacancy)
    make_placement(vacancy=first, state=PlacementState.DECLINED)  # not open
    # Ids that do not exist: more than either database takes in one statement.
    filler = range(10**7, 10**7 + 70_000)
    assert open_proposal_counts([first.id, *filler, last.id]) == {first.id: 1, last.id: 2}
    assert open_proposal_counts([first.id, other.id]) == {first.id: 1, other.id: 1}
