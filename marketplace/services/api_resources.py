"""Writes through the JSON API: profiles in, rows saved by the usual services.

The request body's shape is checked by the API (marketplace.api.schemas); here the
whole profile is validated with `matching.profiles.validate`, converted once by
services/profiles/rows.py and saved by the same service the web forms use, so a refusal
saves nothing.
"""

from __future__ import annotations

from typing import Any

from marketplace.domain.records import labelled
from marketplace.domain.records.vacancy import VACANCY, cross_field_problems
from marketplace.domain.vocabulary import ConsentPurpose, PlacementType, Role
from marketplace.errors import DomainError
from marketplace.models import Organisation, Participant, User, Vacancy
from marketplace.services.participants import intake
from marketplace.services.profiles.rows import (
    participant_api_profile,
    participant_fields_from_api_profile,
    vacancy_fields_from_profile,
    vacancy_profile,
)
from marketplace.services.vacancies import vacancies as vacancy_service
from matching.profiles import validate

# Columns the marketplace keeps itself: never taken from a profile sent to the API.
_VACANCY_KEPT = ("ref", "status", "filled", "lat", "lon", "geo_precision", "organisation")


class ProfileProblems(DomainError):
    """The profile breaks the contract; `errors` names every field."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        super().__init__("Het profiel klopt niet; zie de velden.")
        self.errors = errors


def _validated(kind: str, profile: dict[str, Any]) -> None:
    problems = validate(kind, [profile], label=kind)
    if problems:
        raise ProfileProblems([{"field": p.field, "message": p.message} for p in problems])


def _vacancy_columns(profile: dict[str, Any]) -> dict[str, Any]:
    _validated("vacancy", profile)
    # The rules across two fields, on the whole profile (a PATCH sends only a part);
    # places filled are ours, so there the vacancy service names the capacity.
    fields = VACANCY.by_profile_path()
    crossed = [{"field": path, "message": labelled(fields[path], message)}
               for path, message in cross_field_problems(profile) if fields[path].editable]
    if crossed:
        raise ProfileProblems(crossed)
    fields = vacancy_fields_from_profile(profile)
    return {name: value for name, value in fields.items() if name not in _VACANCY_KEPT}


def _organisation_for(user: User, name: str | None) -> Organisation:
    allowed = vacancy_service.postable_organisations(user)
    if user.role == Role.ORGANISATION and allowed and name in (None, allowed[0].name):
        return allowed[0]
    chosen = [organisation for organisation in allowed if organisation.name == name]
    if name is None and len(allowed) == 1:
        chosen = allowed
    if len(chosen) != 1:
        raise DomainError("Kies een organisatie die u beheert.", field="organisation")
    return chosen[0]


def create_vacancy(user: User, body: dict[str, Any]) -> Vacancy:
    """A new draft vacancy from a profile (without id), for an organisation the user manages."""
    organisation = _organisation_for(user, body.get("organisation"))
    profile = {"id": "new", **body, "organisation": organisation.name}
    if "hours_per_week" not in profile and body.get("type") in list(PlacementType):
        defaults = vacancy_service.defaults_for(PlacementType(body["type"]))
        profile["hours_per_week"] = {"min": defaults["hours_min"], "max": defaults["hours_max"]}
    return vacancy_service.create_vacancy(organisation, _vacancy_columns(profile))


def update_vacancy(vacancy: Vacancy, editor: User, body: dict[str, Any]) -> Vacancy:
    """Replace the fields given in `body`; the rest of the profile stays. A member's
    change of screened content sends the vacancy back to review, as on the web."""
    profile = vacancy_profile(vacancy) | body
    vacancy_service.edit_vacancy(vacancy, editor, _vacancy_columns(profile))
    return vacancy


def _intake_data(profile: dict[str, Any], participant: Participant | None) -> intake.IntakeData:
    _validated("participant", profile)
    fields = participant_fields_from_api_profile(profile)
    columns = {name: value for name, value in fields.items() if name in intake.PROFILE_COLUMNS}
    goals = [intake.GoalInput(goal.id, goal.text, goal.target_date)
             for goal in (participant.goals if participant else [])]
    consents: dict[ConsentPurpose, intake.ConsentInput] = {}
    if "consents" in profile:
        given = set(profile["consents"])
        consents = {purpose: intake.ConsentInput(purpose.value in given, None)
                    for purpose in ConsentPurpose}
    return intake.IntakeData(profile=columns, goals=goals, consents=consents)


def create_participant(coach: User, body: dict[str, Any]) -> Participant:
    """A new participant in the coach's caseload from a profile (without id)."""
    data = _intake_data({"id": "new", **body}, None)
    return intake.create_participant(coach, data).participant


def update_participant(participant: Participant, actor: User, body: dict[str, Any]) -> Participant:
    """Replace the fields given in `body`; goals, measurements and the rest stay."""
    current = participant_api_profile(participant)
    if "consents" not in body:
        current.pop("consents")
    return intake.update_participant(participant, _intake_data(current | body, participant),
                                     actor=actor).participant
