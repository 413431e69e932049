"""The dashboard's filters: a GET form, so every view has a shareable address."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import DateField, Field, SelectField
from wtforms.validators import Optional, ValidationError

from marketplace.formfields import BrowserForm, choices
from marketplace.services.reports.monitoring import Filters

# The monitoring reaches back a year from its dates; 0001-01-01 made that a 500.
EARLIEST_DATE, LATEST_DATE = date(2000, 1, 1), date(2099, 12, 31)


def _within_monitoring_years(form: Any, field: Field) -> None:
    if field.data and not EARLIEST_DATE <= field.data <= LATEST_DATE:
        raise ValidationError(_l("Kies een datum tussen 2000 en 2099."))


# A BrowserForm for its NUL check (gemeente=%00 broke the query on PostgreSQL).
class DashboardFilterForm(BrowserForm):
    class Meta:
        csrf = False  # read-only GET form

    peildatum = DateField(_l("Peildatum"), validators=[Optional(), _within_monitoring_years])
    van = DateField(_l("Periode vanaf"), validators=[Optional(), _within_monitoring_years])
    tot = DateField(_l("Periode tot en met"), validators=[Optional(), _within_monitoring_years])
    gemeente = SelectField(_l("Gemeente"), validate_choice=False)
    team = SelectField(_l("Team van coaches"), validate_choice=False)

    def __init__(self, municipalities: tuple[str, ...], teams: tuple[str, ...], **kwargs: Any):
        super().__init__(**kwargs)
        self.gemeente.choices = choices(
            [("", _l("Alle gemeenten")), *((m, m) for m in municipalities)]
        )
        self.team.choices = choices([("", _l("Alle teams")), *((t, t) for t in teams)])

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        start, end = self.van.data, self.tot.data
        if start and end and start > end:
            self.tot.errors = [*self.tot.errors, _l("Het einde ligt voor het begin.")]
            return False
        return valid

    def filters(self, today: date | None = None) -> Filters:
        """The chosen filters; empty or invalid fields fall back to the defaults."""
        reference = self.peildatum.data or today or date.today()
        end = self.tot.data or reference
        start = self.van.data or end - timedelta(days=365)
        return Filters(
            reference_date=reference,
            period_start=start,
            period_end=end,
            municipality=self.gemeente.data or "",
            team=self.team.data or "",
        )
