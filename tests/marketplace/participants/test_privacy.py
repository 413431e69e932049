"""AVG rights: export, erasure that keeps the counts, retention, withdrawn consent, audit."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from marketplace.domain.vocabulary import (
    ZRM_DOMAINS,
    ConsentPurpose,
    MeasurementKind,
    ParticipantStatus,
    Role,
)
from marketplace.errors import DomainError
from marketplace.models import AuditEntry, Goal, OutboxMessage, Participant
from marketplace.services.matching import cohort
from marketplace.services.participants import privacy
from marketplace.services.participants.measurements import record_measurement
from marketplace.services.placements import links as link_service
from marketplace.services.placements import proposals
from marketplace.services.reports import files as report_files
from marketplace.services.reports import monitoring
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)

BOTH = (ConsentPurpose.MATCHING, ConsentPurpose.SHARING)
PERSONAL = {
    "first_name": "Zainab", "last_name": "Haddad", "email": "zainab@voorbeeld.nl",
    "phone": "06-98765432", "health_notes": "Astma en rugklachten",
    "household_notes": "Alleenstaand met drie kinderen", "experience": "Naaister in Aleppo",
    "pseudonym": "Zee", "postcode": "6541XY",
}


def _actions(db, ref: str) -> list[str]:
    return list(db.scalars(select(AuditEntry.action).where(AuditEntry.participant_ref == ref)
                           .order_by(AuditEntry.id)))


def _full_participant(db, coach):
    participant = make_participant(coach, consents=BOTH, children_ages=[4, 7], **PERSONAL)
    participant.goals = [Goal(text="Werken in een naaiatelier", target_date=date(2026, 6, 1))]
    db.commit()
    zrm: dict[str, int | None] = {key: 3 for key in ZRM_DOMAINS}
    record_measurement(participant, coach, MeasurementKind.NULMETING, date(2026, 1, 10), 2, zrm)
    vacancy = make_vacancy(make_organisation(name="Naaicafé"), title="Naaicafé helper")
    make_placement(participant, vacancy, message="Zainab naait graag, ze heeft astma.")
    proposals.add_to_shortlist(coach, participant, make_vacancy(title="Bewaarde plek"))
    return participant


# --------------------------------------------------------------------------- export


def test_export_holds_everything_about_the_participant_and_is_audited(client, login, db):
    coach = make_user(Role.COACH)
    participant = _full_participant(db, coach)
    login(coach)
    response = client.get(f"/deelnemers/{participant.id}/gegevens.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["profile"]["first_name"] == "Zainab"
    assert data["contact"] == {"email": "zainab@voorbeeld.nl", "phone": "06-98765432"}
    assert data["health"]["notes"] == "Astma en rugklachten"
    assert data["household"] == {"children_ages": [4, 7],
                                 "notes": "Alleenstaand met drie kinderen"}
    assert [c["purpose"] for c in data["consents"]] == ["matching", "sharing"]
    assert data["goals"][0]["text"] == "Werken in een naaiatelier"
    assert data["measurements"][0]["ladder_step"] == 2
    assert set(data["measurements"][0]["zrm"].values()) == {3}
    assert data["placements"][0]["vacancy"] == "Naaicafé helper"
    assert data["placements"][0]["events"][0]["to"] == "proposed"
    assert data["shortlist"][0]["vacancy"] == "Bewaarde plek"
    assert "export" in _actions(db, participant.ref)
    page = client.get(f"/deelnemers/{participant.id}/gegevens").get_data(as_text=True)
    assert "Astma en rugklachten" in page and "Naaicafé helper" in page
    # The audit entries of the earlier export are part of the next one.
    again = json.loads(client.get(f"/deelnemers/{participant.id}/gegevens.json").data)
    assert "export" in [entry["action"] for entry in again["audit"]]


def test_another_coach_gets_no_export(client, login, db):
    participant = make_participant(make_user(Role.COACH))
    login(make_user(Role.COACH))
    assert client.get(f"/deelnemers/{participant.id}/gegevens.json").status_code == 404
    assert _actions(db, participant.ref) == []


# --------------------------------------------------------------------------- erasure


def _dashboard_text() -> str:
    filters = monitoring.Filters(reference_date=date(2026, 10, 31),
                                 period_start=date(2025, 9, 1), period_end=date(2026, 10, 31))
    return "\n".join(report_files.table_csv(t) for t in monitoring.dashboard(filters).tables)


def test_erasure_keeps_every_dashboard_figure_and_removes_the_personal_text(runner, db):
    assert runner.invoke(args=["seed"]).exit_code == 0
    people = db.scalars(select(Participant).order_by(Participant.id)).all()
    before = _dashboard_text()
    # The closed ones, those with measurements and those with placements: all counted.
    chosen = [p for p in people if p.closed_on or p.measurements][:12]
    assert len(chosen) >= 5
    texts = {p.id: [p.first_name, p.last_name, p.email, p.phone, p.health_notes,
                    p.household_notes, p.experience, *(g.text for g in p.goals)]
             for p in chosen}
    exports_before = [privacy.participant_export(p) for p in chosen]
    for person in chosen:
        privacy.erase_participant(person, None)
    assert _dashboard_text() == before
    for person, earlier in zip(chosen, exports_before, strict=True):
        dumped = json.dumps(privacy.participant_export(person), ensure_ascii=False)
        for text in texts[person.id]:
            if text and len(text) > 3:
                assert text not in dumped, f"{text!r} survived the erasure of {person.ref}"
        assert person.erased_at is not None
        assert person.status == ParticipantStatus(earlier["profile"]["status"])
        assert [m["zrm"] for m in privacy.participant_export(person)["measurements"]] == [
            m["zrm"] for m in earlier["measurements"]]
        assert "erase" in _actions(db, person.ref)


def test_erasure_removes_free_text_of_placements_and_the_shortlist(app, db):
    coach = make_user(Role.COACH)
    participant = _full_participant(db, coach)
    privacy.erase_participant(participant, coach)
    dumped = json.dumps(privacy.participant_export(participant), ensure_ascii=False)
    for text in [*PERSONAL.values(), "Werken in een naaiatelier", "ze heeft astma"]:
        assert text not in dumped
    data = privacy.participant_export(participant)
    assert data["profile"]["postcode"] == "6541"
    assert data["shortlist"] == []
    assert data["placements"][0]["state"] == "proposed"
    assert all(c["withdrawn_on"] for c in data["consents"])
    with app.test_request_context(), pytest.raises(DomainError):
        privacy.erase_participant(participant, coach)


def test_erasure_asks_for_confirmation(client, login, db):
    coach = make_user(Role.COACH)
    participant = make_participant(coach, **PERSONAL)
    login(coach)
    refused = client.post(f"/deelnemers/{participant.id}/verwijderen", data={})
    assert refused.status_code == 422
    assert "Vink aan dat u het zeker weet." in refused.get_data(as_text=True)
    db.refresh(participant)
    assert participant.erased_at is None and participant.first_name == "Zainab"
    done = client.post(f"/deelnemers/{participant.id}/verwijderen", data={"confirm": "y"})
    assert done.status_code == 302
    db.refresh(participant)
    assert participant.erased_at is not None and participant.first_name == privacy.ERASED
    page = client.get(f"/deelnemers/{participant.id}").get_data(as_text=True)
    assert "Zainab" not in page and "Astma" not in page


# --------------------------------------------------------------------------- retention


def _closed(coach, days_ago: int) -> Participant:
    return make_participant(coach, status=ParticipantStatus.CLOSED,
                            closed_on=date.today() - timedelta(days=days_ago))


def test_retention_erases_only_trajectories_closed_longer_ago(runner, db, app, monkeypatch):
    coach = make_user(Role.COACH)
    old, recent, open_one = _closed(coach, 3 * 365 + 10), _closed(coach, 200), make_participant(
        coach)
    names = {p.id: p.first_name for p in (old, recent, open_one)}

    dry = runner.invoke(args=["privacy", "retention", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert old.ref in dry.output and recent.ref not in dry.output
    assert "1 deelnemers komen in aanmerking" in dry.output
    db.expire_all()
    assert old.first_name == names[old.id] and old.erased_at is None

    monkeypatch.setitem(app.config, "RETENTION_YEARS", 5)
    assert "0 deelnemers zijn verwijderd" in runner.invoke(args=["privacy", "retention"]).output
    monkeypatch.setitem(app.config, "RETENTION_YEARS", 2)
    done = runner.invoke(args=["privacy", "retention"])
    assert "1 deelnemers zijn verwijderd" in done.output
    db.expire_all()
    assert old.erased_at is not None and old.first_name == privacy.ERASED
    assert recent.erased_at is None and open_one.erased_at is None

    shorter = runner.invoke(args=["privacy", "retention", "--years", "0"])
    assert recent.ref in shorter.output and old.ref not in shorter.output
    db.expire_all()
    assert recent.erased_at is not None and open_one.erased_at is None
    assert _actions(db, old.ref) == ["erase"]


# --------------------------------------------------------------------------- consent


def test_coach_withdraws_matching_consent_and_matching_stops(client, login, db):
    coach = make_user(Role.COACH)
    participant = make_participant(coach, consents=BOTH)
    make_vacancy()
    login(coach)
    assert "Zoeken" in client.get(f"/koppelen/deelnemers/{participant.id}").get_data(
        as_text=True)
    response = client.post(f"/deelnemers/{participant.id}/toestemming/matching/intrekken")
    assert response.status_code == 302
    db.refresh(participant)
    assert not participant.consent_given(ConsentPurpose.MATCHING)
    assert participant.consent_withdrawn(ConsentPurpose.MATCHING)
    page = client.get(f"/koppelen/deelnemers/{participant.id}").get_data(as_text=True)
    assert "toestemming om plekken te zoeken ingetrokken" in page
    run = cohort.run_cohort(coach, [participant.id])
    assert run.rows[0]["problem"] == "no_matching_consent"
    assert "consent_withdrawn" in _actions(db, participant.ref)


def test_cohort_refuses_to_send_for_someone_who_withdrew_since_the_run(app, db):
    coach = make_user(Role.COACH)
    participant = make_participant(coach, consents=BOTH)
    vacancy = make_vacancy()
    run = cohort.run_cohort(coach, [participant.id])
    assert run.rows[0]["options"], "the participant should fit the vacancy"
    privacy.withdraw_consent(coach, participant, ConsentPurpose.MATCHING)
    with app.test_request_context(), pytest.raises(DomainError, match="geen toestemming"):
        cohort.send_cohort(coach, run, {participant.id: vacancy.id}, "")
    assert proposals.proposals_of(participant) == []


def test_withdrawn_sharing_consent_stops_proposals_and_hides_sent_ones(app, client, login, db):
    coach = make_user(Role.COACH)
    organisation = make_organisation()
    participant = make_participant(coach, consents=BOTH, first_name="Yasmina")
    placement = make_placement(participant, make_vacancy(organisation),
                               message="Yasmina spreekt goed Arabisch.")
    member = make_user(Role.ORGANISATION, organisation=organisation)
    login(member)
    assert "Yasmina" in client.get("/koppelen/voorstellen").get_data(as_text=True)

    privacy.withdraw_consent(coach, participant, ConsentPurpose.SHARING)
    with app.test_request_context(), pytest.raises(DomainError, match="toestemming"):
        proposals.propose(coach, participant, make_vacancy(organisation), "")
    for url in ("/koppelen/voorstellen", f"/plaatsingen/{placement.id}", "/plaatsingen/"):
        page = client.get(url).get_data(as_text=True)
        assert "Yasmina" not in page, url
        assert "gegevens niet meer gedeeld" in page, url
    # Mail to an employer after the withdrawal does not name her either.
    link_service.send_link(placement.id, coach, "baas@voorbeeld.nl")
    mail = db.scalars(select(OutboxMessage).where(OutboxMessage.recipient == "baas@voorbeeld.nl")
                      ).one()
    assert "Yasmina" not in mail.body and "gegevens niet meer gedeeld" in mail.body


def test_withdrawing_twice_is_refused_kindly(client, login, db):
    coach = make_user(Role.COACH)
    participant = make_participant(coach)
    login(coach)
    url = f"/deelnemers/{participant.id}/toestemming/sharing/intrekken"
    page = client.post(url, follow_redirects=True).get_data(as_text=True)
    assert "niet gegeven of al ingetrokken" in page
    assert client.post(f"/deelnemers/{participant.id}/toestemming/onzin/intrekken"
                       ).status_code == 404


# --------------------------------------------------------------------------- audit


def test_views_and_changes_are_recorded(client, login, db):
    coach = make_user(Role.COACH)
    participant = make_participant(coach)
    login(coach)
    client.get(f"/deelnemers/{participant.id}")
    client.get(f"/koppelen/deelnemers/{participant.id}")
    client.post(f"/deelnemers/{participant.id}/metingen/nieuw", data={
        "kind": "nulmeting", "measured_on": "2026-01-10", "ladder_step": "2"})
    vacancy = make_vacancy()
    client.post(f"/koppelen/deelnemers/{participant.id}/bewaren/{vacancy.id}")
    entries = db.scalars(select(AuditEntry).where(AuditEntry.participant_ref == participant.ref)
                         .order_by(AuditEntry.id)).all()
    assert [(e.action, e.detail) for e in entries] == [
        ("view", "dossier"), ("view", "passende plekken"), ("measurement", ""),
        ("shortlist", vacancy.ref)]
    assert {e.actor_email for e in entries} == {coach.email}


def test_intake_and_edit_are_recorded(client, login, db):
    from tests.marketplace.participants.test_intake import VALID

    coach = make_user(Role.COACH)
    login(coach)
    assert client.post("/deelnemers/nieuw", data=VALID).status_code == 302
    participant = db.scalars(select(Participant).where(Participant.coach_id == coach.id)).one()
    edited = client.post(f"/deelnemers/{participant.id}/bewerken",
                         data=VALID | {"phone": "06-11112222"})
    assert edited.status_code == 302
    assert _actions(db, participant.ref) == ["create", "update"]
