"""Column helpers shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Enum


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


def timestamp() -> Any:
    return DateTime(timezone=True)
