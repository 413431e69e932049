"""The one guard for the log's tables: rows are added, never changed or deleted.

A model opts in with the `AppendOnly` mixin (the audit entries, the placement events);
`NeverDeleted` is for rows a log points at, which may change but must stay (a
placement: its events refer to it, and erasure keeps it for the counts). The session
refuses, before anything reaches the database, a flush that would UPDATE or DELETE
such a row and an ORM bulk UPDATE/DELETE statement on such a model.

What this cannot stop: SQL typed by hand or a Core statement on the bare `Table`
(the tests empty the tables that way). Nothing in the application does either.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import MANYTOONE, Session

MESSAGE = "Het auditlog kan niet worden gewijzigd of verwijderd."


class AuditLogIsAppendOnly(RuntimeError):
    """Raised when code tries to change or delete an audit entry or placement event."""


class AppendOnly:
    """Mixin: rows of this model are only ever inserted."""


class NeverDeleted:
    """Mixin: rows of this model may change but are never deleted."""


def _changes_its_row(instance: object) -> bool:
    """True when flushing `instance` would UPDATE its row: a column changed, or a
    many-to-one relationship (whose foreign key is in this row). Collections and
    one-to-one children live in other rows."""
    state = inspect(instance)
    for prop in state.mapper.column_attrs:
        if state.attrs[prop.key].history.has_changes():
            return True
    return any(
        rel.direction is MANYTOONE and state.attrs[rel.key].history.has_changes()
        for rel in state.mapper.relationships
    )


@event.listens_for(Session, "before_flush")
def _refuse_changes(session: Session, context: Any, instances: Any) -> None:
    for instance in session.deleted:
        if isinstance(instance, AppendOnly | NeverDeleted):
            raise AuditLogIsAppendOnly(MESSAGE)
    for instance in session.dirty:
        if isinstance(instance, AppendOnly) and _changes_its_row(instance):
            raise AuditLogIsAppendOnly(MESSAGE)


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state: Any) -> None:
    if not (state.is_update or state.is_delete):
        return
    guarded = (AppendOnly, NeverDeleted) if state.is_delete else (AppendOnly,)
    if any(issubclass(mapper.class_, guarded) for mapper in state.all_mappers):
        raise AuditLogIsAppendOnly(MESSAGE)
