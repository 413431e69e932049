"""`flask geo import FILE` and `flask geo lookup POSTCODE... | -`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click
from flask.cli import AppGroup

from marketplace.geo.importer import (
    parse_geonames_file,
    read_geonames_text,
    replace_imported_postcodes,
)
from marketplace.geo.resolver import resolve_postcode
from matching.geo import normalise_postcode

# Exit status for bad input, as click uses for usage errors.
EXIT_BAD_INPUT = 2

geo_cli = AppGroup("geo", help="Postcode coordinates: import GeoNames centroids, look up.")


@geo_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_command(file: Path) -> None:
    """Replace the imported postcodes with FILE (GeoNames postal-code format, or NL.zip).

    Every row is checked first; with any problem nothing changes and the exit status is 2.
    """
    try:
        text = read_geonames_text(file)
    except (UnicodeDecodeError, ValueError) as error:
        click.echo(f"{file}: cannot read: {error}", err=True)
        click.get_current_context().exit(EXIT_BAD_INPUT)
    parsed = parse_geonames_file(text)
    if parsed.problems:
        for problem in parsed.problems:
            click.echo(f"{file}: {problem}", err=True)
        click.echo(f"{len(parsed.problems)} problem(s); nothing was imported.", err=True)
        click.get_current_context().exit(EXIT_BAD_INPUT)
    summary = replace_imported_postcodes(parsed.table)
    click.echo(
        f"Imported {summary.postcodes} postcodes from {parsed.rows} rows of {file.name} "
        f"(replacing {summary.replaced})."
    )


def _postcodes(arguments: tuple[str, ...]) -> Iterator[str]:
    for argument in arguments:
        if argument == "-":
            for line in sys.stdin:
                text = line.rstrip("\r\n")
                if text.strip():
                    yield text
        else:
            yield argument


def format_lookup(postcode: str) -> tuple[str, bool]:
    """One output line for a postcode, and whether it resolved."""
    if normalise_postcode(postcode) is None:
        return f"{postcode}\tinvalid", False
    point = resolve_postcode(postcode)
    if point is None:  # cannot happen with the embedded table, which has 1000-9999
        return f"{postcode}\tunknown", False
    return f"{postcode}\t{point.lat:.5f}\t{point.lon:.5f}\t{point.precision}", True


@geo_cli.command("lookup")
@click.argument("postcodes", nargs=-1, required=True)
def lookup_command(postcodes: tuple[str, ...]) -> None:
    """Print postcode, latitude, longitude and precision, tab-separated, per postcode.

    Give postcodes as arguments or `-` to read them one per line from standard input.
    An invalid postcode prints `invalid` (an unknown one `unknown`); the exit status
    is then 2, after every line has been printed.
    """
    all_found = True
    for postcode in _postcodes(postcodes):
        line, found = format_lookup(postcode)
        click.echo(line)
        all_found = all_found and found
    if not all_found:
        click.get_current_context().exit(EXIT_BAD_INPUT)
