"""The app factory, configuration and error pages."""

from __future__ import annotations

import pytest

from marketplace import create_app
from marketplace.config import ConfigError
from marketplace.domain.vocabulary import Role
from tests.builders import make_user


def test_production_requires_a_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOPPELKANS_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app()


def test_production_refuses_to_start_with_demo_accounts(make_app, db) -> None:
    make_user(Role.COACH, is_demo=True)
    with pytest.raises(ConfigError, match="demo-accounts"):
        make_app(KOPPELKANS_ENV="production")


def test_production_starts_without_demo_accounts(make_app, db) -> None:
    make_user(Role.COACH)
    assert make_app(KOPPELKANS_ENV="production").config["KOPPELKANS_ENV"] == "production"


def test_unknown_page_gives_dutch_404(client) -> None:
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.get_data(as_text=True)


def test_api_clients_get_problem_json(client) -> None:
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["status"] == 404


def test_unexpected_error_gives_friendly_500(make_app, db) -> None:
    fresh = make_app()

    @fresh.get("/_test/kapot")
    def broken() -> str:
        raise RuntimeError("boom")

    response = fresh.test_client().get("/_test/kapot")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.get_data(as_text=True)


def test_english_catalogue_is_available(client) -> None:
    response = client.get("/login", headers={"Accept-Language": "en"})
    assert "Log in to Koppelkans" in response.get_data(as_text=True)


def test_dutch_is_the_default(client) -> None:
    assert "Inloggen bij Koppelkans" in client.get("/login").get_data(as_text=True)
