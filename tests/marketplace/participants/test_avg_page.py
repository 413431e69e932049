"""The AVG page a participant has a right to see (issue 20): every field with its label
and a formatted value, in the language of the page, and the audit log part of it."""

from __future__ import annotations

import re

from marketplace.domain.vocabulary import Role
from tests.builders import make_participant, make_placement, make_user

RAW = ("first_name", "nl_speaking", "mon_morning", "True", "False", "max_physical_load",
       "other_languages", "given_on", "purpose")


def _page(client, login, lang: str = "nl") -> str:
    coach = make_user(Role.COACH)
    person = make_participant(coach, first_name="Amina", nl_speaking="A2",
                              max_physical_load="medium", other_languages=["ti", "ar"],
                              availability=["mon_morning", "wed_afternoon"],
                              literate_latin=True, hours_min=3.0, hours_max=4.5)
    login(coach)
    client.get(f"/deelnemers/{person.id}")  # a view, to find in the log part
    client.post(f"/taal/{lang}")
    with client.application.app_context():  # a fresh `g`: the chosen language is read
        return client.get(f"/deelnemers/{person.id}/gegevens").get_data(as_text=True)


def _text(page: str) -> str:
    main = page[page.index("<main"):page.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_the_avg_page_shows_labels_and_words_not_keys(client, login, db) -> None:
    text = _text(_page(client, login))
    for raw in RAW:
        assert f" {raw} " not in f" {text} ", raw
    assert "Voornaam of roepnaam Amina" in text
    assert "Nederlands spreken A2: korte gesprekken" in text
    assert "Gemiddeld" in text and "Tigrinya, Arabisch" in text
    assert "4,5" in text and " 3.0" not in text
    assert "maandag" in text and "✓" in text  # the dayparts as a week grid
    assert "Bekeken" in text  # the participant's own audit log, in words


def test_the_export_holds_the_participants_whole_log(client, login, db) -> None:
    coach = make_user(Role.COACH)
    person = make_participant(coach)
    make_placement(person)
    login(coach)
    client.get(f"/deelnemers/{person.id}")
    export = client.get(f"/deelnemers/{person.id}/gegevens.json").get_json()
    actions = [line["action"] for line in export["audit"]]
    assert actions[0] == "transition:->proposed" and "view" in actions
    page = client.get(f"/deelnemers/{person.id}/gegevens").get_data(as_text=True)
    assert "Stap in een plaatsing: Voorgesteld" in _text(page)


def test_the_avg_page_in_english(client, login, db) -> None:
    text = _text(_page(client, login, "en"))
    assert "Speaking Dutch A2: short conversations" in text
    assert "Tigrinya, Arabic" in text
    for raw in RAW:
        assert f" {raw} " not in f" {text} ", raw
