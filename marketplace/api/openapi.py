"""The OpenAPI 3.1 document of /api/v1, written by hand; request bodies come from
marketplace.api.schemas (the same schemas the API checks requests with), profiles from
matching's profiles.schema.json."""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from marketplace.api.schemas import (
    EXTRAS,
    PROPOSAL,
    QUERIES,
    TOKEN_REQUEST,
    TRANSITION,
    VACANCY_TRANSITION,
    as_openapi,
    profile_request_schema,
)
from marketplace.domain.placements import PlacementAction, PlacementState
from marketplace.domain.vacancy_status import VacancyAction
from matching.profiles import schema as profiles_schema

JSON = "application/json"
PROBLEM = "application/problem+json"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {JSON: {"schema": schema}}}


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, **_json(schema)}


def _problem(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/responses/{name}"}


COMMON = {"401": _problem("Unauthorized"), "403": _problem("Forbidden")}
READ = {**COMMON, "404": _problem("NotFound")}
WRITE = {"400": _problem("BadRequest"), "415": _problem("UnsupportedMediaType"),
         "422": _problem("Unprocessable")}



def _query_parameters(name: str) -> list[dict[str, Any]]:
    """The parameters of schemas.QUERIES[name]; arrays are repeated (?tags=a&tags=b)."""
    parameters = []
    for parameter, schema in QUERIES[name].items():
        schema = copy.deepcopy(schema)
        described = {"description": schema.pop("description")} if "description" in schema else {}
        repeated = {"style": "form", "explode": True} if schema.get("type") == "array" else {}
        parameters.append({"name": parameter, "in": "query", "required": False,
                           "schema": schema, **described, **repeated})
    return parameters

REF_PARAMETER = {"name": "ref", "in": "path", "required": True,
                 "schema": {"type": "string", "minLength": 1, "maxLength": 40},
                 "description": "The resource's profile id (e.g. v-3f2a9c01de)."}
PLACEMENT_ID = {"name": "placement_id", "in": "path", "required": True,
                "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}}


def _page_of(item: str) -> dict[str, Any]:
    nullable = {"type": ["string", "null"]}
    return {
        "type": "object",
        "required": ["items", "page", "per_page", "total", "pages", "links"],
        "properties": {
            "items": {"type": "array", "items": _ref(item)},
            "page": {"type": "integer"}, "per_page": {"type": "integer"},
            "total": {"type": "integer"}, "pages": {"type": "integer"},
            "links": {"type": "object", "required": ["self", "first", "last", "next", "prev"],
                      "properties": {"self": {"type": "string"}, "first": {"type": "string"},
                                     "last": {"type": "string"}, "next": nullable,
                                     "prev": nullable}},
        },
    }


def _schemas() -> dict[str, Any]:
    schemas: dict[str, Any] = {
        f"profile.{name}": as_openapi(definition)
        for name, definition in profiles_schema()["$defs"].items()
    }
    vacancy_extras = {
        **EXTRAS["vacancy"], "organisation": {"type": "string"},
        "organisation_id": {"type": "integer", "description": "Filter with ?organisation_id."},
        "distance_km": {"type": "number", "minimum": 0,
                        "description": "In a list searched by postcode: the distance."},
        "actions": {"type": "array", "items": {"enum": [a.value for a in VacancyAction]},
                    "description": "One vacancy: the status actions this user may take "
                                   "now (POST .../transitions); empty for viewers."},
        "review_note": {"type": "string",
                        "description": "Why the centre sent it back (editors only)."},
    }
    schemas.update({
        "Vacancy": {"allOf": [_ref("profile.vacancy"),
                              {"type": "object", "properties": vacancy_extras}],
                    "description": "A vacancy profile (spec/PROFILES.md) with the "
                                   "marketplace's extra fields."},
        "Participant": {"allOf": [_ref("profile.participant"),
                                  {"type": "object", "properties": EXTRAS["participant"]}],
                        "description": "A participant profile (spec/PROFILES.md) with the "
                                       "name and consents the case owner keeps."},
        "VacancyCreate": as_openapi(profile_request_schema("vacancy", "create")),
        "VacancyUpdate": as_openapi(profile_request_schema("vacancy", "update")),
        "ParticipantCreate": as_openapi(profile_request_schema("participant", "create")),
        "ParticipantUpdate": as_openapi(profile_request_schema("participant", "update")),
        "Proposal": copy.deepcopy(PROPOSAL),
        "Transition": copy.deepcopy(TRANSITION),
        "VacancyTransition": copy.deepcopy(VACANCY_TRANSITION),
        "TokenRequest": copy.deepcopy(TOKEN_REQUEST),
        "Token": {"type": "object", "required": ["token", "token_type", "expires_at"],
                  "properties": {"token": {"type": "string"},
                                 "token_type": {"const": "Bearer"},
                                 "expires_at": {"type": "string", "format": "date-time"}}},
        "VacancyPage": _page_of("Vacancy"),
        "ParticipantPage": _page_of("Participant"),
        "Placement": _placement_schema(),
        "Matches": _matches_schema(),
        "Problem": {
            "type": "object", "required": ["type", "title", "status"],
            "properties": {
                "type": {"type": "string"}, "title": {"type": "string"},
                "status": {"type": "integer"}, "detail": {"type": "string"},
                "errors": {"type": "array", "items": {
                    "type": "object", "required": ["field", "message"],
                    "properties": {"field": {"type": "string"},
                                   "message": {"type": "string"}}}},
            },
        },
    })
    return schemas


def _placement_schema() -> dict[str, Any]:
    text = {"type": ["string", "null"]}
    day = {"type": ["string", "null"], "format": "date"}
    return {
        "type": "object",
        "required": ["id", "state", "vacancy", "participant", "actions", "created_at"],
        "properties": {
            "id": {"type": "integer"},
            "state": {"enum": [state.value for state in PlacementState]},
            "vacancy": {"type": "string"},
            "participant": {"type": ["string", "null"],
                            "description": "The participant's id; null for the "
                                           "organisation's side, which sees `shared`."},
            "message": {"type": "string"}, "override_reason": text,
            "created_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": "string", "format": "date-time"},
            "actions": {"type": "array",
                        "items": {"enum": [action.value for action in PlacementAction]},
                        "description": "The steps this user may take now."},
            "kennismaking_at": text, "kennismaking_place": text,
            "coach_attends": {"type": ["boolean", "null"]},
            "proefperiode_start": day, "proefperiode_end": day, "agreement": text,
            "decline_reason": text, "not_continued_reason": text, "outcome": text,
            "ended_on": day,
            "events": {"type": "array", "items": {"type": "object", "properties": {
                "from": text, "to": {"type": "string"},
                "at": {"type": "string", "format": "date-time"}, "by": text,
                "note": {"type": "string"}}}},
            "shared": {"type": "object", "description": "What the organisation sees."},
        },
    }


def _matches_schema() -> dict[str, Any]:
    strings = {"type": "array", "items": {"type": "string"}}
    km = {"type": ["number", "null"]}
    return {
        "type": "object",
        "required": ["participant", "ranked", "excluded", "ranked_total", "excluded_total"],
        "properties": {
            "participant": {"type": "string"},
            "ranked": {"type": "array", "items": {"type": "object", "properties": {
                "vacancy": {"type": "string"}, "title": {"type": "string"},
                "organisation": {"type": "string"}, "type": {"type": "string"},
                "score": {"type": "number", "minimum": 0, "maximum": 1},
                "components": {"type": "object",
                               "additionalProperties": {"type": "number"}},
                "reasons": strings, "warnings": strings, "distance_km": km}}},
            "excluded": {"type": "array", "items": {"type": "object", "properties": {
                "vacancy": {"type": "string"}, "title": {"type": "string"},
                "codes": strings, "reasons": strings, "distance_km": km}}},
            "ranked_total": {"type": "integer"}, "excluded_total": {"type": "integer"},
        },
    }


def _responses() -> dict[str, Any]:
    def problem(description: str) -> dict[str, Any]:
        return {"description": description,
                "content": {PROBLEM: {"schema": _ref("Problem")}}}

    unauthorised = problem("No valid bearer token.")
    unauthorised["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"},
                                                    "description": 'Bearer realm="koppelkans"'}}
    return {
        "BadRequest": problem("The body is not valid JSON, or a query parameter is wrong "
                              "(`errors` names each one)."),
        "Unauthorized": unauthorised,
        "Forbidden": problem("The user's role may not do this."),
        "NotFound": problem("Unknown, or not visible to this user."),
        "Conflict": problem("A business rule refuses this now (detail in Dutch)."),
        "UnsupportedMediaType": problem("The body is not application/json."),
        "Unprocessable": problem("Invalid input; `errors` names every field."),
        "TooManyRequests": problem("Too many attempts; wait a while."),
    }


