"""Mail that cannot be poisoned (issue 15, item 3).

A line break in a text that reaches a header (a vacancy title, an organisation's or a
participant's name) once made `flask outbox send` raise at that row on every run, so
that mail and all later mail stayed unsent with `attempts = 0`; and 200 refused
addresses at the head of the outbox blocked all newer mail. Everything here goes
through a real SMTP server (aiosmtpd on 127.0.0.1).
"""

from __future__ import annotations

from datetime import UTC, datetime

from marketplace.domain.vocabulary import Role
from marketplace.extensions import db as _db
from marketplace.models import OutboxMessage
from marketplace.services.placements.links import announce_proposal
from marketplace.services.platform.outbox import enqueue, single_line
from tests.builders import (
    make_organisation,
    make_participant,
    make_placement,
    make_user,
    make_vacancy,
)
from tests.mailserver import MAIL_SETTINGS, Inbox, outbox_rows, run_outbox, serve

EVIL_TITLE = "Kok\r\nBcc: boef@evil.test\r\n\r\nKlik hier"


def _poisoned_proposal() -> None:
    """A proposal whose vacancy title, organisation name and first name hold line breaks."""
    coach = make_user(Role.COACH, email="karin@test.nl")
    organisation = make_organisation(name="De Klimop\nX-Extra: ja")
    make_user(Role.ORGANISATION, organisation=organisation, email="lid@klimop.test")
    vacancy = make_vacancy(organisation, title=EVIL_TITLE)
    person = make_participant(coach, first_name="Amina\u2028Bcc: boef2@evil.test")
    announce_proposal(make_placement(person, vacancy))
    _db.session.commit()


def test_the_one_header_rule() -> None:
    assert single_line(" a\r\nb\tc\x00d\x1be\u2028f\u200bg  ", 100) == "a b c d e f g"
    assert single_line("x" * 50, 10) == "x" * 10


def test_line_breaks_in_titles_and_names_never_reach_a_header(db, mail_app, port) -> None:
    _poisoned_proposal()
    enqueue("coach@test.nl", "Daarna", "Dit moet ook aankomen.")
    _db.session.commit()
    with serve(port, Inbox()) as inbox:
        result = run_outbox(mail_app, "send")
    assert result.exit_code == 0, result.output
    assert "Verstuurd: 2. Mislukt: 0. Wachtend: 0." in result.output
    poisoned = inbox.messages[0]
    assert "\n" not in poisoned["Subject"] and "\r" not in poisoned["Subject"]
    assert "Kok Bcc: boef@evil.test Klik hier" in poisoned["Subject"]
    assert poisoned["Bcc"] is None and poisoned["X-Extra"] is None
    assert inbox.envelopes == [["lid@klimop.test"], ["coach@test.nl"]]


def test_a_row_queued_with_a_line_break_before_the_fix_is_still_sent(db, mail_app, port):
    # Rows written by an older version (or by hand) pass the same rule when they leave.
    _db.session.add(OutboxMessage(recipient="lid@klimop.test", subject="Kok\r\nBcc: b@e.test",
                                  body="Oud bericht."))
    enqueue("coach@test.nl", "Daarna", "Nieuw bericht.")
    _db.session.commit()
    with serve(port, Inbox()) as inbox:
        result = run_outbox(mail_app, "send")
    assert result.exit_code == 0, result.output
    assert [m["Subject"] for m in inbox.messages] == ["Kok Bcc: b@e.test", "Daarna"]


def test_a_bad_address_is_recorded_and_the_rest_goes(db, mail_app, port) -> None:
    _db.session.add(OutboxMessage(recipient="a@x.test, boef@evil.test", subject="Twee",
                                  body="Aan twee tegelijk?"))
    enqueue("coach@test.nl", "Daarna", "Nieuw bericht.")
    _db.session.commit()
    with serve(port, Inbox()) as inbox:
        result = run_outbox(mail_app, "send")
    assert result.exit_code == 0 and "Verstuurd: 1. Mislukt: 1." in result.output
    bad, good = outbox_rows()
    assert bad.sent_at is None and bad.attempts == 1 and "Ongeldig e-mailadres" in bad.last_error
    assert good.sent_at is not None and inbox.envelopes == [["coach@test.nl"]]


