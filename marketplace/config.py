"""Configuration read from the environment, with a test variant."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import timedelta
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
        # A mail that keeps failing is tried again after 5, 10, 20, ... minutes and given
        # up (shown on /beheer/e-mail) after this many attempts.
        "MAIL_MAX_ATTEMPTS": int(os.environ.get("MAIL_MAX_ATTEMPTS", "8")),
        "MAIL_RETRY_SECONDS": int(os.environ.get("MAIL_RETRY_SECONDS", "300")),
        # AVG: days after sending before `flask privacy retention` empties a mail's text.
        "MAIL_BODY_RETENTION_DAYS": int(os.environ.get("MAIL_BODY_RETENTION_DAYS", "90")),
        # Links in e-mails point here (commands have no request to take the host from).
        "BASE_URL": os.environ.get("BASE_URL", "http://127.0.0.1:5000"),
    }


# The only values KOPPELKANS_ENV may take. Anything else (unset, "Production", "prod")
# refuses to start: a typo must never fall back to the published development key.
ENVIRONMENTS = ("development", "test", "production")
# Only these may run without their own SECRET_KEY and with the demo accounts.
DEVELOPMENT_ENVIRONMENTS = ("development", "test")
# Published in the source: signs nothing outside a laptop or a test run.
DEVELOPMENT_SECRET_KEY = "dev-only-not-secret"  # nosec B105
# A signed session cookie older than this is refused, also when copied elsewhere.
SESSION_LIFETIME = timedelta(hours=10)
# Argon2id's cost: argon2-cffi's default (RFC 9106, low memory: 3 passes over 64 MiB,
# 4 lanes), about 0.15 s a hash here, for every environment a person uses.
STRONG_PASSWORD_HASHING = {"time_cost": 3, "memory_cost": 65536, "parallelism": 4}
# A test run only (KOPPELKANS_ENV=test): the minimum Argon2 allows, so the thousands of
# hashes a test run makes take microseconds. Its hashes protect nothing.
TEST_PASSWORD_HASHING = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}


def _deployment_settings() -> dict[str, Any]:
    """Shared store, proxies and logging for a production start (see README, Production)."""
    redis_url = os.environ.get("REDIS_URL", "")
    proxies = os.environ.get("TRUSTED_PROXIES", "0")
    if not proxies.isdigit():
        raise ConfigError(f"TRUSTED_PROXIES moet een heel getal zijn (0 of meer): {proxies!r}.")
    return {
        "REDIS_URL": redis_url,
        # memory:// suits one process; several workers need a shared store (REDIS_URL).
        "RATELIMIT_STORAGE_URI": redis_url
        or os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        # Behind N reverse proxies the client is the N-th address from the right in
        # X-Forwarded-For (werkzeug's ProxyFix); 0 trusts no header (a client could
        # name any address). Login attempts are counted in the database, shared anyway.
        "TRUSTED_PROXIES": int(proxies),
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO").upper(),
        # JSON lines on standard output; on by default in production.
        "LOG_JSON": os.environ.get(
            "LOG_JSON", "true" if os.environ.get("KOPPELKANS_ENV") == "production" else "false"
        ).lower() in ("1", "true", "yes"),
    }


def config_from_environment(instance_path: str) -> dict[str, Any]:
    """Settings for a running app: every value can come from the environment.
    `settled_config` checks the combination once the test overrides are in."""
    return {
        "KOPPELKANS_ENV": os.environ.get("KOPPELKANS_ENV", ""),
        "SECRET_KEY": os.environ.get("SECRET_KEY", ""),
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL")
        or _default_database_url(instance_path),
        # A failed statement's parameters (health notes, names) stay out of the error log.
        "SQLALCHEMY_ENGINE_OPTIONS": {"hide_parameters": True},
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "PERMANENT_SESSION_LIFETIME": SESSION_LIFETIME,
        "REMEMBER_COOKIE_HTTPONLY": True,
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


def _checked_environment(env: str) -> str:
    if env not in ENVIRONMENTS:
        shown = repr(env) if env else "niet ingesteld"
        raise ConfigError(
            f"KOPPELKANS_ENV is {shown}. Kies precies één van: {', '.join(ENVIRONMENTS)}. "
            "Op een eigen computer: development (dat doet ./dev run); op een server: "
            "production, met een eigen SECRET_KEY."
        )
    return env


def _checked_secret(env: str, secret: str) -> str:
    if env in DEVELOPMENT_ENVIRONMENTS:
        return secret or DEVELOPMENT_SECRET_KEY
    if not secret or secret == DEVELOPMENT_SECRET_KEY:
        raise ConfigError(
            f"SECRET_KEY is verplicht als KOPPELKANS_ENV={env}: een eigen, geheime waarde "
            '(bijvoorbeeld: python -c "import secrets; print(secrets.token_hex(32))").'
        )
    return secret


def settled_config(config: Mapping[str, Any], debug: bool) -> dict[str, Any]:
    """The environment-dependent settings, after refusing an unsafe combination:
    an unknown environment, production without its own key, or the debugger in
    production (it runs any code a visitor types)."""
    env = _checked_environment(str(config.get("KOPPELKANS_ENV") or ""))
    production = env == "production"
    if production and (debug or config.get("DEBUG")):
        raise ConfigError("FLASK_DEBUG staat aan: dat mag niet als KOPPELKANS_ENV=production.")
    return {
        "KOPPELKANS_ENV": env,
        "SECRET_KEY": _checked_secret(env, str(config.get("SECRET_KEY") or "")),
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_SECURE": production,
        "PASSWORD_HASHING": password_hashing_for(env),
    }


def password_hashing_for(env: str) -> dict[str, int]:
    """Argon2's cost follows the environment, never a setting: no typo or stray variable
    can give a server the cheap test parameters."""
    return dict(TEST_PASSWORD_HASHING if env == "test" else STRONG_PASSWORD_HASHING)


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
