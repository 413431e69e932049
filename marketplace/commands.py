"""Command-line commands: `flask seed` (and the blueprints' own groups)."""

from __future__ import annotations

import click
from flask import Flask, current_app

from marketplace.services.demo_region import load_demo_region


@click.command("seed")
def seed_command() -> None:
    """Load the fictitious demo region into an empty database (safe to run twice)."""
    if current_app.config["KOPPELKANS_ENV"] == "production":
        raise click.ClickException("Geen demo-gegevens in productie (KOPPELKANS_ENV=production).")
    summary = load_demo_region()
    if not summary.loaded:
        click.echo("De database bevat al gegevens; er is niets geladen.")
        return
    click.echo(
        f"Demoregio geladen: {summary.organisations} organisaties, {summary.vacancies} "
        f"vacatures, {summary.participants} deelnemers, {summary.accounts} accounts."
    )
    if summary.weights_version is not None:
        click.echo(f"{summary.simulated_outcomes} nagebootste uitkomsten van voorstellen; "
                   f"daaruit geleerde gewichten staan als versie {summary.weights_version} "
                   f"in gebruik.")


def register(app: Flask) -> None:
    from marketplace.geo import geo_cli
    from marketplace.jobs.cli import jobs_cli
    from marketplace.matches.cli import matching_cli
    from marketplace.participants.cli import privacy_cli
    from marketplace.placements.cli import checkins_cli, outbox_cli
    from marketplace.vacancies.cli import vacancies_cli

    app.cli.add_command(seed_command)
    app.cli.add_command(geo_cli)
    app.cli.add_command(vacancies_cli)
    app.cli.add_command(outbox_cli)
    app.cli.add_command(checkins_cli)
    app.cli.add_command(privacy_cli)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(matching_cli)
