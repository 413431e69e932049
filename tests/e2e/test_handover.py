"""A hand-over across a municipal border in real Chromium: a Wijchen coach moves a
participant to a Nijmegen coach with the participant's consent; the Wijchen coach loses
the file at once, the Nijmegen coach finds it through her notification and her mail.
Then the regional admin's municipality page. WCAG 2.1 AA on every new page."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from marketplace.services.platform.outbox import send_pending
from tests.e2e.conftest import demo_region_app, mail_to, served

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def handover_app(tmp_path_factory: pytest.TempPathFactory, smtp_inbox) -> Flask:
    return demo_region_app(tmp_path_factory.mktemp("handover") / "handover.db",
                           **mail_to(smtp_inbox[0]))


@pytest.fixture(scope="module")
def live_server(handover_app: Flask) -> Iterator[str]:
    with served(handover_app) as base_url:
        yield base_url


def _logout(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/login**")


def test_a_wijchen_coach_hands_a_participant_over_to_a_nijmegen_coach(
        login_as, page: Page, assert_accessible, handover_app: Flask, smtp_inbox) -> None:
    login_as("coach2@demo.nl")  # Joost Verhoeven, Wijchen
    page.goto("/deelnemers/")
    page.locator("table tbody a[href^='/deelnemers/']").first.click()
    page.wait_for_url(re.compile(r".*/deelnemers/\d+$"))
    name = page.get_by_role("heading", level=1).inner_text()
    file_url = page.url
    controller = page.locator("p", has_text="Verantwoordelijke gemeente (AVG)")
    expect(controller).to_contain_text("Wijchen")

    page.get_by_role("link", name="Overdragen aan een andere gemeente").click()
    assert_accessible()  # step one: the choice
    page.get_by_label("Nieuwe gemeente en coach").select_option(
        label="Nijmegen — Fatima de Groot")
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_text("Daarna heeft u geen toegang meer tot het dossier.")).to_be_visible()
    page.get_by_role("button", name="Ja, draag over").click()  # without the consent
    expect(page.get_by_text("de deelnemer moet instemmen met de overdracht")).to_be_visible()
    assert_accessible()  # step two, with its error
    page.get_by_label("De deelnemer stemt in met de overdracht aan deze gemeente.").check()
    page.get_by_role("button", name="Ja, draag over").click()
    expect(page.get_by_text(f"{name} is overgedragen aan Fatima de Groot (Nijmegen).")
           ).to_be_visible()

    # The Wijchen coach has lost the file at once.
    assert page.goto(file_url).status == 404
    _logout(page)

    # The Nijmegen coach is told in the app and by mail, and finds the file.
    with handover_app.app_context():
        assert send_pending().failed == 0
    mail = next(m for m in reversed(smtp_inbox[1].messages) if m["To"] == "coach@demo.nl")
    assert "heeft een deelnemer aan u overgedragen" in mail.get_content()
    login_as("coach@demo.nl")
    page.goto("/meldingen/")
    page.get_by_role("link", name="aan u overgedragen").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.locator("p", has_text="Verantwoordelijke gemeente (AVG)")).to_contain_text(
        "Nijmegen")
    assert_accessible()


def test_the_regional_admin_keeps_the_regions_municipalities(
        login_as, page: Page, assert_accessible) -> None:
    login_as("regio@demo.nl")
    page.get_by_role("link", name="Gemeenten", exact=True).first.click()
    expect(page.get_by_role("heading", name="Regio Rijk van Nijmegen")).to_be_visible()
    expect(page.get_by_text("Weert", exact=True)).to_have_count(0)  # another region
    assert_accessible()
    page.get_by_label("Naam van de gemeente").fill("Mook en Middelaar")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_text("Gemeente Mook en Middelaar is toegevoegd.")).to_be_visible()
