"""The one place that converts between database rows and the profile format of the spec.

Rows become spec profiles (plain dicts, the interchange format of `matching`), and
spec profiles become row fields (seed data, imports). Nothing else converts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from marketplace.domain.vocabulary import LANGUAGE_SKILLS
from marketplace.models import Participant, Vacancy
from matching.geo import normalise_postcode

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

# Marketplace fields carried along as extra profile fields (the spec allows extras and
# matching ignores them), so that imports and exports keep them.
VACANCY_EXTRA_FIELDS = (
    "contact_person",
    "contact_email",
    "contact_phone",
    "proefperiode_weeks",
    "proposal_cap",
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
    for field in VACANCY_PROFILE_FIELDS + VACANCY_EXTRA_FIELDS:
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
    names = VACANCY_PROFILE_FIELDS + VACANCY_EXTRA_FIELDS
    fields = {field: profile[field] for field in names if field in profile}
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


# ------------------------------------------------------------------ the flat format
# One row per vacancy (CSV and XLSX imports and exports): the spec's vacancy fields
# flattened, in this column order. Lists are space-separated (tags: comma-separated),
# booleans ja/nee (true/false, 1/0, yes/no are read too), an empty cell means "not given".

VACANCY_COLUMNS = (
    "id",
    "organisation",
    "type",
    "title",
    "description",
    "tags",
    "postcode",
    "remote",
    "schedule",
    "dayparts_needed",
    "hours_min",
    "hours_max",
    "capacity",
    "filled",
    "language_min_speaking",
    "language_min_listening",
    "language_min_reading",
    "language_min_writing",
    "language_rich",
    "language_support",
    "other_languages",
    "literacy_required",
    "childcare_offered",
    "children_welcome",
    "women_only",
    "physical_load",
    "duration_weeks",
    "proefperiode_weeks",
    "contact_person",
    "contact_email",
    "contact_phone",
    "proposal_cap",
    "status",
)
REQUIRED_COLUMNS = ("organisation", "type", "title", "schedule", "capacity")
BOOLEAN_COLUMNS = (
    "remote",
    "language_rich",
    "language_support",
    "literacy_required",
    "women_only",
)
INTEGER_COLUMNS = (
    "dayparts_needed",
    "capacity",
    "filled",
    "duration_weeks",
    "proefperiode_weeks",
    "proposal_cap",
)
TEXT_COLUMNS = ("organisation", "title", "description", "contact_person", "contact_email",
                "contact_phone")
_TRUE = {"ja", "j", "true", "waar", "yes", "y", "1", "x"}
_FALSE = {"nee", "n", "false", "onwaar", "no", "0"}
_LOADS = {"licht": "light", "gemiddeld": "medium", "zwaar": "heavy"}


def _yes_no(value: Any) -> str:
    return "ja" if value else "nee"


def _number_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def flat_row_from_profile(profile: Mapping[str, Any]) -> dict[str, str]:
    """A spec vacancy profile as one row of the flat format (every cell text)."""
    row = {column: "" for column in VACANCY_COLUMNS}
    for column in TEXT_COLUMNS + ("id", "type", "postcode", "physical_load", "status"):
        row[column] = str(profile.get(column) or "")
    for column in BOOLEAN_COLUMNS:
        row[column] = _yes_no(profile.get(column))
    for column in INTEGER_COLUMNS:
        row[column] = _number_text(profile.get(column))
    row["tags"] = ", ".join(profile.get("tags") or [])
    row["schedule"] = " ".join(profile.get("schedule") or [])
    row["other_languages"] = " ".join(profile.get("other_languages") or [])
    hours = profile.get("hours_per_week") or {}
    row["hours_min"] = _number_text(hours.get("min"))
    row["hours_max"] = _number_text(hours.get("max"))
    for skill, level in (profile.get("language_min") or {}).items():
        row[f"language_min_{skill}"] = level
    childcare = profile.get("childcare") or {}
    row["childcare_offered"] = _yes_no(childcare.get("offered"))
    row["children_welcome"] = _yes_no(childcare.get("children_welcome"))
    return row


def _boolean(text: str) -> bool | str:
    """ja/nee and friends as a bool; anything else stays text for the validator to name."""
    folded = text.strip().lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return text


def _integer(text: str) -> int | str:
    folded = text.strip()
    if re.fullmatch(r"[+-]?\d+(?:[.,]0+)?", folded):
        return int(re.split(r"[.,]", folded)[0])
    return text


def _decimal(text: str) -> float | str:
    folded = text.strip().replace(",", ".")
    try:
        return float(folded) if re.fullmatch(r"[+-]?\d+(?:\.\d+)?", folded) else text
    except ValueError:  # pragma: no cover - the pattern only lets numbers through
        return text


def _words(text: str, separators: str = r"[\s,;]+") -> list[str]:
    return [word.strip() for word in re.split(separators, text.strip()) if word.strip()]


def _given(row: Mapping[str, str], column: str) -> str | None:
    value = (row.get(column) or "").strip()
    return value or None


def _flat_texts(row: Mapping[str, str], profile: dict[str, Any]) -> None:
    for column in TEXT_COLUMNS:
        if column in row:
            profile[column] = (row[column] or "").strip()
    for column in ("contact_email", "contact_phone"):  # optional: empty is "none"
        if not profile.get(column):
            profile.pop(column, None)
    for column in ("type", "status"):
        if (value := _given(row, column)) is not None:
            profile[column] = value.lower()


def _flat_scalars(row: Mapping[str, str], profile: dict[str, Any]) -> None:
    for column in BOOLEAN_COLUMNS:
        if (value := _given(row, column)) is not None:
            profile[column] = _boolean(value)
    for column in INTEGER_COLUMNS:
        if (value := _given(row, column)) is not None:
            profile[column] = _integer(value)
    if (value := _given(row, "physical_load")) is not None:
        profile["physical_load"] = _LOADS.get(value.lower(), value.lower())
    if (value := _given(row, "postcode")) is not None:
        profile["postcode"] = normalise_postcode(value) or value


def _flat_structures(row: Mapping[str, str], profile: dict[str, Any]) -> None:
    tags = (word.lower() for word in _words(row.get("tags") or "", r"[,;]+"))
    profile["tags"] = list(dict.fromkeys(tags))
    profile["schedule"] = _words(row.get("schedule") or "")
    profile["other_languages"] = [w.lower() for w in _words(row.get("other_languages") or "")]
    low, high = _given(row, "hours_min"), _given(row, "hours_max")
    if low is not None or high is not None:
        profile["hours_per_week"] = {
            "min": _decimal(low) if low is not None else 0,
            "max": _decimal(high) if high is not None else _decimal(low or "0"),
        }
    levels = {
        skill: value.upper()
        for skill in LANGUAGE_SKILLS
        if (value := _given(row, f"language_min_{skill}")) is not None
    }
    if levels:
        profile["language_min"] = levels
    pairs = (("offered", "childcare_offered"), ("children_welcome", "children_welcome"))
    childcare = {
        key: _boolean(value)
        for key, column in pairs
        if (value := _given(row, column)) is not None
    }
    if childcare:
        profile["childcare"] = childcare


def profile_from_flat_row(row: Mapping[str, str], vacancy_id: str) -> dict[str, Any]:
    """A spec vacancy profile from one flat row; cells that do not parse stay text, so
    that ``matching.profiles.validate`` names them (one validator, not two)."""
    profile: dict[str, Any] = {"id": _given(row, "id") or vacancy_id}
    _flat_texts(row, profile)
    _flat_scalars(row, profile)
    _flat_structures(row, profile)
    return profile


_FIELD_COLUMNS = {
    "hours_per_week.min": "hours_min",
    "hours_per_week.max": "hours_max",
    "hours_per_week": "hours_max",
    "childcare.offered": "childcare_offered",
    "childcare.children_welcome": "children_welcome",
    "location": "postcode",
}


def flat_column_of(field: str) -> str:
    """The flat column that holds a profile field ('language_min.speaking' ->
    'language_min_speaking'); '' for the row as a whole."""
    if field in _FIELD_COLUMNS:
        return _FIELD_COLUMNS[field]
    if field.startswith("language_min."):
        return "language_min_" + field.split(".", 1)[1]
    if field.startswith("location."):
        return "postcode"
    return field


# ------------------------------------------------------------------ the JSON API
# The API's participant is the spec profile plus what the case owner keeps about the
# person's name and consents (extra fields, which the spec allows and matching ignores).

PARTICIPANT_EXTRA_FIELDS = ("first_name", "last_name", "pseudonym")


def participant_api_profile(participant: Participant) -> dict[str, Any]:
    """A participant as the API shows it to the case owner."""
    profile = participant_profile(participant)
    for field in PARTICIPANT_EXTRA_FIELDS:
        value = getattr(participant, field)
        if value is not None:
            profile[field] = value
    profile["consents"] = sorted(
        consent.purpose.value for consent in participant.consents if consent.withdrawn_on is None
    )
    return profile


def participant_fields_from_api_profile(profile: dict[str, Any]) -> dict[str, Any]:
    """Column values from an API participant (the spec profile plus the extra fields)."""
    fields = participant_fields_from_profile(profile)
    fields.update({field: profile[field] for field in PARTICIPANT_EXTRA_FIELDS if field in profile})
    return fields
