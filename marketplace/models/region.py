"""Regions and their municipalities: the tenants of one Koppelkans instance.

A region (say the Rijk van Nijmegen) groups municipalities that share coaches,
organisations and vacancies. The municipality is the AVG controller of its
participants; who sees what follows from the municipalities assigned to an account
(`user_municipality`) and those a volunteer centre serves (`organisation_municipality`),
through the rules in `services/platform/access.py`.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.extensions import Model

MUNICIPALITY_NAME_MAX = 80

# The municipalities an account works for: a coach's team, a policy officer's figures,
# a municipal admin's accounts and audit log.
user_municipality = Table(
    "user_municipality",
    Model.metadata,
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
    Column("municipality_id", ForeignKey("municipality.id", ondelete="CASCADE"),
           primary_key=True),
)

# The municipalities a volunteer centre serves (its reach).
organisation_municipality = Table(
    "organisation_municipality",
    Model.metadata,
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"),
           primary_key=True),
    Column("municipality_id", ForeignKey("municipality.id", ondelete="CASCADE"),
           primary_key=True),
)


class Region(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(MUNICIPALITY_NAME_MAX), unique=True)

    municipalities: Mapped[list[Municipality]] = relationship(
        back_populates="region", order_by="Municipality.name")

    def __repr__(self) -> str:
        return f"<Region {self.name}>"


class Municipality(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(MUNICIPALITY_NAME_MAX), unique=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)

    region: Mapped[Region] = relationship(back_populates="municipalities")

    def __repr__(self) -> str:
        return f"<Municipality {self.name}>"
