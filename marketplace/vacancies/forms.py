"""The vacancy form: every field of the profile spec, with Dutch messages."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
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

LEVEL_CHOICES = choices([("", _l("Geen minimum"))] + [(level, level) for level in CEFR_LEVELS[1:]])


class LevelField(SelectField):
    """A CEFR minimum; no minimum is None in the database and '' in the form."""

    def __init__(self, label: str | LazyString | None = None, **kwargs: Any) -> None:
        super().__init__(label, choices=LEVEL_CHOICES, **kwargs)

    def process_data(self, value: Any) -> None:
        self.data = value or ""

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.data = valuelist[0] if valuelist else ""


def _hours(label: str | LazyString) -> DecimalField:
    return DecimalField(
        label,
        places=1,
        validators=[
            InputRequired(_l("Vul het aantal uren in.")),
            NumberRange(0, 60, _l("Kies een getal van 0 tot en met 60.")),
        ],
    )


class VacancyForm(FlaskForm):
    type = SelectField(
        _l("Soort plek"),
        choices=choices((k.value, _l(v)) for k, v in PLACEMENT_TYPE_LABELS.items()),
        default="vrijwilligerswerk",
    )
    title = StringField(
        _l("Titel"), validators=[DataRequired(_l("Geef de plek een titel.")), Length(max=200)]
    )
    description = TextAreaField(_l("Omschrijving"), validators=[Length(max=5000)])
    tags = TagListField(
        _l("Onderwerpen (met komma's)"), description=_l("Bijvoorbeeld: koken, tuin")
    )
    postcode = PostcodeField(_l("Postcode van de werkplek"), validators=[Optional()])
    remote = BooleanField(_l("Werk op afstand (geen reistijd)"))
    contact_person = StringField(
        _l("Contactpersoon of werkbegeleider"), validators=[Length(max=200)]
    )
    schedule = DaypartField(_l("Wanneer kan het werk?"))
    dayparts_needed = IntegerField(
        _l("Hoeveel van deze dagdelen zijn nodig?"),
        description=_l("Leeg laten: alle gekozen dagdelen zijn nodig."),
        validators=[Optional(), NumberRange(1, 21, _l("Kies een getal van 1 tot en met 21."))],
    )
    hours_min = _hours(_l("Uren per week, minimaal"))
    hours_max = _hours(_l("Uren per week, maximaal"))
    capacity = IntegerField(
        _l("Aantal plekken"),
        validators=[
            InputRequired(_l("Vul het aantal plekken in.")),
            NumberRange(1, 500, _l("Kies een getal van 1 tot en met 500.")),
        ],
    )
    duration_weeks = IntegerField(
        _l("Duur in weken"),
        validators=[Optional(), NumberRange(1, 260, _l("Kies een getal van 1 tot en met 260."))],
    )
    lang_min_speaking = LevelField(_l("Spreken"))
    lang_min_listening = LevelField(_l("Luisteren"))
    lang_min_reading = LevelField(_l("Lezen"))
    lang_min_writing = LevelField(_l("Schrijven"))
    language_rich = BooleanField(_l("Taalrijk: de deelnemer spreekt veel Nederlands"))
    language_support = BooleanField(_l("Taalbuddy of taalcoach op de werkvloer"))
    other_languages = TagListField(
        _l("Andere talen op de werkvloer"), validators=[languages_validator]
    )
    literacy_required = BooleanField(_l("Lezen en schrijven (Latijns schrift) is nodig"))
    childcare_offered = BooleanField(_l("Wij regelen kinderopvang"))
    children_welcome = BooleanField(_l("Kinderen mogen mee"))
    women_only = BooleanField(_l("Alleen voor vrouwen"))
    physical_load = SelectField(
        _l("Lichamelijke belasting"),
        choices=choices((k.value, _l(v)) for k, v in LOAD_LABELS.items()),
        default="light",
    )
    proposal_cap = IntegerField(
        _l("Maximaal aantal open voorstellen"),
        validators=[
            InputRequired(_l("Vul een aantal in.")),
            NumberRange(1, 20, _l("Kies een getal van 1 tot en met 20.")),
        ],
    )
    submit = SubmitField(_l("Opslaan"))

    language_fields = tuple(f"lang_min_{skill}" for skill in LANGUAGE_SKILLS)

    def validate(self, extra_validators: Any = None) -> bool:
        checks = [super().validate(extra_validators), self._check_hours(), self._check_schedule()]
        return all(checks)

    def _check_hours(self) -> bool:
        low, high = self.hours_min.data, self.hours_max.data
        if low is not None and high is not None and low > high:
            self.hours_max.errors.append(
                gettext("Het maximum moet minstens even groot zijn als het minimum.")
            )
            return False
        return True

    def _check_schedule(self) -> bool:
        chosen = self.schedule.data or []
        if not chosen:
            self.schedule.errors.append(gettext("Kies minstens één dagdeel."))
            return False
        needed = self.dayparts_needed.data
        if needed is not None and needed > len(chosen):
            self.dayparts_needed.errors.append(
                gettext("U koos %(n)s dagdelen; meer dan dat kan niet nodig zijn.", n=len(chosen))
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
