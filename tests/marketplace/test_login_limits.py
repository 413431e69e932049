"""Login attempts are rate limited with a clear Dutch message; the password policy."""

from __future__ import annotations

import pytest

from marketplace.domain.passwords import password_problems
from marketplace.extensions import limiter
from marketplace.services.accounts.login_throttle import ADDRESS_LIMIT
from tests.builders import PASSWORD, make_user


@pytest.fixture()
def limited_app(make_app, db):
    """An app with rate limiting on. Flask-Limiter keeps `enabled` and its counters on
    the one shared extension object, so switch it off and clear it again afterwards."""
    yield make_app(RATELIMIT_ENABLED=True)  # also the login counts in the database
    limiter.enabled = False
    limiter.reset()


def test_too_many_login_attempts_get_a_clear_message(limited_app) -> None:
    """ADDRESS_LIMIT failures from one address (each for another account), then it waits."""
    client = limited_app.test_client()
    statuses = [
        client.post("/login", data={"email": f"iemand{n}@test.nl", "password": "fout"}).status_code
        for n in range(ADDRESS_LIMIT + 1)
    ]
    assert statuses[:ADDRESS_LIMIT] == [200] * ADDRESS_LIMIT
    assert statuses[ADDRESS_LIMIT] == 429
    page = client.post("/login", data={"email": make_user().email, "password": "x"})
    assert page.status_code == 429
    assert "te vaak geprobeerd" in page.get_data(as_text=True)


def test_an_office_behind_one_address_is_not_locked_out(limited_app) -> None:
    """Thirty colleagues behind one address, each mistyping twice, all get in."""
    client = limited_app.test_client()
    for n in range(30):
        colleague = make_user(email=f"collega{n}@gemeente.nl")
        for _ in range(2):
            wrong = client.post("/login", data={"email": colleague.email, "password": "fout"})
            assert wrong.status_code == 200
            assert "Het e-mailadres of het wachtwoord klopt niet." in wrong.get_data(as_text=True)
        right = client.post("/login", data={"email": colleague.email, "password": PASSWORD})
        assert right.status_code == 302, n
        client.post("/logout")


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
