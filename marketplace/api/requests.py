"""Reading the API's requests strictly: bearer token, JSON bodies, query parameters."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from flask import g, request

from marketplace.api.problems import ApiProblem, unauthorised
from marketplace.api.schemas import check
from marketplace.services.api_tokens import user_for_token

MAX_PAGE = 100_000
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20


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


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _strings_with_nul(value: Any, path: tuple[str, ...] = ()) -> Iterator[str]:
    if isinstance(value, str) and "\x00" in value:
        yield ".".join(path)
    elif isinstance(value, dict):
        for key, item in value.items():
            if "\x00" in key:
                yield ".".join(path)
            yield from _strings_with_nul(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings_with_nul(item, (*path, str(index)))


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
    errors += [{"field": field, "message": "contains a NUL character"}
               for field in _strings_with_nul(body)]
    if errors:
        raise ApiProblem(422, "De invoer klopt niet; zie de velden.", errors)
    return body


def int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ApiProblem(422, "Een parameter klopt niet.", [
            {"field": name, "message": f"must be an integer from {low} to {high}"}])
    return int(raw)


def page_args() -> tuple[int, int]:
    return (int_arg("page", 1, 1, MAX_PAGE),
            int_arg("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE))


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
