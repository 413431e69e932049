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
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import attrgetter, is_not
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from matching.constraints import CODES, decode, exclusion, pair_distance_km
from matching.geo import EARTH_RADIUS_KM, haversine_km_many, haversine_km_pairs
from matching.reference import rank_reference
from matching.scoring import (
    DEFAULT_REACH_KM,
    EXPERIENCE_SHARE,
    NEUTRAL,
    NO_SEMANTIC,
    TRADE_MIN,
    PairFacts,
    Weights,
    build_match,
    has_interest_text,
    prepare_reasons,
    resolve_weights,
    route_signals,
)
from matching.semantic import (
    GRID,
    NO_SIMILARITY,
    SemanticIndex,
    SemanticQuery,
    SemanticScores,
    VectorCache,
    calibrated,
    one_blas_thread,
)
from matching.text import (
    EditableTextIndex,
    TextIndex,
    misleading_parts,
    misled,
    vacancy_tag_match,
)
from matching.types import (
    DAYPARTS,
    Exclusion,
    ExclusionColumns,
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
T = TypeVar("T")

#: Pairs :meth:`Ranker.score_pairs` scores at once (some 60 bytes of columns each).
PAIRS_AT_ONCE = 1 << 19
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


def _column(vacancies: Sequence[Vacancy], name: str, dtype: npt.DTypeLike) -> npt.NDArray[Any]:
    """One attribute of every vacancy as an array (attrgetter: no Python frame per vacancy)."""
    return np.fromiter(map(attrgetter(name), vacancies), dtype=dtype, count=len(vacancies))


def _equals(vacancies: Sequence[Vacancy], name: str, value: str) -> BoolArray:
    """Whether an attribute equals ``value``, per vacancy (no Python frame per vacancy)."""
    found = map(value.__eq__, map(attrgetter(name), vacancies))
    return np.fromiter(found, dtype=np.bool_, count=len(vacancies))


def _pairs(values: Sequence[object], first: str, second: str) -> tuple[FloatArray, FloatArray]:
    """Two attributes of optional objects (a location, hours), NaN where absent."""
    known = np.fromiter(map(is_not, values, repeat(None)), dtype=np.bool_, count=len(values))
    present = list(compress(values, known))
    pair = []
    for name in (first, second):
        column = np.full(len(values), np.nan)
        column[known] = np.fromiter(map(attrgetter(name), present), np.float64, len(present))
        pair.append(column)
    return pair[0], pair[1]


class _Columns:
    """The vacancies as column arrays, one entry per vacancy in fitted order."""

    def __init__(self, vacancies: Sequence[Vacancy]) -> None:
        n = len(vacancies)
        capacity = _column(vacancies, "capacity", np.int64)
        self.static_codes = (
            ~_equals(vacancies, "status", "published") * _BIT["closed"]
            | (_column(vacancies, "filled", np.int64) >= capacity) * _BIT["capacity"]
        ).astype(np.uint16)
        minima = np.fromiter(chain.from_iterable(map(attrgetter("language_min"), vacancies)),
                             dtype=np.int8, count=4 * n)
        # One contiguous row per skill: four 1-d comparisons beat an any() over axis 1.
        self.language_min = np.ascontiguousarray(minima.reshape(n, 4).T)
        self.literacy = _column(vacancies, "literacy_required", np.bool_)
        self.schedule: npt.NDArray[np.uint32] = _column(vacancies, "schedule_mask", np.uint32)
        self.needed = _column(vacancies, "needed", np.int64)
        self.wanted = np.fromiter(
            map(len, map(attrgetter("schedule"), vacancies)), dtype=np.int64, count=n
        )
        self.arranged = _column(vacancies, "childcare_offered", np.bool_) | _column(
            vacancies, "children_welcome", np.bool_
        )
        self.lat, self.lon = _pairs(list(map(attrgetter("location"), vacancies)), "lat", "lon")
        self.remote = _column(vacancies, "remote", np.bool_)
        self.hours_min, self.hours_max = _pairs(
            list(map(attrgetter("hours"), vacancies)), "min", "max"
        )
        self.women_only = _column(vacancies, "women_only", np.bool_)
        self.load = _column(vacancies, "physical_load", np.int64)
        self.taalstage = _equals(vacancies, "type", "taalstage")
        self.low_type = ~_equals(vacancies, "type", "werkervaringsplaats")
        self.rich = _column(vacancies, "language_rich", np.bool_)
        self.support = _column(vacancies, "language_support", np.bool_)
        # numpy orders str arrays by code point, as Python orders str (ids are unique).
        ids = np.array(list(map(attrgetter("id"), vacancies)), dtype=np.str_)
        self.id_rank = np.empty(n, dtype=np.int64)
        self.id_rank[np.argsort(ids, kind="stable")] = np.arange(n)

    def take(self, rows: IntArray, names: Iterable[str] | None = None) -> _Columns:
        """The columns (default: all; else those ``names``) of a subset of the vacancies
        (the last axis of each array)."""
        part = object.__new__(_Columns)
        for name in vars(self) if names is None else names:
            setattr(part, name, getattr(self, name)[..., rows])
        return part


#: The columns the components read (:func:`_component_values`): only these are
#: gathered for the feasible rows.
_COMPONENT_COLUMNS = ("remote", "schedule", "wanted", "hours_min", "hours_max", "rich",
                      "support", "taalstage", "low_type")


@dataclass(frozen=True, slots=True)
class _Evaluation:
    """Everything the fast engine computes for one participant.

    ``codes`` covers every vacancy, complete where no other code is set (a
    vacancy something else excludes may still lack its distance bit, see
    :meth:`_Distances.complete`); ``distances`` every vacancy once filled in;
    the other arrays cover the feasible candidates only, in the order of
    ``feasible`` (their positions in the index).
    """

    codes: npt.NDArray[np.uint16]
    distances: _Distances
    feasible: IntArray
    score: FloatArray
    components: tuple[FloatArray, ...]
    text: FloatArray
    semantic: FloatArray
    meaning: SemanticQuery | None


# --------------------------------------------------------------------------- constraints


@dataclass(frozen=True, slots=True)
class _Wants:
    """What the constraints and components read of the participant side of pairs.

    Either one participant's values (``rank``, ``score_row``: :meth:`of`), or one
    value per pair for a group of participants whose every branch below agrees
    (allocation, :meth:`Ranker.score_pairs`): the numeric fields are then arrays
    aligned with the pairs, and the same functions give the same numbers.
    """

    free: Any  # daypart bitmask: available and no lessons
    care: Any  # dayparts with children at home
    levels: tuple[Any, Any, Any, Any]  # Dutch CEFR rank per skill
    literate: bool
    max_load: Any
    hours: tuple[Any, Any] | None  # (min, max) hours per week; None: not given
    female: bool
    women_only: bool
    reach: Any  # km at which the distance component is 0.5
    speaking_low: bool  # Dutch speaking below B1
    signals: tuple[bool, ...]  # route and ladder signals, True for work-ready

    @classmethod
    def of(cls, p: Participant) -> _Wants:
        return cls(
            p.free_mask, p.care_mask, p.nl_levels, p.literate_latin, p.max_physical_load,
            None if p.hours is None else (p.hours.min, p.hours.max),
            p.gender == "f", p.women_only,
            DEFAULT_REACH_KM if p.max_travel_km is None else p.max_travel_km,
            p.nl_levels[0] < _B1, tuple(route_signals(p)),
        )

    @classmethod
    def of_group(cls, wants: Sequence[_Wants]) -> _Wants:
        """The wants of several people (each :meth:`of`) as arrays, one entry per person.

        The people must share every branch (:func:`_branches`); the first one gives them.
        """
        first = wants[0]

        def column(values: Iterable[object], dtype: npt.DTypeLike) -> npt.NDArray[Any]:
            return np.asarray(list(values), dtype=dtype)

        hours = None if first.hours is None else (
            column((w.hours[0] for w in wants if w.hours), np.float64),
            column((w.hours[1] for w in wants if w.hours), np.float64),
        )
        levels = column((w.levels for w in wants), np.int64)
        return cls(
            column((w.free for w in wants), np.int64), column((w.care for w in wants), np.int64),
            (levels[:, 0], levels[:, 1], levels[:, 2], levels[:, 3]),
            first.literate, column((w.max_load for w in wants), np.int64), hours,
            first.female, first.women_only, column((w.reach for w in wants), np.float64),
            first.speaking_low, first.signals,
        )

    def at(self, index: Any) -> _Wants:
        """The per-person arrays of :meth:`of_group` indexed (per pair, or as a column)."""
        levels = self.levels
        return _Wants(
            self.free[index], self.care[index],
            (levels[0][index], levels[1][index], levels[2][index], levels[3][index]),
            self.literate, self.max_load[index],
            None if self.hours is None else (self.hours[0][index], self.hours[1][index]),
            self.female, self.women_only, self.reach[index], self.speaking_low, self.signals,
        )


def _branches(p: Participant, wants: _Wants) -> tuple[object, ...]:
    """What decides the branches the constraints and components take for ``p`` (whose
    :meth:`_Wants.of` is ``wants``): people with the same branches are scored together
    by :meth:`Ranker.score_pairs`."""
    return (wants.literate, wants.hours is None, wants.female, wants.women_only,
            wants.speaking_low, wants.signals, has_interest_text(p))


def _schedule_codes(c: _Columns, p: _Wants) -> npt.NDArray[np.uint16]:
    free = p.free
    usable = free & ~p.care & _ALL_DAYPARTS
    fits_free = np.bitwise_count(c.schedule & np.uint32(free)) >= c.needed
    result: npt.NDArray[np.uint16] = (~fits_free * _BIT["schedule"]).astype(np.uint16)
    if np.all(usable == free):
        return result  # children at home take none of the free dayparts: no childcare code
    fits_care = np.bitwise_count(c.schedule & np.uint32(usable)) >= c.needed
    childcare = fits_free & ~fits_care & ~c.arranged
    result |= (childcare * _BIT["childcare"]).astype(np.uint16)
    return result


def _distances(c: _Columns, p: Participant, rows: IntArray) -> FloatArray:
    """Great-circle km from the participant to the vacancies at ``rows`` (NaN: unknown)."""
    if p.location is None:
        return np.full(len(rows), np.nan)
    return haversine_km_many(p.location.lat, p.location.lon, c.lat[rows], c.lon[rows])


#: Widening of the bounding box: far more than the rounding of any distance.
_BOX_MARGIN = 1e-6


def _box(p: Participant) -> tuple[float, float, float, float] | None:
    """(lowest lat, highest lat, lowest lon, highest lon) of a box around the participant
    that holds every point within ``max_travel_km``; the longitudes infinite when only
    the latitudes bound it. None: no box applies.

    Along a meridian the great-circle distance is at least the radius times the
    latitude difference; the widest longitude difference within the circle is
    ``asin(sin(r) / cos(lat))`` (the circle touches two meridians there), as long
    as the circle holds no pole and does not cross the antimeridian.
    """
    if p.location is None or p.max_travel_km is None:
        return None
    angle = p.max_travel_km / EARTH_RADIUS_KM * (1.0 + _BOX_MARGIN) + _BOX_MARGIN / 1e3
    lat, lon = p.location.lat, p.location.lon
    dlat = math.degrees(angle)
    if angle >= math.pi / 2 or abs(lat) + dlat >= 90.0:
        return None
    dlon = math.degrees(math.asin(min(1.0, math.sin(angle) / math.cos(math.radians(lat)))))
    if dlon < 90.0 and -180.0 <= lon - dlon and lon + dlon <= 180.0:
        return lat - dlat, lat + dlat, lon - dlon, lon + dlon
    return lat - dlat, lat + dlat, -math.inf, math.inf


def _surely_far(c: _Columns, p: Participant, rows: IntArray) -> BoolArray | None:
    """Which vacancies at ``rows`` lie outside :func:`_box`: farther for certain,
    without a haversine. None: no box applies."""
    box = _box(p)
    if box is None:
        return None
    lat_low, lat_high, lon_low, lon_high = box
    lat = c.lat[rows]
    far = (lat < lat_low) | (lat > lat_high)
    if lon_low != -math.inf:
        lon = c.lon[rows]
        far |= (lon < lon_low) | (lon > lon_high)
    return far


def _group_distances(
    c: _Columns, people: Sequence[Participant], codes: npt.NDArray[np.uint16]
) -> FloatArray:
    """:class:`_Distances` for a group at once: ``codes`` (people x vacancies) get the
    distance bit in place; returns the km of the pairs left open (NaN elsewhere).

    The same decisions and numbers as one person at a time: the same boxes, and the
    haversine of the same pairs with :func:`haversine_km_pairs`, which gives
    :func:`haversine_km_many`'s bits.
    """
    km = np.full(codes.shape, np.nan)
    located = np.array([p.location is not None for p in people])
    if not located.any():
        return km
    unbounded = (-math.inf, math.inf, -math.inf, math.inf)
    boxes = np.array([_box(p) or unbounded for p in people], dtype=np.float64)
    # No limit (or no location): the distance constraint cannot fail.
    limit = np.array([math.inf if p.max_travel_km is None or p.location is None
                      else p.max_travel_km for p in people], dtype=np.float64)
    far = ((c.lat < boxes[:, 0:1]) | (c.lat > boxes[:, 1:2])
           | (c.lon < boxes[:, 2:3]) | (c.lon > boxes[:, 3:4])) & ~c.remote
    needed = (codes == 0) & ~far & located[:, None]
    owner, rows = np.nonzero(needed)
    origins = [(p.location.lat, p.location.lon) if p.location is not None else (0.0, 0.0)
               for p in people]
    km[owner, rows] = haversine_km_pairs(origins, owner, c.lat[rows], c.lon[rows])
    # NaN (unknown location) compares false: unknown never excludes.
    fails = far | (~c.remote & (km > limit[:, None]))
    codes |= (fails * _BIT["distance"]).astype(np.uint16)
    return km


class _Distances:
    """Distances from one participant, computed only where they are needed.

    A decision (the distance constraint) or a ranked result needs them at once;
    the exclusions only when someone reads their distances.
    """

    __slots__ = ("_c", "_p", "computed", "km")

    def __init__(self, c: _Columns, p: Participant) -> None:
        self._c, self._p = c, p
        self.km = np.full(len(c.remote), np.nan)
        self.computed = np.zeros(len(c.remote), dtype=np.bool_) if p.location is not None else None

    def fill(self, rows: IntArray) -> FloatArray:
        """Compute the distances at ``rows`` that are not known yet; return them."""
        if self.computed is not None:
            missing = rows[~self.computed[rows]]
            self.km[missing] = _distances(self._c, self._p, missing)
            self.computed[missing] = True
        found: FloatArray = self.km[rows]
        return found

    def failing(self, rows: IntArray) -> BoolArray | None:
        """Whether the distance constraint fails, for the vacancies at ``rows`` (those
        no other constraint excludes); None when it cannot fail. The other vacancies'
        distance bit waits for :meth:`complete`, when an exclusion lists its codes:
        deciding it now would cost a pass over every vacancy for bits that a ranking
        whose exclusions nobody reads never needs.
        """
        c, p = self._c, self._p
        if p.max_travel_km is None or p.location is None:
            return None
        far = _surely_far(c, p, rows)
        # Remote work never fails on distance; elsewhere the box settles most.
        near = ~c.remote[rows]
        undecided = near if far is None else near & ~far
        # NaN (unknown location) compares false: unknown never excludes.
        fails = np.zeros(len(rows), dtype=np.bool_) if far is None else far & near
        fails[undecided] = self.fill(rows[undecided]) > p.max_travel_km
        return fails

    def complete(
        self, rows: IntArray, codes: npt.NDArray[np.uint16], km: FloatArray
    ) -> npt.NDArray[np.uint16]:
        """``codes`` of the vacancies at ``rows`` (``km`` away, filled in) with the
        distance bit decided for all of them."""
        p = self._p
        if p.max_travel_km is None or p.location is None:
            return codes
        fails = ~self._c.remote[rows] & (km > p.max_travel_km)
        completed: npt.NDArray[np.uint16] = codes | fails * _BIT["distance"]
        return completed


def _language_fails(c: _Columns, p: _Wants) -> BoolArray:
    # Not in place: with a group's wants as a column the result has one row per person.
    fails: BoolArray = c.language_min[0] > p.levels[0]
    for skill in range(1, len(p.levels)):
        fails = fails | (c.language_min[skill] > p.levels[skill])
    return fails


def _other_codes(c: _Columns, p: _Wants) -> npt.NDArray[np.uint16]:
    """Every code but schedule, childcare and distance, per vacancy."""
    codes = _language_fails(c, p) * _BIT["language"] | (c.load > p.max_load) * _BIT["physical_load"]
    if not p.literate:
        # Not `c.literacy & (not p.literate)`: a bool array with a Python bool takes
        # numpy's slow scalar path (60 us at 50k, a tenth of the constraints).
        codes = codes | c.literacy * _BIT["literacy"]
    if p.hours is not None:
        low, high = p.hours
        clash = (high < c.hours_min) | (low > c.hours_max)
        codes |= clash * _BIT["hours"]
    women = c.women_only if not p.female else np.zeros_like(c.women_only)
    if p.women_only:
        women = women | ~c.women_only
    codes |= women * _BIT["women_only"]
    result: npt.NDArray[np.uint16] = codes.astype(np.uint16)
    return result


#: What :class:`_Exclusions` reads: distances (array, list), bitmasks, positions.
_Prepared = tuple[FloatArray, list[int], list[float], list[int]]


class _Exclusions(ExclusionList):
    """Lazy exclusions whose distances, too, are computed only when first read.

    ``prepare`` returns, all at once, each exclusion's distance (array and list),
    completed code bitmask and fitted position; ``ids`` are the fitted vacancy ids.
    """

    __slots__ = ("_ids", "_prepare")

    def __init__(
        self,
        length: int,
        build: Callable[[int], Exclusion],
        prepare: Callable[[], _Prepared],
        ids: Sequence[str],
    ) -> None:
        super().__init__(length, build)
        self._prepare = prepare
        self._ids = ids

    @property
    def distances_km(self) -> FloatArray:
        if self._distances is None:
            distances = np.array(self._prepare()[0], dtype=np.float64)
            distances.flags.writeable = False
            self._distances = distances
        return self._distances

    def columns(self) -> ExclusionColumns:
        """Ids and codes straight from the bitmasks: no exclusion, no explanation built.

        Each distinct bitmask is decoded once; ``ids`` are the fitted vacancy ids.
        """
        _, masks, _, rows = self._prepare()
        distinct, which = np.unique(np.asarray(masks, dtype=np.int64), return_inverse=True)
        return ExclusionColumns(
            ids=self._ids,
            at=np.asarray(rows, dtype=np.int64),
            codes=tuple(map(decode, distinct.tolist())),
            which=which.astype(np.int64, copy=False),
        )


# --------------------------------------------------------------------------- components


def _distance_values(c: _Columns, p: _Wants, km: FloatArray) -> FloatArray:
    reach = p.reach
    closeness = np.where(np.isnan(km), NEUTRAL, reach / (reach + km))
    result: FloatArray = np.where(c.remote, 1.0, closeness)
    return result


def _schedule_values(c: _Columns, p: _Wants) -> FloatArray:
    count = np.bitwise_count(c.schedule & np.uint32(p.free & _ALL_DAYPARTS)).astype(np.float64)
    share: FloatArray = np.divide(count, c.wanted, out=np.ones(len(count)), where=c.wanted > 0)
    return share


def _hours_values(c: _Columns, p: _Wants) -> FloatArray:
    if p.hours is None:
        return np.full(len(c.hours_min), NEUTRAL)
    low, high = p.hours
    overlap = np.minimum(high, c.hours_max) - np.maximum(low, c.hours_min)
    narrower = np.minimum(high - low, c.hours_max - c.hours_min)
    ratio = np.divide(overlap, narrower, out=np.zeros(len(overlap)), where=narrower != 0.0)
    ratio = np.minimum(1.0, np.maximum(0.0, ratio))
    point = np.where(overlap >= 0.0, 1.0, 0.0)
    result: FloatArray = np.where(
        np.isnan(c.hours_min), NEUTRAL, np.where(narrower == 0.0, point, ratio)
    )
    return result


def _language_values(c: _Columns, p: _Wants, trade: BoolArray | None) -> FloatArray:
    if p.speaking_low:
        helps = c.rich.astype(np.int64) + c.support + c.taalstage
        low: FloatArray = (0.25 + 0.25 * helps).astype(np.float64)
        return low
    step_back = c.taalstage if trade is None else c.taalstage & ~trade
    high: FloatArray = np.where(step_back, 0.5, 1.0)
    return high


def _type_fit(c: _Columns, high: bool, trade: BoolArray | None) -> FloatArray:
    """Vectorised :func:`matching.scoring._type_fit`."""
    if not high:
        low: FloatArray = c.low_type.astype(np.float64)
        return low
    if trade is None:
        return (~c.low_type).astype(np.float64)
    result: FloatArray = np.where(trade, np.where(c.low_type, 0.5, 1.0), 0.0)
    return result


def _route_values(c: _Columns, p: _Wants, trade: BoolArray | None) -> FloatArray:
    signals = p.signals
    if not signals:
        return np.full(len(c.low_type), NEUTRAL)
    hits = sum(_type_fit(c, high, trade) for high in signals)
    result: FloatArray = np.asarray(hits, dtype=np.float64) / len(signals)
    return result


def _component_values(
    c: _Columns, p: _Wants, km: FloatArray, interest: FloatArray, has_text: bool
) -> tuple[FloatArray, ...]:
    """Every component, in :data:`matching.scoring.COMPONENTS` order, for the pairs of
    ``c`` and ``p`` given their distance and interest values."""
    trade = interest >= TRADE_MIN if has_text else None
    return (
        interest,
        _distance_values(c, p, km),
        _schedule_values(c, p),
        _hours_values(c, p),
        _language_values(c, p, trade),
        _route_values(c, p, trade),
    )


def _semantic_pairs(
    index: SemanticIndex, meanings: Sequence[SemanticQuery], owner: IntArray, columns: IntArray,
    void: Callable[[int, int], BoolArray | None] | None = None,
) -> tuple[FloatArray, FloatArray]:
    """Per pair, the best interest's and the note's similarity (NO_SIMILARITY without).

    :meth:`SemanticIndex.scores_all`'s numbers for several people: the grid sums are
    exact integers however BLAS orders them, and the float64 steps are the same.
    ``void(person, slot)``: the pairs where that person's interest in that slot counts
    for nothing (a misleading title), or None.
    """
    best = np.full(len(owner), NO_SIMILARITY)
    note = np.full(len(owner), NO_SIMILARITY)
    vectors: list[Any] = []
    hubs: list[float] = []
    width = max((len(meaning.interests) for meaning in meanings), default=0)
    slots = np.full((len(meanings), width + 1), -1, dtype=np.int64)  # interests, then the note
    for person, meaning in enumerate(meanings):
        count = len(meaning.interests)
        own = [*meaning.vectors[:count]]
        if meaning.experience is not None:
            own.append(meaning.experience)
            slots[person, width] = len(vectors) + count
        slots[person, :count] = np.arange(len(vectors), len(vectors) + count)
        vectors += own
        hubs += meaning.hubs[:len(own)]
    if not vectors or len(owner) == 0:
        return best, note
    # Only the vacancies some pair needs (a group's feasible pairs touch about an eighth
    # of the index at 1k x 1k): the grid sums are exact integers, so a product over
    # these rows gives the numbers of one over all of them.
    needed, row_of_pair = np.unique(columns, return_inverse=True)
    with one_blas_thread():  # medium products: a second thread only waits on 2 busy cores
        sums = index.matrix_[needed] @ np.stack(vectors).T
    query_hubs = np.asarray(hubs, dtype=np.float64)
    vacancy_hubs = index.hubs_[columns]

    def similarity(slot: int) -> tuple[BoolArray, FloatArray]:
        at = slots[owner, slot]
        cosines = sums[row_of_pair, at].astype(np.float64) / (GRID * GRID)
        return at >= 0, 2.0 * cosines - vacancy_hubs - query_hubs[at]

    for slot in range(width):
        present, value = similarity(slot)
        if void is not None:
            value = _voided(value, owner, slot, meanings, void)
        best = np.where(present, np.maximum(best, value), best)
    present, value = similarity(width)
    note = np.where(present, value, note)
    return best, note


def _voided(
    value: FloatArray, owner: IntArray, slot: int, meanings: Sequence[SemanticQuery],
    void: Callable[[int, int], BoolArray | None],
) -> FloatArray:
    """``value`` with NO_SIMILARITY where a person's interest in ``slot`` is void."""
    for person, meaning in enumerate(meanings):
        if slot < len(meaning.interests):
            where = void(person, slot)
            if where is not None:
                value = np.where(where, NO_SIMILARITY, value)
    return value


def _misleading_rows(vacancies: Sequence[Vacancy]) -> dict[str, IntArray]:
    """For each misleading compound's first part, the vacancies whose title names it."""
    rows: dict[str, list[int]] = {}
    for position, vacancy in enumerate(vacancies):
        for part in misleading_parts(vacancy.title):
            rows.setdefault(part, []).append(position)
    return {part: np.asarray(found, dtype=np.int64) for part, found in rows.items()}


def _texts(vacancy: Vacancy) -> tuple[str, str, tuple[str, ...]]:
    """What the text, semantic and misleading-title indexes read of a vacancy."""
    return vacancy.title, vacancy.description, vacancy.tags


def _misleading_rows_edited(
    rows: Mapping[str, IntArray], position: int, parts: Sequence[str], *, removed: bool = False
) -> dict[str, IntArray]:
    """``rows`` (:func:`_misleading_rows`) with ``position``'s title now naming ``parts``;
    ``removed``: without ``position``, later positions moving up by one. A new dict."""
    edited: dict[str, IntArray] = {}
    for part in {*rows, *parts}:
        found = rows.get(part, np.zeros(0, dtype=np.int64))
        found = found[found != position]
        if removed:
            found = found - (found > position)
        elif part in parts:
            found = np.sort(np.append(found, position))
        if len(found):  # as a fit: only parts some title names
            edited[part] = found
    return edited


def _pair_facts(
    p: Participant, vacancy: Vacancy, text: float, semantic: SemanticScores
) -> PairFacts:
    """What a shown pair's reasons read (positional: one per shown vacancy)."""
    # The per-pair distance keeps reasons word-for-word equal to the reference.
    return PairFacts(p, vacancy, vacancy_tag_match(p.interests, vacancy), text,
                     pair_distance_km(p, vacancy), semantic)


def _match(facts: PairFacts, values: Sequence[float], score: float, km: float) -> Match:
    # NaN (the only value unequal to itself) is an unknown distance.
    return build_match(facts, values, score, distance_km=None if km != km else km)


def _pair_semantics(evaluation: _Evaluation, top: IntArray) -> Iterable[SemanticScores]:
    """The semantic scores of the pairs at ``top``: their rows of the evaluation's cosines
    (as Python floats all at once, not one numpy scalar each)."""
    meaning = evaluation.meaning
    if meaning is None:
        return repeat(NO_SEMANTIC, len(top))
    count = len(meaning.interests)
    rows = evaluation.semantic[top].tolist()
    if meaning.experience is None:
        return [SemanticScores(tuple(row[:count]), NO_SIMILARITY) for row in rows]
    return [SemanticScores(tuple(row[:count]), row[count]) for row in rows]


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


#: From this many vacancies a fit builds the semantic index and the columns in a second
#: thread (:func:`_alongside`); below it a thread costs more than it saves.
FIT_IN_PARALLEL_FROM = 5_000


@contextmanager
def _alongside(work: Callable[[], T], size: int) -> Iterator[Callable[[], T]]:
    """Run ``work`` in a second thread while the block runs; yield how to get its result.

    The text fit's Python (splitting, counting words) and the rest's numpy, BLAS and
    scipy take turns with the GIL: on two cores the two halves of a fit overlap.
    The result, or the exception ``work`` raised, is taken after the block; an error
    in the block waits for ``work`` to finish first, so no thread outlives the fit.
    Small fits run ``work`` in this thread after the block.
    """
    if size < FIT_IN_PARALLEL_FROM:
        done: list[T] = []
        yield lambda: done[0]
        done.append(work())
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="semantic-fit") as executor:
        future = executor.submit(work)
        yield future.result


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
    vectors : VectorCache, optional
        Where the semantic signal keeps its text vectors; give
        ``VectorCache(directory)`` so a refit embeds only new texts. Default: a
        cache in memory.
    semantic : bool, default True
        False leaves the semantic signal out (for comparisons and baselines).

    Attributes
    ----------
    vacancies_ : tuple of Vacancy
        The fitted vacancies, in order.
    text_index_ : TextIndex
        TF-IDF and tag index over the vacancies.
    semantic_index_ : SemanticIndex or None
        The vacancies' embedding vectors (None with ``semantic=False``).
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
        self,
        weights: Mapping[str, float] | None = None,
        engine: str = "fast",
        *,
        vectors: VectorCache | None = None,
        semantic: bool = True,
    ) -> None:
        self.weights = weights
        self.engine = engine
        self.vectors = vectors
        self.semantic = semantic

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
        with _alongside(self._fit_besides_text, len(self.vacancies_)) as besides_text:
            self.text_index_ = TextIndex().fit(self.vacancies_)
        self.semantic_index_, self.columns_, self.misleading_rows_ = besides_text()
        return self

    def _fit_besides_text(self) -> tuple[SemanticIndex | None, _Columns, dict[str, IntArray]]:
        """What a fit builds besides the text index, in :func:`_alongside`'s second thread.

        The semantic fit first: its BLAS product runs while the text fit splits and
        counts words (holding the GIL); the columns, which hold the GIL, come when the
        text fit has gone on to scipy's sparse products (which release it).
        """
        semantic = SemanticIndex(self.vectors).fit(self.vacancies_) if self.semantic else None
        return semantic, _Columns(self.vacancies_), _misleading_rows(self.vacancies_)

    @property
    def tfidf_(self) -> Any:
        """The fitted vectoriser, built on first use (it imports scikit-learn)."""
        self._check_fitted()
        return self.text_index_.vectorizer_

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
                semantic=self.semantic_index_,
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
            ranking = rank_reference(
                participant, self.vacancies_, self.text_index_, chosen,
                semantic=self.semantic_index_,
            )
            return self._row_from_ranking(ranking)
        evaluation = self._evaluate(participant, chosen)
        score = np.zeros(len(self.vacancies_))
        score[evaluation.feasible] = evaluation.score
        return ScoreRow(score, evaluation.codes == 0)

    def score_pairs(
        self, participants: Sequence[Participant], *, weights: Mapping[str, float] | None = None
    ) -> tuple[IntArray, IntArray, FloatArray]:
        """Participant position, vacancy position and score of every feasible pair.

        The pairs are in participant order, then vacancy order; each score is the one
        :meth:`score_row` gives (tested). The fast engine scores the pairs of many
        participants at once: people whose constraints and components take the same
        branches (:func:`_branches`) form a group, and each group is a handful of
        array operations over its pairs instead of a few dozen per person.

        Examples
        --------
        >>> vs = [Vacancy("v-1", "taalstage", "Kok", (), 1, status="published", remote=True)]
        >>> rows, columns, scores = Ranker().fit(vs).score_pairs([Participant("p", frozenset())])
        >>> rows.tolist(), columns.tolist(), scores.round(3).tolist()
        ([0], [0], [0.65])
        """
        self._check_fitted()
        chosen = self._weights_for(weights)
        found: list[tuple[IntArray, IntArray, FloatArray]] = []
        groups: dict[tuple[object, ...], list[int]] = {}
        wants: list[_Wants] = []
        for position, participant in enumerate(participants):
            if self.engine == "reference":
                row = self.score_row(participant, weights=weights)
                where = np.flatnonzero(row.feasible)
                found.append((np.full(len(where), position), where, row.score[where]))
            else:
                wants.append(_Wants.of(participant))
                groups.setdefault(_branches(participant, wants[-1]), []).append(position)
        size = max(1, PAIRS_AT_ONCE // max(1, len(self.vacancies_)))
        for members in groups.values():
            for start in range(0, len(members), size):
                found.append(self._score_group(
                    participants, wants, members[start:start + size], chosen))
        if not found:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64)
        rows, columns, scores = (np.concatenate(part) for part in zip(*found, strict=True))
        order = np.argsort(rows * len(self.vacancies_) + columns, kind="stable")
        return rows[order].astype(np.int64), columns[order].astype(np.int64), scores[order]

    def _void_pairs(
        self, people: Sequence[Participant], owner: IntArray, columns: IntArray
    ) -> dict[tuple[int, str], BoolArray]:
        """:meth:`_void` for pairs: per (person, interest), the pairs whose title only
        seems to fit it."""
        void: dict[tuple[int, str], BoolArray] = {}
        for part, rows in self.misleading_rows_.items():
            inside: BoolArray | None = None
            for person, p in enumerate(people):
                hit = [i for i in dict.fromkeys(p.interests) if misled(i, part)]
                if not hit:
                    continue
                if inside is None:
                    inside = np.isin(columns, rows)
                own = inside & (owner == person)
                for interest in hit:
                    key = (person, interest)
                    void[key] = void[key] | own if key in void else own
        return void

    def _void_tags(
        self, people: Sequence[Participant], owner: IntArray, columns: IntArray,
        void: dict[tuple[int, str], BoolArray], tags: FloatArray,
    ) -> FloatArray:
        """``tags`` with each misled person's pairs worked out as :meth:`_tag_values` does."""
        result = tags.copy()
        for person in sorted({person for person, _ in void}):
            at = np.flatnonzero(owner == person)
            best = np.zeros(len(at))
            for interest in dict.fromkeys(people[person].interests):
                values = self.text_index_.tag_match_all([interest], columns[at])
                if (person, interest) in void:
                    values = np.where(void[(person, interest)][at], 0.0, values)
                best = np.maximum(best, values)
            result[at] = best
        return result

    def _score_group(
        self, participants: Sequence[Participant], own_wants: Sequence[_Wants],
        members: list[int], weights: Weights,
    ) -> tuple[IntArray, IntArray, FloatArray]:
        """:meth:`_evaluate`'s scores for people sharing their branches, all pairs at once
        (``own_wants``: each participant's :meth:`_Wants.of`)."""
        every = self.columns_
        n = len(self.vacancies_)
        people = [participants[i] for i in members]
        wants = _Wants.of_group([own_wants[i] for i in members])
        # One row per person, one column per vacancy: the wants as a column broadcast.
        column = wants.at((slice(None), None))
        codes = every.static_codes | _schedule_codes(every, column) | _other_codes(every, column)
        km = _group_distances(every, people, codes).ravel()
        codes = codes.ravel()
        keep = np.flatnonzero(codes == 0)
        owner, columns = np.divmod(keep, n)
        interest = self._interest_pairs(people, owner, columns)
        values = _component_values(every.take(columns, _COMPONENT_COLUMNS), wants.at(owner),
                                   km[keep],
                                   interest, has_interest_text(people[0]))
        score = np.zeros(len(keep))
        for weight, component in zip(weights, values, strict=True):
            score = score + weight * component
        score = np.minimum(score, 1.0)
        return np.asarray(members, dtype=np.int64)[owner], columns, score

    def _interest_pairs(
        self, people: Sequence[Participant], owner: IntArray, columns: IntArray
    ) -> FloatArray:
        """:meth:`_interest_values` for pairs of several people, misled interests included."""
        if not has_interest_text(people[0]):
            return np.full(len(owner), NEUTRAL)
        index = self.text_index_
        void = self._void_pairs(people, owner, columns)
        tags = index.tag_match_pairs([p.interests for p in people], owner, columns)
        text = index.similarity_pairs([index.query(p) for p in people], owner, columns)
        if void:
            # As _evaluate: misled interests count for nothing on those pairs.
            text = np.where(np.logical_or.reduce(list(void.values())), 0.0, text)
            tags = self._void_tags(people, owner, columns, void, tags)
        best = np.full(len(owner), NO_SIMILARITY)
        note = np.full(len(owner), NO_SIMILARITY)
        if self.semantic_index_ is not None:
            meanings = [self.semantic_index_.query(p) for p in people]

            def void_slot(person: int, slot: int) -> BoolArray | None:
                return void.get((person, meanings[person].interests[slot]))

            best, note = _semantic_pairs(
                self.semantic_index_, meanings, owner, columns, void_slot if void else None)
        evidence = [tags, text, calibrated(best), EXPERIENCE_SHARE * calibrated(note)]
        result: FloatArray = np.maximum.reduce(evidence)
        return result

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
        # The codes are cheap bit operations for every vacancy (exclusions list them
        # all); distances are computed where the box cannot decide, and tags, text
        # and the components only for the feasible candidates.
        wants = _Wants.of(p)
        codes = c.static_codes | _schedule_codes(c, wants)
        codes |= _other_codes(c, wants)
        distances = _Distances(c, p)
        open_rows = codes == 0
        if mask is not None:
            open_rows &= mask
        candidates = np.flatnonzero(open_rows)
        far = distances.failing(candidates)
        feasible = candidates
        if far is not None:
            codes[candidates[far]] |= _BIT["distance"]
            feasible = candidates[~far]
        km = distances.fill(feasible)
        text = self.text_index_.similarity_all(self.text_index_.query(p), feasible)
        meaning = self._semantic_query(p)
        semantic = (
            np.zeros((len(feasible), 0)) if meaning is None
            else self.semantic_index_.scores_all(meaning, feasible)  # type: ignore[union-attr]
        )
        void = self._void(p, feasible)
        if void:
            # As in the reference: misled interests count for nothing on those rows.
            text = np.where(np.logical_or.reduce(list(void.values())), 0.0, text)
            for k, interest in enumerate(meaning.interests if meaning else ()):
                if interest in void:
                    semantic[void[interest], k] = NO_SIMILARITY
        components = self._components(p, wants, feasible, km, text, semantic, meaning, void)
        score = np.zeros(len(feasible))
        for weight, values in zip(weights, components, strict=True):
            score = score + weight * values
        score = np.minimum(score, 1.0)
        return _Evaluation(codes, distances, feasible, score, components, text, semantic, meaning)

    def _void(self, p: Participant, feasible: IntArray) -> dict[str, BoolArray]:
        """Per interest, the feasible rows whose title only seems to fit it."""
        void: dict[str, BoolArray] = {}
        for part, rows in self.misleading_rows_.items():
            hit = [i for i in dict.fromkeys(p.interests) if misled(i, part)]
            if not hit:
                continue
            inside = np.isin(feasible, rows)
            for interest in hit:
                void[interest] = void[interest] | inside if interest in void else inside
        return void

    def _semantic_query(self, p: Participant) -> SemanticQuery | None:
        if self.semantic_index_ is None:
            return None
        return self.semantic_index_.query(p)

    def _interest_values(
        self,
        p: Participant,
        feasible: IntArray,
        text: FloatArray,
        semantic: FloatArray,
        meaning: SemanticQuery | None,
        void: dict[str, BoolArray],
    ) -> FloatArray:
        """Vectorised :func:`matching.scoring.interest_component`, same order of maxima."""
        if not has_interest_text(p):
            return np.full(len(feasible), NEUTRAL)
        tags = self._tag_values(p, feasible, void)
        # Absent semantic evidence calibrates to 0, below the tags and text (both >= 0):
        # left out rather than computed as a column of zeros.
        evidence = [tags, text]
        if meaning is not None:
            count = len(meaning.interests)
            if count:
                evidence.append(calibrated(semantic[:, :count].max(axis=1)))
            if meaning.experience is not None:
                evidence.append(EXPERIENCE_SHARE * calibrated(semantic[:, count]))
        result: FloatArray = np.maximum.reduce(evidence)
        return result

    def _tag_values(
        self, p: Participant, feasible: IntArray, void: dict[str, BoolArray]
    ) -> FloatArray:
        """Best tag match per feasible row, leaving out misled interests where void."""
        if not void:
            return self.text_index_.tag_match_all(p.interests, feasible)
        result = np.zeros(len(feasible))
        for interest in dict.fromkeys(p.interests):
            values = self.text_index_.tag_match_all([interest], feasible)
            if interest in void:
                values = np.where(void[interest], 0.0, values)
            result = np.maximum(result, values)
        return result

    def _components(
        self,
        p: Participant,
        wants: _Wants,
        feasible: IntArray,
        km: FloatArray,
        text: FloatArray,
        semantic: FloatArray,
        meaning: SemanticQuery | None,
        void: dict[str, BoolArray],
    ) -> tuple[FloatArray, ...]:
        # Only feasible vacancies get scored; usually a small part of the index.
        c = self.columns_.take(feasible, _COMPONENT_COLUMNS)
        interest = self._interest_values(p, feasible, text, semantic, meaning, void)
        return _component_values(c, wants, km, interest, has_interest_text(p))

    def _rank_fast(
        self, p: Participant, weights: Weights, limit: int | None, mask: BoolArray | None
    ) -> Ranking:
        evaluation = self._evaluate(p, weights, mask)
        top = _top(evaluation.score, self.columns_.id_rank[evaluation.feasible], limit)
        # The returned rows' numbers as Python floats at once, not one numpy scalar each.
        positions = evaluation.feasible[top].tolist()
        texts = evaluation.text[top].tolist()
        scores = evaluation.score[top].tolist()
        km = evaluation.distances.km[evaluation.feasible[top]].tolist()
        values = zip(*(component[top].tolist() for component in evaluation.components),
                     strict=True)
        vacancies = self.vacancies_
        pairs = list(map(_pair_facts, repeat(p), map(vacancies.__getitem__, positions), texts,
                         _pair_semantics(evaluation, top)))
        if evaluation.meaning is not None:
            prepare_reasons(pairs)  # new vacancy phrases embedded in one call, not one each
        ranked = tuple(map(_match, pairs, values, scores, km))
        return Ranking(p.id, ranked, self._exclusions(p, evaluation, mask))

    def _exclusions(
        self, p: Participant, evaluation: _Evaluation, mask: BoolArray | None
    ) -> ExclusionList:
        codes = evaluation.codes
        positions = np.flatnonzero(codes if mask is None else (codes != 0) & mask)
        distances = evaluation.distances
        vacancies = self.vacancies_
        # Distances, and the distance bit of vacancies something else already
        # excluded, are filled in all at once when the first exclusion, distance
        # or code list is asked for.
        # As Python lists too: building 10k exclusions reads them item by item.
        prepared: list[_Prepared] = []

        def prepare() -> _Prepared:
            if not prepared:
                km = distances.fill(positions)
                masks = distances.complete(positions, codes[positions], km)
                prepared.append((km, masks.tolist(), km.tolist(), positions.tolist()))
            return prepared[0]

        def build(index: int) -> Exclusion:
            _, masks, km, rows = prepare()
            vacancy = vacancies[rows[index]]
            found = decode(masks[index])
            # Explained with the per-pair distance, word for word as the reference
            # (only a distance code's text reads it); reported with the vectorised
            # one the constraint was decided on (NaN: unknown).
            explained_km = pair_distance_km(p, vacancy) if "distance" in found else None
            reported_km = None if math.isnan(km[index]) else km[index]
            return exclusion(p, vacancy, found, explained_km, reported_km=reported_km)

        # One ids tuple per fitted index, shared by its rankings: a writer encodes
        # them once (checked by identity, so a refit or an edit gets new ones).
        listed = self.__dict__.get("_exclusion_ids")
        if listed is None or listed[0] is not vacancies or len(listed[1]) != len(vacancies):
            listed = (vacancies, tuple(vacancy.id for vacancy in vacancies))
            self.__dict__["_exclusion_ids"] = listed
        return _Exclusions(len(positions), build, prepare, listed[1])

    # ----------------------------------------------------------------------- edits
    # Edits without a refit, for a long-lived index (the web app's). Every fitted
    # structure follows each edit: the columns (id ranks included), the text index, the
    # semantic rows and the misleading-title rows; the exclusions' ids tuple is rebuilt
    # because `vacancies_` is a new tuple. After any sequence of edits, rankings equal
    # those of a fresh fit over the same vacancies, except that a changed or added text
    # is vectorised with the fitted vocabulary and IDF and embedded onto the fitted
    # semantic directions until the next fit (the drift rule:
    # matching.text.EditableTextIndex, `needs_refit`; SemanticIndex.spliced).

    def replace(self, vacancy: Vacancy) -> Ranker:
        """Put ``vacancy`` in the place of the fitted vacancy with its id; return self.

        Its columns (status, places, schedule, hours, ...) are written in place (in
        this ranker's own copy of them, made at its first replace); a changed text or
        tags re-index and re-embed this vacancy only.

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
        columns = self._own_columns()
        for name, values in vars(_Columns([vacancy])).items():
            if name != "id_rank":
                getattr(columns, name)[..., position] = values[..., 0]
        if _texts(old) != _texts(vacancy):
            self.text_index_ = EditableTextIndex.of(self.text_index_).replaced(position, vacancy)
            self._splice_semantic(position, position + 1, [vacancy])
            self.misleading_rows_ = _misleading_rows_edited(
                self.misleading_rows_, position, misleading_parts(vacancy.title))
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
        end = len(self.vacancies_)
        positions = {**self._positions_by_id(), vacancy.id: end}
        self.columns_ = columns
        self.__dict__["_columns_owner"] = (columns, id(self))  # new arrays, this ranker's
        self.text_index_ = EditableTextIndex.of(self.text_index_).appended(vacancy)
        self._splice_semantic(end, end, [vacancy])
        self.misleading_rows_ = _misleading_rows_edited(
            self.misleading_rows_, end, misleading_parts(vacancy.title))
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
        self.__dict__["_columns_owner"] = (columns, id(self))  # new arrays, this ranker's
        self.text_index_ = EditableTextIndex.of(self.text_index_).without(position)
        self._splice_semantic(position, position + 1, [])
        self.misleading_rows_ = _misleading_rows_edited(
            self.misleading_rows_, position, (), removed=True)
        self.vacancies_ = self.vacancies_[:position] + self.vacancies_[position + 1:]
        return self

    def _own_columns(self) -> _Columns:
        """``columns_``, copied first when another ranker may share them (a copy.copy,
        as the web index edits a copy while requests use the original): a replace then
        writes this ranker's own arrays in place, and the other ranker is undisturbed."""
        owner = self.__dict__.get("_columns_owner")
        if owner is None or owner[0] is not self.columns_ or owner[1] != id(self):
            self.columns_ = self.columns_.take(np.arange(len(self.vacancies_)))
            self.__dict__["_columns_owner"] = (self.columns_, id(self))
        return self.columns_

    def _splice_semantic(self, start: int, stop: int, vacancies: Sequence[Vacancy]) -> None:
        """Re-embed only these vacancies (through the cache) at rows ``start:stop``."""
        if self.semantic_index_ is not None:
            self.semantic_index_ = self.semantic_index_.spliced(start, stop, vacancies)

    @property
    def needs_refit(self) -> bool:
        """Whether edits changed so many texts that the fitted IDF is stale (refit then).

        The same count stands for the semantic index's fitted directions, which edited
        texts keep too (:meth:`SemanticIndex.spliced`).

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
