"""One small form per step of a placement; field names are the state machine's data names,
so a service's refusal lands next to the right field."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    EmailField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Email, InputRequired, Length, Optional

from marketplace.domain.placements import (
    DECLINE_REASON_LABELS,
    NOT_CONTINUED_LABELS,
    OUTCOME_LABELS,
    PlacementAction,
)
from marketplace.formfields import BrowserForm, choices

NOTE_HINT = _l("De andere partij (coach of organisatie) ziet deze toelichting.")


def _options(labels: dict[Any, str], prompt: Any) -> list[Any]:
    return choices([("", prompt), *((code.value, _l(text)) for code, text in labels.items())])


class ActionForm(BrowserForm):
    note = TextAreaField(_l("Toelichting (niet verplicht)"), description=NOTE_HINT,
                         validators=[Optional(), Length(max=2000)])

    def payload(self) -> dict[str, Any]:
        return {name: field.data for name, field in self._fields.items()
                if name != "csrf_token"}


class AcceptForm(ActionForm):
    pass


class DeclineForm(ActionForm):
    reason = SelectField(_l("Reden"), choices=_options(DECLINE_REASON_LABELS, _l("Kies een reden")),
                         validators=[InputRequired(_l("Kies een reden."))])


class KennismakingForm(ActionForm):
    kennismaking_at = DateTimeLocalField(
        _l("Datum en tijd van de kennismaking"),
        validators=[InputRequired(_l("Vul de datum en het tijdstip in."))],
    )
    kennismaking_place = StringField(
        _l("Plaats van de kennismaking"), description=_l("Bijvoorbeeld het adres of de ruimte."),
        validators=[InputRequired(_l("Vul in waar de kennismaking is.")), Length(max=200)],
    )
    coach_attends = BooleanField(_l("De coach gaat mee naar de kennismaking"), default=True)


class StartForm(ActionForm):
    proefperiode_start = DateField(_l("Eerste dag van de proefperiode"),
                                   validators=[InputRequired(_l("Vul de eerste dag in."))])
    proefperiode_end = DateField(_l("Einde van de proefperiode (ongeveer)"),
                                 validators=[InputRequired(_l("Vul het einde in."))])


class PlaceForm(ActionForm):
    agreement = TextAreaField(
        _l("Wat is er afgesproken?"),
        description=_l("Bijvoorbeeld: vrijwilligerscontract getekend, 2 dagdelen per week."),
        validators=[InputRequired(_l("Schrijf op wat er is afgesproken.")), Length(max=2000)],
    )


class NotContinueForm(ActionForm):
    reason = SelectField(_l("Reden"), choices=_options(NOT_CONTINUED_LABELS, _l("Kies een reden")),
                         validators=[InputRequired(_l("Kies een reden."))])


class EndForm(ActionForm):
    outcome = SelectField(_l("Hoe is de plaatsing afgelopen?"),
                          choices=_options(OUTCOME_LABELS, _l("Kies een uitkomst")),
                          validators=[InputRequired(_l("Kies een uitkomst."))])
    ended_on = DateField(_l("Laatste dag"), validators=[InputRequired(_l("Vul de datum in."))])


class WithdrawForm(ActionForm):
    note = TextAreaField(_l("Waarom trekt u het voorstel in?"), description=NOTE_HINT,
                         validators=[InputRequired(_l("Schrijf kort op waarom.")),
                                     Length(max=2000)])


FORMS: dict[PlacementAction, type[ActionForm]] = {
    PlacementAction.ACCEPT: AcceptForm,
    PlacementAction.DECLINE: DeclineForm,
    PlacementAction.PLAN_KENNISMAKING: KennismakingForm,
    PlacementAction.START_PROEFPERIODE: StartForm,
    PlacementAction.PLACE: PlaceForm,
    PlacementAction.NOT_CONTINUE: NotContinueForm,
    PlacementAction.END: EndForm,
    PlacementAction.WITHDRAW: WithdrawForm,
}


def action_form(action: PlacementAction, **kwargs: Any) -> ActionForm:
    """The form of one step, prefixed with its name so several fit on one page."""
    return FORMS[action](prefix=action.value, **kwargs)


def action_forms(actions: list[PlacementAction], failed: PlacementAction | None = None,
                 failed_form: ActionForm | None = None,
                 defaults: dict[str, dict[str, Any]] | None = None) -> dict[str, ActionForm]:
    """Forms for the available steps, pre-filled with `defaults` per action (e.g. the
    proefperiode's end from the vacancy); the submitted one keeps its data and errors."""
    defaults = defaults or {}
    forms = {action.value: action_form(action, formdata=None,
                                       data=defaults.get(action.value) or None)
             for action in actions}
    if failed is not None and failed_form is not None:
        forms[failed.value] = failed_form
    return forms


class LinkEmailForm(BrowserForm):
    email = EmailField(_l("E-mailadres van de werkgever"),
                       validators=[InputRequired(_l("Vul een e-mailadres in.")),
                                   Email(_l("Vul een geldig e-mailadres in.")), Length(max=254)])


class CheckInForm(BrowserForm):
    feedback = TextAreaField(_l("Hoe ging het?"),
                             validators=[InputRequired(_l("Schrijf kort op hoe het ging.")),
                                         Length(max=4000)])


def checkin_form(kind: str, **kwargs: Any) -> CheckInForm:
    return CheckInForm(prefix=f"checkin-{kind}", **kwargs)



class MessageForm(BrowserForm):
    text = TextAreaField(_l("Bericht"),
                         description=_l("De coach en de organisatie lezen dit. Schrijf niets "
                                        "over gezondheid of privézaken."),
                         validators=[InputRequired(_l("Schrijf een bericht.")),
                                     Length(max=2000)])
