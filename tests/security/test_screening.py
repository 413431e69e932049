"""Issue 15, item 4: screening holds for what was screened.

A member who changes the content of a published (or paused) vacancy, or the details of
an approved organisation, sends it back to the volunteer centre; through the web form,
the API and the import alike. Harmless fields (places, when, a phone number) and the
screeners' own edits keep the approval.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from marketplace.domain.vacancy_status import (
    VacancyFacts,
    needs_new_screening,
    organisation_after_edit,
    vacancy_after_edit,
)
from marketplace.domain.vocabulary import ApprovalState, Role, VacancyStatus
from marketplace.models import Organisation, Vacancy
from marketplace.services.vacancies import import_rows as importer
from tests.builders import make_organisation, make_user, make_vacancy
from tests.marketplace.vacancies.test_vacancy_form import VALID

PUBLISHED, REVIEW, DRAFT = VacancyStatus.PUBLISHED, VacancyStatus.REVIEW, VacancyStatus.DRAFT


def _setting():
    centre = make_organisation(kind="vrijwilligerscentrale", name="Centrale")
    organisation = make_organisation(managed_by=centre, name="Buurthuis De Linde")
    member = make_user(Role.ORGANISATION, organisation=organisation)
    staff = make_user(Role.CENTRALE, organisation=centre)
    return organisation, member, staff


def _screened_vacancy(client, login, db, member) -> Vacancy:
    """A vacancy made through the form (so it holds what the form stores), then approved;
    the member stays logged in."""
    login(member)
    assert client.post("/vacatures/nieuw", data=VALID).status_code == 302
    vacancy = db.scalars(select(Vacancy)).one()
    vacancy.status, vacancy.approved_at = PUBLISHED, datetime.now(UTC)
    db.commit()
    return vacancy


def _status(db, vacancy) -> tuple[VacancyStatus, bool]:
    db.expire_all()
    row = db.get(Vacancy, vacancy.id)
    return row.status, row.approved_at is not None


# ----------------------------------------------------------------- the pure rule


def test_the_rule_knows_harmless_fields_and_screeners() -> None:
    published = VacancyFacts(PUBLISHED, organisation_approved=True, approved_before=True)
    paused = VacancyFacts(DRAFT, organisation_approved=True, approved_before=True)
    new = VacancyFacts(DRAFT, organisation_approved=True, approved_before=False)
    member, centre, admin = Role.ORGANISATION, Role.CENTRALE, Role.ADMIN
    assert vacancy_after_edit(member, published, {"title"}).status == REVIEW
    assert vacancy_after_edit(member, published, {"women_only"}).approval_lost
    assert not vacancy_after_edit(member, published, {"capacity", "contact_phone"}).approval_lost
    assert vacancy_after_edit(member, paused, {"description"}).status == DRAFT
    assert vacancy_after_edit(member, paused, {"description"}).approval_lost
    assert not vacancy_after_edit(member, new, {"title"}).approval_lost
    for screener in (centre, admin):
        assert vacancy_after_edit(screener, published, {"title"}).status == PUBLISHED
    assert needs_new_screening(member, {"unknown_new_field"}, frozenset())
    approved = ApprovalState.APPROVED
    assert organisation_after_edit(member, approved, {"name"}) == ApprovalState.REVIEW
    assert organisation_after_edit(member, approved, {"phone"}) == approved
    assert organisation_after_edit(centre, approved, {"name"}) == approved


# ----------------------------------------------------------------- web form


@pytest.mark.parametrize("change", [
    {"title": "Iets heel anders"},
    {"description": "Bel dit nummer voor geld."},
    {"contact_email": "oplichter@example.nl"},
    {"women_only": "y"},
])
def test_a_members_content_change_sends_a_published_vacancy_back_to_review(
    client, login, db, change
) -> None:
    organisation, member, staff = _setting()
    vacancy = _screened_vacancy(client, login, db, member)
    response = client.post(f"/vacatures/{vacancy.id}/bewerken", data=VALID | change,
                           follow_redirects=True)
    assert "controleert de vacature opnieuw" in response.get_data(as_text=True)
    assert _status(db, vacancy) == (REVIEW, False)
    assert vacancy.id not in {v.id for v in db.scalars(
        select(Vacancy).where(Vacancy.status == PUBLISHED))}
    client.post("/logout")
    login(staff)
    assert db.get(Vacancy, vacancy.id).title in client.get("/").get_data(as_text=True)


def test_harmless_changes_keep_it_published(client, login, db) -> None:
    organisation, member, staff = _setting()
    vacancy = _screened_vacancy(client, login, db, member)
    same = client.post(f"/vacatures/{vacancy.id}/bewerken", data=VALID, follow_redirects=True)
    assert "De wijzigingen zijn opgeslagen." in same.get_data(as_text=True)
    assert _status(db, vacancy) == (PUBLISHED, True)
    harmless = VALID | {"capacity": "5", "proposal_cap": "1", "contact_phone": "024-1234567",
                        "schedule": ["mon_morning"]}
    client.post(f"/vacatures/{vacancy.id}/bewerken", data=harmless)
    assert _status(db, vacancy) == (PUBLISHED, True)


def test_pause_edit_and_republish_needs_a_new_screening(client, login, db) -> None:
    organisation, member, staff = _setting()
    vacancy = _screened_vacancy(client, login, db, member)
    client.post(f"/vacatures/{vacancy.id}/status", data={"action": "pause"})
    assert _status(db, vacancy) == (DRAFT, True)
    page = client.post(f"/vacatures/{vacancy.id}/bewerken", data=VALID | {"title": "Anders"},
                       follow_redirects=True).get_data(as_text=True)
    assert "Bied hem aan als u hem weer online wilt zetten." in page
    assert _status(db, vacancy) == (DRAFT, False)
    client.post(f"/vacatures/{vacancy.id}/status", data={"action": "publish"})
    assert _status(db, vacancy) == (DRAFT, False)  # refused: it must be offered first
    client.post(f"/vacatures/{vacancy.id}/status", data={"action": "submit"})
    assert _status(db, vacancy) == (REVIEW, False)


def test_the_centre_editing_keeps_it_published(client, login, db) -> None:
    organisation, member, staff = _setting()
    vacancy = _screened_vacancy(client, login, db, member)
    client.post("/logout")
    login(staff)
    data = VALID | {"title": "Door de centrale verbeterd"}
    assert client.post(f"/vacatures/{vacancy.id}/bewerken", data=data).status_code == 302
    assert _status(db, vacancy) == (PUBLISHED, True)
    assert db.get(Vacancy, vacancy.id).title == "Door de centrale verbeterd"


# ----------------------------------------------------------------- API and import


def test_a_members_api_patch_of_content_sends_it_back_to_review(db, client) -> None:
    from tests.api.conftest import Api, token_for

    organisation, member, _ = _setting()
    vacancy = make_vacancy(organisation, approved_at=datetime.now(UTC))
    api = Api(client, token_for(member))
    harmless = api.patch(f"/vacancies/{vacancy.ref}", json={"capacity": 4})
    assert harmless.status_code == 200, harmless.get_json()
    assert _status(db, vacancy) == (PUBLISHED, True)
    changed = api.patch(f"/vacancies/{vacancy.ref}", json={"title": "Snel geld verdienen"})
    assert changed.status_code == 200 and changed.get_json()["status"] == "review"
    assert _status(db, vacancy) == (REVIEW, False)


def test_an_import_update_by_the_centre_keeps_it_published(db) -> None:
    organisation, _, staff = _setting()
    vacancy = make_vacancy(organisation, approved_at=datetime.now(UTC))
    row = {"id": vacancy.ref, "organisation": organisation.name, "type": "vrijwilligerswerk",
           "title": "Nieuwe titel uit de import", "schedule": "mon_morning", "capacity": "2",
           "status": "published"}
    importer.commit_rows([(2, row)], importer.scope_for(staff), {})
    assert _status(db, vacancy) == (PUBLISHED, True)
    assert db.get(Vacancy, vacancy.id).title == "Nieuwe titel uit de import"


# ----------------------------------------------------------------- organisations

ORGANISATION_FORM = {"name": "Buurthuis De Linde", "kind": "wijkcentrum",
                     "municipality": "Nijmegen", "postcode": "6511", "description": "",
                     "email": "", "phone": ""}


def test_renaming_an_approved_organisation_sends_it_and_its_vacancies_to_review(
    client, login, db
) -> None:
    organisation, member, staff = _setting()
    vacancy = make_vacancy(organisation, approved_at=datetime.now(UTC))
    login(member)
    harmless = client.post(f"/organisaties/{organisation.id}/bewerken",
                           data=ORGANISATION_FORM | {"phone": "024-7654321"})
    assert harmless.status_code == 302
    assert db.get(Organisation, organisation.id).approval == ApprovalState.APPROVED
    page = client.post(f"/organisaties/{organisation.id}/bewerken",
                       data=ORGANISATION_FORM | {"name": "Gratis Geld BV"},
                       follow_redirects=True).get_data(as_text=True)
    assert "controleert uw organisatie opnieuw" in page
    db.expire_all()
    assert db.get(Organisation, organisation.id).approval == ApprovalState.REVIEW
    assert _status(db, vacancy) == (REVIEW, True)  # offline, its own approval kept
    client.post("/logout")
    login(staff)
    client.post(f"/organisaties/{organisation.id}/status", data={"action": "approve"})
    assert db.get(Organisation, organisation.id).approval == ApprovalState.APPROVED
    assert _status(db, vacancy) == (PUBLISHED, True)  # back online with its organisation


def test_the_centre_renaming_keeps_the_approval(client, login, db) -> None:
    organisation, _, staff = _setting()
    login(staff)
    client.post(f"/organisaties/{organisation.id}/bewerken",
                data=ORGANISATION_FORM | {"name": "Buurthuis De Linde (Oost)"})
    db.expire_all()
    found = db.get(Organisation, organisation.id)
    assert (found.name, found.approval) == ("Buurthuis De Linde (Oost)", ApprovalState.APPROVED)
