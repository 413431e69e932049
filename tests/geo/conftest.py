"""Fixtures for the Flask side of geo: its tables, its command group."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy.orm import scoped_session

REFERENCE = Path(__file__).parents[2].parent / "shared" / "data" / "geonames-NL-pc4.tsv"


@pytest.fixture()
def geo_db(app: Flask, db: scoped_session) -> Iterator[scoped_session]:
    """The session, with the in-memory imported table forgotten before and after."""
    from marketplace.geo.resolver import invalidate_imported_table

    invalidate_imported_table(app)
    yield db
    invalidate_imported_table(app)


@pytest.fixture()
def geo_cli(geo_db: scoped_session) -> Any:
    from marketplace.geo import geo_cli as group

    return group


@pytest.fixture()
def reference_file() -> Path:
    if not REFERENCE.exists():
        pytest.skip(f"GeoNames reference file absent: {REFERENCE} (shared data not checked out)")
    return REFERENCE
