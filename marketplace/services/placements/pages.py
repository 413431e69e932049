"""What the placement pages show, per viewer: the inbox and one placement's page.

Organisation members, volunteer-centre staff and employers with a link get the
participant only through `services.placements.sharing.shared_view` (first name, Dutch level per
skill, availability, the coach's message, the coach's contact). The views get view
objects without the Participant row, so a template cannot show more by accident.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import gettext
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from marketplace.domain.placements import (
    FINAL_STATES,
    OUTSIDE_DAYPARTS,
    PlacementAction,
    PlacementRole,
    PlacementState,
    available_actions,
    full_vacancy_refusal,
    outside_free_dayparts,
    planned_end,
)
from marketplace.domain.vocabulary import DAY_LABELS, PART_LABELS, Role
from marketplace.extensions import db
from marketplace.models import (
    CheckIn,
    Organisation,
    Participant,
    Placement,
    PlacementEvent,
    User,
    Vacancy,
)
from marketplace.services.placements.checkins import (
    checkins_of,
    due_for_organisation,
    may_record,
)
from marketplace.services.placements.links import default_link_address
from marketplace.services.placements.sharing import SharedProposal, shared_first_name, shared_view
from marketplace.services.platform import access
from marketplace.services.platform.access import role_of
from marketplace.services.platform.notifications import mark_read_for_link
from marketplace.services.platform.site import site_path

INBOX_ORDER = [
    PlacementState.PROPOSED,
    PlacementState.ACCEPTED,
    PlacementState.KENNISMAKING,
    PlacementState.PROEFPERIODE,
    PlacementState.PLACED,
    PlacementState.NOT_CONTINUED,
    PlacementState.ENDED,
    PlacementState.DECLINED,
    PlacementState.WITHDRAWN,
]


@dataclass(frozen=True)
class InboxRow:
    placement_id: int
    state: PlacementState
    name: str  # first name for the organisation side, the coach's display name otherwise
    vacancy_title: str
    organisation_name: str
    updated_at: datetime
    kennismaking_at: datetime | None
    proefperiode_start: date | None


def _scope(user: User) -> Select[Placement] | None:
    query = select(Placement).join(Vacancy, Placement.vacancy_id == Vacancy.id)
    if user.role == Role.COACH:
        return query.join(Participant, Placement.participant_id == Participant.id).where(
            access.caseload_of(user))
    if user.organisation_id is None:
        return None
    if user.role == Role.ORGANISATION:
        return query.where(Vacancy.organisation_id == user.organisation_id)
    if user.role == Role.CENTRALE:
        return query.join(Organisation, Vacancy.organisation_id == Organisation.id).where(
            Organisation.managed_by_id == user.organisation_id)
    return None


def inbox(user: User) -> dict[PlacementState, list[InboxRow]]:
    """The user's placements grouped by state, in the order of the process."""
    query = _scope(user)
    if query is None:
        return {}
    placements = db.session.scalars(
        query.options(selectinload(Placement.participant),
                      selectinload(Placement.vacancy).selectinload(Vacancy.organisation))
        .order_by(Placement.updated_at.desc(), Placement.id.desc())
    )
    groups: dict[PlacementState, list[InboxRow]] = {state: [] for state in INBOX_ORDER}
    coach = user.role == Role.COACH
    for p in placements:
        groups[p.state].append(_row(p, coach=coach))
    return {state: rows for state, rows in groups.items() if rows}


@dataclass(frozen=True)
class WaitingGroup:
    """One kind of work waiting for the organisation, with its rows."""

    key: str  # proposals, kennismaking, proefperiode, checkins
    rows: list[InboxRow]


# What waits for an organisation, per state: the step that is theirs to take.
WAITING_STATES = {
    "proposals": PlacementState.PROPOSED,  # accept or decline
    "kennismaking": PlacementState.ACCEPTED,  # plan the kennismaking
    "proefperiode": PlacementState.KENNISMAKING,  # confirm the start
    "placed": PlacementState.PROEFPERIODE,  # confirm 'geplaatst' or stop
}


def organisation_waiting(user: User) -> list[WaitingGroup]:
    """The organisation's inbox on its start page: new proposals, kennismakingen to plan,
    proefperiodes to confirm and check-ins due, each with its rows (and so its count)."""
    if user.organisation_id is None:
        return []
    groups = inbox(user)
    waiting = [WaitingGroup(key, groups.get(state, [])) for key, state in WAITING_STATES.items()]
    due = due_for_organisation(user.organisation_id)
    rows = [_row(item.placement, coach=False) for item in due]
    waiting.append(WaitingGroup("checkins", rows))
    return waiting


def _row(p: Placement, *, coach: bool) -> InboxRow:
    return InboxRow(
        placement_id=p.id, state=p.state,
        name=p.participant.display_name if coach else shared_first_name(p.participant),
        vacancy_title=p.vacancy.title, organisation_name=p.vacancy.organisation.name,
        updated_at=p.updated_at, kennismaking_at=p.kennismaking_at,
        proefperiode_start=p.proefperiode_start,
    )


def opened(placement: Placement, user: User) -> None:
    """The user opened the placement's page: its notifications count as read."""
    mark_read_for_link(user, site_path("placements.detail", placement_id=placement.id))


@dataclass(frozen=True)
class EventView:
    at: datetime
    from_state: PlacementState | None
    to_state: PlacementState
    actor_name: str
    actor_role: str | None
    note: str


