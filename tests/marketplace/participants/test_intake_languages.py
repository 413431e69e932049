"""Intake (issue 20): other languages are chosen by name from a searchable list and
stored as ISO 639-1 codes; typed names or codes ('so ar') are read too."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from marketplace.domain.languages import BY_CODE, LANGUAGES, language_code, language_name
from marketplace.domain.vocabulary import Role
from marketplace.models import Participant
from tests.builders import make_participant, make_user
from tests.marketplace.participants.test_intake import VALID

NEWCOMERS = ("Arabisch", "Tigrinya", "Somalisch", "Dari", "Farsi", "Pasjtoe", "Kurmanji",
             "Sorani", "Turks", "Oekraïens", "Russisch")


def test_the_list_holds_forty_languages_with_two_letter_codes() -> None:
    assert len(LANGUAGES) >= 40
    assert len(BY_CODE) == len(LANGUAGES)
    assert all(re.fullmatch(r"[a-z]{2}", language.code) for language in LANGUAGES)
    for name in NEWCOMERS:
        assert language_code(name) is not None, name
    assert language_code("Dari") == language_code("farsi") == "fa"
    assert language_code("kurmanji") == language_code("Sorani") == "ku"
    assert language_name("ti") == "Tigrinya" and language_name("so", "en") == "Somali"


def _save(client, other_languages) -> Participant:
    client.post("/deelnemers/nieuw", data=VALID | {"other_languages": other_languages})
    return client.application.extensions["sqlalchemy"].session.scalars(
        select(Participant).where(Participant.first_name == "Amina")).one()


@pytest.mark.parametrize(("posted", "stored"), [
    (["ti", "so"], ["ti", "so"]),  # the checkboxes of the list
    ("so ar", ["so", "ar"]),  # what the old field refused
    ("Somalisch, Arabisch", ["so", "ar"]),
    ("Dari; Koerdisch", ["fa", "ku"]),
])
def test_languages_are_stored_as_codes(client, login, db, posted, stored) -> None:
    login(make_user(Role.COACH))
    assert _save(client, posted).other_languages == stored


def test_an_unknown_language_is_named_and_nothing_is_saved(client, login, db) -> None:
    login(make_user(Role.COACH))
    page = client.post("/deelnemers/nieuw", data=VALID | {"other_languages": "Klingons"})
    assert "Deze taal kennen we niet: klingons" in page.get_data(as_text=True)
    assert db.scalars(select(Participant)).all() == []


def test_the_form_lists_languages_by_name_with_the_stored_ones_ticked(client, login,
                                                                        db) -> None:
    coach = make_user(Role.COACH)
    person = make_participant(coach, other_languages=["ti", "xx"])
    login(coach)
    page = client.get(f"/deelnemers/{person.id}/bewerken").get_data(as_text=True)
    assert re.search(r'value="ti"\s+checked', page)
    assert ">Tigrinya</label>" in page and ">Perzisch (Farsi, Dari)</label>" in page
    assert re.search(r'value="xx"\s+checked', page)  # an older code stays, can be unticked
    assert "Zoek een taal" in page
