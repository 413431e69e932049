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


def _mail_settings() -> dict[str, Any]:
    """Outgoing mail (`flask outbox send`); without SMTP_HOST mail waits in the outbox."""
    return {
        "SMTP_HOST": os.environ.get("SMTP_HOST", ""),
        "SMTP_PORT": int(os.environ.get("SMTP_PORT", "587")),
        "SMTP_USER": os.environ.get("SMTP_USER", ""),
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD", ""),
        "SMTP_STARTTLS": os.environ.get("SMTP_STARTTLS", "true").lower() in ("1", "true", "yes"),
        "SMTP_TIMEOUT": float(os.environ.get("SMTP_TIMEOUT", "30")),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "Koppelkans <noreply@koppelkans.example>"),
        # Links in e-mails point here (commands have no request to take the host from).
        "BASE_URL": os.environ.get("BASE_URL", "http://127.0.0.1:5000"),
    }


# ---- deploy branch (issue 19): production settings. Integrator: reconcile with the auth
# branch's RATELIMIT_STORAGE_URI and PROXY_COUNT; the agreed name is TRUSTED_PROXIES.
def _deployment_settings() -> dict[str, Any]:
    """Shared store, proxies and logging for a production start (see README, Production)."""
    redis_url = os.environ.get("REDIS_URL", "")
    proxies = os.environ.get("TRUSTED_PROXIES") or os.environ.get("PROXY_COUNT") or "0"
    if not proxies.isdigit():
        raise ConfigError(f"TRUSTED_PROXIES moet een heel getal zijn (0 of meer): {proxies!r}.")
    return {
        "REDIS_URL": redis_url,
        # memory:// suits one process; several workers need a shared store (REDIS_URL).
        "RATELIMIT_STORAGE_URI": redis_url
        or os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        # How many proxies in front may set X-Forwarded-For (ProxyFix, auth branch).
        "TRUSTED_PROXIES": int(proxies),
        "PROXY_COUNT": int(proxies),
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO").upper(),
        # JSON lines on standard output; on by default in production.
        "LOG_JSON": os.environ.get(
            "LOG_JSON", "true" if os.environ.get("KOPPELKANS_ENV") == "production" else "false"
        ).lower() in ("1", "true", "yes"),
    }
# ---- end deploy branch


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
        # AVG: years after a trajectory closes before `flask privacy retention` erases it.
        "RETENTION_YEARS": int(os.environ.get("RETENTION_YEARS", "2")),
        "GEOCODER": os.environ.get("GEOCODER", "off"),
        "GEOCODER_USER_AGENT": os.environ.get(
            "GEOCODER_USER_AGENT", "Koppelkans/0.1 (gemeente; beheer@koppelkans.example)"
        ),
        "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
        **_mail_settings(),
        "RATELIMIT_HEADERS_ENABLED": True,
        **_deployment_settings(),
    }


def config_for_tests(database_url: str) -> dict[str, Any]:
    """Overrides for tests: a given database, no CSRF in the plain test client."""
    return {
        "TESTING": True,
        "KOPPELKANS_ENV": "test",
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
    }
