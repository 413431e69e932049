"""The policy officer opens the dashboard, changes the peildatum and downloads the XLSX."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_policy_officer_changes_peildatum_and_downloads_xlsx(
    login_as, page: Page, assert_accessible
) -> None:
    login_as("beleid@demo.nl")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Rapportages").click()
    expect(page.get_by_role("heading", name="Monitoring", level=1)).to_be_visible()
    assert_accessible()

    page.get_by_label("Peildatum").fill("2026-06-30")
    page.get_by_role("button", name="Toon cijfers").click()
    expect(page.get_by_text("30 juni 2026", exact=False).first).to_be_visible()
    assert "peildatum=2026-06-30" in page.url
    assert_accessible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Alle tabellen downloaden (Excel)").click()
    download = download_info.value
    assert download.suggested_filename == "koppelkans-monitoring-2026-06-30.xlsx"
    workbook = load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    assert workbook["Filters"]["B1"].value == "2026-06-30"
    assert "routes" in workbook.sheetnames
