"""Role checks, and the web's side of the object loaders: the signed-in user, ids from
the URL. Unknown or foreign ids give 404, visible but not editable 403; the rules and
loaders themselves are in services/platform/access.py, shared with the API."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar
from urllib.parse import urlsplit

from flask import abort
from flask_login import current_user, login_required

from marketplace.domain.vocabulary import Role
from marketplace.models import ImportBatch, Organisation, Participant, Placement, Vacancy
from marketplace.services.platform.access import (
    can_edit_vacancy,
    can_see_participant,
    can_view_vacancy,
    load_import_batch,
    load_organisation,
    load_participant,
    load_placement,
    load_vacancy,
)

# The rules, for templates and views that show or hide a button.
__all__ = ["can_edit_vacancy", "can_see_participant", "can_view_vacancy"]

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


def get_owned_participant_or_404(participant_id: int) -> Participant:
    return load_participant(current_user, participant_id)


def get_visible_vacancy_or_404(vacancy_id: int) -> Vacancy:
    return load_vacancy(current_user, vacancy_id)


def get_editable_vacancy_or_404(vacancy_id: int) -> Vacancy:
    return load_vacancy(current_user, vacancy_id, to_edit=True)


def get_viewable_organisation_or_404(organisation_id: int) -> Organisation:
    return load_organisation(current_user, organisation_id)


def get_viewable_placement_or_404(placement_id: int) -> Placement:
    return load_placement(current_user, placement_id)


def get_own_import_batch_or_404(token: str, *, committed: bool | None = False) -> ImportBatch:
    return load_import_batch(current_user, token, committed=committed)
