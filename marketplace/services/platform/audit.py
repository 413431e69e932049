"""Recording and reading the audit log.

The log has two append-only halves: `AuditEntry` (who viewed or changed a
participant's data) and `PlacementEvent` (every transition of a placement, written in
the transition's own transaction by
`services.placements.placements` and `services.placements.proposals`).
The admin page reads both as one list (`log_lines`, a UNION ALL in the database,
paginated there) rather than copying each event into an entry: one record per fact,
so the two can never disagree, and every transition shows, also the ones written
before this page knew about them and those inserted in bulk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Text,
    cast,
    func,
    literal_column,
    null,
    select,
    union_all,
)

from marketplace.domain.audit import ERASE_ACTIONS, VIEW_ACTIONS, AuditKind, kind_of
from marketplace.domain.placements import PlacementState
from marketplace.extensions import db
from marketplace.models import AuditEntry, Participant, Placement, PlacementEvent, User
from marketplace.services.platform import access
from marketplace.services.platform.queries import Page, paginate


def record(actor: User | None, action: str, participant_ref: str | None, detail: str = "") -> None:
    """Add an entry to the current transaction; the caller's commit writes it.

    A change is recorded by the service that makes it, before its commit, so the change
    and its entry are written together or not at all (a failed change leaves no entry).
    """
    db.session.add(
        AuditEntry(
            actor_id=actor.id if actor else None,
            actor_email=actor.email if actor else "",
            action=action,
            participant_ref=participant_ref,
            detail=detail,
        )
    )


def record_now(
    actor: User | None, action: str, participant_ref: str | None, detail: str = ""
) -> None:
    """Record and commit at once: for reads, which have no transaction of their own
    (never for a change: see `record`)."""
    record(actor, action, participant_ref, detail)
    db.session.commit()


Rows = Select[*tuple[Any, ...]]


@dataclass(frozen=True)
class LogLine:
    """One line of the admin's audit log: an audit entry or a placement transition."""

    kind: AuditKind
    at: datetime
    actor_email: str
    # The placement role of a transition's actor: coach, organisation, link, system...
    actor_role: str | None
    action: str  # the entry's action code; "transition" for a placement's step
    participant_ref: str | None
    placement_id: int | None
    from_state: PlacementState | None
    to_state: PlacementState | None
    detail: str


@dataclass(frozen=True)
class LogFilter:
    """What the administrator searches the log for; empty fields do not filter.

    `participant_name` answers "who looked at my file?" for someone who does not know
    her code: it finds every participant whose first and last name contain the text."""

    participant_ref: str = ""
    participant_name: str = ""
    actor: str = ""  # part of the acting user's e-mail address or name
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    kind: AuditKind | None = None

    @property
    def is_empty(self) -> bool:
        return self == LogFilter()


def _refs_named(name: str) -> Any:
    full_name = func.lower(Participant.first_name + " " + Participant.last_name)
    return select(Participant.ref).where(full_name.contains(name.strip().lower(),
                                                           autoescape=True))


def _actors_like(text: str) -> Any:
    needle = text.strip().lower()
    return select(User.id).where(
        func.lower(User.email).contains(needle, autoescape=True)
        | func.lower(User.name).contains(needle, autoescape=True))


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _common(statement: Rows, at: Any, ref: Any, actor_id: Any, where: LogFilter,
            reader: User | None) -> Rows:
    """The filters that entries and transitions share, on their own columns; a reader's
    municipalities narrow what she may read (access.log_in_scope)."""
    if reader is not None:
        statement = statement.where(access.log_in_scope(reader, ref, actor_id))
    if where.participant_ref:
        statement = statement.where(ref == where.participant_ref)
    if where.participant_name.strip():
        statement = statement.where(ref.in_(_refs_named(where.participant_name)))
    if where.actor.strip():
        statement = statement.where(actor_id.in_(_actors_like(where.actor)))
    # Whole days in the zone the log prints its times in (dutch_datetime: UTC).
    if where.date_from is not None:
        statement = statement.where(at >= _day_start(where.date_from))
    if where.date_to is not None:
        statement = statement.where(at < _day_start(where.date_to + timedelta(days=1)))
    return statement


