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
from itertools import chain, compress, islice, pairwise, repeat
from operator import attrgetter, is_not, lt
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
)
from matching.text import (
    TAG_MATCH_CUTOFF,
    EditableTextIndex,
    TagMatch,
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
#: More dayparts than a schedule bitmask (uint32) can hold: needing this never fits.
_NEVER_FITS = 33


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
    if None not in values:  # usual: every vacancy has them (no mask, no copy of the list)
        return (np.fromiter(map(attrgetter(first), values), np.float64, len(values)),
                np.fromiter(map(attrgetter(second), values), np.float64, len(values)))
    known = np.fromiter(map(is_not, values, repeat(None)), dtype=np.bool_, count=len(values))
    present = list(compress(values, known))
    pair = []
    for name in (first, second):
        column = np.full(len(values), np.nan)
        column[known] = np.fromiter(map(attrgetter(name), present), np.float64, len(present))
        pair.append(column)
    return pair[0], pair[1]


def _id_rank(ids: list[str]) -> IntArray:
    """Each vacancy's place in id order (ids are unique).

    Vacancies often come in id order: then checking that is all (7 ms at 50k, where
    a str array and its argsort took 14 ms).
    """
    if all(map(lt, ids, islice(ids, 1, None))):
        return np.arange(len(ids), dtype=np.int64)
    # numpy orders str arrays by code point, as Python orders str.
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.argsort(np.array(ids, dtype=np.str_), kind="stable")] = np.arange(len(ids))
    return rank


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
        # Compared only with a count of dayparts (0-32): clipped to 33, one byte each,
        # the comparison reads an eighth of the memory and needs no cast (same answers).
        self.needed = np.clip(_column(vacancies, "needed", np.int64), 0, _NEVER_FITS
                              ).astype(np.uint8)
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
        self.id_rank = _id_rank(list(map(attrgetter("id"), vacancies)))

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
    value per pair for a group of participants whose branches agree (allocation,
    :meth:`Ranker.score_pairs`): the numeric fields are then arrays aligned with the
    pairs, and the same functions give the same numbers. The constraints read the
    branches of :func:`_constraint_branches`, the components those of
    :func:`_component_branches`; each group shares the ones its step reads.
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

        The people must share the branches the step that reads these wants takes
        (:func:`_constraint_branches` or :func:`_component_branches`); the first one
        gives them.
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


def _constraint_branches(wants: _Wants) -> tuple[object, ...]:
    """What decides the branches the constraints take (:func:`_schedule_codes`,
    :func:`_other_codes`) for a person whose :meth:`_Wants.of` is ``wants``: people
    with the same ones have their constraints decided together by
    :meth:`Ranker.score_pairs`."""
    return wants.literate, wants.hours is None, wants.female, wants.women_only


def _component_branches(p: Participant, wants: _Wants) -> tuple[object, ...]:
    """What decides the branches :func:`_component_values` takes for ``p`` (whose
    :meth:`_Wants.of` is ``wants``): the pairs of people with the same ones are
    scored together by :meth:`Ranker.score_pairs`."""
    return wants.hours is None, wants.speaking_low, wants.signals, has_interest_text(p)


def _pairs_of(
    owner: IntArray, members: Sequence[int], people: int
) -> tuple[IntArray, IntArray]:
    """The positions of the pairs whose person (``owner``, one of ``people``) is one of
    ``members``, and each such pair's person as a position in ``members``."""
    where = np.full(people, -1, dtype=np.int64)
    where[np.asarray(members, dtype=np.int64)] = np.arange(len(members))
    local = where[owner]
    at = np.flatnonzero(local >= 0)
    return at, local[at]


