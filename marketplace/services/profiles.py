"""The one place that converts between database rows and the profile format of the spec.

Rows become spec profiles (plain dicts, the interchange format of `matching`), and
spec profiles become row fields (seed data, imports). Nothing else converts.
"""

from __future__ import annotations

from typing import Any

from marketplace.domain.vocabulary import LANGUAGE_SKILLS
from marketplace.models import Participant, Vacancy

VACANCY_PROFILE_FIELDS = (
    "type",
    "title",
    "description",
    "tags",
    "postcode",
    "remote",
    "schedule",
    "dayparts_needed",
    "capacity",
    "filled",
    "language_rich",
    "language_support",
    "other_languages",
    "literacy_required",
    "women_only",
    "physical_load",
    "duration_weeks",
    "status",
)

PARTICIPANT_PROFILE_FIELDS = (
    "postcode",
    "max_travel_km",
    "literate_latin",
    "route",
    "interests",
    "experience",
    "availability",
    "lessons",
    "childcare_needed",
    "gender",
    "women_only",
    "max_physical_load",
)


def _location(lat: float | None, lon: float | None) -> dict[str, float] | None:
    if lat is None or lon is None:
        return None
    return {"lat": lat, "lon": lon}


def _plain(value: Any) -> Any:
    """Enum members become their string value; everything else passes through."""
    return getattr(value, "value", value)


def vacancy_profile(vacancy: Vacancy) -> dict[str, Any]:
    """A vacancy row as a spec vacancy profile."""
    profile: dict[str, Any] = {"id": vacancy.ref, "organisation": vacancy.organisation.name}
    for field in VACANCY_PROFILE_FIELDS:
        profile[field] = _plain(getattr(vacancy, field))
    profile["hours_per_week"] = {"min": vacancy.hours_min, "max": vacancy.hours_max}
    profile["language_min"] = vacancy.language_minimum()
    profile["childcare"] = {
        "offered": vacancy.childcare_offered,
        "children_welcome": vacancy.children_welcome,
    }
    location = _location(vacancy.lat, vacancy.lon)
    if location:
        profile["location"] = location
    return {key: value for key, value in profile.items() if value is not None}


def participant_profile(participant: Participant) -> dict[str, Any]:
    """A participant row as a spec participant profile (no name, contact or health)."""
    profile: dict[str, Any] = {"id": participant.ref}
    for field in PARTICIPANT_PROFILE_FIELDS:
        profile[field] = _plain(getattr(participant, field))
    profile["languages"] = {
        "nl": participant.language_levels(),
        "other": list(participant.other_languages),
    }
    profile["hours_per_week"] = {"min": participant.hours_min, "max": participant.hours_max}
    profile["ladder_step"] = participant.ladder_step
    location = _location(participant.lat, participant.lon)
    if location:
        profile["location"] = location
    return {key: value for key, value in profile.items() if value is not None}


def vacancy_fields_from_profile(profile: dict[str, Any]) -> dict[str, Any]:
    """Column values for a Vacancy from a spec vacancy profile (without organisation)."""
    fields = {field: profile[field] for field in VACANCY_PROFILE_FIELDS if field in profile}
    fields["ref"] = profile["id"]
    hours = profile.get("hours_per_week") or {"min": 0, "max": 0}
    fields["hours_min"], fields["hours_max"] = hours["min"], hours["max"]
    language_min = profile.get("language_min") or {}
    for skill in LANGUAGE_SKILLS:
        fields[f"lang_min_{skill}"] = language_min.get(skill)
    childcare = profile.get("childcare") or {}
    fields["childcare_offered"] = bool(childcare.get("offered"))
    fields["children_welcome"] = bool(childcare.get("children_welcome"))
    fields.update(_location_fields(profile))
    return fields


def participant_fields_from_profile(profile: dict[str, Any]) -> dict[str, Any]:
    """Column values for a Participant from a spec participant profile."""
    fields = {field: profile[field] for field in PARTICIPANT_PROFILE_FIELDS if field in profile}
    fields["ref"] = profile["id"]
    hours = profile.get("hours_per_week") or {"min": 0, "max": 16}
    fields["hours_min"], fields["hours_max"] = hours["min"], hours["max"]
    languages = profile.get("languages") or {}
    levels = languages.get("nl") or {}
    for skill in LANGUAGE_SKILLS:
        fields[f"nl_{skill}"] = levels.get(skill, "A0")
    fields["other_languages"] = list(languages.get("other") or [])
    fields.update(_location_fields(profile))
    return fields


def _location_fields(profile: dict[str, Any]) -> dict[str, Any]:
    location = profile.get("location")
    if not location:
        return {}
    return {"lat": location["lat"], "lon": location["lon"], "geo_precision": "location"}
