"""The :class:`Ranker` estimator and its fast, vectorised engine.

``fit`` turns the vacancies into column arrays (daypart bitmasks, CEFR minima,
coordinates, ...) and a :class:`~matching.text.TextIndex` once; ``rank`` then
evaluates every hard constraint and component for one participant with a
handful of numpy operations over all vacancies, sorts the feasible ones and
builds :class:`~matching.types.Match` objects only for those returned.
Exclusions are decoded lazily from a bitmask per vacancy.

The arithmetic mirrors :mod:`matching.scoring` operation for operation so that
``engine="fast"`` and ``engine="reference"`` agree (tested with hypothesis).
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matching.constraints import CODES, decode, exclusion, pair_distance_km
from matching.geo import haversine_km_many
from matching.reference import rank_reference
from matching.scoring import (
    COMPONENTS,
    DEFAULT_REACH_KM,
    NEUTRAL,
    PairFacts,
    Weights,
    build_match,
    resolve_weights,
)
from matching.text import EditableTextIndex, TextIndex, best_tag_match, vacancy_document
from matching.types import (
    DAYPARTS,
    Exclusion,
    ExclusionList,
    Match,
    Participant,
    Ranking,
    Vacancy,
)

__all__ = ["ENGINES", "Ranker", "ScoreRow"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]

#: Engine names accepted by :class:`Ranker`.
ENGINES: tuple[str, ...] = ("fast", "reference")
_ALL_DAYPARTS = (1 << len(DAYPARTS)) - 1
_BIT = {code: np.uint16(1 << index) for index, code in enumerate(CODES)}
_B1 = 3


@dataclass(frozen=True, slots=True)
class ScoreRow:
    """Scores of one participant against every fitted vacancy (for allocation).

    ``score`` is meaningful only where ``feasible`` is true.
    """

    score: FloatArray
    feasible: BoolArray


def _flags(vacancies: Sequence[Vacancy], get: Callable[[Vacancy], object]) -> BoolArray:
    return np.fromiter((bool(get(v)) for v in vacancies), dtype=np.bool_, count=len(vacancies))


def _floats(vacancies: Sequence[Vacancy], get: Callable[[Vacancy], float]) -> FloatArray:
    return np.fromiter((get(v) for v in vacancies), dtype=np.float64, count=len(vacancies))


def _ints(vacancies: Sequence[Vacancy], get: Callable[[Vacancy], int]) -> IntArray:
    return np.fromiter((get(v) for v in vacancies), dtype=np.int64, count=len(vacancies))


class _Columns:
    """The vacancies as column arrays, one entry per vacancy in fitted order."""

    def __init__(self, vacancies: Sequence[Vacancy]) -> None:
        nan = float("nan")
        self.static_codes = (
            _flags(vacancies, lambda v: v.status != "published") * _BIT["closed"]
            | _flags(vacancies, lambda v: v.filled >= v.capacity) * _BIT["capacity"]
        ).astype(np.uint16)
        minima = np.array([v.language_min for v in vacancies], dtype=np.int8)
        # One contiguous row per skill: four 1-d comparisons beat an any() over axis 1.
        self.language_min = np.ascontiguousarray(minima.reshape(len(vacancies), 4).T)
        self.literacy = _flags(vacancies, lambda v: v.literacy_required)
        masks = _ints(vacancies, lambda v: v.schedule_mask)
        self.schedule: npt.NDArray[np.uint32] = masks.astype(np.uint32)
        self.needed = _ints(vacancies, lambda v: v.needed)
        self.wanted = _ints(vacancies, lambda v: len(v.schedule))
        self.arranged = _flags(vacancies, lambda v: v.childcare_arranged)
        self.lat = _floats(vacancies, lambda v: v.location.lat if v.location else nan)
        self.lon = _floats(vacancies, lambda v: v.location.lon if v.location else nan)
        self.remote = _flags(vacancies, lambda v: v.remote)
        self.hours_min = _floats(vacancies, lambda v: v.hours.min if v.hours else nan)
        self.hours_max = _floats(vacancies, lambda v: v.hours.max if v.hours else nan)
        self.women_only = _flags(vacancies, lambda v: v.women_only)
        self.load = _ints(vacancies, lambda v: v.physical_load)
        self.taalstage = _flags(vacancies, lambda v: v.type == "taalstage")
        self.low_type = _flags(vacancies, lambda v: v.type != "werkervaringsplaats")
        self.rich = _flags(vacancies, lambda v: v.language_rich)
        self.support = _flags(vacancies, lambda v: v.language_support)
        order = sorted(range(len(vacancies)), key=lambda i: vacancies[i].id)
        self.id_rank = np.empty(len(vacancies), dtype=np.int64)
        self.id_rank[np.asarray(order, dtype=np.int64)] = np.arange(len(vacancies))

    def take(self, rows: IntArray) -> _Columns:
        """The columns of a subset of the vacancies (the last axis of each array)."""
        part = object.__new__(_Columns)
        for name, values in vars(self).items():
            setattr(part, name, values[..., rows])
        return part


@dataclass(frozen=True, slots=True)
class _Evaluation:
    """Everything the fast engine computes for one participant.

    ``codes`` and ``km`` cover every vacancy; the other arrays cover the feasible
    candidates only, in the order of ``feasible`` (their positions in the index).
    """

    codes: npt.NDArray[np.uint16]
    km: FloatArray
    feasible: IntArray
    score: FloatArray
    components: tuple[FloatArray, ...]
    text: FloatArray


# --------------------------------------------------------------------------- constraints


def _schedule_codes(c: _Columns, p: Participant) -> npt.NDArray[np.uint16]:
    free = p.free_mask
    usable = free & ~p.care_mask & _ALL_DAYPARTS
    fits_free = np.bitwise_count(c.schedule & np.uint32(free)) >= c.needed
    fits_care = np.bitwise_count(c.schedule & np.uint32(usable)) >= c.needed
    childcare = fits_free & ~fits_care & ~c.arranged
    result: npt.NDArray[np.uint16] = (
        ~fits_free * _BIT["schedule"] | childcare * _BIT["childcare"]
    ).astype(np.uint16)
    return result


def _distances(c: _Columns, p: Participant) -> FloatArray:
    if p.location is None:
        return np.full(len(c.remote), np.nan)
    return haversine_km_many(p.location.lat, p.location.lon, c.lat, c.lon)


def _language_fails(c: _Columns, p: Participant) -> BoolArray:
    fails = np.zeros(c.language_min.shape[1], dtype=np.bool_)
    for skill, level in enumerate(p.nl_levels):
        fails |= c.language_min[skill] > level
    return fails


def _other_codes(c: _Columns, p: Participant, km: FloatArray) -> npt.NDArray[np.uint16]:
    codes = (
        _language_fails(c, p) * _BIT["language"]
        | (c.literacy & (not p.literate_latin)) * _BIT["literacy"]
        | (c.load > p.max_physical_load) * _BIT["physical_load"]
    )
    if p.max_travel_km is not None:
        # NaN (unknown location) compares false: unknown never excludes.
        codes |= (~c.remote & (km > p.max_travel_km)) * _BIT["distance"]
    if p.hours is not None:
        clash = (p.hours.max < c.hours_min) | (p.hours.min > c.hours_max)
        codes |= clash * _BIT["hours"]
    women = c.women_only if p.gender != "f" else np.zeros_like(c.women_only)
    if p.women_only:
        women = women | ~c.women_only
    codes |= women * _BIT["women_only"]
    result: npt.NDArray[np.uint16] = codes.astype(np.uint16)
    return result


# --------------------------------------------------------------------------- components


def _distance_values(c: _Columns, p: Participant, km: FloatArray) -> FloatArray:
    reach = DEFAULT_REACH_KM if p.max_travel_km is None else p.max_travel_km
    closeness = np.where(np.isnan(km), NEUTRAL, reach / (reach + km))
    result: FloatArray = np.where(c.remote, 1.0, closeness)
    return result


def _schedule_values(c: _Columns, p: Participant) -> FloatArray:
    usable = np.where(
        c.arranged, np.uint32(p.free_mask), np.uint32(p.free_mask & ~p.care_mask & _ALL_DAYPARTS)
    )
    count = np.bitwise_count(c.schedule & usable).astype(np.float64)
    share: FloatArray = np.divide(count, c.wanted, out=np.ones(len(count)), where=c.wanted > 0)
    return share


def _hours_values(c: _Columns, p: Participant) -> FloatArray:
    if p.hours is None:
        return np.full(len(c.hours_min), NEUTRAL)
    overlap = np.minimum(p.hours.max, c.hours_max) - np.maximum(p.hours.min, c.hours_min)
    narrower = np.minimum(p.hours.max - p.hours.min, c.hours_max - c.hours_min)
    ratio = np.divide(overlap, narrower, out=np.zeros(len(overlap)), where=narrower != 0.0)
    ratio = np.minimum(1.0, np.maximum(0.0, ratio))
    point = np.where(overlap >= 0.0, 1.0, 0.0)
    result: FloatArray = np.where(
        np.isnan(c.hours_min), NEUTRAL, np.where(narrower == 0.0, point, ratio)
    )
    return result


def _language_values(c: _Columns, p: Participant) -> FloatArray:
    if p.nl_levels[0] < _B1:
        helps = c.rich.astype(np.int64) + c.support + c.taalstage
        low: FloatArray = (0.25 + 0.25 * helps).astype(np.float64)
        return low
    high: FloatArray = np.where(c.taalstage, 0.5, 1.0)
    return high


def _route_values(c: _Columns, p: Participant) -> FloatArray:
    signals = []
    if p.route in ("Z", "B1"):
        signals.append(p.route == "B1")
    if p.ladder_step is not None:
        signals.append(p.ladder_step >= 3)
    if not signals:
        return np.full(len(c.low_type), NEUTRAL)
    hits = sum((c.low_type != high).astype(np.float64) for high in signals)
    result: FloatArray = np.asarray(hits, dtype=np.float64) / len(signals)
    return result


def _known(km: np.float64) -> float | None:
    """A vectorised distance as reported on results: None when unknown (NaN)."""
    return None if np.isnan(km) else float(km)


def _top(order_score: FloatArray, id_rank: IntArray, limit: int | None) -> IntArray:
    """Positions sorted by score descending then id ascending, cut to ``limit``."""
    if limit is not None and limit < len(order_score):
        if limit <= 0:
            return np.zeros(0, dtype=np.int64)
        # Partition first: only candidates at or above the limit-th score are sorted.
        threshold = np.partition(-order_score, limit - 1)[limit - 1]
        candidates = np.flatnonzero(-order_score <= threshold)
    else:
        candidates = np.arange(len(order_score))
    chosen = candidates[np.lexsort((id_rank[candidates], -order_score[candidates]))]
    result: IntArray = chosen[:limit]
    return result


class Ranker:
    """Rank vacancies for participants: fit once on the vacancies, rank many times.

    Parameters
    ----------
    weights : mapping of str to float, optional
        Overrides of :data:`matching.scoring.DEFAULT_WEIGHTS` by component name;
        normalised to sum 1.
    engine : {"fast", "reference"}, default "fast"
        ``fast`` is vectorised; ``reference`` is the per-pair specification.
        Both give the same output.

    Attributes
    ----------
    vacancies_ : tuple of Vacancy
        The fitted vacancies, in order.
    text_index_ : TextIndex
        TF-IDF and tag index over the vacancies.
    tfidf_ : sklearn.feature_extraction.text.TfidfVectorizer
        The fitted vectoriser (``text_index_.vectorizer_``).
    weights_ : tuple of float
        Normalised weights in :data:`matching.scoring.COMPONENTS` order.

    Examples
    --------
    >>> vs = [Vacancy("v-1", "taalstage", "Kok", ("mon_morning",), 2, status="published"),
    ...       Vacancy("v-2", "taalstage", "Kok", ("tue_morning",), 2, status="published")]
    >>> ranker = Ranker().fit(vs)
    >>> ranking = ranker.rank(Participant("p-1", frozenset({"mon_morning"})))
    >>> [m.vacancy for m in ranking.ranked], [e.codes for e in ranking.excluded]
    (['v-1'], [('schedule',)])
    """

    def __init__(
        self, weights: Mapping[str, float] | None = None, engine: str = "fast"
    ) -> None:
        self.weights = weights
        self.engine = engine

    def fit(self, vacancies: Iterable[Vacancy]) -> Ranker:
        """Index the vacancies; return self.

        Raises
        ------
        ValueError
            On an unknown engine, bad weights or duplicate vacancy ids.
        """
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, got {self.engine!r}")
        self.weights_ = resolve_weights(self.weights)
        self.vacancies_ = tuple(vacancies)
        ids = [v.id for v in self.vacancies_]
        if len(set(ids)) != len(ids):
            raise ValueError("vacancy ids must be unique")
        self.text_index_ = TextIndex().fit(self.vacancies_)
        self.tfidf_ = self.text_index_.vectorizer_
        self.columns_ = _Columns(self.vacancies_)
        return self

    def with_weights(self, weights: Mapping[str, float] | None) -> Ranker:
        """Return a ranker sharing this one's fitted index but with other weights.

        Cheap: nothing is refitted.

        Examples
        --------
        >>> vs = [Vacancy("v-1", "taalstage", "Kok", (), 1, status="published")]
        >>> Ranker().fit(vs).with_weights({"interest": 0}).weights_[0]
        0.0
        """
        self._check_fitted()
        clone = copy.copy(self)
        clone.weights = weights
        clone.weights_ = resolve_weights(weights)
        return clone

    def _check_fitted(self) -> None:
        if not hasattr(self, "columns_"):
            raise RuntimeError("this Ranker is not fitted yet; call fit(vacancies) first")

    def _weights_for(self, weights: Mapping[str, float] | None) -> Weights:
        if weights is None:
            return self.weights_
        return resolve_weights({**(self.weights or {}), **weights})

    def rank(
        self,
        participant: Participant,
        *,
        limit: int | None = None,
        weights: Mapping[str, float] | None = None,
        candidates: npt.ArrayLike | None = None,
    ) -> Ranking:
        """Rank the fitted vacancies for one participant.

        Parameters
        ----------
        participant : Participant
        limit : int, optional
            Return only the best ``limit`` ranked matches (exclusions are all kept).
        weights : mapping, optional
            Per-call overrides on top of the ranker's weights.
        candidates : array_like of bool or of int, optional
            The vacancies to consider: a boolean mask of ``len(vacancies_)`` or a
            sequence of fitted positions (order and repeats do not matter). Only
            candidates are ranked or listed as excluded, and ``limit`` picks the
            best candidates; scores do not depend on the other vacancies. Default:
            every fitted vacancy.

        Returns
        -------
        Ranking
            ``ranked`` by score descending, ties by vacancy id; ``excluded`` with
            every failing code per vacancy, in fitted order. Every match and
            exclusion carries ``distance_km`` (None when a location is unknown).

        Raises
        ------
        ValueError
            When a mask has the wrong length or a position is out of range.
        TypeError
            When ``candidates`` holds neither booleans nor integers.

        Examples
        --------
        >>> vs = [Vacancy("v-1", "taalstage", "Kok", (), 1, status="published", remote=True)]
        >>> Ranker().fit(vs).rank(Participant("p-1", frozenset()), limit=5).ranked[0].vacancy
        'v-1'

        Restrict the ranking to some vacancies, by mask or by position:

        >>> from matching.types import Location
        >>> vs = [Vacancy(f"v-{i}", "taalstage", "Kok", (), 1, status="published",
        ...               location=Location(51.84 + i / 100, 5.86)) for i in range(4)]
        >>> ranker = Ranker().fit(vs)
        >>> person = Participant("p-1", frozenset(), location=Location(51.84, 5.86),
        ...                      max_travel_km=2.5)
        >>> ranking = ranker.rank(person, candidates=[True, True, False, True])
        >>> [(m.vacancy, round(m.distance_km, 1)) for m in ranking.ranked]
        [('v-0', 0.0), ('v-1', 1.1)]
        >>> [(e.vacancy, e.codes, round(e.distance_km, 1)) for e in ranking.excluded]
        [('v-3', ('distance',), 3.3)]
        >>> [m.vacancy for m in ranker.rank(person, candidates=[2, 1], limit=1).ranked]
        ['v-1']
        """
        self._check_fitted()
        chosen = self._weights_for(weights)
        mask = self._candidate_mask(candidates)
        if self.engine == "reference":
            return rank_reference(
                participant,
                self.vacancies_,
                self.text_index_,
                chosen,
                limit=limit,
                candidates=None if mask is None else mask.tolist(),
            )
        return self._rank_fast(participant, chosen, limit, mask)

    def _candidate_mask(self, candidates: npt.ArrayLike | None) -> BoolArray | None:
        """``candidates`` as a boolean mask over the fitted vacancies (None: all)."""
        if candidates is None:
            return None
        n = len(self.vacancies_)
        given = np.asarray(candidates)
        if given.ndim != 1:
            raise ValueError("candidates must be one-dimensional")
        if given.dtype == np.bool_:
            if len(given) != n:
                raise ValueError(
                    f"a candidates mask must have one entry per fitted vacancy ({n}), "
                    f"got {len(given)}"
                )
            return given
        mask = np.zeros(n, dtype=np.bool_)
        if given.size == 0:
            return mask
        if not np.issubdtype(given.dtype, np.integer):
            raise TypeError(
                f"candidates must be a boolean mask or fitted positions, got {given.dtype}"
            )
        if given.min() < 0 or given.max() >= n:
            raise ValueError(f"candidate positions must lie in [0, {n})")
        mask[given] = True
        return mask

    def rank_many(
        self,
        participants: Iterable[Participant],
        *,
        limit: int | None = None,
        weights: Mapping[str, float] | None = None,
        candidates: npt.ArrayLike | None = None,
    ) -> tuple[Ranking, ...]:
        """Rank several participants against the same fitted index, in order.

        The keyword arguments apply to every participant, as in :meth:`rank`.

        Examples
        --------
        >>> vs = [Vacancy("v-1", "taalstage", "Kok", (), 1, status="published")]
        >>> len(Ranker().fit(vs).rank_many([Participant("a", frozenset())] * 2))
        2
        """
        return tuple(
            self.rank(p, limit=limit, weights=weights, candidates=candidates)
            for p in participants
        )

    def score_row(
        self, participant: Participant, *, weights: Mapping[str, float] | None = None
    ) -> ScoreRow:
        """Score and feasibility of one participant against every fitted vacancy.

        Examples
        --------
        >>> vs = [Vacancy("v-1", "taalstage", "Kok", (), 1, status="closed")]
        >>> Ranker().fit(vs).score_row(Participant("p", frozenset())).feasible.tolist()
        [False]
        """
        self._check_fitted()
        chosen = self._weights_for(weights)
        if self.engine == "reference":
            ranking = rank_reference(participant, self.vacancies_, self.text_index_, chosen)
            return self._row_from_ranking(ranking)
        evaluation = self._evaluate(participant, chosen)
        score = np.zeros(len(self.vacancies_))
        score[evaluation.feasible] = evaluation.score
        return ScoreRow(score, evaluation.codes == 0)

    def _row_from_ranking(self, ranking: Ranking) -> ScoreRow:
        position = {v.id: i for i, v in enumerate(self.vacancies_)}
        score = np.zeros(len(self.vacancies_))
        feasible = np.zeros(len(self.vacancies_), dtype=np.bool_)
        for match in ranking.ranked:
            score[position[match.vacancy]] = match.score
            feasible[position[match.vacancy]] = True
        return ScoreRow(score, feasible)

    # ----------------------------------------------------------------------- fast engine

    def _evaluate(
        self, p: Participant, weights: Weights, mask: BoolArray | None = None
    ) -> _Evaluation:
        c = self.columns_
        km = _distances(c, p)
        # The codes are cheap for every vacancy; only feasible candidates are scored.
        codes = c.static_codes | _schedule_codes(c, p) | _other_codes(c, p, km)
        fits = codes == 0
        feasible = np.flatnonzero(fits if mask is None else fits & mask)
        text = self.text_index_.similarity_all(self.text_index_.query(p), feasible)
        components = self._components(p, feasible, km[feasible], text)
        score = np.zeros(len(feasible))
        for weight, values in zip(weights, components, strict=True):
            score = score + weight * values
        score = np.minimum(score, 1.0)
        return _Evaluation(codes, km, feasible, score, components, text)

    def _components(
        self, p: Participant, feasible: IntArray, km: FloatArray, text: FloatArray
    ) -> tuple[FloatArray, ...]:
        # Only feasible vacancies get scored; usually a small part of the index.
        c = self.columns_.take(feasible)
        if not p.interests and not p.experience.strip():
            interest = np.full(len(km), NEUTRAL)
        else:
            tags = self.text_index_.tag_match_all(p.interests)[feasible]
            interest = np.maximum(tags, text)
        return (
            interest,
            _distance_values(c, p, km),
            _schedule_values(c, p),
            _hours_values(c, p),
            _language_values(c, p),
            _route_values(c, p),
        )

    def _rank_fast(
        self, p: Participant, weights: Weights, limit: int | None, mask: BoolArray | None
    ) -> Ranking:
        evaluation = self._evaluate(p, weights, mask)
        top = _top(evaluation.score, self.columns_.id_rank[evaluation.feasible], limit)
        ranked = tuple(self._match(p, evaluation, int(i)) for i in top)
        return Ranking(p.id, ranked, self._exclusions(p, evaluation, mask))

    def _match(self, p: Participant, evaluation: _Evaluation, at: int) -> Match:
        position = int(evaluation.feasible[at])
        vacancy = self.vacancies_[position]
        facts = PairFacts(
            participant=p,
            vacancy=vacancy,
            tag=best_tag_match(p.interests, vacancy.tags),
            text=float(evaluation.text[at]),
            # The per-pair distance keeps reasons word-for-word equal to the reference.
            km=pair_distance_km(p, vacancy),
        )
        values = [float(component[at]) for component in evaluation.components]
        assert len(values) == len(COMPONENTS)
        return build_match(
            facts,
            values,
            float(evaluation.score[at]),
            distance_km=_known(evaluation.km[position]),
        )

    def _exclusions(
        self, p: Participant, evaluation: _Evaluation, mask: BoolArray | None
    ) -> ExclusionList:
        codes = evaluation.codes
        positions = np.flatnonzero(codes if mask is None else (codes != 0) & mask)
        masks = codes[positions]
        km = evaluation.km[positions]
        vacancies = self.vacancies_

        def build(index: int) -> Exclusion:
            vacancy = vacancies[int(positions[index])]
            found = decode(int(masks[index]))
            # Explained with the per-pair distance, word for word as the reference;
            # reported with the vectorised one the constraint was decided on.
            return exclusion(
                p, vacancy, found, pair_distance_km(p, vacancy), reported_km=_known(km[index])
            )

        return ExclusionList(len(positions), build, km)

    # ----------------------------------------------------------------------- edits
    # Edits without a refit, for a long-lived index (the web app's). After any sequence
    # of them, rankings equal those of a fresh fit over the same vacancies, except that
    # a changed or added text is vectorised with the fitted vocabulary and IDF until the
    # next fit (the drift rule: matching.text.EditableTextIndex, `needs_refit`).

    def replace(self, vacancy: Vacancy) -> Ranker:
        """Put ``vacancy`` in the place of the fitted vacancy with its id; return self.

        Its columns (status, places, schedule, hours, ...) are written in place; a
        changed text or tags re-index this vacancy only.

        Raises
        ------
        KeyError
            When no fitted vacancy has this id.

        Examples
        --------
        >>> vs = [Vacancy("v-1", "taalstage", "Kok", ("mon_morning",), 1, status="published")]
        >>> ranker = Ranker().fit(vs)
        >>> closed = Vacancy("v-1", "taalstage", "Kok", ("mon_morning",), 1, status="closed")
        >>> ranker.replace(closed).rank(Participant("p", frozenset({"mon_morning"}))).ranked
        ()
        """
        self._check_fitted()
        position = self._position_of(vacancy.id)
        old = self.vacancies_[position]
        if old == vacancy:
            return self
        by_id = self._positions_by_id()
        self.vacancies_ = (*self.vacancies_[:position], vacancy, *self.vacancies_[position + 1:])
        self._positions = (self.vacancies_, by_id)  # the same ids at the same positions
        for name, values in vars(_Columns([vacancy])).items():
            if name != "id_rank":
                getattr(self.columns_, name)[..., position] = values[..., 0]
        if old.tags != vacancy.tags or vacancy_document(old) != vacancy_document(vacancy):
            self.text_index_ = EditableTextIndex.of(self.text_index_).replaced(position, vacancy)
        return self

    def add(self, vacancy: Vacancy) -> Ranker:
        """Fit ``vacancy`` as one more, last, position; return self.

        Raises
        ------
        ValueError
            When a fitted vacancy has this id already.

        Examples
        --------
        >>> ranker = Ranker().fit([Vacancy("v-2", "taalstage", "Kok", (), 1, status="published")])
        >>> ranker.add(Vacancy("v-1", "taalstage", "Kok", (), 1, status="published"))
        ... # doctest: +ELLIPSIS
        <matching.ranker.Ranker object at ...>
        >>> [m.vacancy for m in ranker.rank(Participant("p", frozenset())).ranked]
        ['v-1', 'v-2']
        """
        self._check_fitted()
        if vacancy.id in self._positions_by_id():
            raise ValueError(f"vacancy {vacancy.id!r} is fitted already; replace it instead")
        rank = self._id_rank_of_new(vacancy.id)
        row = vars(_Columns([vacancy]))
        columns = object.__new__(_Columns)
        for name, values in vars(self.columns_).items():
            if name == "id_rank":
                values = np.append(values + (values >= rank), rank)
            else:
                values = np.concatenate([values, row[name]], axis=-1)
            setattr(columns, name, values)
        positions = {**self._positions_by_id(), vacancy.id: len(self.vacancies_)}
        self.columns_ = columns
        self.text_index_ = EditableTextIndex.of(self.text_index_).appended(vacancy)
        self.vacancies_ = (*self.vacancies_, vacancy)
        self._positions = (self.vacancies_, positions)
        return self

    def remove(self, vacancy_id: str) -> Ranker:
        """Forget the fitted vacancy with this id; later positions move up by one.

        Raises
        ------
        KeyError
            When no fitted vacancy has this id.

        Examples
        --------
        >>> vs = [Vacancy(f"v-{i}", "taalstage", "Kok", (), 1, status="published")
        ...       for i in range(3)]
        >>> [v.id for v in Ranker().fit(vs).remove("v-1").vacancies_]
        ['v-0', 'v-2']
        """
        self._check_fitted()
        position = self._position_of(vacancy_id)
        rank = self.columns_.id_rank[position]
        columns = object.__new__(_Columns)
        for name, values in vars(self.columns_).items():
            setattr(columns, name, np.delete(values, position, axis=-1))
        columns.id_rank -= columns.id_rank > rank
        self.columns_ = columns
        self.text_index_ = EditableTextIndex.of(self.text_index_).without(position)
        self.vacancies_ = self.vacancies_[:position] + self.vacancies_[position + 1:]
        return self

    @property
    def needs_refit(self) -> bool:
        """Whether edits changed so many texts that the fitted IDF is stale (refit then).

        Examples
        --------
        >>> Ranker().fit([]).needs_refit
        False
        """
        index = getattr(self, "text_index_", None)
        return isinstance(index, EditableTextIndex) and index.drifted

    _positions: tuple[tuple[Vacancy, ...], dict[str, int]] | None = None

    def _positions_by_id(self) -> dict[str, int]:
        """Vacancy id -> fitted position, kept while ``vacancies_`` is the same tuple."""
        if self._positions is None or self._positions[0] is not self.vacancies_:
            self._positions = (
                self.vacancies_, {v.id: i for i, v in enumerate(self.vacancies_)})
        return self._positions[1]

    def _position_of(self, vacancy_id: str) -> int:
        position = self._positions_by_id().get(vacancy_id)
        if position is None:
            raise KeyError(f"no fitted vacancy has id {vacancy_id!r}")
        return position

    def _id_rank_of_new(self, vacancy_id: str) -> int:
        """How many fitted ids sort before ``vacancy_id`` (binary search by id rank)."""
        by_rank = np.empty_like(self.columns_.id_rank)
        by_rank[self.columns_.id_rank] = np.arange(len(by_rank))
        vacancies = self.vacancies_
        return bisect.bisect_left(
            range(len(by_rank)), vacancy_id, key=lambda r: vacancies[by_rank[r]].id)
