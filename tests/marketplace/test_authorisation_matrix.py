"""The authorisation matrix: every web route and every API endpoint × every role,
allowed or denied, from the one table MATRIX.

The routes come from `app.url_map`, so a new route or API method without a line in
MATRIX fails here until someone decides who may use it. Objects come from the `world`
below: the coach's participant, the organisation's vacancy (its centre manages it) and
their placements, so "other coach" and "other organisation" test ownership too.

Web routes: each test logs one role in (straight into the session: the login form is
tested elsewhere) and checks the answer: allowed is 2xx/3xx (not a redirect to the
login page), denied is 302-to-login or 401 for anonymous visitors and 403/404 for
everyone else. Denied POSTs must also leave the database unchanged.

API endpoints (/api/v1, every method): each test sends one role's bearer token (none
for anonymous) and a valid body from API_BODIES: allowed is 2xx, denied is 401 for
anonymous and 403/404 problem+json for everyone else (or 422 naming the field, where
the other party's object is named in the body, not the URL). A denied write leaves
every table as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask, g, url_for
from sqlalchemy import select
from sqlalchemy.orm import scoped_session

from marketplace import create_app
from marketplace.config import config_for_tests
from marketplace.domain.placements import PlacementState
from marketplace.domain.vocabulary import ApprovalState, ConsentPurpose, Role
from marketplace.extensions import db as _db
from marketplace.models import CohortAllocation, User
from marketplace.services.accounts import invitations
from marketplace.services.accounts.users import hash_password
from marketplace.services.participants import handover
from marketplace.services.placements import links as link_service
from marketplace.services.platform import audit
from marketplace.services.vacancies import import_batches as vacancy_import
from marketplace.services.vacancies.export import template_file
from tests.api.conftest import token_for
from tests.builders import (
    PASSWORD,
    make_organisation,
    make_participant,
    make_placement,
    make_region,
    make_vacancy,
    municipality_named,
)
from tests.rollback import SharedTransaction

ANON, COACH, OTHER_COACH = "anonymous", "coach", "other_coach"
ORG, OTHER_ORG, CENTRE, POLICY, ADMIN = (
    "organisation", "other_organisation", "centre", "policy", "admin")
# Tenancy (issue 22): the world is Nijmegen's (its coach, participant, policy officer and
# municipal admin) in the region Rijk van Nijmegen; the Wijchen roles are the cross-
# municipality cases, and the former coach handed the participant over to COACH.
REGIONAL_ADMIN, MUNICIPAL_ADMIN = "regional_admin", "municipal_admin"
POLICY_WIJCHEN, ADMIN_WIJCHEN, FORMER_COACH = (
    "policy_wijchen", "municipal_admin_wijchen", "former_coach")
ROLES = (ANON, COACH, OTHER_COACH, ORG, OTHER_ORG, CENTRE, POLICY, ADMIN,
         REGIONAL_ADMIN, MUNICIPAL_ADMIN, POLICY_WIJCHEN, ADMIN_WIJCHEN, FORMER_COACH)
LOGGED_IN = frozenset(ROLES) - {ANON}
EVERYONE = frozenset(ROLES)
TENANT_ADMINS = frozenset({REGIONAL_ADMIN, MUNICIPAL_ADMIN, ADMIN_WIJCHEN})
POLICIES = frozenset({POLICY, POLICY_WIJCHEN})


def _only(*roles: str) -> frozenset[str]:
    return frozenset(roles)


# (method, endpoint) -> the roles that are allowed; all other roles are denied.
# Web: GET for pages (also of GET/POST forms); POST for POST-only routes.
# API: every method of every /api/v1 rule.
MATRIX: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "start.index"): LOGGED_IN,
    ("GET", "auth.login"): EVERYONE,
    ("POST", "auth.logout"): LOGGED_IN,
    ("POST", "auth.set_language"): EVERYONE,
    ("GET", "notifications.index"): LOGGED_IN,
    ("POST", "notifications.mark_read"): LOGGED_IN,
    # the audit log: the admin all, a municipal or regional admin her municipalities'
    ("GET", "admin.audit_log"): _only(ADMIN) | TENANT_ADMINS,
    ("GET", "admin.mail"): _only(ADMIN),
    # accounts: the admin all, the centre the members of its own organisations, a
    # municipal or regional admin those of her municipalities (user_id: a member)
    ("GET", "admin.users"): _only(CENTRE, ADMIN) | TENANT_ADMINS,
    ("POST", "admin.block"): _only(CENTRE, ADMIN),
    ("POST", "admin.unblock"): _only(CENTRE, ADMIN),
    ("POST", "admin.change_role"): _only(CENTRE, ADMIN),
    # the region's municipalities: the regional admin hers, the admin all
    ("GET", "admin.municipalities"): _only(ADMIN, REGIONAL_ADMIN),
    ("POST", "admin.rename_municipality"): _only(ADMIN, REGIONAL_ADMIN),
    ("GET", "admin.user_municipalities"): _only(ADMIN, REGIONAL_ADMIN),
    ("GET", "admin.centre_reach"): _only(ADMIN, REGIONAL_ADMIN),
    ("GET", "auth.forgot_password"): EVERYONE,
    ("GET", "auth.set_password"): EVERYONE,
    ("GET", "jobs.index"): _only(ADMIN),
    ("GET", "observability.healthz"): EVERYONE,
    ("GET", "observability.readyz"): EVERYONE,
    # reports: a policy officer her own municipalities' (CROSS_MUNICIPALITY: no other's)
    ("GET", "reports.index"): _only(ADMIN) | POLICIES,
    ("GET", "reports.export"): _only(ADMIN) | POLICIES,
    ("GET", "reports.report_pdf"): _only(ADMIN) | POLICIES,
    ("GET", "reports.fairness_report"): _only(ADMIN) | POLICIES,
    # participants: the case owner, the admin for support (read only)
    ("GET", "participants.index"): _only(COACH, OTHER_COACH, FORMER_COACH),
    ("GET", "participants.create"): _only(COACH, OTHER_COACH, FORMER_COACH),
    ("GET", "participants.detail"): _only(COACH, ADMIN),
    ("GET", "participants.edit"): _only(COACH),
    ("GET", "participants.add_measurement"): _only(COACH),
    ("GET", "participants.data_page"): _only(COACH, ADMIN),
    ("GET", "participants.data_json"): _only(COACH, ADMIN),
    ("POST", "participants.erase"): _only(COACH, ADMIN),
    ("POST", "participants.withdraw_consent"): _only(COACH),
    # the hand-over: the case owner (the former coach has lost the file)
    ("GET", "participants.hand_over"): _only(COACH),
    # matching and proposals
    ("GET", "matches.for_participant"): _only(COACH),
    ("POST", "matches.shortlist_add"): _only(COACH),
    ("POST", "matches.shortlist_remove"): _only(COACH),
    ("GET", "matches.propose"): _only(COACH),
    ("GET", "matches.cohort"): _only(COACH, OTHER_COACH, FORMER_COACH),
    ("GET", "matches.cohort_result"): _only(COACH),
    ("GET", "matches.incoming"): _only(ORG, OTHER_ORG),
    # vacancies: published ones for coaches and the centre, own ones for editors
    ("GET", "vacancies.index"): LOGGED_IN - POLICIES - TENANT_ADMINS,
    ("GET", "vacancies.detail"): _only(COACH, OTHER_COACH, FORMER_COACH, ORG, CENTRE, ADMIN),
    ("GET", "vacancies.create"): _only(ORG, OTHER_ORG, CENTRE, ADMIN),
    ("GET", "vacancies.edit"): _only(ORG, CENTRE, ADMIN),
    ("POST", "vacancies.change_status"): _only(ORG, CENTRE, ADMIN),
    ("GET", "vacancies.export"): _only(ORG, OTHER_ORG, CENTRE, ADMIN),
    ("GET", "vacancies.import_template"): _only(CENTRE, ADMIN),
    ("GET", "vacancies.import_upload"): _only(CENTRE, ADMIN),
    ("GET", "vacancies.import_preview"): _only(CENTRE),  # the uploader's own batch
    ("POST", "vacancies.import_commit"): _only(CENTRE),
    ("POST", "vacancies.import_fix"): _only(CENTRE),
    ("GET", "vacancies.import_problems"): _only(CENTRE),
    ("POST", "vacancies.import_publish"): _only(CENTRE),
    # organisations
    ("GET", "organisations.signup"): EVERYONE,  # logged in: redirected to the start page
    ("GET", "organisations.index"): _only(CENTRE),
    ("GET", "organisations.create"): _only(CENTRE),
    ("GET", "organisations.mine"): _only(ORG, OTHER_ORG),
    ("GET", "organisations.detail"): _only(ORG, CENTRE, ADMIN),
    ("GET", "organisations.edit"): _only(ORG, CENTRE, ADMIN),
    ("POST", "organisations.change_approval"): _only(ORG, CENTRE, ADMIN),
    # placements: the parties of this placement (the admin may look)
    ("GET", "placements.index"): _only(COACH, OTHER_COACH, FORMER_COACH, ORG, OTHER_ORG,
                                       CENTRE),
    ("GET", "placements.detail"): _only(COACH, ORG, CENTRE, ADMIN),
    ("POST", "placements.act"): _only(COACH, ORG, CENTRE),
    ("POST", "placements.send_link"): _only(COACH),
    ("GET", "placements.invitation"): _only(COACH),
    ("GET", "placements.invitation_pdf"): _only(COACH),
    ("GET", "matches.vacancy_people"): _only(COACH, OTHER_COACH, FORMER_COACH, CENTRE),
    ("POST", "placements.checkin"): _only(COACH, ORG, CENTRE),
    ("POST", "placements.message"): _only(COACH, ORG, CENTRE),
    ("POST", "placements.link_message"): EVERYONE,
    # the signed link is the employer's key: whoever holds it, logged in or not
    ("GET", "placements.link_page"): EVERYONE,
    ("POST", "placements.link_act"): EVERYONE,
    # the JSON API: the same rules, by bearer token (anonymous: no token, 401)
    ("POST", "api.create_token"): EVERYONE,
    ("DELETE", "api.revoke_token"): LOGGED_IN,
    ("GET", "api.openapi"): EVERYONE,
    ("GET", "api.list_vacancies"): LOGGED_IN - POLICIES - TENANT_ADMINS,
    ("POST", "api.create_vacancy"): _only(ORG, CENTRE, ADMIN),  # for the organisation
    ("GET", "api.vacancy"): _only(COACH, OTHER_COACH, FORMER_COACH, ORG, CENTRE, ADMIN),
    ("PATCH", "api.update_vacancy"): _only(ORG, CENTRE, ADMIN),
    ("POST", "api.vacancy_transition"): _only(ORG, CENTRE, ADMIN),
    ("GET", "api.list_participants"): _only(COACH, OTHER_COACH, FORMER_COACH),
    ("POST", "api.create_participant"): _only(COACH, OTHER_COACH, FORMER_COACH),
    ("GET", "api.participant"): _only(COACH, ADMIN),
    ("PATCH", "api.update_participant"): _only(COACH),
    ("GET", "api.participant_matches"): _only(COACH),
    ("POST", "api.propose"): _only(COACH),  # the coach's participant
    ("GET", "api.placement"): _only(COACH, ORG, CENTRE, ADMIN),
    ("POST", "api.transition"): _only(COACH, ORG, CENTRE),  # plan the kennismaking
}

# A valid body per API write: a denied write must change nothing even when the request
# itself is fine; an allowed one must succeed.
API_BODIES: dict[tuple[str, str], Callable[[World], dict[str, Any]]] = {
    ("POST", "api.create_token"): lambda w: {"email": w.users[COACH].email,
                                             "password": PASSWORD},
    ("POST", "api.create_vacancy"): lambda w: {
        "organisation": w.params["organisation_name"], "type": "vrijwilligerswerk",
        "title": "Nieuwe plek", "schedule": ["mon_morning"], "capacity": 1},
    ("PATCH", "api.update_vacancy"): lambda w: {"title": "Andere titel"},
    ("POST", "api.vacancy_transition"): lambda w: {"action": "pause"},
    ("POST", "api.create_participant"): lambda w: {"first_name": "Amal",
                                                   "availability": ["mon_morning"]},
    ("PATCH", "api.update_participant"): lambda w: {"interests": ["tuin"]},
    ("POST", "api.propose"): lambda w: {"participant": w.params["participant_ref"],
                                        "vacancy": w.params["open_vacancy_ref"],
                                        "message": "Zij wil graag koken."},
    ("POST", "api.transition"): lambda w: {"action": "plan_kennismaking",
                                           "kennismaking_at": "2030-09-02T10:00:00",
                                           "kennismaking_place": "Wijkcentrum"},
}
# Where the object is named in the body, not the URL, another party's object is refused
# as input: 422 naming this field (which reveals no more than a 404).
DENIED_IN_BODY = {("POST", "api.create_vacancy"): "organisation",
                  ("POST", "api.propose"): "participant"}

# A load balancer's probe: 503 "not ready yet" (no index fitted here) is an answer too.
READINESS = {"observability.readyz"}


def _is_api(rule: str) -> bool:
    return rule.startswith("/api/")


def _routes(app: Flask) -> list[tuple[str, str, str]]:
    """(method, endpoint, rule) for every web route and every API method, as tested."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        methods = rule.methods or set()
        if _is_api(rule.rule):
            found += [(method, rule.endpoint, rule.rule)
                      for method in sorted(methods - {"HEAD", "OPTIONS"})]
        else:
            found.append(("GET" if "GET" in methods else "POST", rule.endpoint, rule.rule))
    return sorted(found, key=lambda r: (r[2], r[0]))


