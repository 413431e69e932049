"""`flask geo import` and `flask geo lookup`, and the resolver behind them."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import scoped_session

from matching.geo import haversine_km, lookup_postcode


def geonames_line(pc4: str, place: str, lat: float | str, lon: float | str) -> str:
    fields = ["NL", pc4, place, "Gelderland", "03", "Wijchen", "0296", "", "", str(lat), str(lon)]
    return "\t".join(fields) + "\n"


GOOD = geonames_line("6601", "Wijchen", 51.8, 5.7) + geonames_line("6602", "Balgoij", 51.79, 5.71)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def imported(geo_db: scoped_session) -> dict[str, tuple[float, float, str]]:
    from marketplace.models.geo import ImportedPostcode

    rows = geo_db.scalars(select(ImportedPostcode)).all()
    return {row.pc4: (row.lat, row.lon, row.place) for row in rows}


def test_import_then_lookup_prints_imported_point(
    runner: FlaskCliRunner, geo_cli: Any, geo_db: scoped_session, tmp_path: Path
) -> None:
    result = runner.invoke(geo_cli, ["import", str(write(tmp_path, "nl.tsv", GOOD))])
    assert result.exit_code == 0, result.output
    assert "Imported 2 postcodes from 2 rows" in result.output
    assert imported(geo_db) == {"6601": (51.8, 5.7, "Wijchen"), "6602": (51.79, 5.71, "Balgoij")}

    result = runner.invoke(geo_cli, ["lookup", "6601", "6602 ab"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "6601\t51.80000\t5.70000\tpostcode",
        "6602 ab\t51.79000\t5.71000\tpostcode",
    ]


def test_reimport_replaces_the_whole_table(
    runner: FlaskCliRunner, geo_cli: Any, geo_db: scoped_session, tmp_path: Path
) -> None:
    runner.invoke(geo_cli, ["import", str(write(tmp_path, "a.tsv", GOOD))])
    second = write(tmp_path, "b.tsv", geonames_line("6603", "Hernen", 51.83, 5.67))
    result = runner.invoke(geo_cli, ["import", str(second)])
    assert result.exit_code == 0, result.output
    assert "(replacing 2)" in result.output
    assert list(imported(geo_db)) == ["6603"]

    from marketplace.geo import resolve_postcode

    # 6601 is no longer imported: the embedded default answers again.
    assert resolve_postcode("6601") == lookup_postcode("6601")
    assert resolve_postcode("6603") == (51.83, 5.67, "postcode")


def test_bad_file_reports_every_problem_and_changes_nothing(
    runner: FlaskCliRunner, geo_cli: Any, geo_db: scoped_session, tmp_path: Path
) -> None:
    runner.invoke(geo_cli, ["import", str(write(tmp_path, "good.tsv", GOOD))])
    bad = write(
        tmp_path,
        "bad.tsv",
        geonames_line("6603", "Hernen", 51.83, 5.67)
        + geonames_line("6604", "Leur", "noord", 5.6)
        + geonames_line("66", "Nergens", 51.8, 5.6)
        + "NL\t6605\tKort\n",
    )
    result = runner.invoke(geo_cli, ["import", str(bad)])
    assert result.exit_code == 2
    problems = [line for line in result.output.splitlines() if "line " in line]
    assert problems == [
        f"{bad}: line 2, column latitude: not a number: 'noord'",
        f"{bad}: line 3, column postal code: not a Dutch postcode: '66'",
        f"{bad}: line 4, column row: expected at least 11 fields, found 3",
    ]
    assert "nothing was imported" in result.output
    assert set(imported(geo_db)) == {"6601", "6602"}


def test_empty_file_is_refused(
    runner: FlaskCliRunner, geo_cli: Any, geo_db: scoped_session, tmp_path: Path
) -> None:
    result = runner.invoke(geo_cli, ["import", str(write(tmp_path, "empty.tsv", "\n"))])
    assert result.exit_code == 2
    assert "no rows" in result.output


def test_import_reads_geonames_zip(
    runner: FlaskCliRunner, geo_cli: Any, geo_db: scoped_session, tmp_path: Path
) -> None:
    archive = tmp_path / "NL.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("readme.txt", "GeoNames postal codes, CC BY 4.0\n")
        zipped.writestr("NL.txt", GOOD)
    result = runner.invoke(geo_cli, ["import", str(archive)])
    assert result.exit_code == 0, result.output
    assert set(imported(geo_db)) == {"6601", "6602"}


def test_lookup_marks_invalid_and_exits_2_after_all_lines(
    runner: FlaskCliRunner, geo_cli: Any
) -> None:
    result = runner.invoke(geo_cli, ["lookup", "0601", "6601AB", "66011"])
    assert result.exit_code == 2
    lines = [line.split("\t") for line in result.output.splitlines()]
    assert lines[0] == ["0601", "invalid"]
    assert lines[2] == ["66011", "invalid"]
    postcode, lat, lon, precision = lines[1]
    expected = lookup_postcode("6601")
    assert expected is not None
    assert postcode == "6601AB"
    assert (float(lat), float(lon)) == (round(expected.lat, 5), round(expected.lon, 5))
    assert precision == expected.precision


def test_lookup_reads_standard_input(runner: FlaskCliRunner, geo_cli: Any) -> None:
    result = runner.invoke(geo_cli, ["lookup", "-"], input="6601\n\n1011 AB\r\nabc\n")
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["6601", "1011 AB", "abc"]
    assert lines[2] == "abc\tinvalid"
    assert all(len(line.split("\t")) == 4 for line in lines[:2])


def test_after_importing_geonames_the_error_is_zero(
    runner: FlaskCliRunner,
    geo_cli: Any,
    geo_db: scoped_session,
    reference_file: Path,
) -> None:
    from marketplace.geo import make_geocoder, resolve_postcode
    from marketplace.models.geo import ImportedPostcode

    result = runner.invoke(geo_cli, ["import", str(reference_file)])
    assert result.exit_code == 0, result.output
    assert "from 4304 rows" in result.output
    count = geo_db.scalar(select(func.count()).select_from(ImportedPostcode))
    rows = [line.split("\t") for line in reference_file.read_text().splitlines()]
    rows_per_postcode: dict[str, int] = {}
    for row in rows:
        rows_per_postcode[row[1]] = rows_per_postcode.get(row[1], 0) + 1
    assert count == len(rows_per_postcode)
    geocode = make_geocoder()
    for row in rows:
        point = resolve_postcode(row[1])
        assert point is not None and point.precision == "postcode"
        assert geocode(row[1]) == point
        if rows_per_postcode[row[1]] == 1:  # several rows: their mean
            assert haversine_km(float(row[9]), float(row[10]), point.lat, point.lon) < 1e-6


def test_other_process_import_is_seen_after_reload_interval(
    app: Flask, geo_db: scoped_session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marketplace.geo import imported_table, resolve_postcode
    from marketplace.models.geo import ImportedPostcode

    assert len(imported_table()) == 0
    # Another process imports: this one is not told, but checks the table's stamp.
    geo_db.add(ImportedPostcode(pc4="6601", place="Wijchen", lat=51.8, lon=5.7))
    geo_db.commit()
    monkeypatch.setitem(app.config, "GEO_RELOAD_SECONDS", 0)
    assert resolve_postcode("6601 AB") == (51.8, 5.7, "postcode")


def test_resolve_outside_an_app_uses_the_embedded_default() -> None:
    from marketplace.geo import make_geocoder, resolve_postcode

    assert resolve_postcode("6601") == lookup_postcode("6601")
    assert make_geocoder()("6601") == lookup_postcode("6601")
    assert resolve_postcode("bad") is None
