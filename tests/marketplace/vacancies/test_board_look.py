"""The board and the caseload (issue 20): sortable columns, a town column, and closing a
vacancy kept apart from the other actions behind a second step."""

from __future__ import annotations

import re
from datetime import date

from marketplace.domain.vocabulary import Role, VacancyStatus
from tests.builders import make_organisation, make_participant, make_user, make_vacancy


def _titles(page: str) -> list[str]:
    return re.findall(r'href="/vacatures/\d+">([^<]+)</a>', page)


def test_the_board_sorts_by_a_column_and_shows_the_town(client, login, db) -> None:
    north = make_organisation(name="Aardappelhof", municipality="Wijchen")
    south = make_organisation(name="Zonnehof", municipality="Arnhem")
    make_vacancy(north, title="Bakken", status=VacancyStatus.PUBLISHED)
    make_vacancy(south, title="Afwassen", status=VacancyStatus.PUBLISHED)
    login(make_user(Role.COACH))
    page = client.get("/vacatures/").get_data(as_text=True)
    assert _titles(page) == ["Afwassen", "Bakken"]  # by title, as before
    assert "Plaats" in page and "Wijchen" in page and "Arnhem" in page
    by_town = client.get("/vacatures/?sorteer=-plaats").get_data(as_text=True)
    assert _titles(by_town) == ["Bakken", "Afwassen"]
    assert 'aria-sort="descending"' in by_town
    assert _titles(client.get("/vacatures/?sorteer=organisatie").get_data(as_text=True)) \
        == ["Bakken", "Afwassen"]
    assert client.get("/vacatures/?sorteer=onzin").status_code == 200


def test_the_caseload_sorts_by_a_column(client, login, db) -> None:
    coach = make_user(Role.COACH)
    make_participant(coach, first_name="Anna", intake_date=date(2026, 5, 1))
    make_participant(coach, first_name="Zeynep", intake_date=date(2026, 1, 1))
    login(coach)

    def names(query: str) -> list[str]:
        page = client.get("/deelnemers/" + query).get_data(as_text=True)
        return re.findall(r'href="/deelnemers/\d+">(\w+)', page)

    assert names("") == ["Anna", "Zeynep"]
    assert names("?sorteer=-naam") == ["Zeynep", "Anna"]
    assert names("?sorteer=intake") == ["Zeynep", "Anna"]


def test_closing_a_vacancy_is_apart_and_asks_first(client, login, db) -> None:
    organisation = make_organisation()
    vacancy = make_vacancy(organisation, status=VacancyStatus.PUBLISHED)
    login(make_user(Role.ORGANISATION, organisation=organisation))
    page = client.get(f"/vacatures/{vacancy.id}").get_data(as_text=True)
    danger = page[page.index("kk-danger-zone"):]
    assert "Ja, sluit deze vacature definitief" in danger
    assert page.count('value="close"') == 1
    assert page.index('value="pause"') < page.index("kk-danger-zone")
