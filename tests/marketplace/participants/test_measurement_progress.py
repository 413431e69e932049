"""Each measurement's comparison with the nulmeting: worked out in the domain, kept up
to date in the database whenever measurements or ZRM scores are saved or removed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from marketplace.domain.measurements import (
    ZRM_BIT,
    Progress,
    RecordedMeasurement,
    progress_since_start,
)
from marketplace.domain.vocabulary import MeasurementKind
from marketplace.models import Measurement, ZrmScore
from marketplace.services.participants.measurements import record_measurement
from tests.builders import make_participant, make_user

NUL, TUSSEN, EIND = (
    MeasurementKind.NULMETING,
    MeasurementKind.TUSSENMETING,
    MeasurementKind.EINDMETING,
)
MONEY, HOUSE, HEALTH = "financien", "huisvesting", "lichamelijke_gezondheid"


def _recorded(id_, kind, day, step, **zrm):
    return RecordedMeasurement(id_, kind, day, step, zrm)


def test_every_measurement_after_the_nulmeting_is_compared_with_it() -> None:
    progress = progress_since_start(
        [
            _recorded(2, TUSSEN, date(2026, 3, 1), 3, financien=4, huisvesting=2),
            _recorded(1, NUL, date(2026, 1, 1), 2, financien=2, huisvesting=3, justitie=5),
        ]
    )
    assert progress[1] == Progress(superseded_on=date(2026, 3, 1), start_step=2)
    later = progress[2]
    assert later.superseded_on is None  # the latest
    assert later.start_step == 2
    assert later.zrm_compared == ZRM_BIT[MONEY] | ZRM_BIT[HOUSE]  # justitie not scored again
    assert later.zrm_better == ZRM_BIT[MONEY]
    assert later.zrm_worse == ZRM_BIT[HOUSE]
    assert later.zrm_forward == 1


def test_measurements_on_one_day_follow_the_order_they_were_saved_in() -> None:
    progress = progress_since_start(
        [
            _recorded(7, TUSSEN, date(2026, 3, 1), 4),
            _recorded(5, TUSSEN, date(2026, 3, 1), 3),
            _recorded(3, NUL, date(2026, 1, 1), 2),
        ]
    )
    # the one saved first is superseded on the same day, so never "latest" on a peildatum
    assert progress[5].superseded_on == date(2026, 3, 1)
    assert progress[7].superseded_on is None


def test_without_a_nulmeting_first_there_is_nothing_to_compare() -> None:
    progress = progress_since_start(
        [
            _recorded(1, TUSSEN, date(2026, 1, 1), 2, financien=1),
            _recorded(2, NUL, date(2026, 2, 1), 3, financien=4),
        ]
    )
    assert progress[1] == Progress(superseded_on=date(2026, 2, 1))
    assert progress[2] == Progress()


def _stored(db, participant) -> dict[MeasurementKind, Measurement]:
    """The participant's measurements as stored, read afresh from the database."""
    db.expire_all()
    rows = db.scalars(select(Measurement).where(Measurement.participant_id == participant.id))
    return {m.kind: m for m in rows}


def test_recording_a_measurement_updates_the_earlier_ones(db) -> None:
    coach = make_user()
    person = make_participant(coach, intake_date=date(2026, 1, 5))
    record_measurement(person, coach, NUL, date(2026, 1, 5), 2, {MONEY: 2, HOUSE: 3})
    start = _stored(db, person)[NUL]
    assert (start.superseded_on, start.start_step) == (None, 2)

    record_measurement(person, coach, TUSSEN, date(2026, 3, 5), 3, {MONEY: 4, HOUSE: 3})
    stored = _stored(db, person)
    assert stored[NUL].superseded_on == date(2026, 3, 5)
    assert stored[TUSSEN].superseded_on is None
    assert stored[TUSSEN].start_step == 2
    assert stored[TUSSEN].zrm_better == ZRM_BIT[MONEY]
    assert stored[TUSSEN].zrm_compared == ZRM_BIT[MONEY] | ZRM_BIT[HOUSE]


def test_changing_or_removing_rows_keeps_the_comparison_right(db) -> None:
    coach = make_user()
    person = make_participant(coach, intake_date=date(2026, 1, 5))
    record_measurement(person, coach, NUL, date(2026, 1, 5), 2, {HEALTH: 3})
    record_measurement(person, coach, TUSSEN, date(2026, 3, 5), 2, {HEALTH: 3})
    record_measurement(person, coach, EIND, date(2026, 6, 5), 4, {HEALTH: 3})

    score = db.scalar(
        select(ZrmScore)
        .join(Measurement)
        .where(Measurement.participant_id == person.id, Measurement.kind == EIND)
    )
    score.score = 1
    db.commit()
    assert _stored(db, person)[EIND].zrm_worse == ZRM_BIT[HEALTH]

    db.delete(_stored(db, person)[EIND])
    db.commit()
    stored = _stored(db, person)
    assert EIND not in stored
    assert stored[TUSSEN].superseded_on is None  # the latest again
