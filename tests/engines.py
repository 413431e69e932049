"""Test databases tuned for speed where it changes nothing a test checks."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event


def without_fsync(engine: Engine) -> None:
    """A test database need not survive a power cut: SQLite without fsync (PRAGMA
    synchronous=OFF) commits in microseconds instead of tens of milliseconds, and tests
    commit thousands of times. Locking and isolation are unchanged. (The PostgreSQL of
    scripts/with-postgres runs with fsync=off already.)"""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _no_fsync(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous=OFF")