def _readable(rule: str) -> str:
    return rule.replace("<id:", "<").replace("<path:", "<")


def _cases(api: bool) -> list[Any]:
    return [
        pytest.param(method, endpoint, rule, role, id=f"{method} {_readable(rule)} as {role}")
        for method, endpoint, rule in _ROUTES
        if _is_api(rule) == api
        for role in ROLES
    ]


_ROUTES = _routes(create_app(config_for_tests("sqlite://")))
CASES = _cases(api=False)
API_CASES = _cases(api=True)


# --------------------------------------------------------------------------- the world


@dataclass
class World:
    users: dict[str, User]
    params: dict[str, Any]
    link_token: str
    import_token: str
    account_token: str


@dataclass(frozen=True)
class WorldRows:
    """What the module's world is, by id: each test loads the users in its own session."""

    user_ids: dict[str, int]
    params: dict[str, Any]
    link_token: str
    import_token: str
    account_token: str


def _user(role: Role, name: str, password_hash: str, **fields: Any) -> User:
    user = User(email=f"{name}@matrix.test", name=name, role=role,
                password_hash=password_hash, **fields)
    _db.session.add(user)
    _db.session.commit()
    return user


def build_world() -> WorldRows:
    # One hash for all: the web tests log in through the session, the API tests get a
    # token for PASSWORD (tests/api/conftest.py's token_for).
    password_hash = hash_password(PASSWORD)
    centre_org = make_organisation(name="Vrijwilligerscentrale", kind="vrijwilligerscentrale")
    region = make_region()  # Rijk van Nijmegen, with Nijmegen and Wijchen
    nijmegen, wijchen = municipality_named("Nijmegen"), municipality_named("Wijchen")
    organisation = make_organisation(name="Wijkcentrum", managed_by_id=centre_org.id)
    other_organisation = make_organisation(name="Ander centrum")
    def user(role: Role, name: str, **fields: Any) -> User:
        return _user(role, name, password_hash, **fields)

    users = {
        COACH: user(Role.COACH, "coach", municipalities=[nijmegen]),
        OTHER_COACH: user(Role.COACH, "other-coach", municipalities=[nijmegen]),
        ORG: user(Role.ORGANISATION, "org", organisation_id=organisation.id),
        OTHER_ORG: user(Role.ORGANISATION, "other-org", organisation_id=other_organisation.id),
        CENTRE: user(Role.CENTRALE, "centre", organisation_id=centre_org.id),
        POLICY: user(Role.POLICY, "policy", municipalities=[nijmegen]),
        ADMIN: user(Role.ADMIN, "admin"),
        REGIONAL_ADMIN: user(Role.REGIONAL_ADMIN, "regional-admin", region_id=region.id),
        MUNICIPAL_ADMIN: user(Role.MUNICIPAL_ADMIN, "municipal-admin", municipalities=[nijmegen]),
        POLICY_WIJCHEN: user(Role.POLICY, "policy-wijchen", municipalities=[wijchen]),
        ADMIN_WIJCHEN: user(Role.MUNICIPAL_ADMIN, "admin-wijchen", municipalities=[wijchen]),
        FORMER_COACH: user(Role.COACH, "former-coach", municipalities=[wijchen]),
    }
    # The participant came from Wijchen: a hand-over made COACH (Nijmegen) its owner.
    participant = make_participant(
        users[FORMER_COACH], consents=(ConsentPurpose.MATCHING, ConsentPurpose.SHARING),
        municipality="Wijchen")
    handover.hand_over(users[FORMER_COACH], participant.id,
                       f"{users[COACH].id}-{nijmegen.id}", consent_given=True)
    vacancy = make_vacancy(organisation)
    placement = make_placement(participant, vacancy)
    # For the API: a vacancy to propose the participant for, and a placement in which
    # both sides may act (the kennismaking is planned by the coach or the organisation).
    open_vacancy = make_vacancy(organisation)
    accepted = make_placement(make_participant(users[COACH]), vacancy,
                              state=PlacementState.ACCEPTED)
    run = CohortAllocation(coach_id=users[COACH].id, rows=[], total_score=0.0)
    _db.session.add(run)
    _db.session.commit()
    link_token = link_service.send_link(placement.id, users[COACH], "baas@wijkcentrum.nl")
    batch = vacancy_import.start_batch(users[CENTRE], "vacatures.csv",
                                       template_file("csv").content)
    invited = invitations.invite(users[ADMIN], "nieuw@matrix.test", "Nieuw", Role.COACH, None)
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
        "organisation_name": organisation.name,
        "vacancy_ref": vacancy.ref,
        "open_vacancy_ref": open_vacancy.ref,
        "participant_ref": participant.ref,
        "api_placement_id": accepted.id,
        "user_id": users[ORG].id,  # a member of an organisation the centre manages
        "municipality_id": nijmegen.id,
        "account_id": users[COACH].id,  # a Nijmegen coach: the regional admin's
        "centre_id": centre_org.id,  # serves Nijmegen
    }
    user_ids = {role: user.id for role, user in users.items()}
    return WorldRows(user_ids, params, link_token, batch.token, invited.token)