@dataclass(frozen=True)
class PlacementFacts:
    """The placement itself (no participant data): for every viewer."""

    id: int
    state: PlacementState
    vacancy_id: int
    vacancy_title: str
    vacancy_type: str
    organisation_name: str
    capacity: int
    filled: int
    kennismaking_at: datetime | None
    kennismaking_place: str | None
    coach_attends: bool | None
    proefperiode_start: date | None
    proefperiode_end: date | None
    agreement: str | None
    decline_reason: str | None
    not_continued_reason: str | None
    outcome: str | None
    ended_on: date | None
    final: bool
    proefperiode_weeks: int | None = None


@dataclass(frozen=True)
class PlacementPage:
    facts: PlacementFacts
    role: PlacementRole | None
    shared: SharedProposal
    participant: Participant | None  # the coach's (and admin's) view only
    events: list[EventView]
    actions: list[PlacementAction]
    checkins: list[CheckIn] = field(default_factory=list)
    recordable: set[str] = field(default_factory=set)  # check-in kinds this viewer may fill
    link_address: str = ""
    # Issue 17: what the forms need beyond the state machine.
    warning: str | None = None  # the kennismaking falls outside the free day parts
    blocked: dict[str, str] = field(default_factory=dict)  # action -> why it cannot be done
    defaults: dict[str, dict[str, object]] = field(default_factory=dict)  # pre-filled fields


def _warning(placement: Placement, shared: SharedProposal) -> str | None:
    """A warning, never a refusal, when the kennismaking is outside the free day parts
    (unknown when the participant stopped sharing: then nothing is said)."""
    moment = placement.kennismaking_at
    if moment is None or placement.state != PlacementState.KENNISMAKING \
            or not shared.available:
        return None
    daypart = outside_free_dayparts(moment, shared.available)
    return gettext(OUTSIDE_DAYPARTS, daypart=_daypart_text(daypart)) if daypart else None


def _daypart_text(daypart: str) -> str:
    day, part = daypart.split("_")
    return gettext(DAY_LABELS[day]) + gettext(PART_LABELS[part])


def _blocked(placement: Placement, actions: list[PlacementAction]) -> dict[str, str]:
    blocked = {}
    for action in actions:
        refusal = full_vacancy_refusal(action, placement.vacancy.filled,
                                       placement.vacancy.capacity)
        if refusal is not None:
            blocked[action.value] = gettext(refusal.message, **refusal.params)
    return blocked


def _defaults(placement: Placement) -> dict[str, dict[str, object]]:
    """The proefperiode's dates pre-filled: from the kennismaking's day (or today) for
    the vacancy's number of weeks."""
    kennismaking = placement.kennismaking_at.date() if placement.kennismaking_at else None
    start = max(kennismaking or date.today(), date.today())
    return {PlacementAction.START_PROEFPERIODE.value: {
        "proefperiode_start": start,
        "proefperiode_end": planned_end(start, placement.vacancy.proefperiode_weeks),
    }}


def facts(placement: Placement) -> PlacementFacts:
    vacancy = placement.vacancy
    return PlacementFacts(
        id=placement.id, state=placement.state, vacancy_id=vacancy.id,
        vacancy_title=vacancy.title, vacancy_type=vacancy.type.value,
        organisation_name=vacancy.organisation.name, capacity=vacancy.capacity,
        filled=vacancy.filled, kennismaking_at=placement.kennismaking_at,
        kennismaking_place=placement.kennismaking_place,
        coach_attends=placement.coach_attends, proefperiode_start=placement.proefperiode_start,
        proefperiode_end=placement.proefperiode_end, agreement=placement.agreement,
        decline_reason=placement.decline_reason, not_continued_reason=(
            placement.not_continued_reason),
        outcome=placement.outcome, ended_on=placement.ended_on,
        final=placement.state in FINAL_STATES, proefperiode_weeks=vacancy.proefperiode_weeks,
    )


def events(placement: Placement, *, full: bool) -> list[EventView]:
    """The timeline; the organisation side does not see the proposal's internal note
    (it may hold the coach's reason to propose despite an exclusion)."""
    rows = db.session.scalars(
        select(PlacementEvent).where(PlacementEvent.placement_id == placement.id)
        .options(selectinload(PlacementEvent.actor))
        .order_by(PlacementEvent.at, PlacementEvent.id)
    )
    return [
        EventView(
            at=e.at, from_state=e.from_state, to_state=e.to_state,
            actor_name=e.actor.name if e.actor else "", actor_role=e.actor_role,
            note=e.note if (full or e.from_state is not None) else "",
        )
        for e in rows
    ]


def placement_page(placement: Placement, user: User) -> PlacementPage:
    role = role_of(user, placement)
    coach_side = role == PlacementRole.COACH or (role is None and user.role == Role.ADMIN)
    checkins = checkins_of(placement)
    shared = shared_view(placement)
    actions = available_actions(placement.state, role)
    return PlacementPage(
        facts=facts(placement),
        role=role,
        shared=shared,
        participant=placement.participant if coach_side else None,
        events=events(placement, full=coach_side),
        actions=actions,
        checkins=checkins,
        recordable={c.kind.value for c in checkins
                    if c.done_at is None and may_record(role, c.kind)},
        link_address=default_link_address(placement) if role == PlacementRole.COACH else "",
        warning=_warning(placement, shared), blocked=_blocked(placement, actions),
        defaults=_defaults(placement),
    )


def link_page(placement: Placement) -> PlacementPage:
    """What the employer sees through a link: this placement's shared fields only."""
    shared = shared_view(placement)
    actions = available_actions(placement.state, PlacementRole.LINK)
    return PlacementPage(
        facts=facts(placement), role=PlacementRole.LINK, shared=shared,
        participant=None, events=events(placement, full=False), actions=actions,
        warning=_warning(placement, shared), blocked=_blocked(placement, actions),
        defaults=_defaults(placement),
    )
