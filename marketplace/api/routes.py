"""The JSON API, /api/v1: thin views over the services, bearer-token authentication.

Vacancies and participants are addressed by their profile `id` (the spec's stable id,
`ref` in the database); placements, which have no profile, by their numeric `id`. In
both cases the URL holds the `id` that the resource's body shows.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request, url_for
from werkzeug.exceptions import HTTPException

from marketplace.api import access, requests
from marketplace.api.openapi import document
from marketplace.api.problems import ApiProblem, problem_response, unauthorised
from marketplace.api.serialise import (
    matches_body,
    page_body,
    placement_body,
    vacancy_body,
    vacancy_item,
)
from marketplace.domain.placements import PlacementAction
from marketplace.domain.vacancy_status import VacancyAction
from marketplace.domain.vocabulary import Role
from marketplace.errors import AccessRefused, DomainError
from marketplace.extensions import csrf
from marketplace.services import api_resources
from marketplace.services.accounts import api_tokens
from marketplace.services.accounts.login_throttle import TooManyAttempts
from marketplace.services.matching import matches
from marketplace.services.matching.ranking import MatchFilters
from marketplace.services.participants import caseload as participants
from marketplace.services.placements import placements as placement_service
from marketplace.services.placements import proposals
from marketplace.services.profiles.rows import participant_api_profile
from marketplace.services.vacancies import vacancies as vacancy_service
from marketplace.services.vacancies.board import board

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# Token-authenticated only (never the session cookie), so CSRF cannot apply.
csrf.exempt(bp)

PUBLIC_ENDPOINTS = {"api.create_token", "api.openapi"}


@bp.before_request
def _authenticate() -> None:
    if request.endpoint not in PUBLIC_ENDPOINTS:
        requests.authenticate()


@bp.errorhandler(ApiProblem)
def _problem(error: ApiProblem) -> Response:
    return problem_response(error.status, error.detail, error.errors, error.headers)


@bp.errorhandler(AccessRefused)
def _access_refused(error: AccessRefused) -> Response:
    return problem_response(error.status, access.refused_detail(error))


@bp.errorhandler(DomainError)
def _refused(error: DomainError) -> Response:
    """A broken rule: 422 naming the field(s) when it is about input, else 409."""
    errors = getattr(error, "errors", None)
    if errors is None and error.field:
        errors = [{"field": error.field, "message": error.message}]
    return problem_response(422 if errors else 409, error.message, errors)


@bp.errorhandler(HTTPException)
def _http(error: HTTPException) -> Response:
    code = error.code or 500
    detail = "Te veel pogingen; wacht even en probeer het dan opnieuw." if code == 429 else ""
    return problem_response(code, detail)


def _created(body: dict[str, Any], location: str) -> tuple[Response, int, dict[str, str]]:
    return jsonify(body), 201, {"Location": location}


# --------------------------------------------------------------------------- tokens


@bp.post("/tokens")
def create_token() -> Any:
    body = requests.json_body("token")
    try:
        # Counted with the login form's attempts, per address and per account.
        issued = api_tokens.issue_token(body["email"], body["password"], request.remote_addr or "")
    except TooManyAttempts as error:
        raise ApiProblem(429, f"Te veel pogingen. Wacht {error.wait_seconds} seconden.",
                         headers={"Retry-After": str(error.wait_seconds)}) from None
    if issued is None:
        raise unauthorised("Het e-mailadres of het wachtwoord klopt niet.", invalid=False)
    return jsonify(token=issued.token, token_type="Bearer",
                   expires_at=issued.expires_at.isoformat()), 201


@bp.delete("/tokens/current")
def revoke_token() -> Any:
    api_tokens.revoke_token(requests.bearer_token())
    return "", 204


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(document())


# --------------------------------------------------------------------------- vacancies


@bp.get("/vacancies")
def list_vacancies() -> Any:
    user = access.require_role(*access.VACANCY_VIEWERS)
    args = requests.query("vacancies")
    found = board(user, requests.board_filters(args), page=args["page"],
                  per_page=args["per_page"])
    if found.unknown_postcode:
        raise requests.parameter_problem("postcode", "unknown postcode")
    return jsonify(page_body(found.page, vacancy_item, "api.list_vacancies",
                             **requests.link_values("vacancies")))


@bp.post("/vacancies")
def create_vacancy() -> Any:
    user = access.require_role(*access.VACANCY_EDITORS)
    vacancy = api_resources.create_vacancy(user, requests.json_body("vacancy:create"))
    return _created(vacancy_body(vacancy, user), url_for("api.vacancy", ref=vacancy.ref))


@bp.get("/vacancies/<ref>")
def vacancy(ref: str) -> Any:
    return jsonify(vacancy_body(access.visible_vacancy(ref), access.api_user()))


@bp.patch("/vacancies/<ref>")
def update_vacancy(ref: str) -> Any:
    found = access.editable_vacancy(ref)
    user = access.api_user()
    updated = api_resources.update_vacancy(found, user, requests.json_body("vacancy:update"))
    return jsonify(vacancy_body(updated, user))


@bp.post("/vacancies/<ref>/transitions")
def vacancy_transition(ref: str) -> Any:
    """The web's status buttons: the same service and rule table (domain/vacancy_status)."""
    found = access.editable_vacancy(ref)
    body = requests.json_body("vacancy_transition")
    action = VacancyAction(body["action"])
    user = access.may_change_status(action)
    moved = vacancy_service.change_status(found, user, action, body.get("reason", ""))
    return jsonify(vacancy_body(moved, user))


