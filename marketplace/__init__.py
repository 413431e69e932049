"""Koppelkans: the Flask application factory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, has_request_context, request, session
from flask_babel import lazy_gettext
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from marketplace.config import config_from_environment, settled_config
from marketplace.extensions import babel, csrf, db, limiter, login_manager, migrate
from marketplace.security import register_security_headers

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = PACKAGE_DIR.parent / "templates"


class RowIdConverter(IntegerConverter):
    """A database id in a URL: a positive integer that fits every database's INTEGER."""

    def __init__(self, url_map: Any) -> None:
        super().__init__(url_map, min=1, max=2**31 - 1)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app; `config` overrides the environment (tests pass their own)."""
    app = Flask(
        __name__,
        template_folder=str(TEMPLATE_DIR),
        instance_path=os.environ.get("KOPPELKANS_INSTANCE") or None,
    )
    os.makedirs(app.instance_path, exist_ok=True)
    app.url_map.converters["id"] = RowIdConverter
    app.config.update(config_from_environment(app.instance_path))
    if config:
        app.config.update(config)
    app.config.update(settled_config(app.config, debug=app.debug))
    trust_proxies(app)
    warn_about_per_process_limits(app)
    register_extensions(app)
    register_blueprints(app)
    register_template_helpers(app)
    register_errorhandlers(app)
    register_commands(app)
    register_security_headers(app)
    register_startup_checks(app)
    register_deployment(app)
    return app


def trust_proxies(app: Flask) -> None:
    """Behind TRUSTED_PROXIES reverse proxies, take the client's address and scheme from
    their headers, so rate limits count per client and not per proxy."""
    count = app.config["TRUSTED_PROXIES"]
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count)  # type: ignore[method-assign]


def warn_about_per_process_limits(app: Flask) -> None:
    """Flask-Limiter's memory:// counts per worker: say so where it matters. (Login
    attempts do not depend on it: they are counted in the database.)"""
    storage = str(app.config.get("RATELIMIT_STORAGE_URI", ""))
    if app.config["KOPPELKANS_ENV"] == "production" and storage.startswith("memory://"):
        app.logger.warning(
            "RATELIMIT_STORAGE_URI is memory://: with several workers each counts on its "
            "own; set a shared store such as redis://host:6379."
        )


def _select_locale() -> str | None:
    if not has_request_context():
        return None  # commands and threads: the default locale (nl)
    chosen = session.get("lang")
    if chosen in ("nl", "en"):
        return str(chosen)
    return request.accept_languages.best_match(["nl", "en"]) or "nl"


def register_extensions(app: Flask) -> None:
    from marketplace import models  # noqa: F401  (registers the tables)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PACKAGE_DIR / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(
        app,
        locale_selector=_select_locale,
        default_translation_directories=str(PACKAGE_DIR / "translations"),
    )
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = lazy_gettext("Log in om deze pagina te zien.")
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(session_id: str) -> Any:
        from marketplace.services.accounts.users import user_for_session

        return user_for_session(session_id)


def register_blueprints(app: Flask) -> None:
    from marketplace.admin.routes import bp as admin_bp
    from marketplace.api.routes import bp as api_bp
    from marketplace.auth.routes import bp as auth_bp
    from marketplace.matches.routes import bp as matches_bp
    from marketplace.notifications.routes import bp as notifications_bp
    from marketplace.organisations.routes import bp as organisations_bp
    from marketplace.participants.routes import bp as participants_bp
    from marketplace.placements.routes import bp as placements_bp
    from marketplace.reports.routes import bp as reports_bp
    from marketplace.start.routes import bp as start_bp
    from marketplace.vacancies.routes import bp as vacancies_bp

    for blueprint in (
        auth_bp,
        start_bp,
        vacancies_bp,
        participants_bp,
        organisations_bp,
        reports_bp,
        admin_bp,
        matches_bp,
        placements_bp,
        notifications_bp,
        api_bp,
    ):
        app.register_blueprint(blueprint)


def register_template_helpers(app: Flask) -> None:
    from marketplace import templating

    templating.register(app)


def register_errorhandlers(app: Flask) -> None:
    from marketplace.errors import register_errorhandlers as register

    register(app)


def register_commands(app: Flask) -> None:
    from marketplace.commands import register as register_cli

    register_cli(app)


def register_deployment(app: Flask) -> None:
    """JSON logs, request ids, /healthz and /readyz (deploy branch)."""
    from marketplace import observability
    from marketplace.jobs.routes import bp as jobs_bp

    observability.register(app)
    app.register_blueprint(jobs_bp)


def register_startup_checks(app: Flask) -> None:
    from marketplace.services.accounts.users import refuse_demo_accounts_outside_development

    refuse_demo_accounts_outside_development(app)
