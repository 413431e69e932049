"""The intake form (every profile field of the spec and what the coach keeps) and the
measurement form, with Dutch messages; nothing typed is lost when a check fails."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    Email,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from marketplace.domain.childcare import suggest_childcare
from marketplace.domain.records.participant import PARTICIPANT
from marketplace.domain.vocabulary import (
    CEFR_LEVELS,
    EXIT_REASON_LABELS,
    LADDER_STEPS,
    LANGUAGE_SKILLS,
    LOAD_LABELS,
    PARTICIPANT_STATUS_LABELS,
    PARTICIPATION_ROUTE_LABELS,
    ROUTE_LABELS,
    ZRM_DOMAINS,
    ConsentPurpose,
    ExitReason,
    LearningRoute,
    MeasurementKind,
    ParticipantStatus,
    ParticipationRoute,
    PhysicalLoad,
)
from marketplace.formfields import (
    BrowserForm,
    DaypartField,
    FiniteDecimalField,
    LanguagesField,
    OptionalSelectField,
    PostcodeField,
    TagListField,
    choices,
)
from marketplace.models import Participant
from marketplace.record_forms import record_field
from marketplace.services.participants.intake import ConsentInput, GoalInput, IntakeData

DATE_MESSAGE = _l("Vul een datum in, bijvoorbeeld 21-10-2025.")
LEVELS = choices((level, level) for level in CEFR_LEVELS)
GOAL_ROWS_EXTRA = 2


class DutchDateField(DateField):
    """An HTML date input whose parse error is in Dutch."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(str(DATE_MESSAGE)) from error


class AgesField(StringField):
    """Children's ages as '9, 6'; the typed text is kept when it is not valid."""

    data: list[int] | None  # type: ignore[assignment]  # ages, not StringField's text

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        return ", ".join(str(age) for age in self.data or [])

    def process_formdata(self, valuelist: list[Any]) -> None:
        raw = str(valuelist[0]) if valuelist else ""
        parts = [part.strip() for part in raw.replace(";", ",").split(",") if part.strip()]
        if not all(part.isdigit() and int(part) <= 25 for part in parts):
            self.data = []
            raise ValueError(gettext("Vul leeftijden in als getallen, bijvoorbeeld: 9, 6"))
        self.data = [int(part) for part in parts]


class GoalForm(Form):
    id = HiddenField()
    text = StringField(_l("Doel"), validators=[Length(max=500)])
    target_date = DutchDateField(_l("Streefdatum"), validators=[Optional()])


def _field(field_class: type[Any], name: str, **kwargs: Any) -> Any:
    return record_field(field_class, PARTICIPANT[name], **kwargs)


