"""The dashboard reads the moments kept on each placement (models/placement.py,
MILESTONE_STATES) instead of its events; these tests count the same figures from the
events themselves, as the dashboard did before, and require identical results for
every municipality and team of the demo region and several peildata and periods. The
suite runs on SQLite and, in `make test-postgres`, on PostgreSQL."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import and_, case, distinct, func, select

from marketplace.domain.placements import (
    FINAL_STATES,
    OCCUPYING_STATES,
    PlacementAction,
    PlacementState,
)
from marketplace.domain.vocabulary import PlacementType
from marketplace.extensions import db as _db
from marketplace.models import (
    Municipality,
    Organisation,
    Participant,
    Placement,
    PlacementEvent,
    Vacancy,
)
from marketplace.models.placement import MILESTONE_STATES, refresh_milestones
from marketplace.services.placements.placements import system_transition
from marketplace.services.reports import monitoring
from marketplace.services.reports.monitoring import FUNNEL, Filters, in_scope
from tests.builders import make_placement


@pytest.fixture()
def db(rolled_back_db, demo_region_once):
    """The demo region (its placements written through the ORM, so the flush hook kept
    their milestones), seeded once for this module."""
    return rolled_back_db


# ------------------------------------------------ the figures counted from the events


def funnel_from_events(filters: Filters) -> monitoring.PlacementCounts:
    start, end = filters.period_bounds
    started_here = PlacementEvent.to_state == PlacementState.PROEFPERIODE
    outcome = case((PlacementEvent.to_state == PlacementState.ENDED, Placement.outcome))
    groups = (PlacementEvent.to_state, outcome, Vacancy.type, Organisation.kind)
    rows = _db.session.execute(
        select(*groups, func.count())
        .join(Placement, Placement.id == PlacementEvent.placement_id)
        .join(Participant, Participant.id == Placement.participant_id)
        .outerjoin(Vacancy, and_(started_here, Vacancy.id == Placement.vacancy_id))
        .outerjoin(Organisation, Organisation.id == Vacancy.organisation_id)
        .where(PlacementEvent.at.between(start, min(end, filters.reference_moment)),
               PlacementEvent.to_state.in_(FUNNEL), in_scope(filters))
        .group_by(*groups)
    ).all()
    reached: Counter[PlacementState] = Counter()
    ended: Counter[str] = Counter()
    started: Counter[tuple[str, str]] = Counter()
    for state, ended_as, kind_of_place, sector, number in rows:
        reached[PlacementState(state)] += number
        if state == PlacementState.ENDED and ended_as is not None:
            ended[_plain(ended_as)] += number
        elif state == PlacementState.PROEFPERIODE:
            started[_plain(kind_of_place), sector] += number
    return monitoring.PlacementCounts(reached, ended, started)


def volunteers_from_events(filters: Filters) -> int:
    moment = filters.reference_moment
    started = func.max(case((PlacementEvent.to_state.in_(OCCUPYING_STATES), 1), else_=0))
    stopped = func.max(case((PlacementEvent.to_state.in_(FINAL_STATES), 1), else_=0))
    occupying = (
        select(Placement.participant_id)
        .join(PlacementEvent, PlacementEvent.placement_id == Placement.id)
        .join(Vacancy, Vacancy.id == Placement.vacancy_id)
        .join(Participant, Participant.id == Placement.participant_id)
        .where(PlacementEvent.at <= moment, Vacancy.type == PlacementType.VRIJWILLIGERSWERK,
               in_scope(filters))
        .group_by(Placement.id, Placement.participant_id)
        .having(and_(started == 1, stopped == 0))
        .subquery()
    )
    return _db.session.scalar(select(func.count(distinct(occupying.c.participant_id)))) or 0


def first_days_from_events(filters: Filters) -> list[int]:
    rows = _db.session.execute(
        select(Participant.intake_date, func.min(PlacementEvent.at))
        .select_from(Placement)
        .join(PlacementEvent, PlacementEvent.placement_id == Placement.id)
        .join(Participant, Participant.id == Placement.participant_id)
        .where(PlacementEvent.to_state == PlacementState.PROEFPERIODE,
               PlacementEvent.at <= filters.reference_moment, in_scope(filters))
        .group_by(Participant.id, Participant.intake_date)
    ).all()
    return sorted(max((monitoring._as_date(at) - intake).days, 0) for intake, at in rows)


def placed_from_events(filters: Filters) -> int:
    return _db.session.scalar(
        select(func.count()).select_from(PlacementEvent)
        .join(Placement, Placement.id == PlacementEvent.placement_id)
        .join(Participant, Participant.id == Placement.participant_id)
        .where(PlacementEvent.to_state == PlacementState.PLACED,
               PlacementEvent.at.between(*filters.period_bounds), in_scope(filters))
    ) or 0


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)


# ------------------------------------------------ the comparisons


PERIODS = [
    # peildatum, start and end of the period: the reports' own, a peildatum in the middle
    # of the demo outcomes, a period ending after the peildatum, a year earlier (empty),
    # a year later (so the year-earlier figures fall in the demo outcomes)
    (date(2026, 10, 31), date(2025, 9, 1), date(2026, 10, 31)),
    (date(2026, 4, 15), date(2026, 1, 1), date(2026, 6, 30)),
    (date(2026, 3, 1), date(2026, 2, 1), date(2026, 12, 31)),
    (date(2025, 10, 31), date(2024, 9, 1), date(2025, 10, 31)),
    (date(2027, 6, 30), date(2027, 1, 1), date(2027, 6, 30)),
]


def selections() -> list[Filters]:
    """Every municipality with participants, every team and everyone, for each period."""
    municipalities, teams = monitoring.filter_options()
    ids = {name: _db.session.scalar(select(Municipality.id).where(Municipality.name == name))
           for name in municipalities}
    found = []
    for reference, start, end in PERIODS:
        base = Filters(reference_date=reference, period_start=start, period_end=end)
        found.append(base)
        found += [replace(base, municipality=name, municipality_ids=(ids[name],))
                  for name in municipalities]
        found += [replace(base, team=team) for team in teams]
    return found


def test_the_milestones_give_the_figures_the_events_give(db) -> None:
    compared = Counter[str]()
    for filters in selections():
        expected, actual = funnel_from_events(filters), monitoring.placement_counts(filters)
        assert +actual.reached == +expected.reached, filters
        assert +actual.ended_by_outcome == +expected.ended_by_outcome, filters
        assert +actual.started_by_type_and_sector == +expected.started_by_type_and_sector, filters
        assert monitoring.active_volunteers(filters) == volunteers_from_events(filters), filters
        days = monitoring.days_to_first_placement(filters)
        assert days == first_days_from_events(filters), filters
        earlier = filters.a_year_earlier()
        assert actual.placed_a_year_earlier == placed_from_events(earlier), filters
        # Last year's ladder, counted in this year's scan, equals its own count.
        measured = monitoring.measurement_counts(filters).ladder_a_year_earlier
        assert measured == monitoring.measurement_counts(earlier).ladder, filters
        compared.update(reached=sum(expected.reached.values()), started=len(days),
                        volunteers=volunteers_from_events(filters),
                        placed=placed_from_events(filters.a_year_earlier()),
                        measured_then=sum(monitoring.measurement_counts(
                            filters).ladder_a_year_earlier.moved.values()))
    # The demo region has figures of every kind, so the comparison is not of zeros.
    assert min(compared.values()) > 0, compared


def test_the_dashboard_tables_match_the_events(db) -> None:
    """The tables the page shows, for the reports' period: the funnel and the median."""
    filters = Filters(date(2026, 10, 31), date(2025, 9, 1), date(2026, 10, 31))
    board = monitoring.dashboard(filters)
    funnel = board.table("trechter")
    assert funnel is not None
    shown = [row.cells[0] for row in funnel.rows]
    expected = funnel_from_events(filters).reached
    assert [c.text for c in shown] == [monitoring.cell(expected[s]).text for s in FUNNEL]
    days = first_days_from_events(filters)
    waiting = board.table("doorlooptijd")
    assert waiting is not None and len(days) >= 5
    assert waiting.rows[1].cells[0] == f"{statistics.median(days):.0f} dagen"


