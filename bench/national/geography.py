"""Forty real municipalities in eight labour-market regions, and the postcodes of each.

Every municipality is its real name, a postcode in its centre and its population in
thousands (rounded, 2025): participants and organisations are spread in proportion.
Its area is the embedded PC4 table's postcodes nearest to its centre (a Voronoi cell),
cut off at a radius that grows with the population, so addresses lie around real
towns all over the Netherlands. No boundary file is needed; this is a benchmark, not a
map.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from functools import cache

from matching.geo import embedded_table, haversine_km

# (region, municipality, centre PC4, inhabitants × 1000)
MUNICIPALITIES: tuple[tuple[str, str, str, int], ...] = (
    ("Rijk van Nijmegen", "Nijmegen", "6511", 180),
    ("Rijk van Nijmegen", "Wijchen", "6602", 41),
    ("Rijk van Nijmegen", "Beuningen", "6641", 26),
    ("Rijk van Nijmegen", "Berg en Dal", "6562", 35),
    ("Rijk van Nijmegen", "Heumen", "6582", 17),
    ("Rijk van Nijmegen", "Druten", "6651", 19),
    ("Midden-Limburg", "Weert", "6001", 50),
    ("Midden-Limburg", "Nederweert", "6031", 17),
    ("Midden-Limburg", "Leudal", "6081", 36),
    ("Groot Amsterdam", "Amsterdam", "1012", 930),
    ("Groot Amsterdam", "Amstelveen", "1181", 95),
    ("Groot Amsterdam", "Zaanstad", "1506", 160),
    ("Groot Amsterdam", "Haarlemmermeer", "2132", 160),
    ("Groot Amsterdam", "Diemen", "1111", 32),
    ("Groot Amsterdam", "Purmerend", "1441", 93),
    ("Rijnmond", "Rotterdam", "3011", 670),
    ("Rijnmond", "Schiedam", "3111", 80),
    ("Rijnmond", "Vlaardingen", "3131", 75),
    ("Rijnmond", "Capelle aan den IJssel", "2902", 67),
    ("Rijnmond", "Nissewaard", "3201", 86),
    ("Rijnmond", "Ridderkerk", "2981", 47),
    ("Midden-Utrecht", "Utrecht", "3511", 370),
    ("Midden-Utrecht", "Nieuwegein", "3431", 64),
    ("Midden-Utrecht", "Zeist", "3701", 66),
    ("Midden-Utrecht", "Houten", "3991", 51),
    ("Midden-Utrecht", "IJsselstein", "3401", 35),
    ("Zuidoost-Brabant", "Eindhoven", "5611", 245),
    ("Zuidoost-Brabant", "Helmond", "5701", 95),
    ("Zuidoost-Brabant", "Veldhoven", "5504", 46),
    ("Zuidoost-Brabant", "Best", "5683", 31),
    ("Zuidoost-Brabant", "Geldrop-Mierlo", "5664", 40),
    ("Groningen", "Groningen", "9711", 240),
    ("Groningen", "Midden-Groningen", "9601", 61),
    ("Groningen", "Westerkwartier", "9801", 66),
    ("Groningen", "Het Hogeland", "9951", 48),
    ("Twente", "Enschede", "7511", 160),
    ("Twente", "Hengelo", "7551", 82),
    ("Twente", "Almelo", "7607", 74),
    ("Twente", "Oldenzaal", "7571", 32),
    ("Twente", "Borne", "7621", 24),
)


@dataclass(frozen=True)
class Place:
    """A PC4 postcode and its centre."""

    pc4: str
    lat: float
    lon: float


@dataclass
class Municipality:
    name: str
    region: str
    centre: Place
    population: int
    places: list[Place] = field(default_factory=list)

    def address(self, rng: random.Random) -> tuple[str, float, float]:
        """A postcode (PC4 + letters) in this municipality and a point near its centre."""
        place = rng.choice(self.places)
        letters = rng.choice("ABCDEGHJKLMNPRSTVWXZ") + rng.choice("ABCDEGHJKLMNPRSTVWXZ")
        # About 300 m of spread, so not every address of a postcode is one point.
        return (f"{place.pc4} {letters}", place.lat + rng.gauss(0, 0.003),
                place.lon + rng.gauss(0, 0.0045))


def _reach_km(population: int) -> float:
    """How far from its centre a municipality's postcodes may lie: larger towns reach
    further (about 4 km for 17,000 inhabitants, 14 km for Amsterdam)."""
    return 3.0 + 0.35 * math.sqrt(population)


@cache
def municipalities() -> tuple[Municipality, ...]:
    """The forty municipalities with their postcodes, in the order of MUNICIPALITIES."""
    table = embedded_table()
    found = []
    for region, name, pc4, population in MUNICIPALITIES:
        point = table[pc4]
        found.append(Municipality(name, region, Place(pc4, point.lat, point.lon), population))
    for pc4 in table:
        point = table[pc4]
        distance, nearest = min(
            (haversine_km(point.lat, point.lon, m.centre.lat, m.centre.lon), index)
            for index, m in enumerate(found)
        )
        if distance <= _reach_km(found[nearest].population):
            found[nearest].places.append(Place(pc4, point.lat, point.lon))
    for municipality in found:
        if not municipality.places:  # a centre claimed by a bigger neighbour
            municipality.places.append(municipality.centre)
    return tuple(found)


def regions() -> dict[str, list[str]]:
    """Region name -> its municipalities' names."""
    grouped: dict[str, list[str]] = {}
    for region, name, _, _ in MUNICIPALITIES:
        grouped.setdefault(region, []).append(name)
    return grouped


def pick_municipality(rng: random.Random) -> Municipality:
    """A municipality drawn in proportion to its population."""
    towns = municipalities()
    return rng.choices(towns, weights=[m.population for m in towns])[0]
