"""tests/rollback.py: data built once per module, every test rolled back to it. These
check the machinery itself (on SQLite and, in the PostgreSQL pass, on PostgreSQL): a
test's commits vanish, the module's data stays, and nothing reaches the database."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from marketplace.extensions import db as _db
from marketplace.models import User
from marketplace.services.platform.transaction import transaction
from tests.builders import make_user
from tests.rollback import shared_transaction


def _emails() -> set[str]:
    return set(_db.session.scalars(select(User.email)))


def test_a_test_starts_from_the_module_data_and_its_commits_vanish(app: Flask, db) -> None:
    with app.app_context(), shared_transaction(app) as shared:
        make_user(email="module@test.nl")
        _db.session.remove()
        with app.app_context(), shared.test():
            make_user(email="first-test@test.nl")
            with transaction():
                User.query.filter_by(email="module@test.nl").one().name = "Veranderd"
            assert _emails() == {"module@test.nl", "first-test@test.nl"}
        with app.app_context(), shared.test():
            assert _emails() == {"module@test.nl"}
            assert User.query.one().name != "Veranderd"
    assert db.scalar(select(func.count()).select_from(User)) == 0


def test_a_rollback_inside_a_test_keeps_the_module_data(app: Flask, db) -> None:
    """A refused write (a service rolls back) undoes only that write."""
    with app.app_context(), shared_transaction(app) as shared:
        make_user(email="module@test.nl")
        _db.session.remove()
        with app.app_context(), shared.test():
            make_user(email="kept-until-the-end-of-the-test@test.nl")
            with pytest.raises(IntegrityError), transaction():
                _db.session.add(User(email="module@test.nl", name="Dubbel", role="coach",
                                     password_hash="x"))
            assert _emails() == {"module@test.nl", "kept-until-the-end-of-the-test@test.nl"}
        with app.app_context(), shared.test():
            assert _emails() == {"module@test.nl"}


def test_other_connections_never_see_the_module_data(app: Flask, db) -> None:
    with app.app_context(), shared_transaction(app) as shared:
        make_user(email="module@test.nl")
        _db.session.remove()
        assert _db.engines[None] is shared.connection
        with shared.engine.connect() as other:
            count = other.execute(text("SELECT count(*) FROM user_account")).scalar_one()
        assert count == 0
        with app.app_context(), shared.test():
            assert _emails() == {"module@test.nl"}
