"""The fitted index of the published vacancies: one `matching.Ranker` per process.

Rows meet the engine once: `services.profiles.rows` turns them into spec profiles and
`matching` into its dataclasses; here they are fitted and ranked.

**Fitted once, then edited.** The published vacancies are loaded as plain rows (a
select of the needed columns, no ORM objects), converted and fitted once per process;
the index lives in `app.extensions`. Every use first reads a cheap *version*: the
number of published vacancies and their latest `updated_at`, one aggregate query. Drafts
and closed vacancies are not in it, so editing a draft costs nothing. When the version
moved, only the published rows changed since the last look (`updated_at` after the
moment it started, less `LOOKBACK`) are loaded and applied to a copy of the index,
which then replaces it: a changed vacancy is replaced in place (`Ranker.replace`:
status, places, schedule, hours, ...; a changed text re-indexes that vacancy only), a
new one added, and the ones unpublished since (closed, back to draft) removed; when the
count still differs (a deleted vacancy) the published ids are read. A request still
using the previous index is not disturbed.

*Missed commits.* `updated_at` is set when a transaction writes, not when it commits,
so a slow transaction can commit a time from before the last look. `LOOKBACK` re-reads
that many seconds before it each time (rows applied already are skipped unconverted),
and the rows are looked at every `RESYNC_SECONDS` even when the version did not move.
So a transaction that takes longer than LOOKBACK from write to commit, or an app
server whose clock is that far behind, can be missed until the next refit.

*Refits.* Newly learned weights (`active_weights()`, checked per request), a bulk
change (more than `BULK_SHARE` of the index, at least `BULK_MINIMUM` rows) and drifted
text statistics (`Ranker.needs_refit`: the fitted IDF is kept for
edited texts until that many changed) refit the whole index: in a background thread in
a served app (requests keep the edited index meanwhile), at once under TESTING or
RANKING_BACKGROUND_REFIT = False. Under gunicorn (`marketplace.wsgi`) the workers do
not refit for drift: the master brings its index up to date before it forks each worker
(`refresh_before_fork`), refitting there when drifted, so every new or recycled worker
starts from a current, shared index.

Per-request weights (`Ranker.score_row(weights=...)`, `rank(weights=...)`) and the
page's filters (placement type, maximum distance, passed as `rank(candidates=...)`)
work on the fitted arrays and never refit. Open-proposal counts are not part of the
index: they change with every proposal and are read per request for the rows shown.
"""

from __future__ import annotations

import copy
import logging
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import numpy as np
import numpy.typing as npt
from flask import Flask, current_app
from sqlalchemy import ColumnElement, Row, func, select

import matching
from marketplace.domain.records.vacancy import VACANCY
from marketplace.domain.vocabulary import VacancyStatus
from marketplace.extensions import db
from marketplace.geo import make_geocoder
from marketplace.models import Organisation, Vacancy
from marketplace.services.matching.weights import active_weights
from marketplace.services.profiles.rows import vacancy_profile
from matching.semantic import VectorCache

log = logging.getLogger(__name__)

_EXTENSION_KEY = "koppelkans_ranking"
_LOCK = threading.Lock()
_LOCK_CACHES = threading.Lock()
#: Re-read rows written this long before the last look began (commit order, clocks).
LOOKBACK = timedelta(seconds=10)
#: Look at the changed rows at least this often, even when the version did not move.
RESYNC_SECONDS = 30.0
#: More changed rows than this share of the index (and than BULK_MINIMUM): refit.
BULK_SHARE = 0.1
BULK_MINIMUM = 200

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
Version = tuple[int, datetime | None]
# Per fitted position, what the pages need beside the ranker.
_PAGE_ARRAYS = ("db_ids", "refs", "types", "lat", "lon", "remote")
_TYPE_DTYPE = np.dtype("U32")
_REF_DTYPE = np.dtype("U40")  # Vacancy.ref is a String(40)


@dataclass
class VacancyIndex:
    """A fitted ranker and, per fitted position, what the pages need beside it."""

    stamp: Version
    ranker: matching.Ranker
    db_ids: npt.NDArray[np.int64]
    refs: npt.NDArray[np.str_]
    types: npt.NDArray[np.str_]
    lat: FloatArray
    lon: FloatArray
    remote: BoolArray
    fit_seconds: float
    position: dict[int, int] = field(default_factory=dict)  # Vacancy.id -> position
    ref_position: dict[str, int] = field(default_factory=dict)  # spec id -> position
    seen: datetime | None = None  # when the last look at the rows began (this clock)
    # Rows already applied that the next look re-reads (within LOOKBACK of `seen`):
    # Vacancy.id -> updated_at. They are skipped unconverted, and not counted as changes.
    recent: dict[int, datetime] = field(default_factory=dict)
    checked: float = 0.0  # time.monotonic() of the last look at the rows
    edits: int = 0  # changed rows applied since the fit

    def __len__(self) -> int:
        return len(self.ranker.vacancies_)

    @cached_property
    def id_rank(self) -> npt.NDArray[np.int64]:
        """Each position's rank by spec id (the engine's tie order)."""
        order = np.argsort(self.refs, kind="stable")
        ranks = np.empty(len(order), dtype=np.int64)
        ranks[order] = np.arange(len(order))
        return ranks


