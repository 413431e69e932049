"""services/platform/access: one loader per kind, the same refusal on the web (ids) and
in the API (refs)."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import pytest

from marketplace.domain.vocabulary import ApprovalState, Role, VacancyStatus
from marketplace.errors import AccessRefused
from marketplace.models import ImportBatch
from marketplace.services.accounts.api_tokens import issue_token
from marketplace.services.platform.access import (
    load_import_batch,
    load_organisation,
    load_participant,
    load_placement,
    load_vacancy,
)
from tests.builders import (
    PASSWORD,
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)


def _bearer(user) -> dict[str, str]:
    issued = issue_token(user.email, PASSWORD)
    assert issued is not None
    return {"Authorization": f"Bearer {issued.token}"}


def _status(load) -> int:
    with pytest.raises(AccessRefused) as refused:
        load()
    return refused.value.status


# --------------------------------------------------------------------------- web and API alike


def test_another_coachs_participant_is_not_found_on_web_and_api(client, login) -> None:
    participant = make_participant(make_user(Role.COACH))
    stranger = make_user(Role.COACH)
    api = client.get(f"/api/v1/participants/{participant.ref}", headers=_bearer(stranger))
    login(stranger)
    assert client.get(f"/deelnemers/{participant.id}").status_code == 404
    assert api.status_code == 404
    assert api.mimetype == "application/problem+json"
    assert api.get_json()["detail"] == "Dit bestaat niet, of u mag het niet zien."


def test_a_published_vacancy_another_centre_manages_is_forbidden_to_edit_on_both(
        client, login) -> None:
    vacancy = make_vacancy(make_organisation())
    centre = make_user(Role.CENTRALE, organisation=make_organisation(kind="vrijwilligerscentrale"))
    api = client.patch(f"/api/v1/vacancies/{vacancy.ref}", json={"title": "Overgenomen"},
                       headers=_bearer(centre))
    login(centre)
    assert client.get(f"/vacatures/{vacancy.id}/bewerken").status_code == 403
    assert api.status_code == 403
    assert api.get_json()["detail"] == "Uw rol mag dit niet."


# --------------------------------------------------------------------------- each kind


def test_participant_by_id_or_ref(db) -> None:
    coach = make_user(Role.COACH)
    participant = make_participant(coach)
    assert load_participant(coach, participant.id) is participant
    assert load_participant(coach, participant.ref, "ref") is participant
    assert _status(lambda: load_participant(coach, "no-such-ref", "ref")) == 404
    assert _status(lambda: load_participant(make_user(Role.COACH), participant.id)) == 404


def test_vacancy_invisible_is_not_found_visible_but_foreign_is_forbidden(db) -> None:
    draft = make_vacancy(make_organisation(), status=VacancyStatus.DRAFT)
    published = make_vacancy(make_organisation())
    coach = make_user(Role.COACH)
    assert _status(lambda: load_vacancy(coach, draft.id)) == 404
    assert load_vacancy(coach, published.ref, "ref") is published
    assert _status(lambda: load_vacancy(coach, published.id, to_edit=True)) == 403
    owner = make_user(Role.ORGANISATION, organisation=draft.organisation)
    assert load_vacancy(owner, draft.id, to_edit=True) is draft


def test_organisation_waiting_for_screening_is_any_centres_until_screened(db) -> None:
    centre = make_user(Role.CENTRALE, organisation=make_organisation(kind="vrijwilligerscentrale"))
    waiting = make_organisation(approval=ApprovalState.REVIEW)
    screened = make_organisation()
    assert load_organisation(centre, waiting.id, to_manage=True) is waiting
    assert _status(lambda: load_organisation(centre, screened.id)) == 404
    member = make_user(Role.ORGANISATION, organisation=screened)
    assert load_organisation(member, screened.id) is screened
    assert _status(lambda: load_organisation(member, screened.id, to_manage=True)) == 404
    assert _status(lambda: load_organisation(member, waiting.id)) == 404


def test_placement_for_its_parties_only(db) -> None:
    placement = make_placement()
    assert load_placement(placement.participant.coach, placement.id) is placement
    assert _status(lambda: load_placement(make_user(Role.COACH), placement.id)) == 404
    assert _status(lambda: load_placement(make_user(Role.COACH), 999_999)) == 404


def _batch(db, owner, **fields) -> ImportBatch:
    values = {"token": secrets.token_hex(8), "owner_id": owner.id, "filename": "plekken.csv",
              "payload": {"rows": []}, "expires_at": datetime.now(UTC) + timedelta(hours=1)}
    batch = ImportBatch(**(values | fields))
    db.add(batch)
    db.commit()
    return batch


def test_import_batch_of_its_owner_while_it_waits(db) -> None:
    owner = make_user(Role.ORGANISATION, organisation=make_organisation())
    batch = _batch(db, owner)
    assert load_import_batch(owner, batch.token) is batch
    other = make_user(Role.ORGANISATION, organisation=make_organisation())
    assert _status(lambda: load_import_batch(other, batch.token)) == 404
    expired = _batch(db, owner, expires_at=datetime.now(UTC) - timedelta(seconds=1))
    assert _status(lambda: load_import_batch(owner, expired.token)) == 404
    done = _batch(db, owner, committed_at=datetime.now(UTC))
    assert _status(lambda: load_import_batch(owner, done.token)) == 404
