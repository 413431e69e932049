"""Claim, run and record background jobs; safe with any number of jobs processes.

A process takes a job with one conditional UPDATE on its `JobRun` row: only when the
run is due and no living lease holds it. The database decides which process wins, on
SQLite and PostgreSQL alike, so two jobs processes never run the same job at once nor
the same due run twice; a crashed run frees the job when its lease expires.

The jobs call the same click commands an operator runs by hand (`flask outbox send`,
`flask checkins notify`, `flask privacy retention`), so changes to those flow in here.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import click
from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError

from marketplace.extensions import db
from marketplace.models import JobRun

log = logging.getLogger(__name__)

RESULT_MAX = 2000


@dataclass(frozen=True)
class Outcome:
    ok: bool
    summary: str


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    run: Callable[[], Outcome]
    # Longer than the job can take: while it holds, no other process starts the job.
    lease: timedelta = timedelta(minutes=15)


def runner_id() -> str:
    """Which process runs a job: host and process id (no person in it)."""
    return f"{socket.gethostname()}:{os.getpid()}"[:120]


def now_utc() -> datetime:
    return datetime.now(UTC)


def run_click_command(command: click.Command, args: Sequence[str] = ()) -> Outcome:
    """Run a CLI command in this app context; its output is the job's result."""
    output = io.StringIO()
    ok = True
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        try:
            command.main(list(args), prog_name=command.name, standalone_mode=False)
        except click.ClickException as error:
            output.write(error.format_message())
            ok = False
        except SystemExit as error:  # `raise SystemExit(1)` reports partial failure
            ok = error.code in (0, None)
    return Outcome(ok=ok, summary=output.getvalue().strip()[:RESULT_MAX])


def _ensure_rows(jobs: Sequence[Job], now: datetime) -> None:
    """One row per job, due at once; a row another process inserted first is fine."""
    known = set(db.session.scalars(select(JobRun.name)))
    for job in jobs:
        if job.name in known:
            continue
        try:
            db.session.add(JobRun(name=job.name, due_at=now, runs=0))
            db.session.commit()
        except IntegrityError:
            db.session.rollback()


def claim(job: Job, me: str, now: datetime) -> bool:
    """Take this job's due run, or learn that it is not due or another process has it."""
    taken = db.session.execute(
        update(JobRun)
        .where(
            JobRun.name == job.name,
            JobRun.due_at <= now,
            or_(JobRun.leased_until.is_(None), JobRun.leased_until < now),
        )
        .values(leased_until=now + job.lease, runner=me, started_at=now,
                due_at=now + job.every, runs=JobRun.runs + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return bool(taken.rowcount == 1)  # type: ignore[attr-defined]


def _record(job: Job, me: str, outcome: Outcome) -> None:
    db.session.execute(
        update(JobRun)
        .where(JobRun.name == job.name, JobRun.runner == me)
        .values(leased_until=None, finished_at=now_utc(), ok=outcome.ok,
                result=outcome.summary[:RESULT_MAX])
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def run_job(job: Job, me: str) -> Outcome:
    """Run one claimed job and record how it went; an error is recorded, never raised."""
    started = time.perf_counter()
    try:
        outcome = job.run()
    except Exception as error:  # one failing job must not stop the others
        db.session.rollback()
        log.exception("job %s failed", job.name)
        outcome = Outcome(ok=False, summary=f"{type(error).__name__}: {error}")
    _record(job, me, outcome)
    log.info("job %s finished", job.name, extra={
        "job": job.name, "ok": outcome.ok,
        "duration_ms": round((time.perf_counter() - started) * 1000)})
    return outcome


def run_due(jobs: Sequence[Job], me: str | None = None) -> list[str]:
    """Run every job that is due and that this process wins; the names it ran."""
    me = me or runner_id()
    now = now_utc()
    _ensure_rows(jobs, now)
    ran = []
    for job in jobs:
        if claim(job, me, now):
            run_job(job, me)
            ran.append(job.name)
    return ran


def run_forever(jobs: Sequence[Job], stop: threading.Event, tick: float) -> None:
    """Look for due jobs every `tick` seconds until `stop` is set (SIGTERM)."""
    me = runner_id()
    while not stop.is_set():
        try:
            run_due(jobs, me)
        except Exception:  # the database is away: try again next tick
            db.session.rollback()
            log.exception("jobs round failed")
        finally:
            db.session.remove()
        stop.wait(tick)


def job_runs() -> list[JobRun]:
    """Every job's row, for the admin page."""
    return list(db.session.scalars(select(JobRun).order_by(JobRun.name)))
