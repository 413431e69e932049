"""Failed login attempts per client address and per account, in the database so that
every worker (and every app instance) sees the same counts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.extensions import Model
from marketplace.models._types import timestamp


class LoginThrottle(Model):
    __tablename__ = "login_throttle"

    # "address:<ip>" or "account:<sha256 of the e-mail>" (no address of a stranger kept).
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    first_failure_at: Mapped[datetime] = mapped_column(timestamp())
    last_failure_at: Mapped[datetime] = mapped_column(timestamp())
