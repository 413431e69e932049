"""The audit log answers "who looked at my file?": the admin finds a participant's lines by
her name, and narrows them by user, date range and kind. The participant page shows the
code the log keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime

from marketplace.domain.audit import AuditKind
from marketplace.domain.vocabulary import Role
from marketplace.models import AuditEntry
from marketplace.services.platform import audit
from tests.builders import make_participant, make_placement, make_user


def _world(db):
    coach = make_user(Role.COACH, email="coach-a@test.nl", name="Anna Coach")
    other = make_user(Role.COACH, email="coach-b@test.nl", name="Bram Coach")
    fatima = make_participant(coach, first_name="Fatima", last_name="El Amrani")
    someone = make_participant(coach, first_name="Joost", last_name="Jansen")
    audit.record(coach, "view", fatima.ref, "profiel")
    audit.record(other, "view", fatima.ref, "matches")
    # An entry from an earlier day (late in the evening, UTC, as the log shows it).
    db.add(AuditEntry(actor_id=coach.id, actor_email=coach.email, action="update",
                      participant_ref=fatima.ref, detail="",
                      at=datetime(2026, 3, 10, 23, 30, tzinfo=UTC)))
    audit.record(coach, "view", someone.ref, "profiel")
    db.commit()
    return coach, other, fatima, someone


def _search(**where) -> list[audit.LogLine]:
    return audit.log_lines(where=audit.LogFilter(**where)).items


def test_lines_are_found_by_the_participants_name(db) -> None:
    _, _, fatima, _ = _world(db)
    placement = make_placement(fatima)
    lines = _search(participant_name="fatima el amrani")
    assert {line.participant_ref for line in lines} == {fatima.ref}
    assert len(lines) == 4  # three entries and the proposal's step
    assert any(line.placement_id == placement.id for line in lines)
    assert len(_search(participant_name="Amrani", kind=AuditKind.VIEW)) == 2


def test_a_name_search_treats_wildcards_as_text(db) -> None:
    _world(db)
    assert _search(participant_name="%") == []
    assert _search(participant_name="_") == []


def test_lines_are_found_by_user(db) -> None:
    _world(db)
    assert {line.actor_email for line in _search(actor="bram")} == {"coach-b@test.nl"}
    assert len(_search(actor="coach-a@")) == 3


def test_lines_are_found_by_date_range(db) -> None:
    _, _, fatima, _ = _world(db)
    day = date(2026, 3, 10)
    [line] = _search(date_from=day, date_to=day)
    assert line.action == "update"
    assert _search(date_to=date(2026, 3, 9)) == []
    assert len(_search(date_from=date(2026, 3, 11), participant_ref=fatima.ref)) == 2


def test_the_admin_page_searches_by_name_user_and_dates(client, login, db) -> None:
    _, _, fatima, someone = _world(db)
    login(make_user(Role.ADMIN))
    page = client.get("/beheer/auditlog?naam=Fatima&soort=view").get_data(as_text=True)
    assert page.count(fatima.ref) == 2 and someone.ref not in page
    page = client.get("/beheer/auditlog?gebruiker=bram&van=2000-01-01&tot=2999-12-31")
    assert "coach-b@test.nl" in page.get_data(as_text=True)
    odd = client.get("/beheer/auditlog?van=gisteren&tot=2026-13-45&naam=" + "x" * 500)
    assert odd.status_code == 200


def test_the_participant_page_shows_the_code(client, login, db) -> None:
    coach = make_user(Role.COACH)
    participant = make_participant(coach)
    login(coach)
    page = client.get(f"/deelnemers/{participant.id}").get_data(as_text=True)
    assert participant.ref in page
