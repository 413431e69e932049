"""Argon2's cost follows the environment: strong wherever people log in, the minimum only
in a test run (KOPPELKANS_ENV=test), where thousands of hashes would otherwise cost
minutes."""

from __future__ import annotations

from flask import Flask

from marketplace.config import STRONG_PASSWORD_HASHING, TEST_PASSWORD_HASHING
from marketplace.services.accounts import users
from tests.builders import PASSWORD

STRONG_PARAMETERS = "$m=65536,t=3,p=4$"
TEST_PARAMETERS = "$m=8,t=1,p=1$"


def _hash_in(app: Flask) -> str:
    with app.app_context():
        return users.hash_password(PASSWORD)


def _dummy_hash_in(app: Flask) -> str:
    with app.app_context():
        return users._dummy_hash(users._hasher())


def test_production_hashes_at_full_strength(make_app, db) -> None:
    production = make_app(KOPPELKANS_ENV="production")
    assert production.config["PASSWORD_HASHING"] == STRONG_PASSWORD_HASHING
    assert STRONG_PARAMETERS in _hash_in(production)


def test_development_hashes_at_full_strength(make_app, db) -> None:
    assert STRONG_PARAMETERS in _hash_in(make_app(KOPPELKANS_ENV="development"))


def test_no_setting_gives_production_the_cheap_parameters(make_app, db) -> None:
    production = make_app(KOPPELKANS_ENV="production", PASSWORD_HASHING=TEST_PASSWORD_HASHING)
    assert STRONG_PARAMETERS in _hash_in(production)


def test_outside_an_app_the_hash_is_strong() -> None:
    assert STRONG_PARAMETERS in users.hash_password(PASSWORD)


def test_a_test_run_hashes_cheaply_and_still_verifies(app: Flask) -> None:
    hashed = _hash_in(app)
    assert TEST_PARAMETERS in hashed
    with app.app_context():
        assert users.password_matches(hashed, PASSWORD)
        assert not users.password_matches(hashed, PASSWORD + "x")


def test_the_dummy_hash_costs_what_a_real_one_costs(make_app, app: Flask, db) -> None:
    """An unknown e-mail address is checked against the dummy hash: made with another
    cost, its answer would come sooner or later than a wrong password's."""
    production = make_app(KOPPELKANS_ENV="production")
    assert STRONG_PARAMETERS in _dummy_hash_in(production)
    assert TEST_PARAMETERS in _dummy_hash_in(app)


def test_a_strong_hash_still_verifies_in_a_test_run(app: Flask) -> None:
    """Argon2 reads the cost from the hash: accounts hashed strongly stay valid."""
    strong = users.hash_password(PASSWORD)
    with app.app_context():
        assert users.password_matches(strong, PASSWORD)
