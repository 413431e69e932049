"""Gunicorn settings for production (`make prod`, deploy/koppelkans-web.service).

Every value can be overridden from the environment; see the README, Production.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from typing import Any

from gunicorn.glogging import Logger

from marketplace.observability import JsonFormatter, mask_path

wsgi_app = "marketplace.wsgi:app"
bind = os.environ.get("BIND", "127.0.0.1:8000")
# The usual 2 × cores + 1: the matching and Argon2 work is CPU-bound, the rest waits on SQL.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Load the app (and fit the matching index, marketplace/wsgi.py) once in the master, so
# every worker starts with it, sharing its pages, instead of fitting its own copy.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # a stuck worker is replaced
graceful_timeout = 30  # on SIGTERM/SIGHUP workers finish what they serve
keepalive = 5  # behind nginx; its keepalive_timeout should be longer
# Recycle workers now and then (memory), spread so they do not all restart at once.
max_requests = 2000
max_requests_jitter = 200
# forwarded_allow_ips stays gunicorn's default (127.0.0.1, or FORWARDED_ALLOW_IPS): only
# a proxy on this machine may say the request came over https. Client addresses are
# ProxyFix's job in the app (TRUSTED_PROXIES).
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()


class JsonLogger(Logger):
    """Gunicorn's own lines and one access line per request, as JSON, tokens masked."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(JsonFormatter())

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not self.cfg.accesslog:
            return
        headers = {name.lower(): value for name, value in (resp.headers or [])}
        self.access_log.info("request", extra={
            "method": environ.get("REQUEST_METHOD"),
            # The path only: no query string, no signed-link or import token, no client IP.
            "path": mask_path(environ.get("PATH_INFO", "")),
            "status": int(str(resp.status).split()[0]),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "request_id": headers.get("x-request-id", ""),
        })


logger_class = JsonLogger


def on_starting(server: Any) -> None:
    """Refuse to start production without its shared settings (marketplace/production.py)."""
    from marketplace.config import config_from_environment
    from marketplace.production import require_production_settings

    require_production_settings(config_from_environment(os.environ.get(
        "KOPPELKANS_INSTANCE", "instance")))


def pre_fork(server: Any, worker: Any) -> None:
    # In the master: bring the matching index up to date (refit it when its texts
    # drifted) and freeze the heap, so the new worker shares it (marketplace/wsgi.py).
    from marketplace.wsgi import before_fork

    before_fork()


def post_fork(server: Any, worker: Any) -> None:
    # Connections opened in the master (while fitting the index) must not be shared.
    from marketplace.wsgi import app

    with app.app_context():
        from marketplace.extensions import db

        db.engine.dispose(close=False)
    logging.getLogger("gunicorn.error").info("worker %s started", worker.pid)
