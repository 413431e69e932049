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
