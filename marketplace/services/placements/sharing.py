"""What an organisation sees of a proposal, decided in one place.

Organisation members, volunteer-centre staff, employers with a link and every mail or
notification to them get a participant only through these functions: first name,
Dutch level per skill, availability, the coach's message and how to reach the coach,
or "gegevens niet meer gedeeld" once consent to share is withdrawn or the data erased.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.domain.placements import PlacementState
from marketplace.domain.vocabulary import ConsentPurpose
from marketplace.extensions import db
from marketplace.models import Participant, Placement, User, Vacancy


@dataclass(frozen=True)
class SharedProposal:
    """Everything an organisation sees of a proposal, and nothing more.

    First name, Dutch level per skill, when the person can work, the coach's message
    and how to reach the coach. Never: last name, pseudonymous id, contact details,
    address or postcode, health, household, children, goals or measurements.
    """

    placement_id: int | None
    vacancy_id: int
    vacancy_title: str
    state: PlacementState
    proposed_at: datetime | None
    first_name: str
    language_levels: dict[str, str]
    available: list[str]
    message: str
    coach_name: str
    coach_email: str


def sharing_stopped(person: Participant) -> bool:
    """Consent to share withdrawn, or the data erased: nothing more goes out."""
    return person.erased_at is not None or person.consent_withdrawn(ConsentPurpose.SHARING)


def shared_first_name(person: Participant) -> str:
    return gettext("gegevens niet meer gedeeld") if sharing_stopped(person) else person.first_name


def shared_view(placement: Placement) -> SharedProposal:
    """The one rule for what leaves the coach's side with a proposal."""
    if sharing_stopped(placement.participant):
        vacancy, coach = placement.vacancy, placement.proposed_by
        return SharedProposal(
            placement_id=placement.id, vacancy_id=vacancy.id, vacancy_title=vacancy.title,
            state=placement.state, proposed_at=placement.created_at,
            first_name=shared_first_name(placement.participant), language_levels={},
            available=[], message="", coach_name=coach.name if coach else "",
            coach_email=coach.email if coach else "",
        )
    return share(
        placement.participant,
        placement.vacancy,
        placement.proposed_by,
        placement.message,
        placement_id=placement.id,
        state=placement.state,
        proposed_at=placement.created_at,
    )


def share(
    person: Participant,
    vacancy: Vacancy,
    coach: User | None,
    message: str,
    *,
    placement_id: int | None = None,
    state: PlacementState = PlacementState.PROPOSED,
    proposed_at: datetime | None = None,
) -> SharedProposal:
    """What the organisation will see (also the coach's preview before proposing)."""
    # Dayparts only, without saying why others are missing (lessons, children).
    blocked = set(person.lessons) | set(person.childcare_needed)
    return SharedProposal(
        placement_id=placement_id,
        vacancy_id=vacancy.id,
        vacancy_title=vacancy.title,
        state=state,
        proposed_at=proposed_at,
        first_name=person.first_name,
        language_levels=person.language_levels(),
        available=[d for d in person.availability if d not in blocked],
        message=message,
        coach_name=coach.name if coach else "",
        coach_email=coach.email if coach else "",
    )


def proposals_for_organisation(user: User) -> list[SharedProposal]:
    """Proposals for the vacancies of the user's organisation, newest first."""
    if user.organisation_id is None:
        return []
    placements = db.session.scalars(
        select(Placement)
        .join(Vacancy, Placement.vacancy_id == Vacancy.id)
        .where(Vacancy.organisation_id == user.organisation_id)
        .options(
            selectinload(Placement.participant),
            selectinload(Placement.vacancy),
            selectinload(Placement.proposed_by),
        )
        .order_by(Placement.created_at.desc(), Placement.id.desc())
    )
    return [shared_view(placement) for placement in placements]


