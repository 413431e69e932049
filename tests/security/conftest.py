"""A real local SMTP server's port and an app that sends to it."""

from __future__ import annotations

import pytest

from tests.mailserver import MAIL_SETTINGS, free_port


@pytest.fixture()
def port() -> int:
    return free_port()


@pytest.fixture()
def mail_app(make_app, port):
    return make_app(SMTP_PORT=port, **MAIL_SETTINGS)
