"""Participants: a coach's caseload."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select

from marketplace.domain.vocabulary import ParticipantStatus
from marketplace.models import Participant, User
from marketplace.services.participants import measurements
from marketplace.services.placements import proposals
from marketplace.services.platform import access
from marketplace.services.platform.queries import Page, paginate

# The columns a coach can sort the caseload on (the query's word -> its columns).
CASELOAD_SORTS: dict[str, tuple[Any, ...]] = {
    "naam": (Participant.first_name, Participant.last_name),
    "status": (Participant.status,),
    "leerroute": (Participant.route,),
    "spreken": (Participant.nl_speaking,),
    "intake": (Participant.intake_date,),
}


def caseload(
    coach: User,
    page: int = 1,
    per_page: int = 20,
    status: ParticipantStatus | None = None,
    search: str = "",
    sort: tuple[str, bool] = ("naam", False),
) -> Page[Participant]:
    """The coach's own participants, by name, optionally filtered (the search looks in
    the names, the pseudonym and the profile id)."""
    statement = select(Participant).where(access.caseload_of(coach))
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
    key, descending = sort
    columns = CASELOAD_SORTS.get(key, CASELOAD_SORTS["naam"])
    ordered = [column.desc() if descending else column for column in columns]
    statement = statement.order_by(*ordered, Participant.id)
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
