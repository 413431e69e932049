"""No overbooking: 50 concurrent confirmations race for the last free place of a vacancy.

Each thread has its own app context, session and connection, and confirms the start of
the proefperiode of a different placement for the same vacancy. Exactly one wins; the
other 49 get the clear Dutch refusal, and `filled` ends at `capacity`. Runs on SQLite
(a file database, writers queue on its lock with a busy timeout) and on PostgreSQL
(`scripts/with-postgres 54330 .venv/bin/pytest tests/marketplace/placements/test_capacity_race.py`).
"""

from __future__ import annotations

import threading
import time
from datetime import date

from sqlalchemy import func, select

from marketplace.domain.placements import PlacementAction, PlacementState
from marketplace.domain.vocabulary import Role
from marketplace.errors import DomainError
from marketplace.extensions import db as _db
from marketplace.models import CheckIn, Placement, PlacementEvent, User, Vacancy
from marketplace.services.placements.placements import transition
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)

RACERS = 50
START = {"proefperiode_start": date(2026, 3, 2), "proefperiode_end": date(2026, 5, 1)}


def _engine_options(url: str) -> dict[str, object]:
    options: dict[str, object] = {"pool_size": RACERS, "max_overflow": 5, "pool_timeout": 60}
    if url.startswith("sqlite"):
        options["connect_args"] = {"timeout": 30}  # wait for the write lock, don't fail
    return options


def _race(app, member_id: int, placement_ids: list[int]) -> tuple[list[int], list[str]]:
    barrier = threading.Barrier(RACERS)
    won: list[int] = []
    refused: list[str] = []
    lock = threading.Lock()

    def confirm(placement_id: int) -> None:
        with app.app_context():
            try:
                member = _db.session.get(User, member_id)
                barrier.wait(timeout=60)
                try:
                    transition(placement_id, PlacementAction.START_PROEFPERIODE, member, START)
                except DomainError as error:
                    with lock:
                        refused.append(error.message)
                else:
                    with lock:
                        won.append(placement_id)
            finally:
                _db.session.remove()

    threads = [threading.Thread(target=confirm, args=(pid,)) for pid in placement_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return won, refused


def test_fifty_confirmations_for_the_last_place(app, db, make_app) -> None:
    organisation = make_organisation()
    member = make_user(Role.ORGANISATION, organisation=organisation)
    coach = make_user(Role.COACH)
    vacancy = make_vacancy(organisation, capacity=3, filled=2, title="Gastvrouw in het café")
    placement_ids = [
        make_placement(make_participant(coach), vacancy, state=PlacementState.KENNISMAKING).id
        for _ in range(RACERS)
    ]
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    racing_app = make_app(SQLALCHEMY_ENGINE_OPTIONS=_engine_options(url))

    started = time.perf_counter()
    won, refused = _race(racing_app, member.id, placement_ids)
    elapsed = time.perf_counter() - started

    db.expire_all()
    filled, capacity = db.execute(
        select(Vacancy.filled, Vacancy.capacity).where(Vacancy.id == vacancy.id)).one()
    in_trial = db.scalar(select(func.count()).select_from(Placement).where(
        Placement.state == PlacementState.PROEFPERIODE))
    started_events = db.scalar(select(func.count()).select_from(PlacementEvent).where(
        PlacementEvent.to_state == PlacementState.PROEFPERIODE))
    planned = db.scalar(select(func.count()).select_from(CheckIn))
    print(f"\ncapacity race on {db.get_bind().dialect.name}: {RACERS} confirmations, "
          f"{len(won)} won, {len(refused)} refused, filled {filled}/{capacity}, "
          f"{elapsed:.2f} s")

    assert len(won) == 1
    assert len(refused) == RACERS - 1
    assert all(message.startswith("Er is geen plek meer vrij bij ‘Gastvrouw in het café’")
               for message in refused), set(refused)
    assert (filled, capacity) == (3, 3)
    assert in_trial == 1 and started_events == 1
    assert planned == 3  # the winner's check-ins only; the losers left nothing behind
