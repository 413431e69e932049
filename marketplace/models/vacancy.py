"""A vacancy: every field of the profile spec, plus what the organisation needs."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from marketplace.domain.vocabulary import DAYPARTS, PhysicalLoad, PlacementType, VacancyStatus
from marketplace.extensions import Model
from marketplace.models._types import enum_type, timestamp, utcnow

if TYPE_CHECKING:
    from marketplace.models.organisation import Organisation


class Vacancy(Model):
    __table_args__ = (
        CheckConstraint("capacity >= 1", name="capacity_positive"),
        CheckConstraint("filled >= 0 AND filled <= capacity", name="filled_within_capacity"),
        CheckConstraint("hours_min <= hours_max", name="hours_ordered"),
        CheckConstraint(
            "proefperiode_weeks IS NULL OR proefperiode_weeks >= 1", name="proefperiode_positive"
        ),
        # The board's radius search prefilters on a bounding box.
        Index("ix_vacancy_lat_lon", "lat", "lon"),
        # The matching index's version and changed rows (services/matching/index.py).
        Index("ix_vacancy_status_updated_at", "status", "updated_at"),
        # The board's default order (published, by title): at national size the first
        # page is read from the index instead of sorting every published vacancy.
        Index("ix_vacancy_status_title", "status", "title", "id"),
        # The board's radius search (services/vacancies/board.py): the box and the remote
        # places are each a range of this index, read from it alone on PostgreSQL.
        Index(
            "ix_vacancy_board", "status", "remote", "lat", "lon",
            postgresql_include=["id", "organisation_id", "schedule_mask", "dayparts_needed"],
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(40), unique=True)  # the spec's stable id
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    type: Mapped[PlacementType] = mapped_column(enum_type(PlacementType))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    postcode: Mapped[str | None] = mapped_column(String(7))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    geo_precision: Mapped[str | None] = mapped_column(String(20))
    remote: Mapped[bool] = mapped_column(default=False)
    schedule: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The schedule as 21 bits (bit i = DAYPARTS[i]), kept in step by `_sync_mask`, so
    # the board can test "fits these dayparts" on thousands of rows at once.
    schedule_mask: Mapped[int] = mapped_column(default=0)
    dayparts_needed: Mapped[int | None]
    hours_min: Mapped[float] = mapped_column(default=0)
    hours_max: Mapped[float] = mapped_column(default=0)
    capacity: Mapped[int] = mapped_column(default=1)
    filled: Mapped[int] = mapped_column(default=0)
    lang_min_speaking: Mapped[str | None] = mapped_column(String(2))
    lang_min_listening: Mapped[str | None] = mapped_column(String(2))
    lang_min_reading: Mapped[str | None] = mapped_column(String(2))
    lang_min_writing: Mapped[str | None] = mapped_column(String(2))
    language_rich: Mapped[bool] = mapped_column(default=False)
    language_support: Mapped[bool] = mapped_column(default=False)
    other_languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    literacy_required: Mapped[bool] = mapped_column(default=False)
    childcare_offered: Mapped[bool] = mapped_column(default=False)
    children_welcome: Mapped[bool] = mapped_column(default=False)
    women_only: Mapped[bool] = mapped_column(default=False)
    physical_load: Mapped[PhysicalLoad] = mapped_column(
        enum_type(PhysicalLoad), default=PhysicalLoad.LIGHT
    )
    duration_weeks: Mapped[int | None]
    status: Mapped[VacancyStatus] = mapped_column(
        enum_type(VacancyStatus), default=VacancyStatus.DRAFT, index=True
    )
    contact_person: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    # Weeks of proefperiode at the start (a werkervaringsplaats usually has one).
    proefperiode_weeks: Mapped[int | None]
    # "We sturen geen tien man naar een werkgever": open proposals per vacancy.
    proposal_cap: Mapped[int] = mapped_column(default=3)
    review_note: Mapped[str | None] = mapped_column(Text)
    # Set when the volunteer centre approves; a draft with approved_at is paused.
    approved_at: Mapped[datetime | None] = mapped_column(timestamp())
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow, onupdate=utcnow)

    organisation: Mapped[Organisation] = relationship(back_populates="vacancies")

    @validates("schedule")
    def _sync_mask(self, key: str, value: list[str] | None) -> list[str] | None:
        self.schedule_mask = schedule_mask(value or [])
        return value

    @property
    def is_paused(self) -> bool:
        return self.status == VacancyStatus.DRAFT and self.approved_at is not None

    @property
    def open_places(self) -> int:
        return max(self.capacity - self.filled, 0)

    def language_minimum(self) -> dict[str, Any]:
        levels = {
            "speaking": self.lang_min_speaking,
            "listening": self.lang_min_listening,
            "reading": self.lang_min_reading,
            "writing": self.lang_min_writing,
        }
        return {skill: level for skill, level in levels.items() if level}

    def __repr__(self) -> str:
        return f"<Vacancy {self.ref} {self.title!r}>"


_BIT = {daypart: 1 << index for index, daypart in enumerate(DAYPARTS)}


def schedule_mask(dayparts: list[str]) -> int:
    """Dayparts as a 21-bit integer; unknown names are left out."""
    return sum(_BIT.get(daypart, 0) for daypart in set(dayparts))
