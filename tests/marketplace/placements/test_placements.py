"""The placement lifecycle through the service and the pages: steps, capacity, privacy."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from marketplace.domain.placements import (
    CheckInKind,
    PlacementAction,
    PlacementState,
)
from marketplace.domain.vocabulary import PlacementType, Role
from marketplace.errors import DomainError
from marketplace.extensions import db as _db
from marketplace.models import CheckIn, Notification, OutboxMessage, PlacementEvent, Vacancy
from marketplace.services.placements import checkins
from marketplace.services.placements.links import announce_proposal
from marketplace.services.placements.placements import transition
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)

A, S = PlacementAction, PlacementState
KENNISMAKING = {"kennismaking_at": datetime(2030, 3, 1, 10, 0),
                "kennismaking_place": "Wijkcentrum De Klimop", "coach_attends": True}
START = {"proefperiode_start": date(2026, 3, 2), "proefperiode_end": date(2026, 5, 1)}


@pytest.fixture()
def world(db):
    coach = make_user(Role.COACH, name="Coach Karin", email="karin@test.nl")
    organisation = make_organisation(name="Wijkcentrum De Klimop")
    member = make_user(Role.ORGANISATION, organisation=organisation, email="lid@klimop.nl")
    vacancy = make_vacancy(organisation, capacity=2, filled=0,
                           type=PlacementType.WERKERVARINGSPLAATS)
    person = make_participant(
        coach, first_name="Amina", last_name="Yusuf", email="amina@prive.nl",
        phone="0612345678", household_notes="Drie kinderen thuis",
        health_notes="Rugklachten", postcode="6512 AB",
    )
    placement = make_placement(person, vacancy,
                               message="Amina kookt graag en wil Nederlands oefenen.")
    placement.events[0].note = "Voorgesteld ondanks uitsluiting. Reden: INTERNE-NOTITIE"
    _db.session.commit()
    return SimpleNamespace(coach=coach, organisation=organisation, member=member,
                           vacancy=vacancy, person=person, placement=placement)


def _walk_to(world, state: PlacementState) -> None:
    steps = [
        (S.PROPOSED, S.ACCEPTED, A.ACCEPT, world.member, {}),
        (S.ACCEPTED, S.KENNISMAKING, A.PLAN_KENNISMAKING, world.coach, KENNISMAKING),
        (S.KENNISMAKING, S.PROEFPERIODE, A.START_PROEFPERIODE, world.member, START),
        (S.PROEFPERIODE, S.PLACED, A.PLACE, world.member,
         {"agreement": "Vrijwilligerscontract getekend."}),
    ]
    for source, target, action, actor, data in steps:
        if world.placement.state == state:
            return
        if world.placement.state == source:
            transition(world.placement.id, action, actor, data)
            assert world.placement.state == target


def _filled(world) -> int:
    return _db.session.scalar(select(Vacancy.filled).where(Vacancy.id == world.vacancy.id))


def test_the_whole_life_records_every_step(world) -> None:
    _walk_to(world, S.PLACED)
    transition(world.placement.id, A.END, world.coach,
               {"outcome": "paid_work", "ended_on": date(2026, 9, 1), "note": "Baan!"})
    placement = world.placement
    assert placement.state == S.ENDED
    assert placement.outcome == "paid_work" and placement.ended_on == date(2026, 9, 1)
    assert placement.kennismaking_place == "Wijkcentrum De Klimop" and placement.coach_attends
    assert placement.proefperiode_start == date(2026, 3, 2)
    assert placement.agreement == "Vrijwilligerscontract getekend."
    events = _db.session.scalars(select(PlacementEvent).where(
        PlacementEvent.placement_id == placement.id).order_by(PlacementEvent.id)).all()
    assert [(e.from_state, e.to_state, e.actor_role) for e in events] == [
        (None, S.PROPOSED, "coach"),
        (S.PROPOSED, S.ACCEPTED, "organisation"),
        (S.ACCEPTED, S.KENNISMAKING, "coach"),
        (S.KENNISMAKING, S.PROEFPERIODE, "organisation"),
        (S.PROEFPERIODE, S.PLACED, "organisation"),
        (S.PLACED, S.ENDED, "coach"),
    ]
    assert events[2].actor_id == world.coach.id and events[1].actor_id == world.member.id
    assert "Kennismaking op 1 maart 2030 om 10:00" in events[2].note
    assert events[-1].note.endswith("Baan!")
    assert _filled(world) == 0  # taken at the start, given back at the end


def test_a_place_is_taken_from_the_proefperiode_until_the_end(world) -> None:
    _walk_to(world, S.KENNISMAKING)
    assert _filled(world) == 0
    _walk_to(world, S.PROEFPERIODE)
    assert _filled(world) == 1
    _walk_to(world, S.PLACED)
    assert _filled(world) == 1
    kinds = set(_db.session.scalars(select(CheckIn.kind).where(
        CheckIn.placement_id == world.placement.id)))
    assert kinds == set(CheckInKind)  # a werkervaringsplaats also gets the 15-week evaluation


@pytest.mark.parametrize(("action", "actor", "data"), [
    (A.NOT_CONTINUE, "member", {"reason": "organisation_stopped"}),
    (A.NOT_CONTINUE, "coach", {"reason": "participant_stopped"}),
    (A.WITHDRAW, "coach", {"note": "Amina verhuist."}),
])
def test_stopping_a_proefperiode_gives_the_place_back(world, action, actor, data) -> None:
    _walk_to(world, S.PROEFPERIODE)
    transition(world.placement.id, action, getattr(world, actor), data)
    assert _filled(world) == 0


def test_a_full_vacancy_refuses_the_start_and_keeps_the_state(world) -> None:
    _walk_to(world, S.KENNISMAKING)
    world.vacancy.filled = 2
    _db.session.commit()
    with pytest.raises(DomainError, match="Er is geen plek meer vrij"):
        transition(world.placement.id, A.START_PROEFPERIODE, world.member, START)
    assert world.placement.state == S.KENNISMAKING
    assert _filled(world) == 2
    assert _db.session.scalar(select(func.count()).select_from(CheckIn)) == 0


def test_illegal_steps_and_wrong_roles_are_refused_in_dutch(world) -> None:
    with pytest.raises(DomainError) as refused:
        transition(world.placement.id, A.START_PROEFPERIODE, world.member, START)
    assert refused.value.message.startswith("Dit kan niet: een plaatsing met de status")
    with pytest.raises(DomainError, match="U mag deze stap niet zetten"):
        transition(world.placement.id, A.ACCEPT, world.coach, {})
    other_member = make_user(Role.ORGANISATION, organisation=make_organisation())
    with pytest.raises(DomainError, match="U mag deze stap niet zetten"):
        transition(world.placement.id, A.ACCEPT, other_member, {})
    with pytest.raises(DomainError) as missing:
        transition(world.placement.id, A.DECLINE, world.member, {"reason": ""})
    assert missing.value.field == "reason"
    assert world.placement.state == S.PROPOSED
    assert len(world.placement.events) == 1


def test_the_volunteer_centre_acts_for_the_organisations_it_manages(world) -> None:
    centre = make_organisation(kind="vrijwilligerscentrale")
    staff = make_user(Role.CENTRALE, organisation=centre)
    with pytest.raises(DomainError):
        transition(world.placement.id, A.ACCEPT, staff, {})
    world.organisation.managed_by_id = centre.id
    _db.session.commit()
    transition(world.placement.id, A.ACCEPT, staff, {})
    assert world.placement.state == S.ACCEPTED


def test_each_step_tells_the_other_side(world) -> None:
    transition(world.placement.id, A.ACCEPT, world.member, {})
    transition(world.placement.id, A.PLAN_KENNISMAKING, world.coach, KENNISMAKING)
    mails = _db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    # The kennismaking's mail (with its .ics) goes to both sides, the planner too.
    assert [m.recipient for m in mails] == ["karin@test.nl", "karin@test.nl", "lid@klimop.nl"]
    assert "heeft het voorstel voor Amina geaccepteerd" in mails[0].subject
    assert [bool(m.calendar) for m in mails] == [False, True, True]
    assert "/plaatsingen/" in mails[0].body
    for mail in mails:  # never more than the first name leaves the coach's side
        assert "Yusuf" not in mail.body + mail.subject
    notes = _db.session.scalars(select(Notification).order_by(Notification.id)).all()
    assert [n.user_id for n in notes] == [world.coach.id, world.member.id]
    assert notes[0].link == f"/plaatsingen/{world.placement.id}"


# --------------------------------------------------------------------------- pages


SECRETS = ("Yusuf", "Rugklachten", "Drie kinderen", "amina@prive.nl", "0612345678", "6512",
           "INTERNE-NOTITIE")  # the last: the proposal event's internal note


def test_the_organisation_sees_only_the_shared_fields(world, login) -> None:
    client = login(world.member)
    inbox = client.get("/plaatsingen/")
    page = client.get(f"/plaatsingen/{world.placement.id}")
    for response in (inbox, page):
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        assert "Amina" in html
        for secret in SECRETS:
            assert secret not in html, secret
    html = page.get_data(as_text=True)
    assert "Amina kookt graag" in html and "karin@test.nl" in html
    assert "Voorstel accepteren" in html and "Afwijzen" in html
    assert "Voorstel intrekken" not in html


def test_the_coach_sees_the_whole_placement(world, login) -> None:
    html = login(world.coach).get(f"/plaatsingen/{world.placement.id}").get_data(as_text=True)
    assert "Amina Yusuf" in html and "INTERNE-NOTITIE" in html
    assert "Voorstel intrekken" in html and "Voorstel accepteren" not in html
    assert "Link mailen" in html


def test_outside_ones_scope_is_404(world, login, client) -> None:
    for outsider in (make_user(Role.COACH),
                     make_user(Role.ORGANISATION, organisation=make_organisation())):
        login(outsider)
        assert client.get(f"/plaatsingen/{world.placement.id}").status_code == 404
        assert client.post(f"/plaatsingen/{world.placement.id}/stap/accept").status_code == 404
        assert world.placement.id and "Amina" not in client.get("/plaatsingen/").get_data(
            as_text=True)
        client.post("/logout")
    login(make_user(Role.POLICY))
    assert client.get(f"/plaatsingen/{world.placement.id}").status_code == 403


def test_steps_through_the_pages_with_errors_next_to_the_field(world, login) -> None:
    client = login(world.member)
    url = f"/plaatsingen/{world.placement.id}"
    refused = client.post(f"{url}/stap/decline", data={"decline-reason": ""})
    assert refused.status_code == 200
    assert 'id="decline-reason-fout"' in refused.get_data(as_text=True)
    illegal = client.post(f"{url}/stap/start_proefperiode", data={
        "start_proefperiode-proefperiode_start": "2026-03-02",
        "start_proefperiode-proefperiode_end": "2026-05-01"})
    assert "Dit kan niet: een plaatsing met de status ‘Voorgesteld’" in illegal.get_data(
        as_text=True)
    assert client.post(f"{url}/stap/accept", data={"accept-note": "Welkom!"}).status_code == 302
    assert world.placement.state == S.ACCEPTED
    assert client.post(f"{url}/stap/nonsense").status_code == 404
    client.post("/logout")
    coach = login(world.coach)
    done = coach.post(f"{url}/stap/plan_kennismaking", data={
        "plan_kennismaking-kennismaking_at": "2030-03-01T10:00",
        "plan_kennismaking-kennismaking_place": "Wijkcentrum",
        "plan_kennismaking-coach_attends": "y"})
    assert done.status_code == 302
    assert world.placement.state == S.KENNISMAKING and world.placement.coach_attends


def test_checkins_on_the_page_start_page_and_reminders(world, login, client) -> None:
    today = date.today()
    _walk_to(world, S.KENNISMAKING)
    transition(world.placement.id, A.START_PROEFPERIODE, world.member, {
        "proefperiode_start": today - timedelta(days=1),
        "proefperiode_end": today + timedelta(days=60)})
    assert [d.checkin.kind for d in checkins.due_for_coach(world.coach)] == [
        CheckInKind.FIRST_DAY_COACH, CheckInKind.FIRST_DAY_ORGANISATION]
    login(world.coach)
    start = client.get("/").get_data(as_text=True)
    assert "Terugkoppeling bij plaatsingen" in start and "te laat" in start
    before = _db.session.scalar(select(func.count()).select_from(OutboxMessage))
    assert checkins.send_reminders().reminders == 2
    assert checkins.send_reminders().reminders == 0  # once per check-in
    after = _db.session.scalar(select(func.count()).select_from(OutboxMessage))
    assert after - before == 3  # two to the coach, one to the organisation
    url = f"/plaatsingen/{world.placement.id}/terugkoppeling"
    assert client.post(f"{url}/first_day_coach",
                       data={"checkin-first_day_coach-feedback": "Ging goed."}).status_code == 302
    client.post("/logout")
    login(world.member)
    refused = client.post(f"{url}/first_day_coach",
                          data={"checkin-first_day_coach-feedback": "x"}, follow_redirects=True)
    assert "U kunt deze terugkoppeling niet invullen" in refused.get_data(as_text=True)
    assert client.post(f"{url}/first_day_org",
                       data={"checkin-first_day_org-feedback": "Fijne dag."}).status_code == 302
    assert [d.checkin.kind for d in checkins.due_for_coach(world.coach)] == []


def test_notifications_page_and_header_count(world, login, client) -> None:
    transition(world.placement.id, A.ACCEPT, world.member, {})
    login(world.coach)
    html = client.get("/meldingen/").get_data(as_text=True)
    assert "heeft het voorstel voor Amina geaccepteerd" in html
    assert 'class="kk-badge">1' in html
    assert client.post("/meldingen/gelezen").status_code == 302
    assert 'class="kk-badge"' not in client.get("/meldingen/").get_data(as_text=True)


def test_a_new_proposal_can_be_announced_to_the_organisation(world) -> None:
    announce_proposal(world.placement)
    _db.session.commit()
    mail = _db.session.scalars(select(OutboxMessage)).one()
    assert mail.recipient == "lid@klimop.nl"
    assert mail.subject.startswith("Nieuw voorstel van een coach: Amina")
    assert _db.session.scalars(select(Notification)).one().user_id == world.member.id
