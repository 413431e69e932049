"""When a measurement is due, and how a measurement compares with the nulmeting."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from marketplace.domain.vocabulary import ZRM_DOMAINS, MeasurementKind

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


# ----------------------------------------------------------------- progress since the start
#
# The monitoring dashboard compares each participant's nulmeting with their latest
# measurement on a chosen peildatum, for 10k participants at once. Computing "latest on
# that day" and joining two sets of ZRM scores at query time is slow, so every
# measurement carries its comparison with the nulmeting, worked out here when
# measurements are saved. ZRM domains are bits in the order of ZRM_DOMAINS.

ZRM_BIT = {domain: 1 << index for index, domain in enumerate(ZRM_DOMAINS)}


@dataclass(frozen=True)
class RecordedMeasurement:
    """What the comparison needs of one saved measurement."""

    id: int
    kind: MeasurementKind
    measured_on: date
    ladder_step: int
    zrm: Mapping[str, int]


@dataclass(frozen=True)
class Progress:
    """One measurement compared with the participant's nulmeting."""

    # the date of the next measurement; None while this one is the latest
    superseded_on: date | None = None
    # the ladder step at the nulmeting; None when the first measurement was no nulmeting
    start_step: int | None = None
    zrm_compared: int = 0  # domains scored at the nulmeting and now (bits)
    zrm_better: int = 0
    zrm_worse: int = 0
    zrm_forward: int = 0  # how many domains went forward


def progress_since_start(measurements: Iterable[RecordedMeasurement]) -> dict[int, Progress]:
    """Progress per measurement id for one participant's measurements.

    Order is date, then id (the order they were saved in), as the dashboard reads it."""
    chain = sorted(measurements, key=lambda m: (m.measured_on, m.id))
    if not chain:
        return {}
    start = chain[0] if chain[0].kind == MeasurementKind.NULMETING else None
    following = [m.measured_on for m in chain[1:]] + [None]
    return {
        measurement.id: _compare(measurement, start, superseded_on)
        for measurement, superseded_on in zip(chain, following, strict=True)
    }


def _compare(
    measurement: RecordedMeasurement, start: RecordedMeasurement | None, superseded_on: date | None
) -> Progress:
    if start is None:
        return Progress(superseded_on=superseded_on)
    if measurement is start:
        return Progress(superseded_on=superseded_on, start_step=start.ladder_step)
    compared = better = worse = forward = 0
    for domain, before in start.zrm.items():
        after = measurement.zrm.get(domain)
        if after is None or domain not in ZRM_BIT:
            continue
        compared |= ZRM_BIT[domain]
        if after > before:
            better |= ZRM_BIT[domain]
            forward += 1
        elif after < before:
            worse |= ZRM_BIT[domain]
    return Progress(superseded_on, start.ladder_step, compared, better, worse, forward)