def _schedule_codes(c: _Columns, p: _Wants) -> npt.NDArray[np.uint16]:
    # Each code straight from its comparison (bool times a uint16 bit is uint16), without
    # negating the comparisons: a pass over 50k vacancies per step saved (about half).
    free = p.free
    usable = free & ~p.care & _ALL_DAYPARTS
    short = np.bitwise_count(c.schedule & np.uint32(free)) < c.needed
    result: npt.NDArray[np.uint16] = np.multiply(short, _BIT["schedule"])
    if np.all(usable == free):
        return result  # children at home take none of the free dayparts: no childcare code
    short_with_care = np.bitwise_count(c.schedule & np.uint32(usable)) < c.needed
    # For booleans a > b is a & ~b: short with the children at home only, and not arranged.
    childcare = short_with_care > (short | c.arranged)
    result |= np.multiply(childcare, _BIT["childcare"])
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


def _surely_far(
    box: tuple[float, float, float, float], lat: FloatArray, lon: FloatArray
) -> BoolArray:
    """Which points (``lat``, ``lon``) lie outside ``box`` (:func:`_box`): farther for
    certain, without a haversine."""
    lat_low, lat_high, lon_low, lon_high = box
    far: BoolArray = (lat < lat_low) | (lat > lat_high)
    if lon_low != -math.inf:
        far |= (lon < lon_low) | (lon > lon_high)
    return far


def _group_distances(
    c: _Columns, people: Sequence[Participant], owner: IntArray, rows: IntArray
) -> tuple[FloatArray, BoolArray]:
    """:class:`_Distances` for the pairs of a group no other constraint excludes (person
    ``owner[i]`` of ``people``, vacancy ``rows[i]``): the km of each pair (NaN where
    unknown or not needed) and whether the distance constraint excludes it.

    The same decisions and numbers as one person at a time: the same boxes, and the
    haversine of the same pairs with :func:`haversine_km_pairs`, which gives
    :func:`haversine_km_many`'s bits.
    """
    km = np.full(len(rows), np.nan)
    located = np.array([p.location is not None for p in people], dtype=np.bool_)
    if not located.any():
        return km, np.zeros(len(rows), dtype=np.bool_)
    unbounded = (-math.inf, math.inf, -math.inf, math.inf)
    boxes = np.array([_box(p) or unbounded for p in people], dtype=np.float64)[owner]
    # No limit (or no location): the distance constraint cannot fail.
    limit = np.array([math.inf if p.max_travel_km is None or p.location is None
                      else p.max_travel_km for p in people], dtype=np.float64)
    lat, lon, remote = c.lat[rows], c.lon[rows], c.remote[rows]
    far = ((lat < boxes[:, 0]) | (lat > boxes[:, 1])
           | (lon < boxes[:, 2]) | (lon > boxes[:, 3])) & ~remote
    needed = np.flatnonzero(~far & located[owner])
    origins = [(p.location.lat, p.location.lon) if p.location is not None else (0.0, 0.0)
               for p in people]
    km[needed] = haversine_km_pairs(origins, owner[needed], lat[needed], lon[needed])
    # NaN (unknown location) compares false: unknown never excludes.
    fails: BoolArray = far | (~remote & (km > limit[owner]))
    return km, fails