@pytest.fixture(scope="module")
def world_rows(app: Flask, module_transaction: SharedTransaction) -> WorldRows:
    """The world, built once for the module's ~700 cases (building it took most of each
    case's time), in the module's transaction (tests/rollback.py)."""
    rows = build_world()
    _db.session.remove()
    return rows


@pytest.fixture()
def db(rolled_back_db: scoped_session, world_rows: WorldRows) -> scoped_session:
    """This module's `db` (the `client` fixture's too): every case starts from the world
    and whatever it commits is rolled back afterwards, instead of emptying the tables."""
    return rolled_back_db


def world_of(rows: WorldRows, session: scoped_session) -> World:
    """The world with its users loaded in this test's session."""
    users = {role: session.get_one(User, user_id) for role, user_id in rows.user_ids.items()}
    return World(users, rows.params, rows.link_token, rows.import_token, rows.account_token)


@pytest.fixture()
def world(db: scoped_session, world_rows: WorldRows) -> World:
    return world_of(world_rows, db)


def token_for_endpoint(world: World, endpoint: str) -> str:
    if endpoint.startswith("vacancies."):
        return world.import_token
    return world.account_token if endpoint.startswith("auth.") else world.link_token


def _url(app: Flask, endpoint: str, world: World) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    values = {name: world.params[name] for name in rule.arguments if name in world.params}
    if "token" in rule.arguments:
        values["token"] = token_for_endpoint(world, endpoint)
    if endpoint == "placements.link_act":
        values["action"] = "start_proefperiode"
    missing = rule.arguments - values.keys()
    assert not missing, f"the matrix has no value for {sorted(missing)} in {rule.rule}"
    with app.test_request_context():
        return url_for(endpoint, **values)


