"""The coach's day in real Chromium: intake of a mother, her matches with the childcare
exclusion, proposing her top match; WCAG 2.1 AA on every new page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


def _record_mother(page: Page, assert_accessible) -> None:
    page.goto("/deelnemers/nieuw")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Vul een voornaam of roepnaam in.")).to_be_visible()
    assert_accessible()  # the intake form with its errors

    page.get_by_label("Voornaam of roepnaam").fill("Nour")
    page.get_by_label("Achternaam").fill("Haddad")
    page.get_by_label("Postcode").fill("6543 KL")
    page.get_by_label("Maximale reisafstand in km").fill("5")
    for skill in ("Spreken", "Luisteren", "Lezen", "Schrijven"):
        page.get_by_label(skill, exact=True).select_option("A1")
    page.locator("#lessons-tue_morning").check()
    page.locator("#lessons-thu_morning").check()
    for day in WEEKDAYS:
        page.locator(f"#availability-{day}_morning").check()
        page.locator(f"#availability-{day}_afternoon").check()
    page.get_by_label("Uren per week, minimaal").fill("3")
    page.get_by_label("Uren per week, maximaal").fill("8")
    page.get_by_label("Interesses").fill("koken, kinderen")
    page.get_by_label("Toestemming: zoeken naar passende plekken").check()
    page.get_by_label("Toestemming: gegevens delen met een organisatie bij een voorstel").check()
    page.get_by_label("Leeftijden van de kinderen thuis").fill("9, 10")
    page.get_by_role("button", name="Stel voor op basis van leeftijden").click()
    # The suggestion: children at home on Wednesday afternoon; what was typed stays.
    expect(page.locator("#childcare_needed-wed_afternoon")).to_be_checked()
    expect(page.locator("#childcare_needed-fri_afternoon")).not_to_be_checked()
    expect(page.get_by_label("Voornaam of roepnaam")).to_have_value("Nour")
    expect(page.locator("#lessons-tue_morning")).to_be_checked()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nour Haddad")


def test_coach_records_a_mother_and_proposes_her_top_match(
    login_as, page: Page, assert_accessible
) -> None:
    login_as("coach@demo.nl")
    _record_mother(page, assert_accessible)
    page.get_by_role("link", name="Passende plekken zoeken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Passende plekken voor Nour")

    excluded = page.locator("details.kk-excluded")
    excluded.locator("summary").click()
    toddlers = excluded.locator("li.kk-match", has_text="Taalstage op de peutergroep")
    expect(toddlers).to_contain_text("Kinderopvang: woensdagmiddag kinderen thuis, geen opvang")
    assert_accessible()  # the matches page with the excluded toggle open

    top = page.locator("ol.kk-matches > li").first
    title = top.locator("h3 a").inner_text()
    top.get_by_role("link", name=re.compile("^Voorstellen")).click()
    expect(page.get_by_role("heading", name="Dit ziet de organisatie")).to_be_visible()
    page.get_by_label("Bericht aan de organisatie").fill("Nour kookt graag en spreekt Arabisch.")
    page.get_by_role("button", name="Voorstellen").click()
    expect(page.get_by_text("Het voorstel is verstuurd naar")).to_be_visible()
    expect(page.get_by_role("heading", name="Voorstellen")).to_be_visible()
    expect(page.locator("main")).to_contain_text(f"{title}")
    expect(page.locator("main")).to_contain_text("Voorgesteld")


def test_participant_page_with_chart_is_accessible(login_as, page: Page, assert_accessible):
    login_as("coach@demo.nl")
    page.goto("/deelnemers/?q=Hiba")
    page.get_by_role("link", name=re.compile("Hiba")).first.click()
    expect(page.get_by_role("img", name="Trede en ZRM-gemiddelde per meting")).to_be_visible()
    assert_accessible()
    page.get_by_role("link", name="Meting vastleggen").click()
    assert_accessible()


def test_cohort_allocation_page_is_accessible(login_as, page: Page, assert_accessible) -> None:
    login_as("coach2@demo.nl")
    page.goto("/koppelen/groep")
    assert_accessible()
    boxes = page.locator("ul.kk-checklist input[type=checkbox]")
    for index in range(3):
        boxes.nth(index).check()
    page.get_by_role("button", name="Koppel deze groep").click()
    expect(page.get_by_role("heading", name="Verdeling van de groep")).to_be_visible()
    expect(page.get_by_text(re.compile(r"\d+ van 3 deelnemers hebben een plek"))).to_be_visible()
    assert_accessible()


def test_organisation_sees_proposals_accessibly(login_as, page: Page, assert_accessible) -> None:
    login_as("organisatie2@demo.nl")
    page.goto("/koppelen/voorstellen")
    expect(page.get_by_role("heading", name="Voorstellen van coaches")).to_be_visible()
    assert_accessible()
