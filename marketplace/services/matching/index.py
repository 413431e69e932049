"""The fitted index of the published vacancies: one `matching.Ranker` per process.

Rows meet the engine once: `services.profiles.engine` turns them into spec profiles
and then `matching` dataclasses; here they are fitted and ranked.

**The index cache.** Published vacancies are converted and a `matching.Ranker` is
fitted once per process and kept in `app.extensions`. Every use first reads a cheap
*vacancies version* in one aggregate query: the number of published vacancies and the
latest `Vacancy.updated_at` over all vacancies. Any edit through the ORM bumps
`updated_at` (publishing, closing, a filled place, a changed schedule); deleting or
unpublishing a vacancy changes the count or the timestamp. When the version differs,
the index is refitted (under a lock, so parallel requests fit once); otherwise the
fitted ranker is reused. So edits made by other processes (web workers, imports) are
picked up on the next request, and a warm request costs one small query.

Per-request weights (`Ranker.score_row(weights=...)`, `rank(weights=...)`) and the
page's filters (placement type, maximum distance, passed as `rank(candidates=...)`)
work on the fitted arrays and never refit. Open-proposal counts are not part of the
index: they change with every proposal and are read per request for the rows shown.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt
from flask import Flask, current_app
from sqlalchemy import case, func, select
from sqlalchemy.orm import selectinload

import matching
from marketplace.domain.vocabulary import VacancyStatus
from marketplace.extensions import db
from marketplace.geo import make_geocoder
from marketplace.models import Vacancy
from marketplace.services.matching.weights import active_weights
from marketplace.services.profiles.rows import vacancy_profile

log = logging.getLogger(__name__)

_EXTENSION_KEY = "koppelkans_ranking"
_LOCK = threading.Lock()

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass
class VacancyIndex:
    """A fitted ranker and, per fitted position, what the pages need beside it."""

    stamp: tuple[int, datetime | None]
    ranker: matching.Ranker
    db_ids: npt.NDArray[np.int64]
    refs: tuple[str, ...]
    types: npt.NDArray[np.str_]
    lat: FloatArray
    lon: FloatArray
    remote: BoolArray
    id_rank: npt.NDArray[np.int64]
    fit_seconds: float
    position: dict[int, int] = field(default_factory=dict)  # Vacancy.id -> position
    ref_position: dict[str, int] = field(default_factory=dict)  # spec id -> position

    def __len__(self) -> int:
        return len(self.refs)


def vacancies_version() -> tuple[int, datetime | None]:
    """(published count, latest updated_at): one aggregate query."""
    published = func.sum(case((Vacancy.status == VacancyStatus.PUBLISHED, 1), else_=0))
    row = db.session.execute(select(published, func.max(Vacancy.updated_at))).one()
    return int(row[0] or 0), row[1]


def _convert(rows: Iterable[Vacancy]) -> tuple[list[matching.Vacancy], list[int]]:
    geocode = make_geocoder()
    converted: list[matching.Vacancy] = []
    ids: list[int] = []
    for row in rows:
        try:
            converted.append(matching.vacancy_from_dict(vacancy_profile(row), geocode=geocode))
        except (KeyError, ValueError, TypeError):
            # One broken row must not take the matches page down; it is logged and skipped.
            log.warning("vacancy %s cannot be matched; skipped", row.ref, exc_info=True)
            continue
        ids.append(row.id)
    return converted, ids


def _fit(stamp: tuple[int, datetime | None]) -> VacancyIndex:
    started = time.perf_counter()
    rows = db.session.scalars(
        select(Vacancy)
        .where(Vacancy.status == VacancyStatus.PUBLISHED)
        .options(selectinload(Vacancy.organisation))
        .order_by(Vacancy.id)
    ).all()
    vacancies, ids = _convert(rows)
    ranker = matching.Ranker(weights=active_weights()).fit(vacancies)
    nan = float("nan")
    refs = tuple(v.id for v in vacancies)
    order = sorted(range(len(refs)), key=lambda i: refs[i])
    id_rank = np.empty(len(refs), dtype=np.int64)
    id_rank[np.asarray(order, dtype=np.int64)] = np.arange(len(refs))
    index = VacancyIndex(
        stamp=stamp,
        ranker=ranker,
        db_ids=np.asarray(ids, dtype=np.int64),
        refs=refs,
        types=np.asarray([v.type for v in vacancies], dtype=np.str_),
        lat=np.asarray([v.location.lat if v.location else nan for v in vacancies]),
        lon=np.asarray([v.location.lon if v.location else nan for v in vacancies]),
        remote=np.asarray([v.remote for v in vacancies], dtype=np.bool_),
        id_rank=id_rank,
        fit_seconds=time.perf_counter() - started,
        position={vacancy_id: i for i, vacancy_id in enumerate(ids)},
        ref_position={ref: i for i, ref in enumerate(refs)},
    )
    log.info("ranking index fitted: %d vacancies in %.2f s", len(refs), index.fit_seconds)
    return index


def _state(app: Flask) -> dict[str, Any]:
    state: dict[str, Any] = app.extensions.setdefault(_EXTENSION_KEY, {})
    return state


def _refit_in_background(app: Flask) -> bool:
    return bool(app.config.get("RANKING_BACKGROUND_REFIT", not app.testing))


def _refit_later(app: Flask) -> None:
    """Fit a fresh index in a thread; requests keep the previous one until it is ready."""
    state = _state(app)
    with _LOCK:
        running = state.get("refitting")
        if running is not None and running.is_alive():
            return

        def work() -> None:
            with app.app_context():
                try:
                    state["index"] = _fit(vacancies_version())
                except Exception:  # the old index stays; the next request tries again
                    log.exception("refitting the ranking index failed")
                finally:
                    db.session.remove()

        thread = threading.Thread(target=work, name="ranking-refit", daemon=True)
        state["refitting"] = thread
        thread.start()


def vacancy_index() -> VacancyIndex:
    """The fitted index of the published vacancies, refitted when the version changed.

    The first fit blocks. Later refits run in the background in a served app (a 20k
    index takes seconds to fit), so a request right after an edit may still see the
    previous index; proposing always re-checks the vacancy row itself. Under TESTING
    (or RANKING_BACKGROUND_REFIT = False) every refit is synchronous.
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    state = _state(app)
    stamp = vacancies_version()
    index: VacancyIndex | None = state.get("index")
    # Newly learned weights (`flask matching learn`, rare) refit like a changed vacancy.
    if index is not None and index.stamp == stamp and index.ranker.weights == active_weights():
        return index
    if index is not None and _refit_in_background(app):
        _refit_later(app)
        return index
    with _LOCK:
        index = state.get("index")
        if index is None or index.stamp != stamp or index.ranker.weights != active_weights():
            index = _fit(stamp)
            state["index"] = index
    return index


def index_is_fitted(app: Flask) -> bool:
    """Whether this process holds a fitted index (what /readyz reports)."""
    return _state(app).get("index") is not None


def invalidate_index(app: Flask | None = None) -> None:
    """Drop the cached index of this process (the next request refits)."""
    _state(app or current_app).pop("index", None)


def ordered_positions(
    index: VacancyIndex, positions: npt.NDArray[np.int64], score: FloatArray
) -> Any:
    """Positions by score descending, ties by vacancy id ascending (the engine's order).

    Used by the cohort allocation, which orders score rows of the assignment solver."""
    return positions[np.lexsort((index.id_rank[positions], -score[positions]))]
