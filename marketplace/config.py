"""Configuration read from the environment, with a test variant."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

DEMO_PASSWORD = "demo-wachtwoord"


class ConfigError(RuntimeError):
    """The environment does not allow the app to start safely."""


def _default_database_url(instance_path: str) -> str:
    return "sqlite:///" + str(Path(instance_path) / "koppelkans.db")


def config_from_environment(instance_path: str) -> dict[str, Any]:
    """Settings for a running app: every value can come from the environment."""
    env = os.environ.get("KOPPELKANS_ENV", "development")
    secret = os.environ.get("SECRET_KEY")
    if env == "production" and not secret:
        raise ConfigError("SECRET_KEY is verplicht als KOPPELKANS_ENV=production.")
    return {
        "KOPPELKANS_ENV": env,
        # A fixed development key keeps sessions valid across restarts on a laptop;
        # production refuses to start without its own key (checked above).
        "SECRET_KEY": secret or "dev-only-not-secret",
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL")
        or _default_database_url(instance_path),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env == "production",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SECURE": env == "production",
        "WTF_CSRF_TIME_LIMIT": None,
        "BABEL_DEFAULT_LOCALE": "nl",
        "LANGUAGES": ("nl", "en"),
        "PAGE_SIZE": 20,
        "GEOCODER": os.environ.get("GEOCODER", "off"),
        "GEOCODER_USER_AGENT": os.environ.get(
            "GEOCODER_USER_AGENT", "Koppelkans/0.1 (gemeente; beheer@koppelkans.example)"
        ),
        "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
    }


def config_for_tests(database_url: str) -> dict[str, Any]:
    """Overrides for tests: a given database, no CSRF in the plain test client."""
    return {
        "TESTING": True,
        "KOPPELKANS_ENV": "test",
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
    }
