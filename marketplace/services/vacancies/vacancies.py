"""Vacancies: listing per role, creating and saving with the business rules, and
moving them through screening (rules in domain/vacancy_status.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from secrets import token_hex
from typing import Any

from sqlalchemy import Select, or_, select

from marketplace.domain.vacancy_status import (
    EditScreening,
    TransitionRefused,
    VacancyAction,
    VacancyFacts,
    allowed_vacancy_actions,
    vacancy_after_edit,
    vacancy_transition,
)
from marketplace.domain.vocabulary import ApprovalState, PlacementType, Role, VacancyStatus
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import Organisation, User, Vacancy
from marketplace.services.platform.locations import locate
from marketplace.services.platform.transaction import transaction

# Sensible starting values per type, from the reports: a werkervaringsplaats runs
# 15 weeks (Weert); a taalstage is taalrijk with support on the floor.
TYPE_DEFAULTS: dict[PlacementType, dict[str, Any]] = {
    PlacementType.VRIJWILLIGERSWERK: {"hours_min": 3, "hours_max": 10, "duration_weeks": None},
    PlacementType.TAALSTAGE: {
        "hours_min": 6,
        "hours_max": 8,
        "duration_weeks": 40,
        "language_rich": True,
        "language_support": True,
    },
    PlacementType.WERKERVARINGSPLAATS: {
        "hours_min": 16,
        "hours_max": 24,
        "duration_weeks": 15,
        "proefperiode_weeks": 4,
    },
}


def defaults_for(placement_type: PlacementType) -> dict[str, Any]:
    base = {
        "capacity": 1,
        "proposal_cap": 3,
        "physical_load": "light",
        "duration_weeks": None,
        "proefperiode_weeks": None,
        "language_rich": False,
        "language_support": False,
    }
    return base | TYPE_DEFAULTS[placement_type]


def all_type_defaults() -> dict[str, dict[str, Any]]:
    """What differs per type, for the form's script that fills it in on a change."""
    shared = ("capacity", "proposal_cap", "physical_load")
    return {
        placement_type.value: {
            name: value for name, value in defaults_for(placement_type).items()
            if name not in shared
        }
        for placement_type in PlacementType
    }


def visible_vacancies(user: User) -> Select[Any]:
    """The vacancies this user may list: published ones, plus the ones they manage."""
    statement = select(Vacancy).join(Vacancy.organisation)
    if user.role == Role.ADMIN:
        return statement
    published = Vacancy.status == VacancyStatus.PUBLISHED
    if user.role == Role.ORGANISATION:
        return statement.where(Vacancy.organisation_id == user.organisation_id)
    if user.role == Role.CENTRALE:
        return statement.where(or_(published, Organisation.managed_by_id == user.organisation_id))
    return statement.where(published)


def new_vacancy_ref() -> str:
    return "v-" + token_hex(5)


def postable_organisations(user: User) -> list[Organisation]:
    """Organisations this user may create vacancies for."""
    if user.role == Role.ORGANISATION:
        return [user.organisation] if user.organisation else []
    statement = select(Organisation).order_by(Organisation.name)
    if user.role == Role.CENTRALE:
        statement = statement.where(Organisation.managed_by_id == user.organisation_id)
    elif user.role != Role.ADMIN:
        return []
    return list(db.session.scalars(statement))


def create_vacancy(organisation: Organisation, data: dict[str, Any]) -> Vacancy:
    """A new vacancy starts as a draft of this organisation."""
    vacancy = Vacancy(
        ref=new_vacancy_ref(),
        organisation_id=organisation.id,
        status=VacancyStatus.DRAFT,
        filled=0,
    )
    _store(vacancy, data, None)
    return vacancy


def create_vacancy_for(user: User, data: dict[str, Any]) -> Vacancy:
    """A member posts for its own organisation; the centre for one it manages."""
    data = dict(data)
    wanted = data.pop("organisation_id", None)
    allowed = {organisation.id: organisation for organisation in postable_organisations(user)}
    if user.role == Role.ORGANISATION:
        wanted = user.organisation_id
    if wanted not in allowed:
        raise DomainError("Kies een organisatie die u beheert.", field="organisation_id")
    return create_vacancy(allowed[wanted], data)


