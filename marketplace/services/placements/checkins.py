"""Check-ins of running placements: first-day feedback from both sides, the tussenmeting
after about two months, the 15-week evaluation of a werkervaringsplaats.

They are planned when the proefperiode starts (`services.placements.placements`). This module
records them, lists what is due for a coach, and sends one reminder per check-in
(`flask checkins notify`, daily from cron), through the outbox and in the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from flask_babel import force_locale, gettext
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from marketplace.domain.placements import (
    CHECKIN_LABELS,
    CHECKIN_RULES,
    OCCUPYING_STATES,
    CheckInKind,
    PlacementRole,
    PlacementState,
    Urgency,
    checkin_urgency,
)
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import CheckIn, Participant, Placement, User, Vacancy
from marketplace.services.placements.announcements import organisation_addresses
from marketplace.services.placements.links import issue_outcome_link
from marketplace.services.placements.sharing import shared_first_name
from marketplace.services.platform import access
from marketplace.services.platform.access import role_of
from marketplace.services.platform.notifications import notify
from marketplace.services.platform.outbox import enqueue_template
from marketplace.services.platform.site import in_dutch_without_request, site_path, site_url
from marketplace.services.platform.transaction import transaction

FEEDBACK_MAX = 4000
# The outcome link for employers without an account goes out this long before the end.
OUTCOME_LINK_DAYS_BEFORE_END = 7


def checkins_of(placement: Placement) -> list[CheckIn]:
    return list(db.session.scalars(
        select(CheckIn).where(CheckIn.placement_id == placement.id)
        .options(selectinload(CheckIn.done_by)).order_by(CheckIn.due_on, CheckIn.id)
    ))


def may_record(role: PlacementRole | None, kind: CheckInKind) -> bool:
    return role is not None and role in CHECKIN_RULES[kind].roles


def record(placement_id: int, kind: CheckInKind | str, actor: User, feedback: str) -> CheckIn:
    """Save the feedback of one check-in; DomainError when it is not the actor's to give."""
    with transaction(), in_dutch_without_request():
        checkin = _record(placement_id, CheckInKind(kind), actor, feedback)
    return checkin


def _record(placement_id: int, kind: CheckInKind, actor: User, feedback: str) -> CheckIn:
    placement = db.session.get(Placement, placement_id)
    role = role_of(actor, placement) if placement else None
    if placement is None or not may_record(role, kind):
        raise DomainError(gettext("U kunt deze terugkoppeling niet invullen."))
    if placement.state not in OCCUPYING_STATES:
        raise DomainError(gettext("Deze plaatsing loopt niet meer."))
    feedback = feedback.strip()[:FEEDBACK_MAX]
    if not feedback:
        raise DomainError(gettext("Schrijf kort op hoe het ging."), field="feedback")
    checkin = db.session.scalar(select(CheckIn).where(
        CheckIn.placement_id == placement.id, CheckIn.kind == kind).with_for_update())
    if checkin is None:
        raise DomainError(gettext("Deze terugkoppeling hoort niet bij deze plaatsing."))
    if checkin.done_at is not None:
        raise DomainError(gettext("Deze terugkoppeling is al ingevuld."))
    checkin.done_at = datetime.now(UTC)
    checkin.done_by_id = actor.id
    checkin.done_by_role = role.value if role else None
    checkin.feedback = feedback
    return checkin


@dataclass(frozen=True)
class DueCheckIn:
    checkin: CheckIn
    placement: Placement
    urgency: Urgency

    @property
    def label(self) -> str:
        return CHECKIN_LABELS[self.checkin.kind]


