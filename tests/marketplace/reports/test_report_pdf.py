"""The council report: a real PDF (WeasyPrint), read back with poppler's pdftotext and
pdftoppm, as a council member would read it on paper."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from marketplace.config import DEMO_PASSWORD
from marketplace.domain.vocabulary import Role
from marketplace.services.reports.files import GLOSSARY
from tests.builders import make_organisation, make_user
from tests.marketplace.reports.conftest import QUERY, personal_details

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="poppler-utils: make system-deps"
)

BAR_BLUE = (0x1C, 0x4E, 0x80)  # the bars of the charts (templates/reports/_chart.html)
SMALLEST_WORD_PT = 10.0  # box height of a word; 10 pt boxes are about 8.5 pt type


@pytest.fixture()
def db(rolled_back_db, demo_region_once):
    """Every test starts from the demo region, seeded once for this module; what a test
    commits is rolled back (tests/rollback.py)."""
    return rolled_back_db


@pytest.fixture(scope="module")
def report(app, module_transaction, demo_region_once, tmp_path_factory) -> Path:
    """The report, made once for the module (WeasyPrint takes seconds) by the policy
    officer, in a savepoint of its own like a test."""
    with app.app_context(), module_transaction.test():
        policy = app.test_client()
        policy.post("/login", data={"email": "beleid@demo.nl", "password": DEMO_PASSWORD})
        response = policy.get("/rapportages/rapport.pdf" + QUERY + "&gemeente=Nijmegen")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert 'filename="koppelkans-rapport-2026-10-31.pdf"' in response.headers[
        "Content-Disposition"
    ]
    path = tmp_path_factory.mktemp("report") / "rapport.pdf"
    path.write_bytes(response.data)
    return path


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_the_report_has_a_title_page_summary_tables_and_glossary(report) -> None:
    text = pdf_text(report)
    first_page = text.split("\f")[0]
    for title_page_line in ("Monitoring participatie", "Nijmegen", "31 oktober 2026",
                            "1 september 2025", "Peildatum", "Filters"):
        assert title_page_line in first_page
    assert "Samenvatting" in text
    assert re.search(r"Op de peildatum doen \d+ mensen mee", text)
    assert "nog geen tweede meting" in text
    assert "Woordenlijst" in text
    flat = " ".join(text.split())
    for term, _ in GLOSSARY:
        assert term in flat
    for title in ("Zelfredzaamheidsmatrix", "Participatieladder: omhoog, gelijk of omlaag"):
        assert title in flat
    assert "Aantallen onder de 5 staan als <5" in flat  # the suppression note
    pages = text.count("\f")
    assert f"Pagina 2 van {pages}" in flat


def test_the_report_names_no_participant(report, demo_region) -> None:
    text = pdf_text(report)
    flat = " ".join(text.split())
    for detail in personal_details(demo_region):
        assert detail not in text and detail not in flat


def test_sector_headings_are_dutch_words_not_keys(report) -> None:
    assert "repair_cafe" not in pdf_text(report) and "werkgever " not in pdf_text(report)


def test_every_word_is_large_enough_to_read_in_print(report) -> None:
    """pdftotext's word boxes: no label, chart text included, under about 8.5 pt."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(report), "-"], check=True, capture_output=True, text=True
    ).stdout
    heights = [
        float(bottom) - float(top)
        for top, bottom in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes)
    ]
    assert len(heights) > 300
    assert min(heights) >= SMALLEST_WORD_PT


def _bar_pixels(image: Image.Image) -> int:
    pixels = np.asarray(image.convert("RGB"), dtype=int)
    return int((np.abs(pixels - np.array(BAR_BLUE)).max(axis=2) < 12).sum())


def test_a_picture_of_each_page_shows_its_charts(report, tmp_path) -> None:
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(report), str(tmp_path / "page")], check=True
    )
    pictures = sorted(tmp_path.glob("page-*.png"))
    assert len(pictures) == pdf_text(report).count("\f")
    with_charts = 0
    for picture in pictures:
        with Image.open(picture) as image:
            assert image.convert("L").getextrema()[0] < 100, picture.name  # not blank
            # a bar chart fills at least a few square centimetres with its colour
            if _bar_pixels(image) > 400:
                with_charts += 1
    assert with_charts >= 3  # routes, ladder progress, ZRM at least


@pytest.mark.parametrize("role", [Role.COACH, Role.ORGANISATION, Role.CENTRALE])
def test_other_roles_cannot_download_the_report(client, login, db, role) -> None:
    login(make_user(role, organisation=make_organisation()))
    assert client.get("/rapportages/rapport.pdf").status_code == 403
