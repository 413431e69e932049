"""The policy officer's dashboard: filters, exports, access and privacy."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from marketplace.config import DEMO_PASSWORD
from marketplace.domain.vocabulary import Role
from marketplace.models import Participant
from marketplace.services.reports import monitoring
from tests.builders import make_organisation, make_user


@pytest.fixture()
def demo_region(runner, db):
    assert runner.invoke(args=["seed"]).exit_code == 0
    return db.scalars(select(Participant)).all()


@pytest.fixture()
def policy(client, demo_region):
    client.post("/login", data={"email": "beleid@demo.nl", "password": DEMO_PASSWORD})
    return client


def _personal_details(people) -> list[str]:
    found = []
    for person in people:
        found += [person.ref, person.email, f"{person.first_name} {person.last_name}"]
        found += [person.phone, person.health_notes] if person.health_notes else [person.phone]
    return [text for text in found if text]


QUERY = "?peildatum=2026-10-31&van=2025-09-01&tot=2026-10-31"


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
    for detail in _personal_details(demo_region):
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
