"""The embedded offline postcode table and the distance functions of matching.geo."""

from __future__ import annotations

import math
import statistics
from pathlib import Path

import numpy as np
import pytest

from matching.geo import (
    EMBEDDED_TABLE_PATH,
    GeoPoint,
    PostcodeRowError,
    PostcodeTable,
    embedded_table,
    haversine_km,
    haversine_km_many,
    haversine_km_pairs,
    lookup_postcode,
    normalise_postcode,
    parse_geonames_row,
)

REFERENCE = Path(__file__).parents[2].parent / "shared" / "data" / "geonames-NL-pc4.tsv"

# Guards against regression: the embedded default measured 100% coverage, a median
# of 1.18 km and a 95th percentile of 6.55 km when these were set (bench/bench_geo.py).
MIN_COVERAGE = 0.995
MAX_MEDIAN_KM = 1.5
MAX_P95_KM = 6.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6601ab", "6601 AB"),
        (" 6601", "6601"),
        ("6601 ab", "6601 AB"),
        ("6601AB", "6601 AB"),
        ("6601 AB ", "6601 AB"),
        ("1000", "1000"),
        ("9999 zz", "9999 ZZ"),
        ("0601", None),
        ("601", None),
        ("66011", None),
        ("6601  AB", None),
        ("6601 A", None),
        ("6601-AB", None),
        ("", None),
        ("abcd", None),
        ("6601 ÄB", None),
    ],
)
def test_normalise_postcode(text: str, expected: str | None) -> None:
    assert normalise_postcode(text) == expected


def test_known_distances() -> None:
    nijmegen, wijchen = (51.8426, 5.8528), (51.8092, 5.7250)
    amsterdam, maastricht = (52.37403, 4.88969), (50.84833, 5.68889)  # GeoNames centres
    assert 9 <= haversine_km(*nijmegen, *wijchen) <= 10
    # Road atlases say 170-175 km; centre to centre over the sphere it is 178.4.
    assert 178 <= haversine_km(*amsterdam, *maastricht) <= 179
    assert haversine_km(*nijmegen, *nijmegen) == 0
    # A quarter of a meridian is a quarter of the mean circumference.
    assert haversine_km(0, 0, 90, 0) == pytest.approx(math.pi * 6371.0088 / 2)


def test_embedded_distances_between_towns() -> None:
    nijmegen, wijchen = lookup_postcode("6511"), lookup_postcode("6601")
    amsterdam, maastricht = lookup_postcode("1011"), lookup_postcode("6211")
    assert nijmegen and wijchen and amsterdam and maastricht
    assert 7 <= haversine_km(nijmegen.lat, nijmegen.lon, wijchen.lat, wijchen.lon) <= 12
    assert 165 <= haversine_km(amsterdam.lat, amsterdam.lon, maastricht.lat, maastricht.lon) <= 180


def test_scalar_and_vectorised_agree() -> None:
    rng = np.random.default_rng(5)
    lats = rng.uniform(50.7, 53.6, 500)
    lons = rng.uniform(3.3, 7.2, 500)
    origin = (51.8426, 5.8528)
    many = haversine_km_many(*origin, lats, lons)
    scalar = np.array(
        [haversine_km(*origin, lat, lon) for lat, lon in zip(lats, lons, strict=True)]
    )
    assert many.shape == (500,)
    assert np.max(np.abs(many - scalar)) < 1e-9


def test_pairs_give_the_bits_of_one_origin_at_a_time() -> None:
    # Allocation computes a group's distances in one pass; they must be the very
    # numbers each person's own haversine_km_many gives (scores are compared bit for bit).
    rng = np.random.default_rng(7)
    origins = [(float(lat), float(lon)) for lat, lon in
               zip(rng.uniform(50.7, 53.6, 40), rng.uniform(3.3, 7.2, 40), strict=True)]
    owner = np.sort(rng.integers(0, len(origins), 3000))
    lats, lons = rng.uniform(50.7, 53.6, 3000), rng.uniform(3.3, 7.2, 3000)
    lats[::97] = np.nan
    pairs = haversine_km_pairs(origins, owner, lats, lons)
    for person, (lat, lon) in enumerate(origins):
        own = owner == person
        one = haversine_km_many(lat, lon, lats[own], lons[own])
        assert pairs[own].tobytes() == one.tobytes()
    assert np.isnan(pairs[::97]).all()


def test_vectorised_propagates_nan() -> None:
    result = haversine_km_many(
        52.0, 5.0, np.array([np.nan, 52.0, 51.0]), np.array([5.0, np.nan, 5.0])
    )
    assert np.isnan(result[0]) and np.isnan(result[1])
    assert result[2] == pytest.approx(haversine_km(52.0, 5.0, 51.0, 5.0))


def test_lookup_accepts_every_form() -> None:
    point = lookup_postcode("6601")
    assert isinstance(point, GeoPoint)
    assert point.precision in {"postcode", "place", "estimated"}
    assert lookup_postcode("6601AB") == point
    assert lookup_postcode(" 6601 ab ") == point
    assert lookup_postcode("0601") is None
    assert lookup_postcode("nonsense") is None


