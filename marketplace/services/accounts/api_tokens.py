"""Bearer tokens for the JSON API: issued for an e-mail and password, stored as SHA-256."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from marketplace.extensions import db
from marketplace.models import ApiToken, User
from marketplace.services.accounts.login_throttle import attempt_login

TOKEN_LIFETIME = timedelta(days=30)


@dataclass(frozen=True)
class IssuedToken:
    token: str  # shown once; the database keeps only its hash
    expires_at: datetime


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(email: str, password: str, address: str | None = None) -> IssuedToken | None:
    """A new token for the account with this e-mail and password, or None; counted by
    the same login throttle as the login form (raises TooManyAttempts)."""
    user = attempt_login(email, password, address)
    if user is None:
        return None
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    expires_at = now + TOKEN_LIFETIME
    db.session.add(ApiToken(user_id=user.id, token_hash=_hash(token), created_at=now,
                            expires_at=expires_at))
    db.session.commit()
    return IssuedToken(token, expires_at)


def find_token(token: str) -> ApiToken | None:
    """The live token row (not revoked, not expired, of an active user), or None."""
    if not token or len(token) > 200:
        return None
    row = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash(token)))
    if row is None or not hmac.compare_digest(row.token_hash, _hash(token)):
        return None
    if row.revoked_at is not None or row.expires_at <= datetime.now(UTC):
        return None
    return row if row.user.active else None


def user_for_token(token: str) -> User | None:
    row = find_token(token)
    return row.user if row else None


def revoke_token(token: str) -> bool:
    """Revoke this token; False when it was not live."""
    row = find_token(token)
    if row is None:
        return False
    row.revoked_at = datetime.now(UTC)
    db.session.commit()
    return True
