"""The fairness page in real Chromium: the policy officer reaches it from the dashboard,
it shows the demo region's figures, and axe-core finds no violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_policy_officer_reads_the_fairness_figures(login_as, page: Page,
                                                  assert_accessible) -> None:
    login_as("beleid@demo.nl")
    page.goto("/rapportages/")
    page.get_by_role("link", name="Eerlijkheid van het koppelen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eerlijkheid van het koppelen")
    mothers = page.get_by_role("table", name="Vrouwen met kinderen thuis en alle anderen")
    expect(mothers).to_contain_text("Haalbare vacatures (gemiddeld)")
    expect(page.get_by_role("table", name="Z-route en B1-route")).to_contain_text(
        "In de top 10 van de vacatures")
    assert_accessible()
    page.get_by_text("Wat betekenen de cijfers?").click()
    assert_accessible()
