"""Logging in, the role start pages, `next` and CSRF."""

from __future__ import annotations

import pytest

from marketplace.domain.vocabulary import Role
from marketplace.models import User
from tests.builders import PASSWORD, make_organisation, make_user

START_PAGE_HEADINGS = {
    Role.COACH: "Mijn deelnemers",
    Role.ORGANISATION: "Onze vacatures",
    Role.CENTRALE: "Organisaties die wachten op controle",
    Role.POLICY: "Monitoring",
    Role.ADMIN: "Beheer",
}


def test_password_is_stored_as_argon2_hash(db) -> None:
    user = make_user()
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


@pytest.mark.parametrize("role", list(Role))
def test_each_role_lands_on_its_own_start_page(client, login, role: Role) -> None:
    organisation = make_organisation() if role in (Role.ORGANISATION, Role.CENTRALE) else None
    login(make_user(role, organisation=organisation))
    page = client.get("/").get_data(as_text=True)
    assert START_PAGE_HEADINGS[role] in page
    for other, heading in START_PAGE_HEADINGS.items():
        if other != role:
            assert heading not in page


def test_wrong_password_is_refused_with_a_dutch_message(client) -> None:
    user = make_user()
    response = client.post("/login", data={"email": user.email, "password": "fout"})
    assert response.status_code == 200
    assert "Het e-mailadres of het wachtwoord klopt niet." in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_unknown_email_gets_the_same_message(client) -> None:
    response = client.post("/login", data={"email": "niemand@test.nl", "password": "x"})
    assert "Het e-mailadres of het wachtwoord klopt niet." in response.get_data(as_text=True)


def test_empty_form_names_the_fields(client) -> None:
    page = client.post("/login", data={}).get_data(as_text=True)
    assert "Vul uw e-mailadres in." in page
    assert "Vul uw wachtwoord in." in page


def test_inactive_user_cannot_log_in(client) -> None:
    user = make_user(active=False)
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 200


def test_email_is_case_insensitive(client) -> None:
    user = make_user(email="Hoofdletters@Test.nl")
    response = client.post("/login", data={"email": "HOOFDLETTERS@test.NL", "password": PASSWORD})
    assert response.status_code == 302
    assert user.email == "hoofdletters@test.nl"


def test_anonymous_visitor_is_sent_to_login(client) -> None:
    response = client.get("/deelnemers/")
    assert response.status_code == 302
    assert response.location.startswith("/login")


def _login_with_next(client, user: User, target: str) -> str:
    response = client.post(
        "/login?next=" + target, data={"email": user.email, "password": PASSWORD}
    )
    return response.location


def test_next_goes_to_a_page_on_this_site(client) -> None:
    assert _login_with_next(client, make_user(), "/vacatures/") == "/vacatures/"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"]
)
def test_next_never_leaves_the_site(client, target: str) -> None:
    assert _login_with_next(client, make_user(), target) == "/"


def test_logout_needs_post(client, login) -> None:
    login(make_user())
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 302
    assert client.get("/").status_code == 302


def test_forms_are_protected_against_csrf(make_app, db) -> None:
    protected = make_app(WTF_CSRF_ENABLED=True)
    user = make_user()
    response = protected.test_client().post(
        "/login", data={"email": user.email, "password": PASSWORD}
    )
    assert response.status_code == 400
