"""Reading the API's requests strictly: bearer token, JSON bodies, query parameters."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from flask import g, request
from jsonschema import Draft202012Validator

from marketplace.api.problems import ApiProblem, unauthorised
from marketplace.api.schemas import PAGE_QUERY, QUERIES, check
from marketplace.domain.vocabulary import ParticipantStatus, PlacementType, VacancyStatus
from marketplace.services.accounts.api_tokens import user_for_token
from marketplace.services.vacancies.board import BoardFilters
from matching.geo import normalise_postcode


def bearer_token() -> str:
    """The token of `Authorization: Bearer ...`; '' when there is none."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def authenticate() -> None:
    """Only the bearer token counts: a session cookie is never API authentication, so
    a cross-site form cannot act through the API (CSRF does not apply here)."""
    token = bearer_token()
    if not token:
        raise unauthorised("Stuur een token mee: Authorization: Bearer <token>.", invalid=False)
    user = user_for_token(token)
    if user is None:
        raise unauthorised("Het token is ongeldig, verlopen of ingetrokken.", invalid=True)
    g.api_user = user


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("number out of range")
    return value


@lru_cache(maxsize=64)
def _query_validator(name: str, parameter: str) -> Draft202012Validator:
    return Draft202012Validator(QUERIES[name][parameter])


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _character_problem(text: str) -> str | None:
    """What no text column can store: NUL (PostgreSQL refuses it) or a lone UTF-16
    surrogate such as "\\ud800" (valid JSON, but no UTF-8 encoding exists: a 500)."""
    if "\x00" in text:
        return "contains a NUL character"
    if _SURROGATE.search(text):
        return "contains an invalid character (a lone surrogate)"
    return None


def _character_problems(value: Any, path: tuple[str, ...] = ()) -> Iterator[dict[str, str]]:
    texts = [value] if isinstance(value, str) else []
    if isinstance(value, dict):
        texts = list(value)  # the keys; the values below
        for key, item in value.items():
            yield from _character_problems(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _character_problems(item, (*path, str(index)))
    for text in texts:
        problem = _character_problem(text)
        if problem:
            yield {"field": ".".join(path), "message": problem}


def json_body(schema_name: str) -> Any:
    """The request's JSON, checked against the named request schema (problems: 4xx)."""
    if not request.is_json:
        raise ApiProblem(415, "Stuur JSON (Content-Type: application/json).")
    try:
        body = json.loads(request.get_data(), parse_constant=_reject_constant,
                          parse_float=_finite)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ApiProblem(400, "De body is geen geldige JSON.") from None
    errors = check(schema_name, body)
    errors += list(_character_problems(body))
    if errors:
        raise ApiProblem(422, "De invoer klopt niet; zie de velden.", errors)
    return body


PARAMETER_PROBLEM = "Een parameter klopt niet."
_INTEGER = re.compile(r"-?[0-9]{1,40}")
_NUMBER = re.compile(r"-?[0-9]{1,40}(\.[0-9]{1,40})?([eE][-+]?[0-9]{1,3})?")


def parameter_problem(name: str, message: str) -> ApiProblem:
    return ApiProblem(400, PARAMETER_PROBLEM, [{"field": name, "message": message}])


def _scalar(schema: dict[str, Any], raw: str) -> Any:
    """One query value as the type its schema says; ValueError says what is wrong."""
    kind = schema.get("type", "string")
    if kind == "integer":
        if not _INTEGER.fullmatch(raw):
            raise ValueError("must be an integer")
        return int(raw)
    if kind == "number":
        if not _NUMBER.fullmatch(raw) or not math.isfinite(float(raw)):
            raise ValueError("must be a number")
        return float(raw)
    if kind == "boolean":
        if raw not in ("true", "false"):
            raise ValueError("must be true or false")
        return raw == "true"
    if "\x00" in raw:
        raise ValueError("contains a NUL character")
    return raw


def _value(schema: dict[str, Any], raws: list[str]) -> Any:
    if schema.get("type") == "array":
        return [_scalar(schema["items"], raw) for raw in raws]
    if len(raws) > 1:
        raise ValueError("may be given once")
    return _scalar(schema, raws[0])


def query(name: str) -> dict[str, Any]:
    """The named query's parameters (schemas.QUERIES) that were given, typed and
    checked, plus the schemas' defaults; every wrong one is named in one 400."""
    values: dict[str, Any] = {}
    errors: list[dict[str, str]] = []
    for parameter, schema in QUERIES[name].items():
        raws = request.args.getlist(parameter)
        if not raws:
            if "default" in schema:
                values[parameter] = schema["default"]
            continue
        try:
            value = _value(schema, raws)
        except ValueError as error:
            errors.append({"field": parameter, "message": str(error)})
            continue
        found = [{"field": parameter, "message": problem.message}
                 for problem in _query_validator(name, parameter).iter_errors(value)]
        errors += found
        if not found:
            values[parameter] = value
    if errors:
        raise ApiProblem(400, PARAMETER_PROBLEM, errors)
    return values


def link_values(name: str) -> dict[str, list[str]]:
    """The filters as given (not the page), for the links of a page of results."""
    return {parameter: request.args.getlist(parameter) for parameter in QUERIES[name]
            if parameter in request.args and parameter not in PAGE_QUERY}


def board_filters(values: dict[str, Any]) -> BoardFilters:
    """The vacancy board's filters from query("vacancies")."""
    if "radius_km" in values and "postcode" not in values:
        raise parameter_problem("radius_km", "only with postcode")
    tags = (tag.strip().lower() for tag in values.get("tags", ()))
    return BoardFilters(
        search=values.get("q", "").strip(),
        placement_type=PlacementType(values["type"]) if "type" in values else None,
        tags=tuple(dict.fromkeys(tag for tag in tags if tag)),
        level=values.get("level"),
        childcare=values.get("childcare", False),
        women_only=values.get("women_only", False),
        open_only=values.get("open_only", False),
        dayparts=tuple(values.get("dayparts", ())),
        status=VacancyStatus(values["status"]) if "status" in values else None,
        organisation_id=values.get("organisation_id"),
        postcode=normalise_postcode(values["postcode"]) if "postcode" in values else None,
        radius_km=values.get("radius_km", BoardFilters.radius_km),
    )


def caseload_filters(values: dict[str, Any]) -> dict[str, Any]:
    """The caseload's filters (keyword arguments) from query("participants")."""
    status = values.get("status")
    return {"status": ParticipantStatus(status) if status else None,
            "search": values.get("q", "").strip()}


DATE_FIELDS = ("proefperiode_start", "proefperiode_end", "ended_on")


def transition_data(body: dict[str, Any]) -> dict[str, Any]:
    """ISO 8601 texts as dates; kennismaking_at is a local time without an offset."""
    data = dict(body)
    errors = []
    for name in DATE_FIELDS:
        if name in data:
            try:
                data[name] = date.fromisoformat(data[name])
            except ValueError:
                errors.append({"field": name, "message": "is not an ISO 8601 date"})
    if "kennismaking_at" in data:
        try:
            moment = datetime.fromisoformat(data["kennismaking_at"])
            if moment.tzinfo is not None:
                raise ValueError
            data["kennismaking_at"] = moment
        except ValueError:
            errors.append({"field": "kennismaking_at",
                           "message": "is not an ISO 8601 local date-time without offset"})
    if errors:
        raise ApiProblem(422, "De invoer klopt niet; zie de velden.", errors)
    return data
