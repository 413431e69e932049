"""The shared words of the domain, as in the profile spec and the reports."""

from __future__ import annotations

from enum import StrEnum


def N_(text: str) -> str:
    """Marks a label for translation; the template filter `label` translates it."""
    return text


class Role(StrEnum):
    COACH = "coach"
    ORGANISATION = "organisation"
    CENTRALE = "centrale"
    POLICY = "policy"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.COACH: N_("Coach"),
    Role.ORGANISATION: N_("Organisatie"),
    Role.CENTRALE: N_("Vrijwilligerscentrale"),
    Role.POLICY: N_("Beleidsmedewerker"),
    Role.ADMIN: N_("Beheerder"),
}


class PlacementType(StrEnum):
    VRIJWILLIGERSWERK = "vrijwilligerswerk"
    TAALSTAGE = "taalstage"
    WERKERVARINGSPLAATS = "werkervaringsplaats"


PLACEMENT_TYPE_LABELS = {
    PlacementType.VRIJWILLIGERSWERK: N_("Vrijwilligerswerk"),
    PlacementType.TAALSTAGE: N_("Taalstage"),
    PlacementType.WERKERVARINGSPLAATS: N_("Werkervaringsplaats"),
}


class VacancyStatus(StrEnum):
    DRAFT = "draft"
    REVIEW = "review"
    PUBLISHED = "published"
    CLOSED = "closed"


VACANCY_STATUS_LABELS = {
    VacancyStatus.DRAFT: N_("Concept"),
    VacancyStatus.REVIEW: N_("Wacht op controle"),
    VacancyStatus.PUBLISHED: N_("Gepubliceerd"),
    VacancyStatus.CLOSED: N_("Gesloten"),
}


class ApprovalState(StrEnum):
    REVIEW = "review"
    APPROVED = "approved"
    SENT_BACK = "sent_back"


APPROVAL_LABELS = {
    ApprovalState.REVIEW: N_("Wacht op controle"),
    ApprovalState.APPROVED: N_("Goedgekeurd"),
    ApprovalState.SENT_BACK: N_("Teruggestuurd"),
}


class ParticipantStatus(StrEnum):
    INTAKE = "intake"
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"


PARTICIPANT_STATUS_LABELS = {
    ParticipantStatus.INTAKE: N_("Intake"),
    ParticipantStatus.ACTIVE: N_("Actief"),
    ParticipantStatus.PAUSED: N_("Gepauzeerd"),
    ParticipantStatus.CLOSED: N_("Afgesloten"),
}


class LearningRoute(StrEnum):
    B1 = "B1"
    ONDERWIJS = "onderwijs"
    Z = "Z"


ROUTE_LABELS = {
    LearningRoute.B1: N_("B1-route"),
    LearningRoute.ONDERWIJS: N_("Onderwijsroute"),
    LearningRoute.Z: N_("Z-route (zelfredzaamheid)"),
}


class PhysicalLoad(StrEnum):
    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"


LOAD_LABELS = {
    PhysicalLoad.LIGHT: N_("Licht"),
    PhysicalLoad.MEDIUM: N_("Gemiddeld"),
    PhysicalLoad.HEAVY: N_("Zwaar"),
}


class MeasurementKind(StrEnum):
    NULMETING = "nulmeting"
    TUSSENMETING = "tussenmeting"
    EINDMETING = "eindmeting"


class ConsentPurpose(StrEnum):
    MATCHING = "matching"
    SHARING = "sharing"


CONSENT_LABELS = {
    ConsentPurpose.MATCHING: N_("Zoeken naar passende plekken"),
    ConsentPurpose.SHARING: N_("Gegevens delen met een organisatie bij een voorstel"),
}

CEFR_LEVELS = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
LANGUAGE_SKILLS = ("speaking", "listening", "reading", "writing")
SKILL_LABELS = {
    "speaking": N_("Spreken"),
    "listening": N_("Luisteren"),
    "reading": N_("Lezen"),
    "writing": N_("Schrijven"),
}

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_LABELS = {
    "mon": N_("maandag"),
    "tue": N_("dinsdag"),
    "wed": N_("woensdag"),
    "thu": N_("donderdag"),
    "fri": N_("vrijdag"),
    "sat": N_("zaterdag"),
    "sun": N_("zondag"),
}
PARTS = ("morning", "afternoon", "evening")
PART_LABELS = {"morning": N_("ochtend"), "afternoon": N_("middag"), "evening": N_("avond")}
DAYPARTS = tuple(f"{day}_{part}" for day in DAYS for part in PARTS)


def daypart_label(daypart: str) -> str:
    """'wed_afternoon' -> 'woensdagmiddag'."""
    day, part = daypart.split("_")
    return DAY_LABELS[day] + PART_LABELS[part]


# Zelfredzaamheidsmatrix: the thirteen domains, each scored 1 (acute problems) to 5.
ZRM_DOMAINS = {
    "financien": N_("Financiën"),
    "werk_opleiding": N_("Werk en opleiding"),
    "tijdsbesteding": N_("Tijdsbesteding"),
    "huisvesting": N_("Huisvesting"),
    "huiselijke_relaties": N_("Huiselijke relaties"),
    "geestelijke_gezondheid": N_("Geestelijke gezondheid"),
    "lichamelijke_gezondheid": N_("Lichamelijke gezondheid"),
    "middelengebruik": N_("Middelengebruik"),
    "basale_adl": N_("Basale ADL"),
    "instrumentele_adl": N_("Instrumentele ADL"),
    "sociaal_netwerk": N_("Sociaal netwerk"),
    "maatschappelijke_participatie": N_("Maatschappelijke participatie"),
    "justitie": N_("Justitie"),
}

LADDER_STEPS = {
    1: N_("Geïsoleerd"),
    2: N_("Sociale contacten buiten de deur"),
    3: N_("Deelname aan georganiseerde activiteiten"),
    4: N_("Onbetaald werk"),
    5: N_("Betaald werk met ondersteuning"),
    6: N_("Betaald werk"),
}
