"""An in-app notification for one user: a short text and a link inside the site.

`participant_id` says whom the text is about, so erasure and a withdrawn consent
to share can blank it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.extensions import Model
from marketplace.models._types import timestamp, utcnow


class Notification(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    link: Mapped[str] = mapped_column(String(300), default="")  # a path on this site
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(timestamp())
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id"), index=True)
