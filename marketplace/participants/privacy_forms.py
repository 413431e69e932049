"""Forms of the AVG pages: erasure with a confirmation, withdrawing a consent."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField
from wtforms.validators import DataRequired

from marketplace.formfields import BrowserForm


class EraseForm(BrowserForm):
    confirm = BooleanField(
        _l("Ik begrijp dat de persoonsgegevens niet terug te halen zijn."),
        validators=[DataRequired(_l("Vink aan dat u het zeker weet."))],
    )


class WithdrawConsentForm(BrowserForm):
    """No fields: the purpose is in the URL, the CSRF token in the form."""
