"""Organisations: what a volunteer centre has to screen."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from secrets import token_hex
from typing import Any

from sqlalchemy import or_, select

from marketplace.domain.passwords import password_problems
from marketplace.domain.vacancy_status import (
    OrganisationAction,
    TransitionRefused,
    allowed_organisation_actions,
    organisation_transition,
)
from marketplace.domain.vocabulary import ApprovalState, Role, VacancyStatus
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import Organisation, User, Vacancy
from marketplace.services.accounts.users import create_user, find_user_by_email
from marketplace.services.platform.locations import locate
from marketplace.services.platform.transaction import commit as _commit

CENTRE_KIND = "vrijwilligerscentrale"


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



# ------------------------------------------------------- sign-up, creation, screening

ORGANISATION_FIELDS = ("name", "kind", "municipality", "postcode", "description", "email", "phone")


def municipalities() -> list[str]:
    """Municipalities with a volunteer centre: where a new organisation can sign up."""
    statement = (
        select(Organisation.municipality)
        .where(Organisation.kind == CENTRE_KIND)
        .distinct()
        .order_by(Organisation.municipality)
    )
    return list(db.session.scalars(statement))


def centre_of(municipality: str) -> Organisation | None:
    statement = (
        select(Organisation)
        .where(Organisation.kind == CENTRE_KIND, Organisation.municipality == municipality)
        .order_by(Organisation.id)
    )
    return db.session.scalars(statement).first()


def _organisation_key(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60]
    return f"{slug or 'organisatie'}-{token_hex(3)}"


def _apply(organisation: Organisation, data: dict[str, Any]) -> None:
    for name in ORGANISATION_FIELDS:
        if name in data:
            setattr(organisation, name, data[name] if data[name] != "" else None)
    organisation.description = data.get("description") or ""
    organisation.lat, organisation.lon, _ = locate(organisation.postcode)


def new_organisation(data: dict[str, Any], approval: ApprovalState,
                     managed_by: Organisation | None) -> Organisation:
    """Add an organisation to the session (the caller commits)."""
    organisation = Organisation(key=_organisation_key(data["name"]), approval=approval,
                                managed_by=managed_by)
    _apply(organisation, data)
    if approval == ApprovalState.APPROVED:
        organisation.reviewed_at = datetime.now(UTC)
    db.session.add(organisation)
    return organisation


def register_organisation(data: dict[str, Any]) -> User:
    """A new organisation signs itself up with its first member; it waits for screening
    by the volunteer centre of the chosen municipality."""
    email = data["member_email"].strip().lower()
    if find_user_by_email(email) is not None:
        raise DomainError(
            "Er is al een account met dit e-mailadres. Log in, of kies een ander adres.",
            field="member_email",
        )
    problems = password_problems(data["password"], email)
    if problems:
        raise DomainError(" ".join(problems), field="password")
    organisation = new_organisation(
        data, ApprovalState.REVIEW, managed_by=centre_of(data["municipality"])
    )
    db.session.flush()
    user = create_user(email, data["member_name"], Role.ORGANISATION, data["password"],
                       organisation_id=organisation.id)
    _commit("De aanmelding kon niet worden opgeslagen. Probeer het opnieuw.")
    return user


def create_managed_organisation(staff: User, data: dict[str, Any]) -> Organisation:
    """The volunteer centre adds an organisation it manages; its own entry needs no screening."""
    centre = staff.organisation
    if staff.role == Role.CENTRALE and centre is None:
        raise DomainError("Uw account hoort niet bij een vrijwilligerscentrale.")
    organisation = new_organisation(data, ApprovalState.APPROVED, managed_by=centre)
    _commit("De organisatie kon niet worden opgeslagen. Probeer het opnieuw.")
    return organisation


def update_organisation(organisation: Organisation, data: dict[str, Any]) -> Organisation:
    _apply(organisation, data)
    _commit("De wijzigingen konden niet worden opgeslagen.")
    return organisation


def organisation_actions(user: User, organisation: Organisation) -> list[OrganisationAction]:
    if user.role == Role.ORGANISATION and user.organisation_id != organisation.id:
        return []
    return allowed_organisation_actions(user.role, organisation.approval)


def change_approval(
    organisation: Organisation, user: User, action: OrganisationAction, reason: str = ""
) -> Organisation:
    """Approve, send back with a reason, or (a member) offer again after fixing."""
    if user.role == Role.ORGANISATION and user.organisation_id != organisation.id:
        raise DomainError("U mag deze wijziging niet doen.")
    try:
        target = organisation_transition(action, user.role, organisation.approval, reason)
    except TransitionRefused as refused:
        raise DomainError(refused.message) from None
    if organisation.managed_by_id is None and user.role == Role.CENTRALE:
        organisation.managed_by_id = user.organisation_id  # the screening centre adopts it
    if action == OrganisationAction.APPROVE:
        organisation.review_note = None
    elif action == OrganisationAction.SEND_BACK:
        organisation.review_note = reason.strip()
    if action != OrganisationAction.RESUBMIT:
        organisation.reviewed_at = datetime.now(UTC)
    organisation.approval = target
    db.session.commit()
    return organisation
