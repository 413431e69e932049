"""Login attempts are rate limited with a clear Dutch message; the password policy."""

from __future__ import annotations

import pytest

from marketplace.domain.passwords import password_problems
from marketplace.extensions import limiter
from tests.builders import make_user


@pytest.fixture()
def limited_app(make_app, db):
    """An app with rate limiting on. Flask-Limiter keeps `enabled` and its counters on
    the one shared extension object, so switch it off and clear it again afterwards."""
    yield make_app(RATELIMIT_ENABLED=True)  # also the login counts in the database
    limiter.enabled = False
    limiter.reset()


def test_too_many_login_attempts_get_a_clear_message(limited_app) -> None:
    """Ten failures from one address (each for another account), then it must wait."""
    client = limited_app.test_client()
    statuses = [
        client.post("/login", data={"email": f"iemand{n}@test.nl", "password": "fout"}).status_code
        for n in range(11)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
    page = client.post("/login", data={"email": make_user().email, "password": "x"})
    assert page.status_code == 429
    assert "te vaak geprobeerd" in page.get_data(as_text=True)


def test_one_account_slows_down_after_five_failures(limited_app) -> None:
    user = make_user()
    client = limited_app.test_client()
    statuses = [
        client.post("/login", data={"email": user.email, "password": "fout"}).status_code
        for _ in range(6)
    ]
    assert statuses == [200] * 5 + [429]


def test_looking_at_the_login_page_is_not_limited(limited_app) -> None:
    client = limited_app.test_client()
    assert {client.get("/login").status_code for _ in range(15)} == {200}


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("kort", "minstens 12 tekens"),
        ("aaaaaaaaaaaaaaaa", "te makkelijk"),
        ("welkom123456", "te makkelijk"),
        ("fatima.degroot-2026!", "e-mailadres"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(password: str, expected: str) -> None:
    problems = password_problems(password, email="fatima.degroot@gemeente.nl")
    assert any(expected in problem for problem in problems)


def test_a_long_passphrase_is_accepted() -> None:
    assert password_problems("fiets naar de taalles op dinsdag", "a@b.nl") == []
