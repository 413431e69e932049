"""The matches page's rows: one participant ranked over the fitted index, within the
page's filters and the coach's weights, with the nearest excluded vacancies and why."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

import matching
from marketplace.domain.vocabulary import N_, PlacementType
from marketplace.models import Participant
from marketplace.services.matching.index import BoolArray, FloatArray, VacancyIndex, vacancy_index
from marketplace.services.matching.weights import weights_in_use
from marketplace.services.profiles.engine import explain_codes, to_engine_participant
from matching.geo import haversine_km_many

COMPONENT_LABELS = {
    "interest": N_("Interesse"),
    "distance": N_("Afstand"),
    "schedule": N_("Rooster"),
    "hours": N_("Uren"),
    "language": N_("Taal"),
    "route": N_("Leerroute en trede"),
}

# --------------------------------------------------------------------------- weights, filters


@dataclass(frozen=True)
class MatchFilters:
    placement_type: PlacementType | None = None
    max_km: float | None = None

    @property
    def active(self) -> bool:
        return self.placement_type is not None or self.max_km is not None


def default_weight_percentages() -> dict[str, int]:
    """The sliders' starting values: the weights in use (learned, or else the hand ones)."""
    in_use = weights_in_use().weights
    return {name: round(in_use[name] * 100) for name in matching.COMPONENTS}


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
    used = chosen_weights or dict(zip(matching.COMPONENTS, index.ranker.weights_, strict=True))
    return MatchResult(
        ranked=_ranked_rows(index, ranking),
        excluded=_excluded_rows(index, ranking, (int(i) for i in nearest[:excluded_limit])),
        ranked_total=int(np.count_nonzero(in_filter)) - len(ranking.excluded),
        excluded_total=len(ranking.excluded),
        weights=used,
        index_size=len(index),
    )
