"""Organisations: what a volunteer centre has to screen."""

from __future__ import annotations

from sqlalchemy import or_, select

from marketplace.domain.vocabulary import ApprovalState, VacancyStatus
from marketplace.extensions import db
from marketplace.models import Organisation, User, Vacancy


def organisations_to_review(staff: User) -> list[Organisation]:
    """Organisations waiting for screening that this centre manages, or nobody does yet."""
    statement = (
        select(Organisation)
        .where(Organisation.approval == ApprovalState.REVIEW)
        .where(
            or_(
                Organisation.managed_by_id == staff.organisation_id,
                Organisation.managed_by_id.is_(None),
            )
        )
        .order_by(Organisation.created_at, Organisation.name)
    )
    return list(db.session.scalars(statement))


def vacancies_to_review(staff: User) -> list[Vacancy]:
    statement = (
        select(Vacancy)
        .join(Vacancy.organisation)
        .where(Vacancy.status == VacancyStatus.REVIEW)
        .where(Organisation.managed_by_id == staff.organisation_id)
        .order_by(Vacancy.created_at, Vacancy.id)
    )
    return list(db.session.scalars(statement))


def managed_organisations(staff: User) -> list[Organisation]:
    statement = (
        select(Organisation)
        .where(Organisation.managed_by_id == staff.organisation_id)
        .order_by(Organisation.name)
    )
    return list(db.session.scalars(statement))