class _Distances:
    """Distances from one participant, computed only where they are needed.

    A decision (the distance constraint) or a ranked result needs them at once;
    the exclusions only when someone reads their distances.
    """

    __slots__ = ("_c", "_p", "computed", "km")

    def __init__(self, c: _Columns, p: Participant) -> None:
        self._c, self._p = c, p
        if p.location is None:
            self.km = np.full(len(c.remote), np.nan)
            self.computed = None
        else:
            # Read only where computed (fill, failing): no pass to fill it with NaN first.
            self.km = np.empty(len(c.remote))
            self.computed = np.zeros(len(c.remote), dtype=np.bool_)

    def fill(self, rows: IntArray) -> FloatArray:
        """Compute the distances at ``rows`` that are not known yet; return them."""
        if self.computed is not None:
            missing = rows[~self.computed[rows]]
            if len(missing):  # after failing(), the feasible rows' are all known
                self._store(missing, _distances(self._c, self._p, missing))
        found: FloatArray = self.km[rows]
        return found

    def _store(self, rows: IntArray, km: FloatArray) -> None:
        if self.computed is not None:  # else nothing is computed: every distance unknown
            self.km[rows] = km
            self.computed[rows] = True

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
        # Each column gathered once: the box and the haversine read the same values
        # (which gives the bits :func:`_distances` gives, elementwise).
        lat, lon = c.lat[rows], c.lon[rows]
        # Remote work never fails on distance; elsewhere the box settles most.
        near = ~c.remote[rows]
        box = _box(p)
        fails = np.zeros(len(rows), dtype=np.bool_) if box is None else (
            _surely_far(box, lat, lon) & near)
        # The distances of every row not failing yet: those that may be feasible (remote
        # ones too), so that filling in the feasible rows' distances computes nothing.
        kept = ~fails
        km = haversine_km_many(p.location.lat, p.location.lon, lat[kept], lon[kept])
        self._store(rows[kept], km)
        # NaN (unknown location) compares false: unknown never excludes.
        fails[kept] = (km > p.max_travel_km) & near[kept]
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
    # Each code's bit ORed in place into the first (bool times a uint16 bit is uint16);
    # that first one already has the full shape (one row per person for a group's wants).
    codes: npt.NDArray[np.uint16] = np.multiply(_language_fails(c, p), _BIT["language"])
    codes |= np.multiply(c.load > p.max_load, _BIT["physical_load"])
    if not p.literate:
        # Not `c.literacy & (not p.literate)`: a bool array with a Python bool takes
        # numpy's slow scalar path (60 us at 50k, a tenth of the constraints).
        codes |= np.multiply(c.literacy, _BIT["literacy"])
    if p.hours is not None:
        low, high = p.hours
        codes |= np.multiply((high < c.hours_min) | (low > c.hours_max), _BIT["hours"])
    if not p.female:
        codes |= np.multiply(c.women_only, _BIT["women_only"])
    if p.women_only:
        codes |= np.multiply(~c.women_only, _BIT["women_only"])
    return codes


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
    # The same operations on the same operands as ever, several of them in place
    # (fewer arrays made): the same numbers.
    overlap = np.minimum(high, c.hours_max)
    overlap -= np.maximum(low, c.hours_min)
    narrower = np.minimum(high - low, c.hours_max - c.hours_min)
    single = narrower == 0.0
    ratio: FloatArray = np.divide(overlap, narrower, out=np.zeros(len(overlap)), where=~single)
    np.maximum(0.0, ratio, out=ratio)
    np.minimum(1.0, ratio, out=ratio)
    # A single hour count on either side: in or out (1 or 0).
    np.copyto(ratio, overlap >= 0.0, where=single)
    np.copyto(ratio, NEUTRAL, where=np.isnan(c.hours_min))
    return ratio


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
    index: SemanticIndex, meanings: Sequence[SemanticQuery], bounds: IntArray,
    columns: IntArray, void: Mapping[tuple[int, str], IntArray],
) -> tuple[FloatArray, FloatArray]:
    """Per pair, the best interest's and the note's similarity (NO_SIMILARITY without).

    :meth:`SemanticIndex.scores_all`'s numbers for several people, person ``i``'s pairs
    being ``bounds[i]:bounds[i + 1]``: the grid sums are exact integers however they
    are grouped, so one small product per person over just the vacancies of its pairs
    gives the sums of one over every vacancy, and the float64 steps are the same.
    ``void[(person, interest)]``: the pairs where that interest counts for nothing (a
    misleading title).
    """
    best = np.full(len(columns), NO_SIMILARITY)
    note = np.full(len(columns), NO_SIMILARITY)
    counts = np.fromiter((len(m.interests) for m in meanings), np.int64, len(meanings))
    noted = np.fromiter((m.experience is not None for m in meanings), np.bool_, len(meanings))
    texts = counts + noted  # each person's vectors: the interests, then the note
    if not texts.any() or len(columns) == 0:
        return best, note
    # Per pair, one slot per vector of its person, in that order: the grid sums.
    sums = np.zeros((len(columns), int(texts.max())), dtype=np.float32)
    for person, meaning in enumerate(meanings):
        start, stop = int(bounds[person]), int(bounds[person + 1])
        if start == stop or not texts[person]:
            continue
        vectors = meaning.vectors if meaning.experience is None else np.vstack(
            [meaning.vectors, meaning.experience])
        sums[start:stop, :len(vectors)] = index.matrix_[columns[start:stop]] @ vectors.T
    person_of = np.repeat(np.arange(len(meanings)), np.diff(bounds))
    hubs = np.zeros((len(meanings), sums.shape[1]))
    for person, meaning in enumerate(meanings):
        hubs[person, :texts[person]] = meaning.hubs[:texts[person]]
    vacancy_hubs = index.hubs_[columns]

    def similarity(at: IntArray, slots: IntArray | int) -> FloatArray:
        """The similarity of the pairs ``at`` with their person's vector in ``slots``."""
        cosines = sums[at, slots].astype(np.float64) / (GRID * GRID)
        value: FloatArray = 2.0 * cosines - vacancy_hubs[at] - hubs[person_of[at], slots]
        return value

    every = np.arange(len(columns))
    voided = _voided_slots(meanings, void, sums.shape[1])
    for slot in range(int(counts.max())):
        value = similarity(every, slot)
        if voided[slot]:
            value[np.concatenate(voided[slot])] = NO_SIMILARITY
        best = np.where(slot < counts[person_of], np.maximum(best, value), best)
    at = np.flatnonzero(noted[person_of])
    note[at] = similarity(at, counts[person_of[at]])
    return best, note


