"""A vacancy's status through the API: the web's buttons, by the same service and rule
table (domain/vacancy_status.py), with problem+json refusals."""

from __future__ import annotations

import pytest

from marketplace.domain.vacancy_status import VacancyAction
from marketplace.domain.vocabulary import ApprovalState, Role, VacancyStatus
from marketplace.models import Vacancy
from marketplace.services.vacancies import vacancies as vacancy_service
from tests.builders import make_organisation, make_user, make_vacancy


@pytest.fixture()
def centre(db):
    return make_user(Role.CENTRALE, organisation=make_organisation(kind="vrijwilligerscentrale"))


@pytest.fixture()
def managed(centre):
    """An approved organisation that the centre manages."""
    return make_organisation(managed_by_id=centre.organisation_id)


@pytest.fixture()
def managed_member(managed):
    return make_user(Role.ORGANISATION, organisation=managed)


def _move(api, vacancy: Vacancy, action: str, **fields: str):
    return api.post(f"/vacancies/{vacancy.ref}/transitions", json={"action": action, **fields})


def test_a_member_offers_a_draft_and_the_centre_approves_it(
    api_as, managed, managed_member, centre, db
) -> None:
    draft = make_vacancy(managed, status=VacancyStatus.DRAFT)
    offered = _move(api_as(managed_member), draft, "submit")
    assert offered.status_code == 200
    assert offered.get_json()["status"] == "review"
    assert offered.get_json()["actions"] == ["withdraw", "close"]
    approved = _move(api_as(centre), draft, "approve")
    assert approved.status_code == 200
    assert approved.get_json()["status"] == "published"
    db.expire_all()
    assert draft.status == VacancyStatus.PUBLISHED and draft.approved_at is not None


def test_the_actions_shown_are_the_services(api_as, managed, managed_member, centre, coach) -> None:
    vacancy = make_vacancy(managed)
    for user in (managed_member, centre):
        shown = api_as(user).get(f"/vacancies/{vacancy.ref}").get_json()["actions"]
        assert shown == [a.value for a in vacancy_service.allowed_actions(user, vacancy)]
    assert api_as(coach).get(f"/vacancies/{vacancy.ref}").get_json()["actions"] == []


def test_sending_back_needs_a_reason_which_the_member_then_reads(
    api_as, managed, managed_member, centre, db
) -> None:
    vacancy = make_vacancy(managed, status=VacancyStatus.REVIEW)
    refused = _move(api_as(centre), vacancy, "send_back", reason="  ")
    assert refused.status_code == 422
    assert refused.mimetype == "application/problem+json"
    assert [e["field"] for e in refused.get_json()["errors"]] == ["reason"]
    db.expire_all()
    assert vacancy.status == VacancyStatus.REVIEW
    sent = _move(api_as(centre), vacancy, "send_back", reason="Vul de uren in.")
    assert sent.get_json()["status"] == "draft"
    seen = api_as(managed_member).get(f"/vacancies/{vacancy.ref}").get_json()
    assert seen["review_note"] == "Vul de uren in."


def test_a_step_impossible_in_this_status_is_a_conflict_in_dutch(
    api_as, managed, managed_member, db
) -> None:
    closed = make_vacancy(managed, status=VacancyStatus.CLOSED)
    response = _move(api_as(managed_member), closed, "pause")
    assert response.status_code == 409
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["detail"] == "Dit kan niet bij een vacature met deze status."
    db.expire_all()
    assert closed.status == VacancyStatus.CLOSED


def test_a_new_vacancy_is_screened_first_and_a_paused_one_resumes_at_once(
    api_as, managed, managed_member, db
) -> None:
    api = api_as(managed_member)
    draft = make_vacancy(managed, status=VacancyStatus.DRAFT)
    refused = _move(api, draft, "publish")
    assert refused.status_code == 409
    assert "eerst gecontroleerd" in refused.get_json()["detail"]
    live = make_vacancy(managed)
    assert _move(api, live, "pause").get_json()["status"] == "draft"
    assert _move(api, live, "publish").get_json()["status"] == "published"


def test_an_unapproved_organisation_cannot_go_online(api_as, centre, db) -> None:
    waiting = make_organisation(managed_by_id=centre.organisation_id, approval=ApprovalState.REVIEW)
    vacancy = make_vacancy(waiting, status=VacancyStatus.REVIEW)
    response = _move(api_as(centre), vacancy, "approve")
    assert response.status_code == 409
    assert "Keur eerst de organisatie goed" in response.get_json()["detail"]


@pytest.mark.parametrize(
    ("role", "action"), [("member", "approve"), ("centre", "submit"), ("centre", "withdraw")]
)
def test_a_step_the_role_never_takes_is_forbidden(
    api_as, managed, managed_member, centre, role, action, db
) -> None:
    vacancy = make_vacancy(managed, status=VacancyStatus.REVIEW)
    user = managed_member if role == "member" else centre
    response = _move(api_as(user), vacancy, action)
    assert response.status_code == 403
    assert response.get_json()["detail"] == "U mag deze wijziging niet doen."
    db.expire_all()
    assert vacancy.status == VacancyStatus.REVIEW


def test_who_may_change_whose_vacancy(api_as, managed, coach, centre, db) -> None:
    published = make_vacancy(managed)
    foreign = make_vacancy(make_organisation())  # published, managed by nobody here
    foreign_draft = make_vacancy(make_organisation(), status=VacancyStatus.DRAFT)
    other_member = make_user(Role.ORGANISATION, organisation=make_organisation())
    assert _move(api_as(coach), published, "close").status_code == 403
    assert _move(api_as(make_user(Role.POLICY)), published, "close").status_code == 403
    assert _move(api_as(other_member), published, "close").status_code == 404
    assert _move(api_as(centre), foreign, "close").status_code == 403  # seen, not managed
    assert _move(api_as(centre), foreign_draft, "close").status_code == 404
    admin = _move(api_as(make_user(Role.ADMIN)), foreign, "close")
    assert admin.status_code == 200 and admin.get_json()["status"] == "closed"
    db.expire_all()
    assert published.status == VacancyStatus.PUBLISHED


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"action": "delete"},
        {"action": "close", "colour": 1},
        {"action": "send_back", "reason": 5},
    ],
)
def test_a_wrong_body_names_the_field(api_as, managed, managed_member, body) -> None:
    vacancy = make_vacancy(managed)
    response = api_as(managed_member).post(f"/vacancies/{vacancy.ref}/transitions", json=body)
    assert response.status_code == 422
    assert response.get_json()["errors"]


def test_every_action_of_the_rule_table_is_in_the_document(client) -> None:
    schema = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    assert schema["VacancyTransition"]["properties"]["action"]["enum"] == [
        action.value for action in VacancyAction
    ]
