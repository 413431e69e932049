"""The vacancy journey in real Chromium: an organisation member creates a taalstage and
offers it, the volunteer centre approves it, a coach finds it by postcode and radius.
WCAG 2.1 AA (axe-core) on every new page: board with filters, forms with errors, the
review queue, sign-up, import upload and preview."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

TITLE = "Gastvrouw in het taalcafé (e2e)"


def _logout(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", name="Inloggen bij Koppelkans")).to_be_visible()


def test_taalstage_from_creation_to_the_coach_board(login_as, page: Page,
                                                    assert_accessible) -> None:
    login_as("organisatie@demo.nl")
    page.goto("/vacatures/nieuw")
    assert_accessible()
    expect(page.get_by_label("Taalrijk: de deelnemer spreekt veel Nederlands")).not_to_be_checked()
    # Choosing the type runs the form script, which fills in the taalstage defaults.
    page.get_by_label("Soort plek", exact=True).select_option("taalstage")
    expect(page.get_by_label("Taalrijk: de deelnemer spreekt veel Nederlands")).to_be_checked()
    expect(page.get_by_label("Taalbuddy of taalcoach op de werkvloer")).to_be_checked()
    expect(page.get_by_label("Duur in weken")).to_have_value("40")
    page.get_by_role("button", name="Opslaan").click()  # no title, no dayparts: errors
    expect(page.get_by_text("Geef de plek een titel.")).to_be_visible()
    expect(page.get_by_text("Kies minstens één dagdeel.")).to_be_visible()
    expect(page.get_by_label("Soort plek", exact=True)).to_have_value("taalstage")  # nothing lost
    assert_accessible()
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Postcode van de werkplek").fill("6602 WE")
    page.get_by_label("dinsdagmiddag").check()
    page.get_by_label("donderdagmiddag").check()
    page.get_by_label("Spreken").select_option("A1")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    page.get_by_role("button", name="Ter controle aanbieden").click()
    expect(page.get_by_text("Wacht op controle").first).to_be_visible()
    assert_accessible()
    _logout(page)

    login_as("centrale@demo.nl")
    expect(page.get_by_role("heading", name="Vacatures die wachten op controle")).to_be_visible()
    assert_accessible()  # the review queue
    page.get_by_role("link", name=TITLE).click()
    assert_accessible()
    page.get_by_role("button", name="Goedkeuren en publiceren").click()
    expect(page.get_by_text("De vacature is goedgekeurd en gepubliceerd.")).to_be_visible()
    _logout(page)

    login_as("coach@demo.nl")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Vacatures").click()
    page.get_by_label("Postcode").fill("6543")  # Nijmegen-West, about 8 km from 6602
    page.get_by_label("Afstand").select_option("10")
    page.get_by_label("Soort plek", exact=True).select_option("taalstage")
    page.get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"postcode=6543.*radius=10"))
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text(re.compile(r"\d+,\d km"))
    assert_accessible()  # the board with filters
    page.get_by_label("Afstand").select_option("2")
    page.get_by_label("Postcode").fill("6001")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("row").filter(has_text=TITLE)).to_have_count(0)
    assert_accessible()


def test_board_filters_work_with_the_keyboard(login_as, page: Page) -> None:
    login_as("coach2@demo.nl")
    page.goto("/vacatures/")
    page.get_by_label("Postcode").focus()
    page.keyboard.type("6601")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Afstand")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # Enter in a text field submits the search
    expect(page).to_have_url(re.compile(r"postcode=6601"))


def test_signup_page_is_accessible_with_errors(page: Page, assert_accessible) -> None:
    page.goto("/login")
    page.get_by_role("link", name="Meld uw organisatie aan").click()
    assert_accessible()
    page.get_by_label("Naam van de organisatie").fill("Buurtmoestuin e2e")
    page.get_by_label("Kies een wachtwoord").fill("kort")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("Kies een wachtwoord van minstens 12 tekens.")).to_be_visible()
    expect(page.get_by_label("Naam van de organisatie")).to_have_value("Buurtmoestuin e2e")
    assert_accessible()


def test_import_upload_and_preview_are_accessible(login_as, page: Page, assert_accessible,
                                                  tmp_path: Path) -> None:
    login_as("centrale@demo.nl")
    page.goto("/vacatures/import")
    assert_accessible()
    bad = tmp_path / "fouten.csv"
    bad.write_text("organisation;type;title;schedule;capacity\n"
                   "Repair Café wijkcentrum De Ontmoeting;stage;Kok;maandag;veel\n",
                   encoding="utf-8")
    page.get_by_label("Bestand (CSV of XLSX, hoogstens 10 MB)").set_input_files(str(bad))
    page.get_by_role("button", name="Bestand controleren").click()
    expect(page.get_by_role("heading", name="Controle van het importbestand")).to_be_visible()
    expect(page.get_by_text("moet een heel getal zijn")).to_be_visible()
    assert_accessible()
    good = tmp_path / "dubbel.csv"
    good.write_text("organisation;type;title;schedule;capacity\n"
                    "Repaircafe De Ontmoeting;taalstage;Gastheer e2e;tue_morning;1\n",
                    encoding="utf-8")
    page.goto("/vacatures/import")
    page.get_by_label("Bestand (CSV of XLSX, hoogstens 10 MB)").set_input_files(str(good))
    page.get_by_role("button", name="Bestand controleren").click()
    expect(page.get_by_role("heading", name="Bestaat deze organisatie al?")).to_be_visible()
    assert_accessible()
    page.get_by_label(re.compile("Dezelfde als ‘Repair Café wijkcentrum De Ontmoeting’")).check()
    page.get_by_role("button", name="Alles importeren").click()
    expect(page.get_by_text("Geïmporteerd: 1 nieuwe")).to_be_visible()


def test_organisation_page_with_send_back_form_is_accessible(login_as, page: Page,
                                                             assert_accessible) -> None:
    login_as("centrale-nijmegen@demo.nl")  # the waiting organisations are in its reach
    page.goto("/")
    page.locator("main ul a").first.click()  # an organisation waiting for screening
    expect(page.get_by_role("button", name="Goedkeuren")).to_be_visible()
    assert_accessible()
