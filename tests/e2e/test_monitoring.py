"""The policy officer opens the dashboard, changes the peildatum and downloads the XLSX."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

PARTICIPANTS = Path(__file__).parents[2] / "seed_data" / "participants.json"


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


def test_policy_officer_starts_on_the_figures_and_downloads_the_council_report(
    login_as, page: Page, assert_accessible, tmp_path: Path
) -> None:
    login_as("beleid@demo.nl")
    # The start page is the dashboard: the summary first, the outcomes as charts.
    expect(page.get_by_role("heading", name="Samenvatting", level=2)).to_be_visible()
    expect(page.get_by_text("mensen mee.", exact=False).first).to_be_visible()
    expect(page.get_by_role("img", name="Zelfredzaamheidsmatrix", exact=False)).to_be_visible()
    expect(
        page.get_by_role("img", name="omhoog, gelijk of omlaag", exact=False)
    ).to_be_visible()
    assert_accessible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Rapport voor de raad downloaden (PDF)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    report = tmp_path / download.suggested_filename
    download.save_as(report)
    assert report.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(report), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    assert "Samenvatting" in flat and "Woordenlijst" in flat
    assert "Participatieladder" in flat and "Werkervaringsplaats" in flat
    for detail in _demo_participants():
        assert detail not in flat


def _demo_participants() -> list[str]:
    """Names, e-mail addresses and ids of the demo region's participants, from its data."""
    people = json.loads(PARTICIPANTS.read_text(encoding="utf-8"))
    details = []
    for person in people:
        details += [f"{person['first_name']} {person['last_name']}", person["email"], person["id"]]
    return [detail for detail in details if detail]
