"""Offline postcode geocoding and great-circle distances.

The embedded table ``matching/geodata/nl_pc4.csv.gz`` maps every Dutch 4-digit
postcode (PC4) to a point with a precision label. It is generated from
pip-installable open data by ``matching/geodata/build_embedded.py`` and loaded once
per process. A :class:`PostcodeTable` can also be built from rows in the GeoNames
postal-code format, which is how the marketplace keeps an imported, more precise
table.

This module never imports flask or sqlalchemy.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

__all__ = [
    "EARTH_RADIUS_KM",
    "PRECISIONS",
    "EMBEDDED_TABLE_PATH",
    "GeoPoint",
    "PostcodeTable",
    "PostcodeRowError",
    "normalise_postcode",
    "parse_geonames_row",
    "numbered_tsv_rows",
    "read_embedded_table",
    "pc4_of",
    "lookup_postcode",
    "embedded_table",
    "haversine_km",
    "haversine_km_many",
    "haversine_km_pairs",
]

#: Mean Earth radius (IUGG), in kilometres.
EARTH_RADIUS_KM = 6371.0088

#: Precision labels of the postcode tables, from most to least precise. (The
#: marketplace's online geocoder adds ``"address"``, more precise than all three.)
PRECISIONS = ("postcode", "place", "estimated")

EMBEDDED_TABLE_PATH = Path(__file__).with_name("geodata") / "nl_pc4.csv.gz"

_POSTCODE_RE = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})?$")

FloatArray = npt.NDArray[np.float64]


class GeoPoint(NamedTuple):
    """A coordinate with how it was obtained.

    Attributes
    ----------
    lat, lon : float
        WGS84 degrees.
    precision : str
        ``"postcode"`` (a centroid of the postcode area), ``"place"`` (the centre of
        the place the postcode belongs to) or ``"estimated"`` (derived from
        numerically neighbouring postcodes).

    Examples
    --------
    >>> GeoPoint(51.8426, 5.8528, "postcode").precision
    'postcode'
    """

    lat: float
    lon: float
    precision: str


class PostcodeRowError(ValueError):
    """A row of a GeoNames postal-code file that cannot be used.

    Attributes
    ----------
    line : int
        1-based line number in the file.
    column : str
        Name of the offending column.
    message : str
        What is wrong, in English.
    """

    def __init__(self, line: int, column: str, message: str) -> None:
        super().__init__(f"line {line}, column {column}: {message}")
        self.line = line
        self.column = column
        self.message = message


def normalise_postcode(text: str) -> str | None:
    """Return the canonical form of a Dutch postcode, or None if it is not one.

    Parameters
    ----------
    text : str
        ``6601``, ``6601AB``, ``6601 ab`` and the like; surrounding whitespace is
        ignored.

    Returns
    -------
    str or None
        ``"6601"`` or ``"6601 AB"``; None when ``text`` does not match
        ``^[1-9][0-9]{3} ?([A-Za-z]{2})?$`` after stripping.

    Examples
    --------
    >>> normalise_postcode("6601ab")
    '6601 AB'
    >>> normalise_postcode(" 6601")
    '6601'
    >>> normalise_postcode("0601") is None
    True
    """
    match = _POSTCODE_RE.match(text.strip())
    if match is None:
        return None
    digits, letters = match.groups()
    return f"{digits} {letters.upper()}" if letters else digits


def pc4_of(postcode: str) -> str | None:
    """Return the 4 digits of a valid postcode in any accepted form, else None.

    Examples
    --------
    >>> pc4_of("6601 ab")
    '6601'
    >>> pc4_of("66011") is None
    True
    """
    normal = normalise_postcode(postcode)
    return None if normal is None else normal[:4]


class PostcodeTable(Mapping[str, GeoPoint]):
    """An immutable mapping from 4-digit postcode to :class:`GeoPoint`.

    Parameters
    ----------
    points : Mapping[str, GeoPoint]
        Keys are 4-digit postcodes (``"6601"``).
    places : Mapping[str, str], optional
        Place name per postcode, where known (for reports and benchmarks).

    Examples
    --------
    >>> table = PostcodeTable({"6601": GeoPoint(51.8, 5.7, "postcode")})
    >>> table.lookup("6601 AB")
    GeoPoint(lat=51.8, lon=5.7, precision='postcode')
    >>> table.lookup_many(["6601", "nonsense", "1234"])
    [GeoPoint(lat=51.8, lon=5.7, precision='postcode'), None, None]
    """

    def __init__(
        self, points: Mapping[str, GeoPoint], places: Mapping[str, str] | None = None
    ) -> None:
        self._points: dict[str, GeoPoint] = dict(points)
        self.places: dict[str, str] = dict(places or {})

    def __getitem__(self, pc4: str) -> GeoPoint:
        return self._points[pc4]

    def __iter__(self) -> Iterator[str]:
        return iter(self._points)

    def __len__(self) -> int:
        return len(self._points)

    def __repr__(self) -> str:
        return f"PostcodeTable({len(self)} postcodes)"

    def lookup(self, postcode: str) -> GeoPoint | None:
        """Return the point of a postcode in any valid form, or None.

        Examples
        --------
        >>> PostcodeTable({}).lookup("6601") is None
        True
        """
        # The fast path: most callers already pass the 4 digits.
        point = self._points.get(postcode)
        if point is not None:
            return point
        pc4 = pc4_of(postcode)
        return None if pc4 is None else self._points.get(pc4)

    def lookup_many(self, postcodes: Sequence[str]) -> list[GeoPoint | None]:
        """Return :meth:`lookup` for each postcode, in order.

        Examples
        --------
        >>> PostcodeTable({"6601": GeoPoint(1.0, 2.0, "place")}).lookup_many(["6601"])
        [GeoPoint(lat=1.0, lon=2.0, precision='place')]
        """
        lookup = self.lookup
        return [lookup(postcode) for postcode in postcodes]

    @classmethod
    def from_geonames_rows(
        cls, rows: Iterable[Sequence[str]], *, precision: str = "postcode"
    ) -> PostcodeTable:
        """Build a table from rows of the GeoNames postal-code format.

        Each row is the tab-separated fields: country, postal code, place name,
        admin1 name, admin1 code, admin2 name, admin2 code, admin3 name, admin3 code,
        latitude, longitude[, accuracy]. Only ``NL`` rows are accepted. A postcode
        listed for several places (GeoNames gives 1222 for Hilversum and Bussum)
        becomes one point, the mean of its rows, with the places joined by `` / ``.

        Raises
        ------
        PostcodeRowError
            On the first row that cannot be used (use :func:`parse_geonames_row` to
            collect all problems).

        Examples
        --------
        >>> rows = [
        ...     ["NL", "1222", "Hilversum", "", "", "", "", "", "", "52.24", "5.18"],
        ...     ["NL", "1222", "Bussum", "", "", "", "", "", "", "52.26", "5.16"],
        ... ]
        >>> table = PostcodeTable.from_geonames_rows(rows)
        >>> table["1222"].precision, table.places["1222"]
        ('postcode', 'Hilversum / Bussum')
        """
        return cls._from_numbered_rows(enumerate(rows, start=1), precision)

    @classmethod
    def _from_numbered_rows(
        cls, numbered: Iterable[tuple[int, Sequence[str]]], precision: str
    ) -> PostcodeTable:
        parts: dict[str, list[tuple[str, float, float]]] = {}
        for line, row in numbered:
            pc4, place, lat, lon = parse_geonames_row(row, line)
            parts.setdefault(pc4, []).append((place, lat, lon))
        points: dict[str, GeoPoint] = {}
        places: dict[str, str] = {}
        for pc4, found in parts.items():
            lat = math.fsum(part[1] for part in found) / len(found)
            lon = math.fsum(part[2] for part in found) / len(found)
            points[pc4] = GeoPoint(lat, lon, precision)
            places[pc4] = " / ".join(dict.fromkeys(part[0] for part in found if part[0]))
        return cls(points, places)

    @classmethod
    def from_geonames_text(cls, text: str, *, precision: str = "postcode") -> PostcodeTable:
        """Build a table from the text of a GeoNames postal-code file.

        Examples
        --------
        >>> line = "\\t".join(["NL", "1011", "Amsterdam", *[""] * 6, "52.37", "4.9"])
        >>> PostcodeTable.from_geonames_text(line + "\\n")
        PostcodeTable(1 postcodes)
        """
        return cls._from_numbered_rows(numbered_tsv_rows(text), precision)


def numbered_tsv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) for each non-blank line of tab-separated text.

    Examples
    --------
    >>> list(numbered_tsv_rows("a\\tb\\n\\nc\\td\\n"))
    [(1, ['a', 'b']), (3, ['c', 'd'])]
    """
    for number, raw in enumerate(io.StringIO(text), start=1):
        line = raw.rstrip("\r\n")
        if line.strip():  # blank lines, such as a trailing one, are not rows
            yield number, line.split("\t")


