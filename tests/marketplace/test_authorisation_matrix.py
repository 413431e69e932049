"""The authorisation matrix: every web route × every role, allowed or denied.

The routes come from `app.url_map`, so a new route without a line in MATRIX fails
here until someone decides who may use it. Each test logs one role in (straight into
the session: the login form itself is tested elsewhere), fills the URL with real
objects of the `world` below, and checks the answer: allowed is 2xx/3xx (not a
redirect to the login page), denied is 302-to-login or 401 for anonymous visitors
and 403/404 for everyone else. Denied POSTs must also leave the database unchanged.
The JSON API (/api/...) has its own tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask, url_for
from sqlalchemy import select

from marketplace import create_app
from marketplace.config import config_for_tests
from marketplace.domain.vocabulary import ApprovalState, ConsentPurpose, Role
from marketplace.extensions import db as _db
from marketplace.models import CohortAllocation, User
from marketplace.services import placements as placement_service
from marketplace.services import vacancy_import
from marketplace.services.vacancy_export import template_file
from tests.builders import make_organisation, make_participant, make_placement, make_vacancy

ANON, COACH, OTHER_COACH = "anonymous", "coach", "other_coach"
ORG, OTHER_ORG, CENTRE, POLICY, ADMIN = (
    "organisation", "other_organisation", "centre", "policy", "admin")
ROLES = (ANON, COACH, OTHER_COACH, ORG, OTHER_ORG, CENTRE, POLICY, ADMIN)
LOGGED_IN = frozenset(ROLES) - {ANON}
EVERYONE = frozenset(ROLES)


def _only(*roles: str) -> frozenset[str]:
    return frozenset(roles)


# (method, endpoint) -> the roles that are allowed; all other roles are denied.
# GET for pages (also of GET/POST forms); POST for POST-only routes.
MATRIX: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "start.index"): LOGGED_IN,
    ("GET", "auth.login"): EVERYONE,
    ("POST", "auth.logout"): LOGGED_IN,
    ("POST", "auth.set_language"): EVERYONE,
    ("GET", "notifications.index"): LOGGED_IN,
    ("POST", "notifications.mark_read"): LOGGED_IN,
    ("GET", "admin.audit_log"): _only(ADMIN),
    ("GET", "reports.index"): _only(POLICY, ADMIN),
    ("GET", "reports.export"): _only(POLICY, ADMIN),
    # participants: the case owner, the admin for support (read only)
    ("GET", "participants.index"): _only(COACH, OTHER_COACH),
    ("GET", "participants.create"): _only(COACH, OTHER_COACH),
    ("GET", "participants.detail"): _only(COACH, ADMIN),
    ("GET", "participants.edit"): _only(COACH),
    ("GET", "participants.add_measurement"): _only(COACH),
    ("GET", "participants.data_page"): _only(COACH, ADMIN),
    ("GET", "participants.data_json"): _only(COACH, ADMIN),
    ("POST", "participants.erase"): _only(COACH, ADMIN),
    ("POST", "participants.withdraw_consent"): _only(COACH),
    # matching and proposals
    ("GET", "matches.for_participant"): _only(COACH),
    ("POST", "matches.shortlist_add"): _only(COACH),
    ("POST", "matches.shortlist_remove"): _only(COACH),
    ("GET", "matches.propose"): _only(COACH),
    ("GET", "matches.cohort"): _only(COACH, OTHER_COACH),
    ("GET", "matches.cohort_result"): _only(COACH),
    ("GET", "matches.incoming"): _only(ORG, OTHER_ORG),
    # vacancies: published ones for coaches and the centre, own ones for editors
    ("GET", "vacancies.index"): LOGGED_IN - {POLICY},
    ("GET", "vacancies.detail"): _only(COACH, OTHER_COACH, ORG, CENTRE, ADMIN),
    ("GET", "vacancies.create"): _only(ORG, OTHER_ORG, CENTRE, ADMIN),
    ("GET", "vacancies.edit"): _only(ORG, CENTRE, ADMIN),
    ("POST", "vacancies.change_status"): _only(ORG, CENTRE, ADMIN),
    ("GET", "vacancies.export"): _only(ORG, OTHER_ORG, CENTRE, ADMIN),
    ("GET", "vacancies.import_template"): _only(CENTRE, ADMIN),
    ("GET", "vacancies.import_upload"): _only(CENTRE, ADMIN),
    ("GET", "vacancies.import_preview"): _only(CENTRE),  # the uploader's own batch
    ("POST", "vacancies.import_commit"): _only(CENTRE),
    # organisations
    ("GET", "organisations.signup"): EVERYONE,  # logged in: redirected to the start page
    ("GET", "organisations.index"): _only(CENTRE),
    ("GET", "organisations.create"): _only(CENTRE),
    ("GET", "organisations.mine"): _only(ORG, OTHER_ORG),
    ("GET", "organisations.detail"): _only(ORG, CENTRE, ADMIN),
    ("GET", "organisations.edit"): _only(ORG, CENTRE, ADMIN),
    ("POST", "organisations.change_approval"): _only(ORG, CENTRE, ADMIN),
    # placements: the parties of this placement (the admin may look)
    ("GET", "placements.index"): _only(COACH, OTHER_COACH, ORG, OTHER_ORG, CENTRE),
    ("GET", "placements.detail"): _only(COACH, ORG, CENTRE, ADMIN),
    ("POST", "placements.act"): _only(COACH, ORG, CENTRE),
    ("POST", "placements.send_link"): _only(COACH),
    ("POST", "placements.checkin"): _only(COACH, ORG, CENTRE),
    # the signed link is the employer's key: whoever holds it, logged in or not
    ("GET", "placements.link_page"): EVERYONE,
    ("POST", "placements.link_act"): EVERYONE,
}

def _routes(app: Flask) -> list[tuple[str, str, str]]:
    """(method, endpoint, rule) for every web route, as the matrix tests it."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.rule.startswith("/api/"):
            continue
        methods = rule.methods or set()
        method = "GET" if "GET" in methods else "POST"
        found.append((method, rule.endpoint, rule.rule))
    return sorted(found, key=lambda r: (r[2], r[0]))


