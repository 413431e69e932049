"""Form fields shared by several blueprints: daypart grids, tag lists, postcodes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from flask_babel import gettext
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from wtforms import Field, SelectChoice, SelectField, SelectMultipleField, StringField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from marketplace.domain.vocabulary import DAYPARTS, daypart_label
from marketplace.errors import DomainError
from matching.geo import normalise_postcode


def choices(pairs: Iterable[tuple[str, str | LazyString]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms select choices."""
    return [SelectChoice(value, label) for value, label in pairs]


class OptionalSelectField(SelectField):
    """A select whose empty choice means 'none': None in the database, '' in the form,
    also when a client leaves the field out of the post altogether."""

    def process_data(self, value: Any) -> None:
        self.data = getattr(value, "value", value) or ""

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.data = valuelist[0] if valuelist else ""


class DaypartField(SelectMultipleField):
    """The 21 dayparts; rendered as a week grid by the `daypart_grid` macro."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label: str | LazyString | None = None, **kwargs: Any) -> None:
        super().__init__(label, choices=choices((d, daypart_label(d)) for d in DAYPARTS), **kwargs)

    def pre_validate(self, form: Any) -> None:
        unknown = set(self.data or []) - set(DAYPARTS)
        if unknown:
            raise ValidationError(gettext("Kies alleen dagdelen uit het rooster."))


class TagListField(StringField):
    """Comma-separated words, stored as a list of lower-case tags."""

    def _value(self) -> str:
        return ", ".join(self.data or [])

    def process_formdata(self, valuelist: list[Any]) -> None:
        raw = valuelist[0] if valuelist else ""
        tags = [part.strip().lower() for part in str(raw).split(",")]
        self.data = list(dict.fromkeys(tag for tag in tags if tag))


class PostcodeField(StringField):
    """A Dutch postcode, normalised to '6601' or '6601 AB'."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.raw = (valuelist[0] if valuelist else "").strip()
        self.data = normalise_postcode(self.raw) if self.raw else None

    def pre_validate(self, form: Any) -> None:
        if getattr(self, "raw", "") and self.data is None:
            raise ValidationError(gettext("Vul een Nederlandse postcode in, bijvoorbeeld 6601 AB."))

    def _value(self) -> str:
        return self.data or getattr(self, "raw", "") or ""


def languages_validator(form: Any, field: Field) -> None:
    """ISO 639-1 codes: two lower-case letters each."""
    bad = [code for code in field.data or [] if not re.fullmatch(r"[a-z]{2}", code)]
    if bad:
        raise ValidationError(
            gettext(
                "Gebruik taalcodes van twee letters, zoals ar, en, ti. Niet goed: %(codes)s",
                codes=", ".join(bad),
            )
        )


def attach_domain_error(form: FlaskForm, error: DomainError) -> None:
    """Show a service's refusal next to its field, or above the form."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)
