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
from marketplace.services.vacancies.board import BoardFilters, board
from marketplace.services.vacancies.files import CSV_TYPE, XLSX_TYPE, write_csv, write_xlsx

FORMATS = ("csv", "xlsx")
EXPORT_MAX = 10_000  # the import's own limit: an export can always be imported again


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


def _board_rows(user: User, filters: BoardFilters) -> list[dict[str, str]]:
    """What the board shows with these filters, in its order, within the export scope."""
    items = board(user, filters, page=1, per_page=EXPORT_MAX).page.items
    ids = [item.vacancy.id for item in items]
    allowed = set(db.session.scalars(
        exportable_vacancies(user).with_only_columns(Vacancy.id).where(Vacancy.id.in_(ids))))
    return [flat_row_from_profile(vacancy_profile(item.vacancy))
            for item in items if item.vacancy.id in allowed]


def export_rows(user: User | None, filters: BoardFilters | None = None) -> list[dict[str, str]]:
    if user is not None and filters is not None:
        return _board_rows(user, filters)
    statement = (
        exportable_vacancies(user)
        .options(selectinload(Vacancy.organisation))
        .order_by(Organisation.name, Vacancy.title, Vacancy.id)
    )
    return [flat_row_from_profile(vacancy_profile(v)) for v in db.session.scalars(statement)]


def export_file(user: User | None, file_format: str,
                filters: BoardFilters | None = None) -> ExportFile:
    """The vacancies as a file in the template's Dutch columns; with `filters`, exactly
    what the board shows with them (never more than the user may export)."""
    if file_format not in FORMATS:
        raise DomainError("Kies csv of xlsx.")
    rows = export_rows(user, filters)
    if file_format == "xlsx":
        return ExportFile(write_xlsx(rows), XLSX_TYPE, "vacatures.xlsx", len(rows))
    return ExportFile(write_csv(rows), CSV_TYPE, "vacatures.csv", len(rows))


def template_file(file_format: str) -> ExportFile:
    from marketplace.services.vacancies.files import template_rows

    if file_format == "xlsx":
        return ExportFile(write_xlsx(template_rows(), with_help=True), XLSX_TYPE,
                          "sjabloon-vacatures.xlsx")
    return ExportFile(write_csv(template_rows()), CSV_TYPE, "sjabloon-vacatures.csv")