def apply_edit(vacancy: Vacancy, editor_role: Role, fields: dict[str, Any]) -> EditScreening:
    """Set `fields` on an existing vacancy (no commit) and undo its screening when the
    rule says so: the one place where an edit meets `vacancy_after_edit`."""
    changed = {name for name, value in fields.items() if getattr(vacancy, name) != value}
    screening = vacancy_after_edit(editor_role, vacancy_facts(vacancy), changed)
    for name, value in fields.items():
        setattr(vacancy, name, value)
    if screening.approval_lost:
        vacancy.approved_at = None
        vacancy.status = screening.status
    return screening


def edit_vacancy(vacancy: Vacancy, editor: User, data: dict[str, Any]) -> EditScreening:
    """Save an edit of an existing vacancy and commit; a broken rule raises DomainError
    and saves nothing. A member's change of screened content sends it back to review."""
    screening = _store(vacancy, data, editor.role)
    assert screening is not None
    return screening


def _store(
    vacancy: Vacancy, data: dict[str, Any], editor_role: Role | None
) -> EditScreening | None:
    """Apply form data and commit (`editor_role` None: a new vacancy); a broken rule
    raises DomainError and saves nothing."""
    if data["capacity"] < vacancy.filled:
        raise DomainError(
            f"Er zijn al {vacancy.filled} plekken bezet; kies minstens {vacancy.filled}.",
            field="capacity",
        )
    # Look the postcode up before touching the row, so no half-changed row is flushed.
    location = locate(data.get("postcode"))
    screening = None
    if editor_role is None:
        for name, value in data.items():
            setattr(vacancy, name, value)
    else:
        screening = apply_edit(vacancy, editor_role, data)
    vacancy.lat, vacancy.lon, vacancy.geo_precision = location
    with transaction(conflict="De plek kon niet worden opgeslagen; controleer de velden."):
        db.session.add(vacancy)
    return screening


# ------------------------------------------------------------------------ screening


def vacancy_facts(vacancy: Vacancy) -> VacancyFacts:
    return VacancyFacts(
        status=vacancy.status,
        organisation_approved=vacancy.organisation.approval == ApprovalState.APPROVED,
        # A published vacancy was screened, also when it predates approved_at.
        approved_before=vacancy.approved_at is not None
        or vacancy.status == VacancyStatus.PUBLISHED,
    )


def allowed_actions(user: User, vacancy: Vacancy) -> list[VacancyAction]:
    return allowed_vacancy_actions(user.role, vacancy_facts(vacancy))


def change_status(vacancy: Vacancy, user: User, action: VacancyAction, reason: str = "") -> Vacancy:
    """Apply one screening or life-cycle action and commit; refusals raise DomainError
    (naming the field `reason` when that is what is missing)."""
    apply_action(vacancy, user, action, reason)
    db.session.commit()
    return vacancy


def apply_action(vacancy: Vacancy, user: User, action: VacancyAction, reason: str = "") -> None:
    """`change_status` in the caller's transaction (publishing a whole import at once)."""
    facts = vacancy_facts(vacancy)
    try:
        target = vacancy_transition(action, user.role, facts, reason)
    except TransitionRefused as refused:
        raise DomainError(refused.message, field=refused.field) from None
    now = datetime.now(UTC)
    if action in (VacancyAction.APPROVE, VacancyAction.PUBLISH):
        vacancy.approved_at = vacancy.approved_at or now
        vacancy.review_note = None
    elif action == VacancyAction.PAUSE:
        vacancy.approved_at = vacancy.approved_at or now  # stays approved: can be resumed
    elif action == VacancyAction.SEND_BACK:
        vacancy.approved_at = None
        vacancy.review_note = reason.strip()
    vacancy.status = target
