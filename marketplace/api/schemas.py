"""JSON Schemas of the API's request bodies: used to check requests and in the OpenAPI
document, so that both say the same. Profiles reuse matching's profiles.schema.json;
this module only adds what the API needs on top (unknown and read-only fields, limits
that fit the database columns, the marketplace's extra fields)."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from marketplace.domain.placements import (
    DeclineReason,
    EndOutcome,
    NotContinuedReason,
    PlacementAction,
)
from marketplace.domain.vacancy_status import VacancyAction
from marketplace.domain.vocabulary import (
    CEFR_LEVELS,
    DAYPARTS,
    ConsentPurpose,
    ParticipantStatus,
    PlacementType,
    VacancyStatus,
)
from matching.profiles import schema as profiles_schema

TEXT_MAX = 2000
TAGS = {"type": "array", "maxItems": 50, "items": {"maxLength": 60}}
LANGUAGES = {"maxItems": 20}

# Extra limits on spec fields (they only add constraints: a wrong type is reported once,
# by the spec's own schema).
TIGHTER: dict[str, dict[str, Any]] = {
    "vacancy": {
        "organisation": {"maxLength": 200},
        "title": {"maxLength": 200},
        "description": {"maxLength": 20000},
        "tags": TAGS,
        "capacity": {"maximum": 10000},
        "dayparts_needed": {"maximum": 21},
        "duration_weeks": {"maximum": 520},
        "other_languages": LANGUAGES,
        "hours_per_week": {"properties": {"min": True, "max": True},
                           "additionalProperties": False},
        "childcare": {"properties": {"offered": True, "children_welcome": True},
                      "additionalProperties": False},
    },
    "participant": {
        "max_travel_km": {"maximum": 500},
        "interests": TAGS,
        "experience": {"maxLength": 20000},
        "languages": {"properties": {"nl": True, "other": LANGUAGES},
                      "additionalProperties": False},
        "hours_per_week": {"properties": {"min": True, "max": True},
                           "additionalProperties": False},
    },
}

EXTRAS: dict[str, dict[str, Any]] = {
    "vacancy": {
        "contact_person": {"type": "string", "maxLength": 200},
        "contact_email": {"type": ["string", "null"], "maxLength": 254},
        "contact_phone": {"type": ["string", "null"], "maxLength": 40},
        "proefperiode_weeks": {"type": ["integer", "null"], "minimum": 1, "maximum": 104},
        "proposal_cap": {"type": "integer", "minimum": 1, "maximum": 100},
    },
    "participant": {
        "first_name": {"type": "string", "minLength": 1, "maxLength": 80},
        "last_name": {"type": "string", "maxLength": 120},
        "pseudonym": {"type": ["string", "null"], "maxLength": 80},
        "consents": {"type": "array", "uniqueItems": True,
                     "items": {"enum": [purpose.value for purpose in ConsentPurpose]}},
    },
}

# Kept by the marketplace itself: in a response, never in a request.
READ_ONLY: dict[str, tuple[str, ...]] = {
    "vacancy": ("id", "filled", "status", "location", "organisation_id", "actions",
                "review_note", "distance_km"),
    "participant": ("id", "location", "ladder_step"),
}
# A vacancy's organisation is chosen when it is created, and stays.
FIXED_AFTER_CREATE: dict[str, tuple[str, ...]] = {"vacancy": ("organisation",), "participant": ()}

PROPOSAL: dict[str, Any] = {
    "type": "object",
    "required": ["participant", "vacancy"],
    "properties": {
        "participant": {"type": "string", "minLength": 1, "maxLength": 40,
                        "description": "The participant's id (profile id)."},
        "vacancy": {"type": "string", "minLength": 1, "maxLength": 40,
                    "description": "The vacancy's id (profile id)."},
        "message": {"type": "string", "maxLength": TEXT_MAX},
        "override_reason": {"type": ["string", "null"], "maxLength": TEXT_MAX,
                            "description": "Required when the engine excludes this pair."},
    },
    "additionalProperties": False,
}

DATE = {"type": "string", "format": "date", "description": "ISO 8601 date, YYYY-MM-DD."}
TRANSITION: dict[str, Any] = {
    "type": "object",
    "required": ["action"],
    "properties": {
        "action": {"enum": [action.value for action in PlacementAction]},
        "note": {"type": "string", "maxLength": TEXT_MAX},
        "reason": {"enum": sorted({r.value for r in DeclineReason}
                                  | {r.value for r in NotContinuedReason}),
                   "description": "decline: a decline reason; not_continue: why not."},
        "kennismaking_at": {"type": "string", "format": "date-time",
                            "description": "ISO 8601 local date and time, without offset."},
        "kennismaking_place": {"type": "string", "maxLength": 200},
        "coach_attends": {"type": "boolean"},
        "proefperiode_start": DATE,
        "proefperiode_end": DATE,
        "agreement": {"type": "string", "maxLength": TEXT_MAX},
        "outcome": {"enum": [outcome.value for outcome in EndOutcome]},
        "ended_on": DATE,
    },
    "additionalProperties": False,
}

VACANCY_TRANSITION: dict[str, Any] = {
    "type": "object",
    "required": ["action"],
    "properties": {
        "action": {"enum": [action.value for action in VacancyAction]},
        "reason": {"type": "string", "maxLength": TEXT_MAX,
                   "description": "send_back: what the organisation must change."},
    },
    "additionalProperties": False,
}

TOKEN_REQUEST: dict[str, Any] = {
    "type": "object",
    "required": ["email", "password"],
    "properties": {"email": {"type": "string", "maxLength": 254},
                   "password": {"type": "string", "maxLength": 500}},
    "additionalProperties": False,
}


def profile_request_schema(kind: str, mode: str) -> dict[str, Any]:
    """The body of a POST ('create') or PATCH ('update') of a vacancy or participant;
    references point into the profile schema's `$defs`."""
    base = profiles_schema()["$defs"][kind]
    skipped = set(READ_ONLY[kind]) | (set(FIXED_AFTER_CREATE[kind]) if mode == "update" else set())
    properties: dict[str, Any] = {}
    for name, sub in base["properties"].items():
        if name in skipped:
            continue
        tighter = TIGHTER[kind].get(name)
        properties[name] = {"allOf": [sub, tighter]} if tighter else copy.deepcopy(sub)
    properties.update(copy.deepcopy(EXTRAS[kind]))
    required = [name for name in base["required"] if name in properties] if mode == "create" else []
    if kind == "participant" and mode == "create":
        required.append("first_name")
    return {"type": "object", "required": required, "properties": properties,
            "additionalProperties": False}


