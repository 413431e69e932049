"""The whole journey in Chromium: propose → accept → kennismaking → proefperiode confirmed
by the employer through the e-mailed link → placed → first-day check-in.

This module serves its own copy of the demo region (overriding `live_server`), with SMTP
pointing at a real aiosmtpd server, so the link is taken from a mail that
`flask outbox send`'s code path actually delivered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy import select

from marketplace.domain.vocabulary import ConsentPurpose, ParticipantStatus, VacancyStatus
from marketplace.extensions import db
from marketplace.models import Participant, User, Vacancy
from marketplace.services.platform.outbox import send_pending
from tests.e2e.conftest import demo_region_app, mail_to, served
from tests.mailserver import Inbox

pytestmark = pytest.mark.e2e

EMPLOYER = "werkgever@klimop.example"


@pytest.fixture(scope="module")
def journey_app(tmp_path_factory: pytest.TempPathFactory, smtp_inbox) -> Flask:
    return demo_region_app(tmp_path_factory.mktemp("journey") / "journey.db",
                           **mail_to(smtp_inbox[0]))


@pytest.fixture(scope="module")
def live_server(journey_app: Flask) -> Iterator[str]:
    with served(journey_app) as base_url:
        yield base_url


def _pair(app: Flask) -> tuple[int, int]:
    """A participant of coach@demo.nl who consents to sharing, and a vacancy with room at
    the organisation of organisatie2@demo.nl."""
    with app.app_context():
        coach = db.session.scalars(select(User).where(User.email == "coach@demo.nl")).one()
        member = db.session.scalars(
            select(User).where(User.email == "organisatie2@demo.nl")).one()
        person = next(
            p for p in db.session.scalars(select(Participant).where(
                Participant.coach_id == coach.id,
                Participant.status == ParticipantStatus.ACTIVE).order_by(Participant.id))
            if p.consent_given(ConsentPurpose.SHARING)
        )
        vacancy = db.session.scalars(select(Vacancy).where(
            Vacancy.organisation_id == member.organisation_id,
            Vacancy.status == VacancyStatus.PUBLISHED,
            Vacancy.filled < Vacancy.capacity).order_by(Vacancy.id)).first()
        assert vacancy is not None, "the demo region has a vacancy with room at De Klimop"
        return person.id, vacancy.id


def _logout(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/login**")


def _mailed_link(app: Flask, inbox: Inbox) -> str:
    with app.app_context():
        report = send_pending()
    assert report.failed == 0 and report.sent >= 1
    mail = next(m for m in reversed(inbox.messages) if m["To"] == EMPLOYER)
    match = re.search(r"http://\S+/bevestigen/\S+", mail.get_content())
    assert match, mail.get_content()
    return match.group(0)


def test_from_proposal_to_first_day(journey_app, smtp_inbox, live_server, login_as,
                                    page: Page, assert_accessible) -> None:
    person_id, vacancy_id = _pair(journey_app)
    today = date.today()

    # The coach proposes (issue 7's page).
    login_as("coach@demo.nl")
    page.goto(f"/koppelen/deelnemers/{person_id}/voorstel/{vacancy_id}")
    page.get_by_label("Bericht aan de organisatie").fill("Zij wil graag koken en Nederlands "
                                                         "oefenen.")
    reason = page.get_by_label("Waarom stelt u deze plek toch voor?")
    if reason.count():
        reason.fill("Besproken met de organisatie.")
    page.get_by_role("button", name="Voorstellen").click()
    expect(page.get_by_text("Het voorstel is verstuurd")).to_be_visible()
    _logout(page)

    # The organisation accepts and plans the kennismaking.
    login_as("organisatie2@demo.nl")
    page.get_by_role("link", name="Plaatsingen", exact=True).click()
    expect(page.get_by_role("table", name=re.compile("Voorgesteld"))).to_be_visible()
    assert_accessible()
    page.get_by_role("table", name=re.compile("Voorgesteld")).get_by_role("link").first.click()
    expect(page.get_by_text("Zij wil graag koken")).to_be_visible()
    assert_accessible()
    page.get_by_role("button", name="Voorstel accepteren").click()
    expect(page.get_by_text("U heeft het voorstel geaccepteerd")).to_be_visible()
    detail_url = page.url
    page.get_by_label("Datum en tijd van de kennismaking").fill(  # never in the past
        f"{(today + timedelta(days=1)).isoformat()}T10:00")
    page.get_by_label("Plaats van de kennismaking").fill("Wijkcentrum, zaal 2")
    page.get_by_role("button", name="Kennismaking plannen").click()
    expect(page.get_by_text("De kennismaking is gepland")).to_be_visible()
    assert_accessible()
    _logout(page)

    # The coach mails the employer a link; the employer confirms the proefperiode.
    login_as("coach@demo.nl")
    page.goto(detail_url)
    assert_accessible()
    page.get_by_label("E-mailadres van de werkgever").fill(EMPLOYER)
    page.get_by_role("button", name="Link mailen").click()
    expect(page.get_by_text(f"De link gaat per e-mail naar {EMPLOYER}")).to_be_visible()
    _logout(page)
    link = _mailed_link(journey_app, smtp_inbox[1])
    page.goto(link)
    expect(page.get_by_role("heading", name="Wat wilt u bevestigen?")).to_be_visible()
    assert_accessible()
    page.get_by_label("Eerste dag van de proefperiode").fill(today.isoformat())
    page.get_by_label("Einde van de proefperiode (ongeveer)").fill(
        (today + timedelta(days=56)).isoformat())
    page.get_by_role("button", name="Start proefperiode bevestigen").click()
    expect(page.get_by_role("heading", name="Dank u wel")).to_be_visible()
    assert_accessible()
    page.goto(link)
    expect(page.get_by_text("Deze link is al gebruikt")).to_be_visible()

    # The organisation confirms the placement.
    login_as("organisatie2@demo.nl")
    page.goto(detail_url)
    page.get_by_label("Wat is er afgesproken?").fill("Vrijwilligerscontract getekend.")
    page.get_by_role("button", name="Plaatsing bevestigen").click()
    expect(page.get_by_text("De plaatsing is bevestigd")).to_be_visible()
    _logout(page)

    # The coach sees the first-day check-in on the start page and fills it in.
    login_as("coach@demo.nl")
    expect(page.get_by_role("heading", name="Terugkoppeling bij plaatsingen")).to_be_visible()
    assert_accessible()
    page.get_by_role("region", name="Terugkoppeling bij plaatsingen").get_by_role(
        "link").first.click()
    first_day = page.get_by_role("region", name="Eerste dag: terugkoppeling van de deelnemer")
    first_day.get_by_label("Hoe ging het?").fill("Ze vond het een fijne eerste dag.")
    first_day.get_by_role("button", name="Terugkoppeling opslaan").click()
    expect(page.get_by_text("De terugkoppeling is opgeslagen")).to_be_visible()
    expect(page.get_by_text("Ze vond het een fijne eerste dag.")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Geplaatst")).to_have_count(1)
    assert_accessible()
    page.get_by_role("link", name=re.compile("Meldingen")).click()
    expect(page.get_by_text("De proefperiode van")).to_be_visible()
    assert_accessible()