def _voided_slots(
    meanings: Sequence[SemanticQuery], void: Mapping[tuple[int, str], IntArray], width: int
) -> list[list[IntArray]]:
    """Per interest slot, the pairs (positions) where that slot's interest is void."""
    voided: list[list[IntArray]] = [[] for _ in range(width)]
    for (person, interest), pairs in void.items():
        for slot, name in enumerate(meanings[person].interests):
            if name == interest:
                voided[slot].append(pairs)
    return voided


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
    p: Participant, vacancy: Vacancy, text: float, semantic: SemanticScores,
    values: Sequence[float],
) -> PairFacts:
    """What a shown pair's reasons read (positional: one per shown vacancy), given the
    pair's components."""
    # A tag match scores 0 or at least the cutoff, and the interest component is at
    # least the tag match (or, without interest text, neutral with no interests to
    # match): an interest below the cutoff means no tag matched, and the per-pair tag
    # match (which names the words) would find none. A quarter of the shown matches.
    tag = (_NO_TAG_MATCH if values[0] < TAG_MATCH_CUTOFF
           else vacancy_tag_match(p.interests, vacancy))
    # The per-pair distance keeps reasons word-for-word equal to the reference.
    return PairFacts(p, vacancy, tag, text, pair_distance_km(p, vacancy), semantic)


#: No tag match, for the pairs whose interest component rules one out.
_NO_TAG_MATCH = TagMatch(0.0)


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


