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
    # Tenancy: the regional admin keeps the region's municipalities and who works for
    # which; the municipal admin manages the accounts and audit log of her municipality.
    REGIONAL_ADMIN = "regional_admin"
    MUNICIPAL_ADMIN = "municipal_admin"


ROLE_LABELS = {
    Role.COACH: N_("Coach"),
    Role.ORGANISATION: N_("Organisatie"),
    Role.CENTRALE: N_("Vrijwilligerscentrale"),
    Role.POLICY: N_("Beleidsmedewerker"),
    Role.ADMIN: N_("Beheerder"),
    Role.REGIONAL_ADMIN: N_("Regiobeheerder"),
    Role.MUNICIPAL_ADMIN: N_("Gemeentebeheerder"),
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


class ParticipationRoute(StrEnum):
    """The trajectory route of the participation plan (Wijchen's four routes)."""

    VRIJWILLIGERSWERK = "vrijwilligerswerk"
    ONDERWIJS = "onderwijs"
    SOCIALE_PARTICIPATIE = "sociale_participatie"
    ZORG = "zorg"


PARTICIPATION_ROUTE_LABELS = {
    ParticipationRoute.VRIJWILLIGERSWERK: N_("Route 1: vrijwilligerswerk"),
    ParticipationRoute.ONDERWIJS: N_("Route 2: onderwijs en inburgering"),
    ParticipationRoute.SOCIALE_PARTICIPATIE: N_("Route 3: sociale participatie"),
    ParticipationRoute.ZORG: N_("Route 4: zorg en gezondheid"),
}


class ExitReason(StrEnum):
    """Why a trajectory closed (uitstroom)."""

    PAID_WORK = "paid_work"
    EDUCATION = "education"
    MOVED = "moved"
    STOPPED = "stopped"
    OTHER = "other"


EXIT_REASON_LABELS = {
    ExitReason.PAID_WORK: N_("Betaald werk"),
    ExitReason.EDUCATION: N_("Opleiding"),
    ExitReason.MOVED: N_("Verhuisd"),
    ExitReason.STOPPED: N_("Gestopt"),
    ExitReason.OTHER: N_("Anders"),
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
# Add new domains at the end: each one's position is a bit in stored comparisons
# (domain/measurements.py, ZRM_BIT).
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

# What someone can do at a CEFR level, per skill, in plain Dutch (shown next to the
# minimum a vacancy asks, so organisations pick a level they understand).
CAN_DO = {
    "speaking": {
        "A1": N_("Kan zich voorstellen en eenvoudige vragen stellen."),
        "A2": N_("Kan kort praten over bekende dingen, zoals werk en familie."),
        "B1": N_("Kan over het werk praten en vertellen wat er gebeurd is."),
        "B2": N_("Kan vlot meepraten en een mening uitleggen."),
        "C1": N_("Kan zich vloeiend uitdrukken, ook over moeilijke onderwerpen."),
        "C2": N_("Spreekt bijna zoals iemand met Nederlands als moedertaal."),
    },
    "listening": {
        "A1": N_("Begrijpt langzaam gesproken woorden en korte zinnen."),
        "A2": N_("Begrijpt korte, duidelijke instructies."),
        "B1": N_("Begrijpt de hoofdzaak van gesprekken op het werk."),
        "B2": N_("Begrijpt de meeste gesprekken, ook in gewoon tempo."),
        "C1": N_("Begrijpt lange gesprekken, ook als niet alles duidelijk wordt gezegd."),
        "C2": N_("Begrijpt alles, ook snel gesproken en met dialect."),
    },
    "reading": {
        "A1": N_("Kan namen, bordjes en heel korte teksten lezen."),
        "A2": N_("Kan korte, eenvoudige teksten lezen, zoals een rooster."),
        "B1": N_("Kan eenvoudige instructies en e-mails over het werk lezen."),
        "B2": N_("Kan werkinstructies en artikelen zelfstandig lezen."),
        "C1": N_("Kan lange en moeilijke teksten goed begrijpen."),
        "C2": N_("Kan alle soorten teksten zonder moeite lezen."),
    },
    "writing": {
        "A1": N_("Kan een formulier met naam en adres invullen."),
        "A2": N_("Kan een kort, eenvoudig bericht schrijven."),
        "B1": N_("Kan een eenvoudige e-mail of een kort verslag over het werk schrijven."),
        "B2": N_("Kan duidelijke, uitgebreide teksten schrijven."),
        "C1": N_("Kan goed opgebouwde teksten over moeilijke onderwerpen schrijven."),
        "C2": N_("Schrijft vlot en zonder fouten, in elke stijl."),
    },
}

# Kinds of organisation (Organisation.kind); the volunteer centre is not chosen at sign-up.
ORGANISATION_KIND_LABELS = {
    "vrijwilligersorganisatie": N_("Vrijwilligersorganisatie"),
    "wijkcentrum": N_("Wijkcentrum"),
    "repair_cafe": N_("Repair Café"),
    "taalcafe": N_("Taalcafé"),
    "vrouwengroep": N_("Vrouwengroep"),
    "zorggroep": N_("Zorgorganisatie"),
    "ouderenzorg": N_("Ouderenzorg"),
    "sportvereniging": N_("Sportvereniging"),
    "kringloopwinkel": N_("Kringloopwinkel"),
    "voedselbank": N_("Voedselbank"),
    "bibliotheek": N_("Bibliotheek"),
    "school": N_("School"),
    "natuur": N_("Natuur en groen"),
    "moestuin": N_("Moestuin"),
    "dierenasiel": N_("Dierenasiel"),
    "werkgever": N_("Werkgever"),
    "participatiebedrijf": N_("Participatiebedrijf"),
    "vrijwilligerscentrale": N_("Vrijwilligerscentrale"),
}
