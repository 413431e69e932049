"""Vacancies through the API: profiles out and in, roles and ownership, pagination."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.domain.vocabulary import PlacementType, Role, VacancyStatus
from marketplace.models import Vacancy
from tests.builders import make_organisation, make_user, make_vacancy

NEW = {"type": "taalstage", "title": "Koffie schenken", "schedule": ["mon_morning"],
       "capacity": 2, "tags": ["horeca"], "postcode": "6511 AB",
       "language_min": {"speaking": "A2"}}


def test_a_coach_lists_published_vacancies_as_profiles(api_as, coach, organisation) -> None:
    shown = make_vacancy(organisation, title="Koken")
    make_vacancy(organisation, status=VacancyStatus.DRAFT)
    body = api_as(coach).get("/vacancies").get_json()
    assert body["total"] == 1
    profile = body["items"][0]
    assert profile["id"] == shown.ref
    assert profile["organisation"] == organisation.name
    assert profile["hours_per_week"] == {"min": 4, "max": 8}
    assert profile["childcare"] == {"offered": False, "children_welcome": False}


def test_vacancies_are_paginated_with_links(api_as, coach, organisation) -> None:
    for n in range(5):
        make_vacancy(organisation, title=f"Plek {n}")
    body = api_as(coach).get("/vacancies?page=2&per_page=2").get_json()
    assert [v["title"] for v in body["items"]] == ["Plek 2", "Plek 3"]
    assert (body["page"], body["per_page"], body["total"], body["pages"]) == (2, 2, 5, 3)
    assert body["links"]["next"] == "/api/v1/vacancies?page=3&per_page=2"
    assert body["links"]["prev"] == "/api/v1/vacancies?page=1&per_page=2"
    assert body["links"]["last"] == "/api/v1/vacancies?page=3&per_page=2"


@pytest.mark.parametrize("query", ["per_page=0", "per_page=101", "page=0", "page=x"])
def test_page_parameters_have_limits(api_as, coach, query) -> None:
    response = api_as(coach).get(f"/vacancies?{query}")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["errors"][0]["field"] == query.split("=")[0]


def test_policy_officers_may_not_list_vacancies(api_as, db) -> None:
    assert api_as(make_user(Role.POLICY)).get("/vacancies").status_code == 403


def test_a_draft_of_another_organisation_is_not_found(api_as, member) -> None:
    other = make_vacancy(make_organisation(), status=VacancyStatus.DRAFT)
    assert api_as(member).get(f"/vacancies/{other.ref}").status_code == 404


def test_an_organisation_creates_a_draft_for_itself(api_as, member, organisation, db) -> None:
    response = api_as(member).post("/vacancies", json=NEW)
    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"/api/v1/vacancies/{body['id']}"
    assert body["status"] == "draft" and body["organisation"] == organisation.name
    assert body["hours_per_week"] == {"min": 6, "max": 8}  # the taalstage's defaults
    assert body["language_min"] == {"speaking": "A2"}
    row = db.scalar(select(Vacancy).where(Vacancy.ref == body["id"]))
    assert row.organisation_id == organisation.id


def test_a_coach_may_not_create_vacancies(api_as, coach) -> None:
    assert api_as(coach).post("/vacancies", json=NEW).status_code == 403


def test_invalid_and_unknown_fields_are_named(api_as, member, db) -> None:
    body = dict(NEW, schedule=["someday"], capacity=0, colour="red", status="published")
    del body["title"]
    response = api_as(member).post("/vacancies", json=body)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    fields = {error["field"] for error in response.get_json()["errors"]}
    assert fields == {"schedule.0", "capacity", "colour", "status", "title"}
    assert db.scalar(select(func.count()).select_from(Vacancy)) == 0


def test_rules_across_fields_come_from_the_profile_validator(api_as, member) -> None:
    body = dict(NEW, hours_per_week={"min": 10, "max": 2}, dayparts_needed=3)
    errors = api_as(member).post("/vacancies", json=body).get_json()["errors"]
    assert {e["field"] for e in errors} == {"hours_per_week", "dayparts_needed"}


def test_an_organisation_changes_its_own_vacancy(api_as, member, organisation) -> None:
    vacancy = make_vacancy(organisation)
    response = api_as(member).patch(f"/vacancies/{vacancy.ref}",
                                    json={"title": "Nieuw", "capacity": 5})
    assert response.status_code == 200
    body = response.get_json()
    assert (body["title"], body["capacity"], body["tags"]) == ("Nieuw", 5, ["koken"])


def test_a_vacancy_seen_but_not_managed_is_forbidden_and_one_not_seen_not_found(
    api_as, member
) -> None:
    centre = make_user(Role.CENTRALE, organisation=make_organisation())
    other = make_vacancy(make_organisation())
    response = api_as(centre).patch(f"/vacancies/{other.ref}", json={"title": "Van mij"})
    assert response.status_code == 403
    # An organisation does not see other organisations' vacancies at all (as on the web).
    response = api_as(member).patch(f"/vacancies/{other.ref}", json={"title": "Van mij"})
    assert response.status_code == 404


def test_an_unknown_vacancy_is_not_found(api_as, member) -> None:
    assert api_as(member).get("/vacancies/v-bestaat-niet").status_code == 404
    assert api_as(member).patch("/vacancies/v-bestaat-niet", json={}).status_code == 404


def test_a_rejected_patch_changes_nothing(api_as, member, organisation, db) -> None:
    vacancy = make_vacancy(organisation, filled=2, capacity=3)
    before = api_as(member).get(f"/vacancies/{vacancy.ref}").get_json()
    api = api_as(member)
    refused = api.patch(f"/vacancies/{vacancy.ref}", json={"title": "Anders", "capacity": 1})
    assert refused.status_code == 422
    assert refused.get_json()["errors"][0]["field"] == "capacity"
    invalid = api.patch(f"/vacancies/{vacancy.ref}", json={"title": "Anders", "capacity": "1"})
    assert invalid.status_code == 422
    db.expire_all()
    assert api.get(f"/vacancies/{vacancy.ref}").get_json() == before


# --------------------------------------------------------------------------- filters


def _titles(api, query: str) -> list[str]:
    response = api.get(f"/vacancies?{query}")
    assert response.status_code == 200, response.get_json()
    return [item["title"] for item in response.get_json()["items"]]


def test_a_member_filters_its_vacancies_by_status_and_type(api_as, member, organisation) -> None:
    make_vacancy(organisation, title="Online")
    make_vacancy(organisation, title="Concept", status=VacancyStatus.DRAFT)
    make_vacancy(organisation, title="Stage", status=VacancyStatus.DRAFT,
                 type=PlacementType.TAALSTAGE)
    api = api_as(member)
    assert _titles(api, "status=draft") == ["Concept", "Stage"]
    assert _titles(api, "status=draft&type=taalstage") == ["Stage"]
    assert _titles(api, "status=closed") == []


def test_a_coach_filters_by_organisation_search_tags_and_open_places(
    api_as, coach, organisation
) -> None:
    other = make_organisation(name="Tuinderij")
    make_vacancy(organisation, title="Koken", tags=["koken"])
    make_vacancy(organisation, title="Vol", tags=["koken"], capacity=1, filled=1)
    make_vacancy(other, title="Moestuin", tags=["tuin"])
    api = api_as(coach)
    listed = api.get(f"/vacancies?organisation_id={other.id}").get_json()["items"]
    assert [(v["title"], v["organisation_id"]) for v in listed] == [("Moestuin", other.id)]
    assert _titles(api, "q=tuinderij") == ["Moestuin"]
    assert _titles(api, "tags=Tuin&tags=koken") == ["Koken", "Moestuin", "Vol"]
    assert _titles(api, "tags=koken&open_only=true") == ["Koken"]
    assert _titles(api, "open_only=false") == ["Koken", "Moestuin", "Vol"]


def test_level_dayparts_and_childcare_filters(api_as, coach, organisation) -> None:
    make_vacancy(organisation, title="Praten", lang_min_speaking="B1")
    make_vacancy(organisation, title="Zondag", schedule=["sun_morning"], children_welcome=True)
    api = api_as(coach)
    assert _titles(api, "level=A2") == ["Zondag"]
    assert _titles(api, "dayparts=sun_morning&dayparts=sun_afternoon") == ["Zondag"]
    assert _titles(api, "childcare=true") == ["Zondag"]


def test_a_postcode_search_is_nearest_first_within_the_radius(api_as, coach, organisation) -> None:
    make_vacancy(organisation, title="Nijmegen", lat=51.8425, lon=5.85278)
    make_vacancy(organisation, title="Lent", lat=51.862, lon=5.866)
    make_vacancy(organisation, title="Amsterdam", lat=52.374, lon=4.89)
    make_vacancy(organisation, title="Thuis", lat=52.374, lon=4.89, remote=True)
    api = api_as(coach)
    body = api.get("/vacancies?postcode=6511&radius_km=5").get_json()
    assert [v["title"] for v in body["items"]] == ["Nijmegen", "Lent", "Thuis"]
    assert body["items"][0]["distance_km"] < body["items"][1]["distance_km"]
    assert "distance_km" not in body["items"][2]
    assert "Amsterdam" in _titles(api, "postcode=6511%20AB&radius_km=150")
    assert "Amsterdam" not in _titles(api, "postcode=6511")  # 10 km when left out


def test_page_links_keep_the_filters(api_as, coach, organisation) -> None:
    for n in range(3):
        make_vacancy(organisation, title=f"Plek {n}", tags=["koken"])
    links = api_as(coach).get("/vacancies?per_page=1&tags=koken&type=vrijwilligerswerk"
                              ).get_json()["links"]
    assert links["next"] == ("/api/v1/vacancies?page=2&per_page=1&type=vrijwilligerswerk"
                             "&tags=koken")


@pytest.mark.parametrize(("query", "fields"), [
    ("status=open", {"status"}),
    ("type=baan&level=D1", {"type", "level"}),
    ("organisation_id=abc", {"organisation_id"}),
    ("organisation_id=0", {"organisation_id"}),
    ("organisation_id=%C2%B2", {"organisation_id"}),  # a superscript two: a digit, not ASCII
    ("childcare=yes", {"childcare"}),
    ("radius_km=-1&postcode=6511", {"radius_km"}),
    ("radius_km=inf&postcode=6511", {"radius_km"}),
    ("radius_km=1e999&postcode=6511", {"radius_km"}),
    ("radius_km=5", {"radius_km"}),  # without a postcode it means nothing
    ("postcode=0511", {"postcode"}),
    ("dayparts=someday", {"dayparts"}),
    ("q=" + "x" * 101, {"q"}),
    ("q=a%00b", {"q"}),
    ("status=draft&status=review", {"status"}),
    ("per_page=0&status=x", {"per_page", "status"}),
])
def test_a_wrong_filter_is_a_bad_request_naming_it(api_as, coach, query, fields) -> None:
    response = api_as(coach).get(f"/vacancies?{query}")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert {error["field"] for error in response.get_json()["errors"]} == fields


def test_an_unknown_postcode_is_named(api_as, coach, monkeypatch) -> None:
    monkeypatch.setattr(
        "marketplace.services.vacancies.board.resolve_postcode", lambda postcode: None
    )
    response = api_as(coach).get("/vacancies?postcode=9999")
    assert response.status_code == 400
    assert response.get_json()["errors"] == [{"field": "postcode",
                                              "message": "unknown postcode"}]


def test_filters_never_widen_what_a_user_sees(api_as, member, organisation) -> None:
    foreign = make_organisation()
    make_vacancy(foreign, title="Ander concept", status=VacancyStatus.DRAFT)
    api = api_as(member)
    assert _titles(api, f"organisation_id={foreign.id}") == []
    assert _titles(api, f"organisation_id={foreign.id}&status=draft") == []
