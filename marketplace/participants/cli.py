"""`flask privacy retention`: erase participants whose trajectory closed long ago."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from marketplace.services.participants import privacy

privacy_cli = AppGroup("privacy", help="AVG: bewaartermijn van deelnemersgegevens.")


@privacy_cli.command("retention")
@click.option("--years", type=click.IntRange(min=0), default=None,
              help="Bewaartermijn in jaren na afsluiten (standaard RETENTION_YEARS).")
@click.option("--dry-run", is_flag=True, help="Alleen tonen wie in aanmerking komt.")
def retention_command(years: int | None, dry_run: bool) -> None:
    """Erase the personal data of participants closed longer ago than the period."""
    period = years if years is not None else int(current_app.config["RETENTION_YEARS"])
    result = privacy.retention(period, dry_run=dry_run)
    verb = "komen in aanmerking" if dry_run else "zijn verwijderd"
    click.echo(f"Bewaartermijn {period} jaar: afgesloten vóór {result.cutoff.isoformat()}.")
    click.echo(f"{len(result.refs)} deelnemers {verb}.")
    for ref in result.refs:
        click.echo(f"  {ref}")
    click.echo(f"Verstuurde e-mail van vóór {result.mail_cutoff:%Y-%m-%d}: tekst van "
               f"{result.mail_purged} berichten {'te legen' if dry_run else 'geleegd'}.")
    if dry_run:
        click.echo("Proefrun: er is niets gewijzigd.")
