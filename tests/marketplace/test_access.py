"""Object-level access: caseloads and organisations stay apart (404/403, never 500)."""

from __future__ import annotations

import pytest

from marketplace.domain.vocabulary import Role, VacancyStatus
from tests.builders import make_organisation, make_participant, make_user, make_vacancy


def test_coach_sees_own_participant(client, login) -> None:
    coach = make_user(Role.COACH)
    participant = make_participant(coach)
    login(coach)
    response = client.get(f"/deelnemers/{participant.id}")
    assert response.status_code == 200
    assert participant.first_name in response.get_data(as_text=True)


def test_coach_cannot_open_another_coachs_participant(client, login) -> None:
    participant = make_participant(make_user(Role.COACH))
    login(make_user(Role.COACH))
    assert client.get(f"/deelnemers/{participant.id}").status_code == 404


def test_caseload_lists_only_own_participants(client, login) -> None:
    coach = make_user(Role.COACH)
    mine = make_participant(coach, first_name="Amina")
    theirs = make_participant(make_user(Role.COACH), first_name="Yonas")
    login(coach)
    page = client.get("/deelnemers/").get_data(as_text=True)
    assert mine.first_name in page
    assert theirs.first_name not in page


@pytest.mark.parametrize("role", [Role.ORGANISATION, Role.CENTRALE, Role.POLICY])
def test_other_roles_never_see_participant_files(client, login, role: Role) -> None:
    participant = make_participant()
    login(make_user(role, organisation=make_organisation()))
    assert client.get("/deelnemers/").status_code == 403
    assert client.get(f"/deelnemers/{participant.id}").status_code in (403, 404)


def test_organisation_member_edits_own_vacancy(client, login) -> None:
    organisation = make_organisation()
    vacancy = make_vacancy(organisation)
    login(make_user(Role.ORGANISATION, organisation=organisation))
    assert client.get(f"/vacatures/{vacancy.id}/bewerken").status_code == 200


def test_organisation_member_cannot_edit_another_organisations_vacancy(client, login) -> None:
    vacancy = make_vacancy(make_organisation(), title="Van een ander")
    login(make_user(Role.ORGANISATION, organisation=make_organisation()))
    form = {"title": "Overgenomen", "type": "taalstage", "schedule": ["mon_morning"],
            "hours_min": "1", "hours_max": "2", "capacity": "1", "proposal_cap": "3",
            "physical_load": "light"}
    assert client.get(f"/vacatures/{vacancy.id}/bewerken").status_code in (403, 404)
    assert client.post(f"/vacatures/{vacancy.id}/bewerken", data=form).status_code in (403, 404)
    assert vacancy.title == "Van een ander"


def test_draft_vacancy_of_another_organisation_is_invisible(client, login) -> None:
    vacancy = make_vacancy(make_organisation(), status=VacancyStatus.DRAFT)
    login(make_user(Role.ORGANISATION, organisation=make_organisation()))
    assert client.get(f"/vacatures/{vacancy.id}").status_code == 404


def test_coach_sees_published_but_not_draft_vacancies(client, login) -> None:
    published = make_vacancy(title="Gepubliceerde plek")
    draft = make_vacancy(title="Conceptplek", status=VacancyStatus.DRAFT)
    login(make_user(Role.COACH))
    page = client.get("/vacatures/").get_data(as_text=True)
    assert published.title in page
    assert draft.title not in page
    assert client.get(f"/vacatures/{draft.id}").status_code == 404
    assert client.get(f"/vacatures/{published.id}/bewerken").status_code == 403


def test_volunteer_centre_edits_vacancies_of_organisations_it_manages(client, login) -> None:
    centre = make_organisation(kind="vrijwilligerscentrale")
    managed = make_vacancy(make_organisation(managed_by=centre))
    other = make_vacancy(make_organisation(), status=VacancyStatus.REVIEW)
    login(make_user(Role.CENTRALE, organisation=centre))
    assert client.get(f"/vacatures/{managed.id}/bewerken").status_code == 200
    assert client.get(f"/vacatures/{other.id}/bewerken").status_code in (403, 404)


def test_policy_officer_sees_reports_not_vacancies(client, login) -> None:
    login(make_user(Role.POLICY))
    assert client.get("/rapportages/").status_code == 200
    assert client.get("/vacatures/").status_code == 403


@pytest.mark.parametrize("path", ["/deelnemers/abc", "/deelnemers/99999999999999999999"])
def test_odd_ids_give_404_not_500(client, login, path: str) -> None:
    login(make_user(Role.COACH))
    assert client.get(path).status_code == 404


def test_vacancy_list_pages_through_all_results(client, login) -> None:
    organisation = make_organisation()
    for number in range(25):
        make_vacancy(organisation, title=f"Plek {number:02d}")
    login(make_user(Role.COACH))
    first = client.get("/vacatures/").get_data(as_text=True)
    second = client.get("/vacatures/?page=2").get_data(as_text=True)
    assert "Plek 00" in first and "Plek 24" not in first
    assert "Plek 24" in second and "Plek 00" not in second
    assert "Pagina 2 van 2" in second
    assert 'rel="prev"' in second
