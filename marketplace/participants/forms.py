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
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from marketplace.domain.childcare import suggest_childcare
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
    OptionalSelectField,
    PostcodeField,
    TagListField,
    choices,
    languages_validator,
)
from marketplace.models import Participant
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


def _hours(label: Any) -> FiniteDecimalField:
    return FiniteDecimalField(
        label,
        places=1,
        validators=[
            InputRequired(_l("Vul het aantal uren in.")),
            NumberRange(0, 60, _l("Kies een getal van 0 tot en met 60.")),
        ],
    )


class IntakeForm(BrowserForm):
    first_name = StringField(
        _l("Voornaam of roepnaam"),
        validators=[DataRequired(_l("Vul een voornaam of roepnaam in.")), Length(max=80)],
    )
    last_name = StringField(_l("Achternaam"), validators=[Length(max=120)])
    pseudonym = StringField(
        _l("Schuilnaam (optioneel)"),
        description=_l("Wordt in lijsten getoond in plaats van de naam."),
        validators=[Length(max=80)],
    )
    email = StringField(
        _l("E-mailadres"),
        validators=[Optional(), Email(_l("Dit is geen geldig e-mailadres.")), Length(max=254)],
    )
    phone = StringField(_l("Telefoon"), validators=[Length(max=40)])
    gender = SelectField(
        _l("Geslacht"),
        choices=choices([("", _l("Niet opgegeven")), ("f", _l("Vrouw")), ("m", _l("Man")),
                         ("x", _l("Anders"))]),
    )
    status = SelectField(
        _l("Status"),
        choices=choices((k.value, _l(v)) for k, v in PARTICIPANT_STATUS_LABELS.items()),
        default=ParticipantStatus.INTAKE.value,
    )
    intake_date = DutchDateField(
        _l("Datum intake"), validators=[InputRequired(DATE_MESSAGE)], default=date.today
    )
    municipality = StringField(
        _l("Gemeente"),
        description=_l("Waar de deelnemer woont; leeg laten: de gemeente van de coach."),
        validators=[Length(max=80)],
    )
    participation_route = OptionalSelectField(
        _l("Route van het plan"),
        choices=choices([("", _l("Nog geen route"))]
                        + [(k.value, _l(v)) for k, v in PARTICIPATION_ROUTE_LABELS.items()]),
    )
    closed_on = DutchDateField(_l("Afgesloten op"), validators=[Optional()])
    exit_reason = OptionalSelectField(
        _l("Reden van afsluiten"),
        choices=choices([("", _l("Niet afgesloten"))]
                        + [(k.value, _l(v)) for k, v in EXIT_REASON_LABELS.items()]),
    )
    postcode = PostcodeField(_l("Postcode"), validators=[Optional()])
    max_travel_km = FiniteDecimalField(
        _l("Maximale reisafstand in km"),
        places=1,
        default=Decimal(10),
        validators=[
            InputRequired(_l("Vul een afstand in.")),
            NumberRange(0.5, 200, _l("Kies een afstand van 0,5 tot en met 200 km.")),
        ],
    )
    nl_speaking = SelectField(_l("Spreken"), choices=LEVELS, default="A0")
    nl_listening = SelectField(_l("Luisteren"), choices=LEVELS, default="A0")
    nl_reading = SelectField(_l("Lezen"), choices=LEVELS, default="A0")
    nl_writing = SelectField(_l("Schrijven"), choices=LEVELS, default="A0")
    other_languages = TagListField(
        _l("Thuistalen en andere talen"),
        description=_l("Taalcodes van twee letters, met komma's. Bijvoorbeeld: ar, ti, en"),
        validators=[languages_validator],
    )
    literate_latin = BooleanField(_l("Kan lezen en schrijven in het Latijnse schrift"),
                                  default=True)
    route = SelectField(
        _l("Leerroute"),
        choices=choices([("", _l("Geen of nog niet bekend"))]
                        + [(k.value, _l(v)) for k, v in ROUTE_LABELS.items()]),
    )
    lessons = DaypartField(
        _l("Taalles of inburgeringsles"),
        description=_l("Op deze dagdelen kan de deelnemer nooit."),
    )
    children_ages = AgesField(
        _l("Leeftijden van de kinderen thuis"),
        description=_l("Met komma's, bijvoorbeeld: 9, 6. Leeg als er geen kinderen thuis zijn."),
    )
    care_arranged = BooleanField(_l("Opvang geregeld voor kinderen onder de 4"))
    household_notes = TextAreaField(_l("Gezin en thuissituatie"), validators=[Length(max=2000)])
    childcare_needed = DaypartField(
        _l("Zorg voor kinderen, geen opvang"),
        description=_l("Dagdelen waarop de deelnemer voor de kinderen zorgt."),
    )
    suggest = SubmitField(_l("Stel voor op basis van leeftijden"))
    availability = DaypartField(_l("Beschikbaar"))
    hours_min = _hours(_l("Uren per week, minimaal"))
    hours_max = _hours(_l("Uren per week, maximaal"))
    interests = TagListField(
        _l("Interesses"),
        description=_l("Met komma's, bijvoorbeeld: koken, tuin, kinderen"),
        render_kw={"list": "interesses-lijst"},
    )
    experience = TextAreaField(_l("Werkervaring en opleiding"), validators=[Length(max=5000)])
    women_only = BooleanField(_l("Zoekt alleen een plek met alleen vrouwen"))
    max_physical_load = SelectField(
        _l("Belastbaarheid: maximaal"),
        choices=choices((k.value, _l(v)) for k, v in LOAD_LABELS.items()),
        default=PhysicalLoad.MEDIUM.value,
    )
    health_notes = TextAreaField(
        _l("Gezondheid"),
        description=_l("Alleen voor u als coach. Wordt nooit gedeeld."),
        validators=[Length(max=2000)],
    )
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
            "municipality": (self.municipality.data or "").strip() or None,
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
