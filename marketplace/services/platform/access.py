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

from sqlalchemy import Select, and_, false, or_, select, true
from sqlalchemy.orm import selectinload
from sqlalchemy.sql.elements import ColumnElement

from marketplace.domain.placements import PlacementRole
from marketplace.domain.vocabulary import ApprovalState, Role, VacancyStatus
from marketplace.errors import AccessRefused
from marketplace.extensions import db
from marketplace.models import (
    ImportBatch,
    Municipality,
    Organisation,
    Participant,
    Placement,
    User,
    Vacancy,
    organisation_municipality,
    user_municipality,
)

Lookup = Literal["id", "ref"]  # the web addresses rows by id, the API by their spec ref
M = TypeVar("M", Participant, Vacancy)

# --------------------------------------------------------------------------- tenancy
# Which municipalities an account works for. Every list and loader that shows people,
# accounts, log lines or figures narrows itself with these, and nothing else decides.

Scope = frozenset[int] | None  # municipality ids; None: every municipality


def municipalities_of(user: User) -> Scope:
    """The municipalities whose participants, accounts and figures this account may
    reach: the administrator all (None); the regional admin those of her region; a
    volunteer centre's staff its centre's reach; everyone else the assigned ones."""
    if user.role == Role.ADMIN:
        return None
    if user.role == Role.REGIONAL_ADMIN:
        if user.region_id is None:
            return frozenset()
        return frozenset(db.session.scalars(
            select(Municipality.id).where(Municipality.region_id == user.region_id)))
    if user.role == Role.CENTRALE:
        organisation = user.organisation
        return frozenset(m.id for m in organisation.reach) if organisation else frozenset()
    return frozenset(m.id for m in user.municipalities)


def in_scope(user: User, municipality_id: int | None) -> bool:
    scope = municipalities_of(user)
    return scope is None or municipality_id in scope


def municipalities_visible_to(user: User) -> list[Municipality]:
    """The municipality rows of the user's scope, by name (for choices and reports)."""
    scope = municipalities_of(user)
    query = select(Municipality).order_by(Municipality.name)
    if scope is not None:
        query = query.where(Municipality.id.in_(scope))
    return list(db.session.scalars(query))


def load_municipality(user: User, municipality_id: int) -> Municipality:
    """A municipality of the user's scope; another one's is not found (404)."""
    municipality = db.session.get(Municipality, municipality_id)
    if municipality is None or not in_scope(user, municipality.id):
        raise AccessRefused.not_found()
    return municipality


def participants_in_scope(user: User) -> ColumnElement[bool]:
    """A condition on Participant: its controller is in the user's scope (participants
    without one yet, from before the tenancy, only for the administrator)."""
    scope = municipalities_of(user)
    if scope is None:
        return true()
    return Participant.municipality_id.in_(scope) if scope else false()


def accounts_in(scope: Scope) -> Select[int]:
    """Ids of accounts working for at least one municipality of the scope."""
    query = select(user_municipality.c.user_id)
    if scope is not None:
        query = query.where(user_municipality.c.municipality_id.in_(scope))
    return query


def accounts_outside(scope: frozenset[int]) -> Select[int]:
    """Ids of accounts that also work for a municipality outside the scope."""
    return select(user_municipality.c.user_id).where(
        user_municipality.c.municipality_id.not_in(scope))


def may_manage_account(actor: User, user: User) -> bool:
    """A municipal admin manages the coaches, policy officers and municipal admins that
    work only for her municipalities (an account shared with another municipality is
    that one's as well, so she leaves it to the regional admin)."""
    if actor.role != Role.MUNICIPAL_ADMIN or user.role not in MUNICIPAL_ROLES:
        return False
    scope = municipalities_of(actor) or frozenset()
    theirs = {m.id for m in user.municipalities}
    return bool(theirs) and theirs <= scope


def manageable_accounts(actor: User) -> ColumnElement[bool]:
    """The condition on User behind `may_manage_account`, for the account list."""
    scope = municipalities_of(actor) or frozenset()
    return and_(User.role.in_(MUNICIPAL_ROLES), User.id.in_(accounts_in(scope)),
                User.id.not_in(accounts_outside(scope)))


def log_in_scope(user: User, ref: Any, actor_id: Any) -> ColumnElement[bool]:
    """Audit lines the user may read: all for the administrator; for a municipal admin
    those about her municipalities' participants or by her municipalities' accounts."""
    scope = municipalities_of(user)
    if scope is None:
        return true()
    refs = select(Participant.ref).where(Participant.municipality_id.in_(scope))
    return or_(ref.in_(refs), actor_id.in_(accounts_in(scope)))


def centres_serving(municipality_name: str) -> Select[Organisation]:
    """The volunteer centres whose reach includes the municipality of this name."""
    return (select(Organisation)
            .join(organisation_municipality,
                  organisation_municipality.c.organisation_id == Organisation.id)
            .join(Municipality, Municipality.id == organisation_municipality.c.municipality_id)
            .where(Municipality.name == municipality_name))


def _reaches(user: User, organisation: Organisation) -> bool:
    """A centre may screen an organisation that sits in a municipality it serves."""
    return any(m.name == organisation.municipality for m in user.organisation.reach) \
        if user.organisation else False


def in_reach(user: User) -> ColumnElement[bool]:
    """The condition on Organisation behind `_reaches`, for the screening list."""
    names = (select(Municipality.name)
             .join(organisation_municipality,
                   organisation_municipality.c.municipality_id == Municipality.id)
             .where(organisation_municipality.c.organisation_id == user.organisation_id))
    return Organisation.municipality.in_(names)


# The roles tied to municipalities, that a municipal admin may hand out.
MUNICIPAL_ROLES = (Role.COACH, Role.POLICY, Role.MUNICIPAL_ADMIN)

# --------------------------------------------------------------------------- the rules


def can_see_participant(user: User, participant: Participant) -> bool:
    """A participant's file is for the case owner while she works for its municipality
    (and the admin, for support). A hand-over changes the owner, so the old coach loses
    access at once."""
    if user.role == Role.ADMIN:
        return True
    if user.role != Role.COACH or participant.coach_id != user.id:
        return False
    return participant.municipality_id is None or in_scope(user, participant.municipality_id)


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
    any centre serving its municipality may screen while it waits, not afterwards. The
    admin manages all."""
    if user.role == Role.ADMIN:
        return True
    if user.role != Role.CENTRALE:
        return False
    if organisation.managed_by_id is None:
        return organisation.approval == ApprovalState.REVIEW and _reaches(user, organisation)
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
