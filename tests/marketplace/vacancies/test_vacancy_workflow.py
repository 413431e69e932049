"""A vacancy's life through the web: create with type defaults, offer, approve or send
back, pause, resume, close; the centre posts for the organisations it manages."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from marketplace.domain.vocabulary import ApprovalState, Role, VacancyStatus
from marketplace.models import Vacancy
from tests.builders import make_organisation, make_user, make_vacancy
from tests.marketplace.vacancies.test_vacancy_form import VALID


def _centre_and_member(login=None):
    centre = make_organisation(kind="vrijwilligerscentrale", name="Centrale")
    organisation = make_organisation(managed_by=centre)
    member = make_user(Role.ORGANISATION, organisation=organisation)
    staff = make_user(Role.CENTRALE, organisation=centre)
    return centre, organisation, member, staff


def _act(client, vacancy, action, reason=""):
    return client.post(f"/vacatures/{vacancy.id}/status", data={"action": action, "reason": reason})


def test_type_link_fills_in_the_defaults_of_a_werkervaringsplaats(client, login) -> None:
    _, _, member, _ = _centre_and_member()
    login(member)
    page = client.get("/vacatures/nieuw?type=werkervaringsplaats").get_data(as_text=True)
    assert 'name="duration_weeks" type="number" value="15"' in page
    assert 'name="proefperiode_weeks" type="number" value="4"' in page
    checked = re.compile(r'<input checked [^>]*id="language_(rich|support)"')
    taalstage = client.get("/vacatures/nieuw?type=taalstage").get_data(as_text=True)
    assert len(checked.findall(taalstage)) == 2
    assert checked.findall(client.get("/vacatures/nieuw").get_data(as_text=True)) == []
    assert "data-type-defaults" in taalstage and "js/vacancy-form.js" in taalstage
    assert "<script>" not in taalstage  # no inline script: a strict CSP can come


def test_level_options_explain_what_someone_can_do(client, login) -> None:
    _, _, member, _ = _centre_and_member()
    login(member)
    page = client.get("/vacatures/nieuw").get_data(as_text=True)
    assert "A2 – Begrijpt korte, duidelijke instructies." in page
    assert "B1 – Kan over het werk praten en vertellen wat er gebeurd is." in page


def test_new_fields_are_saved(client, login, db) -> None:
    _, _, member, _ = _centre_and_member()
    login(member)
    data = VALID | {"type": "werkervaringsplaats", "duration_weeks": "15",
                    "proefperiode_weeks": "4", "contact_email": "jan@example.nl",
                    "contact_phone": "024-1234567", "contact_person": "Jan (werkbegeleider)"}
    assert client.post("/vacatures/nieuw", data=data).status_code == 302
    vacancy = db.scalars(select(Vacancy)).one()
    assert (vacancy.proefperiode_weeks, vacancy.contact_email) == (4, "jan@example.nl")
    assert vacancy.schedule_mask != 0


def test_proefperiode_longer_than_duration_is_refused(client, login, db) -> None:
    _, _, member, _ = _centre_and_member()
    login(member)
    page = client.post("/vacatures/nieuw", data=VALID | {"duration_weeks": "3",
                                                         "proefperiode_weeks": "4"})
    assert "De proefperiode kan niet langer zijn dan de hele duur." in page.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Vacancy)) == 0


def test_offer_send_back_with_reason_fix_and_approve(client, login, db) -> None:
    _, organisation, member, staff = _centre_and_member()
    vacancy = make_vacancy(organisation, status=VacancyStatus.DRAFT, title="Kok")
    login(member)
    _act(client, vacancy, "submit")
    assert db.get(Vacancy, vacancy.id).status == VacancyStatus.REVIEW
    client.post("/logout")
    login(staff)
    assert "Kok" in client.get("/").get_data(as_text=True)  # the review queue
    page = _act(client, vacancy, "send_back", "")
    assert db.get(Vacancy, vacancy.id).status == VacancyStatus.REVIEW  # no reason: refused
    _act(client, vacancy, "send_back", "Vul de werktijden in.")
    db.refresh(vacancy)
    assert (vacancy.status, vacancy.review_note) == (VacancyStatus.DRAFT, "Vul de werktijden in.")
    client.post("/logout")
    login(member)
    assert "Vul de werktijden in." in client.get("/").get_data(as_text=True)
    assert "Vul de werktijden in." in client.get(f"/vacatures/{vacancy.id}").get_data(as_text=True)
    _act(client, vacancy, "submit")
    client.post("/logout")
    login(staff)
    _act(client, vacancy, "approve")
    db.refresh(vacancy)
    assert vacancy.status == VacancyStatus.PUBLISHED and vacancy.approved_at is not None
    assert vacancy.review_note is None
    assert page.status_code == 302


def test_member_cannot_approve_own_vacancy(client, login, db) -> None:
    _, organisation, member, _ = _centre_and_member()
    vacancy = make_vacancy(organisation, status=VacancyStatus.REVIEW)
    login(member)
    page = _act(client, vacancy, "approve").headers["Location"]
    assert page.endswith(f"/vacatures/{vacancy.id}")
    assert db.get(Vacancy, vacancy.id).status == VacancyStatus.REVIEW
    assert "U mag deze wijziging niet doen." in client.get(page).get_data(as_text=True)


def test_pause_hides_from_coaches_and_resume_needs_no_review(client, login, db) -> None:
    _, organisation, member, _ = _centre_and_member()
    vacancy = make_vacancy(organisation, title="Tuinier")
    coach = make_user(Role.COACH)
    login(member)
    _act(client, vacancy, "pause")
    assert db.get(Vacancy, vacancy.id).is_paused
    assert "Gepauzeerd" in client.get("/vacatures/").get_data(as_text=True)
    client.post("/logout")
    login(coach)
    assert "Tuinier" not in client.get("/vacatures/").get_data(as_text=True)
    assert client.get(f"/vacatures/{vacancy.id}").status_code == 404
    client.post("/logout")
    login(member)
    _act(client, vacancy, "publish")
    assert db.get(Vacancy, vacancy.id).status == VacancyStatus.PUBLISHED
    _act(client, vacancy, "close")
    assert db.get(Vacancy, vacancy.id).status == VacancyStatus.CLOSED


def test_vacancy_of_an_organisation_in_review_cannot_be_approved(client, login, db) -> None:
    centre = make_organisation(kind="vrijwilligerscentrale")
    organisation = make_organisation(managed_by=centre, approval=ApprovalState.REVIEW)
    vacancy = make_vacancy(organisation, status=VacancyStatus.REVIEW)
    login(make_user(Role.CENTRALE, organisation=centre))
    _act(client, vacancy, "approve")
    assert db.get(Vacancy, vacancy.id).status == VacancyStatus.REVIEW


def test_unknown_action_is_a_bad_request(client, login) -> None:
    _, organisation, member, _ = _centre_and_member()
    vacancy = make_vacancy(organisation)
    login(member)
    assert _act(client, vacancy, "explode").status_code == 400


def test_centre_creates_for_a_managed_organisation_only(client, login, db) -> None:
    centre, organisation, _, staff = _centre_and_member()
    foreign = make_organisation()
    login(staff)
    page = client.get("/vacatures/nieuw").get_data(as_text=True)
    assert organisation.name in page and foreign.name not in page
    refused = client.post("/vacatures/nieuw", data=VALID | {"organisation_id": str(foreign.id)})
    assert refused.status_code == 200
    assert db.scalar(select(func.count()).select_from(Vacancy)) == 0
    made = client.post("/vacatures/nieuw", data=VALID | {"organisation_id": str(organisation.id)})
    assert made.status_code == 302
    vacancy = db.scalars(select(Vacancy)).one()
    assert vacancy.organisation_id == organisation.id
    _act(client, vacancy, "publish")  # the centre screens: it may publish at once
    assert db.get(Vacancy, vacancy.id).status == VacancyStatus.PUBLISHED


def test_centre_cannot_change_status_of_unmanaged_vacancy(client, login, db) -> None:
    _, _, _, staff = _centre_and_member()
    vacancy = make_vacancy(make_organisation(), status=VacancyStatus.REVIEW)
    login(staff)
    assert _act(client, vacancy, "approve").status_code == 404
    assert db.get(Vacancy, vacancy.id).status == VacancyStatus.REVIEW


def test_coach_and_policy_cannot_create_or_change(client, login) -> None:
    vacancy = make_vacancy()
    login(make_user(Role.COACH))
    assert client.get("/vacatures/nieuw").status_code == 403
    assert _act(client, vacancy, "pause").status_code == 403
