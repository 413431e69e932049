"""The one place that converts between database rows and the profile format of the spec.

Rows become spec profiles (plain dicts, the interchange format of `matching`), and
spec profiles become row fields (seed data, imports). Nothing else converts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from marketplace.domain.records import MISSING, FieldSpec, Kind, Record, number_text, value_at
from marketplace.domain.records.participant import PARTICIPANT
from marketplace.domain.records.vacancy import VACANCY
from marketplace.domain.vocabulary import LANGUAGE_SKILLS
from marketplace.models import Participant, Vacancy
from matching.geo import normalise_postcode
from matching.profiles import schema as profiles_schema


def _spec_fields(kind: str) -> set[str]:
    return set(profiles_schema()["$defs"][kind]["properties"])


def _top_level(record: Record) -> tuple[str, ...]:
    """The record's fields that are whole top-level profile fields (not a part of one)."""
    return tuple(spec.name for spec in record.in_profile() if spec.profile_path == spec.name)


# The vacancy's profile fields come from its record; the marketplace's own ones are
# carried along as extra profile fields (the spec allows extras and matching ignores
# them), so that imports and exports keep them.
VACANCY_EXTRA_FIELDS = tuple(name for name in _top_level(VACANCY)
                             if name not in _spec_fields("vacancy"))
VACANCY_PROFILE_FIELDS = tuple(name for name in _top_level(VACANCY)
                               if name not in VACANCY_EXTRA_FIELDS)
# The participant's spec profile; the names the case owner keeps are extras (the API's).
PARTICIPANT_SPEC = tuple(spec for spec in PARTICIPANT.in_profile()
                         if (spec.profile_path or "").split(".")[0] in _spec_fields("participant"))
PARTICIPANT_EXTRA_FIELDS = tuple(name for name in _top_level(PARTICIPANT)
                                 if name not in _spec_fields("participant"))
PARTICIPANT_PROFILE_FIELDS = tuple(spec.name for spec in PARTICIPANT_SPEC
                                   if spec.profile_path == spec.name)

# Parts of nested profile fields that a profile may leave out: the column's value then.
_VACANCY_NESTED_DEFAULTS: dict[str, Any] = {
    "hours_min": 0, "hours_max": 0, "childcare_offered": False, "children_welcome": False,
    **{f"lang_min_{skill}": None for skill in LANGUAGE_SKILLS},
}
_PARTICIPANT_NESTED_DEFAULTS: dict[str, Any] = {
    "hours_min": 0, "hours_max": 16, "other_languages": [],
    **{f"nl_{skill}": "A0" for skill in LANGUAGE_SKILLS},
}


def _profile_from_row(specs: tuple[FieldSpec, ...], row: Any) -> dict[str, Any]:
    """Each field at its profile path; a value that is None is left out."""
    profile: dict[str, Any] = {}
    for spec in specs:
        *parents, leaf = (spec.profile_path or spec.name).split(".")
        node = profile
        for part in parents:
            node = node.setdefault(part, {})
        value = _plain(getattr(row, spec.name))
        if value is not None:
            node[leaf] = value
    return profile


def _fields_from_profile(specs: tuple[FieldSpec, ...], profile: dict[str, Any],
                         defaults: dict[str, Any]) -> dict[str, Any]:
    """Column values for the fields a profile gives; a part of a nested field that it
    leaves out gets the default."""
    fields: dict[str, Any] = {}
    for spec in specs:
        value = value_at(profile, spec.profile_path or spec.name)
        if value is not MISSING:
            fields[spec.name] = value
        elif spec.name in defaults:
            fields[spec.name] = defaults[spec.name]
    return fields


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
    profile |= _profile_from_row(VACANCY.in_profile(), vacancy)
    profile.setdefault("language_min", {})
    location = _location(vacancy.lat, vacancy.lon)
    if location:
        profile["location"] = location
    return profile


def participant_profile(participant: Participant) -> dict[str, Any]:
    """A participant row as a spec participant profile (no name, contact or health)."""
    profile: dict[str, Any] = {"id": participant.ref}
    profile |= _profile_from_row(PARTICIPANT_SPEC, participant)
    profile["languages"].setdefault("other", [])
    if participant.ladder_step is not None:
        profile["ladder_step"] = participant.ladder_step
    location = _location(participant.lat, participant.lon)
    if location:
        profile["location"] = location
    return profile


def vacancy_fields_from_profile(profile: dict[str, Any]) -> dict[str, Any]:
    """Column values for a Vacancy from a spec vacancy profile (without organisation)."""
    fields = _fields_from_profile(VACANCY.in_profile(), profile, _VACANCY_NESTED_DEFAULTS)
    fields["ref"] = profile["id"]
    fields.update(_location_fields(profile))
    return fields


def participant_fields_from_profile(profile: dict[str, Any]) -> dict[str, Any]:
    """Column values for a Participant from a spec participant profile."""
    fields = _fields_from_profile(PARTICIPANT_SPEC, profile, _PARTICIPANT_NESTED_DEFAULTS)
    fields["ref"] = profile["id"]
    fields["other_languages"] = list(fields["other_languages"] or [])
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

# The columns are the vacancy record's flat columns, after the two that say which
# vacancy of which organisation a row is.
IDENTITY_COLUMNS = ("id", "organisation")
_FLAT = tuple(spec for spec in VACANCY.fields if spec.flat_column)
VACANCY_COLUMNS = IDENTITY_COLUMNS + tuple(spec.flat_column or "" for spec in _FLAT)
REQUIRED_COLUMNS = ("organisation", *(spec.flat_column or "" for spec in _FLAT if spec.required))
# Booleans of the profile's top level (the two of childcare are read as its parts).
BOOLEAN_COLUMNS = tuple(spec.name for spec in _FLAT
                        if spec.kind == Kind.BOOLEAN and spec.profile_path == spec.name)
INTEGER_COLUMNS = tuple(spec.name for spec in _FLAT if spec.kind == Kind.INTEGER)
TEXT_COLUMNS = ("organisation", *(spec.name for spec in _FLAT
                                  if spec.kind in (Kind.TEXT, Kind.EMAIL)))
IDENTITY_HELP = {
    "id": "Laat leeg voor een nieuwe vacature. Met een bestaande id wordt die vacature "
          "bijgewerkt.",
    "organisation": "Verplicht. Naam van de organisatie, zoals in Koppelkans.",
}


def _limits_help(spec: FieldSpec) -> str:
    """The record's limits in words, for the template's explanation sheet."""
    if spec.kind == Kind.TAGS:
        return f"Hoogstens {spec.max_length} onderwerpen van elk hoogstens " \
               f"{spec.item_max_length} tekens."
    if spec.kind == Kind.LANGUAGES:
        return f"Hoogstens {spec.max_length} talen."
    if spec.kind in (Kind.INTEGER, Kind.DECIMAL) and spec.maximum is not None:
        return f"Van {number_text(spec.minimum or 0)} tot en met {number_text(spec.maximum)}."
    if spec.kind in (Kind.TEXT, Kind.EMAIL) and spec.max_length is not None:
        return f"Hoogstens {spec.max_length} tekens."
    return ""


def vacancy_column_help() -> dict[str, str]:
    """One Dutch line per column of the flat format: needed or not, what it holds, and
    the record's limits."""
    lines = dict(IDENTITY_HELP)
    for spec in _FLAT:
        parts = ["Verplicht." if spec.required else "", spec.hint, _limits_help(spec)]
        lines[spec.flat_column or ""] = " ".join(part for part in parts if part)
    return lines


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
