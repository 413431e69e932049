"""Reading list parameters from the query string without ever failing."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TypeVar

from flask import request

E = TypeVar("E", bound=StrEnum)


def page_arg() -> int:
    """The `page` query parameter; anything odd means page 1."""
    value = request.args.get("page", "1")
    return int(value) if value.isdigit() and 0 < int(value) < 100_000 else 1


def enum_arg(name: str, enum_cls: type[E]) -> E | None:
    """A query parameter as an enum member, or None when missing or unknown."""
    try:
        return enum_cls(request.args.get(name, ""))
    except ValueError:
        return None


def text_arg(name: str, max_length: int = 100) -> str:
    return request.args.get(name, "").strip()[:max_length]


def date_arg(name: str) -> date | None:
    """A query parameter as a date (YYYY-MM-DD, what <input type=date> sends), or None."""
    try:
        return date.fromisoformat(request.args.get(name, "")[:10])
    except ValueError:
        return None


def sort_arg(allowed: tuple[str, ...]) -> tuple[str, bool]:
    """The `sorteer` query parameter: a column key, '-' in front for descending; an
    unknown key means the list's first (its usual order)."""
    value = request.args.get("sorteer", "")
    descending = value.startswith("-")
    key = value.lstrip("-")
    return (key, descending) if key in allowed else (allowed[0], False)
