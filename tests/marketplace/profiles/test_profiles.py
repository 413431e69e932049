"""Rows become spec profiles that the matching library accepts, and back again."""

from __future__ import annotations

import pytest

from marketplace.domain.vocabulary import Role
from marketplace.models import Measurement
from marketplace.services.profiles.rows import (
    participant_fields_from_profile,
    participant_profile,
    vacancy_fields_from_profile,
    vacancy_profile,
)
from matching import load_participants, load_vacancies, profiles
from tests.builders import make_participant, make_user, make_vacancy


def test_vacancy_profile_is_valid_per_spec(db) -> None:
    vacancy = make_vacancy(
        lang_min_speaking="B1", childcare_offered=True, other_languages=["ar"], dayparts_needed=1
    )
    profile = vacancy_profile(vacancy)
    assert profiles.validate("vacancy", [profile], label="vacancies") == []
    assert profile["language_min"] == {"speaking": "B1"}
    assert profile["childcare"] == {"offered": True, "children_welcome": False}
    assert profile["organisation"] == vacancy.organisation.name
    assert load_vacancies([profile])[0].id == vacancy.ref


def test_participant_profile_is_valid_and_leaves_out_personal_details(db) -> None:
    participant = make_participant(make_user(Role.COACH), route="Z", nl_reading="A1")
    participant.measurements = [Measurement(kind="nulmeting", measured_on=participant.intake_date,
                                            ladder_step=2)]
    db.commit()
    profile = participant_profile(participant)
    assert profiles.validate("participant", profile, label="participant") == []
    assert profile["ladder_step"] == 2
    assert profile["languages"]["nl"]["reading"] == "A1"
    text = repr(profile)
    for private in (participant.first_name, participant.last_name, participant.health_notes):
        assert private not in text
    assert load_participants(profile)[0].id == participant.ref


@pytest.mark.parametrize("kind", ["vacancy", "participant"])
def test_profile_to_fields_and_back_is_lossless(db, kind: str) -> None:
    if kind == "vacancy":
        row = make_vacancy(lang_min_listening="A2", women_only=True, duration_weeks=15)
        profile = vacancy_profile(row)
        fields = vacancy_fields_from_profile(profile)
    else:
        row = make_participant(childcare_needed=["wed_afternoon"], lessons=["tue_morning"])
        profile = participant_profile(row)
        fields = participant_fields_from_profile(profile)
    for name, value in fields.items():
        if name != "geo_precision":
            assert getattr(row, name) == value, name
