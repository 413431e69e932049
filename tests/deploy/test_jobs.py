"""`flask jobs run`: each due job is taken by exactly one process, runs the same commands
an operator would, and leaves its last result for the admin."""

from __future__ import annotations

import socket
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import Message

from aiosmtpd.controller import Controller
from sqlalchemy import select

from marketplace.domain.vocabulary import Role
from marketplace.extensions import db as _db
from marketplace.jobs import runner
from marketplace.jobs.runner import Job, Outcome
from marketplace.jobs.schedule import default_jobs
from marketplace.models import JobRun, OutboxMessage
from marketplace.services.platform.outbox import enqueue
from tests.builders import make_user


def _job(name: str = "probe", calls: list[str] | None = None, every: float = 60) -> Job:
    def run() -> Outcome:
        if calls is not None:
            calls.append(name)
        return Outcome(ok=True, summary="klaar")

    return Job(name, timedelta(seconds=every), run)


def test_two_processes_never_take_the_same_run(db) -> None:
    calls: list[str] = []
    job = _job(calls=calls)
    assert runner.run_due([job], me="host-a:1") == ["probe"]
    assert runner.run_due([job], me="host-b:2") == []  # not due again for a minute
    assert calls == ["probe"]
    row = db.get(JobRun, "probe")
    assert (row.ok, row.result, row.runs, row.runner) == (True, "klaar", 1, "host-a:1")


def test_a_leased_job_is_not_taken_until_the_lease_expires(db) -> None:
    job = _job(every=0)
    now = runner.now_utc()
    runner.run_due([], me="x")  # no rows yet
    db.add(JobRun(name="probe", due_at=now, runs=0))
    db.commit()
    assert runner.claim(job, "host-a:1", now)  # host a crashes while running it
    assert not runner.claim(job, "host-b:2", now + timedelta(minutes=5))
    assert runner.claim(job, "host-b:2", now + job.lease + timedelta(seconds=1))


def test_a_failing_job_is_recorded_and_the_others_still_run(db) -> None:
    def broken() -> Outcome:
        raise RuntimeError("SMTP weg")

    calls: list[str] = []
    runner.run_due([Job("broken", timedelta(minutes=1), broken), _job(calls=calls)], me="a:1")
    row = db.get(JobRun, "broken")
    assert row.ok is False and "SMTP weg" in row.result and row.leased_until is None
    assert calls == ["probe"]


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_outbox_job_sends_through_the_outbox_command_once(db, make_app) -> None:
    port = _free_port()
    mail_app = make_app(SMTP_HOST="127.0.0.1", SMTP_PORT=port, SMTP_STARTTLS=False,
                        SMTP_TIMEOUT=5)
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with mail_app.app_context():
            enqueue("coach@example.nl", "Voorstel", "Er is een voorstel.")
            _db.session.commit()
            jobs = [job for job in default_jobs() if job.name == "outbox"]
            assert runner.run_due(jobs, me="a:1") == ["outbox"]
            assert runner.run_due(jobs, me="b:2") == []
            row = _db.session.get(JobRun, "outbox")
            assert row.ok is True and "Verstuurd: 1" in row.result
            _db.session.remove()
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    assert db.scalar(select(OutboxMessage.sent_at)) is not None


def test_without_smtp_the_mail_job_says_the_mail_waits(db) -> None:
    enqueue("coach@example.nl", "Voorstel", "Tekst")
    db.commit()
    runner.run_due([job for job in default_jobs() if job.name == "outbox"], me="a:1")
    assert "wacht" in db.get(JobRun, "outbox").result
    assert db.scalar(select(OutboxMessage.sent_at)) is None


def test_jobs_run_once_runs_every_due_job(runner_cli, db) -> None:
    result = runner_cli.invoke(args=["jobs", "run", "--once"])
    assert result.exit_code == 0, result.output
    assert "outbox, checkins, retention, ranking" in result.output
    assert {row.name: row.ok for row in db.scalars(select(JobRun))} == {
        "outbox": True, "checkins": True, "retention": True, "ranking": True}
    status = runner_cli.invoke(args=["jobs", "status"])
    assert "ranking\tok" in status.output


def test_the_admin_sees_each_jobs_last_result(client, db, login) -> None:
    runner.run_due([_job()], me="a:1")
    page = login(make_user(Role.ADMIN)).get("/beheer/taken/")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Achtergrondtaken" in text and "klaar" in text and "Gelukt" in text
