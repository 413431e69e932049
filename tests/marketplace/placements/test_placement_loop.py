"""Issue 17: the hand-offs run by themselves. An organisation without accounts gets the
link for its next step with every step's news; a member with an account gets a link to
the placement page that survives the login; the date rules hold through the pages."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from marketplace.domain.placements import PlacementAction, PlacementState
from marketplace.domain.vocabulary import ConsentPurpose, Role
from marketplace.errors import DomainError
from marketplace.extensions import db as _db
from marketplace.models import ConfirmationLink, OutboxMessage
from marketplace.services.placements import placements as service
from marketplace.services.placements.proposals import propose
from marketplace.services.platform.notifications import unread_count
from marketplace.services.platform.outbox import body_for_sending
from tests.builders import (
    PASSWORD,
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)

S, A = PlacementState, PlacementAction
EMPLOYER = "baas@bakkerij.nl"
BOTH = (ConsentPurpose.MATCHING, ConsentPurpose.SHARING)


def _mails_to(address: str) -> list[OutboxMessage]:
    return list(_db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.recipient == address).order_by(OutboxMessage.id)))


def _link_in(mail: OutboxMessage) -> str:
    match = re.search(r"http://[^/\s]+(/plaatsingen/\d+/bevestigen/\S+)", body_for_sending(mail))
    assert match, mail.body
    return match.group(1)


def _post_step(client, link: str, action: str, data: dict[str, str]):
    return client.post(f"{link}/{action}", data={f"{action}-{k}": v for k, v in data.items()})


@pytest.fixture()
def coach(db):
    return make_user(Role.COACH, email="karin@test.nl", name="Coach Karin")


def test_every_step_mails_the_next_link_without_the_coach(coach, client) -> None:
    vacancy = make_vacancy(make_organisation(name="Bakkerij Brood"), contact_email=EMPLOYER,
                           proefperiode_weeks=4)
    person = make_participant(coach, first_name="Amina", consents=BOTH)
    placement = propose(coach, person, vacancy, "Zij bakt graag.")

    # The proposal's own mail carries the link for the first step: one mail, no login.
    first = _mails_to(EMPLOYER)
    assert len(first) == 1 and "Nieuw voorstel van een coach" in first[0].subject
    link = _link_in(first[0])
    assert "Voorstel accepteren" in client.get(link).get_data(as_text=True)
    assert _post_step(client, link, "accept", {}).status_code == 200
    assert client.get(link).status_code == 410  # single use, as before

    # Accepting sent the next link by itself; the coach got a copy of what happened.
    link = _link_in(_mails_to(EMPLOYER)[-1])
    assert any("geaccepteerd" in m.subject for m in _mails_to(coach.email))
    moment = (datetime.now() + timedelta(days=3)).replace(hour=10, minute=0, second=0,
                                                          microsecond=0)
    planned = _post_step(client, link, "plan_kennismaking", {
        "kennismaking_at": moment.strftime("%Y-%m-%dT%H:%M"),
        "kennismaking_place": "De bakkerij", "coach_attends": "y"})
    assert planned.status_code == 200 and placement.state == S.KENNISMAKING

    link = _link_in(_mails_to(EMPLOYER)[-1])
    today = date.today()
    started = _post_step(client, link, "start_proefperiode", {
        "proefperiode_start": today.isoformat(),
        "proefperiode_end": (today + timedelta(weeks=4)).isoformat()})
    assert started.status_code == 200 and placement.state == S.PROEFPERIODE

    link = _link_in(_mails_to(EMPLOYER)[-1])
    placed = _post_step(client, link, "place", {"agreement": "Contract getekend."})
    assert placed.status_code == 200 and placement.state == S.PLACED
    # Each link was bound to the step it was sent for: five links, all spent.
    stored = _db.session.scalars(select(ConfirmationLink).order_by(ConfirmationLink.id)).all()
    assert [link.for_state for link in stored] == [S.PROPOSED, S.ACCEPTED, S.KENNISMAKING,
                                                   S.PROEFPERIODE]
    assert all(link.used_at is not None for link in stored)
    assert len(_mails_to(EMPLOYER)) == 4  # nothing more to confirm once placed
    assert sum("geplaatst" in m.subject for m in _mails_to(coach.email)) == 1


def test_a_link_for_one_placement_does_not_open_another(coach, client) -> None:
    vacancy = make_vacancy(make_organisation(), contact_email=EMPLOYER)
    one = propose(coach, make_participant(coach, consents=BOTH), vacancy, "")
    other = make_placement(make_participant(coach), vacancy)
    link = _link_in(_mails_to(EMPLOYER)[0])
    foreign = link.replace(f"/plaatsingen/{one.id}/", f"/plaatsingen/{other.id}/")
    assert client.get(foreign).status_code == 404


def test_a_member_gets_a_link_to_the_page_after_login(coach, client, login) -> None:
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation, email="lid@klimop.nl")
    vacancy = make_vacancy(organisation, contact_email=EMPLOYER)
    placement = propose(coach, make_participant(coach, consents=BOTH), vacancy, "")
    assert _mails_to(EMPLOYER) == []  # members act after logging in: no signed links
    assert _db.session.scalars(select(ConfirmationLink)).all() == []
    mail = _mails_to(member.email)[0]
    path = f"/plaatsingen/{placement.id}"
    assert f"http://127.0.0.1:5000{path}" in mail.body
    to_login = client.get(path)
    assert to_login.status_code == 302 and "/login" in to_login.headers["Location"]
    after = client.post("/login?next=" + path, data={
        "email": member.email, "password": PASSWORD, "next": path})
    assert after.headers["Location"].endswith(path)


def test_a_kennismaking_in_the_past_is_refused_on_the_page(coach, login) -> None:
    placement = make_placement(make_participant(coach), make_vacancy(), state=S.ACCEPTED)
    client = login(coach)
    past = datetime.now() - timedelta(weeks=5)
    refused = client.post(f"/plaatsingen/{placement.id}/stap/plan_kennismaking", data={
        "plan_kennismaking-kennismaking_at": past.strftime("%Y-%m-%dT%H:%M"),
        "plan_kennismaking-kennismaking_place": "Wijkcentrum"})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert "De kennismaking kan niet in het verleden liggen" in html
    assert 'id="plan_kennismaking-kennismaking_at-fout"' in html
    assert placement.state == S.ACCEPTED


def test_placed_is_refused_before_the_proefperiode_starts(coach) -> None:
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation)
    # Tomorrow in Amsterdam, as the service judges it (in the last UTC hour of the day
    # the machine's date.today() + 1 is already today there).
    tomorrow = service.local_now().date() + timedelta(days=1)
    placement = make_placement(make_participant(coach), make_vacancy(organisation),
                               state=S.PROEFPERIODE, proefperiode_start=tomorrow,
                               proefperiode_end=tomorrow + timedelta(weeks=4))
    with pytest.raises(DomainError) as refused:
        service.transition(placement.id, A.PLACE, member, {"agreement": "Getekend"})
    assert "kan pas als de proefperiode is begonnen" in refused.value.message
    assert placement.state == S.PROEFPERIODE


def test_a_full_vacancy_cannot_be_accepted_nor_a_kennismaking_planned(coach, login) -> None:
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation)
    vacancy = make_vacancy(organisation, capacity=1, filled=1)
    proposed = make_placement(make_participant(coach), vacancy)
    accepted = make_placement(make_participant(coach), vacancy, state=S.ACCEPTED)
    for placement, action, data in (
            (proposed, A.ACCEPT, {}),
            (accepted, A.PLAN_KENNISMAKING, {
                "kennismaking_at": datetime.now() + timedelta(days=2),
                "kennismaking_place": "Wijkcentrum"})):
        with pytest.raises(DomainError) as refused:
            service.transition(placement.id, action, member, data)
        assert "Alle plekken bij deze vacature zijn bezet (1 van 1)" in refused.value.message
    assert (proposed.state, accepted.state) == (S.PROPOSED, S.ACCEPTED)
    html = login(member).get(f"/plaatsingen/{proposed.id}").get_data(as_text=True)
    assert 'disabled aria-describedby="stap-accept-reden"' in html
    assert "Alle plekken bij deze vacature zijn bezet" in html
    assert f'action="/plaatsingen/{proposed.id}/stap/accept"' not in html


def test_outside_the_free_dayparts_the_page_warns_but_keeps_the_plan(coach, login) -> None:
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation)
    person = make_participant(coach, availability=["mon_morning"])
    placement = make_placement(person, make_vacancy(organisation), state=S.ACCEPTED)
    days_to_sunday = (6 - date.today().weekday()) % 7 or 7
    sunday = datetime.combine(date.today() + timedelta(days=days_to_sunday),
                              datetime.min.time()).replace(hour=10)
    service.transition(placement.id, A.PLAN_KENNISMAKING, member, {
        "kennismaking_at": sunday, "kennismaking_place": "Wijkcentrum"})
    assert placement.state == S.KENNISMAKING  # a warning, not a refusal
    html = login(member).get(f"/plaatsingen/{placement.id}").get_data(as_text=True)
    assert "de deelnemer kan op zondagochtend meestal niet" in html


def test_the_proefperiode_end_is_prefilled_from_the_vacancy(coach, login) -> None:
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation)
    moment = datetime.now() + timedelta(days=2)
    placement = make_placement(make_participant(coach),
                               make_vacancy(organisation, proefperiode_weeks=6),
                               state=S.KENNISMAKING, kennismaking_at=moment,
                               kennismaking_place="Wijkcentrum")
    html = login(member).get(f"/plaatsingen/{placement.id}").get_data(as_text=True)
    start = moment.date()
    assert f'value="{start.isoformat()}"' in html
    assert f'value="{(start + timedelta(weeks=6)).isoformat()}"' in html


# ----------------------------------------------------------------- the organisation's inbox


def test_the_start_page_lists_what_waits_with_counts_and_voorstellen_is_in_the_menu(
        coach, login) -> None:
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation)
    vacancy = make_vacancy(organisation, capacity=5)
    for _ in range(2):
        make_placement(make_participant(coach), vacancy)
    make_placement(make_participant(coach, first_name="Hodan"), vacancy, state=S.ACCEPTED)
    make_placement(make_participant(coach), vacancy, state=S.KENNISMAKING,
                   kennismaking_at=datetime.now() + timedelta(days=1), kennismaking_place="Hier")
    service.transition(
        make_placement(make_participant(coach), vacancy, state=S.KENNISMAKING).id,
        A.START_PROEFPERIODE, member, {"proefperiode_start": date.today(),
                                       "proefperiode_end": date.today() + timedelta(weeks=4)})
    make_placement(make_participant(coach), make_vacancy())  # another organisation's
    html = login(member).get("/").get_data(as_text=True)
    assert "Nieuwe voorstellen: 2" in html
    assert "Kennismaking plannen: 1" in html and "Hodan" in html
    assert "Start proefperiode bevestigen: 1" in html
    assert "Plaatsing bevestigen na de proefperiode: 1" in html
    assert "Terugkoppeling na de eerste dag: 1" in html  # the first day is today
    assert re.search(r'href="/koppelen/voorstellen"\s*>Voorstellen</a>', html)


def test_opening_the_placement_reads_its_notifications(coach, login) -> None:
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation)
    placement = propose(coach, make_participant(coach, consents=BOTH),
                        make_vacancy(organisation), "")
    assert unread_count(member) == 1
    client = login(member)
    assert client.get(f"/plaatsingen/{placement.id}").status_code == 200
    assert unread_count(member) == 0
