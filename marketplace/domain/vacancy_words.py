"""The vacancy spreadsheet in the users' words: Dutch column names and values.

The flat format's keys are the spec's English ones (`organisation`, `schedule`,
`mon_morning`, `light`, `draft`); the template and the export speak Dutch
(`organisatie`, `rooster`, `maandagochtend`, `licht`, `concept`). Reading takes both:
a Dutch word is turned into its key here, once, before anything else reads the row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from marketplace.domain.vocabulary import DAYPARTS, daypart_label

# Key -> the Dutch column name people see. Keys not listed keep their own name.
DUTCH_COLUMNS = {
    "id": "id",
    "organisation": "organisatie",
    "type": "soort",
    "title": "titel",
    "description": "omschrijving",
    "tags": "onderwerpen",
    "postcode": "postcode",
    "remote": "op_afstand",
    "schedule": "rooster",
    "dayparts_needed": "dagdelen_nodig",
    "hours_min": "uren_min",
    "hours_max": "uren_max",
    "capacity": "plekken",
    "filled": "bezet",
    "language_min_speaking": "niveau_spreken",
    "language_min_listening": "niveau_luisteren",
    "language_min_reading": "niveau_lezen",
    "language_min_writing": "niveau_schrijven",
    "language_rich": "taalrijk",
    "language_support": "taalbuddy",
    "other_languages": "andere_talen",
    "literacy_required": "lezen_schrijven_nodig",
    "childcare_offered": "kinderopvang",
    "children_welcome": "kinderen_welkom",
    "women_only": "alleen_vrouwen",
    "physical_load": "belasting",
    "duration_weeks": "duur_weken",
    "proefperiode_weeks": "proefperiode_weken",
    "contact_person": "contactpersoon",
    "contact_email": "contact_email",
    "contact_phone": "contact_telefoon",
    "proposal_cap": "max_voorstellen",
    "status": "status",
}
_KEYS_BY_DUTCH = {dutch: key for key, dutch in DUTCH_COLUMNS.items()}

DAYPART_WORDS = {daypart: daypart_label(daypart) for daypart in DAYPARTS}
_DAYPARTS_BY_WORD = {word: key for key, word in DAYPART_WORDS.items()}
# Single-word choices, per column: key -> Dutch word.
CHOICE_WORDS: dict[str, dict[str, str]] = {
    "physical_load": {"light": "licht", "medium": "gemiddeld", "heavy": "zwaar"},
    "status": {"draft": "concept", "review": "ter_controle", "published": "gepubliceerd",
               "closed": "gesloten"},
}
_CHOICES_BY_WORD = {column: {word: key for key, word in words.items()}
                    for column, words in CHOICE_WORDS.items()}


def column_key(name: str) -> str:
    """The key of a column named in Dutch or English ('rooster' -> 'schedule')."""
    return _KEYS_BY_DUTCH.get(name, name)


def dutch_column(key: str) -> str:
    return DUTCH_COLUMNS.get(key, key)


def _schedule_keys(text: str) -> str:
    words = [word for word in re.split(r"[\s,;]+", text.strip()) if word]
    return " ".join(_DAYPARTS_BY_WORD.get(word.lower(), word) for word in words)


def value_key(column: str, text: str) -> str:
    """A cell's value as its key: Dutch words become the spec's; anything else stays, so
    the validator names it."""
    if column == "schedule":
        return _schedule_keys(text)
    words = _CHOICES_BY_WORD.get(column)
    if words is not None:
        return words.get(text.strip().lower(), text)
    return text


def dutch_value(column: str, text: str) -> str:
    """A key as the Dutch word the export and the template write."""
    if column == "schedule":
        return " ".join(DAYPART_WORDS.get(word, word) for word in text.split())
    return CHOICE_WORDS.get(column, {}).get(text, text)


def keyed_row(row: Mapping[str, str]) -> dict[str, str]:
    """A row (keys already mapped) with Dutch values turned into keys."""
    return {column: value_key(column, value) for column, value in row.items()}


def dutch_row(row: Mapping[str, str]) -> dict[str, str]:
    """A row of keys as the export writes it: Dutch column names and values."""
    return {dutch_column(column): dutch_value(column, value) for column, value in row.items()}


def schedule_hint() -> str:
    return "Dagdelen met spaties ertussen, zoals: maandagochtend woensdagmiddag."
