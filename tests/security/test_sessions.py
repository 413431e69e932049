"""Sessions end on the server: logout and a password change make every cookie issued
before useless, also a copy; a cookie older than the session lifetime is refused."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from marketplace.errors import DomainError
from marketplace.services.accounts.api_tokens import issue_token, user_for_token
from marketplace.services.accounts.users import change_password
from tests.builders import PASSWORD, make_user

NEW_PASSWORD = "fiets naar de taalles op dinsdag"


@pytest.fixture()
def web(make_app, db):
    """An app of its own: each request then gets a fresh app context, so Flask-Login
    loads the user from the cookie every time (the `app` fixture's context is shared
    with the test, and Flask-Login would keep the user of an earlier request in `g`)."""
    return make_app()


def _logged_in_client(web, user, password: str = PASSWORD):
    client = web.test_client()
    response = client.post("/login", data={"email": user.email, "password": password})
    assert response.status_code == 302
    return client


def _copy_of(web, client):
    """Another browser holding the same session cookie (stolen or copied)."""
    other = web.test_client()
    other.set_cookie("session", client.get_cookie("session").value)
    return other


def _is_logged_in(client) -> bool:
    return client.get("/").status_code == 200


def test_a_cookie_copied_before_logout_stops_working(web) -> None:
    client = _logged_in_client(web, make_user())
    copy = _copy_of(web, client)
    assert _is_logged_in(copy)
    client.post("/logout")
    assert not _is_logged_in(copy)
    assert not _is_logged_in(client)


def test_logout_ends_only_that_account(web) -> None:
    first = _logged_in_client(web, make_user())
    second = _logged_in_client(web, make_user())
    first.post("/logout")
    assert _is_logged_in(second)


def test_logging_in_again_after_logout_works(web) -> None:
    user = make_user()
    _logged_in_client(web, user).post("/logout")
    assert _is_logged_in(_logged_in_client(web, user))


def test_a_password_change_ends_sessions_and_api_tokens(web) -> None:
    user = make_user()
    client = _logged_in_client(web, user)
    token = issue_token(user.email, PASSWORD)
    assert token is not None
    change_password(user, NEW_PASSWORD)
    assert not _is_logged_in(client)
    assert user_for_token(token.token) is None
    assert _is_logged_in(_logged_in_client(web, user, NEW_PASSWORD))


def test_a_weak_new_password_is_refused_and_changes_nothing(web) -> None:
    user = make_user()
    client = _logged_in_client(web, user)
    with pytest.raises(DomainError, match="12 tekens"):
        change_password(user, "kort")
    assert _is_logged_in(client)


def test_a_cookie_with_only_the_user_id_is_refused(web) -> None:
    """The old cookie format, and what anyone who has the key could forge from an id."""
    user = make_user()
    client = web.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True
    assert not _is_logged_in(client)


@pytest.mark.parametrize("value", ["", ":", "x:y", "1:", "99999999999:abc", "-1:abc"])
def test_malformed_session_ids_are_anonymous(web, value: str) -> None:
    client = web.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = value
    assert client.get("/").status_code == 302


def test_the_session_lifetime_is_bounded(app) -> None:
    assert app.config["PERMANENT_SESSION_LIFETIME"] <= timedelta(hours=12)


def test_a_cookie_older_than_the_lifetime_is_refused(make_app, db) -> None:
    short = make_app(PERMANENT_SESSION_LIFETIME=timedelta(seconds=1))
    client = _logged_in_client(short, make_user())
    assert _is_logged_in(client)
    time.sleep(2.1)
    assert not _is_logged_in(client)
