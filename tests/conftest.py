"""Fixtures shared by the application tests: app, db, client, runner, login.

The database is SQLite in a temporary file unless KOPPELKANS_TEST_DATABASE_URL names
another one (the test command runs the suite a second time on a real PostgreSQL).
The schema is created by the Alembic migrations, so they are tested on every run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from flask_migrate import upgrade
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.orm import scoped_session

from marketplace import create_app
from marketplace.config import config_for_tests
from marketplace.extensions import db as _db
from marketplace.models import User
from tests.builders import PASSWORD
from tests.engines import without_fsync
from tests.rollback import SharedTransaction, shared_transaction

SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"


def _database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    configured = os.environ.get("KOPPELKANS_TEST_DATABASE_URL")
    if configured:
        return _database_of_this_worker(configured)
    # Under pytest-xdist each worker has a temporary directory of its own.
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.db")


def _database_of_this_worker(configured: str) -> str:
    """Under pytest-xdist (`-n 2`) each worker (gw0, gw1, ...) gets an empty PostgreSQL
    database of its own on the server, since every worker migrates and empties its own."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or not configured.startswith("postgresql"):
        return configured
    base = make_url(configured)
    name = f"{base.database}_{worker}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def _reset_postgres_schema() -> None:
    with _db.engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    url = _database_url(tmp_path_factory)
    application = create_app(config_for_tests(url))
    with application.app_context():
        without_fsync(_db.engine)
        if _db.engine.dialect.name == "postgresql":
            _reset_postgres_schema()
        upgrade()
    yield application
    with application.app_context():
        _db.engine.dispose()


@pytest.fixture()
def make_app(app: Flask) -> Iterator[Callable[..., Flask]]:
    """make_app(**overrides): another app on the test database, closed after the test."""
    made: list[Flask] = []

    def _make(**overrides: Any) -> Flask:
        other = create_app(config_for_tests(app.config["SQLALCHEMY_DATABASE_URI"]) | overrides)
        with other.app_context():
            without_fsync(_db.engine)
        made.append(other)
        return other

    yield _make
    for other in made:
        with other.app_context():
            _db.engine.dispose()


@cache
def _rows_query(names: tuple[str, ...]) -> str:
    return " UNION ALL ".join(
        f"SELECT '{name}' WHERE EXISTS (SELECT 1 FROM \"{name}\")" for name in names)


def _tables_with_rows() -> list[str]:
    names = tuple(table.name for table in _db.metadata.sorted_tables)
    return [row[0] for row in _db.session.execute(text(_rows_query(names)))]


def _empty_all_tables() -> None:
    _db.session.rollback()
    if _db.engine.dialect.name == "postgresql":
        # TRUNCATE: the append-only triggers refuse DELETE on the log tables. Only the
        # tables a test filled: TRUNCATE of all of them cost ~57 ms a test, of the few
        # used ones a few ms (CASCADE takes along empty tables that refer to them).
        used = _tables_with_rows()
        if used:
            names = ", ".join(f'"{name}"' for name in used)
            _db.session.execute(text(f"TRUNCATE {names} CASCADE"))
    else:
        for table in reversed(_db.metadata.sorted_tables):
            _db.session.execute(table.delete())
    _db.session.commit()


@pytest.fixture()
def db(app: Flask) -> Iterator[scoped_session]:
    """The session, with every table emptied after the test."""
    with app.app_context():
        yield _db.session
        _empty_all_tables()
        _db.session.remove()


@pytest.fixture()
def client(app: Flask, db: scoped_session) -> FlaskClient:
    return app.test_client()


@pytest.fixture()
def runner(app: Flask, db: scoped_session) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture()
def login(client: FlaskClient):
    """login(user) logs the test client in through the real form."""

    def _login(user: User, password: str = PASSWORD) -> FlaskClient:
        response = client.post("/login", data={"email": user.email, "password": password})
        assert response.status_code == 302, "login failed"
        return client

    return _login


# ------------------------------------------------- data built once per module (opt-in)


@pytest.fixture(scope="module")
def module_transaction(app: Flask) -> Iterator[SharedTransaction]:
    """One transaction for a module's data, rolled back after its last test (tests/rollback.py).

    A module opts in by overriding `db` (which `client` and `runner` use too):

        @pytest.fixture()
        def db(rolled_back_db):
            return rolled_back_db
    """
    with app.app_context(), shared_transaction(app) as shared:
        yield shared


@pytest.fixture()
def rolled_back_db(app: Flask, module_transaction: SharedTransaction) -> Iterator[scoped_session]:
    """The session for one test of such a module: whatever it commits is rolled back."""
    with app.app_context(), module_transaction.test() as session:
        yield session