def firsts_from_events(placement_id: int) -> dict[str, Any]:
    events = _db.session.execute(
        select(PlacementEvent.to_state, PlacementEvent.at)
        .where(PlacementEvent.placement_id == placement_id)).all()
    return {name: min((at for state, at in events if state in states), default=None)
            for name, states in MILESTONE_STATES.items()}


def milestones(placement: Placement) -> dict[str, Any]:
    _db.session.refresh(placement)
    return {name: getattr(placement, name) for name in MILESTONE_STATES}


def test_each_new_event_updates_its_placement(db) -> None:
    placement = make_placement()
    proposed = milestones(placement)
    assert proposed["proposed_at"] is not None and proposed["stopped_at"] is None
    assert proposed == firsts_from_events(placement.id)
    system_transition(placement.id, PlacementAction.WITHDRAW, {"note": "Verhuisd"})
    withdrawn = milestones(placement)
    assert withdrawn["stopped_at"] is not None
    assert withdrawn["proposed_at"] == proposed["proposed_at"]
    assert withdrawn == firsts_from_events(placement.id)


def test_a_proefperiode_moves_the_participants_first_start(db) -> None:
    placement = make_placement()
    participant = placement.participant
    assert participant.first_proefperiode_at is None
    later, earlier = (datetime(2026, 5, 4, 9, tzinfo=UTC), datetime(2026, 3, 2, 9, tzinfo=UTC))
    for at in (later, earlier):
        placement.events.append(PlacementEvent(
            from_state=PlacementState.KENNISMAKING, to_state=PlacementState.PROEFPERIODE,
            actor_role="system", at=at))
        _db.session.commit()
        assert participant.first_proefperiode_at == at
    second = make_placement(participant=participant)
    second.events.append(PlacementEvent(
        from_state=PlacementState.KENNISMAKING, to_state=PlacementState.PROEFPERIODE,
        actor_role="system", at=later))
    _db.session.commit()
    assert participant.first_proefperiode_at == earlier


def _derived() -> tuple[list[Any], list[Any]]:
    placements = _db.session.execute(select(Placement.id, *(
        getattr(Placement, name) for name in MILESTONE_STATES)).order_by(Placement.id)).all()
    participants = _db.session.execute(select(
        Participant.id, Participant.first_proefperiode_at).order_by(Participant.id)).all()
    return placements, participants


def test_rebuilding_from_the_events_changes_nothing(db) -> None:
    """What the flush hook kept equals the back-fill (the migration's, the generator's)."""
    placements, participants = _derived()
    assert len(placements) > 20 and any(row.occupied_at for row in placements)
    assert any(row.first_proefperiode_at for row in participants)
    refresh_milestones(_db.session.connection())
    _db.session.expire_all()
    assert _derived() == (placements, participants)