def test_a_refused_recipient_backs_off_and_is_given_up(db, make_app, port) -> None:
    app = make_app(SMTP_PORT=port, MAIL_MAX_ATTEMPTS=3, MAIL_RETRY_SECONDS=3600, **MAIL_SETTINGS)
    enqueue("weg@test.nl", "Onbestelbaar", "…")
    enqueue("coach@test.nl", "Goed", "…")
    _db.session.commit()
    with serve(port, Inbox(refuse="weg@test.nl")) as inbox:
        first = run_outbox(app, "send")
        assert first.exit_code == 0, first.output  # one refusal is not a failed run
        assert "Verstuurd: 1. Mislukt: 1. Wachtend: 1." in first.output
        refused, sent = outbox_rows()
        assert refused.attempts == 1 and "550" in refused.last_error
        assert refused.next_attempt_at is not None
        assert sent.sent_at is not None
        # Waiting out its backoff: the next run does not touch it.
        assert "Verstuurd: 0. Mislukt: 0." in run_outbox(app, "send").output
        assert outbox_rows()[0].attempts == 1
        outputs = []
        for expected_attempts in (2, 3):
            _make_due(refused.id)
            outputs.append(run_outbox(app, "send").output)
            assert outbox_rows()[0].attempts == expected_attempts
        _make_due(refused.id)
        assert "Verstuurd: 0. Mislukt: 0." in run_outbox(app, "send").output  # given up
    assert "Opgegeven" not in outputs[0]
    assert "Opgegeven na te veel pogingen: 1" in outputs[1]
    refused = outbox_rows()[0]
    assert refused.dead_at is not None and refused.sent_at is None and refused.attempts == 3
    assert "Wachtend: 0. Opgegeven: 1." in run_outbox(app, "status").output
    assert [m["To"] for m in inbox.messages] == ["coach@test.nl"]


def _make_due(message_id: int) -> None:
    message = _db.session.get(OutboxMessage, message_id)
    message.next_attempt_at = datetime(2000, 1, 1, tzinfo=UTC)
    _db.session.commit()


def test_refused_addresses_at_the_head_do_not_block_newer_mail(db, mail_app, port) -> None:
    refused = {f"weg{n}@test.nl" for n in range(3)}
    for address in sorted(refused):
        enqueue(address, "Onbestelbaar", "…")
    enqueue("coach@test.nl", "Nieuw", "…")
    _db.session.commit()
    with serve(port, Inbox(refuse=refused)) as inbox:
        first = run_outbox(mail_app, "send", "--limit", "3")
        second = run_outbox(mail_app, "send", "--limit", "3")
    assert "Verstuurd: 0. Mislukt: 3." in first.output
    assert "Verstuurd: 1. Mislukt: 0." in second.output, second.output
    assert [m["To"] for m in inbox.messages] == ["coach@test.nl"]


def test_the_administrator_sees_mail_that_does_not_arrive(db, client, login) -> None:
    admin = make_user(Role.ADMIN, email="beheer@test.nl")
    login(admin)
    empty = client.get("/beheer/e-mail").get_data(as_text=True)
    assert "Er zijn geen problemen." in empty
    failing = enqueue("weg@test.nl", "Onbestelbaar", "…")
    failing.attempts, failing.last_error = 2, "SMTPRecipientsRefused: 550 Onbekende ontvanger"
    failing.last_attempt_at = datetime.now(UTC)
    dead = enqueue("ook-weg@test.nl", "Opgegeven", "…")
    dead.attempts, dead.last_error = 8, "SMTPRecipientsRefused: 550"
    dead.dead_at = dead.last_attempt_at = datetime.now(UTC)
    enqueue("coach@test.nl", "Wacht nog", "…")
    _db.session.commit()
    html = client.get("/beheer/e-mail").get_data(as_text=True)
    assert "weg@test.nl" in html and "ook-weg@test.nl" in html and "Opgegeven op" in html
    assert html.index("ook-weg@test.nl") < html.index(">weg@test.nl")  # given up first
    assert "coach@test.nl" not in html  # waiting without a failure is no problem
    assert "/beheer/e-mail" in client.get("/beheer/auditlog").get_data(as_text=True)
