"""Tabel 1 of the Nijmegen report (../shared/seeds/003_*), per municipality and for the
region: Nijmegen and the "regiogemeenten" apart, and their total.

Peildatum 11 October 2018, period 2017 up to the peildatum. The rows we hold the data
for: in a trajectory on 1 January 2017, signed up in the period, closed in the period,
and of those, outflow to education. The region's other municipalities share their
column; each one's own figures add up to it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import cycle

import pytest
from sqlalchemy import insert

from marketplace.domain.vocabulary import ExitReason, ParticipantStatus, Role
from marketplace.models import Participant
from marketplace.services.reports import monitoring
from marketplace.services.reports.scope import report_scope
from tests.builders import make_user, municipality_named

PEILDATUM = date(2018, 10, 11)
PERIOD_START = date(2017, 1, 1)
OTHERS = ("Wijchen", "Beuningen", "Berg en Dal", "Heumen", "Druten")
# column -> (in trajectory on 1 January 2017, signed up, closed, of which education)
TABEL_1 = {"Nijmegen": (84, 347, 198, 76), "regio": (62, 321, 160, 16)}
TOTAL = (146, 668, 358, 92)


def _rows(column: str, coach_id: int, municipality_ids: list[int],
          figures: tuple[int, int, int, int]) -> list[dict[str, object]]:
    """One column of Tabel 1 as participants, spread over the municipalities."""
    already, signed_up, closed, education = figures
    where = cycle(municipality_ids)
    intakes = [date(2016, 6, 1)] * already + [date(2017, 3, 1)] * signed_up
    rows = []
    for number, intake in enumerate(intakes):
        row: dict[str, object] = {
            "ref": f"t1-{column}-{number}", "coach_id": coach_id, "first_name": "X",
            "status": ParticipantStatus.ACTIVE, "intake_date": intake,
            "municipality_id": next(where)}
        if number < closed:  # the first ones closed in the period
            reason = ExitReason.EDUCATION if number < education else ExitReason.MOVED
            row |= {"status": ParticipantStatus.CLOSED, "closed_on": date(2018, 5, 1),
                    "exit_reason": reason}
        rows.append(row)
    return rows


@pytest.fixture()
def tabel_1(db) -> dict[str, list[int]]:
    coach = make_user(Role.COACH)
    nijmegen = municipality_named("Nijmegen")
    others = [municipality_named(name) for name in OTHERS]
    db.execute(insert(Participant), _rows("n", coach.id, [nijmegen.id], TABEL_1["Nijmegen"])
               + _rows("r", coach.id, [m.id for m in others], TABEL_1["regio"]))
    db.commit()
    return {"Nijmegen": [nijmegen.id], "regio": [m.id for m in others],
            "Totaal": [nijmegen.id, *(m.id for m in others)]}


def _column(ids: list[int]) -> tuple[int, int, int, int]:
    filters = monitoring.Filters(PEILDATUM, PERIOD_START, PEILDATUM,
                                 municipality_ids=tuple(ids))
    on_new_year = replace(filters, reference_date=date(2016, 12, 31))
    outflow = monitoring.outflow_counts(filters)
    return (sum(monitoring.route_counts(on_new_year).values()),
            monitoring.intakes_in_period(filters), sum(outflow.values()),
            outflow.get(ExitReason.EDUCATION.value, 0))


def test_tabel_1_per_municipality_and_for_the_region(tabel_1) -> None:
    assert _column(tabel_1["Nijmegen"]) == TABEL_1["Nijmegen"]
    assert _column(tabel_1["regio"]) == TABEL_1["regio"]
    assert _column(tabel_1["Totaal"]) == TOTAL


def test_the_regiogemeenten_add_up_to_their_column(tabel_1) -> None:
    columns = [_column([municipality_named(name).id]) for name in OTHERS]
    assert tuple(map(sum, zip(*columns, strict=True))) == TABEL_1["regio"]
    assert all(column[1] > 0 for column in columns)  # every one has its own figures


def test_a_policy_officer_of_the_region_gets_the_total_column(tabel_1) -> None:
    """Every municipality passes the suppression rule, so the totals are shown, named
    after the region."""
    officer = make_user(Role.POLICY, municipalities=("Nijmegen", *OTHERS))
    base = monitoring.Filters(PEILDATUM, PERIOD_START, PEILDATUM)
    scope = report_scope(officer, base, "")
    assert scope.filters.municipality == "Rijk van Nijmegen"
    assert _column(list(scope.filters.municipality_ids or ())) == TOTAL
    wijchen = report_scope(officer, base, "Wijchen").filters
    assert wijchen.municipality_ids == (municipality_named("Wijchen").id,)
