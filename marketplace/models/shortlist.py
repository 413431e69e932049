"""A coach's shortlist: vacancies kept aside for one participant before proposing."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.extensions import Model
from marketplace.models._types import timestamp, utcnow

if TYPE_CHECKING:
    from marketplace.models.participant import Participant
    from marketplace.models.vacancy import Vacancy


class ShortlistEntry(Model):
    __table_args__ = (UniqueConstraint("participant_id", "vacancy_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"), index=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    participant: Mapped[Participant] = relationship()
    vacancy: Mapped[Vacancy] = relationship()
