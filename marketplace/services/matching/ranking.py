"""Ranking and allocation with the `matching` engine, over one fitted index per process.

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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt
from flask import Flask, current_app
from sqlalchemy import case, func, select
from sqlalchemy.orm import selectinload

import matching
from marketplace.domain.vocabulary import N_, PlacementType, VacancyStatus
from marketplace.extensions import db
from marketplace.geo import make_geocoder
from marketplace.models import Participant, Vacancy
from marketplace.services.profiles.engine import explain_codes, to_engine_participant
from marketplace.services.profiles.rows import vacancy_profile
from matching.geo import haversine_km_many

log = logging.getLogger(__name__)

_EXTENSION_KEY = "koppelkans_ranking"
_LOCK = threading.Lock()

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

COMPONENT_LABELS = {
    "interest": N_("Interesse"),
    "distance": N_("Afstand"),
    "schedule": N_("Rooster"),
    "hours": N_("Uren"),
    "language": N_("Taal"),
    "route": N_("Leerroute en trede"),
}

# --------------------------------------------------------------------------- the index


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
    latest = row[1]
    if isinstance(latest, datetime) and latest.tzinfo is not None:
        latest = latest.replace(tzinfo=None)  # SQLite drops it; compare like with like
    return int(row[0] or 0), latest


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
    ranker = matching.Ranker().fit(vacancies)
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
    if index is not None and index.stamp == stamp:
        return index
    if index is not None and _refit_in_background(app):
        _refit_later(app)
        return index
    with _LOCK:
        index = state.get("index")
        if index is None or index.stamp != stamp:
            index = _fit(stamp)
            state["index"] = index
    return index


def index_is_fitted(app: Flask) -> bool:
    """Whether this process holds a fitted index (what /readyz reports)."""
    return _state(app).get("index") is not None


def invalidate_index(app: Flask | None = None) -> None:
    """Drop the cached index of this process (the next request refits)."""
    _state(app or current_app).pop("index", None)


# --------------------------------------------------------------------------- weights, filters


@dataclass(frozen=True)
class MatchFilters:
    placement_type: PlacementType | None = None
    max_km: float | None = None

    @property
    def active(self) -> bool:
        return self.placement_type is not None or self.max_km is not None


def default_weight_percentages() -> dict[str, int]:
    return {name: round(matching.DEFAULT_WEIGHTS[name] * 100) for name in matching.COMPONENTS}


def normalised_weights(percentages: Mapping[str, float] | None) -> dict[str, float] | None:
    """Slider values (any scale) as engine weights; None (the defaults) when unusable."""
    if not percentages:
        return None
    try:
        resolved = matching.resolve_weights(dict(percentages))
    except ValueError:
        return None
    return dict(zip(matching.COMPONENTS, resolved, strict=True))


def _filter_mask(index: VacancyIndex, filters: MatchFilters, km: FloatArray) -> BoolArray:
    mask = np.ones(len(index), dtype=np.bool_)
    if filters.placement_type is not None:
        mask &= index.types == filters.placement_type.value
    if filters.max_km is not None:
        # Unknown distances stay in: the engine reports them as a warning, not a miss.
        mask &= index.remote | np.isnan(km) | (km <= filters.max_km)
    return mask


def _distances(index: VacancyIndex, person: matching.Participant) -> FloatArray:
    """Distances to every indexed vacancy, for the distance filter (NaN: unknown)."""
    if person.location is None:
        return np.full(len(index), np.nan)
    return haversine_km_many(person.location.lat, person.location.lon, index.lat, index.lon)


def _ordered(index: VacancyIndex, positions: npt.NDArray[np.int64], score: FloatArray) -> Any:
    """Positions by score descending, ties by vacancy id ascending (the engine's order).

    Used by the cohort allocation, which orders score rows of the assignment solver."""
    return positions[np.lexsort((index.id_rank[positions], -score[positions]))]


# --------------------------------------------------------------------------- matches page


@dataclass(frozen=True)
class Component:
    name: str
    label: str
    value: float


@dataclass(frozen=True)
class RankedVacancy:
    vacancy_id: int
    ref: str
    title: str
    organisation: str
    type: str
    score: float
    components: tuple[Component, ...]
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]
    distance_km: float | None


@dataclass(frozen=True)
class ExcludedVacancy:
    vacancy_id: int
    ref: str
    title: str
    organisation: str
    type: str
    codes: tuple[str, ...]
    reasons: tuple[str, ...]
    distance_km: float | None


@dataclass(frozen=True)
class MatchResult:
    ranked: list[RankedVacancy]
    excluded: list[ExcludedVacancy]
    ranked_total: int  # feasible vacancies within the filters
    excluded_total: int  # excluded vacancies within the filters
    weights: dict[str, float]
    index_size: int


def _ranked_rows(index: VacancyIndex, ranking: matching.Ranking) -> list[RankedVacancy]:
    vacancies = index.ranker.vacancies_
    rows = []
    for match in ranking.ranked:
        at = index.ref_position[match.vacancy]
        vacancy = vacancies[at]
        rows.append(
            RankedVacancy(
                vacancy_id=int(index.db_ids[at]),
                ref=vacancy.id,
                title=vacancy.title,
                organisation=vacancy.organisation,
                type=vacancy.type,
                score=match.score,
                components=tuple(
                    Component(name, COMPONENT_LABELS[name], float(match.components.get(name, 0)))
                    for name in matching.COMPONENTS
                ),
                reasons=match.reasons,
                warnings=match.warnings,
                distance_km=match.distance_km,
            )
        )
    return rows


def _excluded_rows(
    index: VacancyIndex, ranking: matching.Ranking, chosen: Iterable[int]
) -> list[ExcludedVacancy]:
    # `ranking.excluded` is lazy: only the entries shown are built.
    rows = []
    for at in chosen:
        exclusion = ranking.excluded[at]
        position = index.ref_position[exclusion.vacancy]
        vacancy = index.ranker.vacancies_[position]
        failures = explain_codes(exclusion.details, exclusion.codes)
        rows.append(
            ExcludedVacancy(
                vacancy_id=int(index.db_ids[position]),
                ref=vacancy.id,
                title=vacancy.title,
                organisation=vacancy.organisation,
                type=vacancy.type,
                codes=exclusion.codes,
                reasons=tuple(f.explanation for f in failures),
                distance_km=exclusion.distance_km,
            )
        )
    return rows


def rank_for(
    participant: Participant,
    *,
    filters: MatchFilters = MatchFilters(),  # noqa: B008 - frozen, safe as a default
    weights: Mapping[str, float] | None = None,
    limit: int = 50,
    excluded_limit: int = 50,
) -> MatchResult:
    """The best `limit` vacancies for a participant within the filters, and the nearest
    `excluded_limit` excluded ones with their reasons.

    One evaluation: the filters become the engine's candidates, so its ranking and
    exclusions cover exactly the vacancies within the filters."""
    index = vacancy_index()
    person = to_engine_participant(participant)
    chosen_weights = normalised_weights(weights)
    in_filter = _filter_mask(index, filters, _distances(index, person))
    ranking = index.ranker.rank(
        person, limit=limit, weights=chosen_weights, candidates=in_filter
    )
    # Nearest first, unknown distances last, ties in fitted order (stable sort).
    distances = ranking.excluded_distances_km
    nearest = np.argsort(np.nan_to_num(distances, nan=np.inf), kind="stable")
    used = chosen_weights or dict(
        zip(matching.COMPONENTS, matching.resolve_weights(None), strict=True)
    )
    return MatchResult(
        ranked=_ranked_rows(index, ranking),
        excluded=_excluded_rows(index, ranking, (int(i) for i in nearest[:excluded_limit])),
        ranked_total=int(np.count_nonzero(in_filter)) - len(ranking.excluded),
        excluded_total=len(ranking.excluded),
        weights=used,
        index_size=len(index),
    )


# --------------------------------------------------------------------------- allocation


@dataclass(frozen=True)
class Choice:
    vacancy_id: int
    score: float


@dataclass(frozen=True)
class CohortRow:
    participant_id: int
    assigned: Choice | None
    first_choice: Choice | None
    options: tuple[Choice, ...]


@dataclass(frozen=True)
class CohortResult:
    rows: tuple[CohortRow, ...]
    total_score: float


def allocate_cohort(
    participants: Sequence[Participant],
    slots: Mapping[int, int],
    blocked: Iterable[tuple[int, int]] = (),
    *,
    options: int = 10,
) -> CohortResult:
    """Assign each participant to at most one vacancy with maximal total score.

    `slots` gives, per Vacancy.id, how many more proposals it may take (vacancies not
    in it take none); `blocked` are (participant id, vacancy id) pairs that may not be
    chosen (an open proposal exists). Uses the engine's exact assignment solver.
    """
    index = vacancy_index()
    columns = np.asarray(
        [index.position[v] for v, n in sorted(slots.items()) if n > 0 and v in index.position],
        dtype=np.int64,
    )
    capacity = np.asarray([slots[int(index.db_ids[c])] for c in columns], dtype=np.int64)
    column_of = {int(index.db_ids[c]): j for j, c in enumerate(columns)}
    people = [to_engine_participant(p) for p in participants]
    score_rows = [index.ranker.score_row(person) for person in people]
    full_score = np.array([r.score for r in score_rows]).reshape(len(people), len(index))
    full_feasible = np.array([r.feasible for r in score_rows]).reshape(len(people), len(index))
    score, feasible = full_score[:, columns], full_feasible[:, columns].copy()
    row_of = {p.id: i for i, p in enumerate(participants)}
    for participant_id, vacancy_id in blocked:
        if participant_id in row_of and vacancy_id in column_of:
            feasible[row_of[participant_id], column_of[vacancy_id]] = False
    pairs = dict(matching.solve_assignment(score, feasible, capacity))
    rows = []
    for i, participant in enumerate(participants):
        def choice(position: int, i: int = i) -> Choice:
            return Choice(int(index.db_ids[position]), float(full_score[i, position]))

        allowed = columns[feasible[i]]
        ordered = _ordered(index, allowed, full_score[i])
        own = _ordered(index, np.flatnonzero(full_feasible[i]), full_score[i])
        assigned = choice(int(columns[pairs[i]])) if i in pairs else None
        picks = [choice(int(p)) for p in ordered[:options]]
        if assigned is not None and assigned not in picks:
            picks.append(assigned)
        rows.append(
            CohortRow(
                participant_id=participant.id,
                assigned=assigned,
                first_choice=choice(int(own[0])) if len(own) else None,
                options=tuple(picks),
            )
        )
    total = sum((row.assigned.score for row in rows if row.assigned), 0.0)
    return CohortResult(tuple(rows), total)