def vacancies_version() -> Version:
    """(published count, their latest updated_at): one aggregate query."""
    row = db.session.execute(
        select(func.count(), func.max(Vacancy.updated_at))
        .where(Vacancy.status == VacancyStatus.PUBLISHED)
    ).one()
    return int(row[0] or 0), row[1]


# ------------------------------------------------------------------------ loading rows


def _row_columns() -> tuple[Any, ...]:
    """What the profile of a vacancy needs, as columns (plus identity and updated_at)."""
    fields = (getattr(Vacancy, spec.name) for spec in VACANCY.in_profile())
    return (Vacancy.id, Vacancy.ref, Vacancy.lat, Vacancy.lon, Vacancy.updated_at,
            Organisation.name.label("organisation_name"), *fields)


def _published_rows(*conditions: ColumnElement[bool]) -> Sequence[Row[Any]]:
    return db.session.execute(
        select(*_row_columns())
        .join(Organisation, Vacancy.organisation_id == Organisation.id)
        .where(Vacancy.status == VacancyStatus.PUBLISHED, *conditions)
        .order_by(Vacancy.id)
    ).all()


class _RowAsVacancy:
    """A selected row, read like a Vacancy by `vacancy_profile` (the one conversion)."""

    __slots__ = ("_row", "organisation")

    def __init__(self, row: Row[Any]) -> None:
        self._row = row
        self.organisation = SimpleNamespace(name=row.organisation_name)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._row, name)


def _convert(rows: Iterable[Row[Any]]) -> list[tuple[int, matching.Vacancy | None]]:
    """(Vacancy.id, engine vacancy) per row; None for a row that cannot be matched."""
    geocode = make_geocoder()
    converted: list[tuple[int, matching.Vacancy | None]] = []
    for row in rows:
        try:
            profile = vacancy_profile(cast(Vacancy, _RowAsVacancy(row)))
            converted.append((row.id, matching.vacancy_from_dict(profile, geocode=geocode)))
        except (KeyError, ValueError, TypeError):
            # One broken row must not take the matches page down; it is logged and skipped.
            log.warning("vacancy %s cannot be matched; skipped", row.ref, exc_info=True)
            converted.append((row.id, None))
    return converted


# ------------------------------------------------------------------------ fitting


def _page_values(db_id: int, vacancy: matching.Vacancy) -> tuple[Any, ...]:
    """One position's values of the `_PAGE_ARRAYS`, in their order."""
    location = vacancy.location
    nan = float("nan")
    return (db_id, vacancy.id, vacancy.type, location.lat if location else nan,
            location.lon if location else nan, vacancy.remote)


#: One vector cache per process and directory: its shards are read once, not per fit.
_VECTOR_CACHES: dict[str, VectorCache] = {}


def _vector_cache(app: Flask) -> VectorCache:
    """Where the semantic signal keeps its vacancy vectors: `<instance>/vectors`, so a
    refit or a restart embeds only new texts. Under TESTING in memory only: the tests
    share the repository's instance directory, which they must not write to."""
    directory = "" if app.testing else str(Path(app.instance_path) / "vectors")
    with _LOCK_CACHES:
        cache = _VECTOR_CACHES.get(directory)
        if cache is None:  # VectorCache creates the directory when it is missing
            cache = VectorCache(directory or None)
            _VECTOR_CACHES[directory] = cache
    return cache


