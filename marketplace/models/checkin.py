"""A check-in of a running placement: first-day feedback, tussenmeting, 15-week evaluation."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.domain.placements import CheckInKind
from marketplace.extensions import Model
from marketplace.models._types import enum_type, timestamp, utcnow

if TYPE_CHECKING:
    from marketplace.models.placement import Placement
    from marketplace.models.user import User


class CheckIn(Model):
    __table_args__ = (UniqueConstraint("placement_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id"), index=True)
    kind: Mapped[CheckInKind] = mapped_column(enum_type(CheckInKind, name="checkin_kind"))
    due_on: Mapped[date] = mapped_column(index=True)
    done_at: Mapped[datetime | None] = mapped_column(timestamp())
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    done_by_role: Mapped[str | None] = mapped_column(String(20))
    feedback: Mapped[str] = mapped_column(Text, default="")
    # Set when the reminder mail went into the outbox: one reminder per check-in.
    reminded_at: Mapped[datetime | None] = mapped_column(timestamp())
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    placement: Mapped[Placement] = relationship()
    done_by: Mapped[User | None] = relationship()
