"""Telling the other side of a placement step: headlines, summaries, mail and notifications.

Who hears what: the coach hears of every step the organisation side takes; the
organisation's members (or, without accounts, the vacancy's contact address) hear of
the steps of the coach, the volunteer centre and Koppelkans itself. The participant
appears only as `shared_first_name`, so a withdrawn consent shows in every new text.
Every notification and mail is tied to the participant, so erasure can find it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import format_datetime, gettext
from sqlalchemy import select

from marketplace.domain.placements import (
    DECLINE_REASON_LABELS,
    NOT_CONTINUED_LABELS,
    OUTCOME_LABELS,
    PlacementAction,
    PlacementRole,
    PlacementState,
)
from marketplace.domain.vocabulary import Role
from marketplace.extensions import db
from marketplace.models import Placement, User
from marketplace.services.placements.sharing import shared_first_name
from marketplace.services.platform.dates import dutch_date
from marketplace.services.platform.notifications import notify
from marketplace.services.platform.outbox import enqueue_template
from marketplace.services.platform.site import site_path, site_url

HEADLINES = {
    PlacementState.PROPOSED: "Nieuw voorstel van een coach: %(name)s voor %(title)s.",
    PlacementState.ACCEPTED: "%(org)s heeft het voorstel voor %(name)s geaccepteerd (%(title)s).",
    PlacementState.DECLINED: "%(org)s heeft het voorstel voor %(name)s afgewezen (%(title)s).",
    PlacementState.KENNISMAKING: "De kennismaking van %(name)s bij %(org)s is gepland "
                                 "(%(title)s).",
    PlacementState.PROEFPERIODE: "De proefperiode van %(name)s bij %(org)s is bevestigd "
                                 "(%(title)s).",
    PlacementState.PLACED: "%(name)s is geplaatst bij %(org)s (%(title)s).",
    PlacementState.NOT_CONTINUED: "De proefperiode van %(name)s bij %(org)s gaat niet verder "
                                  "(%(title)s).",
    PlacementState.ENDED: "De plaatsing van %(name)s bij %(org)s is beëindigd (%(title)s).",
    PlacementState.WITHDRAWN: "Het voorstel voor %(name)s bij %(org)s is ingetrokken "
                              "(%(title)s).",
}


def organisation_members(organisation_id: int) -> list[User]:
    return list(db.session.scalars(
        select(User).where(User.organisation_id == organisation_id,
                           User.role == Role.ORGANISATION, User.active.is_(True))
    ))


def organisation_addresses(placement: Placement) -> list[str]:
    """Where mail for the organisation goes: its members, else the vacancy's contact."""
    members = organisation_members(placement.vacancy.organisation_id)
    if members:
        return [member.email for member in members]
    fallback = placement.vacancy.contact_email or placement.vacancy.organisation.email
    return [fallback] if fallback else []


def summary(placement: Placement, action: PlacementAction) -> str:
    """One line for the timeline and the mail, in Dutch."""
    if action == PlacementAction.DECLINE and placement.decline_reason:
        return gettext("Reden: %(r)s", r=gettext(DECLINE_REASON_LABELS[placement.decline_reason]))
    if action == PlacementAction.PLAN_KENNISMAKING and placement.kennismaking_at:
        text = gettext("Kennismaking op %(when)s in %(place)s.",
                       when=format_datetime(placement.kennismaking_at, "d MMMM y 'om' HH:mm"),
                       place=placement.kennismaking_place)
        return text + " " + (gettext("De coach gaat mee.") if placement.coach_attends
                             else gettext("De coach gaat niet mee."))
    if action == PlacementAction.START_PROEFPERIODE and placement.proefperiode_start:
        return gettext("Proefperiode van %(start)s tot ongeveer %(end)s.",
                       start=dutch_date(placement.proefperiode_start),
                       end=dutch_date(placement.proefperiode_end))
    if action == PlacementAction.PLACE:
        return gettext("Afspraak: %(a)s", a=placement.agreement)
    if action == PlacementAction.NOT_CONTINUE and placement.not_continued_reason:
        return gettext("Reden: %(r)s",
                       r=gettext(NOT_CONTINUED_LABELS[placement.not_continued_reason]))
    if action == PlacementAction.END and placement.outcome:
        return gettext("Uitkomst: %(o)s, op %(d)s.", o=gettext(OUTCOME_LABELS[placement.outcome]),
                       d=dutch_date(placement.ended_on))
    return ""


@dataclass(frozen=True)
class StepNews:
    """What a step's mail tells: the headline, the step's summary and the note."""

    headline: str
    summary: str
    note: str


def step_news(placement: Placement, summary: str, note: str) -> StepNews:
    return StepNews(headline(placement), summary, note)


def headline(placement: Placement) -> str:
    return gettext(
        HEADLINES[placement.state], org=placement.vacancy.organisation.name,
        name=shared_first_name(placement.participant), title=placement.vacancy.title,
    )


def announce(placement: Placement, role: PlacementRole, summary: str, note: str, *,
             mail_organisation: bool = True, calendar: str | None = None) -> None:
    """In-app notifications and mail to the other side of this step.

    `mail_organisation=False` when the organisation's mail went out with its next link.
    `calendar`: a kennismaking's invitation (.ics); then both sides get the mail, the
    one who planned it too, so it lands in every calendar."""
    title = headline(placement)
    path = site_path("placements.detail", placement_id=placement.id)
    text = f"{title} {summary}".strip()
    context: dict[str, Any] = {"headline": title, "summary": summary, "note": note,
                               "url": site_url("placements.detail", placement_id=placement.id)}
    about = placement.participant
    to_coach = role != PlacementRole.COACH
    to_organisation = role in (PlacementRole.COACH, PlacementRole.CENTRALE, PlacementRole.SYSTEM)
    if to_coach:
        notify([about.coach], text, path, about=about)
    if to_organisation:
        notify(organisation_members(placement.vacancy.organisation_id), text, path, about=about)
    if to_coach or calendar:
        enqueue_template([about.coach.email], title, "placements/mail/transition.txt",
                         about=about, calendar=calendar, **context)
    if mail_organisation and (to_organisation or calendar):
        enqueue_template(organisation_addresses(placement), title,
                         "placements/mail/transition.txt", about=about, calendar=calendar,
                         **context)