def _build_ranker(vacancies: Sequence[matching.Vacancy]) -> matching.Ranker:
    """The one place the web app's ranker is made: the learned weights in use (None:
    the hand weights) and the process's vector cache."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    return matching.Ranker(weights=active_weights(), vectors=_vector_cache(app)).fit(vacancies)


def _fit(stamp: Version) -> VacancyIndex:
    started, seen = time.perf_counter(), datetime.now(UTC)
    rows = _published_rows()
    converted = [(i, v) for i, v in _convert(rows) if v is not None]
    vacancies = [v for _, v in converted]
    ranker = _build_ranker(vacancies)
    pages = [_page_values(i, v) for i, v in converted]
    index = VacancyIndex(
        stamp=stamp,
        ranker=ranker,
        db_ids=np.asarray([p[0] for p in pages], dtype=np.int64),
        refs=np.asarray([p[1] for p in pages], dtype=_REF_DTYPE),
        types=np.asarray([p[2] for p in pages], dtype=_TYPE_DTYPE),
        lat=np.asarray([p[3] for p in pages], dtype=np.float64),
        lon=np.asarray([p[4] for p in pages], dtype=np.float64),
        remote=np.asarray([p[5] for p in pages], dtype=np.bool_),
        fit_seconds=time.perf_counter() - started,
        seen=seen,
        recent=_recent(rows, seen),
        checked=time.monotonic(),
    )
    _index_positions(index)
    log.info("ranking index fitted: %d vacancies in %.2f s", len(index), index.fit_seconds)
    return index


def _recent(rows: Sequence[Row[Any]], seen: datetime) -> dict[int, datetime]:
    return {row.id: row.updated_at for row in rows if row.updated_at > seen - LOOKBACK}


def _index_positions(index: VacancyIndex) -> None:
    index.position = dict(zip(index.db_ids.tolist(), range(len(index.db_ids)), strict=True))
    index.ref_position = dict(zip(index.refs.tolist(), range(len(index.refs)), strict=True))


# ------------------------------------------------------------------------ edits


class _Edits:
    """Changed rows applied to a copy of an index; the index itself stays as it was."""

    def __init__(self, index: VacancyIndex) -> None:
        self.index = index
        self.ranker = copy.copy(index.ranker)
        self.arrays: dict[str, Any] = {name: getattr(index, name) for name in _PAGE_ARRAYS}
        self.position, self.ref_position = index.position, index.ref_position
        self.copied: set[str] = set()
        self.added = self.removed = False
        self.applied = 0

    def put(self, db_id: int, vacancy: matching.Vacancy) -> None:
        """The published row as it is now: replace the fitted one, or add it."""
        at = self.ref_position.get(vacancy.id)
        values = _page_values(db_id, vacancy)
        if at is None:
            self.ranker.add(vacancy)
            if not self.added:  # the previous index keeps its own dictionaries
                self.position, self.ref_position = dict(self.position), dict(self.ref_position)
            self.position[db_id] = self.ref_position[vacancy.id] = len(self.ref_position)
            for name, value in zip(_PAGE_ARRAYS, values, strict=True):
                self.arrays[name] = np.append(self.arrays[name], np.asarray(
                    [value], dtype=self.arrays[name].dtype))
            self.added = True
        elif self.ranker.vacancies_[at] != vacancy or int(self.arrays["db_ids"][at]) != db_id:
            self.ranker.replace(vacancy)
            for name, value in zip(_PAGE_ARRAYS, values, strict=True):
                self._writable(name)[at] = value
            if self.position.get(db_id) != at:  # the same ref on a new row
                self.position = {**self.position, db_id: at}
        else:
            return
        self.applied += 1

    def _writable(self, name: str) -> Any:
        if name not in self.copied:  # the previous index keeps its own arrays
            self.arrays[name] = self.arrays[name].copy()
            self.copied.add(name)
        return self.arrays[name]

    def remove(self, refs: Iterable[str]) -> None:
        positions = sorted((self.ref_position[ref] for ref in refs if ref in self.ref_position),
                           reverse=True)
        if not positions:
            return
        for position in positions:  # from the end, so earlier positions stay put
            self.ranker.remove(self.ranker.vacancies_[position].id)
        for name in _PAGE_ARRAYS:
            self.arrays[name] = np.delete(self.arrays[name], positions)
        self.removed = True
        self.applied += len(positions)

    def result(self, stamp: Version, seen: datetime,
               recent: dict[int, datetime]) -> VacancyIndex:
        index = replace(self.index, stamp=stamp, ranker=self.ranker, seen=seen, recent=recent,
                        checked=time.monotonic(), edits=self.index.edits + self.applied,
                        position=self.position, ref_position=self.ref_position,
                        **self.arrays)
        if self.removed:  # later positions moved up
            _index_positions(index)
        return index


def _refs_not_published(edits: _Edits) -> list[str]:
    """Fitted vacancies no longer published. Row and spec id both: either can come back
    for another vacancy (SQLite reuses a deleted last id; a ref is free once deleted)."""
    published = {(row[0], row[1]) for row in db.session.execute(
        select(Vacancy.id, Vacancy.ref).where(Vacancy.status == VacancyStatus.PUBLISHED))}
    fitted = zip(edits.arrays["db_ids"].tolist(), edits.arrays["refs"].tolist(), strict=True)
    return [ref for db_id, ref in fitted if (db_id, ref) not in published]


def _is_bulk(changed: int, index: VacancyIndex) -> bool:
    return changed > max(BULK_MINIMUM, BULK_SHARE * len(index))


def _unpublished_since(since: datetime) -> list[str]:
    """Refs of vacancies taken off since then (closed, back to draft or review)."""
    others = [status for status in VacancyStatus if status != VacancyStatus.PUBLISHED]
    return list(db.session.scalars(
        select(Vacancy.ref).where(Vacancy.status.in_(others), Vacancy.updated_at > since)))


def _brought_up_to_date(index: VacancyIndex, stamp: Version) -> VacancyIndex | None:
    """The index with the rows changed since its last look applied; None: refit instead."""
    seen = datetime.now(UTC)
    since = None if index.seen is None else index.seen - LOOKBACK
    rows = _published_rows(Vacancy.updated_at > since) if since is not None \
        else _published_rows()
    changed = [row for row in rows if index.recent.get(row.id) != row.updated_at]
    if _is_bulk(len(changed), index):
        return None
    edits = _Edits(index)
    unmatchable = []
    for db_id, vacancy in _convert(changed) if changed else []:
        if vacancy is None:
            unmatchable.append(db_id)
        else:
            edits.put(db_id, vacancy)
    gone = [str(index.refs[index.position[i]]) for i in unmatchable if i in index.position]
    # The count says whether some left. (A published row that cannot be matched is
    # counted but not indexed: then every look with changes reads the published ids.)
    if len(edits.ref_position) - len(gone) != stamp[0] and since is not None:
        gone += _unpublished_since(since)
    if len(edits.ref_position) - sum(ref in edits.ref_position for ref in set(gone)) \
            != stamp[0]:
        gone = _refs_not_published(edits)  # a deleted vacancy leaves no row behind
    edits.remove(set(gone))
    recent = _recent(rows, seen)
    if edits.applied == 0:  # nothing to change: the same index, looked at now
        index.stamp, index.seen, index.recent = stamp, seen, recent
        index.checked = time.monotonic()
        return index
    log.info("ranking index: %d changed vacancies applied", edits.applied)
    return edits.result(stamp, seen, recent)


# ------------------------------------------------------------------------ the process's index


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
                    fitted = _fit(vacancies_version())
                    with _LOCK:
                        state["index"] = fitted
                except Exception:  # the old index stays; the next request tries again
                    log.exception("refitting the ranking index failed")
                finally:
                    db.session.remove()

        thread = threading.Thread(target=work, name="ranking-refit", daemon=True)
        state["refitting"] = thread
        thread.start()


def _current(app: Flask, *, background: bool, refit_on_drift: bool) -> VacancyIndex:
    state = _state(app)
    index: VacancyIndex | None = state.get("index")
    stamp = vacancies_version()
    # Newly learned weights (`flask matching learn`, rare) refit like a bulk change.
    weights = active_weights()
    if index is not None and index.stamp == stamp and (
            time.monotonic() - index.checked < RESYNC_SECONDS) and not (
            refit_on_drift and index.ranker.needs_refit) and index.ranker.weights == weights:
        return index  # the usual request: two small queries
    refit_later = False
    with _LOCK:
        index = state.get("index")
        if index is None:
            index = _fit(stamp)  # the first fit blocks
        elif index.ranker.weights != weights:
            if background:
                refit_later = True
            else:
                index = _fit(stamp)
        else:
            updated = _brought_up_to_date(index, stamp)
            index = index if updated is None else updated
            if updated is None or (refit_on_drift and index.ranker.needs_refit):
                if background:
                    refit_later = True
                else:
                    index = _fit(stamp)
        state["index"] = index
    if refit_later:
        _refit_later(app)
    return index


def vacancy_index() -> VacancyIndex:
    """The index of the published vacancies, with the rows changed since applied.

    The first fit blocks. Later refits (a bulk change, drifted text statistics) run in
    the background in a served app, so a request meanwhile uses the edited index;
    under TESTING (or RANKING_BACKGROUND_REFIT = False) they are synchronous. With
    RANKING_REFIT_ON_DRIFT = False (gunicorn workers) drift does not refit here.
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    return _current(app, background=_refit_in_background(app),
                    refit_on_drift=bool(app.config.get("RANKING_REFIT_ON_DRIFT", True)))


def refresh_before_fork(app: Flask) -> None:
    """In a preloading server's master, before a worker forks: bring the index up to
    date, refitting when drifted, so the worker starts from it (shared, not refitted).

    Errors only log: the worker then fits or updates on its first request."""
    with app.app_context():
        try:
            _current(app, background=False, refit_on_drift=True)
        except Exception:
            log.exception("bringing the matching index up to date before a fork failed")
        finally:
            db.session.remove()
            db.engine.dispose()  # no connection of the master survives into the worker


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
