"""The policy officer's dashboard: filters, exports, access and privacy."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from marketplace.domain.vocabulary import Role
from marketplace.services.reports import monitoring
from tests.builders import make_organisation, make_user
from tests.marketplace.reports.conftest import QUERY, personal_details


@pytest.fixture()
def db(rolled_back_db, demo_region_once):
    """Every test starts from the demo region, seeded once for this module; what a test
    commits is rolled back (tests/rollback.py)."""
    return rolled_back_db


def test_dashboard_shows_every_table(policy) -> None:
    page = policy.get("/rapportages/" + QUERY).get_data(as_text=True)
    for title in (
        "Deelnemers per route van het plan",
        "Deelnemers per leerroute en status",
        "Participatieladder: van nulmeting naar laatste meting",
        "Zelfredzaamheidsmatrix",
        "Van voorstel tot plaatsing",
        "Uitstroom in de periode",
        "Tijd van intake tot eerste plaatsing",
    ):
        assert title in page


def test_policy_never_receives_personal_data(policy, demo_region) -> None:
    responses = [
        policy.get("/rapportages/" + QUERY).get_data(as_text=True),
        policy.get("/rapportages/export.xlsx" + QUERY).data.decode("latin-1"),
    ]
    for table in monitoring.dashboard(monitoring.Filters.default(date(2026, 10, 31))).tables:
        csv = policy.get(f"/rapportages/export.csv{QUERY}&tabel={table.key}")
        assert csv.status_code == 200
        responses.append(csv.get_data(as_text=True))
    for detail in personal_details(demo_region):
        for body in responses:
            assert detail not in body


def test_exports_contain_no_count_under_five(policy) -> None:
    workbook = load_workbook(io.BytesIO(policy.get("/rapportages/export.xlsx" + QUERY).data))
    numbers = [
        value
        for sheet in workbook.worksheets[1:]
        for row in sheet.iter_rows(min_row=3, min_col=2, values_only=True)
        for value in row
        if isinstance(value, int)
    ]
    assert numbers and min(numbers) >= 5
    assert len(workbook.sheetnames) == 11  # Filters and one sheet per table


def test_csv_export_of_one_table(policy) -> None:
    response = policy.get("/rapportages/export.csv" + QUERY + "&tabel=routes")
    assert response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert "Deelnemers per route van het plan" in text
    assert "attachment" in response.headers["Content-Disposition"]


def test_changing_the_peildatum_changes_the_figures(policy) -> None:
    early = policy.get("/rapportages/?peildatum=2025-09-15").get_data(as_text=True)
    late = policy.get("/rapportages/?peildatum=2026-10-31").get_data(as_text=True)
    assert "15 september 2025" in early and "31 oktober 2026" in late
    assert early != late


def test_bad_filter_values_give_messages_not_errors(policy) -> None:
    response = policy.get("/rapportages/?peildatum=morgen&van=2026-05-01&tot=2026-01-01")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Het einde ligt voor het begin." in page


def test_unknown_export_gives_404(policy) -> None:
    assert policy.get("/rapportages/export.pdf").status_code == 404
    assert policy.get("/rapportages/export.csv?tabel=bestaat-niet").status_code == 404


@pytest.mark.parametrize("role", [Role.COACH, Role.ORGANISATION, Role.CENTRALE])
def test_other_roles_cannot_see_monitoring(client, login, db, role) -> None:
    login(make_user(role, organisation=make_organisation()))
    assert client.get("/rapportages/").status_code == 403
    assert client.get("/rapportages/export.xlsx").status_code == 403


def test_the_policy_officers_start_page_is_the_dashboard_with_the_summary(policy) -> None:
    page = policy.get("/" + QUERY).get_data(as_text=True)
    assert "Hier ziet u straks" not in page
    assert page.index("Samenvatting") < page.index("Deelnemers per route van het plan")
    assert "Op de peildatum doen 80 mensen mee." in page
    # ladder and ZRM outcomes as charts, with the table beside them
    for key in ("voortgang", "zrm"):
        assert f'aria-labelledby="grafiek-{key}"' in page
    assert "rapport.pdf" in page
    # one sentence on the rule under each table
    assert page.count("Aantallen onder de 5 staan als") >= 10


def test_sector_headings_are_dutch(policy) -> None:
    page = policy.get("/rapportages/" + QUERY).get_data(as_text=True)
    assert "repair cafe" not in page and ">werkgever<" not in page
