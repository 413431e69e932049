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
from marketplace.domain.records import (
    LIST_KINDS,
    NUMBER_KINDS,
    FieldSpec,
    Kind,
    Record,
    labelled,
    profile_problems,
)
from marketplace.domain.records.participant import PARTICIPANT
from marketplace.domain.records.vacancy import VACANCY
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

RECORDS: dict[str, Record] = {"vacancy": VACANCY, "participant": PARTICIPANT}
_JSON_TYPES = {Kind.TEXT: "string", Kind.EMAIL: "string", Kind.POSTCODE: "string",
               Kind.DATE: "string", Kind.INTEGER: "integer", Kind.DECIMAL: "number",
               Kind.BOOLEAN: "boolean", Kind.CHOICE: None, Kind.DAYPARTS: "array",
               Kind.TAGS: "array", Kind.LANGUAGES: "array", Kind.AGES: "array"}


def record_limits(spec: FieldSpec) -> dict[str, Any]:
    """A record field's limits as JSON Schema keywords (no type: see `record_schema`)."""
    limits: dict[str, Any] = {}
    if spec.kind in LIST_KINDS:
        limits |= {"minItems": 1} if spec.at_least_one else {}
        limits |= {"maxItems": spec.max_length} if spec.max_length is not None else {}
        if spec.item_max_length is not None:
            limits["items"] = {"maxLength": spec.item_max_length}
    elif spec.kind in NUMBER_KINDS:
        limits |= {"minimum": spec.minimum} if spec.minimum is not None else {}
        limits |= {"maximum": spec.maximum} if spec.maximum is not None else {}
    elif spec.kind == Kind.CHOICE:
        limits["enum"] = [str(choice) for choice in spec.choices] + (
            [None] if spec.nullable else [])
    else:
        limits |= {"minLength": 1} if spec.required else {}
        limits |= {"maxLength": spec.max_length} if spec.max_length is not None else {}
    return limits


def record_schema(spec: FieldSpec) -> dict[str, Any]:
    """The whole schema of a field the spec does not have (the marketplace's extras)."""
    kind = _JSON_TYPES[spec.kind]
    typed = {} if kind is None else {"type": [kind, "null"] if spec.nullable else kind}
    return {**typed, **record_limits(spec), "description": spec.label}


def _tree(specs: list[FieldSpec]) -> dict[str, Any]:
    """Nested paths ('hours_per_week.min') as nested dicts of their fields."""
    tree: dict[str, Any] = {}
    for spec in specs:
        *parents, leaf = (spec.profile_path or "").split(".")
        node = tree
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = spec
    return tree


def _tighter(node: FieldSpec | dict[str, Any]) -> dict[str, Any]:
    if isinstance(node, FieldSpec):
        return record_limits(node)
    # A part of a nested field the record does not list is unknown.
    return {"properties": {key: _tighter(child) or True for key, child in node.items()},
            "additionalProperties": False}


def _spec_properties(kind: str) -> dict[str, Any]:
    properties: dict[str, Any] = profiles_schema()["$defs"][kind]["properties"]
    return properties


def _writable(kind: str) -> list[FieldSpec]:
    return [spec for spec in RECORDS[kind].in_profile() if spec.editable]


def tighter(kind: str) -> dict[str, dict[str, Any]]:
    """The record's limits on the spec's own fields (they only add constraints: a wrong
    type is reported once, by the spec's own schema)."""
    spec_fields = _spec_properties(kind)
    tree = _tree([spec for spec in _writable(kind)
                  if (spec.profile_path or "").split(".")[0] in spec_fields])
    limits = {name: _tighter(node) for name, node in tree.items()}
    return {name: schema for name, schema in limits.items() if schema} | IDENTITY[kind]


def extras(kind: str) -> dict[str, dict[str, Any]]:
    """The record's fields that the spec's profile does not have."""
    spec_fields = _spec_properties(kind)
    found = {spec.profile_path or "": record_schema(spec) for spec in _writable(kind)
             if (spec.profile_path or "").split(".")[0] not in spec_fields}
    return found | API_ONLY[kind]


# Not fields of the record: the organisation names the vacancy's owner, consents are
# records of their own (the API sets them as a list of purposes).
IDENTITY: dict[str, dict[str, Any]] = {"vacancy": {"organisation": {"maxLength": 200}},
                                       "participant": {}}
API_ONLY: dict[str, dict[str, Any]] = {
    "vacancy": {},
    "participant": {"consents": {"type": "array", "uniqueItems": True,
                                 "items": {"enum": [p.value for p in ConsentPurpose]}}},
}
TIGHTER = {kind: tighter(kind) for kind in RECORDS}
EXTRAS = {kind: extras(kind) for kind in RECORDS}

# Kept by the marketplace itself: in a response, never in a request.
READ_ONLY: dict[str, tuple[str, ...]] = {
    "vacancy": ("id", "location", "organisation_id", "actions", "review_note", "distance_km",
                *(spec.profile_path or "" for spec in VACANCY.in_profile() if not spec.editable)),
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
    required = [name for name in base["required"] if name in properties]
    required += [spec.name for spec in RECORDS[kind].in_profile()
                 if spec.required and spec.name not in required]
    required = required if mode == "create" else []
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


def record_errors(record: Record, profile: dict[str, Any]) -> list[dict[str, str]]:
    """The record's own checks (limits, formulas) as {field, message}: the field by its
    key, the message in Dutch naming the field by its label."""
    fields = record.by_profile_path()
    return [{"field": path, "message": labelled(fields[path], message)}
            for path, message in profile_problems(record, profile)]


def _with_record_messages(record: Record, body: dict[str, Any],
                          problems: list[dict[str, str]]) -> list[dict[str, str]]:
    """A field the record refuses is named once, with the record's Dutch message
    instead of the schema's English one for the same limit."""
    own = record_errors(record, body)
    covered = {error["field"] for error in own}
    kept = [p for p in problems
            if not any(p["field"] == f or p["field"].startswith(f + ".") for f in covered)]
    return kept + own


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
    if ":" in name and isinstance(body, dict):
        problems = _with_record_messages(RECORDS[name.split(":")[0]], body, problems)
    unique = {(p["field"], p["message"]): p for p in problems}
    return [unique[key] for key in sorted(unique)]


def as_openapi(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema with references into the profile schema's `$defs` moved to components."""
    text = json.dumps(schema).replace('"#/$defs/', '"#/components/schemas/profile.')
    loaded: dict[str, Any] = json.loads(text)
    return loaded
