"""The participant record: the intake's fields, once.

Fields with a profile path are the spec profile plus the names the case owner keeps
(the API's participant); the rest only the coach keeps, in the intake form. Goals and
consents are records of their own and stay with the intake (the API sets consents as
a list of purposes). Where the form and the API disagreed, the form's limit wins.
"""

from __future__ import annotations

from marketplace.domain.records import FieldSpec, Kind, Record
from marketplace.domain.vocabulary import (
    CEFR_LEVELS,
    DAYPARTS,
    LANGUAGE_SKILLS,
    N_,
    ExitReason,
    LearningRoute,
    ParticipantStatus,
    ParticipationRoute,
    PhysicalLoad,
)

FIRST_NAME_MAX = 80
LAST_NAME_MAX = 120
PSEUDONYM_MAX = 80
EMAIL_MAX = 254
PHONE_MAX = 40
NOTES_MAX = 2000
EXPERIENCE_MAX = 5000  # the form's; the API took 20,000
TRAVEL_KM_MIN, TRAVEL_KM_MAX = 0.5, 200  # the form's; the API took anything above 0 up to 500
HOURS_MAX = 60
TAGS_MAX, TAG_MAX = 50, 60  # the API's (the form had none, and now holds to these)
LANGUAGES_MAX = 20
GENDERS = ("f", "m", "x")

_SKILL_LABELS = {
    "speaking": N_("Spreken"),
    "listening": N_("Luisteren"),
    "reading": N_("Lezen"),
    "writing": N_("Schrijven"),
}


def _level(skill: str) -> FieldSpec:
    return FieldSpec(f"nl_{skill}", Kind.CHOICE, _SKILL_LABELS[skill], defaulted=True,
                     choices=CEFR_LEVELS, profile=f"languages.nl.{skill}", column=None)


def _text(name: str, label: str, limit: int, *, profile: str | None = None,
          plain_text: bool = False, nullable: bool = False) -> FieldSpec:
    return FieldSpec(name, Kind.TEXT, label, max_length=limit, plain_text=plain_text,
                     nullable=nullable, profile=profile, column=None)


def _dayparts(name: str, label: str) -> FieldSpec:
    return FieldSpec(name, Kind.DAYPARTS, label, choices=DAYPARTS, column=None)


def _hours(name: str, label: str) -> FieldSpec:
    return FieldSpec(name, Kind.DECIMAL, label, defaulted=True,
                     required_message=N_("Vul het aantal uren in."), minimum=0,
                     maximum=HOURS_MAX, profile=f"hours_per_week.{name.split('_')[1]}",
                     column=None)


def _choice(name: str, label: str, choices: tuple[str, ...], *, profile: str | None = None,
            nullable: bool = True) -> FieldSpec:
    return FieldSpec(name, Kind.CHOICE, label, choices=choices, nullable=nullable,
                     profile=profile, column=None)


PARTICIPANT = Record("participant", (
    FieldSpec("first_name", Kind.TEXT, N_("Voornaam of roepnaam"), required=True,
              required_message=N_("Vul een voornaam of roepnaam in."),
              max_length=FIRST_NAME_MAX, plain_text=True, column=None),
    _text("last_name", N_("Achternaam"), LAST_NAME_MAX, profile="last_name", plain_text=True),
    _text("pseudonym", N_("Schuilnaam (optioneel)"), PSEUDONYM_MAX, profile="pseudonym",
          plain_text=True, nullable=True),
    FieldSpec("email", Kind.EMAIL, N_("E-mailadres"), max_length=EMAIL_MAX, nullable=True,
              profile=None, column=None),
    _text("phone", N_("Telefoon"), PHONE_MAX, nullable=True),
    _choice("gender", N_("Geslacht"), GENDERS, profile="gender"),
    _choice("status", N_("Status"), tuple(ParticipantStatus), nullable=False),
    FieldSpec("intake_date", Kind.DATE, N_("Datum intake"), defaulted=True, profile=None,
              required_message=N_("Vul een datum in, bijvoorbeeld 21-10-2025."), column=None),
    _choice("participation_route", N_("Route van het plan"), tuple(ParticipationRoute)),
    FieldSpec("closed_on", Kind.DATE, N_("Afgesloten op"), nullable=True, profile=None,
              column=None),
    _choice("exit_reason", N_("Reden van afsluiten"), tuple(ExitReason)),
    FieldSpec("postcode", Kind.POSTCODE, N_("Postcode"), nullable=True, column=None),
    FieldSpec("max_travel_km", Kind.DECIMAL, N_("Maximale reisafstand in km"),
              defaulted=True, required_message=N_("Vul een afstand in."),
              minimum=TRAVEL_KM_MIN, maximum=TRAVEL_KM_MAX, column=None),
    *(_level(skill) for skill in LANGUAGE_SKILLS),
    FieldSpec("other_languages", Kind.LANGUAGES, N_("Thuistalen en andere talen"),
              max_length=LANGUAGES_MAX, profile="languages.other", column=None),
    FieldSpec("literate_latin", Kind.BOOLEAN,
              N_("Kan lezen en schrijven in het Latijnse schrift"), column=None),
    _choice("route", N_("Leerroute"), tuple(LearningRoute), profile="route"),
    _dayparts("lessons", N_("Taalles of inburgeringsles")),
    FieldSpec("children_ages", Kind.AGES, N_("Leeftijden van de kinderen thuis"),
              profile=None, column=None),
    _text("household_notes", N_("Gezin en thuissituatie"), NOTES_MAX),
    _dayparts("childcare_needed", N_("Zorg voor kinderen, geen opvang")),
    # The form and the API take a participant without availability (still in intake).
    _dayparts("availability", N_("Beschikbaar")),
    _hours("hours_min", N_("Uren per week, minimaal")),
    _hours("hours_max", N_("Uren per week, maximaal")),
    FieldSpec("interests", Kind.TAGS, N_("Interesses"), max_length=TAGS_MAX,
              item_max_length=TAG_MAX, plain_text=True, column=None),
    _text("experience", N_("Werkervaring en opleiding"), EXPERIENCE_MAX, profile="experience",
          plain_text=True),
    FieldSpec("women_only", Kind.BOOLEAN, N_("Zoekt alleen een plek met alleen vrouwen"),
              column=None),
    _choice("max_physical_load", N_("Belastbaarheid: maximaal"), tuple(PhysicalLoad),
            profile="max_physical_load", nullable=False),
    _text("health_notes", N_("Gezondheid"), NOTES_MAX),
))
