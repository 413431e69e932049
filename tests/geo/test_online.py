"""Online geocoding: off by default, cached when on; never touches the network here."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from geopy.location import Location
from sqlalchemy import select
from sqlalchemy.orm import scoped_session


def refuse_network(provider: str, config: Any) -> Any:
    raise AssertionError("the online geocoder must not be built in this test")


@pytest.fixture()
def online(geo_db: scoped_session) -> Any:
    from marketplace.geo import online as module

    return module


def test_off_by_default_returns_none_without_any_client(
    app: Flask, online: Any, geo_db: scoped_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marketplace.models.geo import GeocodeCache

    monkeypatch.setitem(app.config, "GEOCODER", "off")
    monkeypatch.setattr(online, "_make_lookup", refuse_network)
    assert online.geocode_address("Markt 1, 6601 AB Wijchen") is None
    assert geo_db.scalars(select(GeocodeCache)).all() == []


def test_unknown_provider_is_off(app: Flask, online: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(app.config, "GEOCODER", "google")
    monkeypatch.setattr(online, "_make_lookup", refuse_network)
    assert online.geocode_address("Markt 1, Wijchen") is None


def test_answers_are_cached_including_not_found(
    app: Flask, online: Any, geo_db: scoped_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marketplace.models.geo import GeocodeCache

    calls: list[str] = []

    def fake_lookup(query: str) -> Location | None:
        calls.append(query)
        if "nergens" in query.lower():
            return None
        return Location("Markt 1, Wijchen", (51.8094, 5.7269), {})

    monkeypatch.setitem(app.config, "GEOCODER", "pdok")
    monkeypatch.setattr(online, "_make_lookup", lambda provider, config: fake_lookup)
    app.extensions.pop("koppelkans_geocoder", None)

    point = online.geocode_address("Markt 1,  6601 AB Wijchen")
    assert point == (51.8094, 5.7269, "address")
    assert online.geocode_address("markt 1, 6601 ab wijchen") == point
    assert online.geocode_address("Nergensstraat 9") is None
    assert online.geocode_address("Nergensstraat 9") is None
    assert calls == ["Markt 1,  6601 AB Wijchen", "Nergensstraat 9"]
    cached = {
        row.query_text: (row.provider, row.lat) for row in geo_db.scalars(select(GeocodeCache))
    }
    assert cached == {
        "markt 1, 6601 ab wijchen": ("pdok", 51.8094),
        "nergensstraat 9": ("pdok", None),
    }
    app.extensions.pop("koppelkans_geocoder", None)


def test_service_failure_is_not_cached(
    app: Flask, online: Any, geo_db: scoped_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from geopy.exc import GeocoderUnavailable

    from marketplace.models.geo import GeocodeCache

    def failing(query: str) -> Location | None:
        raise GeocoderUnavailable("down")

    monkeypatch.setitem(app.config, "GEOCODER", "nominatim")
    monkeypatch.setattr(online, "_make_lookup", lambda provider, config: failing)
    app.extensions.pop("koppelkans_geocoder", None)
    assert online.geocode_address("Markt 1, Wijchen") is None
    assert geo_db.scalars(select(GeocodeCache)).all() == []
    app.extensions.pop("koppelkans_geocoder", None)


def test_pdok_response_is_parsed(online: Any) -> None:
    payload = {
        "response": {
            "numFound": 1,
            "docs": [
                {"weergavenaam": "Markt 1, 6601AB Wijchen", "centroide_ll": "POINT(5.7269 51.8094)"}
            ],
        }
    }
    location = online.PdokLocatieserver._parse(payload)
    assert (location.latitude, location.longitude) == (51.8094, 5.7269)
    assert location.address == "Markt 1, 6601AB Wijchen"
    assert online.PdokLocatieserver._parse({"response": {"numFound": 0, "docs": []}}) is None


def test_clients_are_built_without_calling_them(app: Flask, online: Any) -> None:
    # Building a client makes no request; both providers get the configured agent.
    for provider in ("nominatim", "pdok"):
        lookup = online._make_lookup(provider, app.config)
        assert callable(lookup)
