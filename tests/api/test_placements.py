"""Proposals and the placement's life through the API, by the one state machine."""

from __future__ import annotations

from sqlalchemy import func, select

from marketplace.domain.placements import PlacementState
from marketplace.domain.vocabulary import ConsentPurpose, Role
from marketplace.models import Placement
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)


def test_a_coach_proposes_their_participant(api_as, coach, own_participant, organisation,
                                            db) -> None:
    vacancy = make_vacancy(organisation)
    response = api_as(coach).post("/placements", json={
        "participant": own_participant.ref, "vacancy": vacancy.ref, "message": "Zij kookt graag."})
    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"/api/v1/placements/{body['id']}"
    assert (body["state"], body["participant"], body["vacancy"]) == (
        "proposed", own_participant.ref, vacancy.ref)
    assert body["actions"] == ["withdraw"]
    assert body["events"][0]["to"] == "proposed"


def test_a_proposal_without_sharing_consent_is_refused(api_as, coach, db) -> None:
    person = make_participant(coach, consents=(ConsentPurpose.MATCHING,))
    response = api_as(coach).post("/placements", json={
        "participant": person.ref, "vacancy": make_vacancy().ref})
    assert response.status_code == 409
    assert "toestemming" in response.get_json()["detail"]
    assert db.scalar(select(func.count()).select_from(Placement)) == 0


def test_a_proposal_for_another_coachs_participant_names_the_field(api_as, own_participant,
                                                                    db) -> None:
    other = api_as(make_user(Role.COACH))
    response = other.post("/placements", json={"participant": own_participant.ref,
                                               "vacancy": make_vacancy().ref})
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == ["participant"]


def test_an_excluded_vacancy_needs_a_written_reason(api_as, coach, own_participant) -> None:
    sunday = make_vacancy(schedule=["sun_evening"])
    response = api_as(coach).post("/placements", json={"participant": own_participant.ref,
                                                       "vacancy": sunday.ref})
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "override_reason"


def test_only_coaches_propose(api_as, member, own_participant) -> None:
    response = api_as(member).post("/placements", json={"participant": own_participant.ref,
                                                         "vacancy": make_vacancy().ref})
    assert response.status_code == 403


def test_the_organisation_sees_only_what_is_shared(api_as, member, organisation,
                                                    own_participant) -> None:
    placement = make_placement(own_participant, make_vacancy(organisation))
    body = api_as(member).get(f"/placements/{placement.id}").get_json()
    assert body["participant"] is None
    assert body["shared"]["first_name"] == own_participant.first_name
    assert "Test" not in str(body) and own_participant.ref not in str(body)
    assert body["actions"] == ["accept", "decline"]


def test_others_do_not_find_a_placement(api_as, own_participant) -> None:
    placement = make_placement(own_participant, make_vacancy())
    for user in (make_user(Role.COACH), make_user(Role.ORGANISATION,
                                                   organisation=make_organisation())):
        assert api_as(user).get(f"/placements/{placement.id}").status_code == 404
    assert api_as(make_user(Role.POLICY)).get(f"/placements/{placement.id}").status_code == 403


def test_the_organisation_accepts_and_plans_a_kennismaking(api_as, member, organisation,
                                                           own_participant) -> None:
    placement = make_placement(own_participant, make_vacancy(organisation))
    api = api_as(member)
    accepted = api.post(f"/placements/{placement.id}/transitions", json={"action": "accept"})
    assert accepted.status_code == 200 and accepted.get_json()["state"] == "accepted"
    planned = api.post(f"/placements/{placement.id}/transitions", json={
        "action": "plan_kennismaking", "kennismaking_at": "2030-12-02T10:30:00",
        "kennismaking_place": "Wijkcentrum", "coach_attends": True})
    body = planned.get_json()
    assert planned.status_code == 200, body
    assert (body["state"], body["kennismaking_at"]) == ("kennismaking", "2030-12-02T10:30:00")


def test_an_illegal_transition_is_a_409_with_the_dutch_message(api_as, member, organisation,
                                                               own_participant, db) -> None:
    placement = make_placement(own_participant, make_vacancy(organisation))
    response = api_as(member).post(f"/placements/{placement.id}/transitions",
                                   json={"action": "place", "agreement": "Contract"})
    assert response.status_code == 409
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["detail"].startswith("Dit kan niet: een plaatsing met de status")
    db.expire_all()
    assert placement.state == PlacementState.PROPOSED


def test_a_step_of_the_other_side_is_forbidden(api_as, coach, organisation,
                                               own_participant) -> None:
    placement = make_placement(own_participant, make_vacancy(organisation))
    response = api_as(coach).post(f"/placements/{placement.id}/transitions",
                                  json={"action": "accept"})
    assert response.status_code == 403


def test_missing_and_malformed_step_data_is_named(api_as, member, organisation,
                                                  own_participant) -> None:
    placement = make_placement(own_participant, make_vacancy(organisation),
                               state=PlacementState.KENNISMAKING)
    api = api_as(member)
    missing = api.post(f"/placements/{placement.id}/transitions",
                       json={"action": "start_proefperiode", "proefperiode_start": "2026-12-01"})
    assert missing.status_code == 422
    assert missing.get_json()["errors"] == [
        {"field": "proefperiode_end", "message": missing.get_json()["detail"]}]
    malformed = api.post(f"/placements/{placement.id}/transitions", json={
        "action": "start_proefperiode", "proefperiode_start": "1 december",
        "proefperiode_end": "2026-13-01", "colour": "red"})
    assert malformed.status_code == 422
    fields = {e["field"] for e in malformed.get_json()["errors"]}
    assert fields == {"colour"}
    malformed = api.post(f"/placements/{placement.id}/transitions", json={
        "action": "start_proefperiode", "proefperiode_start": "1 december",
        "proefperiode_end": "2026-13-01"})
    fields = {e["field"] for e in malformed.get_json()["errors"]}
    assert fields == {"proefperiode_start", "proefperiode_end"}
