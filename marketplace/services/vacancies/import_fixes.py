"""What happens to an upload between its preview and its commit, and just after:
every row with its problems next to it, fixing a cell (or leaving a row out) in the
browser, the file back with a column of problems, and publishing all imported drafts
in one step.

A fix changes the batch's kept rows and checks all of them again with the same rules
as the upload (`import_rows.check_rows`); nothing reaches the vacancies until the
commit, which checks once more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from marketplace.domain.vacancy_status import VacancyAction
from marketplace.domain.vacancy_words import value_key
from marketplace.domain.vocabulary import VacancyStatus
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import ImportBatch, User, Vacancy
from marketplace.services.platform.transaction import transaction
from marketplace.services.profiles.rows import VACANCY_COLUMNS
from marketplace.services.vacancies.export import ExportFile
from marketplace.services.vacancies.files import CSV_TYPE, write_csv
from marketplace.services.vacancies.import_batches import (
    ImportAlreadyCommitted,
    _as_rows,
    _report_payload,
)
from marketplace.services.vacancies.import_rows import check_rows, scope_for
from marketplace.services.vacancies.vacancies import apply_action
from marketplace.services.vacancies.xlsx_limits import MAX_CELL_CHARS

PROBLEMS_COLUMN = "meldingen"
# The preview shows the file's own cells; the generated id is ours, not the user's.
_HIDDEN = ("__id__", "__extra__")


@dataclass(frozen=True)
class PreviewRow:
    number: int
    cells: dict[str, str]
    problems: list[tuple[str, str]]  # (column key, message); column "" for the row

    def problem_columns(self) -> set[str]:
        return {column for column, _ in self.problems if column}


def _problems_by_row(batch: ImportBatch) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for row, column, message in batch.payload["report"]["problems"]:
        found[int(row)].append((column, message))
    return found


def preview_rows(batch: ImportBatch) -> list[PreviewRow]:
    """Every row of the upload with its problems next to it."""
    problems = _problems_by_row(batch)
    return [
        PreviewRow(int(number), {k: v for k, v in cells.items() if k not in _HIDDEN},
                   problems.get(int(number), []))
        for number, cells in batch.payload.get("rows") or []
    ]


def _check_open(batch: ImportBatch) -> None:
    if batch.committed_at is not None:
        raise ImportAlreadyCommitted()


def _changed_records(records: list[Any], changes: Mapping[tuple[int, str], str],
                     leave_out: set[int]) -> list[Any]:
    kept = []
    for number, cells in records:
        if int(number) in leave_out:
            continue
        cells = dict(cells)
        for (row, column), value in changes.items():
            if row == int(number):
                cells[column] = value_key(column, value)
        kept.append([number, cells])
    return kept


def _checked_changes(changes: Mapping[tuple[int, str], str]) -> None:
    for (row, column), value in changes.items():
        if column not in VACANCY_COLUMNS:
            raise DomainError(f"Rij {row}: de kolom {column!r} bestaat niet.")
        if len(value) > MAX_CELL_CHARS or "\x00" in value:
            raise DomainError(f"Rij {row}, {column}: deze tekst kan niet in een cel.")


def fix_cells(batch: ImportBatch, user: User, changes: Mapping[tuple[int, str], str],
              leave_out: set[int]) -> int:
    """Change cells and leave rows out of a kept upload, then check all rows again;
    the number of problems left."""
    _check_open(batch)
    _checked_changes(changes)
    records = _changed_records(list(batch.payload.get("rows") or []), changes, leave_out)
    if not records:
        raise DomainError("Zo blijft er geen rij over om te importeren.")
    report = check_rows(_as_rows(records), scope_for(user))
    with transaction():
        batch.payload = batch.payload | {"rows": records, "report": _report_payload(report)}
        batch.row_count = len(records)
    return len(report.problems)


def problem_file(batch: ImportBatch) -> ExportFile:
    """The upload as a CSV in the template's columns, with a last column of problems."""
    rows = []
    for row in preview_rows(batch):
        lines = [f"{column}: {message}" if column else message
                 for column, message in row.problems]
        rows.append(row.cells | {PROBLEMS_COLUMN: "; ".join(lines)})
    columns = (*VACANCY_COLUMNS, PROBLEMS_COLUMN)
    return ExportFile(write_csv(rows, columns), CSV_TYPE, "vacatures-met-meldingen.csv",
                      len(rows))


# ------------------------------------------------------------- publishing the import


@dataclass(frozen=True)
class PublishResult:
    published: int
    refused: list[tuple[str, str]]  # (title, why): what the screening rules keep back


def imported_drafts(batch: ImportBatch) -> list[Vacancy]:
    """The vacancies this import created that are still drafts."""
    ids = batch.payload.get("created_ids") or []
    if not ids:
        return []
    return list(db.session.scalars(select(Vacancy).where(
        Vacancy.id.in_(ids), Vacancy.status == VacancyStatus.DRAFT).order_by(Vacancy.id)))


def publish_imported(batch: ImportBatch, user: User) -> PublishResult:
    """Publish every imported draft in one transaction, each through the rules of
    `domain/vacancy_status.py` (the same as its own page); a draft the rules keep
    back stays a draft and is listed with the reason."""
    published, refused = 0, []
    with transaction():
        for vacancy in imported_drafts(batch):
            try:
                apply_action(vacancy, user, VacancyAction.PUBLISH)
            except DomainError as error:
                refused.append((vacancy.title, error.message))
            else:
                published += 1
    return PublishResult(published, refused)
