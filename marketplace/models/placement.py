"""A placement of a participant at a vacancy, and the record of its transitions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    case,
    event,
    func,
    select,
    text,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from marketplace.domain.placements import (
    FINAL_STATES,
    OCCUPYING_STATES,
    OPEN_STATES,
    DeclineReason,
    EndOutcome,
    NotContinuedReason,
    PlacementState,
)
from marketplace.extensions import Model
from marketplace.models._types import enum_type, timestamp, utcnow
from marketplace.models.append_only import AppendOnly, NeverDeleted

if TYPE_CHECKING:
    from marketplace.models.participant import Participant
    from marketplace.models.user import User
    from marketplace.models.vacancy import Vacancy


def open_state_condition() -> str:
    """SQL for "the placement is open" (OPEN_STATES), for the partial unique index."""
    states = ", ".join(f"'{state.value}'" for state in sorted(OPEN_STATES))
    return f"state IN ({states})"


# The first moment a placement entered each group of states, kept on its row as events are
# added (refresh_milestones, below) so the monitoring dashboard counts placements instead
# of joining a million events: each FUNNEL state once, `occupied_at` (proefperiode or
# placed: holding a place) and `stopped_at` (any end of the placement's life).
MILESTONE_STATES: dict[str, frozenset[PlacementState]] = {
    "proposed_at": frozenset({PlacementState.PROPOSED}),
    "accepted_at": frozenset({PlacementState.ACCEPTED}),
    "proefperiode_at": frozenset({PlacementState.PROEFPERIODE}),
    "placed_at": frozenset({PlacementState.PLACED}),
    "ended_at": frozenset({PlacementState.ENDED}),
    "occupied_at": OCCUPYING_STATES,
    "stopped_at": FINAL_STATES,
}


class Placement(NeverDeleted, Model):
    __table_args__ = (
        # The dashboard's path from the participants in scope to their placements,
        # read from the index alone on PostgreSQL (INCLUDE; a plain index on SQLite).
        Index(
            "ix_placement_participant_milestones", "participant_id",
            postgresql_include=["vacancy_id", "outcome", *MILESTONE_STATES],
        ),
        # One open proposal per participant and vacancy, enforced by the database, so
        # two coaches (or two requests) proposing at once cannot both get through.
        Index(
            "uq_placement_open_pair", "participant_id", "vacancy_id", unique=True,
            sqlite_where=text(open_state_condition()),
            postgresql_where=text(open_state_condition()),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"), index=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    state: Mapped[PlacementState] = mapped_column(
        enum_type(PlacementState), default=PlacementState.PROPOSED, index=True
    )
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    message: Mapped[str] = mapped_column(Text, default="")
    # Set when the coach proposed a vacancy the engine excluded: the written reason.
    override_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow, onupdate=utcnow)
    # The lifecycle's data (issue 8), each set by the transition that needs it.
    # The kennismaking is a local wall-clock appointment, so no time zone.
    kennismaking_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    kennismaking_place: Mapped[str | None] = mapped_column(String(200))
    coach_attends: Mapped[bool | None]
    proefperiode_start: Mapped[date | None]
    proefperiode_end: Mapped[date | None]  # planned
    agreement: Mapped[str | None] = mapped_column(Text)
    decline_reason: Mapped[DeclineReason | None] = mapped_column(enum_type(DeclineReason))
    not_continued_reason: Mapped[NotContinuedReason | None] = mapped_column(
        enum_type(NotContinuedReason)
    )
    outcome: Mapped[EndOutcome | None] = mapped_column(enum_type(EndOutcome))
    ended_on: Mapped[date | None]
    # Derived from the events (MILESTONE_STATES): never set by hand.
    proposed_at: Mapped[datetime | None] = mapped_column(timestamp())
    accepted_at: Mapped[datetime | None] = mapped_column(timestamp())
    proefperiode_at: Mapped[datetime | None] = mapped_column(timestamp())
    placed_at: Mapped[datetime | None] = mapped_column(timestamp())
    ended_at: Mapped[datetime | None] = mapped_column(timestamp())
    occupied_at: Mapped[datetime | None] = mapped_column(timestamp())
    stopped_at: Mapped[datetime | None] = mapped_column(timestamp())

    participant: Mapped[Participant] = relationship()
    vacancy: Mapped[Vacancy] = relationship()
    proposed_by: Mapped[User | None] = relationship()
    # No delete cascade: the events are the audit log of transitions and stay for good.
    events: Mapped[list[PlacementEvent]] = relationship(
        back_populates="placement", cascade="save-update, merge", order_by="PlacementEvent.at"
    )


class PlacementEvent(AppendOnly, Model):
    """Who moved a placement from which state to which, and when: append-only.

    The free text that came with a step (the coach's message, a reason, the agreement,
    the kennismaking's place) may say something about the person, and AVG erasure must
    be able to remove it. An append-only row cannot be blanked, so that text is kept
    apart, in `PlacementEventNote`, which erasure overwrites; the event itself holds no
    free text about anyone. `note` reads and writes it as if it were a column.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id"), index=True)
    from_state: Mapped[PlacementState | None] = mapped_column(
        enum_type(PlacementState, name="from_state")
    )
    to_state: Mapped[PlacementState] = mapped_column(enum_type(PlacementState, name="to_state"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    # coach, organisation, centrale, link (employer by e-mail link) or system
    actor_role: Mapped[str | None] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    placement: Mapped[Placement] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()
    note_entry: Mapped[PlacementEventNote | None] = relationship(
        back_populates="event", lazy="selectin"
    )

    @property
    def note(self) -> str:
        return self.note_entry.text if self.note_entry is not None else ""

    @note.setter
    def note(self, text: str) -> None:
        if self.note_entry is not None:
            self.note_entry.text = text
        elif text:
            self.note_entry = PlacementEventNote(text=text)


def refresh_milestones(connection: Connection, placement_ids: Iterable[int] | None = None
                       ) -> None:
    """Recompute the milestone columns of these placements (None: all) from their events,
    and their participants' first proefperiode start from the placements.

    Grouped statements per 500 placements (one each for all), so the app after every
    flush, the migration's back-fill and the national generator after its bulk load
    share it."""
    if placement_ids is None:
        connection.execute(_milestones_update(None))
        connection.execute(_first_start_update(None))
        return
    ids = sorted(set(placement_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        connection.execute(_milestones_update(chunk))
        connection.execute(_first_start_update(chunk))


def _milestones_update(placement_ids: list[int] | None) -> Any:
    events, placements = PlacementEvent.__table__, Placement.__table__
    firsts = select(events.c.placement_id, *(
        func.min(case((events.c.to_state.in_([s.value for s in states]), events.c.at)))
        .label(name) for name, states in MILESTONE_STATES.items()
    )).group_by(events.c.placement_id)
    if placement_ids is not None:
        firsts = firsts.where(events.c.placement_id.in_(placement_ids))
    found = firsts.subquery()
    # updated_at names itself so its onupdate default does not touch every row.
    return (update(placements).where(placements.c.id == found.c.placement_id)
            .values({**{name: found.c[name] for name in MILESTONE_STATES},
                     "updated_at": placements.c.updated_at}))


def _first_start_update(placement_ids: list[int] | None) -> Any:
    """participant.first_proefperiode_at: the earliest of her placements' proefperiode_at.
    Only rows whose value changes are written (most events are not a first start)."""
    from marketplace.models.participant import Participant

    placements, participants = Placement.__table__, Participant.__table__
    firsts = select(placements.c.participant_id,
                    func.min(placements.c.proefperiode_at).label("first"))
    if placement_ids is not None:
        theirs = select(placements.c.participant_id).where(placements.c.id.in_(placement_ids))
        firsts = firsts.where(placements.c.participant_id.in_(theirs))
    found = firsts.group_by(placements.c.participant_id).subquery()
    column = participants.c.first_proefperiode_at
    return (update(participants)
            .where(participants.c.id == found.c.participant_id,
                   column.is_distinct_from(found.c.first))
            .values(first_proefperiode_at=found.c.first, updated_at=participants.c.updated_at))


_NEW_EVENTS = "placements_with_new_events"


@event.listens_for(Session, "after_flush")
def _note_new_events(session: Session, context: Any) -> None:
    """Remember which placements this flush gave an event (events are never changed)."""
    ids = {o.placement_id for o in session.new if isinstance(o, PlacementEvent)}
    if ids:
        session.info.setdefault(_NEW_EVENTS, set()).update(ids)


@event.listens_for(Session, "after_flush_postexec")
def _refresh_new_milestones(session: Session, context: Any) -> None:
    ids = session.info.pop(_NEW_EVENTS, None)
    if not ids:
        return
    refresh_milestones(session.connection(), ids)
    from marketplace.models.participant import Participant

    for instance in list(session.identity_map.values()):
        if isinstance(instance, Placement) and instance.id in ids:
            session.expire(instance, list(MILESTONE_STATES))
            if instance.participant_id is not None:
                theirs = session.identity_map.get(
                    session.identity_key(Participant, instance.participant_id))
                if theirs is not None:
                    session.expire(theirs, ["first_proefperiode_at"])


class PlacementEventNote(Model):
    """The free text of one event, apart from the log so that erasure can overwrite it."""

    event_id: Mapped[int] = mapped_column(ForeignKey("placement_event.id"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)

    event: Mapped[PlacementEvent] = relationship(back_populates="note_entry")


class PlacementMessage(Model):
    """A message about one placement between the coach and the organisation side (or the
    employer through the signed page). Free text that may say something about the
    person, so AVG erasure overwrites `text` like the other free texts; who wrote when
    stays, for the audit trail."""

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    author_role: Mapped[str] = mapped_column(String(20))  # a PlacementRole value
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    placement: Mapped[Placement] = relationship()
    author: Mapped[User | None] = relationship()
