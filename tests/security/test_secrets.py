"""Secrets fail closed: only an explicit development or test environment runs on the
published development key, and only those serve the demo accounts."""

from __future__ import annotations

import pytest
from flask import Flask

from marketplace import create_app
from marketplace.config import DEVELOPMENT_SECRET_KEY, ConfigError
from marketplace.domain.vocabulary import Role
from tests.builders import make_user

REAL_SECRET = "9f3c1d5e7a2b4c6d8e0f1a3b5c7d9e1f"


@pytest.fixture()
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path):
    """create_app() as a server starts it: from the environment only."""
    monkeypatch.setenv("KOPPELKANS_INSTANCE", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", "sqlite:///" + str(tmp_path / "leeg.db"))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    monkeypatch.delenv("KOPPELKANS_ENV", raising=False)
    return monkeypatch


@pytest.mark.parametrize("value", [None, "", "Production", "prod", "PRODUCTION", "dev", " test"])
def test_an_unknown_or_missing_environment_refuses_to_start(environment, value) -> None:
    if value is not None:
        environment.setenv("KOPPELKANS_ENV", value)
    with pytest.raises(ConfigError, match="KOPPELKANS_ENV"):
        create_app()


@pytest.mark.parametrize("value", ["Production", "prod"])
def test_a_near_miss_of_production_refuses_even_with_a_secret(environment, value) -> None:
    environment.setenv("KOPPELKANS_ENV", value)
    environment.setenv("SECRET_KEY", REAL_SECRET)
    with pytest.raises(ConfigError, match="KOPPELKANS_ENV"):
        create_app()


def test_production_refuses_the_published_development_key(environment) -> None:
    environment.setenv("KOPPELKANS_ENV", "production")
    environment.setenv("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app()


@pytest.mark.parametrize("env", ["development", "test"])
def test_development_and_test_run_on_the_development_key(environment, env) -> None:
    environment.setenv("KOPPELKANS_ENV", env)
    app = create_app()
    assert app.config["SECRET_KEY"] == DEVELOPMENT_SECRET_KEY
    assert app.config["SESSION_COOKIE_SECURE"] is False


def test_production_uses_its_own_key_and_secure_cookies(environment) -> None:
    environment.setenv("KOPPELKANS_ENV", "production")
    environment.setenv("SECRET_KEY", REAL_SECRET)
    app = create_app()
    assert app.config["SECRET_KEY"] == REAL_SECRET
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_the_debugger_is_refused_in_production(environment) -> None:
    environment.setenv("KOPPELKANS_ENV", "production")
    environment.setenv("SECRET_KEY", REAL_SECRET)
    environment.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ConfigError, match="FLASK_DEBUG"):
        create_app()


def test_test_overrides_are_checked_too(make_app, db) -> None:
    with pytest.raises(ConfigError, match="KOPPELKANS_ENV"):
        make_app(KOPPELKANS_ENV="Production")


def test_demo_accounts_only_outside_production(make_app, db) -> None:
    make_user(Role.COACH, is_demo=True)
    assert make_app(KOPPELKANS_ENV="development").config["KOPPELKANS_ENV"] == "development"
    with pytest.raises(ConfigError, match="demo-accounts"):
        make_app(KOPPELKANS_ENV="production", SECRET_KEY=REAL_SECRET)


def _forged_session_cookie(secret: str, user_id: str) -> str:
    signer = Flask("forger")
    signer.secret_key = secret
    serializer = signer.session_interface.get_signing_serializer(signer)  # type: ignore[attr-defined]
    return str(serializer.dumps({"_user_id": user_id, "_fresh": True}))


def test_a_cookie_signed_with_the_development_key_is_no_admin_in_production(
    make_app, db
) -> None:
    admin = make_user(Role.ADMIN)
    production = make_app(KOPPELKANS_ENV="production", SECRET_KEY=REAL_SECRET)
    client = production.test_client()
    client.set_cookie("session", _forged_session_cookie(DEVELOPMENT_SECRET_KEY, str(admin.id)))
    assert client.get("/beheer/auditlog").status_code == 302  # to the login page
