"""The vacancy form: every field of the profile spec, with Dutch messages."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DecimalField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from marketplace.domain.vocabulary import (
    CEFR_LEVELS,
    LANGUAGE_SKILLS,
    LOAD_LABELS,
    PLACEMENT_TYPE_LABELS,
)
from marketplace.formfields import (
    DaypartField,
    PostcodeField,
    TagListField,
    choices,
    languages_validator,
)

LEVEL_CHOICES = choices([("", "Geen minimum")] + [(level, level) for level in CEFR_LEVELS[1:]])


class LevelField(SelectField):
    """A CEFR minimum; no minimum is None in the database and '' in the form."""

    def __init__(self, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(label, choices=LEVEL_CHOICES, **kwargs)

    def process_data(self, value: Any) -> None:
        self.data = value or ""

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.data = valuelist[0] if valuelist else ""


def _hours(label: str) -> DecimalField:
    return DecimalField(
        label,
        places=1,
        validators=[
            InputRequired("Vul het aantal uren in."),
            NumberRange(0, 60, "Kies een getal van 0 tot en met 60."),
        ],
    )


class VacancyForm(FlaskForm):
    type = SelectField(
        "Soort plek",
        choices=choices((k.value, v) for k, v in PLACEMENT_TYPE_LABELS.items()),
        default="vrijwilligerswerk",
    )
    title = StringField(
        "Titel", validators=[DataRequired("Geef de plek een titel."), Length(max=200)]
    )
    description = TextAreaField("Omschrijving", validators=[Length(max=5000)])
    tags = TagListField("Onderwerpen (met komma's)", description="Bijvoorbeeld: koken, tuin")
    postcode = PostcodeField("Postcode van de werkplek", validators=[Optional()])
    remote = BooleanField("Werk op afstand (geen reistijd)")
    contact_person = StringField("Contactpersoon of werkbegeleider", validators=[Length(max=200)])
    schedule = DaypartField("Wanneer kan het werk?")
    dayparts_needed = IntegerField(
        "Hoeveel van deze dagdelen zijn nodig?",
        description="Leeg laten: alle gekozen dagdelen zijn nodig.",
        validators=[Optional(), NumberRange(1, 21, "Kies een getal van 1 tot en met 21.")],
    )
    hours_min = _hours("Uren per week, minimaal")
    hours_max = _hours("Uren per week, maximaal")
    capacity = IntegerField(
        "Aantal plekken",
        validators=[
            InputRequired("Vul het aantal plekken in."),
            NumberRange(1, 500, "Kies een getal van 1 tot en met 500."),
        ],
    )
    duration_weeks = IntegerField(
        "Duur in weken",
        validators=[Optional(), NumberRange(1, 260, "Kies een getal van 1 tot en met 260.")],
    )
    lang_min_speaking = LevelField("Spreken")
    lang_min_listening = LevelField("Luisteren")
    lang_min_reading = LevelField("Lezen")
    lang_min_writing = LevelField("Schrijven")
    language_rich = BooleanField("Taalrijk: de deelnemer spreekt veel Nederlands")
    language_support = BooleanField("Taalbuddy of taalcoach op de werkvloer")
    other_languages = TagListField(
        "Andere talen op de werkvloer", validators=[languages_validator]
    )
    literacy_required = BooleanField("Lezen en schrijven (Latijns schrift) is nodig")
    childcare_offered = BooleanField("Wij regelen kinderopvang")
    children_welcome = BooleanField("Kinderen mogen mee")
    women_only = BooleanField("Alleen voor vrouwen")
    physical_load = SelectField(
        "Lichamelijke belasting",
        choices=choices((k.value, v) for k, v in LOAD_LABELS.items()),
        default="light",
    )
    proposal_cap = IntegerField(
        "Maximaal aantal open voorstellen",
        validators=[
            InputRequired("Vul een aantal in."),
            NumberRange(1, 20, "Kies een getal van 1 tot en met 20."),
        ],
    )
    submit = SubmitField("Opslaan")

    language_fields = tuple(f"lang_min_{skill}" for skill in LANGUAGE_SKILLS)

    def validate(self, extra_validators: Any = None) -> bool:
        checks = [super().validate(extra_validators), self._check_hours(), self._check_schedule()]
        return all(checks)

    def _check_hours(self) -> bool:
        low, high = self.hours_min.data, self.hours_max.data
        if low is not None and high is not None and low > high:
            self.hours_max.errors.append(
                "Het maximum moet minstens even groot zijn als het minimum."
            )
            return False
        return True

    def _check_schedule(self) -> bool:
        chosen = self.schedule.data or []
        if not chosen:
            self.schedule.errors.append("Kies minstens één dagdeel.")
            return False
        needed = self.dayparts_needed.data
        if needed is not None and needed > len(chosen):
            self.dayparts_needed.errors.append(
                f"U koos {len(chosen)} dagdelen; meer dan dat kan niet nodig zijn."
            )
            return False
        return True

    def vacancy_data(self) -> dict[str, Any]:
        """Field values as the service expects them (no CSRF token or button)."""
        data = {name: field.data for name, field in self._fields.items()}
        for name in ("csrf_token", "submit"):
            data.pop(name, None)
        for name in self.language_fields:
            data[name] = data[name] or None
        data["hours_min"] = float(data["hours_min"])
        data["hours_max"] = float(data["hours_max"])
        return data