def _readable(rule: str) -> str:
    return rule.replace("<id:", "<").replace("<path:", "<")


_ROUTES = _routes(create_app(config_for_tests("sqlite://")))
CASES = [
    pytest.param(method, endpoint, rule, role, id=f"{method} {_readable(rule)} as {role}")
    for method, endpoint, rule in _ROUTES
    for role in ROLES
]


# --------------------------------------------------------------------------- the world


@dataclass
class World:
    users: dict[str, User]
    params: dict[str, Any]
    link_token: str
    import_token: str


def _user(role: Role, name: str, **fields: Any) -> User:
    # No Argon2 hash: these accounts are logged in through the session, not the form.
    user = User(email=f"{name}@matrix.test", name=name, role=role, password_hash="!", **fields)
    _db.session.add(user)
    _db.session.commit()
    return user


@pytest.fixture()
def world(db) -> World:
    centre_org = make_organisation(name="Vrijwilligerscentrale", kind="vrijwilligerscentrale")
    organisation = make_organisation(name="Wijkcentrum", managed_by_id=centre_org.id)
    other_organisation = make_organisation(name="Ander centrum")
    users = {
        COACH: _user(Role.COACH, "coach"),
        OTHER_COACH: _user(Role.COACH, "other-coach"),
        ORG: _user(Role.ORGANISATION, "org", organisation_id=organisation.id),
        OTHER_ORG: _user(Role.ORGANISATION, "other-org", organisation_id=other_organisation.id),
        CENTRE: _user(Role.CENTRALE, "centre", organisation_id=centre_org.id),
        POLICY: _user(Role.POLICY, "policy"),
        ADMIN: _user(Role.ADMIN, "admin"),
    }
    participant = make_participant(
        users[COACH], consents=(ConsentPurpose.MATCHING, ConsentPurpose.SHARING))
    vacancy = make_vacancy(organisation)
    placement = make_placement(participant, vacancy)
    run = CohortAllocation(coach_id=users[COACH].id, rows=[], total_score=0.0)
    _db.session.add(run)
    _db.session.commit()
    link_token = placement_service.send_link(placement.id, users[COACH], "baas@wijkcentrum.nl")
    batch = vacancy_import.start_batch(users[CENTRE], "vacatures.csv",
                                       template_file("csv").content)
    assert organisation.approval == ApprovalState.APPROVED
    params = {
        "participant_id": participant.id,
        "vacancy_id": vacancy.id,
        "placement_id": placement.id,
        "organisation_id": organisation.id,
        "run_id": run.id,
        "lang": "nl",
        "fmt": "xlsx",
        "file_format": "csv",
        "purpose": "matching",
        "action": "accept",
        "kind": "first_day_org",
    }
    return World(users, params, link_token, batch.token)


