"""Form fields from the record definitions (domain/records): the label, whether a value
is needed, and the record's own checks as one WTForms validator, so that a form holds
to the same limits as the API and the import."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from wtforms import Field
from wtforms.validators import DataRequired, InputRequired, Optional, ValidationError

from marketplace.domain.records import NUMBER_KINDS, FieldSpec, Kind, Message, value_problems

# Kinds whose empty input means "not given" (a number, an e-mail address, a postcode).
_OPTIONAL_WHEN_EMPTY = (*NUMBER_KINDS, Kind.EMAIL, Kind.POSTCODE, Kind.DATE)


def translated(message: Message) -> str:
    return gettext(message.template, **dict(message.params))


class RecordLimits:
    """Runs the record's checks on the field's value (lengths, ranges, vocabulary, at
    least one daypart, no formula); the first problem is the field's error."""

    def __init__(self, spec: FieldSpec) -> None:
        self.spec = spec

    def __call__(self, form: Any, field: Field) -> None:
        if field.process_errors:  # not read as a value at all: the field said so already
            return
        value = field.data
        if isinstance(value, Decimal):
            value = float(value)
        problems = value_problems(self.spec, value)
        if problems:
            raise ValidationError(translated(problems[0]))


def record_validators(spec: FieldSpec) -> list[Any]:
    """Needed or optional as the record says, then the record's checks."""
    first: list[Any] = []
    if spec.kind in _OPTIONAL_WHEN_EMPTY:
        needed = spec.required or spec.defaulted
        first = [InputRequired(_l(spec.required_message)) if needed else Optional()]
    elif spec.required and spec.kind == Kind.TEXT:
        first = [DataRequired(_l(spec.required_message))]
    return [*first, RecordLimits(spec)]


def record_field(field_class: type[Field], spec: FieldSpec, *, validators: tuple[Any, ...] = (),
                 **kwargs: Any) -> Any:
    """A form field for a record field: its label and validators from the record."""
    return field_class(_l(spec.label), validators=[*record_validators(spec), *validators],
                       **kwargs)
