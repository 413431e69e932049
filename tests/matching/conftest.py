"""Fixtures for the matching tests (builders and strategies live in ``builders.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

SCENARIOS = Path(__file__).with_name("scenarios")


@pytest.fixture
def scenarios() -> Path:
    """The directory of JSON scenario fixtures used through the command line."""
    return SCENARIOS
