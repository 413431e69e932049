"""Outgoing mail through an outbox table: enqueue inside the caller's transaction, send later.

`enqueue` only adds a row, so a mail exists exactly when the change it reports was
committed, and a mail server that is down loses nothing. `send_pending` (the
`flask outbox send` command, run from cron or a timer) delivers the rows that are due,
one at a time, each in its own commit:

- a delivered row gets `sent_at`;
- a row that fails by itself (refused address, text the server or the MIME rules
  refuse) keeps its error, counts the attempt and waits MAIL_RETRY_SECONDS × 2^(n-1)
  (`next_attempt_at`), so it never blocks the rows behind it; after MAIL_MAX_ATTEMPTS
  it is given up (`dead_at`) and listed for the administrator;
- when the server cannot be reached at all, the run stops and the row is tried again
  on the next run (the server, not the message, was at fault).

Headers are built only from `single_line` text, so a line break in a vacancy title or
a name can never reach (or break) a header. Delivery is at least once: a crash between
the SMTP hand-over and the commit sends that one message again on the next run.

Signed links are not stored: the body holds `LINK_PLACEHOLDER` and the row a
`LinkRecipe` (payload and issue second, no secret), and the link is signed again with
SECRET_KEY only while the mail is being sent; afterwards the recipe is removed.
"""

from __future__ import annotations

import re
import smtplib
import ssl
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid, parseaddr
from typing import Any

from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy import delete, func, or_, select, update

from marketplace.extensions import db
from marketplace.models import OutboxMessage, Participant
from marketplace.services.platform import tokens
from marketplace.services.platform.queries import Page, paginate
from marketplace.services.platform.site import site_url

ERROR_MAX = 2000
SUBJECT_MAX = 300
ADDRESS_MAX = 254
RETRY_MAX = timedelta(days=1)
LINK_PLACEHOLDER = "[[koppelkans-link]]"
PURGED = "[verwijderd]"
# Errors of one message (this recipient or this text), not of the connection.
_MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused,
                   smtplib.SMTPDataError, smtplib.SMTPNotSupportedError, UnicodeError)
_WHITESPACE = re.compile(r"\s+")


class MailNotConfigured(RuntimeError):
    """SMTP_HOST is empty: mail keeps waiting in the outbox."""


def single_line(text: str, limit: int) -> str:
    """Text that is safe in a mail header: no CR/LF or other control or separator
    characters (each becomes a space), whitespace collapsed, at most `limit` characters.

    The one rule for every subject and recipient, at enqueue and again at send time
    (rows queued before this rule existed go out as well)."""
    cleaned = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char
        for char in str(text)
    )
    return _WHITESPACE.sub(" ", cleaned).strip()[:limit].rstrip()


@dataclass(frozen=True)
class LinkRecipe:
    """What the outbox needs to sign a link again at send time: the page and the token's
    salt, payload and issue second (see `services.platform.tokens`); never the token."""

    endpoint: str
    values: dict[str, Any]
    salt: str
    payload: dict[str, Any]
    issued_at: int


def enqueue(recipient: str, subject: str, body: str, *, about: Participant | None = None,
            link: LinkRecipe | None = None, calendar: str | None = None) -> OutboxMessage:
    """Add one mail to the outbox in the current transaction (the caller commits).

    `about`: the participant the mail is about, so erasure finds it. `link`: the body
    holds LINK_PLACEHOLDER, which becomes the signed link only when the mail is sent.
    `calendar`: an iCalendar text that goes along as `uitnodiging.ics`."""
    message = OutboxMessage(
        recipient=single_line(recipient, ADDRESS_MAX), subject=single_line(subject, SUBJECT_MAX),
        body=body, participant_id=about.id if about is not None else None,
        link_recipe=asdict(link) if link is not None else None, calendar=calendar,
    )
    db.session.add(message)
    return message


def enqueue_template(
    recipients: Iterable[str], subject: str, template: str, *,
    about: Participant | None = None, link: LinkRecipe | None = None,
    calendar: str | None = None, **context: Any
) -> list[OutboxMessage]:
    """Render a plain-text mail template in Dutch and enqueue it once per address.

    With a `link`, the template's `url` is the placeholder, filled in at send time."""
    if link is not None:
        context["url"] = LINK_PLACEHOLDER
    with force_locale("nl"):
        body = render_template(template, **context)
    unique = dict.fromkeys(r.strip().lower() for r in recipients if r and "@" in r)
    return [enqueue(address, subject, body, about=about, link=link, calendar=calendar)
            for address in unique]


