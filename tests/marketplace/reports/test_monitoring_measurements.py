"""Ladder transitions and ZRM progress are counted from the nulmeting to the latest
measurement on or before the peildatum."""

from __future__ import annotations

from datetime import date

from marketplace.domain.disclosure import leaks
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


def _mixed_cohort(db) -> None:
    """6 up from step 2 to 3, 5 stayed on step 2, 5 with only their nulmeting."""
    coach = make_user()
    for number in range(16):
        person = make_participant(coach, intake_date=date(2026, 1, 5))
        person.measurements = [_measure(MeasurementKind.NULMETING, date(2026, 1, 5), 2, False)]
        if number < 11:
            step = 3 if number < 6 else 2
            later = _measure(MeasurementKind.TUSSENMETING, date(2026, 3, 5), step, False)
            person.measurements.append(later)
    db.commit()


def _table(key: str, day: date) -> dict[str, list[str]]:
    filters = monitoring.Filters(day, date(2025, 6, 1), day)
    table = monitoring.dashboard(filters).table(key)
    assert table is not None
    return {row.label: [getattr(c, "text", c) for c in row.cells] for row in table.rows}


def test_ladder_transitions_after_the_tussenmeting(db) -> None:
    _mixed_cohort(db)
    progress = _table("voortgang", date(2026, 6, 1))
    assert progress["Omhoog"] == ["6", "55%"]
    # nobody went down: that 0 is merged into "gelijk" instead of hiding "omhoog"
    assert progress["Gelijk gebleven"] == ["5 (gelijk of omlaag)", "45%"]
    assert progress["Omlaag"][0] == "meegeteld bij gelijk"
    assert progress["Twee keer of vaker gemeten"][0] == "11"
    assert progress["Nog geen tweede meting"][0] == "5"
    rows = _table("ladder", date(2026, 6, 1))
    # Shown beside "Omhoog: 6", the one cell of six would tell that every other step up
    # holds 0 people: it is hidden too.
    assert rows["Trede 2 bij nulmeting"][2] == "•"
    assert rows["Trede 2 bij nulmeting"][1] == "•"  # the same for the five who stayed


def test_zrm_progress_per_domain_and_two_domains_forward(db) -> None:
    _cohort(db)
    rows = _table("zrm", date(2026, 6, 1))
    # columns: measured twice, beter, gelijk, slechter. All six moved the same way, so
    # a shown 6 beside the base of 6 would tell that the "<5" cells hold 0: hidden.
    assert rows[ZRM_DOMAINS["financien"]] == ["6", "•", "<5", "<5"]
    assert rows[ZRM_DOMAINS["justitie"]] == ["6", "<5", "•", "<5"]
    assert rows["Vooruit op minstens twee domeinen"][:2] == ["6", "•"]


def test_only_a_nulmeting_counts_as_no_second_measurement_not_as_equal(db) -> None:
    _cohort(db)
    progress = _table("voortgang", date(2026, 2, 1))
    assert progress["Nog geen tweede meting"][0] == "6"
    assert progress["Twee keer of vaker gemeten"][0] == "<5"
    ladder = _table("ladder", date(2026, 2, 1))
    assert ladder["Trede 2 bij nulmeting"][1] == "<5"  # not counted as standing still
    zrm = _table("zrm", date(2026, 2, 1))
    assert zrm["Nog geen tweede meting"][0] == "6"
    assert zrm[ZRM_DOMAINS["financien"]][1] == "<5"


def test_a_ladder_where_nobody_went_down_keeps_its_large_cells() -> None:
    """The demo region's shape: nobody down, so "omlaag" (0) is merged into "gelijk";
    the cells of 8 and more stay shown, and nothing can be worked out below 5."""
    moved = {(2, 2): 15, (2, 3): 11, (3, 3): 8, (3, 4): 8, (4, 4): 6, (1, 2): 4, (4, 5): 3}
    matrix, progress = monitoring.ladder_tables(monitoring.LadderCounts(moved, first_only=20))
    rows = {row.label: [c.text for c in row.cells] for row in matrix.rows}
    assert rows["Trede 2 bij nulmeting"][1:3] == ["15", "11"]
    assert rows["Trede 3 bij nulmeting"][2:4] == ["8", "8"]
    totals = {row.label: row.cells[0].text for row in progress.rows}
    assert totals["Omhoog"] == "26" and totals["Gelijk gebleven"] == "29 (gelijk of omlaag)"
    assert leaks([*matrix.published(), *progress.published()]) == []