class IntakeForm(BrowserForm):
    """The participant record's fields (domain/records/participant.py) with goals and
    consents; the widgets are chosen here, labels and limits come from the record (a
    test checks field by field)."""

    first_name = _field(StringField, "first_name")
    last_name = _field(StringField, "last_name")
    pseudonym = _field(StringField, "pseudonym",
                       description=_l("Wordt in lijsten getoond in plaats van de naam."))
    email = _field(StringField, "email", validators=(Email(_l("Dit is geen geldig e-mailadres.")),))
    phone = _field(StringField, "phone")
    gender = _field(SelectField, "gender",
                    choices=choices([("", _l("Niet opgegeven")), ("f", _l("Vrouw")),
                                     ("m", _l("Man")), ("x", _l("Anders"))]))
    status = _field(SelectField, "status", default=ParticipantStatus.INTAKE.value,
                    choices=choices((k.value, _l(v)) for k, v in PARTICIPANT_STATUS_LABELS.items()))
    intake_date = _field(DutchDateField, "intake_date", default=date.today)
    # Only when creating: the responsible municipality, one of the coach's (the view
    # sets the choices). Afterwards only a hand-over moves a participant.
    municipality = SelectField(
        _l("Gemeente"), coerce=int, validate_choice=True,
        description=_l("De gemeente die verantwoordelijk is voor deze deelnemer."))
    participation_route = _field(
        OptionalSelectField, "participation_route",
        choices=choices([("", _l("Nog geen route"))]
                        + [(k.value, _l(v)) for k, v in PARTICIPATION_ROUTE_LABELS.items()]))
    closed_on = _field(DutchDateField, "closed_on")
    exit_reason = _field(
        OptionalSelectField, "exit_reason",
        choices=choices([("", _l("Niet afgesloten"))]
                        + [(k.value, _l(v)) for k, v in EXIT_REASON_LABELS.items()]))
    postcode = _field(PostcodeField, "postcode")
    max_travel_km = _field(FiniteDecimalField, "max_travel_km", places=1, default=Decimal(10))
    nl_speaking = _field(SelectField, "nl_speaking", choices=LEVELS, default="A0")
    nl_listening = _field(SelectField, "nl_listening", choices=LEVELS, default="A0")
    nl_reading = _field(SelectField, "nl_reading", choices=LEVELS, default="A0")
    nl_writing = _field(SelectField, "nl_writing", choices=LEVELS, default="A0")
    other_languages = _field(
        LanguagesField, "other_languages",
        description=_l("Zoek op naam en vink aan. Nederlands staat hierboven."))
    literate_latin = _field(BooleanField, "literate_latin", default=True)
    route = _field(SelectField, "route",
                   choices=choices([("", _l("Geen of nog niet bekend"))]
                                   + [(k.value, _l(v)) for k, v in ROUTE_LABELS.items()]))
    lessons = _field(DaypartField, "lessons",
                     description=_l("Op deze dagdelen kan de deelnemer nooit."))
    children_ages = _field(
        AgesField, "children_ages",
        description=_l("Met komma's, bijvoorbeeld: 9, 6. Leeg als er geen kinderen thuis zijn."))
    # Not a field of the record: only the suggestion below reads it.
    care_arranged = BooleanField(_l("Opvang geregeld voor kinderen onder de 4"))
    household_notes = _field(TextAreaField, "household_notes")
    childcare_needed = _field(
        DaypartField, "childcare_needed",
        description=_l("Dagdelen waarop de deelnemer voor de kinderen zorgt."))
    suggest = SubmitField(_l("Stel voor op basis van leeftijden"))
    availability = _field(DaypartField, "availability")
    hours_min = _field(FiniteDecimalField, "hours_min", places=1)
    hours_max = _field(FiniteDecimalField, "hours_max", places=1)
    interests = _field(TagListField, "interests",
                       description=_l("Met komma's, bijvoorbeeld: koken, tuin, kinderen"),
                       render_kw={"list": "interesses-lijst"})
    experience = _field(TextAreaField, "experience")
    women_only = _field(BooleanField, "women_only")
    max_physical_load = _field(SelectField, "max_physical_load",
                               default=PhysicalLoad.MEDIUM.value,
                               choices=choices((k.value, _l(v)) for k, v in LOAD_LABELS.items()))
    health_notes = _field(TextAreaField, "health_notes",
                          description=_l("Alleen voor u als coach. Wordt nooit gedeeld."))
    goals = FieldList(FormField(GoalForm), min_entries=3)
    consent_matching = BooleanField(_l("Toestemming: zoeken naar passende plekken"))
    consent_matching_on = DutchDateField(_l("Datum toestemming zoeken"), validators=[Optional()])
    consent_sharing = BooleanField(
        _l("Toestemming: gegevens delen met een organisatie bij een voorstel")
    )
    consent_sharing_on = DutchDateField(_l("Datum toestemming delen"), validators=[Optional()])
    save = SubmitField(_l("Opslaan"))

    language_fields = tuple(f"nl_{skill}" for skill in LANGUAGE_SKILLS)

    @classmethod
    def for_participant(cls, participant: Participant | None) -> IntakeForm:
        """The form filled from a participant (or empty), with room for two new goals."""
        data: dict[str, Any] = {}
        goal_count = 0
        if participant is not None:
            goal_count = len(participant.goals)
            for consent in participant.consents:
                if consent.withdrawn_on is None:
                    data[f"consent_{consent.purpose.value}"] = True
                    data[f"consent_{consent.purpose.value}_on"] = consent.given_on
        form = cls(obj=participant, data=data)
        if not form.is_submitted():
            while len(form.goals) < max(goal_count + GOAL_ROWS_EXTRA, 3):
                form.goals.append_entry()
        return form

    def suggesting(self) -> bool:
        """Pressed 'suggest': fill childcare_needed from the ages and show the form again."""
        if not (self.is_submitted() and self.suggest.data):
            return False
        if not self.children_ages.errors:
            self.childcare_needed.data = suggest_childcare(
                self.children_ages.data or [], care_arranged=self.care_arranged.data
            )
        return True

    def validate_exit_reason(self, field: Any) -> None:
        closing = self.status.data == ParticipantStatus.CLOSED.value
        if closing and not field.data:
            raise ValidationError(gettext("Kies waarom het traject is afgesloten."))
        if closing and not self.closed_on.data:
            self.closed_on.errors = [*self.closed_on.errors, gettext("Vul de datum in.")]
            raise ValidationError(gettext("Vul ook de datum van afsluiten in."))

    def validate_hours_max(self, field: Any) -> None:
        low = self.hours_min.data
        if low is not None and field.data is not None and low > field.data:
            raise ValidationError(
                gettext("Het maximum moet minstens even groot zijn als het minimum.")
            )

    def intake_data(self) -> IntakeData:
        """The values as the intake service expects them."""
        names = (
            "first_name", "last_name", "email", "phone", "intake_date", "postcode",
            "other_languages", "literate_latin", "interests", "availability", "lessons",
            "childcare_needed", "women_only", "children_ages", "household_notes",
            "health_notes", "experience", *self.language_fields,
        )
        profile: dict[str, Any] = {name: self[name].data for name in names}
        for name in ("first_name", "last_name", "household_notes", "health_notes", "experience"):
            profile[name] = (profile[name] or "").strip()
        for name in ("pseudonym", "email", "phone"):
            profile[name] = (self[name].data or "").strip() or None
        profile["gender"] = self.gender.data or None
        profile["status"] = ParticipantStatus(self.status.data)
        profile["route"] = LearningRoute(self.route.data) if self.route.data else None
        profile.update(self._trajectory())
        profile["max_physical_load"] = PhysicalLoad(self.max_physical_load.data)
        profile["max_travel_km"] = float(self.max_travel_km.data)
        profile["hours_min"] = float(self.hours_min.data)
        profile["hours_max"] = float(self.hours_max.data)
        rows = [row.form for row in self.goals]  # row.id is the FormField's own id
        goals = [
            GoalInput(int(str(row.id.data)) if str(row.id.data or "").isdigit() else None,
                      row.text.data or "", row.target_date.data)
            for row in rows
        ]
        consents = {
            purpose: ConsentInput(
                bool(self[f"consent_{purpose.value}"].data),
                self[f"consent_{purpose.value}_on"].data,
            )
            for purpose in ConsentPurpose
        }
        return IntakeData(profile, goals, consents)


    def _trajectory(self) -> dict[str, Any]:
        """Route of the plan and, only for a closed trajectory, when and why it closed."""
        closed = self.status.data == ParticipantStatus.CLOSED.value
        route = self.participation_route.data
        return {
            "participation_route": ParticipationRoute(route) if route else None,
            "closed_on": self.closed_on.data if closed else None,
            "exit_reason": ExitReason(self.exit_reason.data) if closed else None,
        }


