"""Vacancies: listing per role, creating and saving with the business rules."""

from __future__ import annotations

from secrets import token_hex
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.exc import IntegrityError

from marketplace.domain.vocabulary import PlacementType, Role, VacancyStatus
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import Organisation, User, Vacancy
from marketplace.services.locations import locate
from marketplace.services.queries import Page, paginate

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
    PlacementType.WERKERVARINGSPLAATS: {"hours_min": 16, "hours_max": 24, "duration_weeks": 15},
}


def defaults_for(placement_type: PlacementType) -> dict[str, Any]:
    base = {"capacity": 1, "proposal_cap": 3, "physical_load": "light"}
    return base | TYPE_DEFAULTS[placement_type]


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


def list_vacancies(
    user: User,
    page: int = 1,
    per_page: int = 20,
    placement_type: PlacementType | None = None,
    search: str = "",
) -> Page[Vacancy]:
    statement = visible_vacancies(user)
    if placement_type is not None:
        statement = statement.where(Vacancy.type == placement_type)
    if search:
        pattern = f"%{search.strip()}%"
        statement = statement.where(
            or_(Vacancy.title.ilike(pattern), Organisation.name.ilike(pattern))
        )
    return paginate(statement.order_by(Vacancy.title, Vacancy.id), page, per_page)


def new_vacancy_ref() -> str:
    return "v-" + token_hex(5)


def create_vacancy(organisation: Organisation, data: dict[str, Any]) -> Vacancy:
    """A new vacancy starts as a draft of this organisation."""
    vacancy = Vacancy(
        ref=new_vacancy_ref(),
        organisation_id=organisation.id,
        status=VacancyStatus.DRAFT,
        filled=0,
    )
    return save_vacancy(vacancy, data)


def save_vacancy(vacancy: Vacancy, data: dict[str, Any]) -> Vacancy:
    """Apply form data and commit; a broken rule raises DomainError and saves nothing."""
    if data["capacity"] < vacancy.filled:
        raise DomainError(
            f"Er zijn al {vacancy.filled} plekken bezet; kies minstens {vacancy.filled}.",
            field="capacity",
        )
    # Look the postcode up before touching the row, so no half-changed row is flushed.
    location = locate(data.get("postcode"))
    for name, value in data.items():
        setattr(vacancy, name, value)
    vacancy.lat, vacancy.lon, vacancy.geo_precision = location
    db.session.add(vacancy)
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise DomainError("De plek kon niet worden opgeslagen; controleer de velden.") from error
    return vacancy