_GEONAMES_MIN_FIELDS = 11


def parse_geonames_row(row: Sequence[str], line: int) -> tuple[str, str, float, float]:
    """Validate one GeoNames postal-code row and return (pc4, place, lat, lon).

    Raises
    ------
    PostcodeRowError
        Naming the line and the first offending column.

    Examples
    --------
    >>> parse_geonames_row("NL 6601 Wijchen a b c d e f 51.8 5.7".split(), 1)
    ('6601', 'Wijchen', 51.8, 5.7)
    """
    if len(row) < _GEONAMES_MIN_FIELDS:
        raise PostcodeRowError(
            line, "row", f"expected at least {_GEONAMES_MIN_FIELDS} fields, found {len(row)}"
        )
    country, postcode, place = row[0].strip(), row[1].strip(), row[2].strip()
    if country != "NL":
        raise PostcodeRowError(line, "country", f"expected NL, found {country!r}")
    pc4 = pc4_of(postcode)
    if pc4 is None:
        raise PostcodeRowError(line, "postal code", f"not a Dutch postcode: {postcode!r}")
    lat = _parse_coordinate(row[9], line, "latitude", 50.5, 53.8)
    lon = _parse_coordinate(row[10], line, "longitude", 3.2, 7.3)
    return pc4, place, lat, lon


