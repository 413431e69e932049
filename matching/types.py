"""Frozen value types shared by every part of :mod:`matching`.

Profiles are converted once, at load time, into :class:`Participant` and
:class:`Vacancy`; the engines return :class:`Ranking` objects holding
:class:`Match` and :class:`Exclusion` values. Vocabularies from the contract
(``spec/PROFILES.md``) live here so that there is one copy of each.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, overload

import numpy as np
import numpy.typing as npt

__all__ = [
    "CEFR_LEVELS",
    "DAYPARTS",
    "LOADS",
    "PLACEMENT_TYPES",
    "ROUTES",
    "SKILLS",
    "Assignment",
    "Allocation",
    "ConstraintFailure",
    "Exclusion",
    "ExclusionColumns",
    "ExclusionList",
    "Hours",
    "Location",
    "Match",
    "Participant",
    "Ranking",
    "Vacancy",
    "daypart_mask",
    "exclusion_columns",
    "mask_dayparts",
]

#: CEFR levels in order; the index is the level's rank (``A0`` = 0).
CEFR_LEVELS: tuple[str, ...] = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
#: Language skills, in the order used for level tuples.
SKILLS: tuple[str, ...] = ("speaking", "listening", "reading", "writing")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_PARTS = ("morning", "afternoon", "evening")
#: The 21 dayparts; the index is the bit used in daypart masks.
DAYPARTS: tuple[str, ...] = tuple(f"{day}_{part}" for day in _DAYS for part in _PARTS)
#: Physical load in order; the index is its rank.
LOADS: tuple[str, ...] = ("light", "medium", "heavy")
PLACEMENT_TYPES: tuple[str, ...] = ("vrijwilligerswerk", "taalstage", "werkervaringsplaats")
ROUTES: tuple[str, ...] = ("B1", "onderwijs", "Z")

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

_DAYPART_BIT = {name: 1 << index for index, name in enumerate(DAYPARTS)}


def daypart_mask(dayparts: Iterable[str]) -> int:
    """Return the 21-bit mask of a collection of daypart names.

    Examples
    --------
    >>> daypart_mask(["mon_morning", "mon_evening"])
    5
    """
    mask = 0
    for name in dayparts:
        mask |= _DAYPART_BIT[name]
    return mask


def mask_dayparts(mask: int) -> tuple[str, ...]:
    """Return the daypart names of a mask, in calendar order.

    Examples
    --------
    >>> mask_dayparts(5)
    ('mon_morning', 'mon_evening')
    """
    return tuple(name for index, name in enumerate(DAYPARTS) if mask >> index & 1)


@dataclass(frozen=True, slots=True)
class Location:
    """A resolved point, with how precise it is.

    Examples
    --------
    >>> Location(51.8, 5.7, "given").lat
    51.8
    """

    lat: float
    lon: float
    precision: str = "given"


@dataclass(frozen=True, slots=True)
class Hours:
    """An inclusive range of hours per week.

    Examples
    --------
    >>> Hours(8, 16).max
    16.0
    """

    min: float
    max: float

    def __post_init__(self) -> None:
        # Normalise ints from JSON to float so equality and arithmetic are uniform.
        object.__setattr__(self, "min", float(self.min))
        object.__setattr__(self, "max", float(self.max))


def _frozen_mapping(value: Mapping[str, float]) -> Mapping[str, float]:
    return MappingProxyType(dict(value))


@dataclass(frozen=True, slots=True)
class Participant:
    """A participant profile, resolved and typed.

    Levels are CEFR ranks (``A0`` = 0) per skill in :data:`SKILLS` order; a skill
    the profile leaves out counts as ``A0``, as the contract says. Booleans the
    profile leaves out are false. ``max_physical_load`` is a rank in :data:`LOADS`.

    Examples
    --------
    >>> p = Participant(id="p-1", availability=frozenset({"mon_morning"}))
    >>> p.free_mask
    1
    """

    id: str
    availability: frozenset[str]
    location: Location | None = None
    location_given: bool = False
    max_travel_km: float | None = None
    nl_levels: tuple[int, int, int, int] = (0, 0, 0, 0)
    other_languages: frozenset[str] = frozenset()
    literate_latin: bool = False
    route: str | None = None
    interests: tuple[str, ...] = ()
    experience: str = ""
    lessons: frozenset[str] = frozenset()
    childcare_needed: frozenset[str] = frozenset()
    hours: Hours | None = None
    gender: str | None = None
    women_only: bool = False
    max_physical_load: int = len(LOADS) - 1
    ladder_step: int | None = None
    #: Dayparts the person can work at all: availability minus lessons (derived).
    free_mask: int = field(init=False, repr=False, compare=False)
    #: Dayparts with children at home and no care arranged (derived).
    care_mask: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Derived once: the engines read these masks for every pair.
        free = daypart_mask(self.availability) & ~daypart_mask(self.lessons)
        object.__setattr__(self, "free_mask", free)
        object.__setattr__(self, "care_mask", daypart_mask(self.childcare_needed))


@dataclass(frozen=True, slots=True)
class Vacancy:
    """A vacancy, resolved and typed.

    ``language_min`` holds CEFR ranks per skill in :data:`SKILLS` order; a skill
    without a minimum is 0 (``A0``), which every participant meets. A missing
    ``status`` is not ``published``; a missing ``physical_load`` is ``light``.

    Examples
    --------
    >>> v = Vacancy(id="v-1", type="taalstage", title="Keuken", schedule=("mon_morning",),
    ...             capacity=1, status="published")
    >>> v.needed, v.remaining
    (1, 1)
    """

    id: str
    type: str
    title: str
    schedule: tuple[str, ...]
    capacity: int
    organisation: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    location: Location | None = None
    location_given: bool = False
    remote: bool = False
    dayparts_needed: int | None = None
    hours: Hours | None = None
    filled: int = 0
    language_min: tuple[int, int, int, int] = (0, 0, 0, 0)
    language_rich: bool = False
    language_support: bool = False
    other_languages: frozenset[str] = frozenset()
    literacy_required: bool = False
    childcare_offered: bool = False
    children_welcome: bool = False
    women_only: bool = False
    physical_load: int = 0
    duration_weeks: int | None = None
    status: str | None = None
    #: The schedule's dayparts as a mask (derived).
    schedule_mask: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "schedule_mask", daypart_mask(self.schedule))

    @property
    def needed(self) -> int:
        """How many schedule dayparts a participant must be free for."""
        return len(self.schedule) if self.dayparts_needed is None else self.dayparts_needed

    @property
    def remaining(self) -> int:
        """Places still open (never negative)."""
        return max(0, self.capacity - self.filled)

    @property
    def childcare_arranged(self) -> bool:
        """Whether care is offered or children may come along."""
        return self.childcare_offered or self.children_welcome


@dataclass(frozen=True, slots=True)
class ConstraintFailure:
    """One failed hard constraint, with a short Dutch explanation for a coach.

    Examples
    --------
    >>> ConstraintFailure("distance", "Afstand: 12,3 km, maximaal 5 km").code
    'distance'
    """

    code: str
    explanation: str


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A vacancy that failed hard constraints for a participant.

    ``codes`` follow the order of the contract's table; ``details`` explain each
    code in Dutch, in the same order. ``distance_km`` is the great-circle distance
    the engine used (also for a remote vacancy), None when a location is unknown;
    it is not part of the contract's JSON shape.

    Examples
    --------
    >>> Exclusion("v-2", ("capacity",)).to_dict()
    {'vacancy': 'v-2', 'codes': ['capacity']}
    >>> Exclusion("v-3", ("distance",), distance_km=12.3).distance_km
    12.3
    """

    vacancy: str
    codes: tuple[str, ...]
    details: tuple[ConstraintFailure, ...] = ()
    distance_km: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's JSON shape."""
        return {"vacancy": self.vacancy, "codes": list(self.codes)}