def _entry_lines(where: LogFilter, reader: User | None) -> Rows:
    statement = select(
        AuditEntry.at.label("at"),
        AuditEntry.id.label("id"),
        literal_column("0", Integer).label("is_event"),
        AuditEntry.actor_email.label("actor_email"),
        cast(null(), String).label("actor_role"),
        AuditEntry.action.label("action"),
        AuditEntry.participant_ref.label("participant_ref"),
        cast(null(), Integer).label("placement_id"),
        cast(null(), String).label("from_state"),
        cast(null(), String).label("to_state"),
        AuditEntry.detail.label("detail"),
    )
    statement = _common(statement, AuditEntry.at, AuditEntry.participant_ref,
                        AuditEntry.actor_id, where, reader)
    kind = where.kind
    actions: ColumnElement[bool] | None = None
    if kind == AuditKind.VIEW:
        actions = AuditEntry.action.in_(VIEW_ACTIONS)
    elif kind == AuditKind.ERASE:
        actions = AuditEntry.action.in_(ERASE_ACTIONS)
    elif kind == AuditKind.CHANGE:
        actions = AuditEntry.action.not_in(VIEW_ACTIONS | ERASE_ACTIONS)
    return statement if actions is None else statement.where(actions)


def _transition_lines(where: LogFilter, reader: User | None) -> Rows:
    statement = (
        select(
            PlacementEvent.at.label("at"),
            PlacementEvent.id.label("id"),
            literal_column("1", Integer).label("is_event"),
            func.coalesce(User.email, "").label("actor_email"),
            PlacementEvent.actor_role.label("actor_role"),
            literal_column("'transition'", String).label("action"),
            Participant.ref.label("participant_ref"),
            PlacementEvent.placement_id.label("placement_id"),
            cast(PlacementEvent.from_state, String).label("from_state"),
            cast(PlacementEvent.to_state, String).label("to_state"),
            # Not the event's note: it may say something personal about the participant.
            literal_column("''", Text).label("detail"),
        )
        .join(Placement, Placement.id == PlacementEvent.placement_id)
        .join(Participant, Participant.id == Placement.participant_id)
        .outerjoin(User, User.id == PlacementEvent.actor_id)
    )
    return _common(statement, PlacementEvent.at, Participant.ref, PlacementEvent.actor_id, where,
                   reader)


def _line(row: Any) -> LogLine:
    if row.is_event:
        return LogLine(
            kind=AuditKind.TRANSITION,
            at=row.at,
            actor_email=row.actor_email,
            actor_role=row.actor_role,
            action=row.action,
            participant_ref=row.participant_ref,
            placement_id=row.placement_id,
            from_state=PlacementState(row.from_state) if row.from_state else None,
            to_state=PlacementState(row.to_state),
            detail="",
        )
    return LogLine(
        kind=kind_of(row.action),
        at=row.at,
        actor_email=row.actor_email,
        actor_role=None,
        action=row.action,
        participant_ref=row.participant_ref,
        placement_id=None,
        from_state=None,
        to_state=None,
        detail=row.detail,
    )


def log_lines(
    page: int = 1,
    per_page: int = 50,
    participant_ref: str = "",
    kind: AuditKind | None = None,
    where: LogFilter | None = None,
    reader: User | None = None,
) -> Page[LogLine]:
    """The audit log, newest first: entries and placement transitions, filtered by
    `where` (or, shorter, on a participant's reference and the kind of line), and to
    what `reader` may read when given."""
    where = where or LogFilter(participant_ref=participant_ref, kind=kind)
    parts: list[Rows] = []
    if where.kind != AuditKind.TRANSITION:
        parts.append(_entry_lines(where, reader))
    if where.kind in (None, AuditKind.TRANSITION):
        parts.append(_transition_lines(where, reader))
    lines = union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
    statement = select(lines).order_by(
        lines.c.at.desc(), lines.c.is_event.desc(), lines.c.id.desc()
    )
    rows = paginate(statement, page, per_page, rows=True)
    return Page(
        items=[_line(row) for row in rows.items],
        page=rows.page,
        per_page=rows.per_page,
        total=rows.total,
    )
