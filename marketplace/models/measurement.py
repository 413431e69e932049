"""Participatieladder and zelfredzaamheidsmatrix (ZRM) measurements."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.domain.vocabulary import MeasurementKind
from marketplace.extensions import db
from marketplace.models._types import enum_type, timestamp, utcnow

if TYPE_CHECKING:
    from marketplace.models.participant import Participant


class Measurement(db.Model):
    __table_args__ = (CheckConstraint("ladder_step BETWEEN 1 AND 6", name="ladder_step_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"), index=True)
    kind: Mapped[MeasurementKind] = mapped_column(enum_type(MeasurementKind))
    measured_on: Mapped[date]
    ladder_step: Mapped[int]
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    participant: Mapped[Participant] = relationship(back_populates="measurements")
    zrm_scores: Mapped[list[ZrmScore]] = relationship(
        back_populates="measurement", cascade="all, delete-orphan"
    )

    def zrm(self) -> dict[str, int]:
        return {s.domain: s.score for s in self.zrm_scores}


class ZrmScore(db.Model):
    """One ZRM domain score; a row per domain keeps reports as plain SQL aggregates."""

    __table_args__ = (
        UniqueConstraint("measurement_id", "domain"),
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurement.id"), index=True)
    domain: Mapped[str] = mapped_column(String(40))
    score: Mapped[int]

    measurement: Mapped[Measurement] = relationship(back_populates="zrm_scores")
