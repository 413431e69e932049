"""Accounts and their roles."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.domain.vocabulary import Role
from marketplace.extensions import Model
from marketplace.models._types import enum_type, timestamp, utcnow

if TYPE_CHECKING:
    from marketplace.models.organisation import Organisation
    from marketplace.models.region import Municipality, Region


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class User(UserMixin, Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_type(Role))
    # Organisation members and volunteer-centre staff belong to an organisation.
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    # For coaches: their team, used to filter the monitoring.
    team: Mapped[str | None] = mapped_column(String(80))
    # The region a regional admin manages (the municipalities of every other account
    # are in `municipalities`).
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"))
    is_demo: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    # Part of every session cookie; a new value (logout, password change) ends all
    # sessions of this account, also cookies copied before.
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)

    organisation: Mapped[Organisation | None] = relationship(back_populates="members")
    region: Mapped[Region | None] = relationship()
    # The municipalities this account works for (see services/platform/access.py).
    municipalities: Mapped[list[Municipality]] = relationship(
        secondary="user_municipality", order_by="Municipality.name")

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    def get_id(self) -> str:
        """What Flask-Login keeps in the session: the id and the current session token."""
        return f"{self.id}:{self.session_token}"

    def end_sessions(self) -> None:
        """Every session cookie issued so far stops working; the caller commits."""
        self.session_token = new_session_token()

    def has_role(self, *roles: Role) -> bool:
        return self.role in roles

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"
