"""Template globals and filters: Dutch labels for the domain's codes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask import Flask
from flask_babel import get_locale, gettext
from flask_login import current_user

from marketplace.domain import placements as pl
from marketplace.domain import vocabulary as v
from marketplace.domain.audit import AUDIT_ACTION_LABELS, AUDIT_KIND_LABELS
from marketplace.domain.languages import language_name
from marketplace.domain.placements import STATE_LABELS
from marketplace.domain.records.participant import PARTICIPANT
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
                          ("matches.incoming", N_("Voorstellen")),
                          ("placements.index", N_("Plaatsingen"))],
    v.Role.CENTRALE: [("start.index", N_("Start")), ("organisations.index", N_("Organisaties")),
                      ("vacancies.index", N_("Vacatures")),
                      ("vacancies.import_upload", N_("Importeren")),
                      ("placements.index", N_("Plaatsingen")),
                      ("admin.users", N_("Gebruikers"))],
    v.Role.POLICY: [("start.index", N_("Start")), ("reports.index", N_("Rapportages"))],
    v.Role.ADMIN: [("start.index", N_("Start")), ("vacancies.index", N_("Vacatures")),
                   ("reports.index", N_("Rapportages")), ("admin.audit_log", N_("Auditlog")),
                   ("admin.users", N_("Gebruikers")), ("admin.municipalities", N_("Gemeenten")),
                   ("admin.mail", N_("E-mail"))],
    v.Role.REGIONAL_ADMIN: [("start.index", N_("Start")),
                            ("admin.municipalities", N_("Gemeenten")),
                            ("admin.users", N_("Gebruikers")), ("admin.audit_log", N_("Auditlog"))],
    v.Role.MUNICIPAL_ADMIN: [("start.index", N_("Start")), ("admin.users", N_("Gebruikers")),
                             ("admin.audit_log", N_("Auditlog"))],
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


# Levels of Dutch in words, for pages a participant reads (the AVG page).
LABELS["level"] = {
    "A0": N_("A0: nog geen Nederlands"),
    "A1": N_("A1: eenvoudige zinnen"),
    "A2": N_("A2: korte gesprekken"),
    "B1": N_("B1: over werk praten"),
    "B2": N_("B2: zelfstandig, ook over moeilijke dingen"),
    "C1": N_("C1: vaardig"),
    "C2": N_("C2: zoals een moedertaal"),
}
LABELS["exit_reason"] = dict(v.EXIT_REASON_LABELS)
LABELS["participation_route"] = dict(v.PARTICIPATION_ROUTE_LABELS)
# Columns of the AVG page's tables (the export's keys), in words.
LABELS["column"] = {
    "purpose": N_("Waarvoor"), "given_on": N_("Gegeven op"), "withdrawn_on": N_("Ingetrokken op"),
    "text": N_("Doel"), "target_date": N_("Streefdatum"), "achieved_on": N_("Bereikt op"),
    "kind": N_("Soort"), "measured_on": N_("Gemeten op"),
    "ladder_step": N_("Trede op de participatieladder"), "zrm": N_("ZRM-scores"),
    "vacancy": N_("Vacature"), "organisation": N_("Organisatie"), "saved_at": N_("Bewaard op"),
    "at": N_("Tijdstip"), "actor": N_("Wie"), "action": N_("Wat"), "detail": N_("Toelichting"),
    "due_on": N_("Gepland op"), "done_at": N_("Gedaan op"), "feedback": N_("Terugkoppeling"),
    "from_state": N_("Van"), "to_state": N_("Naar"), "note": N_("Notitie"),
    "state": N_("Stand"), "type": N_("Soort plek"), "proposed_at": N_("Voorgesteld op"),
    "message": N_("Bericht"), "override_reason": N_("Reden om toch voor te stellen"),
    "kennismaking_at": N_("Kennismaking op"), "kennismaking_place": N_("Plaats kennismaking"),
    "proefperiode_start": N_("Begin proefperiode"), "proefperiode_end": N_("Einde proefperiode"),
    "agreement": N_("Afspraak"), "decline_reason": N_("Reden van afwijzen"),
    "not_continued_reason": N_("Reden van stoppen"), "outcome": N_("Uitkomst"),
    "ended_on": N_("Gestopt op"), "from": N_("Van"), "to": N_("Naar"),
}


def iso_date(value: Any) -> str:
    """An export's ISO date or moment as people read it."""
    if not value:
        return "—"
    text = str(value)
    if "T" in text:
        return dutch_datetime(datetime.fromisoformat(text))
    return dutch_date(date.fromisoformat(text[:10]))


# Where the participant record's own label needs its context on the AVG page.
_FIELD_LABELS = {
    "nl_speaking": N_("Nederlands spreken"),
    "nl_listening": N_("Nederlands luisteren"),
    "nl_reading": N_("Nederlands lezen"),
    "nl_writing": N_("Nederlands schrijven"),
    "name": N_("Naam"),
    "email": N_("E-mailadres"),
    "phone": N_("Telefoonnummer"),
    "children_ages": N_("Leeftijden van de kinderen thuis"),
    "notes": N_("Aantekeningen"),
    "municipality": N_("Verantwoordelijke gemeente (AVG)"),
}


def field_label(name: str) -> str:
    """The Dutch (or English) label of a participant field, from its record."""
    if name in _FIELD_LABELS:
        return gettext(_FIELD_LABELS[name])
    try:
        return gettext(PARTICIPANT[name].label)
    except KeyError:
        return name


def language_names(codes: list[str]) -> str:
    locale = str(get_locale() or "nl")
    return ", ".join(language_name(code, locale) for code in codes) or "—"


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
    app.jinja_env.filters["language_names"] = language_names
    app.jinja_env.globals["field_label"] = field_label
    app.jinja_env.filters["iso_date"] = iso_date
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
