"""Organisation forms: self sign-up, creation by the volunteer centre, editing, screening."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, HiddenField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from marketplace.domain.passwords import password_problems
from marketplace.domain.vocabulary import ORGANISATION_KIND_LABELS
from marketplace.formfields import BrowserForm, PostcodeField, choices
from marketplace.services.vacancies.organisations import ORGANISATION_FIELDS

KIND_CHOICES = choices(
    (kind, _l(label)) for kind, label in ORGANISATION_KIND_LABELS.items()
    if kind != "vrijwilligerscentrale"
)


class OrganisationForm(BrowserForm):
    name = StringField(
        _l("Naam van de organisatie"),
        validators=[DataRequired(_l("Vul de naam van de organisatie in.")), Length(max=200)],
    )
    kind = SelectField(_l("Soort organisatie"), choices=KIND_CHOICES,
                       default="vrijwilligersorganisatie")
    municipality = SelectField(
        _l("Gemeente"),
        description=_l("De vrijwilligerscentrale van deze gemeente controleert uw aanmelding."),
        validators=[DataRequired(_l("Kies een gemeente."))],
    )
    postcode = PostcodeField(_l("Postcode"), validators=[Optional()])
    description = TextAreaField(
        _l("Wat doet uw organisatie?"),
        validators=[Length(max=5000, message=_l("Gebruik hoogstens 5000 tekens."))],
    )
    email = EmailField(
        _l("E-mailadres van de organisatie"),
        validators=[Optional(), Email(_l("Dit is geen geldig e-mailadres.")), Length(max=254)],
    )
    phone = StringField(_l("Telefoonnummer"), validators=[Optional(), Length(max=40)])

    def organisation_data(self) -> dict[str, Any]:
        return {name: self[name].data for name in ORGANISATION_FIELDS}


class SignupForm(OrganisationForm):
    member_name = StringField(
        _l("Uw naam"), validators=[DataRequired(_l("Vul uw naam in.")), Length(max=120)]
    )
    member_email = EmailField(
        _l("Uw e-mailadres"),
        description=_l("Hiermee logt u in."),
        validators=[
            DataRequired(_l("Vul uw e-mailadres in.")),
            Email(_l("Dit is geen geldig e-mailadres.")),
            Length(max=254),
        ],
    )
    password = PasswordField(
        _l("Kies een wachtwoord"),
        description=_l("Minstens 12 tekens. Een zin van een paar woorden is goed te onthouden."),
        validators=[
            DataRequired(_l("Kies een wachtwoord.")),
        ],
    )
    password_repeat = PasswordField(
        _l("Herhaal het wachtwoord"),
        validators=[
            DataRequired(_l("Herhaal het wachtwoord.")),
            EqualTo("password", _l("De twee wachtwoorden zijn niet gelijk.")),
        ],
    )

    def validate_password(self, field: Any) -> None:
        problems = password_problems(field.data or "", self.email.data or "")
        if problems:
            raise ValidationError(" ".join(problems))

    def signup_data(self) -> dict[str, Any]:
        return self.organisation_data() | {
            "member_name": self.member_name.data,
            "member_email": self.member_email.data,
            "password": self.password.data,
        }


class ApprovalForm(BrowserForm):
    action = HiddenField()
    reason = TextAreaField(
        _l("Reden (verplicht bij terugsturen)"),
        validators=[Length(max=2000, message=_l("Gebruik hoogstens 2000 tekens."))],
    )
