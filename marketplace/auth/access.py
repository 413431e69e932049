"""Role and ownership checks as reusable helpers; unknown or foreign ids give 404."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar
from urllib.parse import urlsplit

from flask import abort
from flask_login import current_user, login_required

from marketplace.domain.vocabulary import ApprovalState, Role, VacancyStatus
from marketplace.extensions import db
from marketplace.models import ImportBatch, Organisation, Participant, User, Vacancy

P = ParamSpec("P")
R = TypeVar("R")


def roles_required(*roles: Role) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Only logged-in users with one of these roles; others get 403."""

    def decorator(view: Callable[P, R]) -> Callable[P, R]:
        @wraps(view)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        return login_required(wrapped)

    return decorator


def safe_next_url(target: str | None) -> str | None:
    """Only a path on this site: no scheme, no host, no protocol-relative '//'."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target:
        return None
    return target


def can_see_participant(user: User, participant: Participant) -> bool:
    """A participant's file is for the case owner (and the admin, for support)."""
    if user.role == Role.ADMIN:
        return True
    return user.role == Role.COACH and participant.coach_id == user.id


def get_owned_participant_or_404(participant_id: int) -> Participant:
    participant = db.session.get(Participant, participant_id)
    # 404, not 403, so that ids of other caseloads cannot be probed.
    if participant is None or not can_see_participant(current_user, participant):
        abort(404)
    return participant


def can_edit_vacancy(user: User, vacancy: Vacancy) -> bool:
    if user.role == Role.ADMIN:
        return True
    if user.role == Role.ORGANISATION:
        return vacancy.organisation_id == user.organisation_id
    if user.role == Role.CENTRALE:
        return vacancy.organisation.managed_by_id == user.organisation_id
    return False


def can_view_vacancy(user: User, vacancy: Vacancy) -> bool:
    """Coaches and policy see published vacancies only; editors see their own always."""
    if can_edit_vacancy(user, vacancy):
        return True
    return vacancy.status == VacancyStatus.PUBLISHED and user.role in (Role.COACH, Role.CENTRALE)


def get_visible_vacancy_or_404(vacancy_id: int) -> Vacancy:
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None or not can_view_vacancy(current_user, vacancy):
        abort(404)
    return vacancy


def get_editable_vacancy_or_404(vacancy_id: int) -> Vacancy:
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None:
        abort(404)
    if not can_edit_vacancy(current_user, vacancy):
        # Visible but not yours: 403 says so; invisible: 404 reveals nothing.
        abort(403 if can_view_vacancy(current_user, vacancy) else 404)
    return vacancy


def get_managed_organisation_or_404(organisation_id: int) -> Organisation:
    """Volunteer-centre staff see organisations they manage or that nobody manages yet."""
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None:
        abort(404)
    if current_user.role == Role.ADMIN:
        return organisation
    if organisation.managed_by_id not in (current_user.organisation_id, None):
        abort(404)
    # Nobody manages it yet: any centre may screen it while it waits, not afterwards.
    if organisation.managed_by_id is None and organisation.approval != ApprovalState.REVIEW:
        abort(404)
    return organisation


def get_viewable_organisation_or_404(organisation_id: int) -> Organisation:
    """A member sees its own organisation; the centre the ones it manages or may screen."""
    if current_user.role == Role.ORGANISATION:
        if current_user.organisation_id != organisation_id:
            abort(404)
        organisation = db.session.get(Organisation, organisation_id)
        if organisation is None:
            abort(404)
        return organisation
    if current_user.role not in (Role.CENTRALE, Role.ADMIN):
        abort(404)
    return get_managed_organisation_or_404(organisation_id)


def get_own_import_batch_or_404(token: str) -> ImportBatch:
    """An upload waiting for its commit, of this user only; expired or foreign gives 404."""
    from marketplace.services.vacancies.import_batches import find_batch

    batch = find_batch(token, current_user)
    if batch is None:
        abort(404)
    return batch