def _open_checkins(today: date, coach: User | None = None,
                   organisation_id: int | None = None) -> list[DueCheckIn]:
    horizon = today + timedelta(days=max(r.show_days_before for r in CHECKIN_RULES.values()))
    query = (
        select(CheckIn).join(Placement, CheckIn.placement_id == Placement.id)
        .where(CheckIn.done_at.is_(None), CheckIn.due_on <= horizon,
               Placement.state.in_(OCCUPYING_STATES))
        .options(selectinload(CheckIn.placement).selectinload(Placement.participant),
                 selectinload(CheckIn.placement).selectinload(Placement.vacancy)
                 .selectinload(Vacancy.organisation))
        .order_by(CheckIn.due_on, CheckIn.id)
    )
    if coach is not None:
        query = query.join(Participant, Placement.participant_id == Participant.id).where(
            access.caseload_of(coach))
    if organisation_id is not None:
        query = query.join(Vacancy, Placement.vacancy_id == Vacancy.id).where(
            Vacancy.organisation_id == organisation_id,
            CheckIn.kind.in_([kind for kind, rule in CHECKIN_RULES.items()
                              if PlacementRole.ORGANISATION in rule.roles]))
    found = []
    for checkin in db.session.scalars(query):
        urgency = checkin_urgency(checkin.kind, checkin.due_on, today)
        if urgency != Urgency.LATER:
            found.append(DueCheckIn(checkin, checkin.placement, urgency))
    return found


def due_for_coach(coach: User, today: date | None = None) -> list[DueCheckIn]:
    """Check-ins of the coach's placements that are due or overdue, earliest first."""
    return _open_checkins(today or date.today(), coach)


def due_for_organisation(organisation_id: int, today: date | None = None) -> list[DueCheckIn]:
    """Check-ins the organisation fills in that are due or overdue, earliest first."""
    return _open_checkins(today or date.today(), organisation_id=organisation_id)


def _remind(item: DueCheckIn) -> None:
    placement, checkin = item.placement, item.checkin
    text = gettext(
        "%(what)s voor %(name)s bij %(org)s: %(when)s.",
        what=gettext(CHECKIN_LABELS[checkin.kind]), name=shared_first_name(placement.participant),
        org=placement.vacancy.organisation.name,
        when=(gettext("te laat, was nodig op %(d)s", d=checkin.due_on.isoformat())
              if item.urgency == Urgency.OVERDUE
              else gettext("nodig op %(d)s", d=checkin.due_on.isoformat())),
    )
    path = site_path("placements.detail", placement_id=placement.id)
    url = site_url("placements.detail", placement_id=placement.id)
    coach = placement.participant.coach
    about = placement.participant
    notify([coach], text, path, about=about)
    enqueue_template([coach.email], gettext("Herinnering: %(what)s",
                                            what=gettext(CHECKIN_LABELS[checkin.kind])),
                     "placements/mail/reminder.txt", about=about, text=text, url=url)
    if checkin.kind == CheckInKind.FIRST_DAY_ORGANISATION:
        enqueue_template(organisation_addresses(placement),
                         gettext("Hoe ging de eerste dag van %(name)s?",
                                 name=shared_first_name(placement.participant)),
                         "placements/mail/reminder.txt", about=about, text=text, url=url)
    checkin.reminded_at = datetime.now(UTC)


def _outcome_links(today: date) -> int:
    placements = db.session.scalars(select(Placement).where(
        Placement.state == PlacementState.PROEFPERIODE,
        Placement.proefperiode_end <= today + timedelta(days=OUTCOME_LINK_DAYS_BEFORE_END),
    ))
    return sum(issue_outcome_link(placement) for placement in placements)


@dataclass(frozen=True)
class ReminderReport:
    reminders: int
    outcome_links: int


def send_reminders(today: date | None = None) -> ReminderReport:
    """One reminder per due or overdue check-in (and outcome links); all in one commit."""
    today = today or date.today()
    count = 0
    with force_locale("nl"):
        for item in _open_checkins(today):
            if item.checkin.reminded_at is None:
                _remind(item)
                count += 1
        links = _outcome_links(today)
    db.session.commit()
    return ReminderReport(count, links)