@dataclass(frozen=True, slots=True)
class Match:
    """A ranked vacancy with its score, components, Dutch reasons and warnings.

    ``distance_km`` is the great-circle distance the engine used (also for a remote
    vacancy), None when a location is unknown; it is not part of the contract's
    JSON shape.

    Examples
    --------
    >>> m = Match("v-7", 0.8, {"interest": 1.0}, ("Past bij interesse: koken",),
    ...           distance_km=3.2)
    >>> m.to_dict()["reasons"], m.distance_km
    (['Past bij interesse: koken'], 3.2)
    """

    vacancy: str
    score: float
    components: Mapping[str, float]
    reasons: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    distance_km: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "components", _frozen_mapping(self.components))

    def __hash__(self) -> int:
        return hash((self.vacancy, self.score, tuple(self.components.items()), self.reasons))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Match):
            return NotImplemented
        return (
            self.vacancy == other.vacancy
            and self.score == other.score
            and dict(self.components) == dict(other.components)
            and self.reasons == other.reasons
            and self.warnings == other.warnings
            and self.distance_km == other.distance_km
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's JSON shape."""
        return {
            "vacancy": self.vacancy,
            "score": self.score,
            "components": dict(self.components),
            "reasons": list(self.reasons),
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class ExclusionColumns:
    """Exclusions as columns: exclusion ``i`` is of vacancy ``ids[at[i]]`` and fails
    the codes ``codes[which[i]]``.

    Ids and code lists repeat a great deal (the same vacancies for every
    participant of one fitted index, a few dozen distinct code lists), so a
    writer can encode each once and then index. ``ids`` is the same object for
    every ranking of one fitted index when the engine can manage it.

    Examples
    --------
    >>> found = exclusion_columns([Exclusion("v-1", ("closed",)), Exclusion("v-2", ("closed",))])
    >>> found.ids, found.at.tolist(), found.codes, found.which.tolist()
    (('v-1', 'v-2'), [0, 1], (('closed',),), [0, 0])
    """

    ids: Sequence[str]
    at: IntArray
    codes: Sequence[tuple[str, ...]]
    which: IntArray


def exclusion_columns(excluded: Sequence[Exclusion]) -> ExclusionColumns:
    """The :class:`ExclusionColumns` of any sequence of exclusions.

    A lazy :class:`ExclusionList` answers with its own :meth:`ExclusionList.columns`.
    """
    if isinstance(excluded, ExclusionList):
        return excluded.columns()
    distinct: dict[tuple[str, ...], int] = {}
    which = [distinct.setdefault(item.codes, len(distinct)) for item in excluded]
    return ExclusionColumns(
        ids=tuple(item.vacancy for item in excluded),
        at=np.arange(len(excluded), dtype=np.int64),
        codes=tuple(distinct),
        which=np.asarray(which, dtype=np.int64),
    )


class ExclusionList(Sequence[Exclusion]):
    """An immutable sequence of exclusions that builds each one on first access.

    The fast engine excludes most of a large index for a typical participant;
    building tens of thousands of objects per request would dominate its cost,
    so they are decoded from compact codes only when someone looks.

    ``distances_km``, when given, holds each exclusion's ``distance_km`` (NaN for
    None) so that :attr:`Ranking.excluded_distances_km` needs no building.

    Examples
    --------
    >>> lazy = ExclusionList(2, lambda i: Exclusion(f"v-{i}", ("closed",)))
    >>> [e.vacancy for e in lazy]
    ['v-0', 'v-1']
    """

    __slots__ = ("_build", "_cache", "_distances", "_length")

    def __init__(
        self, length: int, build: Any, distances_km: npt.ArrayLike | None = None
    ) -> None:
        self._length = length
        self._build = build
        self._cache: dict[int, Exclusion] = {}
        self._distances: FloatArray | None = None
        if distances_km is not None:
            distances = np.array(distances_km, dtype=np.float64)
            if distances.shape != (length,):
                raise ValueError(f"distances_km must have shape ({length},)")
            distances.flags.writeable = False
            self._distances = distances

    @property
    def distances_km(self) -> FloatArray:
        """Each exclusion's ``distance_km`` in order, NaN where None (read-only)."""
        if self._distances is None:
            return _distance_array(self)
        return self._distances

    def __len__(self) -> int:
        return self._length

    def columns(self) -> ExclusionColumns:
        """The ids and codes of every exclusion as columns (see :class:`ExclusionColumns`).

        This builds every exclusion; a subclass that knows the codes without
        building them (the fast engine's) overrides it.

        Examples
        --------
        >>> ExclusionList(1, lambda i: Exclusion("v-1", ("closed",))).columns().codes
        (('closed',),)
        """
        return exclusion_columns(tuple(self))

    def codes_by_vacancy(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each exclusion's vacancy id and codes, in order: all :meth:`to_dicts` needs.

        Examples
        --------
        >>> ExclusionList(1, lambda i: Exclusion("v-1", ("closed",))).codes_by_vacancy()
        [('v-1', ('closed',))]
        """
        found = self.columns()
        return list(zip(
            map(found.ids.__getitem__, found.at.tolist()),
            map(found.codes.__getitem__, found.which.tolist()),
            strict=True,
        ))

    def to_dicts(self) -> list[dict[str, Any]]:
        """The contract's JSON shape of every exclusion, as :meth:`Exclusion.to_dict`.

        Examples
        --------
        >>> ExclusionList(1, lambda i: Exclusion("v-1", ("closed",))).to_dicts()
        [{'vacancy': 'v-1', 'codes': ['closed']}]
        """
        return [
            {"vacancy": vacancy, "codes": list(codes)}
            for vacancy, codes in self.codes_by_vacancy()
        ]

    @overload
    def __getitem__(self, index: int) -> Exclusion: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Exclusion, ...]: ...

    def __getitem__(self, index: int | slice) -> Exclusion | tuple[Exclusion, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        found = self._cache.get(index)
        if found is None:
            found = self._build(index)
            self._cache[index] = found
        return found

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"ExclusionList({len(self)} exclusions)"


def _distance_array(items: Iterable[Match | Exclusion]) -> FloatArray:
    nan = float("nan")
    values = [nan if item.distance_km is None else item.distance_km for item in items]
    result = np.array(values, dtype=np.float64)
    result.flags.writeable = False
    return result


@dataclass(frozen=True, slots=True)
class Ranking:
    """The result of ranking one participant against a fitted index.

    ``ranked`` is sorted by score descending, ties by vacancy id ascending;
    ``excluded`` lists the vacancies that fail a hard constraint, in index order.
    Each :class:`Match` and :class:`Exclusion` carries its ``distance_km``; the
    properties :attr:`ranked_distances_km` and :attr:`excluded_distances_km` give
    them as arrays (NaN when unknown), e.g. to sort the exclusions nearest first
    without building every lazy exclusion.

    Examples
    --------
    >>> Ranking("p-1", (), ()).to_dict()
    {'participant': 'p-1', 'ranked': [], 'excluded': []}
    >>> ranking = Ranking("p-1", (), (Exclusion("v-1", ("closed",), distance_km=4.0),
    ...                                Exclusion("v-2", ("closed",))))
    >>> ranking.excluded_distances_km.tolist()
    [4.0, nan]
    """

    participant: str
    ranked: tuple[Match, ...]
    excluded: Sequence[Exclusion] = field(default=())

    @property
    def ranked_distances_km(self) -> FloatArray:
        """``distance_km`` of each ranked match, in order; NaN where unknown."""
        return _distance_array(self.ranked)

    @property
    def excluded_distances_km(self) -> FloatArray:
        """``distance_km`` of each exclusion, in order; NaN where unknown.

        Cheap for the fast engine's lazy :class:`ExclusionList`: nothing is built.
        """
        if isinstance(self.excluded, ExclusionList):
            return self.excluded.distances_km
        return _distance_array(self.excluded)

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's JSON shape."""
        return {
            "participant": self.participant,
            "ranked": [match.to_dict() for match in self.ranked],
            "excluded": (
                # A lazy list knows the codes without building every exclusion.
                self.excluded.to_dicts() if isinstance(self.excluded, ExclusionList)
                else [exclusion.to_dict() for exclusion in self.excluded]
            ),
        }


@dataclass(frozen=True, slots=True)
class Assignment:
    """One participant placed on one vacancy by :func:`matching.allocate`.

    Examples
    --------
    >>> Assignment("p-1", "v-1", 0.5).to_dict()
    {'participant': 'p-1', 'vacancy': 'v-1', 'score': 0.5}
    """

    participant: str
    vacancy: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's JSON shape."""
        return {"participant": self.participant, "vacancy": self.vacancy, "score": self.score}


@dataclass(frozen=True, slots=True)
class Allocation:
    """A capacity-constrained assignment with maximal total score.

    Examples
    --------
    >>> Allocation((), ("p-1",), 0.0).to_dict()
    {'assignments': [], 'unassigned': ['p-1'], 'total_score': 0.0}
    """

    assignments: tuple[Assignment, ...]
    unassigned: tuple[str, ...]
    total_score: float

    def to_dict(self) -> dict[str, Any]:
        """Return the contract's JSON shape."""
        return {
            "assignments": [a.to_dict() for a in self.assignments],
            "unassigned": list(self.unassigned),
            "total_score": self.total_score,
        }