def _waiting() -> Any:
    return (OutboxMessage.sent_at.is_(None), OutboxMessage.dead_at.is_(None))


def pending_count() -> int:
    """Mail that will still be tried (not sent, not given up)."""
    return db.session.scalar(
        select(func.count()).select_from(OutboxMessage).where(*_waiting())
    ) or 0


def dead_count() -> int:
    return db.session.scalar(
        select(func.count()).select_from(OutboxMessage).where(OutboxMessage.dead_at.is_not(None))
    ) or 0


@dataclass(frozen=True)
class SendReport:
    sent: int
    failed: int
    dead: int  # given up during this run
    waiting: int  # still to be tried after this run
    server_down: bool = False


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


def _address(recipient: str) -> str:
    """The one plain address of a recipient; ValueError for anything else."""
    address = single_line(recipient, ADDRESS_MAX)
    found = getaddresses([address])
    if len(found) != 1 or found[0][1] != address or "@" not in address:
        raise ValueError(f"Ongeldig e-mailadres: {address!r}")
    return address


def body_for_sending(message: OutboxMessage) -> str:
    """The body as it leaves: the placeholder replaced by the link, signed just now."""
    recipe = message.link_recipe
    if not recipe:
        return message.body
    token = tokens.mint(recipe["salt"], recipe["payload"], int(recipe["issued_at"]))
    url = site_url(recipe["endpoint"], token=token, **recipe["values"])
    return message.body.replace(LINK_PLACEHOLDER, url)


def _mime(message: OutboxMessage, sender: str) -> EmailMessage:
    mime = EmailMessage()
    mime["From"] = sender
    mime["To"] = _address(message.recipient)
    mime["Subject"] = single_line(message.subject, SUBJECT_MAX)
    mime["Date"] = format_datetime(datetime.now(UTC))
    domain = parseaddr(sender)[1].partition("@")[2] or "koppelkans.example"
    mime["Message-ID"] = make_msgid(idstring=f"outbox{message.id}", domain=domain)
    mime.set_content(body_for_sending(message))
    if message.calendar:
        # method=REQUEST lets mail programs offer "add to calendar".
        mime.add_attachment(message.calendar.encode(), maintype="text", subtype="calendar",
                            filename="uitnodiging.ics", params={"method": "REQUEST"})
    return mime


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:ERROR_MAX]


def _due_ids(now: datetime, limit: int) -> list[int]:
    """Rows that may be tried now, oldest first; rows waiting out a backoff are skipped."""
    return list(db.session.scalars(
        select(OutboxMessage.id).where(
            *_waiting(),
            or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now),
        ).order_by(OutboxMessage.id).limit(limit)
    ))


def _claim(message_id: int) -> OutboxMessage | None:
    # SKIP LOCKED on PostgreSQL: two senders running at once never take the same row.
    return db.session.execute(
        select(OutboxMessage)
        .where(OutboxMessage.id == message_id, *_waiting())
        .with_for_update(skip_locked=True)
    ).scalar_one_or_none()


def _failed(message: OutboxMessage, error: BaseException, config: Any) -> bool:
    """Record a failure of this message itself: back off, or give up. True if given up."""
    now = datetime.now(UTC)
    message.last_error = _describe(error)
    if message.attempts >= int(config["MAIL_MAX_ATTEMPTS"]):
        message.dead_at = now
        message.next_attempt_at = None
        message.link_recipe = None  # nothing will be sent: keep no way to make the link
        return True
    delay = timedelta(seconds=int(config["MAIL_RETRY_SECONDS"]) * 2 ** (message.attempts - 1))
    message.next_attempt_at = now + min(delay, RETRY_MAX)
    return False


def _sent(message: OutboxMessage) -> None:
    message.sent_at = datetime.now(UTC)
    message.last_error = None
    message.next_attempt_at = None
    message.link_recipe = None  # the link now exists only in the recipient's mailbox


