"""The outbox: mail waits in a table and `flask outbox send` delivers it to a real SMTP
server (aiosmtpd on 127.0.0.1). When the server is down, nothing is lost."""

from __future__ import annotations

import pytest

from marketplace.extensions import db as _db
from marketplace.services.platform.outbox import enqueue
from tests.mailserver import MAIL_SETTINGS, Inbox, free_port, outbox_rows, run_outbox
from tests.mailserver import serve as _serve


@pytest.fixture()
def port() -> int:
    return free_port()


@pytest.fixture()
def mail_app(make_app, port):
    return make_app(SMTP_PORT=port, **MAIL_SETTINGS)


def _send(app, command: str = "send"):
    return run_outbox(app, command)


_rows = outbox_rows


def _queue(*recipients: str) -> None:
    for n, recipient in enumerate(recipients, 1):
        enqueue(recipient, f"Bericht {n}", f"Goedendag,\n\nDit is bericht {n}.\n")
    _db.session.commit()


def test_mail_down_stays_queued_then_is_sent(db, mail_app, port) -> None:
    _queue("coach@test.nl", "organisatie@test.nl")
    down = _send(mail_app)
    assert down.exit_code == 1, down.output
    assert "Verstuurd: 0. Mislukt: 1. Wachtend: 2." in down.output
    first, second = _rows()
    assert first.sent_at is None and first.attempts == 1
    assert "Connection refused" in first.last_error or "ConnectionRefused" in first.last_error
    assert second.attempts == 0  # the run stops at the first connection failure

    with _serve(port, Inbox()) as inbox:
        up = _send(mail_app)
        assert up.exit_code == 0, up.output
        assert "Verstuurd: 2. Mislukt: 0. Wachtend: 0." in up.output
        again = _send(mail_app)
        assert "Verstuurd: 0." in again.output  # nothing is sent twice
    assert [(m["To"], m["Subject"]) for m in inbox.messages] == [
        ("coach@test.nl", "Bericht 1"), ("organisatie@test.nl", "Bericht 2")]
    assert inbox.messages[0]["From"] == "Koppelkans <noreply@koppelkans.test>"
    assert "Dit is bericht 1." in inbox.messages[0].get_content()
    first, second = _rows()
    assert first.sent_at is not None and first.attempts == 2 and first.last_error is None
    assert second.sent_at is not None and second.attempts == 1


def test_a_refused_recipient_does_not_block_the_others(db, mail_app, port) -> None:
    _queue("bestaat-niet@test.nl", "coach@test.nl")
    with _serve(port, Inbox(refuse="bestaat-niet@test.nl")) as inbox:
        result = _send(mail_app)
    assert "Verstuurd: 1. Mislukt: 1. Wachtend: 1." in result.output
    refused, delivered = _rows()
    assert refused.sent_at is None and "550" in refused.last_error
    assert delivered.sent_at is not None
    assert [m["To"] for m in inbox.messages] == ["coach@test.nl"]


def test_without_smtp_settings_mail_waits(db, make_app) -> None:
    _queue("coach@test.nl")
    result = _send(make_app(SMTP_HOST=""))
    assert result.exit_code == 1
    assert "SMTP_HOST is niet ingesteld" in result.output and "1 berichten" in result.output
    assert _rows()[0].attempts == 0
    status = _send(make_app(), "status")
    assert "Wachtend: 1." in status.output
