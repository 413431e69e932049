"""Password guessing slowed down, with counts in the database that every worker and
every app instance shares (a per-process counter let 40 of 60 guesses through under
4 workers).

Two counts per failed attempt:
- per client address: at most ADDRESS_LIMIT failures in ADDRESS_WINDOW, then that
  address waits for the window to end (behind proxies the address comes from
  ProxyFix, see TRUSTED_PROXIES);
- per account (the e-mail address tried, stored as a hash): after ACCOUNT_FREE_FAILURES
  each next attempt waits a delay that doubles per failure, at most ACCOUNT_MAX_DELAY.
  A stranger can slow an account down by minutes, not lock it for an hour.
A successful login clears the account's count.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import case
from sqlalchemy.dialects import postgresql, sqlite

from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import LoginThrottle, User
from marketplace.services.accounts.users import authenticate

# An office or a school behind one address (one NAT) must not lock out its colleagues:
# 100 failures in 15 minutes is far beyond the typing errors of a team (thirty people
# mistyping twice stay well below), while guessing is held back per account below.
ADDRESS_LIMIT = 100
ADDRESS_WINDOW = timedelta(minutes=15)
ACCOUNT_FREE_FAILURES = 5
ACCOUNT_MAX_DELAY = timedelta(minutes=2)
ACCOUNT_FORGET_AFTER = timedelta(hours=24)


class TooManyAttempts(DomainError):
    """Refused without checking the password: wait `wait_seconds` and try again."""

    def __init__(self, wait_seconds: int) -> None:
        super().__init__(
            f"U heeft het te vaak geprobeerd. Wacht {wait_seconds} seconden en probeer het "
            "dan opnieuw.",
            field="password",
        )
        self.wait_seconds = wait_seconds


def _enabled() -> bool:
    # The tests switch rate limits off in one place (RATELIMIT_ENABLED), this one too.
    return bool(current_app.config.get("RATELIMIT_ENABLED", True))


def address_key(address: str) -> str:
    return "address:" + address[:90]


def account_key(email: str) -> str:
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return "account:" + digest


def account_delay(failures: int) -> timedelta:
    """How long after the last failure the account takes its next attempt."""
    if failures < ACCOUNT_FREE_FAILURES:
        return timedelta(0)
    doublings = min(failures - ACCOUNT_FREE_FAILURES, 16)  # 2**16 s is beyond the cap anyway
    return min(timedelta(seconds=2**doublings), ACCOUNT_MAX_DELAY)


def _address_ready_at(row: LoginThrottle | None) -> datetime | None:
    if row is None or row.failures < ADDRESS_LIMIT:
        return None
    return row.first_failure_at + ADDRESS_WINDOW


def _account_ready_at(row: LoginThrottle | None) -> datetime | None:
    if row is None or row.last_failure_at + ACCOUNT_FORGET_AFTER < datetime.now(UTC):
        return None
    return row.last_failure_at + account_delay(row.failures)


def seconds_to_wait(address: str | None, email: str) -> int:
    """0 when this attempt may be checked; otherwise the seconds still to wait."""
    if not _enabled():
        return 0
    now = datetime.now(UTC)
    moments = [_account_ready_at(db.session.get(LoginThrottle, account_key(email)))]
    if address is not None:
        moments.append(_address_ready_at(db.session.get(LoginThrottle, address_key(address))))
    waits = [(moment - now).total_seconds() for moment in moments if moment is not None]
    return max([0, *(int(wait) + 1 for wait in waits if wait > 0)])


def _upsert(key: str, window: timedelta, now: datetime) -> Any:
    """One atomic statement (two workers may count at once): a count older than its
    window starts again at 1."""
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(LoginThrottle).values(
        key=key, failures=1, first_failure_at=now, last_failure_at=now
    )
    table = LoginThrottle.__table__.c
    expired = table.first_failure_at < now - window
    return statement.on_conflict_do_update(
        index_elements=[table.key],
        set_={
            "failures": case((expired, 1), else_=table.failures + 1),
            "first_failure_at": case((expired, now), else_=table.first_failure_at),
            "last_failure_at": now,
        },
    )


def record_failure(address: str | None, email: str) -> None:
    if not _enabled():
        return
    now = datetime.now(UTC)
    db.session.execute(_upsert(account_key(email), ACCOUNT_FORGET_AFTER, now))
    if address is not None:
        db.session.execute(_upsert(address_key(address), ADDRESS_WINDOW, now))
    db.session.commit()


def record_success(email: str) -> None:
    if not _enabled():
        return
    row = db.session.get(LoginThrottle, account_key(email))
    if row is not None:
        db.session.delete(row)
        db.session.commit()


def attempt_login(email: str, password: str, address: str | None) -> User | None:
    """The active user with this e-mail and password, or None; raises TooManyAttempts
    while this address or account must wait. `address` None (the command line, a
    service of our own) counts the account only."""
    wait = seconds_to_wait(address, email)
    if wait:
        raise TooManyAttempts(wait)
    user = authenticate(email, password)
    if user is None:
        record_failure(address, email)
    else:
        record_success(email)
    return user
