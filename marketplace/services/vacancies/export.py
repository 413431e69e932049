"""Export of vacancies in the import's flat format (CSV or XLSX)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from marketplace.domain.vocabulary import Role
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import Organisation, User, Vacancy
from marketplace.services.profiles.rows import flat_row_from_profile, vacancy_profile
from marketplace.services.vacancies.files import CSV_TYPE, XLSX_TYPE, write_csv, write_xlsx

FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    mimetype: str
    filename: str
    count: int = 0


def exportable_vacancies(user: User | None) -> Select[Vacancy]:
    """What may leave the system: everything (command line, admin) or the user's own scope."""
    statement = select(Vacancy).join(Vacancy.organisation)
    if user is None or user.role == Role.ADMIN:
        return statement
    if user.role == Role.CENTRALE:
        return statement.where(Organisation.managed_by_id == user.organisation_id)
    if user.role == Role.ORGANISATION:
        return statement.where(Vacancy.organisation_id == user.organisation_id)
    raise DomainError("U mag geen vacatures exporteren.")


def export_rows(user: User | None) -> list[dict[str, str]]:
    statement = (
        exportable_vacancies(user)
        .options(selectinload(Vacancy.organisation))
        .order_by(Organisation.name, Vacancy.title, Vacancy.id)
    )
    return [flat_row_from_profile(vacancy_profile(v)) for v in db.session.scalars(statement)]


def export_file(user: User | None, file_format: str) -> ExportFile:
    if file_format not in FORMATS:
        raise DomainError("Kies csv of xlsx.")
    rows = export_rows(user)
    if file_format == "xlsx":
        return ExportFile(write_xlsx(rows), XLSX_TYPE, "vacatures.xlsx", len(rows))
    return ExportFile(write_csv(rows), CSV_TYPE, "vacatures.csv", len(rows))


def template_file(file_format: str) -> ExportFile:
    from marketplace.services.vacancies.files import template_rows

    if file_format == "xlsx":
        return ExportFile(write_xlsx(template_rows(), with_help=True), XLSX_TYPE,
                          "sjabloon-vacatures.xlsx")
    return ExportFile(write_csv(template_rows()), CSV_TYPE, "sjabloon-vacatures.csv")
