"""Koppelkans matching: rank and allocate placements for newcomers.

A framework-free library implementing ``spec/PROFILES.md``: load and validate
profiles (:func:`load_participants`, :func:`load_vacancies`), rank vacancies for
a participant with a fitted :class:`Ranker` (``engine="fast"`` or
``"reference"``), explain exclusions (:func:`explain`), and assign participants
to vacancies with maximal total score (:func:`allocate`). It never imports
Flask or SQLAlchemy.

Examples
--------
>>> from matching import Ranker, load_participants, load_vacancies
>>> vacancies = load_vacancies([{"id": "v-1", "type": "taalstage", "title": "Koken",
...     "tags": ["koken"], "schedule": ["mon_morning"], "capacity": 1,
...     "status": "published", "remote": True}])
>>> participant = load_participants({"id": "p-1", "availability": ["mon_morning"],
...     "interests": ["kok"]})[0]
>>> Ranker().fit(vacancies).rank(participant).ranked[0].reasons[0]
'Past bij interesse kok: koken'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below, imported for real on first use (see __getattr__)
    from matching.allocation import allocate, solve_assignment
    from matching.constraints import CODES, check, explain, pair_distance_km
    from matching.profiles import (
        Geocoder,
        Problem,
        ProfileError,
        load_participants,
        load_vacancies,
        participant_from_dict,
        read_json,
        vacancy_from_dict,
    )
    from matching.ranker import ENGINES, Ranker, ScoreRow
    from matching.scoring import COMPONENTS, DEFAULT_WEIGHTS, resolve_weights
    from matching.types import (
        Allocation,
        Assignment,
        ConstraintFailure,
        Exclusion,
        Hours,
        Location,
        Match,
        Participant,
        Ranking,
        Vacancy,
    )

#: Where each public name lives. ``import matching`` (and so ``python -m
#: matching``) imports nothing else: each submodule is loaded when one of its
#: names is first used, so a command pays only for what it runs.
_HOMES: dict[str, str] = {
    **dict.fromkeys(("allocate", "solve_assignment"), "allocation"),
    **dict.fromkeys(("CODES", "check", "explain", "pair_distance_km"), "constraints"),
    **dict.fromkeys(
        ("Geocoder", "Problem", "ProfileError", "load_participants", "load_vacancies",
         "participant_from_dict", "read_json", "vacancy_from_dict"),
        "profiles",
    ),
    **dict.fromkeys(("ENGINES", "Ranker", "ScoreRow"), "ranker"),
    **dict.fromkeys(("COMPONENTS", "DEFAULT_WEIGHTS", "resolve_weights"), "scoring"),
    **dict.fromkeys(
        ("Allocation", "Assignment", "ConstraintFailure", "Exclusion", "Hours", "Location",
         "Match", "Participant", "Ranking", "Vacancy"),
        "types",
    ),
}


def __getattr__(name: str) -> Any:
    """Import the submodule that defines ``name`` on first use (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'matching' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"matching.{home}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))


__all__ = [
    "CODES",
    "COMPONENTS",
    "DEFAULT_WEIGHTS",
    "ENGINES",
    "Allocation",
    "Assignment",
    "ConstraintFailure",
    "Exclusion",
    "Geocoder",
    "Hours",
    "Location",
    "Match",
    "Participant",
    "Problem",
    "ProfileError",
    "Ranker",
    "Ranking",
    "ScoreRow",
    "Vacancy",
    "allocate",
    "check",
    "explain",
    "load_participants",
    "load_vacancies",
    "pair_distance_km",
    "participant_from_dict",
    "read_json",
    "resolve_weights",
    "solve_assignment",
    "vacancy_from_dict",
]
