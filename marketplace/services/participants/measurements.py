"""Participatieladder and ZRM measurements: recording, the progress chart, reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.domain.measurements import MeasurementDue, tussenmeting_due
from marketplace.domain.vocabulary import (
    LADDER_STEPS,
    ZRM_DOMAINS,
    MeasurementKind,
    ParticipantStatus,
)
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import Measurement, Participant, User, ZrmScore
from marketplace.services.platform import access, audit


def record_measurement(
    participant: Participant,
    actor: User,
    kind: MeasurementKind,
    measured_on: date,
    ladder_step: int,
    zrm: dict[str, int | None],
    today: date | None = None,
) -> Measurement:
    """Save one measurement; domains left empty are not scored (not applicable)."""
    today = today or date.today()
    if measured_on > today:
        raise DomainError(gettext("Een meting kan niet in de toekomst liggen."), "measured_on")
    if ladder_step not in LADDER_STEPS:
        raise DomainError(gettext("Kies een trede van 1 tot en met 6."), "ladder_step")
    single = {MeasurementKind.NULMETING, MeasurementKind.EINDMETING}
    if kind in single and any(m.kind == kind for m in participant.measurements):
        raise DomainError(gettext("Er is al een %(kind)s vastgelegd.", kind=kind.value), "kind")
    measurement = Measurement(
        kind=kind, measured_on=measured_on, ladder_step=ladder_step, recorded_by_id=actor.id
    )
    for domain, score in zrm.items():
        if domain not in ZRM_DOMAINS:
            raise DomainError(gettext("Onbekend ZRM-domein."))
        if score is not None:
            measurement.zrm_scores.append(ZrmScore(domain=domain, score=score))
    participant.measurements.append(measurement)
    audit.record(actor, "measurement", participant.ref)
    db.session.commit()
    return measurement


def zrm_average(measurement: Measurement) -> float | None:
    scores = list(measurement.zrm().values())
    return sum(scores) / len(scores) if scores else None


def due(participant: Participant, today: date | None = None) -> MeasurementDue | None:
    """The tussenmeting reminder for one participant (None: nothing due soon)."""
    if participant.status == ParticipantStatus.CLOSED:
        return None
    return tussenmeting_due(
        participant.intake_date,
        [(m.kind, m.measured_on) for m in participant.measurements],
        today or date.today(),
    )


def due_for_coach(
    coach: User, today: date | None = None
) -> list[tuple[Participant, MeasurementDue]]:
    """Participants of the coach whose tussenmeting is due or overdue, earliest first."""
    participants = db.session.scalars(
        select(Participant)
        .where(access.caseload_of(coach), Participant.status != ParticipantStatus.CLOSED)
        .options(selectinload(Participant.measurements))
    )
    found = [(p, d) for p in participants if (d := due(p, today)) is not None and d.overdue]
    return sorted(found, key=lambda pair: (pair[1].due_on, pair[0].id))


# --------------------------------------------------------------------------- the chart


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    value: float
    label: str  # the date, for the text alternative


@dataclass(frozen=True)
class ProgressChart:
    """Geometry of a small SVG chart: ladder step (left axis) and ZRM average (right)."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    ladder: list[ChartPoint]
    zrm: list[ChartPoint]
    ladder_ticks: list[tuple[float, int]]
    zrm_ticks: list[tuple[float, int]]

    @staticmethod
    def polyline(points: list[ChartPoint]) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in points)


WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 480, 200, 44, 436, 16, 164


def _y(value: float, low: float, high: float) -> float:
    return BOTTOM - (value - low) / (high - low) * (BOTTOM - TOP)


def progress_chart(participant: Participant) -> ProgressChart | None:
    measurements = sorted(participant.measurements, key=lambda m: (m.measured_on, m.id))
    if not measurements:
        return None
    first, last = measurements[0].measured_on, measurements[-1].measured_on
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        if first == last:
            return (LEFT + RIGHT) / 2
        return LEFT + (day - first).days / span * (RIGHT - LEFT)

    ladder, zrm = [], []
    for m in measurements:
        label = m.measured_on.strftime("%d-%m-%Y")
        ladder.append(ChartPoint(x(m.measured_on), _y(m.ladder_step, 1, 6), m.ladder_step, label))
        average = zrm_average(m)
        if average is not None:
            zrm.append(ChartPoint(x(m.measured_on), _y(average, 1, 5), round(average, 1), label))
    return ProgressChart(
        width=WIDTH, height=HEIGHT, left=LEFT, right=RIGHT, top=TOP, bottom=BOTTOM,
        ladder=ladder, zrm=zrm,
        ladder_ticks=[(_y(step, 1, 6), step) for step in range(1, 7)],
        zrm_ticks=[(_y(score, 1, 5), score) for score in range(1, 6)],
    )


def next_kind(participant: Participant) -> str:
    """The kind a new measurement most likely is: nulmeting first, then tussenmeting."""
    if not any(m.kind == MeasurementKind.NULMETING for m in participant.measurements):
        return MeasurementKind.NULMETING.value
    return MeasurementKind.TUSSENMETING.value