def _parse_coordinate(text: str, line: int, column: str, low: float, high: float) -> float:
    # Bounds are the Netherlands' European part with a margin: a swapped lat/lon
    # or a point in the sea is a data error worth rejecting at import time.
    try:
        value = float(text.strip())
    except ValueError:
        raise PostcodeRowError(line, column, f"not a number: {text!r}") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise PostcodeRowError(
            line, column, f"{value} is outside the Netherlands ({low} to {high})"
        )
    return value


def read_embedded_table(path: Path = EMBEDDED_TABLE_PATH) -> PostcodeTable:
    """Read a table written by ``build_embedded.py`` (pc4, lat, lon, precision[, place]).

    Examples
    --------
    >>> len(read_embedded_table()) > 4000
    True
    """
    points: dict[str, GeoPoint] = {}
    places: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)  # header
        for row in reader:
            pc4 = row[0]
            points[pc4] = GeoPoint(float(row[1]), float(row[2]), row[3])
            if len(row) > 4 and row[4]:
                places[pc4] = row[4]
    return PostcodeTable(points, places)


@lru_cache(maxsize=1)
def embedded_table() -> PostcodeTable:
    """Return the embedded offline table, loaded once per process.

    Examples
    --------
    >>> embedded_table().lookup("6601").precision in PRECISIONS
    True
    """
    return read_embedded_table()


