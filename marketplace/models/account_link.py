"""A signed, expiring, single-use link to set an account's password: an invitation or a
reset asked for through "Wachtwoord vergeten?".

The URL carries an itsdangerous token signed with SECRET_KEY; this row keeps only its
SHA-256, whose account and purpose it serves and when it was used, so a link works
once, for one account, until it expires.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.extensions import Model
from marketplace.models._types import timestamp, utcnow

if TYPE_CHECKING:
    from marketplace.models.user import User


class AccountLink(Model):
    __tablename__ = "account_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(20))  # "invite" or "reset"
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(timestamp())
    used_at: Mapped[datetime | None] = mapped_column(timestamp())

    user: Mapped[User] = relationship()
