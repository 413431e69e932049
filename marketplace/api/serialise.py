"""Response bodies: profiles from services/profiles/rows.py, placements and matches as JSON."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from flask import request, url_for

from marketplace.auth.access import can_edit_vacancy
from marketplace.domain.placements import available_actions
from marketplace.domain.vocabulary import Role
from marketplace.models import Placement, User, Vacancy
from marketplace.services.matching.ranking import MatchResult
from marketplace.services.placements.sharing import shared_view
from marketplace.services.platform.access import role_of
from marketplace.services.platform.queries import Page
from marketplace.services.profiles.rows import vacancy_profile
from marketplace.services.vacancies import vacancies as vacancy_service
from marketplace.services.vacancies.board import BoardItem


def moment(value: datetime | date | None) -> str | None:
    """ISO 8601; stored timestamps come back aware in UTC (models/_types.UtcDateTime)."""
    return None if value is None else value.isoformat()


def page_body(page: Page[Any], item: Callable[[Any], dict[str, Any]], endpoint: str,
              **values: Any) -> dict[str, Any]:
    def link(number: int) -> str:
        return url_for(endpoint, page=number, per_page=page.per_page, **values)

    links = {"self": link(page.page), "first": link(1), "last": link(page.pages),
             "next": link(page.page + 1) if page.has_next else None,
             "prev": link(page.page - 1) if page.has_prev else None}
    return {"items": [item(row) for row in page.items], "page": page.page,
            "per_page": page.per_page, "total": page.total, "pages": page.pages,
            "links": links}


def vacancy_item(item: BoardItem) -> dict[str, Any]:
    """A vacancy in a list: its profile, its organisation's id and, after a postcode
    search, its distance."""
    body = vacancy_profile(item.vacancy) | {"organisation_id": item.vacancy.organisation_id}
    if item.distance_km is not None:
        body["distance_km"] = round(item.distance_km, 2)
    return body


def vacancy_body(vacancy: Vacancy, user: User) -> dict[str, Any]:
    """One vacancy: as in a list, plus the status actions this user may take now (none
    for those who may not change it) and the centre's note when it was sent back."""
    body = vacancy_item(BoardItem(vacancy))
    editable = can_edit_vacancy(user, vacancy)
    actions = vacancy_service.allowed_actions(user, vacancy) if editable else []
    body["actions"] = [action.value for action in actions]
    if editable and vacancy.review_note:
        body["review_note"] = vacancy.review_note
    return body


def _events(placement: Placement) -> list[dict[str, Any]]:
    return [{"from": event.from_state.value if event.from_state else None,
             "to": event.to_state.value, "at": moment(event.at),
             "by": event.actor_role, "note": event.note} for event in placement.events]


def _lifecycle(placement: Placement) -> dict[str, Any]:
    return {
        "kennismaking_at": placement.kennismaking_at.isoformat()
        if placement.kennismaking_at else None,
        "kennismaking_place": placement.kennismaking_place,
        "coach_attends": placement.coach_attends,
        "proefperiode_start": moment(placement.proefperiode_start),
        "proefperiode_end": moment(placement.proefperiode_end),
        "agreement": placement.agreement,
        "decline_reason": placement.decline_reason.value if placement.decline_reason else None,
        "not_continued_reason": placement.not_continued_reason.value
        if placement.not_continued_reason else None,
        "outcome": placement.outcome.value if placement.outcome else None,
        "ended_on": moment(placement.ended_on),
    }


def placement_body(placement: Placement, user: User) -> dict[str, Any]:
    """The coach (and the admin) see the participant's id; the organisation side sees
    only what `sharing.shared_view` shares."""
    role = role_of(user, placement)
    body: dict[str, Any] = {
        "id": placement.id,
        "state": placement.state.value,
        "vacancy": placement.vacancy.ref,
        "created_at": moment(placement.created_at),
        "updated_at": moment(placement.updated_at),
        "actions": [action.value for action in available_actions(placement.state, role)],
        **_lifecycle(placement),
    }
    if user.role in (Role.COACH, Role.ADMIN):
        body["participant"] = placement.participant.ref
        body["message"] = placement.message
        body["override_reason"] = placement.override_reason
        body["events"] = _events(placement)
    else:
        shared = shared_view(placement)
        body["participant"] = None
        body["shared"] = {"first_name": shared.first_name,
                          "language_levels": shared.language_levels,
                          "available": shared.available, "coach_name": shared.coach_name,
                          "coach_email": shared.coach_email}
        body["message"] = shared.message
    return body


def matches_body(participant_ref: str, result: MatchResult) -> dict[str, Any]:
    """The ranking in the shape of spec/PROFILES.md's rank output, plus totals and km."""
    return {
        "participant": participant_ref,
        "ranked": [{"vacancy": row.ref, "title": row.title, "organisation": row.organisation,
                    "type": row.type, "score": row.score,
                    "components": {c.name: c.value for c in row.components},
                    "reasons": list(row.reasons), "warnings": list(row.warnings),
                    "distance_km": row.distance_km} for row in result.ranked],
        "excluded": [{"vacancy": row.ref, "title": row.title, "codes": list(row.codes),
                      "reasons": list(row.reasons), "distance_km": row.distance_km}
                     for row in result.excluded],
        "ranked_total": result.ranked_total,
        "excluded_total": result.excluded_total,
    }


def location_of(endpoint: str, **values: Any) -> str:
    return url_for(endpoint, **values, _external=False) or request.path
