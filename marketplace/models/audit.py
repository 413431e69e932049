"""The audit log: who viewed or changed which participant's data. Append-only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from marketplace.extensions import db
from marketplace.models._types import timestamp, utcnow


class AuditEntry(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    actor_email: Mapped[str] = mapped_column(String(254), default="")
    action: Mapped[str] = mapped_column(String(40))  # view, create, update, export, erase...
    # No foreign key: the entry must outlive an erased participant.
    participant_ref: Mapped[str | None] = mapped_column(String(40), index=True)
    detail: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return f"<AuditEntry {self.action} {self.participant_ref} by {self.actor_email}>"


class AuditLogIsAppendOnly(RuntimeError):
    """Raised when code tries to change or delete an audit entry."""


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state: Any) -> None:
    if (state.is_update or state.is_delete) and any(
        mapper.class_ is AuditEntry for mapper in state.all_mappers
    ):
        raise AuditLogIsAppendOnly("Het auditlog kan niet worden gewijzigd of verwijderd.")


@event.listens_for(Session, "before_flush")
def _refuse_changes_to_audit_entries(session: Session, context: Any, instances: Any) -> None:
    for entry in list(session.dirty) + list(session.deleted):
        if isinstance(entry, AuditEntry):
            raise AuditLogIsAppendOnly("Het auditlog kan niet worden gewijzigd of verwijderd.")
