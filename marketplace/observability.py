"""Logs as JSON lines with a request id, and /healthz and /readyz for a load balancer.

Log lines never carry personal data or secrets: messages are scrubbed of e-mail
addresses, and paths lose their query string and any signed-link or import token.
Gunicorn's access and error logs use the same formatter (gunicorn.conf.py).
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import sys
from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, Flask, current_app, g, jsonify, request
from flask.typing import ResponseReturnValue
from sqlalchemy import text
from werkzeug.wrappers import Response

REQUEST_ID_HEADER = "X-Request-Id"
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# A path segment after these words is a secret (signed employer link, import preview).
_TOKEN_AFTER = re.compile(r"(/(?:bevestigen|import)/)(?!sjabloon\.)[^/?#]+")
# Any other long opaque segment is treated as a token too.
_LONG_SEGMENT = re.compile(r"(?<=/)[A-Za-z0-9_\-.~]{32,}(?=/|$)")
# LogRecord attributes that are not extra fields given by the caller.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def mask_path(path: str) -> str:
    """The path without query string, with tokens replaced by ***."""
    path = path.split("?", 1)[0]
    return _LONG_SEGMENT.sub("***", _TOKEN_AFTER.sub(r"\1***", path))


def scrub(message: str) -> str:
    return _EMAIL.sub("***@***", message)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, pid, request id, extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
            "pid": record.process,
        }
        request_id = current_request_id()
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, int | float | bool) else scrub(str(value))
        if record.exc_info:
            # The exception type only: tracebacks quote values, which may be personal.
            entry["error"] = record.exc_info[0].__name__ if record.exc_info[0] else "unknown"
        return json.dumps(entry, ensure_ascii=False)


def current_request_id() -> str | None:
    from flask import has_request_context

    if has_request_context():
        return g.get("request_id")
    return None


def configure_logging(level: str) -> None:
    """Send every logger's records to standard output as JSON lines."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def _assign_request_id() -> None:
    # A proxy's id is kept when it looks like one, so one request is traceable end to end.
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if _SAFE_REQUEST_ID.fullmatch(given) else secrets.token_hex(8)


def _send_request_id(response: Response) -> Response:
    response.headers[REQUEST_ID_HEADER] = g.get("request_id", "")
    return response


# --------------------------------------------------------------------------- health

bp = Blueprint("observability", __name__)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    """The process lives and answers."""
    return jsonify(status="ok", pid=os.getpid())


@bp.get("/readyz")
def readyz() -> ResponseReturnValue:
    """Ready for traffic: database reachable, migrations current, matching index fitted."""
    checks = {
        "database": _database_reachable(),
        "migrations": _migrations_current(),
        "index": _index_fitted(),
    }
    ready = all(checks.values())
    return jsonify(status="ok" if ready else "unavailable", checks=checks), 200 if ready else 503


def _database_reachable() -> bool:
    from marketplace.extensions import db

    try:
        db.session.execute(text("SELECT 1"))
        return True
    except Exception:  # any failure means "not ready", never a 500
        db.session.rollback()
        return False


def _migrations_current() -> bool:
    from alembic.script import ScriptDirectory

    from marketplace.extensions import db

    try:
        heads = set(ScriptDirectory.from_config(
            current_app.extensions["migrate"].migrate.get_config()).get_heads())
        current = set(db.session.scalars(text("SELECT version_num FROM alembic_version")))
        return current == heads
    except Exception:  # no alembic_version table yet: not migrated
        db.session.rollback()
        return False


def _index_fitted() -> bool:
    from marketplace.services.matching.index import index_is_fitted

    return index_is_fitted(current_app._get_current_object())  # type: ignore[attr-defined]


def register(app: Flask) -> None:
    """Request ids, JSON logs when configured, and the health endpoints."""
    app.before_request(_assign_request_id)
    app.after_request(_send_request_id)
    app.register_blueprint(bp)
    if app.config.get("LOG_JSON"):
        configure_logging(app.config.get("LOG_LEVEL", "INFO"))
    from marketplace.extensions import csrf, limiter

    limiter.exempt(bp)  # a load balancer polls often; it must never be refused
    csrf.exempt(bp)
