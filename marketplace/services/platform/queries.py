"""Read-side helpers shared by the services: pagination."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select

from marketplace.extensions import db

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(ceil(self.total / self.per_page), 1)

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def paginate(statement: Select[Any], page: int, per_page: int, *, rows: bool = False) -> Page[Any]:
    """One page of `statement`; a page past the end gives the last page. Items are the
    first column's values, or whole rows with `rows=True`."""
    total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    total = total or 0
    last_page = max(ceil(total / per_page), 1)
    page = min(max(page, 1), last_page)
    limited = statement.limit(per_page).offset((page - 1) * per_page)
    items = list(db.session.execute(limited).all() if rows else db.session.scalars(limited))
    return Page(items=items, page=page, per_page=per_page, total=total)
