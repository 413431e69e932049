"""One definition per record: the fields of a vacancy and a participant, their kinds,
limits and Dutch labels, declared once (pure: no I/O, no Flask).

The web forms, the API's request schemas and OpenAPI document, the import and export
columns and the profile conversion derive from these definitions (or are tested field
by field against them), so that the API refuses what the form and the import refuse.
The spec's JSON Schema stays the contract for profiles; these limits come on top.

Labels and messages are marked with ``N_`` and translated where they are shown: the
forms translate them, the API and the import speak Dutch.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from marketplace.domain.spreadsheet_cells import looks_like_formula
from marketplace.domain.vocabulary import N_


class Kind(StrEnum):
    TEXT = "text"
    EMAIL = "email"
    POSTCODE = "postcode"
    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    DAYPARTS = "dayparts"
    TAGS = "tags"
    LANGUAGES = "languages"
    DATE = "date"
    AGES = "ages"


LIST_KINDS = (Kind.DAYPARTS, Kind.TAGS, Kind.LANGUAGES, Kind.AGES)
NUMBER_KINDS = (Kind.INTEGER, Kind.DECIMAL)


@dataclass(frozen=True)
class Message:
    """A Dutch message with its parameters: translated by a form (gettext(template,
    **params)), shown as Dutch by the API and the import (str)."""

    template: str
    params: tuple[tuple[str, Any], ...] = ()

    def __str__(self) -> str:
        return self.template % dict(self.params) if self.params else self.template


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record. `name` is the column and the form field; `profile` the
    dotted path in the spec profile (None: not part of the profile, so not in the
    API); `column` the flat import/export column (None: not in the flat format)."""

    name: str
    kind: Kind
    label: str
    required: bool = False
    required_message: str = N_("Vul dit veld in.")
    max_length: int | None = None  # characters of a text, or items of a list
    item_max_length: int | None = None  # characters of each item of a list
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    at_least_one: bool = False
    plain_text: bool = False  # refuse text a spreadsheet would run as a formula
    nullable: bool = False  # the API and the row take null for "not given"
    editable: bool = True  # False: kept by the marketplace, read-only in the API
    # Left out by the API or the import, the marketplace fills in a default (per type);
    # the form shows that default and wants a value.
    defaulted: bool = False
    profile: str | None = ""  # "" means: the same as name
    column: str | None = ""  # "" means: the same as name
    hint: str = ""  # the import template's explanation of the column (Dutch)

    @property
    def profile_path(self) -> str | None:
        return self.name if self.profile == "" else self.profile

    @property
    def flat_column(self) -> str | None:
        return self.name if self.column == "" else self.column


@dataclass(frozen=True)
class Record:
    name: str
    fields: tuple[FieldSpec, ...]

    def __getitem__(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.fields)

    def in_profile(self) -> tuple[FieldSpec, ...]:
        return tuple(spec for spec in self.fields if spec.profile_path is not None)

    def by_profile_path(self) -> dict[str, FieldSpec]:
        return {spec.profile_path: spec for spec in self.in_profile() if spec.profile_path}


# ------------------------------------------------------------------------ messages
# One sentence per rule, shared by the form, the API and the import.
TOO_LONG = N_("Gebruik hoogstens %(max)s tekens.")
TOO_MANY = N_("Kies hoogstens %(max)s.")
ITEM_TOO_LONG = N_("Gebruik hoogstens %(max)s tekens per woord.")
OUT_OF_RANGE = N_("Kies een getal van %(min)s tot en met %(max)s.")
NOT_A_CHOICE = N_("Kies een van de mogelijkheden.")
NO_DAYPART = N_("Kies minstens één dagdeel.")
FORMULA = N_("Dit lijkt op een formule voor een spreadsheet; begin de tekst anders.")


def number_text(value: float) -> str:
    """A limit as users write it: 60, 0,5."""
    if float(value).is_integer():
        return str(int(value))
    return str(value).replace(".", ",")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _text_problems(spec: FieldSpec, text: str) -> Iterator[Message]:
    if spec.max_length is not None and len(text) > spec.max_length:
        yield Message(TOO_LONG, (("max", spec.max_length),))
    if spec.plain_text and looks_like_formula(text):
        yield Message(FORMULA)


def _list_problems(spec: FieldSpec, items: list[Any]) -> Iterator[Message]:
    if spec.at_least_one and not items:
        yield Message(NO_DAYPART)
    if spec.max_length is not None and len(items) > spec.max_length:
        yield Message(TOO_MANY, (("max", spec.max_length),))
    texts = [item for item in items if isinstance(item, str)]
    if spec.item_max_length is not None and any(len(t) > spec.item_max_length for t in texts):
        yield Message(ITEM_TOO_LONG, (("max", spec.item_max_length),))
    if spec.plain_text and any(looks_like_formula(text) for text in texts):
        yield Message(FORMULA)


def _number_problems(spec: FieldSpec, value: float) -> Iterator[Message]:
    low = spec.minimum if spec.minimum is not None else float("-inf")
    high = spec.maximum if spec.maximum is not None else float("inf")
    if not low <= value <= high:
        yield Message(OUT_OF_RANGE, (("min", number_text(low)), ("max", number_text(high))))


def value_problems(spec: FieldSpec, value: Any) -> list[Message]:
    """What is wrong with one value of this field; [] when it is fine. A value of the
    wrong type is left to the caller's own parsing (the form's field, the spec's
    schema), which names it already."""
    if _empty(value) and not (spec.at_least_one and isinstance(value, list)):
        return [Message(spec.required_message)] if spec.required else []
    if spec.kind in LIST_KINDS and isinstance(value, list | tuple):
        return list(_list_problems(spec, list(value)))
    if spec.kind in NUMBER_KINDS and _is_number(value):
        return list(_number_problems(spec, value))
    if spec.kind == Kind.CHOICE and spec.choices and value not in spec.choices:
        return [Message(NOT_A_CHOICE)]
    if isinstance(value, str):
        return list(_text_problems(spec, value))
    return []


MISSING = object()


def value_at(profile: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted profile path ('hours_per_week.min'); MISSING when absent."""
    value: Any = profile
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return MISSING
        value = value[part]
    return value


def profile_problems(record: Record, profile: Mapping[str, Any]) -> list[tuple[str, Message]]:
    """(profile path, message) for every record limit a profile breaks; fields that
    are left out are not checked (the spec's schema says what is required)."""
    found: list[tuple[str, Message]] = []
    for path, spec in record.by_profile_path().items():
        value = value_at(profile, path)
        if value is not MISSING:
            found += [(path, message) for message in value_problems(spec, value)]
    return found


def labelled(spec: FieldSpec, message: Message | str) -> str:
    """'Titel: gebruik hoogstens 200 tekens.' — the API names the field by its key and
    says in Dutch which one it is."""
    text = str(message)
    if spec.label.endswith("?"):  # 'Wanneer kan het werk? Kies minstens één dagdeel.'
        return f"{spec.label} {text}"
    return f"{spec.label}: {text[:1].lower()}{text[1:]}"
