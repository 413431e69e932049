"""Login attempts are counted in the database: every worker and app instance sees the
same counts, per real client address (behind TRUSTED_PROXIES proxies), and an account
slows down progressively instead of being locked for an hour by a stranger."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from marketplace.extensions import limiter
from marketplace.models import LoginThrottle
from marketplace.services.accounts.login_throttle import (
    ACCOUNT_MAX_DELAY,
    ADDRESS_LIMIT,
    account_delay,
    account_key,
)
from tests.builders import PASSWORD, make_user

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def limited(make_app, db):
    """make_limited(**overrides): apps with rate limits on, over the test database."""
    yield lambda **overrides: make_app(RATELIMIT_ENABLED=True, **overrides)
    limiter.enabled = False
    limiter.reset()


def _post_login(client, email: str, password: str = "fout", address: str = "127.0.0.1",
                headers: dict[str, str] | None = None) -> int:
    response = client.post("/login", data={"email": email, "password": password},
                           environ_base={"REMOTE_ADDR": address}, headers=headers or {})
    return response.status_code


def _fail_from_one_address(client, count: int, **kwargs) -> list[int]:
    return [_post_login(client, f"gok{n}@test.nl", **kwargs) for n in range(count)]


def test_two_app_instances_share_the_counts(limited) -> None:
    first, second = limited().test_client(), limited().test_client()
    statuses = [_post_login(client, f"gok{n}@test.nl")
                for n, client in enumerate([first, second] * (ADDRESS_LIMIT // 2))]
    assert statuses == [200] * ADDRESS_LIMIT
    assert _post_login(first, "nog@test.nl") == 429
    assert _post_login(second, "nog@test.nl") == 429


_OTHER_PROCESS = textwrap.dedent("""
    import json, sys
    from marketplace import create_app
    from marketplace.config import config_for_tests
    app = create_app(config_for_tests(sys.argv[1]) | {"RATELIMIT_ENABLED": True})
    client = app.test_client()
    response = client.post("/login", data={"email": "ander@test.nl", "password": "fout"})
    print(json.dumps(response.status_code))
""")


def test_another_process_sees_the_counts(limited, app) -> None:
    """A second worker is a second process: it must refuse the eleventh guess too."""
    client = limited().test_client()
    assert _fail_from_one_address(client, ADDRESS_LIMIT) == [200] * ADDRESS_LIMIT
    result = subprocess.run(
        [sys.executable, "-c", _OTHER_PROCESS, app.config["SQLALCHEMY_DATABASE_URI"]],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "KOPPELKANS_ENV": "test"}, check=True,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == 429


def test_the_address_behind_the_configured_proxy_counts(limited) -> None:
    client = limited(TRUSTED_PROXIES=1).test_client()
    proxy = "10.0.0.1"
    mallory = {"X-Forwarded-For": "203.0.113.5"}
    alice = {"X-Forwarded-For": "198.51.100.7"}
    assert set(_fail_from_one_address(client, ADDRESS_LIMIT, address=proxy, headers=mallory)) \
        == {200}
    assert _post_login(client, "x@test.nl", address=proxy, headers=mallory) == 429
    user = make_user()
    assert _post_login(client, user.email, PASSWORD, address=proxy, headers=alice) == 302


def test_without_proxies_a_forwarded_header_is_ignored(limited) -> None:
    client = limited().test_client()
    _fail_from_one_address(client, ADDRESS_LIMIT)
    spoofed = {"X-Forwarded-For": "198.51.100.99"}
    assert _post_login(client, "x@test.nl", headers=spoofed) == 429


def test_the_account_delay_grows_and_is_bounded() -> None:
    delays = [account_delay(failures).total_seconds() for failures in range(4, 20)]
    assert delays[:4] == [0, 1, 2, 4]
    assert delays == sorted(delays)
    assert max(delays) == ACCOUNT_MAX_DELAY.total_seconds() <= 300


def _pretend_last_failure_was(db, email: str, ago: timedelta) -> None:
    moment = datetime.now(UTC) - ago
    db.execute(update(LoginThrottle).where(LoginThrottle.key == account_key(email))
               .values(last_failure_at=moment, first_failure_at=moment))
    db.commit()


def test_a_stranger_cannot_lock_an_account_out_for_an_hour(limited, db) -> None:
    """Forty wrong passwords from forty addresses: the owner waits minutes, not an hour."""
    user = make_user()
    client = limited().test_client()
    for n in range(40):
        _pretend_last_failure_was(db, user.email, ACCOUNT_MAX_DELAY)
        assert _post_login(client, user.email, address=f"192.0.2.{n + 1}") == 200
    assert _post_login(client, user.email, PASSWORD, address="198.51.100.1") == 429
    _pretend_last_failure_was(db, user.email, ACCOUNT_MAX_DELAY + timedelta(seconds=1))
    assert _post_login(client, user.email, PASSWORD, address="198.51.100.1") == 302
    assert db.get(LoginThrottle, account_key(user.email)) is None  # success clears it


def test_the_counts_keep_no_email_address(limited, db) -> None:
    client = limited().test_client()
    _post_login(client, "geheim.adres@test.nl")
    keys = db.scalars(select(LoginThrottle.key)).all()
    assert len(keys) == 2 and not any("geheim" in key for key in keys)
