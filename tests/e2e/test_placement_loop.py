"""Issue 17, 'Done when': the whole chain in Chromium without anyone sending a link by
hand. The coach proposes → the organisation without an account gets the mail with its
link → accepts and plans a kennismaking (mails with .ics) → the coach prints the
invitation in Arabic and in Tigrinya → the employer confirms the start of the
proefperiode and later 'Geplaatst' through the links that arrived by themselves →
the check-ins appear for both sides. axe-core on every new page, the right-to-left
letter included.

Mail goes through `send_pending` to a real aiosmtpd server (the journey module's).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from email.message import Message

import pytest
from flask import Flask
from icalendar import Calendar
from playwright.sync_api import Page, expect
from sqlalchemy import select

from marketplace.domain.vocabulary import ConsentPurpose, ParticipantStatus, Role, VacancyStatus
from marketplace.extensions import db
from marketplace.models import Organisation, Participant, User, Vacancy
from marketplace.services.placements.checkins import send_reminders
from marketplace.services.platform.outbox import send_pending
from tests.e2e.test_placement_journey import (  # noqa: F401  (fixtures)
    _logout,
    journey_app,
    live_server,
)
from tests.mailserver import Inbox

pytestmark = pytest.mark.e2e

EMPLOYER = "baas@zonder-account.example"
COACH = "coach@demo.nl"


def _pair(app: Flask) -> tuple[int, int, str]:
    """A consenting participant of the coach who speaks Tigrinya and Arabic, and a vacancy
    with room at an organisation without any account, mailed at EMPLOYER."""
    with app.app_context():
        coach = db.session.scalars(select(User).where(User.email == COACH)).one()
        person = next(
            p for p in db.session.scalars(select(Participant).where(
                Participant.coach_id == coach.id,
                Participant.status == ParticipantStatus.ACTIVE).order_by(Participant.id))
            if p.consent_given(ConsentPurpose.SHARING)
        )
        person.other_languages = ["ti", "ar"]
        with_members = select(User.organisation_id).where(
            User.role == Role.ORGANISATION, User.organisation_id.is_not(None))
        vacancy = db.session.scalars(
            select(Vacancy).join(Organisation, Vacancy.organisation_id == Organisation.id)
            .where(Vacancy.status == VacancyStatus.PUBLISHED, Vacancy.filled < Vacancy.capacity,
                   Organisation.id.not_in(with_members))
            .order_by(Vacancy.id)).first()
        assert vacancy is not None, "the demo region has an organisation without accounts"
        vacancy.contact_email = EMPLOYER
        vacancy.proefperiode_weeks = 4
        db.session.commit()
        return person.id, vacancy.id, person.first_name


def _deliver(app: Flask) -> None:
    with app.app_context():
        report = send_pending()
    assert report.failed == 0


def _last_to(inbox: Inbox, address: str) -> Message:
    return next(m for m in reversed(inbox.messages) if m["To"] == address)


def _link(mail: Message) -> str:
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    match = re.search(r"http://\S+/bevestigen/\S+", body.get_content())
    assert match, body.get_content()
    return match.group(0)


def _invite(mail: Message) -> Calendar | None:
    for part in mail.iter_attachments():
        if part.get_content_type() == "text/calendar":
            return Calendar.from_ical(part.get_content())
    return None


def test_the_loop_closes_without_manual_links(journey_app, smtp_inbox, live_server, login_as,  # noqa: F811
                                              page: Page, assert_accessible) -> None:
    inbox = smtp_inbox[1]
    person_id, vacancy_id, first_name = _pair(journey_app)
    today = date.today()

    # 1. The coach proposes; nobody presses "Link mailen".
    login_as(COACH)
    page.goto(f"/koppelen/deelnemers/{person_id}/voorstel/{vacancy_id}")
    page.get_by_label("Bericht aan de organisatie").fill("Zij kookt graag.")
    reason = page.get_by_label("Waarom stelt u deze plek toch voor?")
    if reason.count():
        reason.fill("Besproken met de organisatie.")
    page.get_by_role("button", name="Voorstellen").click()
    expect(page.get_by_text("Het voorstel is verstuurd")).to_be_visible()
    _logout(page)

    # 2. The organisation's proposal mail carries its link: accept.
    _deliver(journey_app)
    proposal_mail = _last_to(inbox, EMPLOYER)
    assert "Nieuw voorstel van een coach" in proposal_mail["Subject"]
    page.goto(_link(proposal_mail))
    assert_accessible()
    page.get_by_role("button", name="Voorstel accepteren").click()
    expect(page.get_by_role("heading", name="Dank u wel")).to_be_visible()
    expect(page.get_by_text("krijgt u vanzelf een nieuwe link")).to_be_visible()

    # 3. The next link came by itself: plan the kennismaking (tomorrow, 10:00).
    _deliver(journey_app)
    page.goto(_link(_last_to(inbox, EMPLOYER)))
    moment = f"{(today + timedelta(days=1)).isoformat()}T10:00"
    page.get_by_label("Datum en tijd van de kennismaking").fill(moment)
    page.get_by_label("Plaats van de kennismaking").fill("Molenstraat 12, Nijmegen")
    page.get_by_role("button", name="Kennismaking plannen").click()
    expect(page.get_by_role("heading", name="Dank u wel")).to_be_visible()
    _deliver(journey_app)
    for address in (EMPLOYER, COACH):  # the .ics goes to both sides
        invite = _invite(_last_to(inbox, address))
        assert invite is not None, address
        (event,) = invite.walk("VEVENT")
        assert str(event["location"]) == "Molenstraat 12, Nijmegen"

    # 4. The coach prints the invitation in Arabic and in Tigrinya.
    login_as(COACH)
    page.goto("/plaatsingen/")
    page.get_by_role("link", name=re.compile(first_name)).first.click()
    detail_url = page.url
    page.get_by_role("link", name="Uitnodiging maken").click()
    assert_accessible()
    for code, lang, direction, greeting in (("ar", "ar", "rtl", "مرحبًا"),
                                            ("ti", "ti", "ltr", "ሰላም")):
        page.get_by_label("Taal van de uitnodiging").select_option(code)
        page.get_by_role("button", name="Toon uitnodiging").click()
        letter = page.locator("article.kk-letter")
        expect(letter).to_have_attribute("lang", lang)
        expect(letter).to_have_attribute("dir", direction)
        expect(letter).to_contain_text(greeting)
        expect(letter).to_contain_text("Molenstraat 12, Nijmegen")
        expect(page.get_by_text("Vertaling nog niet nagekeken")).to_be_visible()
        assert len(page.get_by_label(re.compile("Bericht")).input_value()) <= 300
        assert_accessible()
        page.emulate_media(media="print")  # what the printer gets: the letter, no menu
        expect(page.locator("header.kk-header")).to_be_hidden()
        expect(letter).to_be_visible()
        page.emulate_media(media="screen")
    _logout(page)

    # 5. The employer confirms the start with the link that came with the kennismaking;
    #    the end is pre-filled from the vacancy's four weeks.
    page.goto(_link(_last_to(inbox, EMPLOYER)))
    start_field = page.get_by_label("Eerste dag van de proefperiode")
    start_field.fill(today.isoformat())
    expect(page.get_by_label("Einde van de proefperiode (ongeveer)")).to_have_value(
        (today + timedelta(days=1, weeks=4)).isoformat())
    page.get_by_label("Einde van de proefperiode (ongeveer)").fill(
        (today + timedelta(weeks=4)).isoformat())
    page.get_by_role("button", name="Start proefperiode bevestigen").click()
    expect(page.get_by_role("heading", name="Dank u wel")).to_be_visible()

    # 6. ... and later 'Geplaatst' with the link that followed by itself.
    _deliver(journey_app)
    page.goto(_link(_last_to(inbox, EMPLOYER)))
    page.get_by_label("Wat is er afgesproken?").fill("Vrijwilligerscontract getekend.")
    page.get_by_role("button", name="Plaatsing bevestigen").click()
    expect(page.get_by_role("heading", name="Dank u wel")).to_be_visible()
    assert_accessible()

    # 7. The check-ins appear for both: the coach's start page and placement page, and
    #    the employer's first-day mail from the daily reminders.
    with journey_app.app_context():
        send_reminders()
    _deliver(journey_app)
    assert "Hoe ging de eerste dag" in _last_to(inbox, EMPLOYER)["Subject"]
    login_as(COACH)
    expect(page.get_by_role("heading", name="Terugkoppeling bij plaatsingen")).to_be_visible()
    page.goto(detail_url)
    expect(page.get_by_role("heading",
                            name="Eerste dag: terugkoppeling van de deelnemer")).to_be_visible()
    expect(page.get_by_role("heading",
                            name="Eerste dag: terugkoppeling van de organisatie")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Geplaatst")).to_have_count(1)
    assert_accessible()


def test_from_a_vacancy_to_people_is_accessible(journey_app, live_server, login_as,  # noqa: F811
                                                page: Page, assert_accessible) -> None:
    with journey_app.app_context():
        vacancy = db.session.scalars(select(Vacancy).where(
            Vacancy.status == VacancyStatus.PUBLISHED).order_by(Vacancy.id)).first()
        assert vacancy is not None
        vacancy_id = vacancy.id
    login_as(COACH)
    page.goto(f"/vacatures/{vacancy_id}")
    page.get_by_role("link", name="Welke van mijn deelnemers passen hier?").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Wie past bij")
    counted = page.get_by_role("heading", name=re.compile(r"\d+ deelnemers? pas"))
    expect(counted.first).to_be_visible()
    assert_accessible()
    page.goto("/koppelen/groep")
    expect(page.get_by_text("Gepauzeerde deelnemers staan niet in de lijst")).to_be_visible()
    assert_accessible()
