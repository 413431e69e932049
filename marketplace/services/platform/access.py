"""Who may see and change which object, and one loader per kind that applies it.

The web (ids, `auth/access.py`) and the API (refs, `api/access.py`) load through the
same functions, so a rule cannot differ between them. A loader returns the object or
raises `AccessRefused`: not found (404, for objects the user may not know exist, so ids
of other caseloads cannot be probed) or forbidden (403, visible but not theirs to
change). The web renders that as its error page, the API as problem+json.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.domain.placements import PlacementRole
from marketplace.domain.vocabulary import ApprovalState, Role, VacancyStatus
from marketplace.errors import AccessRefused
from marketplace.extensions import db
from marketplace.models import ImportBatch, Organisation, Participant, Placement, User, Vacancy

Lookup = Literal["id", "ref"]  # the web addresses rows by id, the API by their spec ref
M = TypeVar("M", Participant, Vacancy)

# --------------------------------------------------------------------------- the rules


def can_see_participant(user: User, participant: Participant) -> bool:
    """A participant's file is for the case owner (and the admin, for support)."""
    if user.role == Role.ADMIN:
        return True
    return user.role == Role.COACH and participant.coach_id == user.id


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


def can_manage_organisation(user: User, organisation: Organisation) -> bool:
    """Volunteer-centre staff manage their own organisations; one that nobody manages yet
    any centre may screen while it waits, not afterwards. The admin manages all."""
    if user.role == Role.ADMIN:
        return True
    if user.role != Role.CENTRALE:
        return False
    if organisation.managed_by_id is None:
        return organisation.approval == ApprovalState.REVIEW
    return organisation.managed_by_id == user.organisation_id


def can_view_organisation(user: User, organisation: Organisation) -> bool:
    """A member sees its own organisation; the centre the ones it manages or may screen."""
    if user.role == Role.ORGANISATION:
        return user.organisation_id == organisation.id
    return can_manage_organisation(user, organisation)


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


# --------------------------------------------------------------------------- the loaders


def _fetch(model: type[M], key: Any, by: Lookup) -> M | None:
    if by == "id":
        return db.session.get(model, key)
    return db.session.scalar(select(model).where(model.ref == key))


def load_participant(user: User, key: int | str, by: Lookup = "id") -> Participant:
    """A participant of the user's caseload."""
    participant = _fetch(Participant, key, by)
    if participant is None or not can_see_participant(user, participant):
        raise AccessRefused.not_found()
    return participant


def load_vacancy(user: User, key: int | str, by: Lookup = "id", *, to_edit: bool = False
                 ) -> Vacancy:
    """A vacancy the user may see, or with `to_edit` may change."""
    vacancy = _fetch(Vacancy, key, by)
    if vacancy is None or not can_view_vacancy(user, vacancy):
        raise AccessRefused.not_found()
    if to_edit and not can_edit_vacancy(user, vacancy):
        raise AccessRefused.forbidden()  # visible, so saying "not yours" reveals nothing
    return vacancy


def load_organisation(user: User, organisation_id: int, *, to_manage: bool = False
                      ) -> Organisation:
    """An organisation the user may see, or with `to_manage` screen and manage."""
    allowed = can_manage_organisation if to_manage else can_view_organisation
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None or not allowed(user, organisation):
        raise AccessRefused.not_found()
    return organisation


def fetch_placement(placement_id: int) -> Placement | None:
    """A placement with its participant, vacancy and organisation, unchecked."""
    return db.session.scalar(
        select(Placement).where(Placement.id == placement_id).options(
            selectinload(Placement.participant),
            selectinload(Placement.vacancy).selectinload(Vacancy.organisation),
            selectinload(Placement.proposed_by),
        )
    )


def load_placement(user: User, placement_id: int) -> Placement:
    """A placement of the user's caseload or organisation (any, for the admin)."""
    placement = fetch_placement(placement_id)
    if placement is None or not may_view(user, placement):
        raise AccessRefused.not_found()
    return placement


def load_import_batch(user: User, token: str, *, committed: bool | None = False
                      ) -> ImportBatch:
    """An upload of this user that waits for its commit (`committed` True: one that was
    committed, for publishing its drafts; None: either); expired, or in the other
    state, is gone."""
    batch = db.session.scalars(
        select(ImportBatch).where(ImportBatch.token == token, ImportBatch.owner_id == user.id)
    ).first()
    wrong_state = committed is not None and (batch is not None) \
        and (batch.committed_at is not None) != committed
    if batch is None or wrong_state or batch.expires_at < datetime.now(UTC):
        raise AccessRefused.not_found()
    return batch
