"""Which jobs `flask jobs run` runs, and how often."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app

from marketplace.domain.vocabulary import N_
from marketplace.jobs.runner import Job, Outcome, run_click_command

# Dutch labels for the admin page; the job names are the rows' keys.
JOB_LABELS = {
    "outbox": N_("E-mail versturen (outbox)"),
    "checkins": N_("Herinneringen voor terugkoppelingen"),
    "retention": N_("Bewaartermijn (AVG)"),
    "ranking": N_("Matching-index bijwerken"),
}


def _send_outbox() -> Outcome:
    from marketplace.placements.cli import outbox_cli

    return run_click_command(outbox_cli.commands["send"])


def _checkin_reminders() -> Outcome:
    from marketplace.placements.cli import checkins_cli

    return run_click_command(checkins_cli.commands["notify"])


def _retention() -> Outcome:
    from marketplace.participants.cli import privacy_cli

    return run_click_command(privacy_cli.commands["retention"])


def _refresh_ranking() -> Outcome:
    from marketplace.services.matching.index import vacancy_index

    index = vacancy_index()  # refits only when the published vacancies changed
    return Outcome(ok=True, summary=f"{len(index)} vacatures in de index.")


def _without_mail() -> Outcome:
    return Outcome(ok=True, summary="SMTP_HOST is niet ingesteld; de e-mail wacht in de outbox.")


def default_jobs() -> list[Job]:
    """The jobs of a deployment; mail only when an SMTP server is configured."""
    mail = _send_outbox if current_app.config.get("SMTP_HOST") else _without_mail
    return [
        Job("outbox", timedelta(minutes=1), mail),
        Job("checkins", timedelta(days=1), _checkin_reminders),
        Job("retention", timedelta(days=1), _retention),
        Job("ranking", timedelta(minutes=1), _refresh_ranking),
    ]
