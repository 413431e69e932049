"""Measure the embedded postcode table against GeoNames' postcode centroids.

Run: ``python bench/bench_geo.py [PATH_TO_GEONAMES_NL_TSV]``; by default it reads
``../shared/data/geonames-NL-pc4.tsv`` beside the repository. Prints coverage,
median, 95th percentile and worst ten errors in km, and the time to resolve 10,000
postcodes once the table is loaded.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from matching.geo import PostcodeTable, embedded_table, haversine_km, lookup_postcode

DEFAULT_REFERENCE = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / ("geonames-NL-pc4.tsv")
)


@dataclass(frozen=True)
class Error:
    """One reference postcode's distance from the embedded point."""

    postcode: str
    place: str
    km: float
    precision: str


def read_reference(path: Path) -> list[tuple[str, str, float, float]]:
    """Return (postcode, place, lat, lon) for every row of a GeoNames file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        rows.append((fields[1], fields[2], float(fields[9]), float(fields[10])))
    return rows


def measure(reference: list[tuple[str, str, float, float]]) -> tuple[list[Error], list[str]]:
    """Return the errors of resolved postcodes and the postcodes not resolved."""
    errors, missing = [], []
    for postcode, place, lat, lon in reference:
        point = lookup_postcode(postcode)
        if point is None:
            missing.append(postcode)
            continue
        errors.append(
            Error(postcode, place, haversine_km(lat, lon, point.lat, point.lon), point.precision)
        )
    return errors, missing


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    rank = max(1, round(fraction * len(sorted_values) + 0.5))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def time_lookups(count: int = 10_000) -> float:
    """Return seconds to resolve ``count`` postcodes in mixed forms, table loaded."""
    embedded_table()
    rng = random.Random(5)
    letters = "ABCDEFGHJKLMNPRSTVWXZ"
    postcodes = []
    for _ in range(count):
        digits = str(rng.randint(1000, 9999))
        form = rng.randrange(3)
        suffix = rng.choice(letters) + rng.choice(letters)
        postcodes.append([digits, f"{digits}{suffix}", f"{digits} {suffix.lower()}"][form])
    start = time.perf_counter()
    embedded_table().lookup_many(postcodes)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    """Print the figures; return 1 when the reference file is missing."""
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_REFERENCE
    if not path.exists():
        print(f"reference file not found: {path}", file=sys.stderr)
        return 1
    reference = read_reference(path)
    errors, missing = measure(reference)
    kms = sorted(error.km for error in errors)
    print(f"reference: {path.name}, {len(reference)} postcodes")
    print(
        f"coverage: {len(errors)}/{len(reference)} = {len(errors) / len(reference):.2%}"
        f" (missing: {', '.join(missing[:10]) or 'none'})"
    )
    for precision in ("postcode", "place", "estimated"):
        share = [error.km for error in errors if error.precision == precision]
        if share:
            print(
                f"  {precision:9}: {len(share):5} postcodes, median "
                f"{statistics.median(share):.2f} km"
            )
    print(f"error median: {statistics.median(kms):.2f} km")
    print(f"error p95:    {percentile(kms, 0.95):.2f} km")
    print(f"error mean:   {statistics.fmean(kms):.2f} km")
    print("worst ten (postcode, GeoNames place, error km, precision):")
    for error in sorted(errors, key=lambda error: -error.km)[:10]:
        print(f"  {error.postcode}  {error.place:28} {error.km:7.1f}  {error.precision}")
    imported = PostcodeTable.from_geonames_text(path.read_text(encoding="utf-8"))
    after = sorted(
        haversine_km(lat, lon, *imported[postcode][:2]) for postcode, _, lat, lon in reference
    )
    exact = sum(1 for km in after if km < 1e-6)
    print(
        f"after importing this file: {exact}/{len(after)} rows exact, median "
        f"{statistics.median(after):.2f} km, max {after[-1]:.2f} km"
        " (a postcode listed for several places is their mean)"
    )
    load_start = time.perf_counter()
    embedded_table.cache_clear()
    embedded_table()
    print(f"load table: {time.perf_counter() - load_start:.3f} s")
    print(f"resolve 10,000 postcodes: {time_lookups():.4f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
