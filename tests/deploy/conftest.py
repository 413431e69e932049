"""Fixtures for the deployment tests."""

from __future__ import annotations

import pytest
from flask.testing import FlaskCliRunner


@pytest.fixture()
def runner_cli(runner: FlaskCliRunner) -> FlaskCliRunner:
    """The CLI runner under a name that does not hide marketplace.jobs.runner."""
    return runner
