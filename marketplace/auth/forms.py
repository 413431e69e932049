"""Login form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SubmitField
from wtforms.validators import DataRequired, Email, Length


class LoginForm(FlaskForm):
    email = EmailField(
        "E-mailadres",
        validators=[
            DataRequired("Vul uw e-mailadres in."),
            Email("Dit is geen geldig e-mailadres."),
            Length(max=254),
        ],
    )
    password = PasswordField(
        "Wachtwoord", validators=[DataRequired("Vul uw wachtwoord in."), Length(max=200)]
    )
    submit = SubmitField("Inloggen")