def _top(order_score: FloatArray, id_rank: IntArray, rows: IntArray, limit: int | None) -> IntArray:
    """Positions in ``order_score`` (the vacancies at ``rows``, ranked by ``id_rank`` over
    all vacancies) sorted by score descending then id ascending, cut to ``limit``."""
    lower = -order_score  # one negation, read by the partition and the sort
    if limit is not None and limit < len(order_score):
        if limit <= 0:
            return np.zeros(0, dtype=np.int64)
        # Partition first: only candidates at or above the limit-th score are sorted.
        threshold = np.partition(lower, limit - 1)[limit - 1]
        candidates = np.flatnonzero(lower <= threshold)
    else:
        candidates = np.arange(len(order_score))
    # Only the candidates' id ranks are looked up.
    chosen = candidates[np.lexsort((id_rank[rows[candidates]], lower[candidates]))]
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
        participants at once, in three steps: the constraints for people whose
        constraints take the same branches (:func:`_constraint_branches`) as one
        people x vacancies array; the interest evidence of every feasible pair at
        once; the components and the score for the pairs of people whose components
        take the same branches (:func:`_component_branches`). Each step is a handful
        of array operations instead of a few dozen per person.

        Examples
        --------
        >>> vs = [Vacancy("v-1", "taalstage", "Kok", (), 1, status="published", remote=True)]
        >>> rows, columns, scores = Ranker().fit(vs).score_pairs([Participant("p", frozenset())])
        >>> rows.tolist(), columns.tolist(), scores.round(3).tolist()
        ([0], [0], [0.65])
        """
        self._check_fitted()
        chosen = self._weights_for(weights)
        if self.engine == "reference":
            return self._score_pairs_reference(participants, weights)
        wants = [_Wants.of(participant) for participant in participants]
        owner, columns, km = self._feasible_pairs(participants, wants)
        interest = self._interest_pairs(participants, owner, columns)
        score = np.zeros(len(owner))
        groups: dict[tuple[object, ...], list[int]] = {}
        for position, participant in enumerate(participants):
            groups.setdefault(_component_branches(participant, wants[position]), []
                              ).append(position)
        for members in groups.values():
            at, local = _pairs_of(owner, members, len(participants))
            if len(at):
                score[at] = self._score_group(
                    _Wants.of_group([wants[i] for i in members]).at(local), columns[at],
                    km[at], interest[at], has_interest_text(participants[members[0]]), chosen)
        return owner, columns, score

    def _score_pairs_reference(
        self, participants: Sequence[Participant], weights: Mapping[str, float] | None
    ) -> tuple[IntArray, IntArray, FloatArray]:
        """:meth:`score_pairs` of the reference engine: :meth:`score_row` per person."""
        rows: list[IntArray] = [np.zeros(0, np.int64)]
        columns: list[IntArray] = [np.zeros(0, np.int64)]
        scores: list[FloatArray] = [np.zeros(0, np.float64)]
        for position, participant in enumerate(participants):
            row = self.score_row(participant, weights=weights)
            where = np.flatnonzero(row.feasible)
            rows.append(np.full(len(where), position, dtype=np.int64))
            columns.append(where.astype(np.int64))
            scores.append(row.score[where])
        return np.concatenate(rows), np.concatenate(columns), np.concatenate(scores)

    def _feasible_pairs(
        self, participants: Sequence[Participant], wants: Sequence[_Wants]
    ) -> tuple[IntArray, IntArray, FloatArray]:
        """Person, vacancy and km of every pair no constraint excludes, in (person,
        vacancy) order: :meth:`_evaluate`'s codes and distances, decided for people
        sharing their constraint branches as one people x vacancies array (in parts of
        at most :data:`PAIRS_AT_ONCE` pairs)."""
        n = len(self.vacancies_)
        # A closed or full vacancy is excluded for everyone: only the others are looked at.
        open_rows = np.flatnonzero(self.columns_.static_codes == 0)
        every = self.columns_.take(open_rows)
        groups: dict[tuple[object, ...], list[int]] = {}
        for position, own in enumerate(wants):
            groups.setdefault(_constraint_branches(own), []).append(position)
        size = max(1, PAIRS_AT_ONCE // max(1, len(open_rows)))
        found: list[tuple[IntArray, IntArray, FloatArray]] = []
        for group in groups.values():
            for start in range(0, len(group), size):
                members = group[start:start + size]
                # One row per person, one column per vacancy: the wants as a column broadcast.
                column = _Wants.of_group([wants[i] for i in members]).at((slice(None), None))
                codes = _schedule_codes(every, column) | _other_codes(every, column)
                person, vacancy = np.nonzero(codes == 0)
                km, far = _group_distances(every, [participants[i] for i in members],
                                           person, vacancy)
                near = ~far
                found.append((np.asarray(members, dtype=np.int64)[person[near]],
                              open_rows[vacancy[near]], km[near]))
        if not found:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64)
        owner, columns, km = (np.concatenate(part) for part in zip(*found, strict=True))
        order = np.argsort(owner * n + columns, kind="stable")
        return owner[order], columns[order].astype(np.int64), km[order]

    def _score_group(
        self, wants: _Wants, columns: IntArray, km: FloatArray, interest: FloatArray,
        has_text: bool, weights: Weights,
    ) -> FloatArray:
        """:meth:`_evaluate`'s scores of pairs whose people share their component branches
        (``wants``: one entry per pair)."""
        values = _component_values(self.columns_.take(columns, _COMPONENT_COLUMNS), wants, km,
                                   interest, has_text)
        score = np.zeros(len(columns))
        for weight, component in zip(weights, values, strict=True):
            score = score + weight * component
        result: FloatArray = np.minimum(score, 1.0)
        return result

    def _interest_pairs(
        self, participants: Sequence[Participant], owner: IntArray, columns: IntArray
    ) -> FloatArray:
        """:meth:`_interest_values` of every pair (``owner`` sorted): neutral for people
        without interest text; for the others, every pair at once."""
        result = np.full(len(owner), NEUTRAL)
        has_text = np.fromiter(map(has_interest_text, participants), np.bool_, len(participants))
        at = np.flatnonzero(has_text[owner])
        if len(at) == 0:
            return result
        # Only people with a feasible pair are asked for their queries; in parts, as the
        # text product holds a people x vacancies array (PAIRS_AT_ONCE entries at most).
        asking, local = np.unique(owner[at], return_inverse=True)
        people = [participants[i] for i in asking.tolist()]
        size = max(1, PAIRS_AT_ONCE // max(1, len(self.vacancies_)))
        bounds = np.searchsorted(local, np.arange(0, len(people) + size, size)).tolist()
        for part, (start, stop) in enumerate(pairwise(bounds)):
            if start < stop:
                result[at[start:stop]] = self._evidence(
                    people[part * size:(part + 1) * size],
                    local[start:stop].astype(np.int64) - part * size, columns[at[start:stop]])
        return result

    def _evidence(
        self, people: Sequence[Participant], owner: IntArray, columns: IntArray
    ) -> FloatArray:
        """The interest evidence of pairs of people with interest text (``owner`` sorted,
        every person with a pair), misled interests included, as :meth:`_interest_values`
        finds it for one person: the queries of all people made at once."""
        index, semantic = self.text_index_, self.semantic_index_
        bounds = np.searchsorted(owner, np.arange(len(people) + 1))
        # The semantic queries are mostly BLAS products (the GIL released): on many pairs
        # they run in a second thread while this one works out tags and text.
        with _alongside(lambda: None if semantic is None else semantic.queries(people),
                        len(owner)) as meanings:
            void = self._void_pairs(people, bounds, columns)
            tags = index.tag_match_pairs([p.interests for p in people], owner, columns)
            text = index.similarity_pairs(index.queries(people), owner, columns)
            if void:
                # As _evaluate: misled interests count for nothing on those pairs.
                text[np.concatenate(list(void.values()))] = 0.0
                tags = self._void_tags(people, bounds, columns, void, tags)
        best = np.full(len(owner), NO_SIMILARITY)
        note = np.full(len(owner), NO_SIMILARITY)
        queries = meanings()
        if semantic is not None and queries is not None:
            best, note = _semantic_pairs(semantic, queries, bounds, columns, void)
        evidence = [tags, text, calibrated(best), EXPERIENCE_SHARE * calibrated(note)]
        result: FloatArray = np.maximum.reduce(evidence)
        return result

    def _void_pairs(
        self, people: Sequence[Participant], bounds: IntArray, columns: IntArray
    ) -> dict[tuple[int, str], IntArray]:
        """:meth:`_void` for pairs: per (person, interest), the positions of that person's
        pairs whose title only seems to fit the interest (people with none are left out).

        A person's pairs are ``bounds[person]:bounds[person + 1]``.
        """
        void: dict[tuple[int, str], IntArray] = {}
        if not self.misleading_rows_:
            return void
        parts_of: dict[str, list[str]] = {}  # interest -> the parts that mislead it
        for p in people:
            for interest in p.interests:
                if interest not in parts_of:
                    parts_of[interest] = [part for part in self.misleading_rows_
                                          if misled(interest, part)]
        inside: dict[str, BoolArray] = {}
        for person, p in enumerate(people):
            start, stop = int(bounds[person]), int(bounds[person + 1])
            for interest in dict.fromkeys(p.interests):
                for part in parts_of[interest]:
                    if part not in inside:
                        inside[part] = np.isin(columns, self.misleading_rows_[part])
                    own = start + np.flatnonzero(inside[part][start:stop])
                    if len(own):
                        key = (person, interest)
                        void[key] = np.union1d(void[key], own) if key in void else own
        return void

    def _void_tags(
        self, people: Sequence[Participant], bounds: IntArray, columns: IntArray,
        void: dict[tuple[int, str], IntArray], tags: FloatArray,
    ) -> FloatArray:
        """``tags`` with each misled person's pairs worked out as :meth:`_tag_values` does."""
        result = tags.copy()
        for person in sorted({person for person, _ in void}):
            start, stop = int(bounds[person]), int(bounds[person + 1])
            best = np.zeros(stop - start)
            for interest in dict.fromkeys(people[person].interests):
                values = self.text_index_.tag_match_all([interest], columns[start:stop])
                if (person, interest) in void:
                    values[void[(person, interest)] - start] = 0.0
                best = np.maximum(best, values)
            result[start:stop] = best
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
        # Pairwise, in place: a maximum is exact, and reduce would first stack the
        # evidence into one new array (no NaN and no negative zero among them).
        result: FloatArray = np.maximum(evidence[0], evidence[1])
        for more in evidence[2:]:
            np.maximum(result, more, out=result)
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
        top = _top(evaluation.score, self.columns_.id_rank, evaluation.feasible, limit)
        # The returned rows' numbers as Python floats at once, not one numpy scalar each;
        # the components as one list per match from a single gather (not one per component).
        rows = evaluation.feasible[top]
        positions = rows.tolist()
        texts = evaluation.text[top].tolist()
        scores = evaluation.score[top].tolist()
        km = evaluation.distances.km[rows].tolist()
        values = np.stack(evaluation.components)[:, top].T.tolist()
        vacancies = self.vacancies_
        pairs = list(map(_pair_facts, repeat(p), map(vacancies.__getitem__, positions), texts,
                         _pair_semantics(evaluation, top), values))
        if evaluation.meaning is not None:
            prepare_reasons(pairs)  # new vacancy phrases embedded in one call, not one each
        ranked = tuple(map(_match, pairs, values, scores, km))
        return Ranking(p.id, ranked, self._exclusions(p, evaluation, mask))

    def _exclusions(
        self, p: Participant, evaluation: _Evaluation, mask: BoolArray | None
    ) -> ExclusionList:
        codes = evaluation.codes
        excluded = codes if mask is None else (codes != 0) & mask
        distances = evaluation.distances
        vacancies = self.vacancies_
        # The excluded positions, their distances, and the distance bit of vacancies
        # something else already excluded, are found all at once when the first
        # exclusion, distance or code list is asked for: a ranking whose exclusions
        # nobody reads only counts them (listing some 47k of 50k took 0.05-0.15 ms).
        # As Python lists too: building 10k exclusions reads them item by item.
        prepared: list[_Prepared] = []

        def prepare() -> _Prepared:
            if not prepared:
                positions = np.flatnonzero(excluded)
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
        return _Exclusions(int(np.count_nonzero(excluded)), build, prepare, listed[1])

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
