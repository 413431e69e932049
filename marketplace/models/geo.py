"""Postcode coordinates imported from GeoNames, and the online geocoder's cache."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.extensions import Model
from marketplace.models._types import timestamp, utcnow


class ImportedPostcode(Model):
    """A precise 4-digit postcode centroid; the whole table is replaced per import."""

    pc4: Mapped[str] = mapped_column(String(4), primary_key=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float]
    lon: Mapped[float]
    imported_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    def __repr__(self) -> str:
        return f"<ImportedPostcode {self.pc4}>"


class GeocodeCache(Model):
    """One online geocoder answer; lat/lon None records that nothing was found."""

    # Normalised address text (whitespace collapsed, case folded).
    query_text: Mapped[str] = mapped_column(String(500), primary_key=True)
    provider: Mapped[str] = mapped_column(String(20))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    def __repr__(self) -> str:
        return f"<GeocodeCache {self.provider} {self.query_text!r}>"
