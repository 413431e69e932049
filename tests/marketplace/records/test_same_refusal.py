"""The same bad record through every door: the web form, the API and the import each
refuse it, naming the same field, and save nothing (issue 15: the API refuses what the
form and the import refuse)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import func, select

from marketplace.domain.vocabulary import Role
from marketplace.models import Participant, Vacancy
from marketplace.services.vacancies import import_rows as importing
from marketplace.services.vacancies.files import read_file
from tests.api.conftest import Api, token_for
from tests.builders import make_organisation, make_user

# One good vacancy, in the three shapes the doors take.
FORM = {"type": "taalstage", "title": "Koffie schenken", "description": "Praten met gasten.",
        "schedule": ["tue_afternoon"], "hours_min": "4", "hours_max": "8", "capacity": "2",
        "proposal_cap": "3", "physical_load": "light"}
API = {"type": "taalstage", "title": "Koffie schenken", "description": "Praten met gasten.",
       "schedule": ["tue_afternoon"], "hours_per_week": {"min": 4, "max": 8}, "capacity": 2,
       "proposal_cap": 3, "physical_load": "light"}
ROW = {"type": "taalstage", "title": "Koffie schenken", "description": "Praten met gasten.",
       "schedule": "tue_afternoon", "hours_min": "4", "hours_max": "8", "capacity": "2",
       "proposal_cap": "3", "physical_load": "light"}

FORMULA = '=HYPERLINK("x")'
LONG = "x" * 20_000
# (field, bad value in the form, in the API, in a row)
BAD_VACANCIES = [
    ("schedule", [], [], ""),
    ("capacity", "10000", 10000, "10000"),
    ("proposal_cap", "100", 100, "100"),
    ("description", LONG, LONG, LONG),
    ("title", FORMULA, FORMULA, FORMULA),
    ("duration_weeks", "520", 520, "520"),
    ("proefperiode_weeks", "104", 104, "104"),
    ("tags", ", ".join(f"t{n}" for n in range(51)), [f"t{n}" for n in range(51)],
     ", ".join(f"t{n}" for n in range(51))),
]
IDS = [case[0] for case in BAD_VACANCIES]


def _fields_with_errors(page: str) -> set[str]:
    """The fields a rendered form marks as wrong (forms.html: id="<field>-fout")."""
    return set(re.findall(r'id="([\w-]+)-fout"', page))


def _vacancies(db) -> int:
    return db.scalar(select(func.count()).select_from(Vacancy))


@pytest.fixture()
def centre(db):
    """A volunteer centre's staff member and an organisation it manages (every door)."""
    hub = make_organisation(kind="vrijwilligerscentrale", name="Vrijwilligerspunt")
    managed = make_organisation(name="Wijkcentrum De Klimop", managed_by=hub)
    return make_user(Role.CENTRALE, organisation=hub), managed


@pytest.mark.parametrize(("field", "in_form", "in_api", "in_row"), BAD_VACANCIES, ids=IDS)
def test_the_form_refuses_it(client, login, centre, db, field, in_form, in_api, in_row) -> None:
    staff, managed = centre
    login(staff)
    data = FORM | {field: in_form, "organisation_id": str(managed.id)}
    page = client.post("/vacatures/nieuw", data=data).get_data(as_text=True)
    assert _fields_with_errors(page) == {field}
    assert _vacancies(db) == 0


@pytest.mark.parametrize(("field", "in_form", "in_api", "in_row"), BAD_VACANCIES, ids=IDS)
def test_the_api_refuses_it(client, centre, db, field, in_form, in_api, in_row) -> None:
    staff, managed = centre
    api = Api(client, token_for(staff))
    response = api.post("/vacancies", json=API | {field: in_api, "organisation": managed.name})
    assert response.status_code == 422, response.get_json()
    assert response.mimetype == "application/problem+json"
    errors = response.get_json()["errors"]
    assert [error["field"] for error in errors] == [field]
    assert _vacancies(db) == 0


def _csv(cells: dict[str, str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(cells), delimiter=";")
    writer.writeheader()
    writer.writerow(cells)
    return buffer.getvalue().encode("utf-8")


@pytest.mark.parametrize(("field", "in_form", "in_api", "in_row"), BAD_VACANCIES, ids=IDS)
def test_the_import_refuses_it(centre, db, field, in_form, in_api, in_row) -> None:
    staff, managed = centre
    parsed = read_file("vacatures.csv", _csv(ROW | {field: in_row, "organisation": managed.name}))
    report = importing.check_rows(parsed.rows, importing.scope_for(staff))
    assert {problem.column for problem in report.problems} == {field}
    with pytest.raises(importing.ImportRefused):
        importing.commit_rows(parsed.rows, importing.scope_for(staff), {})
    assert _vacancies(db) == 0


def test_the_api_names_the_field_by_its_key_and_its_dutch_label(client, centre) -> None:
    staff, managed = centre
    response = Api(client, token_for(staff)).post(
        "/vacancies", json=API | {"capacity": 10000, "organisation": managed.name})
    assert response.get_json()["errors"] == [
        {"field": "capacity", "message": "Aantal plekken: kies een getal van 1 tot en met 500."}]


def test_a_patch_is_held_to_the_rule_across_two_fields(client, centre, db) -> None:
    staff, managed = centre
    api = Api(client, token_for(staff))
    created = api.post("/vacancies", json=API | {"duration_weeks": 10,
                                                 "organisation": managed.name}).get_json()
    response = api.patch(f"/vacancies/{created['id']}", json={"proefperiode_weeks": 12})
    assert response.status_code == 422
    assert response.get_json()["errors"] == [
        {"field": "proefperiode_weeks", "message": "Proefperiode in weken: de proefperiode kan "
                                                   "niet langer zijn dan de hele duur."}]


# ------------------------------------------------------------------ participants
# Participants are written by the intake form and the API (there is no import).

INTAKE = {"first_name": "Amina", "status": "intake", "intake_date": "2026-01-12",
          "max_travel_km": "5", "nl_speaking": "A1", "nl_listening": "A1", "nl_reading": "A1",
          "nl_writing": "A0", "hours_min": "4", "hours_max": "8",
          "max_physical_load": "medium", "gender": "", "route": "", "save": "Opslaan"}
PROFILE = {"first_name": "Amina", "availability": ["mon_morning"]}
BAD_PARTICIPANTS = [
    ("experience", LONG, LONG),
    ("max_travel_km", "500", 500),
    ("first_name", FORMULA, FORMULA),
    ("interests", ", ".join(f"i{n}" for n in range(51)), [f"i{n}" for n in range(51)]),
]


def _participants(db) -> int:
    return db.scalar(select(func.count()).select_from(Participant))


@pytest.mark.parametrize(("field", "in_form", "in_api"), BAD_PARTICIPANTS,
                         ids=[case[0] for case in BAD_PARTICIPANTS])
def test_the_intake_form_and_the_api_refuse_the_same_participant(
        client, login, db, field, in_form, in_api) -> None:
    coach = make_user(Role.COACH)
    api = Api(client, token_for(coach))
    response = api.post("/participants", json=PROFILE | {field: in_api})
    assert response.status_code == 422, response.get_json()
    assert [error["field"] for error in response.get_json()["errors"]] == [field]
    login(coach)
    page = client.post("/deelnemers/nieuw", data=INTAKE | {field: in_form}).get_data(
        as_text=True)
    assert _fields_with_errors(page) == {field}
    assert _participants(db) == 0
