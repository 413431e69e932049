"""The outbox: mail waits in a table and `flask outbox send` delivers it to a real SMTP
server (aiosmtpd on 127.0.0.1). When the server is down, nothing is lost."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import Message

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from marketplace.extensions import db as _db
from marketplace.models import OutboxMessage
from marketplace.services.platform.outbox import enqueue


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Inbox:
    """An aiosmtpd handler that keeps what it receives and can refuse one address."""

    def __init__(self, refuse: str | None = None) -> None:
        self.messages: list[Message] = []
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address == self.refuse:
            return "550 5.1.1 Onbekende ontvanger"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


@pytest.fixture()
def port() -> int:
    return _free_port()


@pytest.fixture()
def mail_app(make_app, port):
    return make_app(SMTP_HOST="127.0.0.1", SMTP_PORT=port, SMTP_STARTTLS=False,
                    SMTP_TIMEOUT=5, MAIL_FROM="Koppelkans <noreply@koppelkans.test>")


@contextmanager
def _serve(port: int, inbox: Inbox) -> Iterator[Inbox]:
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def _send(app, command: str = "send"):
    # The test's own app context is current; the command must run in this app's.
    with app.app_context():
        return app.test_cli_runner().invoke(args=["outbox", command])


def _queue(*recipients: str) -> None:
    for n, recipient in enumerate(recipients, 1):
        enqueue(recipient, f"Bericht {n}", f"Goedendag,\n\nDit is bericht {n}.\n")
    _db.session.commit()


def _rows() -> list[OutboxMessage]:
    _db.session.expire_all()
    return list(_db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


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
