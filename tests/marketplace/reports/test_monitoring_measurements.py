"""Ladder transitions and ZRM progress are counted from the nulmeting to the latest
measurement on or before the peildatum."""

from __future__ import annotations

from datetime import date

from marketplace.domain.vocabulary import ZRM_DOMAINS, MeasurementKind
from marketplace.models import Measurement, ZrmScore
from marketplace.services.reports import monitoring
from tests.builders import make_participant, make_user

IMPROVED = ("financien", "huisvesting")


def _measure(kind, day, step, improved: bool) -> Measurement:
    measurement = Measurement(kind=kind, measured_on=day, ladder_step=step)
    measurement.zrm_scores = [
        ZrmScore(domain=domain, score=3 if improved and domain in IMPROVED else 2)
        for domain in ZRM_DOMAINS
    ]
    return measurement


def _cohort(db, people: int = 6) -> None:
    coach = make_user()
    for _ in range(people):
        person = make_participant(coach, intake_date=date(2026, 1, 5))
        person.measurements = [
            _measure(MeasurementKind.NULMETING, date(2026, 1, 5), 2, improved=False),
            _measure(MeasurementKind.TUSSENMETING, date(2026, 3, 5), 3, improved=True),
        ]
    db.commit()


def _table(key: str, day: date) -> dict[str, list[str]]:
    filters = monitoring.Filters(day, date(2025, 6, 1), day)
    table = monitoring.dashboard(filters).table(key)
    assert table is not None
    return {row.label: [getattr(c, "text", c) for c in row.cells] for row in table.rows}


def test_ladder_transitions_after_the_tussenmeting(db) -> None:
    _cohort(db)
    rows = _table("ladder", date(2026, 6, 1))
    assert rows["Trede 2 bij nulmeting"][2] == "6"  # now on step 3
    assert rows["Trede 2 bij nulmeting"][1] == "<5"  # nobody stayed on step 2


def test_zrm_progress_per_domain_and_two_domains_forward(db) -> None:
    _cohort(db)
    rows = _table("zrm", date(2026, 6, 1))
    assert rows[ZRM_DOMAINS["financien"]][0] == "6"
    assert rows[ZRM_DOMAINS["justitie"]][1] == "6"
    assert rows["Vooruit op minstens twee domeinen"][:2] == ["6", "100%"]


def test_a_peildatum_before_the_tussenmeting_counts_no_change(db) -> None:
    _cohort(db)
    rows = _table("zrm", date(2026, 2, 1))
    assert rows[ZRM_DOMAINS["financien"]][0] == "<5"
    ladder = _table("ladder", date(2026, 2, 1))
    assert ladder["Trede 2 bij nulmeting"][1] == "6"  # still on step 2
