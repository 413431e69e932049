"""The vacancy form (every field of the profile spec, with Dutch messages), the
screening form and the board's filter form."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional

from marketplace.domain import vacancy_rules as limits
from marketplace.domain.vocabulary import (
    CAN_DO,
    CEFR_LEVELS,
    DAYPARTS,
    LANGUAGE_SKILLS,
    LOAD_LABELS,
    PLACEMENT_TYPE_LABELS,
    VACANCY_STATUS_LABELS,
    PlacementType,
    VacancyStatus,
)
from marketplace.formfields import (
    BrowserForm,
    DaypartField,
    FiniteDecimalField,
    OptionalSelectField,
    PostcodeField,
    TagListField,
    add_error,
    choices,
    languages_validator,
)
from marketplace.services.vacancies.board import RADIUS_CHOICES as RADIUS_KM
from marketplace.services.vacancies.board import BoardFilters


def level_choices(skill: str | None) -> list[Any]:
    """'' for no minimum, then A1..C2, each with what someone at that level can do."""
    pairs: list[tuple[str, str]] = [("", gettext("Geen minimum"))]
    for level in CEFR_LEVELS[1:]:
        hint = CAN_DO[skill][level] if skill else ""
        pairs.append((level, f"{level} – {gettext(hint)}" if hint else level))
    return choices(pairs)


class LevelField(OptionalSelectField):
    """A CEFR minimum per skill, each level with its can-do hint."""

    def __init__(
        self, label: str | LazyString | None = None, skill: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(label, choices=level_choices(skill), **kwargs)


def _hours(label: str | LazyString) -> FiniteDecimalField:
    return FiniteDecimalField(
        label,
        places=1,
        validators=[
            InputRequired(_l("Vul het aantal uren in.")),
            NumberRange(0, limits.HOURS_MAX, _l("Kies een getal van 0 tot en met 60.")),
        ],
    )


class VacancyForm(BrowserForm):
    type = SelectField(
        _l("Soort plek"),
        choices=choices((k.value, _l(v)) for k, v in PLACEMENT_TYPE_LABELS.items()),
        default="vrijwilligerswerk",
    )
    title = StringField(
        _l("Titel"),
        validators=[
            DataRequired(_l("Geef de plek een titel.")),
            Length(max=limits.TITLE_MAX, message=_l("Gebruik hoogstens 200 tekens.")),
        ],
    )
    description = TextAreaField(
        _l("Omschrijving"),
        validators=[
            Length(max=limits.DESCRIPTION_MAX, message=_l("Gebruik hoogstens 5000 tekens."))
        ],
    )
    tags = TagListField(
        _l("Onderwerpen (met komma's)"), description=_l("Bijvoorbeeld: koken, tuin")
    )
    postcode = PostcodeField(_l("Postcode van de werkplek"), validators=[Optional()])
    remote = BooleanField(_l("Werk op afstand (geen reistijd)"))
    contact_person = StringField(
        _l("Contactpersoon of werkbegeleider"),
        validators=[Length(max=limits.CONTACT_MAX, message=_l("Gebruik hoogstens 200 tekens."))],
    )
    contact_email = EmailField(
        _l("E-mailadres van de contactpersoon"),
        validators=[Optional(), Email(_l("Dit is geen geldig e-mailadres.")), Length(max=254)],
    )
    contact_phone = StringField(
        _l("Telefoon van de contactpersoon"), validators=[Optional(), Length(max=40)]
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
            NumberRange(1, limits.CAPACITY_MAX, _l("Kies een getal van 1 tot en met 500.")),
        ],
    )
    duration_weeks = IntegerField(
        _l("Duur in weken"),
        validators=[
            Optional(),
            NumberRange(1, limits.DURATION_MAX_WEEKS, _l("Kies een getal van 1 tot en met 260.")),
        ],
    )
    proefperiode_weeks = IntegerField(
        _l("Proefperiode in weken"),
        description=_l("De eerste weken zijn een proefperiode. Leeg laten: geen proefperiode."),
        validators=[
            Optional(),
            NumberRange(
                1, limits.PROEFPERIODE_MAX_WEEKS, _l("Kies een getal van 1 tot en met 26.")
            ),
        ],
    )
    lang_min_speaking = LevelField(_l("Spreken"), skill="speaking")
    lang_min_listening = LevelField(_l("Luisteren"), skill="listening")
    lang_min_reading = LevelField(_l("Lezen"), skill="reading")
    lang_min_writing = LevelField(_l("Schrijven"), skill="writing")
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
            NumberRange(1, limits.PROPOSAL_CAP_MAX, _l("Kies een getal van 1 tot en met 20.")),
        ],
    )
    submit = SubmitField(_l("Opslaan"))

    language_fields = tuple(f"lang_min_{skill}" for skill in LANGUAGE_SKILLS)

    def validate(self, extra_validators: Any = None) -> bool:
        checks = [
            super().validate(extra_validators),
            self._check_hours(),
            self._check_schedule(),
            self._check_proefperiode(),
        ]
        return all(checks)

    def _check_proefperiode(self) -> bool:
        trial, duration = self.proefperiode_weeks.data, self.duration_weeks.data
        if trial is not None and duration is not None and trial > duration:
            add_error(
                self.proefperiode_weeks,
                gettext("De proefperiode kan niet langer zijn dan de hele duur."),
            )
            return False
        return True

    def _check_hours(self) -> bool:
        low, high = self.hours_min.data, self.hours_max.data
        if low is not None and high is not None and low > high:
            add_error(
                self.hours_max,
                gettext("Het maximum moet minstens even groot zijn als het minimum."),
            )
            return False
        return True

    def _check_schedule(self) -> bool:
        chosen = self.schedule.data or []
        if not chosen:
            add_error(self.schedule, gettext("Kies minstens één dagdeel."))
            return False
        needed = self.dayparts_needed.data
        if needed is not None and needed > len(chosen):
            add_error(
                self.dayparts_needed,
                gettext("U koos %(n)s dagdelen; meer dan dat kan niet nodig zijn.", n=len(chosen)),
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
        for name in ("contact_email", "contact_phone"):
            data[name] = (data.get(name) or "").strip() or None
        data["hours_min"] = float(data["hours_min"])
        data["hours_max"] = float(data["hours_max"])
        return data


class CentreVacancyForm(VacancyForm):
    """The volunteer centre posts for one of the organisations it manages."""

    organisation_id = SelectField(
        _l("Organisatie"), coerce=int, validate_choice=True,
        validators=[InputRequired(_l("Kies een organisatie."))],
    )


class StatusForm(BrowserForm):
    """One screening or life-cycle action, with a reason when sending back."""

    action = HiddenField()
    reason = TextAreaField(
        _l("Reden (verplicht bij terugsturen)"),
        validators=[Length(max=2000, message=_l("Gebruik hoogstens 2000 tekens."))],
    )


class ImportUploadForm(BrowserForm):
    file = FileField(
        _l("Bestand (CSV of XLSX, hoogstens 10 MB)"),
        validators=[FileRequired(_l("Kies een bestand."))],
    )


LEVEL_FILTER_CHOICES = choices([("", _l("Elk niveau"))] + [(level, level) for level in CEFR_LEVELS])
RADIUS_VALUES = {str(km) for km in RADIUS_KM}
RADIUS_CHOICES = choices((str(km), f"{km} km") for km in RADIUS_KM)


class BoardFilterForm(FlaskForm):
    """The board's filters, read from the query string (GET: shareable, no CSRF)."""

    class Meta:
        csrf = False

    q = StringField(_l("Zoek op titel of organisatie"), validators=[Optional(), Length(max=100)])
    type = SelectField(
        _l("Soort plek"),
        choices=choices([("", _l("Alle soorten"))]
                        + [(k.value, _l(v)) for k, v in PLACEMENT_TYPE_LABELS.items()]),
        validate_choice=False,
    )
    tags = TagListField(_l("Onderwerpen"), description=_l("Met komma's, bijvoorbeeld: koken, tuin"))
    level = SelectField(
        _l("Nederlands van de deelnemer"),
        description=_l("Toont plekken die met dit niveau te doen zijn."),
        choices=LEVEL_FILTER_CHOICES,
        validate_choice=False,
    )
    postcode = PostcodeField(_l("Postcode"), validators=[Optional()])
    radius = SelectField(_l("Afstand"), choices=RADIUS_CHOICES, default="10",
                         validate_choice=False)
    childcare = BooleanField(_l("Kinderopvang of kinderen welkom"))
    women_only = BooleanField(_l("Alleen plekken voor vrouwen"))
    open_only = BooleanField(_l("Alleen met vrije plekken"))
    dayparts = DaypartField(
        _l("Past in deze dagdelen"),
        description=_l("Toont plekken waarvan de nodige dagdelen hierin vallen."),
    )
    status = SelectField(
        _l("Status"),
        choices=choices([("", _l("Alle statussen"))]
                        + [(k.value, _l(v)) for k, v in VACANCY_STATUS_LABELS.items()]),
        validate_choice=False,
    )


def board_filters(form: BoardFilterForm) -> BoardFilters:
    """The filter values the board service takes; anything invalid is left out."""
    placement_type = form.type.data if form.type.data in set(PlacementType) else None
    status = form.status.data if form.status.data in set(VacancyStatus) else None
    radius = form.radius.data if form.radius.data in RADIUS_VALUES else "10"
    return BoardFilters(
        search=(form.q.data or "").strip()[:100],
        placement_type=PlacementType(placement_type) if placement_type else None,
        tags=tuple(form.tags.data or ())[:10],
        level=form.level.data if form.level.data in CEFR_LEVELS else None,
        childcare=bool(form.childcare.data),
        women_only=bool(form.women_only.data),
        dayparts=tuple(d for d in form.dayparts.data or () if d in DAYPARTS),
        open_only=bool(form.open_only.data),
        status=VacancyStatus(status) if status else None,
        postcode=None if form.postcode.errors else form.postcode.data,
        radius_km=float(radius),
    )