BODIES = {
    "proposal": lambda: PROPOSAL,
    "transition": lambda: TRANSITION,
    "vacancy_transition": lambda: VACANCY_TRANSITION,
    "token": lambda: TOKEN_REQUEST,
}

# Query parameters: read by api/requests.py (a wrong one is a 400 naming it) and listed
# in the OpenAPI document, from these schemas alone. A "description" is lifted out of
# the schema onto the parameter; arrays are repeated parameters (?tags=a&tags=b).
ID = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
PAGE_QUERY: dict[str, dict[str, Any]] = {
    "page": {"type": "integer", "minimum": 1, "maximum": 100_000, "default": 1,
             "description": "Page number; a page past the end gives the last page."},
    "per_page": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
}
FLAG = {"type": "boolean"}
VACANCY_QUERY: dict[str, dict[str, Any]] = {
    **PAGE_QUERY,
    "status": {"enum": [status.value for status in VacancyStatus],
               "description": "Only vacancies with this status (of those the user may see)."},
    "type": {"enum": [kind.value for kind in PlacementType]},
    "organisation_id": {**ID, "description": "Only this organisation's vacancies."},
    "q": {"type": "string", "maxLength": 100,
          "description": "Search in the title and the organisation's name."},
    "tags": {"type": "array", "maxItems": 10, "items": {"type": "string", "maxLength": 60},
             "description": "Vacancies with any of these tags."},
    "level": {"enum": list(CEFR_LEVELS),
              "description": "The participant's Dutch: vacancies whose minimums are at "
                             "most this level in every skill."},
    "dayparts": {"type": "array", "maxItems": len(DAYPARTS), "uniqueItems": True,
                 "items": {"enum": list(DAYPARTS)},
                 "description": "Vacancies whose schedule fits in these dayparts."},
    "childcare": {**FLAG, "description": "true: childcare offered or children welcome."},
    "women_only": {**FLAG, "description": "true: only women-only vacancies."},
    "open_only": {**FLAG, "description": "true: only vacancies with a free place."},
    "postcode": {**profiles_schema()["$defs"]["postcode"],
                 "description": "Within radius_km of this postcode (remote vacancies too), "
                                "nearest first; each item gets distance_km."},
    "radius_km": {"type": "number", "exclusiveMinimum": 0, "maximum": 200,
                  "description": "With postcode only; 10 when left out."},
}
PARTICIPANT_QUERY: dict[str, dict[str, Any]] = {
    **PAGE_QUERY,
    "status": {"enum": [status.value for status in ParticipantStatus]},
    "q": {"type": "string", "maxLength": 100,
          "description": "Search in the names, the pseudonym and the profile id."},
}
MATCHES_QUERY: dict[str, dict[str, Any]] = {
    "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
}
QUERIES = {"vacancies": VACANCY_QUERY, "participants": PARTICIPANT_QUERY,
           "matches": MATCHES_QUERY}


@lru_cache(maxsize=16)
def _validator(name: str) -> Draft202012Validator:
    if name in BODIES:
        body = BODIES[name]()
    else:
        kind, mode = name.split(":")
        body = profile_request_schema(kind, mode)
    return Draft202012Validator({"$defs": profiles_schema()["$defs"], **body})


def _unknown(error: ValidationError, read_only: set[str]) -> list[dict[str, str]]:
    prefix = [str(part) for part in error.absolute_path]
    extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
    return [
        {"field": ".".join([*prefix, key]),
         "message": "is read-only" if not prefix and key in read_only else "unknown field"}
        for key in extra
    ]


def _describe(error: ValidationError) -> dict[str, str]:
    path = [str(part) for part in error.absolute_path]
    if error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in str(error.message) else "?"
        return {"field": ".".join([*path, missing]), "message": "is required"}
    return {"field": ".".join(path), "message": str(error.message)}


def check(name: str, body: Any) -> list[dict[str, str]]:
    """Every problem of a request body as {field, message}; [] when it is fine."""
    read_only: set[str] = set()
    if ":" in name:
        kind, mode = name.split(":")
        read_only = set(READ_ONLY[kind]) | (set(FIXED_AFTER_CREATE[kind])
                                            if mode == "update" else set())
    problems: list[dict[str, str]] = []
    for error in _validator(name).iter_errors(body):
        if error.validator == "additionalProperties":
            problems.extend(_unknown(error, read_only))
        else:
            problems.append(_describe(error))
    unique = {(p["field"], p["message"]): p for p in problems}
    return [unique[key] for key in sorted(unique)]


def as_openapi(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema with references into the profile schema's `$defs` moved to components."""
    text = json.dumps(schema).replace('"#/$defs/', '"#/components/schemas/profile.')
    loaded: dict[str, Any] = json.loads(text)
    return loaded
