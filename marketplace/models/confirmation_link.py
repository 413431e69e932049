"""A signed, expiring, single-use link for an employer without an account.

The URL carries an itsdangerous token signed with the app's SECRET_KEY; this row
holds only its SHA-256, the placement and state it was issued for, and when it was
used, so that a link works once and only for that placement in that state.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.domain.placements import PlacementState
from marketplace.extensions import Model
from marketplace.models._types import enum_type, timestamp, utcnow

if TYPE_CHECKING:
    from marketplace.models.placement import Placement


class ConfirmationLink(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placement.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    for_state: Mapped[PlacementState] = mapped_column(enum_type(PlacementState, name="for_state"))
    email: Mapped[str] = mapped_column(String(254))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(timestamp())
    used_at: Mapped[datetime | None] = mapped_column(timestamp())

    placement: Mapped[Placement] = relationship()