def lookup_postcode(postcode: str) -> GeoPoint | None:
    """Return the embedded default's point for a postcode in any valid form.

    Six-character postcodes resolve through their 4 digits.

    Returns
    -------
    GeoPoint or None
        None when the postcode is invalid or valid but unknown.

    Examples
    --------
    >>> point = lookup_postcode("6601 AB")
    >>> round(point.lat), round(point.lon)
    (52, 6)
    >>> lookup_postcode("not a postcode") is None
    True
    """
    return embedded_table().lookup(postcode)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km between two WGS84 points.

    Examples
    --------
    >>> round(haversine_km(52.37403, 4.88969, 50.84833, 5.68889))  # Amsterdam-Maastricht
    178
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    # min() guards against rounding pushing a just above 1 for antipodes.
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def haversine_km_many(
    lat: float, lon: float, lats: npt.ArrayLike, lons: npt.ArrayLike
) -> FloatArray:
    """Return great-circle distances in km from one point to many, vectorised.

    Parameters
    ----------
    lat, lon : float
        The origin, WGS84 degrees.
    lats, lons : array_like
        Destinations of the same shape; NaN in either gives NaN out.

    Examples
    --------
    >>> import numpy as np
    >>> d = haversine_km_many(52.374, 4.890, np.array([50.848, np.nan]), np.array([5.689, 0]))
    >>> round(float(d[0])), bool(np.isnan(d[1]))
    (178, True)
    """
    # The steps of haversine_km_pairs (its bits, tested), each but the first two written
    # into an array made before instead of a new one: a ranking calls this on its
    # candidates, and three arrays serve where a dozen were made.
    phi2 = np.radians(np.asarray(lats, dtype=np.float64))
    lambdas = np.radians(np.asarray(lons, dtype=np.float64))
    phi1 = math.radians(lat)
    a = np.subtract(phi2, phi1)
    a /= 2
    np.sin(a, out=a)
    np.square(a, out=a)  # what ``** 2`` computes
    lambdas -= math.radians(lon)
    lambdas /= 2
    np.sin(lambdas, out=lambdas)
    np.square(lambdas, out=lambdas)
    np.cos(phi2, out=phi2)
    np.multiply(math.cos(phi1), phi2, out=phi2)
    phi2 *= lambdas
    a += phi2
    np.minimum(1.0, a, out=a)
    np.sqrt(a, out=a)
    np.arcsin(a, out=a)
    np.multiply(2 * EARTH_RADIUS_KM, a, out=a)
    return a


def haversine_km_pairs(
    origins: Sequence[tuple[float, float]], owner: npt.ArrayLike, lats: npt.ArrayLike,
    lons: npt.ArrayLike,
) -> FloatArray:
    """Great-circle km of many pairs at once: from ``origins[owner[i]]`` to ``(lats[i], lons[i])``.

    :func:`haversine_km_many` for several origins in one pass, with its very steps and
    so its very bits (tested): each origin's radians and cosine come from :mod:`math`
    as there, and every array step is elementwise.

    Examples
    --------
    >>> import numpy as np
    >>> d = haversine_km_pairs([(52.374, 4.890), (50.848, 5.689)], np.array([0, 1]),
    ...                        np.array([50.848, 50.848]), np.array([5.689, 5.689]))
    >>> [round(float(x)) for x in d]
    [178, 0]
    """
    phi1 = [math.radians(lat) for lat, _ in origins]
    cos1 = np.array([math.cos(phi) for phi in phi1], dtype=np.float64)
    lambda1 = np.array([math.radians(lon) for _, lon in origins], dtype=np.float64)
    at = np.asarray(owner, dtype=np.int64)
    phi2 = np.radians(np.asarray(lats, dtype=np.float64))
    lambda2 = np.radians(np.asarray(lons, dtype=np.float64))
    half_dphi = (phi2 - np.array(phi1, dtype=np.float64)[at]) / 2
    half_dlambda = (lambda2 - lambda1[at]) / 2
    a = np.sin(half_dphi) ** 2 + cos1[at] * np.cos(phi2) * np.sin(half_dlambda) ** 2
    result: FloatArray = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, a)))
    return result
