"""Limits of a vacancy that the form and the bulk import share (pure, no I/O).

The spec's JSON Schema (``matching.profiles.validate``) checks shape and vocabulary;
these are the marketplace's own bounds on top, in one place so that a typed form and
an imported row are held to the same rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

TITLE_MAX = 200
DESCRIPTION_MAX = 5000
CONTACT_MAX = 200
HOURS_MAX = 60
CAPACITY_MAX = 500
DURATION_MAX_WEEKS = 260
PROEFPERIODE_MAX_WEEKS = 26
PROPOSAL_CAP_MAX = 20


def _too_long(profile: Mapping[str, Any], field: str, limit: int) -> Iterator[tuple[str, str]]:
    value = profile.get(field)
    if isinstance(value, str) and len(value) > limit:
        yield field, f"is te lang: maximaal {limit} tekens"


def _above(profile: Mapping[str, Any], field: str, limit: int) -> Iterator[tuple[str, str]]:
    value = profile.get(field)
    if isinstance(value, int | float) and not isinstance(value, bool) and value > limit:
        yield field, f"kies een getal van hoogstens {limit}"


def limit_problems(profile: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(profile field, Dutch message) for every marketplace limit a valid profile breaks."""
    problems: list[tuple[str, str]] = []
    problems += _too_long(profile, "title", TITLE_MAX)
    problems += _too_long(profile, "description", DESCRIPTION_MAX)
    problems += _too_long(profile, "contact_person", CONTACT_MAX)
    problems += _above(profile, "capacity", CAPACITY_MAX)
    problems += _above(profile, "duration_weeks", DURATION_MAX_WEEKS)
    problems += _above(profile, "proefperiode_weeks", PROEFPERIODE_MAX_WEEKS)
    problems += _above(profile, "proposal_cap", PROPOSAL_CAP_MAX)
    if isinstance(profile.get("schedule"), list) and not profile["schedule"]:
        problems.append(("schedule", "kies minstens één dagdeel"))
    filled, capacity = profile.get("filled"), profile.get("capacity")
    if isinstance(filled, int) and isinstance(capacity, int) and filled > capacity:
        problems.append(("filled", f"er zijn maar {capacity} plekken"))
    return problems
