"""Dates as people read them, in the current language (templates, mail and summaries).

Below the services and the templates alike, so a service that writes a date into a
text never has to import the template layer.
"""

from __future__ import annotations

from datetime import date, datetime

from flask_babel import format_date, format_datetime


def dutch_date(value: date | datetime | None) -> str:
    """A long date in the user's language: '12 augustus 2026' or '12 August 2026'."""
    if value is None:
        return "—"
    return format_date(value, "d MMMM y")


def dutch_datetime(value: datetime | None) -> str:
    if value is None:
        return "—"
    return format_datetime(value, "d MMMM y HH:mm")
