"""Limits of a vacancy that the form, the API and the bulk import share (pure, no I/O).

The limits themselves are declared once, in the vacancy record
(``domain/records/vacancy.py``); this module keeps the names its callers import and
checks a whole profile against them, with the rules that span two fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marketplace.domain.records import Message, profile_problems
from marketplace.domain.records.vacancy import (
    CAPACITY_MAX,
    CONTACT_MAX,
    DESCRIPTION_MAX,
    DURATION_MAX_WEEKS,
    HOURS_MAX,
    PROEFPERIODE_MAX_WEEKS,
    PROPOSAL_CAP_MAX,
    TITLE_MAX,
    VACANCY,
    cross_field_problems,
)

__all__ = [
    "CAPACITY_MAX", "CONTACT_MAX", "DESCRIPTION_MAX", "DURATION_MAX_WEEKS", "HOURS_MAX",
    "PROEFPERIODE_MAX_WEEKS", "PROPOSAL_CAP_MAX", "TITLE_MAX", "limit_problems",
    "record_problems",
]


def record_problems(profile: Mapping[str, Any]) -> list[tuple[str, Message]]:
    """(profile field, message) for every limit of the record a profile breaks."""
    return profile_problems(VACANCY, profile) + cross_field_problems(profile)


def limit_problems(profile: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(profile field, Dutch message) for every marketplace limit a valid profile breaks,
    as a clause after the column's name, like the import's other messages."""
    return [(field, _clause(str(message))) for field, message in record_problems(profile)]


def _clause(sentence: str) -> str:
    """'Kies minstens één dagdeel.' -> 'kies minstens één dagdeel'."""
    return sentence[:1].lower() + sentence[1:].rstrip(".")
