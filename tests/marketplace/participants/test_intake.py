"""The intake form: every profile field, goals, consents, childcare suggestion, Dutch errors."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from marketplace.domain.vocabulary import ConsentPurpose, LearningRoute, Role
from marketplace.models import Consent, Participant
from tests.builders import make_participant, make_user, make_vacancy

VALID = {
    "first_name": "Amina",
    "last_name": "Yusuf",
    "email": "amina@example.nl",
    "phone": "06-12345678",
    "gender": "f",
    "status": "intake",
    "intake_date": "2026-01-12",
    "postcode": "6541ab",
    "max_travel_km": "5",
    "nl_speaking": "A1",
    "nl_listening": "A2",
    "nl_reading": "A1",
    "nl_writing": "A0",
    "other_languages": "ar, en",
    "literate_latin": "y",
    "route": "B1",
    "lessons": ["tue_morning", "thu_morning"],
    "children_ages": "9, 6",
    "household_notes": "Twee kinderen op de basisschool.",
    "childcare_needed": ["wed_afternoon"],
    "availability": ["mon_morning", "tue_morning", "wed_morning", "wed_afternoon"],
    "hours_min": "4",
    "hours_max": "8",
    "interests": "Koken, kinderen",
    "experience": "Kookte voor feesten in Syrië.",
    "max_physical_load": "medium",
    "health_notes": "Last van de rug.",
    "goals-0-text": "Vrijwilligerswerk in een keuken",
    "goals-0-target_date": "2026-04-01",
    "goals-1-text": "",
    "goals-1-target_date": "",
    "consent_matching": "y",
    "consent_matching_on": "2026-01-12",
    "consent_sharing": "y",
    "consent_sharing_on": "",
    "save": "Opslaan",
}


def _coach(login):
    coach = make_user(Role.COACH)
    login(coach)
    return coach


def test_intake_creates_a_full_profile_in_the_coaches_caseload(client, login, db) -> None:
    coach = _coach(login)
    response = client.post("/deelnemers/nieuw", data=VALID)
    assert response.status_code == 302
    person = db.scalars(select(Participant)).one()
    assert response.headers["Location"].endswith(f"/deelnemers/{person.id}")
    assert person.coach_id == coach.id and person.ref.startswith("p-")
    assert person.postcode == "6541 AB" and person.lat is not None
    assert person.language_levels() == {
        "speaking": "A1", "listening": "A2", "reading": "A1", "writing": "A0"
    }
    assert person.other_languages == ["ar", "en"]
    assert person.route == LearningRoute.B1
    assert person.lessons == ["tue_morning", "thu_morning"]
    assert person.childcare_needed == ["wed_afternoon"]
    assert person.children_ages == [9, 6]
    assert person.interests == ["koken", "kinderen"]
    assert person.hours_min == 4 and person.hours_max == 8
    assert [(g.text, g.target_date) for g in person.goals] == [
        ("Vrijwilligerswerk in een keuken", date(2026, 4, 1))
    ]
    given = {c.purpose: c.given_on for c in person.consents}
    assert given[ConsentPurpose.MATCHING] == date(2026, 1, 12)
    assert given[ConsentPurpose.SHARING] == date.today()  # no date typed: today


def test_errors_are_dutch_and_nothing_typed_is_lost(client, login, db) -> None:
    _coach(login)
    data = VALID | {
        "first_name": "", "hours_min": "10", "hours_max": "4", "postcode": "12345",
        "children_ages": "negen", "email": "geen-adres", "intake_date": "gisteren",
    }
    page = client.post("/deelnemers/nieuw", data=data).get_data(as_text=True)
    assert "Vul een voornaam of roepnaam in." in page
    assert "Het maximum moet minstens even groot zijn als het minimum." in page
    assert "Vul een Nederlandse postcode in" in page
    assert "Vul leeftijden in als getallen" in page
    assert "Dit is geen geldig e-mailadres." in page
    assert "Vul een datum in" in page
    for typed in ('value="12345"', 'value="negen"', "Kookte voor feesten in Syrië.",
                  'value="Vrijwilligerswerk in een keuken"', 'value="koken, kinderen"'):
        assert typed in page
    assert 'id="lessons-tue_morning" value="tue_morning" checked' in page
    assert db.scalar(select(func.count()).select_from(Participant)) == 0


def test_suggest_fills_childcare_from_ages_without_saving(client, login, db) -> None:
    _coach(login)
    data = VALID | {"children_ages": "2, 9", "childcare_needed": [], "suggest": "1"}
    data.pop("save")
    page = client.post("/deelnemers/nieuw", data=data).get_data(as_text=True)
    for daypart in ("mon_morning", "wed_afternoon", "fri_afternoon"):
        assert f'id="childcare_needed-{daypart}" value="{daypart}" checked' in page
    assert 'id="childcare_needed-sat_morning" value="sat_morning" checked' not in page
    assert 'value="Amina"' in page  # the rest of the form stays as typed
    assert db.scalar(select(func.count()).select_from(Participant)) == 0


def test_interest_input_suggests_tags_of_published_vacancies(client, login, db) -> None:
    _coach(login)
    make_vacancy(tags=["fietsenmaker", "koken"])
    page = client.get("/deelnemers/nieuw").get_data(as_text=True)
    assert 'list="interesses-lijst"' in page
    assert '<option value="fietsenmaker">' in page


def test_edit_withdraws_consent_with_a_date_and_removes_an_emptied_goal(client, login, db) -> None:
    coach = _coach(login)
    person = make_participant(coach, consents=(ConsentPurpose.MATCHING, ConsentPurpose.SHARING))
    client.post(f"/deelnemers/{person.id}/bewerken", data=VALID)
    db.refresh(person)
    assert len(person.goals) == 1
    goal_id = person.goals[0].id
    data = VALID | {"goals-0-id": str(goal_id), "goals-0-text": "", "consent_sharing": ""}
    assert client.post(f"/deelnemers/{person.id}/bewerken", data=data).status_code == 302
    db.expire_all()
    assert person.goals == []
    sharing = db.scalars(
        select(Consent).where(Consent.participant_id == person.id,
                              Consent.purpose == ConsentPurpose.SHARING)
    ).one()
    assert sharing.withdrawn_on == date.today()
    assert not person.consent_given(ConsentPurpose.SHARING)
    assert person.consent_given(ConsentPurpose.MATCHING)


def test_edit_form_shows_the_profile(client, login, db) -> None:
    coach = _coach(login)
    person = make_participant(coach, first_name="Hiba", lessons=["tue_morning"])
    page = client.get(f"/deelnemers/{person.id}/bewerken").get_data(as_text=True)
    assert 'value="Hiba"' in page
    assert 'id="lessons-tue_morning" value="tue_morning" checked' in page
    assert 'id="consent_matching" name="consent_matching" type="checkbox" value="y"' in page


def test_unknown_postcode_is_saved_with_a_visible_warning(client, login, db, monkeypatch) -> None:
    _coach(login)
    # Every valid postcode is in the embedded table; an imported table could miss one.
    monkeypatch.setattr(
        "marketplace.services.participants.intake.locate", lambda pc: (None, None, None)
    )
    response = client.post("/deelnemers/nieuw", data=VALID, follow_redirects=True)
    assert "Postcode 6541 AB is niet bekend" in response.get_data(as_text=True)
    assert db.scalars(select(Participant)).one().lat is None


def test_another_coach_cannot_edit(client, login, db) -> None:
    person = make_participant()
    _coach(login)
    assert client.get(f"/deelnemers/{person.id}/bewerken").status_code == 404
    assert client.post(f"/deelnemers/{person.id}/bewerken", data=VALID).status_code == 404


def test_only_coaches_do_intakes(client, login, db) -> None:
    login(make_user(Role.POLICY))
    assert client.get("/deelnemers/nieuw").status_code == 403


def test_closing_a_trajectory_needs_a_reason_and_a_date(client, login, db) -> None:
    from marketplace.domain.vocabulary import ExitReason, ParticipationRoute
    from tests.builders import make_participant, make_user

    coach = make_user(municipality="Wijchen")
    participant = make_participant(coach)
    login(coach)
    form = client.get(f"/deelnemers/{participant.id}/bewerken").get_data(as_text=True)
    assert 'name="participation_route"' in form and 'name="exit_reason"' in form
    page = client.post(
        f"/deelnemers/{participant.id}/bewerken",
        data=VALID | {"status": "closed", "exit_reason": ""},
    ).get_data(as_text=True)
    assert "Kies waarom het traject is afgesloten." in page
    response = client.post(
        f"/deelnemers/{participant.id}/bewerken",
        data=VALID
        | {"status": "closed", "exit_reason": "paid_work", "closed_on": "2026-10-01",
           "participation_route": "vrijwilligerswerk"},
    )
    assert response.status_code == 302
    db.refresh(participant)
    assert participant.exit_reason == ExitReason.PAID_WORK
    assert participant.closed_on.isoformat() == "2026-10-01"
    assert participant.participation_route == ParticipationRoute.VRIJWILLIGERSWERK


def test_new_participant_gets_the_coaches_municipality(client, login, db) -> None:
    from sqlalchemy import select

    from marketplace.models import Participant
    from tests.builders import make_user

    login(make_user(municipality="Weert"))
    assert client.post("/deelnemers/nieuw", data=VALID).status_code == 302
    assert db.scalars(select(Participant)).one().municipality == "Weert"


def test_a_coach_of_two_municipalities_chooses_one_of_hers(client, login, db) -> None:
    """The responsible municipality is one the coach works for; another one is refused
    by name, and nothing is saved."""
    from sqlalchemy import func, select

    from marketplace.models import Participant
    from tests.builders import make_user, municipality_named

    login(make_user(municipalities=("Wijchen", "Druten")))
    druten, nijmegen = municipality_named("Druten"), municipality_named("Nijmegen")
    page = client.get("/deelnemers/nieuw").get_data(as_text=True)
    assert ">Druten</option>" in page and ">Nijmegen</option>" not in page
    refused = client.post("/deelnemers/nieuw", data=VALID | {"municipality": nijmegen.id})
    assert refused.status_code == 200 and "Gemeente" in refused.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Participant)) == 0
    assert client.post("/deelnemers/nieuw",
                       data=VALID | {"municipality": druten.id}).status_code == 302
    assert db.scalars(select(Participant)).one().municipality == "Druten"
