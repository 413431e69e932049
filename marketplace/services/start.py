"""What each role's start page shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from marketplace.domain.vocabulary import ParticipantStatus, Role
from marketplace.extensions import db
from marketplace.models import Organisation, Participant, User, Vacancy
from marketplace.services.accounts.invitations import manageable_users
from marketplace.services.participants.caseload import caseload
from marketplace.services.participants.measurements import due_for_coach
from marketplace.services.placements import checkins
from marketplace.services.placements.pages import organisation_waiting
from marketplace.services.platform import access
from marketplace.services.vacancies.organisations import (
    organisations_to_review,
    vacancies_to_review,
)


def _coach(user: User) -> dict[str, Any]:
    counts = dict(
        db.session.execute(
            select(Participant.status, func.count())
            .where(access.caseload_of(user))
            .group_by(Participant.status)
        ).all()
    )
    return {
        "caseload": caseload(user, per_page=50, status=None),
        "status_counts": {status: counts.get(status, 0) for status in ParticipantStatus},
        "measurements_due": due_for_coach(user),
        "checkins_due": checkins.due_for_coach(user),
    }


def _organisation(user: User) -> dict[str, Any]:
    vacancies = db.session.scalars(
        select(Vacancy)
        .where(Vacancy.organisation_id == user.organisation_id)
        .order_by(Vacancy.status, Vacancy.title)
    ).all()
    return {"organisation": user.organisation, "vacancies": vacancies,
            "waiting": organisation_waiting(user)}


def _centrale(user: User) -> dict[str, Any]:
    return {
        "organisations": organisations_to_review(user),
        "vacancies": vacancies_to_review(user),
    }


def _policy(user: User) -> dict[str, Any]:
    return {}


def _admin(user: User) -> dict[str, Any]:
    def count(model: Any) -> int:
        return db.session.scalar(select(func.count()).select_from(model)) or 0

    return {
        "counts": {
            "Accounts": count(User),
            "Organisaties": count(Organisation),
            "Vacatures": count(Vacancy),
            "Deelnemers": count(Participant),
        }
    }


def _tenant_admin(user: User) -> dict[str, Any]:
    """The municipal or regional admin: where she works, and the accounts she keeps."""
    return {"municipalities": access.municipalities_visible_to(user),
            "accounts": manageable_users(user)}


CONTEXTS: dict[Role, Callable[[User], dict[str, Any]]] = {
    Role.COACH: _coach,
    Role.ORGANISATION: _organisation,
    Role.CENTRALE: _centrale,
    Role.POLICY: _policy,
    Role.ADMIN: _admin,
    Role.REGIONAL_ADMIN: _tenant_admin,
    Role.MUNICIPAL_ADMIN: _tenant_admin,
}


def start_page_context(user: User) -> dict[str, Any]:
    return CONTEXTS[user.role](user)
