"""Who is who in a placement, and loading it: the checks every placement service shares."""

from __future__ import annotations

from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.domain.placements import PlacementRole
from marketplace.domain.vocabulary import Role
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import Placement, User, Vacancy


def role_of(user: User, placement: Placement) -> PlacementRole | None:
    """The user's role in this placement, or None when it is outside their scope."""
    if user.role == Role.COACH and placement.participant.coach_id == user.id:
        return PlacementRole.COACH
    organisation = placement.vacancy.organisation
    if user.organisation_id is None:
        return None
    if user.role == Role.ORGANISATION and user.organisation_id == organisation.id:
        return PlacementRole.ORGANISATION
    if user.role == Role.CENTRALE and organisation.managed_by_id == user.organisation_id:
        return PlacementRole.CENTRALE
    return None


def may_view(user: User, placement: Placement) -> bool:
    return user.role == Role.ADMIN or role_of(user, placement) is not None


def load(placement_id: int) -> Placement | None:
    return db.session.scalar(
        select(Placement).where(Placement.id == placement_id).options(
            selectinload(Placement.participant),
            selectinload(Placement.vacancy).selectinload(Vacancy.organisation),
            selectinload(Placement.proposed_by),
        )
    )


def locked(placement_id: int) -> Placement:
    """The placement, its row locked for this transaction (fresh from the database)."""
    placement = db.session.execute(
        select(Placement).where(Placement.id == placement_id)
        .with_for_update(of=Placement)
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if placement is None:
        raise DomainError(gettext("Deze plaatsing bestaat niet (meer)."))
    return placement
