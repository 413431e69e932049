"""Participants: a coach's caseload."""

from __future__ import annotations

from sqlalchemy import or_, select

from marketplace.domain.vocabulary import ParticipantStatus
from marketplace.models import Participant, User
from marketplace.services.queries import Page, paginate


def caseload(
    coach: User,
    page: int = 1,
    per_page: int = 20,
    status: ParticipantStatus | None = None,
    search: str = "",
) -> Page[Participant]:
    """The coach's own participants, by name, optionally filtered."""
    statement = select(Participant).where(Participant.coach_id == coach.id)
    if status is not None:
        statement = statement.where(Participant.status == status)
    if search:
        pattern = f"%{search.strip()}%"
        statement = statement.where(
            or_(
                Participant.first_name.ilike(pattern),
                Participant.last_name.ilike(pattern),
                Participant.pseudonym.ilike(pattern),
            )
        )
    statement = statement.order_by(Participant.first_name, Participant.last_name, Participant.id)
    return paginate(statement, page, per_page)
