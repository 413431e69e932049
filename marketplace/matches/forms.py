"""Forms of the matches pages: the search query, proposing, and the cohort allocation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField, SubmitField, TextAreaField
from wtforms.validators import Length
from wtforms.widgets import CheckboxInput, ListWidget

import matching
from marketplace.domain.vocabulary import PlacementType
from marketplace.formfields import BrowserForm
from marketplace.models import CohortAllocation
from marketplace.services.matching.ranking import MatchFilters, default_weight_percentages

PAGE_STEP = 50
MAX_LIMIT = 500
DISTANCE_CHOICES = (2, 5, 10, 15, 25, 50)


@dataclass(frozen=True)
class MatchQuery:
    """The matches page's GET parameters, read without ever failing."""

    filters: MatchFilters
    sliders: dict[str, int]  # 0-100 per component, as shown
    custom_weights: bool
    limit: int
    excluded_limit: int

    def args(self, **changes: int) -> dict[str, object]:
        """Query-string arguments for a link that keeps this search."""
        values: dict[str, object] = {
            "type": self.filters.placement_type.value if self.filters.placement_type else "",
            "max_km": int(self.filters.max_km) if self.filters.max_km else "",
            "toon": self.limit,
            "uitgesloten": self.excluded_limit,
        }
        if self.custom_weights:
            values.update({f"w_{name}": value for name, value in self.sliders.items()})
        values.update(changes)
        return {key: value for key, value in values.items() if value != ""}


def _int(args: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    value = args.get(name, "")
    return min(max(int(value), low), high) if value.isdigit() else default


def match_query(args: Mapping[str, str]) -> MatchQuery:
    try:
        placement_type: PlacementType | None = PlacementType(args.get("type", ""))
    except ValueError:
        placement_type = None
    max_km = _int(args, "max_km", 0, 0, 500) or None
    defaults = default_weight_percentages()
    sliders = {
        name: _int(args, f"w_{name}", defaults[name], 0, 100) for name in matching.COMPONENTS
    }
    return MatchQuery(
        filters=MatchFilters(placement_type, float(max_km) if max_km else None),
        sliders=sliders,
        custom_weights=sliders != defaults,
        limit=_int(args, "toon", PAGE_STEP, 1, MAX_LIMIT),
        excluded_limit=_int(args, "uitgesloten", PAGE_STEP, 1, MAX_LIMIT),
    )


class ProposeForm(BrowserForm):
    message = TextAreaField(
        _l("Bericht aan de organisatie"),
        description=_l("Waarom past deze deelnemer hier? De organisatie leest dit."),
        validators=[Length(max=2000)],
    )
    override_reason = TextAreaField(
        _l("Waarom stelt u deze plek toch voor?"),
        description=_l("Verplicht, omdat de plek volgens de regels niet past. Wordt vastgelegd."),
        validators=[Length(max=2000)],
    )
    submit = SubmitField(_l("Voorstellen"))


class CohortSelectForm(BrowserForm):
    participants = SelectMultipleField(
        _l("Deelnemers"),
        coerce=int,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validate_choice=False,  # the service keeps only the own caseload
    )
    submit = SubmitField(_l("Koppel deze groep"))


class SendCohortForm(BrowserForm):
    message = TextAreaField(
        _l("Bericht aan de organisaties"),
        description=_l("Gaat mee met ieder voorstel."),
        validators=[Length(max=2000)],
    )
    submit = SubmitField(_l("Verstuur als voorstellen"))


def cohort_choices(formdata: Mapping[str, str], run: CohortAllocation) -> dict[int, int | None]:
    """Per participant of the run the vacancy chosen in the form ('' is none)."""
    chosen: dict[int, int | None] = {}
    for row in run.rows:
        value = formdata.get(f"keuze-{row['participant_id']}", "")
        chosen[row["participant_id"]] = int(value) if value.isdigit() else None
    return chosen
