"""The audit log (entries and placement transitions) is append-only and readable by
administrators only."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from marketplace.domain.audit import AuditKind
from marketplace.domain.placements import PlacementAction, PlacementState
from marketplace.domain.vocabulary import ConsentPurpose, Role
from marketplace.errors import DomainError
from marketplace.models import AuditEntry, Placement, PlacementEvent, PlacementEventNote
from marketplace.models.audit import AuditLogIsAppendOnly
from marketplace.services.participants import privacy
from marketplace.services.placements import links, placements
from marketplace.services.placements.placements import transition
from marketplace.services.placements.proposals import propose
from marketplace.services.platform import audit
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)


def test_entries_cannot_be_changed_or_deleted_through_the_session(db) -> None:
    audit.record_now(make_user(), "view", "p-1", "bekeken")
    entry = db.scalars(select(AuditEntry)).one()
    entry.detail = "vervalst"
    with pytest.raises(AuditLogIsAppendOnly):
        db.commit()
    db.rollback()
    db.delete(db.scalars(select(AuditEntry)).one())
    with pytest.raises(AuditLogIsAppendOnly):
        db.commit()
    db.rollback()
    assert db.scalars(select(AuditEntry)).one().detail == "bekeken"


def test_bulk_statements_cannot_change_entries_either(db) -> None:
    audit.record_now(make_user(), "view", "p-1")
    with pytest.raises(AuditLogIsAppendOnly):
        db.execute(update(AuditEntry).values(detail="x"))
    with pytest.raises(AuditLogIsAppendOnly):
        db.execute(delete(AuditEntry))
    db.rollback()
    assert db.scalars(select(AuditEntry)).one().detail == ""


def test_admin_reads_the_log(client, login, db) -> None:
    audit.record_now(make_user(email="kijker@test.nl"), "view", "p-42", "dossier")
    login(make_user(Role.ADMIN))
    page = client.get("/beheer/auditlog?deelnemer=p-42").get_data(as_text=True)
    assert "kijker@test.nl" in page and "p-42" in page


@pytest.mark.parametrize("role", [Role.COACH, Role.ORGANISATION, Role.CENTRALE, Role.POLICY])
def test_other_roles_cannot_read_the_log(client, login, db, role: Role) -> None:
    login(make_user(role, organisation=make_organisation()))
    assert client.get("/beheer/auditlog").status_code == 403


# --------------------------------------------------------------------------- transitions


A, S = PlacementAction, PlacementState
START = {"proefperiode_start": date(2026, 3, 2), "proefperiode_end": date(2026, 5, 1)}
STEP_CELL = '<td class="utrecht-table__cell">Stap in een plaatsing</td>'


def _transition_lines(ref: str | None = None) -> list[audit.LogLine]:
    return audit.log_lines(participant_ref=ref or "", kind=AuditKind.TRANSITION).items


def _rows(html: str) -> int:
    """Body rows of the log's table (the header row is the first)."""
    return html.count('<tr class="utrecht-table__row">') - 1


def test_placement_events_cannot_be_changed_or_deleted_through_the_session(db) -> None:
    placement = make_placement()
    event = placement.events[0]
    event.to_state = S.PLACED
    with pytest.raises(AuditLogIsAppendOnly):
        db.commit()
    db.rollback()
    db.delete(placement.events[0])
    with pytest.raises(AuditLogIsAppendOnly):
        db.commit()
    db.rollback()
    placement.events.remove(placement.events[0])  # orphaning would UPDATE its row
    with pytest.raises(AuditLogIsAppendOnly):
        db.commit()
    db.rollback()
    db.delete(placement)  # the events point at it
    with pytest.raises(AuditLogIsAppendOnly):
        db.commit()
    db.rollback()
    [kept] = db.scalars(select(PlacementEvent)).all()
    assert kept.to_state == S.PROPOSED and kept.placement_id == placement.id


def test_bulk_statements_cannot_change_placement_events_either(db) -> None:
    placement = make_placement()
    with pytest.raises(AuditLogIsAppendOnly):
        db.execute(update(PlacementEvent).values(actor_role="system"))
    with pytest.raises(AuditLogIsAppendOnly):
        db.execute(delete(PlacementEvent).where(PlacementEvent.placement_id == placement.id))
    with pytest.raises(AuditLogIsAppendOnly):
        db.execute(delete(Placement))
    db.rollback()
    assert db.scalars(select(PlacementEvent.actor_role)).all() == ["coach"]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET detail = 'vervalst'",
        "DELETE FROM audit_entry",
        "UPDATE placement_event SET actor_role = 'system'",
        "DELETE FROM placement_event",
        "DELETE FROM placement",
    ],
)
def test_postgresql_refuses_hand_written_changes_to_the_log(db, statement) -> None:
    """The session's guard cannot see SQL typed by hand; the database's triggers can."""
    if db.get_bind().dialect.name != "postgresql":
        pytest.skip("the triggers are PostgreSQL's; SQLite keeps the session's guard")
    make_placement()
    audit.record_now(make_user(), "view", "p-1", "bekeken")
    with pytest.raises(DBAPIError, match="auditlog kan niet worden gewijzigd"):
        db.execute(text(statement))
    db.rollback()
    assert db.scalars(select(AuditEntry.detail)).all() == ["bekeken"]
    assert db.scalars(select(PlacementEvent.actor_role)).all() == ["coach"]


