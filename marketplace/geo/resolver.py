"""Postcode -> coordinates: the imported GeoNames table first, then the embedded default.

The imported table (about 4,000 rows) is held in memory once per app as a
:class:`matching.geo.PostcodeTable`. An import in this process drops it at once
(:func:`invalidate_imported_table`); other processes (web workers) notice a new
import within ``GEO_RELOAD_SECONDS`` (default 30) through a cheap count/max query.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import Flask, current_app, has_app_context
from sqlalchemy import func, select

from marketplace.extensions import db
from marketplace.models.geo import ImportedPostcode
from matching.geo import GeoPoint, PostcodeTable, lookup_postcode

Geocoder = Callable[[str], GeoPoint | None]

_EXTENSION_KEY = "koppelkans_geo"
DEFAULT_RELOAD_SECONDS = 30.0


@dataclass
class _ImportedCache:
    table: PostcodeTable
    stamp: tuple[int, datetime | None]
    checked_at: float


def _stamp() -> tuple[int, datetime | None]:
    row = db.session.execute(
        select(func.count(), func.max(ImportedPostcode.imported_at)).select_from(ImportedPostcode)
    ).one()
    return int(row[0]), row[1]


def _load() -> PostcodeTable:
    rows = db.session.scalars(select(ImportedPostcode)).all()
    points = {row.pc4: GeoPoint(row.lat, row.lon, "postcode") for row in rows}
    return PostcodeTable(points, {row.pc4: row.place for row in rows})


def _extension(app: Flask) -> dict[str, Any]:
    state: dict[str, Any] = app.extensions.setdefault(_EXTENSION_KEY, {})
    return state


def imported_table() -> PostcodeTable:
    """The imported table of the current app (empty when nothing was imported)."""
    state = _extension(current_app)
    cache: _ImportedCache | None = state.get("imported")
    now = time.monotonic()
    reload_after = float(current_app.config.get("GEO_RELOAD_SECONDS", DEFAULT_RELOAD_SECONDS))
    if cache is not None and now - cache.checked_at < reload_after:
        return cache.table
    stamp = _stamp()
    if cache is None or cache.stamp != stamp:
        cache = _ImportedCache(_load(), stamp, now)
    cache.checked_at = now
    state["imported"] = cache
    return cache.table


def invalidate_imported_table(app: Flask | None = None) -> None:
    """Forget the in-memory imported table so the next look-up reads the database."""
    _extension(app or current_app).pop("imported", None)


def resolve_postcode(postcode: str) -> GeoPoint | None:
    """Coordinates for a postcode in any valid form; None when invalid.

    Outside an app context only the embedded default is used.
    """
    if has_app_context():
        point = imported_table().lookup(postcode)
        if point is not None:
            return point
    return lookup_postcode(postcode)


def make_geocoder() -> Geocoder:
    """A postcode -> GeoPoint callable for ``matching.profiles``, fixed to today's table.

    The imported table is taken once, so a ranking run of thousands of look-ups makes
    no further database queries and sees one consistent table.
    """
    table = imported_table() if has_app_context() else PostcodeTable({})

    def geocode(postcode: str) -> GeoPoint | None:
        return table.lookup(postcode) or lookup_postcode(postcode)

    return geocode
