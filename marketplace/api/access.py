"""Who may see and change what through the API: the web app's rules (auth/access.py),
for the token's user and by the resources' profile ids."""

from __future__ import annotations

from flask import g
from flask_babel import gettext
from sqlalchemy import select

from marketplace.api.problems import ApiProblem
from marketplace.auth.access import can_edit_vacancy, can_see_participant, can_view_vacancy
from marketplace.domain.placements import (
    ROLE_MESSAGE,
    IllegalTransition,
    PlacementAction,
    next_state,
)
from marketplace.domain.vacancy_status import ROLE_REFUSED, VacancyAction, role_may_take
from marketplace.domain.vocabulary import Role
from marketplace.extensions import db
from marketplace.models import Participant, Placement, User, Vacancy
from marketplace.services.placements import access as placement_access

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


def visible_vacancy(ref: str) -> Vacancy:
    user = require_role(*VACANCY_VIEWERS)
    vacancy = db.session.scalar(select(Vacancy).where(Vacancy.ref == ref))
    if vacancy is None or not can_view_vacancy(user, vacancy):
        raise ApiProblem(404, NOT_FOUND)
    return vacancy


def editable_vacancy(ref: str) -> Vacancy:
    user = require_role(*VACANCY_EDITORS)
    vacancy = db.session.scalar(select(Vacancy).where(Vacancy.ref == ref))
    if vacancy is None:
        raise ApiProblem(404, NOT_FOUND)
    if not can_edit_vacancy(user, vacancy):
        # Visible but not yours: 403; invisible: 404 reveals nothing (as on the web).
        if can_view_vacancy(user, vacancy):
            raise ApiProblem(403, FORBIDDEN)
        raise ApiProblem(404, NOT_FOUND)
    return vacancy


def owned_participant(ref: str, *roles: Role) -> Participant:
    """A participant of the user's caseload; others' give 404, so ids cannot be probed."""
    user = require_role(*roles)
    participant = db.session.scalar(select(Participant).where(Participant.ref == ref))
    if participant is None or not can_see_participant(user, participant):
        raise ApiProblem(404, NOT_FOUND)
    return participant


def viewable_placement(placement_id: int) -> Placement:
    user = require_role(*PLACEMENT_VIEWERS)
    placement = placement_access.load(placement_id)
    if placement is None or not placement_access.may_view(user, placement):
        raise ApiProblem(404, NOT_FOUND)
    return placement


def proposal_pair(user: User, participant_ref: str, vacancy_ref: str
                  ) -> tuple[Participant, Vacancy]:
    """The body's participant (own caseload) and vacancy (visible); else 422 naming them."""
    errors = []
    participant = db.session.scalar(select(Participant).where(Participant.ref == participant_ref))
    if participant is None or not can_see_participant(user, participant):
        errors.append({"field": "participant", "message": "unknown participant"})
    vacancy = db.session.scalar(select(Vacancy).where(Vacancy.ref == vacancy_ref))
    if vacancy is None or not can_view_vacancy(user, vacancy):
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
    role = placement_access.role_of(user, placement)
    if role is None:
        raise ApiProblem(403, gettext(ROLE_MESSAGE))
    try:
        next_state(placement.state, action, role)
    except IllegalTransition as error:
        if error.message == ROLE_MESSAGE:
            raise ApiProblem(403, gettext(ROLE_MESSAGE)) from None
    return user
