"""Coordinates for a postcode at save time."""

from __future__ import annotations

from marketplace.geo import resolve_postcode


def locate(postcode: str | None) -> tuple[float | None, float | None, str | None]:
    """(lat, lon, precision) for a postcode: imported centroids first, then the embedded table."""
    if not postcode:
        return None, None, None
    point = resolve_postcode(postcode)
    if point is None:
        return None, None, None
    return point.lat, point.lon, point.precision
