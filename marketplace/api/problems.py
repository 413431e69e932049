"""Errors as application/problem+json (RFC 9457)."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify

TITLES = {
    400: "Ongeldig verzoek",
    401: "Niet aangemeld",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    409: "Conflict",
    413: "Verzoek te groot",
    415: "Verkeerd mediatype",
    422: "Ongeldige invoer",
    429: "Te veel pogingen",
    500: "Er ging iets mis",
}


class ApiProblem(Exception):
    """Stop the request with a problem response."""

    def __init__(self, status: int, detail: str = "", errors: list[dict[str, str]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail, self.errors, self.headers = status, detail, errors, headers


def problem_response(status: int, detail: str = "", errors: list[dict[str, str]] | None = None,
                     headers: dict[str, str] | None = None) -> Response:
    body: dict[str, Any] = {"type": "about:blank", "title": TITLES.get(status, TITLES[500]),
                            "status": status}
    if detail:
        body["detail"] = detail
    if errors is not None:
        body["errors"] = errors
    response = jsonify(body)
    response.status_code = status
    response.mimetype = "application/problem+json"
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def unauthorised(detail: str, invalid: bool) -> ApiProblem:
    challenge = 'Bearer realm="koppelkans"'
    if invalid:
        challenge += ', error="invalid_token"'
    return ApiProblem(401, detail, headers={"WWW-Authenticate": challenge})
