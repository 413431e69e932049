"""Organisations: what a volunteer centre has to screen."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from secrets import token_hex
from typing import Any

from flask import current_app, url_for
from sqlalchemy import and_, or_, select

from marketplace.domain.passwords import password_problems
from marketplace.domain.vacancy_status import (
    OrganisationAction,
    TransitionRefused,
    allowed_organisation_actions,
    back_online_with_organisation,
    organisation_after_edit,
    organisation_transition,
)
from marketplace.domain.vocabulary import ApprovalState, Role, VacancyStatus
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import Municipality, Organisation, User, Vacancy, organisation_municipality
from marketplace.services.accounts.users import create_user, find_user_by_email, hash_password
from marketplace.services.platform import access
from marketplace.services.platform.locations import locate
from marketplace.services.platform.outbox import enqueue_template
from marketplace.services.platform.transaction import commit as _commit

CENTRE_KIND = "vrijwilligerscentrale"


def organisations_to_review(staff: User) -> list[Organisation]:
    """Organisations waiting for screening that this centre manages, or nobody does yet
    in a municipality the centre serves."""
    statement = (
        select(Organisation)
        .where(Organisation.approval == ApprovalState.REVIEW)
        .where(
            or_(
                Organisation.managed_by_id == staff.organisation_id,
                and_(Organisation.managed_by_id.is_(None), access.in_reach(staff)),
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
    """Municipalities a volunteer centre serves: where a new organisation can sign up."""
    statement = (
        select(Municipality.name)
        .join(organisation_municipality,
              organisation_municipality.c.municipality_id == Municipality.id)
        .distinct()
        .order_by(Municipality.name)
    )
    return list(db.session.scalars(statement))


def centre_of(municipality: str) -> Organisation | None:
    """The volunteer centre that serves this municipality (the first, if several do)."""
    statement = access.centres_serving(municipality).where(
        Organisation.kind == CENTRE_KIND).order_by(Organisation.id)
    return db.session.scalars(statement).first()


def _organisation_key(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60]
    return f"{slug or 'organisatie'}-{token_hex(3)}"


def _stored_values(data: dict[str, Any]) -> dict[str, Any]:
    """The columns a form's data sets, as stored: empty is None, the description ""."""
    values = {name: data[name] if data[name] != "" else None
              for name in ORGANISATION_FIELDS if name in data}
    values["description"] = data.get("description") or ""
    return values


def _apply(organisation: Organisation, data: dict[str, Any]) -> None:
    for name, value in _stored_values(data).items():
        setattr(organisation, name, value)
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


def register_organisation(data: dict[str, Any]) -> None:
    """A new organisation signs itself up with its first member; it waits for screening
    by the volunteer centre of the chosen municipality.

    The answer is the same whether or not the e-mail address has an account, so the
    form cannot be used to find out who has one: a known address gets a mail telling
    its owner, and nothing is created."""
    email = data["member_email"].strip().lower()
    problems = password_problems(data["password"], email)
    if problems:
        raise DomainError(" ".join(problems), field="password")
    if find_user_by_email(email) is not None:
        hash_password(data["password"])  # the same work (and time) as a new account
        _mail_signup(email, "organisations/mail/signup_existing.txt",
                     "Aanmelding bij Koppelkans met uw e-mailadres")
        _commit("De aanmelding kon niet worden opgeslagen. Probeer het opnieuw.")
        return
    organisation = new_organisation(
        data, ApprovalState.REVIEW, managed_by=centre_of(data["municipality"])
    )
    db.session.flush()
    create_user(email, data["member_name"], Role.ORGANISATION, data["password"],
                organisation_id=organisation.id)
    _mail_signup(email, "organisations/mail/signup_received.txt",
                 "Uw aanmelding bij Koppelkans is ontvangen")
    _commit("De aanmelding kon niet worden opgeslagen. Probeer het opnieuw.")


def _mail_signup(email: str, template: str, subject: str) -> None:
    login_url = str(current_app.config["BASE_URL"]).rstrip("/") + url_for("auth.login")
    enqueue_template([email], subject, template, login_url=login_url)


def create_managed_organisation(staff: User, data: dict[str, Any]) -> Organisation:
    """The volunteer centre adds an organisation it manages; its own entry needs no screening."""
    centre = staff.organisation
    if staff.role == Role.CENTRALE and centre is None:
        raise DomainError("Uw account hoort niet bij een vrijwilligerscentrale.")
    organisation = new_organisation(data, ApprovalState.APPROVED, managed_by=centre)
    _commit("De organisatie kon niet worden opgeslagen. Probeer het opnieuw.")
    return organisation


def update_organisation(organisation: Organisation, editor: User, data: dict[str, Any]) -> bool:
    """Save the organisation's details and commit; True when the edit sent it back to
    review (a member changed screened details, such as its name)."""
    changed = {name for name, value in _stored_values(data).items()
               if getattr(organisation, name) != value}
    approval = organisation_after_edit(editor.role, organisation.approval, changed)
    sent_to_review = approval != organisation.approval
    _apply(organisation, data)
    _set_approval(organisation, approval)
    _commit("De wijzigingen konden niet worden opgeslagen.")
    return sent_to_review


def _set_approval(organisation: Organisation, approval: ApprovalState) -> None:
    """Change the approval, and take its vacancies along: one is only live while its
    organisation is approved (see domain/vacancy_status.py)."""
    was_approved = organisation.approval == ApprovalState.APPROVED
    organisation.approval = approval
    now_approved = approval == ApprovalState.APPROVED
    if was_approved and not now_approved:
        for vacancy in organisation.vacancies:
            if vacancy.status == VacancyStatus.PUBLISHED:
                # Its own approval stands (also one from before approved_at existed).
                vacancy.approved_at = vacancy.approved_at or datetime.now(UTC)
                vacancy.status = VacancyStatus.REVIEW
    elif now_approved and not was_approved:
        for vacancy in organisation.vacancies:
            if back_online_with_organisation(vacancy.status, vacancy.approved_at is not None):
                vacancy.status = VacancyStatus.PUBLISHED


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
    _set_approval(organisation, target)
    db.session.commit()
    return organisation