def _api_url(app: Flask, endpoint: str, world: World) -> str:
    """The URL with the world's objects: `ref` is the vacancy's or the participant's."""
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    ref = world.params["vacancy_ref" if "vacanc" in endpoint else "participant_ref"]
    given = {"ref": ref, "placement_id": world.params["api_placement_id"]}
    missing = rule.arguments - given.keys()
    assert not missing, f"the matrix has no value for {sorted(missing)} in {rule.rule}"
    with app.test_request_context():
        return url_for(endpoint, **{name: given[name] for name in rule.arguments})


def _snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: a denied POST must not change any of them."""
    _db.session.expire_all()
    return {
        table.name: sorted(tuple(map(repr, row)) for row in _db.session.execute(select(table)))
        for table in _db.metadata.sorted_tables
    }


def _log_in(client: Any, user: User) -> None:
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()  # id and session token
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
    if allowed and endpoint in READINESS:
        assert status in (200, 503), f"{role} should get the readiness answer, got {status}"
    elif allowed and method == "GET":
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


def _denied_as_input(method: str, endpoint: str, response: Any) -> bool:
    field = DENIED_IN_BODY.get((method, endpoint))
    errors = (response.get_json() or {}).get("errors") or []
    return response.status_code == 422 and field in {error["field"] for error in errors}


@pytest.mark.parametrize(("method", "endpoint", "rule", "role"), API_CASES)
def test_api_authorisation(app: Flask, client: Any, world: World, method: str, endpoint: str,
                           rule: str, role: str) -> None:
    assert (method, endpoint) in MATRIX, f"{method} {rule} is not in MATRIX: who may use it?"
    body = API_BODIES.get((method, endpoint))
    assert body or method in ("GET", "DELETE"), f"{method} {rule}: add a body to API_BODIES"
    allowed = role in MATRIX[(method, endpoint)]
    headers = {} if role == ANON else {"Authorization": f"Bearer {token_for(world.users[role])}"}
    before = _snapshot() if method != "GET" and not allowed else None
    response = client.open(_api_url(app, endpoint, world), method=method, headers=headers,
                           json=body(world) if body else None)
    status = response.status_code
    if allowed:
        assert 200 <= status < 300, f"{role} should be allowed, got {status}: {response.json}"
    else:
        assert response.mimetype == "application/problem+json"
        expected = "401" if role == ANON else "403 or 404"
        assert (status == 401 if role == ANON else status in (403, 404)
                or _denied_as_input(method, endpoint, response)), (
            f"{role} should be denied ({expected}), got {status}: {response.json}")
    if before is not None:
        assert _snapshot() == before, "a denied write changed the database"



# --------------------------------------------------------------------------- tenancy
# The cross-municipality cases (issue 22), route by route: the role may use the route
# for her own municipality (MATRIX), never for another one's. Each is denied: 403/404,
# or, where the page is hers but lists lines, without the other municipality's line.

CROSS_MUNICIPALITY: list[tuple[str, str, str, Callable[[World], dict[str, Any]]]] = [
    # a policy officer of Wijchen on Nijmegen's figures
    (POLICY_WIJCHEN, "GET", "reports.index", lambda w: {"gemeente": "Nijmegen"}),
    (POLICY_WIJCHEN, "GET", "reports.export", lambda w: {"gemeente": "Nijmegen"}),
    (POLICY_WIJCHEN, "GET", "reports.report_pdf", lambda w: {"gemeente": "Nijmegen"}),
    (POLICY_WIJCHEN, "GET", "start.index", lambda w: {"gemeente": "Nijmegen"}),
    # a municipal admin of Wijchen on Nijmegen's accounts
    (ADMIN_WIJCHEN, "POST", "admin.block", lambda w: {"user_id": w.users[COACH].id}),
    (ADMIN_WIJCHEN, "POST", "admin.unblock", lambda w: {"user_id": w.users[COACH].id}),
    (ADMIN_WIJCHEN, "POST", "admin.change_role", lambda w: {"user_id": w.users[COACH].id}),
    # ... and a regional admin on another region's municipality
    (REGIONAL_ADMIN, "POST", "admin.rename_municipality",
     lambda w: {"municipality_id": w.params["weert_id"]}),
]
# a municipal admin of Wijchen on Nijmegen's audit log: her page, without its lines
CROSS_LOG = (ADMIN_WIJCHEN, MUNICIPAL_ADMIN)


def _url_with(app: Flask, endpoint: str, world: World, values: dict[str, Any]) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    path = {name: values.get(name, world.params.get(name)) for name in rule.arguments}
    query = {name: value for name, value in values.items() if name not in rule.arguments}
    with app.test_request_context():
        return url_for(endpoint, **path, **query)


@pytest.mark.parametrize(
    ("role", "method", "endpoint", "values"), CROSS_MUNICIPALITY,
    ids=[f"{m} {e} as {r}" for r, m, e, _ in CROSS_MUNICIPALITY])
def test_another_municipality_is_denied(app: Flask, client: Any, world: World, role: str,
                                        method: str, endpoint: str, values: Any) -> None:
    world.params["weert_id"] = municipality_named("Weert", region="Weert").id
    url = _url_with(app, endpoint, world, values(world))
    _log_in(client, world.users[role])
    before = _snapshot() if method == "POST" else None
    response = client.get(url) if method == "GET" else client.post(url, data={})
    assert response.status_code in (403, 404), f"{role} got {response.status_code}"
    if before is not None:
        assert _snapshot() == before, "a denied POST changed the database"


def test_a_municipal_admin_reads_only_her_municipalitys_log_lines(
        app: Flask, client: Any, world: World) -> None:
    """The participant is Nijmegen's: Nijmegen's coach looking at the file is a line in
    Nijmegen's audit log, not in Wijchen's (the former coach's own hand-over line, by a
    Wijchen account, stays in Wijchen's)."""
    ref = world.params["participant_ref"]
    audit.record(world.users[COACH], "view", ref, "dossier")
    _db.session.commit()
    looks = f"?deelnemer={ref}&soort=view"
    seen = {}
    for role in CROSS_LOG:
        g.pop("_login_user", None)  # the test's app context outlives each request
        _log_in(client, world.users[role])
        page = client.get("/beheer/auditlog" + looks).get_data(as_text=True)
        assert world.users[role].name in page  # logged in as this account
        seen[role] = page
    assert f"{ref}<" in seen[MUNICIPAL_ADMIN]
    assert f"{ref}<" not in seen[ADMIN_WIJCHEN]
    g.pop("_login_user", None)
    _log_in(client, world.users[ADMIN_WIJCHEN])
    own = client.get(f"/beheer/auditlog?deelnemer={ref}").get_data(as_text=True)
    assert "Wijchen → Nijmegen" in own


def test_the_former_coach_is_denied_every_route_of_the_participant(
        app: Flask, client: Any, world: World) -> None:
    """After the hand-over: every participant and placement route of MATRIX that the
    owner may use refuses the coach who handed over (route by route, as above)."""
    routes = [(m, e) for m, e, r in _routes(app)
              if ("<id:participant_id>" in r or "<int:placement_id>" in r
                  or "<ref>" in r and "participant" in e)
              and COACH in MATRIX[(m, e)]]
    assert len(routes) >= 10
    for method, endpoint in routes:
        assert FORMER_COACH not in MATRIX[(method, endpoint)], endpoint
