"""Issue 17: the participant's invitation, a printable letter and a short text, in simple
Dutch or her own language (right-to-left where the language is), from the catalogues."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from marketplace.domain.placements import PlacementState
from marketplace.domain.vocabulary import Role
from marketplace.services.placements import invitations
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)

TRANSLATIONS = Path(__file__).resolve().parents[3] / "marketplace" / "translations"
# Every text of the invitation module, extracted as `make messages` does.
INVITATION_MSGIDS = sorted({message for _, message, _, _ in extract_from_file(
    "python", invitations.__file__)} - {
    "Kies een taal uit de lijst.",  # for the coach, in the UI language
    "Een uitnodiging kan alleen bij een voorstel of een kennismaking."})


@pytest.fixture()
def kennismaking(db):
    coach = make_user(Role.COACH, name="Karin de Vries", email="karin@test.nl")
    person = make_participant(coach, first_name="Senait", other_languages=["ti", "ar"])
    vacancy = make_vacancy(make_organisation(name="Wijkcentrum De Klimop"), title="Koken")
    moment = (datetime.now() + timedelta(days=3)).replace(hour=10, minute=30, second=0,
                                                          microsecond=0)
    return make_placement(person, vacancy, state=PlacementState.KENNISMAKING,
                          kennismaking_at=moment, kennismaking_place="Molenstraat 12, Nijmegen",
                          coach_attends=True)


def test_every_language_has_its_catalogue_and_says_if_a_person_checked_it() -> None:
    assert set(invitations.LANGUAGES) == {"nl", "ar", "ti", "so", "prs", "fa", "tr", "uk", "en"}
    assert {c for c, lang in invitations.LANGUAGES.items() if lang.rtl} == {"ar", "prs", "fa"}
    for code, language in invitations.LANGUAGES.items():
        if code == "nl":
            assert language.checked  # the source text itself
            continue
        with (TRANSLATIONS / language.locale / "LC_MESSAGES" / "messages.po").open("rb") as f:
            catalogue = read_po(f)
        for msgid in INVITATION_MSGIDS:
            message = catalogue.get(msgid)
            assert message is not None and message.string, (language.locale, msgid)
            assert set(re.findall(r"%\(\w+\)s", msgid)) == set(
                re.findall(r"%\(\w+\)s", message.string)), (language.locale, msgid)


def test_the_arabic_letter_is_right_to_left_and_marked_unchecked(kennismaking, login) -> None:
    client = login(kennismaking.participant.coach)
    response = client.get(f"/plaatsingen/{kennismaking.id}/uitnodiging?taal=ar")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'lang="ar" dir="rtl"' in html
    assert "لديك موعد تعارف في Wijkcentrum De Klimop." in html
    assert "Molenstraat 12, Nijmegen" in html and "10:30" in html
    assert "المرشد Karin de Vries يذهب معك." in html
    assert "Vertaling nog niet nagekeken" in html
    # The participant's own languages come first in the coach's choice.
    options = re.findall(r'<option value="(\w+)"', html)
    assert options[:3] == ["nl", "ti", "ar"]


def test_the_simple_dutch_letter_has_short_sentences_and_pictograms(kennismaking) -> None:
    letter = invitations.invitation(kennismaking, "nl")
    assert letter.language.checked and letter.kennismaking
    assert [fact.label for fact in letter.facts] == ["Datum", "Tijd", "Adres", "Wie gaat mee?"]
    assert all(fact.icon for fact in letter.facts)
    sentences = [s for line in [*letter.lines, *letter.closing]
                 for s in re.split(r"(?<=[.?])\s+", line) if s]
    assert max(len(s.split()) for s in sentences) <= 12  # A2: short sentences
    assert "Uw coach Karin de Vries gaat mee." in [f.value for f in letter.facts]


@pytest.mark.parametrize("code", sorted(invitations.LANGUAGES))
def test_the_short_text_fits_in_300_characters(kennismaking, code) -> None:
    kennismaking.kennismaking_place = "Buurthuis De Ontmoeting, Lange Hezelstraat 123 " * 4
    text = invitations.invitation(kennismaking, code).short_text
    assert 0 < len(text) <= invitations.SHORT_TEXT_MAX
    assert kennismaking.participant.first_name in text


def test_a_proposal_gets_an_invitation_without_a_date(db) -> None:
    coach = make_user(Role.COACH)
    placement = make_placement(make_participant(coach, first_name="Hodan"), make_vacancy())
    letter = invitations.invitation(placement, "so")
    assert not letter.kennismaking and letter.language.locale == "so"
    assert "Salaan Hodan" in letter.short_text


def test_only_the_own_coach_and_only_known_languages(kennismaking, login) -> None:
    other = make_user(Role.COACH)
    assert login(other).get(f"/plaatsingen/{kennismaking.id}/uitnodiging").status_code in (
        403, 404)
    login(other).post("/logout")
    client = login(kennismaking.participant.coach)
    refused = client.get(f"/plaatsingen/{kennismaking.id}/uitnodiging?taal=xx")
    assert refused.status_code == 400
    assert "Kies een taal uit de lijst." in refused.get_data(as_text=True)


def _pdf_fonts_and_text(data: bytes, tmp_path: Path) -> tuple[str, str]:
    import subprocess

    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True)
    return fonts.stdout, text.stdout


@pytest.mark.parametrize(("code", "font", "words"), [
    ("ar", "Arabic", ["Wijkcentrum De Klimop", "Molenstraat 12, Nijmegen", "10:30"]),
    ("ti", "Ethiopic", ["Wijkcentrum De Klimop", "Molenstraat 12, Nijmegen", "10:30"]),
    ("nl", "Noto", ["Wijkcentrum De Klimop", "Molenstraat 12, Nijmegen", "Karin de Vries"]),
])
def test_the_letter_as_pdf_is_one_page_with_a_font_for_its_script(
    kennismaking, login, tmp_path, code, font, words
) -> None:
    """The PDF embeds a font that holds the script (no empty boxes) and the facts."""
    response = login(kennismaking.participant.coach).get(
        f"/plaatsingen/{kennismaking.id}/uitnodiging.pdf?taal={code}")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    fonts, text = _pdf_fonts_and_text(response.data, tmp_path)
    assert font in fonts
    assert "Symbola" in fonts  # the pictograms have a glyph, not an empty box
    assert text.count("\f") == 1  # one page
    for word in words:
        assert word in text
    assert "Senait" in text or code != "nl"


def test_the_pdf_is_only_for_the_own_coach_and_known_languages(kennismaking, login) -> None:
    other = make_user(Role.COACH, email="andere.coach@test.nl")
    assert login(other).get(
        f"/plaatsingen/{kennismaking.id}/uitnodiging.pdf").status_code in (403, 404)
    login(other).post("/logout")
    client = login(kennismaking.participant.coach)
    assert client.get(f"/plaatsingen/{kennismaking.id}/uitnodiging.pdf?taal=xx").status_code == 400
