"""Organisations that publish vacancies, screened by a volunteer centre."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.domain.vocabulary import ApprovalState
from marketplace.extensions import Model
from marketplace.models._types import enum_type, timestamp, utcnow

if TYPE_CHECKING:
    from marketplace.models.region import Municipality
    from marketplace.models.user import User
    from marketplace.models.vacancy import Vacancy


class Organisation(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    # The place in its address (shown and sorted on the board); which municipalities a
    # volunteer centre serves is its `reach`.
    municipality: Mapped[str] = mapped_column(String(80))
    postcode: Mapped[str | None] = mapped_column(String(7))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    description: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    approval: Mapped[ApprovalState] = mapped_column(
        enum_type(ApprovalState), default=ApprovalState.REVIEW
    )
    review_note: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(timestamp())
    # The volunteer centre that screens this organisation and may post for it.
    managed_by_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    managed_by: Mapped[Organisation | None] = relationship(remote_side=[id])
    members: Mapped[list[User]] = relationship(back_populates="organisation")
    vacancies: Mapped[list[Vacancy]] = relationship(back_populates="organisation")
    reach: Mapped[list[Municipality]] = relationship(
        secondary="organisation_municipality", order_by="Municipality.name")

    @property
    def is_volunteer_centre(self) -> bool:
        return self.kind == "vrijwilligerscentrale"

    def __repr__(self) -> str:
        return f"<Organisation {self.key}>"
