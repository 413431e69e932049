"""The kennismaking as a calendar invitation (.ics, RFC 5545) for coach and organisation.

One UID per placement and a SEQUENCE that grows with every re-planning, so a calendar
program moves the appointment instead of adding a second one. The kennismaking is a
wall-clock time in the Netherlands, so it carries TZID Europe/Amsterdam.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext
from icalendar import Calendar, Event, vCalAddress, vText
from sqlalchemy import func, select

from marketplace.domain.placements import PlacementState
from marketplace.extensions import db
from marketplace.models import Placement, PlacementEvent
from marketplace.services.placements.sharing import shared_first_name

KENNISMAKING_LENGTH = timedelta(hours=1)
ZONE = ZoneInfo("Europe/Amsterdam")


def _sequence(placement: Placement) -> int:
    """How often the kennismaking was planned before (0 the first time)."""
    planned = db.session.scalar(select(func.count()).where(
        PlacementEvent.placement_id == placement.id,
        PlacementEvent.to_state == PlacementState.KENNISMAKING))
    return max(int(planned or 0) - 1, 0)


def kennismaking_ics(placement: Placement) -> str:
    """The invitation for the planned kennismaking, as iCalendar text."""
    assert placement.kennismaking_at is not None, "only for a planned kennismaking"
    start = placement.kennismaking_at.replace(tzinfo=ZONE)
    coach = placement.participant.coach
    event = Event()
    event.add("uid", f"kennismaking-{placement.id}@koppelkans")
    event.add("sequence", _sequence(placement))
    event.add("dtstamp", datetime.now(UTC))
    event.add("dtstart", start)
    event.add("dtend", start + KENNISMAKING_LENGTH)
    event.add("summary", gettext("Kennismaking %(name)s bij %(org)s",
                                 name=shared_first_name(placement.participant),
                                 org=placement.vacancy.organisation.name))
    event.add("location", placement.kennismaking_place or "")
    event.add("description", gettext("Vacature: %(title)s. Coach: %(coach)s (%(email)s).",
                                     title=placement.vacancy.title, coach=coach.name,
                                     email=coach.email))
    organizer = vCalAddress(f"mailto:{coach.email}")
    organizer.params["cn"] = vText(coach.name)
    event["organizer"] = organizer
    calendar = Calendar()
    calendar.add("prodid", "-//Koppelkans//Kennismaking//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()
