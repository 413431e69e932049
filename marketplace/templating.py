"""Template globals and filters: Dutch labels for the domain's codes."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_babel import get_locale, gettext
from flask_login import current_user

from marketplace.domain import placements as pl
from marketplace.domain import vocabulary as v
from marketplace.domain.audit import AUDIT_ACTION_LABELS, AUDIT_KIND_LABELS
from marketplace.domain.placements import STATE_LABELS
from marketplace.domain.vacancy_status import (
    ORGANISATION_ACTION_LABELS,
    VACANCY_ACTION_LABELS,
)
from marketplace.domain.vocabulary import N_
from marketplace.services.platform.dates import dutch_date, dutch_datetime

NAVIGATION = {
    v.Role.COACH: [("start.index", N_("Start")), ("participants.index", N_("Mijn deelnemers")),
                   ("vacancies.index", N_("Vacatures")), ("matches.cohort", N_("Groep koppelen")),
                   ("placements.index", N_("Plaatsingen"))],
    v.Role.ORGANISATION: [("start.index", N_("Start")), ("vacancies.index", N_("Onze vacatures")),
                          ("organisations.mine", N_("Onze organisatie")),
                          ("placements.index", N_("Plaatsingen"))],
    v.Role.CENTRALE: [("start.index", N_("Start")), ("organisations.index", N_("Organisaties")),
                      ("vacancies.index", N_("Vacatures")),
                      ("vacancies.import_upload", N_("Importeren")),
                      ("placements.index", N_("Plaatsingen")),
                      ("admin.users", N_("Gebruikers"))],
    v.Role.POLICY: [("start.index", N_("Start")), ("reports.index", N_("Rapportages"))],
    v.Role.ADMIN: [("start.index", N_("Start")), ("vacancies.index", N_("Vacatures")),
                   ("reports.index", N_("Rapportages")), ("admin.audit_log", N_("Auditlog")),
                   ("admin.users", N_("Gebruikers")), ("admin.mail", N_("E-mail"))],
}

LABELS: dict[str, dict[Any, str]] = {
    "role": dict(v.ROLE_LABELS),
    "type": dict(v.PLACEMENT_TYPE_LABELS),
    "vacancy_status": dict(v.VACANCY_STATUS_LABELS),
    "approval": dict(v.APPROVAL_LABELS),
    "participant_status": dict(v.PARTICIPANT_STATUS_LABELS),
    "route": dict(v.ROUTE_LABELS),
    "load": dict(v.LOAD_LABELS),
    "consent": dict(v.CONSENT_LABELS),
    "skill": dict(v.SKILL_LABELS),
    "placement_state": dict(STATE_LABELS),
    "zrm": dict(v.ZRM_DOMAINS),
    "ladder": dict(v.LADDER_STEPS),
    "gender": {"f": N_("Vrouw"), "m": N_("Man"), "x": N_("Anders")},
    "kind": dict(v.ORGANISATION_KIND_LABELS),
    "vacancy_action": dict(VACANCY_ACTION_LABELS),
    "organisation_action": dict(ORGANISATION_ACTION_LABELS),
    "placement_action": dict(pl.ACTION_LABELS),
    "placement_role": dict(pl.ROLE_LABELS),
    "decline_reason": dict(pl.DECLINE_REASON_LABELS),
    "not_continued_reason": dict(pl.NOT_CONTINUED_LABELS),
    "outcome": dict(pl.OUTCOME_LABELS),
    "checkin": dict(pl.CHECKIN_LABELS),
    "audit_kind": dict(AUDIT_KIND_LABELS),
    "audit_action": dict(AUDIT_ACTION_LABELS),
}


def label(value: Any, kind: str) -> str:
    """The Dutch label of a code; the code itself when there is none."""
    if value is None or value == "":
        return "—"
    text = LABELS[kind].get(value)
    return gettext(text) if text else str(value)


def daypart(value: str) -> str:
    """'wed_afternoon' -> 'woensdagmiddag', or 'Wednesday afternoon' in English."""
    day, part = value.split("_")
    return gettext(
        "%(day)s%(part)s", day=gettext(v.DAY_LABELS[day]), part=gettext(v.PART_LABELS[part])
    )


def dutch_number(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    text = f"{value:.{digits}f}".replace(".", ",")
    return text[: -digits - 1] if text.endswith("," + "0" * digits) else text


def navigation() -> list[tuple[str, str]]:
    if not current_user.is_authenticated:
        return []
    return NAVIGATION.get(current_user.role, [])


def register(app: Flask) -> None:
    app.jinja_env.filters["label"] = label
    app.jinja_env.filters["dutch_date"] = dutch_date
    app.jinja_env.filters["dutch_number"] = dutch_number
    app.jinja_env.filters["dutch_datetime"] = dutch_datetime
    app.jinja_env.filters["daypart"] = daypart
    app.jinja_env.globals.update(
        navigation=navigation,
        get_locale=get_locale,
        DAYS=v.DAYS,
        PARTS=v.PARTS,
        DAY_LABELS=v.DAY_LABELS,
        PART_LABELS=v.PART_LABELS,
        LANGUAGE_SKILLS=v.LANGUAGE_SKILLS,
        ZRM_DOMAINS=v.ZRM_DOMAINS,
        CAN_DO=v.CAN_DO,
    )
