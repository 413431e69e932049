"""The OpenAPI document describes exactly the routes there are; CSRF stays out of the API."""

from __future__ import annotations

import re

from jsonschema import Draft202012Validator

from marketplace.api.openapi import document
from tests.api.conftest import token_for
from tests.builders import make_user


def _routes(app) -> set[tuple[str, str]]:
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api."):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
            found |= {(path, method.lower()) for method in rule.methods - {"HEAD", "OPTIONS"}}
    return found


def test_every_route_is_documented_and_every_documented_path_exists(app) -> None:
    paths = document()["paths"]
    documented = {(path, method) for path, item in paths.items() for method in item
                  if method != "parameters"}
    assert documented == _routes(app)


def test_the_document_is_served_without_a_token_and_its_schemas_are_valid(client) -> None:
    served = client.get("/api/v1/openapi.json").get_json()
    assert served["openapi"] == "3.1.0"
    assert served["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    for schema in served["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
    text = str(served)
    for ref in set(re.findall(r"#/components/(\w+)/([\w.]+)", text)):
        assert ref[1] in served["components"][ref[0]], ref


def test_csrf_does_not_apply_to_token_calls(make_app, db) -> None:
    protected = make_app(WTF_CSRF_ENABLED=True)
    user = make_user()
    client = protected.test_client()
    response = client.get("/api/v1/vacancies",
                          headers={"Authorization": f"Bearer {token_for(user)}"})
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    posted = client.post("/api/v1/participants", json={"first_name": "A", "availability": []},
                         headers={"Authorization": f"Bearer {token_for(user)}"})
    assert posted.status_code == 201
