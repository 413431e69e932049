"""Data built once for a whole test module, each test rolled back to it afterwards.

The module's tests run in one database transaction on one connection. The app's session
joins it through savepoints (SQLAlchemy's "create_savepoint" mode): a service's commit
releases a savepoint, a rollback returns to it, and nothing ever reaches the database
for other connections. `SharedTransaction.test()` wraps one test in a savepoint of its
own and rolls it back, so every test starts from exactly the data the module built.

Only for tests that use the session-scoped `app` alone (another app from `make_app`
has its own connections and would not see the module's data).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import scoped_session

from marketplace.extensions import db as _db


def _begin_for_real(connection: Connection) -> None:
    """SQLite's Python driver starts a transaction only before a write, so a SAVEPOINT
    would open (and its RELEASE commit) the outermost one. Driving it in autocommit mode
    with an explicit BEGIN makes savepoints nest inside the test's transaction."""
    if connection.dialect.name == "sqlite":
        connection.connection.dbapi_connection.isolation_level = None  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN")


def _restore_driver(connection: Connection, setting: Any) -> None:
    if connection.dialect.name == "sqlite":
        connection.connection.dbapi_connection.isolation_level = setting  # type: ignore[union-attr]


class SharedTransaction:
    """One connection in one transaction that the app's session uses instead of the engine."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.engines: dict[str | None, Any] = _db.engines  # type: ignore[assignment]
        self.engine: Engine = self.engines[None]
        self.connection = self.engine.connect()
        self._driver_setting = getattr(
            self.connection.connection.dbapi_connection, "isolation_level", None)
        self._outer = self.connection.begin()
        _begin_for_real(self.connection)
        _db.session.remove()
        self._session_options = dict(_db.session.session_factory.kw)
        _db.session.configure(join_transaction_mode="create_savepoint")
        # Flask-SQLAlchemy binds its session to the app's engines: the connection in its
        # place makes every query and commit of the app run inside this transaction.
        self.engines[None] = self.connection

    @contextmanager
    def test(self) -> Iterator[scoped_session]:
        """One test: whatever it commits is rolled back to the module's data afterwards."""
        savepoint = self.connection.begin_nested()
        try:
            yield _db.session
        finally:
            _db.session.remove()
            if savepoint.is_active:
                savepoint.rollback()

    def close(self) -> None:
        _db.session.remove()
        self.engines[None] = self.engine
        # Back to exactly the options the session had, SQLAlchemy's default mode included.
        _db.session.session_factory.kw.clear()
        _db.session.session_factory.kw.update(self._session_options)
        self._outer.rollback()
        _restore_driver(self.connection, self._driver_setting)
        self.connection.close()


@contextmanager
def shared_transaction(app: Flask) -> Iterator[SharedTransaction]:
    """In an app context of `app`: the module's transaction, rolled back at the end."""
    shared = SharedTransaction(app)
    try:
        yield shared
    finally:
        shared.close()
