"""The vacancy record: every field a vacancy has, once.

Where the form, the API and the import disagreed, the strictest limit the web form
enforced wins (the form is what users know); each such decision is noted at its field.
Fields are in the order of the flat import/export columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marketplace.domain.records import FieldSpec, Kind, Message, Record
from marketplace.domain.vocabulary import (
    CEFR_LEVELS,
    DAYPARTS,
    LANGUAGE_SKILLS,
    N_,
    PhysicalLoad,
    PlacementType,
    VacancyStatus,
)

TITLE_MAX = 200
DESCRIPTION_MAX = 5000  # the form's; the API took 20,000
CONTACT_MAX = 200
EMAIL_MAX = 254
PHONE_MAX = 40
HOURS_MAX = 60
CAPACITY_MAX = 500  # the form's; the API took 10,000
DAYPARTS_NEEDED_MAX = len(DAYPARTS)
DURATION_MAX_WEEKS = 260  # the form's; the API took 520
PROEFPERIODE_MAX_WEEKS = 26  # the form's; the API took 104
PROPOSAL_CAP_MAX = 20  # the form's; the API took 100
# The form had no limit on tags or other languages; the API's limits are kept (and the
# form now holds to them as well).
TAGS_MAX, TAG_MAX = 50, 60
LANGUAGES_MAX = 20
# The form offers A1 to C2 and "no minimum"; A0 as a minimum means none, so it is not
# a value of its own (the spec's vocabulary would allow it).
MINIMUM_LEVELS = CEFR_LEVELS[1:]

_SKILL_LABELS = {
    "speaking": N_("Spreken"),
    "listening": N_("Luisteren"),
    "reading": N_("Lezen"),
    "writing": N_("Schrijven"),
}
_SKILL_HINTS = {
    "speaking": "Minimaal niveau spreken: A1, A2, B1, B2, C1 of C2. Leeg: geen eis.",
    "listening": "Minimaal niveau luisteren.",
    "reading": "Minimaal niveau lezen.",
    "writing": "Minimaal niveau schrijven.",
}


def _hours(name: str, label: str, hint: str) -> FieldSpec:
    return FieldSpec(name, Kind.DECIMAL, label, defaulted=True,
                     required_message=N_("Vul het aantal uren in."), minimum=0,
                     maximum=HOURS_MAX, profile=f"hours_per_week.{name.split('_')[1]}",
                     hint=hint)


def _flag(name: str, label: str, hint: str, profile: str | None = "") -> FieldSpec:
    return FieldSpec(name, Kind.BOOLEAN, label, profile=profile, hint=hint)


def _minimum(skill: str) -> FieldSpec:
    return FieldSpec(f"lang_min_{skill}", Kind.CHOICE, _SKILL_LABELS[skill],
                     choices=MINIMUM_LEVELS, nullable=True, profile=f"language_min.{skill}",
                     column=f"language_min_{skill}", hint=_SKILL_HINTS[skill])


VACANCY = Record("vacancy", (
    FieldSpec("type", Kind.CHOICE, N_("Soort plek"), required=True,
              choices=tuple(PlacementType), hint="vrijwilligerswerk, taalstage of "
              "werkervaringsplaats."),
    FieldSpec("title", Kind.TEXT, N_("Titel"), required=True,
              required_message=N_("Geef de plek een titel."), max_length=TITLE_MAX,
              plain_text=True, hint="Korte titel."),
    FieldSpec("description", Kind.TEXT, N_("Omschrijving"), max_length=DESCRIPTION_MAX,
              plain_text=True, hint="Omschrijving van het werk."),
    FieldSpec("tags", Kind.TAGS, N_("Onderwerpen (met komma's)"), max_length=TAGS_MAX,
              item_max_length=TAG_MAX, plain_text=True,
              hint="Onderwerpen met komma's ertussen, bijvoorbeeld: koken, tuin."),
    FieldSpec("postcode", Kind.POSTCODE, N_("Postcode van de werkplek"), nullable=True,
              hint="Postcode van de werkplek: 6601 of 6601 AB."),
    _flag("remote", N_("Werk op afstand (geen reistijd)"), "ja of nee: werk op afstand."),
    # The API took an empty schedule; the form and the import want at least one daypart.
    FieldSpec("schedule", Kind.DAYPARTS, N_("Wanneer kan het werk?"), required=True,
              at_least_one=True, choices=DAYPARTS,
              hint="Dagdelen met spaties ertussen, zoals: maandagochtend woensdagmiddag."),
    FieldSpec("dayparts_needed", Kind.INTEGER, N_("Hoeveel van deze dagdelen zijn nodig?"),
              minimum=1, maximum=DAYPARTS_NEEDED_MAX, nullable=True,
              hint="Hoeveel dagdelen nodig zijn. Leeg: alle dagdelen van het rooster."),
    _hours("hours_min", N_("Uren per week, minimaal"),
           "Uren per week, minimaal. Leeg: standaard voor het type."),
    _hours("hours_max", N_("Uren per week, maximaal"), "Uren per week, maximaal."),
    FieldSpec("capacity", Kind.INTEGER, N_("Aantal plekken"), required=True,
              required_message=N_("Vul het aantal plekken in."), minimum=1,
              maximum=CAPACITY_MAX, hint="Aantal plekken."),
    # Kept by the marketplace (placements fill places); an import may say how many
    # places were filled outside Koppelkans.
    FieldSpec("filled", Kind.INTEGER, N_("Bezette plekken"), minimum=0, editable=False,
              hint="Aantal plekken dat al bezet is."),
    *(_minimum(skill) for skill in LANGUAGE_SKILLS),
    _flag("language_rich", N_("Taalrijk: de deelnemer spreekt veel Nederlands"),
          "ja of nee: taalrijk werk."),
    _flag("language_support", N_("Taalbuddy of taalcoach op de werkvloer"),
          "ja of nee: taalbuddy of taalcoach op de werkvloer."),
    FieldSpec("other_languages", Kind.LANGUAGES, N_("Andere talen op de werkvloer"),
              max_length=LANGUAGES_MAX,
              hint="Andere talen op de werkvloer, codes van twee letters: ar en ti."),
    _flag("literacy_required", N_("Lezen en schrijven (Latijns schrift) is nodig"),
          "ja of nee: lezen en schrijven in het Latijnse schrift is nodig."),
    _flag("childcare_offered", N_("Wij regelen kinderopvang"),
          "ja of nee: de organisatie regelt kinderopvang.", profile="childcare.offered"),
    _flag("children_welcome", N_("Kinderen mogen mee"), "ja of nee: kinderen mogen mee.",
          profile="childcare.children_welcome"),
    _flag("women_only", N_("Alleen voor vrouwen"), "ja of nee: alleen voor vrouwen."),
    FieldSpec("physical_load", Kind.CHOICE, N_("Lichamelijke belasting"), defaulted=True,
              choices=tuple(PhysicalLoad),
              hint="licht, gemiddeld of zwaar."),
    FieldSpec("duration_weeks", Kind.INTEGER, N_("Duur in weken"), minimum=1,
              maximum=DURATION_MAX_WEEKS, nullable=True,
              hint="Duur in weken. Leeg: geen vaste duur."),
    FieldSpec("proefperiode_weeks", Kind.INTEGER, N_("Proefperiode in weken"), minimum=1,
              maximum=PROEFPERIODE_MAX_WEEKS, nullable=True,
              hint="Weken proefperiode aan het begin."),
    FieldSpec("contact_person", Kind.TEXT, N_("Contactpersoon of werkbegeleider"),
              max_length=CONTACT_MAX, plain_text=True,
              hint="Contactpersoon of werkbegeleider."),
    FieldSpec("contact_email", Kind.EMAIL, N_("E-mailadres van de contactpersoon"),
              max_length=EMAIL_MAX, plain_text=True, nullable=True,
              hint="E-mailadres van de contactpersoon."),
    FieldSpec("contact_phone", Kind.TEXT, N_("Telefoon van de contactpersoon"),
              max_length=PHONE_MAX, plain_text=True, nullable=True,
              hint="Telefoon van de contactpersoon."),
    FieldSpec("proposal_cap", Kind.INTEGER, N_("Maximaal aantal open voorstellen"),
              defaulted=True, required_message=N_("Vul een aantal in."), minimum=1,
              maximum=PROPOSAL_CAP_MAX, hint="Hoeveel open voorstellen tegelijk. Standaard 3."),
    FieldSpec("status", Kind.CHOICE, N_("Status"), choices=tuple(VacancyStatus),
              editable=False,
              hint="concept, ter_controle, gepubliceerd of gesloten. Leeg: concept."),
))

PROEFPERIODE_TOO_LONG = N_("De proefperiode kan niet langer zijn dan de hele duur.")
FILLED_ABOVE_CAPACITY = N_("Er zijn maar %(capacity)s plekken.")


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def cross_field_problems(values: Mapping[str, Any]) -> list[tuple[str, Message]]:
    """The rules that span two fields (names and profile paths are the same here); the
    spec's schema already holds hours min <= max and dayparts_needed <= schedule."""
    problems: list[tuple[str, Message]] = []
    trial, duration = _int(values.get("proefperiode_weeks")), _int(values.get("duration_weeks"))
    if trial is not None and duration is not None and trial > duration:
        problems.append(("proefperiode_weeks", Message(PROEFPERIODE_TOO_LONG)))
    filled, capacity = _int(values.get("filled")), _int(values.get("capacity"))
    if filled is not None and capacity is not None and filled > capacity:
        problems.append(("filled", Message(FILLED_ABOVE_CAPACITY, (("capacity", capacity),))))
    return problems
