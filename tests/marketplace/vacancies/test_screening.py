"""Organisations sign themselves up and wait in review; the volunteer centre of their
municipality approves or sends back with a reason; the organisation fixes and resubmits."""

from __future__ import annotations

from sqlalchemy import func, select

from marketplace.domain.vocabulary import ApprovalState, Role
from marketplace.models import Organisation, User
from tests.builders import make_organisation, make_user

SIGNUP = {
    "name": "Repair Café Lindenholt",
    "kind": "repair_cafe",
    "municipality": "Nijmegen",
    "postcode": "6543ab",
    "description": "Samen repareren.",
    "email": "info@rc-lindenholt.example",
    "member_name": "Karin de Vries",
    "member_email": "Karin@rc-lindenholt.example",
    "password": "een lange zin als wachtwoord",
    "password_repeat": "een lange zin als wachtwoord",
}


def _centre(municipality: str = "Nijmegen") -> Organisation:
    return make_organisation(kind="vrijwilligerscentrale", municipality=municipality,
                             name=f"Vrijwilligerscentrale {municipality}")


def test_signup_creates_organisation_in_review_managed_by_its_municipalitys_centre(
    client, db
) -> None:
    centre = _centre()
    _centre("Weert")
    page = client.get("/organisaties/aanmelden").get_data(as_text=True)
    assert ">Nijmegen</option>" in page and ">Weert</option>" in page
    response = client.post("/organisaties/aanmelden", data=SIGNUP)
    assert response.status_code == 302
    assert response.location == "/login"  # the same answer as for a known address
    organisation = db.scalars(select(Organisation).where(Organisation.name == SIGNUP["name"])).one()
    assert organisation.approval == ApprovalState.REVIEW
    assert organisation.managed_by_id == centre.id
    assert organisation.postcode == "6543 AB" and organisation.lat is not None
    user = db.scalars(select(User).where(User.email == "karin@rc-lindenholt.example")).one()
    assert user.role == Role.ORGANISATION and user.organisation_id == organisation.id
    client.post("/login", data={"email": user.email, "password": SIGNUP["password"]})
    start = client.get("/").get_data(as_text=True)
    assert "Wacht op controle" in start


def test_signup_errors_are_dutch_and_keep_what_was_typed(client, db) -> None:
    _centre()
    make_user(Role.COACH, email="bestaat@example.nl")
    short = client.post("/organisaties/aanmelden", data=SIGNUP | {
        "password": "kort", "password_repeat": "anders", "postcode": "99"})
    page = short.get_data(as_text=True)
    assert "Kies een wachtwoord van minstens 12 tekens." in page
    assert "De twee wachtwoorden zijn niet gelijk." in page
    assert "Vul een Nederlandse postcode in" in page
    assert 'value="Repair Café Lindenholt"' in page and 'value="Karin de Vries"' in page
    # A known address gets the same answer as a new one (tests/security/test_leaks.py).
    taken = client.post("/organisaties/aanmelden",
                        data=SIGNUP | {"member_email": "BESTAAT@example.nl"})
    assert taken.status_code == 302 and taken.location == "/login"
    assert db.scalar(select(func.count()).select_from(Organisation)) == 1  # the centre only


def test_centre_sees_review_queue_and_approves(client, login, db) -> None:
    centre = _centre()
    waiting = make_organisation(name="Nieuwe Moestuin", managed_by=centre,
                                approval=ApprovalState.REVIEW)
    unmanaged = make_organisation(name="Zonder Centrale", approval=ApprovalState.REVIEW)
    login(make_user(Role.CENTRALE, organisation=centre))
    start = client.get("/").get_data(as_text=True)
    assert "Nieuwe Moestuin" in start and "Zonder Centrale" in start
    client.post(f"/organisaties/{unmanaged.id}/status", data={"action": "approve"})
    db.refresh(unmanaged)
    assert unmanaged.approval == ApprovalState.APPROVED
    assert unmanaged.managed_by_id == centre.id  # adopted by the centre that screened it
    assert waiting.approval == ApprovalState.REVIEW


def test_send_back_with_reason_then_member_fixes_and_resubmits(client, login, db) -> None:
    centre = _centre()
    organisation = make_organisation(managed_by=centre, approval=ApprovalState.REVIEW)
    staff = make_user(Role.CENTRALE, organisation=centre)
    member = make_user(Role.ORGANISATION, organisation=organisation)
    login(staff)
    client.post(f"/organisaties/{organisation.id}/status", data={"action": "send_back"})
    db.refresh(organisation)
    assert organisation.approval == ApprovalState.REVIEW  # a reason is required
    client.post(f"/organisaties/{organisation.id}/status",
                data={"action": "send_back", "reason": "Vul een e-mailadres in."})
    db.refresh(organisation)
    assert organisation.approval == ApprovalState.SENT_BACK
    client.post("/logout")
    login(member)
    assert "Vul een e-mailadres in." in client.get("/").get_data(as_text=True)
    edit = {"name": organisation.name, "kind": "wijkcentrum", "municipality": "Nijmegen",
            "email": "info@wijk.example"}
    assert client.post(f"/organisaties/{organisation.id}/bewerken", data=edit).status_code == 302
    client.post(f"/organisaties/{organisation.id}/status", data={"action": "resubmit"})
    db.refresh(organisation)
    assert organisation.approval == ApprovalState.REVIEW
    assert organisation.email == "info@wijk.example"
    client.post(f"/organisaties/{organisation.id}/status", data={"action": "approve"})
    db.refresh(organisation)
    assert organisation.approval == ApprovalState.REVIEW  # members cannot approve themselves


def test_centre_scope_is_managed_or_unmanaged_in_review(client, login, db) -> None:
    centre, other_centre = _centre(), _centre("Weert")
    theirs = make_organisation(managed_by=other_centre, approval=ApprovalState.REVIEW)
    approved_unmanaged = make_organisation()
    login(make_user(Role.CENTRALE, organisation=centre))
    for organisation in (theirs, approved_unmanaged):
        assert client.get(f"/organisaties/{organisation.id}").status_code == 404
        response = client.post(f"/organisaties/{organisation.id}/status",
                               data={"action": "approve"})
        assert response.status_code == 404
    assert theirs.approval == ApprovalState.REVIEW


def test_member_sees_only_own_organisation(client, login) -> None:
    mine, other = make_organisation(), make_organisation()
    login(make_user(Role.ORGANISATION, organisation=mine))
    assert client.get("/organisaties/mijn").headers["Location"].endswith(f"/organisaties/{mine.id}")
    assert client.get(f"/organisaties/{other.id}").status_code == 404
    assert client.get(f"/organisaties/{other.id}/bewerken").status_code == 404


def test_centre_creates_an_organisation_it_manages(client, login, db) -> None:
    centre = _centre()
    login(make_user(Role.CENTRALE, organisation=centre))
    data = {"name": "Buurttuin Oost", "kind": "moestuin", "municipality": "Nijmegen"}
    assert client.post("/organisaties/nieuw", data=data).status_code == 302
    made = db.scalars(select(Organisation).where(Organisation.name == "Buurttuin Oost")).one()
    assert made.managed_by_id == centre.id and made.approval == ApprovalState.APPROVED


def test_policy_and_coach_have_no_organisation_pages(client, login) -> None:
    organisation = make_organisation(approval=ApprovalState.REVIEW)
    for role in (Role.POLICY, Role.COACH):
        login(make_user(role))
        assert client.get("/organisaties/nieuw").status_code == 403
        assert client.get(f"/organisaties/{organisation.id}").status_code in (403, 404)
        client.post("/logout")
