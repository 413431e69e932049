"""A placement of a participant at a vacancy, and the record of its transitions."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.domain.placements import (
    OPEN_STATES,
    DeclineReason,
    EndOutcome,
    NotContinuedReason,
    PlacementState,
)
from marketplace.extensions import Model
from marketplace.models._types import enum_type, timestamp, utcnow
from marketplace.models.append_only import AppendOnly, NeverDeleted

if TYPE_CHECKING:
    from marketplace.models.participant import Participant
    from marketplace.models.user import User
    from marketplace.models.vacancy import Vacancy


def open_state_condition() -> str:
    """SQL for "the placement is open" (OPEN_STATES), for the partial unique index."""
    states = ", ".join(f"'{state.value}'" for state in sorted(OPEN_STATES))
    return f"state IN ({states})"


class Placement(NeverDeleted, Model):
    __table_args__ = (
        # One open proposal per participant and vacancy, enforced by the database, so
        # two coaches (or two requests) proposing at once cannot both get through.
        Index(
            "uq_placement_open_pair", "participant_id", "vacancy_id", unique=True,
            sqlite_where=text(open_state_condition()),
            postgresql_where=text(open_state_condition()),
        ),
    )

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
    # The lifecycle's data (issue 8), each set by the transition that needs it.
    # The kennismaking is a local wall-clock appointment, so no time zone.
    kennismaking_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    kennismaking_place: Mapped[str | None] = mapped_column(String(200))
    coach_attends: Mapped[bool | None]
    proefperiode_start: Mapped[date | None]
    proefperiode_end: Mapped[date | None]  # planned
    agreement: Mapped[str | None] = mapped_column(Text)
    decline_reason: Mapped[DeclineReason | None] = mapped_column(enum_type(DeclineReason))
    not_continued_reason: Mapped[NotContinuedReason | None] = mapped_column(
        enum_type(NotContinuedReason)
    )
    outcome: Mapped[EndOutcome | None] = mapped_column(enum_type(EndOutcome))
    ended_on: Mapped[date | None]

    participant: Mapped[Participant] = relationship()
    vacancy: Mapped[Vacancy] = relationship()
    proposed_by: Mapped[User | None] = relationship()
    # No delete cascade: the events are the audit log of transitions and stay for good.
    events: Mapped[list[PlacementEvent]] = relationship(
        back_populates="placement", cascade="save-update, merge", order_by="PlacementEvent.at"
    )


class PlacementEvent(AppendOnly, Model):
    """Who moved a placement from which state to which, and when: append-only.

    The free text that came with a step (the coach's message, a reason, the agreement,
    the kennismaking's place) may say something about the person, and AVG erasure must
    be able to remove it. An append-only row cannot be blanked, so that text is kept
    apart, in `PlacementEventNote`, which erasure overwrites; the event itself holds no
    free text about anyone. `note` reads and writes it as if it were a column.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id"), index=True)
    from_state: Mapped[PlacementState | None] = mapped_column(
        enum_type(PlacementState, name="from_state")
    )
    to_state: Mapped[PlacementState] = mapped_column(enum_type(PlacementState, name="to_state"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # coach, organisation, centrale, link (employer by e-mail link) or system
    actor_role: Mapped[str | None] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    placement: Mapped[Placement] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()
    note_entry: Mapped[PlacementEventNote | None] = relationship(
        back_populates="event", lazy="selectin"
    )

    @property
    def note(self) -> str:
        return self.note_entry.text if self.note_entry is not None else ""

    @note.setter
    def note(self, text: str) -> None:
        if self.note_entry is not None:
            self.note_entry.text = text
        elif text:
            self.note_entry = PlacementEventNote(text=text)


class PlacementEventNote(Model):
    """The free text of one event, apart from the log so that erasure can overwrite it."""

    event_id: Mapped[int] = mapped_column(ForeignKey("placement_event.id"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)

    event: Mapped[PlacementEvent] = relationship(back_populates="note_entry")


class PlacementMessage(Model):
    """A message about one placement between the coach and the organisation side (or the
    employer through the signed page). Free text that may say something about the
    person, so AVG erasure overwrites `text` like the other free texts; who wrote when
    stays, for the audit trail."""

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    author_role: Mapped[str] = mapped_column(String(20))  # a PlacementRole value
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    placement: Mapped[Placement] = relationship()
    author: Mapped[User | None] = relationship()
