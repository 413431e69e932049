"""Optional online geocoding of full addresses (Nominatim or PDOK), cached in the database.

Off unless the configuration says ``GEOCODER = "nominatim"`` or ``"pdok"``. Requests
carry ``GEOCODER_USER_AGENT``, are spaced by ``GEOCODER_MIN_DELAY`` seconds (default
1.0: Nominatim's usage policy) and time out after ``GEOCODER_TIMEOUT`` seconds. Every
answer, including "not found", is kept in :class:`GeocodeCache`; network failures are
not cached, so a later call tries again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from flask import current_app
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from marketplace.extensions import db
from marketplace.models.geo import GeocodeCache
from matching.geo import GeoPoint

log = logging.getLogger(__name__)

PROVIDERS = ("nominatim", "pdok")
ADDRESS_PRECISION = "address"
_POINT_RE = re.compile(r"POINT\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)")

Lookup = Callable[[str], Location | None]


class PdokLocatieserver(Geocoder):
    """geopy geocoder for PDOK's Locatieserver (Dutch addresses, no API key)."""

    api = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"

    def geocode(self, query: str, *, timeout: Any = DEFAULT_SENTINEL) -> Location | None:
        """The best match for a free-text Dutch address, or None."""
        params = {"q": query, "rows": 1, "fl": "weergavenaam,centroide_ll"}
        url = f"{self.api}?{urlencode(params)}"
        result: Location | None = self._call_geocoder(url, self._parse, timeout=timeout)
        return result

    @staticmethod
    def _parse(payload: dict[str, Any]) -> Location | None:
        docs = payload.get("response", {}).get("docs") or []
        if not docs:
            return None
        match = _POINT_RE.search(str(docs[0].get("centroide_ll", "")))
        if match is None:
            return None
        lon, lat = float(match.group(1)), float(match.group(2))
        return Location(str(docs[0].get("weergavenaam", "")), (lat, lon), docs[0])


def normalise_query(address: str) -> str:
    """The cache key of an address: whitespace collapsed, case folded."""
    return " ".join(address.split()).casefold()


def _make_lookup(provider: str, config: dict[str, Any] | Any) -> Lookup:
    user_agent = str(config["GEOCODER_USER_AGENT"])
    timeout = float(config.get("GEOCODER_TIMEOUT", 5.0))
    if provider == "nominatim":
        nominatim = Nominatim(user_agent=user_agent, timeout=timeout)

        def geocode(query: str) -> Location | None:
            result: Location | None = nominatim.geocode(query, country_codes="nl")
            return result

    else:
        geocode = PdokLocatieserver(user_agent=user_agent, timeout=timeout).geocode
    # Retries and errors are ours to handle: a swallowed error would be cached as
    # "not found".
    limited: Lookup = RateLimiter(
        geocode,
        min_delay_seconds=float(config.get("GEOCODER_MIN_DELAY", 1.0)),
        max_retries=1,
        swallow_exceptions=False,
    )
    return limited


def _lookup() -> tuple[str, Lookup] | None:
    provider = str(current_app.config.get("GEOCODER", "off")).lower()
    if provider not in PROVIDERS:
        return None
    # One rate-limited client per app, so the delay holds across calls.
    state: dict[str, Any] = current_app.extensions.setdefault("koppelkans_geocoder", {})
    if provider not in state:
        state[provider] = _make_lookup(provider, current_app.config)
    return provider, state[provider]


def geocode_address(address: str) -> GeoPoint | None:
    """Coordinates of a full address from the configured online geocoder, or None.

    None when the geocoder is off, the address is empty, nothing was found or the
    service failed. A new answer is added to the session and flushed; the caller's
    transaction commits it.
    """
    configured = _lookup()
    key = normalise_query(address)
    if configured is None or not key:
        return None
    provider, lookup = configured
    cached = db.session.get(GeocodeCache, key)
    if cached is not None and cached.provider == provider:
        return _point(cached)
    try:
        location = lookup(address)
    except GeopyError as error:
        # The error's text can hold the request URL, i.e. the address looked up.
        log.warning("online geocoder %s failed: %s", provider, type(error).__name__)
        return None
    entry = cached or GeocodeCache(query_text=key)
    entry.provider = provider
    entry.lat = None if location is None else float(location.latitude)
    entry.lon = None if location is None else float(location.longitude)
    db.session.add(entry)
    db.session.flush()
    return _point(entry)


def _point(entry: GeocodeCache) -> GeoPoint | None:
    if entry.lat is None or entry.lon is None:
        return None
    return GeoPoint(entry.lat, entry.lon, ADDRESS_PRECISION)
