"""Backup and restore as the README describes them: the demo region backed up, restored
into an empty database, with the same counts and a working login afterwards."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from marketplace import create_app
from marketplace.config import DEMO_PASSWORD, config_for_tests
from marketplace.extensions import db as _db
from marketplace.services.demo_region import load_demo_region

ROOT = Path(__file__).resolve().parents[2]


def _counts(url: str) -> dict[str, int]:
    app = create_app(config_for_tests(url))
    with app.app_context():
        counts = {table.name: _db.session.scalar(select(func.count()).select_from(table)) or 0
                  for table in _db.metadata.sorted_tables}
        _db.session.remove()
        _db.engine.dispose()
    return counts


def _load_demo(url: str) -> dict[str, int]:
    app = create_app(config_for_tests(url))
    with app.app_context():
        upgrade()
        assert load_demo_region().loaded
        _db.session.remove()
        _db.engine.dispose()
    return _counts(url)


def _login_works(url: str) -> None:
    app = create_app(config_for_tests(url))
    client = app.test_client()
    response = client.post("/login", data={"email": "coach@demo.nl", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    with app.app_context():
        _db.engine.dispose()


def test_sqlite_backup_and_restore(tmp_path: Path) -> None:
    live, backup, restored = (tmp_path / name for name in ("live.db", "backup.db", "new.db"))
    counts = _load_demo(f"sqlite:///{live}")
    assert counts["vacancy"] == 140 and counts["participant"] == 80
    tool = [sys.executable, str(ROOT / "scripts/sqlite-backup")]
    subprocess.run([*tool, str(live), str(backup)], check=True, timeout=60)
    subprocess.run([*tool, str(backup), str(restored)], check=True, timeout=60)
    assert _counts(f"sqlite:///{restored}") == counts
    _login_works(f"sqlite:///{restored}")


def _pg_tool(name: str) -> str | None:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(found[-1]) if found else shutil.which(name)


@pytest.fixture()
def two_databases() -> Iterator[tuple[str, str]]:
    configured = os.environ.get("KOPPELKANS_TEST_DATABASE_URL", "")
    if not configured.startswith("postgresql") or not _pg_tool("pg_dump"):
        pytest.skip("needs PostgreSQL and pg_dump: run through scripts/with-postgres")
    base = make_url(configured)
    names = ("koppelkans_backup_live", "koppelkans_backup_restored")
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for name in names:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield tuple(base.set(database=n).render_as_string(hide_password=False) for n in names)
    finally:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_postgresql_dump_and_restore(two_databases: tuple[str, str], tmp_path: Path) -> None:
    live, restored = two_databases
    counts = _load_demo(live)
    dump = tmp_path / "koppelkans.dump"
    subprocess.run([_pg_tool("pg_dump"), "--format=custom", "--file", str(dump),
                    _libpq(live)], check=True, timeout=120)
    subprocess.run([_pg_tool("pg_restore"), "--no-owner", "--exit-on-error",
                    "--dbname", _libpq(restored), str(dump)], check=True, timeout=120)
    assert _counts(restored) == counts
    _login_works(restored)