def _body(schema: str) -> dict[str, Any]:
    return {"required": True, **_json(_ref(schema))}


def _paths() -> dict[str, Any]:
    created = {"Location": {"schema": {"type": "string"}}}
    return {
        "/tokens": {"post": {
            "operationId": "createToken", "summary": "A bearer token for e-mail and password",
            "security": [], "requestBody": _body("TokenRequest"),
            "responses": {"201": _ok("The token (shown once).", _ref("Token")),
                          "401": _problem("Unauthorized"), "429": _problem("TooManyRequests"),
                          **WRITE}}},
        "/tokens/current": {"delete": {
            "operationId": "revokeToken", "summary": "Revoke the token of this request",
            "responses": {"204": {"description": "Revoked."}, "401": _problem("Unauthorized")}}},
        "/openapi.json": {"get": {
            "operationId": "openapi", "summary": "This document", "security": [],
            "responses": {"200": _ok("OpenAPI 3.1", {"type": "object"})}}},
        "/vacancies": {
            "get": {"operationId": "listVacancies",
                    "summary": "Vacancies this user may see, filtered (all filters at once)",
                    "parameters": _query_parameters("vacancies"),
                    "responses": {"200": _ok("One page.", _ref("VacancyPage")),
                                  "400": _problem("BadRequest"), **COMMON}},
            "post": {"operationId": "createVacancy",
                     "summary": "A new draft vacancy (organisation, centre, admin)",
                     "requestBody": _body("VacancyCreate"),
                     "responses": {"201": {**_ok("Created.", _ref("Vacancy")),
                                           "headers": created},
                                   "409": _problem("Conflict"), **COMMON, **WRITE}}},
        "/vacancies/{ref}": {
            "parameters": [REF_PARAMETER],
            "get": {"operationId": "getVacancy", "summary": "One vacancy",
                    "responses": {"200": _ok("The vacancy.", _ref("Vacancy")), **READ}},
            "patch": {"operationId": "updateVacancy",
                      "summary": "Change the fields given (each top-level field is replaced)",
                      "requestBody": _body("VacancyUpdate"),
                      "responses": {"200": _ok("The vacancy.", _ref("Vacancy")),
                                    "409": _problem("Conflict"), **READ, **WRITE}}},
        "/vacancies/{ref}/transitions": {"post": {
            "operationId": "transitionVacancy",
            "summary": "Change the vacancy's status, as the web's buttons do (screening, "
                       "publishing, pausing, closing; the rule table decides)",
            "parameters": [REF_PARAMETER], "requestBody": _body("VacancyTransition"),
            "responses": {"200": _ok("The vacancy after the change.", _ref("Vacancy")),
                          "409": _problem("Conflict"), **READ, **WRITE}}},
        "/participants": {
            "get": {"operationId": "listParticipants", "summary": "The coach's caseload",
                    "parameters": _query_parameters("participants"),
                    "responses": {"200": _ok("One page.", _ref("ParticipantPage")),
                                  "400": _problem("BadRequest"), **COMMON}},
            "post": {"operationId": "createParticipant",
                     "summary": "A new participant in the coach's caseload",
                     "requestBody": _body("ParticipantCreate"),
                     "responses": {"201": {**_ok("Created.", _ref("Participant")),
                                           "headers": created}, **COMMON, **WRITE}}},
        "/participants/{ref}": {
            "parameters": [REF_PARAMETER],
            "get": {"operationId": "getParticipant", "summary": "One participant (case owner)",
                    "responses": {"200": _ok("The participant.", _ref("Participant")),
                                  **READ}},
            "patch": {"operationId": "updateParticipant",
                      "summary": "Change the fields given (each top-level field is replaced)",
                      "requestBody": _body("ParticipantUpdate"),
                      "responses": {"200": _ok("The participant.", _ref("Participant")),
                                    **READ, **WRITE}}},
        "/participants/{ref}/matches": {"get": {
            "operationId": "participantMatches", "summary": "Ranked and excluded vacancies",
            "parameters": [REF_PARAMETER, *_query_parameters("matches")],
            "responses": {"200": _ok("The ranking.", _ref("Matches")),
                          "400": _problem("BadRequest"), "409": _problem("Conflict"),
                          **READ}}},
        "/placements": {"post": {
            "operationId": "propose", "summary": "Propose a participant for a vacancy (coach)",
            "requestBody": _body("Proposal"),
            "responses": {"201": {**_ok("The proposal.", _ref("Placement")),
                                  "headers": created},
                          "409": _problem("Conflict"), **COMMON, **WRITE}}},
        "/placements/{placement_id}": {"get": {
            "operationId": "getPlacement", "summary": "One placement",
            "parameters": [PLACEMENT_ID],
            "responses": {"200": _ok("The placement.", _ref("Placement")), **READ}}},
        "/placements/{placement_id}/transitions": {"post": {
            "operationId": "transitionPlacement",
            "summary": "One step of the placement's life (the state machine decides)",
            "parameters": [PLACEMENT_ID], "requestBody": _body("Transition"),
            "responses": {"200": _ok("The placement after the step.", _ref("Placement")),
                          "409": _problem("Conflict"), **READ, **WRITE}}},
    }


@lru_cache(maxsize=1)
def _document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Koppelkans API", "version": "1.0.0",
                 "description": "Vacancies, participants, matches and placements. Profiles "
                                "in the format of spec/PROFILES.md. Vacancies and "
                                "participants are addressed by their profile id, "
                                "placements by their numeric id. Errors are "
                                "application/problem+json (RFC 9457)."},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearerAuth": []}],
        "paths": _paths(),
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                                               "description": "POST /tokens for a token."}},
            "schemas": _schemas(),
            "responses": _responses(),
        },
    }


def document() -> dict[str, Any]:
    """A fresh copy of the document (callers may change it)."""
    return copy.deepcopy(_document())
