"""Hard constraints and their reason codes, one pair at a time.

This module is the specification of the contract's table in code. The fast
engine computes the same codes with array operations and is tested against it;
both engines use :func:`explain` to put every code into words for a coach.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from matching.dutch import (
    LOAD_WORDS,
    SKILL_WORDS,
    STATUS_WORDS,
    dayparts_text,
    km_text,
    level_text,
    number_text,
)
from matching.geo import haversine_km
from matching.types import (
    ConstraintFailure,
    Exclusion,
    Participant,
    Vacancy,
    mask_dayparts,
)

__all__ = [
    "CODES",
    "check",
    "code_mask",
    "decode",
    "exclusion",
    "explain",
    "pair_distance_km",
]

#: Reason codes in the order of the contract's table; a code's index is its bit.
CODES: tuple[str, ...] = (
    "closed",
    "capacity",
    "language",
    "literacy",
    "schedule",
    "childcare",
    "distance",
    "hours",
    "women_only",
    "physical_load",
)


def pair_distance_km(participant: Participant, vacancy: Vacancy) -> float | None:
    """Great-circle distance in km, or None when either location is unknown.

    Examples
    --------
    >>> from matching.types import Location
    >>> p = Participant("p", frozenset(), location=Location(51.8, 5.7))
    >>> v = Vacancy("v", "taalstage", "t", (), 1, location=Location(51.8, 5.7))
    >>> pair_distance_km(p, v)
    0.0
    """
    if participant.location is None or vacancy.location is None:
        return None
    here, there = participant.location, vacancy.location
    return haversine_km(here.lat, here.lon, there.lat, there.lon)


def _usable_count(mask: int) -> int:
    return mask.bit_count()


def _closed(p: Participant, v: Vacancy, d: float | None) -> bool:
    return v.status != "published"


def _capacity(p: Participant, v: Vacancy, d: float | None) -> bool:
    return v.filled >= v.capacity


def _language(p: Participant, v: Vacancy, d: float | None) -> bool:
    return any(need > have for need, have in zip(v.language_min, p.nl_levels, strict=True))


def _literacy(p: Participant, v: Vacancy, d: float | None) -> bool:
    return v.literacy_required and not p.literate_latin


def _schedule(p: Participant, v: Vacancy, d: float | None) -> bool:
    return _usable_count(v.schedule_mask & p.free_mask) < v.needed


def _childcare(p: Participant, v: Vacancy, d: float | None) -> bool:
    if _schedule(p, v, d) or v.childcare_arranged:
        return False
    return _usable_count(v.schedule_mask & p.free_mask & ~p.care_mask) < v.needed


def _distance(p: Participant, v: Vacancy, d: float | None) -> bool:
    # An unknown distance never excludes; it becomes a warning instead.
    return not v.remote and d is not None and p.max_travel_km is not None and d > p.max_travel_km


def _hours(p: Participant, v: Vacancy, d: float | None) -> bool:
    if p.hours is None or v.hours is None:
        return False
    return p.hours.max < v.hours.min or p.hours.min > v.hours.max


def _women_only(p: Participant, v: Vacancy, d: float | None) -> bool:
    return (v.women_only and p.gender != "f") or (p.women_only and not v.women_only)


def _physical_load(p: Participant, v: Vacancy, d: float | None) -> bool:
    return v.physical_load > p.max_physical_load


_Rule = Callable[[Participant, Vacancy, "float | None"], bool]
_RULES: tuple[_Rule, ...] = (
    _closed, _capacity, _language, _literacy, _schedule,
    _childcare, _distance, _hours, _women_only, _physical_load,
)


def check(participant: Participant, vacancy: Vacancy, distance_km: float | None) -> tuple[str, ...]:
    """Return every failing code for one pair, in the contract's order.

    Parameters
    ----------
    participant, vacancy
        The pair.
    distance_km : float or None
        From :func:`pair_distance_km`; None when a location is unknown.

    Examples
    --------
    >>> p = Participant("p", frozenset({"mon_morning"}))
    >>> v = Vacancy("v", "taalstage", "t", ("tue_morning",), 1, status="published")
    >>> check(p, v, None)
    ('schedule',)
    """
    return tuple(
        code
        for code, rule in zip(CODES, _RULES, strict=True)
        if rule(participant, vacancy, distance_km)
    )


def code_mask(codes: tuple[str, ...]) -> int:
    """Return the bitmask of a tuple of codes.

    Examples
    --------
    >>> code_mask(("closed", "language"))
    5
    """
    mask = 0
    for code in codes:
        mask |= 1 << CODES.index(code)
    return mask


@lru_cache(maxsize=1024)
def decode(mask: int) -> tuple[str, ...]:
    """Return the codes of a bitmask, in the contract's order.

    Examples
    --------
    >>> decode(5)
    ('closed', 'language')
    """
    return tuple(code for index, code in enumerate(CODES) if mask >> index & 1)


# --------------------------------------------------------------------------- wording


def _hours_text(low: float, high: float) -> str:
    if low == high:
        return f"{number_text(low)} uur"
    return f"{number_text(low)}–{number_text(high)} uur"


def _explain_language(p: Participant, v: Vacancy) -> str:
    parts = [
        f"{SKILL_WORDS[i]} {level_text(need)} gevraagd, deelnemer {level_text(have)}"
        for i, (need, have) in enumerate(zip(v.language_min, p.nl_levels, strict=True))
        if need > have
    ]
    return "Taal: " + "; ".join(parts)


def _explain_schedule(p: Participant, v: Vacancy) -> str:
    free = _usable_count(v.schedule_mask & p.free_mask)
    text = f"Rooster: {free} van {v.needed} benodigde dagdelen vrij"
    # Lessons are the blocker a coach can act on (move a lesson), so name them.
    lessons = [code for code in v.schedule if code in p.lessons]
    if lessons:
        text += f"; les op {dayparts_text(lessons)}"
    return text


def _explain_childcare(p: Participant, v: Vacancy) -> str:
    home = mask_dayparts(v.schedule_mask & p.free_mask & p.care_mask)
    return f"Kinderopvang: {dayparts_text(home)} kinderen thuis, geen opvang"


def _explain_distance(p: Participant, d: float | None) -> str:
    limit = number_text(p.max_travel_km or 0.0)
    return f"Afstand: {km_text(d or 0.0)}, maximaal {limit} km"


def _explain_hours(p: Participant, v: Vacancy) -> str:
    assert p.hours is not None and v.hours is not None
    wanted = _hours_text(v.hours.min, v.hours.max)
    return f"Uren: {wanted} per week gevraagd, deelnemer {_hours_text(p.hours.min, p.hours.max)}"


def _explain_women_only(p: Participant, v: Vacancy) -> str:
    if v.women_only and p.gender != "f":
        return "Alleen vrouwen: deze plek is alleen voor vrouwen"
    return "Alleen vrouwen: deelnemer zoekt een plek met alleen vrouwen"


def _explain_one(code: str, p: Participant, v: Vacancy, d: float | None) -> str:
    # A table of lambdas would hide the wording; one readable branch per code instead.
    texts: dict[str, Callable[[], str]] = {
        "closed": lambda: f"Niet gepubliceerd: status {STATUS_WORDS.get(v.status, v.status)}",
        "capacity": lambda: f"Vol: {v.filled} van {v.capacity} plaatsen bezet",
        "language": lambda: _explain_language(p, v),
        "literacy": lambda: "Lezen en schrijven in het Latijnse schrift nodig",
        "schedule": lambda: _explain_schedule(p, v),
        "childcare": lambda: _explain_childcare(p, v),
        "distance": lambda: _explain_distance(p, d),
        "hours": lambda: _explain_hours(p, v),
        "women_only": lambda: _explain_women_only(p, v),
        "physical_load": lambda: (
            f"Belasting: {LOAD_WORDS[v.physical_load]} werk, "
            f"deelnemer maximaal {LOAD_WORDS[p.max_physical_load]}"
        ),
    }
    return texts[code]()


def explain(
    participant: Participant,
    vacancy: Vacancy,
    codes: tuple[str, ...],
    distance_km: float | None,
) -> tuple[ConstraintFailure, ...]:
    """Put each failing code into a short Dutch sentence for a coach.

    Examples
    --------
    >>> from matching.types import Location
    >>> p = Participant("p", frozenset(), max_travel_km=5)
    >>> v = Vacancy("v", "taalstage", "t", (), 1, status="published")
    >>> explain(p, v, ("distance",), 12.34)[0].explanation
    'Afstand: 12,3 km, maximaal 5 km'
    """
    return tuple(
        ConstraintFailure(code, _explain_one(code, participant, vacancy, distance_km))
        for code in codes
    )


def exclusion(
    participant: Participant,
    vacancy: Vacancy,
    codes: tuple[str, ...],
    distance_km: float | None,
    *,
    reported_km: float | None = None,
) -> Exclusion:
    """Build the :class:`Exclusion` of a pair with its explained codes.

    ``distance_km`` explains the codes and is reported on the exclusion unless
    ``reported_km`` is given (the fast engine passes its vectorised distance,
    equal to ``distance_km`` to rounding).

    Examples
    --------
    >>> p = Participant("p", frozenset())
    >>> v = Vacancy("v", "taalstage", "t", (), 1, filled=1, status="published")
    >>> exclusion(p, v, ("capacity",), None).details[0].explanation
    'Vol: 1 van 1 plaatsen bezet'
    """
    details = explain(participant, vacancy, codes, distance_km)
    km = distance_km if reported_km is None else reported_km
    return Exclusion(vacancy.id, codes, details, km)
