"""Column helpers shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Dialect, Enum, TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


def enum_type(enum_cls: type[StrEnum], name: str | None = None) -> Enum:
    """Store a StrEnum by value as a checked string, the same on SQLite and PostgreSQL.

    `name` names the check constraint; two columns of one enum in one table need two.
    """
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
        name=name or enum_cls.__name__.lower(),
    )


class NaiveTimestamp(ValueError):
    """A timestamp without a time zone: whether it meant UTC or local time is unknowable."""


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in time, stored in UTC and always read back as an aware UTC datetime.

    PostgreSQL keeps the zone (timestamptz), SQLite stores the text without it and hands
    back naive values; this type makes both behave like PostgreSQL, so no caller has to
    patch the zone back on. A naive value is refused rather than guessed: the only naive
    datetime in the schema is the kennismaking's local wall-clock time, and mixing that
    up with a stored moment would shift it by an hour or two without anyone noticing.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise NaiveTimestamp(f"timestamp without time zone: {value!r}")
        # SQLite writes the wall-clock fields only, so anything but UTC would be misread.
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:  # SQLite: what was written is UTC (see above)
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def timestamp() -> Any:
    """The column type of every stored moment (created, sent, expires, ...)."""
    return UtcDateTime()
