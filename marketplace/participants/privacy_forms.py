"""Forms of the AVG pages: erasure with a confirmation, withdrawing a consent, and a
hand-over to another municipality."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, SelectField
from wtforms.validators import DataRequired

from marketplace.formfields import BrowserForm
from marketplace.services.participants.handover import Target


class EraseForm(BrowserForm):
    confirm = BooleanField(
        _l("Ik begrijp dat de persoonsgegevens niet terug te halen zijn."),
        validators=[DataRequired(_l("Vink aan dat u het zeker weet."))],
    )


class WithdrawConsentForm(BrowserForm):
    """No fields: the purpose is in the URL, the CSRF token in the form."""


class HandoverForm(BrowserForm):
    """Step one chooses where the participant goes; step two (`confirmed`) confirms it,
    with the participant's consent."""

    target = SelectField(_l("Nieuwe gemeente en coach"), validate_choice=False,
                         validators=[DataRequired(_l("Kies een gemeente en een coach."))])
    consent = BooleanField(_l("De deelnemer stemt in met de overdracht aan deze gemeente."))
    confirmed = HiddenField()

    def for_targets(self, targets: list[Target]) -> HandoverForm:
        self.target.choices = [("", _l("Kies..."))] + [
            (t.key, f"{t.municipality.name} — {t.coach.name}") for t in targets]
        return self
