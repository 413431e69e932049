"""Erasure that leaves nothing behind (issue 15, item 8).

After erasing a participant, her in-app notifications still showed her first name and
the kennismaking details, and queued mail with her name would still have gone out; the
outbox kept employers' signed links in plain text, which the link table stores only as
hashes. Mail is delivered through a real SMTP server (aiosmtpd on 127.0.0.1).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from marketplace.domain.placements import PlacementAction
from marketplace.domain.vocabulary import ConsentPurpose, Role
from marketplace.extensions import db as _db
from marketplace.models import ConfirmationLink, Notification
from marketplace.services.participants import privacy
from marketplace.services.placements import links
from marketplace.services.placements.placements import transition
from marketplace.services.platform.outbox import enqueue
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)
from tests.mailserver import Inbox, outbox_rows, run_outbox, serve

A = PlacementAction
BOTH = (ConsentPurpose.MATCHING, ConsentPurpose.SHARING)
PLACE = "Buurthuis Oost, Tarweweg 3"
KENNISMAKING = {"kennismaking_at": datetime(2030, 3, 1, 10, 0), "kennismaking_place": PLACE,
                "coach_attends": True}


@pytest.fixture()
def world(db):
    coach = make_user(Role.COACH, email="karin@test.nl")
    organisation = make_organisation(name="Wijkcentrum De Klimop")
    member = make_user(Role.ORGANISATION, organisation=organisation, email="lid@klimop.test")
    person = make_participant(coach, first_name="Amina", last_name="Yusuf", consents=BOTH)
    placement = make_placement(person, make_vacancy(organisation))
    return SimpleNamespace(coach=coach, member=member, person=person, placement=placement)


def _texts() -> str:
    """Every text the notification and outbox tables hold."""
    _db.session.expire_all()
    notes = [n.text for n in _db.session.scalars(select(Notification))]
    mails = [f"{m.subject}\n{m.body}\n{json.dumps(m.link_recipe)}" for m in outbox_rows()]
    return "\n".join(notes + mails)


def test_erasure_blanks_notifications_and_mail_about_her(world, mail_app, port) -> None:
    transition(world.placement.id, A.ACCEPT, world.member, {})
    transition(world.placement.id, A.PLAN_KENNISMAKING, world.coach, KENNISMAKING)
    with serve(port, Inbox()):
        assert "Mislukt: 0." in run_outbox(mail_app, "send").output
    transition(world.placement.id, A.WITHDRAW, world.coach, {"note": "Amina verhuist."})
    assert "Amina" in _texts() and PLACE in _texts()
    assert any(m.sent_at is None for m in outbox_rows())

    privacy.erase_participant(world.person, world.coach)

    texts = _texts()
    assert "Amina" not in texts and PLACE not in texts
    assert [m for m in outbox_rows() if m.sent_at is None] == []  # nothing left to send
    notifications = list(_db.session.scalars(select(Notification)))
    assert len(notifications) == 3 and {n.text for n in notifications} == {
        privacy.ERASED_NOTICE}
    assert {m.body for m in outbox_rows()} == {"[verwijderd]"}


def test_retention_erasure_blanks_them_too(world, runner) -> None:
    transition(world.placement.id, A.ACCEPT, world.member, {})
    world.person.closed_on = date.today() - timedelta(days=3 * 366)
    _db.session.commit()
    assert "1 deelnemers zijn verwijderd" in runner.invoke(args=["privacy", "retention"]).output
    assert "Amina" not in _texts() and outbox_rows() == []


def test_withdrawn_sharing_consent_blanks_what_the_organisation_gets(world) -> None:
    transition(world.placement.id, A.ACCEPT, world.member, {})  # to the coach
    transition(world.placement.id, A.PLAN_KENNISMAKING, world.coach, KENNISMAKING)  # to org
    privacy.withdraw_consent(world.coach, world.person, ConsentPurpose.SHARING)
    _db.session.expire_all()
    by_user = {n.user_id: n.text for n in _db.session.scalars(select(Notification))}
    assert by_user[world.member.id] == privacy.NOT_SHARED_NOTICE
    assert "Amina" in by_user[world.coach.id]  # her coach keeps the file anyway
    # The coach's own mails stay (the accept, and the kennismaking's with its .ics).
    assert [m.recipient for m in outbox_rows()] == ["karin@test.nl", "karin@test.nl"]


def test_no_signed_link_is_at_rest(db, client, mail_app, port) -> None:
    coach = make_user(Role.COACH, email="karin@test.nl")
    vacancy = make_vacancy(make_organisation(), contact_email="baas@bakkerij.test")
    person = make_participant(coach, first_name="Amina", consents=BOTH)
    placement = make_placement(person, vacancy)
    token = links.send_link(placement.id, coach, "baas@bakkerij.test")
    stored = _db.session.scalars(select(ConfirmationLink)).one()
    assert token not in _texts() and token not in stored.token_hash

    with serve(port, Inbox()) as inbox:
        assert "Verstuurd: 1." in run_outbox(mail_app, "send").output
    delivered = inbox.messages[0].get_content()
    path = f"/plaatsingen/{placement.id}/bevestigen/{token}"
    assert f"http://127.0.0.1:5000{path}" in delivered
    assert outbox_rows()[0].link_recipe is None  # sent: not even the recipe stays
    assert client.get(path).status_code == 200


def test_retention_empties_old_sent_mail(db, runner, mail_app, port) -> None:
    enqueue("coach@test.nl", "Oud: Amina", "Amina begint maandag.")
    enqueue("coach@test.nl", "Nieuw: Fatima", "Fatima begint maandag.")
    _db.session.commit()
    with serve(port, Inbox()):
        run_outbox(mail_app, "send")
    old, new = outbox_rows()
    old.sent_at = datetime.now(UTC) - timedelta(days=91)
    _db.session.commit()
    dry = runner.invoke(args=["privacy", "retention", "--dry-run"]).output
    assert "tekst van 1 berichten te legen" in dry and "Amina" in outbox_rows()[0].body
    assert "tekst van 1 berichten geleegd" in runner.invoke(args=["privacy", "retention"]).output
    old, new = outbox_rows()
    assert (old.subject, old.body) == ("[verwijderd]", "[verwijderd]") and old.sent_at
    assert "Fatima" in new.body