def test_every_valid_pc4_resolves_inside_the_netherlands() -> None:
    table = embedded_table()
    assert len(table) == 9000
    for pc4 in range(1000, 10000):
        point = table.lookup(str(pc4))
        assert point is not None, pc4
        assert 50.7 <= point.lat <= 53.6 and 3.3 <= point.lon <= 7.3, (pc4, point)


def test_embedded_file_is_in_the_package() -> None:
    assert EMBEDDED_TABLE_PATH.is_file()
    assert EMBEDDED_TABLE_PATH.stat().st_size < 200_000


def test_table_lookup_many_and_mapping() -> None:
    table = PostcodeTable({"6601": GeoPoint(51.8, 5.7, "postcode")})
    assert table.lookup_many(["6601 AB", "6602", "x"]) == [table["6601"], None, None]
    assert list(table) == ["6601"] and len(table) == 1


def test_table_from_geonames_text() -> None:
    text = "NL\t6601\tWijchen\tGelderland\t03\tWijchen\t0296\t\t\t51.8092\t5.725\t6\n"
    table = PostcodeTable.from_geonames_text(text)
    assert table["6601"] == GeoPoint(51.8092, 5.725, "postcode")
    assert table.places["6601"] == "Wijchen"


def test_table_merges_a_postcode_listed_for_several_places() -> None:
    text = "NL\t1222\tHilversum\t\t\t\t\t\t\t52.2\t5.2\n\nNL\t1222\tBussum\t\t\t\t\t\t\t52.4\t5.0\n"
    table = PostcodeTable.from_geonames_text(text)
    assert table["1222"].lat == pytest.approx(52.3)
    assert table["1222"].lon == pytest.approx(5.1)
    assert table.places["1222"] == "Hilversum / Bussum"


def test_table_from_text_reports_the_file_line() -> None:
    text = "NL\t1222\tHilversum\t\t\t\t\t\t\t52.2\t5.2\n\nNL\t12\tX\t\t\t\t\t\t\t52\t5\n"
    with pytest.raises(PostcodeRowError, match="^line 3, column postal code"):
        PostcodeTable.from_geonames_text(text)


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (["NL", "6601", "Wijchen"], "row"),
        (["BE", "6601", "x", "", "", "", "", "", "", "51.8", "5.7"], "country"),
        (["NL", "0601", "x", "", "", "", "", "", "", "51.8", "5.7"], "postal code"),
        (["NL", "6601", "x", "", "", "", "", "", "", "north", "5.7"], "latitude"),
        (["NL", "6601", "x", "", "", "", "", "", "", "5.7", "51.8"], "latitude"),
        (["NL", "6601", "x", "", "", "", "", "", "", "51.8", "nan"], "longitude"),
    ],
)
def test_geonames_row_errors_name_line_and_column(row: list[str], column: str) -> None:
    with pytest.raises(PostcodeRowError) as caught:
        parse_geonames_row(row, 7)
    assert caught.value.line == 7
    assert caught.value.column == column
    assert str(caught.value).startswith(f"line 7, column {column}: ")


@pytest.fixture(scope="module")
def reference() -> list[tuple[str, float, float]]:
    if not REFERENCE.exists():
        pytest.skip(f"GeoNames reference file absent: {REFERENCE} (shared data not checked out)")
    rows = []
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        rows.append((fields[1], float(fields[9]), float(fields[10])))
    return rows


def test_coverage_and_median_error_against_geonames(
    reference: list[tuple[str, float, float]],
) -> None:
    assert len(reference) == 4304
    errors = []
    for postcode, lat, lon in reference:
        point = lookup_postcode(postcode)
        if point is not None:
            errors.append(haversine_km(lat, lon, point.lat, point.lon))
    assert len(errors) / len(reference) >= MIN_COVERAGE
    assert statistics.median(errors) <= MAX_MEDIAN_KM
    assert statistics.quantiles(errors, n=20)[-1] <= MAX_P95_KM


def test_geonames_table_matches_reference_exactly(
    reference: list[tuple[str, float, float]],
) -> None:
    table = PostcodeTable.from_geonames_text(REFERENCE.read_text(encoding="utf-8"))
    rows_per_postcode: dict[str, int] = {}
    for postcode, _, _ in reference:
        rows_per_postcode[postcode] = rows_per_postcode.get(postcode, 0) + 1
    assert set(table) == set(rows_per_postcode)
    for postcode, lat, lon in reference:
        point = table.lookup(postcode)
        assert point is not None and point.precision == "postcode"
        if rows_per_postcode[postcode] == 1:
            assert haversine_km(lat, lon, point.lat, point.lon) < 1e-6
    # A postcode GeoNames lists for several places is the mean of its rows.
    parts = [(lat, lon) for postcode, lat, lon in reference if postcode == "1222"]
    assert len(parts) == 2
    assert table["1222"].lat == pytest.approx((parts[0][0] + parts[1][0]) / 2)
    assert table["1222"].lon == pytest.approx((parts[0][1] + parts[1][1]) / 2)
