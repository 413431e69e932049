"""The foundation in a real browser: logging in per role, opening a participant, and
WCAG 2.1 AA (axe-core) on every page of the foundation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_coach_logs_in_and_opens_a_participant(login_as, page: Page) -> None:
    login_as("coach@demo.nl")
    expect(page.get_by_role("heading", name="Mijn deelnemers")).to_be_visible()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Mijn deelnemers"
    ).click()
    first = page.locator("table tbody a").first  # the header links sort
    name = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.get_by_role("heading", name="Beschikbaarheid")).to_be_visible()


def test_login_form_works_with_the_keyboard_alone(page: Page) -> None:
    page.goto("/login")
    page.keyboard.press("Tab")  # skip link first
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_label("E-mailadres")).to_be_focused()
    page.keyboard.type("coach2@demo.nl")
    page.keyboard.press("Tab")
    page.keyboard.type("demo-wachtwoord")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mijn deelnemers")).to_be_visible()


def test_wrong_password_shows_message_next_to_the_field(page: Page) -> None:
    page.goto("/login")
    page.get_by_label("E-mailadres").fill("coach@demo.nl")
    page.get_by_label("Wachtwoord").fill("verkeerd")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Het e-mailadres of het wachtwoord klopt niet.")).to_be_visible()
    expect(page.get_by_label("E-mailadres")).to_have_value("coach@demo.nl")


ROLE_PAGES = {
    "coach@demo.nl": ["/", "/deelnemers/", "/vacatures/"],
    "organisatie@demo.nl": ["/", "/vacatures/", "/vacatures/nieuw"],
    "centrale@demo.nl": ["/", "/organisaties/", "/vacatures/"],
    "beleid@demo.nl": ["/", "/rapportages/"],
    "admin@demo.nl": ["/", "/vacatures/"],
}


def test_login_page_is_accessible(page: Page, assert_accessible) -> None:
    page.goto("/login")
    assert_accessible()
    page.get_by_role("button", name="Inloggen").click()  # with errors shown
    assert_accessible()


@pytest.mark.parametrize("email", list(ROLE_PAGES))
def test_pages_of_each_role_are_accessible(login_as, page: Page, assert_accessible, email) -> None:
    login_as(email)
    for path in ROLE_PAGES[email]:
        page.goto(path)
        assert_accessible()


def test_detail_pages_are_accessible(login_as, page: Page, assert_accessible) -> None:
    login_as("coach@demo.nl")
    page.goto("/deelnemers/")
    page.locator("table a").first.click()
    assert_accessible()
    page.goto("/vacatures/")
    page.locator("table a").first.click()
    assert_accessible()
    page.goto("/deelnemers/999999")
    expect(page.get_by_role("heading", name="Pagina niet gevonden")).to_be_visible()
    assert_accessible()
    page.goto("/rapportages/")
    expect(page.get_by_role("heading", name="Geen toegang")).to_be_visible()
    assert_accessible()


def test_vacancy_edit_form_is_accessible_with_errors(
    login_as, page: Page, assert_accessible
) -> None:
    login_as("organisatie@demo.nl")
    page.goto("/vacatures/nieuw")
    assert_accessible()
    page.get_by_label("Titel").fill("")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Geef de plek een titel.")).to_be_visible()
    assert_accessible()


def test_centrale_opens_an_organisation(login_as, page: Page, assert_accessible) -> None:
    login_as("centrale@demo.nl")
    page.goto("/organisaties/")
    page.locator("table a").first.click()
    expect(page).to_have_url(re.compile(r"/organisaties/\d+$"))
    assert_accessible()


def test_the_accessibility_check_can_fail(page: Page) -> None:
    from tests.e2e.conftest import axe_violations

    page.set_content("<html><body><img src='x.png'><input type='text'></body></html>")
    ids = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "label"} <= ids
