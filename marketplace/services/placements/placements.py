"""A placement's life after the proposal: transitions and capacity.

`transition` does one step in ONE transaction: lock the placement row, ask the state
machine (`marketplace.domain.placements`), move the state with a conditional UPDATE
(so two clicks at once cannot both pass, also on SQLite, which has no row locks),
take or free a place on the vacancy with an atomic conditional UPDATE, store the
step's data, record a PlacementEvent (who, when, from, to, note), plan the check-ins,
and tell the other side (`announcements`; a signed link from `links` for employers
without an account).

Capacity: `Vacancy.filled` is the number of places taken. It may include places
filled outside Koppelkans (set by hand or by an import); Koppelkans adds one when a
proefperiode starts and takes one off when an occupying placement stops. The
increment is `UPDATE vacancy SET filled = filled + 1 WHERE id = :id AND filled <
capacity`; only a row count of 1 lets the step go on, so concurrent confirmations for
the last place cannot overbook it. The CHECK constraint `filled <= capacity` is the
last guard.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask_babel import force_locale, gettext
from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from marketplace.domain.placements import (
    DeclineReason,
    EndOutcome,
    IllegalTransition,
    NotContinuedReason,
    PlacementAction,
    PlacementRole,
    PlacementState,
    check_data,
    frees_a_place,
    full_vacancy_refusal,
    planned_checkins,
    takes_a_place,
)
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import CheckIn, ConfirmationLink, Placement, PlacementEvent, User, Vacancy
from marketplace.services.placements.announcements import summary
from marketplace.services.placements.calendar import kennismaking_ics
from marketplace.services.placements.links import (
    LinkRefused,
    check_link,
    find_link,
    tell_and_link,
)
from marketplace.services.placements.locks import locked
from marketplace.services.platform.access import role_of
from marketplace.services.platform.site import in_dutch_without_request
from marketplace.services.platform.transaction import transaction

NOTE_MAX = 2000
# The kennismaking is a wall-clock appointment in the region's time zone.
LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


def local_now() -> datetime:
    """Now as a naive wall-clock moment in the Netherlands, comparable to kennismaking_at."""
    return datetime.now(LOCAL_ZONE).replace(tzinfo=None)


# --------------------------------------------------------------------------- transitions


def _domain_error(error: IllegalTransition) -> DomainError:
    params = {name: gettext(value) for name, value in error.params.items()}
    return DomainError(gettext(error.message, **params), field=error.field)


def _move_state(placement: Placement, source: PlacementState, target: PlacementState) -> None:
    moved = db.session.execute(
        update(Placement.__table__)
        .where(Placement.__table__.c.id == placement.id,
               Placement.__table__.c.state == source.value)
        .values(state=target.value, updated_at=datetime.now(UTC))
    )
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        raise DomainError(gettext(
            "Deze plaatsing is net door iemand anders gewijzigd. Bekijk de nieuwe stand "
            "en probeer het zo nodig opnieuw."
        ))
    set_committed_value(placement, "state", target)


def _take_place(placement: Placement) -> None:
    table = Vacancy.__table__
    taken = db.session.execute(
        update(table)
        .where(table.c.id == placement.vacancy_id, table.c.filled < table.c.capacity)
        .values(filled=table.c.filled + 1, updated_at=datetime.now(UTC))
    )
    db.session.expire(placement.vacancy, ["filled", "updated_at"])
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        raise DomainError(gettext(
            "Er is geen plek meer vrij bij ‘%(title)s’: alle plekken zijn bezet. De "
            "proefperiode kan niet starten. Overleg met de coach over een andere plek of "
            "een latere start.", title=placement.vacancy.title,
        ))


def _free_place(placement: Placement) -> None:
    table = Vacancy.__table__
    db.session.execute(
        update(table)
        .where(table.c.id == placement.vacancy_id, table.c.filled > 0)
        .values(filled=table.c.filled - 1, updated_at=datetime.now(UTC))
    )
    db.session.expire(placement.vacancy, ["filled", "updated_at"])


def _enum(kind: Any, value: Any, field: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise DomainError(gettext("Kies een van de mogelijkheden."), field=field) from None


def _store(placement: Placement, action: PlacementAction, data: Mapping[str, Any]) -> None:
    if action == PlacementAction.DECLINE:
        placement.decline_reason = _enum(DeclineReason, data["reason"], "reason")
    elif action == PlacementAction.PLAN_KENNISMAKING:
        placement.kennismaking_at = data["kennismaking_at"]
        placement.kennismaking_place = str(data["kennismaking_place"]).strip()[:200]
        placement.coach_attends = bool(data.get("coach_attends"))
    elif action == PlacementAction.START_PROEFPERIODE:
        placement.proefperiode_start = data["proefperiode_start"]
        placement.proefperiode_end = data["proefperiode_end"]
        for kind, due_on in planned_checkins(placement.vacancy.type,
                                             data["proefperiode_start"]).items():
            db.session.add(CheckIn(placement_id=placement.id, kind=kind, due_on=due_on))
    elif action == PlacementAction.PLACE:
        placement.agreement = str(data["agreement"]).strip()[:NOTE_MAX]
    elif action == PlacementAction.NOT_CONTINUE:
        placement.not_continued_reason = _enum(NotContinuedReason, data["reason"], "reason")
    elif action == PlacementAction.END:
        placement.outcome = _enum(EndOutcome, data["outcome"], "outcome")
        placement.ended_on = data["ended_on"]


def _apply(
    placement: Placement,
    action: PlacementAction,
    role: PlacementRole,
    actor: User | None,
    data: Mapping[str, Any],
) -> None:
    """The whole step in the current transaction (the caller commits or rolls back)."""
    source = placement.state
    try:
        target = check_data(source, action, role, data, placement.proefperiode_start,
                            now=local_now())
        full = full_vacancy_refusal(action, placement.vacancy.filled,
                                    placement.vacancy.capacity)
        if full is not None:
            raise full
    except IllegalTransition as error:
        raise _domain_error(error) from None
    _move_state(placement, source, target)
    if takes_a_place(source, target):
        _take_place(placement)
    elif frees_a_place(source, target):
        _free_place(placement)
    _store(placement, action, data)
    with force_locale("nl"):
        text = summary(placement, action)
        note = str(data.get("note") or "").strip()[:NOTE_MAX]
        db.session.add(PlacementEvent(
            placement_id=placement.id, from_state=source, to_state=target,
            actor_id=actor.id if actor else None, actor_role=role.value,
            note="\n".join(part for part in (text, note) if part),
        ))
        calendar = (kennismaking_ics(placement)
                    if action == PlacementAction.PLAN_KENNISMAKING else None)
        tell_and_link(placement, role, text, note, actor, calendar)


def transition(
    placement_id: int, action: PlacementAction | str, actor: User, data: Mapping[str, Any]
) -> Placement:
    """Do one step of the placement's life as `actor`; DomainError (nothing saved) if refused."""
    with transaction(), in_dutch_without_request():
        placement = locked(placement_id)
        role = role_of(actor, placement)
        if role is None:
            raise DomainError(gettext("U mag deze stap niet zetten bij deze plaatsing."))
        _apply(placement, _enum(PlacementAction, action, "action"), role, actor, data)
    return placement


