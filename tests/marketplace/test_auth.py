"""Logging in, the role start pages, `next` and CSRF."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.domain.vocabulary import Role
from marketplace.models import User
from tests.builders import PASSWORD, make_organisation, make_user

START_PAGE_HEADINGS = {
    Role.COACH: "Mijn deelnemers",
    Role.ORGANISATION: "Onze vacatures",
    Role.CENTRALE: "Organisaties die wachten op controle",
    Role.POLICY: "Monitoring",
    Role.ADMIN: "Beheer",
    Role.REGIONAL_ADMIN: "Regiobeheer",
    Role.MUNICIPAL_ADMIN: "Gemeentebeheer",
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


# ------------------------------------------------------------ accounts: invite and reset
# The links come out of real mail: the outbox sends to a local SMTP server (aiosmtpd).

import re  # noqa: E402

from marketplace.extensions import db as _db  # noqa: E402
from marketplace.models import AccountLink, AuditEntry  # noqa: E402
from marketplace.services.accounts import invitations  # noqa: E402
from tests.mailserver import MAIL_SETTINGS, Inbox, free_port, run_outbox, serve  # noqa: E402

NEW_PASSWORD = "een lange zin als wachtwoord"
_LINK = re.compile(r"https?://[^/\s]+(/wachtwoord-instellen/\S+)")


@pytest.fixture()
def mailed_links(make_app):
    """mailed_links() sends the outbox to a real SMTP server: the link paths it carried."""
    port = free_port()
    mail_app = make_app(SMTP_PORT=port, **MAIL_SETTINGS)

    def _send() -> list[str]:
        with serve(port, Inbox()) as inbox:
            result = run_outbox(mail_app, "send")
            assert result.exit_code == 0, result.output
        return [match for message in inbox.messages
                for match in _LINK.findall(message.get_content())]

    return _send


def _invite_coach(client, login) -> None:
    login(make_user(Role.ADMIN))
    response = client.post("/beheer/gebruikers", data={
        "name": "Nieuwe Coach", "email": "nieuw@test.nl", "role": "coach",
        "organisation_id": ""})
    assert response.status_code == 302, response.get_data(as_text=True)
    client.post("/logout")


def test_admin_invites_a_coach_who_sets_a_password_through_the_link(
        client, login, mailed_links) -> None:
    _invite_coach(client, login)
    [path] = mailed_links()
    assert "Kies uw wachtwoord" in client.get(path).get_data(as_text=True)
    response = client.post(path, data={"password": NEW_PASSWORD,
                                       "password_repeat": NEW_PASSWORD})
    assert response.status_code == 302
    assert client.post("/login", data={"email": "nieuw@test.nl",
                                       "password": NEW_PASSWORD}).status_code == 302
    actions = set(_db.session.scalars(select(AuditEntry.action)))
    assert {"account_invite", "password_set"} <= actions


def test_an_invitation_link_works_once(client, login, mailed_links) -> None:
    _invite_coach(client, login)
    [path] = mailed_links()
    client.post(path, data={"password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD})
    again = client.post(path, data={"password": "een andere lange zin",
                                    "password_repeat": "een andere lange zin"})
    assert again.status_code == 410
    assert "al gebruikt" in again.get_data(as_text=True)
    assert client.post("/login", data={"email": "nieuw@test.nl",
                                       "password": "een andere lange zin"}).status_code == 200


def test_an_expired_link_is_refused(client, login, mailed_links) -> None:
    _invite_coach(client, login)
    [path] = mailed_links()
    for link in _db.session.scalars(select(AccountLink)):
        link.expires_at = link.created_at
    _db.session.commit()
    assert client.get(path).status_code == 410


def test_a_tampered_link_is_refused(client, login, mailed_links) -> None:
    _invite_coach(client, login)
    [path] = mailed_links()
    assert client.get(path[:-3] + "abc").status_code == 410


def test_a_weak_password_is_refused_and_the_link_still_works(
        client, login, mailed_links) -> None:
    _invite_coach(client, login)
    [path] = mailed_links()
    page = client.post(path, data={"password": "kort", "password_repeat": "kort"})
    assert "minstens 12 tekens" in page.get_data(as_text=True)
    assert client.get(path).status_code == 200


def test_forgot_password_answers_the_same_for_known_and_unknown_addresses(
        client, mailed_links) -> None:
    user = make_user(email="bekend@test.nl")
    known = client.post("/wachtwoord-vergeten", data={"email": user.email})
    unknown = client.post("/wachtwoord-vergeten", data={"email": "onbekend@test.nl"})
    assert known.status_code == unknown.status_code == 200
    assert known.get_data() == unknown.get_data()
    [path] = mailed_links()  # only the known address gets mail
    client.post(path, data={"password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD})
    assert client.post("/login", data={"email": user.email,
                                       "password": NEW_PASSWORD}).status_code == 302
    client.post("/logout")
    assert client.post("/login", data={"email": user.email,
                                       "password": PASSWORD}).status_code == 200


def test_the_login_page_links_to_forgot_password(client) -> None:
    assert "Wachtwoord vergeten?" in client.get("/login").get_data(as_text=True)


def test_a_blocked_account_is_logged_out_and_cannot_log_in(client, login, make_app) -> None:
    coach = make_user(email="geblokkeerd@test.nl")
    # Another app (its own app context and `g`) for the coach's own browser.
    other = make_app().test_client()
    other.post("/login", data={"email": coach.email, "password": PASSWORD})
    assert other.get("/").status_code == 200
    login(make_user(Role.ADMIN))
    assert client.post(f"/beheer/gebruikers/{coach.id}/blokkeren").status_code == 302
    assert other.get("/").status_code == 302  # the open session ended
    assert other.post("/login", data={"email": coach.email,
                                      "password": PASSWORD}).status_code == 200
    client.post(f"/beheer/gebruikers/{coach.id}/deblokkeren")
    assert other.post("/login", data={"email": coach.email,
                                      "password": PASSWORD}).status_code == 302
    actions = list(_db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-2:] == ["account_block", "account_unblock"]


def test_admin_changes_a_role(client, login) -> None:
    coach = make_user()
    login(make_user(Role.ADMIN))
    client.post(f"/beheer/gebruikers/{coach.id}/rol", data={f"u{coach.id}-role": "policy",
                                                            f"u{coach.id}-organisation_id": ""})
    _db.session.expire_all()
    assert coach.role == Role.POLICY


def test_a_centre_manages_only_members_of_its_own_organisations(client, login) -> None:
    centre_org = make_organisation(name="Centrale", kind="vrijwilligerscentrale")
    own = make_organisation(name="Eigen", managed_by_id=centre_org.id)
    foreign = make_organisation(name="Vreemd")
    member = make_user(Role.ORGANISATION, organisation=own)
    stranger = make_user(Role.ORGANISATION, organisation=foreign)
    centre = make_user(Role.CENTRALE, organisation=centre_org)
    assert invitations.may_manage(centre, member)
    assert not invitations.may_manage(centre, stranger)
    login(centre)
    client.post(f"/beheer/gebruikers/{stranger.id}/blokkeren")
    _db.session.expire_all()
    assert stranger.active
    page = client.post("/beheer/gebruikers", data={
        "name": "X", "email": "x@test.nl", "role": "admin", "organisation_id": ""})
    assert page.status_code == 200
    assert _db.session.scalar(select(User).where(User.email == "x@test.nl")) is None
    client.post("/beheer/gebruikers", data={
        "name": "Lid", "email": "lid@test.nl", "role": "organisation",
        "organisation_id": str(foreign.id)})
    assert _db.session.scalar(select(User).where(User.email == "lid@test.nl")) is None
    client.post("/beheer/gebruikers", data={
        "name": "Lid", "email": "lid@test.nl", "role": "organisation",
        "organisation_id": str(own.id)})
    assert _db.session.scalar(select(User).where(User.email == "lid@test.nl")) is not None
