"""Issue 17: every mail about a planned kennismaking carries an .ics invitation, to the
coach and to the organisation, delivered through a real SMTP server."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from icalendar import Calendar

from marketplace.domain.placements import PlacementAction, PlacementState
from marketplace.domain.vocabulary import Role
from marketplace.extensions import db as _db
from marketplace.services.placements import placements as service
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)
from tests.mailserver import MAIL_SETTINGS, Inbox, free_port, run_outbox, serve


@pytest.fixture()
def port() -> int:
    return free_port()


@pytest.fixture()
def mail_app(make_app, port):
    return make_app(SMTP_PORT=port, **MAIL_SETTINGS)


def _invites(message) -> list[Calendar]:
    return [Calendar.from_ical(part.get_content()) for part in message.iter_attachments()
            if part.get_content_type() == "text/calendar"]


def test_both_sides_get_the_invitation_and_a_new_plan_moves_it(db, mail_app, port) -> None:
    coach = make_user(Role.COACH, email="karin@test.nl", name="Coach Karin")
    organisation = make_organisation(name="Wijkcentrum De Klimop")
    make_user(Role.ORGANISATION, organisation=organisation, email="lid@klimop.test")
    person = make_participant(coach, first_name="Amina")
    placement = make_placement(person, make_vacancy(organisation),
                               state=PlacementState.ACCEPTED)
    moment = (datetime.now() + timedelta(days=3)).replace(hour=10, minute=0, second=0,
                                                          microsecond=0)
    service.transition(placement.id, PlacementAction.PLAN_KENNISMAKING, coach, {
        "kennismaking_at": moment, "kennismaking_place": "Wijkcentrum, zaal 2"})
    service.transition(placement.id, PlacementAction.PLAN_KENNISMAKING, coach, {
        "kennismaking_at": moment + timedelta(days=1), "kennismaking_place": "Zaal 3"})
    _db.session.commit()
    with serve(port, Inbox()) as inbox:
        result = run_outbox(mail_app, "send")
    assert result.exit_code == 0, result.output
    assert sorted(e[0] for e in inbox.envelopes) == ["karin@test.nl", "karin@test.nl",
                                                    "lid@klimop.test", "lid@klimop.test"]
    events = []
    for message in inbox.messages:
        (invite,) = _invites(message)
        assert invite["method"] == "REQUEST"
        (event,) = invite.walk("VEVENT")
        events.append(event)
    assert {str(e["uid"]) for e in events} == {f"kennismaking-{placement.id}@koppelkans"}
    first, moved = sorted(events, key=lambda e: int(e["sequence"]))[::3]
    assert first["dtstart"].dt.replace(tzinfo=None) == moment
    assert str(first["dtstart"].dt.tzinfo) == "Europe/Amsterdam"
    assert str(first["location"]) == "Wijkcentrum, zaal 2"
    assert "Amina" in str(first["summary"]) and "Wijkcentrum De Klimop" in str(first["summary"])
    assert int(moved["sequence"]) == 1 and str(moved["location"]) == "Zaal 3"


def test_other_steps_carry_no_invitation(db, mail_app, port) -> None:
    coach = make_user(Role.COACH)
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation)
    placement = make_placement(make_participant(coach), make_vacancy(organisation))
    service.transition(placement.id, PlacementAction.ACCEPT, member, {})
    _db.session.commit()
    with serve(port, Inbox()) as inbox:
        run_outbox(mail_app, "send")
    assert inbox.messages and all(not _invites(m) for m in inbox.messages)
