"""The volunteer centre's import in real Chromium (issue 20): the Dutch template with
three planted mistakes and one duplicate inside the file, fixed in the preview, all
imported drafts published in one confirmed step, and the filtered board exported."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

ORGANISATION = "Buurtkeuken Zonnebloemhof"


def _read_csv(path: str | Path) -> list[dict[str, str]]:
    text = Path(path).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def _planted_file(template: list[dict[str, str]]) -> bytes:
    """Five rows from the template's example: three mistakes, and row 6 a copy of row 2."""
    example = template[0] | {"organisatie": ORGANISATION, "id": ""}
    rows = [
        example | {"titel": "Koken voor de buurt"},
        example | {"titel": "Afwassen", "rooster": "maandag"},  # not a daypart
        example | {"titel": "Boodschappen doen", "plekken": "twee"},  # not a number
        example | {"titel": "Tafels dekken", "belasting": "superzwaar"},  # not a level
        example | {"titel": "koken voor de Buurt"},  # the same place again
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(template[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def test_centre_imports_fixes_publishes_and_exports(login_as, page: Page, assert_accessible,
                                                    tmp_path: Path) -> None:
    login_as("centrale@demo.nl")
    page.goto("/vacatures/import")
    with page.expect_download() as download:
        page.get_by_role("link", name="Sjabloon als CSV downloaden").click()
    template = _read_csv(download.value.path())
    assert "organisatie" in template[0] and "rooster" in template[0]

    page.get_by_label("Bestand (CSV of XLSX, hoogstens 10 MB)").set_input_files(
        files=[{"name": "vacatures.csv", "mimeType": "text/csv",
                "buffer": _planted_file(template)}])
    page.get_by_role("button", name="Bestand controleren").click()
    expect(page.get_by_role("heading", name="Controle van het importbestand")).to_be_visible()
    rows = page.get_by_role("table", name="rijen")
    expect(rows.get_by_role("row")).to_have_count(1 + 5)  # every row, with its problems
    expect(page.get_by_text("lijkt heel sterk op rij 2 van dit bestand")).to_be_visible()
    assert_accessible()

    page.get_by_label("rooster in rij 3").fill("maandagochtend woensdagmiddag")
    page.get_by_label("plekken in rij 4").fill("2")
    page.get_by_label("belasting in rij 5").fill("zwaar")
    page.get_by_label("Rij 6 weglaten").check()
    page.get_by_role("button", name="Aanpassingen controleren").click()
    expect(page.get_by_text("Er zijn geen meldingen meer.")).to_be_visible()
    expect(page.get_by_text("Er zijn geen fouten gevonden.")).to_be_visible()
    page.get_by_role("button", name="Alles importeren").click()

    expect(page.get_by_role("heading", name="4 geïmporteerde concepten publiceren")).to_be_visible()
    assert_accessible()
    page.get_by_label("Ja, publiceer alle geïmporteerde concepten").check()
    page.get_by_role("button", name="Alle geïmporteerde concepten publiceren").click()
    expect(page.get_by_text("4 vacatures gepubliceerd.")).to_be_visible()

    page.goto("/vacatures/")
    page.get_by_label("Zoek op titel of organisatie").fill("Zonnebloemhof")
    page.get_by_label("Status").select_option("published")
    page.get_by_role("button", name="Zoeken").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Deze lijst exporteren als CSV").click()
    exported = _read_csv(download.value.path())
    assert sorted(row["titel"] for row in exported) == [
        "Afwassen", "Boodschappen doen", "Koken voor de buurt", "Tafels dekken"]
    assert {row["status"] for row in exported} == {"gepubliceerd"}
    assert {row["belasting"] for row in exported} >= {"zwaar"}