def test_the_free_text_of_an_event_can_be_erased_and_the_event_stays(app, db) -> None:
    coach = make_user(Role.COACH)
    person = make_participant(coach, first_name="Amina", last_name="Yusuf")
    placement = make_placement(person)
    transition(placement.id, A.WITHDRAW, coach, {"note": "Amina heeft astma."})
    before = [(e.id, e.from_state, e.to_state, e.actor_id, e.actor_role, e.at)
              for e in db.scalars(select(PlacementEvent).order_by(PlacementEvent.id))]
    with app.test_request_context():
        privacy.erase_participant(person, coach)
    db.expire_all()
    events = db.scalars(select(PlacementEvent).order_by(PlacementEvent.id)).all()
    assert [(e.id, e.from_state, e.to_state, e.actor_id, e.actor_role, e.at)
            for e in events] == before
    assert [e.note for e in events] == [privacy.ERASED, privacy.ERASED]
    notes = db.scalars(select(PlacementEventNote.text)).all()
    assert not any("astma" in text for text in notes)
    assert [(line.from_state, line.to_state) for line in _transition_lines(person.ref)] == [
        (S.PROPOSED, S.WITHDRAWN), (None, S.PROPOSED)]


def test_a_transition_is_logged_in_its_own_transaction_and_a_refusal_logs_nothing(db) -> None:
    coach = make_user(Role.COACH)
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation, email="lid@org.nl")
    full = make_vacancy(organisation, capacity=1, filled=1)
    placement = make_placement(make_participant(coach), full, state=S.KENNISMAKING)
    ref = placement.participant.ref
    assert len(_transition_lines(ref)) == 1

    with pytest.raises(DomainError):  # not the coach's step
        transition(placement.id, A.START_PROEFPERIODE, coach, START)
    with pytest.raises(DomainError):  # the state moved, then no place was free: all undone
        transition(placement.id, A.START_PROEFPERIODE, member, START)
    db.expire_all()
    assert placement.state == S.KENNISMAKING
    assert len(_transition_lines(ref)) == 1

    transition(placement.id, A.DECLINE, member, {"reason": "no_place"})
    db.expire_all()
    [line, _] = _transition_lines(ref)
    assert (line.from_state, line.to_state) == (S.KENNISMAKING, S.DECLINED)
    assert (line.actor_email, line.actor_role) == ("lid@org.nl", "organisation")
    assert line.placement_id == placement.id and placement.state == S.DECLINED


def test_admin_sees_every_transition_by_person_link_and_system(app, client, login, db) -> None:
    coach = make_user(Role.COACH, email="karin@test.nl")
    organisation = make_organisation()  # no accounts: the employer gets a link
    vacancy = make_vacancy(organisation, contact_email="baas@bakkerij.nl")
    person = make_participant(coach, first_name="Amina", last_name="Yusuf",
                              consents=(ConsentPurpose.MATCHING, ConsentPurpose.SHARING))
    with app.test_request_context():
        placement = propose(coach, person, vacancy, "Amina kookt graag.")
        token = links.send_link(placement.id, coach, "baas@bakkerij.nl")
    placements.confirm_by_link(placement.id, token, A.ACCEPT, {})
    placements.system_transition(placement.id, A.WITHDRAW, {"note": "Verhuisd naar Zwolle"})
    audit.record_now(coach, "view", person.ref, "dossier")
    other = make_placement()  # someone else's

    login(make_user(Role.ADMIN))
    html = client.get("/beheer/auditlog").get_data(as_text=True)
    # Three transitions and the other placement's, the view, and the proposal's own entry
    # (written by `propose` in its transaction).
    assert _rows(html) == 6 and "6 regels" in html
    assert f"Plaatsing {placement.id}" in html and f"Plaatsing {other.id}" in html
    assert "karin@test.nl (Coach)" in html
    assert '<td class="utrecht-table__cell">Werkgever via e-maillink</td>' in html
    assert '<td class="utrecht-table__cell">Koppelkans</td>' in html
    for state in ("Voorgesteld", "Geaccepteerd", "Ingetrokken"):
        assert state in html
    assert person.ref in html and STEP_CELL in html and '">Bekeken</td>' in html
    for private in ("Amina", "Yusuf", "Zwolle", "kookt"):
        assert private not in html

    mine = client.get(f"/beheer/auditlog?deelnemer={person.ref}").get_data(as_text=True)
    assert _rows(mine) == 5 and f"Plaatsing {other.id}" not in mine
    steps = client.get(f"/beheer/auditlog?deelnemer={person.ref}&soort=transition")
    assert _rows(steps.get_data(as_text=True)) == 3
    views = client.get("/beheer/auditlog?soort=view").get_data(as_text=True)
    assert _rows(views) == 1 and STEP_CELL not in views


def test_the_log_pages_keep_the_filter_and_say_when_nothing_matches(client, login, db) -> None:
    viewer = make_user(email="kijker@test.nl")
    for n in range(55):
        audit.record(viewer, "view", "p-7", f"dossier {n}")
    audit.record(viewer, "update", "p-7")
    db.commit()
    make_placement()
    login(make_user(Role.ADMIN))
    first = client.get("/beheer/auditlog?soort=view").get_data(as_text=True)
    assert "55 regels" in first and _rows(first) == 50 and "Pagina 1 van 2" in first
    assert "soort=view" in first.split('rel="next"')[0].rsplit("href=", 1)[1]
    second = client.get("/beheer/auditlog?soort=view&page=2").get_data(as_text=True)
    assert _rows(second) == 5 and "dossier 0" in second
    changes = client.get("/beheer/auditlog?soort=change").get_data(as_text=True)
    assert _rows(changes) == 1 and '">Profiel gewijzigd</td>' in changes
    none = client.get("/beheer/auditlog?deelnemer=p-onbekend").get_data(as_text=True)
    assert "Er zijn geen regels die bij deze filters passen." in none
    assert client.get("/beheer/auditlog?soort=onzin").status_code == 200
