"""The WSGI entry point for gunicorn: the app, with the matching index already fitted.

Gunicorn preloads this module in its master (gunicorn.conf.py, preload_app), so the
index is fitted once and every forked worker starts with it. Before each fork the
master brings the index up to date and freezes its heap (`before_fork`, gunicorn's
pre_fork hook), so a worker started or recycled later starts current too, and
shares the master's pages instead of copying them:

- the big arrays are numpy buffers (no Python object per value) that nobody writes:
  edits go to new, small arrays (`matching.Ranker.replace/add/remove`);
- `gc.freeze()` moves the master's objects out of the collector's reach, so a worker's
  collections do not write their headers (Python's docs: the copy-on-write that
  freeze avoids);
- workers apply the edits they see in place and never refit for drifted text
  statistics (RANKING_REFIT_ON_DRIFT = False): the master refits then, before a fork,
  and recycled workers (max_requests) pick that up.
"""

from __future__ import annotations

import gc
import logging

from flask import Flask

from marketplace import create_app
from matching.text import huge_pages_off

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


def before_fork() -> None:
    """gunicorn's pre_fork, in the master: the index up to date, then the heap frozen."""
    from marketplace.services.matching.index import refresh_before_fork

    refresh_before_fork(app)
    gc.freeze()


huge_pages_off()  # fits and refits without waiting for the kernel's page compaction
app = create_app()
warm_up(app)
app.config["RANKING_REFIT_ON_DRIFT"] = False  # the workers'; before_fork refits
