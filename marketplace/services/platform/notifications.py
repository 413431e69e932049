"""In-app notifications: added in the caller's transaction, read on /meldingen."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import func, select, update

from marketplace.extensions import db
from marketplace.models import Notification, Participant, User

TEXT_MAX = 500


def notify(users: Iterable[User], text: str, link: str = "", *,
           about: Participant | None = None) -> None:
    """One notification per user (no commit: part of the caller's change).

    `about`: the participant the text is about, so erasure can blank it."""
    participant_id = about.id if about is not None else None
    for user_id in dict.fromkeys(user.id for user in users):
        db.session.add(Notification(user_id=user_id, text=text[:TEXT_MAX], link=link,
                                    participant_id=participant_id))


def blank_about(participant_id: int, text: str, except_user_id: int | None = None) -> int:
    """Replace the text of every notification about a participant (optionally not those
    of one user); the link and read state stay. In the caller's transaction."""
    query = update(Notification).where(Notification.participant_id == participant_id,
                                       Notification.text != text)
    if except_user_id is not None:
        query = query.where(Notification.user_id != except_user_id)
    result = db.session.execute(query.values(text=text[:TEXT_MAX]),
                                execution_options={"synchronize_session": "fetch"})
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


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


def mark_read_for_link(user: User, link: str) -> int:
    """Opening the page a notification points to reads it: the counter goes down."""
    result = db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.link == link,
               Notification.read_at.is_(None))
        .values(read_at=datetime.now(UTC))
    )
    if result.rowcount:  # type: ignore[attr-defined]
        db.session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
