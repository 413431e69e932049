"""Recording and reading the audit log."""

from __future__ import annotations

from sqlalchemy import select

from marketplace.extensions import db
from marketplace.models import AuditEntry, User
from marketplace.services.queries import Page, paginate


def record(actor: User | None, action: str, participant_ref: str | None, detail: str = "") -> None:
    """Add an entry to the current transaction; the caller's commit writes it."""
    db.session.add(
        AuditEntry(
            actor_id=actor.id if actor else None,
            actor_email=actor.email if actor else "",
            action=action,
            participant_ref=participant_ref,
            detail=detail,
        )
    )


def record_now(
    actor: User | None, action: str, participant_ref: str | None, detail: str = ""
) -> None:
    """Record and commit at once: for reads, which have no transaction of their own."""
    record(actor, action, participant_ref, detail)
    db.session.commit()


def entries(page: int = 1, per_page: int = 50, participant_ref: str = "") -> Page[AuditEntry]:
    statement = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if participant_ref:
        statement = statement.where(AuditEntry.participant_ref == participant_ref)
    return paginate(statement, page, per_page)
