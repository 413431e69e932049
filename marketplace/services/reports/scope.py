"""Whose figures a reader sees: one municipality of her scope, or all of them together.

A policy officer works for one or more municipalities (services/platform/access.py).
She may look at each of them, and at their totals together (the region's figures)
only when every one of them passes the suppression rule on its own (none under 5,
though none at all is fine: an empty set reveals nobody): a total over
Wijchen and Nijmegen minus Nijmegen's published figures would otherwise give away
Wijchen's small numbers. The administrator sees every participant.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from flask_babel import gettext
from sqlalchemy import func, select

from marketplace.domain.disclosure import cell
from marketplace.errors import AccessRefused, DomainError
from marketplace.extensions import db
from marketplace.models import Municipality, Participant, Region, User
from marketplace.services.platform import access
from marketplace.services.reports.monitoring import Filters, in_scope


class TotalsWithheld(DomainError):
    """The totals over several municipalities would reveal one's small numbers."""


@dataclass(frozen=True)
class ReportScope:
    """The filters narrowed to the reader's municipalities."""

    filters: Filters


def _label(municipalities: list[Municipality]) -> str:
    """The region's name when the municipalities are a whole region, else their names."""
    regions = {m.region_id for m in municipalities}
    if len(regions) == 1:
        region = db.session.get(Region, regions.pop())
        if region is not None and len(region.municipalities) == len(municipalities):
            return region.name
    return ", ".join(m.name for m in municipalities)


def participants_per_municipality(filters: Filters, ids: tuple[int, ...]) -> dict[int, int]:
    """Participants in scope per municipality (before protection), for the totals rule."""
    rows = db.session.execute(
        select(Participant.municipality_id, func.count())
        .where(in_scope(replace(filters, municipality_ids=ids)))
        .group_by(Participant.municipality_id)).all()
    return {municipality_id: number for municipality_id, number in rows
            if municipality_id is not None}


def _check_totals(filters: Filters, municipalities: list[Municipality]) -> None:
    counts = participants_per_municipality(filters, tuple(m.id for m in municipalities))
    # A municipality without participants passes: an empty set reveals nobody.
    small = [m.name for m in municipalities
             if counts.get(m.id, 0) and cell(counts[m.id]).suppressed]
    if small:
        raise TotalsWithheld(gettext(
            "De totalen van al uw gemeenten samen zijn niet te zien: in %(names)s zijn te "
            "weinig deelnemers, en uit de totalen zou dat aantal terug te rekenen zijn. "
            "Kies één gemeente.", names=", ".join(small)), field="gemeente")


def report_scope(user: User, filters: Filters, chosen: str) -> ReportScope:
    """`filters` for `chosen` (a municipality's name; empty: all of the reader's).
    Another municipality is not found (404); totals that would reveal a small
    municipality raise TotalsWithheld."""
    visible = access.municipalities_visible_to(user)
    if chosen:
        municipality = next((m for m in visible if m.name == chosen), None)
        if municipality is None:
            raise AccessRefused.not_found()
        return ReportScope(replace(filters, municipality=municipality.name,
                                   municipality_ids=(municipality.id,)))
    if access.municipalities_of(user) is None:  # the administrator: every participant
        return ReportScope(replace(filters, municipality="", municipality_ids=None))
    if len(visible) > 1:
        _check_totals(filters, visible)
    return ReportScope(replace(filters, municipality=_label(visible),
                               municipality_ids=tuple(m.id for m in visible)))
