"""A real SMTP server for tests (aiosmtpd on 127.0.0.1) that keeps what it receives and
can refuse chosen recipients, and the helpers to run `flask outbox ...` against it."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import Message

from aiosmtpd.controller import Controller
from sqlalchemy import select

from marketplace.extensions import db as _db
from marketplace.models import OutboxMessage

MAIL_SETTINGS = {"SMTP_HOST": "127.0.0.1", "SMTP_STARTTLS": False, "SMTP_TIMEOUT": 5,
                 "MAIL_FROM": "Koppelkans <noreply@koppelkans.test>"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Inbox:
    """An aiosmtpd handler that keeps what it receives and can refuse addresses."""

    def __init__(self, refuse: str | set[str] | None = None) -> None:
        self.messages: list[Message] = []
        self.envelopes: list[list[str]] = []
        self.refuse = {refuse} if isinstance(refuse, str) else set(refuse or ())

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 Onbekende ontvanger"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        self.envelopes.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


@contextmanager
def serve(port: int, inbox: Inbox) -> Iterator[Inbox]:
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def run_outbox(app, *args: str):
    # The test's own app context is current; the command must run in this app's.
    with app.app_context():
        return app.test_cli_runner().invoke(args=["outbox", *args])


def outbox_rows() -> list[OutboxMessage]:
    _db.session.expire_all()
    return list(_db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
