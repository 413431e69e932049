"""`flask outbox send|status` and `flask checkins notify`: run them from cron or a timer."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from marketplace.services.placements import checkins
from marketplace.services.platform import outbox

outbox_cli = AppGroup("outbox", help="Uitgaande e-mail in de outbox.")
checkins_cli = AppGroup("checkins", help="Terugkoppelingen van lopende plaatsingen.")


@outbox_cli.command("send")
@click.option("--limit", default=200, show_default=True, help="Hoogstens zoveel berichten.")
def send_command(limit: int) -> None:
    """Send the mail that is due over SMTP (SMTP_HOST, SMTP_PORT, ...); failures are
    tried again later and given up after MAIL_MAX_ATTEMPTS."""
    try:
        report = outbox.send_pending(limit=limit)
    except outbox.MailNotConfigured as error:
        raise click.ClickException(
            f"{error} Er wachten {outbox.pending_count()} berichten; er is niets verstuurd."
        ) from None
    click.echo(f"Verstuurd: {report.sent}. Mislukt: {report.failed}. Wachtend: {report.waiting}.")
    if report.dead:
        click.echo(f"Opgegeven na te veel pogingen: {report.dead} (zie /beheer/e-mail).")
    # A message that fails by itself waits for its next attempt and does not fail the
    # run; a server that cannot be reached does, so cron reports it.
    if report.server_down:
        raise SystemExit(1)


@outbox_cli.command("status")
def status_command() -> None:
    """How many messages wait in the outbox."""
    click.echo(f"Wachtend: {outbox.pending_count()}. Opgegeven: {outbox.dead_count()}.")


@checkins_cli.command("notify")
def notify_command() -> None:
    """Queue one reminder per due or overdue check-in (mail and in the app)."""
    report = checkins.send_reminders()
    click.echo(f"Herinneringen: {report.reminders}. Links voor de uitkomst: "
               f"{report.outcome_links}.")
