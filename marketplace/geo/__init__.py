"""Postcode -> coordinates for the app: imported GeoNames table, embedded default, online.

Register the command group with ``app.cli.add_command(geo_cli)`` (``flask geo ...``).
"""

from marketplace.geo.cli import geo_cli
from marketplace.geo.online import geocode_address
from marketplace.geo.resolver import (
    imported_table,
    invalidate_imported_table,
    make_geocoder,
    resolve_postcode,
)

__all__ = [
    "geo_cli",
    "geocode_address",
    "imported_table",
    "invalidate_imported_table",
    "make_geocoder",
    "resolve_postcode",
]
