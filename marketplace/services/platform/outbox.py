"""Outgoing mail through an outbox table: enqueue inside the caller's transaction, send later.

`enqueue` only adds a row, so a mail exists exactly when the change it reports was
committed, and a mail server that is down loses nothing. `send_pending` (the
`flask outbox send` command, run from cron or a timer) delivers what waits, one row at
a time: a delivered row gets `sent_at`; a failed one keeps waiting with `attempts` and
`last_error`. Delivery is at least once: a crash between the SMTP hand-over and the
commit sends that one message again on the next run.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from typing import Any

from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy import func, select

from marketplace.extensions import db
from marketplace.models import OutboxMessage

ERROR_MAX = 2000
# Errors of one message (this recipient or this text), not of the connection.
_MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused,
                   smtplib.SMTPDataError, smtplib.SMTPNotSupportedError, UnicodeError)


class MailNotConfigured(RuntimeError):
    """SMTP_HOST is empty: mail keeps waiting in the outbox."""


def enqueue(recipient: str, subject: str, body: str) -> OutboxMessage:
    """Add one mail to the outbox in the current transaction (the caller commits)."""
    message = OutboxMessage(recipient=recipient.strip(), subject=subject[:300], body=body)
    db.session.add(message)
    return message


def enqueue_template(
    recipients: Iterable[str], subject: str, template: str, **context: Any
) -> list[OutboxMessage]:
    """Render a plain-text mail template in Dutch and enqueue it once per address."""
    with force_locale("nl"):
        body = render_template(template, **context)
    unique = dict.fromkeys(r.strip().lower() for r in recipients if r and "@" in r)
    return [enqueue(address, subject, body) for address in unique]


def pending_count() -> int:
    return db.session.scalar(
        select(func.count()).select_from(OutboxMessage).where(OutboxMessage.sent_at.is_(None))
    ) or 0


@dataclass(frozen=True)
class SendReport:
    sent: int
    failed: int
    waiting: int  # still unsent after this run


def _connect(config: Any) -> smtplib.SMTP:
    smtp = smtplib.SMTP(config["SMTP_HOST"], int(config["SMTP_PORT"]),
                        timeout=float(config["SMTP_TIMEOUT"]))
    try:
        if config["SMTP_STARTTLS"]:
            smtp.starttls(context=ssl.create_default_context())
        if config["SMTP_USER"]:
            smtp.login(config["SMTP_USER"], config["SMTP_PASSWORD"])
    except BaseException:
        smtp.close()
        raise
    return smtp


def _mime(message: OutboxMessage, sender: str) -> EmailMessage:
    mime = EmailMessage()
    mime["From"] = sender
    mime["To"] = message.recipient
    mime["Subject"] = message.subject
    mime["Date"] = format_datetime(datetime.now(UTC))
    domain = parseaddr(sender)[1].partition("@")[2] or "koppelkans.example"
    mime["Message-ID"] = make_msgid(idstring=f"outbox{message.id}", domain=domain)
    mime.set_content(message.body)
    return mime


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:ERROR_MAX]


def _claim(message_id: int) -> OutboxMessage | None:
    # SKIP LOCKED on PostgreSQL: two senders running at once never take the same row.
    return db.session.execute(
        select(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.sent_at.is_(None))
        .with_for_update(skip_locked=True)
    ).scalar_one_or_none()


def send_pending(limit: int = 200) -> SendReport:
    """Deliver waiting mail over SMTP; stop at the first connection failure."""
    config = current_app.config
    if not config.get("SMTP_HOST"):
        raise MailNotConfigured("SMTP_HOST is niet ingesteld.")
    ids = list(db.session.scalars(
        select(OutboxMessage.id).where(OutboxMessage.sent_at.is_(None))
        .order_by(OutboxMessage.id).limit(limit)
    ))
    db.session.commit()
    sent = failed = 0
    smtp: smtplib.SMTP | None = None
    try:
        for message_id in ids:
            message = _claim(message_id)
            if message is None:
                db.session.rollback()
                continue
            message.attempts += 1
            message.last_attempt_at = datetime.now(UTC)
            try:
                smtp = smtp or _connect(config)
                smtp.send_message(_mime(message, config["MAIL_FROM"]))
            except _MESSAGE_ERRORS as error:
                message.last_error = _describe(error)
                failed += 1
            except (smtplib.SMTPException, OSError) as error:
                # The server is down or went away: keep this and the rest for next time.
                message.last_error = _describe(error)
                failed += 1
                db.session.commit()
                break
            else:
                message.sent_at = datetime.now(UTC)
                message.last_error = None
                sent += 1
            db.session.commit()
    finally:
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()
    return SendReport(sent=sent, failed=failed, waiting=pending_count())
