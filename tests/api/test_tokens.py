"""Tokens: issued for e-mail and password, hashed, rate limited, revoked and expiring."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from marketplace.extensions import limiter
from marketplace.models import ApiToken
from marketplace.services.accounts.login_throttle import ADDRESS_LIMIT
from tests.builders import PASSWORD, make_user


def _problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["type"]
    return body


def test_a_good_password_gives_a_token_and_only_its_hash_is_stored(client, db) -> None:
    user = make_user()
    response = client.post("/api/v1/tokens", json={"email": user.email, "password": PASSWORD})
    assert response.status_code == 201
    body = response.get_json()
    assert body["token_type"] == "Bearer"
    assert datetime.fromisoformat(body["expires_at"]) > datetime.now(UTC)
    row = db.scalar(select(ApiToken))
    assert row.user_id == user.id
    assert row.token_hash == hashlib.sha256(body["token"].encode()).hexdigest()
    assert body["token"] not in row.token_hash
    me = client.get("/api/v1/vacancies", headers={"Authorization": f"Bearer {body['token']}"})
    assert me.status_code == 200


def test_a_bad_password_gives_401_and_no_token(client, db) -> None:
    user = make_user()
    response = client.post("/api/v1/tokens", json={"email": user.email, "password": "fout"})
    _problem(response, 401)
    assert db.scalar(select(ApiToken)) is None


def test_a_token_request_names_missing_and_unknown_fields(client, db) -> None:
    body = _problem(client.post("/api/v1/tokens", json={"email": "a@b.nl", "x": 1}), 422)
    assert {e["field"] for e in body["errors"]} == {"password", "x"}


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nonsense", "Basic abc"])
def test_without_a_valid_token_the_api_answers_401_with_a_challenge(client, db, header) -> None:
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/vacancies", headers=headers)
    _problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_the_session_cookie_is_not_api_authentication(client, db, login) -> None:
    login(make_user())
    _problem(client.get("/api/v1/vacancies"), 401)
    _problem(client.post("/api/v1/participants", json={"first_name": "X"}), 401)


def test_a_revoked_token_no_longer_works(api_as, coach) -> None:
    api = api_as(coach)
    assert api.get("/vacancies").status_code == 200
    assert api.delete("/tokens/current").status_code == 204
    response = api.get("/vacancies")
    _problem(response, 401)
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_an_expired_token_no_longer_works(api_as, coach, db) -> None:
    api = api_as(coach)
    row = db.scalar(select(ApiToken))
    row.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    db.commit()
    _problem(api.get("/vacancies"), 401)


def test_an_inactive_users_token_no_longer_works(api_as, coach, db) -> None:
    api = api_as(coach)
    coach.active = False
    db.commit()
    _problem(api.get("/vacancies"), 401)


@pytest.fixture()
def limited_app(make_app, db):
    yield make_app(RATELIMIT_ENABLED=True)
    limiter.enabled = False
    limiter.reset()


def test_token_requests_are_rate_limited(limited_app) -> None:
    user = make_user()
    client = limited_app.test_client()
    # Counted like the login form: ADDRESS_LIMIT failures per address (here each for
    # another account; one account alone slows down after five), shared by every worker.
    statuses = [
        client.post("/api/v1/tokens", json={"email": f"gok{n}@test.nl", "password": "fout"})
        .status_code
        for n in range(ADDRESS_LIMIT + 1)
    ]
    assert statuses == [401] * ADDRESS_LIMIT + [429]
    _problem(client.post("/api/v1/tokens", json={"email": user.email, "password": PASSWORD}),
             429)