def _url(app: Flask, endpoint: str, world: World) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    values = {name: world.params[name] for name in rule.arguments if name in world.params}
    if "token" in rule.arguments:
        values["token"] = world.import_token if endpoint.startswith("vacancies.") \
            else world.link_token
    if endpoint == "placements.link_act":
        values["action"] = "start_proefperiode"
    missing = rule.arguments - values.keys()
    assert not missing, f"the matrix has no value for {sorted(missing)} in {rule.rule}"
    with app.test_request_context():
        return url_for(endpoint, **values)


def _snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: a denied POST must not change any of them."""
    _db.session.expire_all()
    return {
        table.name: sorted(tuple(map(repr, row)) for row in _db.session.execute(select(table)))
        for table in _db.metadata.sorted_tables
    }


def _log_in(client: Any, user: User) -> None:
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True


def _is_login_redirect(response: Any) -> bool:
    """Flask-Login's answer to a visitor who must log in first (logout's own redirect
    to the login page carries no `next`)."""
    location = response.headers.get("Location", "")
    return response.status_code == 302 and "/login" in location and "next=" in location


def test_every_route_has_a_line_in_the_matrix(app: Flask) -> None:
    routes = {(method, endpoint) for method, endpoint, _ in _routes(app)}
    assert routes - MATRIX.keys() == set(), "new routes: add who may use them to MATRIX"
    assert MATRIX.keys() - routes == set(), "MATRIX lines for routes that no longer exist"


@pytest.mark.parametrize(("method", "endpoint", "rule", "role"), CASES)
def test_authorisation(app: Flask, client: Any, world: World, method: str, endpoint: str,
                       rule: str, role: str) -> None:
    assert (method, endpoint) in MATRIX, f"{method} {rule} is not in MATRIX: who may use it?"
    allowed = role in MATRIX[(method, endpoint)]
    url = _url(app, endpoint, world)
    if role != ANON:
        _log_in(client, world.users[role])
    before = _snapshot() if method == "POST" and not allowed else None
    response = client.get(url) if method == "GET" else client.post(url, data={})
    status = response.status_code
    if allowed and method == "GET":
        assert 200 <= status < 400 and not _is_login_redirect(response), (
            f"{role} should be allowed, got {status}")
    elif allowed:
        # An empty POST may be refused as input (400/422), but never as access.
        assert status < 500 and status not in (401, 403, 404), (
            f"{role} should be allowed, got {status}")
        assert not _is_login_redirect(response)
    elif role == ANON:
        assert status == 401 or _is_login_redirect(response), (
            f"anonymous should be sent to the login, got {status}")
    else:
        assert status in (403, 404), f"{role} should be denied, got {status}"
    if before is not None:
        assert _snapshot() == before, "a denied POST changed the database"
