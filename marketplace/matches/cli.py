"""`flask matching learn`: learn the component weights from the region's outcomes."""

from __future__ import annotations

import click
from flask.cli import AppGroup

import matching
from marketplace.services.matching import weights
from marketplace.services.matching.ranking import COMPONENT_LABELS

matching_cli = AppGroup("matching", help="Koppelen: gewichten leren uit uitkomsten.")


def _weights_text(values: dict[str, float]) -> str:
    return ", ".join(f"{COMPONENT_LABELS[name].lower()} {values[name]:.2f}".replace(".", ",")
                     for name in matching.COMPONENTS)


@matching_cli.command("learn")
@click.option("--min-comparisons", type=click.IntRange(min=1), default=weights.MIN_COMPARISONS,
              show_default=True, help="Minimaal aantal vergelijkingen om te leren.")
def learn_command(min_comparisons: int) -> None:
    """Learn the weights from proposals' outcomes; store them when there are enough."""
    result = weights.learn(threshold=min_comparisons)
    click.echo(f"Uitkomsten van voorstellen: {result.outcomes} "
               f"(te gebruiken: {result.usable}).")
    click.echo(f"Vergelijkingen (twee uitkomsten van dezelfde deelnemer met een ander "
               f"resultaat): {result.comparisons}; nodig: minstens {result.threshold}.")
    if result.stored is None:
        click.echo("Te weinig om van te leren. De gewichten in gebruik blijven hetzelfde.")
        return
    click.echo(f"Nieuwe gewichten opgeslagen als versie {result.stored.version}: "
               f"{_weights_text(result.stored.weights)}.")
    click.echo(f"Aandeel geleerd: {result.stored.learned_share:.0%}; de rest zijn de "
               f"gewichten die met de hand zijn gekozen.")
