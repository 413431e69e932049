"""The WSGI entry point for gunicorn: the app, with the matching index already fitted.

Gunicorn preloads this module in its master (gunicorn.conf.py, preload_app), so the
index is fitted once and every forked worker starts with it.
"""

from __future__ import annotations

import logging

from flask import Flask

from marketplace import create_app

log = logging.getLogger(__name__)


def warm_up(application: Flask) -> None:
    """Fit the index now; a database without vacancies yet, or an error, only logs."""
    from marketplace.extensions import db
    from marketplace.services.matching.index import vacancy_index

    with application.app_context():
        try:
            vacancy_index()
        except Exception:  # /readyz stays 503 and the first request fits it instead
            log.exception("fitting the matching index at start failed")
        finally:
            db.session.remove()
            db.engine.dispose()  # no connection of the master survives into the workers


app = create_app()
warm_up(app)
