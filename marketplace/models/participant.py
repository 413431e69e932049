"""A participant: the intake profile of the spec plus what the coach keeps."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.domain.vocabulary import (
    ConsentPurpose,
    ExitReason,
    LearningRoute,
    ParticipantStatus,
    ParticipationRoute,
    PhysicalLoad,
)
from marketplace.extensions import Model
from marketplace.models._types import enum_type, timestamp, utcnow

if TYPE_CHECKING:
    from marketplace.models.measurement import Measurement
    from marketplace.models.region import Municipality
    from marketplace.models.user import User


class Participant(Model):
    __table_args__ = (
        CheckConstraint("hours_min <= hours_max", name="hours_ordered"),
        CheckConstraint("max_travel_km > 0", name="travel_positive"),
        # The dashboard's selection (services/reports/monitoring.py, in_scope) and its
        # participant figures, read from the index alone on PostgreSQL.
        Index(
            "ix_participant_scope", "municipality_id", "intake_date",
            postgresql_include=["id", "coach_id", "status", "route", "participation_route",
                                "closed_on", "exit_reason", "first_proefperiode_at"],
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(40), unique=True)  # pseudonymous, never a BSN
    coach_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(120), default="")
    pseudonym: Mapped[str | None] = mapped_column(String(80))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[ParticipantStatus] = mapped_column(
        enum_type(ParticipantStatus), default=ParticipantStatus.INTAKE, index=True
    )
    intake_date: Mapped[date] = mapped_column(default=date.today)
    # The municipality responsible for this participant (the AVG controller); only a
    # hand-over between coaches changes it (services/participants/handover.py).
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipality.id"),
                                                        index=True)
    participation_route: Mapped[ParticipationRoute | None] = mapped_column(
        enum_type(ParticipationRoute)
    )
    # Set when the trajectory closes: the date and why (uitstroom).
    closed_on: Mapped[date | None]
    exit_reason: Mapped[ExitReason | None] = mapped_column(enum_type(ExitReason))
    gender: Mapped[str | None] = mapped_column(String(1))

    postcode: Mapped[str | None] = mapped_column(String(7))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    geo_precision: Mapped[str | None] = mapped_column(String(20))
    max_travel_km: Mapped[float] = mapped_column(default=10)

    nl_speaking: Mapped[str] = mapped_column(String(2), default="A0")
    nl_listening: Mapped[str] = mapped_column(String(2), default="A0")
    nl_reading: Mapped[str] = mapped_column(String(2), default="A0")
    nl_writing: Mapped[str] = mapped_column(String(2), default="A0")
    other_languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    literate_latin: Mapped[bool] = mapped_column(default=True)
    route: Mapped[LearningRoute | None] = mapped_column(enum_type(LearningRoute))

    interests: Mapped[list[str]] = mapped_column(JSON, default=list)
    experience: Mapped[str] = mapped_column(Text, default="")
    availability: Mapped[list[str]] = mapped_column(JSON, default=list)
    lessons: Mapped[list[str]] = mapped_column(JSON, default=list)
    childcare_needed: Mapped[list[str]] = mapped_column(JSON, default=list)
    hours_min: Mapped[float] = mapped_column(default=0)
    hours_max: Mapped[float] = mapped_column(default=16)
    women_only: Mapped[bool] = mapped_column(default=False)
    max_physical_load: Mapped[PhysicalLoad] = mapped_column(
        enum_type(PhysicalLoad), default=PhysicalLoad.MEDIUM
    )

    # Special-category data: shown to the case owner only, never shared.
    children_ages: Mapped[list[int]] = mapped_column(JSON, default=list)
    household_notes: Mapped[str] = mapped_column(Text, default="")
    health_notes: Mapped[str] = mapped_column(Text, default="")

    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow, onupdate=utcnow)
    # Set when the personal data were erased (AVG); the anonymous counts stay.
    erased_at: Mapped[datetime | None] = mapped_column(timestamp())
    # The earliest proefperiode start of her placements, derived from their events with
    # the placements' milestones (models/placement.py, refresh_milestones): the
    # dashboard's time to first placement reads it from the participant index alone.
    first_proefperiode_at: Mapped[datetime | None] = mapped_column(timestamp())

    coach: Mapped[User] = relationship()
    controller: Mapped[Municipality | None] = relationship()
    consents: Mapped[list[Consent]] = relationship(
        back_populates="participant", cascade="all, delete-orphan"
    )
    goals: Mapped[list[Goal]] = relationship(
        back_populates="participant", cascade="all, delete-orphan", order_by="Goal.target_date"
    )
    measurements: Mapped[list[Measurement]] = relationship(
        back_populates="participant",
        cascade="all, delete-orphan",
        order_by="Measurement.measured_on",
    )

    @property
    def display_name(self) -> str:
        return self.pseudonym or f"{self.first_name} {self.last_name}".strip()

    @property
    def municipality(self) -> str | None:
        """The name of the responsible municipality (read only: see `municipality_id`)."""
        return self.controller.name if self.controller else None

    @property
    def ladder_step(self) -> int | None:
        """The step of the latest measurement; none before the nulmeting."""
        return self.measurements[-1].ladder_step if self.measurements else None

    def consent_given(self, purpose: ConsentPurpose) -> bool:
        return any(c.purpose == purpose and c.withdrawn_on is None for c in self.consents)

    def consent_withdrawn(self, purpose: ConsentPurpose) -> bool:
        """Given once, withdrawn since (and not given again)."""
        return not self.consent_given(purpose) and any(
            c.purpose == purpose and c.withdrawn_on is not None for c in self.consents
        )

    def language_levels(self) -> dict[str, str]:
        return {
            "speaking": self.nl_speaking,
            "listening": self.nl_listening,
            "reading": self.nl_reading,
            "writing": self.nl_writing,
        }

    def __repr__(self) -> str:
        return f"<Participant {self.ref}>"


class Consent(Model):
    """Consent per purpose, with the date it was given and, if so, withdrawn."""

    __table_args__ = (UniqueConstraint("participant_id", "purpose"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"), index=True)
    purpose: Mapped[ConsentPurpose] = mapped_column(enum_type(ConsentPurpose))
    given_on: Mapped[date]
    withdrawn_on: Mapped[date | None]

    participant: Mapped[Participant] = relationship(back_populates="consents")


class Goal(Model):
    """A goal of the trajectplan with its target date."""

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    target_date: Mapped[date | None]
    achieved_on: Mapped[date | None]

    participant: Mapped[Participant] = relationship(back_populates="goals")
