"""`flask vacancies import FILE [--dry-run]` and `flask vacancies export FILE`.

The format follows the file's extension (.csv or .xlsx). Problems are printed one a
line on standard error as ``row N, column X: message``; the exit status is then 2
and nothing is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import AppGroup

from marketplace.services.vacancies import import_rows as importer
from marketplace.services.vacancies.export import FORMATS, export_file
from marketplace.services.vacancies.files import ImportFileError, read_file

vacancies_cli = AppGroup("vacancies", help="Vacatures importeren en exporteren (CSV of XLSX).")


def _fail(lines: list[str]) -> None:
    for line in lines:
        click.echo(line, err=True)
    sys.exit(2)


def _decisions(report: importer.ImportReport, skip_duplicates: bool) -> dict[str, str]:
    if not skip_duplicates:
        return {}
    return {f"row:{choice.row}": importer.SKIP for choice in report.vacancy_choices}


@vacancies_cli.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Alleen controleren; niets opslaan.")
@click.option("--centrale", "centre_key", default=None,
              help="Sleutel van de vrijwilligerscentrale die nieuwe organisaties beheert.")
@click.option("--skip-duplicates", is_flag=True,
              help="Rijen die op een bestaande vacature lijken overslaan.")
def import_command(path: Path, dry_run: bool, centre_key: str | None,
                   skip_duplicates: bool) -> None:
    """Check FILE and import all of its vacancies, or none when anything is wrong."""
    try:
        parsed = read_file(path.name, path.read_bytes())
        scope = importer.scope_for_command_line(centre_key)
    except OSError as error:
        _fail([f"{path}: {error.strerror or error}"])
    except ImportFileError as error:
        _fail([f"{path}: {error.message}"])
    report = importer.check_rows(parsed.rows, scope)
    decisions = _decisions(report, skip_duplicates)
    problems = report.problems + importer.undecided(report, decisions)
    if problems:
        _fail([problem.line() for problem in problems])
    for notice in parsed.notices:
        click.echo(notice, err=True)
    if dry_run:
        click.echo(f"Gecontroleerd: {len(parsed.rows)} rijen zonder fouten; niets opgeslagen "
                   f"(--dry-run).")
        return
    try:
        summary = importer.commit_rows(parsed.rows, scope, decisions)
    except importer.ImportRefused as refused:  # the database changed since the check
        _fail([problem.line() for problem in refused.problems])
    click.echo(
        f"Geïmporteerd: {summary.created} nieuw, {summary.updated} bijgewerkt, "
        f"{summary.skipped} overgeslagen, {summary.organisations_created} nieuwe organisaties."
    )


@vacancies_cli.command("export")
@click.argument("path", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def export_command(path: Path) -> None:
    """Write every vacancy to FILE in the import's format."""
    file_format = path.suffix.lower().lstrip(".")
    if file_format not in FORMATS:
        raise click.UsageError("Gebruik een bestandsnaam die eindigt op .csv of .xlsx.")
    exported = export_file(None, file_format)
    path.write_bytes(exported.content)
    click.echo(f"{path}: {exported.count} vacatures geëxporteerd.")
