"""Each tenancy rule of services/platform/access.py, through the pages that apply it.

Run on SQLite and, with scripts/with-postgres, on PostgreSQL. The world: the region Rijk
van Nijmegen with Nijmegen and Wijchen, and Weert as a region of its own.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from marketplace.domain.vocabulary import ApprovalState, Role
from marketplace.models import AuditEntry, Notification, OutboxMessage, Participant, User
from marketplace.services.platform import access, audit
from tests.builders import (
    make_organisation,
    make_participant,
    make_region,
    make_user,
    municipality_named,
)

REPORT = "/rapportages/?peildatum=2026-10-31&van=2025-09-01&tot=2026-10-31"


def _people(coach: User, count: int, municipality: str) -> list[Participant]:
    return [make_participant(coach, municipality=municipality, intake_date=date(2026, 1, 5))
            for _ in range(count)]


@pytest.fixture()
def region(db):
    municipality_named("Weert", region="Weert")
    wijchen_coach = make_user(Role.COACH, municipality="Wijchen", name="Joost Wijchen")
    nijmegen_coach = make_user(Role.COACH, municipality="Nijmegen", name="Fatima Nijmegen")
    return {
        "wijchen_coach": wijchen_coach,
        "nijmegen_coach": nijmegen_coach,
        "wijchen_people": _people(wijchen_coach, 6, "Wijchen"),
        "nijmegen_people": _people(nijmegen_coach, 7, "Nijmegen"),
    }


# ------------------------------------------------------------------- policy officers


def test_a_policy_officer_sees_her_municipality_and_not_anothers(region, client, login):
    login(make_user(Role.POLICY, municipality="Wijchen"))
    own = client.get(REPORT + "&gemeente=Wijchen")
    assert own.status_code == 200 and ">6<" in own.get_data(as_text=True)
    assert client.get(REPORT + "&gemeente=Nijmegen").status_code == 404
    assert client.get("/rapportages/export.xlsx?gemeente=Nijmegen").status_code == 404
    assert client.get("/rapportages/rapport.pdf?gemeente=Nijmegen").status_code == 404
    # Without a choice: her own municipality only (6 people, not 13).
    page = client.get(REPORT).get_data(as_text=True)
    assert ">6<" in page and ">13<" not in page
    choices = page.split('name="gemeente"')[1].split("</select>")[0]
    assert "Wijchen" in choices and "Nijmegen" not in choices


def test_region_totals_only_when_every_municipality_passes(region, client, login):
    login(make_user(Role.POLICY, municipalities=("Wijchen", "Nijmegen")))
    assert ">13<" in client.get(REPORT).get_data(as_text=True)
    _people(region["wijchen_coach"], 3, "Beuningen")  # 3: under the threshold
    officer = make_user(Role.POLICY, municipalities=("Wijchen", "Nijmegen", "Beuningen"))
    client.post("/logout")
    login(officer)
    page = client.get(REPORT).get_data(as_text=True)
    assert "niet te zien" in page and "Beuningen" in page and ">16<" not in page
    assert client.get("/rapportages/export.xlsx").status_code == 404
    assert ">6<" in client.get(REPORT + "&gemeente=Wijchen").get_data(as_text=True)


# ------------------------------------------------------------------- municipal admins


def test_a_municipal_admin_manages_only_her_municipalitys_accounts(region, client, login, db):
    admin = make_user(Role.MUNICIPAL_ADMIN, municipality="Wijchen")
    login(admin)
    page = client.get("/beheer/gebruikers").get_data(as_text=True)
    assert "Joost Wijchen" in page and "Fatima Nijmegen" not in page
    other = region["nijmegen_coach"]
    client.post(f"/beheer/gebruikers/{other.id}/blokkeren")
    db.refresh(other)
    assert other.active
    own = region["wijchen_coach"]
    client.post(f"/beheer/gebruikers/{own.id}/blokkeren")
    db.refresh(own)
    assert not own.active


def test_a_municipal_admin_reads_only_her_municipalitys_audit_log(region, client, login, db):
    wijchen_person = region["wijchen_people"][0]
    nijmegen_person = region["nijmegen_people"][0]
    audit.record(region["wijchen_coach"], "view", wijchen_person.ref, "dossier")
    audit.record(region["nijmegen_coach"], "view", nijmegen_person.ref, "dossier")
    db.commit()
    login(make_user(Role.MUNICIPAL_ADMIN, municipality="Wijchen"))
    log = client.get("/beheer/auditlog").get_data(as_text=True)
    assert f"{wijchen_person.ref}<" in log and nijmegen_person.ref not in log
    searched = client.get(f"/beheer/auditlog?deelnemer={nijmegen_person.ref}")
    # The search field echoes the code; no line of the log shows it.
    assert f"{nijmegen_person.ref}<" not in searched.get_data(as_text=True)


# ------------------------------------------------------------------- coaches


def test_a_coach_sees_her_own_people_in_her_municipalities_only(region, client, login, db):
    coach = region["wijchen_coach"]
    person = region["wijchen_people"][0]
    assert client.get("/").status_code in (200, 302)
    login(coach)
    assert client.get(f"/deelnemers/{person.id}").status_code == 200
    coach.municipalities = [municipality_named("Nijmegen")]  # moved to another team
    db.commit()
    assert client.get(f"/deelnemers/{person.id}").status_code == 404
    assert person.first_name not in client.get("/deelnemers/").get_data(as_text=True)
    ids = set(db.scalars(select(Participant.id).where(access.caseload_of(coach))))
    assert ids == set()


# ------------------------------------------------------------------- volunteer centres


def test_a_centre_screens_only_organisations_in_its_reach(region, client, login, db):
    wijchen_centre = make_organisation(kind="vrijwilligerscentrale", municipality="Wijchen")
    nijmegen_centre = make_organisation(kind="vrijwilligerscentrale", municipality="Nijmegen")
    waiting = make_organisation(name="Buurthuis Hatert", municipality="Nijmegen",
                                approval=ApprovalState.REVIEW)
    login(make_user(Role.CENTRALE, organisation=wijchen_centre))
    assert client.get(f"/organisaties/{waiting.id}").status_code == 404
    assert "Buurthuis Hatert" not in client.get("/").get_data(as_text=True)
    client.post("/logout")
    login(make_user(Role.CENTRALE, organisation=nijmegen_centre))
    assert client.get(f"/organisaties/{waiting.id}").status_code == 200


# ------------------------------------------------------------------- the hand-over


def _hand_over(client, person, target_key, consent=True):
    return client.post(f"/deelnemers/{person.id}/overdragen",
                       data={"target": target_key, "confirmed": "ja",
                             **({"consent": "y"} if consent else {})})


def test_a_hand_over_needs_consent_and_moves_the_participant(region, client, login, db):
    person = region["wijchen_people"][0]
    old, new = region["wijchen_coach"], region["nijmegen_coach"]
    nijmegen = municipality_named("Nijmegen")
    key = f"{new.id}-{nijmegen.id}"
    login(old)
    step_one = client.post(f"/deelnemers/{person.id}/overdragen", data={"target": key})
    assert "Ja, draag over" in step_one.get_data(as_text=True)  # the confirmation step
    refused = _hand_over(client, person, key, consent=False)
    assert refused.status_code == 200 and "Toestemming" in refused.get_data(as_text=True)
    db.refresh(person)
    assert person.coach_id == old.id and person.municipality == "Wijchen"
    assert _hand_over(client, person, key).status_code == 302
    db.refresh(person)
    assert person.coach_id == new.id and person.municipality == "Nijmegen"
    # The old coach loses access at once.
    assert client.get(f"/deelnemers/{person.id}").status_code == 404
    assert client.get(f"/deelnemers/{person.id}/overdragen").status_code == 404
    # The new coach is told, in the app and by mail; the log keeps the consent.
    assert db.scalar(select(func.count()).select_from(Notification)
                     .where(Notification.user_id == new.id)) == 1
    mail = db.scalars(select(OutboxMessage)).one()
    assert mail.recipient == new.email
    line = db.scalars(select(AuditEntry).where(AuditEntry.action == "handover")).one()
    assert "Wijchen → Nijmegen" in line.detail and "toestemming" in line.detail
    client.post("/logout")
    login(new)
    assert client.get(f"/deelnemers/{person.id}").status_code == 200


def test_a_hand_over_to_someone_outside_the_list_is_refused(region, client, login, db):
    person = region["wijchen_people"][0]
    login(region["wijchen_coach"])
    policy = make_user(Role.POLICY, municipality="Nijmegen")
    response = _hand_over(client, person, f"{policy.id}-{municipality_named('Nijmegen').id}")
    assert response.status_code == 200
    assert "Nieuwe gemeente en coach" in response.get_data(as_text=True)
    db.refresh(person)
    assert person.coach_id == region["wijchen_coach"].id


# ------------------------------------------------------------------- regional admins


def test_the_regional_admin_keeps_her_regions_municipalities(region, client, login, db):
    rvn = make_region()
    login(make_user(Role.REGIONAL_ADMIN, region_id=rvn.id))
    page = client.get("/beheer/gemeenten").get_data(as_text=True)
    assert "Wijchen" in page and "Weert" not in page
    added = client.post("/beheer/gemeenten", data={"name": "Heumen", "region_id": rvn.id})
    assert added.status_code == 302
    double = client.post("/beheer/gemeenten", data={"name": " wijchen ", "region_id": rvn.id})
    assert "er is al een gemeente" in double.get_data(as_text=True)
    weert = municipality_named("Weert", region="Weert")
    client.post(f"/beheer/gemeenten/{weert.id}/naam", data={f"m{weert.id}-name": "X"})
    db.refresh(weert)
    assert weert.name == "Weert"
    heumen = municipality_named("Heumen")
    coach = region["nijmegen_coach"]
    assigned = client.post(f"/beheer/gebruikers/{coach.id}/gemeenten",
                           data={"municipalities": [heumen.id, weert.id]})
    assert assigned.status_code == 200  # Weert is not hers: refused
    client.post(f"/beheer/gebruikers/{coach.id}/gemeenten",
                data={"municipalities": [heumen.id, municipality_named("Nijmegen").id]})
    db.refresh(coach)
    assert [m.name for m in coach.municipalities] == ["Heumen", "Nijmegen"]
