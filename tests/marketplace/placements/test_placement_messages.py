"""Issue 17: messages per placement between coach and organisation (and the employer by
link): on the page, with notification and mail, in the audit log, erased with her texts."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from marketplace.domain.placements import PlacementState
from marketplace.domain.vocabulary import Role
from marketplace.errors import DomainError
from marketplace.extensions import db as _db
from marketplace.models import AuditEntry, Notification, OutboxMessage, PlacementMessage
from marketplace.services.participants.privacy import erase_participant
from marketplace.services.placements import links
from marketplace.services.placements import messages as service
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)


@pytest.fixture()
def world(db):
    coach = make_user(Role.COACH, email="karin@test.nl", name="Coach Karin")
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation, email="lid@klimop.nl",
                       name="Lid Lotte")
    placement = make_placement(make_participant(coach, first_name="Amina"),
                               make_vacancy(organisation), state=PlacementState.KENNISMAKING)
    return coach, member, placement


def test_a_message_reaches_the_other_side_and_the_audit_log(world, login) -> None:
    coach, member, placement = world
    client = login(member)
    sent = client.post(f"/plaatsingen/{placement.id}/bericht",
                       data={"text": "Kan zij ook op dinsdag?"})
    assert sent.status_code == 302
    page = client.get(f"/plaatsingen/{placement.id}").get_data(as_text=True)
    assert "Kan zij ook op dinsdag?" in page and "Lid Lotte" in page
    mail = _db.session.scalars(select(OutboxMessage)).one()
    assert mail.recipient == "karin@test.nl" and "Kan zij ook op dinsdag?" in mail.body
    note = _db.session.scalars(select(Notification)).one()
    assert note.user_id == coach.id and note.link == f"/plaatsingen/{placement.id}"
    entry = _db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == "placement_message")).one()
    assert entry.actor_id == member.id and "dinsdag" not in (entry.detail or "")


def test_an_empty_or_too_long_message_is_refused_on_the_field(world, login) -> None:
    coach, _, placement = world
    client = login(coach)
    for text in ("   ", "x" * 2001):
        response = client.post(f"/plaatsingen/{placement.id}/bericht", data={"text": text})
        assert response.status_code == 200
        assert 'id="text-fout"' in response.get_data(as_text=True)
    assert _db.session.scalars(select(PlacementMessage)).all() == []


def test_the_employer_writes_through_the_link_which_stays_usable(db, client) -> None:
    coach = make_user(Role.COACH, email="karin@test.nl")
    vacancy = make_vacancy(make_organisation(), contact_email="baas@bakkerij.nl")
    placement = make_placement(make_participant(coach), vacancy,
                               state=PlacementState.KENNISMAKING)
    token = links.send_link(placement.id, coach, "baas@bakkerij.nl")
    url = f"/plaatsingen/{placement.id}/bevestigen/{token}"
    response = client.post(f"{url}/bericht", data={"text": "Wij verwachten haar om 9 uur."})
    assert response.status_code == 302
    page = client.get(url)  # not spent: writing is not the step
    assert page.status_code == 200
    assert "Wij verwachten haar om 9 uur." in page.get_data(as_text=True)
    mails = [m for m in _db.session.scalars(select(OutboxMessage))
             if m.recipient == "karin@test.nl"]
    assert mails and "Werkgever (baas@bakkerij.nl)" in mails[-1].body
    forged = client.post(f"/plaatsingen/{placement.id}/bevestigen/{token}x/bericht",
                         data={"text": "Nep"})
    assert forged.status_code == 404


def test_an_outsider_cannot_write(world) -> None:
    _, _, placement = world
    with pytest.raises(DomainError):
        service.post(placement.id, make_user(Role.COACH), "Hallo")


def test_erasure_blanks_the_messages(world) -> None:
    coach, member, placement = world
    service.post(placement.id, coach, "Amina heeft rugklachten.")
    erase_participant(placement.participant, coach)
    _db.session.commit()
    texts = [m.text for m in _db.session.scalars(select(PlacementMessage))]
    assert texts == ["[verwijderd]"]
    assert not any(re.search("rugklachten", m.body) for m in
                   _db.session.scalars(select(OutboxMessage)))
