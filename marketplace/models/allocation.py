"""A cohort allocation waiting for the coach: kept server-side until it is sent."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.extensions import Model
from marketplace.models._types import timestamp, utcnow


class CohortAllocation(Model):
    """The engine's proposal for a group of participants.

    `rows` holds, per participant, the assigned vacancy, the person's own first choice
    and the feasible options the coach may pick instead (ids and scores only); the
    coach's edits arrive with the form and are checked against these options.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    rows: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    total_score: Mapped[float] = mapped_column(default=0.0)
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(timestamp())
