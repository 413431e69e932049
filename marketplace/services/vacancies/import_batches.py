"""Upload batches: an import kept server-side between its preview and its commit,
for the user who uploaded it only, for a limited time, committed at most once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import PurePath
from secrets import token_hex
from typing import Any

from sqlalchemy import delete, select, update

from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import ImportBatch, User
from marketplace.services.platform.transaction import transaction
from marketplace.services.vacancies.duplicates import similarity_words
from marketplace.services.vacancies.files import ParsedFile, read_file
from marketplace.services.vacancies.import_rows import (
    ImportRefused,
    ImportReport,
    ImportSummary,
    check_rows,
    commit_rows,
    scope_for,
)
from marketplace.services.vacancies.vacancies import new_vacancy_ref

BATCH_LIFETIME = timedelta(hours=2)
STORED_PROBLEMS = 500  # a preview shows this many; the count says how many there are


def _row_records(parsed: ParsedFile) -> list[list[Any]]:
    """Rows for storage, each with a stable generated id for rows without one."""
    records = []
    for number, cells in parsed.rows:
        cells = dict(cells)
        cells["__id__"] = new_vacancy_ref()
        records.append([number, cells])
    return records


def _report_payload(report: ImportReport) -> dict[str, Any]:
    return {
        "problems": [[p.row, p.column, p.message] for p in report.problems[:STORED_PROBLEMS]],
        "problem_count": len(report.problems),
        "organisation_choices": [
            {"key": c.key, "name": c.name, "rows": c.rows[:20], "row_count": len(c.rows),
             "candidates": [[x.id, x.name, similarity_words(x.score)] for x in c.candidates]}
            for c in report.organisation_choices
        ],
        "vacancy_choices": [
            {"row": c.row, "title": c.title, "organisation": c.organisation,
             "candidates": [[x.id, x.name, similarity_words(x.score)] for x in c.candidates]}
            for c in report.vacancy_choices
        ],
        "new_organisations": report.new_organisations,
        "creates": sum(1 for r in report.rows if r.update_id is None),
        "updates": report.updates,
    }


def start_batch(user: User, filename: str, data: bytes) -> ImportBatch:
    """Read and check an upload and keep it server-side for the preview.

    Reading and checking come first and only read the database: the first write (the
    clean-up of expired batches) takes SQLite's write lock, which every other write in
    the app then waits for. So a slow or hostile upload never holds it."""
    parsed = read_file(filename, data)
    records = _row_records(parsed)
    report = check_rows(_as_rows(records), scope_for(user))
    now = datetime.now(UTC)
    db.session.execute(delete(ImportBatch).where(ImportBatch.expires_at < now))
    batch = ImportBatch(
        token=token_hex(16), owner_id=user.id,
        # Only shown again; PostgreSQL refuses a NUL that a crafted upload's name may hold.
        filename=PurePath(filename.replace("\x00", "")).name[:255],
        row_count=len(records), created_at=now, expires_at=now + BATCH_LIFETIME,
        # Rows with problems are kept too: the preview shows them and lets the user fix
        # a cell; a commit checks everything again, so they are never written as they are.
        payload={"rows": records, "notices": parsed.notices,
                 "report": _report_payload(report)},
    )
    db.session.add(batch)
    db.session.commit()
    return batch


def _as_rows(records: Sequence[Sequence[Any]]) -> list[tuple[int, dict[str, str]]]:
    return [(int(number), dict(cells)) for number, cells in records]


def commit_batch(batch: ImportBatch, user: User, decisions: Mapping[str, str]) -> ImportSummary:
    if batch.committed_at is not None:
        raise ImportAlreadyCommitted()
    rows = _as_rows(batch.payload.get("rows") or [])
    if not rows:
        raise ImportRefused([])

    report = batch.payload.get("report", {})
    try:
        summary = commit_rows(rows, scope_for(user), decisions,
                              lambda: _claim(batch.id, report))
    except ImportRefused:
        # A simultaneous commit that won makes these rows look like duplicates of what
        # it wrote: say what really happened.
        if _committed_meanwhile(batch.id):
            raise ImportAlreadyCommitted() from None
        raise
    _remember_created(batch.id, report, summary)
    return summary


def _remember_created(batch_id: int, report: dict[str, Any], summary: ImportSummary) -> None:
    """Keep the new vacancies' ids with the batch, for "publish all imported drafts"."""
    with transaction():
        db.session.execute(
            update(ImportBatch).where(ImportBatch.id == batch_id)
            .values(payload={"report": report, "rows": [],
                             "created_ids": list(summary.created_ids)})
            .execution_options(synchronize_session=False))
    db.session.expire_all()


def _committed_meanwhile(batch_id: int) -> bool:
    committed = select(ImportBatch.committed_at).where(ImportBatch.id == batch_id)
    return db.session.scalar(committed) is not None


class ImportAlreadyCommitted(DomainError):
    """A second commit of the same upload (a double click, a second tab): nothing written."""

    def __init__(self) -> None:
        super().__init__("Deze import is al verwerkt. Er is niets dubbel opgeslagen.")


def _claim(batch_id: int, report: dict[str, Any]) -> None:
    """Mark the batch committed as the first write of the import's transaction.

    One conditional UPDATE: of simultaneous commits exactly one finds it uncommitted
    (PostgreSQL re-checks the condition after waiting for the row lock; SQLite lets one
    writer at a time in), the others are refused before they write anything."""
    claimed = db.session.execute(
        update(ImportBatch)
        .where(ImportBatch.id == batch_id, ImportBatch.committed_at.is_(None))
        .values(committed_at=datetime.now(UTC), payload={"report": report, "rows": []})
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]  # an UPDATE's CursorResult
        raise ImportAlreadyCommitted()
