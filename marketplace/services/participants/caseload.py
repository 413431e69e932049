"""Participants: a coach's caseload."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select

from marketplace.domain.vocabulary import ParticipantStatus
from marketplace.models import Participant, User
from marketplace.services.participants import measurements
from marketplace.services.placements import proposals
from marketplace.services.platform.queries import Page, paginate


def caseload(
    coach: User,
    page: int = 1,
    per_page: int = 20,
    status: ParticipantStatus | None = None,
    search: str = "",
) -> Page[Participant]:
    """The coach's own participants, by name, optionally filtered (the search looks in
    the names, the pseudonym and the profile id)."""
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
                Participant.ref.ilike(pattern),
            )
        )
    statement = statement.order_by(Participant.first_name, Participant.last_name, Participant.id)
    return paginate(statement, page, per_page)


def participant_page(participant: Participant) -> dict[str, Any]:
    """What the participant file shows beside the profile: progress, reminder, proposals."""
    return {
        "chart": measurements.progress_chart(participant),
        "measurement_due": measurements.due(participant),
        "zrm_average": measurements.zrm_average,
        "proposals": proposals.proposals_of(participant),
        "shortlist": proposals.shortlist(participant),
    }
