"""Accounts: password hashing (Argon2id), authentication and the production guard."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, current_app, has_app_context
from sqlalchemy import func, inspect, select

from marketplace.config import DEVELOPMENT_ENVIRONMENTS, STRONG_PASSWORD_HASHING, ConfigError
from marketplace.domain.passwords import password_problems
from marketplace.domain.vocabulary import Role
from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import ApiToken, User


@cache
def _hasher_with(time_cost: int, memory_cost: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism)


def _hasher() -> PasswordHasher:
    """The app's Argon2 cost (config PASSWORD_HASHING: strong everywhere but a test
    run); outside an app the strong one."""
    settings = (current_app.config["PASSWORD_HASHING"] if has_app_context()
                else STRONG_PASSWORD_HASHING)
    return _hasher_with(**settings)


@cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    """Verifying against a dummy hash for unknown e-mail addresses keeps the response time
    the same, so the login form does not reveal which addresses have an account; it is
    made with the same cost as the real hashes, or the times would differ again."""
    return hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def find_user_by_email(email: str) -> User | None:
    return db.session.scalars(
        select(User).where(func.lower(User.email) == email.strip().lower())
    ).first()


def authenticate(email: str, password: str) -> User | None:
    """The active user with this e-mail and password, or None."""
    user = find_user_by_email(email)
    if user is None:
        password_matches(_dummy_hash(_hasher()), password)
        return None
    if not user.active or not password_matches(user.password_hash, password):
        return None
    return user


def user_for_session(session_id: str) -> User | None:
    """The user whose session cookie carries this "id:token" (User.get_id), or None.

    A cookie from before a logout or password change carries an old token; a bare id
    (what a forged or old-format cookie holds) carries none: both are refused."""
    raw_id, _, token = session_id.partition(":")
    if not raw_id.isdigit() or not token or len(raw_id) > 10:
        return None
    user = db.session.get(User, int(raw_id))
    if user is None or not hmac.compare_digest(user.session_token, token):
        return None
    return user


def end_sessions(user: User) -> None:
    """Log the account out everywhere: every session cookie issued so far stops working."""
    user.end_sessions()
    db.session.commit()


def change_password(user: User, new_password: str, *, commit: bool = True) -> None:
    """A new password (checked against the policy) that ends every session and API token
    of the account, so whoever knew the old one is out. `commit=False`: part of the
    caller's transaction (a password set through a single-use link)."""
    problems = password_problems(new_password, user.email)
    if problems:
        raise DomainError(" ".join(problems), field="password")
    user.password_hash = hash_password(new_password)
    user.end_sessions()
    now = datetime.now(UTC)
    for token in db.session.scalars(
        select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
    ):
        token.revoked_at = now
    if commit:
        db.session.commit()


def create_user(
    email: str,
    name: str,
    role: Role,
    password: str,
    organisation_id: int | None = None,
    is_demo: bool = False,
) -> User:
    """Add a user to the session; the caller commits."""
    user = User(
        email=email.strip().lower(),
        name=name,
        role=role,
        password_hash=hash_password(password),
        organisation_id=organisation_id,
        is_demo=is_demo,
    )
    db.session.add(user)
    return user


def demo_accounts_present() -> bool:
    if not inspect(db.engine).has_table(User.__tablename__):
        return False
    return db.session.scalar(select(func.count()).where(User.is_demo.is_(True))) != 0


def refuse_demo_accounts_outside_development(app: Flask) -> None:
    """Demo accounts share a published password: only a laptop or a test run serves them."""
    env = app.config["KOPPELKANS_ENV"]
    if env in DEVELOPMENT_ENVIRONMENTS:
        return
    with app.app_context():
        if demo_accounts_present():
            raise ConfigError(
                "Deze database bevat demo-accounts; verwijder ze voordat u Koppelkans "
                f"start met KOPPELKANS_ENV={env}."
            )
