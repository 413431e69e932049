"""Signed, expiring, single-use links for employers without an account."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from marketplace.domain.placements import PlacementAction, PlacementState
from marketplace.domain.vocabulary import Role
from marketplace.errors import DomainError
from marketplace.extensions import db as _db
from marketplace.models import ConfirmationLink, OutboxMessage, PlacementEvent
from marketplace.services.placements import checkins, links
from marketplace.services.placements import placements as service
from marketplace.services.platform.outbox import body_for_sending
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)

S, A = PlacementState, PlacementAction
START = {"start_proefperiode-proefperiode_start": "2026-03-02",
         "start_proefperiode-proefperiode_end": "2026-05-01"}


@pytest.fixture()
def world(db):
    coach = make_user(Role.COACH, email="karin@test.nl")
    organisation = make_organisation(name="Bakkerij Brood")  # no accounts
    vacancy = make_vacancy(organisation, contact_email="baas@bakkerij.nl", capacity=1)
    person = make_participant(coach, first_name="Amina", last_name="Yusuf",
                              health_notes="Rugklachten")
    first = make_placement(person, vacancy, state=S.KENNISMAKING)
    second = make_placement(make_participant(coach, first_name="Bashir"), vacancy,
                            state=S.KENNISMAKING)
    return SimpleNamespace(coach=coach, vacancy=vacancy, first=first, second=second)


def _url(placement, token: str) -> str:
    return f"/plaatsingen/{placement.id}/bevestigen/{token}"


def test_the_coach_mails_a_link_that_shows_only_that_placement(world, client) -> None:
    token = links.send_link(world.first.id, world.coach, "baas@bakkerij.nl")
    mail = _db.session.scalars(select(OutboxMessage)).one()
    assert mail.recipient == "baas@bakkerij.nl"
    # The link is made when the mail leaves (security/test_erasure.py: never at rest).
    assert f"http://127.0.0.1:5000{_url(world.first, token)}" in body_for_sending(mail)
    assert token not in mail.body
    stored = _db.session.scalars(select(ConfirmationLink)).one()
    assert token not in stored.token_hash and len(stored.token_hash) == 64

    page = client.get(_url(world.first, token))  # no login needed
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Amina" in html and "Start proefperiode bevestigen" in html
    for hidden in ("Yusuf", "Rugklachten", "Bashir"):
        assert hidden not in html

    done = client.post(f"{_url(world.first, token)}/start_proefperiode", data=START)
    assert done.status_code == 200 and "Dank u wel" in done.get_data(as_text=True)
    _db.session.expire_all()
    assert world.first.state == S.PROEFPERIODE and world.vacancy.filled == 1
    event = _db.session.scalars(select(PlacementEvent).where(
        PlacementEvent.to_state == S.PROEFPERIODE)).one()
    assert event.actor_id is None and event.actor_role == "link"


def test_a_used_link_works_only_once(world, client) -> None:
    token = links.send_link(world.first.id, world.coach, "baas@bakkerij.nl")
    assert client.post(f"{_url(world.first, token)}/start_proefperiode",
                       data=START).status_code == 200
    again = client.get(_url(world.first, token))
    assert again.status_code == 410 and "al gebruikt" in again.get_data(as_text=True)
    repost = client.post(f"{_url(world.first, token)}/place",
                         data={"place-agreement": "Contract"})
    assert repost.status_code == 410
    _db.session.expire_all()
    assert world.first.state == S.PROEFPERIODE


def test_a_refused_step_does_not_spend_the_link(world, client) -> None:
    token = links.send_link(world.first.id, world.coach, "baas@bakkerij.nl")
    wrong = client.post(f"{_url(world.first, token)}/start_proefperiode", data={
        "start_proefperiode-proefperiode_start": "2026-05-01",
        "start_proefperiode-proefperiode_end": "2026-03-02"})
    assert "Het einde van de proefperiode moet na de eerste dag liggen" in wrong.get_data(
        as_text=True)
    assert client.get(_url(world.first, token)).status_code == 200


def test_expired_links_are_refused(world, client, monkeypatch) -> None:
    token = links.send_link(world.first.id, world.coach, "baas@bakkerij.nl")
    link = _db.session.scalars(select(ConfirmationLink)).one()
    link.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    _db.session.commit()
    expired = client.get(_url(world.first, token))
    assert expired.status_code == 410 and "verlopen" in expired.get_data(as_text=True)
    # The signature itself carries its age too, independent of the database row.
    link.expires_at = datetime.now(UTC) + timedelta(days=1)
    _db.session.commit()
    monkeypatch.setattr(links, "LINK_LIFETIME", timedelta(seconds=-1))
    assert client.get(_url(world.first, token)).status_code == 410


def test_tampered_and_foreign_links_are_unknown(world, client) -> None:
    token = links.send_link(world.first.id, world.coach, "baas@bakkerij.nl")
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    assert client.get(_url(world.first, tampered)).status_code == 404
    assert client.get(_url(world.first, "nonsense")).status_code == 404
    other = client.get(_url(world.second, token))  # a valid token for another placement
    assert other.status_code == 404 and "Bashir" not in other.get_data(as_text=True)
    assert client.post(f"{_url(world.second, token)}/start_proefperiode",
                       data=START).status_code == 404
    _db.session.expire_all()
    assert world.second.state == S.KENNISMAKING


def test_a_link_is_void_once_the_placement_moved_on(world, client) -> None:
    token = links.send_link(world.first.id, world.coach, "baas@bakkerij.nl")
    service.transition(world.first.id, A.WITHDRAW, world.coach, {"note": "Verhuisd."})
    moved = client.get(_url(world.first, token))
    assert moved.status_code == 410 and "intussen veranderd" in moved.get_data(as_text=True)


def test_only_the_coach_sends_links_and_only_when_there_is_something_to_confirm(
        world, login, client) -> None:
    member = make_user(Role.ORGANISATION, organisation=world.vacancy.organisation)
    with pytest.raises(DomainError):
        links.send_link(world.first.id, member, "baas@bakkerij.nl")
    login(member)
    assert client.post(f"/plaatsingen/{world.first.id}/link",
                       data={"email": "x@y.nl"}).status_code == 403
    placed = make_placement(make_participant(world.coach), world.vacancy, state=S.PLACED)
    with pytest.raises(DomainError, match="niets te bevestigen"):
        links.send_link(placed.id, world.coach, "baas@bakkerij.nl")


def test_csrf_protects_the_link_form(world, make_app) -> None:
    token = links.send_link(world.first.id, world.coach, "baas@bakkerij.nl")
    strict = make_app(WTF_CSRF_ENABLED=True).test_client()
    assert strict.post(f"{_url(world.first, token)}/start_proefperiode",
                       data=START).status_code == 400
    page = strict.get(_url(world.first, token)).get_data(as_text=True)
    csrf = re.search(r'name="start_proefperiode-csrf_token" type="hidden" value="([^"]+)"', page)
    assert csrf, "the form carries its CSRF token"
    ok = strict.post(f"{_url(world.first, token)}/start_proefperiode",
                     data=START | {"start_proefperiode-csrf_token": csrf.group(1)})
    assert ok.status_code == 200


def test_organisations_without_accounts_get_links_automatically(db) -> None:
    coach = make_user(Role.COACH)
    vacancy = make_vacancy(make_organisation(), contact_email="baas@bakkerij.nl")
    placement = make_placement(make_participant(coach), vacancy, state=S.ACCEPTED)
    service.transition(placement.id, A.PLAN_KENNISMAKING, coach, {
        "kennismaking_at": datetime(2030, 3, 1, 10), "kennismaking_place": "De bakkerij"})
    links = _db.session.scalars(select(ConfirmationLink)).all()
    assert [(link.for_state, link.email) for link in links] == [(S.KENNISMAKING,
                                                                 "baas@bakkerij.nl")]
    today = date.today()
    _db.session.execute(ConfirmationLink.__table__.update().values(
        used_at=datetime.now(UTC)))
    placement.state, placement.proefperiode_start = S.PROEFPERIODE, today
    placement.proefperiode_end = today + timedelta(days=5)
    _db.session.commit()
    assert checkins.send_reminders().outcome_links == 1
    assert checkins.send_reminders().outcome_links == 0  # one waiting link is enough
    subjects = [m.subject for m in _db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.recipient == "baas@bakkerij.nl"))]
    # The kennismaking's news carries its link in one mail; the outcome link its own.
    assert subjects == [f"De kennismaking van {placement.participant.first_name} bij "
                        f"{vacancy.organisation.name} is gepland ({vacancy.title}).",
                        f"Graag uw bevestiging: {vacancy.title}"]
