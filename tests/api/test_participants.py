"""Participants and their matches through the API: the coach's own caseload only."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from marketplace.domain.vocabulary import ConsentPurpose, ParticipantStatus, Role
from marketplace.models import Goal, Participant
from tests.builders import make_participant, make_user, make_vacancy

NEW = {"first_name": "Amal", "availability": ["mon_morning", "tue_morning"],
       "postcode": "6512", "languages": {"nl": {"speaking": "A2"}, "other": ["ar"]},
       "hours_per_week": {"min": 4, "max": 12}, "interests": ["koken"],
       "consents": ["matching"]}


def test_a_coach_lists_only_their_own_caseload(api_as, coach, own_participant) -> None:
    make_participant(make_user(Role.COACH))
    body = api_as(coach).get("/participants").get_json()
    assert [p["id"] for p in body["items"]] == [own_participant.ref]
    assert body["total"] == 1
    assert "health_notes" not in body["items"][0]


def test_a_coach_creates_a_participant_from_a_profile(api_as, coach, db) -> None:
    response = api_as(coach).post("/participants", json=NEW)
    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"/api/v1/participants/{body['id']}"
    assert body["languages"]["nl"]["speaking"] == "A2"
    assert body["languages"]["other"] == ["ar"]
    assert body["hours_per_week"] == {"min": 4, "max": 12}
    assert body["consents"] == ["matching"]
    row = db.scalar(select(Participant).where(Participant.ref == body["id"]))
    assert row.coach_id == coach.id and row.first_name == "Amal"


def test_a_new_participant_needs_a_name_and_availability(api_as, coach, db) -> None:
    response = api_as(coach).post("/participants", json={"ladder_step": 3, "gender": "q"})
    assert response.status_code == 422
    fields = {e["field"] for e in response.get_json()["errors"]}
    assert fields == {"first_name", "availability", "ladder_step", "gender"}
    assert db.scalar(select(func.count()).select_from(Participant)) == 0


def test_another_coachs_participant_is_not_found(api_as, own_participant) -> None:
    other = api_as(make_user(Role.COACH))
    for path in ("", "/matches"):
        response = other.get(f"/participants/{own_participant.ref}{path}")
        assert response.status_code == 404
        assert response.mimetype == "application/problem+json"
    assert other.patch(f"/participants/{own_participant.ref}", json={}).status_code == 404


def test_organisations_and_policy_see_nothing_personal(api_as, member, own_participant) -> None:
    for user in (member, make_user(Role.POLICY)):
        api = api_as(user)
        assert api.get("/participants").status_code == 403
        assert api.get(f"/participants/{own_participant.ref}").status_code == 403
        assert api.post("/participants", json=NEW).status_code == 403


def test_a_patch_replaces_only_the_fields_given(api_as, coach, own_participant, db) -> None:
    db.add(Goal(participant_id=own_participant.id, text="Taalniveau A2", target_date=None))
    db.commit()
    response = api_as(coach).patch(f"/participants/{own_participant.ref}",
                                   json={"interests": ["zorg"], "max_travel_km": 5})
    assert response.status_code == 200
    body = response.get_json()
    assert body["interests"] == ["zorg"] and body["max_travel_km"] == 5
    assert body["availability"] == own_participant.availability
    db.expire_all()
    assert [goal.text for goal in own_participant.goals] == ["Taalniveau A2"]
    assert own_participant.health_notes == "Rugklachten"


def test_a_rejected_participant_patch_changes_nothing(api_as, coach, own_participant, db) -> None:
    api = api_as(coach)
    before = api.get(f"/participants/{own_participant.ref}").get_json()
    for body in ({"availability": ["nooit"], "first_name": "X"},
                 {"hours_per_week": {"min": 20, "max": 2}, "first_name": "X"},
                 {"first_name": "X", "id": "p-anders"}):
        response = api.patch(f"/participants/{own_participant.ref}", json=body)
        assert response.status_code == 422, body
    db.expire_all()
    assert api.get(f"/participants/{own_participant.ref}").get_json() == before


def test_consents_are_set_and_withdrawn_with_a_date(api_as, coach, own_participant, db) -> None:
    response = api_as(coach).patch(f"/participants/{own_participant.ref}",
                                   json={"consents": ["matching"]})
    assert response.get_json()["consents"] == ["matching"]
    db.expire_all()
    assert own_participant.consent_given(ConsentPurpose.SHARING) is False
    withdrawn = [c for c in own_participant.consents if c.purpose == ConsentPurpose.SHARING]
    assert withdrawn[0].withdrawn_on == date.today()


def test_matches_are_ranked_in_the_spec_format(api_as, coach, own_participant) -> None:
    fitting = make_vacancy(title="Koken")
    make_vacancy(title="Alleen zondag", schedule=["sun_evening"])
    body = api_as(coach).get(f"/participants/{own_participant.ref}/matches?limit=5").get_json()
    assert body["participant"] == own_participant.ref
    assert [row["vacancy"] for row in body["ranked"]] == [fitting.ref]
    assert 0 <= body["ranked"][0]["score"] <= 1
    assert body["excluded"][0]["codes"] == ["schedule"]


def test_matches_need_consent(api_as, coach) -> None:
    person = make_participant(coach, consents=())
    response = api_as(coach).get(f"/participants/{person.ref}/matches")
    assert response.status_code == 409
    assert "toestemming" in response.get_json()["detail"]


def test_the_caseload_is_filtered_by_status_and_searched(api_as, coach) -> None:
    active = make_participant(coach, first_name="Amal", ref="p-amal-01")
    make_participant(coach, first_name="Bilal", status=ParticipantStatus.INTAKE)
    make_participant(make_user(Role.COACH), first_name="Amal")  # not this coach's
    api = api_as(coach)

    def refs(query: str) -> list[str]:
        response = api.get(f"/participants?{query}")
        assert response.status_code == 200, response.get_json()
        return [item["id"] for item in response.get_json()["items"]]

    assert refs("status=active") == [active.ref]
    assert len(refs("status=intake")) == 1
    assert refs("q=ama") == [active.ref]
    assert refs("q=P-AMAL") == [active.ref]  # the profile id, too
    assert refs("q=amal&status=intake") == []
    body = api.get("/participants?status=active&per_page=1").get_json()
    assert body["links"]["self"] == "/api/v1/participants?page=1&per_page=1&status=active"


def test_a_wrong_caseload_filter_is_a_bad_request(api_as, coach) -> None:
    response = api_as(coach).get("/participants?status=busy&q=" + "x" * 101)
    assert response.status_code == 400
    assert {e["field"] for e in response.get_json()["errors"]} == {"status", "q"}
    assert api_as(coach).get(f"/participants/{make_participant(coach).ref}/matches?limit=0"
                             ).status_code == 400
