"""Who may see and change what through the API: the token's user, the resources' profile
ids, and the loaders the web uses too (services/platform/access.py). Their AccessRefused
becomes a problem+json response in api/routes.py."""

from __future__ import annotations

from flask import g
from flask_babel import gettext

from marketplace.api.problems import ApiProblem
from marketplace.domain.placements import (
    ROLE_MESSAGE,
    IllegalTransition,
    PlacementAction,
    next_state,
)
from marketplace.domain.vacancy_status import ROLE_REFUSED, VacancyAction, role_may_take
from marketplace.domain.vocabulary import Role
from marketplace.errors import AccessRefused
from marketplace.models import Participant, Placement, User, Vacancy
from marketplace.services.platform.access import (
    load_participant,
    load_placement,
    load_vacancy,
    role_of,
)

VACANCY_VIEWERS = (Role.COACH, Role.ORGANISATION, Role.CENTRALE, Role.ADMIN)
VACANCY_EDITORS = (Role.ORGANISATION, Role.CENTRALE, Role.ADMIN)
PLACEMENT_VIEWERS = (Role.COACH, Role.ORGANISATION, Role.CENTRALE, Role.ADMIN)

FORBIDDEN = "Uw rol mag dit niet."
NOT_FOUND = "Dit bestaat niet, of u mag het niet zien."


def api_user() -> User:
    user: User = g.api_user
    return user


def require_role(*roles: Role) -> User:
    user = api_user()
    if user.role not in roles:
        raise ApiProblem(403, FORBIDDEN)
    return user


def refused_detail(refused: AccessRefused) -> str:
    """A loader's refusal keeps the web's status (403/404) and gets the API's wording."""
    return FORBIDDEN if refused.status == 403 else NOT_FOUND


def visible_vacancy(ref: str) -> Vacancy:
    return load_vacancy(require_role(*VACANCY_VIEWERS), ref, "ref")


def editable_vacancy(ref: str) -> Vacancy:
    return load_vacancy(require_role(*VACANCY_EDITORS), ref, "ref", to_edit=True)


def owned_participant(ref: str, *roles: Role) -> Participant:
    return load_participant(require_role(*roles), ref, "ref")


def viewable_placement(placement_id: int) -> Placement:
    return load_placement(require_role(*PLACEMENT_VIEWERS), placement_id)


def proposal_pair(user: User, participant_ref: str, vacancy_ref: str
                  ) -> tuple[Participant, Vacancy]:
    """The body's participant (own caseload) and vacancy (visible); else 422 naming them."""
    errors = []
    participant = vacancy = None
    try:
        participant = load_participant(user, participant_ref, "ref")
    except AccessRefused:
        errors.append({"field": "participant", "message": "unknown participant"})
    try:
        vacancy = load_vacancy(user, vacancy_ref, "ref")
    except AccessRefused:
        errors.append({"field": "vacancy", "message": "unknown vacancy"})
    if errors or participant is None or vacancy is None:
        raise ApiProblem(422, "De deelnemer of de vacature bestaat niet voor u.", errors)
    return participant, vacancy


def may_change_status(action: VacancyAction) -> User:
    """403 when the user's role may never take this status action (the rule table of
    domain/vacancy_status.py says); one impossible in this status is the service's (409)."""
    user = api_user()
    if not role_may_take(action, user.role):
        raise ApiProblem(403, ROLE_REFUSED)
    return user


def may_take(placement: Placement, action: PlacementAction) -> User:
    """403 when the user's side may never take this step here (the state machine says);
    a step that is impossible in this state is left to the service (409)."""
    user = api_user()
    role = role_of(user, placement)
    if role is None:
        raise ApiProblem(403, gettext(ROLE_MESSAGE))
    try:
        next_state(placement.state, action, role)
    except IllegalTransition as error:
        if error.message == ROLE_MESSAGE:
            raise ApiProblem(403, gettext(ROLE_MESSAGE)) from None
    return user
