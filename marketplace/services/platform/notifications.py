"""In-app notifications: added in the caller's transaction, read on /meldingen."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import func, select, update

from marketplace.extensions import db
from marketplace.models import Notification, User

TEXT_MAX = 500


def notify(users: Iterable[User], text: str, link: str = "") -> None:
    """One notification per user (no commit: part of the caller's change)."""
    for user_id in dict.fromkeys(user.id for user in users):
        db.session.add(Notification(user_id=user_id, text=text[:TEXT_MAX], link=link))


def unread_count(user: User) -> int:
    return db.session.scalar(
        select(func.count()).select_from(Notification).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)
        )
    ) or 0


def recent(user: User, limit: int = 50) -> list[Notification]:
    return list(db.session.scalars(
        select(Notification).where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)
    ))


def mark_all_read(user: User) -> int:
    result = db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=datetime.now(UTC))
    )
    db.session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
