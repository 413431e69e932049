"""Issue 15, item 5: the proposal rules hold when requests race.

Twenty API proposals at the same moment, each through its own test client, app context,
session and connection (the thread-and-barrier pattern of
tests/marketplace/placements/test_capacity_race.py): of one participant for one vacancy
exactly one gets through; with `proposal_cap` 1 and twenty participants, exactly one.
The losers get the Dutch refusal and leave nothing behind. Runs on SQLite (a file
database) and on PostgreSQL:
`scripts/with-postgres 54431 .venv/bin/pytest tests/security/test_proposal_races.py`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from marketplace.domain.placements import OPEN_STATES, PlacementState
from marketplace.domain.vocabulary import ConsentPurpose, Role
from marketplace.extensions import db as _db
from marketplace.models import Placement, PlacementEvent
from marketplace.models.placement import open_state_condition
from tests.api.conftest import token_for
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)

RACERS = 20
CONSENTS = (ConsentPurpose.MATCHING, ConsentPurpose.SHARING)


def _engine_options(url: str) -> dict[str, object]:
    options: dict[str, object] = {"pool_size": RACERS, "max_overflow": 5, "pool_timeout": 60}
    if url.startswith("sqlite"):
        options["connect_args"] = {"timeout": 30}  # wait for the write lock, don't fail
    return options


def _race(app, bodies: list[tuple[str, dict[str, str]]]) -> list[tuple[int, dict]]:
    """POST /api/v1/placements once per (token, body), all released at one barrier."""
    barrier = threading.Barrier(len(bodies))
    answers: list[tuple[int, dict]] = []
    lock = threading.Lock()

    def send(token: str, body: dict[str, str]) -> None:
        client = app.test_client()
        barrier.wait(timeout=60)
        response = client.post("/api/v1/placements", json=body,
                               headers={"Authorization": f"Bearer {token}"})
        with lock:
            answers.append((response.status_code, response.get_json()))

    threads = [threading.Thread(target=send, args=pair) for pair in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def _open_placements(db, vacancy) -> int:
    db.expire_all()
    return db.scalar(select(func.count()).select_from(Placement).where(
        Placement.vacancy_id == vacancy.id, Placement.state.in_(OPEN_STATES)))


def _racing_app(app, make_app):
    return make_app(SQLALCHEMY_ENGINE_OPTIONS=_engine_options(
        app.config["SQLALCHEMY_DATABASE_URI"]))


def test_twenty_proposals_of_one_participant_for_one_vacancy(app, db, make_app) -> None:
    coach = make_user(Role.COACH)
    participant = make_participant(coach, consents=CONSENTS)
    vacancy = make_vacancy(make_organisation(), proposal_cap=RACERS * 2)
    token = token_for(coach)
    body = {"participant": participant.ref, "vacancy": vacancy.ref, "message": "Kookt graag."}

    answers = _race(_racing_app(app, make_app), [(token, body)] * RACERS)

    codes = sorted(code for code, _ in answers)
    assert codes.count(201) == 1, answers
    refusals = [answer for code, answer in answers if code != 201]
    assert len(refusals) == RACERS - 1
    assert all("Er loopt al een voorstel" in str(answer) for answer in refusals), refusals
    assert _open_placements(db, vacancy) == 1
    assert db.scalar(select(func.count()).select_from(PlacementEvent)) == 1


def test_twenty_participants_for_a_vacancy_with_a_cap_of_one(app, db, make_app) -> None:
    coach = make_user(Role.COACH)
    vacancy = make_vacancy(make_organisation(), proposal_cap=1)
    token = token_for(coach)
    bodies = [(token, {"participant": make_participant(coach, consents=CONSENTS).ref,
                       "vacancy": vacancy.ref}) for _ in range(RACERS)]

    answers = _race(_racing_app(app, make_app), bodies)

    assert sorted(code for code, _ in answers).count(201) == 1, answers
    refusals = [answer for code, answer in answers if code != 201]
    assert all("open voorstellen" in str(answer) for answer in refusals), refusals
    assert _open_placements(db, vacancy) == 1


def test_the_database_refuses_a_second_open_proposal_of_a_pair(db) -> None:
    placement = make_placement()
    closed = make_placement(placement.participant, placement.vacancy,
                            state=PlacementState.WITHDRAWN)
    assert closed.id  # a closed one beside an open one is fine
    with pytest.raises(IntegrityError):
        make_placement(placement.participant, placement.vacancy, state=PlacementState.ACCEPTED)
    db.rollback()


def test_the_migration_and_the_model_mean_the_same_open_states() -> None:
    from importlib import import_module

    migration = import_module("marketplace.migrations.versions.0008_proposal_rules")
    assert migration.OPEN == open_state_condition()
    assert _db.metadata.tables["placement"].indexes


@contextmanager
def _columns_of_later_migrations() -> Iterator[None]:
    """The models' columns that later migrations add (say user_account.region_id), added
    as plain nullable columns while today's models write rows into an old schema, and
    dropped again so those migrations can add them for real."""
    inspector = inspect(_db.engine)
    missing = [(table.name, column) for table in _db.metadata.sorted_tables
               if inspector.has_table(table.name)
               for column in table.columns
               if column.name not in {c["name"] for c in inspector.get_columns(table.name)}]
    dialect = _db.engine.dialect
    with _db.engine.begin() as connection:
        for table, column in missing:
            kind = column.type.compile(dialect=dialect)
            connection.execute(text(f'ALTER TABLE "{table}" ADD COLUMN "{column.name}" {kind}'))
    yield
    _db.session.commit()  # ends the session's transaction; its objects stay attached
    with _db.engine.begin() as connection:
        for table, column in missing:
            connection.execute(text(f'ALTER TABLE "{table}" DROP COLUMN "{column.name}"'))


def test_the_migration_withdraws_earlier_race_duplicates(app, make_app, tmp_path) -> None:
    """A database that the race already hit keeps the oldest open proposal of a pair;
    the others are withdrawn, each with a system event, and then the index holds."""
    from importlib import import_module

    from flask_migrate import upgrade

    before = import_module("marketplace.migrations.versions.0008_proposal_rules").down_revision
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("needs a database of its own; the SQLite run covers the migration")
    other = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'raced.db'}")
    with other.app_context():
        upgrade(revision=before)  # the schema just before 0008
        with _columns_of_later_migrations():  # today's models insert them
            first = make_placement()
            doubles = [make_placement(first.participant, first.vacancy) for _ in range(2)]
            _db.session.commit()
        upgrade()
        _db.session.expire_all()
        assert first.state == PlacementState.PROPOSED
        assert [d.state for d in doubles] == [PlacementState.WITHDRAWN] * 2
        assert [(e.to_state, e.actor_role) for e in doubles[0].events][-1] == (
            PlacementState.WITHDRAWN, "system")
        _db.session.remove()
