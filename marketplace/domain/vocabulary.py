"""The shared words of the domain, as in the profile spec and the reports."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    COACH = "coach"
    ORGANISATION = "organisation"
    CENTRALE = "centrale"
    POLICY = "policy"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.COACH: "Coach",
    Role.ORGANISATION: "Organisatie",
    Role.CENTRALE: "Vrijwilligerscentrale",
    Role.POLICY: "Beleidsmedewerker",
    Role.ADMIN: "Beheerder",
}


class PlacementType(StrEnum):
    VRIJWILLIGERSWERK = "vrijwilligerswerk"
    TAALSTAGE = "taalstage"
    WERKERVARINGSPLAATS = "werkervaringsplaats"


PLACEMENT_TYPE_LABELS = {
    PlacementType.VRIJWILLIGERSWERK: "Vrijwilligerswerk",
    PlacementType.TAALSTAGE: "Taalstage",
    PlacementType.WERKERVARINGSPLAATS: "Werkervaringsplaats",
}


class VacancyStatus(StrEnum):
    DRAFT = "draft"
    REVIEW = "review"
    PUBLISHED = "published"
    CLOSED = "closed"


VACANCY_STATUS_LABELS = {
    VacancyStatus.DRAFT: "Concept",
    VacancyStatus.REVIEW: "Wacht op controle",
    VacancyStatus.PUBLISHED: "Gepubliceerd",
    VacancyStatus.CLOSED: "Gesloten",
}


class ApprovalState(StrEnum):
    REVIEW = "review"
    APPROVED = "approved"
    SENT_BACK = "sent_back"


APPROVAL_LABELS = {
    ApprovalState.REVIEW: "Wacht op controle",
    ApprovalState.APPROVED: "Goedgekeurd",
    ApprovalState.SENT_BACK: "Teruggestuurd",
}


class ParticipantStatus(StrEnum):
    INTAKE = "intake"
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"


PARTICIPANT_STATUS_LABELS = {
    ParticipantStatus.INTAKE: "Intake",
    ParticipantStatus.ACTIVE: "Actief",
    ParticipantStatus.PAUSED: "Gepauzeerd",
    ParticipantStatus.CLOSED: "Afgesloten",
}


class LearningRoute(StrEnum):
    B1 = "B1"
    ONDERWIJS = "onderwijs"
    Z = "Z"


ROUTE_LABELS = {
    LearningRoute.B1: "B1-route",
    LearningRoute.ONDERWIJS: "Onderwijsroute",
    LearningRoute.Z: "Z-route (zelfredzaamheid)",
}


class PhysicalLoad(StrEnum):
    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"


LOAD_LABELS = {
    PhysicalLoad.LIGHT: "Licht",
    PhysicalLoad.MEDIUM: "Gemiddeld",
    PhysicalLoad.HEAVY: "Zwaar",
}


class MeasurementKind(StrEnum):
    NULMETING = "nulmeting"
    TUSSENMETING = "tussenmeting"
    EINDMETING = "eindmeting"


class ConsentPurpose(StrEnum):
    MATCHING = "matching"
    SHARING = "sharing"


CONSENT_LABELS = {
    ConsentPurpose.MATCHING: "Zoeken naar passende plekken",
    ConsentPurpose.SHARING: "Gegevens delen met een organisatie bij een voorstel",
}

CEFR_LEVELS = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
LANGUAGE_SKILLS = ("speaking", "listening", "reading", "writing")
SKILL_LABELS = {
    "speaking": "Spreken",
    "listening": "Luisteren",
    "reading": "Lezen",
    "writing": "Schrijven",
}

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_LABELS = {
    "mon": "maandag",
    "tue": "dinsdag",
    "wed": "woensdag",
    "thu": "donderdag",
    "fri": "vrijdag",
    "sat": "zaterdag",
    "sun": "zondag",
}
PARTS = ("morning", "afternoon", "evening")
PART_LABELS = {"morning": "ochtend", "afternoon": "middag", "evening": "avond"}
DAYPARTS = tuple(f"{day}_{part}" for day in DAYS for part in PARTS)


def daypart_label(daypart: str) -> str:
    """'wed_afternoon' -> 'woensdagmiddag'."""
    day, part = daypart.split("_")
    return DAY_LABELS[day] + PART_LABELS[part]


# Zelfredzaamheidsmatrix: the thirteen domains, each scored 1 (acute problems) to 5.
ZRM_DOMAINS = {
    "financien": "Financiën",
    "werk_opleiding": "Werk en opleiding",
    "tijdsbesteding": "Tijdsbesteding",
    "huisvesting": "Huisvesting",
    "huiselijke_relaties": "Huiselijke relaties",
    "geestelijke_gezondheid": "Geestelijke gezondheid",
    "lichamelijke_gezondheid": "Lichamelijke gezondheid",
    "middelengebruik": "Middelengebruik",
    "basale_adl": "Basale ADL",
    "instrumentele_adl": "Instrumentele ADL",
    "sociaal_netwerk": "Sociaal netwerk",
    "maatschappelijke_participatie": "Maatschappelijke participatie",
    "justitie": "Justitie",
}

LADDER_STEPS = {
    1: "Geïsoleerd",
    2: "Sociale contacten buiten de deur",
    3: "Deelname aan georganiseerde activiteiten",
    4: "Onbetaald werk",
    5: "Betaald werk met ondersteuning",
    6: "Betaald werk",
}
