"""When a measurement is due: the tussenmeting about two months after the start."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from marketplace.domain.vocabulary import MeasurementKind

# The reports name "about two months" (Wijchen, Nijmegen); 60 days is that, in one place.
TUSSENMETING_AFTER_DAYS = 60
# Show "soon" this many days before the due date.
DUE_SOON_DAYS = 14


@dataclass(frozen=True)
class MeasurementDue:
    due_on: date
    overdue: bool  # today is on or after due_on


def tussenmeting_due(
    intake_date: date, measurements: Iterable[tuple[MeasurementKind, date]], today: date
) -> MeasurementDue | None:
    """The tussenmeting reminder, or None when one was recorded, the track ended or it is far off.

    The clock starts at the nulmeting, or at the intake when there is none yet.
    """
    recorded = list(measurements)
    kinds = {kind for kind, _ in recorded}
    if MeasurementKind.TUSSENMETING in kinds or MeasurementKind.EINDMETING in kinds:
        return None
    starts = [when for kind, when in recorded if kind == MeasurementKind.NULMETING]
    start = min(starts) if starts else intake_date
    due_on = start + timedelta(days=TUSSENMETING_AFTER_DAYS)
    if today < due_on - timedelta(days=DUE_SOON_DAYS):
        return None
    return MeasurementDue(due_on=due_on, overdue=today >= due_on)
