"""A placement of a participant at a vacancy, and the record of its transitions."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.domain.placements import PlacementState
from marketplace.extensions import db
from marketplace.models._types import enum_type, timestamp, utcnow

if TYPE_CHECKING:
    from marketplace.models.participant import Participant
    from marketplace.models.user import User
    from marketplace.models.vacancy import Vacancy


class Placement(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"), index=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    state: Mapped[PlacementState] = mapped_column(
        enum_type(PlacementState), default=PlacementState.PROPOSED, index=True
    )
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    message: Mapped[str] = mapped_column(Text, default="")
    # Set when the coach proposed a vacancy the engine excluded: the written reason.
    override_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow, onupdate=utcnow)

    participant: Mapped[Participant] = relationship()
    vacancy: Mapped[Vacancy] = relationship()
    proposed_by: Mapped[User | None] = relationship()
    events: Mapped[list[PlacementEvent]] = relationship(
        back_populates="placement", cascade="all, delete-orphan", order_by="PlacementEvent.at"
    )


class PlacementEvent(db.Model):
    """Who moved a placement from which state to which, when, and why."""

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id"), index=True)
    from_state: Mapped[PlacementState | None] = mapped_column(
        enum_type(PlacementState, name="from_state")
    )
    to_state: Mapped[PlacementState] = mapped_column(enum_type(PlacementState, name="to_state"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")

    placement: Mapped[Placement] = relationship(back_populates="events")