# --------------------------------------------------------------------------- participants


@bp.get("/participants")
def list_participants() -> Any:
    user = access.require_role(Role.COACH)
    args = requests.query("participants")
    found = participants.caseload(user, page=args["page"], per_page=args["per_page"],
                                  **requests.caseload_filters(args))
    return jsonify(page_body(found, participant_api_profile, "api.list_participants",
                             **requests.link_values("participants")))


@bp.post("/participants")
def create_participant() -> Any:
    user = access.require_role(Role.COACH)
    created = api_resources.create_participant(user, requests.json_body("participant:create"))
    return _created(participant_api_profile(created),
                    url_for("api.participant", ref=created.ref))


@bp.get("/participants/<ref>")
def participant(ref: str) -> Any:
    return jsonify(participant_api_profile(access.owned_participant(ref, Role.COACH, Role.ADMIN)))


@bp.patch("/participants/<ref>")
def update_participant(ref: str) -> Any:
    found = access.owned_participant(ref, Role.COACH)
    updated = api_resources.update_participant(found, access.api_user(),
                                               requests.json_body("participant:update"))
    return jsonify(participant_api_profile(updated))


@bp.get("/participants/<ref>/matches")
def participant_matches(ref: str) -> Any:
    found = access.owned_participant(ref, Role.COACH)
    limit = requests.query("matches")["limit"]
    page = matches.matches_page(found, filters=MatchFilters(), weights=None, limit=limit,
                                excluded_limit=limit)
    if page.result is None:
        raise ApiProblem(409, "Deze deelnemer heeft geen toestemming gegeven om te zoeken "
                              "naar passende plekken.")
    return jsonify(matches_body(found.ref, page.result))


# --------------------------------------------------------------------------- placements


@bp.post("/placements")
def propose() -> Any:
    user = access.require_role(Role.COACH)
    body = requests.json_body("proposal")
    person, place = access.proposal_pair(user, body["participant"], body["vacancy"])
    placement = proposals.propose(user, person, place, body.get("message") or "",
                                  body.get("override_reason"))
    return _created(placement_body(placement, user),
                    url_for("api.placement", placement_id=placement.id))


@bp.get("/placements/<id:placement_id>")
def placement(placement_id: int) -> Any:
    return jsonify(placement_body(access.viewable_placement(placement_id), access.api_user()))


@bp.post("/placements/<id:placement_id>/transitions")
def transition(placement_id: int) -> Any:
    found = access.viewable_placement(placement_id)
    body = requests.json_body("transition")
    user = access.may_take(found, PlacementAction(body["action"]))
    moved = placement_service.transition(found.id, body["action"], user,
                                         requests.transition_data(body))
    return jsonify(placement_body(moved, user))

