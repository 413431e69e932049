"""Issue 15, low item: an audit entry is written in the same transaction as the change
it records, by the service that makes the change. A change that fails leaves no entry;
one that succeeds leaves exactly one, committed together with it (the web, the API and
the services called directly alike)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from marketplace.domain.vocabulary import ConsentPurpose, MeasurementKind, Role
from marketplace.errors import DomainError
from marketplace.models import AuditEntry
from marketplace.services.participants import intake
from marketplace.services.participants.measurements import record_measurement
from tests.api.conftest import Api, token_for
from tests.builders import make_organisation, make_participant, make_user, make_vacancy
from tests.marketplace.participants.test_intake import VALID as INTAKE

CONSENTS = (ConsentPurpose.MATCHING, ConsentPurpose.SHARING)


@contextmanager
def commits() -> Iterator[list[set[str]]]:
    """Per commit, the names of the row classes it wrote (added, changed or deleted)."""
    written: list[set[str]] = []
    pending: set[str] = set()

    def flushed(session, _context, _instances) -> None:
        pending.update(type(row).__name__
                       for row in (*session.new, *session.dirty, *session.deleted))

    def committed(_session) -> None:
        if pending:
            written.append(set(pending))
        pending.clear()

    def rolled_back(_session) -> None:
        pending.clear()

    hooks = [("before_flush", flushed), ("after_commit", committed),
             ("after_rollback", rolled_back)]
    for name, hook in hooks:
        event.listen(Session, name, hook)
    try:
        yield written
    finally:
        for name, hook in hooks:
            event.remove(Session, name, hook)


def _entries(db, action: str) -> list[AuditEntry]:
    db.expire_all()
    return list(db.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def _together(written: list[set[str]], change: str) -> None:
    """The entry was written by the change's own commit, and never alone."""
    assert any({"AuditEntry", change} <= names for names in written), written
    assert {"AuditEntry"} not in written, written


def test_a_web_edit_of_a_participant_and_its_entry_are_one_commit(client, login, db) -> None:
    coach = make_user(Role.COACH)
    person = make_participant(coach, consents=CONSENTS)
    login(coach)
    with commits() as written:
        response = client.post(f"/deelnemers/{person.id}/bewerken", data=INTAKE)
    assert response.status_code == 302
    assert len(_entries(db, "update")) == 1
    _together(written, "Participant")


def test_a_refused_measurement_leaves_no_entry_and_a_saved_one_exactly_one(db) -> None:
    coach = make_user(Role.COACH)
    person = make_participant(coach)
    with pytest.raises(DomainError):
        record_measurement(person, coach, MeasurementKind.NULMETING,
                           date.today() + timedelta(days=3), 2, {})
    db.rollback()
    assert _entries(db, "measurement") == []
    with commits() as written:
        record_measurement(person, coach, MeasurementKind.NULMETING, date(2026, 1, 10), 2, {})
    assert len(_entries(db, "measurement")) == 1
    _together(written, "Measurement")


def test_an_api_proposal_is_recorded_once_and_a_refused_one_not_at_all(client, db) -> None:
    coach = make_user(Role.COACH)
    person = make_participant(coach, consents=CONSENTS)
    vacancy = make_vacancy(make_organisation(), proposal_cap=1)
    api = Api(client, token_for(coach))
    with commits() as written:
        sent = api.post("/placements", json={"participant": person.ref, "vacancy": vacancy.ref})
    assert sent.status_code == 201
    [entry] = _entries(db, "propose")
    assert (entry.participant_ref, entry.detail, entry.actor_id) == (
        person.ref, vacancy.ref, coach.id)
    _together(written, "Placement")

    other = make_participant(coach, consents=CONSENTS)
    refused = api.post("/placements", json={"participant": other.ref, "vacancy": vacancy.ref})
    assert refused.status_code == 409  # the cap of one is reached
    assert len(_entries(db, "propose")) == 1


def test_an_api_update_of_a_participant_is_recorded_with_it(client, db) -> None:
    coach = make_user(Role.COACH)
    person = make_participant(coach)
    api = Api(client, token_for(coach))
    with commits() as written:
        assert api.patch(f"/participants/{person.ref}",
                         json={"interests": ["tuin"]}).status_code == 200
    assert len(_entries(db, "update")) == 1
    _together(written, "Participant")


def test_a_refused_intake_change_leaves_no_entry(db) -> None:
    coach = make_user(Role.COACH)
    person = make_participant(coach)
    data = intake.IntakeData(profile={"hours_min": 9, "hours_max": 2}, goals=[], consents={})
    with pytest.raises(DomainError):
        intake.update_participant(person, data, actor=coach)
    db.rollback()
    assert _entries(db, "update") == []
