"""The audit log: who viewed or changed which participant's data. Append-only.

The placements' transitions are the other half of the log (`PlacementEvent`, under
the same guard); `services.platform.audit.log_lines` reads both as one list."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.extensions import Model
from marketplace.models._types import timestamp, utcnow
from marketplace.models.append_only import AppendOnly, AuditLogIsAppendOnly

__all__ = ["AuditEntry", "AuditLogIsAppendOnly"]


class AuditEntry(AppendOnly, Model):
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