KIND_LABELS = {
    MeasurementKind.NULMETING: _l("Nulmeting"),
    MeasurementKind.TUSSENMETING: _l("Tussenmeting"),
    MeasurementKind.EINDMETING: _l("Eindmeting"),
}
def _step_label(step: int) -> LazyString:
    return LazyString(lambda: f"{step} – {gettext(LADDER_STEPS[step])}")


ZRM_CHOICES = choices([("", _l("Niet gemeten"))] + [(str(n), str(n)) for n in range(1, 6)])


class MeasurementForm(BrowserForm):
    kind = SelectField(_l("Soort meting"), choices=choices(KIND_LABELS.items()))
    measured_on = DutchDateField(
        _l("Datum"), validators=[InputRequired(DATE_MESSAGE)], default=date.today
    )
    ladder_step = SelectField(
        _l("Trede op de participatieladder"),
        choices=choices((str(step), _step_label(step)) for step in LADDER_STEPS),
        validators=[InputRequired(_l("Kies een trede."))],
    )
    submit = SubmitField(_l("Meting opslaan"))

    zrm_fields = tuple(f"zrm_{domain}" for domain in ZRM_DOMAINS)

    def zrm_scores(self) -> dict[str, int | None]:
        return {
            domain: int(self[f"zrm_{domain}"].data) if self[f"zrm_{domain}"].data else None
            for domain in ZRM_DOMAINS
        }


for _domain, _label in ZRM_DOMAINS.items():
    setattr(MeasurementForm, f"zrm_{_domain}",
            SelectField(_l(_label), choices=ZRM_CHOICES, default=""))
