"""The administrator's day in real Chromium: inviting a coach who sets her password
through the mailed link, "Wachtwoord vergeten?" that answers every address alike, and
finding every view of a new participant's file by her name. Mail goes through the
outbox to a real SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from marketplace.services.platform.outbox import send_pending
from tests.e2e.conftest import demo_region_app, mail_to, served
from tests.mailserver import Inbox

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "mijn eigen lange zin"


@pytest.fixture(scope="module")
def accounts_app(tmp_path_factory: pytest.TempPathFactory, smtp_inbox) -> Flask:
    return demo_region_app(tmp_path_factory.mktemp("accounts") / "accounts.db",
                           **mail_to(smtp_inbox[0]))


@pytest.fixture(scope="module")
def live_server(accounts_app: Flask) -> Iterator[str]:
    with served(accounts_app) as base_url:
        yield base_url


def _mailed_link(app: Flask, inbox: Inbox, to: str) -> str:
    with app.app_context():
        report = send_pending()
    assert report.failed == 0
    mail = next(m for m in reversed(inbox.messages) if m["To"] == to)
    match = re.search(r"http://\S+/wachtwoord-instellen/\S+", mail.get_content())
    assert match, mail.get_content()
    return match.group(0)


def _logout(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/login**")


def test_admin_invites_a_coach_who_sets_a_password(accounts_app, smtp_inbox, login_as,
                                                    page: Page, assert_accessible) -> None:
    login_as("admin@demo.nl")
    page.get_by_role("link", name="Gebruikers").click()
    assert_accessible()
    invite = page.get_by_role("form", name="Iemand uitnodigen")
    invite.get_by_label("Naam").fill("Lotte Nieuw")
    invite.get_by_label("E-mailadres").fill("lotte@gemeente.example")
    invite.get_by_label("Rol").select_option(label="Coach")
    invite.get_by_role("button", name="Uitnodigen").click()
    expect(page.get_by_text("lotte@gemeente.example is uitgenodigd")).to_be_visible()
    _logout(page)

    link = _mailed_link(accounts_app, smtp_inbox[1], "lotte@gemeente.example")
    page.goto(link)
    expect(page.get_by_role("heading", name="Kies uw wachtwoord")).to_be_visible()
    assert_accessible()
    page.get_by_label("Nieuw wachtwoord").fill(NEW_PASSWORD)
    page.get_by_label("Herhaal het wachtwoord").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(page.get_by_text("Uw wachtwoord is ingesteld")).to_be_visible()
    page.get_by_label("E-mailadres").fill("lotte@gemeente.example")
    page.get_by_label("Wachtwoord", exact=True).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Mijn deelnemers")).to_be_visible()
    _logout(page)
    page.goto(link)  # once only
    expect(page.get_by_text("al gebruikt")).to_be_visible()


def _ask_reset(page: Page, email: str) -> str:
    page.goto("/login")
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_role("button", name="Stuur mij een link").click()
    expect(page.get_by_role("heading", name="Kijk in uw e-mail")).to_be_visible()
    return page.locator("main").inner_text()


def test_forgot_password_looks_the_same_for_unknown_and_known_addresses(
        page: Page, assert_accessible) -> None:
    unknown = _ask_reset(page, "niemand@nergens.example")
    assert_accessible()
    known = _ask_reset(page, "coach2@demo.nl")
    assert unknown == known


def test_admin_finds_every_view_of_a_new_participants_file_by_her_name(
        login_as, page: Page, assert_accessible) -> None:
    login_as("coach3@demo.nl")
    page.goto("/deelnemers/nieuw")
    page.get_by_label("Voornaam of roepnaam").fill("Yodit")
    page.get_by_label("Achternaam").fill("Tesfay")
    page.get_by_label("Postcode").fill("6511 AB")
    page.get_by_label("Maximale reisafstand in km").fill("5")
    for skill in ("Spreken", "Luisteren", "Lezen", "Schrijven"):
        page.get_by_label(skill, exact=True).select_option("A1")
    page.locator("#availability-mon_morning").check()
    page.get_by_label("Uren per week, minimaal").fill("3")
    page.get_by_label("Uren per week, maximaal").fill("8")
    page.get_by_label("Toestemming: zoeken naar passende plekken").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Yodit Tesfay")
    code = page.locator(".kk-ref").inner_text()
    page.reload()  # a second view
    page.get_by_role("link", name="Alle gegevens (inzage en verwijderen)").first.click()
    _logout(page)

    login_as("admin@demo.nl")
    page.get_by_role("link", name="Auditlog").click()
    page.get_by_label("Naam van de deelnemer").fill("Yodit Tesfay")
    page.get_by_label("Soort").select_option(label="Bekeken")
    page.get_by_role("button", name="Zoeken").click()
    table = page.get_by_role("table")
    # The page after saving, the reload, and the AVG page (an export entry).
    expect(table.get_by_role("row")).to_have_count(1 + 3)
    expect(table).to_contain_text("coach3@demo.nl")
    expect(table).to_contain_text(code)
    assert_accessible()
