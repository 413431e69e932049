"""The audit log is append-only and readable by administrators only."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update

from marketplace.domain.vocabulary import Role
from marketplace.models import AuditEntry
from marketplace.models.audit import AuditLogIsAppendOnly
from marketplace.services import audit
from tests.builders import make_organisation, make_user


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
