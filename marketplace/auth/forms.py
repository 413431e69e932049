"""Login form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from marketplace.formfields import BrowserForm


def account_email_field() -> EmailField:
    """The e-mail address of an account, as every auth form asks for it."""
    return EmailField(
        _l("E-mailadres"),
        validators=[
            DataRequired(_l("Vul uw e-mailadres in.")),
            Email(_l("Dit is geen geldig e-mailadres.")),
            Length(max=254),
        ],
    )


class LoginForm(BrowserForm):
    email = account_email_field()
    password = PasswordField(
        _l("Wachtwoord"), validators=[DataRequired(_l("Vul uw wachtwoord in.")), Length(max=200)]
    )
    submit = SubmitField(_l("Inloggen"))


class ForgotPasswordForm(BrowserForm):
    email = account_email_field()


class SetPasswordForm(BrowserForm):
    password = PasswordField(
        _l("Nieuw wachtwoord"),
        description=_l("Minstens 12 tekens. Een zin van een paar woorden is goed te onthouden."),
        validators=[DataRequired(_l("Kies een wachtwoord.")), Length(max=200)],
    )
    password_repeat = PasswordField(
        _l("Herhaal het wachtwoord"),
        validators=[
            DataRequired(_l("Herhaal het wachtwoord.")),
            EqualTo("password", _l("De twee wachtwoorden zijn niet gelijk.")),
        ],
    )
