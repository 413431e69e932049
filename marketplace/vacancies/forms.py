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
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional

from marketplace.domain.records.vacancy import VACANCY, cross_field_problems
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
from marketplace.pagination import sort_arg
from marketplace.record_forms import record_field, record_validators, translated
from marketplace.services.vacancies.board import BOARD_SORTS, BoardFilters
from marketplace.services.vacancies.board import RADIUS_CHOICES as RADIUS_KM


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


def _field(field_class: type[Any], name: str, **kwargs: Any) -> Any:
    return record_field(field_class, VACANCY[name], **kwargs)


def _level(skill: str) -> LevelField:
    return LevelField(_l(VACANCY[f"lang_min_{skill}"].label), skill=skill,
                      validators=record_validators(VACANCY[f"lang_min_{skill}"]))


class VacancyForm(BrowserForm):
    """The vacancy record's editable fields (domain/records/vacancy.py); the widgets are
    chosen here, labels and limits come from the record (a test checks field by field)."""

    type = _field(SelectField, "type", default="vrijwilligerswerk",
                  choices=choices((k.value, _l(v)) for k, v in PLACEMENT_TYPE_LABELS.items()))
    title = _field(StringField, "title")
    description = _field(TextAreaField, "description")
    tags = _field(TagListField, "tags", description=_l("Bijvoorbeeld: koken, tuin"))
    postcode = _field(PostcodeField, "postcode")
    remote = _field(BooleanField, "remote")
    contact_person = _field(StringField, "contact_person")
    contact_email = _field(EmailField, "contact_email",
                           validators=(Email(_l("Dit is geen geldig e-mailadres.")),))
    contact_phone = _field(StringField, "contact_phone")
    schedule = _field(DaypartField, "schedule")
    dayparts_needed = _field(
        IntegerField, "dayparts_needed",
        description=_l("Leeg laten: alle gekozen dagdelen zijn nodig."))
    hours_min = _field(FiniteDecimalField, "hours_min", places=1)
    hours_max = _field(FiniteDecimalField, "hours_max", places=1)
    capacity = _field(IntegerField, "capacity")
    duration_weeks = _field(IntegerField, "duration_weeks")
    proefperiode_weeks = _field(
        IntegerField, "proefperiode_weeks",
        description=_l("De eerste weken zijn een proefperiode. Leeg laten: geen proefperiode."))
    lang_min_speaking = _level("speaking")
    lang_min_listening = _level("listening")
    lang_min_reading = _level("reading")
    lang_min_writing = _level("writing")
    language_rich = _field(BooleanField, "language_rich")
    language_support = _field(BooleanField, "language_support")
    other_languages = _field(TagListField, "other_languages", validators=(languages_validator,))
    literacy_required = _field(BooleanField, "literacy_required")
    childcare_offered = _field(BooleanField, "childcare_offered")
    children_welcome = _field(BooleanField, "children_welcome")
    women_only = _field(BooleanField, "women_only")
    physical_load = _field(SelectField, "physical_load", default="light",
                           choices=choices((k.value, _l(v)) for k, v in LOAD_LABELS.items()))
    proposal_cap = _field(IntegerField, "proposal_cap")
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
        values = {"proefperiode_weeks": self.proefperiode_weeks.data,
                  "duration_weeks": self.duration_weeks.data}
        for name, message in cross_field_problems(values):
            add_error(self[name], translated(message))
        return not self.proefperiode_weeks.errors

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
        if not chosen:  # the record's check has said so
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
        sort=sort_arg(tuple(BOARD_SORTS)),
    )


class PublishImportForm(BrowserForm):
    confirm = BooleanField(
        _l("Ja, publiceer alle geïmporteerde concepten. Coaches zien ze dan meteen."),
        validators=[DataRequired(_l("Vink aan dat u alle geïmporteerde concepten wilt "
                                    "publiceren."))])
