"""Participatieladder and zelfredzaamheidsmatrix (ZRM) measurements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    CheckConstraint,
    Connection,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    bindparam,
    event,
    select,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from marketplace.domain.measurements import RecordedMeasurement, progress_since_start
from marketplace.domain.vocabulary import MeasurementKind
from marketplace.extensions import Model
from marketplace.models._types import enum_type, timestamp, utcnow

if TYPE_CHECKING:
    from marketplace.models.participant import Participant


class Measurement(Model):
    __table_args__ = (
        CheckConstraint("ladder_step BETWEEN 1 AND 6", name="ladder_step_range"),
        # The dashboard's latest measurement per participant and its figures, read from
        # the index alone on PostgreSQL.
        Index(
            "ix_measurement_participant_measured_on", "participant_id", "measured_on",
            postgresql_include=["superseded_on", "kind", "start_step", "ladder_step",
                                "zrm_compared", "zrm_better", "zrm_worse", "zrm_forward"],
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"), index=True)
    kind: Mapped[MeasurementKind] = mapped_column(enum_type(MeasurementKind))
    measured_on: Mapped[date]
    ladder_step: Mapped[int]
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    # Derived: this measurement compared with the participant's nulmeting, kept up to
    # date by services/measurement_progress.py whenever measurements are flushed, so the
    # dashboard reads "latest on the peildatum" and ZRM progress with one scan.
    superseded_on: Mapped[date | None]
    start_step: Mapped[int | None]
    zrm_compared: Mapped[int] = mapped_column(default=0, server_default="0")
    zrm_better: Mapped[int] = mapped_column(default=0, server_default="0")
    zrm_worse: Mapped[int] = mapped_column(default=0, server_default="0")
    zrm_forward: Mapped[int] = mapped_column(default=0, server_default="0")

    participant: Mapped[Participant] = relationship(back_populates="measurements")
    zrm_scores: Mapped[list[ZrmScore]] = relationship(
        back_populates="measurement", cascade="all, delete-orphan"
    )

    def zrm(self) -> dict[str, int]:
        return {s.domain: s.score for s in self.zrm_scores}


class ZrmScore(Model):
    """One ZRM domain score; a row per domain keeps reports as plain SQL aggregates."""

    __table_args__ = (
        UniqueConstraint("measurement_id", "domain"),
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurement.id"), index=True)
    domain: Mapped[str] = mapped_column(String(40))
    score: Mapped[int]

    measurement: Mapped[Measurement] = relationship(back_populates="zrm_scores")


# --------------------------------------------------------------- derived progress columns

_PROGRESS_COLUMNS = (
    "superseded_on",
    "start_step",
    "zrm_compared",
    "zrm_better",
    "zrm_worse",
    "zrm_forward",
)
_TOUCHED = "measurement_participants_touched"


def refresh_progress(connection: Connection, participant_ids: Iterable[int]) -> None:
    """Recompute the derived progress columns of these participants' measurements."""
    ids = sorted(set(participant_ids))
    for start in range(0, len(ids), 500):
        rows = _progress_rows(connection, ids[start : start + 500])
        if rows:
            connection.execute(_UPDATE_PROGRESS, rows)


def _progress_rows(connection: Connection, participant_ids: list[int]) -> list[dict[str, Any]]:
    measurement, score = Measurement.__table__, ZrmScore.__table__
    zrm: dict[int, dict[str, int]] = defaultdict(dict)
    for measurement_id, domain, value in connection.execute(
        select(score.c.measurement_id, score.c.domain, score.c.score)
        .join(measurement, measurement.c.id == score.c.measurement_id)
        .where(measurement.c.participant_id.in_(participant_ids))
    ):
        zrm[measurement_id][domain] = value
    chains: dict[int, list[RecordedMeasurement]] = defaultdict(list)
    for row in connection.execute(
        select(
            measurement.c.id,
            measurement.c.participant_id,
            measurement.c.kind,
            measurement.c.measured_on,
            measurement.c.ladder_step,
        ).where(measurement.c.participant_id.in_(participant_ids))
    ):
        kind = MeasurementKind(getattr(row.kind, "value", row.kind))
        chains[row.participant_id].append(
            RecordedMeasurement(row.id, kind, row.measured_on, row.ladder_step, zrm[row.id])
        )
    return [
        {"measurement": measurement_id, **{f"new_{c}": getattr(p, c) for c in _PROGRESS_COLUMNS}}
        for chain in chains.values()
        for measurement_id, p in progress_since_start(chain).items()
    ]


_UPDATE_PROGRESS = (
    update(Measurement.__table__)
    .where(Measurement.__table__.c.id == bindparam("measurement"))
    .values({column: bindparam(f"new_{column}") for column in _PROGRESS_COLUMNS})
)


@event.listens_for(Session, "after_flush")
def _note_touched_participants(session: Session, context: Any) -> None:
    """Remember whose measurements this flush wrote; new, dirty and deleted still show."""
    changed = [*session.new, *session.dirty, *session.deleted]
    touched = {o.participant_id for o in changed if isinstance(o, Measurement)}
    measurement_ids = {o.measurement_id for o in changed if isinstance(o, ZrmScore)}
    if measurement_ids:
        touched |= set(
            session.connection().scalars(
                select(Measurement.__table__.c.participant_id).where(
                    Measurement.__table__.c.id.in_(measurement_ids)
                )
            )
        )
    if touched:
        session.info.setdefault(_TOUCHED, set()).update(touched)


@event.listens_for(Session, "after_flush_postexec")
def _refresh_touched_participants(session: Session, context: Any) -> None:
    touched = session.info.pop(_TOUCHED, None)
    if not touched:
        return
    refresh_progress(session.connection(), touched)
    for instance in list(session.identity_map.values()):
        if isinstance(instance, Measurement) and instance.participant_id in touched:
            session.expire(instance, list(_PROGRESS_COLUMNS))
