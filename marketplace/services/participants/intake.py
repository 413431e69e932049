"""The intake: creating and updating a participant's profile, goals and consents."""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask_babel import gettext
from sqlalchemy import select

from marketplace.domain.vocabulary import ConsentPurpose, VacancyStatus
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import Consent, Goal, Participant, User, Vacancy
from marketplace.services.platform import access, audit
from marketplace.services.platform.locations import locate

# Columns the intake form may set; everything else (ref, coach, coordinates) is ours.
PROFILE_COLUMNS = (
    "first_name", "last_name", "pseudonym", "email", "phone", "status", "intake_date",
    "gender", "postcode", "max_travel_km", "nl_speaking", "nl_listening", "nl_reading",
    "nl_writing", "other_languages", "literate_latin", "route", "interests", "experience",
    "availability", "lessons", "childcare_needed", "hours_min", "hours_max", "women_only",
    "max_physical_load", "children_ages", "household_notes", "health_notes",
    "participation_route", "closed_on", "exit_reason",
)


@dataclass(frozen=True)
class GoalInput:
    id: int | None
    text: str
    target_date: date | None


@dataclass(frozen=True)
class ConsentInput:
    given: bool
    given_on: date | None


@dataclass
class IntakeData:
    profile: dict[str, Any]
    goals: list[GoalInput] = field(default_factory=list)
    consents: dict[ConsentPurpose, ConsentInput] = field(default_factory=dict)


@dataclass(frozen=True)
class SaveResult:
    participant: Participant
    warnings: list[str]


def _check(profile: dict[str, Any]) -> None:
    if float(profile["hours_min"]) > float(profile["hours_max"]):
        raise DomainError(
            gettext("Het maximum moet minstens even groot zijn als het minimum."), "hours_max"
        )
    if not (profile.get("first_name") or "").strip():
        raise DomainError(gettext("Vul een voornaam of roepnaam in."), "first_name")


def _apply_profile(participant: Participant, profile: dict[str, Any]) -> list[str]:
    for name in PROFILE_COLUMNS:
        if name in profile:
            setattr(participant, name, profile[name])
    participant.lat, participant.lon, participant.geo_precision = locate(participant.postcode)
    if participant.postcode and participant.lat is None:
        return [
            gettext(
                "Postcode %(postcode)s is niet bekend. Het profiel is opgeslagen, maar de "
                "afstand tot plekken kan niet worden berekend.",
                postcode=participant.postcode,
            )
        ]
    return []


def _apply_goals(participant: Participant, goals: list[GoalInput]) -> None:
    existing = {goal.id: goal for goal in participant.goals}
    kept: list[Goal] = []
    for row in goals:
        text = row.text.strip()
        if not text:
            continue  # an emptied row removes that goal
        goal = existing.get(row.id) if row.id else None
        if goal is None:
            goal = Goal(text=text, target_date=row.target_date)
        goal.text, goal.target_date = text, row.target_date
        kept.append(goal)
    participant.goals = kept


def _apply_consents(
    participant: Participant, consents: dict[ConsentPurpose, ConsentInput], today: date
) -> None:
    current = {consent.purpose: consent for consent in participant.consents}
    for purpose, wanted in consents.items():
        consent = current.get(purpose)
        if wanted.given:
            given_on = wanted.given_on or today
            if consent is None:
                participant.consents.append(Consent(purpose=purpose, given_on=given_on))
            else:
                consent.given_on, consent.withdrawn_on = given_on, None
        elif consent is not None and consent.withdrawn_on is None:
            consent.withdrawn_on = today  # withdrawn: kept with its date, never deleted


def _controller_for(coach: User, municipality_id: int | None) -> int | None:
    """The chosen municipality when the coach works for it; none chosen: her first."""
    if municipality_id is None:
        return coach.municipalities[0].id if coach.municipalities else None
    if not access.in_scope(coach, municipality_id):
        raise DomainError(gettext("Gemeente: kies een gemeente waarvoor u werkt."),
                          field="municipality")
    return municipality_id


def create_participant(coach: User, data: IntakeData, today: date | None = None, *,
                       municipality_id: int | None = None) -> SaveResult:
    """A new participant in the coach's caseload, with a fresh pseudonymous ref, for
    one of the coach's municipalities."""
    _check(data.profile)
    participant = Participant(coach_id=coach.id, ref=f"p-{secrets.token_hex(5)}")
    participant.municipality_id = _controller_for(coach, municipality_id)
    warnings = _apply_profile(participant, data.profile)
    _apply_goals(participant, data.goals)
    _apply_consents(participant, data.consents, today or date.today())
    db.session.add(participant)
    audit.record(coach, "create", participant.ref)
    db.session.commit()
    return SaveResult(participant, warnings)


def update_participant(
    participant: Participant, data: IntakeData, today: date | None = None, *, actor: User
) -> SaveResult:
    """Save the intake of an existing participant, with its audit entry, in one commit."""
    _check(data.profile)
    warnings = _apply_profile(participant, data.profile)
    _apply_goals(participant, data.goals)
    _apply_consents(participant, data.consents, today or date.today())
    audit.record(actor, "update", participant.ref)
    db.session.commit()
    return SaveResult(participant, warnings)


def tags_in_use(limit: int = 200) -> list[str]:
    """Interest tags of published vacancies, most used first (for the tag input)."""
    counts: Counter[str] = Counter()
    for tags in db.session.scalars(
        select(Vacancy.tags).where(Vacancy.status == VacancyStatus.PUBLISHED)
    ):
        counts.update(tags or [])
    return [tag for tag, _ in counts.most_common(limit)]
