"""The participant's invitation for a proposal or a kennismaking: a one-page letter to
print and a short text (at most 300 characters) for SMS or WhatsApp, in simple Dutch
(A2) or in her own language.

The texts are ordinary gettext messages, so they live in the translation catalogues
(marketplace/translations/<locale>); the letter is rendered in the chosen language with
`force_locale`. `LANGUAGES` is the one table of languages: which catalogue, which
writing direction, and whether a person has checked the translation. Nothing is sent to
the participant: the coach prints the letter or copies the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import force_locale, format_date, format_time, gettext

from marketplace.domain.placements import PlacementState
from marketplace.errors import DomainError
from marketplace.models import Placement

SHORT_TEXT_MAX = 300


@dataclass(frozen=True)
class InvitationLanguage:
    code: str  # as in the participant's languages (ISO 639)
    locale: str  # the Babel catalogue
    name: str  # the language's own name
    dutch_name: str  # for the coach's choice (not translated: the coach reads Dutch)
    rtl: bool
    checked: bool  # a person who reads the language has checked the catalogue's texts


# Written honestly: no translation has been checked by a person who reads the language
# yet. Set `checked=True` only after that check, in the same commit as the corrections.
LANGUAGES: dict[str, InvitationLanguage] = {
    lang.code: lang for lang in (
        InvitationLanguage("nl", "nl", "Nederlands", "Eenvoudig Nederlands", False, True),
        InvitationLanguage("ar", "ar", "العربية", "Arabisch", True, False),
        InvitationLanguage("ti", "ti", "ትግርኛ", "Tigrinya", False, False),
        InvitationLanguage("so", "so", "Soomaali", "Somalisch", False, False),
        InvitationLanguage("prs", "fa_AF", "دری", "Dari", True, False),
        InvitationLanguage("fa", "fa", "فارسی", "Farsi", True, False),
        InvitationLanguage("tr", "tr", "Türkçe", "Turks", False, False),
        InvitationLanguage("uk", "uk", "Українська", "Oekraïens", False, False),
        InvitationLanguage("en", "en", "English", "Engels", False, False),
    )
}
INVITABLE_STATES = frozenset({PlacementState.PROPOSED, PlacementState.ACCEPTED,
                              PlacementState.KENNISMAKING})


def language_choices(own_languages: list[str]) -> list[InvitationLanguage]:
    """Simple Dutch first, then the participant's own languages, then the others."""
    own = [LANGUAGES[c] for c in dict.fromkeys(own_languages) if c in LANGUAGES and c != "nl"]
    rest = [lang for code, lang in LANGUAGES.items() if code != "nl" and lang not in own]
    return [LANGUAGES["nl"], *own, *rest]


@dataclass(frozen=True)
class InfoLine:
    icon: str  # a pictogram (decorative: the label says the same)
    label: str
    value: str


@dataclass(frozen=True)
class Invitation:
    language: InvitationLanguage
    kennismaking: bool
    title: str
    greeting: str
    lines: list[str]
    facts: list[InfoLine]
    closing: list[str]
    short_text: str


def _along(placement: Placement, coach_name: str) -> str:
    if placement.coach_attends:
        return gettext("Uw coach %(coach)s gaat mee.", coach=coach_name)
    return gettext("U gaat alleen. Uw coach is %(coach)s.", coach=coach_name)


def _short_text(parts: list[str]) -> str:
    """The parts that fit in SHORT_TEXT_MAX characters, in order; the first always."""
    text = parts[0]
    for part in parts[1:]:
        if len(text) + 1 + len(part) <= SHORT_TEXT_MAX:
            text = f"{text} {part}"
    return text[:SHORT_TEXT_MAX]


def _kennismaking(placement: Placement, moment: datetime, name: str, org: str,
                  coach: str, contact: str) -> tuple[list[str], list[InfoLine], list[str]]:
    date_text = format_date(moment, "EEEE d MMMM y")
    time_text = format_time(moment, "HH:mm")
    place = placement.kennismaking_place or ""
    along = _along(placement, coach)
    lines = [gettext("U gaat kennismaken bij %(org)s.", org=org),
             gettext("Het werk: %(title)s.", title=placement.vacancy.title)]
    facts = [InfoLine("📅", gettext("Datum"), date_text),
             InfoLine("🕙", gettext("Tijd"), time_text),
             InfoLine("📍", gettext("Adres"), place),
             InfoLine("👥", gettext("Wie gaat mee?"), along)]
    short = _short_text([
        gettext("Hallo %(name)s.", name=name),
        gettext("Kennismaking bij %(org)s op %(date)s om %(time)s.", org=org,
                date=format_date(moment, "d MMMM"), time=time_text),
        gettext("Adres: %(place)s.", place=place),
        along,
        gettext("Vragen? %(contact)s", contact=contact),
    ])
    return lines, facts, [short]


def invitation(placement: Placement, code: str) -> Invitation:
    """The invitation in the language `code`; DomainError for an unknown language or a
    placement that is not (or no longer) waiting for the participant."""
    language = LANGUAGES.get(code)
    if language is None:
        raise DomainError(gettext("Kies een taal uit de lijst."), field="taal")
    if placement.state not in INVITABLE_STATES:
        raise DomainError(gettext("Een uitnodiging kan alleen bij een voorstel of een "
                                  "kennismaking."))
    person, coach = placement.participant, placement.participant.coach
    org = placement.vacancy.organisation.name
    contact = coach.email
    with force_locale(language.locale):
        title = gettext("Uitnodiging")
        greeting = gettext("Hallo %(name)s,", name=person.first_name)
        if placement.state == PlacementState.KENNISMAKING and placement.kennismaking_at:
            lines, facts, short = _kennismaking(placement, placement.kennismaking_at,
                                                person.first_name, org, coach.name, contact)
            kennismaking = True
        else:
            lines = [gettext("Uw coach heeft u voorgesteld voor werk bij %(org)s.", org=org),
                     gettext("Het werk: %(title)s.", title=placement.vacancy.title),
                     gettext("De organisatie kijkt of het past. Uw coach belt u als er "
                             "nieuws is.")]
            facts = [InfoLine("👥", gettext("Uw coach"), coach.name)]
            short = [_short_text([
                gettext("Hallo %(name)s.", name=person.first_name),
                gettext("Uw coach heeft u voorgesteld voor werk bij %(org)s.", org=org),
                gettext("Uw coach belt u als er nieuws is."),
                gettext("Vragen? %(contact)s", contact=contact),
            ])]
            kennismaking = False
        closing = [gettext("Vragen? Bel of mail uw coach: %(contact)s.", contact=contact)]
        if kennismaking:
            closing.insert(0, gettext("Kom op tijd. Neem deze brief mee."))
    return Invitation(language=language, kennismaking=kennismaking, title=title,
                      greeting=greeting, lines=lines, facts=facts, closing=closing,
                      short_text=short[0])
