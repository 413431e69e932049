"""Coordinates for a postcode at save time."""

from __future__ import annotations

from matching.geo import lookup_postcode


def locate(postcode: str | None) -> tuple[float | None, float | None, str | None]:
    """(lat, lon, precision) for a postcode, or Nones when it is empty or unknown."""
    if not postcode:
        return None, None, None
    point = lookup_postcode(postcode)
    if point is None:
        return None, None, None
    return point.lat, point.lon, point.precision