class _Run:
    """One `send_pending` run: the connection, opened lazily, and the counts."""

    def __init__(self, config: Any) -> None:
        self.config = config
        self.smtp: smtplib.SMTP | None = None
        self.sent = self.failed = self.dead = 0
        self.server_down = False

    def deliver(self, message: OutboxMessage) -> None:
        message.attempts += 1
        message.last_attempt_at = datetime.now(UTC)
        try:
            # Anything wrong with this message's own text or address (a header the
            # email package refuses, a link that cannot be signed) is its own failure.
            mime = _mime(message, self.config["MAIL_FROM"])
        except Exception as error:  # noqa: BLE001
            return self._message_failed(message, error)
        try:
            self.smtp = self.smtp or _connect(self.config)
        except (smtplib.SMTPException, OSError) as error:
            message.last_error = _describe(error)
            self.failed += 1
            self.server_down = True
            return None
        try:
            self.smtp.send_message(mime, to_addrs=[mime["To"]])
        except _MESSAGE_ERRORS as error:
            return self._message_failed(message, error)
        except (smtplib.SMTPException, OSError) as error:
            # The connection broke during this message: it may be the cause, so it backs
            # off like any failure, and the next message opens a new connection.
            self.close()
            return self._message_failed(message, error)
        _sent(message)
        self.sent += 1
        return None

    def _message_failed(self, message: OutboxMessage, error: BaseException) -> None:
        self.failed += 1
        self.dead += _failed(message, error, self.config)

    def close(self) -> None:
        if self.smtp is None:
            return
        try:
            self.smtp.quit()
        except (smtplib.SMTPException, OSError):
            self.smtp.close()
        self.smtp = None


def send_pending(limit: int = 200) -> SendReport:
    """Deliver the mail that is due over SMTP; one bad message never stops the others,
    a server that cannot be reached stops the run."""
    config = current_app.config
    if not config.get("SMTP_HOST"):
        raise MailNotConfigured("SMTP_HOST is niet ingesteld.")
    ids = _due_ids(datetime.now(UTC), limit)
    db.session.commit()
    run = _Run(config)
    try:
        for message_id in ids:
            message = _claim(message_id)
            if message is None:
                db.session.rollback()
                continue
            run.deliver(message)
            db.session.commit()
            if run.server_down:
                break
    finally:
        run.close()
    return SendReport(sent=run.sent, failed=run.failed, dead=run.dead,
                      waiting=pending_count(), server_down=run.server_down)


# --------------------------------------------------------------------------- for the administrator


def troubled(page: int = 1, per_page: int = 20) -> Page[OutboxMessage]:
    """Mail given up or failing (unsent, with an error): given up first, then the latest
    attempt first."""
    return paginate(
        select(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None), OutboxMessage.last_error.is_not(None))
        .order_by(OutboxMessage.dead_at.is_(None), OutboxMessage.last_attempt_at.desc(),
                  OutboxMessage.id.desc()),
        page, per_page,
    )


# --------------------------------------------------------------------------- privacy


def drop_unsent_about(participant_id: int, except_to: str | None = None) -> int:
    """Delete the unsent mail about a participant (optionally not that to one address)."""
    query = delete(OutboxMessage).where(OutboxMessage.participant_id == participant_id,
                                        OutboxMessage.sent_at.is_(None))
    if except_to:
        query = query.where(OutboxMessage.recipient != except_to.strip().lower())
    result = db.session.execute(query, execution_options={"synchronize_session": "fetch"})
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def purge_sent(condition: Any) -> int:
    """Empty subject and body of sent mail matching `condition` (the row stays, as a log
    of what was sent to whom and when)."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.sent_at.is_not(None), OutboxMessage.body != PURGED, condition)
        .values(subject=PURGED, body=PURGED, link_recipe=None),
        # "fetch": SQLite hands back naive datetimes, which Python cannot compare.
        execution_options={"synchronize_session": "fetch"},
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def sent_before_count(cutoff: datetime) -> int:
    """How much sent mail `purge_sent_before` would empty (for a dry run)."""
    return db.session.scalar(
        select(func.count()).select_from(OutboxMessage).where(
            OutboxMessage.sent_at < cutoff, OutboxMessage.body != PURGED)
    ) or 0


def purge_sent_about(participant_id: int) -> int:
    return purge_sent(OutboxMessage.participant_id == participant_id)


def purge_sent_before(cutoff: datetime) -> int:
    """Retention: the text of mail sent before `cutoff` (the caller commits)."""
    return purge_sent(OutboxMessage.sent_at < cutoff)
