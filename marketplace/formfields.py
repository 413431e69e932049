"""Form pieces shared by several blueprints: the base of posted forms, daypart grids,
tag lists, postcodes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from flask import has_request_context, request
from flask_babel import get_locale, gettext
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from flask_wtf.form import _Auto
from werkzeug.datastructures import MultiDict
from wtforms import (  # type: ignore[attr-defined]  # SelectChoice: WTForms 3.3, newer than types-WTForms
    DecimalField,
    Field,
    FieldList,
    FormField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from marketplace.domain.languages import (
    BY_CODE,
    LANGUAGES,
    language_code,
    language_name,
    split_languages,
)
from marketplace.domain.vocabulary import DAYPARTS, daypart_label
from marketplace.errors import DomainError
from matching.geo import normalise_postcode


class BrowserForm(FlaskForm):
    """Base of every posted form: it reads the post as a browser sends it. Flask-WTF
    would also hand a file to a text field, fill fields from a JSON body, and pass on a
    multipart part whose name werkzeug could not read (None); a crafted post then reached
    the fields as a wrong type (a 500). Now such parts are simply left out."""

    class Meta(FlaskForm.Meta):
        def wrap_formdata(self, form: Any, formdata: Any) -> Any:
            if formdata is not _Auto:
                return formdata
            if not form.is_submitted():
                return None
            uploads = {item.name for item in form if isinstance(item, FileField)}
            form_items, files = request.form.items(multi=True), request.files.items(multi=True)
            posted: list[tuple[str, Any]] = [pair for pair in form_items if pair[0]]  # not None
            posted += [pair for pair in files if pair[0] in uploads]
            return MultiDict(posted) or None

    def validate(self, extra_validators: Any = None) -> bool:
        """The form's own checks, and no NUL character anywhere (PostgreSQL refuses it)."""
        valid = super().validate(extra_validators)
        with_nul = [field for field in _inputs(self) if _has_nul(field.raw_data)]
        for field in with_nul:
            message = gettext("Deze tekst bevat een onzichtbaar teken (NUL). Typ de tekst opnieuw.")
            field.errors = [*field.errors, message]
        return valid and not with_nul


def add_error(field: Field, message: str) -> None:
    """A form's own check failed on this field. A field's errors are a tuple until it is
    validated (hence typed as a Sequence), so this adds rather than appends."""
    field.errors = [*field.errors, message]


def _inputs(fields: Iterable[Any]) -> Iterator[Field]:
    """Every input of a form, also those of its repeated rows (FieldList of FormField)."""
    for field in fields:
        if isinstance(field, FieldList | FormField):
            yield from _inputs(field)
        else:
            yield field


def _has_nul(values: list[Any] | None) -> bool:
    return any(isinstance(value, str) and "\x00" in value for value in values or ())


# WTForms' own message, translated by its own catalogue (a name, so not extracted into ours).
NOT_A_DECIMAL = "Not a valid decimal value."


class FiniteDecimalField(DecimalField):
    """A decimal field that refuses NaN and Infinity like any other non-number (Decimal
    reads them, and comparing them in a validator raises)."""

    data: Any  # a Decimal, None, or the default

    def process_formdata(self, valuelist: list[Any]) -> None:
        super().process_formdata(valuelist)
        if isinstance(self.data, Decimal) and not self.data.is_finite():
            self.data = None
            raise ValueError(self.gettext(NOT_A_DECIMAL))


def choices(pairs: Iterable[tuple[str | int, str | LazyString]]) -> list[SelectChoice]:
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

    data: list[str] | None  # type: ignore[assignment]  # tags, not StringField's text

    def _value(self) -> str:
        return ", ".join(self.data or [])

    def process_formdata(self, valuelist: list[Any]) -> None:
        raw = valuelist[0] if valuelist else ""
        tags = [part.strip().lower() for part in str(raw).split(",")]
        self.data = list(dict.fromkeys(tag for tag in tags if tag))


class LanguagesField(SelectMultipleField):
    """Languages chosen by name from a list (checkboxes the page can filter), stored as
    their ISO 639-1 codes. A client that posts text may post names or codes, separated
    by commas or spaces ('so ar', 'Somalisch, Arabisch'): each becomes its code."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label: str | LazyString | None = None, **kwargs: Any) -> None:
        super().__init__(label, choices=self._language_choices(()), **kwargs)

    @staticmethod
    def _language_choices(extra: Iterable[str]) -> list[SelectChoice]:
        locale = str(get_locale() or "nl") if has_request_context() else "nl"
        known = sorted(LANGUAGES, key=lambda lang: language_name(lang.code, locale))
        pairs = [(lang.code, language_name(lang.code, locale)) for lang in known]
        # A code stored before the list existed stays visible (and can be unticked).
        pairs += [(code, code) for code in extra if code not in BY_CODE]
        return choices(pairs)

    def process_data(self, value: Any) -> None:
        self.data = list(value or [])
        self.choices = self._language_choices(self.data)

    def process_formdata(self, valuelist: list[Any]) -> None:
        codes: list[str] = []
        for raw in valuelist:
            for item in split_languages(str(raw)):
                codes.append(language_code(item) or item.strip().lower())
        self.data = list(dict.fromkeys(code for code in codes if code))
        self.choices = self._language_choices(self.data)

    def pre_validate(self, form: Any) -> None:
        # A two-letter code outside the list (stored earlier, or sent by the API) stays.
        unknown = [code for code in self.data or []
                   if code not in BY_CODE and not re.fullmatch(r"[a-z]{2}", code)]
        if unknown:
            raise ValidationError(gettext(
                "Deze taal kennen we niet: %(names)s. Kies talen uit de lijst.",
                names=", ".join(unknown)))


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
