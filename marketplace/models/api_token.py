"""A bearer token for the JSON API; only its SHA-256 is stored."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.extensions import Model
from marketplace.models._types import timestamp, utcnow

if TYPE_CHECKING:
    from marketplace.models.user import User


class ApiToken(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(timestamp())
    revoked_at: Mapped[datetime | None] = mapped_column(timestamp())

    user: Mapped[User] = relationship()
