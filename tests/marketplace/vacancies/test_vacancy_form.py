"""Creating and editing a vacancy through the form: Dutch errors, nothing lost."""

from __future__ import annotations

from sqlalchemy import func, select

from marketplace.domain.vocabulary import Role, VacancyStatus
from marketplace.models import Vacancy
from tests.builders import make_organisation, make_user, make_vacancy

VALID = {
    "type": "taalstage",
    "title": "Gastvrouw in het taalcafé",
    "description": "Koffie schenken en praten met bezoekers.",
    "tags": "koken, Taal ,koken",
    "postcode": "6602ab",
    "schedule": ["tue_afternoon", "thu_afternoon"],
    "dayparts_needed": "1",
    "hours_min": "4",
    "hours_max": "8",
    "capacity": "2",
    "proposal_cap": "3",
    "physical_load": "light",
    "lang_min_speaking": "A1",
    "language_rich": "y",
}


def _member(login):
    organisation = make_organisation()
    login(make_user(Role.ORGANISATION, organisation=organisation))
    return organisation


def test_member_creates_a_draft_with_normalised_fields(client, login, db) -> None:
    organisation = _member(login)
    response = client.post("/vacatures/nieuw", data=VALID)
    assert response.status_code == 302
    vacancy = db.scalars(select(Vacancy)).one()
    assert vacancy.organisation_id == organisation.id
    assert vacancy.status == VacancyStatus.DRAFT
    assert vacancy.postcode == "6602 AB"
    assert vacancy.tags == ["koken", "taal"]
    assert vacancy.language_minimum() == {"speaking": "A1"}
    assert vacancy.lat is not None  # geocoded on save


def test_errors_are_dutch_and_keep_what_was_typed(client, login, db) -> None:
    _member(login)
    data = VALID | {"hours_min": "10", "hours_max": "4", "postcode": "12345", "schedule": []}
    page = client.post("/vacatures/nieuw", data=data).get_data(as_text=True)
    assert "Het maximum moet minstens even groot zijn als het minimum." in page
    assert "Vul een Nederlandse postcode in" in page
    assert "Kies minstens één dagdeel." in page
    assert 'value="Gastvrouw in het taalcafé"' in page
    assert 'value="12345"' in page
    assert db.scalar(select(func.count()).select_from(Vacancy)) == 0


def test_dayparts_needed_cannot_exceed_schedule(client, login, db) -> None:
    _member(login)
    page = client.post("/vacatures/nieuw", data=VALID | {"dayparts_needed": "5"})
    assert "meer dan dat kan niet nodig zijn" in page.get_data(as_text=True)


def test_capacity_below_filled_places_is_refused_and_nothing_changes(client, login, db) -> None:
    organisation = _member(login)
    vacancy = make_vacancy(organisation, capacity=3, filled=2, title="Oude titel")
    page = client.post(f"/vacatures/{vacancy.id}/bewerken", data=VALID | {"capacity": "1"})
    assert "Er zijn al 2 plekken bezet" in page.get_data(as_text=True)
    db.refresh(vacancy)
    assert vacancy.capacity == 3
    assert vacancy.title == "Oude titel"


def test_garbage_numbers_give_field_errors_not_500(client, login, db) -> None:
    _member(login)
    data = VALID | {"hours_min": "veel", "capacity": "-1", "schedule": ["someday"]}
    response = client.post("/vacatures/nieuw", data=data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Kies een getal van 1 tot en met 500." in page
