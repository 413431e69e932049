"""Outgoing mail, written in the same transaction as the change it reports.

`flask outbox send` delivers it; a failed attempt is counted and kept, never dropped:
it is tried again at `next_attempt_at` (later after every failure) until it is sent or,
after MAIL_MAX_ATTEMPTS, given up (`dead_at`) and shown to the administrator.

`participant_id` says whom the mail is about, so erasing her finds it. A signed link
is never stored: the body holds a placeholder and `link_recipe` what is needed to
sign the link again when the mail leaves (see `services.platform.tokens`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.extensions import Model
from marketplace.models._types import timestamp, utcnow


class OutboxMessage(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(timestamp(), index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(timestamp())
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime | None] = mapped_column(timestamp(), index=True)
    dead_at: Mapped[datetime | None] = mapped_column(timestamp(), index=True)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id"), index=True)
    link_recipe: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # An iCalendar text (.ics) sent as an attachment, e.g. with a planned kennismaking.
    calendar: Mapped[str | None] = mapped_column(Text)

    def __repr__(self) -> str:
        return f"<OutboxMessage {self.id} to {self.recipient!r}>"
