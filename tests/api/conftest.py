"""Fixtures for the API tests: a token for a user, and requests with it."""

from __future__ import annotations

from typing import Any

import pytest

from marketplace.domain.vocabulary import ConsentPurpose, Role
from marketplace.models import User
from marketplace.services.accounts.api_tokens import issue_token
from tests.builders import PASSWORD, make_organisation, make_participant, make_user


class Api:
    """The test client with `Authorization: Bearer` for one user."""

    def __init__(self, client: Any, token: str) -> None:
        self.client, self.token = client, token

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get("/api/v1" + path, headers=self._headers(), **kwargs)

    def post(self, path: str, json: Any = None, **kwargs: Any) -> Any:
        return self.client.post("/api/v1" + path, json=json, headers=self._headers(), **kwargs)

    def patch(self, path: str, json: Any = None, **kwargs: Any) -> Any:
        return self.client.patch("/api/v1" + path, json=json, headers=self._headers(), **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Any:
        return self.client.delete("/api/v1" + path, headers=self._headers(), **kwargs)


def token_for(user: User) -> str:
    issued = issue_token(user.email, PASSWORD)
    assert issued is not None
    return issued.token


@pytest.fixture()
def api_as(client):
    """api_as(user) -> Api for that user."""

    def _as(user: User) -> Api:
        return Api(client, token_for(user))

    return _as


@pytest.fixture()
def coach(db) -> User:
    return make_user(Role.COACH)


@pytest.fixture()
def organisation(db):
    return make_organisation()


@pytest.fixture()
def member(organisation) -> User:
    return make_user(Role.ORGANISATION, organisation=organisation)


@pytest.fixture()
def own_participant(coach):
    return make_participant(coach, consents=(ConsentPurpose.MATCHING, ConsentPurpose.SHARING))
