"""`flask jobs run` (the jobs process) and `flask jobs status`."""

from __future__ import annotations

import dataclasses
import logging
import signal
import threading
from datetime import timedelta
from types import FrameType

import click
from flask import current_app
from flask.cli import AppGroup

from marketplace.jobs import runner, schedule

log = logging.getLogger(__name__)

jobs_cli = AppGroup("jobs", help="Achtergrondtaken: e-mail, herinneringen, bewaartermijn.")


def _stop_on_signals() -> threading.Event:
    """SIGTERM/SIGINT finish the running job, then stop (systemd's graceful stop)."""
    stop = threading.Event()

    def handle(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)
    return stop


@jobs_cli.command("run")
@click.option("--once", is_flag=True, help="Eén ronde: doe wat nu aan de beurt is en stop.")
@click.option("--tick", type=click.FloatRange(min=0.1), default=5.0, show_default=True,
              envvar="JOBS_TICK", help="Seconden tussen twee rondes (JOBS_TICK).")
@click.option("--mail-every", type=click.FloatRange(min=1), default=60.0, show_default=True,
              envvar="JOBS_MAIL_EVERY",
              help="Seconden tussen twee keer e-mail versturen (JOBS_MAIL_EVERY).")
def run_command(once: bool, tick: float, mail_every: float) -> None:
    """Run the background jobs; any number of these processes may run side by side."""
    from marketplace.production import require_production_settings

    require_production_settings(current_app.config)
    jobs = [
        dataclasses.replace(job, every=timedelta(seconds=mail_every))
        if job.name == "outbox" else job
        for job in schedule.default_jobs()
    ]
    if once:
        ran = runner.run_due(jobs)
        click.echo(f"Uitgevoerd: {', '.join(ran) or 'niets'}.")
        return
    log.info("jobs process started", extra={"tick_seconds": tick, "mail_seconds": mail_every})
    runner.run_forever(jobs, _stop_on_signals(), tick)


@jobs_cli.command("status")
def status_command() -> None:
    """Each job's last run and result, tab-separated."""
    for row in runner.job_runs():
        state = {True: "ok", False: "mislukt", None: "-"}[row.ok]
        finished = row.finished_at.isoformat() if row.finished_at else "-"
        last_line = (row.result or "").strip().splitlines()[-1:] or [""]
        click.echo(f"{row.name}\t{state}\t{finished}\t{last_line[0]}")