def system_transition(placement_id: int, action: PlacementAction, data: Mapping[str, Any]
                      ) -> Placement:
    """A step taken by the application itself (role SYSTEM), e.g. from a command."""
    with transaction(), force_locale("nl"):
        placement = locked(placement_id)
        _apply(placement, action, PlacementRole.SYSTEM, None, data)
    return placement


def confirm_by_link(
    placement_id: int, token: str, action: PlacementAction | str, data: Mapping[str, Any]
) -> Placement:
    """The employer's step through the link; the link is spent in the same transaction."""
    with transaction(), in_dutch_without_request():
        placement = _confirm_by_link(placement_id, token, action, data)
    return placement


def _confirm_by_link(
    placement_id: int, token: str, action: PlacementAction | str, data: Mapping[str, Any]
) -> Placement:
    link = find_link(placement_id, token)
    placement = locked(placement_id)
    check_link(link, placement)
    spent = db.session.execute(
        update(ConfirmationLink.__table__)
        .where(ConfirmationLink.__table__.c.id == link.id,
               ConfirmationLink.__table__.c.used_at.is_(None))
        .values(used_at=datetime.now(UTC))
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        raise LinkRefused(gettext("Deze link is al gebruikt. Een link werkt maar één keer."),
                          gone=True)
    _apply(placement, _enum(PlacementAction, action, "action"), PlacementRole.LINK, None,
           data)
    return placement
